"""What a line must contain for a pattern to have a chance: gates that spare a regex scan.

Most boilerplate rules describe a whole line and many scan it for a phrase anywhere
("... All rights reserved", "... (AP Photo/Name)"). One alternation of them all is tried
rule by rule at the start of every line, and the scanning rules each walk the line, so
prose that matches nothing costs the most. Yet nearly every such rule needs a word or a
sign no prose line has: "reserved", "photo", "©", "|".

:func:`required_keys` reads that need off the parsed pattern (the parser ``re.compile``
itself uses), so it can never disagree with the pattern: a :class:`Gate` whose words and
marks are all absent from a line proves the pattern cannot match it. Words are whole
``\\w+`` tokens of the line, so a set intersection tests hundreds of rules at once; marks
are runs of non-word characters tested with ``in``. Only rare keys make a gate: a rule
that needs just "the" or "." is left to the alternation.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path

try:  # the parser behind re.compile; private, so without it every rule simply goes ungated
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - CPython 3.11+ has both
    _sre = _sre_parse = None  # type: ignore[assignment]

WORD = re.compile(r"\w+")

# Under IGNORECASE the regex engine takes "İ" and "ı" for "i" and "ſ" for "s" (and "K", the
# Kelvin sign, for "k", which lower() already does); folding them keeps a line's words
# what the patterns see. Every other character folds as lower() does (checked exhaustively
# in the tests).
_ENGINE_CASE = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
try:  # the characters the engine takes for more than their two cases (private, so without it: none beyond ASCII)
    from re._casefix import _EXTRA_CASES as _ENGINE_EXTRA_CASES
except ImportError:  # pragma: no cover
    _ENGINE_EXTRA_CASES = range(0x80, 0x110000)

# Keys a gate would pass on nearly every line of prose: no gain, only the test's cost.
_COMMON_WORDS = frozenset(
    "a an the to of in on at for by and or is are was be it its as with from this that "
    "you your we our us i he she they not no more".split()
)
_COMMON_MARKS = frozenset([".", ",", "-", "'", "’", ":"])


def fold(text: str) -> str:
    """``text`` lowercased as the regex engine compares it under IGNORECASE, length kept."""
    return text.lower() if text.isascii() else text.translate(_ENGINE_CASE).lower()


@dataclass(frozen=True)
class Gate:
    """A pattern can match a line only if the folded line has one of these words or marks."""

    words: frozenset[str]  # whole \w+ tokens
    marks: frozenset[str]  # runs of non-word characters, tested as substrings


# --- reading the parsed pattern -------------------------------------------------------------------
#
# A key is ("w", word) for a whole token or ("m", text) for a run of non-word characters;
# a disjunction is a frozenset of keys one of which every match contains.

_Key = tuple[str, str]
_Disjunction = frozenset[_Key]


def required_keys(pattern: re.Pattern[str]) -> Gate | None:
    """The rare words or marks every match of ``pattern`` contains, or None if it needs none."""
    if _sre_parse is None or pattern.flags & (re.ASCII | re.LOCALE | re.MULTILINE):
        return None
    if re.search(r"\(\?[a-zA-Z]*[aLm]", pattern.pattern):  # inline flags that change \w, \b or ^
        return None
    need = _required(list(_sre_parse.parse(pattern.pattern, pattern.flags)), _Context())
    if need is None or any(_rarity(key) >= 1.0 for key in need):
        return None
    if any(kind == "m" and WORD.search(text) for kind, text in need):
        return None  # part of a word: a substring test per line would cost what it saves
    return Gate(
        frozenset(text for kind, text in need if kind == "w"),
        frozenset(text for kind, text in need if kind == "m"),
    )


@dataclass(frozen=True)
class _Context:
    """What surrounds a sub-sequence: word boundaries on either side, and the literal
    run right before it (the parser factors a common prefix out of alternatives, so
    "photo|picture" arrives as "p" followed by "hoto|icture")."""

    left: bool = False
    right: bool = False
    prefix: str = ""
    prefix_left: bool = False  # a boundary before the prefix
    # an optional ending after it, "s" in "(?:photo|picture)s?", which may extend its last word
    suffix: str = ""


def _required(items: Sequence, ctx: _Context) -> _Disjunction | None:
    items = list(items)
    chars = [_literal(op, av) for op, av in items]
    options: list[_Disjunction] = []
    i = 0
    while i < len(items):
        op, av = items[i]
        if chars[i] is not None:
            j = i
            while j < len(items) and chars[j] is not None:
                j += 1
            text = "".join(chars[i:j])
            left = _bounded(items, i - 1, -1, ctx.left)
            if i == 0 and ctx.prefix:
                text, left = ctx.prefix + text, ctx.prefix_left
            suffix = ctx.suffix if j == len(items) else _optional_suffix(items, j, ctx.right)
            options.extend(_run_keys(text, left, _bounded(items, j, 1, ctx.right), suffix))
            i = j
            continue
        start = i
        while start > 0 and chars[start - 1] is not None:
            start -= 1
        inner = _Context(
            left=_bounded(items, i - 1, -1, ctx.left),
            right=_bounded(items, i + 1, 1, ctx.right),
            prefix=(ctx.prefix if start == 0 else "") + "".join(chars[start:i]),
            prefix_left=_bounded(items, start - 1, -1, ctx.left) if start > 0 or not ctx.prefix else ctx.prefix_left,
            suffix=ctx.suffix if i + 1 == len(items) else _optional_suffix(items, i + 1, ctx.right),
        )
        need = _element_keys(op, av, inner)
        if need is not None:
            options.append(need)
        i += 1
    return min(options, key=lambda d: (sum(map(_rarity, d)), sorted(d)), default=None)


def _element_keys(op, av, ctx: _Context) -> _Disjunction | None:
    if op is _sre.IN and len(av) <= 4 and all(o is _sre.LITERAL and _key_char(chr(a)) for o, a in av):
        return frozenset(_char_key(chr(a).lower()) for _, a in av)
    if op is _sre.SUBPATTERN:
        return _required(av[-1], ctx)
    if op is _sre.ATOMIC_GROUP:
        return _required(av, ctx)
    if op is _sre.BRANCH:
        alternatives = [_required(branch, ctx) for branch in av[1]]
        if any(need is None for need in alternatives):
            return None
        return frozenset().union(*alternatives)
    if op in _REPEATS and av[0] >= 1:
        once = av[1] == 1  # a repeated group's later rounds follow its own end, not the context
        return _required(av[2], _Context(left=ctx.left and once, right=ctx.right and once))
    if op is _sre.ASSERT and av[0] == 1:  # a lookahead's text is in the line too
        return _required(av[1], _Context(left=ctx.left))
    return None


def _run_keys(text: str, left: bool, right: bool, suffix: str) -> list[_Disjunction]:
    """Keys for one literal run: its whole words, else its last word with and without an
    optional ending, else the run itself (kept only when it has no word characters)."""
    words = [m for m in WORD.finditer(text) if (m.start() > 0 or left) and (m.end() < len(text) or right)]
    if words:
        return [frozenset([("w", m.group())]) for m in words]
    tokens = list(WORD.finditer(text))
    if suffix and tokens and tokens[-1].end() == len(text) and (tokens[-1].start() > 0 or left):
        last = tokens[-1].group()
        return [frozenset([("w", last), ("w", last + suffix)])]
    return [frozenset([_char_key(text)])]


def _char_key(text: str) -> _Key:
    return ("m", text)


def _rarity(key: _Key) -> float:
    """A rough share of prose lines with the key (1.0: useless as a gate)."""
    kind, text = key
    if kind == "w":
        return 1.0 if text in _COMMON_WORDS else 0.3 if len(text) <= 3 else 0.02
    if not text.strip() or text in _COMMON_MARKS:
        return 1.0
    if not WORD.search(text):
        return 0.05
    return 1.0 if len(text.strip()) < 4 or text.strip() in _COMMON_WORDS else 0.5


# --- what sits around an element --------------------------------------------------------------

_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) if _sre else ()
_BOUNDARY_ATS = (
    frozenset([_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING, _sre.AT_BOUNDARY, _sre.AT_END, _sre.AT_END_STRING])
    if _sre
    else frozenset()
)
_NONWORD_CATEGORIES = frozenset([_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_WORD]) if _sre else frozenset()


def _key_char(char: str) -> bool:
    # ASCII, or a sign with no case (©, —, ·): the engine's IGNORECASE equates it with nothing else;
    # or a letter whose only other case is one character that lower() folds back onto it ("é", "č", "ä"),
    # unless the engine equates it with yet more characters (Greek "σ" with "ς", Cyrillic "в" with "ᲀ")
    if char.isascii() or char.lower() == char == char.upper():
        return True
    low, up = char.lower(), char.upper()
    return (len(low) == 1 and len(up) == 1 and up.lower() == low and low.upper() == up
            and ord(low) not in _ENGINE_EXTRA_CASES and ord(up) not in _ENGINE_EXTRA_CASES)


def _literal(op, av) -> str | None:
    """The one folded key character an element matches (a literal, or "[Pp]"), or None."""
    if op is _sre.LITERAL:
        return chr(av).lower() if _key_char(chr(av)) else None
    if op is _sre.IN and av and all(o is _sre.LITERAL and _key_char(chr(a)) for o, a in av):
        chars = {chr(a).lower() for _, a in av}
        return chars.pop() if len(chars) == 1 else None
    return None


def _is_word_char(char: str) -> bool:
    return WORD.match(char) is not None


def _one_nonword_char(op, av) -> bool:
    if op is _sre.LITERAL:
        return not _is_word_char(chr(av))
    if op is _sre.IN:
        return all(
            (o is _sre.CATEGORY and a in _NONWORD_CATEGORIES) or (o is _sre.LITERAL and not _is_word_char(chr(a)))
            for o, a in av
        )
    return False


def _edge_is_nonword(items: Sequence, last: bool) -> bool:
    """Does every match of the sequence end (``last``) or start with a non-word character?"""
    if not items:
        return False
    op, av = items[-1] if last else items[0]
    if _one_nonword_char(op, av):
        return True
    if op is _sre.SUBPATTERN:
        return _edge_is_nonword(av[-1], last)
    if op is _sre.ATOMIC_GROUP:
        return _edge_is_nonword(av, last)
    if op is _sre.BRANCH:
        return all(_edge_is_nonword(branch, last) for branch in av[1])
    if op in _REPEATS and av[0] >= 1:
        return _edge_is_nonword(av[2], last)
    return False


def _bounded(items: Sequence, j: int, step: int, outer: bool) -> bool:
    """Is there a word boundary beside the element before (``step`` -1) or after (+1) it,
    ``items[j]`` being the neighbour? Zero-width assertions and optional runs of non-word
    characters are looked past; past the sequence's end the context decides."""
    while 0 <= j < len(items):
        op, av = items[j]
        if op is _sre.AT:
            return av in _BOUNDARY_ATS
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            j += step
            continue
        if op in _REPEATS and av[0] == 0:
            if not _edge_is_nonword(av[2], last=step < 0):
                return False
            j += step
            continue
        return _edge_is_nonword([items[j]], last=step < 0)
    return outer


