"""The worker processes of ``--workers N``, forked from a process that has already imported the pipeline.

``newsetl run`` forks them from itself once it has imported ``newsetl.process`` (pyarrow,
TextBlob and the stages; no pandas) and before it imports Prefect, while it runs no other
thread: they start at once, share its imports and carry no Prefect (see newsetl.headstart).
Anywhere else (``python flows/news_etl.py``, a deployment's flow run, where Prefect's threads
already run) they fork from a forkserver that imported the pipeline once, so N workers cost
one import, not N. This module imports nothing heavy; the forkserver starts once per process,
and the workers forked from it get the environment it started with.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import sys
import threading
import time
import types
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import forkserver
from multiprocessing.context import BaseContext

PRELOAD = ["newsetl.worker_boot"]  # imports newsetl.process (pyarrow, TextBlob; no pandas)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def context() -> BaseContext:
    """The multiprocessing context batch workers are started from."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


def fork_context() -> BaseContext:
    """Workers forked from the calling process itself, which must run no other thread.

    For ``newsetl run`` before its flow starts: it has imported the pipeline already, so
    its forks need no forkserver to import it again (~1.5 CPU-s while Prefect's API boots).
    """
    if threading.active_count() > 1:
        raise RuntimeError("fork_context() in a process with threads: a forked worker could inherit a held lock")
    return multiprocessing.get_context("fork")


def start_early() -> None:
    """Launch the forkserver now (it preloads in the background); pools created later reuse it."""
    context()
    forkserver.ensure_running()


def start_workers(pool: Executor, n_workers: int) -> None:
    """Start the pool's workers now, and without the caller's main module.

    multiprocessing has each new worker import the parent's ``__main__`` again: for
    ``python flows/news_etl.py``, or ``prefect.engine`` in a deployment's flow run, that is
    Prefect and the flow (~1.4 s and ~50 MiB per worker). Workers need nothing from it:
    everything they run lives in ``newsetl``. A pool on a forkserver starts a worker per
    ``submit`` while none is idle, so n quick submits start all n.
    """
    with _main_hidden():
        started = [pool.submit(os.getpid) for _ in range(n_workers)]
    for future in started:
        future.result()


@contextmanager
def _main_hidden() -> Iterator[None]:
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")  # no __file__, no __spec__: nothing to re-import
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def exit_with(owner_pid: int) -> None:
    """Pool initializer: end this worker as soon as ``owner_pid`` (the flow's process) is gone.

    A worker's parent is the forkserver, not the flow, and each worker holds the write end
    of the forkserver's liveness pipe and of its own task queue. So when the flow process
    is killed (SIGKILL, OOM), an idle worker would wait for work forever and keep the
    forkserver, and the stdout of whoever started the run, open. Nothing is lost by
    exiting: a worker only writes staging files, which the flow alone commits.
    """
    threading.Thread(target=_watch, args=(owner_pid,), name="newsetl-owner-watch", daemon=True).start()


def _watch(owner_pid: int) -> None:
    try:
        owner = os.pidfd_open(owner_pid)  # readable once the process has exited (Linux 5.3+)
    except (AttributeError, OSError):
        while alive(owner_pid):
            time.sleep(1.0)
    else:
        poller = select.poll()
        poller.register(owner, select.POLLIN)
        poller.poll()
    os._exit(1)


def alive(pid: int) -> bool:
    """Whether a process with this PID exists (under any user)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    return True


# The pool of the running flow (one per process): a plain process pool, not Prefect's
# ProcessPoolTaskRunner, which starts Prefect's task engine in every worker (measured
# here: ~12 CPU-s and ~500 MB per worker).
_pool: ProcessPoolExecutor | None = None
_pool_size = 1


@contextmanager
def batch_workers(n_workers: int, forked: bool = False) -> Iterator[ProcessPoolExecutor]:
    """Worker processes for the learn pass and the batches of a flow run in this process.

    ``forked``: fork them from this process, which must run no other thread yet: ``newsetl
    run`` does so once it has imported the pipeline, and before Prefect, so the workers start
    at once without carrying Prefect. Opened again while open (the flow inside ``newsetl
    run``), it yields the open pool and shuts it down on exit: the workers end when the flow
    is done with its batches, before the aggregates, the run's peak of memory in its own
    process (at 10x the BBC corpus, two idle workers kept 383 MiB of RSS, ~270 MiB PSS, alive through it).
    """
    global _pool, _pool_size
    if _pool is not None and _pool_size == n_workers:
        pool = _pool
        try:
            yield pool
        finally:
            pool.shutdown()  # the first opener's exit shuts it down again: a no-op
            _pool, _pool_size = None, 1
        return
    if not forked:
        start_early()  # a no-op when the forkserver is already up
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=fork_context() if forked else context(),
                             initializer=exit_with, initargs=(os.getpid(),)) as pool:
        start_workers(pool, n_workers)
        _pool, _pool_size = pool, n_workers
        try:
            yield pool
        finally:
            _pool, _pool_size = None, 1


def current() -> tuple[ProcessPoolExecutor | None, int]:
    """The open pool of batch workers (None when batches run in the flow's process) and its size."""
    return _pool, _pool_size


class Turns:
    """Hands the batches of a run to the workers in plan order, whatever order their tasks run in.

    The flow submits every batch task at once, so each worker has its next batch queued while the
    flow commits (and, with a Prefect server, the tasks' API calls are made ahead). Their threads
    start in any order; without turns a later batch could reach a worker first, and a batch that
    fails (a full disk) could take an earlier one down with it. With one worker, batches run in
    plan order exactly; with several, they start in it.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._next = 0
        self._closed = False

    def submit(self, turn: int, pool: Executor, fn, /, *args) -> Future:
        """``pool.submit(fn, *args)`` once every earlier turn has submitted; raises if the run ended first."""
        with self._cond:
            self._wait_for(turn)
            try:
                return pool.submit(fn, *args)
            finally:
                self._advance()

    def run_in_turn(self, turn: int, fn, /, *args):
        """``fn(*args)`` in this thread once every earlier turn is done, before any later turn starts: a batch
        the head start prepared is written by the flow's process, in plan order with the batches handed to
        workers (a disk that fills up fails the first batch it should, not one written early)."""
        with self._cond:
            self._wait_for(turn)
        try:
            return fn(*args)
        finally:
            with self._cond:
                self._advance()

    def _wait_for(self, turn: int) -> None:
        self._cond.wait_for(lambda: self._closed or self._next == turn)
        if self._closed:
            raise RuntimeError(f"batch {turn} was not started: the run ended before its turn")

    def _advance(self) -> None:
        self._next += 1
        self._cond.notify_all()

    def close(self) -> None:
        """End the run's turns: tasks still waiting for theirs raise instead of waiting forever."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()


_turns: Turns | None = None


@contextmanager
def turns() -> Iterator[Turns]:
    """The turns of one flow run's batches, used by its batch tasks (``current_turns``)."""
    global _turns
    _turns = Turns()
    try:
        yield _turns
    finally:
        _turns.close()
        _turns = None


def current_turns() -> Turns | None:
    return _turns
