"""Two runs on one output directory never both write (issue 9, concurrency).

The owner of ``out/.newsetl.lock`` holds an ``flock`` on it and writes its PID
there; a second run exits at once with a message naming that PID. A lock file
left by a killed run (its PID dead, its flock released by the kernel) is taken
over without a race.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import newsetl
from newsetl.store import LOCK_FILE, Store, StoreLocked

from reliability_support import PYTHON, diff_snapshots, flow_env, run_direct, run_flow, snapshot, start_flow, write_corpus

HOLDER = textwrap.dedent(
    """
    import sys, time
    from newsetl.store import Store
    with Store(sys.argv[1]).locked():
        print("locked", flush=True)
        time.sleep(600)
    """
)


def hold_lock(out: Path) -> subprocess.Popen:
    """A process that owns ``out`` until killed."""
    proc = subprocess.Popen([str(PYTHON), "-c", HOLDER, str(out)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()


@pytest.fixture(scope="module")
def api_url(prefect_harness) -> str:
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


def test_second_owner_is_refused_with_the_holders_pid(tmp_path):
    holder = hold_lock(tmp_path / "out")
    try:
        with pytest.raises(StoreLocked) as err:
            with Store(tmp_path / "out").locked():
                pytest.fail("two owners at once")
        message = str(err.value)
        assert f"pid {holder.pid} " in message and "in use by another newsetl run" in message
        assert json.loads((tmp_path / "out" / LOCK_FILE).read_text())["pid"] == holder.pid
    finally:
        kill(holder)


def test_lock_left_by_a_killed_run_is_taken_over(tmp_path):
    out = tmp_path / "out"
    holder = hold_lock(out)
    kill(holder)
    assert json.loads((out / LOCK_FILE).read_text())["pid"] == holder.pid  # stale: its process is gone
    with Store(out).locked():
        assert json.loads((out / LOCK_FILE).read_text())["pid"] == os.getpid()
    assert not (out / LOCK_FILE).exists()


@pytest.mark.parametrize("content", ["", "not json", json.dumps({"pid": 999999999, "host": "elsewhere", "started": 0})])
def test_unowned_lock_file_of_any_content_is_taken_over(tmp_path, content):
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_FILE).write_text(content)
    with Store(out).locked():
        assert json.loads((out / LOCK_FILE).read_text())["pid"] == os.getpid()


CONTENDER = textwrap.dedent(
    """
    import os, sys, time
    from newsetl.store import Store, StoreLocked
    out, log, go = sys.argv[1], sys.argv[2], sys.argv[3]
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.001)
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        try:
            with Store(out).locked():
                fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
                os.write(fd, f"enter {os.getpid()}\\n".encode())
                time.sleep(0.002)
                os.write(fd, f"exit {os.getpid()}\\n".encode())
                os.close(fd)
        except StoreLocked:
            pass
    """
)


def test_contending_processes_never_own_the_directory_at_once(tmp_path):
    out, log, go = tmp_path / "out", tmp_path / "log", tmp_path / "go"
    out.mkdir()
    (out / LOCK_FILE).write_text(json.dumps({"pid": 999999999}))  # start from a stale lock: the racy case
    procs = [
        subprocess.Popen([str(PYTHON), "-c", CONTENDER, str(out), str(log), str(go)], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for proc in procs:  # all imported: contention starts together
        assert proc.stdout.readline().strip() == "ready"
    go.touch()
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    events = log.read_text().split("\n")[:-1]
    assert len(events) >= 20, "too little contention to prove anything"
    assert len({e.split()[1] for e in events}) >= 2, "only one process ever got the lock"
    owner = None
    for event in events:
        kind, pid = event.split()
        if kind == "enter":
            assert owner is None, f"{pid} entered while {owner} owned the directory"
            owner = pid
        else:
            assert owner == pid
            owner = None


# ---- the real flow ------------------------------------------------------------------------


def test_flow_refuses_a_locked_directory_and_runs_once_the_owner_is_dead(api_url, tmp_path):
    raw, out = write_corpus(tmp_path / "raw", n_articles=3), tmp_path / "out"
    holder = hold_lock(out)
    try:
        code, output = run_flow(raw, out, flow_env(api_url, tmp_path / "prefect"))
        assert code != 0
        assert f"is in use by another newsetl run (pid {holder.pid} " in output
        assert not (out / "articles").exists(), "the refused run touched the tables"
    finally:
        kill(holder)
    code, output = run_flow(raw, out, flow_env(api_url, tmp_path / "prefect"))
    assert code == 0, output[-3000:]
    assert len(newsetl.load("articles", out)) == 5


def test_two_flows_started_at_once_never_duplicate_a_row(api_url, tmp_path):
    raw = write_corpus(tmp_path / "raw", n_articles=4)
    run_direct(raw, tmp_path / "reference")
    expected = snapshot(tmp_path / "reference")
    out = tmp_path / "out"
    procs = [start_flow(raw, out, flow_env(api_url, tmp_path / f"prefect-{n}")) for n in range(2)]
    results = [(p.wait(timeout=300), p.stdout.read()) for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes[0] == 0, results
    for code, output in results:
        if code != 0:  # the loser, when they overlapped, says why
            assert "is in use by another newsetl run" in output, output[-3000:]
    assert not diff_snapshots(expected, snapshot(out))
    assert newsetl.load("articles", out)["article_id"].is_unique
