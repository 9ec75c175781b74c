"""Boilerplate cleaning: rules by category and position, safety, publisher detection, repeated-line learning."""

from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path

import pytest

from newsetl import clean as clean_module
from newsetl.clean import (
    CATEGORIES,
    DEFAULT_RULES,
    SITE_LINE_MIN_ARTICLES,
    SITE_LINE_MIN_SHARE,
    SITE_LINE_SENTENCE_MIN_SHARE,
    CleanResult,
    RemovedLine,
    SiteLineIndex,
    clean,
    load_rules,
    site_group,
    site_line_key,
)
from newsetl.ingest import ArticleParts, decode_article, split_parts

FIXTURES = Path(__file__).parent / "fixtures" / "boilerplate"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "corpus" / "seed" / "western-journal-nato-ukraine-2024.txt"
BBC = SHARED / "corpus" / "bbc-2005"

BASE_ARTICLE = (FIXTURES / "base_article.txt").read_text(encoding="utf-8")
PHRASINGS = tomllib.loads((FIXTURES / "phrasings.toml").read_text(encoding="utf-8"))
NEGATIVES = [ln for ln in (FIXTURES / "negatives.txt").read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


def parts_of(text: str, name: str = "site/article.txt") -> ArticleParts:
    return split_parts(decode_article(name, text.encode("utf-8")))


def base_paragraphs() -> list[str]:
    return [p for p in BASE_ARTICLE.split("\n")[1:] if p.strip()]


def with_footer(*lines: str) -> str:
    return BASE_ARTICLE.rstrip("\n") + "\n\n" + "\n\n".join(lines) + "\n"


def with_header(*lines: str) -> str:
    title, rest = BASE_ARTICLE.split("\n", 1)
    return title + "\n" + "\n".join(lines) + "\n" + rest


def phrasing_cases(where: str) -> list[tuple[str, str]]:
    return [(category, line) for category, lines in PHRASINGS[where].items() for line in lines]


# --- the seed --------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="shared seed corpus not present")
def test_seed_loses_exactly_its_three_footer_lines():
    raw = SEED.read_bytes()
    article = decode_article("seed/western-journal-nato-ukraine-2024.txt", raw)
    parts = split_parts(article)
    lines = article.text.split("\n")
    last = max(i for i, ln in enumerate(lines, start=1) if ln.strip())

    result = clean(parts)

    expected_removed = (
        RemovedLine(last - 2, lines[last - 3].strip(), "editorial_standards", "editorial_heading"),
        RemovedLine(last - 1, lines[last - 2].strip(), "editorial_standards", "committed_to_accuracy"),
        RemovedLine(last, lines[last - 1].strip(), "advertising", "advertise_with"),
    )
    body_lines = [ln for ln in parts.body if ln.line_no < last - 2]
    assert result == CleanResult(
        title=parts.title.text,
        dek=parts.dek.text,
        paragraphs=tuple(ln.text for ln in body_lines),
        removed=expected_removed,
        publisher="The Western Journal",
        flag=None,
        line_nos=tuple(ln.line_no for ln in body_lines),
        title_line_no=1,
        mode="article",
    )
    assert result.removed[0].text == "Truth and Accuracy"
    assert result.removed[2].text.startswith("Advertise with The Western Journal")


# --- rules by category ------------------------------------------------------------------------


@pytest.mark.parametrize(("category", "line"), phrasing_cases("footer"))
def test_footer_phrasing_is_removed_with_its_category(category: str, line: str):
    result = clean(parts_of(with_footer(line)))
    assert [(r.text, r.category) for r in result.removed] == [(line, category)]
    assert list(result.paragraphs) == base_paragraphs()


def test_a_broadcasters_name_in_place_byline_goes_with_the_date_under_it_but_alone_may_be_a_kicker():
    # "Marlene Haupt in Ostermoor" reads like "Floods in Carlisle": only header furniture beside it vouches for it
    header = ["Dana Pell in Kestle", "03/11/2025 March 11, 2025"]
    result = clean(parts_of(with_header(*header)))
    assert [(r.text, r.category) for r in result.removed] == [(header[0], "byline"), (header[1], "dateline")]
    assert [r.text for r in clean(parts_of(with_header(header[0]))).removed] == []


@pytest.mark.parametrize(("category", "line"), phrasing_cases("header"))
def test_header_phrasing_under_the_title_is_removed(category: str, line: str):
    result = clean(parts_of(with_header(line)))
    assert [(r.text, r.category) for r in result.removed] == [(line, category)]
    assert result.title == BASE_ARTICLE.split("\n", 1)[0]
    assert list(result.paragraphs) == base_paragraphs()


def test_every_category_has_a_footer_or_header_fixture():
    covered = set(PHRASINGS["footer"]) | set(PHRASINGS["header"])
    assert covered == set(CATEGORIES) - {"repeated_site_line"}  # that one is learned, tested below


def test_a_stack_of_footers_is_removed_line_by_line():
    footer = [
        "Jane Halvorsen is a senior reporter for the Millbrook Courier covering local government.",
        "Follow Jane Halvorsen on Twitter @jhalvorsen.",
        "Related coverage:",
        "Millbrook residents pack hearing on water rates",
        "What the new water rates mean for your bill",
        "© 2024 The Millbrook Courier. All rights reserved.",
    ]
    result = clean(parts_of(with_footer(*footer)))
    assert [r.text for r in result.removed] == footer
    assert [r.category for r in result.removed] == ["byline", "social_share", "related_links", "related_links", "related_links", "copyright"]
    assert list(result.paragraphs) == base_paragraphs()


TEASER_CARDS = [
    "Millbrook residents pack hearing on water rates",
    "By Jane Halvorsen",
    "More than 200 people turned out to question the council about the plan, which would raise bills for the first time since 2011.",
    "Read more",
    "What the new water rates mean for your bill",
    "By Sam Okafor",
    "We ran the numbers for a typical family of four, a retired couple and a small restaurant on Main Street.",
    "Read more",
    "Riverside plant's 1968 pumps are failing, engineers warn",
    "By Jane Halvorsen",
    "A report prepared for the utilities committee says two of the plant's four pumps could fail within a year.",
    "Read more",
]


def test_teaser_cards_after_the_article_are_removed_with_their_summaries():
    result = clean(parts_of(with_footer(*TEASER_CARDS)))
    assert [r.text for r in result.removed] == TEASER_CARDS
    assert {(r.category, r.rule) for r in result.removed} == {("related_links", "teaser_card")}
    assert list(result.paragraphs) == base_paragraphs()


def test_a_first_teaser_card_shorter_than_the_next_does_not_take_the_articles_last_paragraph():
    cards = [TEASER_CARDS[0], TEASER_CARDS[2], TEASER_CARDS[3], *TEASER_CARDS[4:]]  # card 1 has no byline
    result = clean(parts_of(with_footer(*cards)))
    assert [r.text for r in result.removed] == cards
    assert list(result.paragraphs) == base_paragraphs()


def test_a_first_teaser_card_with_a_question_for_a_headline_does_not_take_the_articles_last_paragraph():
    question = "Will Millbrook's water bills rise again next year, and by how much?"
    cards = [question, TEASER_CARDS[2], TEASER_CARDS[3], *TEASER_CARDS[4:]]
    result = clean(parts_of(with_footer(*cards)))
    assert list(result.paragraphs) == base_paragraphs()
    assert [r.text for r in result.removed] == cards


def test_read_more_lines_between_ordinary_paragraphs_are_not_teaser_cards():
    paragraphs = base_paragraphs() + [
        "Engineers will inspect the remaining two pumps in March and report back to the committee in April.",
        "The utility said it would publish the inspection results on its website as soon as they were ready.",
        "A second hearing on the rates is planned for the spring, before the council's final vote in June.",
    ]
    body = paragraphs[:2] + ["Read more"] + paragraphs[2:3] + ["Read more"] + paragraphs[3:]
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(body) + "\n"
    result = clean(parts_of(text))
    assert result.flag is None
    assert [p for p in result.paragraphs if p != "Read more"] == paragraphs
    assert not any(r.rule == "teaser_card" for r in result.removed)


def test_a_read_more_link_that_does_not_recur_within_a_card_keeps_the_paragraphs_around_it():
    paragraphs = base_paragraphs()
    extra = [
        "The council will hold a public hearing on the repayment schedule next month.",
        "Residents can read the engineer's full report at the town hall.",
    ]
    body = paragraphs[:1] + ["Read more"] + paragraphs[1:] + extra + ["Read more"]  # five lines apart
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(body) + "\n"
    result = clean(parts_of(text))
    assert [(r.text, r.rule) for r in result.removed] == [("Read more", "related_heading")]
    assert [p for p in result.paragraphs if p != "Read more"] == paragraphs + extra


def test_authors_closing_question_to_readers_is_kept():
    # A closing paragraph that asks readers about the story's subject is the writer's own text
    # (both web benchmarks keep it).
    closing = "What do you think? Would you pay $9 more a month for cleaner water? Let us know in the comments."
    result = clean(parts_of(with_footer(closing)))
    assert result.removed == ()
    assert result.paragraphs[-1] == closing


def test_a_bare_comment_prompt_is_removed():
    bare = "What do you think? Let us know in the comments below."
    result = clean(parts_of(with_footer(bare)))
    assert [(r.text, r.category) for r in result.removed] == [(bare, "comments")]


def test_furniture_allowed_anywhere_is_removed_mid_body():
    paragraphs = base_paragraphs()
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + ["Advertisement", "Getty Images"] + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert [(r.text, r.category) for r in result.removed] == [("Advertisement", "advertising"), ("Getty Images", "media_credit")]
    assert list(result.paragraphs) == paragraphs


def test_footer_rule_does_not_fire_when_article_text_follows():
    paragraphs = base_paragraphs()
    line = "Follow us on Twitter and Facebook for breaking news."
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + [line] + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert result.removed == ()
    assert line in result.paragraphs


def test_a_promo_no_rule_knows_at_the_very_end_does_not_shield_the_credits_above_it():
    # the credit is known, the last two lines are not: one is the site addressing its readers, the other
    # a link list's heading; the known credit above vouches for them
    footer = ["Dana Pell contributed reporting from Albany.",
              "Catch Harlow Tonight at 10 and take the Courier with you: download our app.",
              "The Courier's statehouse bureau"]
    result = clean(parts_of(with_footer(*footer)))
    assert [r.text for r in result.removed] == footer
    # the app promo is a note about the publication (it speaks to the reader of the outlet's app); the
    # bureau's name below it is a heading no rule knows, vouched for by the promo
    assert [r.rule for r in result.removed] == ["contributed_reporting", "note_about_the_publication", "in_footer_run"]
    assert list(result.paragraphs) == base_paragraphs()


def test_reporting_below_a_footer_line_is_never_taken_into_the_footer():
    closing = "The vote is set for Tuesday, the clerk said, and residents can speak for three minutes each."
    result = clean(parts_of(with_footer("Follow us on Twitter for breaking news.", closing)))
    assert result.removed == ()
    assert result.paragraphs[-1] == closing


def test_three_unknown_lines_after_a_footer_line_end_the_run():
    lines = ["Dana Pell contributed reporting from Albany.", "Our team", "The statehouse bureau", "Harlow Tonight at 10"]
    result = clean(parts_of(with_footer(*lines)))
    assert result.removed == ()


def test_a_note_about_the_publication_is_footer_furniture_without_a_rule():
    # no rule knows these lines; each names the story or the outlet, or speaks to the reader, and says
    # something about its reporting, money or products
    footer = ["Dana Pell's reporting on the harbour is paid for in part by a county grant. Questions about this story can be sent "
              "to dpell@courier.example.",
              "The Courier is free, always, because readers chip in. No paywall, no billionaire. Toss a few bucks in the jar →"]
    result = clean(parts_of(with_footer(*footer)))
    assert [r.text for r in result.removed] == footer
    assert result.removed[0].rule == "note_about_the_publication"  # the second has a rule of its own now


def test_a_sentence_opening_with_an_imperative_speaks_to_the_reader():
    # no self-reference ("our", "you") in these; the imperative is the address, and each names a product
    footer = ["Harlow Insiders get every show commercial-free. Join the Insiders today.",
              "Courier tote bags are back in stock. Grab yours at the front desk on Mill Street."]
    result = clean(parts_of(with_footer(*footer)))
    assert [(r.text, r.rule) for r in result.removed] == [(line, "note_about_the_publication") for line in footer]


@pytest.mark.parametrize("closing", [
    "Our correspondent in Harlow said the mood in the town hall was tense as the vote approached.",
    "You could see the floodwater from the bridge, the reporter noted, and the council's editors of the plan agreed.",
    "The newspaper's editors endorsed the plan in 2014, and subscribers wrote in to support it.",
])
def test_a_closing_paragraph_about_reporters_or_readers_is_not_a_note_about_the_publication(closing: str):
    result = clean(parts_of(with_footer(closing)))
    assert result.removed == ()


def test_a_note_about_the_publication_under_the_headline_is_header_furniture():
    note = "This article is part of our special report on the county's water."
    result = clean(parts_of(with_header(note)))
    assert [(r.text, r.rule) for r in result.removed] == [(note, "note_about_the_publication")]
    assert list(result.paragraphs) == base_paragraphs()


def test_the_us_is_not_us():
    # "US" is a country, not the outlet speaking: a first paragraph about a US series stays
    intro = "A TV station in the US has refused to show a new series in which couples compete to adopt a child."
    result = clean(parts_of(with_header(intro)))
    assert result.removed == ()


def test_a_byline_under_a_standfirst_is_header_furniture():
    # one paragraph per line, as news archives store articles: the parser cannot tell the standfirst
    # from the first paragraph
    standfirst = "Engineers found cracks in two of the span's steel beams and say a temporary fix cannot be signed off."
    text = ("Bridge to stay shut until April\n" + standfirst + "\nBy Dana Pell and Tom Reko\n"
            + "\n".join(base_paragraphs()) + "\n")
    result = clean(parts_of(text))
    assert [(r.text, r.category) for r in result.removed] == [("By Dana Pell and Tom Reko", "byline")]
    assert standfirst in (result.dek, *result.paragraphs)


def test_short_unknown_lines_above_a_known_header_line_are_header_furniture():
    # a desk line no rule knows, between a byline and a timestamp that rules know: the timestamp vouches for it
    head = ["By Dana Pell", "Waterfront desk", "Updated 9:14 a.m. ET, March 3, 2024"]
    text = "Ferry fares to rise in spring\n" + "\n".join(head) + "\n" + "\n".join(base_paragraphs()) + "\n"
    result = clean(parts_of(text))
    assert [(r.text, r.rule) for r in result.removed] == [
        ("By Dana Pell", "byline_by"), ("Waterfront desk", "in_header_run"), ("Updated 9:14 a.m. ET, March 3, 2024", "dateline_published")]
    assert list(result.paragraphs) == base_paragraphs()


def test_a_name_under_the_headline_is_a_byline_only_beside_known_header_furniture():
    # "Tessa Morrow" under a photo credit is the writer; "Millbrook Park" under a fixture's headline, with
    # only the date (no year, no rule) below it, is the venue, and stays
    credited = "Plant upgrade approved\nDana Pell/Getty Images\nTessa Morrow\n" + "\n".join(base_paragraphs()) + "\n"
    assert [(r.text, r.rule) for r in clean(parts_of(credited)).removed] == [
        ("Dana Pell/Getty Images", "credit_slash_agency"), ("Tessa Morrow", "byline_name_only")]
    venue = "Millbrook v Harlow\nMillbrook Park\nTuesday, 1 March\n" + "\n".join(base_paragraphs()) + "\n"
    result = clean(parts_of(venue))
    assert result.removed == ()
    assert "Millbrook Park" in (result.dek, *result.paragraphs)


def test_a_kicker_above_the_byline_is_header_furniture_and_a_standfirst_is_not():
    # a few words without a sentence's end under the headline are a section label, vouched for by the byline
    # (after a blank line: a line right under the headline is its dek, which stays)
    kicker = "Ferry fares to rise in spring\n\nCity hall\n\nBy Dana Pell\n\n" + "\n\n".join(base_paragraphs()) + "\n"
    assert [(r.text, r.rule) for r in clean(parts_of(kicker)).removed] == [("City hall", "in_header_run"), ("By Dana Pell", "byline_by")]
    # a sentence there is the standfirst, after a section label too
    standfirst = "The council backed a $4 million loan for the plant on Tuesday."
    text = "Ferry fares to rise in spring\n\nCulture\n\n" + standfirst + "\n\nBy Dana Pell\n\n" + "\n\n".join(base_paragraphs()) + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == ["Culture", "By Dana Pell"]
    assert standfirst in (result.dek, *result.paragraphs)


def test_a_live_blogs_first_entry_time_under_the_byline_is_the_article():
    entries = ["8:52 p.m. ET", "Council approves the loan", "The vote was 5-2 after four hours of debate.",
               "8:34 p.m. ET", "Mayor Lena Ortiz said the plant would close for two weeks in May."]
    text = "Water plant vote: live updates\nBy Dana Pell\n" + "\n".join(entries) + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == ["By Dana Pell"]
    assert list(result.paragraphs) == entries
    # one stamp under the byline and none below it is the article's time, as before
    single = "Water plant vote\nBy Dana Pell\n8:52 p.m. ET\n" + "\n".join(base_paragraphs()) + "\n"
    assert [r.text for r in clean(parts_of(single)).removed] == ["By Dana Pell", "8:52 p.m. ET"]


def test_a_standfirst_is_told_by_header_furniture_below_it_past_a_section_label():
    # headline, standfirst, the desk's label, byline, date: the label sits between the standfirst and the byline
    standfirst = "The measure now goes to the governor, who has said she will sign it."
    head = ["STATEHOUSE", "By Dana Pell and Tom Reko", "Nov. 12, 2023, 5 a.m. EST"]
    text = "Senate passes water bill\n" + standfirst + "\n" + "\n".join(head) + "\n" + "\n".join(base_paragraphs()) + "\n"
    result = clean(parts_of(text))
    assert [(r.text, r.rule) for r in result.removed] == [
        ("STATEHOUSE", "in_header_run"), ("By Dana Pell and Tom Reko", "byline_by"), ("Nov. 12, 2023, 5 a.m. EST", "dateline_date_only")]
    assert standfirst in (result.dek, *result.paragraphs)
    # a newsroom's pitch or an audio player's label above the byline tells it too
    for above in ("The Harlow Ledger is a nonprofit newsroom that covers the statehouse. Sign up for our newsletter.",
                  "Listen to this article"):
        text = "Senate passes water bill\n" + standfirst + "\n" + above + "\nBy Dana Pell\n" + "\n".join(base_paragraphs()) + "\n"
        result = clean(parts_of(text))
        assert [r.text for r in result.removed] == [above, "By Dana Pell"]
        assert standfirst in (result.dek, *result.paragraphs)


def test_a_kicker_the_parser_took_for_the_dek_goes_only_when_header_furniture_vouches_for_it():
    # a place's name or a label in capitals right under the headline, then the byline
    for kicker in ("Harlow", "LIVE UPDATES"):
        text = "Ferry fares to rise in spring\n" + kicker + "\nBy Dana Pell\n" + "\n".join(base_paragraphs()) + "\n"
        assert [(r.text, r.rule) for r in clean(parts_of(text)).removed] == [(kicker, "in_header_run"), ("By Dana Pell", "byline_by")]
    # with nothing known below it, it stays, as a dek of a few words does
    text = "Ferry fares to rise in spring\nHarlow\n" + "\n".join(base_paragraphs()) + "\n"
    result = clean(parts_of(text))
    assert result.removed == ()
    assert "Harlow" in (result.dek, *result.paragraphs)
    # a real dek, a phrase of more words, stays even above the byline
    dek = "Commuters face a second rise in a year"
    text = "Ferry fares to rise in spring\n" + dek + "\nBy Dana Pell\n" + "\n".join(base_paragraphs()) + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == ["By Dana Pell"]
    assert result.dek == dek


def test_a_second_standfirst_or_a_column_s_name_above_the_byline_keeps_the_header_run_going():
    # a financial wire's two summary lines, or a column's name under the dek, then the byline and the date
    for lead in (["Fares rise by 4% from April", "Night sailings to be cut from three to two"],
                 ["Commuters face a second rise in a year", "Ledger Lines: notes from the council chamber."]):
        text = ("Ferry fares to rise in spring\n" + "\n".join(lead) + "\nBy Dana Pell and Ray Dunne\n"
                "October 6, 2016, 4:00 AM EDT\n" + "\n".join(base_paragraphs()) + "\n")
        result = clean(parts_of(text))
        assert [r.text for r in result.removed] == ["By Dana Pell and Ray Dunne", "October 6, 2016, 4:00 AM EDT"]
        assert list(result.paragraphs)[-len(base_paragraphs()):] == base_paragraphs()
    # three such lines is an article's opening, and the byline under it no header
    lead = ["Fares rise by 4% from April", "Night sailings to be cut from three to two",
            "The council will vote on the new timetable at its meeting on Monday."]
    text = "Ferry fares to rise in spring\n" + "\n".join(lead) + "\nBy Dana Pell\n" + "\n".join(base_paragraphs()) + "\n"
    assert clean(parts_of(text)).removed == ()


def test_a_short_line_between_removed_header_lines_is_header_furniture():
    # an agency's byline, its dateline label, then the lead photo's caption with its credit
    caption = "Passengers board the ferry at Harlow quay on Monday. (HNA/Tom Reko)"
    text = ("Harlow ferry route reopens\nDana Pell   |04.03.2024 - Update : 04.03.2024\nHARLOW\n" + caption + "\n"
            + "\n".join(base_paragraphs()) + "\n")
    result = clean(parts_of(text))
    assert [(r.text, r.rule) for r in result.removed] == [
        ("Dana Pell   |04.03.2024 - Update : 04.03.2024", "byline_dotted_date"), ("HARLOW", "in_header_run"), (caption, "caption_agency_credit")]
    assert list(result.paragraphs) == base_paragraphs()


def test_a_read_more_box_between_paragraphs_goes_with_its_links():
    paragraphs = base_paragraphs()
    box = ["Read more:", "Harlow ferry fares to rise for the second time in a year"]
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + box + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert [(r.text, r.rule) for r in result.removed] == [("Read more:", "related_heading"), (box[1], "inline_link_box")]
    assert list(result.paragraphs) == paragraphs
    # a longer heading too: "More on the Harlow council races:"
    box = ["More on the Harlow council races:", "Ortiz holds on in Eastmoor as turnout falls"]
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + box + paragraphs[2:]) + "\n"
    assert [(r.text, r.rule) for r in clean(parts_of(text)).removed] == [(box[0], "related_heading"), (box[1], "inline_link_box")]
    # a heading without a colon ("Keep reading") opens a box too, when the article resumes under its link
    box = ["Keep reading", "Harlow ferry fares to rise for the second time in a year"]
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + box + paragraphs[2:]) + "\n"
    assert [(r.text, r.rule) for r in clean(parts_of(text)).removed] == [("Keep reading", "related_heading"), (box[1], "inline_link_box")]
    # a widget's heading a rule already removes ("Recommended reading:") takes its link too, and so does a
    # tabloid's topic heading in capitals
    for box, heading_rule in ((["Recommended reading:", "Plans for 60 homes at the old Harlow brickworks go to appeal"], "widget_label"),
                              (["READ MORE ON TRANSPORT", "FARE DODGE Commuters caught riding the night ferry for free"], "read_more_on_topic")):
        text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + box + paragraphs[2:]) + "\n"
        assert [(r.text, r.rule) for r in clean(parts_of(text)).removed] == [(box[0], heading_rule), (box[1], "inline_link_box")]
    # an article's own line that ends in a colon and the list it opens stay
    own = ["The council made three decisions:", "Fares rise by 4% from April", "The night sailing stays"]
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + own + paragraphs[2:]) + "\n"
    assert clean(parts_of(text)).removed == ()


def test_a_video_players_title_between_its_buttons_goes_with_them():
    paragraphs = base_paragraphs()
    player = ["JUST WATCHED", "Harlow council votes on ferry subsidy", "Replay", "More Videos ..."]
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + player + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert [(r.text, r.rule) for r in result.removed] == [
        ("JUST WATCHED", "media_playback"), (player[1], "in_box"), ("Replay", "media_playback"), ("More Videos ...", "media_playback")]
    assert list(result.paragraphs) == paragraphs
    # a subheading between two paragraphs is no box's middle
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + ["What happens next"] + paragraphs[2:]) + "\n"
    assert clean(parts_of(text)).removed == ()


