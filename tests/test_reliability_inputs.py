"""Bad input never stops a run and never loses or duplicates a row (issue 9, bad-input matrix).

Each case puts one bad file beside two good articles, runs the pipeline (the
flow's task functions without Prefect, see ``reliability_support``), and checks
three things: the bad file has a rejects row with a reason a user understands
(or, where the input is recoverable, an article that records what was done),
the run completes, and the good articles come out exactly as they do alone.

Decisions per case, as the tests pin them:

- empty / whitespace-only file: rejected ``empty``.
- binary (PNG bytes), NUL bytes anywhere in the text: rejected ``binary``. A NUL
  is never legitimate in news text and breaks C-string consumers downstream.
- invalid UTF-8: decoded as cp1252 (latin-1 for bytes cp1252 does not map); the
  encoding used is recorded in ``articles.encoding``.
- UTF-16 with a BOM: decoded, ``encoding`` = ``utf-16``.
- mixed CRLF / CR / LF: normalised to LF; no ``\\r`` reaches a table.
- larger than ``max_bytes``: rejected ``too_large`` unread, the limit in the detail.
- a 1 MB single line: processed.
- only boilerplate: what the cleaner does is explicit (rejected ``no_body``, or
  kept with ``clean_flag`` set).
- title only: rejected ``no_body``.
- JSONL: each malformed line, missing or non-string ``text``, rejected on its own
  as ``file.jsonl:LINE`` with the line number in the detail; good lines processed.
- a file that vanishes or becomes unreadable after discovery: rejected
  ``unreadable``; once it is readable again the next run processes it.
- symlink loops: ``symlink_loop`` (directories) or ``unreadable`` (files).
- non-UTF-8 file names: processed; ``source_path`` shows the bad byte escaped.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import time
from pathlib import Path

import pytest

import newsetl
from newsetl.plan import make_plan
from newsetl.process import ProcessConfig, process_batch
from newsetl.store import Store

from reliability_support import article_text, run_direct, table_rows

GOOD = {"good/one.txt": article_text(1), "good/two.txt": article_text(2)}


def write(raw: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8", newline="")
        else:
            path.write_bytes(content)


@pytest.fixture(scope="module")
def good_alone(tmp_path_factory) -> dict[str, list]:
    """The good articles' rows when nothing bad is beside them."""
    root = tmp_path_factory.mktemp("good-alone")
    write(root / "raw", GOOD)
    run_direct(root / "raw", root / "out")
    return {name: table_rows(root / "out", name) for name in ("articles", "sentences", "quotes", "outlet_mentions", "boilerplate")}


class Outcome:
    def __init__(self, out: Path, summary: dict) -> None:
        self.out = out
        self.summary = summary
        self.articles = newsetl.load("articles", out)
        self.rejects = newsetl.load("rejects", out)

    def reject(self, source_path: str) -> dict:
        rows = self.rejects[self.rejects["source_path"] == source_path]
        assert len(rows) == 1, f"expected one rejects row for {source_path}, got {len(rows)}:\n{self.rejects}"
        return rows.iloc[0].to_dict()

    def article(self, source_path: str) -> dict:
        rows = self.articles[self.articles["source_path"] == source_path]
        assert len(rows) == 1, f"expected one article for {source_path}, got {len(rows)}; rejects:\n{self.rejects}"
        return rows.iloc[0].to_dict()


@pytest.fixture()
def run_with(tmp_path, good_alone):
    """Run on the good articles plus ``bad``; assert the good ones are untouched."""

    def run(bad: dict[str, bytes | str], max_bytes: int | None = None, out: Path | None = None) -> Outcome:
        raw = tmp_path / "raw"
        write(raw, {**GOOD, **bad})
        out = out or tmp_path / "out"
        kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
        summary = run_direct(raw, out, **kwargs)
        assert summary["status"] == "completed"
        outcome = Outcome(out, summary)
        good_ids = set(outcome.articles.loc[outcome.articles["source_path"].isin(GOOD), "article_id"])
        assert len(good_ids) == len(GOOD), "a good article went missing"
        for name, expected in good_alone.items():
            assert table_rows(out, name, good_ids) == expected, f"good articles' {name} rows changed by the bad input"
        return outcome

    return run


