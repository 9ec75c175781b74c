"""The quotes stage: kinds, quote marks, cues, speakers, roles and via-outlets.

Fixtures are fictional sentences written in news style; the seed golden test reads
the shared seed article.
"""

from __future__ import annotations

import re

import pytest

from newsetl import ingest
from newsetl.outlets import OutletMention, find_outlets, load_gazetteer
from newsetl.quotes import Quote, find_attributions, find_quotes
from newsetl.segment import join_paragraphs, segment

from corpus_paths import DESIGN, SEED


def quotes_of(*paragraphs: str, mentions: tuple[OutletMention, ...] = ()) -> tuple[Quote, ...]:
    return find_quotes(segment(join_paragraphs(paragraphs)), mentions)


def acts_of(*paragraphs: str, mentions: tuple[OutletMention, ...] = ()) -> tuple[Quote, ...]:
    return find_attributions(segment(join_paragraphs(paragraphs)), mentions).acts


def rows(quotes: tuple[Quote, ...]) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker_name) for q in quotes]


def only(quotes: tuple[Quote, ...], kind: str) -> list[Quote]:
    return [q for q in quotes if q.kind == kind]


# --------------------------------------------------------------------------- offsets and marks


def test_quote_offsets_index_the_body_and_exclude_the_marks() -> None:
    body = join_paragraphs(['"The harbour will reopen in May," Harbour Master Ellen Cray said.'])
    (q,) = find_quotes(segment(body))
    assert body[q.char_start : q.char_end] == q.text == "The harbour will reopen in May"


def test_direct_quote_with_speaker_after() -> None:
    got = quotes_of('"We have never seen a winter like this one," said farmer Tomas Brede.')
    assert rows(got) == [("direct", "We have never seen a winter like this one", "Tomas Brede")]


def test_direct_quote_with_speaker_and_colon_before() -> None:
    got = quotes_of('Mayor Alice Penhallow said: "The bridge is safe and it will stay open."')
    assert rows(got) == [("direct", "The bridge is safe and it will stay open.", "Alice Penhallow")]


def test_curly_quotes_are_handled_like_straight_ones() -> None:
    got = quotes_of("\u201cWe will appeal the ruling,\u201d lawyer Ines Varga told reporters.")
    assert rows(got) == [("direct", "We will appeal the ruling", "Ines Varga")]


def test_apostrophes_are_not_quote_marks() -> None:
    got = quotes_of(
        "\u201cThe council\u2019s plan is rock \u2019n\u2019 roll economics from the \u201990s,\u201d "
        "opposition leader Marta Quill said."
    )
    assert rows(got) == [("direct", "The council\u2019s plan is rock \u2019n\u2019 roll economics from the \u201990s", "Marta Quill")]


def test_straight_apostrophes_inside_straight_quotes() -> None:
    got = quotes_of("\"The mill's owners haven't paid since the '90s,\" union official Reg Toller said.")
    assert rows(got) == [("direct", "The mill's owners haven't paid since the '90s", "Reg Toller")]


def test_single_quote_nested_in_double_is_a_direct_quote_of_the_inner_speaker() -> None:
    got = quotes_of(
        "Port director Hanna Lidell spoke to the Gazette on Monday.",
        "\u201cAsked whether the strike would end, she said: \u2018We are not close; we are miles apart,\u2019\u201d the paper reported.",
    )
    direct = only(got, "direct")
    assert [(q.text, q.speaker_name) for q in direct] == [("We are not close; we are miles apart", "Hanna Lidell")]


# --------------------------------------------------------------------------- kinds


def test_partial_quote_inside_reported_speech() -> None:
    got = quotes_of('Finance minister Oskar Lind said the budget was "a plan for the next decade" and would pass.')
    partial = only(got, "partial")
    assert [(q.text, q.speaker_name) for q in partial] == [("a plan for the next decade", "Oskar Lind")]


def test_reported_clause_holding_a_partial_quote_is_also_an_indirect_quote() -> None:
    got = quotes_of('Finance minister Oskar Lind said the budget was "a plan for the next decade".')
    indirect = only(got, "indirect")
    assert [(q.text, q.speaker_name) for q in indirect] == [('the budget was "a plan for the next decade"', "Oskar Lind")]


def test_indirect_quote_with_that_clause() -> None:
    got = quotes_of("Health secretary Joan Arbery said that waiting lists had fallen for a third month.")
    assert rows(got) == [("indirect", "waiting lists had fallen for a third month", "Joan Arbery")]


def test_indirect_quote_with_speaker_after_the_clause() -> None:
    got = quotes_of("The factory will close by the end of the year, the company's owner Piet Dorn said.")
    assert rows(got) == [("indirect", "The factory will close by the end of the year", "Piet Dorn")]


def test_indirect_quote_with_according_to() -> None:
    got = quotes_of("According to police chief Ada Morrow, the road will stay closed until Friday.")
    assert rows(got) == [("indirect", "the road will stay closed until Friday", "Ada Morrow")]


def test_indirect_quote_with_repeatedly_said() -> None:
    got = quotes_of("Senator Paul Ostrow has repeatedly said that the tax cut will pay for itself.")
    assert rows(got) == [("indirect", "the tax cut will pay for itself", "Paul Ostrow")]


def test_indirect_quote_with_told_reporters() -> None:
    got = quotes_of("Coach Dara Flint told reporters that her team was ready for the final.")
    (q,) = got
    assert (q.kind, q.text, q.speaker_name, q.cue) == ("indirect", "her team was ready for the final", "Dara Flint", "told")


def test_belief_verbs_count_only_with_a_that_clause() -> None:
    assert rows(quotes_of("Economist Lena Fisk believes that rates will rise in spring.")) == [
        ("indirect", "rates will rise in spring", "Lena Fisk")
    ]
    assert quotes_of("Economist Lena Fisk is expected to speak in spring.") == ()


def test_plural_nouns_that_look_like_cues_are_not_cues() -> None:
    assert quotes_of("The limits member states had put on the fund were lifted last year.") == ()


def test_quote_split_by_attribution_gives_two_direct_quotes_with_one_speaker() -> None:
    got = quotes_of('"The river has risen a metre since dawn," warden Ivo Kessel said. "And more rain is coming tonight."')
    assert rows(got) == [
        ("direct", "The river has risen a metre since dawn", "Ivo Kessel"),
        ("direct", "And more rain is coming tonight.", "Ivo Kessel"),
    ]


def test_quote_continuing_across_paragraphs_keeps_its_speaker() -> None:
    got = quotes_of(
        'Headteacher Rosa Penn said: "The new building changes everything for our pupils.',
        '"They finally have space to learn and to play."',
    )
    assert rows(got) == [
        ("direct", "The new building changes everything for our pupils.", "Rosa Penn"),
        ("direct", "They finally have space to learn and to play.", "Rosa Penn"),
    ]


def test_quote_continuing_after_a_lost_paragraph_break_keeps_its_speaker() -> None:
    got = quotes_of('Ms Penn said: "The new building changes everything. "They finally have space to learn."')
    assert [q.kind for q in got] == ["direct", "direct"]
    assert [q.text for q in got] == ["The new building changes everything.", "They finally have space to learn."]


def test_scare_quotes_with_no_speaker_keep_a_null_speaker() -> None:
    got = quotes_of('The so-called "super league" plan was shelved in March.')
    assert rows(got) == [("partial", "super league", None)]


# --------------------------------------------------------------------------- speech acts, kept apart from quotes


@pytest.mark.parametrize(("sentence", "kind", "text"), [
    ("Councillor Ruth Amberley urged the mayor to reopen the depot.", "directive", "the mayor to reopen the depot"),
    ("Councillor Ruth Amberley criticised the depot closure plan.", "object", "the depot closure plan"),
    ("Councillor Ruth Amberley accused the mayor of hiding the cost.", "label", "the mayor of hiding the cost"),
    ("Councillor Ruth Amberley asked whether the depot would close.", "question", "whether the depot would close"),
])
def test_what_a_source_did_with_words_is_a_speech_act_not_a_quote(sentence: str, kind: str, text: str) -> None:
    assert rows(acts_of(sentence)) == [(kind, text, "Ruth Amberley")]
    assert quotes_of(sentence) == ()


@pytest.mark.parametrize(("sentence", "text"), [
    ("Mayor Omar Sey pledged that bus fares would fall in the spring.", "bus fares would fall in the spring"),
    ("Councillor Ruth Amberley explained how the levy would be collected.", "how the levy would be collected"),
    ("New figures show that bus use rose by a tenth last year.", "bus use rose by a tenth last year"),
    ("Bus use rose by a tenth last year, new figures show.", "Bus use rose by a tenth last year"),
])
def test_a_cue_of_an_act_reporting_a_clause_gives_a_quote(sentence: str, text: str) -> None:
    # pledge, show and explain take an object or a clause: a clause is what was said
    assert [q.text for q in quotes_of(sentence)] == [text]
    assert acts_of(sentence) == ()


