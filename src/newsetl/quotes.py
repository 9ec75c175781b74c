"""Quotes: direct, partial and indirect quotations with speaker, cue and via-outlet.

``find_attributions(seg, mentions)`` is the stage (``find_quotes``: its quotes alone). It works
in four passes, all regex and lexicon driven (no model, no POS tagger: a rule pass over a BBC article costs
well under TextBlob's sentiment of the same text):

1. **Quote marks** are classified as openers, closers or apostrophes from their
   neighbours (``Kremlin's``, ``'90s`` and ``rock 'n' roll`` are apostrophes) and
   paired into spans; single quotes nest inside double ones. A double quote that
   is still open when the next one opens (the BBC corpus lost its paragraph breaks
   inside multi-paragraph quotes) or when its paragraph ends is a quote that
   *continues*: it ends there and the next span inherits its speaker.
2. **Attribution frames**: in each sentence, with quoted text masked out, every
   speech cue (``data/speech_cues.csv``) with a source noun phrase before it
   (``Jones told the Times``), after it (``said Mr Blair``) or after
   ``according to`` is a frame; the frame also knows the content clause it
   introduces or follows.
3. **Quotes**: a quote that is a sentence of its own (or follows ``said:``) is
   *direct*; a quoted fragment inside a sentence is *partial*; a frame whose
   content clause has no quotation in it gives an *indirect* quote (a frame whose
   content is no statement, "urged voters to stay home", gives a speech act). Quoted text
   with no frame and no preceding speaker is kept with a null speaker (scare
   quotes).
4. **Speakers**: source phrases are split into role and name
   (``data/titles.csv``); pronouns, surnames and roles resolve to the nearest
   compatible person already named in the article; organisations keep only the
   surface; sources that are outlets (``the Times reported``) become the
   ``via_outlet`` of the quotes in their sentence.

Decisions (to be mirrored in DESIGN/README):
- ``text`` never includes the quotation marks of a direct or partial quote; an
  indirect quote's text is its content clause, without the complementiser
  ``that`` and the final full stop (quote marks of fragments inside it stay).
  ``body[char_start:char_end] == text`` always.
- A quote split by its attribution gives one row per quoted span, with the same
  speaker; a quote continuing across paragraphs likewise.
- A reported clause holding a partial quote gives both rows: the clause
  (indirect) and the quoted fragment (partial), with the same speaker.
- A parenthetical attribution (``The museum, Mr Bush said, will ...``) gives one
  indirect row spanning the whole sentence.
- A quoted fragment in a sentence with no cue belongs to the sentence's subject
  when that is a person; a fragment inside an attribution frame, or with no
  person around, is a scare quote with a null speaker.
- Statements attributed only to an outlet (``..., the outlet said``) are kept
  with ``speaker_name`` None, ``speaker_surface`` the outlet's words and the
  outlet as ``via_outlet``; a quote *inside* an outlet's quoted text with its own
  speaker (``"..., he said: 'They are in it,'" the Times reported``) is the
  nested speaker's direct quote, and the container is not a row.
- A frame whose content is an object, an object and its infinitive, an object and its label, or an
  indirect question (``urged voters to stay home``, ``attacked the plan``, ``called the plan a gimmick``,
  ``asked whether ...``) is a speech act, returned apart from the quotes (``find_attributions``): it says
  what someone did with words, not what they said. PolNeAR annotates both; our BBC guidelines only quotes.
  What a document shows is a quote when it is a clause ("figures show the economy grew") and an act's
  object when it is a noun phrase ("the audit found 31 cases of fraud"); "show" reports nothing else.
- Besides verbs, a frame may come from ``according to`` with any source phrase
  (``according to county records``), a label verb with its object and label
  (``called the plan a gimmick``, ``described the cuts as reckless``), or a speech
  noun with a possessor and a "that" clause (``Mr Ortiz's claim that ...``); the
  possessor of a noun does not become the antecedent of later pronouns.
- An intention noun with a possessor and an infinitive (``the governor's decision to
  veto the bill``) reports the infinitive, unless a reported clause already holds it.
- An evidence verb (``shows``, ``found``, ...) whose subject names a document (``a county
  analysis of ballots shows``) takes that whole phrase as its source.
- In a headline-case sentence a capitalised cue is read as the verb (``..., Doctor Says``).
- An object verb's content may be short when it names a party (``endorsed Governor Maro``).
- A frame inside a relative clause (``Mr Ortiz, who says he is staying, had ...``)
  reports only up to the clause's end.
- A quotation that is its whole paragraph and is signed after a dash (``"..." ― Carla Sanchez``,
  ``"..." - Jo Reyes, 34, a nurse``) is a direct quote of the signer; a lone surname signs only for a
  person the article names in full.
- Capitalised words after "the" are no person ("the Birchfield Harrier", "the Six Nations") unless a
  title makes them one ("the Rev Jesse Jackson") or their last word stands alone in the article.
- A definite title in a report's opening, before anyone is named, names the subject who follows
  ("..., the shadow chancellor said. Oliver Letwin said ...").
- Two apostrophes (or two backticks) next to a word are a double quote mark, as archives and wire
  copy in ASCII print them (``''It's fair,'' said Mr. Burman``).
- ``speaker_name`` is a person's fullest name in the article (``Seth G. Jones``),
  a surname only when the article never gives more (``Mr Brown``), else None
  (organisations: ``speaker_surface`` keeps ``the ministry``).
"""

from __future__ import annotations

import bisect
import csv
import re
from functools import cached_property, lru_cache
from itertools import product
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from newsetl.outlets import OutletMention
from newsetl.patterns import OPENING_DATELINE, trie_regex
from newsetl.segment import Segmentation

DATA_DIR = Path(__file__).with_name("data")


QUOTE_KINDS = ("direct", "partial", "indirect")
# A frame whose content is an object ("attacked the plan"), an object and its infinitive ("urged voters to
# stay home", "plans to sell"), an object and what it is called ("called the plan a gimmick", "accused him
# of lying") or an indirect question ("asked whether the deal would hold") reports what someone did with
# words, not what they said: a speech act. Acts are kept apart from quotes (the ``speech_acts`` table), so
# ``quotes`` holds statements only; the frame's builder knows which its content is (``Frame.act``).
ACT_KINDS = ("object", "directive", "label", "question", "denial")


@dataclass(frozen=True)
class Quote:
    """A quotation, or a speech act (same fields; ``kind`` one of ``ACT_KINDS``, ``text`` the act's object)."""

    quote_idx: int  # numbered per article among quotes, and apart from them among acts
    sentence_idx: int
    kind: str  # QUOTE_KINDS; for acts one of ACT_KINDS
    text: str  # without quotation marks; body[char_start:char_end] == text
    char_start: int
    char_end: int
    cue: str | None
    speaker_name: str | None  # canonical person name within the article, None for unattributed
    speaker_surface: str | None  # the words naming the source in the text ("he", "the ministry")
    speaker_role: str | None
    via_outlet_id: str | None
    via_outlet_name: str | None


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class Cue:
    form: str
    lemma: str
    category: str  # "speech", "thought" or "label"
    audience: bool  # takes the listener as object: "told the Times"
    bare_clause: bool  # "said the plan failed" counts without "that"


def _read_rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, newline="", encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def load_cues() -> dict[str, Cue]:
    cues: dict[str, Cue] = {}
    for row in _read_rows("speech_cues.csv"):
        for form in row["forms"].split("|"):
            cues[form] = Cue(form, row["lemma"], row["category"], row["audience"] == "yes", row["bare_clause"] == "yes")
    return cues


def load_titles() -> tuple[str, ...]:
    return tuple(sorted({r["title"].lower() for r in _read_rows("titles.csv")}, key=len, reverse=True))


def load_title_abbreviations() -> dict[str, tuple[str, ...]]:
    """Each abbreviated title word with the words it may stand for ("rep." -> representative, congressman, ...)."""
    words: dict[str, tuple[str, ...]] = {}
    for r in _read_rows("title_abbreviations.csv"):
        key = r["abbreviation"].lower()
        words[key] = words.get(key, ()) + (r["title"].lower(),)
    return words


def load_stopwords() -> dict[str, str]:
    return {r["word"].lower(): r["category"] for r in _read_rows("person_stopwords.csv")}


class Nationality(NamedTuple):
    adjectives: tuple[str, ...]  # the words that give it ("Italian")
    gender: str | None  # the gender the noun says ("Frenchman"), or None
    countries: tuple[str, ...]  # "France's Amelie Moreau", "Karin Lindqvist of Sweden"


class PartyWord(NamedTuple):
    party: str | None  # "r" or "d": the party the word gives a title's holder
    member: bool  # ending a capitalised run, it names a party's member, not a surname
    epithet: bool  # a report puts it before a title it gave in full


def load_party_words() -> dict[str, PartyWord]:
    return {r["word"].lower(): PartyWord(r["party"] or None, r["member"] == "yes", r["epithet"] == "yes")
            for r in _read_rows("party_words.csv")}


def load_nationalities() -> dict[str, Nationality]:
    return {r["noun"].lower(): Nationality(tuple(r["adjectives"].split("|")), r["gender"] or None,
                                           tuple(filter(None, r["countries"].split("|"))))
            for r in _read_rows("nationalities.csv")}


def load_first_names() -> dict[str, str]:
    return {r["name"].lower(): r["gender"] for r in _read_rows("first_names.csv")}


CUES = load_cues()
TITLES = load_titles()
TITLE_ABBREVIATIONS = load_title_abbreviations()
STOPWORDS = load_stopwords()
PARTY_WORDS = load_party_words()
# A person named in full without an honorific takes the gender of a first name given to one gender only.
FIRST_NAME_GENDER = load_first_names()
_FIRST_NAMES_CAPITALISED = frozenset(name.capitalize() for name in FIRST_NAME_GENDER)
TITLE_WORDS = frozenset(w for t in TITLES for w in t.split()) - {"of", "the", "to", "and", "for", "in", "on", "at"}
# Modifiers that make a different office: "the chancellor" is not "the shadow chancellor".
OFFICE_CHANGING = frozenset("shadow former deputy vice assistant junior acting ex interim outgoing".split())
# People an article often quotes without a name; as a sentence's indefinite subject ("A spokeswoman said ...",
# "An official declined to comment.") they are who a following "he" or "she" is ("The spokesman" may be someone named).
UNNAMED_PEOPLE = {"spokesman": "m", "spokeswoman": "f", "spokesperson": None, "official": None, "source": None, "aide": None,
                  "strategist": None, "adviser": None, "advisor": None, "staffer": None}
# "A spokesman ..." opening a sentence. The pattern opens with its first word, so the regex engine skips
# to the A's and O's; where the sentence starts is checked on the few matches (_unnamed_subjects).
# ... and "One of the volunteers, who asked not to be named, told ...": one of a group the article does not name, speaking
UNNAMED_GROUPS = frozenset("volunteers residents workers members organizers organisers protesters voters students parents "
                           "teachers nurses officers deputies canvassers staffers advisers employees donors".split())
_UNNAMED_SUBJECT = re.compile(
    r"((?:A|An|One)\s+(?:[A-Za-z][\w'’\-]*\s+){0,3}?(" + "|".join(UNNAMED_PEOPLE)
    + r")s?)\b(?!\s+(?:for|of|at)\s+[A-Z][a-z]+\s+[A-Z])"
    + r"|(One\s+of\s+(?:the|those|these|its|his|her|their)\s+(?:[a-z][\w'’\-]*\s+){0,2}?(" + "|".join(UNNAMED_GROUPS) + r"))\b"
    # (only one who speaks in that sentence, unnamed: not "One of the volunteers handed her a map.")
    + r"(?=[^.!?]*\b(?:told|said|says|asked not|asked that|declined to be named|requested anonymity)\b)")
_SENTENCE_BEFORE = re.compile(r"(?:\n|[.!?]\s|[.!?][\"”’']\s)\Z")


# A determiner, a participle and its noun, then a comma before a name: the name in apposition to the subject ("The
# wounded soldier, Daniel Pruitt, who ..., has avoided the spotlight"), the participle an adjective, not a verb whose
# object the name is ("The court jailed both, Tom Reed, 34, and ..." keeps its verb: the noun comes first).
_APPOSITIVE_HEAD = re.compile(r"(?:the|a|an|his|her|their|its|our)\s+[a-z]+(?:ed|en|ing)\s+[a-z]+(?:\s+[a-z]+)?,\s*", re.IGNORECASE)


def _unnamed_subjects(text: str) -> Iterator[re.Match[str]]:
    """``_UNNAMED_SUBJECT``'s matches that open a sentence (a match elsewhere may hide one that starts inside it)."""
    pos = 0
    while (m := _UNNAMED_SUBJECT.search(text, pos)) is not None:
        if m.start() == 0 or _SENTENCE_BEFORE.search(text, max(0, m.start() - 3), m.start()) is not None:
            yield m
            pos = m.end()
        else:
            pos = m.start() + 1

# Titles that name the holder of an office only through its role ("the chancellor"), never by being the latest
# person in the news: spokesmen, officials and owners are mostly people the article never names.
GENERIC_TITLES = frozenset(
    "spokesman spokeswoman spokesperson director owner official manager executive chairman chairwoman bishop "
    "strategist aide adviser advisor staffer consultant".split()
)
# Honorifics tell us a person (and often the gender); they are not part of the canonical name.
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "sir": "m", "dame": "f", "prof": None}
# Knights and dames are called by their first name: "Sir Ian" is Sir Ian Blair.
KNIGHTHOODS = ("Sir", "Dame")
# Peers are known by their title: "Lord Falconer" is the name.
PEERAGE = frozenset({"Lord", "Lady", "Baroness", "Baron"})
# Stopwords that are also common names, with where they stand in one: first ("Bill Cash") or last ("Theresa May",
# never "In May Tony Blair" or "May Day"). Only beside plain capitalised words do they count as name words.
NAME_HOMOGRAPHS = {"bill": "first", "may": "last"}
# Letters after a name are not part of it: "Guy Mansfield QC" is Guy Mansfield.
POSTNOMINALS = frozenset({"QC", "KC", "SC", "MP", "MEP", "MSP", "MLA", "TD", "AM", "OBE", "CBE", "MBE", "KBE", "FRS", "PhD", "Jr", "Jr.", "Sr", "Sr."})
# Words that may stand inside a role before a name or in a description ("former U.S. military official").
ROLE_MODIFIERS = frozenset(
    "former top senior chief deputy junior shadow acting interim outgoing new vice assistant "
    "official general foreign home defence defense finance trade health economic military "
    "executive managing press national international political presidential vice-presidential congressional "
    "parliamentary legislative gubernatorial".split()
)
DETERMINERS = frozenset(
    "the a an his her its their our my your one two three four five several some many other another "
    "both most all this these those each every any no".split()
)
PRONOUNS = {"he": "m", "she": "f", "they": None, "we": None, "i": None, "it": None, "you": None}
NAME_PARTICLES = frozenset("de da das van von der den al bin ibn la le los las du del della di dos ab ap zu ter ten".split())
# Adverbials that may stand between a source and its cue ("has repeatedly said", "on Tuesday said").
ADVERBIALS = frozenset(
    "has have had was were is are also recently repeatedly previously later earlier then once often again "
    "publicly privately reportedly quickly simply further already still now just would will could may might should must can cannot "
    "did does do not never always originally initially separately yesterday today tonight subsequently "
    "immediately first last this week month year shortly thereafter be been being".split()
) | frozenset(  # negated auxiliaries: "He didn't say", "Officials don't believe"
    f"{aux}n{apo}t" for aux in "did does do is was are were has have had would could should".split() for apo in "'’"
) | frozenset({"won't", "won’t", "can't", "can’t"})
PASSIVE_AUX = frozenset("was were is are be been being".split())
# Words that end a noun phrase when walking left from a cue.
NP_BOUNDARY = frozenset(
    "that and but while when as because if which where whom after before since although though than then so "
    "or nor for to of with by from in on at into about".split()
) | frozenset(CUES)
# Prepositions that end a phrase only in lower case ("arrests over alleged ...", but "League Against Cruel Sports").
LOWER_BOUNDARY = frozenset("over under against through via among without despite upon besides amid".split())
# Words that open a description after a name: "Vincent Cable, for the Liberal Democrats, said".
APPOSITIVE_OPENERS = frozenset("who whom whose which for of from at with chief head".split())
# Words that may open a description before its article or title: "now a freshman", "himself a former coach".
_APPOSITIVE_ADVERBS = frozenset("now himself herself".split())  # (not "once": "Yukos, once the owner of X, said founder Y")
WEEKDAYS = frozenset(w for w, c in STOPWORDS.items() if c == "weekday")

_WORD = re.compile(r"[\w'’.\-&%]+")  # ("61%" is a word: "61% said the country was on the wrong track")


# Longest form first comes for free: the optional tails are greedy ("called for" before "called").
# The lookahead lets the engine drop most positions at one character (every form starts in lower case).
_CUE_RE = re.compile(r"(?=[a-z])\b(" + trie_regex(CUES) + r")\b")
# The article-wide scan: a pattern opening with a character class lets the engine test each character
# against a byte map without entering the pattern, where a leading assertion is entered at every position.
# The class takes the character before the cue (any non-word character; the ASCII word characters are left
# out so the map stays small, the lookbehind excludes the others), so a cue at the text's very start is
# matched on its own. Every cue form ends in a letter: no match ends on the character the next one needs.
_CUE_AFTER = re.compile(r"[^a-zA-Z0-9_](?=[a-z])(?<=\W)(" + trie_regex(CUES) + r")\b")


def _scan(at_start: re.Pattern[str], after: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of a pattern written in two parts for the article-wide scans (``_CUE_AFTER``,
    ``_CAP_RUN_AFTER``): ``at_start`` for a match at the text's very start, then ``after``, which
    opens with the character before each match, from the end of that one (group 1 is the match)."""
    first = at_start.match(text)
    if first is not None:
        yield first
    yield from after.finditer(text, first.end() if first is not None else 0)


# Headline case capitalises the verb ("..., Former White House Doctor Says"): its inflected one-word forms.
def _word_start_trie(words: set[str]) -> str:
    r"""``\b(?:words)`` written as one branch per first letter (``S(?<!\wS)(?:ays|...)``): a pattern whose
    branches all open with a literal lets the engine skip ahead to those letters instead of trying every
    position (here: capitals only). The lookbehind is the leading ``\b``."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(f"{re.escape(c)}(?<!\\w{re.escape(c)})" + trie_regex(rest) for c, rest in sorted(groups.items())) + ")"


# Left out: -s forms that a headline far more often uses as plural nouns ("Premier League Rules Mean ...").
_TITLE_NOUNS = frozenset({"rules", "fears", "plans", "reports", "charges", "questions", "views"})
_TITLE_CUE_RE = re.compile(r"(" + _word_start_trie(
    {f[:1].upper() + f[1:] for f in CUES
     if " " not in f and ((f.endswith("s") and len(f) > 3) or f == "say") and f not in _TITLE_NOUNS}) + r")\b")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’\-]*")
_HEADLINE_MAX_WORDS = 40


# Where a dateline (patterns.OPENING_DATELINE) opens a paragraph.
DATELINE_PARAGRAPHS = 2  # the headline's paragraph, when the segmenter keeps it, and the story's first
DATELINE_DASH_REACH = 80
_DASH = re.compile(r"\s[—–-]{1,2}\s|[—–]")


def _blank_datelines(masked: str, seg: Segmentation) -> str:
    """``masked`` with the datelines that open paragraphs blanked ("SPRINGVALE — Gov. Margaret Hale vetoed ...,
    saying"): the place a story was filed from is no subject, and read as "SPRINGVALE, Gov. ..." it made one."""
    # (read in the body: the mask has turned the dash into a comma); a dateline opens one of the story's first
    # paragraphs, and a second dash after it makes the first one open a parenthesis ("NATO - the alliance - said")
    spans = [m.span() for p in seg.paragraphs[:DATELINE_PARAGRAPHS]
             if (m := OPENING_DATELINE.match(seg.body, p.char_start, p.char_end))
             and not _DASH.search(seg.body, m.end(), min(p.char_end, m.end() + DATELINE_DASH_REACH))]
    if not spans:
        return masked
    parts, last = [], 0
    for start, end in spans:
        parts += [masked[last:start], " " * (end - start)]
        last = end
    return "".join(parts) + masked[last:]


def _lower_headline_cues(masked: str, seg: Segmentation) -> str:
    """A cue in a headline-case sentence is lower-cased (same length) so the frame rules read it as a verb."""
    hits = list(_TITLE_CUE_RE.finditer(masked))
    if not hits:
        return masked
    starts = [s.char_start for s in seg.sentences]
    chars = list(masked)
    headline_case: dict[int, bool] = {}  # per sentence: a long title-case sentence may hold many cues
    for m in hits:
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() == starts[i]:
            continue  # a sentence-initial "Says" or "Claims" is not the headline's verb
        if i not in headline_case:
            sent = seg.sentences[i]
            words = _TITLE_WORD.findall(masked, sent.char_start, sent.char_end)
            # a headline is short: a long title-case run is a menu or tag dump, not a sentence
            headline_case[i] = (5 <= len(words) <= _HEADLINE_MAX_WORDS
                                and sum(w[0].isupper() for w in words) >= 0.75 * len(words))
        if headline_case[i]:
            chars[m.start()] = chars[m.start()].lower()
    return "".join(chars)


def _cue_as_written(frame: "Frame", body: str) -> str:
    """The cue in the article's own letters (headline-case cues are read lower-cased)."""
    written = body[frame.cue_start : frame.cue_end]
    return written if written.lower() == frame.cue.lower() else frame.cue


def _cue_matches(text: str, lo: int, hi: int):
    return _CUE_RE.finditer(text, lo, hi)


_ACCORDING = re.compile(r"[Aa](?<![\w][Aa])ccording to\b")  # starts with a letter class: a fast scan
# A trie, not a plain alternation: case-insensitive literals get no first-character fast path, so a
# 210-way alternation was tried branch by branch at every position. The trie prefers the longest title
# at a position, as the longest-first alternation did.
_TITLE_RE = re.compile(r"(?<![\w'’])(" + trie_regex(TITLES) + r")(?![\w'’])", re.IGNORECASE)

MASK = "_"


# --------------------------------------------------------------------------- quote marks


# The stage's working records are immutable named tuples, not frozen dataclasses: an article builds hundreds of
# them, and a frozen dataclass's __init__ sets each field through object.__setattr__ (about five times slower).
class QuoteSpan(NamedTuple):
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or the end of the unclosed text)
    closed: bool
    double: bool
    parent: int | None  # index of the enclosing span for nested single quotes
    continues: bool  # unclosed: the quotation goes on in the next span


_DOUBLE_OPEN, _DOUBLE_CLOSE, _SINGLE_OPEN, _SINGLE_CLOSE = "\u201c", "\u201d", "\u2018", "\u2019"
_OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/\u201c\"\u2018'")


_DECADE = re.compile(r"\d\ds\b")
_ROCK_N = re.compile(r"n['\u2019]\s")


def _mark_role(text: str, i: int) -> str:
    """'open', 'close', 'apostrophe' or 'either' for the quote character at ``i``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch == _DOUBLE_OPEN:
        return "open"
    if ch == _DOUBLE_CLOSE:
        return "close"
    if ch == '"':
        if prev in _OPEN_CONTEXT and not nxt.isspace():
            return "open"
        if not prev.isspace():
            return "close"
        return "either"
    # single quotes
    if prev.isalnum() and nxt.isalnum():
        return "apostrophe"  # Kremlin's, don't
    if _DECADE.match(text, i + 1, i + 4) or _ROCK_N.match(text, i + 1, i + 4):
        return "apostrophe"  # '90s, rock 'n' roll
    if prev == "n" and text[i - 2 : i] in (" n", "'n", "\u2018n"):
        return "apostrophe"
    if ch == _SINGLE_OPEN or (prev in _OPEN_CONTEXT and nxt.isalnum()):
        return "open"
    if not prev.isspace():
        return "close"  # also plural possessives ("players' union"): resolved by pairing
    return "either"


_QUOTE_MARK = re.compile(r"[\"\u201c\u201d'\u2018\u2019]")


def find_quote_spans(body: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    for p_start, p_end in paragraphs:
        _paragraph_spans(body, p_start, p_end, spans)
    return spans


def _paragraph_spans(body: str, p_start: int, p_end: int, spans: list[QuoteSpan]) -> None:
    open_double: int | None = None  # content start of the open double quote
    open_single: list[int] = []
    last = len(body) - 1
    for m in _QUOTE_MARK.finditer(body[p_start:p_end]):
        i = p_start + m.start()
        ch = body[i]
        if ch in "'\u2018\u2019" and 0 < i < last and body[i - 1].isalnum() and body[i + 1].isalnum():
            continue  # the commonest mark by far, an apostrophe inside a word ("Kremlin's"): see _mark_role
        role = _mark_role(body, i)
        if role == "apostrophe":
            continue
        if ch in "\"\u201c\u201d":
            if role == "either":
                role = "close" if open_double is not None else "open"
            if role == "open":
                if open_double is not None:  # previous quote runs on: its paragraph break was lost
                    end = _rstrip(body, open_double, i)
                    if end > open_double:
                        spans.append(QuoteSpan(open_double, end, False, True, None, True))
                open_double, open_single = i + 1, []
            elif open_double is not None:
                parent = len(spans)
                if i > open_double:
                    spans.append(QuoteSpan(open_double, i, True, True, None, False))
                    spans.extend(_nested(body, open_double, i, parent))
                open_double, open_single = None, []
        else:
            if role == "either":
                role = "close" if open_single else "open"
            if role == "open":
                open_single.append(i + 1)
            elif open_single:
                s = open_single.pop()
                if open_double is None and i > s and i - s < 400:
                    spans.append(QuoteSpan(s, i, True, False, None, False))
    if open_double is not None:
        end = _rstrip(body, open_double, p_end)
        if end > open_double:
            spans.append(QuoteSpan(open_double, end, False, True, None, True))
    elif open_single and _single_quote_runs_on(body, p_start, p_end, open_single[0]):
        end = _rstrip(body, open_single[0], p_end)
        if end > open_single[0]:
            spans.append(QuoteSpan(open_single[0], end, False, False, None, True))


_NEXT_OPENS_SINGLE = re.compile(r"\s*['\u2018](?=\w)")


def _single_quote_runs_on(body: str, p_start: int, p_end: int, content_start: int) -> bool:
    """A single-quoted quotation left open at its paragraph's end that goes on in the next, which opens with
    the mark again (British style: "said: 'Finnish voters have been very patient. ... / 'If there is ..."): it
    opens the paragraph or follows a colon."""
    before = body[p_start : content_start - 1].rstrip()
    return (not before or before.endswith(":")) and _NEXT_OPENS_SINGLE.match(body, p_end) is not None


_SINGLE_MARK = re.compile(r"['\u2018\u2019]")


def _nested(body: str, start: int, end: int, parent: int) -> list[QuoteSpan]:
    """Single-quoted spans inside a double-quoted one."""
    out: list[QuoteSpan] = []
    stack: list[int] = []
    for m in _SINGLE_MARK.finditer(body[start:end]):
        i = start + m.start()
        if body[i - 1].isalnum() and body[i + 1].isalnum():
            continue  # an apostrophe inside a word, as in _paragraph_spans (``body[end]`` is the closing mark)
        role = _mark_role(body, i)
        if i == end - 1 or (i > start and body[i + 1 : i + 2] in ("\u201d", '"')):
            role = "close" if role != "apostrophe" or stack else role
        if role == "apostrophe":
            continue
        if role == "either":
            role = "close" if stack else "open"
        if role == "open":
            stack.append(i + 1)
        elif stack:
            s = stack.pop()
            if i > s:
                out.append(QuoteSpan(s, i, True, False, parent, False))
    return out


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _ends_in_comma(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ends in a comma, past trailing space (without slicing the sentence)."""
    end = _rstrip(text, start, end)
    return end > start and text[end - 1] == ","


# A hyphen with space on both sides. The pattern opens with the hyphen: the engine jumps from hyphen to
# hyphen instead of trying the pattern at every space.
_SPACED_HYPHEN = re.compile(r"-(?<=\s-)(?=\s)")


def mask_quotes(body: str, spans: Sequence[QuoteSpan]) -> str:
    """``body`` with quoted text replaced by MASK and the marks by spaces, same length.

    A comma or colon just inside the closing mark is kept: it still delimits the frame
    (``"...," Okafor, whom the Herald described as "the port's chief negotiator," told``).
    Dashes become commas so ``Gerry Conlon - who was ... - said`` reads as an appositive.
    """
    pieces: list[str] = []
    pos = 0
    for sp in spans:
        if sp.parent is not None:
            continue
        lo = max(sp.start - 1, 0)
        hi = min(sp.end + (1 if sp.closed else 0), len(body))
        if lo < pos:  # top-level spans come in order and never overlap; if one did, the later one wins
            pieces, pos = ["".join(pieces)[:lo]], lo
        pieces.append(body[pos:lo])
        run = [MASK] * (hi - lo)
        for k in (sp.start - 1, sp.end):
            if lo <= k < hi and body[k] in "\"\u201c\u201d'\u2018\u2019":
                run[k - lo] = " "
        if sp.end > sp.start and body[sp.end - 1] in ",:;" and lo <= sp.end - 1 < hi:
            run[sp.end - 1 - lo] = body[sp.end - 1]
        pieces.append("".join(run))
        pos = hi
    pieces.append(body[pos:])
    out = "".join(pieces)
    return _SPACED_HYPHEN.sub(",", out.replace("\u2013", ",").replace("\u2014", ","))


# --------------------------------------------------------------------------- people in the article


class PersonMention(NamedTuple):
    name: str  # as written, honorific stripped ("Seth G. Jones", "Blair")
    char_start: int
    char_end: int
    role: str | None
    gender: str | None  # from an honorific, when there is one
    full: bool  # first name and surname present


# Letters of names in Latin scripts, accented ones included ("Marc-André Tremblay", "Łukasz Żuk", "Ní Bhraonáin").
# Latin Extended-A alternates capital and small letters, so its small range takes capitals too: they only
# ever follow a capital here.
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOWER = "a-zß-öø-ÿā-ž"
_NAME_TOKEN = (rf"(?:(?:Mc|Mac|O'|O\u2019|D'|Di|De|La|Le|al-|el-|Al-|El-)?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
               rf"(?:[-'\u2019][{_UPPER}][{_LOWER}]*|-(?!(?:of|in|at|to)-)[{_LOWER}]+)*|[{_UPPER}]\.)(?![\w])")
# Words inside a name before its next capitalised word: the lower-case particles ("Antonio de la Fuente",
# "Pieter van der Berg") and the Irish patronymics, which are capitalised ("Áine Ní Bhraonáin").
_NAME_PARTICLE_WORDS = "|".join([*sorted(NAME_PARTICLES, key=lambda w: (-len(w), w)), "Ní", "Nic", "Mac", "Ó", "Ua"])
_CAP_RUN_BODY = (
    rf"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof|Lord|Lady|Baroness)\.?\s+|[A-Z]{{2,}}\s+(?=[{_UPPER}]))?{_NAME_TOKEN}"
    rf"(?:\s+(?:{_NAME_TOKEN}|[A-Z]{{2,}}(?=\s+[{_UPPER}])|(?:of|of the|for)(?=\s+[{_UPPER}])"
    rf"|(?:{_NAME_PARTICLE_WORDS})(?:\s+(?:{_NAME_PARTICLE_WORDS})){{0,2}}(?=\s+[{_UPPER}]))){{0,5}}"
)
# A name has two words at least (or an honorific and a word), and most capitalised words stand alone ("The",
# "Labour"): the run is tried only where its first word goes on with a name word, or holds a hyphen before a
# capital ("Smith-Jones"). One-word runs are never names, and no other run can start inside one (its inner
# capitals follow a letter or an apostrophe), so leaving them out finds the same runs of several words.
_SEVERAL_WORDS = (rf"(?=[{_UPPER}{_LOWER}'’.\-]+\s+(?:[{_UPPER}]|(?:al|el)-[{_UPPER}]|(?:of|of the|for|{_NAME_PARTICLE_WORDS})(?:\s+(?:{_NAME_PARTICLE_WORDS})){{0,2}}\s+[{_UPPER}])"
                  rf"|[{_UPPER}{_LOWER}'’.\-]*-[{_UPPER}])")
# Group 1 is the run. Every name starts with a capital that no word character, apostrophe or full stop precedes.
_CAP_RUN = re.compile(rf"(?=[{_UPPER}])(?<![\w'’.]){_SEVERAL_WORDS}({_CAP_RUN_BODY})")
# The article-wide scan opens with the character before the run, as ``_CUE_AFTER`` does (the byte map leaves
# out the ASCII characters that cannot precede a run, the lookbehind the others). A run ends in a letter or a
# full stop, which cannot precede the next run: resuming after a match finds the same runs as ``finditer``.
_CAP_RUN_AFTER = re.compile(rf"[^a-zA-Z0-9_'.](?=[{_UPPER}])(?<![\w'’.]){_SEVERAL_WORDS}({_CAP_RUN_BODY})")


def split_name(tokens: Sequence[str]) -> tuple[str | None, list[str], str | None]:
    """(role, name tokens, gender) from a capitalised phrase such as ``French President Emmanuel Macron``."""
    role, name, gender = _split_name(tuple(tokens))
    return role, list(name), gender


# A hyphenated epithet is a description, capitalised or not: "Mother-of-two Carys Evans", "Editor-in-chief Ann Lowe".
_EPITHET_TOKEN = re.compile(r"\w+-(?:of|in|at)-\w+$")