def _optional_suffix(items: Sequence, j: int, outer_right: bool) -> str:
    """"s" when ``items[j]`` is an optional run of word characters ("s?") with a boundary after it."""
    if not (0 <= j < len(items)) or items[j][0] not in _REPEATS or items[j][1][:2] != (0, 1):
        return ""
    tail = [_literal(*item) for item in items[j][1][2]]
    if None in tail or not WORD.fullmatch("".join(tail)) or not _bounded(items, j + 1, 1, outer_right):
        return ""
    return "".join(tail)


def index_gates(gates: Iterable[Gate | None]) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], tuple[int, ...]]:
    """For a list of gates: word -> positions, mark -> positions, and the positions without a gate."""
    by_word: dict[str, list[int]] = {}
    by_mark: dict[str, list[int]] = {}
    ungated: list[int] = []
    for position, gate in enumerate(gates):
        if gate is None:
            ungated.append(position)
            continue
        for word in gate.words:
            by_word.setdefault(word, []).append(position)
        for mark in gate.marks:
            by_mark.setdefault(mark, []).append(position)
    return (
        {word: tuple(p) for word, p in by_word.items()},
        {mark: tuple(p) for mark, p in by_mark.items()},
        tuple(ungated),
    )


# --- remembered between processes -----------------------------------------------------------------
#
# Reading a table's gates parses every pattern a second time (re.compile parses it too) and walks
# the tree: ~0.35 s for the boilerplate table at each import of newsetl.clean, on the critical path
# of `newsetl run` (its batch workers fork only once the pipeline is imported). The gates depend on
# nothing but the patterns, this module's code and Python's parser, so they are kept in a small JSON
# file named for exactly those: a different table, module or Python version reads another file.

