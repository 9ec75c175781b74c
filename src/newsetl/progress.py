"""A run's progress as a small JSON file beside the tables, for the terminal's progress bar.

The flow rewrites ``<out_dir>/_state/progress.json`` when a run is planned, after each
committed batch and when it finishes; ``newsetl run`` polls it from another thread.
A file is used (not a callback) because batches may run in other processes or on Dask,
and because ``newsetl doctor`` or a second terminal can read it too.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

PROGRESS_FILE = "_state/progress.json"


@dataclass(frozen=True)
class Progress:
    run_id: str
    phase: str  # planned | processing | aggregating | finished
    batches_done: int
    batches_total: int
    articles_done: int
    articles_total: int
    updated_at: float  # time.time() of the write

    @property
    def fraction(self) -> float:
        if self.phase == "finished":
            return 1.0
        if self.articles_total:
            return self.articles_done / self.articles_total
        return 0.0


def progress_path(out_dir: str | Path) -> Path:
    return Path(out_dir) / PROGRESS_FILE


def write_progress(
    out_dir: str | Path,
    run_id: str,
    phase: str,
    batches_done: int,
    batches_total: int,
    articles_done: int,
    articles_total: int,
) -> Progress:
    """Replace the progress file atomically (a reader never sees half a file)."""
    progress = Progress(run_id, phase, batches_done, batches_total, articles_done, articles_total, time.time())
    path = progress_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(asdict(progress)), encoding="utf-8")
    os.replace(tmp, path)
    return progress


def read_progress(out_dir: str | Path, newer_than: float = 0.0) -> Progress | None:
    """The last progress written after ``newer_than`` (a ``time.time()``), or None."""
    try:
        data = json.loads(progress_path(out_dir).read_text(encoding="utf-8"))
        progress = Progress(**data)
    except (OSError, ValueError, TypeError):
        return None
    return progress if progress.updated_at >= newer_than else None
