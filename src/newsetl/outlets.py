"""Outlets: which news organisations an article cites, and who published it.

One pass of one compiled regex per article finds every candidate: the gazetteer's
surfaces (names, aliases, "the Times"-style family references) are compiled into
a character trie, so the cost is linear in the text and independent of the
gazetteer's size, plus the generic back-references ("the outlet", "the paper").
Each candidate is then checked against its context with rules kept as data
(below and in ``data/outlets.csv``), and resolved in reading order:

- ``gazetteer`` / ``alias``: the outlet's name or one of its aliases;
- ``family``: "the Times" -> the member of the Times family mentioned in the
  article (before it, else anywhere in it);
- ``family_default``: no member mentioned, but the CSV's ``default_in`` says what
  "the Guardian" means everywhere (``*``) or "the Times" means for a publisher in
  that country (GB -> The Times);
- ``back_reference``: "the outlet", "the paper", "the agency" ... -> the last
  outlet of a compatible kind mentioned within a few sentences, when the phrase
  is used as a source ("the paper reported", "told the paper");
- ``pattern``: an outlet not in the gazetteer, discovered from a citation
  pattern ("told the Kommersant newspaper") with media evidence;
- ``metadata``: the publisher row, with null offsets.

A family reference that nothing resolves ("the Post" in an article naming no
Post, published by nobody known) is *not* emitted: a mention row without an
outlet would break the outlet aggregates and every join on ``outlet_id``, and
guessing would put citations on the wrong newspaper.

Mentions of the publisher itself (or of an outlet of the same group, e.g. BBC
Radio 4 in a BBC News article) are emitted with role ``publisher``, not
``cited``: a site quoting its own programmes is not leaning on another outlet.
"""

from __future__ import annotations

import bisect
import csv
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsetl.patterns import trie_regex
from newsetl.segment import Segmentation

if TYPE_CHECKING:  # only the corpus aggregate uses pandas; batch workers import this module without it (~0.3 s)
    import pandas as pd

GAZETTEER_PATH = Path(__file__).with_name("data") / "outlets.csv"

KINDS = ("wire", "newspaper", "broadcaster", "magazine", "digital", "programme")
# How much context a surface needs before it counts (CSV column ``rule``):
#   ""        distinctive name ("Reuters", "France 24"): matched wherever it stands;
#   "common"  also an English word ("the Guardian", "Variety"): needs "the" or a media word;
#   "cited"   too common to trust without a citation cue ("told The Atlantic", "Wired reported");
#   "surname" also a person's name ("Bloomberg", "Forbes", "Fox"): dropped where used as one.
RULES = ("", "common", "cited", "surname")

# --- context tables (rules as data) ----------------------------------------------------------

# "the outlet", "the paper" ...: the head noun -> kinds of outlet it can refer back to (None = any).
BACK_REFERENCE_KINDS: dict[str, tuple[str, ...] | None] = {
    "outlet": None,
    "news outlet": None,
    "publication": ("newspaper", "magazine", "digital"),
    "paper": ("newspaper",),
    "newspaper": ("newspaper",),
    "daily": ("newspaper",),
    "tabloid": ("newspaper",),
    "broadsheet": ("newspaper",),
    "network": ("broadcaster",),
    "news network": ("broadcaster",),
    "broadcaster": ("broadcaster",),
    "channel": ("broadcaster",),
    "agency": ("wire",),
    "news agency": ("wire",),
    "wire service": ("wire",),
    "magazine": ("magazine",),
    "programme": ("programme",),
    "program": ("programme",),
}
# A back-reference looks at most this many sentences back: further away, "the paper"
# is more often a report or a white paper than the newspaper named earlier.
BACK_REFERENCE_WINDOW = 3

# Words that make a preceding name a source being cited.
CITATION_VERBS = (
    "said says reported reports wrote writes noted notes added adds quoted quoting cited citing claimed claims "
    "revealed reveals published publishes printed prints carried carries ran runs broadcast aired described "
    "describes stated states asked asks obtained learned learnt understands alleged alleges suggested suggests "
    "disclosed discloses predicted estimated found finds named named calculated called"
).split()
CITATION_AUXILIARIES = "also has have had was is later earlier previously first recently separately".split()
# Nouns after a name (or its possessive) that show it is a media outlet: "Guardian columnist".
MEDIA_ROLE_NOUNS = (
    "newspaper paper daily weekly tabloid magazine journal website site columnist column editor editors reporter "
    "reporters journalist journalists correspondent correspondents critic critics interview poll survey report "
    "reports article story investigation analysis readers reader writer writers programme program show network "
    "channel news agency broadcast broadcasts"
).split()
# Words before a name that introduce a cited source: "told the", "according to".
CITATION_CUES = (
    r"told|tells|telling|tell|according to|interview with|interviewed by|interviewed on|speaking to|speaking on|"
    r"talking to|spoke to|speaks to|said to|quoted by|quoted in|reported by|reported in|writing in|wrote in|"
    r"writes in|wrote for|writing for|writes for|article in|article for|column in|column for|piece in|piece for|"
    r"interview in|published in|printed in|appeared in|appearing on|appeared on|report in|reports in|"
    r"editor of|columnist for|reporter for|journalist for|correspondent for|critic for|commissioned by|"
    r"poll for|survey for|newspaper|magazine|daily|weekly|tabloid|journal|website|broadcaster|publication|"
    r"news agency|agency|network|channel|station|trade paper|paper"
)
_CUE_BEFORE = re.compile(rf"(?:\b(?:{CITATION_CUES}),?\s+(?:the\s+|The\s+)?)$")
_VERB_AFTER = re.compile(
    rf"^,?\s+(?:(?:{'|'.join(CITATION_AUXILIARIES)})\s+)*(?:{'|'.join(CITATION_VERBS)})\b"
)
_ROLE_AFTER = re.compile(rf"^(?:['’]s)?\s+(?:{'|'.join(MEDIA_ROLE_NOUNS)})\b")
# After "the Guardian" a lowercase word that turns the name into a common noun phrase.
COMMON_NOUN_AFTER = frozenset(
    "candidate candidates member members councillor councillors image images rays ray god gods angel angels "
    "office offices system systems sign signs inquiry review panel body commission team".split()
)
# Capitalised words that may follow a name without making it part of a longer one
# ("BBC Radio 4's Today Programme", "PC Pro Magazine").
CAPITALISED_CONTINUATIONS = frozenset("Programme Program Magazine Newspaper".split())
# Words that, right before a single-word name, show it is part of something else
# ("Tears of the Sun", "Soldier of Fortune"), checked as "<Capitalised> of the X".
_TITLE_OF = re.compile(r"[A-Z][\w'’-]*\s+of\s+(?:the\s+)?$")
_NEXT_WORD = re.compile(r"^\s+([\w'’-]+)")
_PREV_WORD = re.compile(r"([\w'’.-]+)\s+$")
_TITLES_BEFORE_NAME = frozenset("Mr Mrs Ms Miss Dr Sir Lord Lady Mayor Senator Sen Governor Gov President".split())
_QUOTE_OPENERS = "\"'“‘([«"

