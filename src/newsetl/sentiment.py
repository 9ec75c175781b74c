"""TextBlob sentiment (PatternAnalyzer) for an article body and any spans of it, in one pass.

Every number this module returns equals ``TextBlob(text).sentiment`` for the text it
claims to score (tests/test_sentiment.py checks this to 1e-9; in practice the values
are bit-identical because the float operations run in the same order).

Why not call TextBlob per span: the pipeline scores the body, every sentence and every
quote, so the analyzer would tokenize and look up each word two to three times, and
most of its cost is exactly that (a regex tokenizer plus a lazily-loaded dict whose
``__contains__`` goes through two Python calls per word). Instead:

1. The body is tokenized once, by a port of pattern's ``find_tokens`` that keeps each
   token's character offsets. Chunks (whitespace-separated words) and tokens are
   memoized, so a word's split and lexicon facts are worked out once per process.
2. A span's token list is the body's tokens inside it, as long as nothing at its edges
   tokenizes differently on its own (a chunk cut in half, a cut "n't", a cut blank-line
   run). Such spans are detected and scored directly from their own text instead.
3. pattern merges some token pairs after splitting the text into sentences (":" + "3"
   becomes the emoticon ":3", "( ! )" becomes "(!)"). The body's merges are reused for
   every span sentence that is a whole body sentence, or part of a sentence in which
   nothing merged; other span sentences (rare) re-run pattern's two regexes on just
   that piece.
4. The assessment loop (negation, modifiers, "!", emoticons, averaging) is pattern's
   ``Sentiment.assessments`` and ``avg`` over precomputed per-token facts. It is re-run
   per span because its state (a pending "not" or "very") must start empty at the span;
   it is a tight loop over tuples, a small part of the cost.

Measured on the BBC corpus (benchmarks/bench_sentiment.py): body + every sentence +
every quote costs about half of one ``TextBlob(body).sentiment`` call once the memos
are warm, and a little under one call on a cold process.

The analyzer code mirrored here is textblob 0.20.1's ``textblob/_text.py`` (pattern
2.6); the lexicon, abbreviations, emoticons and regexes are read from textblob itself.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, chain, compress, count, islice
from operator import itemgetter, methodcaller
from typing import NamedTuple

import numpy as np
from textblob import _text as pattern_text
from textblob.en import sentiment as pattern_sentiment


@dataclass(frozen=True)
class Score:
    polarity: float
    subjectivity: float


# --- what pattern's tokenizer and analyzer are configured with -------------------------------------

_EOS = pattern_text.EOS  # "END-OF-SENTENCE": what a blank-line run becomes; never scored
_PUNCTUATION = pattern_text.PUNCTUATION
_LEADING_PUNCTUATION = tuple(_PUNCTUATION.replace(".", ""))
_TRAILING_PUNCTUATION = _LEADING_PUNCTUATION + (".",)
_CONTRACTIONS = pattern_text.replacements
_ABBREVIATIONS = pattern_text.ABBREVIATIONS
_ABBREVIATION_PATTERNS = (pattern_text.RE_ABBR1, pattern_text.RE_ABBR2, pattern_text.RE_ABBR3)
_SENTENCE_ENDS = frozenset(("...", ".", "!", "?", _EOS))
# Tokens find_tokens keeps in the sentence that just ended; ' and " always stop the run
# because its quote-balance check counts quotes in a list that is still empty.
_SENTENCE_CLOSERS = frozenset(("'", '"', "”", "’", "...", ".", "!", "?", ")", _EOS))
_STRAIGHT_QUOTES = frozenset(("'", '"'))
_RE_SARCASM = pattern_text.RE_SARCASM
_RE_EMOTICONS = pattern_text.RE_EMOTICONS

# find_tokens rewrites the string before splitting it on whitespace: the four curly
# quotes and ' and " are padded with spaces (each becomes its own chunk), "n't" gets a
# space before it ("don't" -> "do n ' t"), and a run of two or more newlines ("\r\n"
# counts as one) becomes an END-OF-SENTENCE token. Its other contraction rewrites
# ("'s" -> " 's", ...) only add a space before an apostrophe, which the quote padding
# adds anyway. Here str.split() finds the whitespace chunks (fast), _PIECE cuts a chunk
# at quotes and before "n't", and _BLANK_LINES finds the END-OF-SENTENCE runs.
_QUOTE_CHARS = frozenset("“”‘’'\"")
_PIECE = re.compile(r"""[“”‘’'"]|n(?='t)|(?:[^“”‘’'"n]|n(?!'t))+""")
_BLANK_LINES = re.compile(r"(?:\r?\n){2,}")
# The same runs, found from their first "\n" (a run that starts with "\r\n" starts one
# character earlier): a pattern that opens with a literal lets the regex engine jump from
# newline to newline, where _BLANK_LINES is tried at every character of the body.
_BLANK_LINES_FROM_NEWLINE = re.compile(r"\n(?:\r?\n)+")
# Character pairs that can sit on both sides of a space the sarcasm/emoticon rewrite
# removes ("( ! )" -> "(!)", ": 3" -> ":3"): consecutive characters of a face. A sentence
# with no token boundary between such a pair cannot change, so its regexes are skipped.
_MERGE_PAIRS = frozenset(
    [("(", "!"), ("!", ")")]
    + [(face[k], face[k + 1]) for faces in pattern_text.EMOTICONS.values() for face in faces for k in range(len(face) - 1)]
)

_LEXICON: dict[str, dict[str | None, list[float]]] = pattern_sentiment
_NEGATIONS = frozenset(pattern_sentiment.negations)
_MODIFIER_TAGS = tuple(pattern_sentiment.modifiers)
_EMOTICON_POLARITY: dict[str, float] = {}
for (_expression, _polarity), _faces in pattern_text.EMOTICONS.items():
    for _face in _faces:
        # pattern tests the classes in dict order and takes the first that contains the face
        _EMOTICON_POLARITY.setdefault(_face.lower(), _polarity)


class _Token(NamedTuple):
    """What pattern's assessment loop needs to know about one (lowercased) token.

    A tuple so the hot loop can unpack it; built once per distinct token string.
    """

    known: bool  # in the sentiment lexicon
    polarity: float
    subjectivity: float
    intensity: float
    modifies_next: bool  # known adverb ("very"): scales the next known word
    negation: bool  # "no", "not", "n't", "never"
    keeps_negation: bool  # so short ("a", "'") that a pending negation survives it
    drops_modifier: bool  # longer than two characters: a pending modifier does not survive it
    ly_adverb: bool  # pattern's modifier test (endswith "ly"), used when this token is pending
    exclamation: bool
    sarcasm: bool  # the merged token "(!)"
    emoticon: float | None  # polarity of an emoticon face, if this unknown token is one


@lru_cache(maxsize=1 << 17)
def _token_facts(text: str) -> _Token:
    word = text.lower()
    if not dict.__len__(_LEXICON):
        len(_LEXICON)  # pattern loads its lexicon lazily, on first len()/in/[]
    # dict.get: the lexicon's own methods go through its lazy-loading wrapper on every call
    entry = dict.get(_LEXICON, word)
    known = entry is not None and None in entry
    polarity, subjectivity, intensity = entry[None] if known else (0.0, 0.0, 1.0)
    emoticon = None
    if not known and word.isalpha() is False and len(word) <= 5 and word not in _PUNCTUATION:
        emoticon = _EMOTICON_POLARITY.get(word)
    return _Token(
        known=known,
        polarity=polarity,
        subjectivity=subjectivity,
        intensity=intensity,
        modifies_next=known and any(tag in entry for tag in _MODIFIER_TAGS),
        negation=word in _NEGATIONS,
        keeps_negation=len(word.strip("'")) <= 1,
        drops_modifier=len(word) > 2,
        ly_adverb=pattern_sentiment.modifier(word),
        exclamation=word == "!",
        sarcasm=word == "(!)",
        emoticon=emoticon,
    )


def _split_piece(piece: str) -> list[tuple[str, int]]:
    """Tokens of one quote-free piece with their offsets in it: find_tokens' per-word loop."""
    tokens: list[tuple[str, int]] = []
    tail: list[tuple[str, int]] = []
    t, start, end = piece, 0, len(piece)
    while t.startswith(_LEADING_PUNCTUATION) and t not in _CONTRACTIONS:
        tokens.append((t[0], start))
        t, start = t[1:], start + 1
    while t.endswith(_TRAILING_PUNCTUATION) and t not in _CONTRACTIONS:
        if t.endswith(_LEADING_PUNCTUATION):
            tail.append((t[-1], end - 1))
            t, end = t[:-1], end - 1
        if t.endswith("..."):
            tail.append(("...", end - 3))
            t = t[:-3].rstrip(".")  # pattern drops the extra dots of "...."
            end = start + len(t)
        if t.endswith("."):
            if _is_abbreviation(t):
                break
            tail.append((".", end - 1))
            t, end = t[:-1], end - 1
    if t != "":
        tokens.append((t, start))
    tokens.extend(reversed(tail))
    return tokens


