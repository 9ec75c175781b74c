"""Speakers: one id per person across the corpus, with roles and quote counts.

(Interim version: id from the normalised name.)
"""

from __future__ import annotations

import hashlib

import pandas as pd


def speaker_id_for(name: str) -> str:
    return hashlib.sha1(" ".join(name.lower().split()).encode()).hexdigest()[:16]


def build_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """The speakers table from all committed quotes."""
    q = quotes.dropna(subset=["speaker_id"])
    grouped = q.groupby("speaker_id")
    out = pd.DataFrame({
        "name": grouped["speaker_name"].agg(lambda s: s.value_counts().index[0]),
        "roles": grouped["speaker_role"].agg(lambda s: sorted(set(s.dropna()))),
        "n_quotes": grouped.size(),
        "n_articles": grouped["article_id"].nunique(),
        "polarity_mean": grouped["polarity"].mean(),
    }).reset_index()
    return out.sort_values(["n_quotes", "speaker_id"], ascending=[False, True], ignore_index=True)


def assign_speaker_ids(quotes, article_id: str) -> list[str | None]:
    """speaker_id per quote: from the speaker's canonical name, so one person keeps one id across articles."""
    return [speaker_id_for(q.speaker_name) if q.speaker_name else None for q in quotes]
