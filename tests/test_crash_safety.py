"""A killed run or a full disk leaves the tables exactly right (issue 9, crash safety).

Fault hooks in ``newsetl.store``:

- ``NEWSETL_FAULT_KILL_AFTER_PARTS=n``: SIGKILL after the n-th part file is moved
  into a table during a commit.
- ``NEWSETL_FAULT_ENOSPC_AFTER_WRITES=n``: the n-th Parquet write fails with ENOSPC.

After the fault, a second run without it must leave every table equal to the
tables of a clean single run: same rows, none lost, none duplicated (run ids
and timestamps aside).

Kill points across a whole run are tested on the library pipeline in a forked
child (cheap: no interpreter or Prefect start); the real flow is killed in a
subprocess once, and fails on a full disk once. ``scripts/crash_loop.py``
repeats the real-flow kill test with random kill points.
"""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

import pytest

import newsetl
from newsetl import store as store_module
from newsetl.store import FAULT_ENOSPC_AFTER_WRITES, FAULT_KILL_AFTER_PARTS, LOCK_FILE, Store
from newsetl.tables import BATCH_TABLES

from reliability_support import committed_parts, diff_snapshots, flow_env, run_direct, run_flow, snapshot, write_corpus

BATCH_SIZE = 3  # several batches, so a crash can fall between them as well as inside one
PARTS_PER_BATCH = len(BATCH_TABLES) + 1  # the batch tables + rejects
WRITES_PER_BATCH = PARTS_PER_BATCH


@pytest.fixture(scope="module")
def api_url(prefect_harness) -> str:
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("crash-corpus") / "raw")


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[dict, int]:
    """Tables of one clean run, and how many part files it committed (its kill points)."""
    out = tmp_path_factory.mktemp("crash-reference") / "out"
    summary = run_direct(corpus, out, batch_size=BATCH_SIZE)
    assert summary["n_articles_new"] == 11
    return snapshot(out), committed_parts(out)


@pytest.fixture()
def fault_counters():
    """The hooks count moves and writes per process; start each in-process test from zero."""
    store_module._counters.clear()
    yield
    store_module._counters.clear()


def assert_same_tables(out: Path, expected: dict) -> None:
    problems = diff_snapshots(expected, snapshot(out))
    assert not problems, "\n".join(problems)
    articles = newsetl.load("articles", out)
    assert articles["article_id"].is_unique
    assert Store(out).problems() == []


def killed_direct_run(corpus: Path, out: Path, kill_at: int) -> int:
    """run_direct in a forked child that SIGKILLs itself at the kill point; returns its wait status."""
    pid = os.fork()
    if pid == 0:  # child
        try:
            store_module._counters.clear()
            os.environ[FAULT_KILL_AFTER_PARTS] = str(kill_at)
            run_direct(corpus, out, batch_size=BATCH_SIZE)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return status


# Kill points as fractions of a run's part moves: inside the init commit, at batch
# boundaries, in the middle of batches, the very last move.
KILL_FRACTIONS = (0.0, 0.12, 0.2, 0.33, 0.5, 0.61, 0.8, 1.0)


@pytest.mark.parametrize("fraction", KILL_FRACTIONS)
def test_kill_at_any_commit_point_then_rerun_equals_a_clean_run(corpus, reference, tmp_path, fraction):
    expected, n_parts = reference
    kill_at = max(1, round(fraction * n_parts))
    out = tmp_path / "out"
    status = killed_direct_run(corpus, out, kill_at)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"the run was not killed at move {kill_at}"
    rerun = run_direct(corpus, out, batch_size=BATCH_SIZE)
    assert_same_tables(out, expected)
    runs = newsetl.load("runs", out)
    assert runs.loc[runs["run_id"] == rerun["run_id"], "status"].tolist() == ["completed"]
    assert set(runs.loc[runs["run_id"] != rerun["run_id"], "status"]) <= {"interrupted"}
    assert set(newsetl.load("articles", out)["run_id"]) <= set(runs["run_id"])


