"""The `newsetl` command without a Prefect server: help, show, doctor, the progress bar's feed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress
from typer.testing import CliRunner

from newsetl import doctor
from newsetl.cli import _ProgressWatcher, app, serve_parameters
from newsetl.progress import read_progress, write_progress
from newsetl.store import BatchRecord, Store, write_parquet
from newsetl.tables import to_table

runner = CliRunner()

QUOTES = [
    {"quote_id": "q1", "article_id": "a1", "sentence_idx": 2, "kind": "direct", "text": "We cannot wait for the next budget cycle.",
     "char_start": 10, "char_end": 52, "cue": "said", "speaker_id": "s1", "speaker_name": "Odile Fenwick", "polarity": 0.0},
    {"quote_id": "q2", "article_id": "a1", "sentence_idx": 4, "kind": "partial", "text": "a bandage on a broken leg.",
     "char_start": 90, "char_end": 116, "cue": "called", "speaker_id": "s2", "speaker_name": "Bertram Achterberg", "polarity": -0.4},
]
ACTS = [
    {"act_id": "a1-a0", "article_id": "a1", "sentence_idx": 5, "kind": "directive", "text": "the county to share the cost",
     "char_start": 120, "char_end": 148, "cue": "urged", "speaker_id": "s1", "speaker_name": "Odile Fenwick"},
]
ARTICLE = {"article_id": "a1", "source_path": "courier/bridge.txt", "publisher": "The Linford Courier",
           "title": "Council Approves Emergency Repairs to Old Mill Bridge", "body": "The council voted.", "polarity": -0.2}


def plain(text: str) -> str:
    """Terminal output without colour codes, and with rich's line wrapping undone."""
    return " ".join(re.sub(r"\x1b\[[0-9;]*m", "", text).split())


@pytest.fixture()
def out_dir(tmp_path) -> Path:
    """A committed output directory with one batch: one article and its two quotes."""
    out = tmp_path / "processed"
    store = Store(out)
    store.open()
    staging = tmp_path / "staging"
    parts = {}
    for table, rows in {"articles": [ARTICLE], "quotes": QUOTES, "speech_acts": ACTS}.items():
        parts[table] = staging / f"{table}.parquet"
        write_parquet(to_table(table, rows), parts[table])
    store.commit(BatchRecord("run1-00000", "run1", {}, {}, article_ids=("a1",), sources={"courier/bridge.txt": "a1"}), parts)
    return out


@pytest.mark.parametrize("command", [[], ["run"], ["serve"], ["show"], ["report"], ["doctor"]])
def test_every_command_explains_itself_with_help(command):
    result = runner.invoke(app, [*command, "--help"])

    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_run_help_lists_the_documented_options():
    output = plain(runner.invoke(app, ["run", "--help"]).output)

    for option in ("--out", "--workers", "--batch-size", "--publisher"):
        assert option in output


def test_show_prints_readable_columns_of_a_table(out_dir):
    result = runner.invoke(app, ["show", "quotes", "--out", str(out_dir), "--limit", "5"], env={"COLUMNS": "200"})

    assert result.exit_code == 0, result.output
    output = plain(result.output)
    assert "quotes: 2 rows" in output
    assert "Odile Fenwick" in output and "a bandage on a broken leg." in output
    assert "char_start" not in output  # offsets are left out unless asked for


def test_show_prints_speech_acts_with_their_cue(out_dir):
    result = runner.invoke(app, ["show", "speech_acts", "--out", str(out_dir)], env={"COLUMNS": "200"})

    assert result.exit_code == 0, result.output
    output = plain(result.output)
    assert "speech_acts: 1 rows" in output
    assert "urged" in output and "directive" in output and "the county to share the cost" in output
    assert "act_id" not in output


def test_show_filters_rows_with_where_and_picks_columns(out_dir):
    result = runner.invoke(
        app, ["show", "quotes", "--out", str(out_dir), "--where", "kind == 'partial'", "--columns", "speaker_name,cue"], env={"COLUMNS": "200"}
    )

    output = plain(result.output)
    assert result.exit_code == 0, result.output
    assert "1 rows where kind == 'partial'" in output
    assert "Bertram Achterberg" in output and "Odile Fenwick" not in output


def test_show_names_the_tables_when_given_an_unknown_one(out_dir):
    result = runner.invoke(app, ["show", "quotez", "--out", str(out_dir)])

    assert result.exit_code != 0
    assert "unknown table 'quotez'" in plain(result.output)


