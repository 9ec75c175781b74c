"""Batching of a plan: the run's batch size when it names none."""

from __future__ import annotations

from newsetl import plan as planning
from newsetl.plan import auto_batch_size, make_plan
from newsetl.store import CommittedState

from reliability_support import write_corpus

NOTHING_COMMITTED = CommittedState(frozenset(), frozenset(), 0)


def test_batches_are_200_articles_until_a_plan_would_have_more_than_50():
    assert auto_batch_size(1) == 200
    assert auto_batch_size(2_225) == 200  # the BBC corpus: 12 batches
    assert auto_batch_size(10_000) == 200
    assert auto_batch_size(10_001) == 201
    assert auto_batch_size(22_250) == 445  # 10x the BBC corpus: 50 batches, not 112
    assert auto_batch_size(25_000) == 500
    assert auto_batch_size(1_000_000) == 500  # a batch's memory and a killed run's redo stay bounded


def test_a_plan_without_a_batch_size_uses_the_automatic_one_and_a_given_size_wins(tmp_path, monkeypatch):
    raw = write_corpus(tmp_path / "raw", n_articles=10)
    monkeypatch.setattr(planning, "MIN_BATCH_SIZE", 2)
    monkeypatch.setattr(planning, "TARGET_BATCHES", 3)

    automatic = make_plan(raw, NOTHING_COMMITTED)
    given = make_plan(raw, NOTHING_COMMITTED, batch_size=5)

    assert automatic.n_new == given.n_new == 14  # 10 files and 4 good JSONL lines
    assert [len(batch) for batch in automatic.batches] == [5, 5, 4]  # ceil(14 / 3)
    assert [len(batch) for batch in given.batches] == [5, 5, 4]
    assert [len(batch) for batch in make_plan(raw, NOTHING_COMMITTED, batch_size=4).batches] == [4, 4, 4, 2]
    assert [item for batch in automatic.batches for item in batch] == [item for batch in given.batches for item in batch]