def test_acts_are_numbered_apart_and_their_sources_resolve_later_pronouns() -> None:
    paragraphs = ("Councillor Ruth Amberley accused the mayor of hiding the cost.",
                  "She said the depot would close in May.",
                  '"We were never told," she added.')
    assert rows(acts_of(*paragraphs)) == [("label", "the mayor of hiding the cost", "Ruth Amberley")]
    quotes = quotes_of(*paragraphs)
    assert [(q.quote_idx, q.kind, q.speaker_name) for q in quotes] == [
        (0, "indirect", "Ruth Amberley"), (1, "direct", "Ruth Amberley")]


# --------------------------------------------------------------------------- speakers


def test_pronoun_resolves_to_the_nearest_person_already_named() -> None:
    got = quotes_of(
        "Fire chief Colm Hardy visited the volunteers who worked through the night.",
        '"Without them we would have lost the whole street," he said.',
    )
    assert rows(got) == [("direct", "Without them we would have lost the whole street", "Colm Hardy")]


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    got = quotes_of(
        "Mr Hal Brandt chaired the meeting with Mrs Edith Moor.",
        '"The vote was fair," she said.',
    )
    assert [q.speaker_name for q in got] == ["Edith Moor"]


def test_surname_with_title_resolves_to_the_full_name() -> None:
    got = quotes_of(
        "Teresa Gallo has led the union since 2001.",
        '"We will strike on Monday," Ms Gallo said.',
    )
    assert [(q.speaker_name, q.speaker_surface) for q in got] == [("Teresa Gallo", "Ms Gallo")]


def test_bare_surname_resolves_to_the_full_name() -> None:
    got = quotes_of(
        "Teresa Gallo has led the union since 2001.",
        '"We will strike on Monday," Gallo said.',
    )
    assert [q.speaker_name for q in got] == ["Teresa Gallo"]


def test_title_before_the_name_is_the_role() -> None:
    (q,) = quotes_of("French President Elodie Marchand said that the summit had been a success.")
    assert (q.speaker_name, q.speaker_role) == ("Elodie Marchand", "French President")


def test_appositive_after_the_name_is_the_role() -> None:
    (q,) = quotes_of(
        "Karl B. Ostman, a former naval officer who now teaches at a military college, told the Herald that the plan would fail."
    )
    assert (q.speaker_name, q.speaker_role, q.text) == ("Karl B. Ostman", "former naval officer", "the plan would fail")


def test_described_as_quote_is_the_role() -> None:
    got = quotes_of(
        '"The talks are over," Ivan Sorel, whom the Herald described as "the ministry\'s chief negotiator," told the paper.'
    )
    direct = only(got, "direct")
    assert [(q.speaker_name, q.speaker_role) for q in direct] == [("Ivan Sorel", "the ministry's chief negotiator")]


def test_role_is_shared_by_all_quotes_of_the_person_in_the_article() -> None:
    got = quotes_of(
        "Finance minister Oskar Lind said that the budget would balance.",
        '"We will not raise taxes," Mr Lind said.',
    )
    assert {q.speaker_role for q in got} == {"Finance minister"}


def test_organisation_as_source_keeps_the_surface_without_a_person() -> None:
    (q,) = quotes_of("The ministry said that the new rules would take effect in June.")
    assert (q.kind, q.speaker_name, q.speaker_surface) == ("indirect", None, "The ministry")


@pytest.mark.parametrize("sentence", [
    "The United States Chamber of Commerce, which has backed Mr. Ashcombe, said in a statement on Friday that it "
    "would continue to support him.",
    "The Trump administration said on Monday that it would appeal the ruling.",
    "The state legislature said in a joint statement that the hearings would resume in March.",
    # a watchdog's name ("Human Rights Watch", "Consumer Lending Watch") is three capitalised words and no person
    "Consumer Lending Watch, a national advocacy group, said in a statement that the cap would save borrowers $80 million.",
])
def test_an_organisations_name_with_capitalised_words_is_no_persons_name(sentence: str) -> None:
    # ("States Chamber" read as a first name and a surname gave the chamber's statement to a person)
    (q,) = quotes_of(sentence)
    assert q.speaker_name is None


def test_a_name_in_apposition_to_a_subject_with_a_participle_is_the_subject_a_pronoun_returns_to() -> None:
    # "The wounded soldier, Daniel Pruitt, ...": "wounded" is an adjective, not a verb whose object the name is; an
    # unnamed adviser two paragraphs up and a woman speaking before must not take the "he"
    got = quotes_of(
        "His opponent, Andrea Kolb, a Democrat who has made the story a centerpiece of her ads, was less forgiving.",
        '"Voters can forgive a lot of things," she told reporters in Kansas City.',
        "A senior adviser to the campaign, who was not authorized to speak publicly, said the candidate had been "
        "told to stop telling the story.",
        "The wounded soldier, Daniel Pruitt, who lost part of his left leg and now lives in Springfield, has avoided "
        "the spotlight. Reached at his home, he said he did not remember who carried him.",
    )
    (q,) = [q for q in got if q.text.startswith("he did not remember")]
    assert q.speaker_name == "Daniel Pruitt"


def test_names_listed_after_a_verb_and_a_comma_are_its_objects_not_the_subject() -> None:
    # "The court jailed both, Tom Reed, 34, and ...": the verb comes before the comma, so the names are who was jailed
    got = quotes_of("Detective Inspector Mark Holt led the inquiry.", "The court jailed both, Tom Reed, 34, and Ann Cole, 29.",
                    '"Justice has been done," he said.')
    (q,) = [q for q in got if q.text.startswith("Justice")]
    assert q.speaker_name == "Mark Holt"


def test_single_capitalised_word_not_named_as_a_person_is_an_organisation() -> None:
    (q,) = quotes_of("Brightwell said it was seeking new partners in Asia.")
    assert (q.speaker_name, q.speaker_surface) == (None, "Brightwell")


def test_spokesman_of_a_person_is_not_that_person() -> None:
    (q,) = quotes_of("Mr Lind's official spokesman said the minister would not resign over the row.")
    assert (q.speaker_name, q.speaker_surface) == (None, "Mr Lind's official spokesman")


def test_participle_cue_takes_the_subject_of_the_sentence() -> None:
    got = quotes_of('Union spokesman Tam Riley issued a statement, insisting that "no deal" had been offered.')
    partial = only(got, "partial")
    assert [(q.text, q.speaker_name) for q in partial] == [("no deal", "Tam Riley")]


def test_weekdays_are_not_speakers() -> None:
    (q,) = quotes_of("Officials on Monday said the airport would reopen.")
    assert q.speaker_name is None and q.speaker_surface == "Officials"


# --------------------------------------------------------------------------- outlets


def mention(body: str, surface: str, outlet_id: str, name: str, nth: int = 0) -> OutletMention:
    start = -1
    for _ in range(nth + 1):
        start = body.index(surface, start + 1)
    return OutletMention(outlet_id, name, surface, "cited", None, start, start + len(surface), "test")


def test_told_the_paper_gives_the_via_outlet() -> None:
    body = "\u201cThe plant is safe,\u201d engineer Ruth Aske told the paper."
    got = find_quotes(segment(body), (mention(body, "the paper", "daily-courier", "Daily Courier"),))
    assert [(q.speaker_name, q.via_outlet_id) for q in got] == [("Ruth Aske", "daily-courier")]


def test_according_to_an_outlet_gives_the_via_outlet_of_a_persons_quote() -> None:
    body = "\u201cWe will rebuild,\u201d Mayor Omar Sey said, according to the Daily Courier."
    got = find_quotes(segment(body), (mention(body, "Daily Courier", "daily-courier", "Daily Courier"),))
    assert [(q.speaker_name, q.via_outlet_name) for q in got] == [("Omar Sey", "Daily Courier")]


def test_statement_attributed_only_to_an_outlet_has_no_speaker() -> None:
    body = "The mine will close in the autumn, the Daily Courier reported."
    (q,) = find_quotes(segment(body), (mention(body, "Daily Courier", "daily-courier", "Daily Courier"),))
    assert (q.kind, q.speaker_name, q.via_outlet_id) == ("indirect", None, "daily-courier")


def test_first_hand_quote_has_no_via_outlet() -> None:
    (q,) = quotes_of('"We will rebuild," Mayor Omar Sey said.')
    assert q.via_outlet_id is None


# --------------------------------------------------------------------------- the seed


def seed_quotes() -> tuple[Quote, ...]:
    article = ingest.decode_article("seed/western-journal-nato-ukraine-2024.txt", SEED.read_bytes())
    body = join_paragraphs([line.text for line in ingest.split_parts(article).body[:-3]])
    seg = segment(body)
    return find_quotes(seg, find_outlets(seg, load_gazetteer(), "The Western Journal"))


def _plain(text: str) -> str:
    """Curly quotes as straight ones: DESIGN.md writes them straight, the article curly."""
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


