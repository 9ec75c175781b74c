"""Sentiment scores must equal TextBlob's for exactly the text they claim to score.

The oracle everywhere is ``TextBlob(text).sentiment`` itself: every test scores spans of
a body in one pass and compares each value with TextBlob run on that span's own text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textblob import TextBlob

from corpus_paths import BBC, SEED
from newsetl.segment import segment
from newsetl.sentiment import Score, score, score_spans

TOLERANCE = 1e-9
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def textblob_score(text: str) -> Score:
    s = TextBlob(text).sentiment
    return Score(s.polarity, s.subjectivity)


def assert_same(got: Score, text: str) -> None:
    want = textblob_score(text)
    assert abs(got.polarity - want.polarity) <= TOLERANCE, (text[:300], got, want)
    assert abs(got.subjectivity - want.subjectivity) <= TOLERANCE, (text[:300], got, want)


def assert_spans_match_textblob(body: str, spans: list[tuple[int, int]]) -> None:
    body_score, span_scores = score_spans(body, spans)
    assert_same(body_score, body)
    assert len(span_scores) == len(spans)
    for (start, end), got in zip(spans, span_scores):
        assert_same(got, body[start:end])


def quote_spans(body: str) -> list[tuple[int, int]]:
    """Text between straight or curly double quotes: a proxy for the pipeline's quote spans."""
    return [m.span(1) if m.group(1) is not None else m.span(2)
            for m in re.finditer(r'"([^"\n]*)"|\u201c([^\u201d\n]*)\u201d', body)]


def read_bbc_body(path: Path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # sport/199.txt: one Latin-1 pound sign
    return "\n\n".join(line.strip() for line in text.splitlines()[1:] if line.strip())


@lru_cache(maxsize=1)
def bbc_bodies() -> tuple[str, ...]:
    # Every 10th article: all five topics, ~220 articles, quick enough for hypothesis.
    return tuple(read_bbc_body(p) for p in sorted(BBC.glob("*/*.txt"))[::10])


needs_bbc = pytest.mark.skipif(not BBC.is_dir(), reason="shared BBC corpus not present")
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="shared seed article not present")


# --- behaviour at span edges, on small hand-written bodies ----------------------------------------


def test_negation_before_a_span_does_not_reach_into_it():
    body = "The plan was not good. Critics said so."
    start = body.index("good")
    assert_spans_match_textblob(body, [(start, body.index(".") + 1)])
    assert score_spans(body, [(start, start + 4)])[1][0].polarity > 0  # "good" alone is positive


def test_modifier_before_a_span_does_not_scale_its_first_word():
    body = "It was a very bad year for the firm."
    assert_spans_match_textblob(body, [(body.index("bad"), len(body))])


def test_exclamation_after_a_span_does_not_boost_its_last_word():
    body = "Results were great! Everyone cheered."
    assert_spans_match_textblob(body, [(0, body.index("!")), (0, body.index("!") + 1)])


def test_emoticon_merged_across_a_span_start_is_split_again():
    # pattern turns ": 3" into the smiley ":3" (polarity 0.5); a span from "3" has no smiley.
    body = "The ratio: 3 to 1 in their favour."
    start = body.index("3")
    assert_spans_match_textblob(body, [(start, len(body)), (0, start), (0, start - 1)])
    body_score, (span_score,) = score_spans(body, [(start, len(body))])
    assert (body_score.polarity, span_score.polarity) == (0.5, 0.0)


def test_sarcasm_mark_split_across_spans():
    body = "He called it a triumph ( ! ) and left. Nobody laughed (!)."
    spans = [(0, body.index("!")), (body.index("!"), len(body)), (0, body.index(")") + 1)]
    assert_spans_match_textblob(body, spans)


