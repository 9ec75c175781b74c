"""Batch worker processes: they never outlive the flow process that opened them, and they
do not re-import its main module."""

from __future__ import annotations

import os
import signal
import subprocess
import textwrap
import time

import psutil

from corpus_paths import REPO
from reliability_support import PYTHON

from newsetl import workerpool

OWNER = textwrap.dedent(
    """
    import os, time
    from newsetl import workerpool

    with workerpool.batch_workers(1):
        worker = workerpool.current()[0].submit(os.getpid).result()
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


def _kill(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_a_killed_flow_process_takes_its_idle_workers_and_their_forkserver_with_it():
    owner = subprocess.Popen([str(PYTHON), "-c", OWNER], cwd=REPO, stdout=subprocess.PIPE, text=True)
    left: list[int] = []
    try:
        worker = int(owner.stdout.readline())
        forkserver = psutil.Process(worker).ppid()
        left = [worker, forkserver]
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
        _kill(left)  # only if an assertion failed: the test must not leave processes behind


def test_workers_do_not_import_the_main_script_again(tmp_path):
    # `python flows/news_etl.py` and a deployment's flow run have Prefect and the flow as their
    # main module; multiprocessing would import it again in every worker (~1.4 s each).
    imports = tmp_path / "imports.txt"
    script = tmp_path / "owner.py"
    script.write_text(textwrap.dedent(
        f"""
        import os
        with open({str(imports)!r}, "a") as fh:
            fh.write(__name__ + "\\n")

        if __name__ == "__main__":
            from newsetl import workerpool

            with workerpool.batch_workers(2):
                pids = {{workerpool.current()[0].submit(os.getpid).result() for _ in range(8)}}
            print(len(pids))
        """
    ))
    done = subprocess.run([str(PYTHON), str(script)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) >= 1
    assert imports.read_text().split() == ["__main__"], "a worker imported the owner's script"


def test_workers_opened_again_end_with_the_inner_opening():
    """The flow inside `newsetl run` reopens the command's pool; its workers must end when the
    flow's batches are done, not idle through the aggregates (the run's peak of memory)."""
    with workerpool.batch_workers(1) as outer:
        worker = outer.submit(os.getpid).result()
        with workerpool.batch_workers(1) as inner:
            assert inner is outer
            assert inner.submit(os.getpid).result() == worker
        assert workerpool.current() == (None, 1)
        assert _gone(worker, within=10)


class _RecordingPool:
    """An executor that records the order of its submissions and runs nothing."""

    def __init__(self) -> None:
        self.order: list[int] = []

    def submit(self, fn, *args):
        from concurrent.futures import Future

        self.order.append(args[0])
        done = Future()
        done.set_result(fn(*args))
        return done


def test_turns_hand_batches_to_the_pool_in_plan_order_whatever_order_their_threads_run():
    import threading

    pool = _RecordingPool()
    with workerpool.turns() as turns:
        threads = [threading.Thread(target=turns.submit, args=(n, pool, abs, n)) for n in (4, 2, 0, 3, 1)]
        for t in threads:
            t.start()
            time.sleep(0.01)  # each later turn is waiting before the earlier ones arrive
        for t in threads:
            t.join(timeout=5)
    assert pool.order == [0, 1, 2, 3, 4]


def test_a_batch_the_head_start_prepared_is_written_in_its_turn_before_any_later_batch_starts():
    # the flow's process writes a prepared batch itself: in plan order with the batches handed to the pool,
    # and no later batch starts until that write is done (a full disk must fail the first batch it should)
    import threading

    pool = _RecordingPool()

    def write(n):
        time.sleep(0.05)  # a later turn that did not wait would be recorded first
        pool.order.append(n)

    with workerpool.turns() as turns:
        threads = [threading.Thread(target=turns.submit, args=(n, pool, abs, n)) for n in (3, 1)]
        threads += [threading.Thread(target=turns.run_in_turn, args=(n, write, n)) for n in (2, 0)]
        for t in threads:
            t.start()
            time.sleep(0.01)
        for t in threads:
            t.join(timeout=5)
        assert not any(t.is_alive() for t in threads)
    assert pool.order == [0, 1, 2, 3]


def test_turns_still_waiting_when_the_run_ends_raise_instead_of_waiting_forever():
    import threading

    errors: list[BaseException] = []

    def wait_for_turn_3(turns):
        try:
            turns.submit(3, _RecordingPool(), abs, 3)
        except RuntimeError as err:
            errors.append(err)

    with workerpool.turns() as turns:
        waiter = threading.Thread(target=wait_for_turn_3, args=(turns,))
        waiter.start()
        time.sleep(0.05)
        assert waiter.is_alive()  # turns 0-2 never came: the flow stopped before them
    waiter.join(timeout=5)
    assert not waiter.is_alive() and "ended before its turn" in str(errors[0])
    assert workerpool.current_turns() is None


def test_what_the_workers_import_leaves_pandas_out():
    # pandas is for the flow's aggregates; the batch stages write with pyarrow. Importing it before
    # the workers fork would cost every run ~0.3 s on its critical path and each worker its memory.
    code = ("import sys, newsetl.process, newsetl.worker_boot, newsetl.headstart\n"
            "print(sorted(m for m in ('pandas', 'prefect') if m in sys.modules))")
    done = subprocess.run([str(PYTHON), "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