def design_seed_expectations() -> tuple[dict[str, str], list[tuple[str, str, str, str | None]]]:
    """People (name -> role) and quotes (kind, text prefix, speaker, via outlet) as
    ../shared/DESIGN.md "The seed, extracted" lists them: the golden test reads the
    contract instead of copying the seed's words into the repo."""
    section = DESIGN.read_text(encoding="utf-8").split("## The seed, extracted", 1)[1].split("\n## ", 1)[0]
    bullets = re.split(r"\n- ", section)
    speakers = next(b for b in bullets if b.startswith("speakers (name"))
    listed = " ".join(speakers.split(":", 1)[1].split("Nobody else")[0].split()).removesuffix(".")  # the sentence's stop
    people = dict(tuple(part.strip().split(" \u2014 ", 1)) for part in listed.split(";") if part.strip())
    by_surname = {name.split()[-1]: name for name in people}
    quotes = []
    for line in re.findall(r"\n  - (.+)", next(b for b in bullets if b.startswith("quotes, with speaker"))):
        kind = line.split()[0]
        spans, attribution = line.rsplit(" \u2014 ", 1)
        surname, _, via = attribution.split(" (")[0].partition(", via ")
        for text in re.findall(r'"([^"]+)"', spans):
            prefix = text.rstrip("\u2026 ").removeprefix("that ")  # our indirect text omits a leading "that"
            quotes.append((kind, prefix, by_surname[surname], via or None))
    return people, quotes


def test_design_lists_the_seed_expectations_this_test_checks() -> None:
    people, quotes = design_seed_expectations()
    assert len(people) == 6 and len(quotes) == 13
    assert {kind for kind, *_ in quotes} == {"direct", "partial", "indirect"}


def test_seed_golden_quotes_speakers_roles_and_outlets() -> None:
    people, expected = design_seed_expectations()
    quotes = seed_quotes()
    got = [(q.kind, _plain(q.text), q.speaker_name, _plain(q.speaker_role or ""), q.via_outlet_name) for q in quotes if q.speaker_name]
    found = [
        next(((k, t[: len(text)], n, r, v) for k, t, n, r, v in got if k == kind and t.startswith(_plain(text))), None)
        for kind, text, *_ in expected
    ]
    assert found == [
        (kind, _plain(text), name, _plain(people[name]), via) for kind, text, name, via in expected
    ]


def test_seed_has_no_other_speaker() -> None:
    names = {q.speaker_name for q in seed_quotes() if q.speaker_name}
    assert names == set(design_seed_expectations()[0])


def test_seed_extra_rows_are_unattributed_or_the_clauses_around_listed_partial_quotes() -> None:
    quotes = seed_quotes()
    expected = design_seed_expectations()[1]
    listed = [q for q in quotes if any(q.kind == k and _plain(q.text).startswith(_plain(t)) for k, t, *_ in expected)]
    for q in quotes:
        if q in listed or q.speaker_name is None:
            continue
        assert q.kind == "indirect"
        assert any(p.kind == "partial" and p.speaker_name == q.speaker_name
                   and q.char_start <= p.char_start and p.char_end <= q.char_end + 1 for p in listed), q


@pytest.mark.parametrize("text", ["Biden", "Putin", "NATO"])
def test_seed_does_not_make_speakers_of_people_only_mentioned(text: str) -> None:
    assert all(text not in (q.speaker_name or "") for q in seed_quotes())


# --------------------------------------------------------------------------- more reporting patterns


def test_quoted_fragment_without_a_cue_belongs_to_a_person_subject() -> None:
    got = quotes_of('Opposition leader Ruth Calder promised to stand up for the "forgotten towns" of the north.')
    partial = only(got, "partial")
    assert [(q.text, q.speaker_name, q.cue) for q in partial] == [("forgotten towns", "Ruth Calder", None)]


def test_quoted_fragment_inside_the_attribution_frame_is_a_scare_quote() -> None:
    got = quotes_of('Senator Paul Ostrow has said "repeatedly" that the tax cut will pay for itself.')
    assert [(q.kind, q.text, q.speaker_name) for q in got] == [
        ("partial", "repeatedly", None),
        ("indirect", "the tax cut will pay for itself", "Paul Ostrow"),
    ]


def test_directive_speech_act_takes_the_object_and_infinitive_as_content() -> None:
    sentence = "Mayor Omar Sey urged residents to stay indoors until the storm had passed."
    (q,) = acts_of(sentence)
    assert (q.kind, q.text, q.speaker_name, q.cue) == (
        "directive", "residents to stay indoors until the storm had passed", "Omar Sey", "urged")
    assert quotes_of(sentence) == ()  # what he urged is not what he said


def test_noun_object_of_an_announcement_is_not_reported_speech() -> None:
    assert quotes_of("Finance minister Oskar Lind announced a cash bonus for pensioners.") == ()


def test_parenthetical_attribution_keeps_the_whole_clause() -> None:
    (q,) = quotes_of("The museum, curator Ada Pell said, will reopen in the spring with a new wing.")
    assert (q.kind, q.text, q.speaker_name) == (
        "indirect", "The museum, curator Ada Pell said, will reopen in the spring with a new wing", "Ada Pell")


def test_second_cue_joined_by_and_has_the_same_speaker_and_splits_the_content() -> None:
    got = quotes_of("Brightwell said profits rose 5% last year, and said it expected strong growth in 2006.")
    assert rows(got) == [
        ("indirect", "profits rose 5% last year", None),
        ("indirect", "it expected strong growth in 2006", None),
    ]
    assert {q.speaker_surface for q in got} == {"Brightwell"}


def test_definite_title_resolves_to_the_person_holding_it() -> None:
    got = quotes_of(
        "Chancellor Hugh Varley presented the budget on Wednesday.",
        "The chancellor said that borrowing would fall next year.",
    )
    assert [q.speaker_name for q in got] == ["Hugh Varley"]


def test_shadow_title_is_a_different_office() -> None:
    got = quotes_of(
        "Shadow chancellor Ivy Rusk attacked the budget.",
        "Chancellor Hugh Varley defended his plans.",
        "The chancellor said that borrowing would fall next year.",
    )
    assert [q.speaker_name for q in got] == ["Hugh Varley"]


def test_name_and_title_in_apposition_after_a_description() -> None:
    (q,) = quotes_of("The union's regional secretary, Dev Anand, said the strike would go ahead.")
    assert (q.speaker_name, q.speaker_role) == ("Dev Anand", "union's regional secretary")


def test_relative_clause_source_resolves_to_its_antecedent() -> None:
    got = quotes_of('The award went to Secretary of State Lena Ward, who told reporters that she was "deeply honoured".')
    assert {(q.speaker_name, q.speaker_role) for q in got} == {("Lena Ward", "Secretary of State")}


def test_single_name_described_as_a_person_is_a_person() -> None:
    (q,) = quotes_of("Joanna, a mother of three from Leeds, said she had waited a year for the payment.")
    assert (q.speaker_name, q.speaker_role) == ("Joanna", "mother of three from Leeds")


def test_coordinated_cue_takes_the_sentence_subject() -> None:
    got = quotes_of('The minister praised the report but denied he was "complacent" about crime.')
    assert [(q.kind, q.text) for q in got if q.kind == "partial"] == [("partial", "complacent")]
    assert {q.speaker_surface for q in got} == {"The minister"}


def test_name_followed_by_of_organisation_is_still_a_person_for_pronouns() -> None:
    got = quotes_of(
        'Spokesman Nils Ober said the rules were clear. "They are simple," he said.',
        'But Ada Quist of the Riders Alliance questioned the rules. "They are a mess," she said.',
    )
    assert [q.speaker_name for q in got if q.kind == "direct"] == ["Nils Ober", "Ada Quist"]


# --------------------------------------------------------------------------- PolNeAR-style attributions


def test_belief_verb_with_a_bare_clause_is_an_indirect_quote() -> None:
    assert rows(quotes_of("Many of the growers believe the new levy is unfair to small farms.")) == [
        ("indirect", "the new levy is unfair to small farms", None)
    ]


def test_announcement_with_a_bare_clause_of_its_own_is_reported_speech() -> None:
    assert rows(quotes_of("Harbour operator Norsea announced it would close two terminals in March.")) == [
        ("indirect", "it would close two terminals in March", None)
    ]


def test_present_tense_cue_after_a_name_is_a_verb() -> None:
    got = acts_of("Councillor Ruth Amberley urges residents to report flooded drains.")
    assert rows(got) == [("directive", "residents to report flooded drains", "Ruth Amberley")]


def test_wants_to_gives_the_infinitive_as_the_content() -> None:
    got = acts_of("Mayor Tobias Wren wants to double the number of night buses by next year.")
    assert rows(got) == [("directive", "to double the number of night buses by next year", "Tobias Wren")]


def test_noun_object_cue_gives_the_object_up_to_the_clause_end() -> None:
    sentence = "Senator Ada Pell cited two audits of the port authority, saying both were ignored."
    assert rows(acts_of(sentence)) == [("object", "two audits of the port authority", "Ada Pell")]
    assert rows(quotes_of(sentence)) == [("indirect", "both were ignored", "Ada Pell")]


def test_prepositional_cue_gives_its_object() -> None:
    got = acts_of("Governor Ines Maro spoke about the drought that has emptied the reservoirs.")
    assert rows(got) == [("object", "the drought that has emptied the reservoirs", "Ines Maro")]


