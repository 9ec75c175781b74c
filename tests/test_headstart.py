"""`newsetl run`'s head start: batches prepared while Prefect's API starts are exactly the batches the flow
would have computed, and a head start that no longer matches the run is discarded."""

from __future__ import annotations

import json
import time

import pandas as pd
import pyarrow.parquet as pq
import pytest

import newsetl
from newsetl import headstart
from newsetl.cli import load_flow
from newsetl.clean import SiteLineIndex
from newsetl.ingest import DEFAULT_MAX_BYTES, discover
from newsetl.plan import make_plan
from newsetl.process import ProcessConfig, finish_prepared_batch, prepare_batch, process_batch
from newsetl.store import CommittedState, Store
from newsetl.tables import BATCH_TABLES
from newsetl.workerpool import batch_workers

from reliability_support import article_text, write_corpus

CONFIG = ProcessConfig.of_run(DEFAULT_MAX_BYTES, None, None, None)


def tables_without_run_ids(out) -> dict[str, pd.DataFrame]:
    """Every batch table (and rejects), rows sorted, without the run id that differs between two runs."""
    tables = {}
    for name in BATCH_TABLES + ("rejects",):
        frame = newsetl.load(name, out).drop(columns=["run_id"], errors="ignore")
        tables[name] = frame.sort_values(list(frame.columns[:3])).reset_index(drop=True)
    return tables


def assert_same_tables(a, b) -> None:
    left, right = tables_without_run_ids(a), tables_without_run_ids(b)
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def test_a_prepared_batch_is_written_exactly_as_process_batch_writes_it(tmp_path):
    raw = write_corpus(tmp_path / "raw", n_articles=5)  # with a malformed JSON line and a binary file
    plan = make_plan(raw, CommittedState(frozenset(), frozenset(), 0), batch_size=50)
    items = plan.batches[0]
    direct = process_batch("batch-0", "run-1", items, tmp_path / "direct", CONFIG)
    prepare_batch(items, CONFIG, tmp_path / "prepared.pickle")
    finished = finish_prepared_batch("batch-0", "run-1", tmp_path / "prepared.pickle", tmp_path / "finished", time.time())
    assert direct.rows["rejects"] > 0 and direct.rows["articles"] > 0
    assert (finished.article_ids, finished.sources, finished.rejected, finished.rows) == (
        direct.article_ids, direct.sources, direct.rejected, direct.rows)
    for table, path in direct.parts.items():
        assert pq.read_table(finished.parts[table]).equals(pq.read_table(path)), table
    # asked for after it was computed: all its stage work was done ahead; asked for before: none
    assert finished.ahead == pytest.approx(sum(finished.seconds.values()) - finished.seconds["write"])
    asked_first = finish_prepared_batch("batch-0", "run-1", tmp_path / "prepared.pickle", tmp_path / "again", 0.0)
    assert asked_first.ahead == 0.0
    assert set(pq.read_table(finished.parts["rejects"]).column("run_id").to_pylist()) == {"run-1"}


def test_a_head_start_is_discarded_when_the_repeated_line_index_changed_since(tmp_path):
    raw = write_corpus(tmp_path / "raw", n_articles=6)
    out = tmp_path / "out"
    with batch_workers(1) as pool:
        head = headstart.begin(pool, 1, raw, out, 2, CONFIG)
        try:
            head._submitted.wait()
            other = SiteLineIndex()
            other.add("another site", "0" * 64, [1, 2, 3])
            other.save(Store(out).site_lines_path)  # another run learned something in between
            assert head.observations_for(head.plan, CONFIG, Store(out).site_lines_path) is None
            assert head.matched is False
            assert head.take(head.plan.batches[0]) is None
        finally:
            headstart.end()
    assert not head.scratch.exists()


