"""`newsetl run` answers an unchanged corpus without starting Prefect, and only then."""

from __future__ import annotations

import newsetl
from newsetl.unchanged import record_unchanged_run

from reliability_support import run_direct, snapshot, write_corpus


def test_unchanged_corpus_is_recorded_as_a_run_without_touching_other_tables(tmp_path):
    raw, out = write_corpus(tmp_path / "raw", n_articles=4), tmp_path / "out"
    run_direct(raw, out)
    before, n_runs_before = snapshot(out), len(newsetl.load("runs", out))
    summary = record_unchanged_run(raw, out, max_bytes=10**6)
    assert summary is not None
    committed = len(newsetl.load("articles", out)) + len(newsetl.load("rejects", out))
    assert (summary["status"], summary["n_articles_new"], summary["n_unchanged"]) == ("unchanged", 0, committed)
    assert snapshot(out) == before  # every table but runs
    assert len(newsetl.load("runs", out)) == n_runs_before + 1
    assert "unchanged" in newsetl.load("runs", out)["status"].tolist()


def test_a_new_file_sends_the_run_to_the_flow(tmp_path):
    raw, out = write_corpus(tmp_path / "raw", n_articles=3), tmp_path / "out"
    run_direct(raw, out)
    (raw / "late.txt").write_text("Late ferry\n\nThe ferry left at noon, the harbour master said.\n")
    assert record_unchanged_run(raw, out, max_bytes=10**6) is None


def test_a_first_run_or_an_interrupted_commit_goes_to_the_flow(tmp_path):
    raw, out = write_corpus(tmp_path / "raw", n_articles=2), tmp_path / "out"
    assert record_unchanged_run(raw, out, max_bytes=10**6) is None
    assert not out.exists() or not any(out.rglob("*.parquet"))
    run_direct(raw, out)
    (out / "_state" / "journal" / "x.json").write_text("{}")
    assert record_unchanged_run(raw, out, max_bytes=10**6) is None
