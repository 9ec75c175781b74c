# Two commands: `make run` and `make test`. Both bootstrap .venv from a bare python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Local runs use Prefect's embedded API with a project-local home, no telemetry.
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180

.PHONY: run test bench eval ui crash-loop clean-data

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsetl run data/raw --out data/processed

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python -m newsetl.evaluate boilerplate
	$(BIN)/python -m newsetl.evaluate outlets
	$(BIN)/python -m newsetl.evaluate quotes

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

ui: $(STAMP)
	$(BIN)/prefect server start --host 127.0.0.1 --port 4200

clean-data:
	rm -rf data/processed/* && touch data/processed/.gitkeep