# The same capitalised phrases recur in an article (and across the corpus): splitting is a pure function.
@lru_cache(maxsize=32768)
def _split_name(tokens: tuple[str, ...]) -> tuple[str | None, tuple[str, ...], str | None]:
    tokens = list(tokens)
    gender = None
    role = None
    for i in range(len(tokens) - 2, -1, -1):  # the last possessive with a word after it ("Sky Networks' Sophie Laing")
        if tokens[i].endswith(("'s", "\u2019s", "s'", "s\u2019")):
            if tokens[i + 1][:1].isupper():
                tokens = tokens[i + 1 :]
            break
    phrase = " ".join(tokens)
    last_title_end = 0
    titled = not TITLE_WORDS.isdisjoint([t.lower() for t in tokens])
    for m in _TITLE_RE.finditer(phrase) if titled else ():
        rest = phrase[m.end() :].split()
        if rest and rest[0][:1].isupper():
            last_title_end = m.end()
    if last_title_end:
        role = phrase[:last_title_end].strip()
        tokens = phrase[last_title_end:].split()
    of = _of_place_or_office(tokens)
    if of is not None:
        if tokens[of - 1][:1].isupper():
            tokens = tokens[:of]  # "Lord Faulkner of Worcester", "Gov. Earl Ray Tomblin of West Virginia": a place
        else:
            # "head of Preventon", "director of the Serious Fraud Office": the office of an organisation, no name
            role = " ".join(filter(None, [role, *tokens]))
            tokens = []
    last_lower = next((i for i in range(len(tokens) - 1, -1, -1) if (tokens[i][:1].islower() or _EPITHET_TOKEN.match(tokens[i]))
                       and tokens[i].lower() not in NAME_PARTICLES and tokens[i].lower() not in HONORIFICS), None)
    if last_lower is not None and last_lower + 1 < len(tokens):
        # descriptive words before the name ("farmer Tomas Brede", "the company's owner Piet Dorn")
        extra = " ".join(tokens[: last_lower + 1])
        role = f"{role} {extra}" if role else extra
        tokens = tokens[last_lower + 1 :]
    inner = next((i for i in range(len(tokens) - 2, 0, -1) if tokens[i].rstrip(".").lower() in HONORIFICS), None)
    if inner is not None:
        # "Archbishop of Canterbury Dr Rowan Williams": the honorific starts the name
        extra = " ".join(tokens[:inner])
        if _TITLE_RE.search(extra):  # "In Tanzania Mr Brown": a place, not a role
            role = f"{role} {extra}" if role else extra
        tokens = tokens[inner:]
    while len(tokens) > 1 and tokens[-1].rstrip(",") in POSTNOMINALS:
        tokens = tokens[:-1]  # "Mr Mansfield QC"
    honorific = False
    while tokens and tokens[0].rstrip(".").lower() in HONORIFICS:
        gender = HONORIFICS[tokens[0].rstrip(".").lower()] or gender
        tokens = tokens[1:]
        honorific = True
        if not tokens:
            break
    while tokens and (tokens[0].lower().rstrip(".") in STOPWORDS or tokens[0].lower() in TITLE_WORDS
                      or tokens[0].lower() in ROLE_MODIFIERS  # "Former WorldCom" is no name
                      or tokens[0].lower() in NAME_PARTICLES or tokens[0].isupper() and len(tokens[0]) > 1
                      or _HYPHENATED_DESCRIPTOR.match(tokens[0])) and tokens[0] not in PEERAGE:
        if _homograph_in_name(tokens, 0, honorific):
            break  # "Bill Cash", "Ms May"
        if honorific and STOPWORDS.get(tokens[0].lower()) == "descriptor":
            break  # "Mr Irish", "Mr French": a surname after all
        tokens = tokens[1:]
    if tokens and tokens[-1].endswith(("'s", "\u2019s")) and len(tokens[-1]) > 2:  # a name before the "'s"
        tokens[-1] = tokens[-1][:-2]  # "Mr Brown's insistence that ...": the possessor is Mr Brown
    elif tokens and tokens[-1].endswith(("s'", "s\u2019")):
        tokens[-1] = tokens[-1][:-1]  # "Mr Jones' insistence"
    if role is not None:
        role = clean_role(role)
    return role, tuple(tokens), gender


# Lower-case words inside the name of a place or an organisation ("the Royal College of Nursing").
_OF_CONNECTORS = frozenset({"the", "of", "and", "&", "for"})


# "Tunisian-born", "Oxford-based", "Fifteen-year-old", "Oscar-winner", "Man-of-the-match": a description, never a name
_HYPHENATED_DESCRIPTOR = re.compile(
    r"[A-Z][\w'’]*-(?:[a-z]+-)*(?:born|based|bred|old|winner|winning|match|time|seeded|ranked|backed|owned|led|raised)$")


def _of_place_or_office(tokens: Sequence[str]) -> int | None:
    """The index of the "of" (or "for", "at") that ends a name or an office: the first one after which
    the phrase holds only capitalised words and connectors, a place or an organisation ("of Worcester",
    "of the Royal College of Nursing", "for Morning Consult")."""
    for i in range(1, len(tokens) - 1):
        if tokens[i] not in ("of", "for", "at"):
            continue
        after = [t for t in tokens[i + 1 :] if t not in _OF_CONNECTORS]
        if not after or not all(t[:1].isupper() for t in after):
            return None
        before = tokens[i - 1]
        if before[:1].isupper() and (before.lower() in TITLE_WORDS or before in PEERAGE):
            return None  # "Lord of Appeal": the office is the name
        if STOPWORDS.get(before.lower()) in ("function", "pronoun", "weekday", "month"):
            return None  # "But for Allen Weiner": an opener, not a name
        if before[:1].isupper() and tokens[i + 1] == "the" and tokens[0] not in PEERAGE:
            return None  # "Eternal Sunshine of the Spotless Mind": a work's title, not a person of a place
        return i
    return None


# Sentence openers that a capitalised run picks up in front of a title ("But Prime Minister Tony Blair").
_ROLE_OPENERS = re.compile(
    r"^(?:(?:but|and|so|yet|however|meanwhile|earlier|later|now|then|also|speaking|asked|separately|instead|still|"
    r"in|on|at|for|the|a|an)\b[\s,]*)+", re.IGNORECASE)


_BARE_MODIFIERS = frozenset("former top senior chief deputy junior shadow acting interim outgoing new vice assistant ex".split())


def clean_role(role: str) -> str | None:
    """A role as it reads after "the": openers and honorifics dropped, indefinite article removed."""
    role = _ROLE_OPENERS.sub("", role.strip()).strip(" ,")
    words = role.split()
    while words and (STOPWORDS.get(words[0].lower()) in ("function", "weekday", "month", "pronoun") or words[0].lower() == "both"):
        words = words[1:]  # "On Tuesday Foreign Secretary", "His party leader"
    role = " ".join(words)
    if not role or not _TITLE_RE.search(role) or role.lower() in HONORIFICS or role.lower().rstrip(".") in HONORIFICS:
        return None
    if all(w.lower() in _BARE_MODIFIERS for w in words):
        return None  # "chief", "former senior": a modifier left without its office
    return role


def _homograph_in_name(tokens: Sequence[str], i: int, honorific: bool = False) -> bool:
    """``tokens[i]`` is a name homograph standing as a name: alone after an honorific ("Ms May"), or in its place in
    a two- or three-word name of plain capitalised words ("Theresa May")."""
    place = NAME_HOMOGRAPHS.get(tokens[i].lower())
    if place is not None and honorific and len(tokens) == 1:
        return True
    return (place is not None and 2 <= len(tokens) <= 3 and i == (0 if place == "first" else len(tokens) - 1)
            and all(t[:1].isupper() and t.lower() not in STOPWORDS and t.lower() not in TITLE_WORDS
                    for j, t in enumerate(tokens) if j != i))


def _names_person(words: Sequence[str]) -> bool:
    """Whether a phrase's words name a person once its title is split off ("Mr Jones" counts: an honorific first)."""
    return bool(words) and _valid_person(split_name(words)[1], words[0].rstrip(".").lower() in HONORIFICS)


# What a capitalised run may end in but no name does, and what it may open with but no person's name does.
_PARTY_NOUNS = frozenset(w for w, p in PARTY_WORDS.items() if p.member)
_GROUP_POSSESSIVES = frozenset(("Our", "Your"))


def _valid_person(tokens: Sequence[str], honorific: bool) -> bool:
    return _valid_person_cached(tuple(tokens), honorific)


@lru_cache(maxsize=32768)
def _valid_person_cached(tokens: tuple[str, ...], honorific: bool) -> bool:
    if not tokens or len(tokens) > 5:
        return False
    for i, t in enumerate(tokens):
        low = t.lower().rstrip(".'’")  # "Incomes Data Services' research"
        if not (t[0].isupper() or low in NAME_PARTICLES or (low[:3] in ("al-", "el-") and t[3:4].isupper())):
            return False
        if 0 < i < len(tokens) - 1 and t in ("A", "I"):
            continue  # a middle initial: "Charles A Blixt"
        if i == 0 and STOPWORDS.get(low) == "number":
            return False  # "One Freedom Caucus member", but "Henk Ten Cate"
        if (STOPWORDS.get(low) in ("organisation", "place", "weekday", "month", "holiday", "function", "pronoun")
                and not _homograph_in_name(tokens, i, honorific)):
            return False  # a stopword, unless a name homograph stands as one ("Theresa May", "Ms May")
        if low in TITLE_WORDS and t not in PEERAGE:
            return False
    # a surname is capitalised, after its "al-" too ("Farooq al-Hashmi")
    if not (tokens[-1][0].isupper() or tokens[-1][3:4].isupper()) or len(tokens[-1].rstrip(".")) < 2:
        return False
    if tokens[-1].lower() in _PARTY_NOUNS:
        return False  # "a Northern Virginia Democrat": a party's member, no surname
    if len(tokens) == 1 and not honorific:
        return False
    return True


# Regexes only scan forwards: the word before a position is matched in the reversed text.
_REVERSED_WORD = re.compile(r"\s*([\w'’.\-&]*)")  # trailing space, then a _WORD token


def _role_words_before(body: str, pos: int) -> str | None:
    """``London mayor Ken Livingstone``: the title words right before a name that the capitalised run missed."""
    # most names follow a verb or a preposition: look at the one word before first
    last = _REVERSED_WORD.match(body[max(0, pos - 80) : pos][::-1]).group(1)[::-1].lower()
    if last not in TITLE_WORDS and last not in ROLE_MODIFIERS:
        return None
    words: list[str] = []
    for m in reversed(list(_WORD.finditer(body, max(0, pos - 80), pos))):
        if body[m.end() : (words and words[0][0]) or pos].strip():
            break
        w = m.group(0)
        if w.endswith(".") and len(w) > 2:
            break  # the previous sentence's last word
        if w.lower() in TITLE_WORDS or w.lower() in ROLE_MODIFIERS or (w[:1].isupper() and words and STOPWORDS.get(w.lower()) not in ("function", "pronoun", "weekday", "month", "honorific")):
            words.insert(0, (m.start(), w))
            if len(words) >= 5:
                break
            continue
        break
    if not words or not any(w.lower() in TITLE_WORDS for _, w in words):
        return None
    return clean_role(" ".join(w for _, w in words))


# A capitalised run's reading depends on its words alone, and runs recur ("Mr Blair", "Tony Blair"): the
# pure part of ``find_people`` is memoised on the run's text.
@lru_cache(maxsize=32768)
def _person_in_run(run: str) -> tuple[str, int, str | None, str | None, bool, bool] | None:
    """(name, its offset in ``run``, role, gender, full, named only by a possessive) for a capitalised
    run that names a person, else None. The last flag: the run is no name when an "'s" follows it."""
    tokens = run.split()
    if len(tokens) == 1:
        return None  # one capitalised word is a name only after an honorific, which makes two tokens
    if tokens[0] in _GROUP_POSSESSIVES:
        return None  # "Our Revolution Nevada, a grassroots organization": a group's name
    role, name_tokens, gender = split_name(tokens)
    # the honorific opens the run, or follows a sentence's opening word ("However Mr Mulligan", "Yesterday Mr Blair")
    first = tokens.index(name_tokens[0]) if name_tokens and name_tokens[0] in tokens else 0
    honorific = any(t.rstrip(".").lower() in HONORIFICS or t in PEERAGE for t in {tokens[0], tokens[first - 1] if first else tokens[0]})
    if "of" in tokens:
        # "Simon Hart of the Countryside Alliance", "Dr Ingrid Solberg of the University of Bergen": a full name
        # before "of" ends there (but "Bank of England Governor Mervyn King" has none)
        before_of = split_name(tokens[: tokens.index("of")])
        if not _valid_person(name_tokens, honorific) or (len(before_of[1]) >= 2 and _valid_person(before_of[1], honorific)):
            role, name_tokens, gender = before_of
    if not _valid_person(name_tokens, honorific):
        return None
    name = " ".join(name_tokens)
    return (name, run.find(name), role, gender, len(name_tokens) >= 2 or name_tokens[0] in PEERAGE,
            len(name_tokens) < 2 and not honorific)


_THE_BEFORE = re.compile(r"(?<![\w'’])[Tt]he\s+$")
_HONORIFIC_START = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof|Lord|Lady|Baroness)\b")


def _surname_alone(body: str, name: str) -> bool:
    """Whether the last word of ``name`` stands somewhere in ``body`` without the word before it (as a whole
    word: word boundaries on both sides, as ``\\b`` reads them). A search for each name, not a regex built for it:
    the names outnumber the regex module's cache, and compiling one costs more than the search."""
    words = name.split()
    if len(words) < 2:
        return False
    surname, before = words[-1], words[-2] + " "
    n = len(body)
    i = body.find(surname)
    while i != -1:
        end = i + len(surname)
        if (_is_word_at(body, i - 1, n) != _is_word_at(body, i, n) and _is_word_at(body, end - 1, n) != _is_word_at(body, end, n)
                and not body.endswith(before, 0, i)):
            return True
        i = body.find(surname, i + 1)
    return False


def _is_word_at(text: str, i: int, n: int) -> bool:
    """Whether ``text[i]`` is a word character as ``\\w`` reads it (False outside the text)."""
    return 0 <= i < n and (text[i].isalnum() or text[i] == "_")


# A common noun for an organisation right before a capitalised run makes the run its name: "the charity
# Diabetes Action said", "the regulator Ofcom". Lower case only: "Charity Commission chairman ..." is a title.
_ORGANISATION_NOUNS = frozenset(
    "charity company firm group organisation organization agency union party council committee department ministry bank"
    " club band retailer carrier airline network website newspaper magazine startup start-up insurer lender supermarket"
    " chain brand carmaker think-tank foundation trust institute university hospital school college campaign movement"
    " coalition alliance association federation regulator watchdog consultancy charities companies firms groups".split())
_NAMING_DETERMINERS = ("The", "A", "An", "Its", "Their")


def _organisation_before(body: str, start: int, first: str) -> bool:
    """Whether the capitalised run at ``start`` (opening with the word ``first``) names an organisation by the
    words before it: a noun for one ("the charity Diabetes Action"), or "and" after an organisation's name
    ("the Department of Health and Social Care"). An honorific or a first name says otherwise ("aerospace group
    EADS Philippe Camus"), and so does a name before the noun, which names the organisation already ("the CGA
    consultancy Jeanne-Marie Gescher")."""
    # the cheap test first: most runs follow a word that is neither such a noun nor "and"
    if start < 2 or body[start - 1] != " ":
        return False
    last = body[body.rfind(" ", max(0, start - 32), start - 1) + 1 : start - 1]
    if last not in _ORGANISATION_NOUNS and last not in ("and", "&", "tank"):
        return False
    low = first.rstrip(".").lower()
    if low in FIRST_NAME_GENDER or low in HONORIFICS:
        return False
    words = body[max(0, start - 80) : start].split()
    if last in _ORGANISATION_NOUNS or (last == "tank" and words[-2:-1] == ["think"]):
        before = words[-2] if len(words) > 1 and last != "tank" else (words[-3] if len(words) > 2 else None)
        return before is None or not before[:1].isupper() or before in _NAMING_DETERMINERS
    if last in ("and", "&"):
        run = []
        for w in reversed(words[:-1]):
            if not (w[:1].isupper() or w in ("of", "for", "the")) or not w[-1:].isalpha():
                break  # a comma or a full stop ends the name before "and": "Sonny Bill Williams, and Sculthorpe said"
            run.append(w)
        return any(STOPWORDS.get(w.lower()) == "organisation" for w in run)
    return False


_RUN_GOES_ON = re.compile(rf"\s+[{_UPPER}][{_LOWER}]")  # the capitals go on past a run's six words
_NEXT_WORD = re.compile(r"\s+(?=\S)")


def find_people(body: str, mentions: Sequence[OutletMention] = ()) -> list[PersonMention]:
    """Person-name mentions in the body: ``First Last`` runs and ``Mr Surname``."""
    outlet_spans = [(m.char_start, m.char_end) for m in mentions if m.char_start is not None]
    people: list[PersonMention] = []
    read_to = 0  # the end of a run read again from a later word: the scan resumes inside it
    for m in _scan(_CAP_RUN, _CAP_RUN_AFTER, body):
        if m.start(1) < read_to:
            continue
        run = m.group(1)
        if run.isalpha():
            continue  # one word ("Jean-Luc" is tried for its hyphen): a name needs an honorific too
        start, end = m.span(1)
        found = _person_in_run(run)
        first = run.split(None, 1)[0]
        if found is None and STOPWORDS.get(first.lower()) == "function":
            # a run is at most six words: "When Senate Finance Committee Chairman Roy Dempsey" is read from "Senate"
            again = _CAP_RUN.match(body, start + len(first) + 1)
            if again is not None:
                run, (start, end) = again.group(1), again.span(1)
                found = _person_in_run(run)
        if _RUN_GOES_ON.match(body, end):
            # a run is six words at most: "Westbrook Heights City Schools Superintendent Karen Albright" is read from a
            # later word, the one that ends it where the capitals end
            for word in _NEXT_WORD.finditer(run):
                again = _CAP_RUN.match(body, start + word.end())
                if again is not None and again.end(1) > end and (later := _person_in_run(again.group(1))) is not None:
                    run, (start, end), found = again.group(1), again.span(1), later
                    read_to = end
                    break
        if found is None:
            continue
        name, offset, role, gender, full, no_possessive = found
        if outlet_spans and any(s < end and start < e for s, e in outlet_spans):
            continue
        if _organisation_before(body, start, name.split()[0]):
            continue  # "the charity Diabetes Action", "the Department of Health and Social Care"
        if (role is None and not _HONORIFIC_START.match(run) and _THE_BEFORE.search(body, max(0, start - 4), start + offset)
                and not _surname_alone(body, name)):
            # "the Birchfield Harrier", "The Final Diagnosis": a name takes no article unless a title does, or unless
            # it is used as a modifier ("the Svetlana Kuznetsova doping row"), when the article calls her Kuznetsova
            continue
        if no_possessive and body[end : end + 2] in ("'s", "’s"):
            continue
        if not _HONORIFIC_START.match(run) and (
                (body.startswith(",", end) and _OPENING_PLACE.search(body, max(0, start + offset - 12), start + offset))
                or (_place_after_in(body, start + offset, name) and not body.startswith(("'s", "’s"), end)
                    and _last_word(body, 0, start + offset - 3).lower() not in _PERSON_IN_NOUNS)):
            # "In Denham Springs, Rodney Gautreaux stood ...", "a poll worker in Ashland Falls, who ...", "Asked by
            # reporters in Des Moines whether ...": a place
            continue
        if role is None:
            role = _role_words_before(body, start)
        people.append(PersonMention(name, start + offset, end, role, gender, full))
    first_full: dict[str, int] = {}
    for p in people:
        if p.full:
            first_full.setdefault(p.name.split()[-1], p.char_end)
    # a surname alone that opens a sentence, after the person was named in full: "Lane is less certain."
    surnames = [PersonMention(surname, i, i + len(surname), None, None, False)
                for surname, after in first_full.items() for i in _sentence_openings(body, surname, after)]
    if surnames:
        people = sorted(people + surnames, key=lambda p: p.char_start)
    return people


# Nouns "in" puts a person after as readily as a place: "trust in Keir Starmer", "a stake in Magic Johnson's team".
_PERSON_IN_NOUNS = frozenset("trust confidence faith belief interest role part stake hope hopes pride investment "
                             "invested believe believes believed".split())


def _place_after_in(text: str, start: int, name: str) -> bool:
    """Capitals right after "in" whose first word is no first name are a place: "a poll worker in Ashland Falls"."""
    return text.endswith(" in ", 0, start) and name.split()[0].lower() not in FIRST_NAME_GENDER


# The prepositions that put capitals after them in a place ("in Grand Rapids", "back in Cabanaconde").
_LOCATIVES = ("in", "at", "across", "outside", "inside", "near", "back in", "over in", "down in", "up in")
# One of them at a sentence's start: the capitals after it, closed by a comma, are a place.
_OPENING_PLACE = re.compile(r"(?:^|[.!?][\"'”’)]?\s+|\n)(?:" + "|".join(w.capitalize() for w in _LOCATIVES) + r")\s+$")


# A sentence has just ended before a position: a new line, or its final mark and a space (a closing quote or
# bracket may come between); or an opening phrase has, at a comma ("Back in Cabanaconde, Ccama was ...").
_SENTENCE_ENDED = re.compile(r"(?:\n|[.!?][\"'”’)]? |, )$")


def _sentence_openings(body: str, word: str, start: int) -> Iterator[int]:
    """Where ``word`` opens a sentence or follows a comma after ``start``, standing alone: not followed by another capitalised
    word (a longer name), a possessive or a hyphen. ``str.find`` per word: a regex tried at every character
    cost the people scan three times its time."""
    i = body.find(word, start)
    while i != -1:
        j = i + len(word)
        after = body[j : j + 2]
        alone = not after[:1].isalnum() and after[:1] not in "'’-" and not (after[:1] == " " and after[1:].isupper())
        if alone and _SENTENCE_ENDED.search(body, max(0, i - 3), i):
            yield i
        i = body.find(word, j)


# --------------------------------------------------------------------------- frames


class Source(NamedTuple):
    surface: str
    char_start: int
    char_end: int
    kind: str  # "name", "pronoun", "relative" (who), "phrase" (the ministry)
    role: str | None  # from a preceding title or an appositive
    antecedent: str | None  # for "who": the phrase before ", who"


class Frame(NamedTuple):
    sentence_idx: int
    cue: str
    cue_start: int
    cue_end: int
    source: Source
    content_start: int  # body offsets of the content clause; equal when none
    content_end: int
    audience: tuple[int, int] | None
    category: str
    position: str  # "before" (source+cue precede the content), "after", or "around" (a parenthetical frame)
    act: str | None = None  # the content is no reported statement: the speech act's kind (ACT_KINDS), not a quote
    also: tuple[int, int] | None = None  # a second clause the frame reports: "A, he said, and B" gives A and B


_REVERSED_LAST_WORD = re.compile(r"\s*([\w'’\-]*)")
_LAST_WORD_WINDOW = 48  # a word and the space before it fit: a longer run is walked char by char


def _last_word_span(text: str, lo: int, pos: int) -> tuple[int, int]:
    """Offsets of the word (letters, digits, ``_'’-``) that ends ``text[lo:pos]`` after its trailing space."""
    start = max(lo, pos - _LAST_WORD_WINDOW)
    m = _REVERSED_LAST_WORD.match(text[start:pos][::-1])
    if m.end() < pos - start or start == lo:
        return pos - m.end(), pos - m.start(1)
    end = pos  # the window is all space and word: it may go on before it
    while end > lo and text[end - 1].isspace():
        end -= 1
    start = end
    while start > lo and (text[start - 1].isalnum() or text[start - 1] in "_'’-"):
        start -= 1
    return start, end


def _last_word(text: str, lo: int, pos: int) -> str:
    start, end = _last_word_span(text, lo, pos)
    return text[start:end]


def _few_words_after_comma(text: str, n: int) -> bool:
    comma = text.rfind(",")
    return comma != -1 and 0 < len(text[comma + 1 :].split()) <= n


_ON_BEFORE = re.compile(r"\bon\s*$")


def _reports_opening_quotation(masked: str, lo: int, c_start: int) -> bool:
    """'"...," Lindqvist replied on the same broadcast': the quotation that opens the sentence is what the cue
    reports (so "replied on" is no "replied to"), unless another cue comes between them ('"...," Mr Ebbers said,
    adding that the finances were usually discussed by a group')."""
    if not masked[lo:c_start].lstrip().startswith(MASK):
        return False
    return _CUE_RE.search(masked, masked.rfind(MASK, lo, c_start) + 1, c_start) is None


def _speaker_noun(phrase: str) -> bool:
    """Whether a phrase's last word is one for someone who can speak: a title ("the senator") or an organisation
    ("the company")."""
    last = phrase.split()[-1].lower().rstrip(".,")
    return last in TITLE_WORDS or last in _ORGANISATION_NOUNS or last.rstrip("s") in TITLE_WORDS


def _strip_adverbials(masked: str, lo: int, pos: int) -> tuple[int, bool]:
    """Move ``pos`` left over aux verbs and adverbs before a cue; report a passive aux."""
    passive = False
    while True:
        w_start, end = _last_word_span(masked, lo, pos)
        if w_start == end:
            return pos, passive
        word = masked[w_start:end]
        low = word.lower()
        if low in NAME_HOMOGRAPHS and word[:1].isupper() and w_start > lo:
            return pos, passive  # "Theresa May said": a name, not the modal
        if low in ADVERBIALS or (low.endswith("ly") and word.islower() and len(low) > 4 and not _ly_noun(masked, lo, w_start, low)) \
                or not word.strip(MASK):
            if low in PASSIVE_AUX:
                passive = True
            pos = w_start
            continue
        if low in _FLOATING_QUANTIFIERS and (masked[lo:w_start].rstrip().endswith(")")
                                             or _last_word(masked, lo, w_start).lower() not in NP_BOUNDARY | {""}):
            pos = w_start  # "They all said", "Merkley and Brown both argued": the subject stands before it
            continue  # ("..., and both want to": the quantifier is the subject)
        if low in WEEKDAYS:
            prev = _ON_BEFORE.search(masked[lo:w_start])
            pos = lo + prev.start() if prev else w_start
            continue
        return pos, passive


# -ly words that are nouns: "Ellery's family has said", "an ally said" (not adverbs to step over)
_LY_NOUNS = frozenset("family families assembly ally rally monopoly supply anomaly".split())


def _ly_noun(masked: str, lo: int, w_start: int, low: str) -> bool:
    # (after an article it may still be an adverb: "a carefully planned package")
    return low in _LY_NOUNS or _last_word(masked, lo, w_start).endswith(("'s", "’s"))


_FLOATING_QUANTIFIERS = frozenset("all both each".split())
_FLOATING_QUANTIFIER_BEFORE = re.compile(r"\b(?:all|both|each)\b", re.IGNORECASE)
_PARENTHETICAL_BEFORE = re.compile(r"\s\([^()_]{1,30}\)\s*$")


def _skip_parenthetical(masked: str, lo: int, pos: int) -> int:
    """``Rep. Ann Lyle (D-Mass.) said``: a short parenthesis after the source (party, state, age) is skipped."""
    start = max(lo, pos - 34)
    if masked.find(")", start, pos) == -1:
        return pos  # the cheap test first: most sources have no parenthesis after them
    m = _PARENTHETICAL_BEFORE.search(masked, start, pos)
    return m.start() if m else pos


_NAME_BEFORE_INITIAL = re.compile(r"(?<![\w.])[A-Z][a-z]+ $")
_NAME_OF_THE = re.compile(r"(?<![\w.])[A-Z][a-z]+ (?:of|for|at) $")


_QUANTIFIER_SOURCES = frozenset("some many most several both another one".split())
_PREPOSITIONS = frozenset("for of to with by from in on at among about than like".split())


def _np_before(masked: str, lo: int, pos: int) -> tuple[int, int] | None:
    """Offsets of the noun phrase ending at ``pos`` (walking left from a cue)."""
    # at most nine words are taken, and source phrases are short: 100 characters hold them (a word cut at the edge is dropped)
    start = max(lo, pos - 100)
    # The walk goes right to left and usually stops within a few words: the words are matched lazily in the
    # reversed window (``_WORD``'s characters read the same both ways, so its runs are the window's words).
    window = masked[start:pos][::-1]
    size = len(window)
    right = start + size  # the window's end: a reversed offset r is text offset right - r
    picked: list[tuple[int, int, str]] = []
    upper_picked = False  # a picked word is capitalised (all but a determiner that ends the walk)
    for m in _WORD.finditer(window):
        r_start, r_end = m.span()
        if r_end == size and start > lo and _WORD.match(masked, start - 1) is not None:
            break  # the window's first word, cut by its edge: there are no more words
        t_start, t_end, word = right - r_end, right - r_start, m.group()[::-1]
        low = word.lower().strip(".")
        if not picked:
            if masked[t_end:pos].strip():
                return None  # punctuation between the phrase and the cue
            if (low in NP_BOUNDARY and low not in DETERMINERS and low != "which") or (low in LOWER_BOUNDARY and word.islower()):
                return None
            picked.insert(0, (t_start, t_end, word))
            upper_picked = word[:1].isupper()
            if low in DETERMINERS or low in PRONOUNS or low in ("who", "whom", "which"):
                break
            continue
        if masked[t_end : picked[0][0]].strip():
            break  # a comma or other punctuation ends the phrase
        if word == "A" and picked[0][2][:1].isupper() and _NAME_BEFORE_INITIAL.search(masked, max(lo, t_start - 30), t_start):
            picked.insert(0, (t_start, t_end, word))  # "Charles A Blixt": a middle initial, not the article
            continue
        if low in DETERMINERS:
            picked.insert(0, (t_start, t_end, word))
            if word == "the" and picked[1][2][:1].isupper() and _NAME_OF_THE.search(masked, max(lo, t_start - 40), t_start):
                continue  # "Cameron Easley of the Washington Post": a name, then the place or body it is of
            break
        of_the = picked[0][2] == "the" and low in ("of", "for", "at")  # the walk went on past "the" for this word
        if low in NP_BOUNDARY and not (low in ("of", "for") and word.islower() and picked[0][2][:1].isupper()) and not of_the:
            break
        if low in LOWER_BOUNDARY and word.islower():
            break
        if word[:1].isupper() or low in TITLE_WORDS or low in ROLE_MODIFIERS or low in NAME_PARTICLES or low in ("of", "for") or of_the:
            picked.insert(0, (t_start, t_end, word))
        elif not upper_picked and len(picked) < 3 and _LOWER_WORD.fullmatch(word):
            picked.insert(0, (t_start, t_end, word))
        else:
            break
        upper_picked = upper_picked or word[:1].isupper()
        if len(picked) >= 9:
            break
    # drop sentence openers and dangling connectors at the front
    dropped = False
    while picked:
        first = picked[0][2]
        first_low = first.lower()
        if not (first_low in ("of", "for") or (first[:1].isupper() and STOPWORDS.get(first_low) == "function"
                                               and first_low not in DETERMINERS and first_low not in PRONOUNS)):
            break
        picked.pop(0)
        dropped = True
    if not picked:
        return None
    first, last = picked[0][2], picked[-1][2]
    # the walk has kept count of capitals except in a final determiner, which is first; a dropped word may have been one
    upper = any(p[2][:1].isupper() for p in picked) if dropped else upper_picked or first[:1].isupper()
    if not upper and first.lower() not in DETERMINERS:
        if len(picked) > 2:
            return None
        if len(picked) == 2 and not (last.lower() in TITLE_WORDS or last.endswith("s")):
            return None
    alone = (len(picked) == 1 and last.lower() in _QUANTIFIER_SOURCES
             and _last_word(masked, lo, picked[0][0]).lower() not in _PREPOSITIONS | {"no", "any", "number"})  # not "for some, the losses", "no one", "number one"
    if (last.lower() in DETERMINERS and not alone) or not last.strip(MASK):
        return None  # "Many fear ...", "Some say ...": a quantifier alone stands for people
    # "Doug Smith quit last autumn, claiming ...": a full name, then lower-case words that are no title, is a subject
    # and its verb phrase; the name is the source
    k = len(picked) - 1
    while k >= 0 and picked[k][2].islower() and picked[k][2] not in TITLE_WORDS and picked[k][2] not in ROLE_MODIFIERS:
        k -= 1
    if (k >= 1 and len(picked) - 1 - k >= 2 and picked[k][2][:1].isupper() and picked[k - 1][2][:1].isupper()
            and not picked[k][2].endswith(("'s", "’s")) and _valid_person([picked[k - 1][2], picked[k][2]], False)):
        # (not "Gordon Brown's aides hit back saying", not "Harbour Lines staff walked out saying")
        return picked[0][0], picked[k][1]
    return picked[0][0], picked[-1][1]


_REFLEXIVE_AFTER = re.compile(r"(?<=\S)\s+(?:himself|herself|themselves|itself)$")


