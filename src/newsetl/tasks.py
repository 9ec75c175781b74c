"""The pipeline's stages as Prefect tasks, and the batch commit the flow calls itself: the only
library module that imports Prefect.

Tasks take and return paths and small summaries, never DataFrames, and persist
no results: everything of value is in the Parquet tables.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from newsetl import headstart, report_text, workerpool
from newsetl.aggregates import rebuild_aggregates
from newsetl.plan import Plan, WorkItem, make_plan
from newsetl.process import (
    LEARN_CHUNKS_PER_WORKER,
    BatchResult,
    ProcessConfig,
    finish_prepared_batch,
    observe_site_lines,
    process_batch,
)
from newsetl.store import BatchRecord, Store, write_parquet
from newsetl.tables import to_table

_FS_RETRIES = {"retries": 2, "retry_delay_seconds": 1}
# Tags of every flow run started by `newsetl run` or `python flows/news_etl.py`;
# deployments in prefect.yaml and `newsetl serve` carry the same ones.
RUN_TAGS = ("newsetl", "etl")


@task(name="plan incremental batches", task_run_name="plan incremental batches", persist_result=False, cache_policy=NO_CACHE, **_FS_RETRIES)
def plan_batches(raw_dir: str, out_dir: str, batch_size: int | None, max_bytes: int) -> Plan:
    store = Store(Path(out_dir))
    return make_plan(Path(raw_dir), store.committed(), batch_size=batch_size, max_bytes=max_bytes)


@task(name="learn repeated site lines", task_run_name="learn repeated site lines", persist_result=False, cache_policy=NO_CACHE, **_FS_RETRIES)
def learn_site_lines(plan: Plan, out_dir: str, config: ProcessConfig) -> str:
    items = [item for batch in plan.batches for item in batch]
    index_path = Store(Path(out_dir)).site_lines_path
    head_start = headstart.current()
    known = head_start.observations_for(plan, config, index_path) if head_start else None
    if known is not None:
        get_run_logger().info("repeated-line pass: %d articles read while Prefect's API started", len(known))
    # On the batch workers when there are some: at 10x the BBC corpus this pass reads 22k files.
    pool, n_workers = workerpool.current()
    return observe_site_lines(items, index_path, config, pool, LEARN_CHUNKS_PER_WORKER * n_workers, observations=known)


# The batch runs on the worker processes of newsetl.workerpool (a plain process pool, not
# Prefect's ProcessPoolTaskRunner); its Prefect task stays in the flow process, on a thread, and
# waits for it, so the UI still shows one "process batch" task per batch with its real duration.
@task(name="process batch", task_run_name="process batch {batch_id}", persist_result=False, cache_policy=NO_CACHE)
def process_batch_task(batch_id: str, run_id: str, items: tuple[WorkItem, ...], staging: str, config: ProcessConfig,
                       turn: int | None = None) -> BatchResult:
    """``turn``: the batch's place in the plan, when the flow opened ``workerpool.turns()`` for its batches."""
    pool, _ = workerpool.current()
    if pool is None:
        return process_batch(batch_id, run_id, items, Path(staging), config)
    turns = workerpool.current_turns() if turn is not None else None

    def submit(fn, *args):
        return turns.submit(turn, pool, fn, *args) if turns is not None else pool.submit(fn, *args)

    head_start = headstart.current()
    prepared = head_start.take(items) if head_start else None
    asked_at = time.time()
    if prepared is not None:
        try:
            path = prepared.result()
        except Exception:  # noqa: BLE001 - cancelled or failed: process it here like any other batch
            path = None
        if path is not None:
            # Its rows are computed: writing them is light, so this task's thread (in the flow's process, idle
            # while it waits) writes them, in its turn, and the workers go on with the next batches meanwhile.
            get_run_logger().info("batch prepared while Prefect's API started: written now")
            args = (batch_id, run_id, Path(path), Path(staging), asked_at)
            return turns.run_in_turn(turn, finish_prepared_batch, *args) if turns is not None else finish_prepared_batch(*args)
    return submit(process_batch, batch_id, run_id, items, Path(staging), config).result()


def commit_batch(result: BatchResult, run_id: str, out_dir: str) -> dict[str, int]:
    """Commit one processed batch: called by the flow itself, not as a task.

    A task run costs Prefect's API ~85 ms of CPU (recording its states and events;
    measured with 200 empty tasks). Commits take ~40 ms each, and at 22,250 articles
    their 112 task runs (batches of 200) cost the API ~12 CPU-s taken from the batch workers on 2 cores.
    Each commit is logged by the flow and its time is in ``runs.seconds["commit"]``.
    """
    record = BatchRecord(
        result.batch_id, run_id, {}, {}, result.article_ids, result.sources, result.rejected
    )
    Store(Path(out_dir)).commit(record, {table: Path(p) for table, p in result.parts.items()})
    return result.rows


@task(name="commit discovery rejects", task_run_name="commit discovery rejects", persist_result=False, cache_policy=NO_CACHE, **_FS_RETRIES)
def commit_planned_rejects(plan: Plan, run_id: str, out_dir: str, staging: str) -> int:
    if not plan.rejects:
        return 0
    rows = [
        {"run_id": run_id, "source_path": r.source_path, "content_sha256": r.content_key, "reason": r.reason, "detail": r.detail}
        for r in plan.rejects
    ]
    path = Path(staging) / "planned" / "rejects.parquet"
    write_parquet(to_table("rejects", rows), path)
    record = BatchRecord(f"{run_id}-rejects", run_id, {}, {}, rejected={r.source_path: r.content_key for r in plan.rejects})
    Store(Path(out_dir)).commit(record, {"rejects": path})
    return len(rows)


@task(name="rebuild speakers and outlets", task_run_name="rebuild speakers and outlets", persist_result=False, cache_policy=NO_CACHE, **_FS_RETRIES)
def rebuild_aggregate_tables(out_dir: str, staging: str, gazetteer_csv: str | None) -> dict[str, int]:
    return rebuild_aggregates(Store(Path(out_dir)), Path(staging) / "aggregates", gazetteer_csv)


@task(name="record run", task_run_name="record run", persist_result=False, cache_policy=NO_CACHE, **_FS_RETRIES)
def record_run(out_dir: str, staging: str, row: dict) -> None:
    Store(Path(out_dir)).append_run(to_table("runs", [row]), row["run_id"], Path(staging) / "runs")


@task(name="publish run summary", task_run_name="publish run summary", persist_result=False)
def publish_artifacts(out_dir: str, run_row: dict, rejects: list[dict]) -> None:
    summary = report_text.run_summary_markdown(Path(out_dir), run_row, rejects)
    create_markdown_artifact(key="news-etl-summary", markdown=summary, description="newsetl run summary")
    for key, title, rows in report_text.top_tables(Path(out_dir)):
        if rows:
            create_table_artifact(key=key, table=rows, description=title)


__all__ = [
    "RUN_TAGS",
    "plan_batches",
    "learn_site_lines",
    "process_batch_task",
    "commit_batch",
    "commit_planned_rejects",
    "rebuild_aggregate_tables",
    "record_run",
    "publish_artifacts",
]
