"""to_table: row dicts to Arrow tables under the one schema per table."""

from __future__ import annotations

import pytest

from newsetl.tables import SCHEMAS, to_table

ROWS = [
    {"quote_id": "a1-0", "article_id": "a1", "sentence_idx": 3, "kind": "direct", "text": "We will rebuild the pier.",
     "char_start": 120, "char_end": 145, "cue": "said", "speaker_id": "s1", "speaker_name": "Dana Ortiz",
     "speaker_surface": "Ortiz", "speaker_role": "mayor", "via_outlet_id": None, "via_outlet_name": None,
     "polarity": 0.0, "subjectivity": 0.0},
    {"quote_id": "a1-1", "article_id": "a1", "sentence_idx": 5, "kind": "indirect", "text": "the ferry would run again",
     "char_start": 200, "char_end": 225, "cue": "told", "speaker_id": None, "speaker_name": None,
     "speaker_surface": "officials", "speaker_role": None, "via_outlet_id": "o-bbc", "via_outlet_name": "BBC",
     "polarity": 0.25, "subjectivity": 0.5},
]


def test_complete_rows_become_columns_in_schema_order():
    table = to_table("quotes", ROWS)
    assert table.schema == SCHEMAS["quotes"]
    assert table.column("text").to_pylist() == ["We will rebuild the pier.", "the ferry would run again"]
    assert table.column("via_outlet_name").to_pylist() == [None, "BBC"]
    assert table.to_pylist() == [{name: row[name] for name in SCHEMAS["quotes"].names} for row in ROWS]


def test_missing_optional_keys_become_null():
    sparse = [{k: v for k, v in row.items() if v is not None} for row in ROWS]
    assert to_table("quotes", sparse).equals(to_table("quotes", ROWS))


def test_extra_keys_are_an_error():
    with pytest.raises(KeyError, match="not in the schema"):
        to_table("quotes", [{**ROWS[0], "mood": "upbeat"}])


def test_no_rows_is_an_empty_table_with_the_schema():
    table = to_table("sentences", [])
    assert table.num_rows == 0 and table.schema == SCHEMAS["sentences"]