def test_gerund_after_its_subject_is_not_an_attribution() -> None:
    got = quotes_of("Analyst Joan Reve told the Herald that rebels attacking the depot was a turning point.")
    assert rows(got) == [("indirect", "rebels attacking the depot was a turning point", "Joan Reve")]


def test_passive_object_cue_is_not_an_attribution() -> None:
    assert quotes_of("The town could be defended against the floods with new barriers.") == ()


def test_progressive_cue_keeps_its_source() -> None:
    got = quotes_of("Candidate Lou Harker is demanding that the county recount every ballot.")
    assert rows(got) == [("indirect", "the county recount every ballot", "Lou Harker")]


def test_bare_modifier_is_not_a_role() -> None:
    from newsetl.quotes import clean_role

    assert clean_role("chief") is None and clean_role("former") is None
    assert clean_role("chief executive") == "chief executive"


def test_promise_with_an_infinitive_is_an_act_not_a_statement() -> None:
    assert quotes_of("Minister Hal Brody promised to build two hundred homes on the site.") == ()


@pytest.mark.parametrize(("body", "name"), [
    ("Blair said so. Mr Blair agreed.", "Tony Blair"), ("Tony Blair only.", "Tony Blair"), ("Blairite MPs", "Tony Blair"),
    ("the xBlair file", "Tony Blair"), ("King Jr. said", "Martin Luther King Jr."), ("Jr.x", "Martin Luther King Jr."),
    ("O'Neill spoke; John O'Neill left", "John O'Neill"), ("Anna Kowalska, then Kowalska_2", "Anna Kowalska"),
])
def test_a_surname_alone_is_found_as_the_regex_of_its_definition_finds_it(body: str, name: str) -> None:
    # (?<!First )\bSurname\b, searched without compiling a pattern for each name
    from newsetl.quotes import _surname_alone
    first, surname = name.split()[-2:]
    expected = re.search(rf"(?<!{re.escape(first)} )\b{re.escape(surname)}\b", body) is not None
    assert _surname_alone(body, name) == expected


def test_a_local_office_before_a_name_is_a_role_not_part_of_the_name() -> None:
    # "Registrar", "Clerk", "Coroner" stand before names as "Mayor" does: the name is what follows
    got = quotes_of(
        "Silver Basin County Registrar Tom Reinholt said his office had already trained 1,200 poll workers.",
        'Harlow County Coroner Ruth Abara said the inquest would open on Monday.',
    )
    assert [(q.text, q.speaker_name) for q in got] == [
        ("his office had already trained 1,200 poll workers", "Tom Reinholt"),
        ("the inquest would open on Monday", "Ruth Abara"),
    ]


def test_a_relative_clause_about_the_organisation_in_a_persons_appositive_leaves_the_person_speaking() -> None:
    # "which brought the suit" is the project's, but the sentence's subject is the lawyer it opens with
    got = quotes_of(
        "Imani Grant, a lawyer with the Nevada Voting Rights Project, which brought the suit on behalf of eight voters, "
        'called the ruling "a historic day" and said the group had identified 40,000 voters without identification.',
        "The Nevada Voting Rights Project, which brought the suit, said it would ask for costs.",
    )
    assert [(q.text, q.speaker_name, q.speaker_surface) for q in got] == [
        ("a historic day", "Imani Grant", "Imani Grant"),
        ("the group had identified 40,000 voters without identification", "Imani Grant", "Imani Grant"),
        ("it would ask for costs", None, "The Nevada Voting Rights Project"),
    ]


def test_he_and_she_skip_people_whose_first_names_give_the_other_gender() -> None:
    # data/first_names.csv: "Tess" is a woman's name, so "he" passes her for the nominee named before her
    got = quotes_of(
        "Republican nominee Harlan Whitcomb spoke for 70 minutes at the arena on Thursday.",
        "Campaign manager Tess Kowalczyk said the tour would go on to Michigan.",
        '"Look at them," he said of the reporters.',
    )
    assert [(q.text, q.speaker_name) for q in got] == [
        ("the tour would go on to Michigan", "Tess Kowalczyk"),
        ("Look at them", "Harlan Whitcomb"),
    ]


def test_a_name_in_an_appositive_keeps_its_organisation_and_a_possessive_opens_a_role() -> None:
    # "of investment firm Silverline Capital" says where the analyst works; "Kingsmere's director of rugby" is a
    # role opened by a capitalised possessive, as "The club's director of rugby" is by a determiner
    got = quotes_of(
        "Another analyst, Tomas Berzins of investment firm Silverline Capital, told the Harlow Courier that growth had slowed.",
        'Kingsmere\'s director of rugby, Neil Ashcroft, described the ban as "harsh" and said the club would appeal.',
    )
    assert [(q.text, q.speaker_name) for q in got] == [
        ("growth had slowed", "Tomas Berzins"),
        ("harsh", "Neil Ashcroft"),
        ("the club would appeal", "Neil Ashcroft"),
    ]


def test_a_country_before_or_after_a_name_gives_the_nationality_an_epithet_names() -> None:
    # data/nationalities.csv: "France's Amelie Moreau" and "Tom Reko of Italy" give what "the Frenchwoman" and
    # "the Italian" later stand for
    got = quotes_of(
        "Sweden's Karin Lindqvist beat France's Amelie Moreau 4-6 7-6 6-3 in the final.",
        '"I had my chances and I did not take them," said the Frenchwoman, 25.',
        "Tom Reko of Italy won the men's event, and Dana Pell of Ireland was second.",
        '"It was a hard week," said the Italian.',
        "Bank of America's chief executive Jane Fraser and New Mexico's governor Ruth Abara met on Monday.",
        '"We agreed on nothing," said the American.',
    )
    assert [(q.text, q.speaker_name) for q in got] == [
        ("I had my chances and I did not take them", "Amelie Moreau"),
        ("It was a hard week", "Tom Reko"),
        # a bank's and a state's possessives give no one a nationality: the epithet falls back on the latest subject
        ("We agreed on nothing", "Jane Fraser"),
    ]


def test_an_estimate_after_the_cue_opens_the_reported_clause_but_alone_is_an_object() -> None:
    # "as many as", "at least", "about a third" are no adjuncts ("said as he left", "said at the rally") when a
    # verb follows; "predicting as much as 2% this time around" has none
    got = quotes_of(
        "A senior aide said as many as 25 Republicans remained undecided.",
        "Another aide said at least two Democrats were likely to back the bill.",
        "Luis Marchetti, president of the union local, said about a third of his members had come to the rally.",
        "Economists had been predicting as much as 2% this time around.",
        "The mayor said about 40% of residents support the plan.",
    )
    assert [(q.text, q.speaker_surface) for q in got] == [
        ("as many as 25 Republicans remained undecided", "A senior aide"),
        ("at least two Democrats were likely to back the bill", "Another aide"),
        ("about a third of his members had come to the rally", "Luis Marchetti"),
        ("about 40% of residents support the plan", "The mayor"),
    ]


def test_a_comparison_reports_nothing_and_a_place_with_a_role_before_a_name_is_no_content() -> None:
    # "higher than she had expected" compares; "Across the city ..., the principal, Joanna Pike, told a different
    # story." has no content before the name, but she spoke: the "She said" after it is hers
    got = quotes_of(
        "At Hollins Lane, the head teacher, Ruth Kendrick, said attendance had been 91 per cent, higher than she had "
        "expected. Across the city at St Aldhelm's Academy, the principal, Joanna Pike, told a different story. "
        "She said a third of her staff were still isolating at home.",
        "The plan will fail, the spokesman, John Smith, said.",
    )
    assert [(q.text, q.speaker_name) for q in got] == [
        ("attendance had been 91 per cent, higher than she had expected", "Ruth Kendrick"),
        ("a third of her staff were still isolating at home", "Joanna Pike"),
        ("The plan will fail", "John Smith"),
    ]


def test_what_follows_a_cue_may_be_an_adjunct_the_documents_description_or_a_request_not_a_report() -> None:
    # "told reporters as he boarded": a conjunction ends the listener; "in a statement released by his office":
    # what the document was; "asked that visitors wait": a request (a speech act, not a quote); "predicted a
    # 5-point margin": a forecast's object without a verb of its own
    got = quotes_of(
        '"New Hampshire picks presidents," Dana Pell told reporters as she boarded her plane early Tuesday.',
        '"We will rebuild," Mayor Tom Reko said in a statement released by his office.',
        '"Staff hid the lists," Inspector General Ruth Abara wrote in a letter accompanying the report.',
        "Mayor Tom Reko asked that visitors stay away until the roads were cleared.",
        "Campaign manager Neil Ashcroft said the senator had won every exchange and predicted a 5-point margin.",
        "Analysts predicted as many as 40 seats would change hands.",
    )
    assert [(q.kind, q.text) for q in got] == [
        ("direct", "New Hampshire picks presidents"),
        ("direct", "We will rebuild"),
        ("direct", "Staff hid the lists"),
        ("indirect", "the senator had won every exchange"),
        ("indirect", "as many as 40 seats would change hands"),
    ]
    acts = acts_of("Mayor Tom Reko asked that visitors stay away until the roads were cleared.")
    assert [(q.kind, q.text) for q in acts] == [("directive", "visitors stay away until the roads were cleared")]


