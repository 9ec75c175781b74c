"""Batch worker processes never outlive the flow process that opened them."""

from __future__ import annotations

import os
import signal
import subprocess
import textwrap
import time

import psutil

from corpus_paths import REPO
from reliability_support import PYTHON

OWNER = textwrap.dedent(
    """
    import os, time
    from newsetl import tasks

    with tasks.batch_workers(1):
        worker = tasks._batch_pool.submit(os.getpid).result()
        print(worker, flush=True)
        time.sleep(600)
    """
)


def _gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.1)
    return False


def test_a_killed_flow_process_takes_its_idle_workers_and_their_forkserver_with_it():
    owner = subprocess.Popen([str(PYTHON), "-c", OWNER], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        worker = int(owner.stdout.readline())
        forkserver = psutil.Process(worker).ppid()
        assert forkserver != owner.pid  # the worker is the forkserver's child, not the owner's
        os.kill(owner.pid, signal.SIGKILL)
        owner.wait(timeout=10)
        assert _gone(worker, within=10), "the idle worker outlived the process that opened the pool"
        assert _gone(forkserver, within=10), "the forkserver outlived the pool's owner"
        # nothing holds the owner's stdout any more: whoever ran it sees the end of its output
        assert owner.stdout.read() == ""
    finally:
        if owner.poll() is None:
            owner.kill()
