"""The table contract: one pyarrow schema per output table, and nothing else.

Every writer builds its Arrow table through :func:`to_table`, so a column that
drifts from this module fails loudly at write time instead of at read time.
Offsets (``char_start``, ``char_end``) index into ``articles.body``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import itemgetter
from typing import Any

import pyarrow as pa

_str = pa.string()
_int = pa.int64()
_float = pa.float64()
_ts = pa.timestamp("us", tz="UTC")

# A span attributed to a source, as quotes and speech acts both are: where it is, what it is, who, through what.
_ATTRIBUTED = [
    ("article_id", _str),
    ("sentence_idx", _int),
    ("kind", _str),
    ("text", _str),
    ("char_start", _int),
    ("char_end", _int),
    ("cue", _str),
    ("speaker_id", _str),
    ("speaker_name", _str),
    ("speaker_surface", _str),
    ("speaker_role", _str),
    ("via_outlet_id", _str),
    ("via_outlet_name", _str),
]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", _str),
            ("source_path", _str),
            ("publisher", _str),
            ("title", _str),
            ("dek", _str),
            ("body", _str),
            ("url", _str),
            ("published", _str),
            ("encoding", _str),
            ("n_chars_raw", _int),
            ("n_chars_body", _int),
            ("n_boilerplate_lines", _int),
            ("n_paragraphs", _int),
            ("n_sentences", _int),
            ("n_quotes", _int),
            ("clean_flag", _str),
            ("polarity", _float),
            ("subjectivity", _float),
            ("run_id", _str),
        ]
    ),
    "boilerplate": pa.schema(
        [
            ("article_id", _str),
            ("line_no", _int),
            ("text", _str),
            ("category", _str),
            ("rule", _str),
        ]
    ),
    "sentences": pa.schema(
        [
            ("article_id", _str),
            ("sentence_idx", _int),
            ("paragraph_idx", _int),
            ("char_start", _int),
            ("char_end", _int),
            ("text", _str),
            ("polarity", _float),
            ("subjectivity", _float),
        ]
    ),
    "outlet_mentions": pa.schema(
        [
            ("article_id", _str),
            ("outlet_id", _str),
            ("outlet_name", _str),
            ("surface", _str),
            ("role", _str),
            ("sentence_idx", _int),
            ("char_start", _int),
            ("char_end", _int),
            ("resolved_by", _str),
        ]
    ),
    "quotes": pa.schema([("quote_id", _str), *_ATTRIBUTED, ("polarity", _float), ("subjectivity", _float)]),
    # What a source did with words rather than the words: "urged voters to stay home" (directive),
    # "attacked the plan" (object), "called the plan a gimmick" (label), "asked whether it would hold"
    # (question), "denied that a deal was struck" (denial); text is the act's object, question or denied clause.
    "speech_acts": pa.schema([("act_id", _str), *_ATTRIBUTED]),
    "speakers": pa.schema(
        [
            ("speaker_id", _str),
            ("name", _str),
            ("roles", pa.list_(_str)),
            ("n_quotes", _int),
            ("n_articles", _int),
            ("polarity_mean", _float),
        ]
    ),
    "outlets": pa.schema(
        [
            ("outlet_id", _str),
            ("name", _str),
            ("aliases", pa.list_(_str)),
            ("kind", _str),
            ("country", _str),
            ("n_articles_citing", _int),
            ("n_mentions", _int),
            ("n_articles_published", _int),
            ("polarity_mean", _float),
        ]
    ),
    "runs": pa.schema(
        [
            ("run_id", _str),
            ("flow_run_id", _str),
            ("started_at", _ts),
            ("finished_at", _ts),
            ("status", _str),
            ("raw_dir", _str),
            ("n_files_seen", _int),
            ("n_articles_new", _int),
            ("n_unchanged", _int),
            ("n_duplicates", _int),
            ("n_rejected", _int),
            ("seconds", pa.map_(_str, _float)),
        ]
    ),
    "rejects": pa.schema(
        [
            ("run_id", _str),
            ("source_path", _str),
            ("content_sha256", _str),
            ("reason", _str),
            ("detail", _str),
        ]
    ),
}

# Tables written per batch and committed together; the rest are rebuilt or appended per run.
BATCH_TABLES = ("articles", "boilerplate", "sentences", "outlet_mentions", "quotes", "speech_acts")
AGGREGATE_TABLES = ("speakers", "outlets")
RUN_TABLES = ("runs", "rejects")
TABLE_NAMES = tuple(SCHEMAS)


def to_table(name: str, rows: Iterable[Mapping[str, Any]]) -> pa.Table:
    """Arrow table for ``name`` from row dicts; missing optional keys become null, extra keys are an error."""
    schema = SCHEMAS[name]
    rows = list(rows)
    for row in rows[:1]:
        extra = set(row) - set(schema.names)
        if extra:
            raise KeyError(f"{name}: columns not in the schema: {sorted(extra)}")
    names = schema.names
    columns = None
    if rows and len(names) > 1:
        # Rows the pipeline builds have every column: then one C-level transpose does it
        # (a third of the time of a lookup per cell, on the pipeline's critical path).
        try:
            columns = dict(zip(names, map(list, zip(*map(itemgetter(*names), rows)))))
        except KeyError:
            pass  # a row without an optional column: filled cell by cell below
    if columns is None:
        columns = {name: [row.get(name) for row in rows] for name in names}
    return pa.Table.from_pydict(columns, schema=schema)


def empty_table(name: str) -> pa.Table:
    return SCHEMAS[name].empty_table()
