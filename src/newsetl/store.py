"""The output directory: atomic batch commits, a manifest, incremental state and ``load()``.

Layout of ``out_dir``::

    <table>/part-<batch_id>.parquet   committed data; only whole batches ever appear here
    _state/manifest/<batch_id>.json   one record per committed batch: ids, files, row counts
    _state/journal/<batch_id>.json    a commit in progress (redo log, replayed on next open)
    _state/site_lines.json            the cleaner's repeated-line memory
    _state/aggregates.stale           aggregate tables not rebuilt since the last batch commit
    _staging/<run_id>/...             part files being written by workers
    .newsetl.lock                     PID of the run that owns the directory (flock-held while it runs)

A commit is: parts fully written and fsynced in staging → journal written →
parts renamed into their tables → manifest record written → journal removed.
A crash at any point leaves either no trace of the batch (no journal: staging
is discarded on the next open) or a journal that the next open rolls forward.
Either way no committed row is lost or duplicated. Readers see only files in
table directories; pyarrow and DuckDB ignore the ``_``/``.``-prefixed ones.

A run that dies after committing batches but before rebuilding ``speakers`` and
``outlets`` leaves ``_state/aggregates.stale``; the next open removes the stale
aggregate parts, so that run rebuilds them (the flow rebuilds when they are
missing) instead of keeping counts that miss committed batches.

A run that died after committing some batches (killed, disk full) has no
``runs`` row of its own; the next open appends one with status
``interrupted`` so every ``articles.run_id`` names a run.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import signal
import socket
import time
import uuid
from datetime import datetime, timezone
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

if TYPE_CHECKING:  # only load() returns pandas (pyarrow's to_pandas imports it): a run over an unchanged corpus needs none (~0.4 s)
    import pandas as pd

from newsetl.tables import AGGREGATE_TABLES, BATCH_TABLES, SCHEMAS, TABLE_NAMES, empty_table, to_table

STATE_DIR = "_state"
STAGING_DIR = "_staging"
LOCK_FILE = ".newsetl.lock"
EMPTY_BATCH_ID = "00000000-empty"  # the tables' zero-row seed; later-added tables' seeds start with it too

# Fault injection for the crash tests: kill the process (SIGKILL) after the n-th
# part file is moved into a table, or fail a staging write with ENOSPC. Staging writes
# happen in the batch workers, so with FAULT_COUNTS naming a directory the n-th is
# counted over every process of the run, not per process.
FAULT_KILL_AFTER_PARTS = "NEWSETL_FAULT_KILL_AFTER_PARTS"
FAULT_ENOSPC_AFTER_WRITES = "NEWSETL_FAULT_ENOSPC_AFTER_WRITES"
FAULT_COUNTS = "NEWSETL_FAULT_COUNTS"


def new_run_id(started_at: datetime) -> str:
    """Sortable and unique: ``20261125T221240Z-e1b912``."""
    return f"{started_at:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


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
        return self.state_dir / "site_lines.npz"

    @property
    def stale_marker(self) -> Path:
        return self.state_dir / "aggregates.stale"

    def aggregates_stale(self) -> bool:
        """True when speakers/outlets miss committed batches (or were never built) and must be rebuilt."""
        return self.stale_marker.exists() or not all(
            (self.table_dir(t) / "part-0.parquet").exists() for t in AGGREGATE_TABLES
        )

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
        self.record_interrupted_runs()
        if self.stale_marker.exists():
            for table in AGGREGATE_TABLES:
                (self.table_dir(table) / "part-0.parquet").unlink(missing_ok=True)

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
            for dst in moves.values():
                _fsync_dir((self.root / dst).parent)
            _atomic_write_text(self.manifest_dir / f"{record.batch_id}.json", record.to_json())
            journal.unlink()
            done.append(record.batch_id)
        _fsync_dir(self.manifest_dir)
        return done

    def _ensure_every_table_readable(self) -> None:
        # A table directory with no part at all is unreadable by pandas/DuckDB;
        # give each batch table a zero-row part, committed like any batch. A table
        # added by a later version (speech_acts) gets a seed batch of its own in a
        # directory written before it.
        seeded: set[str] = set()
        for path in self.manifest_dir.glob(f"{EMPTY_BATCH_ID}*.json"):
            try:
                seeded.update(BatchRecord.from_json(path.read_text(encoding="utf-8")).files)
            except (OSError, ValueError, KeyError, TypeError):
                return  # verify() names the unreadable record and its fix
        missing = [t for t in BATCH_TABLES + ("rejects",) if t not in seeded]
        if not missing:
            return
        staging = self.staging_dir("init")
        staging.mkdir(parents=True, exist_ok=True)
        parts = {}
        for table in missing:
            path = staging / f"{table}.parquet"
            write_parquet(empty_table(table), path)
            parts[table] = path
        batch_id = EMPTY_BATCH_ID if not seeded else f"{EMPTY_BATCH_ID}-{'-'.join(missing)}"
        self.commit(BatchRecord(batch_id, "init", {}, {}), parts)

    # ---- reading state ------------------------------------------------------
    def records(self) -> list[BatchRecord]:
        records = []
        for path in sorted(self.manifest_dir.glob("*.json")):
            try:
                records.append(BatchRecord.from_json(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, KeyError, TypeError) as err:
                batch_id = path.stem
                raise CorruptPart(
                    f"{path.relative_to(self.root)} is not a readable manifest record ({err.__class__.__name__}: {err}); "
                    f"fix: delete it and every `part-{batch_id}.parquet` under {self.root}, "
                    f"then re-run to reprocess that batch's articles"
                ) from err
        return records

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

    def problems(self, deep: bool = False) -> list[str]:
        """Everything wrong with the committed files, one message per file naming it and the fix.

        Checks that every manifest-listed part exists, parses and has the committed
        row count, that no table holds a part the manifest does not know (it would
        be read as extra rows), and that the rebuilt tables (runs, speakers,
        outlets) parse. ``deep`` also decodes every column of every part, which
        catches damage inside a data page that leaves the footer intact.
        """
        found = []
        listed: set[Path] = set()
        try:
            records = self.records()
        except CorruptPart as err:
            return [str(err)]
        for record in records:
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
                    n_rows = _parquet_rows(path, deep)
                except Exception as err:  # noqa: BLE001 - any parse failure means corrupt
                    found.append(f"{rel} is not a readable Parquet file ({err.__class__.__name__}: {err}); {fix}")
                    continue
                if n_rows != record.rows.get(table, n_rows):
                    found.append(f"{rel} has {n_rows} rows but {record.rows[table]} were committed; {fix}")
        for table in BATCH_TABLES + ("rejects",):
            for path in sorted(self.table_dir(table).glob("*.parquet")):
                if path not in listed:
                    found.append(
                        f"{path.relative_to(self.root)} is not in the manifest (a stray or copied file); "
                        f"fix: move it out of {self.root}"
                    )
        for table in AGGREGATE_TABLES + ("runs",):
            for path in sorted(self.table_dir(table).glob("*.parquet")):
                try:
                    _parquet_rows(path, deep)
                except Exception as err:  # noqa: BLE001
                    fix = (
                        f"fix: delete it; the next run that adds articles rebuilds {table}"
                        if table in AGGREGATE_TABLES
                        else "fix: move it out of the table (that run's history row is lost; its articles are not)"
                    )
                    found.append(
                        f"{path.relative_to(self.root)} is not a readable Parquet file "
                        f"({err.__class__.__name__}: {err}); {fix}"
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
                    bad = bad or _parquet_rows(path, deep=False) != record.rows.get(table)
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
        for table in parts:
            if (self.root / files[table]).exists():
                raise StoreError(
                    f"batch {record.batch_id} is already committed ({files[table]} exists); "
                    f"refusing to overwrite committed rows"
                )
        # The parts' directory entries must be durable before the journal that
        # names them: otherwise a power cut could leave a journal whose parts vanished.
        for staged_dir in {Path(p).parent for p in parts.values()}:
            _fsync_dir(staged_dir)
        if record.article_ids:  # from here on speakers/outlets miss rows until rebuilt
            _atomic_write_text(self.stale_marker, json.dumps(sorted(AGGREGATE_TABLES)))
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
        if self.stale_marker.exists():
            remaining = [t for t in json.loads(self.stale_marker.read_text()) if t != table]
            if remaining:
                _atomic_write_text(self.stale_marker, json.dumps(remaining))
            else:
                self.stale_marker.unlink()

    def append_run(self, data: pa.Table, run_id: str, staging: Path) -> None:
        staging.mkdir(parents=True, exist_ok=True)
        tmp = staging / "runs.parquet"
        write_parquet(data, tmp)
        os.replace(tmp, self.table_dir("runs") / f"part-{run_id}.parquet")
        _fsync_dir(self.table_dir("runs"))

    def record_interrupted_runs(self) -> list[str]:
        """Append a ``runs`` row (status ``interrupted``) for every run that committed batches but no row.

        A run killed or failed mid-way keeps its whole committed batches; this row
        makes their ``run_id`` resolvable and counts what they hold.
        """
        have = {p.stem[len("part-"):] for p in self.table_dir("runs").glob("part-*.parquet")}
        by_run: dict[str, list[BatchRecord]] = {}
        for record in self.records():
            if record.run_id != "init" and record.run_id not in have:
                by_run.setdefault(record.run_id, []).append(record)
        for run_id, records in sorted(by_run.items()):
            row = {
                "run_id": run_id,
                "started_at": _run_started_at(run_id),
                "status": "interrupted",
                "n_articles_new": sum(len(r.article_ids) for r in records),
                "n_rejected": sum(r.rows.get("rejects", 0) for r in records),
            }
            self.append_run(to_table("runs", [row]), run_id, self.staging_dir("interrupted"))
        return sorted(by_run)

    # ---- locking ------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        """Exclusive ownership of the output directory for one run.

        The lock is an ``flock`` on ``.newsetl.lock``, which also holds the owner's
        PID for the message. The kernel drops the flock when its process dies, so
        a lock file left by a killed run (a stale PID) is taken over without a
        race: two runs can never both believe they removed a stale lock.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / LOCK_FILE
        me = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}
        for _ in range(20):
            fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                holder = _read_lock(path) or {}
                raise StoreLocked(
                    f"{self.root} is in use by another newsetl run (pid {holder.get('pid', '?')} on "
                    f"{holder.get('host', '?')}, started {time.ctime(holder.get('started', 0))}); "
                    f"wait for it to finish, then run again"
                ) from None
            try:
                same = os.fstat(fd).st_ino == os.stat(path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)  # the previous owner removed the file after we opened it: retry on the new one
        else:  # pragma: no cover - lost twenty races in a row
            raise StoreLocked(f"could not take the lock {path}; another run is starting")
        # Whatever the file says now is a stale owner (its process is gone, or its
        # flock would still be held): overwrite it with ours.
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(me).encode())
        os.fsync(fd)
        try:
            yield
        finally:
            path.unlink(missing_ok=True)
            os.close(fd)


