"""Corpus-level tables rebuilt from every committed row: ``speakers`` and ``outlets``."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from newsetl import outlets as outlet_stage
from newsetl import speakers as speaker_stage
from newsetl.store import Store, load
from newsetl.tables import SCHEMAS


def rebuild_aggregates(store: Store, staging: Path, gazetteer_csv: str | None = None) -> dict[str, int]:
    # The run's peak of memory is here, in the flow's process: only the rows an aggregate uses
    # are loaded (at 10x the BBC corpus, half the quotes have no speaker and 2% of the
    # articles cite an outlet in a sentence).
    root = store.root
    quotes = load("quotes", root, columns=["article_id", "speaker_id", "speaker_name", "speaker_role", "polarity"],
                  where=pc.field("speaker_id").is_valid())
    speakers = speaker_stage.build_speakers(quotes)
    mentions = load("outlet_mentions", root, columns=["article_id", "outlet_id", "outlet_name", "role", "sentence_idx"])
    citing = mentions.loc[(mentions["role"] == "cited") & mentions["sentence_idx"].notna(), "article_id"].unique()
    sentences = load("sentences", root, columns=["article_id", "sentence_idx", "polarity"],
                     where=pc.field("article_id").isin(pa.array(citing, pa.string())))
    gazetteer = outlet_stage.shared_gazetteer(gazetteer_csv)
    outlets = outlet_stage.build_outlets(mentions, sentences, gazetteer)
    counts = {}
    for name, frame in (("speakers", speakers), ("outlets", outlets)):
        schema = SCHEMAS[name]
        if frame.empty:
            table = schema.empty_table()
        else:
            table = pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
        store.replace_aggregate(name, table, staging)
        counts[name] = table.num_rows
    return counts