# --- discovery --------------------------------------------------------------------------------

# Last words that make a capitalised name a news outlet: "Moscow Times", "Kyodo News".
MEDIA_HEAD_WORDS: dict[str, str] = {
    "Times": "newspaper", "Post": "newspaper", "Herald": "newspaper", "Gazette": "newspaper",
    "Journal": "newspaper", "Chronicle": "newspaper", "Tribune": "newspaper", "Telegraph": "newspaper",
    "Echo": "newspaper", "Courier": "newspaper", "Mercury": "newspaper", "Examiner": "newspaper",
    "Inquirer": "newspaper", "Advertiser": "newspaper", "Argus": "newspaper", "Dispatch": "newspaper",
    "Sentinel": "newspaper", "Bulletin": "newspaper", "Clarion": "newspaper", "Daily": "newspaper",
    "Zeitung": "newspaper", "Gazeta": "newspaper", "Gazzetta": "newspaper", "Shimbun": "newspaper",
    "Ilbo": "newspaper", "Pravda": "newspaper", "Observer": "newspaper", "Standard": "newspaper",
    "Express": "newspaper", "Mirror": "newspaper", "Mail": "newspaper", "Record": "newspaper",
    "Press": "newspaper", "Star": "newspaper", "Sun": "newspaper", "Globe": "newspaper",
    "Weekly": "magazine", "Magazine": "magazine", "Review": "magazine", "Monthly": "magazine",
    "News": "broadcaster", "Radio": "broadcaster", "TV": "broadcaster", "Television": "broadcaster",
    "Broadcasting": "broadcaster", "FM": "broadcaster",
    "Newswire": "wire", "Newswires": "wire",
}
# "the X newspaper", "X, a French news network": the noun that names the medium -> kind.
MEDIA_NOUNS: dict[str, str] = {
    "newspaper": "newspaper", "daily": "newspaper", "tabloid": "newspaper", "broadsheet": "newspaper",
    "daily newspaper": "newspaper", "weekly newspaper": "newspaper", "trade paper": "newspaper",
    "weekly": "magazine", "magazine": "magazine", "news magazine": "magazine", "trade magazine": "magazine",
    "news agency": "wire", "wire service": "wire", "news service": "wire",
    "news network": "broadcaster", "television network": "broadcaster", "TV network": "broadcaster",
    "TV channel": "broadcaster", "television channel": "broadcaster", "television station": "broadcaster",
    "TV station": "broadcaster", "radio station": "broadcaster", "broadcaster": "broadcaster",
    "news channel": "broadcaster", "radio": "broadcaster", "television": "broadcaster", "TV": "broadcaster",
    "news website": "digital", "news site": "digital", "website": "digital",
    "programme": "programme", "program": "programme", "show": "programme",
}
# Names that are never outlets, however they are cited ("told NATO", "the Kremlin said").
NON_MEDIA_NAMES = frozenset(
    """
    NATO Nato Kremlin Pentagon Congress Senate Parliament Commons Lords Downing Whitehall Treasury
    UN EU IMF OECD WTO Opec OPEC CSIS FBI CIA MI5 MI6 Interpol Europol Fifa FIFA Uefa UEFA IOC
    White House Number Ten
    """.split()
)
# Last words that mark a non-media organisation: ministries, think tanks, companies, parties ...
NON_MEDIA_HEADS = frozenset(
    """
    Ministry Department Office Council Commission Committee Agency Authority Board Bureau Service Services
    Institute Institution Centre Center Foundation Trust Fund Society Association Federation Confederation
    Union Party Alliance Coalition Movement Front Group Corporation Corp Company Co Inc Ltd plc PLC Bank
    Holdings Partners Capital Securities Investments Industries Airlines Motors Systems Technologies
    University College School Academy Hospital Clinic Police Constabulary Court Tribunal Parliament Assembly
    Senate Congress Government Administration Cabinet Army Navy Force Forces Guard Club League Cup
    Exchange Index Awards Award Prize Festival Foundation Museum Gallery Theatre Orchestra Chamber
    Network Networks Organisation Organization
    """.split()
)
# Media nouns too vague to stand alone as evidence ("US television", "the club's website"):
# they count only after a citation cue ("told the Tonight radio programme").
WEAK_MEDIA_NOUNS = frozenset("radio television TV website programme program show".split())
# Words that describe a medium's place or language, not its name ("a London newspaper").
DEMONYMS = frozenset(
    """
    US UK EU American British English Scottish Welsh Irish French German Russian Italian Spanish Portuguese
    Dutch Belgian Swiss Austrian Swedish Norwegian Danish Finnish Polish Czech Hungarian Romanian Greek
    Turkish Serbian Croatian Ukrainian Georgian Israeli Arab Arabic Iranian Iraqi Syrian Lebanese Egyptian
    Saudi Palestinian Jordanian Pakistani Indian Afghan Chinese Japanese Korean Taiwanese Thai Vietnamese
    Indonesian Malaysian Filipino Australian Canadian Mexican Brazilian Argentine Argentinian Chilean
    Colombian Venezuelan Cuban Nigerian Kenyan Ugandan Zimbabwean South African European Asian African
    Western Basque Catalan Kurdish Jewish Muslim Catholic Christian London Moscow Paris Berlin Tokyo
    Hollywood Internet Web Online National Local Regional State Official Government Sunday Monday Tuesday
    Wednesday Thursday Friday Saturday Swiss-based UK-based US-based London-based
    """.split()
)
_CAP_WORD = r"[A-Z][\w'’&.-]*"
_NAME = rf"{_CAP_WORD}(?:\s+(?:of|the|de|du|la|le|al|el)?\s*{_CAP_WORD}){{0,4}}"
# After the medium's noun, a person's job: "a style magazine columnist" describes a person.
_PERSON_ROLES = r"(?:columnist|editor|reporter|journalist|critic|writer|presenter|host|correspondent|executive|boss|chief|owner|publisher|producer|analyst|official|spokesman|spokeswoman)"
_NOT_A_PERSON = rf"(?!\s+{_PERSON_ROLES})"
_NOUN_ALT = "|".join(sorted((re.escape(n) for n in MEDIA_NOUNS), key=len, reverse=True))
# "broadcaster" before or in apposition to a name is usually a person's job ("comedian
# and broadcaster Cyril Fletcher"), so it only counts after the name ("the X broadcaster").
_STRONG_NOUN_ALT = "|".join(
    sorted((re.escape(n) for n in MEDIA_NOUNS if n not in WEAK_MEDIA_NOUNS and n != "broadcaster"), key=len, reverse=True)
)
# Discovery patterns: each yields a group "name" and, where the text says it, a group "noun".
DISCOVERY_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "the Kommersant newspaper", "Uganda's New Vision newspaper"
    re.compile(rf"(?:\b[Tt]he\s+|['’]s\s+)(?P<name>{_NAME})\s+(?P<noun>{_NOUN_ALT})\b(?!\s+[A-Z]){_NOT_A_PERSON}"),
    # "newspaper Kommersant", "Russian daily Vedomosti", "the news agency Ria"
    re.compile(rf"\b(?P<noun>{_STRONG_NOUN_ALT})\s+(?P<name>{_NAME})(?![\w-])(?!\s+(?:{_NOUN_ALT})\b)"),
    # "Segodnya, a Ukrainian daily newspaper", "France 24, a publicly funded French news network"
    re.compile(rf"(?<![\w-])(?P<name>{_NAME}),\s+(?:a|an|the)\s+(?:(?!{_PERSON_ROLES}\b)[\w'’-]+\s+){{0,5}}?(?P<noun>{_STRONG_NOUN_ALT})\b{_NOT_A_PERSON}"),
    # "told the Moscow Times", "according to the Kyiv Independent" (a media head word is then required)
    re.compile(rf"\b(?:{CITATION_CUES}),?\s+(?:the\s+)?(?P<name>{_NAME})(?![\w-])"),
    # "the Moscow Times reported" (a media head word is then required)
    re.compile(rf"(?<![\w-])(?P<name>{_NAME})(?:\s+(?:also|has|had|later|earlier))?\s+(?:reported|reports|wrote|writes|quoted)\b"),
)