class _Chunk(NamedTuple):
    """The tokens of one whitespace-free chunk of text (memoized: chunks repeat a lot)."""

    texts: tuple[str, ...]
    offsets: tuple[int, ...]  # where each token starts in the chunk
    tokens: tuple[_Token | None, ...]  # None for END-OF-SENTENCE


# Chunks repeat a lot ("the", "said", "Mr"): a plain dict emptied when full, not an
# lru_cache, because _tokenize looks every chunk of every body up and a dict hit is
# about three times cheaper.
_CHUNK_MEMO: dict[str, _Chunk] = {}
_CHUNK_MEMO_SIZE = 1 << 16


def _chunk(chunk: str) -> _Chunk:
    found = _CHUNK_MEMO.get(chunk)
    if found is None:
        if len(_CHUNK_MEMO) >= _CHUNK_MEMO_SIZE:
            _CHUNK_MEMO.clear()
        found = _CHUNK_MEMO[chunk] = _new_chunk(chunk)
    return found


def _chunks(words: list[str]) -> list[_Chunk]:
    chunks = list(map(_CHUNK_MEMO.get, words))
    if not all(chunks):  # a miss (None); a _Chunk is a non-empty tuple, always true
        chunks = [found if found is not None else _chunk(word) for found, word in zip(chunks, words)]
    return chunks


