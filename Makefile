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

.PHONY: run test bench eval ui serve report doctor screenshots chromium crash-loop clean-data bytecode

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

# pip installs newsetl editable, so it byte-compiles none of our modules; where PYTHONDONTWRITEBYTECODE
# is set (as on our CI machines) every process compiled them again, ~0.2 s of a run's start-up.
# compileall redoes only what changed since.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q src flows benchmarks

run: bytecode
	$(BIN)/newsetl run data/raw --out data/processed

test: bytecode
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python -m newsetl.evaluate boilerplate
	$(BIN)/python -m newsetl.evaluate outlets
	$(BIN)/python -m newsetl.evaluate quotes

bench: bytecode
	$(BIN)/python benchmarks/run.py

# A local Prefect server and UI on loopback only, with its database in PREFECT_HOME.
# Point runs at it from another terminal: export PREFECT_API_URL=$(UI_URL)/api
UI_PORT ?= 4200
UI_URL := http://127.0.0.1:$(UI_PORT)
ui: $(STAMP)
	@echo "Prefect UI at $(UI_URL) (database in $(PREFECT_HOME)); in another terminal: export PREFECT_API_URL=$(UI_URL)/api"
	PREFECT_UI_API_URL=$(UI_URL)/api $(BIN)/prefect server start --host 127.0.0.1 --port $(UI_PORT)

# Daily 06:00 UTC runs of data/raw into data/processed, reported to the `make ui` server.
serve: $(STAMP)
	PREFECT_API_URL=$(UI_URL)/api $(BIN)/newsetl serve --cron "0 6 * * *" --raw data/raw --out data/processed

report: $(STAMP)
	$(BIN)/newsetl report --out data/processed

doctor: $(STAMP)
	$(BIN)/newsetl doctor --out data/processed

chromium:
	bash scripts/install_chromium.sh

# docs/prefect-ui-run.png and docs/report.png (the report of data/processed when it has articles).
screenshots: $(STAMP) chromium
	bash scripts/screenshots.sh data/processed

clean-data:
	rm -rf data/processed/* && touch data/processed/.gitkeep

crash-loop: $(STAMP)
	$(BIN)/python scripts/crash_loop.py --runs 20