# --- data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    outlet_id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str
    parent_id: str | None = None  # programmes and channels -> their broadcaster
    family: str | None = None  # "Times": what "the Times" may mean
    default_in: tuple[str, ...] = ()  # countries ("*" = all) where "the <family>" alone means this outlet
    rule: str = ""


@dataclass(frozen=True)
class OutletMention:
    outlet_id: str
    outlet_name: str
    surface: str
    role: str  # "cited" or "publisher"
    sentence_idx: int | None
    char_start: int | None
    char_end: int | None
    resolved_by: str  # gazetteer, alias, family, family_default, back_reference, pattern, metadata
    kind: str | None = None


@dataclass(frozen=True)
class _Surface:
    """One literal way an outlet is written, with the context it needs."""

    text: str
    outlet_id: str | None  # None for a family reference ("the Times")
    resolved_by: str
    rule: str
    family: str | None = None
    before: str = ""  # required text right before the span (not part of it)
    after: str = ""  # required text right after the span
    bare_of_the_name: bool = False  # "Guardian" from "The Guardian": needs a media word


@dataclass(frozen=True)
class Gazetteer:
    """Outlets plus the compiled matcher; build with :func:`load_gazetteer` or ``Gazetteer(outlets)``."""

    outlets: tuple[Outlet, ...]
    by_id: Mapping[str, Outlet] = field(default_factory=dict, init=False, repr=False, compare=False)
    surfaces: Mapping[str, tuple[_Surface, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    families: Mapping[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _names: Mapping[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Outlet] = {}
        for outlet in self.outlets:  # later rows (a user's CSV) override earlier ones
            by_id[outlet.outlet_id] = outlet
        families: dict[str, list[str]] = {}
        for outlet in by_id.values():
            if outlet.family:
                families.setdefault(outlet.family, []).append(outlet.outlet_id)
        surfaces: dict[str, dict[tuple, _Surface]] = {}
        for outlet in by_id.values():
            for surface in _surfaces_of(outlet, families):
                key = (surface.outlet_id, surface.before, surface.after, surface.family)
                for text in _apostrophe_variants(surface.text):
                    surfaces.setdefault(text, {})[key] = surface
        for family in families:  # "the Times", "The Times": resolved by family, never directly
            for article in ("The", "the"):
                text = f"{article} {family}"
                surfaces[text] = {("family", family): _Surface(text, None, "family", "common", family=family)}
        names: dict[str, str] = {}
        for outlet in by_id.values():
            for form in (outlet.name, *outlet.aliases):
                names.setdefault(_name_key(form), outlet.outlet_id)
        for outlet in by_id.values():  # canonical names win over aliases
            names[_name_key(outlet.name)] = outlet.outlet_id
        object.__setattr__(self, "by_id", by_id)
        object.__setattr__(self, "families", {f: tuple(ids) for f, ids in families.items()})
        object.__setattr__(self, "surfaces", {t: tuple(s.values()) for t, s in surfaces.items()})
        object.__setattr__(self, "_names", names)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The matcher for every surface; built on first use (~0.3 s), as lookups alone do not need it."""
        # Back-references are literals too, so they go in the same trie: a second
        # alternative beside the trie would be tried at every position (2.5x slower).
        literals = list(self.surfaces) + [f"{the} {head}" for head in BACK_REFERENCE_KINDS for the in ("The", "the")]
        return re.compile(rf"(?<!\w){trie_regex(literals)}(?!\w)")

    def lookup(self, name: str) -> Outlet | None:
        """The outlet called ``name`` (canonical name or alias, any case, with or without "The")."""
        outlet_id = self._names.get(_name_key(name))
        return self.by_id.get(outlet_id) if outlet_id else None

    def root_id(self, outlet_id: str) -> str:
        """The top of the parent chain: BBC for the Today programme."""
        seen = {outlet_id}
        while (outlet := self.by_id.get(outlet_id)) is not None and outlet.parent_id and outlet.parent_id not in seen:
            outlet_id = outlet.parent_id
            seen.add(outlet_id)
        return outlet_id


def shared_gazetteer(extra_csv: str | None = None) -> Gazetteer:
    """``load_gazetteer``, built once per process for as long as the user's CSV is unchanged.

    Batches and the aggregate step of a run share one; a long-lived process
    (``newsetl serve``) picks up an edited CSV on its next run.
    """
    stamp = None
    if extra_csv:
        stat = os.stat(extra_csv)
        stamp = (stat.st_mtime_ns, stat.st_size)
    return _gazetteer_for(extra_csv, stamp)


@lru_cache(maxsize=4)
def _gazetteer_for(extra_csv: str | None, stamp: tuple[int, int] | None) -> Gazetteer:
    return load_gazetteer(Path(extra_csv) if extra_csv else None)


def outlet_id_for(name: str) -> str:
    """Stable slug: "The New York Times" -> "the-new-york-times", "Libération" -> "liberation"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def load_gazetteer(extra_csv: Path | None = None) -> Gazetteer:
    """The shipped gazetteer, extended (and overridden by name) by a user's CSV with the same columns.

    Columns: name, aliases (``|``-separated), kind, country, and optionally parent (the parent
    outlet's name), family, default_in (``|``-separated countries or ``*``) and rule.
    An alias may carry required context in brackets: ``[Radio 4's ]Today`` matches "Today" only
    right after "Radio 4's"; ``Time[ magazine]`` matches "Time" only before " magazine".
    """
    rows: list[dict[str, str]] = []
    for path in (GAZETTEER_PATH, extra_csv):
        if path is None:
            continue
        with open(path, newline="", encoding="utf-8") as fh:
            rows.extend(csv.DictReader(fh))
    ids_by_name = {_name_key(row["name"]): outlet_id_for(row["name"]) for row in rows}
    outlets = []
    for row in rows:
        kind = (row.get("kind") or "").strip()
        if kind not in KINDS:
            raise ValueError(f"outlet {row['name']!r}: kind {kind!r} is not one of {KINDS}")
        rule = (row.get("rule") or "").strip()
        if rule not in RULES:
            raise ValueError(f"outlet {row['name']!r}: rule {rule!r} is not one of {RULES}")
        parent = (row.get("parent") or "").strip()
        if parent and _name_key(parent) not in ids_by_name:
            raise ValueError(f"outlet {row['name']!r}: parent {parent!r} is not in the gazetteer")
        outlets.append(
            Outlet(
                outlet_id=outlet_id_for(row["name"]),
                name=row["name"].strip(),
                aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
                kind=kind,
                country=(row.get("country") or "").strip(),
                parent_id=ids_by_name[_name_key(parent)] if parent else None,
                family=(row.get("family") or "").strip() or None,
                default_in=tuple(c.strip() for c in (row.get("default_in") or "").split("|") if c.strip()),
                rule=rule,
            )
        )
    return Gazetteer(tuple(outlets))


# --- matching --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A candidate that passed its context checks, before resolution."""

    start: int
    end: int
    surfaces: tuple[_Surface, ...]  # the readings whose context matched
    back_kinds: tuple[str, ...] | None = None  # for "the paper": compatible kinds
    back_head: str = ""  # for "the paper": "paper"
    is_back_reference: bool = False


def find_outlets(seg: Segmentation, gazetteer: Gazetteer, publisher: str | None = None) -> tuple[OutletMention, ...]:
    """Outlet mentions in ``seg.body`` in reading order, plus one publisher row (null offsets) if known."""
    body = seg.body
    sentence_starts = [s.char_start for s in seg.sentences]
    publisher_outlet = gazetteer.lookup(publisher) if publisher else None
    publisher_id = publisher_outlet.outlet_id if publisher_outlet else (outlet_id_for(publisher) if publisher else None)
    publisher_root = gazetteer.root_id(publisher_id) if publisher_id else None
    publisher_country = publisher_outlet.country if publisher_outlet else None

    found = [f for m in gazetteer.pattern.finditer(body) if (f := _check(m, body, sentence_starts, gazetteer))]
    found = _drop_person_names(found, body)
    mentioned_ids = [s.outlet_id for f in found for s in f.surfaces if s.outlet_id and len(f.surfaces) == 1]

    def sentence_of(pos: int) -> int | None:
        i = bisect.bisect_right(sentence_starts, pos) - 1
        return seg.sentences[i].sentence_idx if i >= 0 else None

    resolved: list[tuple[OutletMention, Outlet | None]] = []
    for f in found:
        outlet, how = _resolve(f, resolved, mentioned_ids, gazetteer, body, sentence_of, publisher_id, publisher_country)
        if outlet is None:
            continue
        mention = OutletMention(
            outlet_id=outlet.outlet_id, outlet_name=outlet.name, surface=body[f.start : f.end], role="cited",
            sentence_idx=sentence_of(f.start), char_start=f.start, char_end=f.end, resolved_by=how, kind=outlet.kind,
        )
        resolved.append((mention, outlet))

    taken = [(m.char_start, m.char_end) for m, _ in resolved]
    # A discovered outlet right after a known one's possessive ("the BBC's Network Africa
    # programme") belongs to it, so it shares its publisher role.
    owner_at = {m.char_end: gazetteer.root_id(m.outlet_id) for m, _ in resolved if m.char_end is not None}
    roots: dict[int, str] = {}
    for mention in discover_outlets(seg, gazetteer, taken):
        start = mention.char_start or 0
        possessive = re.search(r"['’]s\s+$", body[max(0, start - 4) : start])
        if possessive and (owner := owner_at.get(start - (4 if start >= 4 else start) + possessive.start())):
            roots[start] = owner
        resolved.append((OutletMention(**{**mention.__dict__, "sentence_idx": sentence_of(start)}), None))
    resolved.sort(key=lambda pair: pair[0].char_start or 0)

    mentions: list[OutletMention] = []
    if publisher:
        name = publisher_outlet.name if publisher_outlet else publisher
        kind = publisher_outlet.kind if publisher_outlet else None
        mentions.append(OutletMention(publisher_id, name, publisher, "publisher", None, None, None, "metadata", kind))  # type: ignore[arg-type]
    for mention, _ in resolved:
        root = roots.get(mention.char_start or 0) or gazetteer.root_id(mention.outlet_id)
        if publisher_root and root == publisher_root:
            mention = OutletMention(**{**mention.__dict__, "role": "publisher"})
        mentions.append(mention)
    return tuple(mentions)


def _check(m: re.Match[str], body: str, sentence_starts: Sequence[int], gazetteer: Gazetteer) -> _Found | None:
    start, end = m.span()
    text = m.group()
    if _joined_by_hyphen(body, start, end):
        return None  # "politico-military", "BBC-commissioned"
    if text not in gazetteer.surfaces:  # "the paper", "the agency"
        head = text.split(" ", 1)[1]
        if not (_cited_after(body, end) or _cue_before(body, start)):
            return None  # "the paper" as a document, "the network" as a phone network
        return _Found(start, end, (), BACK_REFERENCE_KINDS[head], head, True)
    readings = tuple(s for s in gazetteer.surfaces.get(text, ()) if _context_ok(s, body, start, end))
    if not readings:
        return None
    if not _name_ends_here(body, end) and not any(s.after for s in readings):
        return None  # "Times Square", "Financial Times Stock Exchange", "Guardian Media Group"
    if _name_starts_earlier(body, start) and not any(s.before for s in readings):
        return None  # "Hollywood Foreign Press Association", "Los Angeles Daily News"
    at_sentence_start = _at_sentence_start(body, start, sentence_starts)
    readings = tuple(s for s in readings if _rule_ok(s, body, start, end, at_sentence_start))
    return _Found(start, end, readings) if readings else None


def _context_ok(s: _Surface, body: str, start: int, end: int) -> bool:
    if s.before and body[max(0, start - len(s.before)) : start].replace("’", "'") != s.before:
        return False
    if s.after and body[end : end + len(s.after)].replace("’", "'") != s.after:
        return False
    return True


def _rule_ok(s: _Surface, body: str, start: int, end: int, at_sentence_start: bool) -> bool:
    if s.before or s.after:
        return True  # its required context is the evidence
    if s.rule and _TITLE_OF.search(body[max(0, start - 40) : start]):
        return False  # "Queen of the Sky", "Tears of the Sun": part of a title
    if s.rule in ("cited", "common") and " " not in s.text and _capitalised_before(body, start):
        return False  # "his manager Robert Voice said": a person's surname
    if s.rule == "cited":
        return _cue_before(body, start) or _cited_after(body, end) or _role_after(body, end)
    if s.rule == "common" or s.family:
        if s.text.startswith(("The ", "the ")):
            return _the_form_ok(body, start, end)
        if s.bare_of_the_name:
            return _role_after(body, end) or _cue_before(body, start)
        # A name that is a word ("Variety"): a capital mid-sentence makes it a name.
        if at_sentence_start or _capitalised_before(body, start):
            return _cue_before(body, start) or _cited_after(body, end) or _role_after(body, end)
        return True
    if s.rule == "surname":
        if at_sentence_start:  # "Fox hunting is now illegal"
            return _cited_after(body, end) or _role_after(body, end)
        prev = _PREV_WORD.search(body[max(0, start - 30) : start])
        return not (prev and prev.group(1).rstrip(".") in _TITLES_BEFORE_NAME)
    return True


def _the_form_ok(body: str, start: int, end: int) -> bool:
    """"the Sun" as a newspaper, not "Tears of the Sun" or "the Independent candidate"."""
    if _TITLE_OF.search(body[max(0, start - 40) : start]):
        return False
    nxt = _NEXT_WORD.match(body[end : end + 30])
    if nxt and (nxt.group(1) in COMMON_NOUN_AFTER or nxt.group(1) in ("of", "for") or nxt.group(1)[0].isdigit()):
        return False
    return True


def _drop_person_names(found: list[_Found], body: str) -> list[_Found]:
    """Drop every bare "Bloomberg" in an article that calls someone Michael Bloomberg or Mr Bloomberg."""
    candidates = {s.text for f in found for s in f.surfaces if s.rule == "surname" and " " not in s.text}
    person_texts = {
        text
        for text in candidates
        # a first name or title right before it: "Michael Bloomberg", "Mr Bloomberg"
        if re.search(rf"\b(?!(?:{'|'.join(NAME_PRECEDERS)})\b)[A-Z][a-z]+\.? {re.escape(text)}\b", body)
    }
    if not person_texts:
        return found
    kept = []
    for f in found:
        surfaces = tuple(s for s in f.surfaces if not (s.rule == "surname" and s.text in person_texts))
        if surfaces or f.is_back_reference:
            kept.append(_Found(f.start, f.end, surfaces, f.back_kinds, f.back_head, f.is_back_reference))
    return kept


def _resolve(
    f: _Found,
    resolved: list[tuple[OutletMention, Outlet | None]],
    mentioned_ids: Sequence[str],
    gazetteer: Gazetteer,
    body: str,
    sentence_of,
    publisher_id: str | None,
    publisher_country: str | None,
) -> tuple[Outlet | None, str]:
    if f.is_back_reference:
        sentence = sentence_of(f.start) or 0
        for mention, outlet in reversed(resolved):
            if mention.sentence_idx is not None and sentence - mention.sentence_idx > BACK_REFERENCE_WINDOW:
                break
            if outlet is None or (f.back_kinds is not None and outlet.kind not in f.back_kinds):
                continue
            between = body[mention.char_end : f.start]
            if re.search(rf"\b{re.escape(f.back_head.split()[-1])}\b", between, re.IGNORECASE):
                break  # another "agency"/"paper" in between: the reference is probably to that one
            return outlet, "back_reference"
        return None, ""
    direct = [s for s in f.surfaces if s.outlet_id]
    if direct:
        s = direct[0]
        return gazetteer.by_id[s.outlet_id], s.resolved_by  # type: ignore[index]
    family = f.surfaces[0].family or ""
    members = gazetteer.families.get(family, ())
    for mention, outlet in reversed(resolved):
        if outlet is not None and outlet.outlet_id in members:
            return outlet, "family"
    later = [i for i in dict.fromkeys(mentioned_ids) if i in members]
    if len(later) == 1:
        return gazetteer.by_id[later[0]], "family"
    if publisher_id in members:
        return gazetteer.by_id[publisher_id], "family"  # type: ignore[index]
    for country in (publisher_country, "*"):
        defaults = [i for i in members if country and country in gazetteer.by_id[i].default_in]
        if len(defaults) == 1:
            return gazetteer.by_id[defaults[0]], "family_default"
    return None, ""


def discover_outlets(
    seg: Segmentation, gazetteer: Gazetteer, taken: Sequence[tuple[int | None, int | None]] = ()
) -> list[OutletMention]:
    """Outlets not in the gazetteer, from citation patterns with media evidence; resolved_by="pattern".

    A name counts only with evidence that it is a medium: a media noun next to it ("the
    Kommersant newspaper", "X, a French news network") or a media head word in it ("Moscow
    Times") after a citation cue or before "reported". Never for names in ``NON_MEDIA_NAMES``
    or ending in a ``NON_MEDIA_HEADS`` word (ministries, think tanks, companies, parties ...).
    The patterns run only on sentences holding one of their trigger words, found by a
    set lookup on the sentence's words, so discovery costs little more than a split.
    """
    body = seg.body
    spans = sorted((s, e) for s, e in taken if s is not None and e is not None)
    found: dict[int, OutletMention] = {}
    for sentence in seg.sentences:
        words = sentence.text.split()
        patterns = (_NOUN_PATTERNS if not _NOUN_TRIGGERS.isdisjoint(words) else ()) + (
            _HEAD_PATTERNS if not _HEAD_TRIGGERS.isdisjoint(words) else ()
        )
        for pattern in patterns:
            for m in pattern.finditer(body, sentence.char_start, sentence.char_end):
                name, start = _trim_name(m.group("name"), m.start("name"))
                if not name:
                    continue
                end = start + len(name)
                noun_span = m.span("noun") if m.groupdict().get("noun") else (start, end)
                lo, hi = min(noun_span[0], start), max(noun_span[1], end)
                if start in found or any(s < hi and lo < e for s, e in spans):
                    continue  # overlaps an outlet already found
                if m.start("noun") < m.start("name") if m.groupdict().get("noun") else False:
                    if any(m.start() - 2 <= e <= m.start() for _, e in spans):
                        continue  # "the Associated Press news agency X": the noun is AP's
                noun = m.groupdict().get("noun")
                # "the BBC's Network Africa programme": owned by an outlet already found
                owned = any(0 <= start - e <= 4 and body[e:start].strip() in ("'s", "’s") for _, e in spans)
                if noun in WEAK_MEDIA_NOUNS and not (owned or _cue_before(body, m.start())):
                    continue  # "the club's website": the noun alone is weak evidence
                kind = MEDIA_NOUNS.get(noun) if noun else MEDIA_HEAD_WORDS.get(name.split()[-1])
                if kind is None or not _may_be_outlet(name):
                    continue
                if gazetteer.lookup(name):
                    continue  # in the gazetteer but rejected in context ("Tears of the Sun")
                found[start] = OutletMention(outlet_id_for(name), name, name, "cited", None, start, end, "pattern", kind)
    return sorted(found.values(), key=lambda mention: mention.char_start or 0)


# Which patterns a sentence needs, by the words it contains: media nouns for the first
# three patterns, media head words ("Times", "News") for the two cue patterns.
_NOUN_PATTERNS = DISCOVERY_PATTERNS[:3]
_HEAD_PATTERNS = DISCOVERY_PATTERNS[3:]
# Trigger words as they stand among a sentence's whitespace-separated tokens, with the
# punctuation that may cling to them: a set lookup per token, no regex pass.
_CLINGING = ("", ",", ".", ":", ";", "'s", "’s", "'", "’", '"', "”", ")")
_NOUN_TRIGGERS = frozenset(w + c for noun in MEDIA_NOUNS for w in (noun.split()[0], noun.split()[-1]) for c in _CLINGING)
_HEAD_TRIGGERS = frozenset(w + c for w in MEDIA_HEAD_WORDS for c in _CLINGING)



def _trim_name(name: str, start: int) -> tuple[str, int]:
    """Cut a discovered name to the outlet's own words: no leading "The", possessor or
    sentence word ("Uganda's New Vision" -> "New Vision"), no trailing joiner or possessive."""
    m = re.match(r"^(?:(?:The|A|An|In|On|At|According|But|And|Its|His|Her|Their)\s+|[^\s]+['’]s\s+|[A-Z]\w*-[a-z][\w-]*\s+)+", name)
    if m:
        start += m.end()
        name = name[m.end() :]
    name = name.rstrip(".,;:'’ ")
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    words = name.split()
    while words and words[-1] in ("of", "the", "de", "du", "la", "le", "al", "el", "and", "&"):
        words.pop()
        name = name[: name.rstrip().rfind(" ")].rstrip() if " " in name else ""
    return name, start


def _may_be_outlet(name: str) -> bool:
    words = name.split()
    if not words or len(name) < 3:
        return False
    if name in NON_MEDIA_NAMES or any(w in NON_MEDIA_NAMES for w in words):
        return False
    if words[-1] in NON_MEDIA_HEADS:
        return False
    if any(re.fullmatch(r"[A-Za-z]+-[a-z][\w-]*", w) for w in words):
        return False  # "English-language", "UK-based"
    if words[0].rstrip(".") in _TITLES_BEFORE_NAME:
        return False  # "Mr Murdoch"
    if all(w in DEMONYMS or w in MEDIA_HEAD_WORDS for w in words):
        return False  # "US television", "London newspaper", "Sunday Times"-less "Sunday"
    return True


# --- small context predicates ----------------------------------------------------------------


def _cue_before(body: str, start: int) -> bool:
    return bool(_CUE_BEFORE.search(body[max(0, start - 40) : start]))


def _cited_after(body: str, end: int) -> bool:
    return bool(_VERB_AFTER.match(body[end : end + 60])) or bool(re.match(r"^['’]s\s+(?:report|reporting|article|story|website|interview|poll|survey|sources?|editor|reporter|correspondent|columnist)\b", body[end : end + 40]))


def _role_after(body: str, end: int) -> bool:
    return bool(_ROLE_AFTER.match(body[end : end + 40]))


def _name_ends_here(body: str, end: int) -> bool:
    """False when the name runs on into another capitalised word or a number: "Times Square"."""
    nxt = _NEXT_WORD.match(body[end : end + 30])
    if not nxt or body[end : end + 1] not in (" ", "\t"):
        return True
    word = nxt.group(1)
    if word in CAPITALISED_CONTINUATIONS:
        return True
    return not (word[0].isupper() or word[0].isdigit())


# Capitalised words that may stand right before a name without being part of it.
NAME_PRECEDERS = frozenset(
    "The A An And But Or In On At As For From With By To Of If When While After Before Then So Yet "
    "Mr Ms Mrs Dr Sir Lord Agency Network Channel Radio TV Television Newspaper Magazine".split()
)


def _name_starts_earlier(body: str, start: int) -> bool:
    """True when a capitalised word is glued before the name: "Foreign Press Association"."""
    if start < 2 or body[start - 1] != " ":
        return False
    prev = _PREV_WORD.search(body[max(0, start - 30) : start])
    if not prev:
        return False
    word = prev.group(1)
    if not word[0].isupper() or word.endswith(("'s", "’s", "s'", ".")) or word in NAME_PRECEDERS or word in DEMONYMS:
        return False
    if word.isupper() and len(word) <= 5:
        return False  # "BBC Sport" is in the gazetteer; "US CBS", "UK ITV" are not one name
    i = prev.start() + max(0, start - 30)
    return body[max(0, i - 2) : i].strip(_QUOTE_OPENERS + " ") not in ("", ".", "!", "?", ":") or False


def _joined_by_hyphen(body: str, start: int, end: int) -> bool:
    after = body[end : end + 2]
    before = body[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] in "-‐" and after[1].isalpha()) or (
        len(before) == 2 and before[1] in "-‐" and before[0].isalpha()
    )


def _capitalised_before(body: str, start: int) -> bool:
    prev = _PREV_WORD.search(body[max(0, start - 30) : start])
    word = prev.group(1) if prev else ""
    return bool(word and word[0].isupper() and not word.endswith(("'s", "’s", "s'")) and body[start - 1] == " ")


def _at_sentence_start(body: str, start: int, sentence_starts: Sequence[int]) -> bool:
    i = bisect.bisect_right(sentence_starts, start) - 1
    if i < 0:
        return True
    return body[sentence_starts[i] : start].strip(_QUOTE_OPENERS + " ") == ""


# --- gazetteer compilation -------------------------------------------------------------------


def _surfaces_of(outlet: Outlet, families: Mapping[str, list[str]]) -> Iterable[_Surface]:
    # A parenthesised name ("The Guardian (Nigeria)") only disambiguates the row:
    # such outlets are found through their aliases, which carry the context.
    # A name that needs context ("Time" -> "Time[ magazine]") is found only through the
    # aliases that give it that context, never bare.
    needs_context = {_split_context(a)[1] for a in outlet.aliases if _split_context(a)[0] or _split_context(a)[2]}
    forms = [(outlet.name, "gazetteer")] if "(" not in outlet.name and outlet.name not in needs_context else []
    forms += [(alias, "alias") for alias in outlet.aliases]
    for form, how in forms:
        before, core, after = _split_context(form)
        if not core:
            continue
        if before or after:
            yield _Surface(core, outlet.outlet_id, how, outlet.rule, before=before, after=after)
            continue
        if core.startswith("The "):
            bare = core[4:]
            if bare in families:  # "The Times" is the Times family's reference, resolved by family
                yield _Surface(bare, None, "family", "common", family=bare, bare_of_the_name=True)
                continue
            yield _Surface(core, outlet.outlet_id, how, outlet.rule)
            yield _Surface("the " + bare, outlet.outlet_id, how, outlet.rule)
            single_word = " " not in bare
            yield _Surface(bare, outlet.outlet_id, how, outlet.rule, bare_of_the_name=single_word and outlet.rule == "common")
        elif core in families and " " not in core:
            yield _Surface(core, None, "family", "common", family=core, bare_of_the_name=True)
        else:
            yield _Surface(core, outlet.outlet_id, how, outlet.rule)


def _split_context(form: str) -> tuple[str, str, str]:
    m = re.fullmatch(r"(?:\[([^\]]*)\])?([^\[\]]*)(?:\[([^\]]*)\])?", form)
    if not m:
        raise ValueError(f"bad alias {form!r}: context goes in [brackets] at the start or end")
    return (m.group(1) or "").replace("’", "'"), m.group(2), (m.group(3) or "").replace("’", "'")


def _apostrophe_variants(text: str) -> tuple[str, ...]:
    return (text, text.replace("'", "’")) if "'" in text else (text,)


def _name_key(name: str) -> str:
    key = re.sub(r"\s+", " ", name.replace("’", "'")).strip().casefold()
    return key[4:] if key.startswith("the ") else key


# --- the outlets table -----------------------------------------------------------------------

OUTLETS_COLUMNS = (
    "outlet_id", "name", "aliases", "kind", "country",
    "n_articles_citing", "n_mentions", "n_articles_published", "polarity_mean",
)


def build_outlets(mentions: pd.DataFrame, sentences: pd.DataFrame, gazetteer: Gazetteer) -> pd.DataFrame:
    """The ``outlets`` table: one row per outlet mentioned (cited or publishing) in ``mentions``.

    ``n_mentions`` counts cited mentions; ``polarity_mean`` is the mean polarity of the
    distinct sentences that cite the outlet. Outlets found by pattern have no aliases; their
    kind comes from the mentions' ``kind`` column when present, else from the name's head word.
    """
    import pandas as pd
    if mentions.empty:
        return pd.DataFrame({c: pd.Series(dtype=_OUTLETS_DTYPES[c]) for c in OUTLETS_COLUMNS})
    mentions = mentions[mentions["outlet_id"].notna()]
    cited = mentions[mentions["role"] == "cited"]
    published = mentions[mentions["role"] == "publisher"]
    n_mentions = cited.groupby("outlet_id").size()
    n_citing = cited.groupby("outlet_id")["article_id"].nunique()
    n_published = published.groupby("outlet_id")["article_id"].nunique()
    citing_sentences = cited.dropna(subset=["sentence_idx"])[["outlet_id", "article_id", "sentence_idx"]].drop_duplicates()
    if not sentences.empty and not citing_sentences.empty:
        joined = citing_sentences.astype({"sentence_idx": "int64"}).merge(
            sentences[["article_id", "sentence_idx", "polarity"]].astype({"sentence_idx": "int64"}),
            on=["article_id", "sentence_idx"],
            how="inner",
        )
        polarity = joined.groupby("outlet_id")["polarity"].mean()
    else:
        polarity = pd.Series(dtype="float64")
    kinds = mentions.dropna(subset=["kind"]).groupby("outlet_id")["kind"].first() if "kind" in mentions else pd.Series(dtype=object)
    names = mentions.groupby("outlet_id")["outlet_name"].first()

    rows = []
    for outlet_id in sorted(set(mentions["outlet_id"])):
        outlet = gazetteer.by_id.get(outlet_id)
        name = outlet.name if outlet else names[outlet_id]
        rows.append(
            {
                "outlet_id": outlet_id,
                "name": name,
                "aliases": list(outlet.aliases) if outlet else [],
                "kind": outlet.kind if outlet else (kinds.get(outlet_id) or MEDIA_HEAD_WORDS.get(str(name).split()[-1])),
                "country": outlet.country if outlet else None,
                "n_articles_citing": int(n_citing.get(outlet_id, 0)),
                "n_mentions": int(n_mentions.get(outlet_id, 0)),
                "n_articles_published": int(n_published.get(outlet_id, 0)),
                "polarity_mean": float(polarity[outlet_id]) if outlet_id in polarity.index else None,
            }
        )
    table = pd.DataFrame(rows, columns=list(OUTLETS_COLUMNS)).astype(
        {c: t for c, t in _OUTLETS_DTYPES.items() if c not in ("aliases",)}
    )
    for column in ("kind", "country"):  # Arrow wants None, not NaN, in string columns
        table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table.sort_values(["n_mentions", "n_articles_published", "name"], ascending=[False, False, True], ignore_index=True)


_OUTLETS_DTYPES = {
    "outlet_id": "object", "name": "object", "aliases": "object", "kind": "object", "country": "object",
    "n_articles_citing": "int64", "n_mentions": "int64", "n_articles_published": "int64", "polarity_mean": "float64",
}