def test_a_clause_after_that_holds_its_own_whether_and_a_place_opening_a_sentence_is_no_speaker() -> None:
    # "warned that families would face choices about whether to rebuild": "that" opens the clause, so nothing in
    # it is a listener; "In Denham Springs, Rodney Gautreaux ...": the capitals after "In" are a place, and "He"
    # is the man who stood there
    got = quotes_of(
        'Insurance Commissioner Ruth Abara warned that many families would face "impossible choices" about whether to rebuild.',
        "In Denham Springs, Rodney Gautreaux, 58, stood in the shell of the house his father built. He said the water "
        "had reached 5 feet inside.",
    )
    assert [(q.kind, q.text, q.speaker_name) for q in got] == [
        ("indirect", 'many families would face "impossible choices" about whether to rebuild', "Ruth Abara"),
        ("partial", "impossible choices", "Ruth Abara"),
        ("indirect", "the water had reached 5 feet inside", "Rodney Gautreaux"),
    ]


def test_a_dateline_opens_no_reported_clause_and_a_nested_report_keeps_its_outer_one() -> None:
    # the dateline is blanked, so the clause starts at "Schedulers"; "said four senators had told leadership they
    # would" reports both what the aide said and what the senators told leadership
    got = quotes_of(
        "HARLOW — Schedulers at the hospital kept secret lists, the inspector general said in a report released Thursday.",
        "A senior aide said four senators had privately told leadership they would not vote to override.",
    )
    assert [(q.text, q.speaker_surface) for q in got] == [
        ("Schedulers at the hospital kept secret lists", "the inspector general"),
        ("four senators had privately told leadership they would not vote to override", "A senior aide"),
        ("they would not vote to override", "four senators"),
    ]


def test_an_aside_opened_by_a_past_participle_or_a_place_with_its_state_leaves_the_name_speaking() -> None:
    # "asked about ... in Grand Rapids, Mich.," and "reached by phone," sit between the name and its cue; the comma
    # after a place ("in Grand Rapids,") closes no name
    got = quotes_of(
        "Speaker Dale Kettering, asked about the report during a stop in Grand Rapids, Mich., said he had not read it.",
        "Sorensen, reached by phone, insisted that he had not been demoted.",
        "Another said flatly that such an effort was doomed. No one said the plan would work.",
    )
    assert [(q.text, q.speaker_surface) for q in got] == [
        ("he had not read it", "Speaker Dale Kettering"),
        ("he had not been demoted", "Sorensen"),
        ("such an effort was doomed", "Another"),
    ]


def test_an_adverb_before_that_and_an_organisations_name_leave_the_report_whole() -> None:
    # "said instead that": the adverb is no part of the clause; a ratings agency is an organisation, not a person
    got = quotes_of(
        "Conrad Ashby refused to release his tax returns on Monday. He said instead that the returns were under audit.",
        "Sterling Ratings said in a note to investors that the override was a credit positive.",
    )
    assert [(q.text, q.speaker_name) for q in got] == [
        ("the returns were under audit", "Conrad Ashby"),
        ("the override was a credit positive", None),
    ]


def test_a_denial_is_a_speech_act_and_a_question_left_unanswered_reports_nothing() -> None:
    # tests/annotations/README.md: denials and negated attributions are no quotes; "denied that" keeps its clause as a
    # "denial" act, "did not say whether" and "declined to say whether" give nothing
    text = ("Vice Chair Roger Timms denied that any deal had been struck before February. Mayor Ron Albrecht did not "
            "say whether he would have supported the project. The sheriff declined to say whether deputies had used "
            "pepper spray. The mayor said the vote would go ahead.")
    assert [(q.kind, q.text) for q in quotes_of(text)] == [("indirect", "the vote would go ahead")]
    assert [(q.kind, q.text, q.speaker_name) for q in acts_of(text)] == [
        ("denial", "any deal had been struck before February", "Roger Timms"),
    ]


def test_a_frame_between_two_coordinated_clauses_reports_both_and_a_place_is_no_speaker() -> None:
    # tests/annotations/README.md: "A, he said, and B" gives A and B; "a poll worker in Ashland Falls, who ...,"
    # is a phrase ending in a place, not a person called Ashland Falls
    got = quotes_of(
        "The committee has 90 days to issue a report, Frye said, and its hearings will be closed to the public.",
        "A longtime poll worker in Ashland Falls, who asked not to be named, said training had been cut.",
    )
    assert [(q.text, q.speaker_surface, q.speaker_name) for q in got] == [
        ("The committee has 90 days to issue a report", "Frye", None),
        ("its hearings will be closed to the public", "Frye", None),
        ("training had been cut", "A longtime poll worker in Ashland Falls", None),
    ]


def test_a_belief_without_that_a_percentage_speaking_and_a_since_phrase_before_that() -> None:
    # "thinks voters will decide": a plural subject with its auxiliary makes "thinks" a verb; "61%" is a source;
    # "has maintained since March that" puts the phrase between the cue and its clause
    got = quotes_of(
        "Lionel Abernathy thinks voters will decide both states.",
        "In the poll, 61% said the country was on the wrong track.",
        "The chairman, Sen. Harold Brisco, has maintained since March that the committee will not hold hearings.",
    )
    assert [(q.text, q.speaker_surface) for q in got] == [
        ("voters will decide both states", "Lionel Abernathy"),
        ("the country was on the wrong track", "61%"),
        ("the committee will not hold hearings", "Sen. Harold Brisco"),
    ]


def test_what_the_speaker_did_next_is_no_part_of_the_report() -> None:
    # ", and he vowed to subpoena her": the writer's clause about the speaker; "and it would close two plants"
    # (no person's pronoun) and "and she would vote against it" (no act) stay in the report
    got = quotes_of(
        "Committee Chairman Lyle Bergstrom said his committee would hold a hearing next month, and he vowed to subpoena the aide.",
        "The company said it would cut 500 jobs, and it would close two plants.",
    )
    assert [q.text for q in got if q.kind == "indirect"] == [
        "his committee would hold a hearing next month",
        "it would cut 500 jobs, and it would close two plants",
    ]


def test_an_appositive_name_after_a_clause_and_a_title_after_two_lower_case_words() -> None:
    # "a day after his running mate, Indiana Gov. Russell Pike, said": the name speaks, not the clause before it;
    # "public works director for the city" is a description; "said her department was counting" is no inverted source
    got = quotes_of(
        "Vance's remarks came a day after his running mate, Indiana Gov. Russell Pike, said on NBN's Face the Week "
        "that the campaign would accept the outcome.",
        "Deborah Yanez, public works director for the city of Stockton, said her department was counting on the money.",
    )
    assert [(q.text, q.speaker_name) for q in got] == [
        ("the campaign would accept the outcome", "Russell Pike"),
        ("her department was counting on the money", "Deborah Yanez"),
    ]


def test_a_count_before_the_inner_source_keeps_the_outer_report_whole() -> None:
    # tests/annotations/README.md: a nested attribution gives an entry for each; "17" does not cut the outer clause
    got = quotes_of("Helen Marsh spoke first. Ms. Marsh said that 17 intelligence agencies had concluded Russia was "
                    "behind the hacking.")
    assert [(q.text, q.speaker_name) for q in got] == [
        ("17 intelligence agencies had concluded Russia was behind the hacking", "Helen Marsh"),
        ("Russia was behind the hacking", None),
    ]


def test_a_plural_noun_after_a_possessive_is_no_cue() -> None:
    # "conservatives have their own demands": no report of "Inside the House Republican conference"
    got = quotes_of("Inside the House Republican conference, conservatives have their own demands.",
                    "Mr Ortiz's claims that the plan was illegal were rejected.")
    assert [(q.speaker_surface, q.text) for q in got] == [("Mr Ortiz", "the plan was illegal were rejected")]


def test_a_parenthetical_frame_reports_the_clause_round_it_or_after_its_opener() -> None:
    # tests/annotations/README.md: "Subject, he said, predicate" is one report; "says X" inverted works the same;
    # a quoted phrase in the predicate does not stop it; after "where," the report is the clause behind the frame
    got = quotes_of(
        "Kimberly Dunaway runs the hospital. Many of them, says chief executive Kimberly Dunaway, don't have insurance.",
        "Mark Ridley leads the caucus. The caucus, he said, is \"not bluffing.\"",
        "Beverly Sutton testified. She pointed to a district in eastern Montana where, she said, the nearest deputy "
        "can be an hour away.",
    )
    assert [(q.kind, q.text, q.speaker_name) for q in got if q.kind != "partial"] == [
        ("indirect", "Many of them, says chief executive Kimberly Dunaway, don't have insurance", "Kimberly Dunaway"),
        ("indirect", "The caucus, he said, is \"not bluffing.\"", "Mark Ridley"),
        ("indirect", "the nearest deputy can be an hour away", "Beverly Sutton"),
    ]
    assert [(q.text, q.speaker_name) for q in got if q.kind == "partial"] == [("not bluffing.", "Mark Ridley")]