# ---- empty, binary, control bytes ------------------------------------------------------


def test_empty_file_is_rejected_as_empty(run_with):
    outcome = run_with({"bad/empty.txt": b""})
    row = outcome.reject("bad/empty.txt")
    assert (row["reason"], row["detail"]) == ("empty", "the file has no text")


def test_whitespace_only_file_is_rejected_as_empty(run_with):
    outcome = run_with({"bad/blank.txt": b"  \n\t\r\n   \n"})
    row = outcome.reject("bad/blank.txt")
    assert (row["reason"], row["detail"]) == ("empty", "the file contains only whitespace")


def test_png_bytes_are_rejected_as_binary_image(run_with):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4
    outcome = run_with({"bad/photo.txt": png})
    row = outcome.reject("bad/photo.txt")
    assert row["reason"] == "binary" and "PNG" in row["detail"]


def test_nul_byte_early_in_text_is_rejected_as_binary(run_with):
    outcome = run_with({"bad/nul-early.txt": b"Harbour Vote Delayed\n\nThe council met\x00 on Monday.\n"})
    row = outcome.reject("bad/nul-early.txt")
    assert row["reason"] == "binary" and "NUL" in row["detail"]


def test_nul_byte_past_the_sniffed_head_is_rejected_with_its_offset(run_with):
    prose = ("The harbour board met again on Monday to discuss the dredging contract. " * 150).encode()
    assert len(prose) > 8192
    outcome = run_with({"bad/nul-late.txt": b"Dredging Talks Continue\n\n" + prose + b"\x00tail\n"})
    row = outcome.reject("bad/nul-late.txt")
    assert row["reason"] == "binary"
    assert f"NUL character at offset {len(prose) + 25}" in row["detail"]


# ---- encodings and newlines ----------------------------------------------------------


def test_invalid_utf8_is_decoded_as_cp1252_and_the_encoding_recorded(run_with):
    raw = "Caf\xe9 Owners Protest Rent \u2014 Again\n\nThe owners of the caf\xe9 said rents rose 40% this year.\nThey met the mayor on Friday.\n"
    outcome = run_with({"legacy/cafe.txt": raw.encode("cp1252")})
    article = outcome.article("legacy/cafe.txt")
    assert article["encoding"] == "cp1252"
    assert article["title"] == "Caf\u00e9 Owners Protest Rent \u2014 Again"
    assert "caf\u00e9 said rents" in article["body"]


def test_bytes_cp1252_cannot_map_fall_back_to_latin1(run_with):
    raw = b"Ferry Fares Rise\n\nFares rose \x81 again on Monday, the operator said.\nRiders were not pleased.\n"
    outcome = run_with({"legacy/ferry.txt": raw})
    assert outcome.article("legacy/ferry.txt")["encoding"] == "latin-1"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(run_with, codec):
    text = "Bridge Reopens After Repairs\n\nThe Mill Street bridge reopened on Sunday after eight months of repairs.\nDrivers said the detour had doubled their commute.\n"
    bom = b"\xff\xfe" if codec == "utf-16-le" else b"\xfe\xff"
    outcome = run_with({"encodings/bridge.txt": bom + text.encode(codec)})
    article = outcome.article("encodings/bridge.txt")
    assert article["encoding"] == "utf-16"
    assert article["title"] == "Bridge Reopens After Repairs"
    assert article["body"].startswith("The Mill Street bridge reopened")
    assert "\ufeff" not in article["title"] + article["body"]


def test_mixed_crlf_cr_lf_newlines_are_normalised(run_with):
    raw = b"Library Hours Extended\r\n\r\nThe library will open until nine on weekdays.\rStaff said demand had grown.\nThe change starts in May.\r\n"
    outcome = run_with({"newlines/library.txt": raw})
    article = outcome.article("newlines/library.txt")
    assert article["title"] == "Library Hours Extended"
    assert article["n_paragraphs"] == 3
    assert "\r" not in article["body"]
    sentences = newsetl.load("sentences", outcome.out)
    assert not sentences["text"].str.contains("\r").any()


# ---- size -------------------------------------------------------------------------------