_CLOSING_MARKS = frozenset(",;:!?).")


def _is_abbreviation(word: str) -> bool:
    return word in _ABBREVIATIONS or any(p.match(word) is not None for p in _ABBREVIATION_PATTERNS)


def _new_chunk(chunk: str) -> _Chunk:
    # No punctuation or quote character is a letter (tests/test_sentiment.py checks it), so a chunk of
    # letters is one token, and letters followed by one mark are two, unless the mark is a full stop
    # pattern reads as part of an abbreviation ("Mr."): what _split_piece returns for them, built without
    # its loops (three chunks in five are one of these; a cold worker builds ~65,000 chunks).
    if chunk.isalpha():
        return _Chunk((chunk,), (0,), (_token_facts(chunk),))
    head, last = chunk[:-1], chunk[-1:]
    if last in _CLOSING_MARKS and head.isalpha() and not (last == "." and _is_abbreviation(chunk)):
        return _Chunk((head, last), (0, len(head)), (_token_facts(head), _token_facts(last)))
    if _QUOTE_CHARS.isdisjoint(chunk) and "n't" not in chunk:
        pairs = _split_piece(chunk)
    else:
        pairs = [
            (text, piece.start() + offset)
            for piece in _PIECE.finditer(chunk)
            for text, offset in _split_piece(piece.group())
        ]
    texts = tuple(text for text, _ in pairs)
    return _Chunk(
        texts=texts,
        offsets=tuple(offset for _, offset in pairs),
        tokens=tuple(None if text == _EOS else _token_facts(text) for text in texts),
    )


