"""Properties that hold for any input (issue 9, hypothesis).

- decoding + splitting + segmentation never raise anything but RejectedInput, on
  any bytes or any text, and every sentence/paragraph offset round-trips;
- cleaning never removes a line of plain lowercase prose (no rule can match it,
  there is no repeated-line memory): removals need evidence;
- the pipeline is deterministic: the same input into two output directories
  gives the same tables, whatever the batch size (run ids and timings aside).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsetl.clean import clean
from newsetl.ingest import ArticleParts, Line, RejectedInput, decode_article, split_parts
from newsetl.segment import join_paragraphs, segment

from reliability_support import diff_snapshots, run_direct, snapshot, write_corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Characters that stress the decoder and the segmenter: every newline flavour,
# quotes, sentence ends, abbreviations' dots, controls, BOMs, astral characters.
TRICKY = st.sampled_from(list("\n\r\u2028\u2029\x85\t .!?\u2026\"'\u201c\u201d\u2018\u2019()-\u2014Mr.U.S.\ufeff\x0c\x1b\U0001f600A0"))
TEXT = st.text(st.one_of(st.characters(), TRICKY), max_size=400)


def check_roundtrip(raw: bytes) -> None:
    try:
        article = decode_article("any.txt", raw)
    except RejectedInput:
        return
    parts = split_parts(article)
    body = join_paragraphs([line.text for line in parts.body])
    seg = segment(body)
    for paragraph in seg.paragraphs:
        assert body[paragraph.char_start : paragraph.char_end].strip()
    for sentence in seg.sentences:
        assert body[sentence.char_start : sentence.char_end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
    starts = [s.char_start for s in seg.sentences]
    assert starts == sorted(starts)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_decodes_splits_and_segments_with_offsets_that_round_trip(text):
    check_roundtrip(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_an_article_or_a_rejected_input(raw):
    check_roundtrip(raw)


@settings(max_examples=100, deadline=None)
@given(TEXT, st.sampled_from(["utf-16", "cp1252"]))
def test_other_encodings_never_raise(text, codec):
    check_roundtrip(text.encode(codec, "replace"))


# Plain prose vocabulary: no furniture word (share, subscribe, copyright, advertisement,
# related, comments, photo, newsletter ...), no capitals, no digits, no punctuation.
PROSE_WORDS = (
    "the a of and to in on for with at from by council harbour river bridge school road water town people "
    "year week morning evening plan vote said would could should will new old long short first last many "
    "few families workers farmers residents officials mayor board meeting budget rain storm winter summer "
    "ferry bus market library park street houses rents prices fish boats grain wheat orchard festival"
).split()
PROSE_LINE = st.lists(st.sampled_from(PROSE_WORDS), min_size=3, max_size=30).map(" ".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PROSE_LINE, min_size=1, max_size=25), PROSE_LINE)
def test_cleaning_never_removes_a_line_without_boilerplate_evidence(lines, title):
    parts = ArticleParts(
        title=Line(1, title),
        dek=None,
        body=tuple(Line(n, text) for n, text in enumerate(lines, start=3)),
    )
    result = clean(parts, source=None, site_lines=None)
    assert result.removed == ()
    assert list(result.paragraphs) == lines


def test_pipeline_is_deterministic_whatever_the_batch_size(tmp_path):
    raw = write_corpus(tmp_path / "raw")
    shutil.copytree(FIXTURES / "articles", raw / "fixtures", ignore=shutil.ignore_patterns("*.md"))
    run_direct(raw, tmp_path / "one")
    run_direct(raw, tmp_path / "two")
    run_direct(raw, tmp_path / "small-batches", batch_size=2)
    first = snapshot(tmp_path / "one")
    assert sum(len(rows) for rows in first.values()) > 100
    assert not diff_snapshots(first, snapshot(tmp_path / "two"))
    assert not diff_snapshots(first, snapshot(tmp_path / "small-batches"))