def test_a_live_blogs_oldest_entry_that_welcomes_readers_is_the_article():
    entries = ["9:12 p.m. — The first results are in: Ortiz leads by 2,400 votes.",
               "6:30 p.m. — Welcome to our live coverage of election night in Harlow. Polls close at 8 p.m."]
    credit = "Staff writers Dana Pell and Tom Reko contributed to tonight's coverage."
    text = "Harlow votes: live results\n" + "\n".join(entries) + "\n" + credit + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == [credit]
    assert list(result.paragraphs) == entries


MID_BODY_FURNITURE = [
    # a newsletter pitch between paragraphs: an imperative naming the newsletter or the inbox, no full stop
    ("newsletter", "Sign up to the free Harlow Courier newsletter for the top stories from your area"),
    ("newsletter", "Don't miss a thing – get the Courier's morning headlines sent straight to your inbox"),
    ("newsletter", "Get the Harlow Daily Edition by email and never miss our top stories — free sign-up"),
    ("newsletter", "Get Harlow's top stories in your inbox every morning: subscribe to our newsletter"),
    # captions closed by a credit
    ("media_credit", "Commuters board the night ferry at Harlow quay on Friday. | HARLOW COURIER"),
    ("media_credit", "The dry bed of the Tansy reservoir near Harlow on Monday. HNA photo May 6, 2025"),
    ("media_credit", "Councillor Dana Pell outside the town hall in Harlow Credit: Tansy Pictures / Ray Dunne"),
    ("related_links", "READ MORE ON TRANSPORT"),
    # a photo credit on its own line, a share bar's label, a byline with its posting stamp, an ad-blocker plea
    ("media_credit", "(Ray Dunne/HNA)"),
    ("media_credit", "RAY DUNNE / LE COURRIER DE HARLOW"),
    ("media_credit", "Ray Dunne / The Courier"),
    ("social_share", "Social Sharing"),
    ("byline", "Dana Pell · Harlow News · Posted: Mar 14, 2024 4:00 AM EDT | Last Updated: 6 hours ago"),
    ("advertising", "We rely on advertising to help fund our award-winning journalism."),
    ("advertising", "We urge you to turn off your ad blocker for The Harlow Courier website so that you can keep reading."),
    ("social_share", "Tweet Share 182 Comments 12"),
    ("advertising", "Before it's here, it's on the Harlow Terminal. LEARN MORE"),
    ("advertising", "Harlow Plus members get bonus episodes of our podcast, Ledger Lines. Try it free for two weeks."),
    ("media_credit", "Councillor Dana Pell at her office on Quay Road (Ray Dunne for The Courier)"),
    ("media_credit", "toggle caption Ray Dunne/HPR"),
    ("navigation", "Print Font Size: Default font size Larger font size"),
    ("newsletter", "Get the Courier's investigations in your inbox. Sign up for our free newsletter."),
    # a print view's terms and stamps, a gallery's and a video's buttons, ad slots, app prompts, topic lists
    ("copyright", "This copy is for your personal, non-commercial use only. To order presentation-ready copies, contact us."),
    ("copyright", "Printed on 14/04/2024 09:17"),
    ("navigation", "View gallery (12 photos)"),
    ("media_credit", 'Play video, "Harlow ferry crews vote to strike", duration 2 minutes 5 seconds'),
    ("advertising", "Scroll to continue"),
    ("advertising", "Learn more"),
    ("republication", "Reuse this content"),
    ("navigation", "Open in app to keep reading"),
    ("navigation", "Continue in browser"),
    ("navigation", "Explore more on these topics"),
    ("editorial_standards", "Spotted a mistake?"),
    ("media_credit", "Dunne/Harlow Now"),
    # a comment's action bar, an ad slot's configuration, media links, a news page's save and share prompts
    ("comments", "Thank · Reply · Share"),
    ("advertising", '[ { "name": "Air - MediumRectangle - Inline Content 1", "component": "20331874", "insertPoint": "3" } ]'),
    ("related_links", "Slideshow » The Harlow Lido Through the Years"),
    ("navigation", "Article content"),
    ("navigation", "You can save this article by registering for free here. Or sign-in if you have an account."),
    ("navigation", "Share this article in your social network"),
    ("media_credit", "Harlow Town Hall on Tuesday, Feb. 11, 2025. Photo by Ray Dunne /Harlow Examiner"),
    ("media_credit", "Women queue at a water tanker in Eastmoor on Tuesday. | Photo Credit: TOM REKO"),
    ("newsletter", "Don't miss a thing in Harlow: get the free Courier morning email. It takes 10 seconds to sign up."),
    # trade and specialist sites: caption credits, embeds, walls, research links, tickers, sponsors' cards
    ("media_credit", "Cattle move through the ring at the Harlow auction mart on Tuesday. (Harlow Farmer photo by Ray Dunne)"),
    ("media_credit", "Soldiers fire a mortar during an exercise at Camp Harlow in November. (Spc. Dana Pell/Harlow Guard)"),
    ("media_credit", "A rendering of the planned conversion of the Mill Building in Harlow. Rendering courtesy of Tansy Partners"),
    ("media_credit", "Dana Pell Courtesy of Tansy Studio"),
    ("advertising", "Advertisement - Scroll to Continue"),
    ("media_credit", "This content is imported from YouTube. You may be able to find the same content in another format on their website."),
    ("media_credit", "pic.x.com/R7hQ2mZp9L"),
    ("media_credit", "Listen to article"),
    ("advertising", "Already a subscriber? Sign in to continue reading."),
    ("related_links", "Related Research: Harlow Office Conversion Tracker, Q1 2025"),
    ("related_links", "Launch Gallery: Harlow Fashion Week Autumn Collections"),
    ("navigation", "BTC $71,204.18 ▲1.84%   ETH $3,412.50 ▲0.61%   SOL $164.20 ▼2.10%"),
    ("newsletter", "Sign up for Harlow Daily: the news you need, free in your inbox every weekday morning."),
    ("advertising", "Content provided by Tansy Ingredients | 03-Mar-2025 | White Paper"),
    ("navigation", "You can share this story on social media:"),
    ("advertising", "Story continues"),
    ("advertising", "Today's best Harlow Fold 2 deals"),
    ("advertising", "Estimate your repayments with our mortgage calculator"),
    ("advertising", "Compare the top fixed-rate bonds in our best buy tables"),
    ("advertising", "Grab your Harlow Folk Festival tickets here."),
    ("advertising", "READ THE COURIER DIGITAL EDITION — every page of today's paper on your phone."),
    ("advertising", "Local news costs money. Support the Harlow Courier from just £1 a week."),
    ("advertising", "If you value our reporting from across the valley, please consider a small monthly donation."),
    ("newsletter", "Get the Harlow Money newsletter. Sign up for weekly tips on bills and savings."),
    ("newsletter", "Sign up for the Harlow Five, our weekly roundup of council decisions."),
    ("newsletter", "Thanks for reading the Harlow Dispatch! Subscribe for free to get new posts."),
    ("comments", "Do you know more about the water contract? Contact Dana Pell at dana.pell@harlowcourier.example or on Signal."),
    ("media_credit", "View this post on Instagram"),
    ("media_credit", "WATCH NOW VIDEO 01:12 Mayor Ortiz on the ferry timetable"),
    ("media_credit", "Share on Pinterest Commuters queue at Harlow quay. Dana Pell/Harlow Photos"),
    ("media_credit", "Cars wait to board at Harlow quay on Monday, March 4, 2024. (HNA/Tom Reko)"),
    ("media_credit", "Commuters on the morning ferry to Harlow. (Photo | Dana Pell, Courier)"),
    ("media_credit", "The night ferry leaves Harlow quay. Photo by the author."),
    ("navigation", "Refresh this page for the latest count."),
    ("related_links", "See full results: Harlow mayor and council races"),
    ("related_links", "Read: Harlow ferry fares to rise for the second time this year"),
    ("related_links", "Most Popular: Harlow bakery closes after 61 years"),
    ("comments", "★★★★★ 4.7 from 212 votes"),
    ("media_credit", "FILE PHOTO: Commuters wait for the ferry at Harlow quay, March 4, 2024."),
    ("media_credit", "Ferry passengers queue at Harlow quay on March 4, 2024 [Dana Pell/Harlow News]"),
    ("media_credit", "Trucks queue at the Harlow depot on Saturday. Foto: Dana Pell / Courier"),
    ("advertising", "PUBLICIDAD"),
    ("advertising", "— Continued below —"),
    ("related_links", "SOMA PIA: Harlow ferry fares to rise"),
    ("navigation", "Lee esta nota en español"),
    ("newsletter", "Want more stories like this? Sign up for The Tide, our daily newsletter, and get them every weekday morning."),
    ("related_links", 'Related: "Harlow Police Seized $14,000 From a Musician. He Was Never Charged."'),
    ("related_links", "NEXT: Harlow's ferry fares are the highest in the region"),
    ("related_links", "Trending on HarlowHub: what closes first if the council misses its deadline"),
    ("media_credit", "[LISTEN] Dana breaks down the budget with a café owner — hit play on the player below."),
    ("media_credit", "Councillors watch the vote board during the override vote on Tuesday. Dana Pell / Harlow Public Media"),
    ("media_credit", "The Rev. Tom Reko speaks to volunteers at the chapel on Oct. 6. (Ledger photo by Dana Pell)"),
    ("media_credit", "Watch the full interview below:"),
    ("media_credit", "Tom Reko, a retired ferryman, at his home in Harlow. He has voted Labour for 40 years. Credit Dana Pell for The Harlow Courier"),
    ("related_links", "POLL: Should the night ferry be saved?"),
    ("related_links", "[Ortiz leads Reko by 12 points in new Harlow poll]"),
    ("social_share", "Please share this story on Facebook so others can see what is happening at the quay."),
    # a ninth news set, scored blind at recall 0.791
    ("newsletter", "Sign up for Harlow Courier's weekly email — the week's local stories, free every Friday morning."),
    ("newsletter", "Quay Dispatch: Dana Pell and the Courier team on the money and deals moving the harbour, every weekday morning. Included with Courier+. Start your trial"),
    ("advertising", "Journalism that follows the money isn't cheap. Become a Courier Insider from £5 a month and keep this newsroom independent. Join now »"),
    ("advertising", "The Quayside Notebook runs on reader support. To get new posts and back this work, become a free or paid subscriber."),
    ("media_credit", "Harbour Radio - HC 6:42 Kestle Island residents push back on ferry cuts"),
    ("media_credit", "The existing footpath near the quay has been open since 2019 (file image)"),
    ("media_credit", "(Top photo: Tom Reko on the touchline at Quay Park in January; Dana Pell/Harlow Images)"),
    ("related_links", "GO DEEPER: The managers under the most pressure — and who could replace them"),
    ("related_links", "This article is part of Working Waterfront, a series on the trades that built our harbour towns. Read the rest of the series here."),
    ("navigation", "Your browser does not support the <audio> element."),
    ("navigation", "Copy/paste the article video embed link below:"),
    ("navigation", "Reprints"),
    # a tenth news set (blind recall 0.741) and a page set
    ("media_credit", "Open this photo in gallery:"),
    ("media_credit", "AUTOPLAY Video: Drone footage shows the path of the storm in Harlow 01:42"),
    ("media_credit", "Listen (5 min)"),
    ("media_credit", "Ferries wait at the quay along Mill Street in Harlow. [File, Harlow Daily]"),
    ("media_credit", "Click to play"),
    ("advertising", "SKIP ADVERTISEMENT"),
    ("advertising", "You’ve read 3 articles in the last month"),
    ("advertising", "Yes, I'll give $120/year"),
    ("advertising", "Advertise with Quay Media. Reach more than 1.2 million readers every week."),
    ("advertising", "Compare today's top savings rates — See rates"),
    ("advertising", "Check availability on Booking partners"),
    ("newsletter", "Sign up for Floor Plan, our must-read morning briefing on what the council is doing. Get it in your inbox before 6 a.m. every weekday."),
    ("newsletter", "By providing an email address, I agree to the Terms of Use and acknowledge that I have read the Privacy Policy."),
    ("navigation", "Log in | Register"),
    # an eleventh news set (US political copy as saved from many kinds of outlet, blind recall 0.760) and a page set
    ("media_credit", "[Chart: Share of tests transferred to a new candidate, by test centre, April 2023 – March 2024]"),
    ("media_credit", "Pull quote: \"It's not hacking. It just does it two thousand times an hour.\""),
    ("media_credit", "Photo 3 of 11 · HARLOW/Dana Pell"),
    ("related_links", "Download the full report (PDF, 2.1 MB)"),
    ("related_links", "Live updates: follow the latest news on the ferry strike as it happens"),
    ("related_links", "You might also like: Cardamom Knots | Rye Chocolate Chunk Cookies | Plum Streusel Squares"),
    ("related_links", "TE PUEDE INTERESAR: Consulados amplían horarios para trámites de pasaporte"),
    ("related_links", "More on this story: Harlow election live: candidates make final push"),
    ("navigation", "[Jump to Recipe]   [Print Recipe]"),
    ("navigation", "Prep: 20 mins | Chill: 1 hr | Cook: 12 mins | Makes: 24 cookies"),
    ("comments", "Beth R. ★★★★★ Made these twice this week. The brown butter smell alone is worth it."),
    ("advertising", "SIGN THE PETITION: Tell the council to keep the night ferry! >> ADD YOUR NAME NOW"),
    ("advertising", "A message from the Harlow Alliance of Community Lenders:"),
    ("newsletter", "Get breaking election alerts on your phone: text HARLOWVOTE to 55512. Message and data rates may apply."),
    # a thirteenth news set (US political outlets of 2016-17, blind recall 0.872)
    ("advertising", 'Don\'t miss "This Week in Harlow" with Dana Pell, Sunday mornings on HCN. Check your local listings.'),
    ("navigation", "DJIA 22370.80 -0.24%   S&P 500 2500.60 -0.30%   Nasdaq 6422.69 -0.52%   Crude Oil 50.60 -0.10%"),
    ("advertising", "Harlow Beacon is a nonprofit newsroom. Our investigations are free to read because readers like you support them. Make a tax-deductible donation today."),
    ("advertising", "Help keep Quay Wire independent. The big papers won't tell you the truth — we will. Donate today."),
    ("advertising", "Support comes from Harlow Mercantile Bank — serving Harlow families since 1924. Member FDIC."),
    ("navigation", "New posts will appear automatically. Refresh for the latest."),
    ("social_share", "8.4K shares"),
    ("navigation", "Scroll down for more"),
    # two more news sets (English-language outlets abroad and trade desks, blind recall 0.856; US political
    # outlets of 2016-17, 0.934) and two page sets (widget-heavy news pages; blogs, shops and services)
    ("navigation", "Save articles to read later and create your own reading list."),
    ("editorial_standards", "Why you can trust the Harlow Ledger"),
    ("media_credit", "Watch video 02:13"),
    ("media_credit", "This file photo, taken March 3, 2024, shows ferries moored at Harlow quay. (Harlow Wire)"),
    ("social_share", 'Share The Facts: Dana Pell, Harlow councillor — "Fares went up 40% last year." — Rating: False'),
    ("advertising", "** A message from the Harlow Chamber of Commerce: Shop local this winter and keep the high street alive. **"),
    ("newsletter", "Sign up for The Harlow Briefing here. Tips and party invitations: briefing@harlowledger.com"),
    ("related_links", "ALSO: Ferry fares to rise again in April"),
    ("related_links", "CLICK TO WATCH: Dana Pell's full report from the quay"),
    ("related_links", "Related: 2nd Circ. Asked To Weigh In On Harlow Ferry Contract"),
    ("newsletter", "You're receiving this because you subscribed to The Harlow Briefing."),
    ("newsletter", "Was this forwarded to you? Sign up here."),
    ("advertising", "Harlow Food Festival returns 14–16 June. Get 20% off tickets with code HARLOW20."),
    ("media_credit", "[Figure: ferry passengers by month, 2019–2024]"),
    ("media_credit", "Passenger numbers dip every February, when the harbour is dredged. Graph: Harlow Ledger analysis."),
    ("editorial_standards", "I received a free review copy from the publisher. This did not affect my opinion."),
    ("navigation", "Difficulty: Easy · Time: 2 hours · Written by the Harlow Hardware advice team"),
    ("advertising", "Add all to basket"),
    ("navigation", "Our Winter Appeal · 5 minute read"),
    ("navigation", "View in browser"),
    ("navigation", "Forward to a friend"),
    ("navigation", "Previous | Next"),
    ("navigation", "Start now"),
    ("navigation", "SENSEX 27,876.61 ▲ 164.30 (0.59%) · NIFTY 8,615.80 ▲ 48.95 (0.57%) · USD/INR 66.78"),
    ("navigation", "A A"),
    ("newsletter", "The biggest stories of the day, delivered to your inbox every afternoon."),
    ("related_links", "POLL TRACKER: See the latest numbers from every battleground state"),
    ("advertising", "Stay with HCN 8 for updates on this developing story."),
    ("media_credit", "Riders board a No. 14 bus on Quay Street on Tuesday. Ledger photo by Dana Pell"),
    ("newsletter", "Sign up for Harlow Morning Score, our daily look at the races that matter."),
    ("related_links", 'This story is part of "Running Dry," HCN\'s ongoing series on water in the county.'),
    ("social_share", "Pin it for later!"),
    ("comments", "Like Quote Reply"),
    ("comments", "Joined: Mar 2009 · Messages: 4,562"),
    ("comments", "Feb 3, 2015 #2"),
    ("comments", "You must log in or register to reply here."),
    ("media_credit", "quay_wiring_underside.jpg (214.6 KB · Views: 87)"),
    ("newsletter", "Sign up for the Ledger’s weekly newsletter, The Tally, for polls, charts and analysis every Monday."),
    ("newsletter", "Sign up for Harlow Courier sport alerts and get the best news and comment sent straight to your phone"),
    ("newsletter", "Get a look at the day ahead in U.S. and Harlow markets with our Morning Tally newsletter. Sign up here."),
    ("media_credit", "Photograph by Dana Pell for the Ledger — The shuttered mill on Quay Street, Nov. 17, 2016"),
    ("media_credit", "Residents fill the gym at Harlow Middle School during a town hall the mayor skipped. Dana Pell for HCN"),
    ("media_credit", "Item 1 of 3 Riders board a No. 14 bus on Quay Street in Harlow, March 3, 2023. Harlow Wire/Dana Pell"),
    ("media_credit", "[Chart] Share of Harlow households on a water meter, by ward. Source: council survey 2024."),
    ("related_links", 'This story is part of "Left Behind," a Harlow-Ledger series on how the county\'s small towns are changing.'),
    ("related_links", "MORE NEWS: Harlow flat owners pocket $1.2m profit after just three years"),
    ("related_links", "More from the Ledger’s analysis desk: What a shutdown fight over the water budget would look like"),
    ("related_links", "Listen | Harlow Hour: Why the bus depot closed, and what comes next 7:48"),
    ("advertising", "Harlow Bank Easy Saver — 4.35% AER variable — Open account"),
    ("editorial_standards", "Our critics dine unannounced and pay for their meals."),
    ("navigation", "< Prev | Next >"),
    ("cookie_notice", "We use some essential cookies to make this website work."),
    ("cookie_notice", "We and our partners use cookies and similar technologies to store and access information on your device."),
    ("advertising", "You have reached your limit of free articles this month."),
    ("advertising", "Continue reading on The Harlow Gazette"),
    ("social_share", "SHARE TWEET PLUS ONE"),
    ("media_credit", "Photo"),
    ("related_links", "Tracking the race: See the latest Ledger Poll of Polls"),
    ("advertising", "Anzeige"),
    ("related_links", "Lesen Sie auch"),
    ("related_links", "Czytaj także: Remont wiaduktu na ul. Kolejowej potrwa całe wakacje"),
    ("social_share", "Compartir en Facebook"),
    ("comments", "Kommentare (12)"),
    ("navigation", "Temps de lecture : 6 min."),
    ("media_credit", "PHOTO: Supporters of the mayor wait in the rain outside a rally at the Harlow County Fairgrounds, Nov. 5, 2016."),
    ("media_credit", "Credit Dana Pell for The Harlow Ledger"),
    ("navigation", "Refresh for updates"),
    ("navigation", "Key events"),
    ("advertising", "[Advertisement]"),
    ("newsletter", "Our daily email gives you everything you need to know to start your day. Sign up now"),
    ("newsletter", "Enter your email address | Sign up"),
    ("newsletter", "We use your sign-up to provide content in ways you've consented to and to improve our understanding of you."),
    ("advertising", "Download The Harlow Ledger app to get Daily Market Updates & Live Business News."),
    ("advertising", "Stay updated on the go with The Harlow Ledger News App. Click here to download it for your device."),
    ("advertising", "LedgerPulse Premium: Get unlimited access to real-time quotes and our morning briefing. Subscribe now — first month free"),
    ("advertising", "WEBINAR: Fixing the county's roads — what works. May 15, 2pm ET. Register free"),
    ("advertising", "Save my seat"),
    ("advertising", "Donate another amount"),
    ("advertising", "Subscribe to The Statehouse, WHRL's weekly politics podcast, wherever you get your podcasts."),
    ("advertising", "Subscribe to The Harlow Ledger for $1 a week and get unlimited access to our journalism."),
    ("advertising", "Full highlights will be on the club's YouTube channel on Monday evening. Don't forget to like and subscribe!"),
    ("editorial_standards", "Editor's note: The Harlow Business Alliance is among WHRL's financial supporters."),
    ("media_credit", "ATTENTION EDITORS - THIS IMAGE WAS PROVIDED BY A THIRD PARTY."),
    ("navigation", "Start gallery ▸"),
    ("navigation", "Next match: Harlow Town v Kestle United · Saturday 16 November · 3pm"),
    ("comments", "share improve this question follow"),
    ("comments", "edited Mar 4 '19 at 9:12"),
    ("comments", "Not the answer you're looking for? Browse other questions tagged water-bills or ask your own question."),
    ("related_links", "Leé también: Vecinos de Harlow denuncian ruidos en la feria de los sábados"),
    ("related_links", "Läs också: Föräldrar i Harlow kräver fler vuxna på skolgården"),
    ("related_links", "Čtěte také: Hasiči bojují s požárem lesa u Harlowa"),
    ("related_links", "Baca Juga: Harga daging sapi di Pasar Harlow tembus Rp140 ribu"),
    ("related_links", "Citește și: Lucrările de pe strada Harlow, prelungite cu încă două luni"),
    ("related_links", "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ"),
    ("related_links", "Más leídas"),
    ("advertising", "Annons"),
    ("advertising", "IKLAN"),
    ("advertising", "Continua depois da publicidade"),
    ("advertising", "Articolul continuă după reclamă"),
    ("newsletter", "Din e-postadress"),
    ("newsletter", "Je m’inscris"),
    ("social_share", "Підписуйтеся на наш Telegram-канал, щоб першими дізнаватися найважливіші новини Гарлоу."),
    ("social_share", "Sdílet na Facebooku"),
    ("editorial_standards", "Помітили помилку? Виділіть її та натисніть Ctrl+Enter."),
    ("comments", "Ý kiến bạn đọc (8)"),
    ("advertising", "Sponsor Message"),
    ("advertising", "Advertisement · Scroll to continue"),
    ("newsletter", "after newsletter promotion"),
    ("newsletter", "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties."),
    ("newsletter", "Sign up for the Real Estate Newsletter. Get the latest housing market news delivered every Friday."),
    ("newsletter", "The Retail Brief newsletter brings you the week's biggest consumer stories every Friday. Sign up here."),
    ("newsletter", "Your privacy is important to us. Read our privacy policy for details on how we use your information."),
    ("advertising", "Download the Harlow Herald app — news, sport and death notices from across the county. Available on iOS and Android."),
    ("media_credit", "Highlights: Harlow Town 2-1 Kestle Rovers"),
    ("media_credit", "Duration: 2 minutes 3 seconds"),
    ("advertising", "18+ | BeGambleAware.org | New customers only. T&Cs apply. Please gamble responsibly."),
    ("advertising", "BET OF THE DAY: Harlow to win at Kestle at 6/4 with SpinStar – new customers get £30 in free bets"),
    ("advertising", "Finance this bakkie from R14 299 pm* with Harlow Finance. Get a quote now. *T&Cs apply. Subject to credit approval."),
    ("editorial_standards", "General advice warning: The information in this article is general in nature and does not take into account your objectives."),
    ("advertising", "Listen to the latest episode of The Harlow Ballot Podcast: Is the council slipping away? Subscribe on iTunes."),
    ("editorial_standards", "Correction (11:04 p.m.): An earlier version of the 10:52 entry said the mayor lost Kestle. She carried it comfortably."),
    ("media_credit", "The mayor speaks during a rally in Kestle on Oct. 17. | Getty Images"),
    ("navigation", "Don't miss out on the latest news and information."),
    ("advertising", "For as little as $6 a month you can help support our quality journalism while enjoying The Harlow Herald ad-free."),
    ("comments", "Did you march this year? Send your photos to news@harlowsun.example or tag us on Instagram and they could appear in our gallery."),
    ("comments", "All photographs are the copyright of The Harlow Sun and may not be reproduced without permission."),
    ("newsletter", "The region's top business stories, in your inbox before 7am. Sign up now"),
    ("newsletter", "I would like to receive occasional offers from The Harlow Courier and its partners. I understand I can unsubscribe at any time."),
    ("advertising", "PARTNER CONTENT"),
    ("media_credit", "Courier photo by Ray Oduya"),
    ("media_credit", "Skip Twitter post by @HarlowCouncil"),
    ("media_credit", "End of Twitter post by @HarlowCouncil"),
    ("media_credit", "VIDEO 02:41"),
    ("advertising", "$10    $25    $50    $100    Other"),
    ("advertising", "Make this a monthly gift"),
    ("advertising", "Harlow Food Collective is a 501(c)(3) nonprofit. Your gift is tax-deductible to the extent allowed by law."),
    ("navigation", "41.20 -0.35 (-0.84%)"),
    ("comments", "Were you affected by the flooding? Tell us by emailing haveyoursay@harlowcourier.example."),
    ("media_credit", "Video Unavailable"),
    ("media_credit", "Tap to play"),
    ("media_credit", "View on Twitter"),
    ("media_credit", "SCROLL DOWN FOR VIDEO"),
    ("media_credit", "Pictured: Dana Ortiz (centre) at the Riverside plant with the town engineer on Tuesday"),
    ("media_credit", "Media playback is not supported on this device"),
    ("media_credit", "Dana Ortiz at the Riverside plant on Tuesday. She has chaired the committee since 2019. COURIER PHOTO: KELVIN CHNG"),
    ("advertising", "This advertisement has not loaded yet."),
    ("advertising", "A message from the Harlow Rural Broadband Coalition: One in three rural homes still lacks fast internet. Learn more."),
    ("newsletter", "Delivery: Daily"),
    ("advertising", "Need a seismic evaluation for an existing building? Our team has assessed more than 400 masonry structures."),
    ("advertising", "Download our free Harlow walking brochure"),
    ("advertising", "Try Budgetly free for 34 days (affiliate link)"),
    ("newsletter", "Want my free budget spreadsheet? Join 12,000 readers who get my weekly money email and I will send it over."),
    ("related_links", "Related insight: Why we stopped specifying epoxy anchors in soft brick"),
    ("republication", "Read the full story at the Harlow Times."),
    ("editorial_standards", "Was this article helpful? Yes No"),
    ("advertising", "Unlimited digital access from just £1 for your first month. Support quality local journalism."),
    ("newsletter", "Courier Newsletters"),
    ("advertising", "Story continues below video"),
    ("editorial_standards", "This article is more than 5 years old."),
    ("media_credit", "A post shared by Dana Pell (@danapell) on Nov 26, 2017 at 1:12pm PST"),
    ("media_credit", "Media caption"),
    ("navigation", "For the railway station, see Kestle Quay railway station."),
    ("navigation", "Edit"),
    ("comments", "#3"),
    ("comments", "Senior Member"),
    ("comments", "Last edited: 10 Oct 2019"),
    ("navigation", "docs  add screenshot of the sparkline mode  last year"),
    ("navigation", "build passing  pypi v0.9.1  license MIT  python 3.7 | 3.8 | 3.9"),
    ("advertising", "Help us cover the council from the chamber. We're 100% reader-supported — donate now and your gift will be matched."),
    ("media_credit", "The mayor and the chief constable shake hands at the start of the debate at Harlow Hall. Hide Caption 1 of 14"),
    ("advertising", "Listen to Harlow Daily with host Dana Pell live weekdays 6-9 a.m. Eastern on SiriusXM Channel 125."),
    ("media_credit", "This content is created and maintained by a third party, and imported onto this page to help users provide their email addresses."),
    ("advertising", "Grit & Grain may receive a portion of revenue if you click a link and purchase a product or service."),
    ("newsletter", "Stay in the know with our Healthy Harlow newsletter. Get research updates and expert tips delivered weekly."),
    ("related_links", "[Read more about the quay's flood defences: In Kestle, Homeowners Race the Tide]"),
    ("related_links", "Harlow Patriot Video: Mayor Speaks After Council Vote"),
    ("advertising", "If you buy something from a Circuit link, Circuit Media Group may earn a commission. See our ethics statement."),
    ("advertising", "Circuit Media Group has affiliate partnerships. These do not influence editorial content."),
    ("media_credit", "Harlow Live: Voters explain what it takes to cast a ballot in rural Kestle. Watch the full segment here."),
    ("comments", "Have a tip? Send it to tips@harlowdispatch.example or reach our reporters securely via Signal."),
    ("related_links", "MORE POLLING: The mayor's approval slips in wards she won by double digits"),
    ("related_links", "Want to keep up with the latest council news? Click here to sign up for our free daily newsletter."),
    ("media_credit", "Video duration 02:14"),
    ("media_credit", "Pull quote"),
    ("advertising", "Watch HNN's live coverage of Storm Delia on TV or stream it on the HNN app."),
    ("newsletter", "Listen: On this week's \"Statehouse Buzz\" podcast, our reporters break down the vote. Subscribe on iTunes."),
    # session 26: a shop's offer and button, a video's running time, an investigation's links, call-outs, embeds
    ("advertising", "Winter Warmers: 2 throws for £30 – in store now"),
    ("advertising", "Garden Gear Week: save $20 on hedge trimmers - online now"),
    ("advertising", "Shop winter coats"),
    ("media_credit", "2:47"),
    ("related_links", "See the full methodology for this analysis."),
    ("related_links", "Download the data"),
    ("comments", "Help Us Investigate Care Home Charges"),
    ("comments", "Is your street flooding again? Tell us about it. Email us or use the form on this page."),
    ("copyright", "Listing information deemed reliable but not guaranteed. Updated daily."),
    ("media_credit", "Instagram post"),
    ("media_credit", "harlowbakes · Follow"),
    ("advertising", "Advertiser content from Kestle Energy"),
    ("advertising", "Local news you can trust. Subscribe today for unlimited digital access and the e-paper."),
    ("newsletter", "Harlow Homes, our newsletter about the region's property market. Sign up to get it on Thursdays."),
    ("newsletter", "Want more council news? Subscribe to our weekly Town Hall digest."),
    ("media_credit", "Brass hand bell, c. 1900. Gift of the Pell family; photo © Harlow Museum Trust"),
    ("advertising", "Tired of slow builds? Kestle CI caches every step. Start your free trial."),
    ("advertising", "Harlow Food Share is a 501(c)(3) charity, EIN 12-3456789."),
    ("advertising", "$25 | $50 | $100 | Other amount"),
    ("advertising", "Make it monthly"),
    ("related_links", "Related Services: Estate Planning, Probate"),
    ("advertising", "Ready for a new kitchen? Schedule your free design visit at our Quay Street showroom."),
    ("advertising", "Thinking of selling? Browse our sold prices for Harlow."),
    # session 26, round 2: polls, ratings, maps, tickers, ad cards and asks inside a story
    ("comments", "Yes | No | Undecided"),
    ("comments", "Vote"),
    ("comments", "Poll: What is your favourite Harlow beach?"),
    ("comments", "Harlow Town Fan Poll: Who was your player of the month? Vote on Instagram @HarlowTownFC"),
    ("advertising", "Become a Harlow Public Radio underwriter"),
    ("advertising", "The Tide Line by Dana Pell is published by Kestle Books at £18.99. To order a copy for £15.99, call 0330 555 0199."),
    ("navigation", "KSTL Kestle Mills Corp. 41.20 -1.35 (-3.17%) At Close"),
    ("comments", "Have your say. Letters to the editor must include your name and town and may be edited for length."),
    ("navigation", "View larger map"),
    ("navigation", "Map data ©2021 Kestle Mapping"),
    ("related_links", "Weekend Breaks: Our pick of coastal cottages, from Harlow to the Kestle estuary. See the list ›"),
    ("media_credit", "Swipe through the gallery to see every float from the parade."),
    ("advertising", "Open a fee-free current account today — 2.50% APY on balances up to $5,000. Member FDIC. Apply Now"),
    ("newsletter", "Grab my free budget planner! Join 9,000 readers who get one money tip every Monday."),
    ("newsletter", "Yes, sign me up!"),
    ("advertising", "SAVE 20% ON BOILER SERVICES THIS MONTH. Call to book today!"),
    ("navigation", "★★★☆☆ (12 reviews)"),
    ("newsletter", "Join our mailing list for new releases and members-only tastings."),
    ("advertising", "Your gift made Sam's apprenticeship possible. $25 buys a week of tools for a trainee. Donate Now"),
    ("dateline", "March 3, 2021 · Community Programs · 4 min read"),
    ("advertising", "Subscribe to the Harlow Ledger for just $1 for your first month. Local news, delivered."),
    # session 26, round 3
    ("media_credit", "Duration: 4′ 12″"),
    ("media_credit", "Add to playlist"),
    ("media_credit", "Download: MP3 ( 3.9 MB )"),
    ("newsletter", "HARLOW MORNING — Get the county's top stories in your inbox every weekday."),
    ("advertising", "Kestle Quest at Amazon for $24.99"),
    ("advertising", "Check Amazon"),
    ("media_credit", "Instagram post by @harlowbakes"),
    ("navigation", "Download the GPX"),
    ("advertising", "Every meal we serve costs us about $3. A gift of $30 feeds a family for a week. Donate today »"),
    ("media_credit", "Volunteers at the Quay Street garden in May. Photo courtesy of the Pell family."),
    ("related_links", "Related recipe: Harlow apple cake"),
    ("advertising", "New to Harlow? Our welcome walks start on Saturday mornings. Book a place →"),
    ("social_share", "Pin this image"),
    ("advertising", "Keep the Harlow Ledger Free"),
    ("advertising", "Since 1994 the Ledger has been the town's free, independent paper. Help us keep it that way."),
    ("editorial_standards", "Truth and Accuracy"),
    ("editorial_standards", "We are committed to truth and accuracy in all of our journalism. Read our editorial standards."),
    # session 26, round 4
    ("social_share", "Follow Harlow Today politics on Twitter @HarlowPols and on Facebook."),
    ("comments", "Is your polling place moving this year? Tell us about your experience."),
    ("media_credit", "A protester holds a sign reading \"Save the Quay\" outside the town hall on June 3, 2016. (Photo: Dana Pell, AP)"),
    ("editorial_standards", "Editor's note: This story has been updated to include comments from the mayor's office."),
    ("advertising", "Advertise with us: call 01632 960 123"),
    ("advertising", "Shop spring sales now at Harlow Garden Centre"),
    ("advertising", "Have a billing problem? Contact Harlow Money Watch."),
    ("newsletter", "Your details will be used in accordance with our privacy policy."),
    ("advertising", "Get Started"),
    # session 26, round 5
    ("advertising", "Place your ad here – call 01632 960 555"),
    ("advertising", "This advertisement has not loaded yet, but your article continues below."),
    ("advertising", "YOU MAKE OUR WORK POSSIBLE."),
    ("advertising", "Your gift can do the same. Give to the Harlow Hospice Fund today."),
    ("media_credit", "Map courtesy of the Harlow Council GIS team"),
    ("media_credit", "Play episode"),
    ("media_credit", "Slideshow"),
    ("newsletter", "Your work email"),
    # session 28, round 1
    ("media_credit", "Autoplay: Off"),
    ("media_credit", "The voice in this audio is AI-generated."),
    ("media_credit", "This narration was generated using artificial intelligence."),
    ("media_credit", "HarlowLive: Watch our panel on how the new district lines were drawn."),
    ("advertising", "Download the white paper"),
    ("advertising", "Try Ledgerly free for 30 days. No credit card required."),
    ("media_credit", 'Listen: the choir\'s "Evening Hymn" in rehearsal (MP3, 3.1MB)'),
    ("related_links", "Download the council's budget summary (PDF, 840KB)"),
    ("media_credit", "Recorded at the Corn Exchange, Harlow. Recording © Harlow Choral Society"),
    ("advertising", "--- End Advertisement ---"),
    ("advertising", "Supported by the Harlow Heritage Fund and the Friends of the Quay Museum."),
    ("advertising", "Planning a kitchen renovation? Let's talk."),
    ("advertising", "Harlow Pale Ale — 4-pack — $12 — Add to cart"),
    ("advertising", "Book your free timed ticket"),
    ("advertising", "Volunteer at the depot. Shifts run every weekday morning. Find a shift →"),
    ("advertising", "Download the Harlow 7 Weather app for the latest radar and alerts."),
    ("advertising", "Support for KHRL's education coverage comes from the Harlow Community Foundation."),
    # round 2
    ("media_credit", "Harlow Post Live: What's behind the town hall revolt?"),
    ("advertising", "Advertise with The Harlow Ledger and reach thousands of engaged local readers. Advertise Today."),
    ("social_share", "Gift this article"),
    ("media_credit", "Audio"),
    ("media_credit", "Dana Pell signs copies after the reading. Photo by Library staff."),
    ("media_credit", "The otter pups at their first health check. Image © Harlow Wildlife Park / T. Reko"),
    ("advertising", "Place a hold on The Quay at Night"),
    ("advertising", "LIMITED TIME: Up to $800 off boiler servicing plans. See offer details."),
    ("social_share", "Like this recipe? Save it to your Pinterest board!"),
    ("media_credit", "Watch the match highlights on our YouTube channel!"),
    ("advertising", "Need help with your accounts? Our bookkeeping service starts from £95 a month."),
    ("advertising", "Have a similar project?"),
    ("advertising", "Tell us about your project and we'll get back to you within two working days."),
    ("advertising", "Hardback, £16.99"),
    ("advertising", "SPONSOR A HEDGEHOG from £25 – your gift feeds the rescue centre for a month. Adopt now ›"),
    # round 3
    ("advertising", "Harlow Tonight airs live weekdays 6-9 a.m. Eastern on SiriusXM Patriot Channel 125."),
    ("social_share", "Want more politics coverage? Like Harlow Post Politics on Facebook."),
    ("related_links", "Read Harlow Wire's full coverage of the budget fight."),
    ("cookie_notice", "YOUR PRIVACY IS ESSENTIAL TO US. CLICK HERE TO CHANGE YOUR CONSENT SETTINGS."),
    ("media_credit", "Read the full ruling"),
    ("media_credit", "Zoom in | Zoom out | Full screen"),
    ("related_links", "Obituaries you may have missed"),
    ("related_links", "This story is part of our series \"Fixing the Quay.\" Read the earlier installments here."),
    ("advertising", "Start questionnaire"),
    ("advertising", "Book a free, no-obligation survey"),
    ("advertising", "0% finance available, subject to status. Harlow Solar is an appointed representative of Quay Finance Ltd."),
    ("navigation", "Beta - This is a new service. Your feedback will help us improve it."),
    ("media_credit", "Fig. 2: The mill race in 1890, from the society's collection. Reproduced courtesy of the Harlow Archive"),
    ("advertising", "Report continues below"),
    # round 4
    ("media_credit", "Watch Match of the Week on Harlow One tonight at 9.30pm."),
    ("newsletter", "By registering, you agree to our T&C and Privacy Policy"),
    ("media_credit", "1m 52s"),
    ("related_links", "Read more about the flood defences:"),
    ("newsletter", "Get our evening news briefing"),
    ("newsletter", "Start your day with the stories that matter in Harlow"),
    ("media_credit", "Open this photo in gallery: Commuters wait for the last ferry of the night at Harlow Quay."),
    ("advertising", "To read the rest of this article and get our recruiting reports, subscribe to Harlow Insider."),
    ("editorial_standards", "Last reviewed by Dr. Dana Pell BVSc MRCVS, March 2019"),
    ("advertising", "Give £5 | Give £10 | Give £25 | Other amount"),
    ("navigation", "View all rooms"),
    ("advertising", "Advertise with us! Your business could be here. Contact ads@harlow.example"),
    ("advertising", "What our guests say"),
    ("advertising", "★★★★★ \"Best taproom on the quay. Staff actually know the beer.\" — Tom R., via a review site"),
    ("advertising", "Special offer: stay three nights midweek in winter and get the third night at half price."),
    # round 5
    ("advertising", "Article continues after this advertisement"),
    ("media_credit", "Image taken from a stock library for illustrative purpose only"),
    ("social_share", "Get breaking news on your phone. Join the Harlow Herald channel."),
    ("navigation", "Show latest updates"),
    ("related_links", "Don't miss these stories from The Harlow Ticker:"),
    ("advertising", "Breaking news and talk on Harlow Radio: Listen live on SiriusXM Patriot 125 weekdays from 6 a.m. to 9 a.m. Eastern."),
    ("advertising", "[Advert] Need insurance for practice in a family car? Compare learner driver quotes"),
    ("advertising", "★ NEW IN THE SHOP: Harlow Skate commemorative deck, £45 – limited run of 100 ★"),
    # session 29
    ("media_credit", "Watch more from Harlow Sport TV"),
    ("social_share", "X   Facebook   Reddit   Copy link"),
    ("advertising", "Call 01632 960 000 to advertise with us"),
    ("advertising", "Back up every laptop in your office overnight. Try DriveNest free for 30 days."),
    ("advertising", "ADVERT: Harlow Garden Supplies – 15% off seed potatoes for society members. Quote HGS15."),
    ("media_credit", "Photos © Harlow Camera Club. Please do not copy."),
    ("newsletter", "Sign up here for The Harlow Ledger's daily politics newsletter."),
    # round 2
    ("advertising", "Kestle Hardware — Back to School Sale — 20% off lunchboxes and backpacks"),
    ("media_credit", "Embedded Instagram post"),
    ("media_credit", "[Animated GIF: selecting twelve invoices and changing their status at once]"),
    ("advertising", "Proudly supported by Harlow Building Society"),
    ("navigation", "See all summer events"),
    ("advertising", "\"I couldn't run 5k without pain. Three sessions later I've just done my first half marathon.\" – Becky, patient"),
    # round 3
    ("advertising", "Harlow Farm & Feed — Back-to-school boot sale, 20% off all work boots through Aug. 31"),
    ("media_credit", "Kestle Fire Centre @KestleFire · Follow"),
    ("media_credit", "Read 212 replies"),
    ("advertising", "Subscribe on Apple Podcasts | Spotify"),
    ("advertising", "Prep Pass members get full access to every game story, photo gallery and podcast. Join now for $4.99/month."),
    ("advertising", "Struggling with heel pain? Our Heel Pain Assessment includes gait analysis and a treatment plan. £55. Book online today."),
    ("advertising", "Harlow Dispatch Pro subscribers got this story first. Click here to learn more about Pro's state policy coverage."),
    ("media_credit", "Watch Harlow Live: \"Why Are Hospital Bills So High?\" The full conversation is below."),
    ("editorial_standards", "UPDATE: 4:15 p.m. ― This story has been updated with comment from the county clerk's office."),
    # round 4
    ("navigation", "Newsletter Archive: Winter 2013 | Spring 2014 | Summer 2014"),
    ("advertising", "CONTENT CONTINUES BELOW"),
    ("comments", "Readers' comments for this story have been closed."),
    ("advertising", "\"The new hall will change everything for families like ours.\" – Sister Amina, parent"),
    # round 5
    ("advertising", "KESTLE MOBILE — Stay connected across the islands. Recharge now."),
    ("advertising", "Ferry Inn, Harlow – Now taking bookings for summer. Call 01632 960 010"),
    ("advertising", "Free foot health check for new patients this month. Book online today."),
    ("comments", "Take our survey: How has the housing shortage affected you? Tell the Lantern in our 3-minute reader survey."),
    # round 6
    ("media_credit", "Watch on YouTube"),
    ("media_credit", "YouTube video: \"What went wrong for Harlow at the cup final? | Quay Sports Talk\""),
    ("media_credit", "Jalen Pryce (@JPryce_44) June 22, 2024"),
    ("media_credit", "[Embedded post] 1.2K reposts 4.8K likes"),
    ("comments", "Quiz: How well do you know Harlow?"),
    ("social_share", "\"We don't sell your data. We never have and we never will.\" Click to tweet"),
    ("advertising", "Kestle Classic Insurance – agreed value cover from £89. Call 0800 555 0192"),
]


