"""Outlets: which news organisations an article cites, and who published it.

(Interim version: exact names from the gazetteer; aliases, back-references and discovery land with the outlets issue.)
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from newsetl.segment import Segmentation

GAZETTEER_PATH = Path(__file__).with_name("data") / "outlets.csv"


@dataclass(frozen=True)
class Outlet:
    outlet_id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str


@dataclass(frozen=True)
class OutletMention:
    outlet_id: str
    outlet_name: str
    surface: str
    role: str  # "cited" or "publisher"
    sentence_idx: int | None
    char_start: int | None
    char_end: int | None
    resolved_by: str  # "gazetteer", "alias", "back_reference", "pattern", "boilerplate", "metadata"


@dataclass(frozen=True)
class Gazetteer:
    outlets: tuple[Outlet, ...]


def outlet_id_for(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def load_gazetteer(extra_csv: Path | None = None) -> Gazetteer:
    outlets = []
    for path in [GAZETTEER_PATH, extra_csv]:
        if path is None or not Path(path).exists():
            continue
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a)
                outlets.append(Outlet(outlet_id_for(row["name"]), row["name"], aliases, row.get("kind", ""), row.get("country", "")))
    return Gazetteer(tuple(outlets))


def find_outlets(seg: Segmentation, gazetteer: Gazetteer, publisher: str | None = None) -> tuple[OutletMention, ...]:
    mentions: list[OutletMention] = []
    if publisher:
        mentions.append(OutletMention(outlet_id_for(publisher), publisher, publisher, "publisher", None, None, None, "metadata"))
    for sentence in seg.sentences:
        for outlet in gazetteer.outlets:
            for m in re.finditer(rf"\b{re.escape(outlet.name)}\b", sentence.text):
                start = sentence.char_start + m.start()
                mentions.append(OutletMention(outlet.outlet_id, outlet.name, m.group(0), "cited", sentence.sentence_idx, start, start + len(m.group(0)), "gazetteer"))
    return tuple(mentions)


def build_outlets(mentions, sentences, gazetteer: Gazetteer):
    """The outlets table from all committed mentions (interim)."""
    import pandas as pd

    by_id = {o.outlet_id: o for o in gazetteer.outlets}
    cited = mentions[mentions["role"] == "cited"]
    published = mentions[mentions["role"] == "publisher"]
    pol = cited.merge(sentences, on=["article_id", "sentence_idx"], how="left")
    rows = []
    for outlet_id in sorted(set(mentions["outlet_id"].dropna())):
        c = cited[cited["outlet_id"] == outlet_id]
        o = by_id.get(outlet_id)
        name = o.name if o else mentions.loc[mentions["outlet_id"] == outlet_id, "outlet_name"].iloc[0]
        p = pol.loc[pol["outlet_id"] == outlet_id, "polarity"]
        rows.append({
            "outlet_id": outlet_id, "name": name, "aliases": list(o.aliases) if o else [],
            "kind": o.kind if o else None, "country": o.country if o else None,
            "n_articles_citing": int(c["article_id"].nunique()), "n_mentions": int(len(c)),
            "n_articles_published": int(published.loc[published["outlet_id"] == outlet_id, "article_id"].nunique()),
            "polarity_mean": float(p.mean()) if len(p.dropna()) else None,
        })
    return pd.DataFrame(rows, columns=["outlet_id", "name", "aliases", "kind", "country", "n_articles_citing",
                                       "n_mentions", "n_articles_published", "polarity_mean"])