def test_50_mb_file_is_rejected_unread_with_the_limit_in_the_reason(run_with, tmp_path):
    big = tmp_path / "raw" / "huge" / "dump.txt"
    big.parent.mkdir(parents=True)
    with open(big, "wb") as fh:  # sparse: no 50 MB actually written
        fh.truncate(50 * 1024 * 1024)
    outcome = run_with({})
    row = outcome.reject("huge/dump.txt")
    assert row["reason"] == "too_large"
    assert row["detail"] == "52,428,800 bytes exceeds the limit of 20,971,520 bytes (max_bytes)"


def test_size_limit_is_configurable_and_raising_it_processes_the_file_next_run(run_with, tmp_path):
    text = article_text(7) + "The council will review the rules again next year, the clerk said.\n" * 4
    assert len(text.encode()) > max(len(t.encode()) for t in GOOD.values())  # the good files stay under the limit
    outcome = run_with({"sized/story.txt": text}, max_bytes=len(text.encode()) - 1)
    row = outcome.reject("sized/story.txt")
    assert row["reason"] == "too_large" and f"limit of {len(text.encode()) - 1:,} bytes" in row["detail"]
    again = run_with({}, max_bytes=10 * len(text.encode()))
    assert again.article("sized/story.txt")["n_sentences"] == 8
    assert len(again.rejects[again.rejects["source_path"] == "sized/story.txt"]) == 1


def test_one_megabyte_single_line_is_processed(run_with):
    sentence = "The harbour committee said on Tuesday that the dredging plan would go ahead after a long debate. "
    line = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000].rstrip() + "."
    start = time.monotonic()
    outcome = run_with({"long/one-line.txt": "Dredging Plan Approved\n" + line + "\n"})
    assert time.monotonic() - start < 120, "a 1 MB line must not take minutes (quadratic work?)"
    article = outcome.article("long/one-line.txt")
    assert article["n_paragraphs"] == 1
    assert article["n_sentences"] == line.count(". ") + 1
    assert article["n_chars_body"] == len(line)


# ---- content-level rejects ----------------------------------------------------------------


def test_boilerplate_only_file_is_rejected_or_flagged_explicitly(run_with):
    footer = (
        "Truth and Accuracy\n"
        "We are committed to truth and accuracy in all of our journalism. Read our editorial standards.\n"
        "Advertise with The Harbor Herald and reach readers along the coast. Advertise Today.\n"
        "Sign up for our newsletter\n"
        "Share this story on Facebook\n"
        "Copyright 2025 The Harbor Herald. All rights reserved.\n"
    )
    outcome = run_with({"furniture/footer.txt": footer})
    kept = outcome.articles[outcome.articles["source_path"] == "furniture/footer.txt"]
    rejected = outcome.rejects[outcome.rejects["source_path"] == "furniture/footer.txt"]
    assert len(kept) + len(rejected) == 1, "the file must end in exactly one of articles or rejects"
    if len(rejected):
        assert rejected.iloc[0]["reason"] == "no_body"
        assert rejected.iloc[0]["detail"].startswith("no article text")
    else:
        # kept: cleaning was held back and says so, nothing silently removed
        assert kept.iloc[0]["clean_flag"], "kept a boilerplate-only file without flagging it"


def test_title_only_file_is_rejected_with_no_body(run_with):
    outcome = run_with({"thin/headline.txt": "Power restored to most of Eastfield after overnight storm\n"})
    row = outcome.reject("thin/headline.txt")
    assert (row["reason"], row["detail"]) == ("no_body", "no article text after the title")


# ---- JSONL ---------------------------------------------------------------------------------


def _line(n: int, **extra) -> str:
    return json.dumps({"text": article_text(n).split("\n", 2)[2], "title": f"Feed story {n}", **extra})


def test_jsonl_malformed_lines_are_rejected_one_by_one_and_good_lines_processed(run_with):
    lines = [_line(10), "{not json", _line(11), '["an", "array"]', "", "42", _line(12), '{"text": "unterminated']
    outcome = run_with({"feed/wire.jsonl": "\n".join(lines) + "\n"})
    for n in (1, 3, 7):
        assert outcome.article(f"feed/wire.jsonl:{n}")["title"].startswith("Feed story")
    expected = {2: "not valid JSON", 4: "expected a JSON object, got list", 6: "expected a JSON object, got int", 8: "not valid JSON"}
    for n, words in expected.items():
        row = outcome.reject(f"feed/wire.jsonl:{n}")
        assert row["reason"] == "malformed_jsonl"
        assert row["detail"].startswith(f"line {n}: ") and words in row["detail"]
    assert not outcome.rejects["source_path"].eq("feed/wire.jsonl:5").any(), "a blank line is not an article"