def test_a_timetable_under_its_heading_is_content_not_a_menu():
    lines = ["Daily schedule", "10:45 – Penguin Beach: penguin feed", "11:30 – Lemur Walk: meet the troop",
             "12:15 – Otter Creek: otter talk"]
    blocks = [clean_module._Block((), text, "body") for text in lines]
    matches = [DEFAULT_RULES.matching(text) for text in lines]
    prose = [False] * len(lines)
    assert clean_module._content_list_lines(blocks, matches, prose) == {0, 1, 2, 3}
    # a live page's key events are no timetable: the rule that knows their heading says so
    matches[0] = DEFAULT_RULES.matching("Key events")
    assert clean_module._content_list_lines(blocks, matches, prose) == set()


def test_a_read_more_box_takes_a_labelled_link_and_a_question_for_a_headline():
    # "Map: ..." is a link a rule knows by its label; "Who pays ...?" a headline that asks
    paragraphs = base_paragraphs()
    box = ["Read more:", "How the harbour wall was built in six months", "Map: Where the new sea defences would run"]
    text = BASE_ARTICLE.split("\n", 1)[0] + "\n\n" + "\n\n".join(paragraphs[:2] + box + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == box
    assert list(result.paragraphs) == paragraphs
    box = ["Read more:", "How the harbour wall was built in six months", "Who pays for the new sea defences?"]
    text = BASE_ARTICLE.split("\n", 1)[0] + "\n\n" + "\n\n".join(paragraphs[:2] + box + paragraphs[2:]) + "\n"
    assert [r.text for r in clean(parts_of(text)).removed] == box


def test_a_polls_question_under_its_label_goes_with_its_answers():
    lines = ["Poll", "Have you been affected by water cuts this year?", "Yes, more than once", "Yes, once", "No", "Vote"]
    paragraphs = base_paragraphs()
    text = BASE_ARTICLE.split("\n", 1)[0] + "\n\n" + "\n\n".join(paragraphs[:2] + lines + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == lines
    assert list(result.paragraphs) == paragraphs


def test_a_walks_facts_panel_is_a_run_of_fields_with_its_map_line():
    lines = ["Distance: 14 km", "Ascent: 610 m", "Map: OS Explorer OL21", "Start: Kestle village car park"]
    blocks = [clean_module._Block((), text, "body") for text in lines]
    matches = [DEFAULT_RULES.matching(text) for text in lines]
    assert [r.name for r in matches[2]] == ["chart_caption"]
    assert clean_module._field_runs(blocks, matches) == [(0, 4)]


@pytest.mark.parametrize(("line", "is_list"), [
    ("Ballet ~ Tap ~ Modern ~ Street ~ Musical Theatre", True),
    ("[Home] [About the Society] [Meetings] [Research Room] [Contact]", True),
    ("Harlow ~ the town that rowed the Channel", False),
    ("Council [Harlow] approves budget for [the] new year", False),
])
def test_a_tagline_of_items_is_no_headline(line: str, is_list: bool):
    assert clean_module._is_item_list(line) is is_list


def test_a_menu_of_newsroom_beats_opens_a_page():
    assert clean_module._is_section_menu("Investigations Climate Energy Water Justice Podcasts About")
    assert not clean_module._is_section_menu("Water Board Approves Energy Plan After Justice Review")


@pytest.mark.parametrize(("category", "line"), MID_BODY_FURNITURE)
def test_furniture_allowed_anywhere_is_removed_mid_body_in_many_phrasings(category: str, line: str):
    paragraphs = base_paragraphs()
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + [line] + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert [(r.text, r.category) for r in result.removed] == [(line, category)]
    assert list(result.paragraphs) == paragraphs


def test_headline_links_in_title_case_under_a_related_heading_are_links_even_with_a_full_stop():
    footer = ["Dana Pell contributed reporting from Albany.", "RELATED COVERAGE",
              "Water Bills Rise Again. Here Is Who Will Pay More.", "Three Towns Weigh A Shared Water Authority"]
    result = clean(parts_of(with_footer(*footer)))
    assert [r.text for r in result.removed] == footer
    assert [r.rule for r in result.removed][2:] == ["related_list_item", "related_list_item"]
    assert list(result.paragraphs) == base_paragraphs()


def test_a_fact_checks_source_list_is_removed_with_its_heading():
    # a fact-check ends with the sources it consulted, one per line, without a sentence's end; an unknown line
    # after a sentence-like one ends the list
    footer = ["Our sources", "Harlow County Election Board, campaign finance filings, July 31, 2024",
              "Harlow Ledger, \"Council race draws record spending,\" Aug. 2, 2024",
              "Interview with Dana Pell, former election board attorney, Aug. 9, 2024",
              "Email exchange with a spokeswoman for the Ortiz campaign, Aug. 10, 2024"]
    result = clean(parts_of(with_footer(*footer)))
    assert [(r.text, r.category) for r in result.removed] == [(line, "editorial_standards") for line in footer]
    assert [r.rule for r in result.removed] == ["references_heading"] + ["source_list_item"] * 4
    assert list(result.paragraphs) == base_paragraphs()


def test_an_explainers_question_subheading_under_a_related_box_is_the_articles():
    # a box with one headline link, then "Who pays more?" over a paragraph; the explainer's other subheadings are
    # questions too, so this one is no link
    paragraphs = base_paragraphs()
    title = BASE_ARTICLE.split("\n", 1)[0]
    body = [*paragraphs[:2], "Related", "How the water plant loan was negotiated", "Who pays more?", paragraphs[2],
            "What happens next?", *paragraphs[3:]]
    result = clean(parts_of(title + "\n\n" + "\n\n".join(body) + "\n"))
    assert [r.text for r in result.removed] == ["Related", "How the water plant loan was negotiated"]
    assert "Who pays more?" in result.paragraphs


def test_an_editors_note_under_the_standfirst_is_header_furniture():
    title, rest = BASE_ARTICLE.split("\n", 1)
    standfirst = "The town is betting that a loan now will cost less than another decade of repairs."
    note = "Editor's note: This article has been updated to include a statement from the mayor's office."
    result = clean(parts_of(title + "\n" + standfirst + "\n" + note + "\n" + rest))
    assert [r.text for r in result.removed] == [note]
    assert standfirst in (result.dek, *result.paragraphs)


def test_a_byline_with_the_outlet_in_capitals_and_a_columnists_bio_are_header_furniture():
    title, rest = BASE_ARTICLE.split("\n", 1)
    header = ["Dana Pell and Tom Reko, HARLOW COURIER | Updated 9:14 p.m. ET July 25, 2016",
              "Mia Sorensen is a former shopkeeper and writes about economics and local government"]
    result = clean(parts_of(title + "\n" + "\n".join(header) + "\n" + rest))
    assert [(r.text, r.category) for r in result.removed] == [(line, "byline") for line in header]
    assert list(result.paragraphs) == base_paragraphs()


def test_a_follow_line_or_continue_reading_under_the_standfirst_is_header_furniture():
    title, rest = BASE_ARTICLE.split("\n", 1)
    standfirst = "The town is betting that a loan now will cost less than another decade of repairs."
    for note in ("Follow Dana Pell on Twitter @DanaPellNews", "Continue reading the main story Share This Page"):
        result = clean(parts_of(title + "\n" + standfirst + "\n" + note + "\n" + rest))
        assert [r.text for r in result.removed] == [note]
        assert standfirst in (result.dek, *result.paragraphs)


def test_a_question_and_its_answer_under_read_more_is_a_headline_link():
    footer = ["Read more:", "Council delays vote on the quay car park", "Is the mayor a different kind of Tory? Voters seem to think so.",
              "Share your thoughts in the comments below. Our comment policy is available here."]
    result = clean(parts_of(with_footer("Dana Pell contributed to this report.", *footer)))
    assert [r.text for r in result.removed] == ["Dana Pell contributed to this report.", *footer]
    assert list(result.paragraphs) == base_paragraphs()


def test_a_wire_dateline_on_its_own_line_is_header_furniture():
    title, rest = BASE_ARTICLE.split("\n", 1)
    result = clean(parts_of(title + "\nBy DANA PELL, Associated Press\nHARLOW, Maine (AP) —\n" + rest))
    assert [(r.text, r.category) for r in result.removed][-1] == ("HARLOW, Maine (AP) —", "dateline")
    assert list(result.paragraphs) == base_paragraphs()


def test_an_article_whose_headline_holds_section_names_is_not_a_page():
    # "World", "Business", "Sport", "Tech" are section names, but a headline has other words between them
    lines = ["World Business Leaders Back Sport And Tech Plan For Harlow", "", *sum(([p, ""] for p in base_paragraphs()), [])]
    result = clean(parts_of("\n".join(lines)))
    assert result.mode == "article"
    assert result.removed == ()


def test_hard_wrapped_editors_note_is_removed_with_its_continuation_lines():
    note = ["Editor's note: This story was reported", "with the help of readers who answered", "our survey about water bills."]
    text = BASE_ARTICLE.rstrip("\n") + "\n\n" + "\n".join(note) + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == note
    assert {r.category for r in result.removed} == {"editorial_standards"}
    assert [r.rule for r in result.removed] == ["editors_note", "editors_note+continuation", "editors_note+continuation"]


# --- safety ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_article_sentence_that_looks_like_boilerplate_is_kept_at_the_end(sentence: str):
    result = clean(parts_of(with_footer(sentence)))
    assert result.removed == ()
    assert result.paragraphs[-1] == sentence


@pytest.mark.parametrize("sentence", [
    # an article's second paragraph is no newsletter's issue line nor a site's ticker
    "Issue 12, the parks levy, passed with 61% of the vote.",
    "Notice: Smith's lawyer filed an appeal Friday.",
    "Announcement: Mayor Smith will not seek re-election, her office said.",
    "Latest news: the council said the figures would be revised on Monday.",
    "The independent voice of Kestle County, the Ledger, closed on Friday.",
    # "special for" in a sentence, not a freelancer's byline
    "Doctor Who special for Christmas confirmed by the BBC on Monday.",
])
def test_article_sentence_under_the_title_that_looks_like_a_header_line_is_kept(sentence: str):
    result = clean(parts_of(with_header(sentence)))
    assert result.removed == ()
    assert sentence in result.paragraphs


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_article_sentence_that_looks_like_boilerplate_is_kept_mid_body(sentence: str):
    paragraphs = base_paragraphs()
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + [sentence] + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert result.removed == ()
    assert sentence in result.paragraphs


def test_article_that_would_lose_most_of_its_prose_is_kept_and_flagged():
    text = (
        "Water plant vote\n\n"
        "The council approved the loan on Tuesday night after a long debate.\n\n"
        "We are committed to accuracy and fairness. If you see something that doesn't look right, contact our standards editor.\n\n"
        "The views expressed in this column are the author's own and do not necessarily reflect those of the Courier.\n"
    )
    result = clean(parts_of(text))
    assert result.removed == ()
    assert len(result.paragraphs) == 3
    assert result.flag is not None and result.flag.startswith("held_back")
    assert "committed_to_accuracy" in result.flag and "views_disclaimer" in result.flag


def test_a_list_of_short_lines_in_an_article_is_not_treated_as_a_web_page():
    entries = [f"{first} {last} v {other} Player" for first, last, other in zip(["Ann", "Bea", "Cal", "Dov", "Eli"] * 9, ["Ames", "Byrd", "Cole", "Dunn", "Egan"] * 9, ["Fox", "Gray", "Hill", "Ivy", "Jay"] * 9)]
    text = "Open draw announced\n\n" + "\n\n".join(base_paragraphs() + entries) + "\n"
    result = clean(parts_of(text))
    assert result.mode == "article"
    assert result.removed == ()


def test_flattened_web_page_keeps_only_the_article():
    text = (FIXTURES / "flattened_page.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / "flattened_page.body.txt").read_text(encoding="utf-8").strip().split("\n")
    result = clean(parts_of(text))
    assert result.mode == "page"
    assert list(result.paragraphs) == expected
    assert result.title == "Ferry Service to Gull Island Will Resume in June After Two-Year Pause"
    n_lines = sum(1 for ln in text.split("\n") if ln.strip())
    assert len(result.removed) == n_lines - len(expected) - 1  # everything but the body and the title
    assert result.publisher == "Harbor City Herald"


def _page_fixture(name: str) -> tuple[CleanResult, list[str]]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / f"{name}.body.txt").read_text(encoding="utf-8").strip().split("\n")
    return clean(parts_of(text)), expected


def test_a_line_opening_with_the_breadcrumbs_last_item_is_the_pages_headline():
    # "Security › Advisories › PDB-SA-2023-07", then "PDB-SA-2023-07: Privilege escalation ...": not the version
    # switcher above the trail ("v3.4 (stable)"), which the walk up from the article would otherwise reach first
    text = (FIXTURES / "page_security_advisory.txt").read_text(encoding="utf-8")
    result = clean(parts_of(text))
    assert result.mode == "page"
    assert result.title == "PDB-SA-2023-07: Privilege escalation through the backup restore command"
    assert result.paragraphs[:2] == ("Summary", result.paragraphs[1]) and result.paragraphs[1].startswith("A flaw in")
    assert "Edit this page on GitHub" not in result.paragraphs


def test_page_that_opens_with_its_menu_is_cleaned_as_a_page():
    result, expected = _page_fixture("page_with_boxes")
    assert result.mode == "page"
    assert result.title == "City Council Votes to Extend Night Ferry Service Through the Winter"
    assert list(result.paragraphs) == expected


def test_page_article_continues_past_an_inline_related_box():
    result, _ = _page_fixture("page_with_boxes")
    removed = {r.text: (r.category, r.rule) for r in result.removed}
    # the box's heading is known wherever it sits (widget_label); its links are known because it heads them
    assert removed["Related Stories"] == ("related_links", "widget_label")
    assert removed["Gull Island dock reopens after two-year repair"] == ("related_links", "related_list_item")
    assert any(p.startswith("Keeping the two crossings") for p in result.paragraphs)


def test_page_newsletter_box_between_paragraphs_is_removed():
    result, _ = _page_fixture("page_with_boxes")
    assert ("Never miss a story: sign up for the Morning Ferry newsletter.", "newsletter") in {(r.text, r.category) for r in result.removed}


def test_page_author_bio_teasers_and_comments_after_the_article_are_removed():
    result, expected = _page_fixture("page_with_boxes")
    last = expected[-1]
    text = (FIXTURES / "page_with_boxes.txt").read_text(encoding="utf-8").split("\n")
    after = [ln for ln in text[text.index(last) + 1 :] if ln.strip()]
    assert {r.text for r in result.removed} >= set(after)
    assert result.paragraphs[-1] == last


def test_a_squad_list_of_names_does_not_make_an_article_a_page():
    # a team sheet is a column of names; loose rules (a name alone is a byline under a headline) count
    # neither as furniture nor as evidence that the text is a flattened page
    squad = ["Dana Pell", "Tom Reko", "Lena Ortiz", "Mira Okonjo", "Sam Achebe", "Ruth Kell", "Ivo Brandt",
             "Jon Hale", "Pia Lund", "Ken Moss", "Ada Fenn", "Eli Ward", "Cal Doyle", "Nia Rhys", "Rob Tate",
             "Zoe Hart", "Max Penn", "Ola Berg", "Leo Vance", "Amy Colt", "Ben Shaw", "Kit Marr"]
    reports = [f"The squad trained at Millbrook Park on day {d} of the camp, and the coaches said the mood was good." for d in range(1, 17)]
    article = base_paragraphs() + ["The 22-man squad:"] + squad + reports
    text = "Harlow name their squad for the spring tour\n" + "\n".join(article) + "\n"
    result = clean(parts_of(text))
    assert result.mode == "article"
    assert result.removed == ()
    assert list(result.paragraphs) == article


def test_page_numbered_list_after_the_intro_is_kept():
    result, expected = _page_fixture("page_listicle")
    assert result.mode == "page"
    assert list(result.paragraphs) == expected
    assert "Tags: lighthouses, summer, day trips" in {r.text for r in result.removed}


def test_article_with_a_byline_block_and_many_paragraphs_is_not_a_page():
    header = ["By Jane Halvorsen", "Staff Writer", "March 12, 2024", "Updated: March 13, 2024 at 9:15 a.m."]
    text = "Water plant vote\n" + "\n".join(header) + "\n\n" + "\n\n".join(base_paragraphs() * 4) + "\n"
    result = clean(parts_of(text))
    assert result.mode == "article"
    assert [r.text for r in result.removed] == header


def test_page_table_between_paragraphs_is_kept():
    text = (FIXTURES / "page_with_boxes.txt").read_text(encoding="utf-8")
    table = ["Crossing", "Riders", "Of total", "9 p.m.", "212", "61%", "11 p.m.", "134", "39%"]
    lead = "Supporters said ridership on the late boats"
    at = text.index(lead)
    text = text[:at] + "\n".join(table) + "\n" + text[at:]
    result = clean(parts_of(text))
    assert result.mode == "page"
    kept = list(result.paragraphs)
    assert kept[kept.index(table[0]) : kept.index(table[-1]) + 1] == table


def test_page_table_header_before_the_first_numeric_row_is_kept_with_its_intro():
    # rows carry a note that reads as a sentence, so the table comes in runs of a row each,
    # and its header rows hold no numbers: judged together they are one table
    result, expected = _page_fixture("page_stats_table")
    assert result.mode == "page"
    assert result.title == "Gulls' defensive snap counts and notes: Week 9"
    assert list(result.paragraphs) == expected


def test_page_steps_announced_by_a_colon_before_the_footer_are_kept():
    result, expected = _page_fixture("page_howto_steps")
    assert result.mode == "page"
    assert list(result.paragraphs) == expected
    removed = {r.text: r.rule for r in result.removed}
    assert removed["Priya Natarajan is the Deal Desk's deals editor and has tracked holiday prices since 2015."] == "author_bio"
    assert "______________________________" in removed


def test_page_headline_links_after_a_colon_are_not_taken_for_steps():
    text = (FIXTURES / "page_howto_steps.txt").read_text(encoding="utf-8")
    steps = (FIXTURES / "page_howto_steps.body.txt").read_text(encoding="utf-8").strip().split("\n")[-3:]
    links = ["Best Streaming Deals Of The Week", "Our Favorite Budget Smart TVs, Ranked", "Holiday Gift Guide For Gamers"]
    for step, link in zip(steps, links):
        text = text.replace(step, link)
    result = clean(parts_of(text))
    assert result.paragraphs[-1].endswith("how to do it:")
    assert set(links) <= {r.text for r in result.removed}


def test_page_phrases_after_a_paragraph_without_a_colon_are_not_taken_for_steps():
    text = (FIXTURES / "page_howto_steps.txt").read_text(encoding="utf-8")
    text = text.replace("Here is the short version of how to do it:", "That is the whole trick.")
    result = clean(parts_of(text))
    assert result.paragraphs[-1].endswith("That is the whole trick.")
    assert "Sign up for the ad-free plan on its own for $11.99 a month" in {r.text for r in result.removed}


def test_page_steps_that_run_on_into_a_menu_are_not_kept():
    # without the page's furniture right after them, short lines after the article are a menu (lines no rule
    # knows: a shop's "Shop the sale" is a rule's button, and furniture right after the steps would vouch for them)
    text = (FIXTURES / "page_howto_steps.txt").read_text(encoding="utf-8")
    text = text.replace("______________________________\n", "Store finder\nGift cards\nTrack an order\n")
    result = clean(parts_of(text))
    assert result.paragraphs[-1].endswith("how to do it:")


def test_page_plan_rows_that_repeat_the_articles_labels_are_kept_before_the_related_box():
    result, expected = _page_fixture("page_meal_plan")
    assert result.mode == "page"
    assert list(result.paragraphs) == expected
    assert {"Why Breakfast Timing Matters More Than You Think", "Related Articles"} <= {r.text for r in result.removed}


def test_page_teaser_cards_after_the_article_are_removed():
    result, expected = _page_fixture("page_teaser_cards")
    assert result.mode == "page"
    assert list(result.paragraphs) == expected
    removed = {r.text: (r.category, r.rule) for r in result.removed}
    assert removed["Farmers market moves to the old rail depot for the winter"] == ("related_links", "teaser_card")
    summaries = [r.text for r in result.removed if r.rule == "teaser_card" and r.text.endswith(".")]
    assert len(summaries) == 3


# Pages of other kinds of site, written for these tests with every line marked article or not
# (the .body.txt files hold the article's lines) and the headline their writer gave them.
OTHER_SITE_PAGES = {
    "page_obituary_condolences": "Eleanor Mae Whitcombe",
    "page_research_news": "City moss soaks up far more traffic pollution than expected, Castlereach study finds",
    "page_regional_daily": "Millbeck bridge to close for nine months after engineers find corrosion in steel frame",
    "page_opinion_tail": "Closing branch libraries is a false economy, and our children will pay for it",
    # a second set, written by another hand and scored blind (removal recall 0.871) before rules were fitted to it
    "page_nonprofit_newsroom": "Jail medical contractor skipped required mental health checks, records show",
    "page_tv_station": "Crews race to repair water main break that shut down Ferris Avenue Bridge in Marrowfield",
    "page_business_paywall": "Halvorsen Freight to buy Brightwater Cold Chain for $2.3 billion in bet on grocery delivery",
    "page_hyperlocal": "Briar Crossing library reopens eight months after burst pipe, with a new teen room and seed library",
    # a third set, by a third hand, scored blind (removal recall 0.863) before rules were fitted to it
    "page_court_news": "Judge lets negligence suit over Brindle Street parking deck collapse go forward",
    "page_podcast_episode": "Ep. 87: Saving seed from heritage beans, with Odile Marchetti",
    "page_weather_update": "Storm Hollin: amber wind warning extended to cover the whole western coast",
    "page_police_release": "Two Arrested After String of Catalytic Converter Thefts in Eastmoor",
    # a fourth set, by two more hands, scored blind (removal recall 0.972 and 0.949, titles 10 of 12) before rules
    # were fitted to it: markets tickers and "Read next:", a charity's "Find out more:", a transit status widget
    # (whose "Red Line: Part suspended ..." line was taken for the headline), a feature whose headline shares
    # only a plural with the lede ("seeds", "seed") and was lost to the masthead
    "page_markets_news": "Corvane Group shares sink 14% after profit warning blamed on delayed contracts",
    "page_charity_post": "New community kitchen opens in Brackenford as demand for food support doubles",
    "page_transit_update": "Red Line weekend closures to begin as signal upgrade enters final phase",
    "page_alumni_feature": "The keeper of lost seeds",
    # a Q&A page: the question's tags, asker's card and comments sit between it and the answers; none of them
    # is kept, and the "2 comments" under the question ends nothing
    "page_qa_answers": "Why does my bread machine loaf collapse in the middle?",
    # our own pages after a sixth blind set (recall 0.934 blind, loss 1.16% from a list under a short lead-in):
    # a forum thread whose replies follow the first post, a recipe whose card follows the story, a list
    # announced by a line too short to be prose
    # a live page whose entries sit between "Posted at 15:35" stamps and "Share" buttons, under a "Latest" heading:
    # every entry is kept with its headline (a seventh blind set lost all but one, 64% of the article)
    "page_live_updates": "Heatwave live: hosepipe ban announced for 1.2 million customers",
    # a print view (its address on a line of its own, no continuation of the line above) and a photo gallery
    # whose slides sit between counters ("2/5") and credits: an eighth blind set lost both
    "page_print_view": "Quay Road closure extended to June as gas main work overruns",
    "page_photo_gallery": "In pictures: Harlow regatta draws record crowds to the quay",
    "page_forum_thread": "Rebuilding a 1961 three-speed hub without a parts bin",
    "page_recipe_card": "Pear and ginger traybake",
    "page_short_list_intro": "Harlow night bus to be cut to three evenings a week",
    # after a seventh blind set (recall 0.985 but loss 10.9%: an explainer's table and first subheading,
    # a review's verdict box, an episode's chapters, an encyclopedia's last list)
    # after a ninth blind set (recall 0.921, titles 9 of 12): an AMP page and a blog whose menus are three lines
    # at most ("Menu", "Home"), read as articles with their comments; a release's dek over its dateline; a
    # magazine's headline in Title Case sharing no word with the lede, and its series box
    "page_amp_story": "Night ferry to Kestle Island suspended after crew shortage",
    "page_blog_comments": "The harbour car park plan deserves a second look",
    "page_press_release": "Brackenford Cold Store Opens Solar-Powered Warehouse on Harlow Quay",
    "page_magazine_longread": "The Last Ropewalkers of Kestle Island",
    "page_review_verdict": "Harlow Bloom 2 speaker review",
    # pros and cons without "+" and "-" marks, then a "Verdict" heading and its paragraph (a blind set lost them,
    # 28% of a review); the rating under the verdict and the author card below are not the article's
    "page_review_bare_pros": "Harlow Tide 3 review: a loud little speaker with one big flaw",
    # a menu flattened onto one line ("Investigations   Local   Data"): a blind set had seven of twelve pages read
    # as articles, their menus kept; the kicker over the headline, credits by role, the first chapter heading
    "page_menu_bar_investigation": "The Night Shift: How the harbour's cranes ran without inspections",
    # a "Key points" box over the first paragraph, and a subheading right under a box of headline links in the
    # middle of the article (a blind set lost both)
    "page_key_points_related_box": "Seagrass meadows spreading again around Harlow Quay, survey finds",
    "page_podcast_chapters": "Ep. 42: How a village saved its pub, with Dana Pell",
    # a section menu flattened with single spaces ("News Politics Business World ..."): two pages of a blind set were
    # read as articles, their menus and widgets kept; a dek without a full stop over a byline in capitals, the place
    # and the date; a caption over "NAME/THE OUTLET"; a "Most Read" widget, a sign-up box and a paywall's offer
    # between paragraphs, the article going on under each
    "page_section_menu_daily": "Harlow to extend ferry subsidy into next year, transport minister says",
    # a review's verdict box above its price buttons and its first paragraph, under a four-word headline "X review"
    # over its dek (a blind set lost the box, 10 lines, and the headline)
    "page_review_verdict_top": "Harlow Bloom 3 review",
    # numbered subheadings, the third under a "Related" box; a two-word closing sentence ("Exactly right.")
    "page_fan_blog_numbered": "Three things we learned from the Gulls' 27-24 win at Kestle",
    # an essay's headline sharing no word with the lede over a dek with its full stop; the byline under the dek
    # inside the span the article is found in; a print-issue note
    "page_essay_platform": "Why I Stopped Optimizing My Mornings",
    # a gallery story's headline opens with its label ("Photos: ..."), as a link to one does; the writer's role
    # with the paper's name under the byline ("Reporter, Harlow Times-Gazette") is no headline
    "page_gallery_headline": "Photos: Record crowd for Harlow Show centenary",
    # an alt-weekly's headline in two sentences with their full stops, over a dek ending in a quotation; the
    # walk up for it stops at the piped menu, above which the paper's tagline shares the lede's words
    "page_altweekly_stopped_headline": "The last dive bar on Quay Street is closing. Its regulars aren't ready.",
    # a live page whose stamps carry the date ("11:38 p.m. ET, September 14, 2024") and whose entries name their
    # writer between headline and first paragraph ("From HNN's Dana Pell"); its "What we're covering" summary
    "page_live_blog_dated_stamps": "Live updates: Storm Delia makes landfall on the Harlow coast",
    # a film's two-word title over the review's dek; the facts box ("Director: ...", "Cast: ...") names the
    # lede's people but heads nothing; "Review by X · date"
    "page_film_review_fields": "Northern Static",
    # a kicker in capitals over a headline of two sentences; a caption that is a sentence over "Credit...X for Y";
    # a video player's title under its "Video" label, over the first paragraph
    "page_kicker_player": "In a River Town, the Water Turned Brown. Then the Bills Went Up.",
    # an encyclopedia's lead over its infobox (label and value lines) and numbered contents box: the lead is the
    # article, the infobox not; "1 History" in the box names the "History" heading over "[edit]"; the hatnote goes
    "page_wiki_infobox_lead": "Kestle Quay",
    # a health guide: a headword over the sentence that defines it ("Heel spurs", "Heel spurs are ..."), a breadcrumb
    # with one "›" that is no headline, a contents box on one line whose first entry heads the first paragraph
    "page_health_headword": "Heel spurs",
    # a rail operator's notice: its subheadings are questions, and the first heads the first paragraph
    "page_rail_disruption": "Disruption between Kestle and Marrowby Junction",
    # a columnist's page: the writer's name between the headline and the standfirst, a one-line bio, a caption
    # whose credit reads "Photograph: X/Y" (no headline)
    "page_opinion_columnist": "Our high streets aren't dying. They're being starved",
    # a product roundup: each pick's number and name, its shop buttons, its paragraph
    "page_product_roundup": "The best electric kettles of 2020, tested",
    # after session 25's first blind round (a how-to page lost its lede, tools list and headline: recall 0.955, loss
    # 4.4%): a how-to's "What you'll need" list and "Steps" heading between the lede and the numbered steps
    "page_diy_howto": "How to Hang a Heavy Mirror on Plasterboard",
    # a broadcaster's explainer: the lead picture's credit printed before its caption, which is no headline;
    # "Image source, ..." and "Image caption," between two sections, the caption under them
    "page_broadcaster_explainer": "Why is the tide coming in higher every year at Harlow Quay?",
    # a FAQ page: an answer that reads like a sign-up box ("Sign up for our newsletter at the counter ...")
    "page_bakery_faq": "Frequently Asked Questions",
    # an episode's show notes (timed chapters, links mentioned) and a support box between them and the transcript
    "page_podcast_show_notes": "Ep. 58: Why Bus Fares Keep Rising (with transport planner Femi Adeyemi)",
    # after the second round (a charity's page lost its last section under a petition box of nine lines, a
    # tabloid its last two paragraphs under an embedded post; a head teacher's letter lost its greeting and
    # signature, and its headline to the school's name above a one-">" trail)
    "page_ngo_petition": "Victory for Kestle Sands as marina plan is withdrawn",
    "page_school_letter": "Headteacher's Newsletter – 26 March 2021",
    # after the third round (a fashion story lost its first three paragraphs above a grid of shop tiles, and a
    # broadsheet its last three under a newsletter box whose blurb sits between its known lines; a headline
    # lost to the longer dek under it)
    "page_fashion_tiles": "The return of the loafer: how to wear autumn's most sensible shoe",
    # after the fourth round: a council notice whose headline ("Planning application notice: ...") over two dated
    # lines was read as a run of fields, under a cookie banner's heading; a health story whose sign-up box (with
    # its privacy line) sits over a list of short steps and the last paragraph
    "page_council_notice": "Planning application notice: 21/00412/FUL – Old Rope Works, Quay Lane",
    "page_health_steps": "A short walk after meals may steady blood sugar, review finds",
    # a press release's page: its "About X" sections and forward-looking notice are the release's own (the AEB gold
    # and four of our page sets keep them), its media contact and the wire's footer are not
    "page_release_about": "Kestle Grid Storage Raises $25 Million to Build Harbour Battery Plant",
    # session 27: an alt-weekly whose article runs on under an audio player's controls, a paywall's "Subscribers
    # only" line, a video's "Watch this:" label and a reactions row's counts, with an author box after it; a
    # parish letter under its column's name, its writer and its date line
    "page_altweekly_players": "Last Call at the Copper Kettle: Diner Closes After 42 Years",
    "page_dated_letter": "Making room (and soup) for Lent",
    # session 27, round 2: a shop's buying guide under a shipping banner, a search box and an account row (it had
    # been cleaned as an article file, keeping its menus), with a product list under "Gear mentioned in this
    # guide"; a live page whose entries are stamped "UPDATE: 9:40 p.m.", with a reader poll's answers on lines of
    # their own between two entries, under a newsroom's "Harlow Now Staff" byline
    "page_gear_guide": "How to Choose a Camping Stove Without Overthinking It",
    "page_live_flood": "LIVE UPDATES: River Harl reaches record level as evacuation order widens",
    # round 3: an old volunteer fire company's site, four lines of its name, tagline and alerts over its menu (it
    # had been cleaned as an article file, keeping its sidebar of events, calls and links)
    "page_fire_company": "Pancake Breakfast Raises $4,100 for New Rescue Boat",
    # round 5: a local paper that prints "Have your say on this story in the comments below" between paragraphs
    "page_have_your_say": "Homes plan for Meadow Fields approved despite 600 objections",
    # session 28, round 1: a bilingual broadcaster's labels ("Llun | Photo: ...", "Cyhoeddwyd | Published ..."), a
    # caption and an audio player between the dek and the byline, an unsigned pull quote, a related box mid-article
    # with the article going on under it (a subheading, a paragraph ending in a colon, a list); a cidery's journal
    # whose list ends over a picture's placeholder and credit, with an ad slot between its markers, product cards, a
    # recording's credit and a run of calls to action
    "page_bilingual_broadcaster": "Pontyfelin end 30-year wait for a league title with win at Cwmgarw",
    "page_cidery_journal": "Harvest journal: the first pressing of 2016",
    # round 2: a garden centre's guide under an offer banner, its name and its menu (it had been cleaned as an article
    # file), with a product box mid-article; a daily's page whose sentence-case headline shares no word with the lede
    # over a far longer dek, with a gift button, a comment prompt and a "Most Read" box between paragraphs, and an
    # audio player's label, title and running time
    "page_garden_centre_guide": "How to prune apple trees in winter",
    "page_ferry_daily": "Quay passengers stranded again as breakdowns pile up",
    # session 29: a live page whose entries are stamped "6h55 GMT", with an ad slot between an entry's share button and
    # the next stamp and an embedded post's date between entries, under a headline that says it is live and a dek
    # over "Key events"; a clockmaker's diary under a bracketed menu, a ticker and a sidebar of recent entries whose
    # last entry sits right over the headline; a dentist's page whose headline is a question, under a tagline of
    # treatments set apart by tildes and a banner for new patients
    "page_live_byelection": "Kestle North by-election live: Greens take seat on 18-point swing – latest updates",
    "page_clock_diary": "Carriage clock repeat work, part 2: the repeat train",
    "page_dental_advice": "Bleeding Gums: Should You Worry?",
    # round 2: a live page stamped "19:20 (IST)", its first entry under a "Key Highlights" box, a desk's name for a
    # byline, a video's link and credit between two entries and "Load More Updates" under the last
    "page_live_floods": "Kestle river floods LIVE updates: river above danger mark, 2.1 lakh affected in 11 districts",
    # session 30: a broadcaster's live page whose headline opens "Live updates:", its "Key points" bullets between the
    # byline and the first entry, a player ("WATCH | ...:", its title, "3 years ago", "Duration 1:48") between two
    # entries and a "Trending in Canada" box above the last paragraph; a food bank's appeal with its donation
    # widget's buttons ("Give £25 today", "Donate securely") between paragraphs
    "page_live_smoke": "Live updates: Smoke from Lakeshore wildfires pushes air quality to worst level this year",
    "page_food_bank_appeal": "Summer Appeal: no child in Fenwick Vale should go hungry this holiday",
    # round 3: a school sports page whose gallery's caption sits between its counter and its button, with a podcast's
    # episode over its links and a membership's pitch between the last paragraphs
    "page_prep_football": "Kestle Central holds off Marrow Bay 21-17 to reach 3A semifinals",
    # round 4: a society's newsletter page, its issue's title under its menu and a row of past issues, an issue line
    # for a byline and the chair's letter under its heading
    "page_society_newsletter": "Summer 2014 Newsletter",
    # round 5: a student paper whose tagline shares the lede's words above a menu of one-word sections, with an
    # embedded post's comment box between paragraphs and a reader survey's pitch under the last
    "page_student_paper": "As enrollment climbs, students scramble for scarce off-campus rooms",
}


@pytest.mark.parametrize("line", ["December 2, 2012 · First Sunday of Advent", "Mon 5 Sep 2022 at 11:30 — Kilbarra v Moyvalley",
                                  "Sunday, 3rd March 2019: Lenten lunch"])
def test_a_line_opening_with_a_date_is_no_headline(line: str):
    # a post's date line under its writer took the headline's place when it shared a word with the lede
    assert not clean_module._headline_shaped(line)
    assert clean_module._headline_shaped(line.split(" ", 3)[-1] + " returns to the hall")


@pytest.mark.parametrize("name", sorted(OTHER_SITE_PAGES))
def test_page_of_another_kind_of_site_keeps_exactly_its_article(name: str):
    result, expected = _page_fixture(name)
    assert result.mode == "page"
    assert list(result.paragraphs) == expected
    assert result.title == OTHER_SITE_PAGES[name]


@pytest.mark.parametrize(("name", "dek"), [
    ("page_amp_story", "Passengers face a five-hour wait for the morning sailing until at least the end of the month."),
    # no full stop: a live page's "Key events" under it vouches for it
    ("page_live_byelection", "Result declared just before 3am; Labour majority of 9,800 overturned in what the winner calls 'a new chapter'"),
    ("page_live_floods", "Three days of heavy rain have submerged more than 600 villages; rescue teams are working in Harlow, Marrow "
                         "and Quayside districts."),
    # no full stop, and a caption and an audio player between it and its byline
    ("page_bilingual_broadcaster", "A second-half double from Mali Rees sealed the Cymru South crown with two games to spare"),
    # no full stop: the wire dateline opening the next paragraph vouches for it, as a byline would
    ("page_press_release", "New 12,000-square-metre site will run on rooftop panels and batteries for most of the year"),
    ("page_magazine_longread", "Two people still make rope by hand in a shed that floods at spring tides. Why do they stay?"),
    # no full stop, and three lines down to its date: the writers' names in capitals and the dateline's place between
    ("page_section_menu_daily", "Island businesses welcome the move but warn that many routes will need longer-term help as fuel costs climb"),
    # no full stop, sentence case, and sharing more of the lede's words than the headline over it does
    ("page_fashion_tiles", "Once written off as a school-run staple, the humble loafer is back on the catwalks and under every "
                           "wide-leg trouser this season"),
])
def test_page_dek_is_found_under_a_short_menu_over_a_dateline_and_under_a_title_case_headline(name: str, dek: str):
    result, _ = _page_fixture(name)
    assert result.dek == dek


def test_an_op_eds_first_sentence_and_a_double_spaced_headline_are_the_articles():
    # "I write about ..." is a contributor's tagline only as a line of its own with no clause of the writer's;
    # a headline typed with double spaces is no menu bar, and the article is no page
    opening = "I write about climate change for a living and I have never seen anything like this summer."
    result = clean(parts_of(with_header(opening)))
    assert result.removed == () and result.paragraphs[0] == opening
    paragraphs = base_paragraphs()
    text = "Council  approves  new  budget\n\n" + "\n\n".join(paragraphs + ["Key dates", "Next meeting", "March 3"]) + "\n"
    result = clean(parts_of(text))
    assert result.mode == "article"
    assert list(result.paragraphs)[-3:] == ["Key dates", "Next meeting", "March 3"]


def test_a_pipe_menu_of_six_sections_opens_a_page_but_a_section_path_does_not():
    article = BASE_ARTICLE.split("\n", 1)
    menu = "Football | Rugby | Cricket | Sailing & Rowing | Athletics | Results"
    footer = ("More Sailing & Rowing\nHarbour regatta dates confirmed for August\nYouth sailors selected for national squad\n"
              "Rowing club opens new boathouse at Quay Point\nGig racing returns to the harbour after two years\n"
              "Sailors rescued off Kestle Island after yacht loses mast\nHarbour swim moved after jellyfish bloom\n"
              "West Shore Sport © 2025 · Terms · Privacy · Cookie preferences\n")
    page = "West Shore Sport\n" + menu + "\nSailing & Rowing\n" + article[0] + "\n" + article[1] + footer
    assert clean(parts_of(page)).mode == "page"
    path = "Upstream | Natural Gas | Norway"  # an article's header names its sections with pipes too
    assert clean(parts_of(article[0] + "\n" + path + "\n" + article[1])).mode == "article"


@pytest.mark.parametrize("chrome", [
    ["THE MARGINALIA", "a blog about books, mostly new, sometimes old", "Reviews / Essays / Interviews / Reading lists / About / Contact"],
    ["Find a store | Track my order | Trade account | Help", "Harlow Hardware", "Search 40,000 products", "Basket"],
    ["View in browser", "You're receiving this because you subscribed to The Harlow Briefing.", "THE HARLOW BRIEFING"],
])
def test_a_menu_set_apart_by_slashes_a_shops_header_or_a_newsletters_are_a_pages_chrome(chrome: list[str]):
    # a blog's menu flattened with slashes, a shop's header with its basket, a newsletter's "View in browser"
    article = BASE_ARTICLE.split("\n")
    footer = ["Most read", "Ferry fares to rise in April", "Harlow quay closed for repairs", "Council approves harbour budget",
              "About us", "Privacy", "© 2025 Harlow Media"]
    page = "\n".join(chrome + [article[0]] + [ln for ln in article[1:] if ln.strip()] + footer) + "\n"
    result = clean(parts_of(page))
    assert result.mode == "page"
    assert result.title == article[0]
    assert list(result.paragraphs) == base_paragraphs()


def test_a_live_page_whose_stamps_open_their_headlines_keeps_its_first_entry():
    # "15:48 — Power restored ..." heads the first entry; the "Key events" list repeats the stamps without prose
    entries = [
        ("15:48 — Power restored to 9,000 homes in Harlow", ["Harlow Grid says engineers have reconnected about 9,000 homes around the quay, but 20,000 customers across the county are still without electricity this afternoon.",
                                                             "A spokesperson said crews were working between gusts and warned that some farms may not be reconnected until tomorrow evening."]),
        ("15:10 — Ferry crossings suspended until Monday", ["Harlow Ferries has cancelled every crossing for the rest of the weekend after a second gust above 80mph was recorded at the harbour mouth this afternoon."]),
        ("14:20 — Quay closed to foot passengers", ["Police have closed the quay to foot passengers after waves broke over the sea wall, and have asked people not to walk along the front to take pictures."]),
    ]
    lines = ["Skip to main content", "The Harlow Ledger", "News | Weather | Sport | Business | Opinion | Live", "Subscribe", "Sign in", "LIVE",
             "Storm Ada live: gales close Harlow quay as thousands lose power", "Updated 2 minutes ago", "Key events",
             "15:48 Power restored to 9,000 homes in Harlow", "15:10 Ferry crossings suspended until Monday", "14:20 Quay closed to foot passengers"]
    for headline, paragraphs in entries:
        lines += [headline, *paragraphs, "Share this update"]
    lines += ["Most read", "© 2025 The Harlow Ledger"]
    result = clean(parts_of("\n".join(lines) + "\n"))
    assert result.mode == "page"
    assert result.title == "Storm Ada live: gales close Harlow quay as thousands lose power"
    assert list(result.paragraphs) == [ln for headline, paragraphs in entries for ln in (headline, *paragraphs)]


def test_a_pages_headline_lies_under_its_breadcrumb_trail_not_in_the_sites_header():
    # the department's name above the trail shares more words with the lede than the headline does
    lines = ["Skip to content", "University of Harlow", "Study | Research | Departments | Alumni | News | Contact",
             "School of Harbour Engineering", "About the School", "Undergraduate", "Postgraduate", "People",
             "You are here: Home / News / 2024", "Sinking-wall research wins national prize", "Published: 7 November 2024",
             "A doctoral researcher in the School of Harbour Engineering has won this year's Royal Harbour Society prize for a "
             "study showing that the stone walls of Harlow's old quay sink almost twice as fast in wet winters as in dry ones.",
             "Dana Pell, who is in the final year of her doctorate, spent three winters measuring the walls with survey lasers, "
             "and said the results would change how harbour towns plan their repairs.",
             "Share this story", "© 2025 University of Harlow"]
    result = clean(parts_of("\n".join(lines) + "\n"))
    assert result.mode == "page"
    assert result.title == "Sinking-wall research wins national prize"
    assert list(result.paragraphs) == lines[11:13]


def test_a_link_shaped_first_line_is_still_the_articles_headline():
    # "Watch: ..." is a video link between paragraphs, but an article file's first line is its headline
    headline = "Watch: Harlow Councillors Grilled Over Ferry Cuts at Packed Town Hall"
    text = headline + "\n" + BASE_ARTICLE.split("\n", 1)[1]
    result = clean(parts_of(text))
    assert result.title == headline
    assert result.removed == ()


def test_a_blogs_comment_thread_and_a_magazines_series_box_are_furniture():
    blog, _ = _page_fixture("page_blog_comments")
    removed = {r.text for r in blog.removed}
    assert {"Ruth Abara", "Reply", "I run a stall on Saturdays and I would pay more for a roof. I would not pay double."} <= removed
    magazine, _ = _page_fixture("page_magazine_longread")
    series = next(r for r in magazine.removed if r.text.startswith("This article is part of Working Waterfront"))
    assert series.rule == "series_part_note"


@pytest.mark.parametrize("name", ["page_explainer_contents", "page_wiki_town"])
def test_a_contents_box_names_subheadings_not_links_and_its_entries_are_furniture(name: str):
    # the explainer's first subheading sits right above its first paragraph, under the contents box that
    # lists it; its table follows the last paragraph. The encyclopedia's numbered contents entries sit
    # inside the article; its last section is a list under "Landmarks[edit]", up to the references.
    result, expected = _page_fixture(name)
    assert result.mode == "page"
    assert list(result.paragraphs) == expected
    removed = {r.text: r.rule for r in result.removed}
    if name == "page_wiki_town":
        assert removed["2 Transport"] == "contents_entry"
        assert removed["From Harlopedia, the free encyclopedia"] == "wiki_tagline"
    else:
        assert removed["Who is exempt?"] == "page_outside_article"  # the box's entry, not the subheading


def _page(name: str):
    return clean(parts_of((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), name=f"site/{name}.txt"))


def test_a_live_blogs_timestamps_are_removed_without_ending_its_article():
    # each entry sits under "2h ago" and "14.12 GMT": were they article-ending furniture, the span
    # would stop at the first one and the morning's entries at the bottom would be lost
    result = _page("page_live_blog")
    body = "\n".join(result.paragraphs)
    for opening in ("Roughly 640 residents", "Abbeyfield leisure centre has become", "Network operator Westrail",
                    "Tom Haldane here", "Good morning and welcome", "We will bring you the latest"):
        assert opening in body
    stamps = [r.text for r in result.removed if r.rule == "time_ago"]
    assert {"2h ago", "14.12 GMT", "10h ago", "06.12 GMT"} <= set(stamps)
    assert not any(line in ("2h ago", "14.12 GMT", "Share") for line in result.paragraphs)


def test_a_paywall_after_the_opening_paragraphs_is_removed_and_the_article_kept_on_both_sides():
    result = _page("page_login_wall")
    assert result.paragraphs[0].startswith("Frozen food distributor Norrland Foods")
    assert result.paragraphs[1].startswith("The 42,000-pallet facility")
    assert any(p.startswith("Norrland chief operating officer Birgit Saarinen") for p in result.paragraphs)
    assert result.paragraphs[-1].startswith("Norrland, which supplies supermarkets")
    gone = {r.text for r in result.removed}
    assert {"This article is for subscribers only", "Why subscribe?"} <= gone
    assert any(t.startswith("You've read your 2 free articles") for t in gone)


def test_page_with_an_alert_banner_under_the_site_name_is_still_a_page():
    menu = ["Our District", "Schools", "Families", "Students", "Board of Education", "Departments", "Careers", "District News"]
    text = "\n".join([
        "Millbrook Valley School District",
        "Schools will dismiss at 1:00 p.m. on Friday, April 18, for staff training.",
        *menu,
        "Board Approves Later Start Times for Millbrook High Schools",
        *base_paragraphs(),
        "Tags: Board of Education, Transportation",
    ]) + "\n"
    result = clean(parts_of(text))
    assert result.mode == "page"
    assert result.title == "Board Approves Later Start Times for Millbrook High Schools"
    assert list(result.paragraphs) == base_paragraphs()
    assert {r.text for r in result.removed} >= {"Schools will dismiss at 1:00 p.m. on Friday, April 18, for staff training.", *menu}


def test_an_article_opening_on_a_list_is_no_page_with_a_banner():
    names = ["Ann Ames", "Bea Byrd", "Cal Cole", "Dov Dunn", "Eli Egan", "Fay Fox", "Gus Gray", "Hal Hill"]
    for intro, items in (("The squad named on Tuesday:", names),
                         ("The council published the results on Tuesday.", [f"Ward {k}: {300 + k} votes" for k in range(8)])):
        text = "\n\n".join(["Council names its youth squad", intro, *items, *base_paragraphs()]) + "\n"
        result = clean(parts_of(text))
        assert result.mode == "article", intro
        assert result.removed == ()


def test_page_headline_is_the_line_that_shares_words_with_the_lede_not_the_nearest():
    # just above the article sit "Email this article" (regional daily), a wire credit and a
    # follow prompt (portal), an audio-player label (advice column), a date line (obituary)
    titles = {
        "page_regional_daily": "Millbeck bridge to close for nine months after engineers find corrosion in steel frame",
        "page_wire_on_portal": "Skyvale Air grounds flights across Europe after IT outage strands thousands",
        "page_advice_column": "Dear Marguerite: 'My sister wants me to co-sign her mortgage and I don't know how to say no'",
        "page_obituary_condolences": "Eleanor Mae Whitcombe",
    }
    for name, title in titles.items():
        result, _ = _page_fixture(name)
        assert result.title == title, name


def test_page_memorial_comments_are_not_taken_for_the_article():
    result, expected = _page_fixture("page_obituary_condolences")
    removed = {r.text: (r.category, r.rule) for r in result.removed}
    assert removed["Memories & Condolences"] == ("comments", "comments_heading")
    condolence = next(r for r in result.removed if r.text.startswith("Mrs Whitcombe taught me to read"))
    assert condolence.category == "navigation"  # outside the article, after the comments heading
    assert expected[-1].startswith("The family would like to thank")


def test_page_sponsored_label_naming_its_advertiser_is_removed_in_the_article():
    result, expected = _page_fixture("page_wire_on_portal")
    removed = {r.text: (r.category, r.rule) for r in result.removed}
    assert removed["Ad · Brightwave Energy"] == ("advertising", "ad_by_sponsor")
    assert removed["Follow Nimbus News for the latest headlines"] == ("social_share", "follow_for_updates")
    assert [p for p in expected if p not in result.paragraphs] == []


def test_page_author_box_after_the_article_is_removed_as_a_byline():
    result, expected = _page_fixture("page_author_box")
    assert list(result.paragraphs) == expected
    removed = {r.text: (r.category, r.rule) for r in result.removed}
    assert removed["About the author"] == ("byline", "author_heading")
    bio = "Omar has covered schools and libraries for the Ledger since 2019 and lives in the east end with his family."
    assert removed[bio] == ("byline", "page_author_box")


def test_page_short_last_sentence_of_the_article_is_kept():
    text = (FIXTURES / "page_with_boxes.txt").read_text(encoding="utf-8")
    last = "The winter schedule takes effect on December 2, and tickets for the night crossings will be sold on board as before."
    result = clean(parts_of(text.replace(last, last + "\nThe fare stays at $6.")))
    assert result.paragraphs[-2:] == (last, "The fare stays at $6.")


def test_page_short_call_to_action_after_the_article_is_not_kept_as_its_last_sentence():
    text = (FIXTURES / "page_with_boxes.txt").read_text(encoding="utf-8")
    last = "The winter schedule takes effect on December 2, and tickets for the night crossings will be sold on board as before."
    result = clean(parts_of(text.replace(last, last + "\nView the ferry timetable.")))
    assert result.paragraphs[-1] == last


def test_page_line_ending_in_a_colon_closes_a_related_list():
    result, _ = _page_fixture("page_author_box")
    removed = {r.text: r.rule for r in result.removed}
    assert removed["Library board weighs cuts to branch hours"] == "related_list_item"
    assert "Here is what the donors asked for in return:" in result.paragraphs


def test_page_newsletter_box_blurb_between_its_heading_and_button_is_removed():
    result, _ = _page_fixture("page_author_box")
    removed = {r.text: (r.category, r.rule) for r in result.removed}
    assert removed["Everything happening in town on Saturday and Sunday, picked by our editors."] == ("newsletter", "newsletter_box_text")
    assert removed["Sign me up"][0] == "newsletter"


def test_page_label_is_not_joined_with_the_lowercase_line_under_it():
    result, _ = _page_fixture("page_author_box")
    removed = {r.text: r.category for r in result.removed}
    assert removed["12 March 2024 • 6:42pm"] == "dateline"
    assert removed["facebook"] == "social_share"
    assert removed["3 Comments"] == "comments" and "shelby_r" in removed


def test_page_headline_is_found_above_byline_date_and_share_buttons():
    result, _ = _page_fixture("page_author_box")
    assert result.title == "Lakeside Library Will Stay Open on Sundays After Donors Step In"


def test_hard_wrapped_line_that_a_rule_still_knows_with_its_continuation_stays_joined():
    note = ["Editor's note: Millbrook's council", "meets", "again in May to vote on the second loan."]
    text = BASE_ARTICLE.rstrip("\n") + "\n\n" + "\n".join(note) + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == note
    assert [r.rule for r in result.removed] == ["editors_note", "editors_note+continuation", "editors_note+continuation"]


def test_page_dek_under_the_headline_is_kept_as_the_dek():
    result, expected = _page_fixture("page_dek_comment_rules")
    dek = "The transit authority is adding six buses to the busiest crosstown line after a year of complaints about crowding."
    assert result.mode == "page"
    assert result.title == "Bus Route 9 Will Run Every 10 Minutes From Monday"
    assert result.dek == dek
    assert dek not in result.paragraphs and dek not in {r.text for r in result.removed}
    assert list(result.paragraphs) == expected


def test_page_dek_without_a_full_stop_is_kept_when_a_byline_or_date_sits_under_it():
    menu = ["Millbrook Today", "News", "Sport", "Business", "Opinion", "Sign in", "Search", "LOCAL NEWS"]
    headline = "Millbrook council approves $4 million upgrade to aging water plant"
    dek = "Household water bills could rise by about $9 a month to pay for the new filtration system"
    header = ["By Dana Pell, Local Government Reporter", "Published 18 April 2025", "5 min read", "Share"]
    footer = ["Related articles", "Rents rise again in Eastmoor", "Terms and conditions", "Privacy policy", "Cookie settings"]
    lines = menu + [headline, dek] + header + base_paragraphs() + footer
    result = clean(parts_of("\n".join(lines) + "\n"))
    assert result.mode == "page"
    assert (result.title, result.dek) == (headline, dek)
    assert list(result.paragraphs) == base_paragraphs()
    # a headline-shaped line in Title Case under the headline is no dek
    lines = menu + [headline, "Five Things Residents Should Know About the Riverside Water Plant Vote"] + header + base_paragraphs() + footer
    assert clean(parts_of("\n".join(lines) + "\n")).dek is None


def test_page_figures_after_the_last_paragraph_stay_with_the_article_and_so_does_the_paragraph_after_them():
    menu = ["Harlow Radio", "News", "Sport", "Business", "Weather", "Sign in", "Search", "Business"]
    headline = "Harlow port logs record autumn traffic"
    figures = ["Voyages by cargo type", "Crude oil and petroleum products – 38", "Grain – 27", "Containers – 14"]
    after = "The port plans to open a second container berth before 2030, the harbour board said on Monday."
    footer = ["You can share this story on social media:", "Facebook", "WhatsApp", "Terms of use", "Privacy policy"]
    lines = menu + [headline] + base_paragraphs() + figures + [after] + footer
    result = clean(parts_of("\n".join(lines) + "\n"))
    assert result.mode == "page"
    assert list(result.paragraphs) == base_paragraphs() + figures + [after]


def test_page_paragraph_ending_in_a_colon_counts_as_prose():
    # the article's first paragraph introduces a list: it is neither a headline nor a menu line
    result, expected = _page_fixture("page_dek_comment_rules")
    assert result.paragraphs[0] == expected[0] and expected[0].endswith(":")


def test_page_commenting_rules_under_their_heading_are_removed():
    result, _ = _page_fixture("page_dek_comment_rules")
    removed = {r.text: r.rule for r in result.removed}
    assert removed["Community guidelines"] == "comment_rules_heading"
    rules_text = [r.text for r in result.removed if r.text.startswith(("Keep your comments civil", "Thank you for helping"))]
    assert len(rules_text) == 2
    assert not any("guidelines" in p for p in result.paragraphs)


def test_newsletter_box_between_paragraphs_of_an_article_is_removed_whole():
    box = [
        "Let our morning briefing land in your inbox before your first coffee.",
        "Sign Up",
        "This site is protected by reCAPTCHA and the Google Privacy Policy applies.",
    ]
    paragraphs = base_paragraphs()
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + box + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert [(r.text, r.category) for r in result.removed] == [(line, "newsletter") for line in box]
    assert list(result.paragraphs) == paragraphs


def test_paragraph_next_to_an_ad_label_is_not_taken_into_an_ad_box():
    line = "Presented by the Harbor Arts Council, the festival runs through Sunday at the old pier."
    paragraphs = base_paragraphs()
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + ["Advertisement", line] + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == ["Advertisement"]
    assert line in result.paragraphs


def test_author_box_heading_at_the_end_of_an_article_goes_with_the_bio():
    footer = ["About the author", "Jane Halvorsen is a senior reporter for the Millbrook Courier covering local government."]
    result = clean(parts_of(with_footer(*footer)))
    assert [(r.text, r.rule) for r in result.removed] == [(footer[0], "author_heading"), (footer[1], "author_bio")]
    assert list(result.paragraphs) == base_paragraphs()


# --- mastheads and titles ---------------------------------------------------------------------------


def test_masthead_on_line_one_is_dropped_and_the_next_line_becomes_the_title():
    index = SiteLineIndex()
    articles = []
    for i in range(4):
        topic = TOPICS[i]
        text = f"THE MILLBROOK COURIER\nTown weighs {topic}\n\nThe first paragraph on {topic} tells what happened at the meeting.\n\nResidents spoke about {topic} for an hour.\n"
        parts = parts_of(text, f"courier/{i}.txt")
        index.observe("dir:courier", decode_article(f"courier/{i}.txt", text.encode()).article_id, parts)
        articles.append(parts)
    result = clean(articles[0], site_lines=index, group="dir:courier")
    assert result.title == f"Town weighs {TOPICS[0]}"
    assert result.title_line_no == 2
    assert result.removed == (RemovedLine(1, "THE MILLBROOK COURIER", "repeated_site_line", "site_line"),)
    assert len(result.paragraphs) == 2


# --- publisher ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("footer", "publisher"),
    [
        ("Advertise with The Millbrook Courier and reach 40,000 local readers every week.", "The Millbrook Courier"),
        ("© 2024 Reuters", "Reuters"),
        ("Copyright 2023 Northfield Media Group, Inc. All Rights Reserved.", "Northfield Media Group"),
        ("This article originally appeared on Valley Public Radio.", "Valley Public Radio"),
        ("The Associated Press contributed to this report.", "The Associated Press"),
    ],
)
def test_publisher_is_read_from_the_boilerplate(footer: str, publisher: str):
    assert clean(parts_of(with_footer(footer))).publisher == publisher


def test_publisher_hint_wins_over_detection():
    result = clean(parts_of(with_footer("© 2024 Reuters")), source="Millbrook Courier")
    assert result.publisher == "Millbrook Courier"


def test_article_without_publisher_evidence_has_none():
    assert clean(parts_of(BASE_ARTICLE)).publisher is None


def test_site_group_prefers_hint_then_detected_publisher_then_directory():
    parts = parts_of(with_footer("© 2024 Reuters"))
    assert site_group(parts, "wire/a.txt", "Courier") == "publisher:courier"
    assert site_group(parts, "wire/a.txt", None) == "publisher:reuters"
    assert site_group(parts_of(BASE_ARTICLE), "local/2024/a.txt", None) == "dir:local/2024"
    assert site_group(parts_of(BASE_ARTICLE), "feeds/batch.jsonl:17", None) == "dir:feeds"


def test_lines_longer_than_every_rule_allows_match_nothing_and_are_not_remembered():
    rules = clean_module.load_rules()
    paragraph = "The council's advertising budget rose again this year. " * 40  # ~2,200 characters
    assert rules.matching(paragraph) == ()
    assert paragraph not in rules._memo  # a worker would keep every long paragraph alive
    footer = "© 2024 Reuters"
    assert [r.name for r in rules.matching(footer)] == [r.name for r in rules.matching(footer)] != []
    assert footer in rules._memo


def test_site_group_names_the_publisher_that_cleaning_detects():
    # site_group reads the publisher with only the rules that can name one, cleaning with
    # the whole table: on every footer and header phrasing they must agree.
    texts = [with_footer(line) for _, line in phrasing_cases("footer")] + [with_header(line) for _, line in phrasing_cases("header")]
    named = set()
    for text in texts:
        parts = parts_of(text)
        detected = clean(parts).publisher
        assert site_group(parts, "site/article.txt", None) == (f"publisher:{detected.casefold()}" if detected else "dir:site")
        named.add(detected)
    assert len(named - {None}) >= 5


# --- repeated site lines ---------------------------------------------------------------------------

# Each group's furniture line must be one no rule (and no note about the publication) knows: these tests
# are about what the index learns. ("Valley Voice is reader-supported. Become a member ..." once was; the
# imperative and the membership now make it a note about the publication.)
PUBLISHERS = {
    "dir:valley": "Valley Voice, printed and published on Mill Street in Harlow since 1921",
    "dir:prairie": "Prairie Report | Independent news for the plains since 1998",
    "dir:lakeshore": "Lakeshore Ledger: the north shore, its towns and its lake, covered daily from Harbor Street",
}
QUOTE = "\u201cWe will not raise taxes this year,\u201d the governor said in a statement."


# Articles must differ in words, not only in numbers: the site-line key ignores digits.
TOPICS = ["road repairs", "school lunches", "library hours", "bus routes", "park lighting", "snow removal", "dog licences", "farm subsidies", "bridge tolls", "rail crossings"]


def synthetic_article(group: str, i: int, *, quote_at: str | None = None) -> str:
    topic = TOPICS[i % len(TOPICS)]
    paragraphs = [
        f"Officials in {group[4:]} opened a hearing on {topic} that drew a large crowd on Monday.",
        f"Residents who spoke about {topic} were given three minutes each, and most opposed the plan.",
        f"The board is expected to vote on {topic} next month after a second hearing.",
    ]
    if quote_at == "middle":
        paragraphs.insert(1, QUOTE)
    elif quote_at == "end":
        paragraphs.append(QUOTE)
    return f"{group[4:].title()} board hears residents on {topic}\n\n" + "\n\n".join(paragraphs + [PUBLISHERS[group]]) + "\n"


def build_index(n_per_group: int, **kwargs) -> tuple[SiteLineIndex, dict[tuple[str, int], ArticleParts]]:
    index = SiteLineIndex()
    corpus = {}
    for group in PUBLISHERS:
        for i in range(n_per_group):
            parts = parts_of(synthetic_article(group, i, **kwargs), f"{group[4:]}/{i}.txt")
            index.observe(group, f"{group}-{i}", parts)
            corpus[(group, i)] = parts
    return index, corpus


def test_repeated_footer_is_learned_per_publisher_and_removed():
    index, corpus = build_index(5)
    for group, footer in PUBLISHERS.items():
        result = clean(corpus[(group, 0)], site_lines=index, group=group)
        assert [(r.text, r.category) for r in result.removed] == [(footer, "repeated_site_line")]
        assert len(result.paragraphs) == 3


def test_one_publishers_footer_is_not_removed_from_another_publishers_group():
    index, _ = build_index(5)
    foreign = parts_of(synthetic_article("dir:valley", 99).replace(PUBLISHERS["dir:valley"], PUBLISHERS["dir:prairie"]))
    result = clean(foreign, site_lines=index, group="dir:valley")
    assert result.removed == ()


def test_repeated_quote_mid_body_is_content():
    index, corpus = build_index(6, quote_at="middle")
    result = clean(corpus[("dir:prairie", 0)], site_lines=index, group="dir:prairie")
    assert QUOTE in result.paragraphs
    assert [r.category for r in result.removed] == ["repeated_site_line"]


def test_repeated_quote_at_the_end_is_never_learned():
    index, corpus = build_index(6, quote_at="end")
    # the quote sits between the last paragraph and the footer: it is not learned, so the footer run stops there
    result = clean(corpus[("dir:prairie", 0)], site_lines=index, group="dir:prairie")
    assert QUOTE in result.paragraphs
    assert [r.text for r in result.removed] == [PUBLISHERS["dir:prairie"]]


def test_line_must_recur_in_the_minimum_number_of_articles():
    below, corpus_below = build_index(SITE_LINE_MIN_ARTICLES - 1)
    at, corpus_at = build_index(SITE_LINE_MIN_ARTICLES)
    assert clean(corpus_below[("dir:valley", 0)], site_lines=below, group="dir:valley").removed == ()
    assert len(clean(corpus_at[("dir:valley", 0)], site_lines=at, group="dir:valley").removed) == 1


def _index_with_share(line: str, n_with: int, n_total: int) -> SiteLineIndex:
    index = SiteLineIndex()
    for i in range(n_total):
        word = "".join(chr(ord("a") + int(d)) for d in str(i))  # a different word per article
        last = line if i < n_with else f"Closing paragraph {word} is different in every article of this group."
        index.observe("dir:g", f"a{i}", parts_of(f"Title {word}\n\nOpening paragraph {word} of the story.\n\n{last}\n"))
    return index


def test_short_site_line_needs_only_a_small_share_of_the_group():
    line = "Prairie Report newsroom"
    n_total = 400
    needed = math.ceil(SITE_LINE_MIN_SHARE * n_total)
    assert needed > SITE_LINE_MIN_ARTICLES  # so the share, not the count, decides here
    assert _index_with_share(line, needed, n_total).is_site_line("dir:g", line)
    assert not _index_with_share(line, needed - 1, n_total).is_site_line("dir:g", line)


def test_sentence_like_site_line_needs_a_large_share_of_the_group():
    line = "The investigation into the budget shortfall is ongoing."
    n_total = 40
    enough = int(SITE_LINE_SENTENCE_MIN_SHARE * n_total) + 1
    too_few = int(SITE_LINE_SENTENCE_MIN_SHARE * n_total) - 1
    assert _index_with_share(line, enough, n_total).is_site_line("dir:g", line)
    assert not _index_with_share(line, too_few, n_total).is_site_line("dir:g", line)
    # the same count is plenty for a short non-sentence line
    assert too_few >= SITE_LINE_MIN_SHARE * n_total


def test_site_line_key_ignores_case_digits_and_punctuation():
    assert site_line_key("© 2023 Prairie Report. All Rights Reserved") == site_line_key("(c) 2024 prairie report — all rights reserved.")
    assert site_line_key("Prairie Report") != site_line_key("Valley Voice")


# --- incremental state -----------------------------------------------------------------------------------


def test_observing_the_same_article_twice_counts_it_once():
    index, corpus = build_index(2)
    before = {g: (v.n_articles, dict(v.counts)) for g, v in index.groups.items()}
    for (group, i), parts in corpus.items():
        index.observe(group, f"{group}-{i}", parts)
    assert {g: (v.n_articles, dict(v.counts)) for g, v in index.groups.items()} == before


def test_index_survives_save_and_load_and_run_two_benefits_from_run_one(tmp_path: Path):
    path = tmp_path / "state" / "site_lines.npz"
    assert SiteLineIndex.load(path).groups == {}  # missing file: empty index

    run1, corpus = build_index(2)  # two articles per group: not enough yet
    run1.save(path)
    assert clean(corpus[("dir:valley", 0)], site_lines=SiteLineIndex.load(path), group="dir:valley").removed == ()

    run2 = SiteLineIndex.load(path)
    assert {g: v.counts for g, v in run2.groups.items()} == {g: v.counts for g, v in run1.groups.items()}
    parts = parts_of(synthetic_article("dir:valley", 7), "valley/7.txt")
    run2.observe("dir:valley", "dir:valley-7", parts)
    run2.observe("dir:valley", "dir:valley-0", corpus[("dir:valley", 0)])  # already counted in run 1
    run2.save(path)

    loaded = SiteLineIndex.load(path)
    assert loaded.n_articles("dir:valley") == 3
    result = clean(parts, site_lines=loaded, group="dir:valley")
    assert [r.category for r in result.removed] == ["repeated_site_line"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["site_lines.npz"]  # no temp file left behind


def test_without_a_group_clean_uses_any_group_that_knows_the_line():
    index, corpus = build_index(4)
    assert [r.category for r in clean(corpus[("dir:lakeshore", 1)], site_lines=index).removed] == ["repeated_site_line"]


# --- rule table -------------------------------------------------------------------------------------------


def test_every_rule_has_a_known_category_position_and_reason():
    for rule in DEFAULT_RULES.rules:
        assert rule.category in CATEGORIES
        assert rule.position in clean_module.POSITIONS
        assert rule.reason and rule.max_chars > 0


def test_rule_table_with_unknown_category_is_rejected(tmp_path: Path):
    bad = tmp_path / "rules.toml"
    bad.write_text('rules = [ { name = "x", category = "weather", position = "any", max_chars = 9, pattern = \'^x$\', reason = "r" } ]\n')
    with pytest.raises(ValueError, match="unknown category"):
        load_rules(bad)


def test_an_inline_rules_lines_between_paragraphs_do_not_end_a_pages_article(tmp_path: Path):
    # two lines only a custom rule knows, over the article's short last paragraph: as inline furniture they cost
    # what a subheading does and the article goes on under them; as other furniture they end it
    table = ('rules = [ { name = "deal_box", %s category = "advertising", position = "any", max_chars = 60, '
             'pattern = \'^today(?:\\x27|’)s deal: .*$\', reason = "r" } ]\n')
    paragraphs = base_paragraphs()
    deals = ["Today's deal: 2 for 1 on garden hoses", "Today's deal: half price on rain butts"]
    page = _page_around("Water Plant Upgrade Approved", *paragraphs[:3], *deals, *paragraphs[3:])
    kept = {}
    for flag in ("inline = true,", ""):
        path = tmp_path / f"rules{bool(flag)}.toml"
        path.write_text(table % flag, encoding="utf-8")
        result = clean(parts_of(page, "site/page.txt"), rules=load_rules(path))
        assert set(deals) <= {r.text for r in result.removed}
        kept[bool(flag)] = list(result.paragraphs)
    assert kept[True] == paragraphs
    assert kept[False] == paragraphs[:3]
    assert load_rules(tmp_path / "rulesTrue.toml").rules[0].inline


def _rule_by_rule(rules, line: str) -> tuple:
    return tuple(r for r in rules.rules if len(line) <= r.max_chars and r.pattern.match(line))


def _matching_cases() -> list[str]:
    lines = [ln for _, ln in phrasing_cases("footer") + phrasing_cases("header") + MID_BODY_FURNITURE]
    lines += NEGATIVES + base_paragraphs() + [ln for ln in BASE_ARTICLE.splitlines() if ln]
    # What IGNORECASE equates and lower() does not (dotted and dotless i, long s), capitals,
    # and lines long enough to take the long-line path
    variants = [ln.upper() for ln in lines] + [ln.replace("i", "ı").replace("s", "ſ") for ln in lines]
    variants += [ln.replace("I", "İ") for ln in lines] + [ln.title() for ln in lines]
    variants += [f"{ln} {ln}" for ln in lines] + [f"{ln} — {base_paragraphs()[0]}" for ln in lines[:40]]
    return lines + variants


def test_gated_matching_finds_exactly_the_rules_that_match_one_by_one():
    publisher_rules = clean_module._publisher_rules(DEFAULT_RULES)
    for line in _matching_cases():
        assert DEFAULT_RULES.matching(line) == _rule_by_rule(DEFAULT_RULES, line), line
        assert publisher_rules.matching(line) == _rule_by_rule(publisher_rules, line), line


def test_most_rules_are_tried_only_on_lines_with_their_words():
    # the scans for a phrase anywhere in a line are the costly rules; each must have a gate
    gated = {r.name for i, r in enumerate(DEFAULT_RULES.rules) if i not in DEFAULT_RULES.ungated}
    assert {"all_rights_reserved", "photo_by_author", "contributed_reporting", "caption_agency_suffix"} <= gated
    assert len(gated) >= 0.75 * len(DEFAULT_RULES.rules)


def test_combined_patterns_halve_from_bucket_to_bucket():
    # every bucket is compiled at import, in each worker's path: few buckets, each at most half the last
    for combined in (DEFAULT_RULES.ungated_combined, DEFAULT_RULES.long_combined):
        sizes = [len(pattern.pattern) for _, pattern in combined if pattern is not None]
        assert sizes and all(2 * later <= earlier for earlier, later in zip(sizes, sizes[1:]))
    assert DEFAULT_RULES.ungated_combined[0][0] == 0
    assert DEFAULT_RULES.ungated_combined[-1][0] <= clean_module._GATED_MAX_CHARS < DEFAULT_RULES.long_combined[0][0]
    assert DEFAULT_RULES.long_combined[-1] == (max(r.max_chars for r in DEFAULT_RULES.rules) + 1, None)


# --- real corpora ---------------------------------------------------------------------------------------------


# BBC 2005 has no site footers; the only furniture is the contributor note that ends some
# technology columns. PolNeAR marks such author bios Discard, so removing them is justified;
# any other removal (or any other bio) is a regression.
BBC_AUTHOR_NOTES = {
    ("tech/090.txt", 15): "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production.",
    ("tech/106.txt", 15): "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production.",
    ("tech/110.txt", 19): "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production.",
    ("tech/142.txt", 15): "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production.",
    ("tech/164.txt", 15): "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital.",
    ("tech/167.txt", 9): "Simon Perry is the editor of the Digital Lifestyles website, which covers the impact of technology on media",
    ("tech/184.txt", 15): "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital.",
    ("tech/187.txt", 15): "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital.",
    ("tech/198.txt", 17): "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital.",
    ("tech/199.txt", 17): "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production",
    ("tech/215.txt", 9): "Simon Perry is the editor of the Digital Lifestyles website, which covers the impact of technology on media",
    ("tech/223.txt", 13): "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production",
    ("tech/256.txt", 15): "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production",
    ("tech/307.txt", 17): "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital.",
    ("tech/312.txt", 15): "Clark Boyd is technology correspondent for The World, a BBC World Service and WGBH-Boston co-production.",
    ("tech/358.txt", 15): "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital.",
    ("tech/396.txt", 21): "Owain Bennallack is the editor of Develop magazine.",
    ("tech/399.txt", 17): "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital.",
}


@pytest.mark.skipif(not BBC.exists(), reason="shared BBC corpus not present")
def test_bbc_corpus_loses_only_its_18_columnist_notes():
    removed = {}
    modes = set()
    for path in sorted(BBC.rglob("*.txt")):
        name = path.relative_to(BBC).as_posix()
        result = clean(split_parts(decode_article(name, path.read_bytes())))
        assert result.flag is None
        modes.add(result.mode)
        removed.update({(name, r.line_no): (r.category, r.rule, r.text) for r in result.removed})
    assert modes == {"article"}  # no BBC article looks like a web page
    assert removed == {key: ("byline", "author_bio", text) for key, text in BBC_AUTHOR_NOTES.items()}


def test_a_pages_details_table_and_code_under_a_paragraph_stay_with_the_text():
    # a notice's fields ("Applicant: Oakfen Homes Ltd", a date among them) and a post's sample data ("B17,4") sit
    # between paragraphs: neither article nor menu evidence, so the text around them stays one article
    intro = "Notice is hereby given that an application for full planning permission has been received for the development below."
    fields = ["Application reference: 23/0417/FUL", "Site address: Land east of Hatherley Road", "Applicant: Oakfen Homes Ltd",
              "Proposal: Erection of 38 dwellings", "Application type: Full planning permission", "Date valid: 11 April",
              "Ward: Kemble Green"]
    after = ("The application is advertised as a major development, and because the site is next to the Kemble Green "
             "conservation area, the council must consult neighbours for at least twenty-one days before it decides.")
    question = "I have a file where the first field is a code and the second a quantity:"
    data = ["B17,4", "A02,1", "B17,3", "C55,10", "A02,2", "D91,7"]
    ask = ("I want one line per code with the total, in the order the codes first appear, but my awk script prints "
           "them in a random order every time I run it on the file.")
    menu = ["Harlow District Council", "Search this site", "Bins and recycling", "Council tax", "Parking", "Housing"]
    footer = ["Related notices", "Was this page useful? Yes / No", "Contact us | Accessibility | Privacy | Cookies", "© Harlow District Council"]
    page = "\n".join(menu + ["Planning notice: Land east of Hatherley Road", intro, *fields, after, question, *data, ask] + footer) + "\n"
    result = clean(parts_of(page))
    assert result.mode == "page"
    assert list(result.paragraphs) == [intro, *[f for f in fields if f != "Date valid: 11 April"], after, question, *data, ask]
    assert [r.text for r in result.removed if r.text == "Date valid: 11 April"]  # the date field alone goes, by its rule


@pytest.mark.parametrize(("above", "headline"), [
    (["Docs › Guides › Retry Policies"], "Retry Policies"),
    (["Read   Edit   View history", "Search Harlopedia"], "Kessenbrook Viaduct"),
])
def test_a_short_headline_is_named_by_the_breadcrumb_trail_or_the_encyclopedias_tagline(above: list[str], headline: str):
    lines = ["Skip to main content", "Harrow v3.2", "Docs", "API Reference", "Blog", "GitHub", "Getting Started",
             "Sessions and Connection Pools", "Timeouts", *above, headline]
    if "Harlopedia" in above[-1]:
        lines.append("From Harlopedia, the free encyclopedia")
    body = base_paragraphs()
    lines += body + ["Edit this page", "Previous: Timeouts", "Next: Authentication", "© 2025 Harrow contributors"]
    result = clean(parts_of("\n".join(lines) + "\n"))
    assert result.mode == "page"
    assert result.title == headline
    assert list(result.paragraphs) == body


def test_a_quotation_printed_again_on_its_own_line_is_a_pull_quote():
    paragraphs = base_paragraphs()
    said = "“We knew the plant was failing,” Ortiz said. “Nobody wanted to be the one to pay for it.”"
    pull = "“Nobody wanted to be the one to pay for it.”"
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join([paragraphs[0], said, paragraphs[1], pull] + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert [(r.text, r.category, r.rule) for r in result.removed] == [(pull, "media_credit", "pull_quote")]
    assert said in result.paragraphs


def test_a_quotation_on_its_own_line_printed_nowhere_else_is_a_paragraph():
    paragraphs = base_paragraphs()
    alone = "“Nobody wanted to be the one to pay for it.”"
    short = "“No.”"
    text = (BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join([paragraphs[0], alone, paragraphs[1], short, "“No.” That was all he said."]
                                                                  + paragraphs[2:]) + "\n")
    result = clean(parts_of(text))
    assert result.removed == ()
    assert alone in result.paragraphs and short in result.paragraphs


def test_a_first_paragraph_opened_by_its_dateline_is_no_note_about_the_publication():
    lede = ("HARLOW, Ohio (HCN) - The email looks official. It has a company logo, an order number and a red line "
            "saying your subscription has been renewed for $399.99.")
    text = "\n".join(["Fake renewal emails cost Harlow seniors thousands, police warn", "By Dana Pell",
                      "Published: Jan. 9, 2024 at 5:58 PM EST", lede, *base_paragraphs()]) + "\n"
    result = clean(parts_of(text))
    assert result.paragraphs[0] == lede
    assert [r.text for r in result.removed] == ["By Dana Pell", "Published: Jan. 9, 2024 at 5:58 PM EST"]


def test_a_pages_headline_is_not_the_menu_over_a_dek_shaped_headline():
    blog = ["Skip to content", "Bitshift Notes", "Notes on code, servers and the occasional broken build",
            "Home  About  Archives  Projects  Contact  RSS",
            "Moving my side projects off shared hosting: what it actually cost",
            "Posted by Dana Pell on September 21, 2010 · 8 Comments",
            "For about six years, everything I built in my spare time lived on a $7.95-a-month shared host in Harlow, "
            "and for most of those years that was the right call for side projects that earned nothing.",
            "This spring I moved all of them to a small virtual server, and the move cost more in evenings than in dollars, "
            "which is the part nobody warns you about when you first start to plan it.",
            "Why leave?",
            "Shared hosting was fine while everything was a few pages and one database, and it stopped being fine the "
            "day the host's other customers started slowing my builds to a crawl every afternoon.",
            "Leave a comment", "Recent Posts", "Three years of the build server", "Archives", "September 2010",
            "© 2010 Bitshift Notes"]
    result = clean(parts_of("\n".join(blog) + "\n"))
    assert result.mode == "page"
    assert result.title == "Moving my side projects off shared hosting: what it actually cost"


def test_a_footer_line_an_anywhere_rule_knows_still_vouches_for_the_short_line_under_it():
    footer = ["Sign up for Quay Wrap, the Courier's free Friday newsletter with the week's biggest sporting moments.",
              "Share this article", "Latest from Rugby"]
    result = clean(parts_of(with_footer(*footer)))
    assert [r.text for r in result.removed] == footer
    assert [r.rule for r in result.removed][-1] == "in_footer_run"


def test_a_quotation_over_the_first_paragraph_is_the_dek_not_a_pull_quote():
    dek = "“Are you going to answer the question or keep talking about the flag?”"
    paragraphs = base_paragraphs()
    said = "“Are you going to answer the question or keep talking about the flag?” one woman shouted at the mayor."
    text = "\n\n".join([BASE_ARTICLE.split("\n")[0], dek, paragraphs[0], said, *paragraphs[1:]]) + "\n"
    result = clean(parts_of(text))
    assert result.removed == ()


def test_a_caption_over_its_pictures_credit_line_is_furniture_a_quoted_post_over_its_signature_is_not():
    paragraphs = base_paragraphs()
    caption, credit = "Edna with the winning ticket - which still has her shopping list scribbled on the back", "(Image: Harlow Pictures / Dana Pell)"
    post, signature = ("Liberal media twisting my words AGAIN. Women are smart. They will vote with their heads on Nov 8! #Harlow",
                       "— Dana Pell (@danapell) October 14, 2016")
    text = "\n\n".join([BASE_ARTICLE.split("\n")[0], paragraphs[0], caption, credit, paragraphs[1], post, signature, *paragraphs[2:]]) + "\n"
    result = clean(parts_of(text))
    assert [(r.text, r.rule) for r in result.removed][:2] == [(caption, "caption_over_credit"), (credit, "photo_credit_label")]
    assert post in result.paragraphs and caption not in result.paragraphs


def test_a_headline_shaped_like_a_name_and_its_outlet_stays_the_headline():
    text = "\n".join(["Ledger/Harlow poll: Ortiz and Pell in a dead heat as early voting begins",
                      "By Dana Pell, Ledger Polling Director", *base_paragraphs()]) + "\n"
    result = clean(parts_of(text))
    assert result.title == "Ledger/Harlow poll: Ortiz and Pell in a dead heat as early voting begins"
    assert [r.text for r in result.removed] == ["By Dana Pell, Ledger Polling Director"]


def test_a_sentence_over_a_newspapers_credit_line_is_its_caption():
    paragraphs = base_paragraphs()
    caption = "Poll workers at the Harlow count centre fed absentee ballots into tabulators late Tuesday."
    for credit, rule in (("Credit Dana Pell for The Harlow Ledger", "credit_line"), ("Dana Pell/AFP/Getty Images", None)):
        text = "\n\n".join([BASE_ARTICLE.split("\n")[0], paragraphs[0], caption, credit, *paragraphs[1:]]) + "\n"
        result = clean(parts_of(text))
        assert [r.text for r in result.removed] == [caption, credit]
        assert result.removed[0].rule == "caption_over_credit"
    # a paragraph over a link to a picture's source is no caption
    text = "\n\n".join([BASE_ARTICLE.split("\n")[0], paragraphs[0], caption, "Image credit: www.harlow.example/in/", *paragraphs[1:]]) + "\n"
    assert caption in clean(parts_of(text)).paragraphs


def test_a_posts_picture_link_is_no_continuation_of_its_text():
    post = "Packed house in Harlow tonight and not ONE of the big shots from the capital bothered to show up. #Harlow"
    lines = [BASE_ARTICLE.split("\n")[0], "", base_paragraphs()[0], "Dana Pell posted a photo of the crowd:", post,
             "pic.twitter.com/Xk4rT9bLmQ", "— Dana Pell (@danapell) October 31, 2016", *base_paragraphs()[1:]]
    result = clean(parts_of("\n".join(lines) + "\n"))
    assert post in result.paragraphs
    assert [r.text for r in result.removed] == ["pic.twitter.com/Xk4rT9bLmQ", "— Dana Pell (@danapell) October 31, 2016"]


def test_a_caption_with_its_photo_credit_is_no_pages_headline():
    lines = ["Portal Harlow", "Início", "Brasil", "Mundo", "Economia", "Esportes", "Cidades",
             "Harlow terá ônibus de graça aos domingos a partir de julho",
             "Por Dana Pell, Portal Harlow", "12/06/2024 07h30", "Compartilhe",
             "Terminal Central de Harlow; gratuidade valerá para todas as linhas — Foto: Rodrigo Paiva/Prefeitura",
             "A Prefeitura de Harlow anunciou nesta quarta-feira que os ônibus municipais serão gratuitos aos domingos "
             "e feriados a partir de julho, em uma medida que deve beneficiar cerca de 90 mil passageiros por semana.",
             "Segundo a prefeitura, a medida custará R$ 18 milhões por ano e será bancada em parte com publicidade nos "
             "veículos, enquanto as empresas de ônibus receberão um repasse fixo por quilômetro rodado.",
             "Leia também", "Câmara aprova reajuste de 4% no IPTU de Harlow para 2025", "© 2024 Portal Harlow"]
    result = clean(parts_of("\n".join(lines) + "\n"))
    assert result.mode == "page"
    assert result.title == "Harlow terá ônibus de graça aos domingos a partir de julho"


def test_a_byline_in_lower_case_under_a_dek_is_no_continuation_of_it():
    lines = ["Skip to main content", "Tribuna Harlow", "Calcio | Basket | Tennis | Motori | Ciclismo | Volley | Rugby | Atletica",
             "Home › Calcio › Serie A",
             "Harlow, rimonta da grande: Pell e Ortiz ribaltano la Valdarena",
             "Sotto di un gol all'intervallo, la squadra di Gallinari cambia volto nella ripresa e vince 2-1. Terzo successo di fila",
             "di Dana Pell", "Condividi su Facebook",
             "Il Harlow ha ribaltato la Valdarena nel secondo tempo, con due gol in dodici minuti che hanno acceso uno stadio "
             "rimasto in silenzio per tutta la prima parte della partita.",
             "Pell ha pareggiato al 58' con un colpo di testa su cross di Ortiz, che poi ha segnato il gol della vittoria "
             "con un tiro dal limite dell'area a sei minuti dalla fine.",
             "LEGGI ANCHE", "Calciomercato, il Harlow pensa già al rinnovo di Pell", "Serie A, la classifica aggiornata",
             "Chi siamo | Contatti | Privacy | Cookie", "© RIPRODUZIONE RISERVATA"]
    result = clean(parts_of("\n".join(lines) + "\n"))
    assert result.mode == "page"
    assert result.dek == lines[5]
    assert ("di Dana Pell", "byline") in [(r.text, r.category) for r in result.removed]


def test_a_quoted_dek_in_single_marks_stays_above_the_byline():
    dek = "'They've had eight months. Enough is enough.'"
    result = clean(parts_of(with_header(dek, "Dana Pell | Investigative Reporter", "March 22, 2018 4:07 PM ET")))
    assert [r.text for r in result.removed] == ["Dana Pell | Investigative Reporter", "March 22, 2018 4:07 PM ET"]
    assert result.dek == dek or dek in result.paragraphs


def test_a_dateline_place_alone_under_the_desk_byline_is_header_furniture():
    header = ["Eli Santangelo, Capitol Bureau", "SANTA FE"]
    result = clean(parts_of(with_header(*header)))
    assert [(r.text, r.category) for r in result.removed] == [(header[0], "byline"), (header[1], "dateline")]
    assert list(result.paragraphs) == base_paragraphs()
    # alone, a line in capitals is no dateline: known furniture beside it vouches for it
    assert clean(parts_of(with_header("SANTA FE"))).removed == ()


def test_a_pages_headline_over_a_question_dek_beats_the_issue_label_under_the_byline():
    page = "\n".join([
        "Meridian", "Culture", "Ideas", "Travel", "Subscribe — 12 issues for £12", "THE LONG READ",
        "Sleeping through borders: the strange, stubborn return of the night train",
        "A decade ago the sleeper trains looked finished. Now new operators are buying carriages. But can the romance survive the economics?",
        "By Tobias Wren", "Photographs by Hana Lutz", "March 2020 issue", "18 minute read",
        *base_paragraphs(),
        "Tobias Wren is a contributing writer at Meridian.", "Share this article", "Most read", "Privacy policy",
    ]) + "\n"
    result = clean(parts_of(page, "site/page.txt"))
    assert result.title == "Sleeping through borders: the strange, stubborn return of the night train"
    assert result.dek.startswith("A decade ago")
    assert ("March 2020 issue", "dateline") in [(r.text, r.category) for r in result.removed]
    assert list(result.paragraphs) == base_paragraphs()


def test_a_newsletter_box_between_paragraphs_does_not_cut_off_the_paragraphs_under_it():
    body = base_paragraphs()
    box = ["Nyhetsbrev", "Få morgonens viktigaste nyheter från Harlow direkt i inkorgen.", "Din e-postadress", "Prenumerera"]
    lines = ["Harlow Tidning", "Nyheter", "Sport", "Kultur", "Debatt",
             "Skolan samlar in elevernas mobiler", "Av Dana Pell", "Publicerad 3 mars 2020 kl 14.12",
             *body[:2], *box, "Kommunen följer försöket", *body[2:],
             "Ämnen i artikeln", "Skola", "Harlow", "© 2020 Harlow Tidning"]
    result = clean(parts_of("\n".join(lines) + "\n", "site/page.txt"))
    assert result.mode == "page"
    assert [r.text for r in result.removed if r.text in box] == box
    assert body[2:] == [p for p in result.paragraphs if p in body[2:]]


@pytest.mark.parametrize("line", ["14. srpna 2018 16:20", "12 жовтня 2021, 10:15", "3 Μαρτίου 2020, 14:05", "5 augusti 2020 kl 14.12"])
def test_a_date_with_its_months_name_in_more_languages_is_a_dateline(line: str):
    result = clean(parts_of(with_header(line)))
    assert [(r.text, r.category) for r in result.removed] == [(line, "dateline")]


def test_a_caption_with_its_credit_in_brackets_is_no_pages_headline():
    lines = ["Warta Harlow", "Berita", "Ekonomi", "Olahraga",
             "Pemkot Harlow Bongkar 312 Reklame Ilegal, Pemilik Terancam Denda",
             "Penulis: Rizky Ramadhan", "Editor: Dewi Lestari", "Rabu, 5 Mei 2021 | 09:30 WIB", "Bagikan:",
             "Petugas membongkar papan reklame tanpa izin di Jalan Harlow, Selasa (4/5/2021). (Foto: Warta Harlow/Agus Setiawan)",
             *base_paragraphs(), "Baca Juga: Harga daging sapi di Pasar Harlow tembus Rp140 ribu", "© 2021 Warta Harlow"]
    result = clean(parts_of("\n".join(lines) + "\n", "site/page.txt"))
    assert result.mode == "page"
    assert result.title == "Pemkot Harlow Bongkar 312 Reklame Ilegal, Pemilik Terancam Denda"


@pytest.mark.parametrize("footer", [
    ["Our journalism needs your support", "If you can, please consider supporting us today. It takes less than a minute."],
    ["Public media is paid for by the people who use it. If this story mattered to you, support independent reporting with a gift to WHRL today."],
    ["Advertise with The Harlow Ledger."],
    ["Reporting by Dana Pell; Editing by Tom Reko", "Our Standards: The Harlow Trust Principles.", "Companies", "Harlow Holdings PLC", "Follow"],
    ["Our team of medical experts monitors the latest health research and updates articles when new evidence becomes available."],
    ["Harvest Table may earn an affiliate commission when you buy through links on our site."],
    ["Source: Harlow Tribune"],
    ["LDR is local body journalism co-funded by Harlow Radio and the Harlow Media Fund."],
    ["This article is part of our Water in Harlow series, produced with the support of a philanthropic foundation. The Ledger retains full editorial control."],
])
def test_reader_appeals_and_a_wire_pages_trailer_are_footer_furniture(footer: list[str]):
    result = clean(parts_of(with_footer(*footer)))
    assert [r.text for r in result.removed] == footer
    assert list(result.paragraphs) == base_paragraphs()


def test_a_dateline_place_and_country_alone_under_the_byline_is_header_furniture():
    header = ["Written By: Ananya Kulkarni", "Last Updated: March 12, 2025, 18:41 IST", "Pune, India"]
    result = clean(parts_of(with_header(*header)))
    assert [r.text for r in result.removed] == header
    assert result.removed[-1].category == "dateline"


def _news_page(*top: str) -> str:
    return _page_around(*top, *base_paragraphs())


def _page_around(*article: str) -> str:
    """A news site's page with ``article`` (its headline, furniture and paragraphs) between its menu and its footer."""
    lines = ["Skip to main content", "Harlow Broadcasting", "Menu", "Home", "News", "Sport", "Weather", "Business", "Sign in",
             *article, "Share on Facebook", "Share on Twitter", "Related topics", "Harlow", "Water",
             "Most read", "Ferry fares to rise in spring", "Library hours cut again", "Snow removal budget doubles",
             "Privacy policy", "Terms of use", "Contact us", "© 2022 Harlow Broadcasting"]
    return "\n".join(lines) + "\n"


def _cleaned_news_page(*top: str) -> CleanResult:
    return clean(parts_of(_news_page(*top), "site/page.txt"))


def test_a_key_points_box_without_bullet_signs_is_the_articles_own_summary_not_its_headline():
    bullets = ["Dairy farmers say they are still waiting on recovery grants announced in March",
               "Some have sold herds or taken on debt to keep operating",
               "The authority handling the grants says it has added staff and sped up processing"]
    result = _cleaned_news_page("Flood-hit dairy farmers still waiting for recovery grants", "By Dana Pell and Tom Reko",
                                "Posted Tue 14 Jun 2022 at 5:32am", "Key points:", *bullets)
    assert result.mode == "page"
    assert result.title == "Flood-hit dairy farmers still waiting for recovery grants"
    assert all(b in result.paragraphs for b in bullets)


def test_a_dek_opening_with_a_label_like_exclusive_is_still_the_dek():
    result = _cleaned_news_page("Councils warn of cliff edge for rural water repairs as emergency funding ends",
                                "Exclusive: Up to one in five county water projects could be dropped within months, figures show",
                                "Dana Pell Water correspondent", "Mon 5 Sep 2022 06.00 BST")
    assert result.title == "Councils warn of cliff edge for rural water repairs as emergency funding ends"
    assert result.dek.startswith("Exclusive: Up to one in five")


def test_a_contents_row_of_dotted_links_is_no_pages_headline():
    result = _cleaned_news_page("Irregular meter readings linked to higher water bills, audit finds", "Medically reviewed by Dana Pell, MD",
                                "On this page", "What the audit found · Why readings vary · How to check your own meter",
                                "Share on Pinterest")
    assert result.title == "Irregular meter readings linked to higher water bills, audit finds"


def test_a_caption_control_under_a_credit_is_no_continuation_of_it():
    result = _cleaned_news_page("Cities race to plant shade where people need it most", "June 28, 2022 · 5:00 AM ET", "Dana Pell",
                                "A volunteer waters a young oak planted last fall along East 41st Street in Harlow. The city wants to double tree cover.",
                                "Tom Reko/WHRL", "hide caption", "toggle caption")
    removed = [r.text for r in result.removed]
    assert "hide caption" in removed and "toggle caption" in removed


def test_a_dateline_with_its_states_abbreviation_between_byline_and_stamp_is_header_furniture():
    header = ["By Harriet Molloy", "RALEIGH, N.C.", "Updated Oct. 17, 2016, 9:52 p.m. ET"]
    result = clean(parts_of(with_header(*header)))
    assert [r.text for r in result.removed] == header
    assert list(result.paragraphs) == base_paragraphs()


@pytest.mark.parametrize("above", [
    ["Karachi 34°C Haze | Lahore 41°C | Islamabad 38°C"],
    ["Breaking", "Council votes on water bill ·· Ferry fares rise ·· Rain forecast for the hills"],
])
def test_a_mastheads_weather_strip_or_ticker_is_no_pages_headline(above: list[str]):
    result = _cleaned_news_page(*above, "Water plant loan approved after year-long debate", "By Dana Pell",
                                "Updated June 16, 2019")
    assert result.title == "Water plant loan approved after year-long debate"


def test_a_caption_signed_by_its_photographer_in_capitals_is_no_pages_headline():
    result = _cleaned_news_page("Ferry strike strands thousands of commuters", "By: Dana Pell - Reporter", "05:12 AM October 17, 2017",
                                "Stranded commuters wait for rides along the quay in Harlow on Monday as ferry crews joined the strike. —TOM REKO")
    assert result.title == "Ferry strike strands thousands of commuters"


def test_a_credit_for_the_photos_and_the_text_is_a_byline_not_a_caption_credit():
    result = _cleaned_news_page("IN PICTURES: A sea of colour on the quay",
                                "Thousands of revellers, sun and a little rain: the best of the Harlow carnival",
                                "Photos by Tom Reko and Ana Ruiz | Text by Dana Pell", "Posted on August 8, 2017 at 9:14 am")
    assert result.title == "Thousands of revellers, sun and a little rain: the best of the Harlow carnival"


def test_a_breaking_banner_over_the_page_is_no_headline_when_the_headline_itself_follows():
    # the banner shares more of the lede's words than the headline does
    result = _cleaned_news_page("BREAKING: Millbrook council votes to borrow $4.2 million for new Riverside water plant filtration system",
                                "Local news", "Council approves loan after year-long debate",
                                "By Dana Pell", "Mon 5 Sep 2022 06.00 BST")
    assert result.title == "Council approves loan after year-long debate"
    # alone, a banner's line is the headline: some sites print their headline so
    alone = _cleaned_news_page("BREAKING: Millbrook council votes to borrow $4.2 million for water plant",
                               "By Dana Pell", "Mon 5 Sep 2022 06.00 BST")
    assert alone.title == "BREAKING: Millbrook council votes to borrow $4.2 million for water plant"


def test_a_magazines_issue_stamp_under_the_headline_is_furniture_not_the_headline():
    result = _cleaned_news_page("Columns", "Millbrook borrowed for its water plant. It should have waited",
                                "Why a year of debate ended in the wrong vote", "Dana Pell", "From magazine issue: 9 March 2019")
    assert result.title == "Millbrook borrowed for its water plant. It should have waited"
    assert ("From magazine issue: 9 March 2019", "dateline") in {(r.text, r.category) for r in result.removed}


def test_a_blogs_tagline_above_its_menu_is_no_headline():
    lines = ["Small Rooms, Slow Days", "notes on home, water and the town council",
             "Home    About    Essays    Reading List    Newsletter    Contact", "ESSAYS", "Why Millbrook's water vote mattered",
             "January 12, 2020 by Dana Pell · 38 Comments", *base_paragraphs(), "Filed under: Town, Water",
             "Tagged: council, water plant, loans", "« Previous: Notes from a December garden",
             "3 thoughts on “Why Millbrook's water vote mattered”", "Rosalind Hatch", "January 12, 2020 at 8:14 am",
             "This is lovely, Dana. I have been thinking about the water bills for months and this put it into words for me.",
             "Reply", "Theo Banerjee", "January 12, 2020 at 10:47 am",
             "I went to the meeting in 2018 and nothing was decided. I think the honest thing is to admit the plant is old.",
             "Reply", "Load more comments", "Leave a Reply", "Your email address will not be published.",
             "© 2020 Small Rooms, Slow Days", "Proudly powered by WordPress"]
    result = clean(parts_of("\n".join(lines) + "\n", "site/page.txt"))
    assert result.mode == "page"
    assert result.title == "Why Millbrook's water vote mattered"
    assert list(result.paragraphs) == base_paragraphs()  # the comments under "3 thoughts on ..." are not the post
    rules = {r.text: r.rule for r in result.removed}
    assert rules["3 thoughts on “Why Millbrook's water vote mattered”"] == "comments_thoughts_on"
    assert rules["January 12, 2020 by Dana Pell · 38 Comments"] == "post_date_by_author"


def test_a_signed_pull_quote_between_paragraphs_is_removed_with_its_signature():
    paragraphs = base_paragraphs()
    quote = '"We have patched this thing together for a decade, and the patches are failing."'
    lines = ["Millbrook Council approves water plant loan", "By Dana Pell", *paragraphs[:3], quote,
             "— Dana Ortiz, Millbrook council", *paragraphs[3:]]
    result = clean(parts_of(_page_around(*lines), "site/page.txt"))
    assert result.mode == "page"
    assert list(result.paragraphs) == paragraphs
    assert [r.rule for r in result.removed if r.text in (quote, "— Dana Ortiz, Millbrook council")] == ["pull_quote", "pull_quote"]
    # unsigned, it goes too when it sits by the paragraph it repeats (a page sets a pull quote beside its paragraph)
    unsigned = clean(parts_of(_page_around(*(ln for ln in lines if not ln.startswith("—"))), "site/page.txt"))
    assert list(unsigned.paragraphs) == paragraphs
    assert [r.rule for r in unsigned.removed if r.text == quote] == ["pull_quote"]


def test_a_quotation_repeated_far_from_its_paragraph_or_as_a_subheading_stays_on_a_page():
    paragraphs = base_paragraphs()
    quote = '"We have patched this thing together for a decade, and the patches are failing."'
    # far from its paragraph: a wiki's dialogue, a report repeating a statement further on
    filler = [f"Council member {name} asked whether the loan could be repaid early, and the finance officer said it could."
              for name in ("Ada Marsh", "Ben Ruiz", "Cora Lind", "Dev Patel", "Eli Stone")]
    far = [*paragraphs[:2], *filler, quote, *paragraphs[2:]]
    result = clean(parts_of(_page_around("Millbrook Council approves water plant loan", "By Dana Pell", *far), "site/page.txt"))
    assert result.mode == "page"
    assert quote in result.paragraphs
    # a few of its words, with no sentence's end, over a paragraph: a subheading that quotes it
    heading = '"The patches are failing"'
    quoted = [*paragraphs[:2], heading, *paragraphs[2:]]
    result = clean(parts_of(_page_around("Millbrook Council approves water plant loan", "By Dana Pell", *quoted), "site/page.txt"))
    assert heading in result.paragraphs


def test_a_gallerys_slide_texts_over_their_credits_are_its_story_not_captions():
    slides = [("Mira Castell", "The best actress nominee, who announced her engagement last week, stunned in a custom sculptural "
                               "ivory gown with an architectural bodice and a sweeping train."),
              ("Lucy Harrow", "Harrow paired a black velvet column dress with a single emerald earring, a nod, she said, to her "
                              "late grandmother, who wore the same pair to her own first premiere."),
              ("Grant Fielding", "The veteran actor kept it classic in a midnight-blue tuxedo, but the custom velvet slippers "
                                 "embroidered with his initials stole the show.")]
    lines = ["Every red carpet look from the Harbor Film Awards", "By Jenna Whitlow", "February 10, 2019 06:45 PM",
             "The stars turned out in force at the Harbor Film Awards on Sunday, and the ceremony moved outdoors for the first time.",
             "Plenty of nominees took the setting as a cue for colour. Here are the looks everyone was talking about."]
    for k, (name, text) in enumerate(slides, 1):
        lines += [f"{k} of 25", name, text, "Frazer Lund/Getty Images"]
    lines += ["Next Slide"]
    result = clean(parts_of(_page_around(*lines), "site/page.txt"))
    assert result.mode == "page"
    assert all(text in result.paragraphs for _, text in slides)
    assert {"1 of 25", "Frazer Lund/Getty Images"} <= {r.text for r in result.removed}


def test_a_key_points_heading_over_sentences_opens_the_article():
    points = ["Millbrook will pay $4.2 million for a new filtration system at the Riverside plant.",
              "Average household water bills are expected to rise by about $9 a month.",
              "Construction is due to start in the spring."]
    result = _cleaned_news_page("Millbrook council approves water plant loan", "By Dana Pell", "Key Points", *points)
    assert list(result.paragraphs[:4]) == ["Key Points", *points]


def test_the_article_goes_on_under_a_caption_inside_it():
    paragraphs = base_paragraphs()
    lines = ["Millbrook Council approves water plant loan", "By Dana Pell", *paragraphs,
             "Dana Ortiz outside the Riverside plant on Tuesday. Picture: Sam Tran",
             "The council meets again on March 3 to choose a contractor.", "More to come."]
    result = clean(parts_of(_page_around(*lines), "site/page.txt"))
    assert result.mode == "page"
    assert list(result.paragraphs[-2:]) == ["The council meets again on March 3 to choose a contractor.", "More to come."]


def test_a_short_subheading_under_a_box_of_longer_headline_links_is_the_articles():
    paragraphs = base_paragraphs()
    lines = ["Millbrook Council approves water plant loan", "By Dana Pell", *paragraphs[:2], "You might also like:",
             "Volunteer Spotlight: The Tuesday Night Sandbag Crew", "Water plants need more than pipes",
             "What comes next", *paragraphs[2:]]
    result = clean(parts_of(_page_around(*lines), "site/page.txt"))
    assert result.mode == "page"
    assert "What comes next" in result.paragraphs
    assert "Water plants need more than pipes" not in result.paragraphs


def test_a_newsrooms_account_of_its_method_is_the_articles_last_paragraph():
    method = ("We compared each donor in the committee's filing with federal contract awards since 2015 and lobbying reports "
              "filed in the last two years, counting only matters open when the gift was made.")
    result = clean(parts_of(with_footer("How we did this analysis", method)))
    assert result.removed == ()
    assert list(result.paragraphs[-2:]) == ["How we did this analysis", method]


def test_a_tabloids_summary_points_under_the_headline_stay_and_the_byline_under_them_goes():
    points = ["Millbrook's council voted 5-2 to borrow $4.2 million for its ageing water plant",
              "Opponents say the loan will add about $9 a month to household bills",
              "Work on the new filtration system is due to start in the spring"]
    header = ["By DANA PELL FOR MILLBROOKCOURIER.COM", "PUBLISHED: 14:32 EDT, 19 August 2016 | UPDATED: 16:05 EDT, 19 August 2016"]
    title, rest = BASE_ARTICLE.split("\n", 1)
    result = clean(parts_of(title + "\n" + "\n".join(points + header) + "\n" + rest))
    assert [r.text for r in result.removed] == header
    assert result.dek == points[0] and list(result.paragraphs[:2]) == points[1:]


def test_a_byline_block_with_field_labels_lets_the_headline_over_the_dek_win():
    result = _cleaned_news_page("Local News", "Council approves loan after year-long debate",
                                "Millbrook's water plant will get a new filtration system; bills to rise by $9 a month",
                                "Author of the article:", "Emily Charbonneau", "Local Journalism Initiative Reporter",
                                "Publishing date:", "Apr 18, 2019 • 3 hours ago • 3 minute read • 12 Comments")
    assert result.title == "Council approves loan after year-long debate"


def test_the_writers_name_over_the_writers_role_is_no_headline():
    # (the headline shares no word with the lede, and the dek is too long to be one: the nearest
    # headline-shaped line would win)
    result = _cleaned_news_page("Heirs to the pumps: will the young ones stay?",
                                "As the first generation of engineers retires in their 70s and 80s, their children are weighing "
                                "night shifts and thin pay against a legacy their parents built by hand in the valley towns along the river",
                                "Joyce Tan Mei Ling", "Senior Correspondent", "PUBLISHED JUN 23, 2019, 5:00 AM SGT", "11 min read")
    assert result.title == "Heirs to the pumps: will the young ones stay?"
    # a role alone under the headline ("Our Staff Reporter") names no writer above it
    role_only = _cleaned_news_page("Residents go to court to stop the felling of 1,400 trees for a canal road", "Our Staff Reporter",
                                   "Published March 13, 2019")
    assert role_only.title == "Residents go to court to stop the felling of 1,400 trees for a canal road"
    # nor is a headline in Title Case a writer's name because a role follows it
    title_case = _cleaned_news_page("Millbrook Approves Water Plant Loan", "Staff Reporter", "Published March 13, 2019")
    assert title_case.title == "Millbrook Approves Water Plant Loan"


def test_a_read_more_label_over_a_related_box_takes_no_paragraph_above_it():
    paragraphs = base_paragraphs()
    quote = ('"The school is full, you cannot get an appointment at the surgery for three weeks, and the road '
             'through the village is a single track," said resident Gwen Hopkins.')
    lines = ["Millbrook Council approves water plant loan", "By Dana Pell", *paragraphs[:2], quote, "Read More",
             "Related Articles", "Village school could close under council shake-up", "Read More", "Related Articles",
             "Residents fear for safety on B-road after third crash", *paragraphs[2:]]
    result = clean(parts_of(_page_around(*lines), "site/page.txt"))
    assert quote in result.paragraphs
    assert "Village school could close under council shake-up" not in result.paragraphs


def test_a_pull_quote_signed_on_the_same_line_is_removed():
    paragraphs = base_paragraphs()
    pulled = '"We have patched this thing together for a decade, and the patches are failing." – Dana Ortiz, council member'
    lines = ["Millbrook Council approves water plant loan", "By Dana Pell", *paragraphs[:3], pulled, *paragraphs[3:]]
    result = clean(parts_of(_page_around(*lines), "site/page.txt"))
    assert list(result.paragraphs) == paragraphs
    assert ("pull_quote", pulled) in {(r.rule, r.text) for r in result.removed}


def test_an_update_note_under_a_standfirst_with_a_full_stop_is_header_furniture():
    title, rest = BASE_ARTICLE.split("\n", 1)
    standfirst = "The town is betting that a loan now will cost less than another decade of repairs."
    result = clean(parts_of(title + "\n" + standfirst + "\nThis article has been updated.\n" + rest))
    assert [r.text for r in result.removed] == ["This article has been updated."]
    assert standfirst in (result.dek, *result.paragraphs)


def test_a_breadcrumb_trail_is_no_pages_headline():
    # (the trail shares more of the lede's words than the headline does)
    result = _cleaned_news_page("Resident Resources › Millbrook Council › Riverside Water Plant Filtration Loan",
                                "A Resident's Guide", "By Dana Pell", "Last reviewed: June 2018")
    assert result.title == "A Resident's Guide"


def test_an_articles_read_more_box_ends_above_the_subheading_the_article_resumes_with():
    paragraphs = base_paragraphs()
    title = BASE_ARTICLE.split("\n", 1)[0]
    box = ["Read more:", "Volunteer Spotlight: The Tuesday Night Sandbag Crew", "Water plants need more than pipes"]
    text = title + "\n\n" + "\n\n".join([*paragraphs[:2], *box, "What comes next", *paragraphs[2:]]) + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == box
    assert "What comes next" in result.paragraphs



def test_a_standfirst_in_points_over_the_date_is_the_articles():
    headline = "Millbrook council votes 5-2 to borrow $4.2 million for Riverside water plant filtration system – live"
    points = ["Two hours of testimony from island residents preceded the vote on Tuesday evening",
              "Night ferry to Gull Island keeps running through the winter", "Dock reopens after two-year repair"]
    result = _cleaned_news_page(headline, *points, "Updated 17.52 GMT")
    assert result.title == headline
    assert result.dek == points[0]
    assert all(p in (result.dek, *result.paragraphs) for p in points)
    # without the date under them, lines under a headline prove nothing
    assert _cleaned_news_page(headline, *points).dek != points[0]


def test_a_letters_signature_needs_a_valediction_or_a_name_not_a_menu():
    text = (FIXTURES / "page_school_letter.txt").read_text(encoding="utf-8")
    text = text.replace("Mrs P. Hallam\nHeadteacher\n", "Sports day results\nYear 4 trip to York\n")
    result = clean(parts_of(text))
    assert result.paragraphs[-1] == "Have a restful break."
    assert {"Sports day results", "Year 4 trip to York"} <= {r.text for r in result.removed}


def test_a_newsletter_pitch_under_the_dek_and_a_two_sentence_headline_in_a_read_more_box_are_furniture():
    text = "\n".join([
        "Harlow recount halted after judge lifts order",
        "Election officials said some precincts' counts could not be reconciled with poll books.",
        "Sign up for The Harlow Brief, our morning guide to politics and policy.",
        "HARLOW — A county judge on Wednesday lifted his order requiring a recount of the mayoral ballots, ending a "
        "two-week standoff between the two campaigns.",
        "The ruling followed an appeals court decision that the third-place candidate had no standing to ask for one.",
        "Read more:",
        "Pell raises thousands for the recount. Here's where the money is going.",
        "Harlow clerks begin hand count amid grumbling over overtime",
        "The Ledger's Sam Tran contributed to this report.",
    ]) + "\n"
    result = clean(parts_of(text))
    removed = {r.text: (r.category, r.rule) for r in result.removed}
    assert removed["Sign up for The Harlow Brief, our morning guide to politics and policy."][0] == "newsletter"
    assert removed["Pell raises thousands for the recount. Here's where the money is going."] == ("related_links", "related_list_item")
    assert len(result.paragraphs) == 3  # the dek and the two paragraphs


def test_a_read_more_box_between_paragraphs_takes_a_headline_whose_second_sentence_says_heres_how():
    # "Maryland's 3rd District is one of the nation's strangest. Here's how it got that way.": a first sentence longer
    # than the two-sentence headline allows, but the second is a link's own
    paragraphs = base_paragraphs()
    box = ["Read more:", "Harlow's 3rd Ward is one of the county's strangest. Here's how it got that way.",
           "Council redistricting fight heads to the state Supreme Court"]
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + box + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == box
    assert list(result.paragraphs) == paragraphs


@pytest.mark.parametrize("headline", ["Sports Writer Frank Deford Dies", "Health Reporter Jane Doe Resigns",
                                      "Doctor Who special for Christmas confirmed by BBC"])
def test_a_headline_about_a_journalist_or_a_special_is_no_byline(headline: str):
    text = headline + "\n\n" + "\n\n".join(base_paragraphs()) + "\n"
    result = clean(parts_of(text))
    assert result.title == headline
    assert result.removed == ()


def test_a_paragraph_saying_heres_where_under_a_read_more_box_is_the_article_resuming():
    paragraphs = base_paragraphs()
    box = ["Read more:", "Council redistricting fight heads to the state Supreme Court"]
    resumed = "The city has spent $4 million on repairs to the pool since 2019. Here's where the money went."
    text = (BASE_ARTICLE.split("\n")[0] + "\n\n"
            + "\n\n".join(paragraphs[:2] + box + [resumed] + paragraphs[2:]) + "\n")
    result = clean(parts_of(text))
    assert [r.text for r in result.removed] == box
    assert resumed in result.paragraphs


def test_a_tag_lists_heading_takes_the_tags_under_it_into_the_footer():
    text = with_footer("This article tagged under:", "Harlow Council", "Budget", "Quay Road",
                       "Authors:", "Dana Pell dpell@harlowledger.example")
    result = clean(parts_of(text))
    assert [(r.text, r.category) for r in result.removed][:4] == [
        ("This article tagged under:", "navigation"), ("Harlow Council", "navigation"), ("Budget", "navigation"),
        ("Quay Road", "navigation")]
    assert result.paragraphs == tuple(base_paragraphs())



def test_a_title_case_line_over_a_sentence_case_line_is_the_headline_not_the_line_under_it():
    # (the lower line is not longer by DEK_LONGER_BY_WORDS, and nothing under it marks it a dek: its case does)
    result = _cleaned_news_page("Council Backs Water Plant Upgrade, 5-2", "Millbrook votes to borrow $4.2 million for new filtration")
    assert result.title == "Council Backs Water Plant Upgrade, 5-2"


def test_a_title_case_headline_is_no_dek_of_the_path_above_it():
    result = _cleaned_news_page("Expert Advice / Water / Filters", "How to Choose a Water Plant Filter",
                                "Reviewed by Dana Pell, plant engineer", "Updated April 2019 · 9-minute read")
    assert result.title == "How to Choose a Water Plant Filter"


def test_a_headline_opening_with_its_sections_label_is_no_dek_under_the_writers_name():
    result = _cleaned_news_page("The Millbrook Courier Editorial Board", "Editorial: The council was right to fix the water plant",
                                "Posted Tue 14 Jun 2022 at 5:32am")
    assert result.title == "Editorial: The council was right to fix the water plant"


def test_a_page_that_names_its_headline_twice_takes_the_nearer_for_the_headline():
    # a newsletter page prints its issue's title over its date, and again over the letter
    result = _cleaned_news_page("June Notes from the Water Plant", "Newsletter", "June 8, 2021", "June Notes from the Water Plant")
    assert result.title == "June Notes from the Water Plant"
    assert result.title_line_no == 13  # the second, under the date (the page's menu takes lines 1-9)


_GARDEN_LETTER_OPENING = ("Hello, gardeners! The peas are climbing, the garlic scapes are curling, and the first courgettes "
                          "of the season have turned up on plot 12, which means summer is properly here at last.")


def _garden_letter_page(opening: str) -> str:
    lines = ["Harlow Community Garden", "Home | Plots | Events | Newsletter", "June Notes from the Plots", "June 8, 2021",
             opening,
             "Water schedule reminder",
             "The hoses at the east beds are off on Mondays while the council repairs the mains, "
             "so please fill your cans from the tank by the shed instead, and close its tap when you are done.",
             "Swap table",
             "The seedling swap table by the shed will stay up through the end of the month. Extra basil, peppers and "
             "squash starts are free to anyone who needs them; leave a note if you take the last of anything.",
             "Happy growing,", "Rosa, Dev and the steering committee",
             "Did someone forward you this? Subscribe to the Commons newsletter to get it every month.", "Your email", "Subscribe",
             "© 2021 Harlow Community Garden"]
    return "\n".join(lines) + "\n"


def test_a_letter_opening_with_its_greeting_keeps_its_sign_off():
    result = clean(parts_of(_garden_letter_page(_GARDEN_LETTER_OPENING), "site/page.txt"))
    assert result.paragraphs[-2:] == ("Happy growing,", "Rosa, Dev and the steering committee")


@pytest.mark.parametrize("opening", [
    "Hello Kitty maker Sanrio, the character company, has sponsored the garden's new shed, and its staff will help plant "
    "the children's beds on plot 12 this summer.",
    "Greetings from Kyiv, Olena Marchenko wrote to the committee, where her family's garden is growing again this "
    "summer after two hard years.",
])
def test_a_paragraph_that_only_opens_like_a_greeting_keeps_no_sign_off(opening: str):
    result = clean(parts_of(_garden_letter_page(opening), "site/page.txt"))
    assert "Happy growing," not in result.paragraphs


@pytest.mark.parametrize("menu", ["Home :: Plots :: Events :: Newsletter :: Contact",
                                  "Home | Plots | Events | Newsletter | Contact"])
def test_a_site_menu_set_apart_by_pipes_or_double_colons_makes_a_page(menu: str):
    lines = ["Harlow Community Garden", "A volunteer-run growing space for the families of the Quay Street estate", menu,
             "Water Plant Upgrade Approved", *base_paragraphs(), "Upcoming events", "Seed swap", "Plot waiting list",
             "Volunteer days", "Contact the Webmaster | Contact the Recorder", "Registered charity no. 512207",
             "© 2021 Harlow Community Garden"]
    result = clean(parts_of("\n".join(lines) + "\n", "site/page.txt"))
    assert result.mode == "page"
    assert result.paragraphs == tuple(base_paragraphs())


@pytest.mark.parametrize(("menu", "is_menu"), [
    ("Agriculture | Home & Garden | 4-H Youth | Family & Consumer Sciences | Calendar | Contact", True),
    ("K-12 Schools | Adult Education | Libraries | Parks | Permits | Contact", True),
    ("Arsenal 2 | Chelsea 1 | Spurs 0 | Fulham 3 | Leeds 1 | Everton 2", False),  # a results line
])
def test_a_figure_inside_a_menu_items_name_does_not_stop_it_being_a_menu(menu: str, is_menu: bool):
    assert clean_module._is_pipe_menu(menu) is is_menu


def test_a_polls_answers_on_lines_of_their_own_are_furniture_between_paragraphs():
    paragraphs = base_paragraphs()
    poll = ["POLL: Are you happy with your bin collection?", "Yes, every week", "Not really", "No", "Vote | View results"]
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + poll + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert list(result.paragraphs) == paragraphs
    assert [r.rule for r in result.removed if r.text in poll[1:4]] == ["poll_option"] * 3


def test_a_results_box_between_vote_counts_is_no_poll():
    # a count of votes only closes a poll: the candidates between the counts are no poll's answers
    paragraphs = base_paragraphs()
    box = ["Unofficial results:", "Lopez (incumbent)", "1,412 votes", "Beck (challenger)", "1,388 votes"]
    text = BASE_ARTICLE.split("\n")[0] + "\n\n" + "\n\n".join(paragraphs[:2] + box + paragraphs[2:]) + "\n"
    result = clean(parts_of(text))
    assert "poll_option" not in [r.rule for r in result.removed]
    assert "Beck (challenger)" in result.paragraphs


@pytest.mark.parametrize("headline", ["Hospital Cuts Nursing Staff", "Schools Struggle To Keep Staff", "Mayor Fires Chief Of Staff"])
def test_a_headline_ending_in_staff_is_no_newsrooms_byline(headline: str):
    text = f"{headline}\n\nMercy General Hospital will lay off 40 nurses next month, administrators announced Tuesday.\n\nThe cuts follow a $12 million budget shortfall.\n"
    result = clean(parts_of(text))
    assert result.title == headline and result.removed == ()



def test_a_have_your_say_prompt_is_inline_furniture_not_the_comments_section():
    # a local paper prints it between paragraphs: it costs what a caption does, and ends no article
    rules = DEFAULT_RULES.matching("Have your say on this story in the comments below")
    assert rules and clean_module._inline_furniture(rules) and not clean_module._is_section_break(rules)
    assert clean_module._is_section_break(DEFAULT_RULES.matching("What do you think? Have your say in the comments section below."))


# --------------------------------------------------------------------------- session 28


def test_a_radio_promo_under_the_title_does_not_hide_the_byline_under_it():
    header = ["Listen to Harlow Tonight with host Dana Pell live from 7 to 10 p.m. Eastern on SiriusXM Patriot 125.",
              "by Tom Reko 9 Jan 2017"]
    result = clean(parts_of(with_header(*header)))
    assert [(r.text, r.category) for r in result.removed] == [(header[0], "advertising"), (header[1], "byline")]
    assert list(result.paragraphs) == base_paragraphs()


def test_a_live_shows_promo_at_the_end_does_not_hide_the_update_note_above_it():
    footer = ["This article has been updated with comment from Sen. Pell and the number of arrests.",
              "Are you a Harlow voter affected by these changes? Email us at tips@harlowpost.example.",
              "WATCH: How state legislatures are reshaping voting rules",
              "Harlow Post Live: Voting rights activists react to the special session"]
    result = clean(parts_of(with_footer(*footer)))
    assert [r.text for r in result.removed] == footer
    assert list(result.paragraphs) == base_paragraphs()


def test_a_name_and_outlet_after_a_comma_under_a_caption_is_the_byline():
    header = ["A student walks past the Capitol in Harlow. (Photo: Dana Pell, Harlow Today)", "Tom Reko, Harlow Today"]
    result = clean(parts_of(with_header(*header)))
    assert [(r.text, r.category) for r in result.removed] == [(header[0], "media_credit"), (header[1], "byline")]


def test_a_comment_prompt_between_paragraphs_above_the_comments_heading_does_not_end_the_article():
    paragraphs = base_paragraphs()
    lines = ["Millbrook Council approves water plant loan", "By Dana Pell", *paragraphs[:3], "Tell us what you think",
             *paragraphs[3:], "Comments", "Rosalind Hatch", "Nobody asked the people on Mill Lane what they thought."]
    result = clean(parts_of(_page_around(*lines), "site/page.txt"))
    assert result.mode == "page"
    assert list(result.paragraphs) == paragraphs
    assert "Tell us what you think" in {r.text for r in result.removed}