def _classify_source(body: str, masked: str, start: int, end: int, sent_start: int) -> Source:
    if body[end - 1 : end] == "." and end - start > 2 and body[end - 3 : end - 2] not in (" ", "."):
        end -= 1  # the sentence's full stop, not an initial ("said Hans Straberg.")
    reflexive = _REFLEXIVE_AFTER.search(body, start, end)
    if reflexive is not None:
        end = reflexive.start()  # "Brooks herself said": the person, not the pronoun that stresses her
    surface = body[start:end]
    low = surface.lower()
    if low in PRONOUNS:
        return Source(surface, start, end, "pronoun", None, None)
    if low in ("who", "whom", "which"):
        before = masked[sent_start:start]
        # the antecedent ends at a comma: without one the (slow, unanchored) search cannot match
        m = re.search(r"([^,]+?)\s*,\s*$", before) if before.rstrip().endswith(",") else None
        if m is None:
            # "Debbie Sorensen, a retired bus driver from Franklin who said": a description without its closing comma
            m = _DESCRIPTION_BEFORE_RELATIVE.search(before) if low in ("who", "whom") else None
        if m is not None and m.group(1).strip().isdigit() and before[: m.start()].rstrip().endswith(","):
            m = re.search(r"([^,]+?)\s*,\s*$", before[: m.start()])  # "Elaine Marchetti, 63, who says": the age is no one
        ante = None
        # "Jenna Ruiz, 16, of Round Rock, who told": the town is no one
        home = _person_before_hometown(body, masked, sent_start, sent_start + len(before.rstrip()) - 1) if m else None
        tag = _PARTY_TAG_BEFORE.search(masked, sent_start, sent_start + m.end(1)) if m and not home else None
        # "Rep. Anthony Gaskins (D-Mo.), who said": the name the party tag follows
        np = home or (_np_before(masked, sent_start, tag.start() if tag else sent_start + m.end(1)) if m else None)
        if (m is not None and not home and low in ("who", "whom") and m.group(1).split()[:1] and _describes_role(m.group(1).split())
                and before[: m.start(1)].rstrip().endswith(",")):
            # "Gail Brenner, a Trump volunteer in Waukesha, who said": the description's person
            head = before[: m.start(1)].rstrip()
            age = _AGE_AT_END.search(head)  # "Dennis Maroon, 61, a retired crane operator, who said": past the age
            named = _np_before(masked, sent_start, sent_start + (age.start() if age else len(head) - 1))
            if named is not None and _names_person(body[named[0] : named[1]].split()):
                np = named
        if np:
            ante = body[np[0] : np[1]]
        return Source(surface, start, end, "relative", None, ante)
    words = surface.split()
    if len(words) >= 3 and _PARTICIPLE_THEN_NAME.search(surface):
        # "Dozens of parents backing Superintendent Maria Diaz": the name is what the group backs
        return Source(surface, start, end, "phrase", None, None)
    if words[0].lower() in DETERMINERS and len(words) >= 4:
        # "the Minnesota Democrat Carla Winslow": a description in front of a full name, which speaks
        for k in (len(words) - 3, len(words) - 2):
            tail = words[k:]
            if (k >= 2 and tail[0] in _FIRST_NAMES_CAPITALISED and all(w[:1].isupper() for w in tail)
                    and _valid_person(tail, False) and not words[k - 1].endswith(("'s", "’s"))
                    and not any(w.lower() in _PREPOSITIONS for w in words[1:k])):  # not "A spokesman for Gov. Ellen Marsh"
                name_start = start + len(" ".join(words[:k])) + 1
                return Source(" ".join(tail), name_start, end, "name", clean_role(" ".join(words[1:k])), None)
    if words[0].lower() in DETERMINERS or not any(w[:1].isupper() for w in words):
        return Source(surface, start, end, "phrase", None, None)
    if ("'s " in surface or "’s " in surface) and not _valid_person(split_name(words)[1], False):
        return Source(surface, start, end, "phrase", None, None)  # "Labour's campaign team" (but "Labour's Fraser Kemp")
    return Source(surface, start, end, "name", None, None)


_DESCRIPTION_BEFORE_RELATIVE = re.compile(r",\s*((?:a|an|the)\s[^,;:()\"“”]{2,80}?)\s*$", re.IGNORECASE)


_VERBISH = frozenset("is are was were has have had will would can could do does did may might must should be been being not "
                     "who which that whose".split())
_SUBJECT_INNER = frozenset("of on in at for from with".split())
_QUANTIFIERS = frozenset("nearly almost about some most many few more several half".split())


_SUBJECT_PUNCTUATION = re.compile(r"[,;:()\[\]_\"“”]")


def _subject_span(masked: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The sentence's opening words as the source when the left walk stops short (``top black lawmakers``,
    ``Experts on North Korea``, ``Nearly eight of 10 voters``): at most ten words, no punctuation, no verb
    we know of, no connective, starting with a determiner, a quantifier or a content word."""
    text = masked[lo:pos]
    words = text.split()
    if not 2 <= len(words) <= 14 or _SUBJECT_PUNCTUATION.search(text):
        return None
    lows = [w.lower().strip(".") for w in words]
    if any(w in _VERBISH or (w in NP_BOUNDARY and w not in _SUBJECT_INNER) for w in lows):
        return None
    first = lows[0]
    if STOPWORDS.get(first) in ("function", "weekday", "month") and first not in DETERMINERS and first not in _QUANTIFIERS:
        return None
    if lows[-1] in _SUBJECT_INNER or lows[-1] in DETERMINERS or lows[-1].endswith("ly"):
        return None
    start = lo + len(text) - len(text.lstrip())
    return start, _rstrip(masked, start, pos)


def _possessive_noun_frame(body: str, masked: str, sentence_idx: int, cue: Cue, c_start: int, c_end: int, lo: int, hi: int) -> Frame | None:
    """``hit back at Mr Ortiz's claim that the bridge was unsafe``: a speech noun with a possessor and a
    "that" clause reports the possessor's words. Position "noun": it names no speaker for later pronouns."""
    if cue.category != "speech" or not _THAT_CLAUSE.match(masked, c_end, hi):
        return None
    poss = _POSSESSOR.search(masked, lo, c_start)
    if poss is None:
        return None
    np = _np_before(masked, lo, poss.end(1))
    if np is None:
        return None
    source = _classify_source(body, masked, np[0], np[1], lo)
    c_lo, c_hi = _trim_content(body, _THAT_CLAUSE.match(masked, c_end, hi).end(), hi)
    return Frame(sentence_idx, masked[c_start:c_end], c_start, c_end, source, c_lo, c_hi, None, cue.category, "noun")


_THAT_CLAUSE = re.compile(r"\s+that\s+")
_POSSESSOR = re.compile(r"(\S)['’]s\s+$")


# A US party-and-state tag after a name: "(D-Wis.)", "(R-Ohio)".
_PARTY_TAG_BEFORE = re.compile(r"\s\([RDI]-[A-Z][A-Za-z.]{0,12}\)\s*$")
# The same tag set off by commas, US wire style: "Sen. Dale Whitcomb, R-Idaho, the ranking member ..., said".
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,12}(?: [A-Z][A-Za-z.]{1,12})?")


# An age and a home town after a name: "Mr Jones, 45, of Bristol, said", "Johnnie Wilson, of
# Springfield, Va., said", "Ann Lee, from Leeds, told". Group 1 starts at the comma after the name.
_HOMETOWN_TAIL = re.compile(
    r"(,\s+(?:(?:aged\s+)?\d{1,3},\s+)?(?:of|from)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    r"(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)?),$")


def _person_before_hometown(body: str, masked: str, lo: int, comma: int) -> tuple[int, int] | None:
    """The person named before an age and home town that end at ``comma`` ("Mr Jones, 45, of Bristol,")."""
    hometown = _HOMETOWN_TAIL.search(masked, max(lo, comma - 100), comma + 1)
    if hometown is None:
        return None
    np = _np_before(masked, lo, hometown.start(1))
    return np if np is not None and _names_person(body[np[0] : np[1]].split()) else None


_CONTRACTED_IS = frozenset(("it's", "that's", "here's", "there's", "what's", "who's", "he's", "she's", "let's", "where's"))


# A count before the inner source, which is still the outer clause's subject: "said that 17 intelligence agencies had
# concluded ...", "said most of the senators believe ...".
_COUNT_BEFORE_SOURCE = re.compile(r"(?:(?:at least|more than|fewer than|nearly|almost|about)\s+)?"
                                  r"(?:(?:\d[\d,.]*|all|most|many|some|several|both|two|three|four|five|six|seven|eight|nine|ten|dozens)"
                                  r"(?:\s+of(?:\s+the)?)?\s+)?", re.IGNORECASE)
# The listener's description between commas, before the clause: "told Wade Pruett, the majority whip, that".
_LISTENER_APPOSITIVE = re.compile(r",\s+(?:the|a|an|his|her|its|their)\s[^,;:.!?_]{1,60},(?=\s+that\b)", re.IGNORECASE)
# A sentence's opening phrase of place or time, closed by a comma.
_OPENING_PHRASE = re.compile(r"(?:in|at|on|after|before|during|since|with|for|by|from|under|over|across|inside|outside)\b[^,;:]{0,80},\s*",
                             re.IGNORECASE)
# Words that open a clause of time or reason inside a sentence's opening ("a day after his running mate").
_SUBORDINATORS = frozenset(("after", "before", "when", "while", "since", "until", "because", "although", "though", "than"))


_LEADING_QUOTE = re.compile(r"\s*_+[,.!?]*\s*")


def _after_leading_quote(masked: str, lo: int, limit: int) -> int:
    """Past the quotation a clause opens with ('"...," the deputy trade representative, Daniel Whitcomb, told')."""
    m = _LEADING_QUOTE.match(masked, lo, limit)
    return m.end() if m is not None and MASK in m.group() else lo


def _determined_opening(masked: str, lo: int, comma: int) -> tuple[int, int] | None:
    """The sentence's whole opening phrase up to ``comma`` when a determiner opens it and no comma splits it:
    a role with a prepositional phrase ("The council's cabinet member for environment"), which the walk
    left from the comma stops inside."""
    start = lo + len(masked[lo:comma]) - len(masked[lo:comma].lstrip())
    words = masked[start:comma].split()
    # a capitalised possessive opens a role as a determiner does: "Kingsmere's director of rugby"
    # ("North Dakota's secretary of state": a possessive name of two or three words)
    owner = next((k for k, w in enumerate(words[:3]) if w.endswith(("'s", "’s"))), None)
    possessive = (owner is not None and all(w[:1].isupper() for w in words[: owner + 1])
                  and (owner > 0 or words[0].lower().replace("’", "'") not in _CONTRACTED_IS))
    # ("One of the state's superdelegates, Rep. Alma Treviño, ...": one of a group opens a role as a determiner does)
    one_of = words[:2] == ["One", "of"]
    if not 2 <= len(words) <= 10 or not (words[0].lower() in DETERMINERS or possessive or one_of) or MASK in masked[start:comma]:
        return None
    if (any(ch in masked[start:comma] for ch in ",;:()")
            or any(w.islower() and (_VERB_LIKE.fullmatch(w) or w in _SUBORDINATORS) for w in words)):
        # "This echoed the views of comedian Rita Flynn, who ...", "Vance's remarks came a day after his running
        # mate, Indiana Gov. Russell Pike, said": a clause, not a role
        return None
    return start, _rstrip(masked, start, comma)


_TIME_ADVERBS = frozenset(("once", "formerly", "later", "also", "still", "previously"))  # not "then": "then economic adviser"
# An aside between a name and its cue that opens with a past participle: "Sorensen, reached by phone, insisted",
# "Mr. Faircloth, asked whether ..., said".
# An aside between a source and its cue that says where, when or how it spoke: ", in a statement,", ", at a news
# conference Tuesday,", ", during the debate,".
# (a programme's title in quotation marks may sit in it: ', in an interview with CNN's Paula Reyes on "CNN Newsroom,"')
_ADVERBIAL_ASIDE = re.compile(r"(?<=\w),\s+(?:in|at|during|after|before|on|via|through|over|when|while)\s[^,;:()\"“”]{2,90},\s*$")
ADVERBIAL_ASIDE_REACH = 100
_LOCATIVE_BEFORE = re.compile(r"\b(?:" + "|".join([w for w in _LOCATIVES if " " not in w] + ["throughout"]) + r")\s+$")
_QUANTIFIER_PEOPLE = frozenset("many most some few others several dozens hundreds thousands".split())
# A clause of its own opens after ", and", ", but" or ";": "X called the threat a stunt, and Mr. Brandt, when told of ..., said"
_CLAUSE_JOIN_MARK = r"(?:,\s*(?:and|but)|;)"
_CLAUSE_JOIN_BEFORE = re.compile(_CLAUSE_JOIN_MARK + r"\s*$")
_CLAUSE_JOIN = re.compile(_CLAUSE_JOIN_MARK + r"\s")
_ASIDE_PARTICIPLES = frozenset(("asked", "reached", "pressed", "contacted", "interviewed", "questioned", "approached"))
# A place before a comma, after the preposition that locates it ("in Grand Rapids,", "at Camp David,").
_PLACE_BEFORE_COMMA = re.compile(r"\b(?:" + "|".join(_LOCATIVES + ("from",)) + r")\s+(?-i:[A-Z][\w'’.-]*)(?:\s+(?-i:[A-Z][\w'’.-]*)){0,2}$")
_STATE_ABBREVIATION = r"[A-Z][a-z]{1,4}\.|[A-Z]\.(?:[A-Z]\.)+"  # "Mich.", "N.H."
_STATE_LIKE = re.compile(rf"(?-i:{_STATE_ABBREVIATION}|[A-Z][a-z]+)")  # ... or a word: "Ohio"
# A state after a place, named in full or abbreviated: "in Columbus, Ohio,", "in Manchester, N.H.," (not any capitalised
# word: in "At a rally in Lansing, Whitmer, a Democrat, said" the word after the place is the speaker)
_STATE_AFTER_PLACE = re.compile(
    rf"(?-i:{_STATE_ABBREVIATION}|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware"
    r"|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan"
    r"|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina"
    r"|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah"
    r"|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)")


def _appositive_source(body: str, masked: str, lo: int, pos: int) -> tuple[tuple[int, int], str | None] | None:
    """``Seth G. Jones, a former U.S. military official who ..., told``: the name and the description."""
    found, passed_described = _appositive_walk(body, masked, lo, pos, True)
    if passed_described and (found is None or not _names_person(body[found[0][0] : found[0][1]].split())):
        # the phrase an organisation's description follows was the source after all: "lawyers for Menatep,
        # a group through which ..., said"
        found, _ = _appositive_walk(body, masked, lo, pos, False)
    return found


def _appositive_walk(body: str, masked: str, lo: int, pos: int, pass_described: bool
                     ) -> tuple[tuple[tuple[int, int], str | None] | None, bool]:
    """``_appositive_source``'s walk over the commas before the cue, and whether it passed a comma that closes
    the description of what a phrase before it is of (when ``pass_described``)."""
    left = masked[lo:pos].rstrip()
    if not left.endswith(","):
        return None, False
    inner_end = lo + len(left) - 1
    np = _person_before_hometown(body, masked, lo, inner_end)
    if np is not None:
        return (np, None), False
    commas: list[int] = []  # the last three commas before it, nearest first
    comma = masked.rfind(",", lo, inner_end)
    while comma != -1 and len(commas) < 3:
        before = masked.rfind(",", lo, comma)
        if (before != -1 and _STATE_AFTER_PLACE.fullmatch(masked[before + 1 : comma].strip())
                and _PLACE_BEFORE_COMMA.search(masked, max(lo, before - 60), before)):
            # "Judge Ashby, who has served on the court in Columbus, Ohio, since 2009, said": a place and its state
            # hold two commas that close nothing, and do not count among the three
            comma = masked.rfind(",", lo, before)
            continue
        commas.append(comma)
        comma = before
    opening = _opening_adverbial_end(masked, lo, inner_end)
    # where a role that opens the clause may start: after an opening adverbial ("In a statement, the UN's
    # coordinator in Jakarta, Anneliese Brandt, said") or the quotation before an inverted frame
    head = opening if opening is not None else _after_leading_quote(masked, lo, inner_end)
    passed = False
    for c in commas:
        if opening is not None and c < opening:
            continue  # "After the rally, Tom Ortiz praised ..., saying": that comma closes no name
        appos = masked[c + 1 : inner_end].strip()
        if _STATE_LIKE.fullmatch(appos) and _PLACE_BEFORE_COMMA.search(masked, max(lo, c - 60), c):
            continue  # "during a stop in Grand Rapids, Mich., said": the comma closes a place and its state, not a name
        words = appos.split()
        first_word = words[0].lower() if appos else ""
        if not appos or not (first_word in DETERMINERS or first_word in APPOSITIVE_OPENERS or first_word in TITLE_WORDS
                             or (first_word.endswith("ing") and len(first_word) > 5)  # "Trump, speaking to veterans, said"
                             or first_word in _ASIDE_PARTICIPLES  # "Sorensen, reached by phone, insisted"
                             # "Jalen Ross, now a freshman at the University of Toledo, said", "himself a former coach"
                             or (first_word in _APPOSITIVE_ADVERBS and len(words) > 1
                                 and (words[1].lower() in DETERMINERS or words[1].lower() in TITLE_WORDS))
                             or first_word in ROLE_MODIFIERS or appos[:1].isupper()
                             or (appos.isdigit() and len(appos) <= 3)  # an age: "Quina Jones, 25, said"
                             # a title after a noun or two in lower case: "Tom Roe, sales director at Acme, said",
                             # "Deborah Yanez, public works director for the city, said"
                             or (len(words) > 1 and words[0].isalpha() and words[0].islower()
                                 and words[1].lower() in TITLE_WORDS)
                             # ("Yukos, once the owner of ..., said" has no title after nouns)
                             or (len(words) > 2 and all(w.isalpha() and w.islower() and w not in DETERMINERS
                                                        and w not in _TIME_ADVERBS for w in words[:2])
                                 and words[2].lower() in TITLE_WORDS)):
            continue
        # "Donna Rawlings, 59, of Ashton, Md., who watched ..., said": the town is no source
        np = _person_before_hometown(body, masked, lo, c)
        if np is not None:
            return (np, _role_from_appositive(body, c + 1, inner_end)), passed
        tag = _PARTY_TAG_BEFORE.search(masked, max(lo, c - 24), c)
        np = _np_before(masked, lo, tag.start() if tag else c)  # "Rep. Gwen Moore (D-Wis.), a member of ..."
        if np is not None and body[np[0] : np[1]].isdigit() and len(body[np[0] : np[1]]) <= 3:
            # "Linda Carraway, 61, a retired schoolteacher, said": the age after the name, then the description
            age_comma = masked.rfind(",", lo, np[0])
            np = _np_before(masked, lo, age_comma) if age_comma != -1 else None
        np_words = body[np[0] : np[1]].split() if np is not None else []
        if (np_words and not tag and not np_words[0][:1].isupper()
                and (np_words[0].lower() in DETERMINERS or not any(w[:1].isupper() for w in np_words))):
            # the walk stopped inside the phrase; "comedian Rita Flynn, who ..." names a person already
            np = _determined_opening(masked, head, c) or np  # "The cabinet member for environment, Derek Pryce, said"
        if np is not None and _last_word(masked, lo, np[0]) == "and" and _last_word(masked, lo, np[0] - 4)[:1].isupper():
            # "A spokeswoman for Immigration and Customs Enforcement, Lorraine Petty, said": the walk stopped
            # inside an organisation's name, which ends the role that opens the clause
            np = _determined_opening(masked, head, c) or np
        if np is not None and _PARTY_TAG.fullmatch(body[np[0] : np[1]]) and _ends_in_comma(masked, lo, np[0]):
            np = _np_before(masked, lo, _rstrip(masked, lo, np[0]) - 1)  # the name the tag follows
        if np is None:
            continue
        if _PARTICIPLE_OBJECT_BEFORE.search(masked, max(lo, np[0] - 24), np[0]):
            # "A super PAC backing Ruiz, Silver State Forward, announced", "A lawyer representing Ortiz, Ann Lyle,
            # said": the name is what the phrase opening the clause backs or represents; the phrase is the source
            # (with no determiner too: "Dozens of parents backing Superintendent Maria Diaz, some holding signs, told")
            opening_words = masked[head:c].split()
            if not opening_words or len(opening_words) > PARTICIPLE_OPENING_MAX_WORDS or any(ch in masked[head:c] for ch in ",;:"):
                continue
            start = head + len(masked[head:c]) - len(masked[head:c].lstrip())
            np = (start, _rstrip(masked, start, c))
        if (pass_described and not passed and _last_word(masked, lo, np[0]).lower() in ("of", "at", "for", "with")
                and not _names_person(body[np[0] : np[1]].split())):
            # "Laurent Berthier, general secretary of the CGT union, the largest among rail workers, said": that phrase
            # describes the union, and a name before an earlier comma speaks
            passed = True
            continue
        if _place_after_in(masked, np[0], body[np[0] : np[1]]):
            # "A longtime poll worker in Ashland Falls, who ..., said": a place closes the phrase, which speaks
            np = _determined_opening(masked, head, c) or np
        first = body[np[0] : np[1]].split()[0]
        if (first.lower() in DETERMINERS and len(words) <= 2 and all(w[:1].isupper() for w in words)
                and _last_word(masked, lo, np[0]).lower() in _PREPOSITIONS and not _valid_person(split_name(words)[1], False)):
            continue  # "a political scientist at the University of Nevada, Reno, said": the town is the place's
        if not (first[:1].isupper() or first.lower() in DETERMINERS):
            # "comedian Chris Rock, who ..., said": a title in lower case opens a name too, but not a bare
            # office ("Alain Terzian, president of Cesar organisers, the Academie ..., said")
            if not ((first.lower() in TITLE_WORDS or first.lower() in ROLE_MODIFIERS)
                    and _valid_person(split_name(body[np[0] : np[1]].split())[1], False)):
                # ... unless the clause opens with a role that ends in its place: "the United States attorney
                # for New Jersey, Marisa Colangelo, said" (the walk stopped at "attorney for New Jersey")
                opening = _determined_opening(masked, head, c)
                if opening is None or not _TITLE_RE.search(body[opening[0] : opening[1]]):
                    continue
                np, first = opening, body[opening[0] : opening[1]].split()[0]
        name_start = c + 1 + (len(masked[c + 1 : inner_end]) - len(masked[c + 1 : inner_end].lstrip()))
        name_end = inner_end
        party = _PARTY_TAG_BEFORE.search(masked, max(lo, inner_end - 24), inner_end)
        if party is not None and party.start() > name_start:
            name_end = party.start()  # "Its chair, Rep. Boyd Carrick (R-Texas), told": the tag is not the name
        of_org = _OF_DESCRIBED_ORG.search(masked, name_start, name_end)
        if of_org is not None:
            name_end = of_org.start()  # "Tomas Berzins of investment firm Silverline Capital": the name, then where
        name_tokens = body[name_start:name_end].split()
        np_is_role = not _valid_person(split_name(body[np[0] : np[1]].split())[1], False) and (
            _TITLE_RE.search(body[np[0] : np[1]]) or _POSSESSIVE_DESCRIPTION.search(body[np[0] : np[1]]))
        if (first.lower() in DETERMINERS or np_is_role) and _valid_person(split_name(name_tokens)[1], False):
            # "The state's campaign chairman, Phil Lovas, said": the name is the speaker, the phrase the role
            return ((name_start, name_end), clean_role(body[np[0] : np[1]])), passed
        if first.lower() in DETERMINERS and _ends_in_comma(masked, lo, np[0]):
            # "Mr Smith, the party leader, speaking in Leeds, said": the phrase is itself an appositive of a name
            comma = _rstrip(masked, lo, np[0]) - 1
            outer = _np_before(masked, lo, comma)
            words = body[outer[0] : outer[1]].split() if outer is not None else []
            if _names_person(words):
                return (outer, clean_role(body[np[0] : np[1]])), passed
        return (np, _role_from_appositive(body, c + 1, inner_end)), passed
    return None, passed


PARTICIPLE_OPENING_MAX_WORDS = 12
# A participle right before a name makes the name its object: "a super PAC backing Ruiz", "a group supporting Ortiz".
_OBJECT_PARTICIPLES = r"(?:backing|supporting|opposing|representing|funding|targeting|endorsing)"
_PARTICIPLE_THEN_NAME = re.compile(rf"\b{_OBJECT_PARTICIPLES}\s+(?:[A-Z][\w'’.-]*\s+){{0,4}}[A-Z][\w'’.-]*$")
_PARTICIPLE_OBJECT_BEFORE = re.compile(rf"(?<![\w'’-]){_OBJECT_PARTICIPLES}\s+$")
# "of investment firm Silverline Capital" after a name: what the person is of, described, then named
_OF_DESCRIBED_ORG = re.compile(r"\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}[A-Z][^,]*$")
# The description after a name, to its closing comma ("a senior economist at the Kanto Research Institute, ").
_APPOSITIVE_END = re.compile(r"(?:an?|the)\s[^,;:\"“”]{2,100},\s*")
_ROYAL_TITLES = "Prince|Princess|King|Queen|Pope|Emperor|Empress|Duke|Duchess|Saint|St"
_TITLED_BEFORE = re.compile(r"\b[A-Z][\w'’.]+\s+$")
_NOBLE_OF_AFTER = re.compile(r"\s+of\s+[A-Z]")
# "Renee Whitcombe's brother", "the company's new chief": a person described through another
_POSSESSIVE_DESCRIPTION = re.compile(r"(?:'s|’s)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*$")
# Compiled here, not at each call: ``re.match(pattern, ...)`` looks the pattern up in the module's cache every time.
_DESCRIBED_AS = re.compile(
    r"(?:who|whom)\b.*?\b(?:described|called|referred to|known|identified)\s+(?:him|her)?\s*as\s+[\"\u201c'\u2018](.+?)[,]?[\"\u201d'\u2019]?$")
_RELATIVE_OPENER = re.compile(r"(?:who|whom|which)\b")
_RELATIVE_OR_COMMA = re.compile(r"\s+(?:who|whom|which|that)\s+|,")
_INDEFINITE = re.compile(r"^(?:a|an)\s+")


def _role_from_appositive(body: str, start: int, end: int) -> str | None:
    text = body[start:end].strip().rstrip(",")
    m = _DESCRIBED_AS.match(text)
    if m:
        return m.group(1).strip().rstrip(",")
    if _RELATIVE_OPENER.match(text):
        return None
    text = _RELATIVE_OR_COMMA.split(text)[0].strip()
    first = text.split(None, 1)[:1]
    if first and first[0].lower() in _PREPOSITIONS:
        return None  # "Huaxin, in a statement posted on its official account, said": an aside, not a role
    text = _INDEFINITE.sub("", text)
    if not _TITLE_RE.search(text) or len(text.split()) > 10:
        return None
    return text


_SOURCE_AFTER = re.compile(
    r"\s+((?:(?:the|a|an|his|her|its|their)\s+)?(?:[A-Za-z][\w'’.\-]*\s+){0,6}?[A-Z][\w'’.\-]*|"
    r"(?:the|a|an|his|her|its|their)\s+(?:[\w'’\-]+\s+){0,4}?[\w'’\-]+)"
    # "said Mr. Burman", "said Charles B. Rangel": the full stop of an honorific or an initial ends no source
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bProf)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)"
    r"(?<!\bCol)(?<!\bLt)(?<!\bSgt)(?<!\bCapt)(?<!\bAdm)(?<!\bDel)(?<!\bRev)(?<![^\w.][A-Z])"
    r"(?=\s*(?:[,.;:!?(]|$|\s+(?:in|on|at|of|during|according|adding|who|when|after|before|as|told|last|this|yesterday)\b))")


# The name after an inverted source that is a role: '"...," said its director general, Margaret Colley.'
_NAME_AFTER_ROLE = re.compile(r",\s+((?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’\-]+)(?=\s*(?:[.;!?]|$))")


def _np_after(body: str, masked: str, pos: int, limit: int) -> tuple[int, int] | None:
    """Inverted source: ``..." said Mr Blair`` / ``said the ministry``."""
    m = _SOURCE_AFTER.match(masked[pos:limit])
    if not m:
        return None
    words = m.group(1).split()
    if any(w.lower() in NP_BOUNDARY and w.lower() not in ("of", "for") for w in words):
        return None
    if any(w.islower() and _AUXILIARY.fullmatch(w) for w in words):
        return None  # "..., said her department was counting on it": a clause follows the cue, no inverted source
    if any(set(w) == {MASK} for w in words):
        return None
    return pos + m.start(1), pos + m.end(1)


# (no listener opens with "that": in "warned that families would face choices about whether to rebuild" the
# clause follows the cue, and "whether" is inside it)
_LISTENER = re.compile(r"\s+(?!that\b)((?:[\w'’.\-&]+\s+){0,11}?[\w'’.\-&]+?)(?=\s*(?:\bthat\b|\bwhether\b|:|,|[.;!?]|$))")
_LISTENER_WORD = re.compile(r"\s+((?:the\s+)?[A-Za-z][\w'’.\-&]*)")


# A modal inside what would be the listener ("told CNN the version would still cost families ___ for a device that
# costs little"): the listener has ended and the reported clause begun, unless a relative clause holds it.
_MODAL_IN_LISTENER = re.compile(r"\b(?:would|will|could|should|might|must|can)\b")
_RELATIVE_IN_LISTENER = re.compile(r"\b(?:who|which|whom)\b")


def _audience_after(masked: str, pos: int, limit: int) -> tuple[int, int] | None:
    m = _LISTENER.match(masked[pos:limit])
    if m and _MODAL_IN_LISTENER.search(m.group(1)) and not _RELATIVE_IN_LISTENER.search(m.group(1)):
        short = _short_audience(masked, pos, limit)  # "told CNN the version would": the listener is short
        if short is not None:
            return short
    if m and not any(w in CUES for w in m.group(1).split()):
        return pos + m.start(1), pos + m.end(1)
    m = _LISTENER_WORD.match(masked[pos:limit])
    if m:
        return pos + m.start(1), pos + m.end(1)
    return None


# Between a cue and its clause: "said repeatedly that", "said in a statement that", "said "repeatedly" that".
_COMPLEMENT_SKIP = re.compile(
    # "insisted, most recently in an interview with ABC News, that", "cautioned, as did the campaign itself, that":
    # a phrase between commas, then "that", is an aside before the reported clause
    r"(?:,\s+(?:as|like|unlike|most|more|also|again|once|however|though|too|in|at|on|during|after|before|with|for|from|to|"
    r"among|amid|including|speaking|writing|then|later|earlier|repeatedly|privately|publicly)\b[^,;:.!?_]{0,90}?"
    r"(?:,[^,;:.!?_]{1,30}?)?(?=,\s+that\b)|,?\s+(?:(?:recently|repeatedly|later|again|also|publicly|privately|earlier|yesterday|today|afterwards?)(?![\w'’-])"
    r"|(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?!(?:\s+(?:morning|afternoon|evening|night))?['’])(?:\s+(?:morning|afternoon|evening|night))?(?![\w'’-])"
    r"|(?:last|this)\s+(?:week(?:end)?|month|year|night)(?![\w'’-])|in\s+(?:a|an|the|his|her|its|their)\s+"
    r"(?:(?:written|joint|televised|radio|television|telephone|phone|press|news|BBC)\s+)?"
    r"(?:statement|interview|letter|speech|report|briefing|conference|report|article|blog|post|email|tweet|op-ed|memo)s?(?![\w'’-])"
    # ... and what the document was: "in a statement released by his office", "in a letter accompanying the report"
    r"(?:\s+(?:released|issued|posted|published|sent|distributed|accompanying|obtained|seen|filed)\b[^,;:.!?_]{0,60}?(?=\s*[,.;!?]|\s+that\b))?"
    r"|_+(?=\s*,?\s*that\b)"
    r"|(?:instead|flatly|bluntly|separately|openly|frankly|only|simply|merely)(?=\s+that\b)"  # "said instead that", "said only that"
    # "says at a campaign stop in Toledo, Ohio, that", "said after the convention he would"
    # (not "said, before adding that": a second report of the same speaker, not an adjunct of the first)
    r"|(?:at|in|on|during|after|before|from|to|with|since|for|throughout|through|via)\s+(?!(?:adding|saying|noting|insisting|arguing|claiming"
    r"|stressing|explaining|warning|telling|suggesting|acknowledging|admitting|declaring)\b)[^,;:.!?_]{1,60}?(?:,[^,;:.!?_]{1,25}?)?(?=,?\s+that\b)"
    # a show's title in quotes: 'said on CNV's "Morning Briefing" that'
    r"|(?:on|in)\s+(?:(?-i:[A-Z])[\w.’'&-]*\s+){0,2}(?-i:[A-Z])[\w.’'&-]*(?:['’]s)?\s+_+(?=\s+that\b)"
    r"|(?:after|before|during|at|in|on)\s+(?:the|a|an|his|her|its|their|this|last)\s+[\w'’\-]+(?:\s+[\w'’\-]+)?"
    r"(?=\s+(?:he|she|they|we|i|it)\s)))*"
)
# "said about 20 people were hurt", "said as many as 25 Republicans remained", "said at least two Democrats were":
# an estimate opens the clause, not a topic or an adjunct ("said about the plan", "said as he left", "said at
# the rally"). Only after a cue that takes a forecast as its object ("predicting as much as 2% this time around")
# must a verb follow it.
_ABOUT_A_NUMBER = re.compile(
    r"\s*(?:about|as (?:many|much|few|little) as|at (?:least|most))\s+"
    r"(?:\$|£|€)?(?:\d|(?:a|one) (?:third|half|quarter|fifth|dozen|handful|majority|minority)\b|half\b|two-thirds\b|"
    r"three-quarters\b|(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozens|hundreds|thousands|millions|several)\b)",
    re.IGNORECASE)
_FORECAST_CUES = frozenset(("predict", "expect", "forecast", "estimate", "project", "anticipate"))
# A forecast's clause without "that" holds a finite verb, a modal almost always ("predicted the party would win").
_FINITE_AUXILIARIES = "is|are|was|were|will|would|could|can|should|might|may|must|has|have|had"
_AUXILIARIES = rf"{_FINITE_AUXILIARIES}|does|do|did"  # and the finite forms of "do"
_FINITE_IN_FORECAST = re.compile(rf"\b(?:{_AUXILIARIES}|won['’]t|wouldn['’]t|can['’]t|couldn['’]t)\b")
_ESTIMATE_THEN_VERB = re.compile(rf"\b(?:{_AUXILIARIES})\b|\b[a-z]{{3,}}ed\b")
# A bare "clause" starting with these is an adjunct, not reported content ("said as he unveiled ...").
_ADJUNCT_OPENERS = frozenset("as when while after before during in at on of about to for with by from since until shortly against".split())
_DANGLING = frozenset("which whom who whose what that the a an of to and or but as if than with by for from in on at".split())
# A clause ending its sentence with one of these ends in a verb particle ("they plan to tune in."), not cut short.
_PARTICLES = frozenset("in on".split())