def test_jsonl_lines_missing_text_or_with_non_string_text_are_rejected_individually(run_with):
    lines = [
        json.dumps({"title": "No text here"}),
        json.dumps({"text": 12345}),
        json.dumps({"text": ["a", "list"]}),
        json.dumps({"text": None}),
        json.dumps({"text": "   "}),
        _line(13),
    ]
    outcome = run_with({"feed/partial.jsonl": "\n".join(lines)})
    assert outcome.reject("feed/partial.jsonl:1")["detail"] == "line 1: the record has no 'text' field"
    assert outcome.reject("feed/partial.jsonl:2")["detail"] == "line 2: 'text' is int, not a string"
    assert outcome.reject("feed/partial.jsonl:3")["detail"] == "line 3: 'text' is list, not a string"
    assert outcome.reject("feed/partial.jsonl:4")["reason"] == "missing_text"
    assert outcome.reject("feed/partial.jsonl:5")["reason"] == "empty"
    assert outcome.article("feed/partial.jsonl:6")["title"] == "Feed story 13"


def test_empty_jsonl_file_is_rejected_not_forgotten(run_with):
    outcome = run_with({"feed/none.jsonl": "\n\n"})
    assert outcome.reject("feed/none.jsonl")["reason"] == "empty"


# ---- the file system changes under the run ----------------------------------------------


def test_file_deleted_between_planning_and_reading_is_rejected_then_processed_when_back(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {**GOOD, "gone/story.txt": article_text(20)})
    store = Store(out)
    store.open()
    plan = make_plan(raw, store.committed())
    (raw / "gone" / "story.txt").unlink()
    result = process_batch("b-0", "run-1", plan.batches[0], tmp_path / "staging", ProcessConfig())
    assert result.rejected == {"gone/story.txt": "error:unreadable"}
    assert set(result.sources) == set(GOOD)
    from newsetl.store import BatchRecord

    store.commit(
        BatchRecord("b-0", "run-1", {}, {}, result.article_ids, result.sources, result.rejected),
        {t: Path(p) for t, p in result.parts.items()},
    )
    rejects = newsetl.load("rejects", out)
    row = rejects[rejects["source_path"] == "gone/story.txt"].iloc[0]
    assert row["reason"] == "unreadable" and "vanished" in row["detail"] and "No such file" in row["detail"]
    # the same bytes come back: a transient failure must not mark the content as done
    write(raw, {"gone/story.txt": article_text(20)})
    run_direct(raw, out)
    articles = newsetl.load("articles", out)
    assert articles["source_path"].tolist().count("gone/story.txt") == 1


def test_file_unreadable_at_planning_is_rejected_once_and_processed_once_readable(tmp_path, monkeypatch):
    # Tests run as root, where chmod 000 does not stop a read: simulate EACCES.
    raw, out = tmp_path / "raw", tmp_path / "out"
    write(raw, {**GOOD, "locked/story.txt": article_text(21)})
    real_open = os.open

    def os_open(path, flags, *args, **kwargs):  # articles are read through os.open (newsetl.ingest.read_bytes)
        if os.fspath(path).endswith(os.path.join("locked", "story.txt")):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    run_direct(raw, out)
    run_direct(raw, out)
    rejects = newsetl.load("rejects", out)
    rows = rejects[rejects["source_path"] == "locked/story.txt"]
    assert len(rows) == 1, "a second run re-reported the same unreadable file"
    assert rows.iloc[0]["reason"] == "unreadable" and "Permission denied" in rows.iloc[0]["detail"]
    monkeypatch.setattr(os, "open", real_open)
    run_direct(raw, out)
    assert newsetl.load("articles", out)["source_path"].tolist().count("locked/story.txt") == 1


