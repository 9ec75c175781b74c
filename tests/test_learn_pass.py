"""The learn pass (repeated site lines) gives the same memory on worker processes as in-process."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from newsetl.clean import SiteLineIndex
from newsetl.plan import make_plan
from newsetl.process import ProcessConfig, observe_site_lines
from newsetl.store import CommittedState

from reliability_support import write_corpus


def _items(raw):
    plan = make_plan(raw, CommittedState(frozenset(), frozenset(), 0), batch_size=3)
    return [item for batch in plan.batches for item in batch]


def test_pool_and_in_process_learn_the_same_index(tmp_path):
    raw = write_corpus(tmp_path / "raw", n_articles=9)
    items = _items(raw)
    config = ProcessConfig()
    alone = observe_site_lines(items, tmp_path / "alone.npz", config)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("forkserver")) as pool:
        pooled = observe_site_lines(items, tmp_path / "pooled.npz", config, pool, chunks=4)
    a, b = SiteLineIndex.load(alone), SiteLineIndex.load(pooled)
    assert a.groups and a.seen  # the corpus has something to learn
    assert a == b


def test_an_article_observed_twice_counts_once(tmp_path):
    raw = write_corpus(tmp_path / "raw", n_articles=4)
    items = _items(raw)
    path = tmp_path / "index.npz"
    observe_site_lines(items, path, ProcessConfig())
    once = SiteLineIndex.load(path)
    observe_site_lines(items, path, ProcessConfig())  # a run killed after learning, then re-run
    assert SiteLineIndex.load(path) == once


def test_nothing_to_learn_on_a_pool_saves_the_index_unchanged(tmp_path):
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("forkserver")) as pool:
        path = observe_site_lines([], tmp_path / "index.npz", ProcessConfig(), pool, chunks=8)
    assert SiteLineIndex.load(path) == SiteLineIndex()
