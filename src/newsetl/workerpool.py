"""The worker processes of ``--workers N``: a forkserver that has already imported the pipeline.

Each worker is forked from a server process that imported ``newsetl.process`` (and with it
pandas, pyarrow and TextBlob) once, so starting N workers costs one import, not N. This
module imports nothing heavy: ``newsetl run`` starts the forkserver while Prefect's embedded
API boots, so the pipeline's import in it overlaps the server's. The forkserver starts once
per process, and the workers forked from it get the environment it started with.
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
from concurrent.futures import Executor
from contextlib import contextmanager
from multiprocessing import forkserver
from multiprocessing.context import BaseContext

PRELOAD = ["newsetl.worker_boot"]  # imports newsetl.process (pandas, pyarrow, TextBlob)


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
        while _alive(owner_pid):
            time.sleep(1.0)
    else:
        poller = select.poll()
        poller.register(owner, select.POLLIN)
        poller.poll()
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    return True