def test_progress_watcher_moves_the_bar_from_the_flows_progress_file(tmp_path):
    bar = Progress(console=Console(file=open("/dev/null", "w")))
    task_id = bar.add_task("starting", total=None)
    watcher = _ProgressWatcher(tmp_path, bar, task_id, started=0.0)

    write_progress(tmp_path, "run1", "processing", batches_done=2, batches_total=5, articles_done=400, articles_total=1000)
    watcher.poll()

    task = bar.tasks[0]
    assert (task.completed, task.total) == (400, 1000)
    assert task.description == "batch 2/5 committed"


def test_progress_from_an_earlier_run_is_ignored(tmp_path):
    progress = write_progress(tmp_path, "old-run", "finished", 1, 1, 10, 10)

    assert read_progress(tmp_path, newer_than=progress.updated_at + 1) is None
    assert read_progress(tmp_path, newer_than=progress.updated_at - 1) == progress


def test_serve_passes_absolute_paths_so_runs_do_not_depend_on_the_runners_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    parameters = serve_parameters(Path("data/raw"), Path("data/processed"), workers=2, batch_size=50, publisher=None)

    assert parameters == {"raw_dir": str(tmp_path / "data/raw"), "out_dir": str(tmp_path / "data/processed"), "workers": 2, "batch_size": 50}
    assert "batch_size" not in serve_parameters(Path("r"), Path("o"), workers=1, batch_size=None, publisher=None)


def test_doctor_passes_on_a_healthy_data_dir(out_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Title\nBody.\n")

    result = runner.invoke(app, ["doctor", "--out", str(out_dir), "--raw", str(raw)], env={"COLUMNS": "300"})

    assert result.exit_code == 0, result.output
    assert "1 committed batches, 1 articles, every part readable" in plain(result.output)


def test_doctor_explains_a_corrupt_part_and_repair_drops_its_batch(out_dir, tmp_path):
    (out_dir / "quotes" / "part-run1-00000.parquet").write_bytes(b"not parquet at all")

    result = runner.invoke(app, ["doctor", "--out", str(out_dir), "--raw", str(tmp_path)], env={"COLUMNS": "300"})

    assert result.exit_code == 1
    assert "quotes/part-run1-00000.parquet is not a readable Parquet file" in plain(result.output)
    assert "newsetl doctor --repair" in plain(result.output)

    repaired = runner.invoke(app, ["doctor", "--repair", "--out", str(out_dir), "--raw", str(tmp_path)], env={"COLUMNS": "300"})

    assert repaired.exit_code == 0, repaired.output
    assert "dropped batch run1-00000; the next `newsetl run` reprocesses its articles" in plain(repaired.output)
    assert Store(out_dir).problems() == []


def test_doctor_explains_a_missing_part(out_dir):
    (out_dir / "articles" / "part-run1-00000.parquet").unlink()

    checks = doctor.check_out_dir(out_dir)

    [failure] = [c for c in checks if c.status == doctor.FAIL]
    assert failure.message.startswith("articles/part-run1-00000.parquet is missing (batch run1-00000)")


def test_doctor_says_a_stale_lock_is_harmless(out_dir):
    (out_dir / ".newsetl.lock").write_text('{"pid": 999999999, "host": "%s", "started": 0}' % __import__("socket").gethostname())

    [lock] = [c for c in doctor.check_out_dir(out_dir) if c.name == "lock"]

    assert lock.status == doctor.WARN and "which is gone; the next run removes it" in lock.message


def test_doctor_fails_when_the_configured_api_does_not_answer():
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    check = doctor.check_api_url(f"http://127.0.0.1:{port}/api", timeout=1)

    assert check.status == doctor.FAIL
    assert f"PREFECT_API_URL=http://127.0.0.1:{port}/api does not answer" in check.message


def test_doctor_fails_on_a_package_older_than_required():
    [check] = doctor.check_packages({"pandas": "999.0"})

    assert check.status == doctor.FAIL and "older than 999.0" in check.message


def test_doctor_on_a_missing_data_dir_says_the_first_run_creates_it(tmp_path):
    [check] = doctor.check_out_dir(tmp_path / "nowhere")

    assert check.status == doctor.WARN and "creates it on the first run" in check.message
