"""The worker processes of ``--workers N``: a forkserver that has already imported the pipeline.

Each worker is forked from a server process that imported ``newsetl.process`` (and with it
pandas, pyarrow and TextBlob) once, so starting N workers costs one import, not N. This
module imports nothing heavy: ``newsetl run`` starts the forkserver right after Prefect's
embedded API, so the pipeline's import in it overlaps the API server's boot.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing import forkserver
from multiprocessing.context import BaseContext

PRELOAD = ["newsetl.worker_boot"]  # imports newsetl.process (pandas, pyarrow, TextBlob)


def context() -> BaseContext:
    """The multiprocessing context batch workers are started from."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


def start_early() -> None:
    """Launch the forkserver now (it preloads in the background); pools created later reuse it."""
    context()
    forkserver.ensure_running()
