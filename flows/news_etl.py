"""The newsetl flow: raw article files in, Parquet tables out.

Run once with Prefect's embedded API:  python flows/news_etl.py [RAW_DIR] [OUT_DIR]
"""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, tags
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.context import TagsContext
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from newsetl.ingest import DEFAULT_MAX_BYTES, discover
from newsetl.process import BatchResult, ProcessConfig
from newsetl.progress import write_progress
from newsetl.store import Store, load, new_run_id
from newsetl.tasks import (
    RUN_TAGS,
    commit_batch,
    commit_planned_rejects,
    learn_site_lines,
    plan_batches,
    process_batch_task,
    publish_artifacts,
    rebuild_aggregate_tables,
    record_run,
)
from newsetl import workerpool


# The UI's progress bar is an API call (measured: ~20 ms on the flow's thread and ~20 ms of
# the API's CPU each): at most this often, not once per batch (50 at 10x the BBC corpus, 112 with batches of 200).
_PROGRESS_EVERY_S = 5.0


def _run_name() -> str:
    raw_dir = flow_run.parameters.get("raw_dir", "data/raw")
    n_files = len(discover(Path(raw_dir))[0]) if Path(raw_dir).is_dir() else 0
    return f"news-etl-{datetime.now(timezone.utc):%Y-%m-%d}-{n_files}-files"


@flow(name="news-etl", flow_run_name=_run_name, log_prints=True, persist_result=False)
def news_etl(
    raw_dir: str = "data/raw",
    out_dir: str = "data/processed",
    batch_size: int | None = None,
    workers: int = 1,
    publisher: str | None = None,
    publisher_by_dir: dict[str, str] | None = None,
    gazetteer_csv: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    dask_address: str | None = None,
) -> dict:
    """Ingest new articles under ``raw_dir`` into the tables under ``out_dir``.

    Args:
        raw_dir: directory searched recursively for ``.txt`` and ``.jsonl`` articles.
        out_dir: where the Parquet tables live; only articles not committed there are processed.
        batch_size: articles per task; each batch is committed atomically. None: 200, or more
            for plans of over 10,000 new articles, so a run has about 50 batches (at most 500 each).
        workers: worker processes for batches. Even one runs apart from the flow's process,
            where Prefect's threads (logs, events, task states) would take the GIL from it.
        publisher: the publisher of every article, for corpora whose files do not name their site.
        publisher_by_dir: publisher per source sub-directory, e.g. ``{"bbc-2005": "BBC News"}``.
        gazetteer_csv: extra outlets (same columns as the shipped ``outlets.csv``).
        max_bytes: files larger than this are rejected unread.
        dask_address: run batches on an existing Dask cluster (``tcp://host:8786``) via prefect-dask.
    """
    # The run's tags label the flow run. Task runs carry none: on a tagged task run
    # Prefect takes and releases a tag concurrency slot through the API, two round
    # trips per task that bought nothing here.
    with TagsContext(current_tags=set()):
        return _news_etl(raw_dir, out_dir, batch_size, workers, publisher, publisher_by_dir, gazetteer_csv,
                         max_bytes, dask_address)