def test_dangling_symlink_is_rejected_as_unreadable(run_with, tmp_path):
    (tmp_path / "raw" / "links").mkdir(parents=True)
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "raw" / "links" / "dangling.txt")
    outcome = run_with({})
    row = outcome.reject("links/dangling.txt")
    assert row["reason"] == "unreadable" and "No such file" in row["detail"]


def test_named_pipe_is_rejected_and_does_not_hang(run_with, tmp_path):
    # Opening a FIFO for reading waits for a writer: without O_NONBLOCK the run would hang here.
    (tmp_path / "raw" / "bad").mkdir(parents=True)
    os.mkfifo(tmp_path / "raw" / "bad" / "pipe.txt")
    def hung(signum, frame):
        raise TimeoutError("the run hung on a named pipe")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)  # fail instead of hanging the suite
    try:
        outcome = run_with({})
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    row = outcome.reject("bad/pipe.txt")
    assert row["reason"] == "unreadable" and "not a regular file" in row["detail"]


def test_symlink_loops_are_reported_and_do_not_hang(run_with, tmp_path):
    loops = tmp_path / "raw" / "loops"
    (loops / "inner").mkdir(parents=True)
    os.symlink("..", loops / "inner" / "back-up")  # directory loop
    os.symlink("b.txt", loops / "a.txt")  # file loop
    os.symlink("a.txt", loops / "b.txt")
    outcome = run_with({"loops/inner/real.txt": article_text(22)})
    assert outcome.article("loops/inner/real.txt")["n_sentences"] == 4
    assert outcome.reject("loops/inner/back-up")["reason"] == "symlink_loop"
    for name in ("loops/a.txt", "loops/b.txt"):
        row = outcome.reject(name)
        assert row["reason"] == "unreadable" and "symbolic links" in row["detail"]


def test_non_utf8_file_name_is_processed_with_a_printable_source_path(run_with, tmp_path):
    raw = tmp_path / "raw" / "names"
    raw.mkdir(parents=True)
    name = os.fsdecode(b"caf\xe9-r\xfcckblick.txt")
    (raw / name).write_text(article_text(23), encoding="utf-8")
    outcome = run_with({})
    article = outcome.article("names/caf\\xe9-r\\xfcckblick.txt")
    assert article["n_sentences"] == 4


# ---- all of it, twice ------------------------------------------------------------------------


def test_second_run_on_the_same_bad_inputs_adds_no_rows(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write(
        raw,
        {
            **GOOD,
            "bad/empty.txt": b"",
            "bad/blank.txt": b" \n \n",
            "bad/photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)),
            "bad/nul.txt": b"Title\n\nText\x00 here.\n",
            "bad/headline.txt": "Only a headline\n",
            "bad/feed.jsonl": "\n".join([_line(30), "{broken", json.dumps({"text": 5}), ""]),
            "bad/none.jsonl": "",
            "legacy/cafe.txt": "Caf\xe9 Opens\n\nThe caf\xe9 opened on Monday.\n".encode("cp1252"),
        },
    )
    (raw / "bad" / "huge.txt").write_bytes(b"x" * 5000)
    os.symlink("..", raw / "bad" / "loop")
    os.symlink(tmp_path / "missing", raw / "bad" / "dangling.txt")
    first = run_direct(raw, out, max_bytes=4096)
    tables_after_first = {name: table_rows(out, name) for name in ("articles", "rejects", "sentences", "quotes")}
    second = run_direct(raw, out, max_bytes=4096)
    assert second["n_articles_new"] == 0 and second["n_rejected"] == 0
    assert {name: table_rows(out, name) for name in tables_after_first} == tables_after_first
    # every discovered file (or JSONL line) is in exactly one bucket
    articles, rejects = newsetl.load("articles", out), newsetl.load("rejects", out)
    assert first["n_articles_new"] == len(articles) == 4  # two good, cafe, feed line 1
    assert set(rejects["source_path"]) == {
        "bad/empty.txt", "bad/blank.txt", "bad/photo.txt", "bad/nul.txt", "bad/headline.txt",
        "bad/feed.jsonl:2", "bad/feed.jsonl:3", "bad/none.jsonl", "bad/huge.txt", "bad/loop", "bad/dangling.txt",
    }
    assert rejects["source_path"].is_unique
    assert second["n_unchanged"] == len(articles) + len(rejects)
