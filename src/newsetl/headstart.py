"""``newsetl run``'s head start: the first batches processed while Prefect's API starts.

Prefect's embedded API answers ~4 s after ``newsetl run`` starts (its server imports
for ~3.5 s), and the flow reaches its first batch about a second later. The batch
workers are ready long before: forked once the command has imported the pipeline,
they would sit idle. So the command plans the run the way the flow will, hands the
workers the repeated-line pass and the first batches, and keeps what they compute
(the rows, not yet written) in a private scratch directory. The flow's tasks then
take those results instead of computing them again.

Nothing here writes to the output directory: the head start holds no lock, and the
flow still plans, learns and commits every batch itself. A prepared batch is used
only when nothing its rows depend on can differ: the flow's plan (every work item,
with its content hash) and configuration equal the head start's, and the
repeated-line index it starts from has the same bytes. Otherwise the flow discards
the head start (queued work is cancelled) and processes everything as usual.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import Executor, Future
from dataclasses import replace
from pathlib import Path

from newsetl import workerpool
from newsetl.ingest import SourceFile, discover
from newsetl.plan import Plan, WorkItem, make_plan
from newsetl.process import (
    LEARN_CHUNKS_PER_WORKER,
    ProcessConfig,
    SiteLineObservation,
    gather_site_lines,
    observe_site_lines,
    prepare_batch,
)
from newsetl.store import CommittedState, Store

# Batches prepared per worker: enough to keep a worker busy until the flow reaches its batches
# (on 2 cores the first two are ready before the API is, the next two as the flow starts), few
# enough that a discarded head start wastes little.
BATCHES_PER_WORKER = 4
# With a core to spare the API boots at low priority (newsetl.embedded_api, API_NICE), so
# the flow reaches its batches later: the workers then prepare all of them.
ALL_BATCHES = None
# Plans larger than this get no head start. Its repeated-line pass reads every planned article
# before the first batch can be prepared: on 22,250 articles that is ~4 CPU-s spent while the API
# boots, delaying it, for a few batches out of 50 or more (bench at 10x: start-up 6.3-7.2 -> 8.3-11.1 s).
MAX_ARTICLES = 5_000
SCRATCH_PREFIX = "newsetl-headstart-"
STALE_AFTER_S = 600.0  # a scratch directory is written in a run's first seconds


def scratch_dir() -> Path:
    """A new private directory for prepared batches, named for this process; stale ones are removed first."""
    sweep_stale_scratch(Path(tempfile.gettempdir()))
    return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))


def sweep_stale_scratch(tmp: Path, min_age_s: float = STALE_AFTER_S) -> list[Path]:
    """Remove the scratch directories left by head starts whose process is gone (a run killed by SIGKILL).

    Only this user's, and only those older than ``min_age_s``: a process in another PID
    namespace sharing the temp directory may carry a PID that looks dead from here.
    """
    removed = []
    for path in tmp.glob(SCRATCH_PREFIX + "*"):
        pid = path.name[len(SCRATCH_PREFIX):].split("-", 1)[0]
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        if (pid.isdigit() and stat.st_uid == os.getuid() and time.time() - stat.st_mtime >= min_age_s
                and not workerpool.alive(int(pid))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def likely_too_large(files: list[SourceFile], committed: CommittedState) -> bool:
    """Whether a plan of these files is sure to exceed MAX_ARTICLES, told without reading them.

    Each .txt file is one article, so more .txt files than committed articles plus MAX_ARTICLES
    means more new articles than that (duplicates aside, and a head start that errs costs nothing).
    """
    n_txt = sum(1 for f in files if not f.source_path.endswith(".jsonl"))
    return n_txt - len(committed.article_ids) > MAX_ARTICLES


def index_digest(path: Path) -> str:
    """What the repeated-line pass starts from: the index file's bytes (or its absence)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return "absent"