def test_a_quotation_split_by_its_frame_goes_on_and_raised_voices_speak() -> None:
    # tests/annotations/README.md: '"A," he said, "B."' is two direct quotes, B in lower case too; "shouted X",
    # and '"...?" X tweeted Tuesday.' attributes the question
    got = quotes_of(
        "Mark Ridley spoke. \"We are ready,\" he said, \"and we will not blink.\"",
        "\"You're going to take away my insurance,\" shouted Melissa Tran, a survivor from Smyrna.",
        "\"Republicans can't even agree on a budget?\" Diane Acosta tweeted Tuesday.",
    )
    assert [(q.kind, q.text, q.speaker_name) for q in got] == [
        ("direct", "We are ready", "Mark Ridley"),
        ("direct", "and we will not blink.", "Mark Ridley"),
        ("direct", "You're going to take away my insurance", "Melissa Tran"),
        ("direct", "Republicans can't even agree on a budget?", "Diane Acosta"),
    ]


def test_a_cue_after_a_and_a_modifier_is_a_noun_and_then_opens_a_former_title() -> None:
    # "took a less charitable view, accusing ...": no report of the sentence's opening; "then economic adviser"
    # describes the name before it, which speaks; "a move ministers say should ..." still reports
    got = quotes_of(
        "Sir Bernard Ingham took a less charitable view, accusing the programme of \"corrupting politics\".",
        "\"We used to see street hustlers do this,\" Andrei Illarionov - then economic adviser to the president - told a press conference.",
        "In a move ministers say should keep council tax rises below 5%, the chancellor said he was providing an extra £1bn.",
    )
    assert [(q.kind, q.text, q.speaker_name) for q in got] == [
        ("partial", "corrupting politics", "Bernard Ingham"),
        ("direct", "We used to see street hustlers do this", "Andrei Illarionov"),
        ("indirect", "should keep council tax rises below 5%", None),
        ("indirect", "he was providing an extra £1bn", None),
    ]


def test_a_name_its_age_and_its_description_speak_and_a_shows_title_before_that() -> None:
    # "Linda Carraway, 61, a retired schoolteacher, said": the name, not the clause after "said"; a show's title in
    # quotes between the cue and "that" is where she said it
    got = quotes_of(
        "At the diner in Media, Linda Carraway, 61, a retired schoolteacher and lifelong Republican, said she had "
        "already decided to vote for the challenger.",
        "Kessler's campaign manager, Tara Mulvaney, said on CNV's \"Morning Briefing\" that the candidate would win.",
    )
    assert [(q.kind, q.text, q.speaker_name) for q in got if q.kind == "indirect"] == [
        ("indirect", "she had already decided to vote for the challenger", "Linda Carraway"),
        ("indirect", "the candidate would win", "Tara Mulvaney"),
    ]


def test_an_aside_of_where_or_when_between_a_source_and_its_cue() -> None:
    # "Salcedo, in a brief interview after the vote, said": the aside is no appositive, and the name before it speaks;
    # a phrase that is no speaker ("A key priority, in both settings, said the WEF ...") does not
    got = quotes_of(
        "Mayor Edwin Salcedo has promised to sign the measure.",
        "Mayor Salcedo, in a brief interview after the vote, said he would sign the ordinance on Friday.",
        "The company, in a filing with regulators, said that profits fell sharply in March.",
        "A key priority, in both rural and urban districts, said the board is to hire more nurses.",
    )
    assert [(q.kind, q.text, q.speaker_name) for q in got] == [
        ("indirect", "he would sign the ordinance on Friday", "Edwin Salcedo"),
        ("indirect", "profits fell sharply in March", None),
    ]


def test_an_aside_is_not_taken_for_the_role_of_a_one_word_company() -> None:
    # "Huaxin, in a statement posted on its official account, said": no role, so the company stays a company
    got = quotes_of(
        "Tessant has stopped shipping chips to the smartphone maker Huaxin Technologies.",
        "Huaxin, in a statement posted on its official WeChat account, said it was \"strongly opposed\" to the decision.",
    )
    assert {q.speaker_name for q in got} == {None}
    assert [q.kind for q in got] == ["indirect", "partial"]


def test_a_role_that_ends_in_an_organisation_named_with_and_before_the_name() -> None:
    # the walk back from the name's comma stops at "and" inside "Immigration and Customs Enforcement"; the
    # sentence's opening phrase is the role, and the name after it speaks
    got = quotes_of(
        "A spokeswoman for Immigration and Customs Enforcement, Lorraine Petty, said the agency would keep "
        "asking for help from local police.",
        "North Dakota's secretary of state, Gordon Haugland, said he would ask the appeals court to stay the ruling.",
    )
    assert [(q.text, q.speaker_name, q.speaker_role) for q in got] == [
        ("the agency would keep asking for help from local police", "Lorraine Petty",
         "spokeswoman for Immigration and Customs Enforcement"),
        ("he would ask the appeals court to stay the ruling", "Gordon Haugland", "North Dakota's secretary of state"),
    ]


def test_according_to_a_role_then_the_name_closing_the_sentence() -> None:
    got = quotes_of(
        "The city receives about $4.2 million a year in federal grants, according to the city's finance director, "
        "Alicia Mertz.",
    )
    assert [(q.text, q.speaker_name, q.speaker_role) for q in got] == [
        ("The city receives about $4.2 million a year in federal grants", "Alicia Mertz", "city's finance director"),
    ]


def test_a_short_form_of_a_company_the_article_named_in_full_is_no_person() -> None:
    # "Kessler Brandt Pharmaceuticals ... Kessler Brandt said": the company; a first name keeps a person a person
    got = quotes_of(
        "Ohio sued Kessler Brandt Pharmaceuticals on Tuesday, accusing it of misleading doctors.",
        "Kessler Brandt said in a statement that it would defend itself in court.",
        "The Maria Ortega Foundation paid for the study. Maria Ortega said the results surprised her.",
    )
    assert [(q.text, q.speaker_name) for q in got] == [
        ("it would defend itself in court", None),
        ("the results surprised her", "Maria Ortega"),
    ]


def test_a_quotation_then_a_described_name_and_a_cue_with_a_phrase_after_it() -> None:
    # '"...," Lindqvist, a former chairman ..., replied on the same broadcast': the quotation is what was replied,
    # so a preposition after the cue does not make it "reply to"
    got = quotes_of(
        "\"With respect, the only hostage last night was the moderator's objectivity,\" Wade Lindqvist, a former "
        "chairman of the Ohio Republican Party, replied on the same broadcast.",
    )
    assert [(q.kind, q.speaker_name) for q in got] == [("direct", "Wade Lindqvist")]


def test_the_person_a_question_was_put_to_answers_it() -> None:
    # "When I asked Amsel what she had found, she laughed. "...," she said.": the question is an act, not a
    # quote, and "she" is the one asked, not the woman quoted last
    got = find_attributions(segment(join_paragraphs([
        "\"Campaigns are startups,\" said Priyanka Dholakia, a security researcher.",
        "The campaign has since hired Judith Amsel, a former analyst. When I asked Amsel what she had found when she "
        "arrived, she laughed. \"A lot of passwords on Post-it notes,\" she said.",
    ])))
    assert [(q.kind, q.speaker_name) for q in got.quotes] == [("direct", "Priyanka Dholakia"), ("direct", "Judith Amsel")]
    assert [(a.kind, a.text) for a in got.acts] == [("question", "what she had found when she arrived, she laughed")]


def test_a_name_after_a_long_role_that_opens_its_sentence_is_its_subject() -> None:
    # "he" in the next sentence is the union's president, not the mayor quoted before him
    got = quotes_of(
        "\"This contract is fair,\" said Mayor Thomas Hallett.",
        "The president of Fraternal Order of Police Lodge 5, Michael Brannigan, was more effusive. Standing beside "
        "the mayor, he said the contract \"recognizes what our officers have been through\" over two years.",
        "Her closest ally in the Legislature, Senate Minority Leader Oscar Delacroix, went further. In an interview, "
        "he said the ad would backfire in every county north of the river.",
    )
    assert [(q.kind, q.speaker_name) for q in got] == [
        ("direct", "Thomas Hallett"), ("indirect", "Michael Brannigan"), ("partial", "Michael Brannigan"),
        ("indirect", "Oscar Delacroix"),
    ]


def test_a_surname_the_article_gives_in_full_only_inside_a_quotation() -> None:
    got = quotes_of(
        "\"Eric Hollister can't defend his own record,\" Strickland's campaign manager, Devin Marsh, said.",
        "Hollister, a former Navy SEAL making his first run for office, said the questions were fair.",
    )
    assert [(q.kind, q.speaker_name) for q in got] == [("direct", "Devin Marsh"), ("indirect", "Eric Hollister")]