@pytest.mark.parametrize("fail_at", [3, 7, 12, 13, 20, 37, 39])
def test_disk_full_at_any_write_raises_commits_nothing_partial_and_rerun_completes(
    corpus, reference, tmp_path, monkeypatch, fault_counters, fail_at
):
    expected, _ = reference
    out = tmp_path / "out"
    monkeypatch.setenv(FAULT_ENOSPC_AFTER_WRITES, str(fail_at - 1))
    with pytest.raises(OSError) as err:
        run_direct(corpus, out, batch_size=BATCH_SIZE)
    assert err.value.errno == errno.ENOSPC
    monkeypatch.delenv(FAULT_ENOSPC_AFTER_WRITES)
    store = Store(out)
    # every committed batch is whole: the manifest and the tables agree part by part
    assert store.problems() == []
    assert not list((out / "_state" / "journal").glob("*.json"))
    committed_ids = {i for r in store.records() for i in r.article_ids}
    assert set(newsetl.load("articles", out)["article_id"]) == committed_ids
    # the first writes are the empty init parts, then one per part of each batch: a batch is committed only if
    # all its writes were
    n_batches = (reference[1] - PARTS_PER_BATCH) // PARTS_PER_BATCH
    full_batches = min(n_batches, max(0, (fail_at - 1 - WRITES_PER_BATCH) // WRITES_PER_BATCH))
    assert len([r for r in store.records() if r.run_id != "init"]) == full_batches
    assert not (out / LOCK_FILE).exists(), "a failed run must release the lock"
    run_direct(corpus, out, batch_size=BATCH_SIZE)
    assert_same_tables(out, expected)


def test_failure_while_rebuilding_aggregates_does_not_leave_them_stale(corpus, reference, tmp_path, monkeypatch):
    expected, _ = reference
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, n_articles=4)
    run_direct(raw, out, batch_size=BATCH_SIZE)  # speakers and outlets exist from here on
    write_corpus(raw)  # five more articles

    def disk_full(self, table, data, staging):
        raise OSError(errno.ENOSPC, "No space left on device (injected fault)", table)

    with monkeypatch.context() as patch:
        patch.setattr(Store, "replace_aggregate", disk_full)
        with pytest.raises(OSError):
            run_direct(raw, out, batch_size=BATCH_SIZE)
    assert Store(out).aggregates_stale()
    summary = run_direct(raw, out, batch_size=BATCH_SIZE)  # nothing new to process, yet the aggregates are rebuilt
    assert summary["n_articles_new"] == 0
    assert_same_tables(out, expected)
    assert not Store(out).aggregates_stale()


# ---- the real flow, in a subprocess -----------------------------------------------------


def test_flow_killed_in_the_middle_of_a_commit_then_rerun_equals_a_clean_run(corpus, reference, api_url, tmp_path):
    expected, n_parts = reference
    out = tmp_path / "out"
    # the empty-table init commit moves a part per table; kill half-way through the second batch's commit
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
    runs = newsetl.load("runs", out)
    assert sorted(runs["status"]) == ["completed", "interrupted"]
    articles = newsetl.load("articles", out)
    assert set(articles["run_id"]) <= set(runs["run_id"])
    killed = runs[runs["status"] == "interrupted"].iloc[0]
    assert killed["n_articles_new"] == (articles["run_id"] == killed["run_id"]).sum() > 0
    assert runs["n_articles_new"].sum() == len(articles)


def test_flow_on_a_full_disk_fails_clearly_and_commits_nothing_partial(corpus, reference, api_url, tmp_path):
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

    run_direct(corpus, out, batch_size=BATCH_SIZE)  # the re-run, without Prefect to keep the suite fast
    assert_same_tables(out, expected)
    assert sorted(newsetl.load("runs", out)["status"]) == ["completed", "interrupted"]
