"""Segmentation: sentence boundaries on news text, with offsets that round-trip."""

from __future__ import annotations

from newsetl.ingest import decode_article, split_parts
from newsetl.segment import join_paragraphs, segment

from corpus_paths import BBC, SEED


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(text).sentences]


def test_abbreviations_and_times_do_not_end_sentences():
    assert sentences("Dr. Amara Osei met Gen. Paul Vance at 3 p.m. on Friday. They spoke for an hour.") == [
        "Dr. Amara Osei met Gen. Paul Vance at 3 p.m. on Friday.",
        "They spoke for an hour.",
    ]


def test_initials_do_not_end_sentences():
    assert sentences("The analyst Seth G. Jones disagreed. Others did not.") == [
        "The analyst Seth G. Jones disagreed.",
        "Others did not.",
    ]


def test_decimals_do_not_end_sentences():
    assert sentences("Shares rose 2.5% to $11.1bn. Analysts were surprised.") == [
        "Shares rose 2.5% to $11.1bn.",
        "Analysts were surprised.",
    ]


def test_us_mid_sentence_stays_but_us_at_sentence_end_splits():
    assert sentences("Both the U.S. and Germany objected. The talks ended in the U.S. The next round is in May.") == [
        "Both the U.S. and Germany objected.",
        "The talks ended in the U.S.",
        "The next round is in May.",
    ]


def test_closing_quote_after_full_stop_stays_with_its_sentence():
    assert sentences("\u201cWe will not move,\u201d she said. \u201cNot today.\u201d He left.") == [
        "\u201cWe will not move,\u201d she said.",
        "\u201cNot today.\u201d",
        "He left.",
    ]


def test_a_quoted_question_runs_on_into_its_attribution():
    assert sentences('"Why was nobody told?" Councillor Ana Ruiz asked. "We found out from the radio."') == [
        '"Why was nobody told?" Councillor Ana Ruiz asked.',
        '"We found out from the radio."',
    ]
    assert sentences('"Enough!" Mr Finch shouted, banging the table.') == ['"Enough!" Mr Finch shouted, banging the table.']
    # an attribution that reports more is a sentence of its own, as is anything else after the question
    assert sentences('"Is that fair?" Mr Finch replied that it was. "Is it over?" Many think so.') == [
        '"Is that fair?"', "Mr Finch replied that it was.", '"Is it over?"', "Many think so.",
    ]


def test_paragraph_indices_follow_blank_lines():
    seg = segment(join_paragraphs(["One. Two.", "Three."]))
    assert [(s.paragraph_idx, s.text) for s in seg.sentences] == [(0, "One."), (0, "Two."), (1, "Three.")]
    assert len(seg.paragraphs) == 2


def test_offsets_round_trip_on_the_seed():
    parts = split_parts(decode_article("seed.txt", SEED.read_bytes()))
    seg = segment(join_paragraphs([line.text for line in parts.body]))
    assert seg.sentences, "the seed has sentences"
    for s in seg.sentences:
        assert seg.body[s.char_start : s.char_end] == s.text
    texts = [s.text for s in seg.sentences]
    assert any(t.startswith("Seth G. Jones, a former U.S. military official") for t in texts)


def test_offsets_round_trip_on_every_bbc_article():
    n = 0
    for path in sorted(BBC.glob("*/*.txt")):
        parts = split_parts(decode_article(path.name, path.read_bytes()))
        seg = segment(join_paragraphs([line.text for line in parts.body]))
        for s in seg.sentences:
            assert seg.body[s.char_start : s.char_end] == s.text, path
            n += 1
    assert n > 20000


def test_a_web_address_at_the_end_of_a_sentence_ends_it() -> None:
    # a dotted acronym (U.S., p.m.) may run on; a site name's parts are words, so its stop ends the sentence
    assert sentences("The console reaches Europe in March, says gamesreport.biz. Tom Vale confirmed it.") == [
        "The console reaches Europe in March, says gamesreport.biz.",
        "Tom Vale confirmed it.",
    ]
    assert sentences("Results are on news.example.co.uk. The polls close at 10 p.m. on Thursday.") == [
        "Results are on news.example.co.uk.",
        "The polls close at 10 p.m. on Thursday.",
    ]