_CHUNK_TEXTS = itemgetter(0)
_CHUNK_TOKENS = itemgetter(2)
_FIRST_CHAR = itemgetter(0)
_LAST_CHAR = itemgetter(-1)
_MATCH_START = methodcaller("start")


def _merge_sentence(sentence: str) -> list[str]:
    """Tokens of one sentence after pattern's sarcasm and emoticon rewrites (find_tokens' last step)."""
    sentence = _RE_SARCASM.sub("(!)", sentence)
    sentence = _RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), sentence)
    return sentence.split()


@dataclass(frozen=True, slots=True)
class _Tokenized:
    """A text tokenized the way pattern does it, with offsets so spans can reuse it.

    ``texts`` and ``tokens`` are parallel, one entry per token before the emoticon merge
    (END-OF-SENTENCE tokens have ``tokens[k] is None``). ``chunks[c]`` starts at character
    ``positions[c]`` and its first token is ``texts[first_token[c]]``; a blank-line run is
    a chunk of its own. Sentences are pattern's, as ranges over the tokens; ``merged[k]``
    holds sentence k's tokens when the merge changed them.
    """

    text: str
    texts: list[str]
    tokens: list[_Token | None]
    words: list[str]  # the chunk strings (END-OF-SENTENCE for a blank-line run)
    positions: list[int]
    chunks: list[_Chunk]
    first_token: list[int]
    sentence_starts: list[int]
    sentence_ends: list[int]
    sentence_trigger: list[int]  # index of the end mark that closed the sentence (or its end)
    merged: dict[int, tuple[_Token, ...]]


def _tokenize(text: str) -> _Tokenized:
    # Whole-list operations (map, chain, compress) rather than a loop per word: this is
    # the only part whose cost grows with the body, and it runs once per article.
    words = text.split()
    positions = _chunk_starts(text, words)
    if "\n" in text:
        blanks = [
            start - 1 if text[start - 1 : start] == "\r" else start
            for start in map(_MATCH_START, _BLANK_LINES_FROM_NEWLINE.finditer(text))
        ]
        if blanks:
            words, positions = _insert_blank_lines(words, positions, blanks)
    chunks = _chunks(words)
    texts = list(chain.from_iterable(map(_CHUNK_TEXTS, chunks)))
    tokens = list(chain.from_iterable(map(_CHUNK_TOKENS, chunks)))
    first_token = list(accumulate(map(len, map(_CHUNK_TEXTS, chunks)), initial=0))
    n = len(texts)

    # find_tokens' sentence loop, jumping from one end mark to the next: a sentence ends
    # after the mark and the closers that follow it. (find_tokens never examines the
    # token right after a break; that token is never an end mark, so this is the same.)
    s_starts: list[int] = []
    s_ends: list[int] = []
    triggers: list[int] = []
    i = 0
    for trigger in compress(count(), map(_SENTENCE_ENDS.__contains__, texts)):
        if trigger < i:
            continue  # already inside the closing run of the previous sentence
        j = trigger
        while j < n and texts[j] in _SENTENCE_CLOSERS and texts[j] not in _STRAIGHT_QUOTES:
            j += 1
        s_starts.append(i)
        s_ends.append(j)
        triggers.append(trigger)
        i = j
    if i < n:
        s_starts.append(i)
        s_ends.append(n)
        triggers.append(n)

    merged: dict[int, tuple[_Token, ...]] = {}
    for k in sorted({bisect_right(s_starts, point) - 1 for point in _merge_points(texts)}):
        line = [t for t in texts[s_starts[k] : s_ends[k]] if t != _EOS]
        rewritten = _merge_sentence(" ".join(line))
        if rewritten != line:
            merged[k] = tuple(_token_facts(t) for t in rewritten)

    return _Tokenized(
        text=text,
        texts=texts,
        tokens=tokens,
        words=words,
        positions=positions,
        chunks=chunks,
        first_token=first_token,
        sentence_starts=s_starts,
        sentence_ends=s_ends,
        sentence_trigger=triggers,
        merged=merged,
    )


