"""Shared by the reliability tests (issue 9) and scripts/crash_loop.py.

A small fictional corpus, the pipeline run without Prefect (the same task
functions the flow calls, via ``.fn``), the real flow run in a subprocess, and a
snapshot of every table that ignores what legitimately differs between runs
(run ids, timestamps, timings).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import newsetl
from newsetl.ingest import DEFAULT_MAX_BYTES
from newsetl.process import ProcessConfig
from newsetl.store import Store
from newsetl.tables import SCHEMAS, TABLE_NAMES

REPO = Path(__file__).resolve().parents[1]
PYTHON = REPO / ".venv" / "bin" / "python"
if not PYTHON.exists():  # pragma: no cover - a venv elsewhere
    PYTHON = Path(sys.executable)
FLOW_FILE = REPO / "flows" / "news_etl.py"

# Columns that name or time a run; everything else must be identical between a
# clean run and a crashed-then-resumed one.
RUN_COLUMNS = ("run_id",)
COMPARED_TABLES = tuple(t for t in TABLE_NAMES if t != "runs")

_TOWNS = ("Port Anselm", "Marrow Falls", "Cedar Hollow", "Eastfield", "Kestrel Bay", "Linden Cross", "Tamsin Ridge", "Oakmere")
_TOPICS = ("ferry timetable", "school lunch menu", "bridge repairs", "library hours", "parking fees", "harbour dredging", "bus routes", "water rates")


def article_text(n: int) -> str:
    """A short fictional news article with a quote, an attributed claim and a footer line."""
    town, topic = _TOWNS[n % len(_TOWNS)], _TOPICS[(n * 3) % len(_TOPICS)]
    return (
        f"{town} Council Votes on {topic.title()} Plan {n}\n"
        f"\n"
        f"The {town} council voted 5-2 on Tuesday to approve changes to the {topic}, ending a debate that began in spring.\n"
        f"\u201cThis is the fairest version we could find,\u201d said council member Dana Whitlock{n}, who drafted the plan.\n"
        f"Opponents said the change would cost families more, according to The Associated Press.\n"
        f"The new {topic} rules take effect on the first of next month, officials said.\n"
    )


def write_corpus(raw: Path, n_articles: int = 9) -> Path:
    """``n_articles`` good .txt files in two sub-directories, a JSONL feed with two good lines
    and one malformed line, and one binary file: every bucket (articles, rejects) is exercised."""
    for n in range(n_articles):
        sub = raw / ("north" if n % 2 else "south")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"story-{n:02d}.txt").write_text(article_text(n), encoding="utf-8")
    feeds = raw / "feeds"
    feeds.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"text": article_text(100).split("\n", 2)[2], "title": "Feed Story One", "source": "Valley Wire"}),
        "{this line is not json",
        json.dumps({"text": article_text(101).split("\n", 2)[2], "title": "Feed Story Two"}),
    ]
    (feeds / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (raw / "south" / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return raw


def run_direct(raw: Path, out: Path, batch_size: int = 200, max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """One pipeline run without Prefect: the flow's steps in the flow's order, through the task functions."""
    from newsetl import tasks

    started = datetime.now(timezone.utc)
    run_id = f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"
    store = Store(out)
    with store.locked():
        store.open()
        plan = tasks.plan_batches.fn(str(raw), str(out), batch_size, max_bytes)
        config = ProcessConfig(max_bytes=max_bytes)
        staging = str(store.staging_dir(run_id))
        if plan.batches:
            site_lines = tasks.learn_site_lines.fn(plan, str(out), config)
            config = ProcessConfig(max_bytes=max_bytes, site_lines_path=site_lines or None)
        n_rejected = tasks.commit_planned_rejects.fn(plan, run_id, str(out), staging)
        n_new = 0
        for n, items in enumerate(plan.batches):
            result = tasks.process_batch_task.fn(f"{run_id}-{n:05d}", run_id, items, staging, config)
            rows = tasks.commit_batch(result, run_id, str(out))
            n_new += len(result.article_ids)
            n_rejected += rows.get("rejects", 0)
        if n_new or not (out / "speakers" / "part-0.parquet").exists():
            tasks.rebuild_aggregate_tables.fn(str(out), staging, None)
        row = {
            "run_id": run_id,
            "started_at": started,
            "finished_at": datetime.now(timezone.utc),
            "status": "completed",
            "n_files_seen": plan.n_files_seen,
            "n_articles_new": n_new,
            "n_unchanged": plan.n_unchanged,
            "n_duplicates": plan.n_duplicates,
            "n_rejected": n_rejected,
        }
        tasks.record_run.fn(str(out), staging, row)
        store.discard_staging(run_id)
    return row


def table_rows(out: Path, name: str, article_ids: set[str] | None = None) -> list[tuple[str, ...]]:
    """Sorted rows of one table (optionally only some articles'), without run columns, as comparable strings.

    Read with pyarrow, not pandas, so an integer column stays integer whether or
    not the table holds a null.
    """
    files = sorted((Path(out) / name).glob("*.parquet"))
    table = pa.concat_tables([pq.read_table(f, schema=SCHEMAS[name]) for f in files]) if files else SCHEMAS[name].empty_table()
    table = table.drop_columns([c for c in RUN_COLUMNS if c in table.column_names])
    rows = table.to_pylist()
    if article_ids is not None:
        rows = [r for r in rows if r["article_id"] in article_ids]
    return sorted(tuple(v if isinstance(v, str) else repr(v) for v in r.values()) for r in rows)


def snapshot(out: Path) -> dict[str, list[tuple[str, ...]]]:
    return {name: table_rows(out, name) for name in COMPARED_TABLES}


def diff_snapshots(expected: dict, actual: dict) -> list[str]:
    """Human-readable differences: lost and duplicated/extra rows per table."""
    from collections import Counter

    problems = []
    for name in expected:
        want, got = Counter(expected[name]), Counter(actual[name])
        lost, extra = want - got, got - want
        if lost:
            problems.append(f"{name}: {sum(lost.values())} rows lost, e.g. {next(iter(lost))[:3]}")
        if extra:
            problems.append(f"{name}: {sum(extra.values())} rows duplicated or extra, e.g. {next(iter(extra))[:3]}")
    return problems


def flow_env(api_url: str | None, prefect_home: Path, **faults: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSETL_FAULT_")}
    env.update(
        PREFECT_HOME=str(prefect_home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120",
        PYTHONUNBUFFERED="1",
    )
    if api_url:
        env["PREFECT_API_URL"] = api_url  # a running server: no embedded server start per subprocess
    if faults:  # counted over the flow's process and its batch workers
        env["NEWSETL_FAULT_COUNTS"] = tempfile.mkdtemp(prefix="newsetl-faults-", dir=prefect_home.parent)
    env.update(faults)
    return env


def start_flow(raw: Path, out: Path, env: dict[str, str], batch_size: int | None = None) -> subprocess.Popen:
    """The real flow in its own process (``flows/news_etl.py RAW OUT``, or the CLI when a batch size is given)."""
    if batch_size is None:
        cmd = [str(PYTHON), str(FLOW_FILE), str(raw), str(out)]
    else:
        cmd = [str(PYTHON), "-m", "newsetl.cli", "run", str(raw), "--out", str(out), "--batch-size", str(batch_size)]
    return subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def run_flow(raw: Path, out: Path, env: dict[str, str], batch_size: int | None = None, timeout: float = 300) -> tuple[int, str]:
    proc = start_flow(raw, out, env, batch_size)
    output, _ = proc.communicate(timeout=timeout)
    return proc.returncode, output


def committed_parts(out: Path) -> int:
    """How many part files the manifest lists: the kill points a run passes through."""
    return sum(len(r.files) for r in Store(out).records())