def test_span_cutting_a_contraction_is_scored_from_its_own_text():
    body = "They don't like it and won't say so."
    n_at = body.index("n't")
    spans = [(0, n_at), (0, n_at + 1), (0, n_at + 2), (n_at, len(body)), (n_at + 1, len(body))]
    assert_spans_match_textblob(body, spans)


def test_closing_quote_after_full_stop_belongs_to_the_next_pattern_sentence():
    body = 'He said: "It is a disaster." Then he smiled: "Lovely!" Nobody agreed.'
    spans = [(s.char_start, s.char_end) for s in segment(body).sentences] + quote_spans(body)
    assert_spans_match_textblob(body, spans)


def test_spans_across_paragraph_breaks_and_windows_newlines():
    body = "Good news.\r\n\r\nBad news!\n\n\nAwful :( news\n\n) really."
    spans = [(a, b) for a in range(len(body) + 1) for b in range(a, len(body) + 1, 3)]
    assert_spans_match_textblob(body, spans)


def test_empty_and_whitespace_spans_score_zero_like_textblob():
    body = "A good day.  \n\n\t  A bad night."
    gap = body.index("  ")
    spans = [(0, 0), (gap, gap), (gap, gap + 2), (gap, body.index("A bad")), (5, 3), (len(body), len(body))]
    assert_spans_match_textblob(body, spans)
    assert score_spans(body, [(gap, gap + 2)])[1] == (Score(0.0, 0.0),)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\t \r\n ", "😀", "🎉🔥👍", " 😡 \n\n 😢 ", ":)", ":-( ", "<3 ♥"])
def test_empty_whitespace_emoji_and_emoticon_only_texts_match_textblob(text):
    assert_same(score(text), text)
    assert_spans_match_textblob(text, [(0, len(text))])


def test_no_punctuation_or_quote_character_is_a_letter():
    # what lets a chunk of letters skip pattern's punctuation loop (sentiment._new_chunk)
    from newsetl import sentiment

    assert not any(c.isalpha() for c in sentiment._PUNCTUATION + "".join(sentiment._QUOTE_CHARS))


# Words and a word with one mark after it are tokenized without pattern's punctuation loop;
# a full stop that pattern keeps on an abbreviation ("Mr.", "Sgt.", "a.") must stay on it,
# which changes the sentence breaks and so the scores.
@pytest.mark.parametrize("text", [
    "Mr. Brown was very happy. Dr. Lee was not.",
    "Sgt. Pepper? Great. Terrible! Good; bad: nice) sad.",
    "Plan a. was good and plan b. was bad. Mrs. Jones agreed, sadly.",
    "It was Mr. Good. Not bad. St. Louis, Mo. is great.",
    "Grr. The result looked Odd. Springfield, Ill. voters were happy. Ok.",  # "Odd." is kept whole: unknown
    "Très bon. Überraschend gut, naïve plan.",
])
def test_words_with_one_mark_and_abbreviations_match_textblob(text):
    assert_same(score(text), text)
    assert_spans_match_textblob(text, [(0, text.index(".") + 1), (text.index(".") + 2, len(text))])


def test_repeated_and_negative_spans_behave_like_slices():
    body = "Good. Bad. Good."
    spans = [(0, 5), (0, 5), (-5, len(body)), (6, -6), (0, 10**6)]
    body_score, span_scores = score_spans(body, spans)
    assert span_scores[0] == span_scores[1]
    for (start, end), got in zip(spans, span_scores):
        assert_same(got, body[start:end])


def test_text_with_a_lone_surrogate_matches_textblob():
    # Chunk offsets are found through a UTF-32 copy of the text, which a lone surrogate
    # (bad input decoded leniently) has none of: such a text takes the slow path.
    text = "Good news \ud800 for the\u2028town.\n\n\r\nIt was not bad \ud83d!"
    assert_spans_match_textblob(text, [(0, 9), (10, 30), (5, len(text))])


def test_very_long_single_line_article():
    # ~1 MB, one line, thousands of sentences: scored once, spans resolved by bisection.
    sentence = "The very good news was not bad at all, said the minister (8) :) ! It rose 5.5% to $1.2bn. "
    body = sentence * (1_000_000 // len(sentence))
    step = len(sentence)
    spans = [(k * step, k * step + step - 1) for k in range(0, len(body) // step, 97)]
    spans += [(k * step + 10, k * step + 2 * step - 20) for k in range(3, len(body) // step - 2, 331)]
    body_score, span_scores = score_spans(body, spans)
    assert_same(body_score, body)
    for (start, end), got in zip(spans[::5], span_scores[::5]):
        assert_same(got, body[start:end])


# --- the seed article ------------------------------------------------------------------------------


@needs_seed
def test_seed_article_and_quotes_equal_textblob():
    lines = SEED.read_text(encoding="utf-8").splitlines()
    body = "\n\n".join(lines[2:-3])  # after title and dek, before the three boilerplate lines
    spans = [(s.char_start, s.char_end) for s in segment(body).sentences] + quote_spans(body)
    assert len(quote_spans(body)) >= 10
    assert_spans_match_textblob(body, spans)
    assert score(body).polarity == pytest.approx(0.06, abs=0.005)


# --- real text: the BBC corpus ---------------------------------------------------------------------


@needs_bbc
@pytest.mark.corpus
def test_bbc_sentences_and_quotes_equal_textblob():
    for body in bbc_bodies()[::4]:
        spans = [(s.char_start, s.char_end) for s in segment(body).sentences] + quote_spans(body)
        assert_spans_match_textblob(body, spans)


@needs_bbc
@pytest.mark.corpus
@PROPERTY
@given(data=st.data())
def test_random_spans_of_bbc_articles_equal_textblob(data):
    body = data.draw(st.sampled_from(bbc_bodies()), label="body")
    sentences = segment(body).sentences
    edges = sorted({0, len(body)} | {s.char_start for s in sentences} | {s.char_end for s in sentences})
    sentence_edge = st.sampled_from(edges)
    any_position = st.integers(0, len(body))
    position = st.one_of(sentence_edge, any_position)
    spans = data.draw(st.lists(st.tuples(position, position).map(sorted).map(tuple), max_size=12), label="spans")
    assert_spans_match_textblob(body, spans)


# Pieces that exercise pattern's special cases: negation, modifiers, "!", emoticons and
# the ": 3" / "( ! )" merges, contractions, quotes, abbreviations, blank lines.
TRICKY = [
    "good", "bad", "not", "never", "no", "very", "really", "terribly", "happy", "awful", "a", "is",
    "!", "(!)", "( ! )", "(", ")", ":", "-", "D", "3", "8", "x", ":)", ": )", ":-(", ":'(", "8 )",
    "<3", "♥", "xD", "n't", "don't", "isn't", "'s", "'", '"', "“", "”", "‘", "’", "...", "....",
    ".", "?", "U.S.", "Mr.", "e.g.", "Gov.", "5.5%", "$1bn", "END-OF-SENTENCE", "😀",
    " ", " ", "  ", "\n", "\n\n", "\r\n\r\n", "\t", "\r", "\n\r\n", "\u2028", "\x85", "\xa0", "\x1c",
]


@PROPERTY
@given(
    text=st.lists(st.sampled_from(TRICKY), max_size=40).map("".join),
    cuts=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=10),
)
def test_random_spans_of_tricky_text_equal_textblob(text, cuts):
    spans = [(min(a, b) % (len(text) + 1), max(a, b) % (len(text) + 1)) for a, b in cuts]
    assert_spans_match_textblob(text, spans)


@PROPERTY
@given(
    text=st.text(st.characters(codec="utf-8"), max_size=200),
    cuts=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=10),
)
def test_random_spans_of_random_unicode_equal_textblob(text, cuts):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in cuts]
    assert_spans_match_textblob(text, spans)