@cache
def _space_table() -> np.ndarray:
    """str.split() and str.isspace() share one definition of whitespace; as a table over code
    points it lets numpy find where every chunk starts in one pass over the body. Built on
    first use (~0.1 s): the flow's process imports this module but never scores anything."""
    table = np.zeros(sys.maxunicode + 1, dtype=bool)
    table[[c for c in range(sys.maxunicode + 1) if chr(c).isspace()]] = True
    return table


def warm_up() -> None:
    """Build what scoring needs once per process: the workers' forkserver calls this, so
    every worker forked from it starts with it built."""
    _space_table()


def _chunk_starts(text: str, words: list[str]) -> list[int]:
    """Where each of ``words`` (``text.split()``) starts in ``text``."""
    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate: find the chunks one by one
        codes = None
    if codes is not None:
        space = _space_table()[codes]
        starts = (np.flatnonzero(space[:-1] & ~space[1:]) + 1).tolist()
        if len(space) and not space[0]:
            starts.insert(0, 0)
        if len(starts) == len(words):
            return starts
    positions: list[int] = []
    p = 0
    for word in words:
        p = text.find(word, p)  # only whitespace lies between two chunks
        positions.append(p)
        p += len(word)
    return positions


def _insert_blank_lines(words: list[str], positions: list[int], blanks: list[int]) -> tuple[list[str], list[int]]:
    """Put an END-OF-SENTENCE chunk at each blank-line run, in text order (linear)."""
    out_words: list[str] = []
    out_positions: list[int] = []
    done = 0
    for blank in blanks:
        cut = bisect_left(positions, blank, done)
        out_words += words[done:cut]
        out_positions += positions[done:cut]
        out_words.append(_EOS)
        out_positions.append(blank)
        done = cut
    out_words += words[done:]
    out_positions += positions[done:]
    return out_words, out_positions


def _merge_points(texts: list[str]) -> list[int]:
    """Token indices k where tokens k-1 and k might be merged by the sarcasm/emoticon rewrite.

    A superset: the merge removes a space between two consecutive characters of a face,
    i.e. between the last character of one token and the first of the next. The
    END-OF-SENTENCE tokens are dropped before the rewrite, so their neighbours touch.
    """
    boundary_pairs = zip(map(_LAST_CHAR, texts), map(_FIRST_CHAR, islice(texts, 1, None)))
    points = list(compress(count(1), map(_MERGE_PAIRS.__contains__, boundary_pairs)))
    eos_at = list(compress(count(), map(_EOS.__eq__, texts)))
    run = 0
    while run < len(eos_at):  # one check per run of consecutive END-OF-SENTENCE tokens
        last = run
        while last + 1 < len(eos_at) and eos_at[last + 1] == eos_at[last] + 1:
            last += 1
        before, after = eos_at[run] - 1, eos_at[last] + 1
        if before >= 0 and after < len(texts) and (texts[before][-1], texts[after][0]) in _MERGE_PAIRS:
            points.append(after)
        run = last + 1
    return points


def _cuts_chunk(text: str, position: int) -> bool:
    """True when ``position`` falls inside a chunk or a blank-line run of ``text``."""
    if position <= 0 or position >= len(text):
        return False
    before, after = text[position - 1], text[position]
    before_space, after_space = before.isspace(), after.isspace()
    if not before_space and not after_space:
        return not (
            before in _QUOTE_CHARS
            or after in _QUOTE_CHARS
            or (after == "n" and text.startswith("'t", position + 1))
        )
    if before in "\r\n" and after in "\r\n":  # only a blank-line run can be cut inside whitespace
        run_start = position - 1
        while run_start > 0 and text[run_start - 1].isspace():
            run_start -= 1
        run_end = position + 1
        while run_end < len(text) and text[run_end].isspace():
            run_end += 1
        return any(m.start() < position < m.end() for m in _BLANK_LINES.finditer(text, run_start, run_end))
    return False


