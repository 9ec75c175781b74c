"""Incremental planning: which discovered articles are new, and how they are batched.

Every discovered file ends in exactly one bucket: new work (batched), unchanged
(its content is already committed), duplicate (same bytes as another file in this
run or a committed one), or rejected (the problem is known here already, e.g. a
file too large to read).
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass
from pathlib import Path

from newsetl.ingest import DEFAULT_MAX_BYTES, DiscoveryProblem, RejectedInput, SourceFile, discover, read_bytes
from newsetl.store import CommittedState


# Articles per batch when the run names no size: MIN_BATCH_SIZE, grown for large plans so that a
# run has about TARGET_BATCHES batch tasks, never more than MAX_BATCH_SIZE articles each. Each
# batch task costs Prefect's API ~0.1 CPU-s (its task-run recorder) on the cores the workers use:
# at 10x the BBC corpus with 2 workers, batches of 450 instead of 200 (50 tasks, not 112) ran in
# 71.5/62.0 s against 75.5/77.0 s, alternating. MAX_BATCH_SIZE bounds a worker's memory and the
# work a killed run redoes (a batch is the unit of commit).
MIN_BATCH_SIZE = 200
MAX_BATCH_SIZE = 500
TARGET_BATCHES = 50


def auto_batch_size(n_new: int) -> int:
    """Articles per batch for a plan of ``n_new`` new articles, when the run names no batch size."""
    return min(MAX_BATCH_SIZE, max(MIN_BATCH_SIZE, math.ceil(n_new / TARGET_BATCHES)))


@dataclass(frozen=True)
class WorkItem:
    """One article to process: a whole .txt file, or one line of a .jsonl file."""

    path: str  # absolute path of the file to read
    source_path: str  # as reported in the tables
    article_id: str  # planned id; the worker re-hashes what it reads
    line_no: int | None = None  # for JSONL


@dataclass(frozen=True)
class PlannedReject:
    source_path: str
    content_key: str
    reason: str
    detail: str


@dataclass(frozen=True)
class Plan:
    batches: tuple[tuple[WorkItem, ...], ...]
    rejects: tuple[PlannedReject, ...]
    n_files_seen: int
    n_unchanged: int
    n_duplicates: int

    @property
    def n_new(self) -> int:
        return sum(len(b) for b in self.batches)


def make_plan(
    raw_dir: Path,
    committed: CommittedState,
    batch_size: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    discovered: tuple[list[SourceFile], list[DiscoveryProblem]] | None = None,
) -> Plan:
    """The run's work: new articles in batches of ``batch_size`` (None: ``auto_batch_size``), and the rest counted.

    ``discovered``: what ``discover(raw_dir)`` returned, for a caller that has listed the files already.
    """
    files, problems = discovered or discover(raw_dir)
    items: list[WorkItem] = []
    rejects: list[PlannedReject] = []
    n_unchanged = n_duplicates = 0
    for problem in problems:
        key = f"discovery:{problem.reason}"
        if (problem.source_path, key) in committed.rejected:
            n_unchanged += 1  # already reported by an earlier run: one rejects row per problem
        else:
            rejects.append(PlannedReject(problem.source_path, key, problem.reason, problem.detail))
    seen_ids: set[str] = set()
    for source in files:
        try:
            ids = list(_article_ids(source, max_bytes))
        except RejectedInput as err:
            key = f"size:{source.size}" if err.reason == "too_large" else f"error:{err.reason}"
            if (source.source_path, key) in committed.rejected:
                n_unchanged += 1
            else:
                rejects.append(PlannedReject(source.source_path, key, err.reason, err.detail))
            continue
        for line_no, article_id in ids:
            source_path = source.source_path if line_no is None else f"{source.source_path}:{line_no}"
            if article_id in committed.article_ids or (source_path, article_id) in committed.rejected:
                n_unchanged += 1
            elif article_id in seen_ids:
                n_duplicates += 1
            else:
                seen_ids.add(article_id)
                items.append(WorkItem(os.fspath(source.path), source_path, article_id, line_no))
    size = batch_size or auto_batch_size(len(items))
    batches = tuple(tuple(items[i : i + size]) for i in range(0, len(items), size))
    return Plan(batches, tuple(rejects), len(files) + len(problems), n_unchanged, n_duplicates)


def _article_ids(source: SourceFile, max_bytes: int) -> list[tuple[int | None, str]]:
    if source.size > max_bytes:
        raise RejectedInput("too_large", f"{source.size:,} bytes exceeds the limit of {max_bytes:,} bytes (max_bytes)")
    try:
        raw = read_bytes(source.path)
    except OSError as err:
        raise RejectedInput("unreadable", f"cannot read file: {err.strerror or err}") from err
    if not source.source_path.endswith(".jsonl"):
        return [(None, hashlib.sha256(raw).hexdigest())]
    ids = []
    for line_no, line in enumerate(raw.split(b"\n"), start=1):
        line = line.rstrip(b"\r")
        if line.strip():
            ids.append((line_no, hashlib.sha256(line).hexdigest()))
    if not ids:
        # otherwise the file would end in no bucket at all
        raise RejectedInput("empty", "the file has no JSON lines" if not raw else "the file contains only blank lines")
    return ids