# The words of an adjunct, "2 a.m." included (its full stops end no sentence).
_ADJUNCT_WORDS = r"(?:[^.;!?]|\b[ap]\.m\.(?=[\s,]|$))*"
_TRAILING = re.compile(
    rf"^[\s,]*(?:(?:late|early|on|in|at(?!\s+(?:least|most)\b)|during|shortly|while|after|before|when|adding|according)\b{_ADJUNCT_WORDS}"
    rf"|as\s+(?:he|she|they|it|we|i|the|a|an|his|her|their|its)\b{_ADJUNCT_WORDS}"  # "..., she said, as they left" 
    # "this week" trails a frame; "he feels this promise has ..." opens its clause
    rf"|(?:last|this)\s+(?:week|weekend|month|year|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)(?!['’])\b{_ADJUNCT_WORDS}"
    rf"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?!(?:\s+(?:morning|afternoon|evening|night))?['’])\b{_ADJUNCT_WORDS}"
    r"|(?:yesterday|today|tonight|earlier|later|again|too|also)(?:\s+(?:this|last|on)\s+\w+)?)?[.!?]*\s*$"
)


def _ends_in_particle(body: str, end: int, hi: int) -> bool:
    words = body[max(0, end - 40) : end].split()[-2:]
    # the word before is a verb in lower case ("tune in"), not a name ("call Sergeant Keith McDonald on")
    return (len(words) == 2 and words[1].lower() in _PARTICLES and words[0].islower() and words[0].isalpha()
            and not body[end:hi].strip(" .!?\"'\u201d\u2019\n"))


_NUMBER_BEFORE = re.compile(r"(?<![\d,.])\b(?:\d[\d.]*|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million)\s+$")
# An uninflected cue after a possessive or a determiner is a noun ("Mr Ortiz's claim that").
_NOUN_BEFORE = re.compile(r"(?:['’]s|\b(?:the|a|an|his|her|its|their|our|this|that))\s+$", re.IGNORECASE)
# ... or after "a" and a modifier or two: "took a less charitable view", "a similar claim" (a singular subject
# would take "claims"; not after "the": "the police say", "the unions argue").
_MODIFIED_NOUN_BEFORE = re.compile(
    rf"\b(?:a|an)\s+(?:(?!(?:{_AUXILIARIES}|to|not|never|also|and|or|who|which|that)\b)[a-z]+\s+)?"
    r"(?!(?:he|she|they|we|i|you|it|[a-z]*[^s\W]s)\s)[a-z]+\s+$")  # (a plural last: "a move ministers say should ...")
_POSSESSOR_OF_NAME = re.compile(r"['’]s?\s+[A-Z]")
# A word that is (most likely) a verb: a speech cue or a lower-case past tense ("accused", "backed", "told").
_VERB_LIKE = re.compile("|".join([r"[a-z]+ed", *sorted((re.escape(f) for f in CUES if " " not in f), key=len, reverse=True)]))
# A participle after a possessive or an article is an adjective ("Mr Bush's proposed spending", "its planned budget");
# not after "that", which may be a relative pronoun ("a report that showed ..."), nor after a contracted "has".
_CONTRACTED_BEFORE = "".join(rf"(?<!\b{w})" for w in ("he", "she", "it", "that", "who", "there", "what", "here", "where", "let"))
_ADJECTIVE_BEFORE = re.compile(
    rf"(?:{_CONTRACTED_BEFORE}['’]s|\b(?:the|a|an|his|her|its|their|our))\s+$",
    re.IGNORECASE)  # "He's claimed that ...": a contracted "has", no possessive
# A possessive or an article (and "own") before a form in -s: a plural noun ("their own demands"); not "that" or
# "this", after which a verb may follow ("a report that says").
_PLURAL_NOUN_BEFORE = re.compile(rf"(?:{_CONTRACTED_BEFORE}['’]s|\b(?:the|his|her|its|their|our|your|my))(?:\s+own)?\s+$", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.IGNORECASE)
_REFUSED_BEFORE = re.compile(r"\b(?:declined|declines|declining|refused|refuses|refusing)\s+to\s+$", re.IGNORECASE)
_PART_OF_WHOM = re.compile(
    r"\b((?:many|some|most|all|none|several|both|few|each|one|two|three|half|dozens|hundreds)\s+of\s+whom)\s*$", re.IGNORECASE)
# Speech and belief nouns with a possessor and a "that" clause (verb forms such as "claim" are cues already).
_SPEECH_NOUN = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(assertion|argument|statement|suggestion|warning|view|belief|conclusion|insistence|contention|"
    r"allegation|accusation|prediction|admission|acknowledgment|acknowledgement|assurance|promise|pledge|message|"
    r"position|opinion|explanation|announcement|remark|comment|complaint|theory|assessment)\s+that\s+")
# A finite verb we know or a past form ends an infinitive that is part of the sentence's subject.
_MAIN_VERB = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|could|[a-z]{3,}ed)\b")
# Intention nouns with a possessor and an infinitive ("the senator's decision to skip the vote"): the possessor's stance.
_INTENT_NOUN = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(decision|determination|plan|plans|promise|promises|pledge|vow|refusal|threat|"
    r"bid|push|proposal|eagerness|willingness|desire|intention|effort|efforts)\s+(?=to\s+[a-z])")
_CLAUSE_OPENER = re.compile(r"\s*(?:that\b|:|,)")
_AUDIENCE_CLOSER = re.compile(r"\s*(?:that\b|:|to\b|whether\b)")
_COMPLEMENTISER = re.compile(r"\s*(?:,\s*)?(?:that\b|:|,)?\s*")
# "that", a colon, or a comma before a quotation: the clause is marked as reported content
_COMPLEMENT_MARK = re.compile(r"\s*(?:,\s*)?(?:that\b|:)|\s*,\s*" + MASK)
_COMMA = re.compile(r"\s*,")
_FIRST_WORD = re.compile(r"\s*([\w'’]+)")
_WH_WORD = re.compile(r"\s*(?:what|when|where|why|how|who|whether)\b")
_IF_WORD = re.compile(r"\s*(?:whether|if)\b")
# Cues whose wh- or if-clause is an indirect question ("asked whether the deal would hold"): a speech act, since
# what was asked is not what was said; "explained how the levy works" reports a statement.
_QUESTION_CUES = frozenset({"ask", "wonder", "question"})
_LOWER_WORD = re.compile(r"[a-z][a-z\-]*(?:['’]s)?")


# "video shows were cancelled": a finite verb right after the -s form makes it a plural noun.
_FINITE_AFTER = re.compile(r"\s+(?:were|are|was|is|have|has|had|will|would|could|can|did|do)\b")


def _possessor_source(body: str, masked: str, lo: int, possessive: int) -> Source | None:
    """The possessor of a noun frame ("Judge Nervo's conclusion that"), its "'s" starting at ``possessive``."""
    if possessive <= lo or masked[possessive - 1].isspace():
        return None
    np = _np_before(masked, lo, possessive)
    return None if np is None else _classify_source(body, masked, np[0], np[1], lo)


# Verbs reporting what a document found, and the nouns naming such documents ("a new analysis of filings shows").
_EVIDENCE_CUES = frozenset({"show", "find", "suggest", "indicate", "reveal"})
_EVIDENCE_NOUNS = frozenset(
    "poll polls survey surveys analysis analyses study studies report reports data figures average averages video "
    "footage documents records research audit review filings results statistics pictures images photographs photos "
    "tests minutes e-mails emails evidence papers accounts".split())
# Evidence verbs that report only a document's finding or a "that" clause: "show" is far more often a noun ("the new
# show will", "talk show host") or a display of form ("Rooney showed his class") than a report.
_EVIDENCE_ONLY_CUES = frozenset({"show"})
# Words in -ing that are no participle before a document noun ("a poll taken during the debate").
_ING_NOUNS = frozenset("during polling ongoing following morning evening funding spending housing training hearing briefing".split())
_SUBJECT_BREAK = re.compile(r"[,;:()]|\b(?:that|after|before|because|while|as|when|and|but|if|since|although|though|whether|where)\b")