def _cut_between_tokens(doc: _Tokenized, position: int, keep_head: bool) -> bool:
    """True when a span edge at ``position``, inside a chunk, falls where the chunk's own tokens
    meet and the kept side tokenizes alone into exactly those tokens.

    The common case is an indirect quote ending before its full stop or comma ("... the
    airline|."): without this, every such span would be re-tokenized from its own text.
    ``keep_head``: the span keeps the chunk's part before ``position`` (a span end).
    """
    c = bisect_right(doc.positions, position) - 1
    if c < 0:
        return False
    chunk, offset = doc.chunks[c], position - doc.positions[c]
    k = bisect_left(chunk.offsets, offset)
    if k == len(chunk.offsets) or chunk.offsets[k] != offset:
        return False  # inside a token
    word = doc.words[c]
    if keep_head:
        return _chunk(word[:offset]).texts == chunk.texts[:k]
    return _chunk(word[offset:]).texts == chunk.texts[k:]


def _edges_tokenize_alike(doc: _Tokenized, start: int, end: int) -> bool:
    """True when ``text[start:end]`` on its own is cut into the same tokens as inside the text."""
    text = doc.text
    if _cuts_chunk(text, start) and not _cut_between_tokens(doc, start, keep_head=False):
        return False
    if _cuts_chunk(text, end) and not _cut_between_tokens(doc, end, keep_head=True):
        return False
    # "n't" is recognised by looking two characters ahead: a span ending in "...n" or
    # "...n'" of "n't" loses the space pattern puts before the "n".
    return text[end - 1 : end + 2] != "n't" and text[end - 2 : end + 1] != "n't"


def _sentence_tokens(doc: _Tokenized, k: int, first: int, stop: int) -> Iterable[_Token]:
    """Tokens of the span sentence ``first:stop``, which lies inside pattern sentence k."""
    whole = first == doc.sentence_starts[k] and stop == doc.sentence_ends[k]
    merged = doc.merged.get(k)
    if merged is None:
        # Nothing merged in the whole sentence, so nothing merges in any run of its
        # tokens: a merge needs a regex match containing a space, and such a match in a
        # sub-run would be a match in the whole sentence too (no anchors at its start,
        # and "$" at a cut end stands where the whole sentence has a space).
        return [t for t in doc.tokens[first:stop] if t is not None]
    if whole:
        return merged
    return _remerge(doc, first, stop)


def _remerge(doc: _Tokenized, first: int, stop: int) -> list[_Token]:
    line = " ".join(t for t in doc.texts[first:stop] if t != _EOS)
    return [_token_facts(t) for t in _merge_sentence(line)]


def _first_token_at(doc: _Tokenized, position: int) -> int:
    """Index of the first token starting at or after ``position`` (not inside a chunk part)."""
    c = bisect_right(doc.positions, position) - 1
    if c < 0:
        return 0
    return doc.first_token[c] + bisect_left(doc.chunks[c].offsets, position - doc.positions[c])


def _span_tokens(doc: _Tokenized, start: int, end: int) -> Iterable[_Token] | None:
    """The tokens pattern scores for ``text[start:end]``, from the text's tokens; None if not reusable."""
    if start >= end:
        return ()
    if not _edges_tokenize_alike(doc, start, end):
        return None
    first = _first_token_at(doc, start)
    stop = _first_token_at(doc, end)
    if first >= stop:
        return ()
    k_first = bisect_right(doc.sentence_starts, first) - 1
    k_last = bisect_right(doc.sentence_starts, stop - 1) - 1
    if k_first == k_last:
        return _sentence_tokens(doc, k_first, first, stop)

    parts: list[Iterable[_Token]] = []
    head_end = doc.sentence_ends[k_first]
    trigger = doc.sentence_trigger[k_first]
    k_next = k_first + 1
    if trigger < first and not any(t in _SENTENCE_ENDS for t in doc.texts[first:head_end]):
        # The span starts inside the closing run of a sentence (after the "." of '."),'
        # say) with no end mark of its own, so on its own those tokens open the next
        # sentence: the span sentence crosses a pattern sentence break.
        joined_end = doc.sentence_ends[k_next] if k_next < k_last else stop
        parts.append(_remerge(doc, first, joined_end))
        k_next += 1
    else:
        parts.append(_sentence_tokens(doc, k_first, first, head_end))
    for k in range(k_next, k_last):
        parts.append(_sentence_tokens(doc, k, doc.sentence_starts[k], doc.sentence_ends[k]))
    if k_next <= k_last:
        parts.append(_sentence_tokens(doc, k_last, doc.sentence_starts[k_last], stop))
    return chain.from_iterable(parts)


def _assess(tokens: Iterable[_Token]) -> Score:
    """pattern's ``Sentiment.assessments`` + ``avg`` for a token sequence (weights all 1).

    Branches and float operations are in pattern's order, so results are bit-identical.
    """
    assessments: list[list[float]] = []  # [polarity, subjectivity, intensity, negated (-1/1)]
    pending_modifier: bool | None = None  # None, or whether the pending modifier ends in "ly"
    pending_negation = False
    for (
        known,
        polarity,
        subjectivity,
        intensity,
        modifies_next,
        negation,
        keeps_negation,
        drops_modifier,
        ly_adverb,
        exclamation,
        sarcasm,
        emoticon,
    ) in tokens:
        if known:
            if pending_modifier is None:
                assessments.append([polarity, subjectivity, intensity, 1])
            else:  # "very good": the modifier's assessment absorbs this word
                last = assessments[-1]
                last[0] = max(-1.0, min(polarity * last[2], +1.0))
                last[1] = max(-1.0, min(subjectivity * last[2], +1.0))
                last[2] = intensity
            if pending_negation:
                last = assessments[-1]
                last[2] = 1.0 / last[2]
                last[3] = -1
            pending_modifier = ly_adverb if modifies_next else None
            pending_negation = negation
        else:
            if negation:
                pending_negation = True
            elif pending_negation and not keeps_negation:
                pending_negation = False
            if pending_negation and pending_modifier:  # "really not good"
                assessments[-1][3] = -1
                pending_negation = False
            elif pending_modifier is not None and drops_modifier:
                pending_modifier = None
            if exclamation and assessments:
                last = assessments[-1]
                last[0] = max(-1.0, min(last[0] * 1.25, +1.0))
            if sarcasm:
                assessments.append([0.0, 1.0, 1.0, 1])
            if emoticon is not None:
                assessments.append([emoticon, 1.0, 1.0, 1])
    polarity_sum = subjectivity_sum = 0.0
    count = 0
    for polarity, subjectivity, _intensity, negated in assessments:
        polarity_sum += polarity * -0.5 if negated < 0 else polarity  # "not good" = slightly bad
        subjectivity_sum += subjectivity
        count += 1
    return Score(polarity_sum / float(count or 1), subjectivity_sum / float(count or 1))


def _score_tokenized(doc: _Tokenized) -> Score:
    return _assess(
        chain.from_iterable(
            _sentence_tokens(doc, k, doc.sentence_starts[k], doc.sentence_ends[k])
            for k in range(len(doc.sentence_starts))
        )
    )


def score(text: str) -> Score:
    """``TextBlob(text).sentiment`` as a Score."""
    return _score_tokenized(_tokenize(text))


def score_spans(body: str, spans: Sequence[tuple[int, int]]) -> tuple[Score, tuple[Score, ...]]:
    """Score of ``body`` and of each ``body[start:end]``, each equal to ``TextBlob(span).sentiment``.

    The body is tokenized once; spans reuse its tokens (see the module docstring), and a
    span whose edges would tokenize differently on their own is scored from its own text.
    Repeated spans are scored once.
    """
    doc = _tokenize(body)
    seen: dict[tuple[int, int], Score] = {}
    span_scores: list[Score] = []
    for start, end in spans:
        key = (start, end)
        found = seen.get(key)
        if found is None:
            found = seen[key] = _score_span(doc, start, end)
        span_scores.append(found)
    return _score_tokenized(doc), tuple(span_scores)


def _score_span(doc: _Tokenized, start: int, end: int) -> Score:
    start, end, _ = slice(start, end).indices(len(doc.text))
    tokens = _span_tokens(doc, start, end)
    if tokens is None:
        return score(doc.text[start:end])
    return _assess(tokens)
