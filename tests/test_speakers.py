"""Speakers: one id per person across articles, and the aggregated speakers table."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from newsetl.quotes import find_quotes
from newsetl.segment import join_paragraphs, segment
from newsetl.speakers import assign_speaker_ids, build_speakers, speaker_id_for
from newsetl.tables import SCHEMAS


def ids_of(article_id: str, *paragraphs: str) -> dict[str | None, str | None]:
    quotes = find_quotes(segment(join_paragraphs(paragraphs)))
    return {q.speaker_surface: sid for q, sid in zip(quotes, assign_speaker_ids(quotes, article_id))}


def test_full_name_surname_title_and_pronoun_share_one_id_within_an_article() -> None:
    ids = ids_of(
        "a1",
        "Prime Minister Tony Blair said that the reforms would go ahead.",
        '"We will not turn back," Mr Blair said.',
        '"The country needs this," he added.',
    )
    assert len(set(ids.values())) == 1 and None not in ids.values()


def test_the_same_full_name_gets_the_same_id_in_different_articles() -> None:
    first = ids_of("a1", "Nadia Orlov said that the mine would reopen.")
    second = ids_of("a2", '"It is a good day for the town," said Nadia Orlov.')
    assert set(first.values()) == set(second.values()) == {speaker_id_for("Nadia Orlov")}


def test_people_sharing_a_surname_in_different_articles_do_not_merge() -> None:
    first = ids_of("a1", "Gordon Brown said that borrowing would fall.")
    second = ids_of("a2", "Wendy Brown said that the club would appeal.")
    assert first["Gordon Brown"] != second["Wendy Brown"]


def test_surname_only_speaker_gets_an_id_scoped_to_its_article() -> None:
    first = ids_of("a1", '"The deal is done," Mr Brown said.')
    second = ids_of("a2", '"The deal is done," Mr Brown said.')
    assert first["Mr Brown"] != second["Mr Brown"]


def test_organisation_sources_get_no_speaker_id() -> None:
    assert ids_of("a1", "The ministry said that the rules would change.") == {"The ministry": None}


def test_speaker_id_ignores_case_spacing_and_initial_dots() -> None:
    assert speaker_id_for("Seth G. Jones") == speaker_id_for("seth  g jones")


def quotes_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"article_id": "a1", "speaker_id": "s1", "speaker_name": "Tony Blair", "speaker_role": "Prime Minister", "polarity": 0.5},
            {"article_id": "a1", "speaker_id": "s1", "speaker_name": "Tony Blair", "speaker_role": None, "polarity": 0.1},
            {"article_id": "a2", "speaker_id": "s1", "speaker_name": "Tony Blair", "speaker_role": "Labour leader", "polarity": 0.0},
            {"article_id": "a2", "speaker_id": "s2", "speaker_name": "Nadia Orlov", "speaker_role": None, "polarity": -0.2},
            {"article_id": "a2", "speaker_id": None, "speaker_name": None, "speaker_role": None, "polarity": 0.9},
        ]
    )


def test_speakers_table_counts_quotes_articles_roles_and_mean_polarity() -> None:
    table = build_speakers(quotes_frame())
    table["polarity_mean"] = table["polarity_mean"].round(6)
    assert table.to_dict("records") == [
        {"speaker_id": "s1", "name": "Tony Blair", "roles": ["Labour leader", "Prime Minister"], "n_quotes": 3,
         "n_articles": 2, "polarity_mean": 0.2},
        {"speaker_id": "s2", "name": "Nadia Orlov", "roles": [], "n_quotes": 1, "n_articles": 1, "polarity_mean": -0.2},
    ]


def test_speakers_table_has_the_schema_columns() -> None:
    assert list(build_speakers(quotes_frame()).columns) == SCHEMAS["speakers"].names


def test_roles_are_one_per_spelling_regardless_of_case() -> None:
    from newsetl.speakers import tidy_roles

    assert tidy_roles(["Boss", "boss", None, "chief executive", "boss"]) == ["boss", "chief executive"]


_ROLES = st.sampled_from(["Boss", "boss", "BOSS", "chief executive", "Chief Executive", "minister", " ", "", None, "Ölchef", "ölchef",
                          "İmam", "i̇mam", "ΣΟΦΟΣ", "σοφος"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["s1", "s2", "s3", None]), _ROLES), min_size=1, max_size=40))
def test_speakers_roles_are_tidy_roles_of_each_speakers_quotes(rows) -> None:
    from newsetl.speakers import tidy_roles

    quotes = pd.DataFrame(
        [{"article_id": "a1", "speaker_id": sid, "speaker_name": sid and f"Name {sid}", "speaker_role": role, "polarity": 0.0}
         for sid, role in rows]
    )
    table = build_speakers(quotes)
    expected = {sid: tidy_roles(role for s, role in rows if s == sid) for sid, _ in rows if sid is not None}
    assert dict(zip(table["speaker_id"], table["roles"])) == expected