def write_parquet(data: pa.Table, path: Path) -> None:
    """Write and fsync one Parquet file (so a later rename publishes whole contents)."""
    limit = int(os.environ.get(FAULT_ENOSPC_AFTER_WRITES, "0") or 0)
    if limit and _bump_counter("writes") > limit:
        raise OSError(errno.ENOSPC, "No space left on device (injected fault)", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(data, path, compression="zstd")
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def load(name: str, root: str | Path = "data/processed", columns: list[str] | None = None,
         where: pc.Expression | None = None) -> pd.DataFrame:
    """One output table as a pandas DataFrame (empty, with the right columns, if nothing is committed).

    ``where`` keeps only the rows it is true for, filtered in Arrow part by part, so rows
    it drops never become Python objects (e.g. ``pc.field("speaker_id").is_valid()``).
    """
    if name not in SCHEMAS:
        raise KeyError(f"unknown table {name!r}; tables are: {', '.join(TABLE_NAMES)}")
    table_dir = Path(root) / name
    files = sorted(table_dir.glob("*.parquet")) if table_dir.exists() else []
    schema = SCHEMAS[name]
    if columns:
        schema = pa.schema([schema.field(c) for c in columns])
    if not files:
        return schema.empty_table().to_pandas()
    tables = [pq.read_table(f, columns=columns, schema=schema, filters=where) for f in files]
    return pa.concat_tables(tables).to_pandas()



_counters: dict[str, int] = {}


def _bump_counter(name: str) -> int:
    shared = os.environ.get(FAULT_COUNTS)
    if shared:  # one byte appended per event, by whichever process of the run saw it
        fd = os.open(Path(shared) / name, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, b".")
            # the offset right after this write, not the file's size: another process may
            # have appended since, and two events must never get the same count
            return os.lseek(fd, 0, os.SEEK_CUR)
        finally:
            os.close(fd)
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


def _parquet_rows(path: Path, deep: bool) -> int:
    if deep:
        return pq.read_table(path).num_rows
    return pq.ParquetFile(path).metadata.num_rows


def _run_started_at(run_id: str) -> datetime | None:
    # run ids start with the run's UTC start time (see flows/news_etl.py)
    try:
        return datetime.strptime(run_id.split("-", 1)[0], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def _read_lock(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None
