"""Ingestion: discovery, decoding, hashing and the title/dek/body split."""

from __future__ import annotations

import codecs
import hashlib
import json

import pytest

from newsetl.ingest import RejectedInput, SourceFile, decode, decode_article, discover, read_articles, split_parts

from corpus_paths import BBC, SEED

STORY = "Harbour fees to rise\n\nThe port authority said on Monday that berthing fees would rise 4% in April.\n\nDock workers said the rise was overdue.\n"


def test_article_id_is_sha256_of_raw_bytes():
    raw = STORY.encode()
    assert decode_article("a.txt", raw).article_id == hashlib.sha256(raw).hexdigest()


def test_utf8_bom_is_accepted_and_recorded():
    text, encoding = decode(codecs.BOM_UTF8 + "Café owners said “no”.".encode())
    assert text == "Café owners said “no”."
    assert encoding == "utf-8-sig"


def test_crlf_and_cr_line_ends_become_newlines():
    text, _ = decode(b"Title\r\n\r\nFirst paragraph.\rSecond paragraph.\nThird.")
    assert text == "Title\n\nFirst paragraph.\nSecond paragraph.\nThird."


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_and_paragraph_separators_become_newlines(separator):
    text, _ = decode(f"Title{separator}{separator}First paragraph.{separator}Second.".encode("utf-8"))
    assert text == "Title\n\nFirst paragraph.\nSecond."


def test_text_with_plain_newlines_is_returned_as_it_was():
    raw = "Title\n\nFirst paragraph, with “quotes” and a café.\nSecond.\n"
    assert decode(raw.encode("utf-8")) == (raw, "utf-8")


def test_non_utf8_bytes_fall_back_to_cp1252_and_say_so():
    text, encoding = decode("Tickets cost £40 at the café.".encode("cp1252"))
    assert text == "Tickets cost £40 at the café."
    assert encoding == "cp1252"


def test_bbc_latin1_pound_sign_is_decoded_with_its_fallback_recorded():
    article = decode_article("sport/199.txt", (BBC / "sport" / "199.txt").read_bytes())
    assert article.encoding == "cp1252"
    assert "£" in article.text


@pytest.mark.parametrize(
    ("raw", "reason"),
    [(b"", "empty"), (b"  \n\t\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"), (b"text\x00more", "binary")],
)
def test_unusable_bytes_are_rejected_with_a_reason(raw, reason):
    with pytest.raises(RejectedInput) as err:
        decode_article("bad.txt", raw)
    assert err.value.reason == reason


def test_utf16_with_bom_is_decoded():
    text, encoding = decode("Ministers met on Friday.".encode("utf-16"))
    assert text == "Ministers met on Friday."
    assert encoding == "utf-16"


def test_title_then_blank_line_has_no_dek():
    parts = split_parts(decode_article("a.txt", STORY.encode()))
    assert parts.title.text == "Harbour fees to rise"
    assert parts.dek is None
    assert [line.text for line in parts.body] == [
        "The port authority said on Monday that berthing fees would rise 4% in April.",
        "Dock workers said the rise was overdue.",
    ]
    assert [line.line_no for line in parts.body] == [3, 5]


def test_question_right_under_the_title_is_the_dek():
    raw = b"Will the ferry run?\nCan the island keep its only ferry through winter?\nThe council met on Tuesday.\nIt voted to keep it."
    parts = split_parts(decode_article("a.txt", raw))
    assert parts.dek.text == "Can the island keep its only ferry through winter?"
    assert parts.body[0].text == "The council met on Tuesday."


def test_first_paragraph_right_under_the_title_is_not_a_dek():
    raw = b"Ferry saved\nThe council voted on Tuesday to keep the ferry.\nIt will run daily."
    parts = split_parts(decode_article("a.txt", raw))
    assert parts.dek is None
    assert parts.body[0].text == "The council voted on Tuesday to keep the ferry."


def test_seed_title_and_dek():
    parts = split_parts(decode_article("seed.txt", SEED.read_bytes()))
    assert parts.title.text == "Report: NATO Meeting to Discuss Allowing Ukraine to Attack Targets Inside Russia"
    assert parts.dek.text.startswith("Should Ukraine be allowed")
    assert len(parts.body) == 21


def test_discovery_is_recursive_sorted_and_ignores_other_files(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "deep" / "x.txt").write_text(STORY)
    (tmp_path / "a.jsonl").write_text("{}\n")
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text(STORY)
    files, problems = discover(tmp_path)
    assert [f.source_path for f in files] == ["a.jsonl", "b/deep/x.txt"]
    assert problems == []


def test_jsonl_lines_are_articles_and_bad_lines_are_rejected_one_by_one(tmp_path):
    good = {"text": "Body one.\n\nMore.", "title": "One", "source": "Capital Wire", "url": "https://example.org/1"}
    lines = [json.dumps(good), "{not json", json.dumps({"title": "no text"}), json.dumps({"text": 42}), json.dumps({"text": "Two."})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    results = list(read_articles(SourceFile(path, "feed.jsonl", path.stat().st_size)))
    articles = [r for r in results if not isinstance(r, RejectedInput)]
    rejects = [r for r in results if isinstance(r, RejectedInput)]
    assert [a.source_path for a in articles] == ["feed.jsonl:1", "feed.jsonl:5"]
    assert articles[0].title == "One" and articles[0].source == "Capital Wire"
    assert articles[0].article_id == hashlib.sha256(lines[0].encode()).hexdigest()
    assert [(r.source_path, r.reason) for r in rejects] == [
        ("feed.jsonl:2", "malformed_jsonl"),
        ("feed.jsonl:3", "missing_text"),
        ("feed.jsonl:4", "missing_text"),
    ]
    assert "line 2" in rejects[0].detail


def test_oversized_file_is_rejected_with_the_limit_in_the_reason(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    with pytest.raises(RejectedInput) as err:
        list(read_articles(SourceFile(path, "big.txt", path.stat().st_size), max_bytes=1000))
    assert err.value.reason == "too_large"
    assert "1,000 bytes" in err.value.detail
