"""The output directory's layout across versions: a table added later becomes readable in a directory written before it."""

from __future__ import annotations

import json

import pandas as pd

import newsetl
from newsetl import store as store_module
from newsetl.store import EMPTY_BATCH_ID, Store
from newsetl.tables import BATCH_TABLES


def test_a_table_added_later_gets_its_own_zero_row_seed_in_an_older_directory(tmp_path, monkeypatch):
    out = tmp_path / "out"
    older = tuple(t for t in BATCH_TABLES if t != "speech_acts")
    monkeypatch.setattr(store_module, "BATCH_TABLES", older)  # a directory written before speech_acts existed
    first = Store(out)
    with first.locked():
        first.open()
    seed = json.loads((out / "_state" / "manifest" / f"{EMPTY_BATCH_ID}.json").read_text())
    assert "speech_acts" not in seed["files"] and not list((out / "speech_acts").glob("*.parquet"))

    monkeypatch.setattr(store_module, "BATCH_TABLES", BATCH_TABLES)
    store = Store(out)
    with store.locked():
        store.open()
        store.open()  # opening again seeds nothing more
    seeds = sorted(p.name for p in (out / "_state" / "manifest").glob(f"{EMPTY_BATCH_ID}*.json"))
    assert seeds == [f"{EMPTY_BATCH_ID}-speech_acts.json", f"{EMPTY_BATCH_ID}.json"]
    assert store.problems() == []
    assert len(pd.read_parquet(out / "speech_acts")) == 0  # readable by pandas, not only by newsetl.load
    assert list(newsetl.load("speech_acts", out).columns)[:3] == ["act_id", "article_id", "sentence_idx"]