def test_nothing_new_means_nothing_prepared(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    with batch_workers(1) as pool:
        head = headstart.begin(pool, 1, raw, tmp_path / "out", 2, CONFIG)
        head._submitted.wait()
        assert head.plan.batches == () and head.prepared == {}
        headstart.end()


@pytest.fixture(scope="module")
def news_etl(prefect_harness):
    return load_flow()


def _run_with_head_start(news_etl, raw, out, change=None,
                         batches_per_worker=headstart.BATCHES_PER_WORKER) -> headstart.HeadStart:
    with batch_workers(1) as pool:
        head = headstart.begin(pool, 1, raw, out, 2, CONFIG, batches_per_worker)
        try:
            if change:
                head._submitted.wait()  # planned already
                change()
            news_etl(raw_dir=str(raw), out_dir=str(out), batch_size=2, workers=1)
        finally:
            headstart.end()
    return head


def test_the_flow_takes_the_prepared_batches_and_writes_the_same_tables(news_etl, tmp_path):
    raw = write_corpus(tmp_path / "raw", n_articles=7)
    news_etl(raw_dir=str(raw), out_dir=str(tmp_path / "plain"), batch_size=2, workers=1)
    head = _run_with_head_start(news_etl, raw, tmp_path / "ahead")
    assert head.matched and head.used == headstart.BATCHES_PER_WORKER
    assert_same_tables(tmp_path / "plain", tmp_path / "ahead")
    # the runs table tells the stage work done before the flow from the flow's own
    seconds = dict(newsetl.load("runs", tmp_path / "ahead")["seconds"].iloc[-1])
    assert 0 < seconds["head_start"] < sum(v for k, v in seconds.items() if k.startswith("stage."))
    assert "head_start" not in dict(newsetl.load("runs", tmp_path / "plain")["seconds"].iloc[-1])
    assert not head.scratch.exists()


def test_with_all_batches_the_flow_computes_none_itself(news_etl, tmp_path):
    raw = write_corpus(tmp_path / "raw", n_articles=11)  # more batches of 2 than BATCHES_PER_WORKER
    news_etl(raw_dir=str(raw), out_dir=str(tmp_path / "plain"), batch_size=2, workers=1)
    head = _run_with_head_start(news_etl, raw, tmp_path / "ahead", batches_per_worker=headstart.ALL_BATCHES)
    assert head.matched and head.used == len(head.plan.batches) > headstart.BATCHES_PER_WORKER
    assert_same_tables(tmp_path / "plain", tmp_path / "ahead")


def test_a_corpus_that_changed_after_the_head_start_is_processed_as_it_is_now(news_etl, tmp_path):
    raw = write_corpus(tmp_path / "raw", n_articles=7)
    late = raw / "north" / "late-story.txt"
    head = _run_with_head_start(news_etl, raw, tmp_path / "ahead",
                                change=lambda: late.write_text(article_text(50), encoding="utf-8"))
    assert head.matched is False and head.used == 0
    assert "north/late-story.txt" in set(newsetl.load("articles", tmp_path / "ahead")["source_path"])
    news_etl(raw_dir=str(raw), out_dir=str(tmp_path / "plain"), batch_size=2, workers=1)
    assert_same_tables(tmp_path / "plain", tmp_path / "ahead")


def test_a_large_plan_is_left_to_the_flow_without_reading_its_files(tmp_path, monkeypatch):
    monkeypatch.setattr(headstart, "MAX_ARTICLES", 4)
    raw = write_corpus(tmp_path / "raw", n_articles=6)  # 7 .txt files (one binary) and a feed
    read = []
    monkeypatch.setattr("newsetl.plan.read_bytes", lambda path: read.append(path) or b"")
    with batch_workers(1) as pool:
        head = headstart.begin(pool, 1, raw, tmp_path / "out", 2, CONFIG)
        head._submitted.wait()
        assert head.plan is None and read == []  # more .txt files than the cap: not planned at all
        assert head.prepared == {} and head.observations_for(make_plan(raw, CommittedState(frozenset(), frozenset(), 0)),
                                                             CONFIG, head.index_path) is None
        headstart.end()


def test_a_large_plan_hidden_in_a_feed_is_planned_then_left_to_the_flow(tmp_path, monkeypatch):
    monkeypatch.setattr(headstart, "MAX_ARTICLES", 4)
    raw = write_corpus(tmp_path / "raw", n_articles=1)  # 2 .txt files: the file count passes the cap
    feed = raw / "feeds" / "more.jsonl"
    feed.write_text("\n".join(json.dumps({"text": article_text(200 + n).split("\n", 2)[2]}) for n in range(4)) + "\n",
                    encoding="utf-8")
    with batch_workers(1) as pool:
        head = headstart.begin(pool, 1, raw, tmp_path / "out", 2, CONFIG)
        head._submitted.wait()
        assert head.plan.n_new > 4
        assert head.prepared == {} and head.observations_for(head.plan, CONFIG, head.index_path) is None
        headstart.end()


def test_committed_articles_count_against_the_file_gate(tmp_path):
    files, _ = discover(write_corpus(tmp_path / "raw", n_articles=headstart.MAX_ARTICLES // 1000))
    n_txt = sum(1 for f in files if f.source_path.endswith(".txt"))
    assert not headstart.likely_too_large(files, CommittedState(frozenset(), frozenset(), 0))
    many = files * (headstart.MAX_ARTICLES // n_txt + 1)
    assert headstart.likely_too_large(many, CommittedState(frozenset(), frozenset(), 0))
    committed = frozenset(f"id-{n}" for n in range(len(many) - headstart.MAX_ARTICLES))
    assert not headstart.likely_too_large(many, CommittedState(committed, frozenset(), 1))


def test_scratch_left_by_a_killed_run_is_removed_by_a_later_one(tmp_path):
    import os

    dead = _a_dead_pid()
    stale = tmp_path / f"{headstart.SCRATCH_PREFIX}{dead}-abc"
    live = tmp_path / f"{headstart.SCRATCH_PREFIX}{os.getpid()}-def"
    recent = tmp_path / f"{headstart.SCRATCH_PREFIX}{dead}-ghi"
    for path in (stale, live, recent):
        path.mkdir()
        (path / "0.pickle").write_bytes(b"rows")
    old = time.time() - 2 * headstart.STALE_AFTER_S
    for path in (stale, live):
        os.utime(path, (old, old))
    assert headstart.sweep_stale_scratch(tmp_path) == [stale]
    assert not stale.exists() and live.exists() and recent.exists()


def _a_dead_pid() -> int:
    import subprocess

    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid
