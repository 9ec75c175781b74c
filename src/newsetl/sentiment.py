"""TextBlob sentiment (PatternAnalyzer) for the body, sentences and quotes.

(Interim version: one analyzer call per span; the one-pass version lands with the sentiment issue.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textblob import TextBlob


@dataclass(frozen=True)
class Score:
    polarity: float
    subjectivity: float


def score(text: str) -> Score:
    s = TextBlob(text).sentiment
    return Score(float(s.polarity), float(s.subjectivity))


def score_spans(body: str, spans: Sequence[tuple[int, int]]) -> tuple[Score, tuple[Score, ...]]:
    """Score of ``body`` and of each ``body[start:end]``, each equal to ``TextBlob(span).sentiment``."""
    return score(body), tuple(score(body[s:e]) for s, e in spans)
