"""The output directory: atomic batch commits, a manifest, incremental state and ``load()``.

Layout of ``out_dir``::

    <table>/part-<batch_id>.parquet   committed data; only whole batches ever appear here
    _state/manifest/<batch_id>.json   one record per committed batch: ids, files, row counts
    _state/journal/<batch_id>.json    a commit in progress (redo log, replayed on next open)
    _state/site_lines.json            the cleaner's repeated-line memory
    _staging/<run_id>/...             part files being written by workers
    .newsetl.lock                     PID of the run that owns the directory

A commit is: parts fully written and fsynced in staging → journal written →
parts renamed into their tables → manifest record written → journal removed.
A crash at any point leaves either no trace of the batch (no journal: staging
is discarded on the next open) or a journal that the next open rolls forward.
Either way no committed row is lost or duplicated. Readers see only files in
table directories; pyarrow and DuckDB ignore the ``_``/``.``-prefixed ones.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import socket
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newsetl.tables import AGGREGATE_TABLES, BATCH_TABLES, SCHEMAS, TABLE_NAMES, empty_table

STATE_DIR = "_state"
STAGING_DIR = "_staging"
LOCK_FILE = ".newsetl.lock"
EMPTY_BATCH_ID = "00000000-empty"

# Fault injection for the crash tests: kill the process (SIGKILL) after the n-th
# part file is moved into a table, or fail a staging write with ENOSPC.
FAULT_KILL_AFTER_PARTS = "NEWSETL_FAULT_KILL_AFTER_PARTS"
FAULT_ENOSPC_AFTER_WRITES = "NEWSETL_FAULT_ENOSPC_AFTER_WRITES"


class StoreError(Exception):
    """A problem with the output directory that the user must fix; the message says how."""


class StoreLocked(StoreError):
    pass


class CorruptPart(StoreError):
    pass


@dataclass(frozen=True)
class BatchRecord:
    batch_id: str
    run_id: str
    files: dict[str, str]  # table -> path relative to out_dir
    rows: dict[str, int]
    article_ids: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)  # source_path -> article_id
    rejected: dict[str, str] = field(default_factory=dict)  # source_path -> content key

    def to_json(self) -> str:
        return json.dumps(
            {
                "batch_id": self.batch_id,
                "run_id": self.run_id,
                "files": self.files,
                "rows": self.rows,
                "article_ids": list(self.article_ids),
                "sources": self.sources,
                "rejected": self.rejected,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> BatchRecord:
        data = json.loads(text)
        return cls(
            batch_id=data["batch_id"],
            run_id=data["run_id"],
            files=data["files"],
            rows=data["rows"],
            article_ids=tuple(data.get("article_ids", ())),
            sources=data.get("sources", {}),
            rejected=data.get("rejected", {}),
        )


@dataclass(frozen=True)
class CommittedState:
    """What previous runs committed: the basis of incremental planning."""

    article_ids: frozenset[str]
    rejected: frozenset[tuple[str, str]]  # (source_path, content key)
    n_batches: int


class Store:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # ---- layout -------------------------------------------------------------
    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def manifest_dir(self) -> Path:
        return self.state_dir / "manifest"

    @property
    def journal_dir(self) -> Path:
        return self.state_dir / "journal"

    @property
    def site_lines_path(self) -> Path:
        return self.state_dir / "site_lines.json"

    def staging_dir(self, run_id: str) -> Path:
        return self.root / STAGING_DIR / run_id

    def discard_staging(self, run_id: str) -> None:
        shutil.rmtree(self.staging_dir(run_id), ignore_errors=True)

    def table_dir(self, table: str) -> Path:
        return self.root / table

    # ---- opening ------------------------------------------------------------
    def open(self) -> None:
        """Create the layout, finish interrupted commits, drop stale staging, verify parts."""
        for table in TABLE_NAMES:
            self.table_dir(table).mkdir(parents=True, exist_ok=True)
        self.manifest_dir.mkdir(parents=True, exist_ok=True)
        self.journal_dir.mkdir(parents=True, exist_ok=True)
        self.recover()
        shutil.rmtree(self.root / STAGING_DIR, ignore_errors=True)
        self._ensure_every_table_readable()
        self.verify()

    def recover(self) -> list[str]:
        """Roll forward every journalled commit; returns the batch ids completed."""
        done = []
        for journal in sorted(self.journal_dir.glob("*.json")):
            record = BatchRecord.from_json(journal.read_text())
            moves = json.loads(journal.read_text()).get("moves", {})
            for src, dst in moves.items():
                src_path, dst_path = Path(src), self.root / dst
                if src_path.exists():
                    os.replace(src_path, dst_path)
                elif not dst_path.exists():
                    raise CorruptPart(
                        f"interrupted commit of batch {record.batch_id} lost its part {dst}: "
                        f"delete {journal} and re-run to reprocess the batch"
                    )
            _atomic_write_text(self.manifest_dir / f"{record.batch_id}.json", record.to_json())
            journal.unlink()
            done.append(record.batch_id)
        _fsync_dir(self.manifest_dir)
        return done

    def _ensure_every_table_readable(self) -> None:
        # A table directory with no part at all is unreadable by pandas/DuckDB;
        # give each batch table a zero-row part, committed like any batch.
        if (self.manifest_dir / f"{EMPTY_BATCH_ID}.json").exists():
            return
        staging = self.staging_dir("init")
        staging.mkdir(parents=True, exist_ok=True)
        parts = {}
        for table in BATCH_TABLES + ("rejects",):
            path = staging / f"{table}.parquet"
            write_parquet(empty_table(table), path)
            parts[table] = path
        self.commit(BatchRecord(EMPTY_BATCH_ID, "init", {}, {}), parts)

    # ---- reading state ------------------------------------------------------
    def records(self) -> list[BatchRecord]:
        return [BatchRecord.from_json(p.read_text()) for p in sorted(self.manifest_dir.glob("*.json"))]

    def committed(self) -> CommittedState:
        ids: set[str] = set()
        rejected: set[tuple[str, str]] = set()
        records = self.records()
        for record in records:
            ids.update(record.article_ids)
            rejected.update(record.rejected.items())
        return CommittedState(frozenset(ids), frozenset(rejected), len(records))

    def verify(self) -> None:
        """Every committed part exists and its footer agrees with the manifest; raise naming the file."""
        for problem in self.problems():
            raise CorruptPart(problem)

    def problems(self) -> list[str]:
        found = []
        listed: set[Path] = set()
        for record in self.records():
            for table, rel in record.files.items():
                path = self.root / rel
                listed.add(path)
                fix = (
                    f"fix: run `newsetl doctor --repair --out {self.root}` (drops batch {record.batch_id}; "
                    f"the next run reprocesses its articles)"
                )
                if not path.exists():
                    found.append(f"{rel} is missing (batch {record.batch_id}); {fix}")
                    continue
                try:
                    n_rows = pq.ParquetFile(path).metadata.num_rows
                except Exception as err:  # noqa: BLE001 - any parse failure means corrupt
                    found.append(f"{rel} is not a readable Parquet file ({err.__class__.__name__}: {err}); {fix}")
                    continue
                if n_rows != record.rows.get(table, n_rows):
                    found.append(f"{rel} has {n_rows} rows but {record.rows[table]} were committed; {fix}")
        for table in BATCH_TABLES + ("rejects",):
            for path in self.table_dir(table).glob("*.parquet"):
                if path not in listed:
                    found.append(
                        f"{path.relative_to(self.root)} is not in the manifest (a stray or copied file); "
                        f"fix: move it out of {self.root}"
                    )
        return found

    def repair(self) -> list[str]:
        """Drop every batch with a missing or corrupt part so the next run reprocesses it."""
        dropped = []
        for record in self.records():
            bad = False
            for table, rel in record.files.items():
                path = self.root / rel
                try:
                    bad = bad or pq.ParquetFile(path).metadata.num_rows != record.rows.get(table)
                except Exception:  # noqa: BLE001
                    bad = True
            if bad:
                (self.manifest_dir / f"{record.batch_id}.json").unlink()
                for rel in record.files.values():
                    (self.root / rel).unlink(missing_ok=True)
                dropped.append(record.batch_id)
        return dropped

    # ---- committing ---------------------------------------------------------
    def commit(self, record: BatchRecord, parts: dict[str, Path]) -> BatchRecord:
        """Move a batch's staged part files into their tables atomically and record it."""
        files = {table: f"{table}/part-{record.batch_id}.parquet" for table in parts}
        rows = {table: pq.ParquetFile(path).metadata.num_rows for table, path in parts.items()}
        record = BatchRecord(
            record.batch_id, record.run_id, files, rows, record.article_ids, record.sources, record.rejected
        )
        journal = self.journal_dir / f"{record.batch_id}.json"
        payload = json.loads(record.to_json())
        payload["moves"] = {str(parts[t]): files[t] for t in parts}
        _atomic_write_text(journal, json.dumps(payload, sort_keys=True))
        kill_after = int(os.environ.get(FAULT_KILL_AFTER_PARTS, "0") or 0)
        for n, table in enumerate(sorted(parts), start=1):
            os.replace(parts[table], self.root / files[table])
            if kill_after and _bump_counter("moves") == kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
        for table in parts:
            _fsync_dir(self.table_dir(table))
        _atomic_write_text(self.manifest_dir / f"{record.batch_id}.json", record.to_json())
        journal.unlink()
        return record

    def replace_aggregate(self, table: str, data: pa.Table, staging: Path) -> None:
        """Rewrite an aggregate table (speakers, outlets) as one part, atomically."""
        assert table in AGGREGATE_TABLES
        staging.mkdir(parents=True, exist_ok=True)
        tmp = staging / f"{table}.parquet"
        write_parquet(data, tmp)
        target = self.table_dir(table) / "part-0.parquet"
        os.replace(tmp, target)
        _fsync_dir(target.parent)

    def append_run(self, data: pa.Table, run_id: str, staging: Path) -> None:
        staging.mkdir(parents=True, exist_ok=True)
        tmp = staging / "runs.parquet"
        write_parquet(data, tmp)
        os.replace(tmp, self.table_dir("runs") / f"part-{run_id}.parquet")
        _fsync_dir(self.table_dir("runs"))

    # ---- locking ------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        """Exclusive ownership of the output directory for one run."""
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / LOCK_FILE
        me = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}
        for _ in range(2):
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = _read_lock(path)
                if holder and _alive(holder):
                    raise StoreLocked(
                        f"{self.root} is in use by another newsetl run (pid {holder.get('pid')} on "
                        f"{holder.get('host')}, started {time.ctime(holder.get('started', 0))}); "
                        f"wait for it to finish, or delete {path} if that process is gone"
                    ) from None
                path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            with os.fdopen(fd, "w") as fh:
                json.dump(me, fh)
            break
        else:  # pragma: no cover - lost two races in a row
            raise StoreLocked(f"could not take the lock {path}; another run is starting")
        try:
            yield
        finally:
            path.unlink(missing_ok=True)