def test_an_organisation_with_a_persons_shape_is_no_speaker() -> None:
    # "Data" and "Order" name organisations: "Keystone Civic Data's chief executive", "Fraternal Order of Police"
    got = quotes_of(
        "Keystone Civic Data's chief executive, Warren Lusk, declined to comment. Keystone Civic Data said in a "
        "statement that it had strengthened its protocols.",
    )
    assert [(q.text, q.speaker_name) for q in got] == [("it had strengthened its protocols", None)]


def test_a_name_after_a_participle_in_the_opening_phrase_is_its_object() -> None:
    # "A super PAC backing Ruiz, Silver State Forward, announced": the PAC, not Ruiz, announced; "A lawyer
    # representing Ortiz, Ann Lyle, said": the lawyer, named after the phrase, said
    got = quotes_of(
        "Catherine Ruiz spoke first. A super PAC backing Ruiz, Silver State Forward, announced Monday that it would "
        "spend $2.1 million on ads.",
        "A lawyer representing Ortiz, Ann Lyle, said he would appeal the ruling.",
    )
    assert [(q.text, q.speaker_name) for q in got] == [
        ("it would spend $2.1 million on ads", None),
        ("he would appeal the ruling", "Ann Lyle"),
    ]


def test_a_time_of_day_trails_a_frame_after_its_quotation() -> None:
    # '"...," Mr. Reyes said as he yielded the floor shortly after 2 a.m.': the full stops of "a.m." end no sentence
    got = quotes_of(
        "Senator Michael Reyes of Connecticut ended a filibuster early Thursday.",
        "\"I could not go back and tell those families that we did nothing again,\" Mr. Reyes said as he yielded the "
        "floor shortly after 2 a.m. \"I'm not naive.\"",
    )
    assert [(q.kind, q.speaker_name) for q in got] == [("direct", "Michael Reyes"), ("direct", "Michael Reyes")]


def test_a_place_after_in_is_no_person_without_a_comma_after_it() -> None:
    # "Asked by reporters in Des Moines whether ..., she said": "she" is Marsh, not a person called Des Moines
    got = quotes_of(
        "Evelyn Marsh defended the foundation on Tuesday.",
        "Asked by reporters in Des Moines whether she had made a mistake, she said she was \"proud of the work the "
        "foundation has done.\"",
    )
    assert {q.speaker_name for q in got} == {"Evelyn Marsh"}


def test_a_cue_with_no_clause_introduces_the_next_paragraphs_quotation() -> None:
    # "Supervisor Marcus Pell echoed that argument.", then a paragraph of quotation: his, as after "was blunt."
    got = quotes_of(
        "The lone dissenter, Supervisor Marcus Pell, echoed that argument.",
        "\"We have a housing shortage because we don't build housing. That's the whole story.\"",
    )
    assert [(q.kind, q.speaker_name) for q in got] == [("direct", "Marcus Pell")]


def test_a_quotation_ending_inside_one_it_quotes_is_direct() -> None:
    got = quotes_of(
        "Luis Ocasio runs the group. \"People hear things on television,\" he said. \"I tell them: 'He's not talking "
        "about you. You're as American as he is.'\"",
        "The campaign did not respond.",
    )
    assert [(q.kind, q.speaker_name) for q in got] == [("direct", "Luis Ocasio"), ("direct", "Luis Ocasio")]


def test_a_participle_phrase_opening_a_sentence_leaves_its_subject_the_next_speaker() -> None:
    # "Appearing on Fox News ..., Sorensen repeated that argument. "...," he told host Steve Carrow.": he is Sorensen
    got = quotes_of(
        "Dean Sorensen leads the repeal campaign. \"It works,\" said Bob Kessler, a county attorney.",
        "Appearing on Fox News' \"Fox & Friends\" Wednesday morning, Sorensen repeated that argument. \"You've got "
        "billionaires pouring money into Nebraska,\" he told host Steve Carrow.",
    )
    assert [(q.text, q.speaker_name) for q in got] == [
        ("It works", "Bob Kessler"), ("You've got billionaires pouring money into Nebraska", "Dean Sorensen"),
    ]


def test_a_transcript_introduced_by_asking_someone_about_something() -> None:
    # "Afterward I asked Farrell about the numbers. An edited version of our conversation follows."
    got = quotes_of(
        "Monique Farrell runs the campaign's field offices in Dayton.",
        "Afterward I asked Farrell about the numbers. An edited version of our conversation follows.",
        "Q: Do you worry that you're organizing people who were going to vote anyway?",
        "A: All the time. That's the honest answer.",
        "Q: Does that scare you?",
        "A: It keeps me up at night.",
    )
    assert [(q.kind, q.text, q.speaker_name) for q in got] == [
        ("direct", "All the time. That's the honest answer.", "Monique Farrell"),
        ("direct", "It keeps me up at night.", "Monique Farrell"),
    ]


def test_nothing_a_q_turn_reports_is_a_row() -> None:
    # "Q: Do you worry that you're organizing ...?": the interviewer asks; the clause after "worry that" is no one's
    got = quotes_of(
        "Monique Farrell runs the campaign's field offices. We spoke with Farrell on Saturday.",
        "Q: Do you worry that you're organizing people who were going to vote anyway?",
        "A: All the time.",
        "Q: Did the campaign say that it would send more staff?",
        "A: It did.",
    )
    assert [(q.kind, q.text, q.speaker_name) for q in got] == [
        ("direct", "All the time.", "Monique Farrell"), ("direct", "It did.", "Monique Farrell"),
    ]


def test_a_place_and_its_state_after_from_in_a_description_close_no_name() -> None:
    got = quotes_of(
        "Rep. Loretta Ames, a Democrat from Kansas City, Kansas, who sits on the House health committee, said the "
        "leadership was \"afraid of losing a fair vote\" on the floor.",
    )
    assert {q.speaker_name for q in got} == {"Loretta Ames"}


def test_a_lead_in_ending_in_a_colon_names_the_next_paragraphs_speaker() -> None:
    # a cue with no clause of its own ("described the stakes in stark terms:"), and a role opening the sentence
    # with the name set off after it ("One of the organizers, Tasha Merriweather, ..., addressed the crowd ...:")
    got = quotes_of(
        "Mark Delacroix, chief executive of a 25-bed hospital in southeast Kansas, described the stakes in stark terms:",
        "\"We have cut our nursing staff by a third since 2014.\"",
        "One of the organizers, Tasha Merriweather, a 34-year-old nurse who grew up two blocks from where Whitaker was "
        "shot, addressed the crowd from the steps of City Hall with a bullhorn:",
        "\"They keep telling us to wait. We waited last year.\"",
    )
    assert [(q.kind, q.speaker_name) for q in got] == [("direct", "Mark Delacroix"), ("direct", "Tasha Merriweather")]


def test_an_aside_may_hold_a_programmes_title_in_quotation_marks() -> None:
    got = quotes_of(
        "Mayor Ronald Lancaster, in an interview Thursday night with CNN's Paula Reyes on \"CNN Newsroom,\" said the "
        "footage would be released within days.",
    )
    assert [(q.kind, q.text, q.speaker_name) for q in got if q.kind == "indirect"] == [
        ("indirect", "the footage would be released within days", "Ronald Lancaster"),
    ]


# --------------------------------------------------------------------------- session 27: a review's cases


def test_trust_in_a_person_named_with_a_first_name_the_list_lacks_keeps_the_person() -> None:
    got = quotes_of(
        "Labour members have placed their trust in Keir Starmer to win back the seats lost in 2019.",
        "\"We have listened, and we have changed,\" Starmer said at the party conference on Tuesday.",
    )
    assert [(q.kind, q.speaker_name) for q in got] == [("direct", "Keir Starmer")]


def test_an_aside_after_an_object_gives_that_object_no_voice() -> None:
    got = quotes_of(
        "The senator blocked the nomination of Judge Ann Cole, in a move that stunned colleagues, arguing that she "
        "lacked experience.",
    )
    assert [(q.text, q.speaker_name) for q in got] == [("she lacked experience", None)]


def test_a_relative_named_inside_a_quotation_is_not_the_speaker() -> None:
    got = quotes_of(
        "Hollister, whose son was killed in the crash, spoke at the vigil on Sunday.",
        "\"Every night I think about what happened to my boy, Daniel Hollister, and it breaks me,\" Hollister said.",
    )
    assert [q.speaker_name for q in got] == [None]


def test_a_business_named_after_a_person_leaves_the_person_a_person() -> None:
    got = quotes_of(
        "Magic Johnson Enterprises announced Tuesday that it had bought a stake in the team.",
        "\"This is a proud day for my family,\" Magic Johnson said in a statement.",
    )
    assert [(q.kind, q.speaker_name) for q in got if q.kind == "direct"] == [("direct", "Magic Johnson")]


@pytest.mark.parametrize("sentence", [
    "Dozens of parents backing Superintendent Maria Diaz, some holding handmade signs, told the board that she "
    "deserved more time.",
    "Hundreds of protesters opposing Gov. Kristi Noem, many carrying signs, said the law went too far.",
])
def test_a_group_backing_or_opposing_a_person_speaks_not_the_person(sentence: str) -> None:
    got = quotes_of(sentence)
    assert len(got) == 1 and got[0].kind == "indirect" and got[0].speaker_name is None
    assert got[0].text in ("she deserved more time", "the law went too far")


