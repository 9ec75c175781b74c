"""A killed run or a full disk leaves the tables exactly right (issue 9, crash safety).

The flow runs in a subprocess (it must be killable with SIGKILL) against the
session's Prefect test server, with the fault hooks in ``newsetl.store``:

- ``NEWSETL_FAULT_KILL_AFTER_PARTS=n``: SIGKILL after the n-th part file is moved
  into a table during a commit.
- ``NEWSETL_FAULT_ENOSPC_AFTER_WRITES=n``: the n-th Parquet write fails with ENOSPC.

After the fault, a second run without it must leave every table equal to the
tables of a clean single run: same rows, none lost, none duplicated (run ids
and timestamps aside). ``scripts/crash_loop.py`` repeats the kill test with
random kill points.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

import newsetl
from newsetl.cli import load_flow
from newsetl.store import LOCK_FILE, Store

from reliability_support import committed_parts, diff_snapshots, flow_env, run_flow, snapshot, write_corpus

BATCH_SIZE = 3  # several batches, so a crash can fall between them as well as inside one
PARTS_PER_BATCH = 6  # five batch tables + rejects


@pytest.fixture(scope="module")
def api_url(prefect_harness) -> str:
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("crash-corpus") / "raw")


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory, prefect_harness) -> tuple[dict, int]:
    """Tables of one clean run of the real flow (in this process), and how many parts it committed."""
    out = tmp_path_factory.mktemp("crash-reference") / "out"
    summary = load_flow()(raw_dir=str(corpus), out_dir=str(out), batch_size=BATCH_SIZE)
    assert summary["status"] == "completed" and summary["n_articles_new"] == 11
    return snapshot(out), committed_parts(out)


def assert_same_tables(out: Path, expected: dict) -> None:
    problems = diff_snapshots(expected, snapshot(out))
    assert not problems, "\n".join(problems)
    articles = newsetl.load("articles", out)
    assert articles["article_id"].is_unique
    assert Store(out).problems() == []


def test_sigkill_in_the_middle_of_a_commit_then_rerun_equals_a_clean_run(corpus, reference, api_url, tmp_path):
    expected, n_parts = reference
    out = tmp_path / "out"
    # the empty-table init commit moves 6 parts; kill half-way through the second batch's commit
    kill_at = PARTS_PER_BATCH + PARTS_PER_BATCH + 3
    assert kill_at < n_parts
    env = flow_env(api_url, tmp_path / "prefect", NEWSETL_FAULT_KILL_AFTER_PARTS=str(kill_at))
    code, output = run_flow(corpus, out, env, batch_size=BATCH_SIZE)
    assert code == -signal.SIGKILL, output[-3000:]
    # the crash left a half-done commit and the dead run's lock behind
    assert len(list((out / "_state" / "journal").glob("*.json"))) == 1
    assert (out / LOCK_FILE).exists()

    code, output = run_flow(corpus, out, flow_env(api_url, tmp_path / "prefect"), batch_size=BATCH_SIZE)
    assert code == 0, output[-3000:]
    assert_same_tables(out, expected)
    assert not (out / LOCK_FILE).exists()
    assert not list((out / "_state" / "journal").glob("*.json"))

    # the killed run keeps a runs row, so every articles.run_id names a run
    runs = newsetl.load("runs", out).sort_values("started_at")
    assert runs["status"].tolist() == ["interrupted", "completed"]
    articles = newsetl.load("articles", out)
    assert set(articles["run_id"]) <= set(runs["run_id"])
    killed = runs.iloc[0]
    assert killed["n_articles_new"] == (articles["run_id"] == killed["run_id"]).sum() > 0
    assert runs["n_articles_new"].sum() == len(articles)


def test_sigkill_between_batches_then_rerun_equals_a_clean_run(corpus, reference, api_url, tmp_path):
    expected, _ = reference
    out = tmp_path / "out"
    kill_at = 2 * PARTS_PER_BATCH  # the last move of the first batch: manifest not yet written
    env = flow_env(api_url, tmp_path / "prefect", NEWSETL_FAULT_KILL_AFTER_PARTS=str(kill_at))
    code, output = run_flow(corpus, out, env, batch_size=BATCH_SIZE)
    assert code == -signal.SIGKILL, output[-3000:]
    code, output = run_flow(corpus, out, flow_env(api_url, tmp_path / "prefect"), batch_size=BATCH_SIZE)
    assert code == 0, output[-3000:]
    assert_same_tables(out, expected)


def test_disk_full_fails_the_run_clearly_commits_nothing_partial_and_rerun_completes(corpus, reference, api_url, tmp_path):
    expected, _ = reference
    out = tmp_path / "out"
    # writes 1-6: the empty init parts; 7-12: batch 1; 13-18: batch 2 -> fail inside batch 2
    env = flow_env(api_url, tmp_path / "prefect", NEWSETL_FAULT_ENOSPC_AFTER_WRITES="14")
    code, output = run_flow(corpus, out, env, batch_size=BATCH_SIZE)
    assert code != 0
    assert "No space left on device" in output
    assert "Failed" in output  # the flow run's final state says so

    store = Store(out)
    assert store.problems() == []
    batches = [r for r in store.records() if r.run_id != "init"]
    assert len(batches) == 1, "exactly the batch finished before the failure stays committed"
    assert not list((out / "_state" / "journal").glob("*.json"))
    committed_ids = set(batches[0].article_ids)
    assert set(newsetl.load("articles", out)["article_id"]) == committed_ids
    for table in ("sentences", "quotes", "outlet_mentions", "boilerplate"):
        assert set(newsetl.load(table, out)["article_id"]) <= committed_ids, f"{table} holds rows of an uncommitted batch"
    assert not (out / LOCK_FILE).exists(), "a failed run must release the lock"

    code, output = run_flow(corpus, out, flow_env(api_url, tmp_path / "prefect"), batch_size=BATCH_SIZE)
    assert code == 0, output[-3000:]
    assert_same_tables(out, expected)
    runs = newsetl.load("runs", out).sort_values("started_at")
    assert runs["status"].tolist() == ["interrupted", "completed"]