def write_parquet(data: pa.Table, path: Path) -> None:
    """Write and fsync one Parquet file (so a later rename publishes whole contents)."""
    limit = int(os.environ.get(FAULT_ENOSPC_AFTER_WRITES, "0") or 0)
    if limit and _bump_counter("writes") > limit:
        raise OSError(errno.ENOSPC, "No space left on device (injected fault)", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(data, path, compression="zstd")
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def load(name: str, root: str | Path = "data/processed", columns: list[str] | None = None) -> pd.DataFrame:
    """One output table as a pandas DataFrame (empty, with the right columns, if nothing is committed)."""
    if name not in SCHEMAS:
        raise KeyError(f"unknown table {name!r}; tables are: {', '.join(TABLE_NAMES)}")
    table_dir = Path(root) / name
    files = sorted(table_dir.glob("*.parquet")) if table_dir.exists() else []
    schema = SCHEMAS[name]
    if columns:
        schema = pa.schema([schema.field(c) for c in columns])
    if not files:
        return schema.empty_table().to_pandas()
    tables = [pq.read_table(f, columns=columns, schema=schema) for f in files]
    return pa.concat_tables(tables).to_pandas()


def iter_table_files(root: Path, name: str) -> Iterable[Path]:
    return sorted((Path(root) / name).glob("*.parquet"))


_counters: dict[str, int] = {}


def _bump_counter(name: str) -> int:
    _counters[name] = _counters.get(name, 0) + 1
    return _counters[name]


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_lock(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def _alive(holder: dict) -> bool:
    if holder.get("host") != socket.gethostname():
        return True  # cannot check another machine's process: assume it is running
    try:
        os.kill(int(holder["pid"]), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, KeyError, ValueError, TypeError):
        return True
    return True
