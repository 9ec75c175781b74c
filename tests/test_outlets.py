"""Outlet stage: gazetteer matching, false friends, family and back-references, discovery, tables.

Fixtures are fictional sentences; the seed test reads the seed article from ../shared.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from newsetl import ingest, segment
from newsetl.outlets import (
    GAZETTEER_PATH,
    KINDS,
    OUTLETS_COLUMNS,
    Gazetteer,
    OutletMention,
    build_outlets,
    find_outlets,
    load_gazetteer,
    shared_gazetteer,
    outlet_id_for,
)
from newsetl.tables import SCHEMAS

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "corpus" / "seed" / "western-journal-nato-ukraine-2024.txt"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def mentions_in(text: str, gazetteer: Gazetteer, publisher: str | None = None) -> list[OutletMention]:
    seg = segment.segment(text)
    found = find_outlets(seg, gazetteer, publisher)
    for m in found:
        if m.char_start is not None:
            assert seg.body[m.char_start : m.char_end] == m.surface
    return [m for m in found if m.char_start is not None]


def cited(text: str, gazetteer: Gazetteer, publisher: str | None = None) -> list[tuple[str, str]]:
    return [(m.surface, m.outlet_name) for m in mentions_in(text, gazetteer, publisher) if m.role == "cited"]


# --- the gazetteer -------------------------------------------------------------------------


def test_shipped_gazetteer_has_300_outlets_of_every_kind(gazetteer):
    kinds = {o.kind for o in gazetteer.outlets}
    assert len(gazetteer.outlets) >= 300
    assert kinds == set(KINDS)


def test_shipped_gazetteer_has_no_duplicate_names_or_ids():
    with open(GAZETTEER_PATH, newline="", encoding="utf-8") as fh:
        names = [row["name"] for row in csv.DictReader(fh)]
    assert len(names) == len(set(names))
    assert len({outlet_id_for(n) for n in names}) == len(names)


def test_no_alias_is_shared_by_two_outlets(gazetteer):
    owners: dict[str, set[str]] = {}
    for outlet in gazetteer.outlets:
        for alias in outlet.aliases:
            owners.setdefault(alias, set()).add(outlet.outlet_id)
    assert {a: ids for a, ids in owners.items() if len(ids) > 1} == {}


def test_outlet_id_is_a_stable_ascii_slug():
    assert outlet_id_for("The New York Times") == "the-new-york-times"
    assert outlet_id_for("Libération") == "liberation"


def test_publisher_names_resolve_to_gazetteer_outlets(gazetteer):
    assert gazetteer.lookup("The Western Journal").name == "The Western Journal"
    assert gazetteer.lookup("Western Journal").name == "The Western Journal"
    assert gazetteer.lookup("BBC News").parent_id == "bbc"
    assert gazetteer.lookup("No Such Gazette") is None


def test_user_csv_adds_an_outlet(tmp_path):
    extra = tmp_path / "mine.csv"
    extra.write_text("name,aliases,kind,country\nThe Borchester Echo,Echo,newspaper,GB\n", encoding="utf-8")
    gaz = load_gazetteer(extra)
    assert cited("Residents told The Borchester Echo the road was closed.", gaz) == [
        ("The Borchester Echo", "The Borchester Echo")
    ]


def test_shared_gazetteer_is_reused_until_the_users_csv_changes(tmp_path):
    extra = tmp_path / "mine.csv"
    extra.write_text("name,aliases,kind,country\nThe Borchester Echo,Echo,newspaper,GB\n", encoding="utf-8")
    first = shared_gazetteer(str(extra))
    assert shared_gazetteer(str(extra)) is first
    assert shared_gazetteer(None) is shared_gazetteer(None) is not first

    # a long-lived process (newsetl serve) must see the edited CSV on its next run
    extra.write_text("name,aliases,kind,country\nThe Ambridge Observer,Observer,newspaper,GB\n", encoding="utf-8")
    edited = shared_gazetteer(str(extra))
    assert edited is not first
    assert edited.lookup("The Ambridge Observer") is not None and edited.lookup("The Borchester Echo") is None


def test_user_csv_with_unknown_kind_is_rejected(tmp_path):
    extra = tmp_path / "bad.csv"
    extra.write_text("name,aliases,kind,country\nBorchester FM,,podcast,GB\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kind"):
        load_gazetteer(extra)


# --- names and aliases ---------------------------------------------------------------------


def test_alias_resolves_to_canonical_outlet(gazetteer):
    text = "The minister told AFP the talks would resume, while the NYT said they had collapsed."
    assert cited(text, gazetteer) == [("AFP", "Agence France-Presse"), ("NYT", "The New York Times")]
    assert [m.resolved_by for m in mentions_in(text, gazetteer)] == ["alias", "alias"]


def test_longest_name_wins(gazetteer):
    assert cited("The Sunday Times and the Financial Times both ran the story.", gazetteer) == [
        ("The Sunday Times", "The Sunday Times"),
        ("Financial Times", "Financial Times"),
    ]


def test_name_is_case_sensitive(gazetteer):
    assert cited("An economist at the bank said reuters-style feeds were dull.", gazetteer) == []


def test_politico_but_not_politico_military(gazetteer):
    text = "Politico reported that the politico-military balance had shifted."
    assert cited(text, gazetteer) == [("Politico", "Politico")]


def test_bbc_programme_is_a_bbc_outlet(gazetteer):
    text = "The minister told BBC Radio 4's Today programme the plan was sound."
    found = mentions_in(text, gazetteer)
    assert [(m.surface, m.outlet_name, m.kind) for m in found] == [
        ("BBC Radio 4", "BBC Radio 4", "broadcaster"),
        ("Today programme", "Today (BBC Radio 4)", "programme"),
    ]
    today = gazetteer.by_id[found[1].outlet_id]
    assert gazetteer.root_id(today.outlet_id) == "bbc"


def test_radio_4s_today_without_the_word_programme(gazetteer):
    assert ("Today", "Today (BBC Radio 4)") in cited("She told Radio 4's Today on Tuesday that it was wrong.", gazetteer)


def test_today_as_a_word_is_not_the_programme(gazetteer):
    assert cited("Today the council meets to decide the budget.", gazetteer) == []


def test_breakfast_with_frost_is_a_programme(gazetteer):
    assert cited("He told BBC One's Breakfast with Frost he would stand.", gazetteer)[-1] == (
        "Breakfast with Frost",
        "Breakfast with Frost",
    )


def test_time_only_as_time_magazine(gazetteer):
    assert cited("Time magazine named her person of the year.", gazetteer) == [("Time", "Time")]
    assert cited("It is Time to act, the Time Lord said.", gazetteer) == []


# --- false friends -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Crowds gathered in Times Square to watch the ball drop.",
        "The Financial Times Stock Exchange index fell 2%.",
        "Ministers ordered an independent inquiry into the crash.",
        "The Independent Police Complaints Commission will investigate.",
        "She is the legal guardian of the two children.",
        "He looked in the mirror and saw an old man.",
        "Couriers express concern about the new depot.",
        "An economist at the bank said growth would slow.",
        "She sent the letter by post and by mail.",
        "His film Tears of the Sun was a flop.",
        "Ellen Simonetti, known as Queen of the Sky, was fired.",
        "The Guardian Media Group reported higher profits.",
        "Fox hunting with dogs is now illegal.",
        "Mayor Michael Bloomberg said Bloomberg would not run again.",
        "His manager Robert Voice said the band would tour.",
        "The actress Aishwarya Rai starred in the film.",
        "The journal of the society was published in Leeds.",
    ],
)
def test_false_friend_is_not_an_outlet(text, gazetteer):
    assert cited(text, gazetteer) == []


def test_the_sun_is_the_british_tabloid_for_a_british_publisher(gazetteer):
    assert cited("The striker told The Sun he would stay.", gazetteer, "BBC News") == [("The Sun", "The Sun")]


def test_the_sun_is_ambiguous_without_a_publisher_or_a_sun_in_the_article(gazetteer):
    # The Sun (London) or The Baltimore Sun: not guessed.
    assert cited("The striker told The Sun he would stay.", gazetteer) == []


def test_variety_mid_sentence_is_the_magazine(gazetteer):
    assert cited("The film made $10m, which Variety called a triumph.", gazetteer) == [("Variety", "Variety")]


def test_bloomberg_cited_when_no_person_is_called_bloomberg(gazetteer):
    assert cited("Shares fell 3%, a trader told Bloomberg.", gazetteer) == [("Bloomberg", "Bloomberg News")]


# --- family references ("the Times") -------------------------------------------------------


def test_the_times_resolves_to_the_family_member_already_mentioned(gazetteer):
    text = "The Los Angeles Times ran the story first. The mayor told the Times he would resign."
    found = mentions_in(text, gazetteer)
    assert [(m.surface, m.outlet_name, m.resolved_by) for m in found] == [
        ("Los Angeles Times", "Los Angeles Times", "gazetteer"),
        ("the Times", "Los Angeles Times", "family"),
    ]


def test_the_times_follows_the_most_recent_family_member(gazetteer):
    text = (
        "The New York Times broke the story. A day later The Times of London followed it. "
        "The Times said the deal was off."
    )
    assert cited(text, gazetteer)[-1] == ("The Times", "The Times")


def test_the_post_with_no_family_member_and_no_publisher_is_left_out(gazetteer):
    assert cited("The senator told the Post that he would resign.", gazetteer) == []


def test_the_times_defaults_to_the_london_times_for_a_british_publisher(gazetteer):
    found = mentions_in("The coach told the Times he was pleased.", gazetteer, publisher="BBC News")
    assert [(m.outlet_name, m.resolved_by) for m in found] == [("The Times", "family_default")]


def test_the_guardian_means_the_guardian_everywhere(gazetteer):
    assert cited("She told the Guardian newspaper there was no plan.", gazetteer) == [("the Guardian", "The Guardian")]


def test_the_journal_after_the_wall_street_journal(gazetteer):
    text = "The Wall Street Journal reported the merger. The Journal said talks began in May."
    assert cited(text, gazetteer)[-1] == ("The Journal", "The Wall Street Journal")


# --- generic back-references ---------------------------------------------------------------


def test_the_outlet_refers_to_the_last_outlet_of_any_kind(gazetteer):
    text = "Ukraine asked for more arms, France 24 reported. The outlet said talks would resume."
    assert cited(text, gazetteer)[-1] == ("The outlet", "France 24")


def test_the_paper_skips_a_broadcaster_to_reach_a_newspaper(gazetteer):
    text = "According to the Financial Times, the bid was raised, and CNN confirmed it. The paper said the board would meet."
    assert cited(text, gazetteer)[-1] == ("The paper", "Financial Times")


def test_the_agency_refers_to_a_wire(gazetteer):
    text = "Reuters said the plant had closed. Workers were sent home, the agency reported."
    assert cited(text, gazetteer)[-1] == ("the agency", "Reuters")


def test_the_network_refers_to_a_broadcaster(gazetteer):
    text = "The actor spoke to CBS on Monday. He told the network he had no regrets."
    assert cited(text, gazetteer)[-1] == ("the network", "CBS News")


def test_the_agency_is_not_resolved_across_another_agency(gazetteer):
    text = "Reuters said the Environment Agency had opened an inquiry. The agency said the river was safe."
    assert cited(text, gazetteer) == [("Reuters", "Reuters")]


def test_the_paper_as_a_document_is_not_an_outlet(gazetteer):
    text = "The Guardian covered the launch. Researchers presented the paper at a conference."
    assert cited(text, gazetteer) == [("The Guardian", "The Guardian")]


def test_back_reference_does_not_reach_far_back(gazetteer):
    text = (
        "Reuters covered the summit. Leaders met in Rome. They discussed trade. "
        "They discussed farming. They discussed fishing. The agency said no deal was reached."
    )
    assert cited(text, gazetteer) == [("Reuters", "Reuters")]


# --- discovery -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("The mayor told the Borchester Gazette that the road would reopen.", "Borchester Gazette"),
        ("Workers are unhappy, the Ambridge Herald reported.", "Ambridge Herald"),
        ("The singer told the Felpersham Clarion newspaper she was retiring.", "Felpersham Clarion"),
        ("Sales fell, according to Vetlanda Posten, a Swedish daily newspaper.", "Vetlanda Posten"),
        ("He spoke to Russian daily Novy Vestnik on Monday.", "Novy Vestnik"),
    ],
)
def test_outlet_discovered_from_a_citation_pattern(text, name, gazetteer):
    found = mentions_in(text, gazetteer)
    assert [(m.outlet_name, m.resolved_by, m.outlet_id) for m in found] == [(name, "pattern", outlet_id_for(name))]


@pytest.mark.parametrize(
    "text",
    [
        "A diplomat told NATO the plan was ready.",
        "The Kremlin reported no casualties.",
        "According to the Ministry of Defence, two jets were lost.",
        "He told the Center for Strategic and International Studies that risks were small.",
        "In an interview with the National Security Council, he said nothing.",
        "The Labour Party reported a surge in membership.",
        "According to Gartner, PC sales rose 5%.",
        "Police told the Court of Appeal the evidence was sound.",
        "The bank told the Financial Services Authority about the losses.",
        "Comedian and broadcaster Ann Example has died.",
        "Ms Example, a magazine columnist, wrote the book.",
    ],
)
def test_non_media_organisations_and_people_are_never_discovered(text, gazetteer):
    assert cited(text, gazetteer) == []


def test_discovered_bbc_programme_belongs_to_the_bbc(gazetteer):
    found = mentions_in("He told the BBC's Borsetshire Tonight programme he was hopeful.", gazetteer, "BBC News")
    assert [(m.outlet_name, m.resolved_by, m.role) for m in found] == [
        ("BBC", "gazetteer", "publisher"),
        ("Borsetshire Tonight", "pattern", "publisher"),
    ]


# --- publisher -----------------------------------------------------------------------------


def test_publisher_row_has_null_offsets_and_gazetteer_id(gazetteer):
    found = find_outlets(segment.segment("Nothing to cite here."), gazetteer, "Western Journal")
    assert found == (
        OutletMention("the-western-journal", "The Western Journal", "Western Journal", "publisher",
                      None, None, None, "metadata", "digital"),
    )


def test_publisher_unknown_to_the_gazetteer_gets_a_slug(gazetteer):
    (row,) = find_outlets(segment.segment("Nothing here."), gazetteer, "Borchester Daily Bugle")
    assert (row.outlet_id, row.outlet_id, row.kind) == ("borchester-daily-bugle", row.outlet_id, None)


def test_publisher_own_outlets_in_the_body_are_not_cited(gazetteer):
    text = "He told BBC Radio 5 Live he was fit, and Reuters confirmed it."
    found = mentions_in(text, gazetteer, publisher="BBC News")
    assert [(m.outlet_name, m.role) for m in found] == [("BBC Radio 5 Live", "publisher"), ("Reuters", "cited")]


# --- the seed ------------------------------------------------------------------------------


@pytest.mark.corpus
def test_seed_article_outlets(gazetteer):
    if not SEED.exists():
        pytest.skip("seed corpus not available")
    parts = ingest.split_parts(ingest.decode_article("seed.txt", SEED.read_bytes()))
    # The cleaner (another module) removes the last three boilerplate lines; do it by hand here.
    seg = segment.segment(segment.join_paragraphs([line.text for line in parts.body[:-3]]))
    found = find_outlets(seg, gazetteer, publisher="The Western Journal")

    assert [(m.outlet_name, m.role, m.resolved_by) for m in found if m.role == "publisher"] == [
        ("The Western Journal", "publisher", "metadata")
    ]
    cited_mentions = [m for m in found if m.role == "cited"]
    assert {m.outlet_name for m in cited_mentions} == {
        "France 24", "The New York Times", "The Associated Press", "Politico",
    }
    by_surface: dict[str, set[str]] = {}
    for m in cited_mentions:
        by_surface.setdefault(m.surface.lower(), set()).add(m.outlet_name)
    assert by_surface["the outlet"] == {"France 24"}
    assert by_surface["the times"] == {"The New York Times"}
    assert by_surface["the paper"] == {"The New York Times"}
    surfaces = " ".join(m.surface for m in found)
    for not_an_outlet in ("NATO", "Kremlin", "National Security Council", "Center for Strategic"):
        assert not_an_outlet not in surfaces
    for m in cited_mentions:
        assert seg.body[m.char_start : m.char_end] == m.surface
        sentence = seg.sentences[m.sentence_idx]
        assert sentence.char_start <= m.char_start < m.char_end <= sentence.char_end


# --- the outlets table ---------------------------------------------------------------------


def test_build_outlets_counts_and_polarity(gazetteer):
    mentions = pd.DataFrame(
        [
            # article a: Reuters twice in sentence 0 and once in sentence 1; published by BBC News
            {"article_id": "a", "outlet_id": "reuters", "outlet_name": "Reuters", "role": "cited", "sentence_idx": 0},
            {"article_id": "a", "outlet_id": "reuters", "outlet_name": "Reuters", "role": "cited", "sentence_idx": 0},
            {"article_id": "a", "outlet_id": "reuters", "outlet_name": "Reuters", "role": "cited", "sentence_idx": 1},
            {"article_id": "a", "outlet_id": "bbc-news", "outlet_name": "BBC News", "role": "publisher", "sentence_idx": None},
            {"article_id": "b", "outlet_id": "reuters", "outlet_name": "Reuters", "role": "cited", "sentence_idx": 0},
            {"article_id": "b", "outlet_id": "bbc-news", "outlet_name": "BBC News", "role": "publisher", "sentence_idx": None},
            {"article_id": "b", "outlet_id": "ambridge-herald", "outlet_name": "Ambridge Herald", "role": "cited",
             "sentence_idx": 1, "kind": "newspaper"},
        ]
    )
    sentences = pd.DataFrame(
        {"article_id": ["a", "a", "b", "b"], "sentence_idx": [0, 1, 0, 1], "polarity": [0.5, -0.1, 0.2, 0.0]}
    )
    table = build_outlets(mentions, sentences, gazetteer).set_index("outlet_id")

    assert list(table.reset_index().columns) == list(SCHEMAS["outlets"].names) == list(OUTLETS_COLUMNS)
    reuters = table.loc["reuters"]
    assert (reuters.n_mentions, reuters.n_articles_citing, reuters.n_articles_published) == (4, 2, 0)
    assert reuters.polarity_mean == pytest.approx((0.5 - 0.1 + 0.2) / 3)  # distinct citing sentences
    assert reuters.kind == "wire" and "Reuters news agency" in reuters.aliases
    bbc = table.loc["bbc-news"]
    assert (bbc.n_mentions, bbc.n_articles_published) == (0, 2) and pd.isna(bbc.polarity_mean)
    herald = table.loc["ambridge-herald"]
    assert (herald.aliases, herald.kind, herald.n_mentions, herald.polarity_mean) == ([], "newspaper", 1, 0.0)


def test_build_outlets_output_fits_the_arrow_schema(gazetteer):
    from newsetl.tables import to_table

    found = mentions_in("Reuters and the Ambridge Herald reported it.", gazetteer)
    mentions = pd.DataFrame(
        [{"article_id": "a", **{k: v for k, v in m.__dict__.items()}} for m in found]
    )
    sentences = pd.DataFrame({"article_id": ["a"], "sentence_idx": [0], "polarity": [0.0]})
    table = build_outlets(mentions, sentences, gazetteer)
    arrow = to_table("outlets", table.to_dict("records"))
    assert arrow.num_rows == 2


def test_build_outlets_of_nothing_is_empty(gazetteer):
    empty = pd.DataFrame(columns=["article_id", "outlet_id", "outlet_name", "role", "sentence_idx"])
    assert list(build_outlets(empty, pd.DataFrame(), gazetteer).columns) == list(OUTLETS_COLUMNS)


# --- the hand check ------------------------------------------------------------------------


def test_mention_annotations_are_well_formed():
    path = Path(__file__).parent / "annotations" / "bbc_outlet_mentions.jsonl"
    if not path.exists():
        pytest.skip("no annotations yet")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 100
    for row in rows:
        assert {"path", "char_start", "char_end", "surface", "outlet_name", "correct", "note"} <= set(row)
        assert isinstance(row["correct"], bool)