class HeadStart:
    """The head start of one run: started by ``begin``, consulted by the flow's tasks, ended by ``close``."""

    def __init__(self, pool: Executor, n_workers: int, raw_dir: Path, out_dir: Path, batch_size: int | None,
                 config: ProcessConfig, batches_per_worker: int | None = BATCHES_PER_WORKER) -> None:
        self.pool, self.n_workers, self.config = pool, n_workers, config
        self.batches_per_worker = batches_per_worker
        self.raw_dir, self.out_dir, self.batch_size = Path(raw_dir), Path(out_dir), batch_size
        self.index_path = Store(self.out_dir).site_lines_path
        self.index_digest = ""
        self.plan: Plan | None = None
        self.scratch = scratch_dir()
        self.observations: list[SiteLineObservation] | None = None
        self.prepared: dict[tuple[WorkItem, ...], Future] = {}
        self.matched: bool | None = None  # set by the flow's repeated-line pass
        self.used = 0  # prepared batches the flow took
        self.closed = False
        self._lock = threading.Lock()
        self._submitted = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsetl-headstart", daemon=True)

    def start(self) -> HeadStart:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            # Before the plan: an index written in between makes the digest stale, never the plan unnoticed.
            self.index_digest = index_digest(self.index_path)
            committed = Store(self.out_dir).committed()
            files, problems = discover(self.raw_dir)
            if likely_too_large(files, committed):
                return  # planning it (reading and hashing every file) would only slow the API's start
            self.plan = make_plan(self.raw_dir, committed, batch_size=self.batch_size, max_bytes=self.config.max_bytes,
                                  discovered=(files, problems))
            items = [item for batch in self.plan.batches for item in batch]
            if not items or len(items) > MAX_ARTICLES:
                return  # the flow does it all
            observations = gather_site_lines(items, self.config, self.pool, LEARN_CHUNKS_PER_WORKER * self.n_workers)
            # the index the flow's pass will save, saved here to the scratch directory instead
            lines = observe_site_lines(items, self.index_path, self.config, observations=observations,
                                       out_path=self.scratch / "site_lines.npz")
            config = replace(self.config, site_lines_path=lines)
            with self._lock:
                self.observations = observations
                ahead = None if self.batches_per_worker is None else self.batches_per_worker * self.n_workers
                for k, batch in enumerate(self.plan.batches[:ahead]):
                    if self.matched is False or self.closed:
                        break
                    self.prepared[batch] = self.pool.submit(prepare_batch, batch, config, self.scratch / f"{k}.pickle")
        except Exception:  # noqa: BLE001 - a head start that fails costs nothing: the flow does the work
            with self._lock:
                self.observations = None
                self.prepared.clear()
        finally:
            self._submitted.set()

    def observations_for(self, plan: Plan, config: ProcessConfig, index_path: Path) -> list[SiteLineObservation] | None:
        """The repeated-line observations of ``plan`` when it is the head start's own, else None (and the head start ends)."""
        self._submitted.wait()
        with self._lock:
            self.matched = (
                self.observations is not None
                and plan == self.plan
                and config == self.config
                and Path(index_path) == self.index_path
                and index_digest(index_path) == self.index_digest
            )
            if not self.matched:
                self._cancel()
                return None
            observations, self.observations = self.observations, None  # the flow keeps them while it needs them
            return observations

    def take(self, items: tuple[WorkItem, ...]) -> Future | None:
        """The prepared batch of these items (a future of its pickle's path), or None."""
        with self._lock:
            if not self.matched or self.closed:
                return None
            future = self.prepared.pop(items, None)
            if future is not None:
                self.used += 1
            return future

    def _cancel(self) -> None:
        for future in self.prepared.values():
            future.cancel()
        self.prepared.clear()

    def close(self) -> None:
        self._submitted.wait()
        with self._lock:
            self.closed = True
            self._cancel()
        shutil.rmtree(self.scratch, ignore_errors=True)


_current: HeadStart | None = None


def begin(pool: Executor, n_workers: int, raw_dir: Path, out_dir: Path, batch_size: int | None, config: ProcessConfig,
          batches_per_worker: int | None = BATCHES_PER_WORKER) -> HeadStart:
    """Start planning the run and preparing its first batches on ``pool``, in the background.

    ``batches_per_worker``: how many to prepare per worker (ALL_BATCHES: every one).
    """
    global _current
    _current = HeadStart(pool, n_workers, raw_dir, out_dir, batch_size, config, batches_per_worker).start()
    return _current


def current() -> HeadStart | None:
    """The head start of this process's run, if ``newsetl run`` began one."""
    return _current


def end() -> None:
    global _current
    if _current is not None:
        _current.close()
        _current = None
