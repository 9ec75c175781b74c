"""Paragraphs and sentences with character offsets into the cleaned body.

The body is the kept paragraphs joined by a blank line (``PARAGRAPH_SEPARATOR``),
so every offset satisfies ``body[char_start:char_end] == text``.

Sentence boundaries are found with one regex pass per paragraph (linear in the
text) and a small table of abbreviations that do not end a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

PARAGRAPH_SEPARATOR = "\n\n"

# Tokens that take a full stop but rarely end a sentence; matched case-sensitively
# on the word before the stop. Dotted acronyms (U.S., p.m.) are handled separately.
ABBREVIATIONS = frozenset(
    """
    Mr Mrs Ms Dr Prof Sr Jr St Mt Ft Gen Lt Col Maj Capt Cmdr Sgt Cpl Adm Gov Sen Rep Rev Hon
    Pres Supt Insp Det Cllr Fr Messrs Mme Mlle Rt Sec Amb Atty Brig
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    No Nos Vol Vols vs etc approx est Inc Corp Ltd Co Bros Dept Univ Assn Ave Blvd Rd
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont
    Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo
    e.g i.e cf al fig Fig
    """.split()
)
# Words that start a new sentence even right after a dotted acronym ("... in the U.S. The ...").
SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I But And Yet So Its His Her Their This That These Those There "
    "In On At For If When While After Before Mr Mrs Ms Dr However Meanwhile Still".split()
)

_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_OPENERS = "\"'\u201c\u2018([\u00ab"
# A candidate boundary: terminal punctuation, optional closing quotes/brackets,
# whitespace, then something that can open a sentence.
_BOUNDARY = re.compile(
    rf"[.!?\u2026]+[{re.escape(_CLOSERS)}]*(?=\s+[{re.escape(_OPENERS)}]*[A-Z0-9\u00C0-\u024F])"
)
# The letters and dots right before a full stop, matched in the reversed text: a forward
# search for "([A-Za-z][A-Za-z.]*)\.$" would try every position of the window.
_LETTERS_AND_DOTS = re.compile(r"[A-Za-z.]*")
_FIRST_LETTER = re.compile(r"[A-Za-z]")
_NEXT_WORD = re.compile(rf"\s+[{re.escape(_OPENERS)}]*([A-Za-z]+)")


@dataclass(frozen=True)
class Paragraph:
    paragraph_idx: int
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Sentence:
    sentence_idx: int
    paragraph_idx: int
    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True)
class Segmentation:
    body: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]


def join_paragraphs(paragraphs: Sequence[str]) -> str:
    return PARAGRAPH_SEPARATOR.join(paragraphs)


def segment(body: str) -> Segmentation:
    """Split ``body`` (paragraphs separated by blank lines) into paragraphs and sentences."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", body):
        start, end = _strip_span(body, match.start(), match.end())
        if start == end:
            continue
        p_idx = len(paragraphs)
        paragraphs.append(Paragraph(p_idx, start, end))
        for s_start, s_end in sentence_spans(body, start, end):
            sentences.append(Sentence(len(sentences), p_idx, s_start, s_end, body[s_start:s_end]))
    return Segmentation(body=body, paragraphs=tuple(paragraphs), sentences=tuple(sentences))


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    sent_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        if not _ends_sentence(text, match.start(), match.end(), end):
            continue
        s, e = _strip_span(text, sent_start, match.end())
        if s < e:
            spans.append((s, e))
        sent_start = match.end()
    s, e = _strip_span(text, sent_start, end)
    if s < e:
        spans.append((s, e))
    return spans


# A question or exclamation in quotes goes on into its attribution: '"Why now?" Mr Vitter asked.' is one
# sentence, as '"Why now?" he asked.' is (a lower-case word never starts one).
_SPEECH_VERBS = ("said says asked asks added adds told tells demanded demands wondered replied replies shouted "
                 "insisted insists wrote writes tweeted continued exclaimed cried joked quipped recalled argued "
                 "countered responded answered").split()
# The verb ends its clause: in '"Why?" Mr Milburn replied that they were not' a new sentence reports the reply.
# ('"Why now?" Mr Vitter asked on Tuesday.', '... Acosta tweeted Tuesday.': a day or a medium may follow it.)
_ATTRIBUTION_NEXT = re.compile(r"\s+(?:[A-Z][\w'\u2019.\-]*\s+){1,4}(?:" + "|".join(_SPEECH_VERBS) + r")"
                               r"(?:\s+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|later|earlier|on\s+Twitter"
                               r"|in\s+a\s+(?:statement|tweet|post|interview)))?\s*(?:[.,;:!?]|$)")


def _ends_sentence(text: str, punct_start: int, punct_end: int, limit: int) -> bool:
    if text[punct_start] != ".":
        quoted = text[punct_end - 1] in _CLOSERS and text[punct_start] in "?!"
        return not (quoted and _ATTRIBUTION_NEXT.match(text, punct_end, limit))
    word = _word_before(text, punct_start)
    if word is None:
        return True  # a digit or symbol before the stop: "rose 5%." ends a sentence
    if text[punct_start + 1 : punct_end].strip(_CLOSERS) == "" and punct_end > punct_start + 1:
        return True  # quote closed after the stop: '... hollow."' ends the sentence
    if word.rstrip(".") in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Seth G. Jones"
    if "." in word and all(len(part) <= 2 for part in word.split(".")):  # dotted acronym: U.S., p.m., U.K.
        nxt = _NEXT_WORD.match(text, punct_end, limit)
        return bool(nxt and nxt.group(1) in SENTENCE_STARTERS)
    return True


def _word_before(text: str, stop: int) -> str | None:
    """The word the full stop at ``stop`` is attached to: letters and dots, from a letter, within 40 characters."""
    run = _LETTERS_AND_DOTS.match(text[max(0, stop - 40) : stop][::-1]).group()[::-1]
    first = _FIRST_LETTER.search(run)
    return run[first.start() :] if first else None


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