CACHE_ENV = "NEWSETL_CACHE_DIR"  # where the file lives; set it empty to keep nothing on disk
_CACHE_FILES_KEPT = 8  # other tables' files (other checkouts, older rules): the newest few stay
_TMP_STALE_AFTER_S = 60.0  # a write takes milliseconds: an older temporary file was left by a crash


def cache_dir() -> Path | None:
    """``$NEWSETL_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsetl``, else ``~/.cache/newsetl``; None when disabled."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsetl"


def gates_for(patterns: Sequence[re.Pattern[str]], directory: Path | None = None) -> list[Gate | None]:
    """``required_keys`` of each pattern, read from the cache file when it holds them (else computed and saved).

    A missing, unreadable or malformed file only costs the computation: it is written again
    (atomically, so a concurrent reader sees the old file or the new one, never half of one).
    """
    directory = cache_dir() if directory is None else directory
    key = _cache_key(patterns) if directory is not None else None
    path = None if key is None else directory / f"gates-{key[:40]}.json"
    if path is not None:
        cached = _read_gates(path, key, len(patterns))
        if cached is not None:
            return cached
    gates = [required_keys(p) for p in patterns]
    if path is not None:
        _write_gates(path, key, gates)
    return gates


def _cache_key(patterns: Sequence[re.Pattern[str]]) -> str | None:
    """What the gates depend on, hashed; None when this module's source cannot be read (a frozen install)."""
    source = _own_source()
    if source is None:
        return None
    digest = hashlib.sha256(source)
    digest.update(sys.version.encode())
    for p in patterns:
        digest.update(f"{p.flags}\0{p.pattern}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@cache
def _own_source() -> bytes | None:
    """This module's source (read once: the clean stage builds two rule sets at import)."""
    try:
        return Path(__file__).read_bytes()
    except OSError:
        return None


def _read_gates(path: Path, key: str, n: int) -> list[Gate | None] | None:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored["key"] != key or len(stored["gates"]) != n:
            return None
        gates = [None if g is None else Gate(frozenset(map(str, g["words"])), frozenset(map(str, g["marks"])))
                 for g in stored["gates"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if any(g is not None and not (g.words or g.marks) for g in gates):
        return None  # a gate with no key would never let its rule be tried: not a file this module wrote
    return gates


def _write_gates(path: Path, key: str, gates: list[Gate | None]) -> None:
    stored = {"key": key, "gates": [None if g is None else {"words": sorted(g.words), "marks": sorted(g.marks)}
                                    for g in gates]}
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return  # a read-only home: every import computes the gates, as without a cache
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(stored, fh)
        os.replace(tmp, path)
    except OSError:
        with suppress(OSError):
            os.unlink(tmp)
        return
    _prune(path)


def _prune(kept: Path) -> None:
    """Keep the newest few files besides ``kept`` (just written), and drop what a crashed write left."""
    with suppress(OSError):
        now = time.time()
        others = [(p.stat().st_mtime_ns, p.name, p) for p in kept.parent.glob("gates-*.json") if p != kept]
        for *_, stale in sorted(others, reverse=True)[_CACHE_FILES_KEPT - 1 :]:
            stale.unlink(missing_ok=True)
        for leftover in kept.parent.glob("gates-*.tmp"):
            if now - leftover.stat().st_mtime > _TMP_STALE_AFTER_S:
                leftover.unlink(missing_ok=True)