# --------------------------------------------------------------------------- session 28: a blind set's speakers


def test_a_party_and_a_title_name_the_person_given_that_title_with_a_place() -> None:
    got = quotes_of(
        "PIERRE, S.D. — South Dakota Gov. Harald Voss on Tuesday vetoed the bill, saying it \"solves no problem\" in "
        "the state's schools.",
        "The Republican governor, who met with students last week, said in a letter that local boards were best placed "
        "to decide.",
    )
    assert [(q.kind, q.speaker_name) for q in got if q.kind == "indirect"][-1] == ("indirect", "Harald Voss")
    # a deputy's office is another office: "the Republican governor" is not the lieutenant governor
    other = quotes_of(
        "Lt. Gov. Ada Brandt on Tuesday broke the tie, saying the bill \"deserved a vote\".",
        "The Republican governor said in a letter that local boards were best placed to decide.",
    )
    assert other[-1].speaker_name is None


def test_a_modal_ends_the_listener_before_a_reported_clause_with_a_quoted_phrase() -> None:
    got = quotes_of("Dr. Ines Moya, a pediatric allergist at the children's hospital, told CNN the cheaper pen "
                    "would still cost families \"far more than it should\" for a device that costs little to make.")
    assert [(q.kind, q.text.split()[:3], q.speaker_name) for q in got] == [
        ("indirect", ["the", "cheaper", "pen"], "Ines Moya"), ("partial", ["far", "more", "than"], "Ines Moya")]


@pytest.mark.parametrize("lead_in", [
    "But Ashworth dismissed the poll.",
    # a long description set off after the name says who she is; the sentence still introduces her words
    "Tamsin Ashworth, a mother of three who lives on the north side and founded a parents' group that meets in a "
    "church basement, put it simply.",
])
def test_a_lead_in_names_the_speaker_of_the_quotation_under_it(lead_in: str) -> None:
    got = quotes_of(
        "Tamsin Ashworth has opposed the plan since it was announced in March.",
        lead_in,
        "\"Ask people if they want a new school and they'll say yes. Ask them to pay for it and you'll hear something else.\"",
    )
    assert [(q.kind, q.speaker_name) for q in got if q.kind == "direct"] == [("direct", "Tamsin Ashworth")]


def test_a_party_member_and_a_group_opening_with_our_are_no_people() -> None:
    got = quotes_of(
        "Del. Ruth Alder, a Northern Virginia Democrat, said on the floor that people were \"dying while we play "
        "politics\" in Richmond.",
        "Our Revolution Harlow, a grassroots organization, said in a statement that the system was unfair.",
    )
    assert {q.speaker_name for q in got} == {"Ruth Alder", None}
    assert [q.speaker_name for q in got if "system" in q.text] == [None]


def test_one_of_a_group_then_the_name_makes_the_name_the_subject_a_pronoun_returns_to() -> None:
    got = quotes_of(
        "Sen. Wilma Okafor, the party's chair, called the protest \"an embarrassment\".",
        "Our Revolution Harlow, a grassroots organization, said in a statement that the vote was rigged.",
        "One of the state's superdelegates, Rep. Ana Quiroga, a Democrat who represents the Harlow area, was defiant.",
        "\"I was elected by the people of my district, and I'll use my judgment,\" she said on Sunday.",
    )
    assert [(q.kind, q.speaker_name) for q in got if q.kind == "direct"] == [("direct", "Ana Quiroga")]


def test_an_aside_opening_with_when_between_a_name_and_its_cue_in_a_second_clause() -> None:
    got = quotes_of("Mr. Colfax's spokeswoman, Dana Whitby, called the threat \"a stunt,\" and Mr. Brennan, when told "
                    "of her remark, said only, \"We'll see who's laughing in November.\"")
    assert [(q.kind, q.speaker_name) for q in got] == [("partial", "Dana Whitby"), ("direct", "Brennan")]


def test_a_participle_goes_with_the_clause_before_it_not_the_sentences_first_name() -> None:
    got = quotes_of("Ms. Dunlow, the Democratic nominee, has called the ad \"a flat-out lie,\" and on Monday her campaign "
                    "asked stations to pull it, arguing in a letter that the claim was false.")
    assert [(q.kind, q.text, q.speaker_name) for q in got] == [
        ("partial", "a flat-out lie", "Dunlow"), ("indirect", "the claim was false", None)]


def test_who_after_a_role_without_its_article_refers_to_the_name_before_the_role() -> None:
    got = quotes_of("The pipeline would have employed 1,500 people, according to Tom Rasmund, business manager of a "
                    "Duluth pipefitters local, who said many of his members had voted for the governor twice.")
    assert [(q.kind, q.speaker_name) for q in got][-1] == ("indirect", "Tom Rasmund")


def test_the_statement_speaks_for_whoever_issued_it() -> None:
    named = quotes_of("Party chairman Curtis Lanfield blasted the suit in a statement on Monday evening. \"These are the "
                      "same people who fought voter ID,\" the statement said. \"Ohio voters see right through it.\"")
    assert [(q.kind, q.speaker_name) for q in named] == [("direct", "Curtis Lanfield")] * 2
    # named in the paragraph before, then "he" in the sentence that mentions the statement
    pronoun = quotes_of("Marcus Doyle did not go quietly. In a statement released through his attorney, he argued that the "
                        "firing was political.",
                        "\"I was asked to fix in 19 months what took 40 years to break,\" the statement said.")
    assert [(q.kind, q.speaker_name) for q in pronoun] == [("indirect", "Marcus Doyle"), ("direct", "Marcus Doyle")]
    # a company's statement is no person's
    company = quotes_of("Marcus Doyle said he would appeal. In a statement, the company said it stood by the decision.",
                        "\"We wish him well,\" the statement said.")
    assert [(q.kind, q.speaker_name) for q in company if q.kind == "direct"] == [("direct", None)]


def test_a_place_after_its_preposition_is_no_speaker_but_belongs_to_the_phrase_before_it() -> None:
    ad = quotes_of("A television ad that began running in St. Louis last week asks, \"If she can't protect your phone "
                   "number, how can she protect your country?\"")
    assert [(q.kind, q.speaker_name) for q in ad] == [("direct", None)]
    worry = quotes_of("But several Democratic strategists in Washington privately worry that it sounds defensive.")
    assert [(q.kind, q.text, q.speaker_name) for q in worry] == [("indirect", "it sounds defensive", None)]


def test_a_quotation_addressing_a_person_by_name_is_not_that_persons() -> None:
    got = quotes_of(
        "Mayor Elena Szabo appeared on a cable show on Thursday night, where host Dana Whitlow asked her whether she "
        "was worried about becoming a target.",
        "\"Dana, I'm a mayor of a mid-sized city in the smallest state in the country,\" she said.",
    )
    assert [(q.kind, q.speaker_name) for q in got if q.kind == "direct"] == [("direct", "Elena Szabo")]


def test_a_department_of_natural_resources_is_no_person() -> None:
    got = quotes_of("Staff at the state Department of Natural Resources had warned that winter ice would make that "
                    "impossible.")
    assert [q.speaker_name for q in got] == [None]


def test_the_party_before_a_title_must_be_the_holders() -> None:
    got = quotes_of("Ohio Gov. Mike Dowell, a Republican, praised the plan on Monday. Michigan Gov. Greta Whitlock, a "
                    "Democrat, criticized it.", "\"It is a disaster for working families,\" the Republican governor said.")
    assert [(q.kind, q.speaker_name) for q in got if q.kind == "direct"] == [("direct", None)]


def test_the_statement_of_an_institution_about_a_person_is_not_that_persons() -> None:
    got = quotes_of("Coach Dan Smithers was fired Friday, the university announced in a statement.",
                    "\"Smithers no longer represents the values of this institution,\" the statement said.")
    assert [(q.kind, q.speaker_name) for q in got if q.kind == "direct"] == [("direct", None)]


def test_who_after_an_age_and_a_description_refers_to_the_name() -> None:
    got = quotes_of("\"They think we're stupid,\" said Dennis Marlow, 61, a retired crane operator, who said he had seen "
                    "the ad \"about a hundred times\" since July.")
    assert {q.speaker_name for q in got} == {"Dennis Marlow"}


def test_a_name_after_an_opening_question_ending_in_another_name_is_the_subject_he_refers_to() -> None:
    got = quotes_of(
        "Gary Wendland, the party chairman, was ousted on Saturday.",
        "A senior Michigan Republican official, who asked not to be identified, said donors had threatened to "
        "withhold money unless Wendland was removed.",
        "Asked whether he would vote for Trump, Wendland paused for several seconds. \"I'll vote,\" he said.",
    )
    assert [(q.kind, q.speaker_name) for q in got if q.kind == "direct"] == [("direct", "Gary Wendland")]


def test_wells_fargo_is_no_person() -> None:
    got = quotes_of("In a statement after the hearing, Wells Fargo said it had eliminated sales goals for retail bankers.")
    assert [q.speaker_name for q in got] == [None]