def _news_etl(
    raw_dir: str,
    out_dir: str,
    batch_size: int | None,
    workers: int,
    publisher: str | None,
    publisher_by_dir: dict[str, str] | None,
    gazetteer_csv: str | None,
    max_bytes: int,
    dask_address: str | None,
) -> dict:
    logger = get_run_logger()
    started_at = datetime.now(timezone.utc)
    run_id = new_run_id(started_at)
    seconds: dict[str, float] = {}
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    store = Store(Path(out_dir))
    with store.locked(), ExitStack() as stack:
        t = time.perf_counter()
        store.open()
        plan = plan_batches(raw_dir, out_dir, batch_size, max_bytes)
        seconds["plan"] = time.perf_counter() - t
        logger.info(
            "%d files: %d new articles in %d batches, %d unchanged, %d duplicates, %d rejected at discovery",
            plan.n_files_seen, plan.n_new, len(plan.batches), plan.n_unchanged, plan.n_duplicates, len(plan.rejects),
        )
        config = ProcessConfig.of_run(max_bytes, publisher, publisher_by_dir, gazetteer_csv)
        staging = str(store.staging_dir(run_id))
        if not dask_address and plan.batches:
            stack.enter_context(workerpool.batch_workers(workers))  # `newsetl run` opened them before the flow
        t = time.perf_counter()
        if plan.batches:
            site_lines = learn_site_lines(quote(plan), out_dir, config)
            config = ProcessConfig(**{**config.__dict__, "site_lines_path": site_lines or None})
        seconds["learn"] = time.perf_counter() - t
        n_rejected = commit_planned_rejects(quote(plan), run_id, out_dir, staging)

        progress = create_progress_artifact(progress=0.0, key="news-etl-progress", description="batches committed")
        n_batches = len(plan.batches)
        write_progress(out_dir, run_id, "planned", 0, n_batches, 0, plan.n_new)
        stage_seconds: dict[str, float] = {}
        n_new = 0
        last_update = time.monotonic()
        commit_seconds = 0.0
        ahead_seconds = 0.0  # stage work of batches `newsetl run` prepared before the flow started
        n_done = 0  # planned items of the committed batches, rejected ones included
        t = time.perf_counter()
        for done, result in enumerate(_run_batches(plan, run_id, staging, config, dask_address), start=1):
            t_commit = time.perf_counter()
            rows = commit_batch(result, run_id, out_dir)
            commit_seconds += time.perf_counter() - t_commit
            n_new += len(result.article_ids)
            n_rejected += rows.get("rejects", 0)
            for stage, sec in result.seconds.items():
                stage_seconds[stage] = stage_seconds.get(stage, 0.0) + sec
            ahead_seconds += result.ahead
            if done == n_batches or time.monotonic() - last_update >= _PROGRESS_EVERY_S:
                update_progress_artifact(progress, progress=100.0 * done / n_batches)
                last_update = time.monotonic()
            n_done += len(plan.batches[done - 1])  # batches arrive in plan order
            write_progress(out_dir, run_id, "processing", done, n_batches, n_done, plan.n_new)
            print(f"committed batch {done}/{len(plan.batches)}: {len(result.article_ids)} articles")
        seconds["batches"] = time.perf_counter() - t
        seconds["commit"] = commit_seconds  # in the flow's process, between batches
        stack.close()  # the worker processes are done
        seconds.update({f"stage.{k}": v for k, v in sorted(stage_seconds.items())})
        if ahead_seconds:
            seconds["head_start"] = ahead_seconds
        write_progress(out_dir, run_id, "aggregating", n_batches, n_batches, plan.n_new, plan.n_new)
        t = time.perf_counter()
        if n_new or store.aggregates_stale() or not (Path(out_dir) / "speakers" / "part-0.parquet").exists():
            rebuild_aggregate_tables(out_dir, staging, gazetteer_csv)
        seconds["aggregate"] = time.perf_counter() - t
        seconds["total"] = (datetime.now(timezone.utc) - started_at).total_seconds()
        run_row = {
            "run_id": run_id,
            "flow_run_id": str(flow_run.id) if flow_run.id else None,
            "started_at": started_at,
            "finished_at": datetime.now(timezone.utc),
            "status": "completed",
            "raw_dir": str(Path(raw_dir).resolve()),
            "n_files_seen": plan.n_files_seen,
            "n_articles_new": n_new,
            "n_unchanged": plan.n_unchanged,
            "n_duplicates": plan.n_duplicates,
            "n_rejected": n_rejected,
            "seconds": {k: round(v, 4) for k, v in seconds.items()},
        }
        record_run(out_dir, staging, run_row)
        run_rejects = load("rejects", out_dir)
        run_rejects = run_rejects[run_rejects["run_id"] == run_id].to_dict(orient="records")
        publish_artifacts(out_dir, run_row, run_rejects)
        store.discard_staging(run_id)
        write_progress(out_dir, run_id, "finished", n_batches, n_batches, plan.n_new, plan.n_new)
    return {k: v for k, v in run_row.items() if k not in ("started_at", "finished_at")}


def _run_batches(plan, run_id: str, staging: str, config: ProcessConfig, dask_address: str | None) -> Iterator[BatchResult]:
    """Each batch's result, in plan order.

    Batches (like plans) go to tasks quote()d: Prefect otherwise walks every item of
    every parameter looking for futures (measured: ~0.1 s per 200-article batch).
    """
    batch_ids = [f"{run_id}-{n:05d}" for n in range(len(plan.batches))]
    if dask_address:
        from prefect_dask import DaskTaskRunner

        with DaskTaskRunner(address=dask_address) as runner:
            futures = [
                runner.submit(
                    process_batch_task,
                    # not quote()d: prefect-dask hands parameters to the task as given
                    parameters={"batch_id": b, "run_id": run_id, "items": items, "staging": staging, "config": config},
                )
                for b, items in zip(batch_ids, plan.batches)
            ]
            yield from (future.result() for future in futures)
        return
    # Every batch task is submitted at once, so each worker has its next batch queued while this
    # process commits the last one (and, with a Prefect server, the tasks' API calls are made
    # ahead: one task at a time, a single worker's run had 27% Prefect overhead at 1x against 6%).
    # The turns hand batches to the workers in plan order whatever order the tasks' threads run in.
    with workerpool.turns():
        futures = [
            process_batch_task.submit(b, run_id, quote(items), staging, config, n)
            for n, (b, items) in enumerate(zip(batch_ids, plan.batches))
        ]
        # Commit in plan order so the tables' part order is deterministic; a later
        # batch that finished first simply waits for its turn.
        for future in futures:
            yield future.result()


if __name__ == "__main__":
    args = sys.argv[1:]
    with tags(*RUN_TAGS):
        summary = news_etl(*(args[:2]))
    print(summary)
