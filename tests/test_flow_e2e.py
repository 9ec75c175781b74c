"""End to end: the Prefect flow on a temp corpus, its tables, and incremental re-runs."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest

import newsetl
from newsetl.cli import load_flow
from newsetl.tables import SCHEMAS, TABLE_NAMES

from corpus_paths import BBC, FIXTURES, SEED

BATCH_TABLES_WITH_ROWS = ("articles", "sentences", "outlet_mentions", "quotes", "speech_acts", "boilerplate")


@pytest.fixture(scope="module")
def news_etl(prefect_harness):
    return load_flow()


@pytest.fixture()
def corpus(tmp_path):
    raw = tmp_path / "raw"
    (raw / "western-journal").mkdir(parents=True)
    shutil.copy(SEED, raw / "western-journal" / SEED.name)
    shutil.copytree(FIXTURES / "articles", raw / "fixtures", ignore=shutil.ignore_patterns("*.md"))
    (raw / "bbc").mkdir()
    for name in ("business/001.txt", "politics/002.txt", "sport/199.txt"):
        shutil.copy(BBC / name, raw / "bbc" / name.replace("/", "-"))
    return raw


def row_counts(out) -> dict[str, int]:
    return {name: len(newsetl.load(name, out)) for name in TABLE_NAMES}


def test_flow_writes_every_table_with_its_schema(news_etl, corpus, tmp_path):
    out = tmp_path / "out"
    summary = news_etl(raw_dir=str(corpus), out_dir=str(out), batch_size=3)
    n_files = len(list(corpus.rglob("*.txt"))) + len(list(corpus.rglob("*.jsonl")))
    assert summary["n_files_seen"] == n_files
    assert summary["n_articles_new"] + summary["n_rejected"] + summary["n_duplicates"] >= n_files - 1
    for name in TABLE_NAMES:
        files = sorted((out / name).glob("*.parquet"))
        assert files, f"{name} has no part file"
        for f in files:
            assert pq.read_schema(f).remove_metadata().equals(SCHEMAS[name]), f
    counts = row_counts(out)
    for name in BATCH_TABLES_WITH_ROWS + ("speakers", "outlets", "runs"):
        assert counts[name] > 0, name
    articles = newsetl.load("articles", out)
    assert articles["article_id"].is_unique
    seed = articles[articles["source_path"].str.endswith(SEED.name)].iloc[0]
    assert seed["publisher"] == "The Western Journal"
    assert "Advertise" not in seed["body"]
    latin = articles[articles["source_path"] == "bbc/sport-199.txt"].iloc[0]
    assert latin["encoding"] == "cp1252" and "£" in latin["body"]
    sentences = newsetl.load("sentences", out).merge(articles[["article_id", "body"]], on="article_id")
    assert all(b[s:e] == t for b, s, e, t in zip(sentences.body, sentences.char_start, sentences.char_end, sentences.text))
    acts = newsetl.load("speech_acts", out).merge(articles[["article_id", "body"]], on="article_id")
    assert acts["act_id"].is_unique and set(acts["kind"]) <= {"object", "directive", "label", "question"}
    assert all(b[s:e] == t for b, s, e, t in zip(acts.body, acts.char_start, acts.char_end, acts.text))
    assert not set(newsetl.load("quotes", out)["kind"]) - {"direct", "partial", "indirect"}


def test_second_run_processes_nothing_and_changes_no_table(news_etl, corpus, tmp_path):
    out = tmp_path / "out"
    news_etl(raw_dir=str(corpus), out_dir=str(out))
    before = row_counts(out)
    summary = news_etl(raw_dir=str(corpus), out_dir=str(out))
    assert summary["n_articles_new"] == 0
    assert (summary["n_unchanged"], summary["n_rejected"]) == (summary["n_files_seen"], 0)
    after = row_counts(out)
    assert after.pop("runs") == before.pop("runs") + 1
    assert after == before


def test_only_a_file_added_between_runs_is_processed(news_etl, corpus, tmp_path):
    out = tmp_path / "out"
    news_etl(raw_dir=str(corpus), out_dir=str(out))
    before = newsetl.load("articles", out)
    added = corpus / "bbc" / "business-002.txt"
    shutil.copy(BBC / "business" / "002.txt", added)
    summary = news_etl(raw_dir=str(corpus), out_dir=str(out))
    assert summary["n_articles_new"] == 1
    after = newsetl.load("articles", out)
    new = after[~after["article_id"].isin(before["article_id"])]
    assert list(new["source_path"]) == ["bbc/business-002.txt"]
    assert len(after) == len(before) + 1


def test_identical_files_are_one_article_and_counted_as_duplicates(news_etl, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("tech-169.txt", "tech-233.txt"):  # the BBC corpus ships these two with identical bytes
        shutil.copy(BBC / "tech" / name.split("-")[1], raw / name)
    summary = news_etl(raw_dir=str(raw), out_dir=str(tmp_path / "out"))
    assert (summary["n_articles_new"], summary["n_duplicates"]) == (1, 1)


def _sorted_rows(out, name: str):
    frame = newsetl.load(name, out).drop(columns=["run_id"], errors="ignore")
    frame = frame.map(lambda v: tuple(v) if hasattr(v, "__len__") and not isinstance(v, str) else v)
    return frame.sort_values(list(frame.columns)[:4], ignore_index=True).astype(str)


def test_two_worker_processes_give_the_same_tables_as_one(news_etl, corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    news_etl(raw_dir=str(corpus), out_dir=str(one), batch_size=2, workers=1)
    summary = news_etl(raw_dir=str(corpus), out_dir=str(two), batch_size=2, workers=2)
    assert summary["n_articles_new"] > 4
    for name in ("articles", "boilerplate", "sentences", "outlet_mentions", "quotes", "speech_acts", "speakers", "outlets",
                 "rejects"):
        assert _sorted_rows(one, name).equals(_sorted_rows(two, name)), name


def test_aggregates_load_only_the_rows_they_use_and_equal_those_of_every_row(news_etl, corpus, tmp_path):
    import pyarrow.compute as pc

    from newsetl.outlets import build_outlets, shared_gazetteer
    from newsetl.speakers import build_speakers

    out = tmp_path / "out"
    news_etl(raw_dir=str(corpus), out_dir=str(out), batch_size=3)
    quotes = newsetl.load("quotes", out)
    named = newsetl.load("quotes", out, where=pc.field("speaker_id").is_valid())
    assert 0 < len(named) < len(quotes) and named["speaker_id"].notna().all()

    expected = build_speakers(quotes)
    speakers = newsetl.load("speakers", out)
    assert list(speakers["speaker_id"]) == list(expected["speaker_id"])
    assert list(speakers["n_quotes"]) == list(expected["n_quotes"])
    assert list(speakers["n_articles"]) == list(expected["n_articles"])
    expected = build_outlets(newsetl.load("outlet_mentions", out), newsetl.load("sentences", out), shared_gazetteer(None))
    outlets = newsetl.load("outlets", out)
    assert list(outlets["outlet_id"]) == list(expected["outlet_id"])
    assert outlets["polarity_mean"].notna().any()
    assert outlets["polarity_mean"].fillna(9).round(9).tolist() == expected["polarity_mean"].fillna(9).round(9).tolist()