def _evidence_subject(masked: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The subject phrase of an evidence verb when it names a document: back to the last clause break."""
    start = max(lo, pos - 160)
    breaks = list(_SUBJECT_BREAK.finditer(masked, start, pos))
    if breaks:
        start = breaks[-1].end()
    elif start > lo:
        return None
    words = masked[start:pos].split()
    if not 1 <= len(words) <= 14 or MASK in masked[start:pos]:
        return None
    lows = [w.lower().strip(".’'") for w in words]
    if lows[0] in PRONOUNS or any(w in _VERBISH for w in lows) or not any(w in _EVIDENCE_NOUNS for w in lows):
        return None
    head = next(i for i, w in enumerate(lows) if w in _EVIDENCE_NOUNS)
    if any(w.endswith("ing") and len(w) > 5 and w not in _ING_NOUNS for w in lows[:head]):
        return None  # "Detectives studying the images found": the images are the participle's object

    s = start + len(masked[start:pos]) - len(masked[start:pos].lstrip())
    return s, _rstrip(masked, s, pos)


# Verbs that pass their subject on to an infinitive cue ("continues to insist that", "appeared to suggest that",
# "has yet to explain why"): the source stands before them. Verbs of will or refusal ("declined to say") are
# not here: what they embed is not reported.
_RAISING_BEFORE = re.compile(
    r"\b(?:continue[sd]?|appear(?:s|ed)?|seem(?:s|ed)?|(?:went|goes|go) on|began|begins|(?:has|have|had) yet|tend(?:s|ed)?)\s+to\s+$")
_CLAUSE_LINK_BEFORE = re.compile(r"(?:,|\bwhile|\band|\bafter|\bbefore|\bas|\bdespite)\s*$")
# A relative clause after a phrase, up to the comma before the cue: ", which held the Giants to 58 yards, saying"
_RELATIVE_CLAUSE_AFTER = re.compile(r"\s*,\s+(?:which|who|whose|where)\b[^;:_]*,\s*$")
# A message the subject sent, right before a participle cue: "posted a message on his blog saying ..."
_MEDIUM_BEFORE_ING = re.compile(r"(?:\s*,[^,;:_]{1,80},)?\s+(?:(?:also|later|then|has|have|had)\s+)?"
                                r"\b(?:posted|sent|issued|released|published|wrote|put out|tweeted|shared|left)\s+(?:a|an|the|his|her|its|their)\s+"
                                r"(?:[\w-]+\s+){0,2}(?:message|statement|post|tweet|letter|video|note|e-?mail|blog post|press release)"
                                r"(?:\s+(?:on|to|in)\s+[^,;:_]{1,40})?\s*$")
_BY_BEFORE = re.compile(r"\bby\s*$")
# "by telling them that", "by asking: ...": a clause or a quotation follows ("by recalling nine players" is no report)
_REPORT_FOLLOWS = re.compile(r"(?:\s+[\w'’]+){0,3}?\s*(?:that\b|:|,?\s*_)")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been)\s+(?:\w+ly\s+)?$")


# The people a survey asked, named by a participle after them: "those questioned said", "voters polled for the
# Sunday Times say", "of the 500 people asked, 60% said". The participle is no cue of its own, and the phrase it
# ends is the subject of the cue that follows it.
_SURVEYED = r"(?:questioned|asked|polled|surveyed|interviewed|quizzed|contacted|consulted|sampled|canvassed)"
_SURVEYED_PEOPLE = re.compile(
    r"\b(?i:those|people|respondents|(?!(?:was|is|has|does|this|his|its|us|as|thus|less|unless)\b)[a-z]+s|\d[\d,]*)\s+(" + _SURVEYED + r")(?:\s+(?:for|by|in|about|on|at)\s+[^,;:()]{1,40}?)?\s*$")
_SURVEYED_THEN_VERB = re.compile(
    r"(?:\s+(?:for|by|in|about|on|at)\s+[^,;:()]{1,40}?)?\s+(?:said|say|says|thought|think|thinks|believed|believe|believes"
    r"|felt|feel|feels|agreed|agree|expected|expect|wanted|want|backed|back|admitted|claimed|were|was|are|is|had|have"
    r"|would|will|could|did|do)\b")
_SURVEYED_FORM = re.compile(_SURVEYED + "$")
# "Barely 5% of", "A total of 53% of", "nearly half", "the majority of", "2,000": how many of the people said it.
_SHARE_OF = re.compile(
    r"(?:\b(?:[Aa] total of|[Bb]arely|[Aa]lmost|[Nn]early|[Ss]ome|[Jj]ust|[Oo]nly|[Oo]ver|[Mm]ore than|[Ll]ess than|[Ff]ewer than)\s+)?"
    r"(?:\b\d[\d.,]*%|\b\d[\d.,]* per ?cent|\b(?:[Hh]alf|[Mm]ost|[Mm]any|[Ss]ome|[Aa] (?:third|quarter|fifth|majority|minority)"
    r"|[Tt]wo-thirds|[Tt]hree-quarters|[Oo]ne in \w+|(?:[Tt]he|[Aa]) (?:vast )?majority)|\b\d[\d,]*)\s+(?:\([^()]{1,12}\)\s+)?(?:of\s+)?$")


# People named by where they are: "Officials in Kabul said", "Doctors at the hospital said", "the agency's teams
# on the ground had reported". The walk left from the cue stops at the preposition, and the place would speak.
_GROUP_BEFORE_PLACE = re.compile(
    r"\b(officials|residents|people|doctors|analysts|teams?|workers|staff|experts|sources|witnesses|police|officers"
    r"|scientists|researchers|campaigners|protesters|activists|leaders|members|executives|economists|diplomats|traders"
    r"|engineers|inspectors|villagers|locals|families|parents|teachers|students|nurses|pupils|fans|farmers|lawyers"
    r"|prosecutors|investigators|volunteers|voters|critics|observers|insiders|aides|advisers|managers|bosses|employees"
    r"|commanders|troops|soldiers|rescuers|firefighters|paramedics|medics|monitors|correspondents|reporters|journalists)"
    r"\s+(?:in|at|on|of|from|near|inside|outside|across|around|within)\s+$", re.IGNORECASE)


def _group_of_place(masked: str, lo: int, np: tuple[int, int] | None) -> tuple[int, int] | None:
    """The source phrase ``np`` widened over "GROUP in/at/on PLACE" when the walk took only the place."""
    if np is None:
        return None
    m = _GROUP_BEFORE_PLACE.search(masked, max(lo, np[0] - 40), np[0])
    if m is None:
        person = _PERSON_OF_BODY_IN.search(masked, max(lo, np[0] - 120), np[0])
        if person is not None:
            named = _np_before(masked, lo, person.end(1))
            if named is not None and _names_person(masked[named[0] : named[1]].split()):
                return named  # "Judge Evelyn R. Marsh of the Federal District Court in San Francisco wrote"
        return np
    group = _np_before(masked, lo, m.end(1))
    return (group[0], np[1]) if group is not None else (m.start(), np[1])


# A person, the body the person is of, then the place the body is in: the walk left from the cue took the place.
_PERSON_OF_BODY_IN = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*)\s+of\s+(?:the\s+)?"
                                r"(?:[\w'’.&-]+\s+){1,6}?(?:in|at)\s+$")


_OBJECT_PREPOSITION_BEFORE = re.compile(r"\s(?:to|for|with)\s+$")


def _with_head_before_preposition(masked: str, lo: int, np: tuple[int, int] | None) -> tuple[int, int] | None:
    """The phrase ``np`` with the speaker's noun a preposition ties it to: "A senior adviser to Mercer, who was not
    authorized to speak, said": the adviser speaks, not Mercer."""
    if np is None or (prep := _OBJECT_PREPOSITION_BEFORE.search(masked, max(lo, np[0] - 6), np[0])) is None:
        return np
    held = _np_before(masked, lo, prep.start())
    # (not after a name and its comma: "Scott Stanzel, a spokesman for the campaign said" names him, its comma missing)
    if (held is not None and not masked[held[1] : prep.start()].strip() and _speaker_noun(masked[held[0] : held[1]])
            and not _ends_in_comma(masked, lo, held[0])):
        return held[0], np[1]
    return np


def _surveyed_subject(masked: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The subject ending at ``pos`` when it ends in a survey's participle ("most of those questioned")."""
    m = _SURVEYED_PEOPLE.search(masked, max(lo, pos - 70), pos)
    if m is None:
        return None
    np = _np_before(masked, lo, _rstrip(masked, lo, m.start(1)))
    start = m.start() if np is None else np[0]  # "those" is a phrase of its own only here
    share = _SHARE_OF.search(masked, max(lo, start - 40), start)
    return (share.start() if share else start), _rstrip(masked, lo, pos)


def find_frames(seg: Segmentation, masked: str, sentence_idx: int, cue_matches: Sequence[re.Match] | None = None) -> list[Frame]:
    """Attribution frames of one sentence; ``cue_matches`` are its cue matches when already found."""
    sent = seg.sentences[sentence_idx]
    lo, hi = sent.char_start, sent.char_end
    body = seg.body
    frames: list[Frame] = []
    for m in _cue_matches(masked, lo, hi) if cue_matches is None else cue_matches:
        form = m.group(1)
        cue = CUES[form]
        c_start, c_end = m.start(1), m.end(1)
        if form.split()[0] in _ASIDE_PARTICIPLES and _ends_in_comma(masked, lo, c_start):
            continue  # "Mayor Steve Adler, asked about the vote, said": an aside about the speaker, who speaks later
        if cue.lemma == "post" and not _POSTED_THAT.match(masked, c_end, hi):
            continue  # "posted a message on his blog saying ...": the participle reports, "posted on X that" does
        if (masked[c_end : c_end + 4].startswith((" to ", " for ", " at ", " by ", " on ", " about", " up ", " off ", " out "))
                and cue.lemma not in ("point out",) and not _reports_opening_quotation(masked, lo, c_start)):
            if (cue.lemma not in ("say", "add", "write", "report", "post") and not (cue.lemma in _INFINITIVE_CUES and masked.startswith(" to ", c_end))
                    and not _WHEN_OR_WHERE_THEN_THAT.match(masked, c_end, hi)):
                continue
        evidence = (_evidence_subject(masked, lo, c_start)
                    if cue.lemma in _EVIDENCE_CUES and not _FINITE_AFTER.match(masked, c_end, hi) else None)
        if evidence is not None and form.endswith("ing") and not masked[lo : evidence[0]].strip():
            continue  # "A report showing rising rents was published": the report is the sentence's subject
        if evidence is not None:
            # "The average of polls taken over two weeks shows Clinton ahead": a document's findings
            source = _classify_source(body, masked, evidence[0], evidence[1], lo)
            # a document's finding is often a noun phrase ("found 31 cases of fraud", "indicates a tightening
            # race"): what a poll finds is its content even without a clause, unlike what a person finds
            noun_finding = cue.category != "object" and not _bare_clause_follows(masked, c_end + 1, hi)
            found = Cue(cue.form, cue.lemma, "object", cue.audience, cue.bare_clause) if noun_finding else cue
            frames.append(_make_frame(seg, masked, sentence_idx, found, c_start, c_end, c_end, source, None, lo, hi, inverted=False))
            continue
        if cue.lemma in _EVIDENCE_ONLY_CUES and not _THAT_CLAUSE.match(masked, c_end, hi):
            continue  # "the new show will", "crime show CSI", "Rooney showed his class": no document, no "that", no report
        if (form.endswith("s") and form != "says" and not _CLAUSE_OPENER.match(masked, c_end, hi)
                and not _few_words_after_comma(masked[lo:c_start], 4) and not _third_person_verb(masked, lo, c_start, c_end, hi, cue)):
            continue  # "member states", "the reports": plural nouns unless they introduce a clause
        if masked[max(c_start - 3, 0) : c_start] == "so-":
            continue  # "so-called"
        if _THAN_BEFORE.search(masked, max(lo, c_start - 40), c_start):
            continue  # "higher than she had expected", "faster than analysts predicted": a comparison reports nothing
        participle_end = c_start + len(form.split()[0])
        if (_SURVEYED_FORM.match(form.split()[0]) and _SURVEYED_PEOPLE.search(masked, max(lo, c_start - 40), participle_end)
                and _SURVEYED_THEN_VERB.match(masked, participle_end, hi)):
            continue  # "those questioned said": the people a survey asked, the subject of the next verb
        if form == "defending" and _TITLE_HOLDER.match(masked, c_end, hi):
            continue  # "the defending champion", "defending Olympic champion": an adjective
        if form == cue.lemma and (_NOUN_BEFORE.search(masked, max(lo, c_start - 12), c_start)
                                  or _MODIFIED_NOUN_BEFORE.search(masked, max(lo, c_start - 40), c_start)):
            noun = _possessive_noun_frame(body, masked, sentence_idx, cue, c_start, c_end, lo, hi)
            if noun is not None:
                frames.append(noun)
            continue  # "the know-how", "a claim": an uninflected form after a determiner is a noun
        if form.endswith("s") and _PLURAL_NOUN_BEFORE.search(masked, max(lo, c_start - 20), c_start):
            noun = _possessive_noun_frame(body, masked, sentence_idx, cue, c_start, c_end, lo, hi)
            if noun is not None:
                frames.append(noun)  # "Mr Ortiz's claims that the plan was illegal"
            continue  # "conservatives have their own demands", "the group's claims": a plural noun, not a verb
        if form.endswith("ed") and _ADJECTIVE_BEFORE.search(masked, max(lo, c_start - 12), c_start):
            continue  # "the administration's proposed overhaul": an adjective
        if form.split()[0].endswith("s") and _NUMBER_BEFORE.search(masked, max(lo, c_start - 16), c_start):
            continue  # "closed up 23 points to 6,661", "two states": a plural noun after a number
        if cue.lemma == "say" and masked[c_end : c_end + 1] != "," and _last_word(masked, lo, c_start).lower() in ("the", "that"):
            continue
        raised = (_RAISING_BEFORE.search(masked, max(lo, c_start - 24), c_start)
                  if cue.category == "speech" and masked.startswith("to ", c_start - 3) else None)
        pos, passive = _strip_adverbials(masked, lo, _skip_parenthetical(masked, lo, raised.start() if raised else c_start))
        if _FLOATING_QUANTIFIER_BEFORE.search(masked, pos, c_start):
            pos = _skip_parenthetical(masked, lo, pos)  # "Robert Menendez (D-N.J.) all suggested"
        if (cue.category in ("speech", "thought") and _WH_WORD.match(masked[c_end:hi].lstrip())
                and (_NEGATION.search(masked, pos, c_start) or _REFUSED_BEFORE.search(masked, max(lo, c_start - 30), c_start))):
            continue  # "the public did not know who to believe", "declined to say whether": a question nobody answered
        source: Source | None = None
        role = None
        np = _surveyed_subject(masked, lo, pos) or _np_before(masked, lo, pos)
        if np is not None and (prep := _LOCATIVE_BEFORE.search(masked, max(lo, np[0] - 12), np[0])) is not None:
            # "several Democratic strategists in Washington privately worry": the place belongs to the phrase before
            # it; "A television ad that began running in St. Louis last week asks": a place after a verb is no
            # subject (the phrase that opens the sentence speaks, and names no one)
            held = _np_before(masked, lo, prep.start())
            words = masked[held[0] : held[1]].split() if held is not None else []
            if words and words[-1].endswith("ing"):
                np = None if masked[np[0]].isupper() else np  # (but "opponents of taking in migrants have embraced")
            elif (words and masked[held[1] : prep.start()].strip() == ""
                  and (_speaker_noun(" ".join(words)) or (len(words) == 1 and words[0].lower() in _QUANTIFIER_PEOPLE))):
                np = (held[0], np[1])  # (not "the international conference called in Jakarta")
        np = _with_head_before_preposition(masked, lo, np)
        if cue.category in ("speech", "thought"):
            np = _group_of_place(masked, lo, np)  # an act's source stays as it was: it does not carry on to later quotes
        if np is None:
            part = _PART_OF_WHOM.search(masked, max(lo, pos - 40), pos)  # "families, many of whom say ..."
            np = (part.start(1), part.end(1)) if part else None
        position = "before"
        if np is not None:
            source = _classify_source(body, masked, np[0], np[1], lo)
        else:
            app = _appositive_source(body, masked, lo, pos)
            aside = (_ADVERBIAL_ASIDE.search(masked, max(lo, pos - ADVERBIAL_ASIDE_REACH), pos)
                     if app is None and not form.endswith("ing") else None)
            if aside is not None:
                # "Salcedo, in a brief interview after the vote, said": the aside says where or when, and the
                # phrase before it, opening the clause, speaks (not an object: "fired Dan Moss, in a statement, ...")
                np = _np_before(masked, lo, aside.start())
                if (np is not None and masked[(_opening_adverbial_end(masked, lo, np[0]) or lo) : np[0]].strip()
                        and not _CLAUSE_JOIN_BEFORE.search(masked, lo, np[0])):
                    np = None
                if np is not None:
                    source = _classify_source(body, masked, np[0], np[1], lo)
                    if source.kind == "phrase" and not _speaker_noun(source.surface):
                        source, np = None, None  # "A key priority, in both settings, said the WEF is ...": no speaker
            if app is not None:
                np, role = _with_head_before_preposition(masked, lo, app[0]), app[1]
                source = _classify_source(body, masked, np[0], np[1], lo)
                if (form.endswith("ing") and frames and frames[-1].source.char_start > np[1]
                        and _CLAUSE_JOIN.search(masked, np[1], frames[-1].source.char_start)):
                    # "Ms. Dunmore, the nominee, has called ..., and her campaign asked stations to pull it, arguing
                    # ...": the participle goes with the clause after the "and", whose frame came last
                    source = frames[-1].source
                    np, role = (source.char_start, source.char_end), source.role
                if source.kind != "name" and form.endswith("ing") and not frames and _CLAUSE_LINK_BEFORE.search(masked[lo:pos]):
                    # "The Opposition's energy spokeswoman, Senator Bree Callander, went further, claiming ...":
                    # the sentence's named subject speaks, not the role phrase between its first commas
                    subject = _sentence_subject(body, masked, lo, c_start)
                    if subject is not None and subject.kind == "name":
                        source, np, role = subject, (subject.char_start, subject.char_end), subject.role
        if (form.endswith("ing") and frames and frames[-1].position == "after"
                and masked[max(frames[-1].cue_end, frames[-1].source.char_end) : c_start].strip() == ","):
            # "The board will meet on Tuesday, Pike said, adding that ...": the participle goes with the frame before it
            source = frames[-1].source
            np, role = (source.char_start, source.char_end), source.role
        if (source is not None and source.kind != "name" and form.endswith("ing")
                and _RELATIVE_CLAUSE_AFTER.match(masked, np[1], pos)):
            # "Kessler praised his defense, which held the Giants to 58 yards, saying ...": the phrase closes a
            # relative clause about the object, and the sentence's subject speaks
            subject = _continuing_source(frames, body, masked, lo, c_start)
            if subject is not None and subject.kind == "name":
                source, np, role = subject, (subject.char_start, subject.char_end), subject.role
        if (source is None or source.kind != "name") and form.endswith("ing") and _MEDIUM_BEFORE_ING.search(masked, lo, pos):
            # "Chris Hanley posted a message on his blog saying he was heartbroken": the poster speaks
            subject = _sentence_subject(body, masked, lo, c_start)
            if subject is not None and subject.kind == "name" and _MEDIUM_BEFORE_ING.fullmatch(masked, subject.char_end, pos):
                frames.append(_make_frame(seg, masked, sentence_idx, cue, c_start, c_end, c_end, subject, subject.role, lo, hi, inverted=False))
                continue
        if source is not None and source.kind != "name" and _NAME_THEN_MEMBERSHIP.match(masked, lo, np[0]):
            # "Imani Grant, a lawyer with the Voting Rights Project, which brought the suit, said": the relative
            # clause is the organisation's, and the sentence's subject is the person it opens with
            subject = _sentence_subject(body, masked, lo, np[0])
            if subject is not None and subject.kind == "name":
                source, np, role = subject, (subject.char_start, subject.char_end), subject.role
        if (not form.endswith("ing") and _ends_in_comma(masked, lo, c_start)
                and (opening := _NAME_WHO_OPENING.match(masked, lo)) is not None
                and not _MAIN_CLAUSE_AFTER_RELATIVE.search(masked, opening.end(), c_start)
                and (source is None or (source.kind == "phrase" and not _speaker_noun(source.surface))
                     or (source.kind == "name" and np[0] >= opening.end() and not _names_person(source.surface.split())))):
            # the relative clause about the opening name ends at the comma before the cue: the name speaks, not a phrase
            # or a place inside the clause ("..., who represents the Wichita and Kansas City districts, said"); a person
            # named later speaks for themselves ("Jane Smith, who chairs it, opposed the bill, but her deputy, Tom Reed, said")
            subject = _sentence_subject(body, masked, lo, c_start)
            if subject is not None and subject.kind == "name":
                source, np, role = subject, (subject.char_start, subject.char_end), subject.role
        if source is None and not form.endswith("ing") and _last_word(masked, lo, pos).lower() in ("and", "but"):
            # "Inbev said profits rose, and said it expected growth": the same source again;
            # "The chancellor hailed the figures but denied he was ...": the sentence's subject
            subj = _continuing_source(frames, body, masked, lo, c_start)
            if subj is None:
                continue
            frames.append(_make_frame(seg, masked, sentence_idx, cue, c_start, c_end, c_end, subj, subj.role, lo, hi, inverted=False))
            continue
        # "Whitlock made a similar point, insisting that ...": the clause's subject speaks; so does the subject of
        # "He won them over by telling them that ..." (after another cue, "accused critics of ... by claiming", the object)
        if source is None and form.endswith("ing") and (
                _CLAUSE_LINK_BEFORE.search(masked[lo:pos])
                or (not frames and _BY_BEFORE.search(masked[lo:pos]) and _REPORT_FOLLOWS.match(masked, c_end, hi))):
            subj = _continuing_source(frames, body, masked, lo, c_start)
            if subj is not None:
                frames.append(_make_frame(seg, masked, sentence_idx, cue, c_start, c_end, c_end, subj, subj.role, lo, hi, inverted=False))
            continue
        if source is None and not form.endswith("ing"):
            # "A union representing flight crews endorsed ...": the whole opening phrase is the subject
            comma = masked.rfind(",", lo, pos)
            # "Donations rose, a county analysis of campaign filings shows.": the phrase after the last comma
            np = _subject_span(masked, lo, pos) if comma == -1 else _subject_span(masked, comma + 1, pos)
            if np is not None:
                source = _classify_source(body, masked, np[0], np[1], lo)
        if source is None:
            left = masked[lo:c_start].rstrip()
            # "CONTENT, said X"; a label verb after a comma names a thing ("the scheme, dubbed Qatargas-2, opens")
            if left.endswith(MASK) or left == "" or (left.endswith(",") and cue.category != "label"):
                after = _np_after(body, masked, c_end, hi)
                if after is not None:
                    source = _classify_source(body, masked, after[0], after[1], lo)
                    role = _role_after(body, masked, after[1], hi)
                    c_end_eff = after[1]
                    named = _NAME_AFTER_ROLE.match(masked, after[1], hi) if source.kind == "phrase" else None
                    if named is not None and _valid_person(split_name(named.group(1).split())[1], False):
                        # "..., said the firm's UK managing director, Alan Fairbrother.": the name speaks, in that role
                        role = clean_role(body[after[0] : after[1]])
                        c_end_eff = named.end(1)
                        # (the role stays the frame's: learnt for the whole article it would name the wrong
                        # person in an earlier "said the chairman of the committee, Labour MP Barry Sheerman")
                        source = _classify_source(body, masked, named.start(1), named.end(1), lo)
                    frames.append(_make_frame(seg, masked, sentence_idx, cue, c_start, c_end, c_end_eff, source, role, lo, hi, inverted=True))
            continue
        if source.kind == "name" and source.char_start > lo and _RELATIVE_IN_APPOSITIVE.match(masked, _name_end_at(masked, lo) or lo, source.char_start):
            # "Liu, a Democrat who is running against Republican Craig Sutter, a former prosecutor ..., said": the
            # name sits inside the opening name's relative clause, and the opening name speaks
            subject = _sentence_subject(body, masked, lo, source.char_start)
            if subject is not None and subject.kind == "name":
                source, np, role = subject, (subject.char_start, subject.char_end), subject.role
        ing = form.split()[0].endswith("ing")
        if passive and not ing and (source.kind != "pronoun" or source.surface.lower() == "it") and _PASSIVE_BEFORE.search(masked[lo:c_start]):
            continue  # "he was told", "it is said" (but "Trump is demanding" is progressive)
        if ing and not passive and cue.category in ("object", "directive") and source.kind != "relative":
            continue  # "Ukraine attacking targets inside Russia was similar": a gerund clause, not a report
        if role is None and source.kind == "name":
            role = split_name(source.surface.split())[0]
        if role is None and source.kind == "name":
            role = _role_after(body, masked, np[1], hi)
        source = Source(source.surface, source.char_start, source.char_end, source.kind, role, source.antecedent)
        frames.append(_make_frame(seg, masked, sentence_idx, cue, c_start, c_end, c_end, source, role, lo, hi, inverted=False))
    # the noun patterns need an "'s" and "according to" its words: substring tests spare most sentences the scans
    possessive = masked.find("'s", lo, hi) != -1 or masked.find("’s", lo, hi) != -1
    for m in _SPEECH_NOUN.finditer(masked, lo, hi) if possessive else ():
        # "Judge Nervo's conclusion that judges should not weigh ...": the possessor's words
        source = _possessor_source(body, masked, lo, m.start())
        if source is None:
            continue
        c_lo, c_hi = _trim_content(body, m.end(), hi)
        frames.append(Frame(sentence_idx, m.group(1), m.start(1), m.end(1), source, c_lo, c_hi, None, "speech", "noun"))
    for m in _INTENT_NOUN.finditer(masked, lo, hi) if possessive else ():
        if any(f.content_start <= m.start() < f.content_end for f in frames):
            continue  # "said the campaign's decision to ... was a mistake": the reported clause holds it
        source = _possessor_source(body, masked, lo, m.start())
        if source is None:
            continue
        c_lo, c_hi = _trim_content(body, m.end(), hi)
        stop = _OBJECT_END.search(masked, c_lo, c_hi)
        if stop is not None:
            c_lo, c_hi = _trim_content(body, c_lo, stop.start())
        # the noun phrase is often the sentence's subject: its infinitive ends before the main verb
        first_words = re.match(r"\S+\s+\S+", masked[c_lo:c_hi])  # "to" and its verb come first
        verb = _MAIN_VERB.search(masked, c_lo + first_words.end(), c_hi) if first_words else None
        if verb is not None:
            c_lo, c_hi = _trim_content(body, c_lo, verb.start())
        frames.append(Frame(sentence_idx, m.group(1), m.start(1), m.end(1), source, c_lo, c_hi, None, "directive", "noun", "directive"))
    for m in _ACCORDING.finditer(masked, lo, hi) if masked.find("ccording to", lo, hi) != -1 else ():
        after = _np_after(body, masked, m.end(), hi) or _according_source(masked, m.end(), hi)
        if after is None:
            continue
        source = _classify_source(body, masked, after[0], after[1], lo)
        role = _role_after(body, masked, after[1], hi)
        named = _NAME_AFTER_ROLE.match(masked, after[1], hi) if source.kind == "phrase" and role is None else None
        if named is not None and _valid_person(split_name(named.group(1).split())[1], False):
            # "..., according to the city's finance director, Alicia Mertz.": the name, in that role
            role = clean_role(body[after[0] : after[1]])
            source = _classify_source(body, masked, named.start(1), named.end(1), lo)
        source = Source(source.surface, source.char_start, source.char_end, source.kind, role, source.antecedent)
        before = masked[lo : m.start()].rstrip()
        if before.endswith(",") or not before:
            # "..., according to X." or "According to X, ..."
            if before:
                c_lo, c_hi, position = lo, lo + len(before) - 1, "after"
            else:
                rest = re.match(r"[^,]*,\s*", masked[after[1] : hi])
                c_lo = after[1] + (rest.end() if rest else 0)
                if role is not None and (more := _APPOSITIVE_END.match(masked, c_lo, hi)) is not None:
                    c_lo = more.end()  # "According to Emiko Hayashi, a senior economist at ..., weak data ...": past the description
                c_hi, position = hi, "before"
        elif len(before.split()) >= 4 and not _trailing_cue_clause(masked, lo, m.start()):
            # "Turnout fell sharply according to county records.": the clause before, with no comma
            c_lo, c_hi, position = lo, lo + len(before), "after"
        else:
            continue
        c_lo, c_hi = _trim_content(body, c_lo, c_hi)
        frames.append(Frame(sentence_idx, "according to", m.start(), m.end(), source, c_lo, c_hi, None, "speech", position))
    return _cut_relative_frames(_cut_at_trailing_frames(frames, body), masked)


# "according to plan" is a manner, not a source.
_ACCORDING_MANNER = frozenset("plan plans schedule script form tradition custom".split())


_WORDS_TO_COMMA = re.compile(r"\s+([^,;:()]+?)\s*(?:[,;:(]|[.!?]?\s*$)")


def _according_source(masked: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The source of ``according to`` when it is not a name: ``police``, ``federal statistics``,
    ``a database tracking such deaths``: the words up to the next comma or the sentence's end."""
    m = _WORDS_TO_COMMA.match(masked[pos:hi])
    if m is None or MASK in m.group(1):
        return None
    words = m.group(1).split()
    if not 1 <= len(words) <= 16 or words[-1].lower().strip(".") in _ACCORDING_MANNER or words[0].lower() in _ACCORDING_MANNER:
        return None
    return pos + m.start(1), pos + m.end(1)


def _trailing_cue_clause(masked: str, lo: int, pos: int) -> bool:
    """``He said turnout fell according to the records``: the clause already has a cue of its own."""
    return _CUE_RE.search(masked, lo, pos) is not None


# After a present-tense cue ("Trump urges supporters to", "She wants to"): what a verb's object starts with.
# (or a plural subject with its auxiliary: "thinks voters will decide", "believes those voters are")
_OBJECT_OPENER = re.compile(r"\s+(?:to|the|a|an|his|her|its|their|our|my|him|them|us|he|she|it|they|we|i|you|more|no|[A-Z]"
                            r"|(?:those|these|some|many|most|both|several|all)\b|[a-z]+s\s+(?:will|would|are|were|have|had|could|can|should|must|may|might)\b)")
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "who"})
# Cues whose infinitive right after the verb is an attributed intention ("wants to", "refused to release").
# Commitments ("promised to", "pledged to", "declined to comment") are left out: our BBC annotation treats them
# as acts, not statements (measured on the dev sets: 9 more BBC false positives for 13 more PolNeAR contents).
# "revealed on Sunday that", "confirmed in a statement that": a phrase of time or medium between the cue and its clause.
_WHEN_OR_WHERE_THEN_THAT = re.compile(
    r"\s+(?:on|at|in|by)\s+(?:(?:a|an|the|its|his|her|their|last|this)\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|night|morning|afternoon|evening|week|month|year"
    r"|statement|interview|letter|speech|briefing|conference|filing|note|e-?mail|blog|post|tweet|message|broadcast)s?"
    r"(?:\s+(?:night|morning|afternoon|evening))?,?\s+that\s", re.IGNORECASE)
_INFINITIVE_CUES = frozenset({"want", "plan", "agree", "refuse", "demand", "vow"})
_TO_SOON = re.compile(r"(?:\s+[a-z][\w'’\-]*){1,3}\s+to\s")  # "urges residents to", "plans more visits to"


_DETERMINED_NOUN = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s+(?:[\w\-]+\s+){0,2}[a-z][a-z\-]*[^s\s]\s+$")


# "the defending (Olympic) champion": "defending" before a title holder is an adjective.
_TITLE_HOLDER = re.compile(r"\s+(?:(?:world|olympic|national|european|[A-Z][\w’'\-]*)\s+){0,3}(?:champions?|title[- ]?holders?|holders)\b", re.IGNORECASE)
_OBJECT_PARTICLES = frozenset("up out off down over back".split())  # "drawn up plans", "set out plans"
# Adverbs that may stand between a subject and its -s verb ("She still believes").
_PRE_VERB_ADVERBS = frozenset("also still now often again already never always repeatedly reportedly even just".split())


def _third_person_verb(masked: str, lo: int, c_start: int, c_end: int, hi: int, cue: Cue) -> bool:
    """``Trump urges supporters``, ``He refuses to``, ``The campaign plans to``: an -s form that is a verb.

    The word before must be a subject (a pronoun or a capitalised name that is not a function word), or any
    noun when an infinitive-taking cue is followed by "to"; "member states", "the reports" stay nouns.
    """
    end = c_start
    prev = _last_word(masked, lo, end)
    while prev and prev[:1].islower() and (prev in _PRE_VERB_ADVERBS or (prev.endswith("ly") and len(prev) > 4)):
        # "He also wants to", "Trump still believes": the subject stands before the adverb
        before = lo + len(masked[lo:end].rstrip()) - len(prev)
        word_before = _last_word(masked, lo, before)
        if prev not in _PRE_VERB_ADVERBS and (word_before.lower() in DETERMINERS or word_before.endswith(("'s", "’s"))):
            break  # "Mr Ortiz's family believes", "the assembly wants": an -ly noun, not an adverb
        end, prev = before, word_before
    if not prev or masked[_rstrip(masked, lo, end) - 1 : end].strip(" " + prev[-1:]):
        return False
    if not _OBJECT_OPENER.match(masked, c_end, hi) and not (cue.category == "directive" and _TO_SOON.match(masked, c_end, hi)):
        return False
    low = prev.lower()
    if low in _SUBJECT_PRONOUNS:
        return True
    if low in DETERMINERS or STOPWORDS.get(low) in ("function", "weekday", "month"):
        return False
    if prev.islower() and (low.endswith("ed") or low in _OBJECT_PARTICLES):
        return False  # "The government unveiled plans to", "Ministers have drawn up plans to": a noun, the object
    if prev[:1].isupper() and end - len(prev) > lo:  # a name ("Trump urges"), also first in its sentence
        return True
    if cue.category != "directive" and _DETERMINED_NOUN.search(masked, max(lo, c_start - 40), c_start):
        return True  # "A new poll shows the governor ahead": a singular noun with its determiner is a subject
    return cue.category == "directive" and masked.startswith(" to ", c_end)


# A bare complement clause without "that": a pronoun subject, or a short noun phrase and a finite auxiliary
# ("believe bigotry and xenophobia are acceptable", "announced it would cut", "found the state was in breach").
_BARE_CLAUSE = re.compile(
    r"(?:he|she|they|it|we|i|you|there)\s+[a-z’']+\b"
    r"|(?:[\w’'.\-$%]+\s+){1,8}?(?:is|are|was|were|will|would|could|can|should|might|may|must|has|have|had|did|does"
    r"|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|won['’]t|wouldn['’]t|couldn['’]t|can['’]t|didn['’]t|doesn['’]t)\b",
    re.IGNORECASE,
)
_NOT_IN_SUBJECT = frozenset("to that which who when while if because as and but or of".split())
_SUBJECT_JOINERS = frozenset({"and", "of"})


def _reports_clause(masked: str, frame: Frame, hi: int) -> bool:
    """Whether a frame's cue introduces a clause ("said that ...", "believed it was ...") rather than a noun phrase."""
    cue = CUES.get(frame.cue)
    if cue is not None and cue.lemma == "say":
        return True  # "said" reports words, quoted or not, even where the clause after it is not recognised
    after = masked[frame.cue_end : hi].lstrip()
    return after.startswith(("that ", "that\n")) or _bare_clause_follows(masked, frame.cue_end + 1, hi)


def _bare_clause_follows(masked: str, start: int, hi: int) -> bool:
    m = _BARE_CLAUSE.match(masked, start, hi)
    if m is None:
        return False
    words = m.group(0).lower().split()
    if words[0] in ("it", "there") and len(words) == 2 and words[1] not in ("is", "was", "will", "would", "could", "had", "has", "might", "may"):
        return False  # "know it well", "found there a"
    # a coordinated or modified subject ("bigotry and xenophobia are", "the progress of these years had") may hold
    # "and"/"of" inside it; as its first word they join the cue ("know of", "said and did")
    return (words[0] not in _NOT_IN_SUBJECT and not (_NOT_IN_SUBJECT - _SUBJECT_JOINERS) & set(words[1:-1])
            and MASK not in m.group(0))


# A clause with no subject of its own follows a cue inside a relative clause ("the child he says is his").
# "had the government not ..." is an inverted conditional, not a missing subject.
_SUBJECTLESS = re.compile(
    r"\s*(?:is|are|was|has|have|will|would|could|can|must)\b(?!\s+(?:the|a|an|he|she|it|they|we|i|you|there|this|that)\b)",
    re.IGNORECASE)
_RELATIVES = frozenset("who whom which that".split())


def _cut_relative_frames(frames: list[Frame], masked: str) -> list[Frame]:
    """``Mr Ortiz, who says he is "staying put", had accused ...``: a frame inside a relative clause reports
    only up to the clause's end (the next comma or dash; the mask has turned dashes into commas)."""
    if not frames:
        return frames
    out = []
    for f in frames:
        # the cheap test first: a clause with no comma has nothing to cut
        comma = masked.find(",", f.content_start, f.content_end) if f.position == "before" else -1
        while comma != -1 and masked[comma - 1 : comma].isdigit() and masked[comma + 1 : comma + 2].isdigit():
            comma = masked.find(",", comma + 1, f.content_end)  # "2,000 doors": a number's comma closes nothing
        if comma != -1 and (
            f.source.kind == "relative" or _last_word(masked, 0, f.source.char_start).lower() in _RELATIVES
            or _SUBJECTLESS.match(masked, f.content_start, f.content_end)
        ):
            end = _rstrip(masked, f.content_start, comma)
            f = f._replace(content_end=end)
        out.append(f)
    return out


def _cut_at_trailing_frames(frames: list[Frame], body: str) -> list[Frame]:
    """``X said that CONTENT, France 24 noted.``: X's content stops where the trailing frame begins;
    ``insisting that A while also arguing that B``: A stops where the next cue of the same source begins."""
    if len(frames) < 2:
        return frames
    out = []
    for f in frames:
        end = f.content_end
        for g in frames:
            if g is not f and g.position == "after" and f.content_start < g.source.char_start < end and g.content_end > f.content_start:
                end = min(end, g.content_end)
            if g is not f and g.source == f.source and f.content_start < g.cue_start < end:
                cut = re.search(r"(?:\s*,)?(?:\s+(?:while|and|but|also|then))*\s*$", body[f.content_start : g.cue_start])
                end = min(end, f.content_start + (cut.start() if cut else g.cue_start - f.content_start))
        out.append(f if end == f.content_end else f._replace(content_end=end))
    return out


def _continuing_source(frames: list[Frame], body: str, masked: str, lo: int, limit: int) -> Source | None:
    """Who speaks in a clause that continues the sentence ("..., and said", "..., insisting that"): the
    source of the frame before (the same object, so its content stops where this one starts), else
    the sentence's subject."""
    return frames[-1].source if frames else _sentence_subject(body, masked, lo, limit)


# An opening adverbial set off by a comma ("After the rally,", "During a speech earlier in the day,")
# comes before the subject.
_OPENING_ADVERBIAL = re.compile(
    r"(?:(?:after|during|before|following|despite|since|at|on|in|speaking|addressing|asked|when|while|as"
    r"|appearing|testifying|campaigning|responding|standing|writing)\b[^,;:]{0,90}"
    r"|(?:earlier|later)\b(?:\s+[\w'’-]+){0,3}"
    r"|(?:last|this|that|next)\s+(?:week|weekend|month|year|night|morning|afternoon|evening|summer|autumn|winter|spring|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|time)),\s*", re.IGNORECASE)
# (a day or a month is no name: "At a rally in Arizona on Wednesday, Halvorsen said ...")
_DAYS_AND_MONTHS = "|".join(sorted(w.capitalize() for w, category in STOPWORDS.items() if category in ("weekday", "month")))
_CAPITALISED_BEFORE_COMMA = re.compile(rf"\s(?!(?:{_DAYS_AND_MONTHS})\b)[A-Z][\w'’.-]*,\s*$")
# ... though not capitalised words right after a preposition: a place or a medium ("In a post on Twitter,", "At a
# rally in Grand Rapids,", "In an interview with the BBC,") closes the adverbial, and the subject follows
_PLACE_OR_MEDIUM_BEFORE_COMMA = re.compile(r"\b(?:on|in|at|to|with|from|via|near|for|against|about)\s+(?:the\s+)?((?:[A-Z][\w'’.&-]*\s+){0,2}[A-Z][\w'’.&-]*),\s*$")


def _opening_adverbial_end(masked: str, lo: int, limit: int) -> int | None:
    """Where the subject starts after an opening adverbial, or None. BBC style often omits the
    adverbial's comma ("After the ruling Carla Ferstman, legal director of Redress, said", "In December
    the House of Lords, the UK's highest court, ruled"): a phrase whose comma follows a capitalised word
    ends in a name unless that word is all there is after "on", "in" or "at" ("On Tuesday,", "In Kabul,";
    "When Smith, who chairs the committee, said" is a clause about Smith)."""
    m = _OPENING_ADVERBIAL.match(masked, lo, limit)
    if m is None:
        return None
    words = masked[lo : m.end()].split()
    if (_CAPITALISED_BEFORE_COMMA.search(masked, lo, m.end()) and (len(words) > 2 or words[0].lower() not in ("on", "in", "at"))
            and not _place_or_medium_before_comma(masked, lo, m.end())):
        return None
    return m.end()


# The opening name's appositive holding a relative clause that runs to a later name: ", a Democrat who is running
# for re-election against Republican "
_RELATIVE_IN_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s[^,;:()]*?\b(?:who|whose)\s[^,;:()]*$")
_OPENING_NAME = re.compile(r"\s*(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+(?=,)")


def _name_end_at(masked: str, lo: int) -> int | None:
    """Where the capitalised words opening the clause end, when a comma follows them ("Liu," "Ramona Liu,")."""
    m = _OPENING_NAME.match(masked, lo)
    return m.end() if m else None


def _place_or_medium_before_comma(masked: str, lo: int, end: int) -> bool:
    """The opening adverbial ends in a place or a medium after its preposition, not in a name the BBC's missing
    comma runs on into ("After talks in Geneva Sergei Lavrov, Russia's foreign minister, said")."""
    place = _PLACE_OR_MEDIUM_BEFORE_COMMA.search(masked, lo, end)
    if place is None:
        return False
    words = place.group(1).split()
    return not any(_names_person(words[k:]) for k in range(len(words) - 1))


# A sentence that opens with a role, then the name between commas ("Its spokesman, Dmitar Hallek, ...").
# A sentence opening with a name and what the person is a member of: "Imani Grant, a lawyer with (the ...)".
# A sentence that opens with a name and a relative clause about it: "Alan Rourke, who represents the Wichita, Dodge City
# and Kansas City, Kansas, districts in the suit, said ..." (the clause may hold commas of its own).
# ... unless another clause comes between ("..., was absent, and her chief of staff, Ana Cruz, said"; "...; her deputy")
_MAIN_CLAUSE_AFTER_RELATIVE = re.compile(r",\s+(?:and|but|while|as|after)\s|;")
_NAME_WHO_OPENING = re.compile(r"\s*(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+,\s+who\s")
_NAME_THEN_MEMBERSHIP = re.compile(r"\s*(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+,\s+(?:a|an|the)\s[^,;:()\"“”]{0,60}?\b(?:with|at|of|for|from|in)\s+(?:the\s+)?$")
_APPOSITIVE_SUBJECT = re.compile(r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s[^,;:()\"“”]{2,60},\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+),")


def _sentence_subject(body: str, masked: str, lo: int, limit: int) -> Source | None:
    """The noun phrase opening the sentence (after an adverbial set off by a comma): capitalised
    words and role words, or a pronoun."""
    lo = _opening_adverbial_end(masked, lo, limit) or lo
    appos = _APPOSITIVE_SUBJECT.match(masked, lo, limit)
    if appos is not None:
        # "An agency spokeswoman, Tanya Greer, declined to comment but said ...": the name, with its role
        tokens = body[appos.start(1) : appos.end(1)].split()
        described = masked[lo : appos.start(1)].lower().replace(",", " ").split()
        if _valid_person(split_name(tokens)[1], False) and any(w in TITLE_WORDS for w in described):
            return Source(body[appos.start(1) : appos.end(1)], appos.start(1), appos.end(1), "name",
                          clean_role(body[lo : appos.start(1)].rstrip(" ,")), None)
    end = lo
    for m in _WORD.finditer(masked, lo, limit):
        w = m.group(0)
        low = w.lower()
        if masked[end:m.start()].strip() and end > lo:
            break
        if (end == lo and low in PRONOUNS) :
            end = m.end()
            break
        if w[:1].isupper() or low in TITLE_WORDS or low in ROLE_MODIFIERS or low in ("of", "the"):
            end = m.end()
            continue
        break
    np = _np_before(masked, lo, end) if end > lo else None
    if np is None:
        return None
    src = _classify_source(body, masked, np[0], np[1], lo)
    role = split_name(src.surface.split())[0] if src.kind == "name" else None
    return Source(src.surface, src.char_start, src.char_end, src.kind, role, None)


_APPOSITIVE_AFTER = re.compile(r"\s*,\s*([^,]+?)\s*(?:,|$)")


def _role_after(body: str, masked: str, pos: int, limit: int) -> str | None:
    m = _APPOSITIVE_AFTER.match(masked[pos:limit])
    if not m:
        return None
    return _role_from_appositive(body, pos + m.start(1), pos + m.end(1))


# (a conjunction ends the listener: "told reporters as he boarded his plane" reports nothing after it)
_AUDIENCE_WORDS = re.compile(r"\s+(?!(?:as|when|while|after|before|because|since|until|though|although|if)\b)"
                             r"(?:(?:the|a|an|his|her|their|its)\s+)?[\w'’.\-&]+")


def _short_audience(masked: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The listener of ``told reporters the vote would slip``: the shortest phrase (up to four words)
    followed by a clause of its own."""
    end = pos
    for _ in range(4):
        m = _AUDIENCE_WORDS.match(masked, end, hi)
        if m is None:
            return None
        end = m.end()
        nxt = end + len(masked[end:hi]) - len(masked[end:hi].lstrip())
        if masked[nxt : nxt + 1].isupper() and not masked.startswith("I ", nxt):
            continue  # the listener's name goes on ("told the Herald News she ...")
        if _bare_clause_follows(masked, nxt, hi):
            start = pos + len(masked[pos:end]) - len(masked[pos:end].lstrip())
            return start, end
    return None


_THAN_BEFORE = re.compile(
    r"\bthan\s+(?:he|she|they|we|i|you|it|anyone|anybody|many|most|some|experts|analysts|economists|officials|forecasters|"
    r"investors|markets|the market|polls|pollsters|critics)\s+(?:had\s+|has\s+|have\s+|would\s+have\s+|could\s+have\s+|originally\s+)?$",
    re.IGNORECASE)
# An opening place and a role before a name: "At Hollins Lane, the head teacher," (then "Ruth Kendrick, said").
_LEAD_THEN_ROLE = re.compile(r"(.*?),\s*(?:the|a|an|its|his|her|their)\s((?:[\w'’.-]+\s){0,4}([\w'’.-]+)),$", re.IGNORECASE)
# A sentence's opening phrase of place or time ("Across the city at St Aldhelm's Academy", "After the vote").
_PLACE_OPENING = re.compile(r"\s*(?:" + "|".join(_LOCATIVES + ("on", "after", "before", "during", "from"))
                            + r")\b[^,;:]*$", re.IGNORECASE)


def _lead_then_role(left_text: str) -> str | None:
    """The text before ", the head teacher," when a name follows it: a role of at most five words ending in a title."""
    m = _LEAD_THEN_ROLE.match(left_text)
    return m.group(1) if m is not None and m.group(3).lower() in TITLE_WORDS else None


_DESCRIBED_BEFORE = re.compile(r",\s*((?:[\w'’.\-]+\s+){1,5})$")
_CONNECTIVE = re.compile(r"\b(?:that|and|but|who|which)\b")
_AFTER_COMMA = re.compile(r"\s*,\s*(.*)$")
_NOT_MAIN_CLAUSE = re.compile(r"(?:which|who|whose|adding|according|as|while|when|citing|saying|noting|arguing|insisting"
                              r"|warning|claiming|calling|describing|explaining|suggesting|telling|accusing|acknowledging)\b")
_COORDINATED = re.compile(r"(?:and|but)\s+(?:that\s+)?")


def _asked_in(seg: Segmentation, body: str, sentence_idx: int) -> bool:
    """Whether the sentence is a question."""
    sent = seg.sentences[sentence_idx]
    return body[sent.char_start : sent.char_end].rstrip(" \"”’'").endswith("?")


def _asks_about(rest: str) -> bool:
    """Whether ``rest`` opens with a question's word: "what she had found", "whether the data was safe"."""
    rest = rest.lstrip()
    return _WH_WORD.match(rest) is not None or _IF_WORD.match(rest) is not None


def _make_frame(seg, masked, sentence_idx, cue, c_start, c_end, c_end_eff, source, role, lo, hi, inverted) -> Frame:
    audience = None
    pos = c_end_eff
    if inverted:
        # ``"...," said Mr Blair, the prime minister.`` — content precedes
        left = masked[lo:c_start].rstrip().rstrip(",")
        c_lo, c_hi = _trim_content(seg.body, lo + len(left) - len(left.lstrip()), lo + len(left))  # (past a blanked dateline)
        after = _AFTER_COMMA.match(masked[pos:hi])
        subject = masked[c_lo:c_hi].split()
        if (after is not None and _PREDICATE_START.match(after.group(1)) and len(after.group(1).split()) >= 3
                and 0 < len(subject) <= AROUND_SUBJECT_MAX_WORDS and MASK not in masked[lo:hi]
                and not any(_VERB_LIKE.fullmatch(w) or _AUXILIARY.fullmatch(w.lower()) for w in subject)):
            # "Many of them, says chief executive Kimberly Dunaway, don't have insurance": the clause runs round the frame
            c_lo, c_hi = _trim_content(seg.body, c_lo, hi)
            return Frame(sentence_idx, masked[c_start:c_end], c_start, c_end, source, c_lo, c_hi, None, cue.category, "around")
        return Frame(sentence_idx, masked[c_start:c_end], c_start, c_end, source, c_lo, c_hi, None, cue.category, "after")
    told_to = _LISTENER_INFINITIVE.match(masked, pos, hi) if cue.audience and cue.category == "speech" else None
    if told_to is not None:
        # "told voters to stay at home", "warned residents not to travel": an order, like "urged", not a statement
        c_lo, c_hi = _trim_content(seg.body, pos, hi)
        return Frame(sentence_idx, masked[c_start:c_end], c_start, c_end, source, c_lo, c_hi, None, "directive", "before",
                     "directive")
    if cue.audience:
        aud = _audience_after(masked, pos, hi)
        if (aud is not None and cue.lemma not in ("tell", "inform", "assure", "remind") and not _AUDIENCE_CLOSER.match(masked, aud[1], hi)
                and not (cue.lemma in _QUESTION_CUES and _asks_about(masked[aud[1] : hi]))):
            # "warned the costs could rise": no listener named, the clause follows the verb (but "asked Amsel what
            # she had found" names whom it asked)
            aud = None
        elif aud is not None and not _AUDIENCE_CLOSER.match(masked, aud[1], hi):
            aud = _short_audience(masked, pos, hi) or aud  # "told reporters the vote would slip"
        if aud is not None:
            audience = aud
            pos = aud[1]
            described = _LISTENER_APPOSITIVE.match(masked, pos, hi)
            if described is not None:
                pos = described.end()  # "told Senator Wade Pruett of Oklahoma, the majority whip, that ..."
    rest = masked[pos:hi]
    # skip adverbials and masked scare quotes between cue and complement
    skip = _COMPLEMENT_SKIP.match(rest)
    pos2 = pos + (skip.end() if skip else 0)
    rest2 = masked[pos2:hi]
    comp = _COMPLEMENTISER.match(rest2)
    has_comp = _COMPLEMENT_MARK.match(rest2) is not None
    body = seg.body
    left_text = masked[lo : source.char_start].rstrip()
    cue_text = masked[c_start:c_end]
    # "said after the convention he would ...": a phrase skipped before a clause of its own does not trail
    skipped_to_clause = pos2 > pos and not _TRAILING.match(masked[pos2:hi])
    trails_cue = _TRAILING.match(masked[c_end_eff:hi]) is not None  # the sentence ends after the cue but for adjuncts
    trailing = ((trails_cue and not skipped_to_clause) or _COMMA.match(masked, pos, hi)
                or (audience is not None and _TRAILING.match(masked[pos:hi])))  # "..., Ms Ruiz told the Courier on Friday."
    if trailing and not has_comp and source.kind == "name" and (lead := _lead_then_role(left_text)) is not None:
        if _PLACE_OPENING.match(lead):
            # "Across the city at St Aldhelm's Academy, the principal, Joanna Pike, told a different story.":
            # before the name stand a place and the name's role, no content; the person still spoke, and a
            # "She said" after it is hers ("named": no content, but the speaker a pronoun returns to)
            return Frame(sentence_idx, cue_text, c_start, c_end, source, c_end, c_end, audience, cue.category, "named")
        left_text = lead + ","  # "The plan will fail, the spokesman, John Smith, said.": the role is the name's
    if trailing and not has_comp:
        # "CONTENT, X said." — content is what precedes the source
        described = _DESCRIBED_BEFORE.search(left_text + " ")
        # (a verb there is another frame's: "X, a panel member, said the FBI had refused." has no trailing content)
        if (described and not _CONNECTIVE.search(described.group(1))
                and not any(w.lower() in CUES for w in described.group(1).split())):
            left_text = left_text[: described.start() + 1]  # "..., the company's owner Piet Dorn said."
        if left_text.endswith(",") or left_text.endswith(":") or left_text == "":
            c_lo, c_hi = _trim_content(body, lo + len(left_text) - len(left_text.lstrip()), lo + len(left_text.rstrip(",:")))
            after = _AFTER_COMMA.match(masked[pos:hi])
            # (the clause after the frame may hold a quoted phrase: "The caucus, he said, is "not bluffing."")
            if (left_text and after and not trails_cue
                    and not _NOT_MAIN_CLAUSE.match(after.group(1))
                    and len(body[hi - len(after.group(1)) : hi].split()) >= 3 and MASK not in masked[lo:source.char_start]):
                coordinated = _COORDINATED.match(after.group(1))
                b_start = hi - len(after.group(1)) + coordinated.end() if coordinated is not None else hi
                # B is a clause, or a verb phrase sharing A's subject ("and should be chosen from either House"),
                # not a frame of its own ("but warned that") nor a phrase ("and 77% to a mobile network")
                if coordinated is not None and (_bare_clause_follows(masked, b_start, hi) or _AUXILIARY.match(masked, b_start, hi)):
                    # "A, he said, and B": two reports, A and B (B without its "and")
                    b_lo, b_hi = _trim_content(body, b_start, hi)
                    return Frame(sentence_idx, cue_text, c_start, c_end, source, c_lo, c_hi, audience, cue.category, "after",
                                 also=(b_lo, b_hi))
                # "The museum, Mr Bush said, celebrated ...": the clause runs round the parenthetical frame; after
                # "where", "because" ("a district where, she said, the nearest deputy ...") it starts behind the frame
                opener = _CLAUSE_OPENER_END.search(left_text)
                c_lo, c_hi = _trim_content(body, hi - len(after.group(1)) if opener else lo, hi)
                return Frame(sentence_idx, cue_text, c_start, c_end, source, c_lo, c_hi, audience, cue.category, "around")
            return Frame(sentence_idx, cue_text, c_start, c_end, source, c_lo, c_hi, audience, cue.category, "after")
        return Frame(sentence_idx, cue_text, c_start, c_end, source, c_end, c_end, audience, cue.category, "before")
    c_lo = pos2 + (comp.end() if comp else 0)
    if comp is not None and comp.group(0).rstrip().endswith("that") and _AUXILIARY.match(masked, c_lo, hi):
        c_lo = pos2 + comp.group(0).rindex("that")  # "few believe that is likely": the "that" is the clause's subject
    c_lo, c_hi = _trim_content(body, c_lo, hi)
    narrated = _SPEAKER_ACTS_NEXT.search(masked, c_lo, c_hi)
    if narrated is not None and (narrated.group(1).lower() in CUES or narrated.group(1).endswith("ed")):
        # "said his committee would hold a hearing, and he vowed to subpoena her": what the speaker did next is the
        # writer's clause, not the report ("and it would close two plants" stays: no pronoun of a person)
        c_lo, c_hi = _trim_content(body, c_lo, narrated.start())
    if (next_speaker := _NEXT_SPEAKER_CLAUSE.search(masked, c_lo, c_hi)) is not None:
        # "Fong has said the plan is ...; Councilmember Anita Rusk has called it ...": the next speaker's clause is hers
        c_lo, c_hi = _trim_content(body, c_lo, next_speaker.start())
    if cue.lemma == "deny":
        # "Timms denied that any deal had been struck": what someone denies is no statement of theirs (a speech act)
        return Frame(sentence_idx, cue_text, c_start, c_end, source, c_lo, c_hi, audience, cue.category, "before", "denial")
    if cue.lemma == "ask" and comp is not None and comp.group(0).rstrip().endswith("that"):
        # "asked that visitors wait until ...": a request in the subjunctive, like "asked them to wait", no statement
        return Frame(sentence_idx, cue_text, c_start, c_end, source, c_lo, c_hi, audience, cue.category, "before", "directive")
    first = _FIRST_WORD.match(body, c_lo, c_hi)
    # ("said about 20 people were hurt": "about" before a number is no topic but an estimate)
    opens_adjunct = bool(first) and first.group(1).lower() in _ADJUNCT_OPENERS and not (
        _ABOUT_A_NUMBER.match(body, c_lo, c_hi)
        and (cue.lemma not in _FORECAST_CUES or _ESTIMATE_THEN_VERB.search(body, c_lo, c_hi)))
    if cue.lemma in _WH_CUES and _WH_WORD.match(rest2):
        has_comp = True  # "asked whether the deal would hold", "explained how the levy works"
    question = cue.lemma in _QUESTION_CUES and (_WH_WORD.match(rest2) or _IF_WORD.match(rest2)) is not None
    has_comp = has_comp or question  # "asked if ...": the question is the content, not an object
    words = source.surface.split()
    named = source.kind == "name" and source.surface.lower() not in _NOT_SUBJECTS and not source.surface.endswith(("'s", "’s"))
    bare = len(words) <= 2 and words[0].islower() and words[0] not in _NOT_SUBJECTS
    # "a move ministers say should ...": a plural straight after a noun opens a relative clause without "that"
    bare = bare or (len(words) >= 2 and words[-1].islower() and words[-1].endswith("s") and not words[-1].endswith("ss")
                    and words[-2].lower() not in _NOT_SUBJECTS)
    if (not has_comp and _AUXILIARY.match(masked, c_lo, c_hi) and not named and not bare
            and source.kind not in ("pronoun", "relative")
            and _last_word(masked, 0, source.char_start).lower() not in _RELATIVES | {"what"}):
        # "Such claims were rejected", "Labour's plans will allow", "some media reports have": before its verb the cue
        # word is a noun. A clause that lacks its subject is reported only inside a relative ("which the paper said
        # could be", "what the government says are", "the child he says is", "a move ministers say should").
        return Frame(sentence_idx, cue_text, c_start, c_end, source, c_lo, c_lo, audience, cue.category, "before")
    if cue.category == "directive" and not has_comp:
        # "urged voters to stay at home", "called for a ban": the object and its infinitive are the content
        c_lo, c_hi = _trim_content(body, pos if not audience else audience[0], hi)
        words = body[c_lo:c_hi].split()
        # "pledged the council would cut fares"; a cue whose object is usually a noun phrase needs a short subject
        # ("demanded an immediate statement about how measures had been ..." is no clause)
        clause = _bare_clause_follows(masked, c_lo, c_hi) and (cue.bare_clause or _SHORT_CLAUSE.match(masked, c_lo, c_hi) is not None)
        listener = _PROMISED_LISTENER.match(masked, c_lo, c_hi) if clause and cue.lemma == "promise" else None
        if listener is not None:
            c_lo = listener.end()  # "promised Gordon Brown he would stand down", "promised voters the line would"
        if not (cue.lemma in ("call for", "demand") or "to" in [w.lower() for w in words[:8]]) or len(words) < 3:
            if not clause:
                c_hi = c_lo
        return Frame(sentence_idx, cue_text, c_start, c_end, source, c_lo, c_hi, audience, cue.category, "before",
                     None if clause else "directive")
    if cue.category == "object" and not has_comp:
        # "Clinton cited derogatory comments ...": the object noun phrase, to the end of its clause
        c_lo, c_hi = _trim_content(body, pos, hi)
        stop = _OBJECT_END.search(masked, c_lo, c_hi)
        if stop is not None:
            c_lo, c_hi = _trim_content(body, c_lo, stop.start())
        pronoun_object = _PRONOUN_OBJECT.match(masked, c_lo, c_hi) is not None  # "shows him with his hands raised"
        if not (_OBJECT_START.match(masked, c_lo, c_hi) or pronoun_object) or source.kind == "relative":
            c_hi = c_lo  # "attacked on Tuesday", "defended by": no object
        # "figures showed the economy grew": a clause, not an object, is what the document reports
        clause = cue.lemma in _EVIDENCE_CUES and _finding_is_clause(masked, c_lo, c_hi)
        return Frame(sentence_idx, cue_text, c_start, c_end, source, c_lo, c_hi, audience, cue.category, "before",
                     None if clause else "object")
    if cue.category == "label" and not has_comp and source.kind != "relative":
        # "She called the plan a gimmick", "He described the cuts as reckless": the object and what it is called
        labelled = _LABELLED.get(cue.lemma)
        m = labelled.match(masked, c_lo, hi) if labelled else None
        if m is not None:
            c_lo, c_hi = _trim_content(body, c_lo, c_lo + len(m.group(0)))
            return Frame(sentence_idx, cue_text, c_start, c_end, source, c_lo, c_hi, audience, cue.category, "before", "label")
    if cue.lemma in _FORECAST_CUES and not has_comp and not _FINITE_IN_FORECAST.search(body, c_lo, c_hi):
        c_hi = c_lo  # "predicted a 5-point margin": a forecast's object, with no verb of its own, is no clause
    if cue.lemma in _OBJECT_TOO_CUES and not has_comp and _FIGURE_OBJECT.match(masked, c_lo, c_hi):
        c_hi = c_lo  # "after leaders added $8 billion for ...", "added 200 jobs": a figure added is no report
    if cue.category == "label" or (not has_comp and (cue.category == "thought" or not cue.bare_clause or opens_adjunct)):
        if has_comp or opens_adjunct or cue.category == "label" or not _bare_clause_follows(masked, c_lo, c_hi):
            c_hi = c_lo  # "is expected to", "knows the area": beliefs need a "that" clause or a clause of their own
    return Frame(sentence_idx, cue_text, c_start, c_end, source, c_lo, c_hi, audience, cue.category, "before",
                 "question" if question else None)


# "posted that", "posted on Twitter that": what a post said (not "posted a message", "posted to discussion groups")
_POSTED_THAT = re.compile(r"\s+(?:on\s+(?:(?!(?:said|says|wrote|added|that)\b)[\w'’.&-]+\s+){1,4}?)?that\s+"
                          r"(?:he|she|they|it|we|i|you|there|the|a|an|his|her|its|their|this|these|(?-i:[A-Z]))\b", re.IGNORECASE)
# Speech verbs that also take a thing as their object ("added $8 billion"): a figure right after one, then a
# preposition or the clause's end, opens no clause ("added 5.3% to 740 yen"; not "added 12 homes burned overnight").
_OBJECT_TOO_CUES = frozenset({"add"})
_FIGURE_OBJECT = re.compile(r"\s*(?:about |nearly |more than |another |an additional )?[$£€]?\d[\d,.]*+"
                            r"(?:\s*(?:%|p\b|pc\b|percent\b|per cent\b|(?:million|billion|bn|m)\b(?:\s+(?:euros|dollars|pounds|yen))?))?"
                            r"(?=\s*(?:to|from|in|for|per|on|at|over|after|,|;|\.|$))", re.IGNORECASE)


# Label verbs with an object and what it is called, up to the clause's end (no quoted word: that one is a
# partial quote). The object opens with a determiner, a pronoun or a name, so "called a meeting" and
# "called for" stay out; the complement needs its own article ("a hoax") or "as" ("described ... as").
_LABEL_OBJECT = r"(?:the|his|her|its|their|this|that|these|those|it|him|them|[A-Z][\w'’.\-]*)\b[^,;:.!?()_]{0,120}?"
_CLAUSE_END = r"(?=\s*(?:[,;:.!?()]|$))"  # a quoted word before the clause ends makes it a partial quote
# A bare plural or mass noun as the object ("called climate change a hoax", "called lobbyists a menace"): at most
# three lower-case words straight before the article, none a particle ("called off the strike a day later").
_BARE_LABEL_OBJECT = r"(?!(?:off|on|up|out|in|for|back|it|him|her|them|me|us|at|to|by)\b)[a-z][\w\-]*(?:\s[a-z][\w\-]*){0,2}?"
_LABELLED = {
    "call": re.compile(rf"(?:{_LABEL_OBJECT}|{_BARE_LABEL_OBJECT})\s(?:a|an)\s[^,;:.!?()_]+{_CLAUSE_END}"),
    "describe": re.compile(rf"{_LABEL_OBJECT}\sas\s[^,;:.!?()_]+{_CLAUSE_END}"),
    "dismiss": re.compile(rf"{_LABEL_OBJECT}\sas\s[^,;:.!?()_]+{_CLAUSE_END}"),
    "view": re.compile(rf"{_LABEL_OBJECT}\sas\s[^,;:.!?()_]+{_CLAUSE_END}"),
    "see": re.compile(rf"{_LABEL_OBJECT}\sas\s[^,;:.!?()_]+{_CLAUSE_END}"),
    "portray": re.compile(rf"{_LABEL_OBJECT}\sas\s[^,;:.!?()_]+{_CLAUSE_END}"),
    "refer to": re.compile(rf"{_LABEL_OBJECT}\sas\s[^,;:.!?()_]+{_CLAUSE_END}"),
    "regard": re.compile(rf"{_LABEL_OBJECT}\sas\s[^,;:.!?()_]+{_CLAUSE_END}"),
    "consider": re.compile(rf"{_LABEL_OBJECT}\s(?:a|an|as)\s[^,;:.!?()_]+{_CLAUSE_END}"),
    "accuse": re.compile(rf"{_LABEL_OBJECT}\sof\s[^;:.!?()_]+{_CLAUSE_END}"),
}
# Cues whose content may be an indirect question ("know what", "explained how").
_WH_CUES = frozenset({"ask", "wonder", "question", "know", "explain", "reveal", "disclose", "understand"})


_NOT_SUBJECTS = DETERMINERS | {"such", "few"}  # "Such claims were", "Some media reports have": no subject
# A listener of up to five words (no clause, participle or quotation of its own), then an infinitive: "voters to",
# "the residents of Mill Lane not to"; "told the committee he wanted to stay" is a statement, "told Mr Brown of his
# intention to", "messages given to users" are no orders.
_LISTENER_INFINITIVE = re.compile(
    r"\s+(?!(?:to|not)\b)(?:(?!(?:he|she|they|it|we|i|you|who|which|that|was|were|is|are|would|will|had|has|could)\b"
    r"|\w+(?:ed|ing)\b|of\s+(?:his|her|their|its|our|my)\b|\S*_)[\w’'.\-]+\s+){1,5}?(?:not\s+)?to\s+"
    r"(?!(?-i:[a-z]+[^su\W]s)\b)(?-i:[a-z])", re.IGNORECASE)
_AUXILIARY = re.compile(rf"(?:{_AUXILIARIES})\b")
# A word that opens a clause, right before a parenthetical frame: the frame reports the clause after it.
_CLAUSE_OPENER_END = re.compile(r"\b(?:where|when|because|since|although|though|whereas|which|who|if|unless)\s*,$", re.IGNORECASE)
# A predicate after a parenthetical frame opens with an auxiliary, perhaps negated: "..., says X, don't have insurance".
_PREDICATE_START = re.compile(rf"(?:{_AUXILIARIES})(?:n['’]t)?\b|(?:don|doesn|didn|won|can)['’]t\b")
AROUND_SUBJECT_MAX_WORDS = 6  # "Many of them", "The Tories": a subject, not a clause of its own
_SHORT_CLAUSE = re.compile(rf"(?:[\w’'.\-$%]+\s+){{1,3}}?(?:{_FINITE_AUXILIARIES})\b")
# The listener of "promise" before its clause: a name before a pronoun subject, or a bare noun before a determiner.
_PROMISED_LISTENER = re.compile(r"(?-i:[A-Z][\w’'.\-]*\s+){1,3}(?=(?:he|she|they|it|we|I|you)\s)|(?-i:[a-z]+)\s+(?=(?:the|a|an|his|her|their|its)\s)")


def _finding_is_clause(masked: str, lo: int, hi: int) -> bool:
    """Whether what a document shows is a clause ("unemployment fell", "the economy grew by 2%") rather than a
    noun phrase ("a 0.2% slip in sales", "31 cases of fraud"): without a tagger, a finding that opens with a
    determiner or a number is a noun phrase unless a verb follows its first few words."""
    return (_bare_clause_follows(masked, lo, hi) or not _NP_OPENER.match(masked, lo, hi)
            or _DETERMINED_SUBJECT_VERB.match(masked, lo, hi) is not None)


_NP_OPENER = re.compile(r"(?:the|a|an|its|their|his|her|this|these|those|no)\b|\d", re.IGNORECASE)
_IRREGULAR_PAST = ("rose|fell|grew|knew|saw|made|took|gave|went|came|got|found|paid|lost|won|kept|held|left|led|met|ran|sold"
                   "|spent|stood|told|thought|bought|brought|built|began|became|broke|chose|drew|drove|fought|flew|fled|meant"
                   "|sank|shot|spoke|stole|struck|taught|threw|understood|wrote|shrank|slid|swung|rang|sent|felt")
# "the economy expanded", "the gunman fled": a determined noun of up to four words, then a past-tense verb
_DETERMINED_SUBJECT_VERB = re.compile(
    r"(?:the|a|an|its|their|his|her|this|these|those)\s+(?:(?!(?:than|of|in|on|at|to|for|by|from|with|as|and|or)\b)"
    rf"[\w’'%$.\-]+\s+){{0,3}}?(?-i:[a-z]+ed|{_IRREGULAR_PAST})\b", re.IGNORECASE)


# An object noun phrase ends at a clause boundary ("attacked the plan, saying ...", "cited the poll - which").
_OBJECT_END = re.compile(r"\s*(?:[,;:(]|\s[-\u2013\u2014]\s|[\u2013\u2014]|\b(?:saying|adding|calling|while|because|after|before|as\s+(?:he|she|they|it))\b)")
_PRONOUN_OBJECT = re.compile(r"(?:him|her|them)\s+(?:with|as|for|to|in)\s+\S+\s+\S+")
# An object opens with neither a preposition nor an auxiliary: before "will", "were", "had" or "said" the cue was a
# noun or a participle ("The new show will launch", "such attacks were", "those companies questioned had no idea",
# "the companies questioned said"). Lower case only: "criticised May", "praised Will Hurd" name people.
_OBJECT_START = re.compile(r"(?!(?:on|in|at|by|for|from|with|about|over|as|to|up|out|off|back|against|into|through|under|during|last|this|yesterday|today|again|also|him|her|them|it|us|me"
                           r"|(?-i:is|are|was|were|be|been|being|will|would|could|should|can|may|might|must|shall|has|have|had|does|do|did"
                           r"|said|says|told))\b)[\w\u201c\u2018\"'$]", re.IGNORECASE)


_NEXT_SPEAKER_CLAUSE = re.compile(r";\s+(?:and\s+)?(?:[\w'’.-]+\s+){1,5}(?:has\s+|have\s+|had\s+)?(?:also\s+)?"
                                  r"(?:said|says|called|calls|told|argued|argues|warned|insisted|described|dismissed)\b")
_SPEAKER_ACTS_NEXT = re.compile(r",?\s+(?:and|but)\s+(?:he|she)\s+(?:also\s+|later\s+|then\s+)?((?-i:[a-z]+)|has not|had not|did not)\b")


def _trim_content(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start] in " \t\n,:;":
        start += 1
    if start > 0 and body[start - 1] in "\"\u201c\u2018'" and start < end:
        start -= 1  # the clause opens with a quoted fragment: keep its mark
    while end > start and body[end - 1] in " \t\n.,;:!?":
        end -= 1
    return start, end


# --------------------------------------------------------------------------- speakers within the article


class Attribution(NamedTuple):
    name: str | None
    surface: str | None
    role: str | None
    outlet: OutletMention | None  # the source itself is an outlet
    person: bool


_ARTICLE = re.compile(r"^(?:the|a|an|our)\s+")


# Any age given a person: right after the name ("Darren Holt, 52,") or right before it ("52-year-old Darren Holt").
_ANY_AGE_AFTER_NAME = re.compile(r"\s*(?:,\s*|\()(?:aged\s+)?(\d{1,3})\b")
_ANY_AGE_BEFORE_NAME = re.compile(r"\b(\d{1,3})-year-old(?:\s+[\w'’-]+){0,3}\s+$")
EPITHET_REACH = 300  # characters outside quotations from the latest speaker or subject to an epithet that names them
_ARTICLE_PARTICLE = re.compile(r"(?:al|el|ad|as|ar|an|at|az|ul)-\w", re.IGNORECASE)  # Arabic names' article: "al-Rashidi"
_NAMED_NEXT_WITHIN = 250  # characters outside quotations from a title nobody has held yet to the subject it may name


# The words that join the last of several people to the one before it, and a list's comma.
_JOINED_BEFORE = re.compile(r",?\s+and\s+$")
_LISTED_BEFORE = re.compile(r",\s+$")
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{'|'.join(name.capitalize() for name in HONORIFICS)})\.?\s+$")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether only titles, and perhaps one opening word and a comma, precede ``start`` in its sentence.

    People listed as a subject open their sentence ("German Chancellor Gerhard Schroeder and French
    President Jacques Chirac have ..."); a name after a verb or a preposition ends a clause that
    "and" follows ("... donated $1m to The American Red Cross and actor Leonardo DiCaprio said").
    """
    window = text[max(0, start - 120) : start]
    # a sentence's end, a quotation's (masked), a paragraph's, or "that" opening a reported clause
    that = window.rfind(" that ")
    cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "), window.rfind("\n"), window.rfind(MASK),
              that + len(" that") if that >= 0 else -1)
    if cut < 0 and start > 120:
        return False
    prefix = window[cut + 1 :]
    opener, comma, rest = prefix.rpartition(", ")
    if comma and len(opener.split()) > 1:
        return False  # "Minister for Children, Young People and Families Margaret Hodge"
    return all(w[:1].isupper() or w.lower() in TITLE_WORDS or w.lower() in ROLE_MODIFIERS or w.lower() in DETERMINERS
               or w == "both" for w in (rest if comma else prefix).split())


# Words in -ing that open a sentence as an adjective of the name after them ("Leading economist Ann Hill said").
_ING_ADJECTIVES = frozenset(
    "leading outgoing acting ruling governing visiting founding reigning defending sitting serving incoming presiding "
    "managing ageing aging striking rising fellow during according".split())


def _opening_participle(words: list[str]) -> bool:
    """Whether the words before a name are a participle opening its sentence, then a preposition or the
    name's honorific ("Describing Mr", "Commenting on Mr", "Asked about")."""
    if not words or len(words) > 3 or not words[0].endswith("ing") or "-" in words[0] or len(words[0]) < 5:
        return False
    if words[0].lower() in _ING_ADJECTIVES:
        return False
    return all(w.rstrip(".").lower() in HONORIFICS or w in _PREPOSITIONS for w in words[1:])


@lru_cache(maxsize=None)
def _nationality_patterns(noun: str) -> tuple[str | None, re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """How an article gives someone the nationality ``noun`` names: its gender (or None), the appositive after a
    name, the words before it, and a mention that holds the country ("Tom Reko of Italy")."""
    words, gender, countries = NATIONALITIES[noun]
    alternatives = "|".join(re.escape(w) for w in (*words, noun))
    country = "|".join(re.escape(c) for c in countries) or "(?!)"
    # (an appositive closed by its comma: in "Tim Phillips, the American said" the epithet is the next subject)
    given = re.compile(rf"\s*,\s*(?:an?|the)\s+(?:[\w'’-]+\s+){{0,2}}?(?i:{alternatives})\b[^,;.]{{0,40}},|\s+of\s+(?:the\s+)?(?:{country})\b")
    # ("Bank of America's chief executive", "New Mexico's governor": a company's or a state's, not a country's)
    before = re.compile(rf"(?:\b(?i:{alternatives})|(?<!\bof )(?<!\bNew )\b(?:{country})['’]s)((?:\s+[\w'’-]+){{0,3}})\s+$")
    of_country = re.compile(rf"\s+of\s+(?:the\s+)?(?:{country})$")
    return gender, given, before, of_country


# Words that end a company's name and never a person's business named after them: "Kessler Brandt Pharmaceuticals",
# "Appalachian Ridge Energy" (not "Magic Johnson Enterprises", "Oprah Winfrey Network", "Stan Lee Media").
_COMPANY_WORDS = frozenset("pharmaceuticals pharma energy data holdings industries inc corp corporation llc ltd plc "
                           "systems technologies capital properties airlines motors foods logistics labs therapeutics "
                           "biosciences solutions communications resources minerals mining oil gas chemicals".split())
# A relative named just before a name ("my son, Daniel Hollister"): someone else than the speaker of that surname.
_KIN_BEFORE = re.compile(r"\b(?:son|daughter|boy|girl|child|husband|wife|brother|sister|father|mother|dad|mom|mum|"
                         r"grandson|granddaughter|nephew|niece|uncle|aunt|cousin)\b[^.!?]{0,12}$", re.IGNORECASE)
KIN_REACH = 40


class _People:
    """Persons named in one article, for resolving surnames, pronouns and roles."""

    def __init__(self, mentions: list[PersonMention], text: str = "", body: str | None = None) -> None:
        self.mentions = mentions
        self.canonical: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        self.gender: dict[str, str] = {}
        self.subjects: list[tuple[int, str]] = []
        self.title_holders: dict[str, str] = {}  # "foreign secretary" -> the person it named first
        self.text = text  # the masked body: quotations masked, dashes read as commas
        self.body = text if body is None else body  # the words as written, for surfaces
        self._by_end: dict[int, PersonMention] | None = None
        self._quoted_full_names: dict[str, str | None] = {}
        fulls_by_surname: dict[str, list[str]] = {}
        self.full_mentions_by_surname: dict[str, list[PersonMention]] = {}  # in text order
        for m in mentions:
            if m.full:
                fulls_by_surname.setdefault(m.name.split()[-1], []).append(m.name)
                self.full_mentions_by_surname.setdefault(m.name.split()[-1], []).append(m)
        for m in mentions:
            if m.name not in self.canonical:
                self.canonical[m.name] = self._canonical_for(m.name, fulls_by_surname)
        for m in mentions:
            if " " not in m.name and self.canonical[m.name] == m.name and _knighted(text, m.char_start):
                self.canonical[m.name] = self.by_first_name(m.name) or m.name  # "Sir Ian Blair ... Sir Ian's comments"
        for m in mentions:
            c = self.canonical[m.name]
            shared_surname = " " not in m.name and len(self.full_mentions_by_surname.get(m.name, ())) > 1
            if shared_surname:
                # "Michael Jackson ... Mr Jackson ... Katherine Jackson": a surname is the full name named last before it
                c = self.resolve_name([m.name], m.char_start) or c
            if m.role and c not in self.roles:
                self.roles[c] = m.role
            # a guess between namesakes lends no gender: "Mr Jackson" may not be the Katherine Jackson named last
            if m.gender and c not in self.gender and not shared_surname:
                self.gender[c] = m.gender
        for m in mentions:
            # without an honorific, the first name tells ("Clive Owen ... she said" is not him)
            c = self.canonical[m.name]
            if m.full and c not in self.gender and (g := FIRST_NAME_GENDER.get(c.split()[0].lower())):
                self.gender[c] = g

    def short_for_organisation(self, name: str, pos: int) -> bool:
        """Whether the article has named an organisation, before ``pos``, with ``name`` and a word such as
        "Pharmaceuticals" or "Energy" after it ("Kessler Brandt Pharmaceuticals"), so that "Kessler Brandt said" is
        the company. Not when a first name opens it ("the Bill Gates Foundation" leaves Bill Gates a person), nor
        for a company named after the person later ("Stan Lee told the BBC ... his Stan Lee Media venture")."""
        if name.split()[0].lower() in FIRST_NAME_GENDER:
            return False
        i = self.body.find(name + " ", 0, pos)
        while i != -1:
            j = i + len(name) + 1
            word = self.body[j : j + 24].split(None, 1)[:1]
            if word and word[0][:1].isupper() and word[0].rstrip(".,;:").lower() in _COMPANY_WORDS:
                return True
            i = self.body.find(name + " ", j, pos)
        return False

    @staticmethod
    def _canonical_for(name: str, fulls_by_surname: dict[str, list[str]]) -> str:
        """The longest full name with this surname (and this first name, when one is given)."""
        toks = name.split()
        best = name
        for full in fulls_by_surname.get(toks[-1], ()):
            if (len(toks) == 1 or full.split()[0] == toks[0]) and len(full) > len(best):
                best = full
        return best

    def by_first_name(self, first: str) -> str | None:
        """The one full name of the article that opens with ``first``."""
        fulls = {self.canonical[m.name] for m in self.mentions if m.full and m.name.split()[0] == first}
        return fulls.pop() if len(fulls) == 1 else None

    def resolve_name(self, tokens: list[str], pos: int, knighted: bool = False, alone: bool = False) -> str | None:
        """The canonical name ``tokens`` refer to at ``pos``. ``alone``: the source is the one word, no title before it."""
        name = " ".join(tokens)
        if len(tokens) >= 2 or (tokens and tokens[0] in PEERAGE):
            return self.canonical.get(name, name)
        # surname: the nearest full name before, else anywhere in the article
        best = None
        surname = tokens[0]
        if surname not in self.full_mentions_by_surname and _ARTICLE_PARTICLE.match(surname):
            surname = surname[0].swapcase() + surname[1:]  # "Al-Rashidi" opening a sentence is "Faisal al-Rashidi"
        for m in self.full_mentions_by_surname.get(surname, ()):
            if m.char_start < pos or best is None:
                best = self.canonical[m.name]
        if best is None and (knighted or (alone and self._first_name_alone(tokens[0]))):
            # no one has this surname: a first name alone names the one person the article gave it to
            # ("Ellie Quinn ... Ellie said"; knights and dames are called so: "Sir Ian")
            best = self.by_first_name(tokens[0])
        if best is None and not self.full_mentions_by_surname.get(surname):
            best = self._named_in_full_only_quoted(surname)
        return best

    def _named_in_full_only_quoted(self, surname: str) -> str | None:
        """The full name a surname stands for when the article gives it in full only inside a quotation
        ('"Eric Hollister can't defend his own record," ... Hollister told reporters'): a first name before it."""
        if surname in self._quoted_full_names:
            return self._quoted_full_names[surname]
        found = None
        n = len(self.body)
        i = self.body.find(" " + surname)
        while i != -1 and found is None:
            first = self.body[self.body.rfind(" ", 0, i) + 1 : i].lstrip("\"“‘'(")
            if (first[:1].isupper() and first.lower() in FIRST_NAME_GENDER
                    and not _is_word_at(self.body, i + 1 + len(surname), n)
                    and not _KIN_BEFORE.search(self.body, max(0, i - KIN_REACH), i)):
                found = f"{first} {surname}"  # ("my boy, Daniel Hollister": a relative, not the speaker)
            i = self.body.find(" " + surname, i + 1)
        self._quoted_full_names[surname] = found
        return found

    def _first_name_alone(self, token: str) -> bool:
        """``token`` is a first name the article uses alone: one we know as a first name, never given an
        honorific or a title ("Mr Howard" is a surname, "Prince Charles" a royal; "Cadbury" is no first name)."""
        if token.lower() not in FIRST_NAME_GENDER or re.search(rf"\b(?:{_ROYAL_TITLES})\s+{re.escape(token)}\b", self.text):
            return False  # "Prince Charles ... Charles would be": a royal's name, not Charles Kennedy's
        for m in self.mentions:
            if m.name == token and (m.gender or m.role or _TITLED_BEFORE.search(self.text, max(0, m.char_start - 16), m.char_start)
                                    or _NOBLE_OF_AFTER.match(self.text, m.char_end)):
                return False  # "Prince Charles", "Michael of Romania"
        return True

    def subject_before(self, pos: int, gender: str | None, skip: tuple[int, int] = (0, 0)) -> tuple[str, int] | None:
        """The latest person named as a sentence subject before ``pos`` (gender-compatible), outside ``skip``."""
        for start, c in reversed(self.subjects):
            if start < pos and not skip[0] <= start < skip[1]:
                g = self.gender.get(c)
                if gender and g and g != gender:
                    continue
                return c, start
        return None

    @cached_property
    def unnamed_subjects(self) -> list[tuple[int, str | None]]:
        """(start, gender) of sentences whose subject is a person nobody names ("A spokesman declined to comment."):
        found when a pronoun first needs them, not for every article."""
        return [(m.start(1), UNNAMED_PEOPLE[m.group(2).lower()]) if m.group(1) else (m.start(3), None)
                for m in _unnamed_subjects(self.text)]

    def unnamed_before(self, pos: int, gender: str | None) -> int:
        """Where the latest sentence about an unnamed (gender-compatible) person starts before ``pos``; -1 if none."""
        return max((start for start, g in self.unnamed_subjects if start < pos and not (gender and g and g != gender)), default=-1)

    def before(self, pos: int, gender: str | None, skip: tuple[int, int] = (0, 0), other_than: str | None = None) -> str | None:
        for m in reversed(self.mentions):
            if m.char_start < pos and not skip[0] <= m.char_start < skip[1]:
                c = self.canonical[m.name]
                g = self.gender.get(c)
                if (gender and g and g != gender) or c == other_than:
                    continue
                return c
        return None

    def named_just_before(self, pos: int) -> str | None:
        """The full name that ends a comma before ``pos`` ("Paul Goosens, head of ...")."""
        for m in self.mentions:
            if m.full and m.char_end < pos and self.text[m.char_end : pos].strip() == ",":
                return self.canonical[m.name]
        return None

    def joint_start(self, pos: int) -> int | None:
        """Where a list of persons ending just before ``pos`` starts, or None when no person ends there.

        "William Harrison and [chief operating officer James Dimon] said", "Ann Cole, Tom Barker and
        [Jane Hill] said": the source at ``pos`` is the last of several people speaking together.
        """
        joined = _JOINED_BEFORE.search(self.text, max(0, pos - 8), pos)
        if joined is None:
            return None
        ends = self._mentions_by_end()
        start = None
        end = joined.start()
        while (m := ends.get(end)) is not None:
            start = m.char_start
            titled = _HONORIFIC_BEFORE.search(self.text, max(0, start - 10), start)
            if titled is not None:
                start = titled.start()  # "Mr Blair and Mr Brown": a mention's name leaves its honorific out
            comma = _LISTED_BEFORE.search(self.text, max(0, start - 3), start)
            if comma is None:
                break
            end = comma.start()
        return start if start is not None and _opens_sentence(self.text, start) else None

    def _mentions_by_end(self) -> dict[int, PersonMention]:
        if self._by_end is None:
            self._by_end = {m.char_end: m for m in self.mentions}
        return self._by_end

    def by_role(self, phrase: str) -> str | None:
        phrase = _ARTICLE.sub("", phrase.lower())
        exact = {c for c, r in self.roles.items() if r.lower() == phrase}
        if len(exact) == 1:
            return exact.pop()
        hits = {
            c for c, r in self.roles.items()
            if r.lower().endswith(" " + phrase) and not OFFICE_CHANGING & set(r.lower()[: -len(phrase)].split())
        }
        return hits.pop() if len(hits) == 1 else None

    def latest_subject_or_speaker(self, pos: int, last_speaker: tuple[str, int] | None) -> tuple[str, int] | None:
        """(name, start) of whichever came later before ``pos``: the latest sentence subject or the latest speaker."""
        subject = self.subject_before(pos, None)
        if last_speaker is not None and last_speaker[1] < pos and (subject is None or last_speaker[1] > subject[1]):
            return last_speaker
        return subject

    def latest_talking(self, pos: int, last_speaker: tuple[str, int] | None) -> str | None:
        """The person an epithet nobody was given names ("said the Scot", "the 23-year-old told"): the latest
        speaker or subject, when either is close before ``pos``."""
        subject = self.latest_subject_or_speaker(pos, last_speaker)
        if subject is None or pos - subject[1] - self.text.count(MASK, subject[1], pos) > EPITHET_REACH:
            return None
        return subject[0]

    def given_other_age(self, name: str, age: str, pos: int) -> bool:
        """Whether the article gives ``name`` an age other than ``age`` before ``pos``."""
        for m in self.mentions:
            if m.char_start >= pos:
                break
            if self.canonical[m.name] != name:
                continue
            found = (_ANY_AGE_AFTER_NAME.match(self.body, m.char_end)
                     or _ANY_AGE_BEFORE_NAME.search(self.body, max(0, m.char_start - 60), m.char_start))
            if found is not None and found.group(1) != age:
                return True
        return False

    def of_age(self, age: str, pos: int) -> str | None:
        """The person an age names ("the 24-year-old said"): the one the article gives that age, nearest
        before ``pos`` ("Jamal Pierce, 24,", "24-year-old Jamal Pierce"); None when no one has it (the caller
        then takes the latest speaker or subject close before: ``latest_talking``)."""
        given = re.compile(rf"\s*(?:,\s*|\()(?:aged\s+)?{age}\b")
        before = re.compile(rf"\b{age}-year-old((?:\s+[\w'’-]+){{0,3}})\s+$")
        best = None
        for m in self.mentions:
            if m.char_start >= pos and best is not None:
                break
            if self._gives(m, given, before):
                best = self.canonical[m.name]
        return best

    def of_nationality(self, noun: str, pos: int) -> str | None:
        """The person a nationality names ("the Italian told Sportsworld Radio"): the one nearest before ``pos``
        whom the article gives it ("Italian manager Carlo Rossi", "the Scot Andy Murray", "Rossi, an Italian,");
        None when no one has it, as for an age."""
        gender, given, before, of_country = _nationality_patterns(noun)
        best = None
        for m in self.mentions:
            if m.char_start >= pos:
                break
            c = self.canonical[m.name]
            if gender and self.gender.get(c) not in (None, gender):
                continue
            if self._gives(m, given, before) or of_country.search(self.body, m.char_start, m.char_end):
                best = c
        return best

    def _gives(self, m: PersonMention, given: re.Pattern[str], before: re.Pattern[str]) -> bool:
        """Whether the article gives the person at mention ``m`` an age or a nationality: ``given`` right after the
        name ("Jamal Pierce, 24,"), or ``before`` right before it past titles only ("24-year-old Jamal Pierce";
        in "the 21-year-old told Cadena Cope" or "Italian fans booed Carlo Rossi" a verb comes between, and the
        name is someone else)."""
        if given.match(self.body, m.char_end):
            return True
        titled = before.search(self.body, max(0, m.char_start - 60), m.char_start)
        return titled is not None and all(w[:1].isupper() or w.lower() in TITLE_WORDS or w.lower() in ROLE_MODIFIERS
                                          for w in titled.group(1).split())

    def party_of(self, name: str) -> str | None:
        """The party the article gives ``name`` beside one of its mentions ("Ohio Gov. Mike DeWine, a Republican",
        "Republican Gov. ...", "(D-Mich.)"), if any."""
        for m in self.mentions:
            if self.canonical[m.name] != name:
                continue
            # the description after the name first ("DeWine, a Republican,"), then the title before it
            after = _PARTY_MENTION.search(self.body, m.char_end, m.char_end + PARTY_REACH)
            before = list(_PARTY_MENTION.finditer(self.body, max(0, m.char_start - PARTY_REACH), m.char_start))
            found = after or (before[-1] if before else None)
            if found is not None:
                return _PARTY_OF_WORD[(found.group(1) or found.group(2)).lower()]
        return None

    def holder_of(self, phrase: str, pos: int, last_speaker: tuple[str, int] | None = None) -> str | None:
        """``Gordon Brown has issued ... The chancellor said``: a title names the person in the news,
        the latest subject or speaker (``..., Michael Howard has said. "...", the Conservative leader said``).

        Once a title has named someone, it names them for the rest of the article: a report
        calls one person "the foreign secretary" throughout, however far from their name.
        """
        name = self.by_role(phrase)
        if name is not None:
            return name
        bare = _ARTICLE.sub("", phrase.lower())
        if bare.rsplit(None, 1)[-1] in GENERIC_TITLES:
            return None  # "The spokesman said": most often someone never named, not the person in the news
        if bare in self.title_holders:
            return self.title_holders[bare]
        subject = self.latest_subject_or_speaker(pos, last_speaker)
        if subject is None and not any(m.char_start < pos for m in self.mentions):
            # "A major change is needed, the shadow chancellor said. Oliver Letwin said ...": a report's
            # opening names the title's holder next, as the subject of a sentence that follows closely
            # (once anyone is named, the title may be theirs: "criticism by Matt Williams. The Scotland coach said")
            # (quoted words between do not count: the holder may be named after the quotation that follows;
            # failing a subject, a person named with a title: '"...," said economy minister Heizo Takenaka')
            def near(start: int) -> bool:
                return pos < start and start - pos - self.text.count(MASK, pos, start) <= _NAMED_NEXT_WITHIN

            subject = next(((c, start) for start, c in self.subjects if near(start)), None) or next(
                ((self.canonical[m.name], m.char_start) for m in self.mentions if m.full and m.role and near(m.char_start)), None)
        if subject is None or pos - subject[1] > 400:
            return None
        role = self.roles.get(subject[0])
        # "minister" held by the person named "economy minister Heizo Takenaka" is the economy minister;
        # a "deputy prime minister" is not "the prime minister"; "Gov. Ann Pell" is "the governor"
        if role is not None and not (bare.endswith(role.lower()) or bare in _spelled_out(role.lower()) or _same_office(bare, role)):
            return None
        party = next((_PARTY_OF_WORD[w] for w in bare.split() if w in _PARTY_OF_WORD), None)
        if party is not None and self.party_of(subject[0]) not in (None, party):
            return None  # "the Republican governor" is not Gov. Whitmer, whom the article calls a Democrat
        self.title_holders[bare] = subject[0]
        return subject[0]


# Words a report puts before a title it has given in full: "the Republican governor" for "South Dakota Gov. X".
_EPITHET_ADJECTIVES = frozenset(w for w, p in PARTY_WORDS.items() if p.epithet) | frozenset(
    "embattled veteran longtime first-term second-term two-term freshman".split())


_PARTY_OF_WORD = {w: p.party for w, p in PARTY_WORDS.items() if p.party}
_PARTY_MENTION = re.compile(r"\b(Republican|Democrat|Democratic|GOP)\b|\(([RD])-")
PARTY_REACH = 40  # characters either side of a name where its party is given


def _same_office(bare: str, role: str) -> bool:
    """Whether "the Republican governor" (``bare``, lowercased) names the office of the role "South Dakota Gov.": the
    same title once the party or stance before the one and the place before the other are set aside."""
    words = bare.split()
    while words and words[0] in _EPITHET_ADJECTIVES:
        words = words[1:]
    role_words = role.split()
    while role_words and role_words[0][:1].isupper() and role_words[0].lower() not in TITLE_WORDS:
        role_words = role_words[1:]  # a place: "South Dakota"
    return bool(words) and bool(role_words) and " ".join(words) in _spelled_out(" ".join(role_words).lower())


@lru_cache(maxsize=4096)
def _spelled_out(role: str) -> tuple[str, ...]:
    """A role with its abbreviated words spelled out ("lt. gov." -> "lieutenant governor")."""
    return tuple(" ".join(words) for words in product(*(TITLE_ABBREVIATIONS.get(w, (w,)) for w in role.split())))


def _knighted(text: str, start: int) -> bool:
    """The name at ``start`` follows "Sir" or "Dame"."""
    return text.endswith(tuple(f"{k} " for k in KNIGHTHOODS), max(0, start - 6), start)


def _outlet_at(mentions: Sequence[OutletMention], start: int, end: int) -> OutletMention | None:
    for m in mentions:
        if m.char_start is not None and m.char_start < end and start < m.char_end and m.role == "cited":
            return m
    return None


_PERSON_OF_THE = re.compile(r"^(.+?)\s+(?:of|for|at)\s+the\s+[A-Z]")
_WRITER_FOR = re.compile(r"^(.+?),?\s+(?:for|of|at|from|with)\s+(?:the\s+)?$")


def _reporter_of(frame: Frame, outer: Sequence[tuple[Attribution, Frame]], people: _People) -> Attribution | None:
    """``Our correspondent said that he understood ...``: "he" inside what a named person reports is that person,
    unless the reported words name someone "he" can be first ("Tom Finch said Mr Dale had lied when he ...")."""
    src = frame.source
    if src.kind != "pronoun" or src.surface.lower() not in ("he", "she"):
        return None
    gender = PRONOUNS[src.surface.lower()]
    for a, f in outer:
        if not (a.person and a.name and " " in a.name and f.content_start <= src.char_start < f.content_end):
            continue
        if people.gender.get(a.name) not in (None, gender):
            continue
        if any(f.content_start <= m.char_start < src.char_start and people.gender.get(people.canonical[m.name]) in (None, gender)
               for m in people.mentions):
            return None
        return Attribution(a.name, src.surface, a.role, None, True)
    return None


# An age standing for a person: "the 24-year-old said".
_AGE_EPITHET = re.compile(r"[Tt]he (\d{1,3})-year-old$")
NATIONALITIES = load_nationalities()
# "the Italian", "the 24-year-old Swede": a person called by nationality, perhaps with an age
_NATIONALITY_EPITHET = re.compile(rf"[Tt]he (?:\d{{1,3}}-year-old )?((?i:{'|'.join(sorted(NATIONALITIES, key=len, reverse=True))}))$")


def _definite_title(surface: str) -> bool:
    """"the chancellor", "the Conservative leader", "the shadow home secretary": "the", a title, and before
    the title only role modifiers, or names (a party, a country) before a title in lower case ("the
    Scottish Executive" is an institution)."""
    opening = surface[:4].lower()
    if opening not in ("the ", "our "):  # the cheap test first: most phrases open otherwise
        return False
    rest = surface[4:].strip()
    title = None
    for title in _TITLE_RE.finditer(rest):
        pass
    if title is None or title.end() != len(rest):
        return False
    before = rest[: title.start()].split()
    if rest[title.start() - 1 : title.start()] == "-":
        before = before[:-1]  # "the Tory co-chairman": the hyphenated prefix belongs to the title
    if before and before[-1].isalpha() and before[-1].islower() and before[-1] not in ROLE_MODIFIERS \
            and STOPWORDS.get(before[-1]) is None and not title.group(0)[:1].isupper():
        before = before[:-1]  # "the economy minister", "the sales director": a noun makes the title a compound
    named = any(w.lower() not in ROLE_MODIFIERS for w in before)
    # a capitalised title after a name is an institution, but a post-nominal one stays a title ("the Labour MP")
    institution = title.group(0)[:1].isupper() and title.group(0) not in POSTNOMINALS
    return all(w[:1].isupper() or w.lower() in ROLE_MODIFIERS for w in before) and not (named and institution)


# A document a person wrote, named by its writer: "Pryor's statement", "his resignation letter", "Mabey's own post".
_DOCUMENT_OF = re.compile(
    r"(?:(?P<pronoun>[Hh]is|[Hh]er)|(?P<owner>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*?)['’]s?)\s+"
    r"(?:(?:own|written|brief|short|emailed|joint|prepared|official|latest|first|final|resignation|farewell|open)\s+)?"
    r"(?:statement|letter|message|e-?mail|note|post|tweet|memo|blog(?: post)?|announcement)")


_DOCUMENT_NOUN = r"(statement|letter|e-?mail|memo|note|post|tweet|release)"
_THE_DOCUMENT = re.compile(r"[Tt]he " + _DOCUMENT_NOUN)
# How a report first names a person's document: "in a statement", "issued a brief statement", "sent a letter"
_A_DOCUMENT = re.compile(r"\b(?:in|issued|released|sent|posted|wrote|put out)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
                         + _DOCUMENT_NOUN + r"\b", re.IGNORECASE)
_SUBJECT_PRONOUN = re.compile(r"(?:^|,\s+)(he|she)\s+\w+")
_ITS_OWN = re.compile(r"\b(?:that it|its)\b")
_PASSIVE_VERB = re.compile(r"\b(?:was|were|has been|had been|is being|was being)\s+\w+(?:ed|en)\b")


# A sentence opening with a person's group: "Mr. Hammond's campaign", "The senator's office", "Pell's lawyers".
_POSSESSOR_GROUP_OPENING = re.compile(r"(?:[A-Z][\w.\-]*\s+){0,3}[\w.\-]+(?:'s|’s)\s+(?:re-?election\s+|presidential\s+)?"
                                      r"(?:campaign|office|team|staff|spokes(?:man|woman|person)|lawyers?|attorneys?|aides?|family|camp)\b")


def _document_writer(people: _People, pos: int, noun: str, last_speaker: tuple[str, int] | None) -> str | None:
    """The person who issued the document "the statement" at ``pos`` refers to: the subject of the sentence that
    named it, in this paragraph or the one before ("Lanning blasted the suit in a statement Monday."; "In a
    statement released through his attorney, he argued ..."), when a person is that subject."""
    text = people.text
    lo = pos
    for _ in range(2):  # back to the start of the paragraph before
        lo = max(0, text.rfind("\n", 0, lo))
        while lo > 0 and text[lo - 1] == "\n":
            lo -= 1
    found = [m for m in _A_DOCUMENT.finditer(text, lo, pos) if m.group(1).lower().replace("-", "") == noun.replace("-", "")]
    if not found:
        return None
    mention = found[-1].start()
    sent_start = max(text.rfind(". ", 0, mention) + 2, text.rfind("\n", 0, mention) + 1)
    sent_end = min((k for k in (text.find(". ", mention), text.find("\n", mention)) if k != -1), default=len(text))
    if _POSSESSOR_GROUP_OPENING.match(text, sent_start, mention):
        return None  # "Mr. Hammond's campaign said in a statement ...": the campaign issued it, not Hammond
    subject = people.subject_before(sent_end, None)
    if subject is not None and sent_start <= subject[1] < sent_end:
        # the subject issued it ("Lanning blasted the suit in a statement", "In a statement issued through his agent,
        # Mabey said"), but not when another cue or a passive stands between them ("Coach Dan Smith was fired
        # Friday, the university announced in a statement"), nor when "it" reports for the subject ("Kessler Brandt
        # said in a statement that it ...": a company)
        between = text[min(subject[1], mention) : max(subject[1], mention)]
        clause = between.rsplit(",", 1)[1] if "," in between else ""  # a clause of its own after a comma
        if (_PASSIVE_VERB.search(between) or any(w in CUES for w in re.findall(r"[a-z]+", clause))
                or _ITS_OWN.search(text, subject[1], sent_end)):
            return None
        return subject[0]
    pronoun = _SUBJECT_PRONOUN.search(text, sent_start, sent_end)
    if pronoun is not None:
        named = people.latest_subject_or_speaker(sent_start, last_speaker)
        gender = "m" if pronoun.group(1) == "he" else "f"
        if named is not None and people.gender.get(named[0]) in (None, gender):
            return named[0]
    return None


# A quotation that opens by addressing someone by name: '"Dana, I'm a mayor ...'.
_VOCATIVE = re.compile(r"[\"“]?((?-i:[A-Z][a-z]+)),\s")


_AGE_AT_END = re.compile(r",\s*\d{1,3},$")


def _describes_role(words: Sequence[str]) -> bool:
    """A description set off after a name: "a Trump volunteer in Waukesha", or a role without its article
    ("business manager of a Duluth pipefitters local")."""
    return words[0].lower() in ("a", "an", "the") or (words[0].islower() and any(w in TITLE_WORDS for w in words[:3]))


def _attribute(frame: Frame, people: _People, mentions: Sequence[OutletMention], last_speaker: tuple[str, int] | None) -> Attribution:
    src = frame.source
    outlet = _outlet_at(mentions, src.char_start, src.char_end)
    if outlet is not None:
        # "BBC economic editor Evan Davis said", "the BBC's Jonathan Beale reports": the journalist speaks
        role, toks, _ = split_name(src.surface[outlet.char_end - src.char_start :].split())
        if not (src.char_start <= outlet.char_start and len(toks) >= 2 and _valid_person(toks, False)):
            # "wrote Cameron Easley for Morning Consult": the journalist before the outlet
            writer = _WRITER_FOR.match(src.surface[: max(0, outlet.char_start - src.char_start)])
            toks = split_name(writer.group(1).split())[1] if writer else []
            if not (len(toks) >= 2 and _valid_person(toks, False)):
                return Attribution(None, src.surface, None, outlet, False)
            role = None
        name = people.resolve_name(toks, src.char_start)
        return Attribution(name, src.surface, src.role or role or people.roles.get(name or ""), None, True)
    if src.kind == "pronoun":
        gender = PRONOUNS[src.surface.lower()]
        if src.surface.lower() not in ("he", "she", "i"):
            return Attribution(None, src.surface, None, None, False)
        name = None
        if last_speaker is not None and frame.cue_start - last_speaker[1] < 1200:
            g = people.gender.get(last_speaker[0])
            if not (gender and g and g != gender):
                name = last_speaker[0]
        # "Mr Blair has failed, he claimed": a person named in the reported words is not who "he" is
        own_words = (frame.content_start, frame.content_end)
        subject = people.subject_before(src.char_start, gender, own_words)
        if subject is not None and (name is None or last_speaker is None or subject[1] > last_speaker[1]):
            name = subject[0]  # "Vincent Cable ... accused Mr Brown. He said: ..." — the newer subject
        if name is not None and (vocative := _VOCATIVE.match(people.body, frame.content_start, frame.content_end)) is not None and (
                vocative.group(1) in name.split()):
            # '"Dana, I'm a mayor of a mid-sized city," she said': the quotation addresses Dana, so she is someone else
            name = people.before(src.char_start, gender, own_words, other_than=name)
        if name is None:
            name = people.before(src.char_start, gender, own_words)
        elif people.unnamed_before(src.char_start, gender) > max(subject[1] if subject and subject[0] == name else -1,
                                                                 last_speaker[1] if last_speaker and last_speaker[0] == name else -1):
            name = None  # "A UKIP spokesman said ... He did not defend ...": the spokesman, unnamed
        return Attribution(name, src.surface, people.roles.get(name) if name else None, None, name is not None)
    if src.kind == "relative":
        # ("a poll worker in Ashland Falls, who asked not to be named": the place is not who spoke)
        ante = src.antecedent
        ante_start = src.char_start - 2 - len(ante) if ante else 0  # ", who" follows it
        if ante and not (ante_start > 0 and people.body.startswith(ante, ante_start)
                         and _place_after_in(people.body, ante_start, ante)):
            role, toks, _ = split_name(src.antecedent.split())
            # "Labour's Mr Ortiz, who says ...": an honorific or a name already known makes one word a person
            titled = any(t.rstrip(".").lower() in HONORIFICS for t in src.antecedent.split())
            if _valid_person(toks, titled or (len(toks) == 1 and people.resolve_name(toks, src.char_start) is not None)):
                name = people.resolve_name(toks, src.char_start)
                return Attribution(name, src.antecedent, people.roles.get(name or "", role), None, True)
        return Attribution(None, src.antecedent or src.surface, None, None, False)
    if src.kind == "phrase" and (document := _DOCUMENT_OF.match(src.surface)) is not None:
        # "Pryor's statement said", "His message read:": whoever wrote the document speaks
        if document.group("pronoun"):
            pronoun = "he" if document.group("pronoun").lower() == "his" else "she"
            owner = Source(pronoun, src.char_start, src.char_start + len(document.group("pronoun")), "pronoun", None, None)
        else:
            owner_end = src.char_start + document.end("owner")
            owner = Source(document.group("owner"), src.char_start, owner_end, "name", None, None)
        found = _attribute(frame._replace(source=owner), people, mentions, last_speaker)
        if found.person and found.name:
            return Attribution(found.name, src.surface, found.role, None, True)
    if src.kind == "phrase" and (document := _THE_DOCUMENT.fullmatch(src.surface)) is not None:
        # "Curtis Lanning blasted the suit in a statement. "...," the statement said.": whoever issued it speaks
        writer = _document_writer(people, src.char_start, document.group(1).lower(), last_speaker)
        if writer is not None:
            return Attribution(writer, src.surface, people.roles.get(writer), None, True)
    if src.kind == "phrase":
        words = src.surface.split()
        if (len(words) >= 4 and any(w.lower() in TITLE_WORDS for w in words[1:-2])
                and all(w[:1].isupper() or w.lower() in TITLE_WORDS or w.lower() in ROLE_MODIFIERS for w in words[1:])):
            # "His lawyer John Sayer said", "The Liberal Democrat parliamentary chairman Matthew Taylor said":
            # a title, then the name (not "A spokesman for Ann Cole")
            role, toks, _ = split_name(words[1:])
            if role and _valid_person(toks, False):
                name = people.resolve_name(toks, src.char_start)
                return Attribution(name, src.surface, people.roles.get(name or "", role), None, True)
        # the cheap test first: most phrases do not open with "the"
        age = _AGE_EPITHET.match(src.surface)
        nationality = _NATIONALITY_EPITHET.match(src.surface) if age is None else None
        if age is not None or nationality is not None:
            if age is not None:
                name = people.of_age(age.group(1), src.char_start)
            else:
                name = people.of_nationality(nationality.group(1).lower(), src.char_start)
            if name is None:
                name = people.latest_talking(src.char_start, last_speaker)
                if name is not None and age is not None and people.given_other_age(name, age.group(1), src.char_start):
                    name = None  # "Darren Holt, 52, praised his striker. ... the 24-year-old said": someone else
        else:
            name = people.holder_of(src.surface, src.char_start, last_speaker) if _definite_title(src.surface) else None
        return Attribution(name, src.surface, people.roles.get(name) if name else None, None, name is not None)
    if any(m.name.split()[0].lower() in FIRST_NAME_GENDER for m in people.full_mentions_by_surname.get(src.surface, ())):
        # "Raymond Dutch ... Dutch said", "Raymond English ... English said": a surname the article gave in full after
        # a first name, though alone it reads as a nationality or a descriptor
        name = people.resolve_name([src.surface], src.char_start)
        return Attribution(name, src.surface, people.roles.get(name or ""), None, name is not None)
    role, toks, gender = split_name(src.surface.split())
    if not role and toks and _organisation_before(people.text, src.char_start, toks[0]):
        return Attribution(None, src.surface, None, None, False)  # "the charity Diabetes Action said"
    if not role and len(toks) >= 2 and src.surface == " ".join(toks) and people.short_for_organisation(src.surface, src.char_start):
        return Attribution(None, src.surface, None, None, False)  # "Kessler Brandt Pharmaceuticals ... Kessler Brandt said"
    of_the = _PERSON_OF_THE.match(src.surface)
    if of_the:
        # "Ben Bernanke of the Federal Reserve said": in a speaker's place, the person of an organisation
        o_role, o_toks, o_gender = split_name(of_the.group(1).split())
        if len(o_toks) >= 2 and _valid_person(o_toks, False):
            role, toks, gender = o_role, o_toks, o_gender
    joint = people.joint_start(src.char_start)
    if joint is not None:
        # "William Harrison and chief operating officer James Dimon said": a joint statement, nobody's alone
        return Attribution(None, people.body[joint : src.char_end], None, None, False)
    honorific = src.surface.split()[0].rstrip(".").lower() in HONORIFICS or src.surface.split()[0] in PEERAGE
    alone = len(toks) == 1 and src.surface.strip() == toks[0]
    known = len(toks) == 1 and people.resolve_name(toks, src.char_start, alone=alone) is not None
    # "Michelle, a mother of twins, said": a described single name is a person, not a company
    described = len(toks) == 1 and src.role is not None and STOPWORDS.get(toks[0].lower()) is None
    if not _valid_person(toks, honorific or known or described):
        if role and not toks:
            # "Paul Goosens, head of Preventon told": an appositive whose closing comma is missing names its person
            name = people.named_just_before(src.char_start) or people.by_role(role)
            return Attribution(name, src.surface, people.roles.get(name, role) if name else None, None, name is not None)
        return Attribution(None, src.surface, None, None, False)
    name = people.resolve_name(toks, src.char_start, knighted=any(w in KNIGHTHOODS for w in src.surface.split()), alone=alone)
    if name is None:
        if honorific or described:
            name = toks[-1] if len(toks) == 1 else " ".join(toks)
        else:
            return Attribution(None, src.surface, None, None, False)  # "Pernod said": an organisation
    role = src.role or role or people.roles.get(name)
    return Attribution(name, src.surface, role, None, True)


# --------------------------------------------------------------------------- the stage


class _Row(NamedTuple):
    """A quote before its index and its article-wide role are known: the ``Quote`` is built once, at the end
    (a frozen dataclass costs several times a named tuple to build)."""
    sentence_idx: int
    kind: str
    text: str
    char_start: int
    char_end: int
    cue: str | None
    speaker_name: str | None
    speaker_surface: str | None
    speaker_role: str | None
    via_outlet_id: str | None
    via_outlet_name: str | None


# Two apostrophes for a double quote mark (``''It's fair,'' said Mr. Burman``: news archives in ASCII, wire
# copy): an opener after a space, a closer after a word, read as a '"' beside a space so that every offset
# stays the body's. Three in a row are left alone.
_ASCII_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013-]))(?:''|``)(?=[^\s'`])", re.MULTILINE)
_ASCII_CLOSE = re.compile(r"(?<=[^\s'`])''(?=[\s,.;:!?)\]\u2014\u2013-]|$)", re.MULTILINE)


def _ascii_doubles(body: str) -> str:
    """``body`` with ASCII double quotes (two apostrophes, or LaTeX's two backticks) as '"', same length."""
    if "''" not in body and "``" not in body:
        return body
    return _ASCII_CLOSE.sub('" ', _ASCII_OPEN.sub(' "', body))


@dataclass(frozen=True)
class Attributions:
    """What an article attributes to its sources: quotations, and speech acts with their objects."""

    quotes: tuple[Quote, ...]
    acts: tuple[Quote, ...]


def _asked_person(body: str, frame: Frame, people: _People) -> str | None:
    """The person a question was put to, by name ("asked Amsel what ..."): the one who answers next."""
    if frame.audience is None:
        return None
    _, toks, _ = split_name(body[frame.audience[0] : frame.audience[1]].split())
    if not toks or not all(t[:1].isupper() for t in toks):
        return None
    return people.resolve_name(toks, frame.audience[0])


def _named_after_opening_role(masked: str, start: int, pm: PersonMention) -> bool:
    """"The president of Fraternal Order of Police Lodge 5, Michael Brannigan, was more effusive.": the name set
    off by commas after the role that opens the sentence is its subject, however long the role."""
    comma = masked.rfind(",", start, pm.char_start)
    between = masked[comma + 1 : pm.char_start].strip()  # nothing, or the name's own title ("Senate Minority Leader")
    titled = not between or (pm.role is not None and between.lower() == pm.role.lower()) or all(
        w.lower() in TITLE_WORDS for w in between.split())
    return (comma != -1 and titled
            and masked.startswith(",", pm.char_end) and _determined_opening(masked, start, comma) is not None)


def find_quotes(seg: Segmentation, mentions: Sequence[OutletMention] = ()) -> tuple[Quote, ...]:
    """The article's quotations (direct, partial, indirect), in body order."""
    return find_attributions(seg, mentions).quotes


def find_attributions(seg: Segmentation, mentions: Sequence[OutletMention] = ()) -> Attributions:
    """The article's quotations and its speech acts, each in body order (one pass finds both)."""
    text = seg.body
    body = _ascii_doubles(text)  # what the passes read; rows quote ``text``
    spans = find_quote_spans(body, [(p.char_start, p.char_end) for p in seg.paragraphs])
    masked = _blank_datelines(_lower_headline_cues(mask_quotes(body, spans), seg), seg)
    people = _People(find_people(masked, mentions), masked, body)
    sentence_at = _sentence_index(seg)
    last_subject: PersonMention | None = None
    for pm in people.mentions:
        s = seg.sentences[sentence_at(pm.char_start)] if seg.sentences else None
        # A name within the first four words of its sentence is a subject, after a comma too ("However,
        # Mr Brown said"): excluding names right after a comma lost speakers on the BBC dev set (0.909 -> 0.905).
        # A fifth piece means more than four words: the rest of a long prefix is not split. The name's own
        # title does not count ("On Sunday, Lib Dem leader Charles Kennedy repeated ...").
        role_words = len(pm.role.split()) if pm.role else 0
        # past an opening adverbial and its comma ("Asked whether he had seen it before, Mr. Harlan said he had not")
        opening = _opening_adverbial_end(masked, s.char_start, pm.char_start) if s is not None else None
        prefix = masked[opening or s.char_start : pm.char_start].split(None, 4 + role_words) if s is not None else []
        if s is None or (len(prefix) > 4 + role_words and not _named_after_opening_role(masked, s.char_start, pm)):
            continue
        if (any(w.islower() and _VERB_LIKE.fullmatch(w) for w in prefix[: len(prefix) - role_words])
                and _APPOSITIVE_HEAD.fullmatch(masked, opening or s.char_start, pm.char_start) is None):
            continue  # after a verb, a name is its object: "The 22-year-old pipped Maurice Greene", "He told Mr Brown"
        if _opening_participle(prefix[: len(prefix) - role_words]):
            continue  # nor after an opening participle: "Describing Mr Jackson as ..., the mother-of-nine said"
        if _POSSESSOR_OF_NAME.match(masked, pm.char_end):
            continue  # a possessor before a name is no subject: "Aston Villa's Thomas Hitzlsperger"
        if last_subject is not None and last_subject.char_start >= s.char_start:
            between = masked[last_subject.char_end : pm.char_start]
            words = [w.lower().removesuffix("'s").removesuffix("’s") for w in between.split()]
            if (any(c in between for c in ",;:()") or any(_VERB_LIKE.fullmatch(w) for w in words)
                    or any(STOPWORDS.get(w) == "function" and w != "and" for w in words)):
                # "Dr Fox accused Mr Blair", "Justine Henin, the Australian Open champion", "Andre Agassi's
                # place in the Australian Open": the first person is the subject
                continue
            # "German Economy minister Wolfgang Clement", "Beach Boys veteran Brian Wilson", "X and Y": the later name
            people.subjects.pop()
        people.subjects.append((pm.char_start, people.canonical[pm.name]))
        last_subject = pm
    # roles seen in speaker frames count for the whole article
    frames_by_sentence = _frames_by_sentence(seg, masked, sentence_at)
    for frames in frames_by_sentence:
        for f in frames:
            if f.source.kind == "name" and f.source.role:
                _, toks, _ = split_name(f.source.surface.split())
                if toks:
                    people.roles.setdefault(people.resolve_name(toks, f.source.char_start) or " ".join(toks), f.source.role)
    sentence_of = _sentence_index(seg)
    top = [sp for sp in spans if sp.parent is None]
    top_starts = [sp.start for sp in top]
    # spans come in start order except for single quotes nested in single quotes: then scan them all
    in_order = all(a <= b for a, b in zip(top_starts, top_starts[1:]))
    nested = [sp for sp in spans if sp.parent is not None]

    last_speaker: tuple[str, int] | None = None
    last_attr: tuple[Attribution, Frame | None, int, int] | None = None  # attribution, frame, sentence, paragraph
    prev_span: QuoteSpan | None = None
    out: list[_Row] = []
    directs: list[_Row] = []  # the direct quotes in ``out``, checked against every reported clause

    def emit(kind: str, start: int, end: int, sent_idx: int, frame: Frame | None, attr: Attribution | None, via: OutletMention | None) -> None:
        s, e = start, end
        while s < e and body[s].isspace():
            s += 1
        e = _rstrip(body, s, e)
        while e > s and body[e - 1] in ",;: ":
            e -= 1
        if e <= s:
            return
        name = attr.name if attr else None
        out.append(
            _Row(
                sent_idx, kind, text[s:e], s, e, _cue_as_written(frame, body) if frame else None, name,
                attr.surface if attr else None, (attr.role if attr and attr.person else None),
                via.outlet_id if via else None, via.outlet_name if via else None,
            )
        )
        if kind == "direct":
            directs.append(out[-1])

    for sent in seg.sentences:
        frames = frames_by_sentence[sent.sentence_idx]
        lo, hi = sent.char_start, sent.char_end
        first, last = (bisect.bisect_left(top_starts, lo), bisect.bisect_right(top_starts, hi)) if in_order else (0, len(top))
        if not frames and first == last:
            continue  # no frame and no quote starting here (most sentences): nothing to attribute or emit
        # outlet frames in this sentence are the channel for the others
        attrs = _attributions(frames, people, mentions, last_speaker)
        via_sentence = next((a.outlet for a, f in attrs if a.outlet is not None), None)
        if via_sentence is None:
            for f in frames:
                if f.audience:
                    via_sentence = _outlet_at(mentions, *f.audience) or via_sentence
        person_frames = [(a, f) for a, f in attrs if a.outlet is None]
        # quotes that start in this sentence
        sent_spans = [sp for sp in top[first:last] if lo <= sp.start - 1 < hi or (sp.start - 1 < lo and lo <= sp.start < hi)]
        for sp in sent_spans:
            if _work_title(body, sp):
                continue  # a name, not anyone's words
            end_sent = sentence_of(sp.end - 1)
            kind = _kind(body, masked, seg, sp, lo, prev_span)
            frame_attr = _frame_for_quote(sp, kind, person_frames or attrs, body, masked, seg, end_sent)
            if frame_attr is None and kind == "direct" and end_sent != sent.sentence_idx and frames_by_sentence[end_sent]:
                # "It was fine. I liked it," she said.: a quotation of several sentences is framed in its last
                later = _attributions(frames_by_sentence[end_sent], people, mentions, last_speaker)
                frame_attr = _frame_for_quote(sp, kind, [af for af in later if af[0].outlet is None] or later,
                                              body, masked, seg, end_sent)
            nested_here = [n for n in nested if n.start > sp.start and n.end <= sp.end]
            inner_done = False
            for n in nested_here:
                inner = _nested_direct(body, masked, n, sp, people, last_speaker)
                if inner is not None:
                    a, cue = inner
                    via = via_sentence or (frame_attr[0].outlet if frame_attr else None)
                    fr = Frame(sent.sentence_idx, cue, n.start, n.start, Source(a.surface or "", n.start, n.start, "pronoun", None, None), n.start, n.end, None, "speech", "before")
                    emit("direct", n.start, n.end, sent.sentence_idx, fr, a, via)
                    if a.name:
                        last_speaker = (a.name, n.start)
                    inner_done = True
            if frame_attr is not None:
                a, f = frame_attr
                if inner_done and not a.person:
                    prev_span = sp
                    continue  # the outer quote is the outlet's text carrying someone's words
                via = a.outlet or (via_sentence if via_sentence is not None else None)
                if f.audience and via is None:
                    via = _outlet_at(mentions, *f.audience)
                emit(kind, sp.start, sp.end, sent.sentence_idx, f, a, via)
                if a.name and a.person:
                    last_speaker = (a.name, sp.start)
                last_attr = (a, f, sent.sentence_idx, sent.paragraph_idx)
            elif inner_done:
                pass
            elif (signed := _signature(body, seg.paragraphs[sent.paragraph_idx], sp, people)) is not None:
                emit("direct", sp.start, sp.end, sent.sentence_idx, None, signed, None)
                last_speaker = (signed.name, sp.start)
            elif (kind == "direct" and not frames and masked[sent.char_start : sp.start - 1].rstrip().endswith(":")
                  and (a := _subject_speaker(seg, masked, sent, sp, people, mentions, last_speaker, introduces=True)) is not None):
                # a colon after a sentence without a cue: 'Mrs. Hadley, appearing an hour earlier, sounded a more
                # measured tone: "..."', 'Holloway interrupted: "..."': its subject speaks
                emit(kind, sp.start, sp.end, sent.sentence_idx, None, a, None)
                last_speaker = (a.name, sp.start)
                last_attr = (a, None, sent.sentence_idx, sent.paragraph_idx)
            elif (kind == "direct" and not frames
                  and (a := _lead_in_speaker(seg, masked, sent, sp, frames_by_sentence, people, mentions, last_speaker)) is not None):
                # a paragraph that is all quotation under a sentence introducing its speaker: "Sen. Dale Whitcomb
                # was blunt.", "Banfield issued a longer statement after the vote:", then the quotation
                emit(kind, sp.start, sp.end, sent.sentence_idx, None, a, None)
                last_speaker = (a.name, sp.start)
                last_attr = (a, None, sent.sentence_idx, sent.paragraph_idx)
            elif kind == "direct" and last_attr is not None and _continues(seg, last_attr, sent, prev_span, sp):
                a, f = last_attr[0], last_attr[1]
                via = a.outlet or via_sentence
                if via is None and f is not None and f.audience:
                    via = _outlet_at(mentions, *f.audience)
                emit(kind, sp.start, sp.end, sent.sentence_idx, f, a, via)
            else:
                # only in a sentence without any cue: a fragment inside a frame ("said "repeatedly" that") is the writer's
                a = _subject_speaker(seg, masked, sent, sp, people, mentions, last_speaker) if kind == "partial" and not frames else None
                emit(kind, sp.start, sp.end, sent.sentence_idx, None, a, None)
            prev_span = sp
        # indirect speech: frames whose content clause has no quotation in it
        for a, f in person_frames + [(a, f) for a, f in attrs if a.outlet is not None]:
            if f.position == "named":
                if a.name and a.person:
                    last_speaker = (a.name, f.cue_start)
                continue
            # a stance towards a named party ("endorsed Clinton", "attacked Trump") is short and still the content
            short = (f.category == "object" and f.position == "before" and f.source.kind in ("name", "pronoun", "phrase")
                     and body[f.content_start : f.content_start + 1].isupper())
            if f.content_end - f.content_start < (3 if short else 12):
                continue
            # a clause that is (or holds) a direct quote is reported by that quote; partial quotes
            # inside a reported clause are kept both as the clause and as the quoted fragment
            inside = [q for q in directs if q.char_start - 1 < f.content_end and f.content_start < q.char_end + 1]
            if inside:
                # "She said X would not qualify, and when pressed, replied, "...": X stops before the quote's clause
                comma = body.rfind(",", f.content_start, min(q.char_start for q in inside) - 1)
                if f.position != "before" or comma == -1 or comma - f.content_start < 40:
                    continue
                f = f._replace(content_end=_rstrip(body, f.content_start, comma))
            words = body[f.content_start:f.content_end].split()
            if len(words) < (1 if short else 3) or (words[-1].lower().strip(",;:") in _DANGLING and not _ends_in_particle(body, f.content_end, hi)):
                continue  # a clause cut short ("the powers - which") is not a reported statement
            # a frame nested in the content: the outer content stops where the inner source starts, unless that source is its subject
            inner = [g for g in frames if g is not f and f.content_start <= g.source.char_start and g.cue_end <= f.content_end
                     and g.content_end - g.content_start >= 12 and g.category in ("speech", "thought")]
            if inner:
                # "said the campaign planned X, though she acknowledged Y": X is the outer content
                cut = min(g.source.char_start for g in inner)
                head = re.sub(r"(?:[\s,;:]|\b(?:and|but|though|although|while|as|because|that)\b)*$", "", body[f.content_start:cut])
                # a relative set off by a dash or comma is a parenthesis ("son - whom he says he fathered -");
                # one without ("a mass of people whom he says ...") leaves the clause unfinished
                head = re.sub(r"\s*(?:,|\s[-\u2013\u2014])\s*(?:who|whom|which)$", "", head)
                if head.split() and head.split()[-1].lower() in _DANGLING:
                    # "... and hotels, amounting to what the senators said was ...": keep the clause before the comma
                    head = head[: head.rfind(",")] if "," in head else ""
                # "May said Britain would declare its intention to leave", "Vos said Ortiz said the sale was legal":
                # when the inner source is the outer clause's subject, the whole clause is what she said (the inner
                # frame reports its own clause too: a nested attribution gives an entry for each)
                # (after an opening phrase: "At a closed-door lunch, at least three senators told ... , according to")
                opening = _OPENING_PHRASE.match(body, f.content_start, cut)
                subject_at = opening.end() if opening is not None else f.content_start
                counted = subject_at == cut or (
                    any(g.source.char_start == cut and g.source.kind != "pronoun" for g in inner)
                    and _COUNT_BEFORE_SOURCE.fullmatch(body, subject_at, cut) is not None)
                whole = (cut == f.content_start or counted) and a.outlet is None and (
                    f.position == "before" or not any(_reports_clause(masked, g, hi) for g in inner))
                if not whole:
                    if len(head.split()) < 3 or a.outlet is not None:
                        continue
                    f = f._replace(content_end=f.content_start + len(head))
            if f.source.char_start >= f.content_start and f.source.char_end <= f.content_end and f.position != "around":
                continue
            via = a.outlet if a.outlet is not None else via_sentence
            if via is None and f.audience:
                via = _outlet_at(mentions, *f.audience)
            emit(f.act or "indirect", f.content_start, f.content_end, sent.sentence_idx, f, a, via)
            if f.also is not None and len(body[f.also[0] : f.also[1]].split()) >= 3:
                emit("indirect", *f.also, sent.sentence_idx, f, a, via)
            asked = _asked_person(body, f, people) if f.act == "question" else None
            if asked is not None:
                last_speaker = (asked, f.cue_end)  # "When I asked Amsel what she had found, she laughed. "...," she said."
            elif a.name and a.person and f.position != "noun":
                last_speaker = (a.name, f.cue_start)
            last_attr = (a, f, sent.sentence_idx, sent.paragraph_idx)
    for start, end, attr in _transcript_answers(seg, body, people):
        # the answer is the interviewee's whole paragraph: what was read inside it as a report or a quote is part of
        # it; in a question's turn, what a question asks about is no one's statement ("Q: Do you worry that ...?"),
        # though a report in it is ("Q: Senator Harrigan says the roads still need fixing. What's your plan?")
        out[:] = [q for q in out if not (start <= q.char_start and q.char_end <= end
                                         and (attr is not None or _asked_in(seg, body, sentence_of(q.char_start))))]
        if attr is not None:
            emit("direct", start, end, sentence_of(start), None, attr, None)
    out.sort(key=lambda q: (q.char_start, q.char_end))
    # one role per person in the article: the first one stated anywhere
    roles = dict(people.roles)
    for q in out:
        if q.speaker_name and q.speaker_role:
            roles.setdefault(q.speaker_name, q.speaker_role)

    def numbered(rows: Iterable[_Row]) -> tuple[Quote, ...]:
        return tuple(Quote(i, q.sentence_idx, q.kind, q.text, q.char_start, q.char_end, q.cue, q.speaker_name,
                           q.speaker_surface, roles.get(q.speaker_name) if q.speaker_name else None, q.via_outlet_id,
                           q.via_outlet_name)
                     for i, q in enumerate(rows))

    return Attributions(numbered(q for q in out if q.kind not in ACT_KINDS), numbered(q for q in out if q.kind in ACT_KINDS))


def _attributions(frames: Sequence[Frame], people: _People, mentions: Sequence[OutletMention],
                  last_speaker: tuple[str, int] | None) -> list[tuple[Attribution, Frame]]:
    """Each frame of a sentence with the speaker its source names."""
    attrs: list[tuple[Attribution, Frame]] = []
    for f in frames:
        # "..., he claimed, saying ...": a frame that shares the previous one's source words shares its speaker
        if attrs and attrs[-1][1].source.char_start == f.source.char_start:
            attrs.append((attrs[-1][0], f))
            continue
        reporter = _reporter_of(f, attrs, people)
        attrs.append((reporter if reporter is not None else _attribute(f, people, mentions, last_speaker), f))
    return attrs


def _frames_by_sentence(seg: Segmentation, masked: str, sentence_at) -> list[list[Frame]]:
    """``find_frames`` for each sentence, scanning the article once for cues: most sentences have none."""
    cues: dict[int, list[re.Match]] = {}
    for m in _scan(_CUE_RE, _CUE_AFTER, masked):
        i = sentence_at(m.start(1))
        s = seg.sentences[i] if seg.sentences else None
        if s is not None and s.char_start <= m.start(1) and m.end(1) <= s.char_end:
            cues.setdefault(i, []).append(m)
    others = {sentence_at(start) for start in _noun_frame_starts(masked)}
    return [find_frames(seg, masked, i, cues.get(i, ())) if i in cues or i in others else [] for i in range(len(seg.sentences))]


# Every match of the noun-frame patterns opens with a literal: ``str.find`` jumps between those far faster
# than a regex scan tries each position. No match can hold the literal of another, so matching at each
# occurrence finds the same matches as ``finditer`` over the article.
_POSSESSIVE_NOUN = re.compile(f"{_SPEECH_NOUN.pattern}|{_INTENT_NOUN.pattern}")  # matches where either does
_NOUN_FRAME_LITERALS = (("ccording to", 1, _ACCORDING), ("'s", 0, _POSSESSIVE_NOUN), ("’s", 0, _POSSESSIVE_NOUN))


def _noun_frame_starts(masked: str) -> list[int]:
    """Where ``_ACCORDING``, ``_SPEECH_NOUN`` or ``_INTENT_NOUN`` matches in the article."""
    starts = []
    for literal, before, pattern in _NOUN_FRAME_LITERALS:
        at = masked.find(literal)
        while at != -1:
            if at >= before and pattern.match(masked, at - before):
                starts.append(at - before)
            at = masked.find(literal, at + 1)
    return starts


def _subject_speaker(seg: Segmentation, masked: str, sent, sp: QuoteSpan, people: _People, mentions, last_speaker,
                     introduces: bool = False) -> Attribution | None:
    """A quoted fragment with no cue in its sentence belongs to the sentence's subject when that is a person
    (``Mr Howard pledged to stand up for the "forgotten majority"``); otherwise it is a scare quote.
    ``introduces``: the sentence introduces the quotation with a colon ('Holloway interrupted: "..."')."""
    subj = _sentence_subject(seg.body, masked, sent.char_start, sp.start - 1)
    if subj is None or subj.kind not in ("pronoun", "name", "phrase"):
        return None
    if introduces and (seg.body.startswith(("'s", "’s"), subj.char_end) or subj.surface.endswith(("'s", "’s"))
                       or subj.surface.split()[0].lower() in CUES):
        # before a colon: a possessor is no subject ("In Mr Peston's book Mr Brown is alleged to have told the prime
        # minister:"), nor is an inverted cue the frames did not take ("Said Williams:"). (A fragment's possessor is
        # the owner of the words: 'Mr Brown's insistence he was not "gloating"'.)
        return None
    frame = Frame(sent.sentence_idx, None, subj.char_end, subj.char_end, subj, sp.start, sp.end, None, "speech", "before")
    a = _attribute(frame, people, mentions, last_speaker)
    return a if a.person and a.name else None


def _sentence_index(seg: Segmentation):
    starts = [s.char_start for s in seg.sentences]

    def find(pos: int) -> int:
        i = bisect.bisect_right(starts, pos) - 1
        return max(i, 0)

    return find


_SPACES = re.compile(r"\s*")


_ATTRIBUTION_NEXT = re.compile(r"[,]?\s*(?:[A-Z]|he|she|they|it|we|said|says|added|told)")
# The frame that splits a quotation: '," he said, "', '," said Ms. Ortiz, the mayor, "' (a few words between commas).
_SPLIT_FRAME = re.compile(r"\s*,?\s*(?:[^\s,]+\s+){0,6}[^\s,]+\s*,(?:\s*[^\s,]+(?:\s+[^\s,]+){0,5}\s*,)?\s*")


def _kind(body: str, masked: str, seg: Segmentation, sp: QuoteSpan, lo: int, prev_span: QuoteSpan | None) -> str:
    if prev_span is not None and not prev_span.closed and prev_span.continues and sp.start - prev_span.end < 6:
        return "direct"
    before = masked[lo : sp.start - 1].strip()
    if before == "" or before.endswith(":") or (before.endswith(",") and _CUE_RE.search(before[-40:])):
        content = body[sp.start : sp.end].strip()
        if before.endswith(",") and content[:1].islower():
            # '"We are ready," he said, "and we will not blink."': the quotation split by its frame goes on
            between = masked[prev_span.end + (1 if prev_span.closed else 0) : sp.start - 1] if prev_span is not None else ""
            split = (prev_span is not None and lo <= prev_span.start and _SPLIT_FRAME.fullmatch(between) is not None
                     and _CUE_RE.search(between) is not None)
            return "direct" if split else "partial"
        # what follows the quote: its first character (the rest of the article is sliced only when needed)
        after = _SPACES.match(masked, sp.end + (1 if sp.closed else 0)).end()
        # (a quotation may end inside one it quotes: "I tell them: 'He's not talking about you.'")
        last = content.rstrip("'’")[-1:]
        ends_clause = masked[after : after + 1] in ("", ",", ".", "!", "?", ";", ":", "\n") or last in ".!?,"
        # three words at least: a long quotation is not split past its third word
        if ends_clause and (len(content.split(None, 2)) >= 3 or last in ".!?" or before.endswith(":")):
            return "direct"
        if ends_clause and before == "" and _ATTRIBUTION_NEXT.match(masked[after:].lstrip(",").lstrip()):
            return "direct"
    return "partial"


_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_NO_SENTENCE_END = re.compile(r"[^.!?]*")


def _frame_for_quote(sp, kind, frames_attrs, body, masked, seg, end_sent):
    """The frame whose content holds this quote, or that frames it from before/after."""
    best = None
    holding = [
        (a, f) for a, f in frames_attrs
        if not (f.position == "noun" and f.category == "directive")  # "the campaign's decision to ...": an act, not words
        and not (f.source.char_start < sp.end and sp.start < f.source.char_end)  # the quote names the source
        and _holds(f, sp, kind, seg)
    ]
    if holding:
        # the innermost frame, unless it only reports a stance inside someone's words: "Mr Blair told members
        # the Tories offered a "hard right agenda"" quotes Mr Blair (but "urged ministers to "think again"" quotes
        # whoever urged)
        spoken = [af for af in holding if af[1].category != "object"]
        return max(spoken or holding, key=lambda af: af[1].content_start)
    introduced = False  # ``best`` is a frame before the quote ("X said: ..."), not one after it
    for a, f in frames_attrs:
        if f.source.char_start < sp.end and sp.start < f.source.char_end:
            continue
        if kind == "direct" and f.category == "label":
            continue
        if kind == "direct":
            gap_after = masked[sp.end : f.source.char_start if f.position == "after" else f.cue_start]
            if f.cue_start >= sp.end and not _SENTENCE_BREAK.search(gap_after.replace(MASK, "")) and f.sentence_idx == end_sent:
                best = best or (a, f)
            elif f.cue_end <= sp.start and _NO_SENTENCE_END.fullmatch(masked[f.cue_end : sp.start - 1].replace(MASK, "")):
                # the nearest cue before the quote introduces it: "Asked whether he worried about a trade war,
                # Whitcomb said: ..." quotes Whitcomb, not the "he" who worried
                if best is None or (introduced and f.cue_end > best[1].cue_end and (a.person or f.source.kind == "name")):
                    best, introduced = (a, f), True
        elif (f.category != "thought" and f.cue_start < sp.start
              and (f.content_end <= f.content_start or f.category == "label")
              and (f.source.kind in ("pronoun", "name") or a.person)):
            best = best or (a, f)  # "She also called the delays "inexcusable."", "The chancellor hailed ..."
    return best


def _holds(f: Frame, sp: QuoteSpan, kind: str, seg: Segmentation) -> bool:
    """Whether frame ``f``'s content holds the quotation ``sp``."""
    if not (f.content_start - 2 <= sp.start and f.content_end > f.content_start):
        return False
    if sp.end <= f.content_end + 2:
        return True
    # a quoted fragment the segmenter cut in two ('insisted that voters "don't care about my taxes. They care about
    # their jobs."'): the content stops at its sentence's end, inside the quotation, which is still the frame's
    return kind != "direct" and sp.start < f.content_end and f.content_end >= seg.sentences[f.sentence_idx].char_end - 2


_NESTED_FRAME = re.compile(r"\b(he|she|[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)\s+(" + "|".join(map(re.escape, CUES)) + r")\s*[:,]\s*$")


def _nested_direct(body: str, masked: str, n: QuoteSpan, outer: QuoteSpan, people: _People, last_speaker):
    """``"Asked ..., he said: 'They are in it,'" the Times reported``: a quote inside a quote."""
    before = body[outer.start : n.start - 1]
    m = _NESTED_FRAME.search(before)
    if not m:
        return None
    surface = m.group(1)
    if surface.lower() in ("he", "she"):
        name = last_speaker[0] if last_speaker else people.before(n.start, PRONOUNS[surface.lower()])
    else:
        role, toks, _ = split_name(surface.split())
        name = people.resolve_name(toks, n.start) if _valid_person(toks, True) else None
    return Attribution(name, surface, people.roles.get(name) if name else None, None, name is not None), m.group(2)


# A quotation that is its whole paragraph, signed after a dash: "“...” ― Carla Sanchez", "\"...\" - Jo Reyes, 34, a
# nurse". Vox pops, readers' reactions and pull quotes are printed so. The dash is what signs it; a name after a
# comma ("...," Ms Reyes said) is a frame the cues find.
_SIGNATURE = re.compile(r"[^\S\n]*(?:[\u2015\u2014\u2013]|--?(?=\s))[^\S\n]*([^\n,]{2,60}?)[^\S\n]*(?:,[^\n\"\u201c\u201d]{1,100})?[^\S\n.]*\.?[^\S\n]*")


# A work's title in quotation marks: a programme's after "on" and perhaps its network ('said on NBC's "Meet the
# Press"', 'told Erin Boyce on "New Day"', 'said on Fox News' "America's Newsroom"'), or after its network told
# ('telling CNN's "State of the Union" that ...'), or any after the kind of
# work it is ('their debut album "Tidal Maps"', 'the disaster movie "Faultline"', 'the band's second album, "Salt",').
_WORK_TITLE_BEFORE = re.compile(r"(?:\bon\s+(?:(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*(?:'s|’s|'|’)\s+)?"
                                  r"|\b(?:told|telling|tells)\s+(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*(?:'s|’s|'|’)\s+"
                                  r"|\b(?:album|single|song|track|film|movie|show|series|programme|program|book|novel|play"
                                  r"|musical|documentary|sitcom|comedy|drama|thriller|opera|memoir|EP|record|hit|video game|game)"
                                  r",?\s+)[\"“]$")
_TITLE_SMALL_WORDS = frozenset(("the", "a", "an", "of", "and", "&", "in", "on", "at", "to", "for", "with", "this"))
WORK_TITLE_MAX_WORDS = 6


def _work_title(body: str, sp: QuoteSpan) -> bool:
    words = body[sp.start : sp.end].split()
    # (a comma may close it inside the marks, US style: 'Appearing on CBS's "Face the Nation," she said')
    return (0 < len(words) <= WORK_TITLE_MAX_WORDS and words[-1][-1:] not in ".;:!?"
            and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words) and words[0][:1].isupper()
            and _WORK_TITLE_BEFORE.search(body, max(0, sp.start - 60), sp.start) is not None)


def _signature(body: str, paragraph, sp: QuoteSpan, people: _People) -> Attribution | None:
    """The person who signs this quotation after a dash, when the quotation is its ``paragraph``."""
    if not (sp.closed and sp.double) or sp.end >= paragraph.char_end or body[paragraph.char_start : sp.start - 1].strip():
        return None
    m = _SIGNATURE.fullmatch(body, sp.end + 1, paragraph.char_end)
    if m is None:
        return None
    tokens = m.group(1).rstrip(".").split()
    # a lone surname ("- Chirac") signs only for a person the article names in full, which resolve_name requires
    name = people.resolve_name(tokens, m.start(1)) if len(tokens) == 1 or _valid_person(tokens, False) else None
    return Attribution(name, m.group(1).rstrip("."), people.roles.get(name), None, True) if name else None


# A sentence introducing the next paragraph's quotation names its speaker and says how the speaker spoke:
# "X was blunt.", "X was having none of it.", "X had a theory.", "X put it more bluntly." (or ends in a colon)
LEAD_IN_MAX_WORDS = 24
# A cue that introduces the next paragraph's quotation ends its sentence but for this many words ("said on Tuesday:")
COLON_CUE_MAX_WORDS_AFTER = 4
_LEAD_IN_PREDICATE = re.compile(
    r"\b(?:was|were|is|are|sounded|seemed)\s+(?:(?:even|far|much|more|less|notably|characteristically|equally|just as)\s+)?"
    r"(?:blunt|blunter|direct|candid|frank|emphatic|defiant|unapologetic|unrepentant|succinct|unequivocal|firm|adamant"
    r"|dismissive|skeptical|sceptical|scathing|withering|furious|angry|philosophical|optimistic|pessimistic|upbeat|cautious"
    r"|measured|diplomatic|conciliatory|combative|unmoved|unimpressed|not impressed|not convinced|unconvinced"
    r"|having none of it|in no mood|charitable|on the attack)\b"
    r"|\bhad (?:a|an|his|her|their|one|the)\s+(?:\w+\s+)?(?:theory|answer|explanation|message|warning|view|take|response"
    r"|reply|prediction|retort|verdict|assessment|question|suggestion|word|words)\b"
    r"|\b(?:put|summed) it (?:up )?(?:this way|bluntly|more bluntly|simply|succinctly|differently|another way|plainly)\b"
    r"|\b(?:did not|didn't|does not|doesn't) (?:mince (?:his |her |their )?words|hold back|sugarcoat it)\b"
    r"|\b(?:disagreed|agreed|begged to differ|pushed back|shot back|fired back|hit back)\b"
    r"|\b(?:bristled|scoffed|sighed|laughed|chuckled|shrugged|demurred|balked|bridled|winced)\b"
    r"|\b(?:answered|responded|replied) (?:first|next|quickly|immediately|directly)\b"
    r"|\bstruck a (?:different|similar|defiant|conciliatory|more \w+) (?:tone|note)\b"
    r"|\b(?:issued|released|gave|offered|posted) (?:a|an|his|her|their) (?:\w+\s+){0,2}(?:statement|warning|response|reply|assessment)\b"
    r"|\b(?:was|were) asked (?:about|whether|if|why|how|what)\b|\b(?:spoke|turned|appealed) (?:directly |again |next |then )?to\b"
    r"|\baddressed\b|\b(?:was|is|were) not (?:finished|done)\b|\bwent (?:further|on)\b|\bcontinued\b"
    r"|\b(?:expanded|elaborated) on (?:that|this|it|the (?:point|idea|argument|theme))\b"
    r"|\b(?:echoed|repeated|made|pressed|took up|rejected|disputed|dismissed|brushed (?:aside|off)|waved (?:away|off)|shrugged off) "
    r"(?:that|this|the|a|an|his|her|their|those|these) (?:\w+\s+){0,2}?(?:argument|point|case|view|concern|theme|criticism|claim|message"
    r"|poll|survey|report|finding|idea|notion|suggestion|charge|accusation|allegation|critique)s?\b",
    re.IGNORECASE)
_QUOTE_MARKS = re.compile("[\"“”]")


def _lead_in_speaker(seg: Segmentation, masked: str, sent, sp: QuoteSpan, frames_by_sentence, people: _People, mentions,
                     last_speaker) -> Attribution | None:
    """The speaker of a quotation that is a whole paragraph with no frame, named by the sentence closing the
    paragraph before: a short sentence with no quotation or cue of its own whose subject is a person ("Utah Sen.
    Dale Whitcomb, a longtime critic of the nominee, was blunt."), or one that ends in a colon."""
    para = seg.paragraphs[sent.paragraph_idx]
    if sent.paragraph_idx == 0 or masked[para.char_start : sp.start - 1].strip() or masked[sp.end : para.char_end].strip(" \"”'’"):
        return None
    if any(frames_by_sentence[s.sentence_idx] for s in seg.sentences if s.paragraph_idx == sent.paragraph_idx):
        return None
    lead = seg.sentences[sent.sentence_idx - 1] if sent.sentence_idx > 0 else None
    if lead is None or lead.paragraph_idx != sent.paragraph_idx - 1:
        return None
    text = seg.body[lead.char_start : lead.char_end].rstrip()
    # (a participle that reports nothing is no frame: "Pettigrew, who spent the weekend calling colleagues, took to
    # the floor with a long rebuke:")
    lead_frames = [f for f in frames_by_sentence[lead.sentence_idx]
                   if not (f.cue and f.cue.endswith("ing") and f.content_end == f.content_start and f.act is None)]
    # ("Supervisor Marcus Pell echoed that argument.": a cue whose object is no clause introduces as "was blunt" does)
    if lead_frames and not (all(f.content_end - f.content_start < 12 or f.act is not None for f in lead_frames)
                            and not text.endswith(":") and _LEAD_IN_PREDICATE.search(text)):
        # "In an interview with USA TODAY, he said:", then the quotation: the cue's speaker, when nothing but its
        # listener or a few words of time or place comes between the cue and the colon
        f = lead_frames[-1]
        if not text.endswith(":") or f.category not in ("speech", "label") or f.position != "before" or f.act is not None:
            return None
        # ("Mark Delacroix ... described the stakes in stark terms:": a cue that reports no clause of its own
        # introduces the quotation however many words it takes)
        if (f.content_end > f.content_start
                and len(masked[(f.audience[1] if f.audience else f.cue_end) : lead.char_end].split()) > COLON_CUE_MAX_WORDS_AFTER):
            return None
        a = _attributions([f], people, mentions, last_speaker)[0][0]
        return a if a.person and a.name else None
    if _QUOTE_MARKS.search(text) or not (text.endswith(":") or (text.endswith(".") and _lead_in_words(text) <= LEAD_IN_MAX_WORDS
                                                                 and _LEAD_IN_PREDICATE.search(text))):
        return None  # ("Mayor Karen Bass watched from a window.", then a slogan, introduces no one's words)
    subj = lead_frames[-1].source if lead_frames else _sentence_subject(seg.body, masked, lead.char_start, lead.char_end - 1)
    # "One of the organizers, Tasha Merriweather, a 34-year-old nurse ..., addressed the crowd:": the name set off
    # after the role that opens the sentence (however long the description after it)
    named = None
    if subj is None or subj.kind == "phrase":
        comma = masked.find(",", lead.char_start, lead.char_end)
        if comma != -1 and len(masked[lead.char_start : comma].split()) <= LEAD_IN_ROLE_MAX_WORDS:
            named = _NAME_SET_OFF.match(masked, comma)
    if named is not None:
        subj = _classify_source(seg.body, masked, named.start(1), named.end(1), lead.char_start)
    if subj is None or subj.kind not in ("name", "pronoun", "phrase") or subj.surface.split()[0].lower() in CUES:
        return None
    frame = Frame(lead.sentence_idx, None, subj.char_end, subj.char_end, subj, sp.start, sp.end, None, "speech", "before")
    a = _attribute(frame, people, mentions, last_speaker)
    return a if a.person and a.name else None


LEAD_IN_ROLE_MAX_WORDS = 6
# "LaToya Briggs, a mother of three who ... a church basement, put it simply.": the description set off after the
# opening name says who she is, not how she spoke; a lead-in's length is counted without it
_OPENING_NAME_APPOSITIVE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,4}?[A-Z][\w'’-]+),\s+(?:a|an|the)\s[^,]+,\s+")


def _lead_in_words(text: str) -> int:
    m = _OPENING_NAME_APPOSITIVE.match(text)
    return len(text.split()) if m is None else len(m.group(1).split()) + len(text[m.end():].split())
_NAME_SET_OFF = re.compile(r",\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)(?=,)")


# An interview printed as a transcript under the story: a run of paragraphs, each opening with its speaker's label.
# Questions open with "Q:" or "QUESTION:", or with the interviewer's name; answers with "A:" or the answerer's name
# ("Kessler:", "MR. CALLOWAY:", "PICKENS:"). A turn is its speaker's words, quoted without marks.
_TRANSCRIPT_QUESTION = re.compile(r"(?:Q|QUESTION|Question)\s*[:.]\s+(?=\S)")
_TRANSCRIPT_ANSWER = re.compile(r"(?:(?P<a>A|ANSWER|Answer)\s*[:.]|(?:(?:MR|MS|MRS|DR|SEN|REP|GOV)\.\s+)?(?P<name>[A-Z][A-Za-z'’-]+):)\s+(?=\S)")
# "A:" answers for the person named last within this many paragraphs above the first question ("We spoke to
# Escalante on Wednesday. The conversation has been lightly edited."; "Brill spoke with National Review ...")
TRANSCRIPT_INTRO_PARAGRAPHS = 2


def _transcript_answers(seg: Segmentation, body: str, people: _People) -> list[tuple[int, int, Attribution | None]]:
    """The turns of an interview transcript that are a known person's words, with that person: an "A:" turn is
    the interviewee's, a turn labelled with a name the article gives someone is theirs. A labelled paragraph
    counts only next to another one ("Note: ..." alone is no transcript), and a run of named turns only under
    an interview's introduction or with a question in it (a list of candidates' positions, "Johnson: Supports
    raising the levy", is the writer's summary)."""
    paragraphs = seg.paragraphs
    labels: list[tuple[str, re.Match] | None] = []
    for para in paragraphs:
        if (q := _TRANSCRIPT_QUESTION.match(body, para.char_start, para.char_end)) is not None:
            labels.append(("question", q))
        elif (a := _TRANSCRIPT_ANSWER.match(body, para.char_start, para.char_end)) is not None:
            labels.append(("answer" if a.group("a") else "named", a))
        else:
            labels.append(None)
    answers: list[tuple[int, int, Attribution | None]] = []
    k = 0
    while k < len(labels):
        end = k
        while end < len(labels) and labels[end] is not None:
            end += 1
        if end - k >= 2:
            answers += _transcript_run(body, people, paragraphs, labels, k, end)
        k = end + 1
    return answers


def _transcript_run(body: str, people: _People, paragraphs, labels, start: int, end: int
                    ) -> list[tuple[int, int, Attribution | None]]:
    """The speakers' turns of the labelled paragraphs ``start:end``, one transcript (a question's with no
    attribution)."""
    intro_lo = paragraphs[max(0, start - TRANSCRIPT_INTRO_PARAGRAPHS)].char_start
    intro = body[intro_lo : paragraphs[start].char_start]
    asked = any(label[0] == "question" for label in labels[start:end])
    if not asked and _INTERVIEW_INTRO.search(intro) is None:
        return []
    interviewee = _interviewee(people, intro, intro_lo)
    turns: list[tuple[int, int, Attribution | None]] = []
    questioned = False  # a question came before this turn
    for k in range(start, end):
        kind, m = labels[k]
        stop = _rstrip(body, m.end(), paragraphs[k].char_end)
        if kind == "question":
            questioned = True
            turns.append((m.end(), stop, None))  # asked, not said: nothing in it is a row
            continue
        if kind == "answer":
            name = interviewee if questioned else None
        else:  # "Markowski:", "MR. CALLOWAY:": a person the article names, or nobody ("Note:")
            word = m.group("name")
            name = people.resolve_name([word if not word.isupper() else word.title()], m.start())
        if name is not None and stop > m.end():
            surface = body[m.start() : m.end()].rstrip().rstrip(":.").strip()
            turns.append((m.end(), stop, Attribution(name, surface, people.roles.get(name), None, True)))
    return turns


# The sentence that introduces an interview, and the person it is with: "We spoke with Escalante on Wednesday",
# "Brill spoke with National Review", "Vasquez-Hart sat down with POLITICO", "We reached Lena Voss by phone".
_INTRO_NAME = r"((?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2})"
_INTERVIEWED = (
    re.compile(rf"\b(?:spoke|talked|sat down|met)\s+(?:to|with)\s+{_INTRO_NAME}|\binterview(?:ed)?\s+(?:with\s+)?{_INTRO_NAME}"
               rf"|\breached\s+{_INTRO_NAME}|\basked\s+{_INTRO_NAME}\s+(?:about|what|how|why|whether|if)\b", re.IGNORECASE),
    re.compile(rf"{_INTRO_NAME}\s+(?:spoke|talked|sat down)\b", re.IGNORECASE),
)
_INTERVIEW_INTRO = re.compile(r"\b(?:interview|transcript|exchange|conversation|edited for (?:length|clarity)|spoke (?:to|with)"
                              r"|talked (?:to|with)|sat down with|reached)\w*", re.IGNORECASE)
_NOT_INTERVIEWEES = frozenset(("the", "a", "an", "our", "this", "us", "we", "i", "he", "she", "they"))
# A person the introduction names in the interviewer's role is not the interviewee: "sat down with reporter Dan Pruitt"
_INTERVIEWER_ROLE = re.compile(r"\b(?:reporter|correspondent|host|anchor|interviewer|editor|writer|columnist)\s+$", re.IGNORECASE)
INTERVIEWER_ROLE_REACH = 40  # characters before a name where its role is read


def _interviewee(people: _People, intro: str, intro_lo: int) -> str | None:
    """The person a transcript's introduction names as interviewed ("We spoke with Escalante"), else the person it
    names last."""
    for pattern in _INTERVIEWED:  # "spoke with X" before "X spoke": "We spoke with Escalante"
        for m in pattern.finditer(intro):
            named = next((g for g in m.groups() if g), None)
            if named is None or named.split()[0].lower() in _NOT_INTERVIEWEES:
                continue
            tokens = named.split()
            pos = intro_lo + m.start()
            name = people.resolve_name(tokens, pos) if len(tokens) >= 2 else people.resolve_name(tokens, pos, alone=True)
            if name is not None and any(people.canonical.get(p.name) == name for p in people.mentions):
                return name
    named_last = [m for m in people.mentions if intro_lo <= m.char_start < intro_lo + len(intro)
                  and not _INTERVIEWER_ROLE.search(people.body[max(0, m.char_start - INTERVIEWER_ROLE_REACH) : m.char_start])]
    if not named_last:
        return None
    last = named_last[-1]
    return people.resolve_name(last.name.split(), last.char_start) or people.canonical.get(last.name, last.name)


def _continues(seg: Segmentation, last_attr, sent, prev_span: QuoteSpan | None, sp: QuoteSpan) -> bool:
    """A direct quote with no frame of its own carries on from the previous speaker nearby."""
    _, _, s_idx, p_idx = last_attr
    if prev_span is not None and not prev_span.closed and sp.start - prev_span.end < 6:
        return True
    return sent.paragraph_idx - p_idx <= 1 and sent.sentence_idx - s_idx <= 3
