"""Boilerplate removal: a catalogue of rules as data plus per-publisher repeated-line learning.

The stage takes the lines of one article (:class:`ArticleParts`) and returns the
article without its site furniture (:class:`CleanResult`), every removed line
accounted for with a category and the rule that fired.

Three sources of evidence, weakest last:

1. **Rules** (``data/boilerplate_rules.toml``): a pattern describing the whole
   line, a category, and a *position*. Furniture lives at the edges (mastheads
   and bylines at the start, footers at the end), so most rules only fire on a
   line that belongs to an unbroken run of furniture reaching the start or end
   of the article; only patterns that can never be article prose ("Advertisement",
   "Getty Images", "Share this with Facebook") fire mid-body.
   Two more kinds of evidence extend those runs. A line no rule knows is a
   *note about the publication* when it names the story or the outlet, speaks
   to the reader (or opens with an imperative) and says something about the
   outlet's reporting, money, products, corrections or accounts ("Questions
   about this story can be sent to ...", "Join the Insiders today"); below
   a known footer line, up to two short lines shaped like furniture (a heading,
   a link, the site addressing its readers) are vouched for by it; and above a
   known header line, up to two short lines without a sentence's end (a name, a
   desk) are vouched for by it. None ever takes a line that reports or quotes.
   *Loose* rules know a line by its shape alone (a capitalised name, initials,
   "A | B"): under a headline they count only beside known furniture (a match
   report's venue stays), and they never count on flattened pages.
2. **Repeated site lines** (:class:`SiteLineIndex`): lines that recur verbatim
   (after normalising digits, case and punctuation) at the edges of many
   articles of one publisher are furniture no rule knows. Same position
   constraint; sentence-like lines need a much larger share of the publisher's
   articles, and lines with quotation marks are never learned (quoted speech is
   content even when many articles repeat it).
3. **Whole-page mode**: when the input is a flattened web page (it opens with a
   menu of short lines before any prose, or is hundreds of lines, mostly short,
   with many rule hits) the article is the densest run of prose: the
   maximum-sum span of per-line scores (a prose line scores its words, a menu
   line or furniture rule a penalty; short runs of subheadings and table cells
   between paragraphs cost little; numbered-list items are neutral; a short
   sentence right after a paragraph counts a little). Context decides what a
   line's text cannot: after a "Related"/"More stories" heading, lone prose
   lines in a series (teasers) count for little; after a comments heading,
   nothing counts, unless a Q&A page's answers heading follows: the answers
   continue the question, and what sits between them is furniture. The span is
   then trimmed at its edges (bylines, dates, bios,
   prompts), extended over a numbered list that runs on from it, ended at an
   author box ("About the author" and a short bio), and cleaned inside (ad
   labels, "Related" boxes and their links, newsletter boxes and their blurbs,
   bios after the last paragraphs, teaser cards). A series of teaser cards
   (headline, summary, the same "Read more" link after each) is furniture in
   an article file too, wherever it sits. Everything outside it is removed as
   ``navigation`` unless a rule names a better category.

Safety: an article that would lose most of its prose is returned unchanged
with ``flag`` naming the rules that fired.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import numpy as np

from newsetl.ingest import ArticleParts, Line
from newsetl.patterns import OPENING_DATELINE
from newsetl.regex_gate import WORD as GATE_WORD
from newsetl.regex_gate import fold, gates_for, index_gates

CATEGORIES = (
    "editorial_standards", "advertising", "newsletter", "social_share", "copyright", "related_links",
    "republication", "media_credit", "comments", "repeated_site_line",
    # added with the full catalogue (issue 4): furniture that fits none of the above
    "byline", "dateline", "navigation", "cookie_notice",
)
POSITIONS = ("any", "header", "footer", "edge")
RULES_PATH = Path(__file__).parent / "data" / "boilerplate_rules.toml"

# --- thresholds -------------------------------------------------------------
# The header is searched this far: masthead, kicker, title, dek, byline, date.
HEADER_SCAN_BLOCKS = 8
# A footer run may hold lines no rule knows (a site's own promo, a link list's heading and links)
# when a known footer line stands above them: at most this many in a row, each shaped like furniture
# (_FOOTER_SHAPED), never like reporting (_REPORTED); a third unknown line in a row ends the run.
FOOTER_UNKNOWN_RUN_MAX = 2
FOOTER_UNKNOWN_MAX_WORDS = 60
FOOTER_UNKNOWN_MAX_CHARS = 480
FOOTER_HEADING_MAX_WORDS = 12
# A note under the headline ("This article is part of our special report ...") is short; a first
# paragraph that happens to mention the outlet's world is longer.
HEADER_NOTE_MAX_WORDS = 30
HEADER_NOTE_MAX_CHARS = 240
# The header run may hold lines no rule knows above a known header line, which vouches for them: a
# writer's name, a desk, a photo credit ("Jeremy Koh", "Rugby Writer·Aotearoa Daily·"). At most this many
# in a row, each a few words without a sentence's end; the next line must be known furniture.
HEADER_UNKNOWN_RUN_MAX = 2
# Lines the header keeps above its byline: the title, then a dek and a standfirst line, or a tabloid's three
# summary points (each line but the title is kept only with a byline or date below it: _byline_below).
HEADER_KEPT_LINES_MAX = 4
HEADER_SUMMARY_POINT_MAX_WORDS = 40
# A "dek" of at most this many words (or in capitals) is a kicker or a place's name, not a summary.
KICKER_MAX_WORDS = 3
HEADER_UNKNOWN_MAX_WORDS = 8
HEADER_UNKNOWN_MAX_CHARS = 80
# Headline links in Title Case ("Their Votes Tell Another Story.") end in a full stop like prose; most of
# their longer words are capitalised, which a sentence's never are.
TITLE_CASE_MIN_WORDS = 4
TITLE_CASE_MIN_SHARE = 0.8
# The reader addressed or the site speaking ("your inbox", "our app", "ask us"; "us" in lower case only,
# since "the US" is no reader), an address or handle ("@" before a word character: a scan for the whole
# address backtracks), a link, or a link's arrow. Both tests below are built from it.
_READER_ADDRESS = r"\b(?i:you|your|yours|we|our)\b|\bus\b|(?i:@\w|https?://|\bwww\.)|[→»]\s*$"
# A footer line no rule knows that looks like furniture: the reader addressed, the site's own products, or
# a heading's colon.
_FOOTER_SHAPED = re.compile(
    _READER_ADDRESS + r"|(?i:\b(?:podcasts?|newsletters?|episodes?|app|subscribers?|subscription|e-?paper|qr code|whatsapp|telegram|viber)\b)|:$")
# A sentence that opens with an imperative speaks to the reader: news paragraphs open with their subject.
_IMPERATIVE_OPENING = re.compile(
    r"(?:^|(?<!\.)[.!?:—–]\s+)(?:Catch|Join|Get|Grab|Stay|Unlock|Watch|Listen|Stream|Subscribe|Sign up|Download|Follow|Read|Republish"
    r"|Share|Tell|Send|Call|Text|Email|E-mail|Visit|Click|Tap|Find|See|Check out|Support|Donate|Give|Help|Try|Become|Shop"
    r"|Order|Buy|Book|Register|Enter|Don[’']t miss|Never miss|Keep up|Discover|Explore|Learn more|Tune in|Hear|Bookmark|Turn on)\b")
# A line about the publication itself, not the news: it names the story or the outlet, or speaks to the
# reader (_PUBLICATION_SELF, one scan), and says something about its reporting, money, products, corrections
# or accounts (the first of _PUBLICATION_TOPICS that matches names the category).
_PUBLICATION_SELF = re.compile(
    r"(?i:\bthis (?:story|article|report|piece|post|investigation|series)\b|\w\.(?:com|org|gov|net|co\.uk|org\.uk|news)\b"
    r"|\breaders?[’']?s?[’']? (?:contributions?|support|donations?|gifts?|funding)\b|\breaders like\b)|"
    + _READER_ADDRESS + "|" + _IMPERATIVE_OPENING.pattern)
_PUBLICATION_TOPICS = (
    ("editorial_standards", re.compile(r"\b(?:earlier|previous) versions?\b|\b(?:amended|corrected|correct|updated|clarified|refiled|revised|translated|translation)\b"
                                       r"|\b\w+-language (?:edition|service|site|version)\b|\b\w+ version of this (?:report|story|article)\b"
                                       r"|\b(?:heads up|content (?:note|warning)|trigger warning|reader discretion)\b", re.IGNORECASE)),
    ("byline", re.compile(r"\b(?:newsroom|journalism|reporting|reporters?|editors?|correspondents?|bureau|newsdesk|news desk|live coverage|live blog)\b", re.IGNORECASE)),
    ("advertising", re.compile(r"\b(?:donat\w*|subscri\w*|membership|paywall|chip in|sponsor\w*|advertis\w*|a gift|gifts?"
                               r"|not a member|become a member|join (?:online|today|now)|members?-only|commercial-free|free trial"
                               r"|first \d+ days|merch\w*|in stock|contributions?|funded|e-?paper|e-edition|print edition)\b", re.IGNORECASE)),
    ("newsletter", re.compile(r"\b(?:podcasts?|newsletters?|e-newsletter|episodes?|app|inbox|briefing|brief|bulletin|digest|alerts|sign up"
                              r"|on demand|stream\w*|live weekdays|channel \d+|iview|iplayer|catch-up)\b", re.IGNORECASE)),
    # a network named with the outlet, an act of following or a handle ("Find us on Facebook", "Follow our
    # coverage on X", "Mara's on Bluesky at @mara"), not an op-ed's exhortation ("ask on Twitter if that is where you find them")
    ("social_share", re.compile(r"^(?=.*(?:\b(?:(?-i:us)|our|follow\w*|share|like us|join|subscribe|reach|contact|e-?mail|write)\b|@\w)).*\b(?:twitter|bluesky|threads|mastodon|instagram"
                                r"|facebook|tiktok|whatsapp|telegram|viber|youtube|on x|on signal|qr code)\b", re.IGNORECASE)),
    ("comments", re.compile(r"\b(?:hear from you|get in touch|in confidence|confidential\w*|tips?|contact us|e-?mail us|write to us"
                            r"|hit reply|our way)\b", re.IGNORECASE)),
    ("related_links", re.compile(r"\b(?:special report|series|package)\b", re.IGNORECASE)),
)
_REPORTED = re.compile(r"\b(?:said|says|told|according to|added|asked|warn\w*|advis\w*|urg\w*|noted|agreed|wrote|explained|insisted|claimed|argued|recalled|stated|announced|confirmed|admitted|believed|described|reported|promised|pledged|suggested|recommended)\b|[\"“”]\s*$", re.IGNORECASE)
# Links listed under a "Related" heading are short headline lines.
LINK_LINE_MAX_WORDS = 22
QUESTION_LINK_MAX_WORDS = 16
# A "Read more:" box between paragraphs holds at most this many headline links.
INLINE_LINK_BOX_MAX_LINKS = 3
INLINE_LINK_BOX_HEADING_MAX_WORDS = 8
# Hold back cleaning that would remove more than this share of the article's
# prose characters: no footer is longer than the article it follows.
MAX_REMOVED_PROSE_SHARE = 0.5
# A line counts as prose (for the hold-back check and page mode) from this many words.
PROSE_MIN_WORDS = 8

# Repeated-line learning.
# Only lines at these edge positions are counted (and can be removed): furniture
# sits there, and it keeps the index to ~10 hashes per article.
SITE_LINE_HEAD_BLOCKS = 4  # title, dek and the first body lines
SITE_LINE_TAIL_BLOCKS = 8  # the last body lines
SITE_LINE_MAX_CHARS = 400  # longer lines are paragraphs, never learned
# A line is site furniture when it recurs in at least this many articles of the group ...
SITE_LINE_MIN_ARTICLES = 3
# ... and in at least this share of the group's articles (per-author footers such
# as "Follow Pam Key on Twitter" appear in a small share of a big publisher) ...
SITE_LINE_MIN_SHARE = 0.02
# ... while a sentence-like line ("The investigation is ongoing.") must recur in a
# large share: a stock closing sentence of a few reporters is content.
SITE_LINE_SENTENCE_MIN_SHARE = 0.25
SITE_LINE_SENTENCE_MIN_WORDS = 6

# Whole-page mode (flattened web pages).
PAGE_MIN_BLOCKS = 40  # articles have tens of paragraphs at most; pages hundreds of lines
PAGE_MIN_SHORT_SHARE = 0.45  # share of short non-sentence lines (menus, links) in a page
PAGE_SHORT_MAX_WORDS = 6
PAGE_MIN_FURNITURE_LINES = 5  # lines a rule knows (menus, share buttons, copyright): a page has many
# A page that starts with its menu: this many short non-sentence lines before the first
# prose line. An article (BBC, PolNeAR, the seed) opens with title, dek and a paragraph;
# its lists of short lines (draws, results) come after prose.
PAGE_LEAD_MIN_BLOCKS = 15
PAGE_BANNER_MAX_INDEX = 2  # a sentence among a page's first two lines may be a site-wide alert banner ...
PAGE_BANNER_MENU_LINES = 4  # ... when this many menu items follow it
PAGE_MENU_ITEM_MAX_WORDS = 3
_DIGIT = re.compile(r"\d")
PAGE_LEAD_MIN_SHORT_LINES = 6
# ... or that opens with its chrome: a menu or sign-in button ("Menu", "Home", "Subscribe")
# among its first lines, before any prose. An article's first line is its headline, and its
# header holds section labels, bylines and dates, never these buttons.
PAGE_CHROME_LEAD_LINES = 5
PAGE_MENU_BAR_MIN_ITEMS = 4
PAGE_MENU_BAR_ITEM_MAX_WORDS = 4
_MENU_BAR_GAP = re.compile(r"\s{2,}|\t")
PAGE_PIPE_MENU_MIN_ITEMS = 6  # a section path ("Politics | Congress") has a few
PAGE_PIPE_MENU_ITEM_MAX_WORDS = 3
_PIPE_MENU_GAP = re.compile(r"\s+(?:[|•·/~]|::)\s+")  # ("Home :: Sightings :: Field Trips": an old site's menu)
# A section menu flattened with single spaces ("News Arts & Culture Programs Schedule Events Support"): capitalised
# words only, most of them names sites give their sections. A headline in Title Case has verbs and other nouns.
PAGE_SECTION_MENU_MIN_NAMES = 5
PAGE_SECTION_MENU_MIN_SHARE = 0.6
_SECTION_NAMES = frozenset("""
    news local national world nation region business money markets economy sport sports entertainment lifestyle life
    opinion opinions politics health tech technology science arts culture travel weather traffic video videos photos
    programs schedule events support food style books music film movies tv education environment climate crime
    obituaries classifieds jobs careers podcasts magazine features columns editorials letters home latest trending
    community faith autos cars fashion beauty celebrity showbiz investigations listen donate about contact shop
    puzzles games comics horoscopes lottery media property calendar space physics sciences astronomy chemistry
    biology medicine archaeology earth nature gaming football soccer cricket rugby tennis golf motoring
    energy justice housing transportation transport immigration elections government agriculture water
""".split())
_MENU_ITEM = re.compile(r"sign ?in|log ?in|subscribe|register|menu|search|home|my account|account|help|basket|cart|checkout"
                        r"|contact(?: us)?|about(?: us)?|rss|archives?|find a store|track (?:my )?order", re.IGNORECASE)
# A summary box over the first paragraph: its heading and bullets ("• Seagrass now covers 310 hectares ...").
_SUMMARY_HEADING = re.compile(r"(?:key points|key facts|key highlights|story highlights|key takeaways|at a glance|in brief|in short|in summary|the big picture|what you need to know"
                              r"|what we(?:'|’| a)re covering|what we know(?: so far)?"
                              r"|need to know|highlights|summary|the essentials|quick read|the short version)\W*$", re.IGNORECASE)
_SUMMARY_BULLET = re.compile(r"[•·▪*\-–]\s+\S")
SUMMARY_BULLET_MIN_WORDS = 5
# A breadcrumb trail is no headline; a chapter heading over the first paragraph is the article's.
_BREADCRUMB_MARK = re.compile(r"[›»>]")
_SPACED_BREADCRUMB_MARK = re.compile(r"\s[›»>]\s")
_CHAPTER_HEADING = re.compile(r"(?:chapter|part)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|[ivx]{1,4})\s*[:.—–-]\s*\S[^!?]{0,80}(?<![.!?])$", re.IGNORECASE)
_PAGE_CHROME_RULES = frozenset(("nav_label", "already_subscriber", "account_links", "site_search"))
# Line scores for finding the article in a page: a prose line scores its word count,
# a short non-prose line (menu item, headline link) a penalty, a furniture rule a bigger one.
PAGE_LONG_LINE_WORDS = 25
# On a page, a sentence of this many words counts as prose (menus and headlines carry no
# final period; a paragraph can be a short closing sentence).
PAGE_SENTENCE_MIN_WORDS = 8
PAGE_SHORT_LINE_PENALTY = 4.0
# Subheadings, table cells and list labels come in short runs between article lines;
# menus and link lists in long ones. A short line in a run of at most this many costs less.
PAGE_SHORT_RUN_MAX = 3
PAGE_SHORT_IN_RUN_PENALTY = 1.0
# The headline links under a "Related" heading cost little: the box sits inside articles
# as often as after them (teasers after the article are held back by the heading itself).
PAGE_LINK_LIST_PENALTY = 2.0
PAGE_FURNITURE_PENALTY = 15.0
# Scripts written without spaces (Chinese, Japanese) have few "words": this many of
# their characters count as one word.
PAGE_CJK_CHARS_PER_WORD = 2
# The last lines of a page are its footer: legal notices and disclaimers there are long
# prose too. Prose in this final share of the page's lines counts for this share of its words
# (enough to carry an article that runs there, too little to outweigh the article above).
PAGE_TAIL_SHARE = 0.1
PAGE_TAIL_WEIGHT = 0.5
# Comment-section headings close the article: the span should not reach across them,
# and once one follows enough prose, later prose (the comments) counts for nothing.
# Related-links headings do not: news pages put "Related" boxes inside the article.
PAGE_SECTION_BREAK_PENALTY = 40.0
PAGE_ARTICLE_MIN_WORDS = 80
PAGE_AFTER_SECTION_WEIGHT = 0.0
_PAGE_SECTION_BREAKS = frozenset({"comments_heading", "comments_closed", "comments_prompt", "comment_policy", "comment_rules_heading",
                                  "forum_post_meta", "forum_reply_subject"})
# After a related-links heading, an article that goes on does so in paragraphs; teasers,
# bios and site blurbs come one prose line at a time between headlines. Until two prose
# lines follow one another again, a lone prose line counts for this share of its words.
PAGE_LONE_PROSE_AFTER_RELATED_WEIGHT = 0.1
# ... when it is one of a series (another lone prose line within this many lines):
# a single paragraph after a "Related" box is the article's last one.
PAGE_TEASER_WINDOW = 4
# A short sentence right after a paragraph ("The fare stays at $6.", "\"No,\" she said.", "Exactly right.")
# is the paragraph's tail or the article's last line: it scores this share of its words
# instead of a menu line's penalty ...
PAGE_SHORT_SENTENCE_MIN_WORDS = 2
# A list item written as a sentence without its period has a few words; "Gift cards" is a menu's.
PAGE_PHRASE_ITEM_MIN_WORDS = 3
PAGE_SHORT_SENTENCE_WEIGHT = 0.5
# ... unless it tells the reader to do something ("View the ferry timetable." is a link).
_CALL_TO_ACTION = re.compile(
    r"(?:view|read|see|click|tap|watch|listen|share|follow|sign|subscribe|join|download|get|learn|visit|check|find|explore|discover|register|log|leave|add|write|send|submit)\b",
    re.IGNORECASE,
)
# An author box ("About the author", then a bio of a paragraph or two) ends the article.
PAGE_AUTHOR_BIO_MAX_PARAGRAPHS = 2
_AUTHOR_HEADINGS = frozenset({"author_heading"})
# Teaser cards (a headline, a byline or date, a summary, then a "Read more" link) come in series:
# archive pages, "More stories" boxes, the footer under an article. When the same link line
# recurs with at most this many lines between one and the next, those lines are cards, and so
# are as many lines above the first link as the second card holds.
TEASER_CARD_MAX_LINES = 4
TEASER_MIN_LINKS = 2
_TEASER_LINK = re.compile(
    r"^(?:read more|read the rest|continue reading|keep reading|read full (?:story|article)|full story|read (?:the )?article)\W*$",
    re.IGNORECASE,
)
# A line sandwiched between two lines of a newsletter box (heading, pitch, button) is the
# box's blurb when it is at most this long.
PAGE_BOX_TEXT_MAX_WORDS = 30
# Edge rules that stay at the edges in a page too: phrasings an article paragraph can take.
_PAGE_EDGE_ONLY = frozenset({"correction", "earlier_version", "editors_note", "click_here"})
# Furniture in an article file that is content on a page: a tweet embedded in the article (both web benchmarks
# count it as article text), and a press release's "About X" sections and forward-looking statements, which the
# release prints as its own (the AEB gold keeps "About my6sense" and its paragraph; four of our page sets' writers
# kept them; an earlier set of article files had a news site's copy of them as furniture)
_PAGE_CONTENT_RULES = frozenset({"embedded_tweet", "about_company_heading", "forward_looking"})
_RELEASE_RULES = frozenset({"release_issuer", "media_contact", "forward_looking"})
# Furniture that comes in boxes of several lines (heading or button, pitch, fine print). Not
# advertising: "Presented by the arts council, ..." can be a paragraph that an ad label sits next to.
_BOX_CATEGORIES = frozenset({"newsletter", "cookie_notice"})
# Furniture that comes as a box whose middle line no rule need know (a video player's title).
_SANDWICH_CATEGORIES = frozenset({"newsletter", "cookie_notice", "media_credit"})
_RELATED_HEADINGS = frozenset({"related_heading", "related_heading_loose", "read_more_on_topic", "topics_list_heading",
                               "gear_mentioned_heading", "also_see_heading"})
# Headings over a list of short entries that are not the article's: a links widget's ("Most Read in News"),
# a fact-check's "Our sources", a wiki's "References" (citations, each a line without a sentence's end).
_LIST_HEADINGS = _RELATED_HEADINGS | {"widget_label", "references_heading", "tagged_under", "tags_label"}
# Stamps that head each entry of a live blog ("8:52 p.m. ET"): under the headline, the first entry's.
_LIVE_STAMP_RULES = frozenset({"time_ago"})
_ANSWER_HEADINGS = frozenset({"answers_heading"})
# A table flattens to a run of short cells; when at least this share of a run of at least
# this many non-prose lines are numbers (scores, prices, percentages), it is a table.
PAGE_TABLE_MIN_CELLS = 8
PAGE_TABLE_MIN_NUMERIC_SHARE = 0.3
_NUMERIC_CELL = re.compile(r"^[-+−]?[$€£¥]?\d[\d.,:/]*\s*(?:%|[kmb]|pts?)?$", re.IGNORECASE)
# A numbered list (a listicle, a ranking) continues the article past its last paragraph
# while its numbers keep counting, up or down, with at most this many lines between items.
PAGE_LIST_MAX_GAP = 2
PAGE_LIST_MIN_ITEMS = 3
# The short lines that finish an article after its last paragraph (the steps a paragraph ending
# in a colon announces, the last rows of a plan) are at most this many ...
PAGE_TRAILING_LIST_MAX_ITEMS = 8
# A table after the article's last paragraph: at least this many rows of tab-separated cells.
PAGE_TABLE_MIN_ROWS = 2
PAGE_TABLE_ROW_MAX_CHARS = 200
_PIPE_CELL_GAP = re.compile(r"(?<=\S) \| (?=\S)")
_PIPE_ROW_RULES = frozenset(("section_path", "byline_separated"))
_FIGURE_CELL = re.compile(r"[\d.,:%+\-–]+")
PAGE_TABLE_MIN_FIGURE_SHARE = 0.5
# A review's verdict box (pros, cons, their items, the rating) runs to at most this many lines.
PAGE_VERDICT_BOX_MAX_LINES = 16
PAGE_VERDICT_LIST_MAX_WORDS = 24  # the pros (or the cons) on one line, set apart by semicolons
PAGE_VERDICT_ITEM_MAX_WORDS = 8  # "Lock-screen ads unless you pay extra"
PAGE_VERDICT_MAX_PARAGRAPHS = 3  # under a "Verdict" heading: more prose is the page's, not the review's
# A contents box lists at most this many subheadings, of at most this many words each.
PAGE_CONTENTS_MAX_ENTRIES = 20
PAGE_CONTENTS_ENTRY_MAX_WORDS = 12
# ... and a step written as a phrase has at least this share of its words (after the first) in lowercase.
PAGE_PHRASE_MIN_LOWER_SHARE = 0.5
_LIST_NUMBER = re.compile(r"^(\d{1,3})\s*[.)]\s+\S")
# The headline is looked for just above the article (among this many lines no rule knows):
# a line of a few words, no final period. Of those, the one sharing the most content words
# with the article's opening paragraphs: a headline summarises the lede, while the author
# line, "Share this article" or a section name just above the article share nothing with it.
PAGE_HEADLINE_LOOKBACK = 12
PAGE_HEADLINE_MIN_WORDS = 3
PAGE_HEADLINE_MAX_WORDS = 30
PAGE_HEADLINE_LEDE_LINES = 3
PAGE_HEADLINE_STOPPED_MAX_WORDS = 20
# Words too common to tie a headline to its lede (content words are 4 letters or more): a date
# line above the article shares its month with a lede that says when.
_HEADLINE_FILLER = frozenset(
    "that this with from have will said says than into over after about their there they were been "
    "what when which more most also just some would could should them then your like make made only "
    "year years week new news monday tuesday wednesday thursday friday saturday sunday january february "
    "march april june july august september october november december".split()
)
_CONTENT_WORD = re.compile(r"[^\W\d_][\w’\x27-]{3,}")
_POSSESSIVE_END = re.compile(r"[’\x27]s?$")
# The dek (standfirst) under a page's headline is one sentence or two, never a paragraph's worth.
PAGE_DEK_MAX_WORDS = 50
_PAGE_LABEL_LEAD = re.compile(r"^\W*\w+(?:\s+\w+)?\s*:")
_DEK_LABELS = frozenset(("exclusive", "analysis", "opinion", "comment", "review", "explainer", "breaking", "interview"))

_TERMINAL = re.compile(r"[.!?…。！？][\"'”’)\]]*$")
_FULL_STOP_END = re.compile(r"[.…。][\"'”’)\]]*$")
# On a page a paragraph may end in a colon: it introduces a list or a quote ("... these changes:"),
# which a menu item or headline never does once it runs to a sentence's length.
_PAGE_TERMINAL = re.compile(r"[.!?…。！？:][\"'”’)\]]*$")
_QUOTE_CHARS = re.compile(r"[\"“”„«»]")
_WRAPPING_QUOTES = re.compile(r"^[\"“”'‘’]\s*(?P<inner>[^\"“”]*?)\s*[\"“”'‘’]$")
_NON_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_JSONL_LINE_SUFFIX = re.compile(r"\.jsonl:\d+$")
_ENTRY_STAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[—–-]\s", re.IGNORECASE)


# --- rules --------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    name: str
    category: str
    position: str  # one of POSITIONS
    max_chars: int
    pattern: re.Pattern[str]
    reason: str
    # A loose rule knows a line by its shape alone (a capitalised name, initials, "A | B"): on a flattened
    # page such lines are menu items and headings as often as bylines, and under a headline they may be a
    # match's venue. It counts in articles only, and in the header only next to other header furniture.
    loose: bool = False
    # An inline rule knows furniture that sits between an article's own paragraphs (a caption, a live blog's
    # time stamp, a gallery's "3 / 14", an embedded post's frame, a poll, a shop's button): removed, but on a
    # page no evidence that the article has ended, so it costs what a subheading does.
    inline: bool = False

    @property
    def at_header(self) -> bool:
        return self.position in ("any", "header", "edge")

    @property
    def at_footer(self) -> bool:
        return self.position in ("any", "footer", "edge")


_MATCHING_MEMO_SIZE = 4096  # lines; an article has tens
# Lines up to this length are matched through the rules' gates (regex_gate): most rules allow
# no more, and over it a line's word list costs more than the few long-line rules' one pass.
_GATED_MAX_CHARS = 400


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    # Lines up to _GATED_MAX_CHARS: a rule with a gate is tried only when the line has one of
    # its words or marks (by_word, by_mark: word -> rule positions); the rules without one are
    # tried in one alternation (ungated_combined), and only on a hit rule by rule.
    by_word: dict[str, tuple[int, ...]]
    by_mark: tuple[tuple[str, tuple[int, ...]], ...]
    ungated: tuple[int, ...]
    ungated_combined: tuple[tuple[int, re.Pattern[str] | None], ...]  # (min length, pattern), ascending
    # Longer lines: one alternation of every pattern that allows a line of at least this length
    # (a long paragraph meets the few rules that allow long lines in a single regex pass).
    long_combined: tuple[tuple[int, re.Pattern[str] | None], ...]
    # The pipeline asks twice per line (the site group's publisher, then cleaning), and the
    # regex pass is most of the clean stage's cost on prose: answers are kept for a while.
    _memo: dict[str, tuple[Rule, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, rules: Sequence[Rule]) -> RuleSet:
        by_word, by_mark, ungated = index_gates(gates_for([r.pattern for r in rules]))
        return cls(
            tuple(rules),
            by_word,
            tuple(by_mark.items()),
            ungated,
            _combined_by_length([rules[i] for i in ungated], up_to=_GATED_MAX_CHARS),
            _combined_by_length(rules, above=_GATED_MAX_CHARS),
        )

    def matching(self, text: str) -> tuple[Rule, ...]:
        """Every rule whose pattern matches ``text`` (and whose length limit allows it), in table order."""
        last_min, last_pattern = self.long_combined[-1] if self.long_combined else (0, None)
        if last_pattern is None and len(text) >= last_min:
            return ()  # longer than any rule allows (a long paragraph): nothing to remember
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) >= _MATCHING_MEMO_SIZE:
                self._memo.clear()
            found = self._memo[text] = self._matching(text)
        return found

    def _matching(self, text: str) -> tuple[Rule, ...]:
        if len(text) > _GATED_MAX_CHARS:
            combined = _for_length(self.long_combined, text)
            if combined is None or not combined.match(text):
                return ()
            return tuple(r for r in self.rules if len(text) <= r.max_chars and r.pattern.match(text))
        folded = fold(text)
        tried: set[int] = set()
        for word in self.by_word.keys() & set(GATE_WORD.findall(folded)):
            tried.update(self.by_word[word])
        for mark, positions in self.by_mark:
            if mark in folded:
                tried.update(positions)
        combined = _for_length(self.ungated_combined, text)
        if combined is not None and combined.match(text):
            tried.update(self.ungated)
        rules = self.rules
        return tuple(rules[i] for i in sorted(tried) if len(text) <= rules[i].max_chars and rules[i].pattern.match(text))


def _for_length(combined: tuple[tuple[int, re.Pattern[str] | None], ...], text: str) -> re.Pattern[str] | None:
    pattern = None
    for min_len, bucket in combined:
        if len(text) < min_len:
            break
        pattern = bucket
    return pattern


def load_rules(path: Path = RULES_PATH) -> RuleSet:
    """Read and compile the rule table; raises ValueError naming a bad rule."""
    with open(path, "rb") as fh:
        table = tomllib.load(fh)
    rules: list[Rule] = []
    names: set[str] = set()
    for row in table["rules"]:
        name = row["name"]
        if name in names:
            raise ValueError(f"{path}: duplicate rule name {name!r}")
        if row["category"] not in CATEGORIES:
            raise ValueError(f"{path}: rule {name!r} has unknown category {row['category']!r}")
        if row["position"] not in POSITIONS:
            raise ValueError(f"{path}: rule {name!r} has unknown position {row['position']!r}")
        try:
            pattern = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as err:
            raise ValueError(f"{path}: rule {name!r} has a bad pattern: {err}") from err
        names.add(name)
        rules.append(Rule(name, row["category"], row["position"], int(row["max_chars"]), pattern, row["reason"],
                          bool(row.get("loose", False)), bool(row.get("inline", False))))
    return RuleSet.of(rules)


def _combined_by_length(
    rules: Sequence[Rule], *, up_to: int | None = None, above: int = 0
) -> tuple[tuple[int, re.Pattern[str] | None], ...]:
    """Alternations of the patterns for lines of ``above`` + 1 characters or more (up to
    ``up_to``), each bucket (min length, pattern) holding the patterns that allow its lines."""
    # A bucket per distinct length limit would compile ~16 alternations of up to 20,000
    # characters each (~0.3 s at every import, in the worker's path). A new bucket starts
    # only once the patterns still alive have shrunk to half the bucket's: a line a
    # little longer than a limit tries a few patterns that cannot match, at a few
    # microseconds, and the table compiles in a fifth of the time.
    buckets: list[tuple[int, re.Pattern[str] | None]] = []
    bucket_size = 0
    limits = sorted({r.max_chars + 1 for r in rules if r.max_chars + 1 > above + 1})
    for min_len in [above + 1 if above else 0, *limits]:
        if up_to is not None and min_len > up_to:
            break
        # Named groups repeat across rules, so the combined pattern drops their names.
        alive = [re.sub(r"\(\?P<\w+>", "(?:", r.pattern.pattern) for r in rules if r.max_chars >= min_len]
        combined = "|".join(f"(?:{p})" for p in alive)
        if not alive:
            buckets.append((min_len, None))
        elif not buckets or 2 * len(combined) <= bucket_size:
            buckets.append((min_len, re.compile(combined, re.IGNORECASE)))
            bucket_size = len(combined)
    return tuple(buckets)


DEFAULT_RULES = load_rules()


def _publisher_rules(rules: RuleSet) -> RuleSet:
    """The rules that can name a site (a ``publisher`` group): all publisher detection needs."""
    return RuleSet.of([r for r in rules.rules if "publisher" in r.pattern.groupindex])


# The site group of every article is found before it is cleaned (and again by the learn
# pass): 7 of the table's ~100 patterns, so one regex pass over its lines costs far less.
_DEFAULT_PUBLISHER_RULES = _publisher_rules(DEFAULT_RULES)


# --- results ----------------------------------------------------------------------


@dataclass(frozen=True)
class RemovedLine:
    line_no: int
    text: str
    category: str
    rule: str


@dataclass(frozen=True)
class CleanResult:
    title: str | None
    dek: str | None
    paragraphs: tuple[str, ...]  # kept body lines, in order; joined they form articles.body
    removed: tuple[RemovedLine, ...]
    publisher: str | None
    flag: str | None = None  # set when cleaning would have emptied the article and was held back
    line_nos: tuple[int, ...] = ()  # raw line number of each kept paragraph
    title_line_no: int | None = None  # raw line the title came from (moves when a masthead is dropped)
    mode: str = "article"  # "article", or "page" for a flattened web page


# --- blocks -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    """One raw paragraph: a line, plus the lines that continue its sentence (hard-wrapped text)."""

    lines: tuple[Line, ...]
    text: str  # the lines joined with spaces
    role: str  # "title", "dek" or "body"


def _is_label(group: list[Line], following: Line, rules: RuleSet) -> bool:
    """A line a rule knows, which the rules no longer know with the next line appended."""
    if len(group) != 1 or not rules.matching(group[0].text):
        return False
    return not rules.matching(f"{group[0].text} {following.text}")


def _blocks(parts: ArticleParts, rules: RuleSet | None = None) -> list[_Block]:
    rules = rules or DEFAULT_RULES
    blocks: list[_Block] = []
    if parts.title is not None:
        blocks.append(_Block((parts.title,), parts.title.text, "title"))
    if parts.dek is not None:
        blocks.append(_Block((parts.dek,), parts.dek.text, "dek"))
    group: list[Line] = []
    for line in parts.body:
        # Hard-wrapped paragraphs (HuffPost exports) continue on the very next raw
        # line with a lowercase word; a paragraph break is a blank line, which the
        # splitter dropped, so a line-number gap or a capital starts a new block.
        # A furniture label ("Comments", "Follow", a date) is a line of its own that a lowercase
        # line (a user name, "facebook") merely follows on a flattened page; a wrapped editor's
        # note is still an editor's note with its next line.
        if (
            group
            and line.line_no == group[-1].line_no + 1
            and line.text[:1].islower()
            # an address on its own line is no continuation, nor is a post's picture link under its text
            and not line.text.startswith(("http://", "https://", "www.", "pic.twitter.com/"))
            and not _TERMINAL.search(group[-1].text)
            and not _is_label(group, line, rules)
            # "by: Dana Kowalczyk" under a headline is a byline, not the headline's second line
            # (or "di Matteo Bonomi" under an Italian dek)
            # nor is a line furniture wherever it sits ("hide caption" under a photo's credit)
            and not any(r.name in ("byline_by", "byline_intl") or r.position == "any" for r in rules.matching(_match_form(line.text)))
        ):
            group.append(line)
            continue
        if group:
            blocks.append(_Block(tuple(group), " ".join(ln.text for ln in group), "body"))
        group = [line]
    if group:
        blocks.append(_Block(tuple(group), " ".join(ln.text for ln in group), "body"))
    return blocks


# A bilingual site prints its labels twice, its own language first: "Cyhoeddwyd | Published 26 Rhagfyr 2021",
# "Llun | Photo: Huw Evans Agency", "Gwylio: Uchafbwyntiau | Watch: Highlights". Such a line is what its second half is.
_BILINGUAL_LABEL = re.compile(r"^(?P<own>[^|:.!?\"“”]{1,30}(?::[^|:.!?\"“”]{1,30})?) \| (?P<label>\S[^|]*)$")
BILINGUAL_LABEL_MAX_WORDS = 3


def _line_rules(block: _Block, rules: RuleSet) -> tuple[Rule, ...]:
    """The rules that know a line (a bilingual label by its second half)."""
    found = rules.matching(_match_form(block.text))
    if block.role != "body" or " | " not in block.text or not all(r.loose for r in found):
        return found  # (a loose rule takes "Llun | Photo: ..." for a name and its desk)
    m = _BILINGUAL_LABEL.match(block.text)
    if m is None or _word_count(m.group("own")) > BILINGUAL_LABEL_MAX_WORDS:
        return found
    return tuple(r for r in rules.matching(m.group("label")) if not r.loose) + found


def _match_form(text: str) -> str:
    """The text rules see: a line wholly wrapped in quotation marks is matched without them."""
    m = _WRAPPING_QUOTES.match(text)
    return m.group("inner") if m else text


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _has_words(text: str, n: int) -> bool:
    """``_word_count(text) >= n``, without counting the words of a long paragraph to the end."""
    return next(islice(_WORD.finditer(text), n - 1, None), None) is not None


def _is_sentence_like(text: str) -> bool:
    return bool(_TERMINAL.search(text)) and _has_words(text, SITE_LINE_SENTENCE_MIN_WORDS)


def _is_prose(text: str) -> bool:
    return _has_words(text, PROSE_MIN_WORDS) and bool(_TERMINAL.search(text))


# --- repeated site lines ---------------------------------------------------------------


def site_line_key(text: str) -> str:
    """Near-verbatim identity of a line: case, digits (years, dates, counts) and punctuation ignored."""
    text = unicodedata.normalize("NFKC", text).lower().replace("(c)", "©")
    text = _DIGITS.sub("0", text)
    return _NON_WORD.sub(" ", text).strip()


def _hash64(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def _article_key(article_id: str) -> int:
    try:
        return int(article_id[:16], 16)
    except ValueError:
        return _hash64(article_id)


def _learnable(text: str) -> bool:
    return len(text) <= SITE_LINE_MAX_CHARS and not _QUOTE_CHARS.search(text) and bool(site_line_key(text))


def _edge_blocks(blocks: Sequence[_Block]) -> Iterable[tuple[int, _Block]]:
    """Blocks at the positions the index counts: the first few and the last few."""
    body_start = next((i for i, b in enumerate(blocks) if b.role == "body"), len(blocks))
    chosen = set(range(min(SITE_LINE_HEAD_BLOCKS, len(blocks))))
    chosen.update(range(max(body_start, len(blocks) - SITE_LINE_TAIL_BLOCKS), len(blocks)))
    return ((i, blocks[i]) for i in sorted(chosen))


@dataclass
class _GroupLines:
    n_articles: int = 0
    counts: dict[int, int] = field(default_factory=dict)


@dataclass
class SiteLineIndex:
    """Per-group article counts of normalised edge lines, kept with the tables between runs.

    Stored as 64-bit hashes with counts (``.npz``): ~10 entries per article, so a
    100k-article corpus is a ~12 MB file that loads in milliseconds. Article ids
    are kept (first 64 bits) so observing an article twice counts it once.
    """

    groups: dict[str, _GroupLines] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> SiteLineIndex:
        path = Path(path)
        if not path.exists():
            return cls()
        with np.load(path, allow_pickle=False) as data:
            names = [str(n) for n in data["group_names"]]
            n_articles = data["group_articles"].tolist()
            line_group = data["line_group"]
            line_hash = data["line_hash"]
            line_count = data["line_count"]
            seen = set(data["seen"].tolist())
        index = cls(seen=seen)
        order = np.argsort(line_group, kind="stable")
        bounds = np.searchsorted(line_group[order], np.arange(len(names) + 1))
        for gi, name in enumerate(names):
            sel = order[bounds[gi] : bounds[gi + 1]]
            index.groups[name] = _GroupLines(int(n_articles[gi]), dict(zip(line_hash[sel].tolist(), line_count[sel].tolist())))
        return index

    def save(self, path: Path) -> None:
        path = Path(path)
        names = sorted(self.groups)
        line_group, line_hash, line_count = [], [], []
        for gi, name in enumerate(names):
            counts = self.groups[name].counts
            line_group.extend([gi] * len(counts))
            line_hash.extend(counts.keys())
            line_count.extend(counts.values())
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            np.savez(
                fh,
                group_names=np.array(names, dtype=str),
                group_articles=np.array([self.groups[n].n_articles for n in names], dtype=np.int64),
                line_group=np.array(line_group, dtype=np.int32),
                line_hash=np.array(line_hash, dtype=np.uint64),
                line_count=np.array(line_count, dtype=np.uint32),
                seen=np.array(sorted(self.seen), dtype=np.uint64),
            )
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def observe(self, group: str, article_id: str, parts: ArticleParts) -> None:
        """Count the article's edge lines once; observing the same article again changes nothing."""
        self.add(group, article_id, edge_line_hashes(parts))

    def add(self, group: str, article_id: str, hashes: Iterable[int]) -> None:
        """``observe`` with the article's ``edge_line_hashes`` worked out elsewhere (e.g. in a worker)."""
        key = _article_key(article_id)
        if key in self.seen:
            return
        self.seen.add(key)
        lines = self.groups.setdefault(group, _GroupLines())
        lines.n_articles += 1
        for h in hashes:
            lines.counts[h] = lines.counts.get(h, 0) + 1

    def n_articles(self, group: str) -> int:
        lines = self.groups.get(group)
        return lines.n_articles if lines else 0

    def is_site_line(self, group: str, text: str) -> bool:
        """True when ``text`` recurs often enough in ``group`` to be furniture (position is the caller's check)."""
        lines = self.groups.get(group)
        if lines is None or not _learnable(text):
            return False
        count = lines.counts.get(_hash64(site_line_key(text)), 0)
        if count < SITE_LINE_MIN_ARTICLES:
            return False
        share = SITE_LINE_SENTENCE_MIN_SHARE if _is_sentence_like(text) else SITE_LINE_MIN_SHARE
        return count >= share * lines.n_articles


def edge_line_hashes(parts: ArticleParts) -> frozenset[int]:
    """Hashes of the article's learnable lines at its head and tail: what ``SiteLineIndex`` counts."""
    return frozenset(_hash64(site_line_key(b.text)) for _, b in _edge_blocks(_blocks(parts)) if _learnable(b.text))


def site_group(parts: ArticleParts, source_path: str, publisher_hint: str | None) -> str:
    """The group whose articles share furniture: the publisher if known, else the source directory."""
    publisher = publisher_hint or _detect_publisher(_blocks(parts), _DEFAULT_PUBLISHER_RULES)
    if publisher:
        return f"publisher:{publisher.casefold()}"
    path = _JSONL_LINE_SUFFIX.sub("", source_path)
    directory = path.rsplit("/", 1)[0] if "/" in path else "."
    return f"dir:{directory}"


# --- publisher ----------------------------------------------------------------------

# Rules whose publisher group names the site itself; a wire credit ("The Associated
# Press contributed") is weaker evidence and used only when nothing else names one.
_WEAK_PUBLISHER_RULES = frozenset({"contributed_wire"})
_PUBLISHER_TAIL = re.compile(r"(?:[\s,.;:|-]+(?:inc|llc|ltd|plc|co|corp|all rights reserved|the)?)+$", re.IGNORECASE)


def _publisher_from(rule: Rule, text: str) -> str | None:
    m = rule.pattern.match(text)
    if not m or "publisher" not in m.groupdict() or not m.group("publisher"):
        return None
    name = _PUBLISHER_TAIL.sub("", m.group("publisher").strip())
    if len(name) < 2 or name.lower() in {"the", "this", "our", "us", "all"}:
        return None
    if name.islower():
        name = name.title()
    return name


def _detect_publisher(blocks: Sequence[_Block], rules: RuleSet, matches: Sequence[tuple[Rule, ...]] | None = None) -> str | None:
    weak: str | None = None
    for i, block in enumerate(blocks):
        text = _match_form(block.text)
        for rule in matches[i] if matches is not None else rules.matching(text):
            name = _publisher_from(rule, text)
            if name is None:
                continue
            if rule.name not in _WEAK_PUBLISHER_RULES:
                return name
            weak = weak or name
    return weak


# --- clean ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Verdict:
    category: str
    rule: str


def clean(
    parts: ArticleParts,
    *,
    source: str | None = None,
    site_lines: SiteLineIndex | None = None,
    group: str | None = None,
    rules: RuleSet = DEFAULT_RULES,
) -> CleanResult:
    """Split one article into title, dek, kept paragraphs and removed furniture.

    ``source`` is a publisher hint (it wins over detection); ``group`` is the
    :func:`site_group` the article was observed under (default: the publisher's
    group, or any group of ``site_lines`` that knows the line).
    """
    blocks = _blocks(parts, rules)
    matches = [_line_rules(b, rules) for b in blocks]
    for add_known in (_with_captions_over_credits, _with_poll_options, _with_ad_slots, _with_player_titles):
        matches = add_known(blocks, matches)
    detected = _detect_publisher(blocks, rules, matches)
    publisher = source or detected
    site = _SiteLookup(site_lines, group, publisher)

    headline: int | None = None
    page_dek: int | None = None
    page_matches = [tuple(r for r in m if not r.loose) if any(r.loose for r in m) else m for m in matches]
    if _looks_like_page(blocks, page_matches):
        verdicts, headline, page_dek = _page_verdicts(blocks, page_matches)
        mode = "page"
    else:
        verdicts = _article_verdicts(blocks, matches, site)
        mode = "article"

    flag = _hold_back_reason(blocks, verdicts) if mode == "article" else None
    if flag:
        verdicts = [None] * len(blocks)
    return _assemble(parts, blocks, verdicts, publisher, flag, mode, headline, page_dek)


# A picture's credit line ("(Image: Blaze Pictures / Tony Sharrock)", "Photo: AP"), not a player's "Replay", a
# page's "Read the full transcript" or an agency's name under a headline ("REUTERS").
_PICTURE_CREDIT = re.compile(r"\b(?:image|images|photo|photos|photograph|picture|pictures|credit|shutterstock|alamy"
                             r"|courtesy|handout)\b|©", re.IGNORECASE)
_AGENCY_PHOTO_CREDIT = re.compile(r"/\s*(?:AFP|AP|Reuters|EPA|Getty Images|Bloomberg|PA Images|Shutterstock)\b")
_SENTENCE_BREAK_INSIDE = re.compile(r"[.!?][\"”’)]?\s+[A-Z\"“]")
CAPTION_MIN_WORDS = 6  # a subheading over a picture's credit is shorter
CAPTION_MAX_WORDS = 40
CREDIT_LINE_MAX_WORDS = 12
GALLERY_SLIDE_LINES = 2  # a slide's counter, then perhaps its title, then its text over the picture's credit
_SLIDE_COUNTER = re.compile(r"\s*(?:slide\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}\s*$", re.IGNORECASE)  # "4 of 25", "Slide 3/12"
# The pattern of the rules page passes assign to lines (a caption over its credit, a poll's answers, an ad slot's text):
# it matches no line by itself.
_NEVER_MATCHES = re.compile(r"(?!)")


def _mark_unknown(matches: list[tuple[Rule, ...]], lines: range, rule: Rule) -> None:
    """Give ``rule`` to the lines in ``lines`` that no rule knows."""
    for k in lines:
        if not matches[k]:
            matches[k] = (rule,)


_CAPTION_OVER_CREDIT = Rule(
    "caption_over_credit", "media_credit", "any", 400, _NEVER_MATCHES,
    "a line with no sentence's end right over its picture's credit line: 'Edna with the winning ticket - which "
    "still has her shopping list ...' over '(Image: Blaze Pictures / Tony Sharrock)'", inline=True)


_CAPTION_LABEL = re.compile(r"^(?:image|video|picture|photo) caption\W*$", re.IGNORECASE)
CAPTION_UNDER_CREDIT_MIN_WORDS = 8  # under a credit, a shorter line is as likely the subheading of the next section
_CAPTION_UNDER_CREDIT = Rule(
    "caption_under_credit", "media_credit", "any", 400, _NEVER_MATCHES,
    "a line with no sentence's end right under a picture's credit line and over a paragraph: 'Getty Images', "
    "then 'Scientists say it is too early to know how the variant will behave'", inline=True)


_POLL_OPTION = Rule(
    "poll_option", "comments", "any", 80, _NEVER_MATCHES,
    "a reader poll's answer between its question and its button: 'POLL: Are you prepared ...?', then 'Yes, I have a "
    "bag packed', 'Somewhat', 'No', then 'Vote | View results'", inline=True)
POLL_MAX_OPTIONS = 6
POLL_QUESTION_MAX_WORDS = 25
POLL_OPTION_MAX_WORDS = 8


def _with_poll_options(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> list[tuple[Rule, ...]]:
    """The matches with a poll's answers known too: short lines no rule knows, between a line the poll rules know
    (its question or label) and its vote button, each on a line of its own."""
    for i, found in enumerate(matches):
        # a poll's question or its label opens it ("POLL: Are you ...?", "Quick poll"); a count of votes or a
        # button only closes one (a results box's "1,412 votes" lines hold candidates between them)
        if not any(r.name == "poll_question" for r in found) and not (
                any(r.name == "poll_widget" for r in found) and _POLL_LABEL.match(blocks[i].text)):
            continue
        # under a label ("Poll"), the question comes first: "Have you been affected by water outages this year?"
        asked = (not any(r.name == "poll_question" for r in found) and i + 1 < len(blocks) and not matches[i + 1]
                 and blocks[i + 1].text.rstrip().endswith("?") and _word_count(blocks[i + 1].text) <= POLL_QUESTION_MAX_WORDS)
        first = i + 2 if asked else i + 1
        for j in range(first + 1, min(len(blocks), first + POLL_MAX_OPTIONS + 1)):
            if any(r.name in _POLL_RULES for r in matches[j]):
                options = range(first, j)
                if all(not matches[k] and _word_count(blocks[k].text) <= POLL_OPTION_MAX_WORDS
                       and not _TERMINAL.search(blocks[k].text) for k in options):
                    for k in range(i + 1, j):
                        matches[k] = (_POLL_OPTION,)
                break
            if matches[j] or _word_count(blocks[j].text) > POLL_OPTION_MAX_WORDS:
                break
    return matches


_AD_SLOT_TEXT = Rule(
    "ad_slot_text", "advertising", "any", 400, _NEVER_MATCHES,
    "an advertisement's text between its label and its end marker: '--- Advertisement ---', 'CLASSIC BIKE COVER from "
    "£45 a year. Get a quote.', '--- End Advertisement ---'", inline=True)
AD_SLOT_MAX_LINES = 4


def _with_ad_slots(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> list[tuple[Rule, ...]]:
    """The matches with an ad's own lines known too: lines no rule knows between an advertisement's label and the
    line that ends it."""
    for i, found in enumerate(matches):
        if not any(r.name == "end_advertisement" for r in found):
            continue
        for k in range(i - 1, max(-1, i - AD_SLOT_MAX_LINES - 2), -1):
            if any(r.name == "advertisement_label" for r in matches[k]):
                _mark_unknown(matches, range(k + 1, i), _AD_SLOT_TEXT)
                break
    return matches


_PLAYER_TITLE = Rule(
    "player_title", "media_credit", "any", 160, _NEVER_MATCHES,
    "an audio or video player's title and programme between its label and its running time: 'Audio', 'Smoke "
    "blankets Saskatoon as warnings widen', 'Afternoon Edition - Sask 7:42'", inline=True)
_EPISODE_TITLE = re.compile(r"(?:episode|ep\.?)\s*\d{1,4}\s*[:|–—-]\s*\S", re.IGNORECASE)
_GALLERY_CAPTION = Rule(
    "gallery_caption", "media_credit", "any", 400, _NEVER_MATCHES,
    "a gallery's caption between its counter and its button: '1 / 18', 'Theo Acheampong (22) breaks a tackle ...', "
    "'View gallery'", inline=True)
PLAYER_TITLE_MAX_LINES = 3
PLAYER_TITLE_MAX_WORDS = 15
_PLAYER_BOX_LABELS = frozenset({"audio", "video", "watch", "listen", "play", "podcast"})
_RUNNING_TIME_END = re.compile(r"\b\d{1,2}:\d{2}\W*$")
# A broadcaster's player opens with its label and what the clip is about: "WATCH | What the air quality index means:"
_PLAYER_LABEL_OPENING = re.compile(r"(?:watch|video|listen|audio)\s*\|\s*\S[^.!?]*:$", re.IGNORECASE)
_PLAYER_AGE = re.compile(r"\d{1,2} (?:minutes?|hours?|days?|weeks?|months?|years?) ago$", re.IGNORECASE)


def _with_player_titles(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> list[tuple[Rule, ...]]:
    """The matches with a player's title known too: the short lines under its label ("Audio", "Watch") down to
    the line that ends in its running time ("Duration 1:56", "Afternoon Edition - Sask 7:42"); an episode's title
    over its podcast's links ("Episode 31: Quarterfinal picks", "Subscribe on Apple Podcasts | Spotify"); a
    gallery's caption between its counter and its button ("1 / 18", "Theo Acheampong (22) breaks a tackle ...",
    "View gallery")."""
    for i in range(1, len(blocks)):
        if matches[i - 1] or not _EPISODE_TITLE.match(blocks[i - 1].text):
            continue
        if any(r.name == "podcast_platforms" for r in matches[i]):
            matches[i - 1] = (_PLAYER_TITLE,)
    for i in range(1, len(blocks) - 1):
        if (not matches[i] and any(r.name in _GALLERY_COUNTER_RULES for r in matches[i - 1])
                and any(r.name == "gallery_view_button" for r in matches[i + 1])):
            matches[i] = (_GALLERY_CAPTION,)
    for i, found in enumerate(matches):
        if not found or (blocks[i].text.strip().lower() not in _PLAYER_BOX_LABELS
                         and not _PLAYER_LABEL_OPENING.match(blocks[i].text)):
            continue
        for j in range(i + 1, min(len(blocks), i + PLAYER_TITLE_MAX_LINES + 1)):
            text = blocks[j].text
            if _RUNNING_TIME_END.search(text):
                _mark_unknown(matches, range(i + 1, j + 1), _PLAYER_TITLE)
                break
            if _PLAYER_AGE.match(text):
                continue  # the clip's age between its title and its running time: "2 years ago"
            if matches[j] or _word_count(text) > PLAYER_TITLE_MAX_WORDS or _TERMINAL.search(text):
                break
    return matches


_POLL_RULES = frozenset(("poll_question", "poll_widget"))
_POLL_LABEL = re.compile(r"(?:quick |reader |our )?poll\W*$", re.IGNORECASE)


def _with_captions_over_credits(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> list[tuple[Rule, ...]]:
    """The matches with the caption over a picture's credit line known as furniture too: a tabloid prints
    the caption and "(Image: ...)" on lines of their own, the caption with no full stop."""
    for i in range(len(blocks) - 1):
        credit = blocks[i + 1].text
        if matches[i] or blocks[i].role != "body" or not _picture_credit(credit, matches[i + 1]):
            continue
        if i > 0 and any(r.category == "media_credit" for r in matches[i - 1]):
            continue  # a player's title between "JUST WATCHED" and "Replay" belongs to its box
        if any(_SLIDE_COUNTER.match(blocks[k].text) for k in range(max(0, i - GALLERY_SLIDE_LINES), i)):
            continue  # under a slide's counter ("4 of 25", the name of who is pictured) the text is the gallery's story
        # over a newspaper's "Credit X for Y" or an agency's "Name/AFP/Getty Images" the caption is a sentence with
        # its full stop, if the article goes on below (a sentence over a credit at the very end is the last
        # paragraph, the credit the lead picture's)
        sentence = i + 2 < len(blocks) and (any(r.name in _SENTENCE_CAPTION_CREDITS for r in matches[i + 1])
                                            or _caps_slash_credit(credit, matches[i + 1])
                                            or _AGENCY_PHOTO_CREDIT.search(credit) is not None)
        if _caption_shaped(blocks[i].text, sentence):
            matches[i] = (_CAPTION_OVER_CREDIT,)
    # a broadcaster prints the credit first: "Getty Images", then "Scientists say it is too early to know ...", then
    # the paragraph the picture sits in
    for i in range(1, len(blocks) - 1):
        if not matches[i] and _CAPTION_LABEL.match(blocks[i - 1].text) and _caption_shaped(blocks[i].text, True):
            matches[i] = (_CAPTION_UNDER_CREDIT,)  # "Image caption," then the caption
        elif (not matches[i] and blocks[i].role == "body" and _picture_credit(blocks[i - 1].text, matches[i - 1])
                and _caption_shaped(blocks[i].text, False) and _word_count(blocks[i].text) >= CAPTION_UNDER_CREDIT_MIN_WORDS
                and not _title_case(blocks[i].text) and ":" not in blocks[i].text  # a subheading: "Step 4: Unscrew ..."
                and not matches[i + 1] and _is_page_prose(blocks[i + 1].text)):
            matches[i] = (_CAPTION_UNDER_CREDIT,)
    return matches


def _picture_credit(text: str, rules: tuple[Rule, ...]) -> bool:
    """A picture's credit line: a credit rule knows it, it is short and names a picture, and it is no post's
    signature ("— Brenda Kessling (@BrendaK) October 14, 2016") or picture link ("pic.twitter.com/...")."""
    return (any(r.category == "media_credit" for r in rules) and _word_count(text) <= CREDIT_LINE_MAX_WORDS
            and (_PICTURE_CREDIT.search(text) is not None or _caps_slash_credit(text, rules))
            and "@" not in text and "twitter.com" not in text
            and not text.startswith("[")  # "[Image: Hygienist demonstrating ...]" is the caption, not its credit
            and _TEXT_CREDIT.search(text) is None)  # "Photos by X | Text by Y" credits the story too: a byline


# A newspaper's credit under a caption that is a sentence: "Credit: X for Y", "Credit...X for The National Record".
_SENTENCE_CAPTION_CREDITS = frozenset({"credit_line", "credit_ellipsis"})


def _caps_slash_credit(text: str, rules: tuple[Rule, ...]) -> bool:
    """A photographer and the outlet in capitals, set apart by a slash: "KELVIN CHNG/THE HARLOW LEDGER". (In
    mixed case the form is a byline's too: "Nadia Al Suwaidi/Dubai".)"""
    return text.isupper() and any(r.name == "credit_name_slash_outlet" for r in rules)


_TEXT_CREDIT = re.compile(r"\b(?:text|words|story|reporting|written) by\b", re.IGNORECASE)


def _caption_shaped(text: str, sentence: bool) -> bool:
    """A caption's shape: a phrase with no sentence's end, or one sentence where ``sentence`` allows it."""
    return (CAPTION_MIN_WORDS <= _word_count(text) <= CAPTION_MAX_WORDS and (sentence or not _TERMINAL.search(text))
            and not _SENTENCE_BREAK_INSIDE.search(text))


@dataclass(frozen=True)
class _SiteLookup:
    index: SiteLineIndex | None
    group: str | None
    publisher: str | None

    def knows(self, text: str) -> bool:
        if self.index is None or not self.index.groups:
            return False
        if self.group is not None:
            return self.index.is_site_line(self.group, text)
        if self.publisher is not None and f"publisher:{self.publisher.casefold()}" in self.index.groups:
            return self.index.is_site_line(f"publisher:{self.publisher.casefold()}", text)
        return any(self.index.is_site_line(g, text) for g in self.index.groups)


def _first_rule(rules: tuple[Rule, ...], where: str) -> Rule | None:
    for rule in rules:
        if rule.position == "any" or (where == "header" and rule.at_header) or (where == "footer" and rule.at_footer):
            return rule
    return None


def _article_verdicts(blocks: list[_Block], matches: list[tuple[Rule, ...]], site: _SiteLookup) -> list[_Verdict | None]:
    n = len(blocks)
    verdicts: list[_Verdict | None] = [None] * n
    edge_positions = {i for i, _ in _edge_blocks(blocks)}

    def site_line(i: int) -> bool:
        return i in edge_positions and site.knows(blocks[i].text)

    if n and blocks[0].role == "title" and matches[0] and all(r.category == "related_links" for r in matches[0]):
        # "Watch: Constituents Grill GOP Congressman ...": a link's shape, but an article's first line is its headline
        matches = [(), *matches[1:]]

    # Furniture allowed anywhere.
    for i in range(n):
        rule = _first_rule(matches[i], "any")
        if rule is not None and rule.position == "any":
            verdicts[i] = _Verdict(rule.category, rule.name)

    for i in _pull_quotes(blocks):
        if verdicts[i] is None:
            verdicts[i] = _Verdict("media_credit", "pull_quote")

    # A box inside the article (a newsletter sign-up: pitch, button, fine print): an edge rule's line
    # that touches a line of the same category which an "any" rule removed belongs to that box.
    changed = True
    while changed:
        changed = False
        for i in range(n):
            if verdicts[i] is not None or not matches[i]:
                continue
            for j in (i - 1, i + 1):
                neighbour = verdicts[j] if 0 <= j < n else None
                rule = next((r for r in matches[i] if neighbour is not None and r.category == neighbour.category and r.category in _BOX_CATEGORIES), None)
                if rule is not None:
                    verdicts[i] = _Verdict(rule.category, rule.name)
                    changed = True
                    break

    # A short line between two removed lines of a box: a video player's title between "JUST WATCHED" and
    # "Replay", a newsletter box's name between its pitch and its button.
    for i in range(1, n - 1):
        above, below = verdicts[i - 1], verdicts[i + 1]
        if (verdicts[i] is None and above is not None and below is not None and above.category == below.category
                and above.category in _SANDWICH_CATEGORIES and not matches[i] and _header_shaped(blocks[i].text)):
            verdicts[i] = _Verdict(above.category, "in_box")

    # Header: furniture around the title and dek, within the first few blocks. Short lines no rule knows
    # may sit in it above a known header line, which vouches for them (as in the footer below).
    kept_head = 0
    unknown: list[int] = []  # unknown lines above the next known one, not yet vouched for
    for i in range(min(n, HEADER_SCAN_BLOCKS)):
        if verdicts[i] is not None:
            if unknown and unknown[0] > 0 and (above := verdicts[unknown[0] - 1]) is not None:
                # a short line between furniture removed above and below it: a dateline's "TÜRKİYE"
                # between the byline and the lead photo's caption
                for j in unknown:
                    verdicts[j] = _Verdict(above.category, "in_header_run")
                unknown = []
            continue
        rule = _first_rule(matches[i], "header")
        if rule is not None and rule.loose and (blocks[i].role == "title" or not _known_header_neighbour(matches, verdicts, i)):
            # a rule that knows only a line's shape never takes the headline ("NCN/Harbor poll: Florida a dead heat
            # ..." looks like "Name / Outlet"), and a name under it may be a venue: known furniture beside it vouches
            rule = _first_rule(tuple(r for r in matches[i] if not r.loose), "header")
        if rule is not None and rule.name in _LIVE_STAMP_RULES and _stamps_entries_below(matches, i, rule):
            break  # a live blog's first entry time: the article starts here
        if rule is not None:
            verdicts[i] = _Verdict(rule.category, rule.name)
        elif site_line(i):
            verdicts[i] = _Verdict("repeated_site_line", "site_line")
        elif blocks[i].role == "title" or (blocks[i].role == "dek" and not _kicker_shaped(blocks[i].text)) or kept_head == 0:
            # the title (or the line promoted to title) and the dek sit between header furniture
            kept_head += 1
            continue
        elif (kept_head >= 1
              and (category := _note_about_the_publication(blocks[i].text, HEADER_NOTE_MAX_CHARS, HEADER_NOTE_MAX_WORDS)) is not None):
            # "This article is part of our special report ...", "Correction ...: An earlier version of this story ..."
            verdicts[i] = _Verdict(category, "note_about_the_publication")
        else:
            shaped = _header_shaped(blocks[i].text)
            if shaped and len(unknown) < HEADER_UNKNOWN_RUN_MAX:
                unknown.append(i)  # a name, a desk, a kicker ("North Korea"): a known line below vouches for it
            elif not shaped and kept_head <= HEADER_KEPT_LINES_MAX - 1 and not unknown and _byline_below(blocks, matches, i):
                # a standfirst the parser took for a paragraph (or a second one, or a column's name under the
                # dek), then the byline: "By Tahlia Ventresca and ...", perhaps under the section's label
                kept_head += 1
            else:
                break
            continue
        for j in unknown:
            verdicts[j] = _Verdict(verdicts[i].category, "in_header_run")
        unknown = []
    if (len(unknown) == 1 and unknown[0] > 0 and (above := verdicts[unknown[0] - 1]) is not None
            and above.category in ("byline", "dateline") and _DATELINE_PLACE_ALONE.match(blocks[unknown[0]].text)):
        # the dateline's place in capitals on its own line, under the byline and over the first paragraph: "SANTA FE"
        verdicts[unknown[0]] = _Verdict("dateline", "dateline_place_alone")

    # A box of links between paragraphs: "Read more:" and the headlines under it.
    for i, member in enumerate(_inline_link_box_members(blocks, matches, verdicts)):
        if member and verdicts[i] is None:
            rule = next((r for r in matches[i] if r.name in _RELATED_HEADINGS), None)
            verdicts[i] = _Verdict("related_links", rule.name if rule is not None else "inline_link_box")

    # Teaser cards are furniture wherever they sit.
    for i, member in enumerate(_teaser_card_members(blocks, matches)):
        if member and verdicts[i] is None:
            verdicts[i] = _Verdict("related_links", "teaser_card")

    # Footer: the run of furniture that reaches the end of the article. Short lines no rule knows may sit
    # in it below a known footer line, which vouches for them: one unknown promo at the very end must not
    # shield every credit above it.
    in_link_list = _link_list_members(blocks, matches)
    body_start = next((i for i, b in enumerate(blocks) if b.role == "body"), n)
    unknown: list[int] = []  # unknown lines below the lowest known line seen so far, not yet vouched for
    for i in range(n - 1, body_start - 1, -1):
        if verdicts[i] is not None:
            # an ad label or a box found anywhere vouches for nothing below it, unless a footer rule knows
            # the line too: "Sign up for Sport Wrap, ... newsletter ...", then "Share this article", "Latest from Rugby"
            if unknown and any(r.position in ("footer", "edge") for r in matches[i]):
                for j in unknown:
                    verdicts[j] = _Verdict(verdicts[i].category, "in_footer_run")
                unknown = []
            continue
        rule = _first_rule(matches[i], "footer")
        if rule is not None:
            verdicts[i] = _Verdict(rule.category, rule.name)
        elif site_line(i):
            verdicts[i] = _Verdict("repeated_site_line", "site_line")
        elif (heading := in_link_list[i]) is not None:
            verdicts[i] = _list_item_verdict(heading)
        elif (category := _note_about_the_publication(blocks[i].text)) is not None:
            verdicts[i] = _Verdict(category, "note_about_the_publication")
        elif len(unknown) < FOOTER_UNKNOWN_RUN_MAX and _footer_shaped(blocks[i].text):
            unknown.append(i)
            continue
        else:
            break
        for j in unknown:
            verdicts[j] = _Verdict(verdicts[i].category, "in_footer_run")
        unknown = []
    return verdicts


def _unreported_words(text: str, max_chars: int = FOOTER_UNKNOWN_MAX_CHARS, max_words: int = FOOTER_UNKNOWN_MAX_WORDS) -> int | None:
    """The word count of a short line that does not report, else None: what either kind of unknown
    footer line must be. The length is checked first: counting the words of every article's last
    paragraph costs."""
    if len(text) > max_chars or _REPORTED.search(text):
        return None
    words = _word_count(text)
    return words if words <= max_words else None


def _note_about_the_publication(text: str, max_chars: int = FOOTER_UNKNOWN_MAX_CHARS,
                                max_words: int = FOOTER_UNKNOWN_MAX_WORDS) -> str | None:
    """The category of a line no rule knows that is about the publication, not the news ("Questions
    about this story can be sent to ...", "(With inputs from our bureau)", "... is free because readers chip
    in. ... →"), else None. Never a line that reports or quotes, and never a long paragraph."""
    # cheapest and most often failing first: most articles end on a paragraph that speaks of neither
    if len(text) > max_chars or any(q in text for q in '"“”') or _PUBLICATION_SELF.search(text) is None:
        return None
    if _OWN_METHOD.search(text) and not _IMPERATIVE_OPENING.search(text):
        # (an appeal that tells how the story was reported still asks: "... we obtained 4,000 pages. Support ...")
        return None  # "We compared each donor in the committee's filing with ...": how the story was reported is the story's
    if _ENTRY_STAMP.match(text) or OPENING_DATELINE.match(text):
        # a live blog's entry, its time first ("6:30 p.m. — Welcome to our live coverage of ..."), or the
        # article's first paragraph, its dateline first ("COLUMBUS, Ohio (WKVR) - ... your subscription ...")
        return None
    if _unreported_words(text, max_chars, max_words) is None:
        return None
    return next((category for category, pattern in _PUBLICATION_TOPICS if pattern.search(text)), None)


# The newsroom telling how it did the reporting: a methodology paragraph, the article's own.
_OWN_METHOD = re.compile(r"\b(?:we|our (?:analysis|review|reporters))(?: also| then| first)? (?:compared|analy[sz]ed|reviewed|examined|counted"
                         r"|matched|identified|calculated|collected|gathered|excluded|included|obtained|surveyed|interviewed|spoke with"
                         r"|requested|filed (?:public records|records|freedom of information) requests|relied on|used data)\b", re.IGNORECASE)


PULL_QUOTE_MIN_WORDS = 4  # "“No.”" on its own line is a paragraph, not a pull quote
# The name a pull quote is signed with, on the line under it or after it on its own line: "— Darnell Whitfield,
# Two Rivers Baking Co.", "– Dr Leong Kah Wai, sociologist" (a name, not a sentence: no full stop before lower case).
_SIGNATURE = r"(?:—|–|--?)\s*(?-i:[A-Z])(?![^\"“”]*[.!?]\s+[a-z])[^!?\"“”]{2,80}"
_QUOTED_LINE = re.compile(r'^(?:["“]([^"“”]+)["”]|‘([^"“”]+)’)(?P<signed>\s*' + _SIGNATURE + r')?$')
_PULL_QUOTE_SIGNATURE = re.compile(r"^\s*" + _SIGNATURE + r"$")
_QUOTE_KEY_SPACE = re.compile(r"\s+")


def _pull_quotes(blocks: Sequence[_Block]) -> list[int]:
    """Body lines that are only a quotation printed word for word in another paragraph: pull quotes,
    repeated in large type between paragraphs ("“Not the signature. The forty minutes.”"), and the
    name signed under one ("— Kayla Rennick, Alder Falls, Iowa")."""
    quoted: list[tuple[int, str]] = []
    first_paragraph = next((i for i, b in enumerate(blocks) if b.role == "body" and _is_prose(b.text)), len(blocks))
    for i, block in enumerate(blocks[first_paragraph + 1 :], first_paragraph + 1):
        # (between paragraphs: a quotation over the first is the article's dek)
        if block.role != "body" or block.text.lstrip()[:1] not in ('"', "“", "‘"):
            continue  # (the cheap test first: most lines open with no quotation mark)
        m = _QUOTED_LINE.match(block.text.strip())
        words = (m.group(1) or m.group(2)) if m is not None else ""
        if _word_count(words) >= PULL_QUOTE_MIN_WORDS:
            quoted.append((i, _quote_key(words)))
    if not quoted:
        return []
    keys = [_quote_key(b.text) for b in blocks]
    pulled = [i for i, key in quoted if any(key in other for j, other in enumerate(keys) if j != i and blocks[j].role == "body")]
    return pulled + [i + 1 for i in pulled if i + 1 < len(blocks) and _PULL_QUOTE_SIGNATURE.match(blocks[i + 1].text)]


# Lines from an unsigned pull quote to the paragraph it repeats: a page sets the quotation beside its paragraph.
PULL_QUOTE_PAGE_REACH = 4
PULL_QUOTE_PAGE_MIN_EXTRA_CHARS = 20  # the paragraph says more than the quotation: its attribution, another sentence
_PULLED_SENTENCES = re.compile(r"[.!?…]$|[.!?]\s+[A-Z‘“\"]")  # a whole sentence, or two


def _repeats_nearby(blocks: Sequence[_Block], i: int) -> bool:
    """Line ``i``, a quotation alone, repeats part of a longer paragraph within PULL_QUOTE_PAGE_REACH lines."""
    m = _QUOTED_LINE.match(blocks[i].text.strip())
    words = ((m.group(1) or m.group(2)) if m is not None else "").strip()
    if not _PULLED_SENTENCES.search(words):
        return False  # "‘It just gets stamped’" over a paragraph is a subheading quoting it, not a sentence pulled out
    key = _quote_key(words)
    for j in range(max(0, i - PULL_QUOTE_PAGE_REACH), min(len(blocks), i + PULL_QUOTE_PAGE_REACH + 1)):
        other = _quote_key(blocks[j].text)
        if j != i and blocks[j].role == "body" and key in other and len(other) > len(key) + PULL_QUOTE_PAGE_MIN_EXTRA_CHARS:
            return True
    return False


def _quote_key(text: str) -> str:
    return _QUOTE_KEY_SPACE.sub(" ", text.replace("’", "'").casefold()).strip(" ,.")


def _known_header_neighbour(matches: list[tuple[Rule, ...]], verdicts: list[_Verdict | None], i: int) -> bool:
    """The line above already removed, or the line below known to a rule that is not loose."""
    if i > 0 and verdicts[i - 1] is not None:
        return True
    below = _first_rule(matches[i + 1], "header") if i + 1 < len(matches) else None
    return below is not None and not below.loose


def _byline_below(blocks: list[_Block], matches: list[tuple[Rule, ...]], i: int) -> bool:
    """A byline, a date or a header-only label under line ``i``, past at most a kicker's worth of lines:
    a desk's name, a writer's name that only a loose rule knows, a newsroom's pitch; or past the other
    points of a tabloid's bulleted summary (lines like ``i`` itself, with no full stop)."""
    bullets = _summary_point(blocks[i].text)
    for j in range(i + 1, min(len(blocks), i + 2 + HEADER_UNKNOWN_RUN_MAX)):
        rule = _first_rule(matches[j], "header")
        if rule is not None and not rule.loose and (rule.category in ("byline", "dateline") or rule.position == "header"
                                                    or rule.name in _HEADER_NOTES):
            return True
        if rule is not None:
            continue  # a newsroom's pitch or "Listen to this article" above the byline; a "Read more" proves nothing
        if bullets and not matches[j] and _summary_point(blocks[j].text):
            continue
        if matches[j] or not (_header_shaped(blocks[j].text) or _column_label(blocks[j].text)):
            return False
    return False


# Notes a header prints under the standfirst as it prints a byline: "This article has been updated.", "Editor's
# note: This article has been updated to include ..."
_HEADER_NOTES = frozenset({"updated_notice", "editors_note", "follow_on_social", "continue_reading", "newsletter_our_guide"})


def _summary_point(text: str) -> bool:
    """One point of a tabloid's summary under its headline: a sentence without its full stop ("Her mother Denise
    was filmed clutching a stranger's arm and mouthing the same prayer before every single dive")."""
    return not _TERMINAL.search(text) and SUMMARY_BULLET_MIN_WORDS <= _word_count(text) <= HEADER_SUMMARY_POINT_MAX_WORDS


def _column_label(text: str) -> bool:
    """A column's name over its byline, a short line that may end in a full stop: "Dispatches: Notes from the
    2016 campaign." (no quotation, nothing reported)."""
    return (len(text) <= HEADER_UNKNOWN_MAX_CHARS and not any(q in text for q in '"“”')
            and _unreported_words(text, HEADER_UNKNOWN_MAX_CHARS, HEADER_UNKNOWN_MAX_WORDS) is not None)


def _kicker_shaped(text: str) -> bool:
    """A line the parser took for the dek that reads as a kicker: a word or three ("Kamloops"), or a label
    in capitals ("LIVE UPDATES"). It is removed only when header furniture below vouches for it."""
    words = _word_count(text)
    return _header_shaped(text) and (words <= KICKER_MAX_WORDS or (words <= HEADER_UNKNOWN_MAX_WORDS and not any(c.islower() for c in text)))


_DATELINE_PLACE_ALONE = re.compile(r"[A-Z][A-Z.'’ -]{1,24}[A-Z.](?:,\s*[A-Z][A-Za-z.]{1,12})?\s*[—–-]?$"
                                   r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z][a-z]+(?: [A-Z][a-z]+)?$")  # "Pune, India"


def _header_shaped(text: str) -> bool:
    """A line no rule knows that may still belong to the header run: a name, a desk, a credit; a few words,
    no sentence's end, no quotation, nothing reported."""
    if _DATELINE_PLACE_ALONE.match(text):
        return True  # "RALEIGH, N.C.": the full stop closes the state's abbreviation, not a sentence
    if (len(text) > HEADER_UNKNOWN_MAX_CHARS or text.rstrip().endswith((".", "!", "?", '"', "”", "’", ".'", "!'", "?'"))
            or any(q in text for q in '"“”')):
        return False  # the cheap tests first: the line under a headline is most often the first paragraph
    return _unreported_words(text, HEADER_UNKNOWN_MAX_CHARS, HEADER_UNKNOWN_MAX_WORDS) is not None


def _stamps_entries_below(matches: list[tuple[Rule, ...]], i: int, rule: Rule) -> bool:
    """The time stamp under the headline is a live blog's first entry when the same kind of stamp
    heads entries further down."""
    return any(rule in m for m in matches[i + 1 :])


def _title_case(text: str, min_words: int = TITLE_CASE_MIN_WORDS) -> bool:
    """A headline in Title Case ("Republicans Promised To Protect Preexisting Conditions.")."""
    long_words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(long_words) >= min_words and sum(1 for w in long_words if w[0].isupper()) >= TITLE_CASE_MIN_SHARE * len(long_words)


def _footer_shaped(text: str) -> bool:
    """A line no rule knows that may still belong to a footer run: short, not reporting, and either a
    heading or link (a few words, no full stop) or the site addressing its readers."""
    words = _unreported_words(text)
    if words is None:
        return False
    heading_like = words <= FOOTER_HEADING_MAX_WORDS and not text.rstrip().endswith((".", "!", "?", '"', "”"))
    return heading_like or _FOOTER_SHAPED.search(text) is not None or _IMPERATIVE_OPENING.search(text) is not None


def _link_list_members(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> list[Rule | None]:
    """Headline-like lines that follow a "Related"/"More from" heading, and citations under "Sources": for
    each line of such a list, its heading's rule."""
    members: list[Rule | None] = [None] * len(blocks)
    heading: Rule | None = None  # the open list's
    run: list[int] = []  # the open list's members so far
    for i, block in enumerate(blocks):
        if (opening := next((r for r in matches[i] if r.name in _LIST_HEADINGS), None)) is not None:
            heading, run = opening, []
            continue
        if heading is not None and block.text.rstrip().endswith(":") and not matches[i]:
            # "The council made three decisions:" introduces what follows: the article has resumed
            if run and run[-1] == i - 1 and _is_subheading_after_links(blocks, run):
                members[run[-1]] = None
            heading = None
        elif heading is not None and _is_link_line(block.text):
            members[i] = heading
            run.append(i)
        elif not matches[i]:
            if heading is not None and run and _is_subheading_after_links(blocks, run):
                members[run[-1]] = None  # "How the study worked" heads the paragraph the article resumes with
            heading = None
    return members


def _list_item_verdict(heading: Rule) -> _Verdict:
    if heading.category == "related_links":
        return _Verdict("related_links", "related_list_item")
    return _Verdict(heading.category, "source_list_item")


def _extend_start_over_key_points(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int) -> int:
    """Move the span's start over a summary box right above the first paragraph: a "Key points" heading and
    its bullets, which are the article's own sentences."""
    i = start
    while i > 0 and not matches[i - 1] and _summary_bullet(blocks[i - 1].text):
        i -= 1
    if start - i >= PAGE_LIST_MIN_ITEMS - 1 and i > 0 and not matches[i - 1] and _SUMMARY_HEADING.match(blocks[i - 1].text):
        return i - 1
    if start > 0 and not matches[start - 1] and _SUMMARY_HEADING.match(blocks[start - 1].text):
        return start - 1  # the box's points are sentences, the article's first: its heading opens the article
    return start


SUMMARY_BULLET_MAX_WORDS = 30


def _summary_bullet(text: str) -> bool:
    """A summary box's bullet: a sentence of a few words, with its bullet sign, or without one and without a
    full stop (the flattened page lost the sign: "Some have sold herds or taken on debt to keep operating")."""
    words = _word_count(text)
    if words < SUMMARY_BULLET_MIN_WORDS:
        return False
    return _SUMMARY_BULLET.match(text) is not None or (words <= SUMMARY_BULLET_MAX_WORDS and not _TERMINAL.search(text))


def _summary_box_lines(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> set[int]:
    """The bullets under each summary heading ("Key points:", "Summary"): the article's own sentences, never its headline."""
    lines: set[int] = set()
    for i, block in enumerate(blocks):
        if matches[i] or not _SUMMARY_HEADING.match(block.text):
            continue
        j = i + 1
        while j < len(blocks) and not matches[j] and _summary_bullet(blocks[j].text):
            j += 1
        if j - i - 1 >= PAGE_LIST_MIN_ITEMS - 1:
            lines.update(range(i + 1, j))
    return lines


LINK_BOX_MIN_LINKS_BEFORE_SUBHEADING = 2
SUBHEADING_MAX_WORDS = 5
NUMBERED_SUBHEADING_REACH = 12  # lines above a box where the subheading numbered one less may sit
LINK_HEADLINE_MIN_WORDS = 6


def _is_subheading_after_links(blocks: list[_Block], run: list[int]) -> bool:
    """The last line of a box of headline links, right above the article's next paragraph, is that
    paragraph's subheading when it is far shorter than the headlines above it, or when it goes on with the
    article's numbered subheadings above the box ("2. The defense still can't stop the run", the box, "3. ...")."""
    *links, last = run
    if last + 1 >= len(blocks) or not _is_page_prose(blocks[last + 1].text):
        return False
    number = _list_number(blocks[last].text)
    if number is not None and number > 1 and any(
            _list_number(blocks[k].text) == number - 1 for k in range(max(0, run[0] - NUMBERED_SUBHEADING_REACH), run[0])):
        return True
    if _is_question_subheading(blocks, last) and any(
            _is_question_subheading(blocks, k) for k in range(last + 2, min(len(blocks), last + 2 + NUMBERED_SUBHEADING_REACH))):
        return True  # an explainer's subheadings are questions: "Who is affected?" ... "Is this legal?"
    return (len(links) >= LINK_BOX_MIN_LINKS_BEFORE_SUBHEADING and _word_count(blocks[last].text) <= SUBHEADING_MAX_WORDS
            and min(_word_count(blocks[k].text) for k in links) >= LINK_HEADLINE_MIN_WORDS)


def _is_question_subheading(blocks: list[_Block], i: int) -> bool:
    """A short question over a paragraph: "Who is affected?"."""
    text = blocks[i].text.strip()
    return (text.endswith("?") and _word_count(text) <= SUBHEADING_MAX_WORDS and i + 1 < len(blocks)
            and _is_page_prose(blocks[i + 1].text))


def _is_link_line(text: str, heres: bool = True) -> bool:
    """A headline link under a related-links heading: a short line, no prose unless in Title Case, a question
    and its answer ("Is Larry Hogan a different kind of Republican? Voters seem to think so."), a question alone
    ("Who are the 206,000 Virginians whose voting rights were restored?", not an interview's "Ledger: Why?") or two
    short sentences ("Stein raises millions for recounts. Here's where the money is going.")."""
    words = _word_count(text)
    return words <= LINK_LINE_MAX_WORDS and (not _is_prose(text) or _title_case(text)
                                             or (heres and _HERES_HEADLINE.fullmatch(text) is not None)
                                             or (words <= QUESTION_LINK_MAX_WORDS
                                                 and ("? " in text or (text.endswith("?") and ": " not in text)
                                                      or _TWO_SENTENCE_HEADLINE.fullmatch(text) is not None)))


# (two short sentences, no quotation: a paragraph's opening sentences run longer, a quoted remark is no link)
_TWO_SENTENCE_HEADLINE = re.compile(r"[A-Z](?:[^.!?\s\"“”]*\s){1,7}[^.!?\s\"“”]+\. [A-Z](?:[^.!?\s\"“”]*\s){1,7}[^.!?\s\"“”]+[.?!]")
# (a longer first one when the second is a link's own: "Maryland's 3rd District is one of the nation's strangest. Here's how
# it got that way.")
_HERES_HEADLINE = re.compile(r"[A-Z][^.!?\"“”]{10,90}\. Here[’']s (?:how|what|why|who|where|when)\b[^.!?\"“”]{0,60}[.?!]")


_BOX_LINK_CATEGORIES = frozenset({"media_credit", "related_links"})


def _inline_link_box_members(blocks: list[_Block], matches: list[tuple[Rule, ...]], verdicts: list[_Verdict | None]) -> list[bool]:
    """A related-links heading ("Read more:", "Keep reading") and the headline links under it, between two
    paragraphs of the article: its own lines never open like that. (After the article, the footer's run
    takes such lists.)"""
    members = [False] * len(blocks)
    for i, block in enumerate(blocks):
        heading_taken = verdicts[i] is not None and verdicts[i].category != "related_links"  # ("Recommended reading:" is)
        if heading_taken or not _is_related_heading(matches[i]) or _word_count(block.text) > INLINE_LINK_BOX_HEADING_MAX_WORDS:
            continue
        links = []
        for j in range(i + 1, min(len(blocks), i + 1 + INLINE_LINK_BOX_MAX_LINKS)):
            # (a link a rule knows by its label is one of them: "Map: Where the proposed boundaries would fall")
            labelled = bool(matches[j]) and all(r.category in _BOX_LINK_CATEGORIES for r in matches[j])
            # (the heading's own links, which an article's footer run takes with it, are links still)
            taken = verdicts[j] is not None and verdicts[j].category != "related_links"
            if ((taken or matches[j]) and not labelled) or not _is_link_line(blocks[j].text):
                break
            links.append(j)
        while links and not _is_link_line(blocks[links[-1]].text, heres=False):
            links.pop()  # a "..., Here's where the money went." last is the article's paragraph resuming under the box
        after = links[-1] + 1 if links else len(blocks)  # where the article resumes
        if len(links) >= 2 and not matches[links[-1]] and _is_subheading_after_links(blocks, links):
            after = links.pop() + 1  # under its subheading ("What comes next", under "Water plants need more than pipes")
        if after < len(blocks) and verdicts[after] is None and not matches[after] and _is_prose(blocks[after].text):
            for j in (i, *links):  # the article resumes below the box
                members[j] = True
    return members


def _teaser_card_members(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> list[bool]:
    """The lines of a series of teaser cards, each closed by the same "Read more" link, and the links.

    A card is a headline (or byline) and at most one summary line ending in a full stop: two
    "Read more" lines around ordinary paragraphs are not a series of cards.
    """
    members = [False] * len(blocks)
    series: list[list[int]] = []
    for i, block in enumerate(blocks):
        if block.role != "body" or not _TEASER_LINK.match(block.text.strip()):
            continue
        last = series[-1][-1] if series else None
        if (last is not None and 0 < i - last - 1 <= TEASER_CARD_MAX_LINES
                and site_line_key(blocks[last].text) == site_line_key(block.text) and _is_card(blocks[last + 1 : i])):
            series[-1].append(i)
        else:
            series.append([i])
    for links in series:
        if len(links) < TEASER_MIN_LINKS:
            continue
        for k in range(links[0], links[-1] + 1):
            members[k] = True
        # The first card, above the first link, is at most as long as the second, holds at most
        # one summary sentence, and its top is its headline: a sentence above the headline, or a
        # second one, is what came before the cards (the article's last paragraph), and a box
        # heading tops them all.
        if links[0] + 1 < len(blocks) and _is_related_heading(matches[links[0] + 1]):
            continue  # "Read More", then "Related Articles" and its link: each card lies under its label, none above
        passed_headline = False
        summaries = 0
        for k in range(links[0] - 1, links[0] - (links[1] - links[0]), -1):
            if k < 0 or blocks[k].role != "body" or _is_related_heading(matches[k]) or _is_section_break(matches[k]):
                break
            if _is_card_summary(blocks[k].text):
                summaries += 1
                if passed_headline or summaries > 1:
                    break
            else:
                passed_headline = True
            members[k] = True
    return members


def _is_card(lines: Sequence[_Block]) -> bool:
    summaries = sum(1 for b in lines if _is_card_summary(b.text))
    return summaries <= 1 and summaries < len(lines)


def _is_card_summary(text: str) -> bool:
    """A sentence ending in a full stop: a card's summary, never its headline ("How Many Calories Are …?")."""
    return _is_sentence_like(text) and bool(_FULL_STOP_END.search(text))


def _hold_back_reason(blocks: list[_Block], verdicts: list[_Verdict | None]) -> str | None:
    body = [(b, v) for b, v in zip(blocks, verdicts) if b.role == "body"]
    prose_total = sum(len(b.text) for b, _ in body if _is_prose(b.text))
    prose_removed = sum(len(b.text) for b, v in body if v is not None and _is_prose(b.text))
    if prose_total == 0 or prose_removed <= MAX_REMOVED_PROSE_SHARE * prose_total:
        return None
    fired = sorted({v.rule for v in verdicts if v is not None})
    return f"held_back: cleaning would remove {prose_removed / prose_total:.0%} of the article's prose (rules: {', '.join(fired)})"


def _assemble(
    parts: ArticleParts,
    blocks: list[_Block],
    verdicts: list[_Verdict | None],
    publisher: str | None,
    flag: str | None,
    mode: str,
    headline: int | None = None,
    page_dek: int | None = None,
) -> CleanResult:
    removed: list[RemovedLine] = []
    kept: list[_Block] = []
    for block, verdict in zip(blocks, verdicts):
        if verdict is None:
            kept.append(block)
            continue
        for k, line in enumerate(block.lines):
            # the lines of a hard-wrapped block after the first go with it
            rule = verdict.rule if k == 0 else f"{verdict.rule}+continuation"
            removed.append(RemovedLine(line.line_no, line.text, verdict.category, rule))

    title: _Block | None = None
    dek: _Block | None = None
    body_kept = [b for b in kept if b.role == "body"]
    title_kept = next((b for b in kept if b.role == "title"), None)
    dek_kept = next((b for b in kept if b.role == "dek"), None)
    if mode == "page":
        # a page's line 1 is a menu item: its title is the headline found above the article
        title = blocks[headline] if headline is not None else None
        dek = blocks[page_dek] if page_dek is not None else None
        body_kept = [b for b in kept if b is not title and b is not dek]
    elif parts.title is not None:
        if title_kept is not None:
            title, dek = title_kept, dek_kept
        elif dek_kept is not None:
            title = dek_kept  # a masthead took line 1: the dek line is the real title
        elif body_kept:
            title, body_kept = body_kept[0], body_kept[1:]
    paragraph_lines = [ln for b in body_kept for ln in b.lines]
    return CleanResult(
        title=title.text if title else None,
        dek=dek.text if dek else None,
        paragraphs=tuple(ln.text for ln in paragraph_lines),
        removed=tuple(sorted(removed, key=lambda r: r.line_no)),
        publisher=publisher,
        flag=flag,
        line_nos=tuple(ln.line_no for ln in paragraph_lines),
        title_line_no=title.lines[0].line_no if title else None,
        mode=mode,
    )


# --- whole-page mode ------------------------------------------------------------------------


def _looks_like_page(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> bool:
    if len(blocks) < PAGE_LEAD_MIN_BLOCKS:
        return False
    lead_short = 0
    for i, block in enumerate(blocks):
        if _is_page_prose(block.text):
            # an alert banner under the site's name ("Schools will dismiss at 1:00 p.m. on Friday.")
            # is a lone sentence among the menu's short lines, not the article's start
            if i < PAGE_BANNER_MAX_INDEX and _is_banner(block.text, blocks[i + 1 : i + 1 + PAGE_BANNER_MENU_LINES]):
                continue
            break
        lead_short += _is_short_line(block.text)
    if lead_short >= PAGE_LEAD_MIN_SHORT_LINES:
        return True
    # Lines a rule knows (a cookie banner, a section label) are passed over without counting.
    unknown_seen = 0
    for i, block in enumerate(blocks):
        if (any(rule.name in _PAGE_CHROME_RULES for rule in matches[i]) or _is_pipe_menu(block.text)
                or (_is_menu_bar(block.text) and not (i == 0 and block.role == "title"))
                or (_is_section_menu(block.text) and block.role != "title")):
            return True  # (a double-spaced first line may be a headline typed badly: "Council  approves  budget")
        if matches[i]:
            continue
        if _is_page_prose(block.text):
            if i < PAGE_BANNER_MAX_INDEX and block.text.rstrip()[-1:] in ".!" and any(
                    _is_pipe_menu(b.text) or any(r.name in _PAGE_CHROME_RULES for r in m)
                    for b, m in zip(blocks[i + 1 : i + 1 + PAGE_BANNER_MENU_LINES], matches[i + 1 : i + 1 + PAGE_BANNER_MENU_LINES])):
                continue  # a shop's offer banner over its name and menu ("Free local delivery on orders over £40!")
            break
        unknown_seen += 1
        if unknown_seen >= PAGE_CHROME_LEAD_LINES:
            break
    if len(blocks) < PAGE_MIN_BLOCKS:
        return False
    # many short lines alone is also a results table or a list of names in an article
    furniture = sum(1 for m in matches if m)
    return furniture >= PAGE_MIN_FURNITURE_LINES and sum(_is_short_line(b.text) for b in blocks) >= PAGE_MIN_SHORT_SHARE * len(blocks)


def _is_menu_bar(text: str) -> bool:
    """A menu flattened onto one line, its items set apart by runs of spaces or tabs ("Home   News   Life
    Money"): a text-mode browser's rendering of a navigation bar. (Pipes and dots also set apart a
    section path in an article's header, "Upstream | Natural Gas", so they do not count here.)"""
    items = [item for item in _MENU_BAR_GAP.split(text.strip()) if item]
    return len(items) >= PAGE_MENU_BAR_MIN_ITEMS and _all_menu_items(items, PAGE_MENU_BAR_ITEM_MAX_WORDS)


def _is_section_menu(text: str) -> bool:
    words = [w for w in text.split() if w not in ("&", "|", "·", "•", "/")]
    if len(words) < PAGE_SECTION_MENU_MIN_NAMES or _TERMINAL.search(text) or not all(w[:1].isupper() for w in words):
        return False
    names = sum(w.lower() in _SECTION_NAMES for w in words)
    return names >= PAGE_SECTION_MENU_MIN_NAMES and names >= PAGE_SECTION_MENU_MIN_SHARE * len(words)


def _is_pipe_menu(text: str) -> bool:
    """A menu set apart by pipes or dots: long ("US | World | Politics | Business | ... | Weather"), or
    holding a menu or account item ("ACN | Sign In | Live TV | Listen"). A section path in an article's
    header has a few items and none of those. An old site's menu sets its items in brackets: "[Home] [Meetings] ..."."""
    if _BRACKETED_ITEMS.fullmatch(text.strip()):
        items = [item.strip() for item in _BRACKETED_ITEM.findall(text)]
    else:
        items = [item.strip() for item in _PIPE_MENU_GAP.split(text.strip()) if item.strip()]
    if len(items) < PAGE_MENU_BAR_MIN_ITEMS or not _all_menu_items(items, PAGE_PIPE_MENU_ITEM_MAX_WORDS):
        return False
    return len(items) >= PAGE_PIPE_MENU_MIN_ITEMS or any(_MENU_ITEM.fullmatch(item) for item in items)


ITEM_LIST_MIN_ITEMS = 4
_BRACKETED_ITEMS = re.compile(r"(?:\[[^\[\]]{1,30}\]\s*){4,}")
_BRACKETED_ITEM = re.compile(r"\[([^\[\]]{1,30})\]")


def _is_item_list(text: str) -> bool:
    """Short items set apart by separators or brackets, a site's tagline or menu: "Ballet ~ Tap ~ Modern ~ Street ~
    Musical Theatre", "[Home] [About the Society] [Meetings] ..."."""
    if _BRACKETED_ITEMS.fullmatch(text.strip()):
        return True
    items = [item.strip() for item in _PIPE_MENU_GAP.split(text.strip())]
    return len(items) >= ITEM_LIST_MIN_ITEMS and all(0 < _word_count(item) <= PAGE_PIPE_MENU_ITEM_MAX_WORDS for item in items)


def _all_menu_items(items: list[str], max_words: int) -> bool:
    """Every item reads as a menu's: a few words, no sentence's end, no figure (a results line has them)."""
    return all(_word_count(item) <= max_words and not _TERMINAL.search(item) and not _FIGURE.search(item) for item in items)


# A number standing as a word of its own ("Arsenal 2", "Cart (0)"); not one inside a name ("4-H Youth", "K-12").
_FIGURE = re.compile(r"(?<![\w-])\d(?![\w-]*[A-Za-z])")


def _is_banner(text: str, after: list[_Block]) -> bool:
    """A sentence followed by menu items: a few words each, no digits. An article's opening sentence
    followed by a list ("The squad:", results, names with scores) is no banner."""
    return (
        text.rstrip()[-1:] in ".!"
        and len(after) == PAGE_BANNER_MENU_LINES
        and all(_word_count(b.text) <= PAGE_MENU_ITEM_MAX_WORDS and not _DIGIT.search(b.text) for b in after)
    )


def _is_short_line(text: str) -> bool:
    return len(text) <= PAGE_SHORT_MAX_WORDS * 10 and _word_count(text) <= PAGE_SHORT_MAX_WORDS and not _TERMINAL.search(text)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _page_words(text: str) -> int:
    cjk = len(_CJK.findall(text))
    return _word_count(text) + cjk // PAGE_CJK_CHARS_PER_WORD if cjk else _word_count(text)


def _is_page_prose(text: str) -> bool:
    words = _page_words(text)
    return (words >= PAGE_SENTENCE_MIN_WORDS and bool(_PAGE_TERMINAL.search(text))) or words >= PAGE_LONG_LINE_WORDS


def _page_line_scores(blocks: list[_Block], matches: list[tuple[Rule, ...]], live: tuple[list[int], list[int]],
                      tiles: set[int]) -> list[float]:
    """Evidence per line of a flattened page that it is article text (>0) or page furniture (<0);
    ``live`` is the page's live-entry stamps and headlines (``_live_entry_lines``), ``tiles`` its shop tiles'
    lines (``_product_tiles``)."""
    prose = [not matches[i] and _is_page_prose(b.text) for i, b in enumerate(blocks)]
    scores: list[float] = []
    for i, block in enumerate(blocks):
        if matches[i]:
            if _is_section_break(matches[i]):
                scores.append(-PAGE_SECTION_BREAK_PENALTY)
            elif _inline_furniture(matches[i]):
                scores.append(-PAGE_SHORT_IN_RUN_PENALTY)
            else:
                scores.append(-PAGE_FURNITURE_PENALTY)
        elif prose[i]:
            tail = i >= (1 - PAGE_TAIL_SHARE) * len(blocks)
            scores.append(_page_words(block.text) * (PAGE_TAIL_WEIGHT if tail else 1.0))
        elif i > 0 and prose[i - 1] and _is_short_sentence(block.text):
            scores.append(_page_words(block.text) * PAGE_SHORT_SENTENCE_WEIGHT)
        else:
            scores.append(-PAGE_SHORT_LINE_PENALTY)
    for i, member in enumerate(_link_list_members(blocks, matches)):
        if member is not None and not matches[i] and scores[i] < 0:
            scores[i] = -PAGE_LINK_LIST_PENALTY
    # a box of links between two paragraphs ("Trending in Nation" and its headlines, the article going on under
    # it) is a sidebar flattened into the article: its heading costs what a subheading does
    boxed = _inline_link_box_members(blocks, matches, [None] * len(blocks))
    bylines = {w for b, m in zip(blocks, matches) if any(r.category == "byline" for r in m) for w in _WORD.findall(b.text)}
    for i, member in enumerate(boxed):
        if not (member and matches[i] and scores[i] < -PAGE_SHORT_IN_RUN_PENALTY and i > 0 and prose[i - 1]):
            continue  # (under a paragraph: not a byline's topics box over the lede)
        after = next((k for k in range(i + 1, len(blocks)) if not boxed[k]), len(blocks))
        name = _WORD.findall(blocks[after].text)[:2] if after < len(blocks) else []
        if len(name) == 2 and all(w[:1].isupper() and w in bylines for w in name):
            continue  # the writer's bio under the box ("Dana Pell runs our Mill Road shop ..."), not the article
        scores[i] = -PAGE_SHORT_IN_RUN_PENALTY
    # a recipe's card (its times, its ingredients under their heading), a how-to's materials and steps, an
    # episode's show notes are neither article nor menu evidence
    content_list = _content_list_lines(blocks, matches, prose)
    # a sign-up box between two paragraphs (heading, pitch, field, button) with the article going on under it costs
    # what unknown short lines do: its known lines must not cut the article's last paragraphs off
    for lo, hi in _newsletter_boxes_between_paragraphs(blocks, matches, prose, content_list):
        scores[lo:hi] = [-PAGE_SHORT_LINE_PENALTY] * (hi - lo)
    # a table (runs of short cells, many of them numbers) is neither article nor menu evidence
    for lo, hi in _table_runs(blocks, matches, scores):
        scores[lo:hi] = [0.0] * (hi - lo)
    # nor is a run of fields ("Applicant: Oakfen Homes Ltd", "Opened: 14 August 1871"): an infobox, a notice's details
    for lo, hi in _field_runs(blocks, matches):
        scores[lo:hi] = [0.0] * (hi - lo)
    # nor are lines of code or data under a paragraph ("{ s[$1] += $2 }", "B17,4"): a post's snippet or sample
    for i, block in enumerate(blocks):
        if not matches[i] and scores[i] < 0 and _CODE_LIKE.search(block.text) and not _PROSE_RUN.search(block.text):
            k = i - 1
            while k >= 0 and scores[k] == 0.0 and _CODE_LIKE.search(blocks[k].text):
                k -= 1
            if k >= 0 and prose[k]:
                scores[i] = 0.0
    for i in content_list:
        scores[i] = max(scores[i], 0.0)
    # a grid of shop tiles (name, brand, price, button) between paragraphs is neither article nor menu evidence
    for i in tiles:
        scores[i] = 0.0
    # a FAQ's answer is prose even when a box's rule knows its words ("Sign up for our newsletter at the counter")
    for i in _faq_answers(blocks, matches, 0, len(blocks)):
        if matches[i] and all(r.position != "any" for r in matches[i]) and _is_page_prose(blocks[i].text):
            scores[i] = _page_words(blocks[i].text)
    # the items of a numbered list (1. 2. 3. ...) are neither article nor menu evidence
    numbers = [_list_number(b.text) for b in blocks]
    for i, number in enumerate(numbers):
        if number is not None and not matches[i] and scores[i] < 0:
            near = numbers[max(0, i - PAGE_LIST_MAX_GAP - 1) : i] + numbers[i + 1 : i + PAGE_LIST_MAX_GAP + 2]
            if number - 1 in near or number + 1 in near:
                scores[i] = 0.0
    # soften the penalty of short runs of non-prose lines that sit between prose lines
    i = 0
    while i < len(blocks):
        if prose[i] or matches[i]:
            i += 1
            continue
        j = i
        while j < len(blocks) and not prose[j]:
            j += 1
        if j - i <= PAGE_SHORT_RUN_MAX and i > 0 and prose[i - 1] and j < len(blocks):
            for k in range(i, j):
                if not matches[k] and scores[k] < 0:
                    scores[k] = -PAGE_SHORT_IN_RUN_PENALTY
        i = j
    stamps, headlines = live
    for i in stamps + _gallery_slide_lines(blocks, matches) + _embedded_post_dates(blocks, matches):
        scores[i] = max(scores[i], -PAGE_SHORT_IN_RUN_PENALTY)
    for i in headlines:
        scores[i] = max(scores[i], PAGE_LIVE_HEADLINE_SCORE)
    return scores


# A live page's entries each open with a time stamp ("Posted at 14:55", "14:55 GMT", "2.05pm"), often a
# headline, and end in a "Share" button. With this many stamps, each with prose right below it, the
# stamps, the entries' headlines and the buttons beside them are the run's subheadings, not its end.
PAGE_LIVE_MIN_ENTRIES = 3
PAGE_LIVE_ENTRY_REACH = 3  # lines from a stamp to its entry's first paragraph (its headline and writer between)
# An entry's headline is a little evidence for the article (enough for the first entry's to open the run).
PAGE_LIVE_HEADLINE_SCORE = 0.5
_CLOCK = r"\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?)?"  # "14:55", "2.05pm", "8h31"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_LIVE_STAMP = re.compile(rf"^(?:(?:posted|updated|published|update)\s*:?\s+(?:at\s+)?)?{_CLOCK}(?:\s+(?:[A-Z]{{2,4}}|\([A-Z]{{2,4}}\)))?"
                         rf"(?:,?\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}})?$", re.IGNORECASE)
# ... or the stamp opens its headline's line ("15:48 — Power restored to 11,000 homes"); a "Key events" list
# repeats those lines, but with no prose under each
_CLOCK_OPENING = re.compile(rf"^{_CLOCK}\s", re.IGNORECASE)
_LIVE_STAMPED_HEADLINE = re.compile(rf"^{_CLOCK}(?:\s+[A-Z]{{2,4}})?\s+[—–-]\s+\S", re.IGNORECASE)


# A gallery's slides each sit between a counter ("3/7") and a photo credit, an ad between some: with this many
# counters, the credits and ad labels next to them are the run's subheadings, not its end.
PAGE_GALLERY_MIN_SLIDES = 3
_GALLERY_COUNTER_RULES = frozenset({"gallery_furniture"})


def _gallery_slide_lines(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> list[int]:
    """The counters of a gallery's slides and the credits and ad labels beside them (indexes; empty when the
    page has no gallery)."""
    counters = [i for i, m in enumerate(matches) if any(r.name in _GALLERY_COUNTER_RULES for r in m)]
    if len(counters) < PAGE_GALLERY_MIN_SLIDES:
        return []
    beside = set(counters)
    for i in counters:
        for k in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= k < len(blocks) and matches[k] and all(r.category in ("media_credit", "advertising") for r in matches[k]):
                beside.add(k)
    return sorted(beside)


_BETWEEN_LIVE_ENTRIES = frozenset({"social_share", "advertising", "media_credit", "related_links"})


EMBED_DATE_REACH = 3  # lines from an embedded post's frame ("Priya Shah (@priyashah_chron)") to its date, past its text


def _embedded_post_dates(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> list[int]:
    """The dates under embedded posts' frames: an embedded post's, not the page's, so no end of the article."""
    dates = []
    for i, m in enumerate(matches):
        if any(r.name == "embed_post_meta" for r in m):
            for k in range(i + 1, min(len(blocks), i + 1 + EMBED_DATE_REACH)):
                if matches[k] and all(r.category == "dateline" for r in matches[k]):
                    dates.append(k)
                    break
    return dates


def _live_entry_lines(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> tuple[list[int], list[int]]:
    """The lines between a live page's entries (their stamps and the share buttons next to them) and the
    entries' headlines under the stamps, as indexes; both empty when the page is no live page."""
    prose = [not m and _is_page_prose(b.text) for m, b in zip(matches, blocks)]
    stamps = [
        i for i, b in enumerate(blocks)
        if _LIVE_STAMP.match(b.text) and any(prose[i + 1 : i + 2 + PAGE_LIVE_ENTRY_REACH])
    ]
    stamped = [
        i for i, b in enumerate(blocks)
        if not prose[i] and not matches[i] and _LIVE_STAMPED_HEADLINE.match(b.text) and any(prose[i + 1 : i + 1 + PAGE_LIVE_ENTRY_REACH])
    ]
    if len(stamps) + len(stamped) < PAGE_LIVE_MIN_ENTRIES:
        return [], []
    between: list[int] = []
    headlines: list[int] = list(stamped)
    for i in stamps:
        between.append(i)
        if i + 1 < len(blocks) and not prose[i + 1] and not matches[i + 1]:
            headlines.append(i + 1)
    for i in stamps + stamped:
        # the share button closing the entry above, and an ad slot, a video's link or credit between it and the stamp
        for k in (i - 2, i - 1, i + 1):
            if 0 <= k < len(blocks) and matches[k] and all(r.category in _BETWEEN_LIVE_ENTRIES for r in matches[k]):
                if k == i - 2 and not matches[i - 1]:
                    continue
                between.append(k)
    return between, headlines


# The headings of lists that are the page's content, not its menus: a recipe's ingredients, a how-to's materials
# and steps, a podcast episode's show notes (their items are short lines, like a menu's)
_CONTENT_LIST_HEADING = re.compile(
    r"^(?:ingredients|method|instructions|directions|equipment|(?:what )?you(?:'|’)ll need|(?:what )?you (?:will )?need"
    r"|for the [\w -]{1,30}|materials(?: needed)?|tools(?: (?:and|&) materials)?(?: needed)?|supplies(?: needed)?|steps"
    r"|step-by-step(?: instructions)?|show notes|episode notes|timestamps|links? mentioned(?: in this episode)?)\s*:?\s*$", re.IGNORECASE)
_TIMESTAMP_ITEM = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+\S")  # a show note: "[02:10] Why food prices rose"
_RECIPE_FACT = re.compile(r"^(?:(?:prep(?:aration)?|cook(?:ing)?|total|bak(?:e|ing)|rest(?:ing)?|chill(?:ing)?) time|servings|serves|makes|yield)\s*:?\s*\d", re.IGNORECASE)


PRODUCT_TILE_MAX_LINES = 4  # a tile: the product's name, its brand, its price, its button
_PRICE_ONLY = re.compile(r"^(?:(?:now|was|from|only)\s+)?[$£€]\s?\d[\d,]*(?:\.\d{2})?$", re.IGNORECASE)


def _product_tiles(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> set[int]:
    """The lines of a grid of shop tiles ("Mary Jane Flat", "Maison Rieux", "$395", "SHOP NOW"): two or more
    prices a tile apart with only short lines between them, and the tile's name and brand above the first."""
    prices = [i for i, b in enumerate(blocks) if _PRICE_ONLY.match(b.text.strip())]
    tiles: set[int] = set()
    for a, b in zip(prices, prices[1:]):
        if b - a > PRODUCT_TILE_MAX_LINES or any(_word_count(blocks[k].text) > PAGE_KICKER_MAX_WORDS for k in range(a + 1, b)):
            continue
        top = a
        while top > 0 and a - top < PRODUCT_TILE_MAX_LINES - 2 and _word_count(blocks[top - 1].text) <= PAGE_KICKER_MAX_WORDS \
                and not _is_page_prose(blocks[top - 1].text) and not any(r.category == "advertising" for r in matches[top - 1]):
            top -= 1
        bottom = b + 1
        while bottom < len(blocks) and bottom - b < PRODUCT_TILE_MAX_LINES - 2 and matches[bottom] and _word_count(blocks[bottom].text) <= 4:
            bottom += 1  # the last tile's button
        tiles.update(range(top, bottom))
    return tiles


def _content_list_lines(blocks: list[_Block], matches: list[tuple[Rule, ...]], prose: list[bool]) -> set[int]:
    """The lines of lists that are a page's content: a recipe's times, the headings of its ingredients, a
    how-to's materials and steps, an episode's show notes, and the short items under them (a timed note may be
    a sentence: "[35:40] Do store brands really help?")."""
    lines: set[int] = set()
    in_list = False
    for i, block in enumerate(blocks):
        if matches[i]:
            continue
        if _CONTENT_LIST_HEADING.match(block.text):
            in_list = True
        elif not (_RECIPE_FACT.match(block.text) or (in_list and (not prose[i] or _TIMESTAMP_ITEM.match(block.text)))):
            in_list = False
            continue
        lines.add(i)
    # a timetable: "10:45 – Penguin Beach: Humboldt penguin feed", "11:30 – Lemur Walkthrough: ...", under its heading
    # (not a live page's "Key events", whose rule knows it)
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and _TIMETABLE_ITEM.match(blocks[j].text):
            j += 1
        if j - i >= TIMETABLE_MIN_ITEMS and not (i > 0 and matches[i - 1]):
            lines.update(k for k in range(max(0, i - 1), j) if not matches[k])
        i = max(j, i + 1)
    return lines


TIMETABLE_MIN_ITEMS = 3
_TIMETABLE_ITEM = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[–—-]\s*\S", re.IGNORECASE)


def _table_runs(blocks: list[_Block], matches: list[tuple[Rule, ...]], scores: list[float]) -> list[tuple[int, int]]:
    """The runs of short cells, as [lo, hi), that flatten a table: many of their cells are numbers.

    A row can carry a note that reads as a sentence ("2 tackles, 1 sack."), which splits the
    table into runs of a row each, and its header rows (column names, a group label) hold no
    numbers: alone, neither looks like a table. Runs joined by a single such note are judged
    as one table, so the header before the first numeric row goes with the rows.
    """
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and scores[j] < 0 and not matches[j]:
            j += 1
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    numeric = [sum(1 for k in range(lo, hi) if _NUMERIC_CELL.match(blocks[k].text)) for lo, hi in runs]
    tables: list[tuple[int, int]] = []
    a = 0
    while a < len(runs):
        b = a + 1
        while b < len(runs) and runs[b][0] == runs[b - 1][1] + 1 and _is_row_note(blocks, matches, runs[b - 1][1]):
            b += 1
        if _looks_like_table(sum(hi - lo for lo, hi in runs[a:b]), sum(numeric[a:b])):
            tables.extend(runs[a:b])
        else:
            # a table run on its own next to runs that are no table (a menu after the rows)
            tables.extend(r for r, n in zip(runs[a:b], numeric[a:b]) if _looks_like_table(r[1] - r[0], n))
        a = b
    return tables


# A line of code or data: a bracket, brace, operator or sigil, a call ("print("), or a row of comma-separated
# values with no spaces ("B17,4"); three lower-case words in a row make it prose instead.
_CODE_LIKE = re.compile(r"[{}\[\];=<>$#\\]|\w\(|^\w+(?:,\w+)+$")
_PROSE_RUN = re.compile(r"\b[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}\b")
# A field of a flattened table of details: a short capitalised label, a colon, its value ("Ward: Kemble Green").
_FIELD_LINE = re.compile(r"^(?-i:[A-Z])[\w .'’()/&-]{0,30}:\s+\S[^:]{0,150}$")
PAGE_FIELD_RUN_MIN = 3


def _field_runs(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> list[tuple[int, int]]:
    """Runs, as [lo, hi), of at least PAGE_FIELD_RUN_MIN lines that are fields; a date among them ("Date valid:
    11 April") is a field too, though a dateline rule knows its shape, and so is a map's ("Map: OS Explorer OL21")."""
    def is_field(i: int) -> bool:
        return (_FIELD_LINE.match(blocks[i].text) is not None and not _is_page_prose(blocks[i].text)
                and all(r.category in ("dateline", "media_credit") for r in matches[i]))
    runs, i = [], 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and is_field(j):
            j += 1
        # (two of them at least no rule knows: a headline over "Published: 4 March 2014" and "Last updated: ..." is none)
        if j - i >= PAGE_FIELD_RUN_MIN and sum(1 for k in range(i, j) if not matches[k]) >= 2:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _looks_like_table(cells: int, numeric: int) -> bool:
    return cells >= PAGE_TABLE_MIN_CELLS and numeric >= PAGE_TABLE_MIN_NUMERIC_SHARE * cells


def _is_row_note(blocks: list[_Block], matches: list[tuple[Rule, ...]], i: int) -> bool:
    """A table cell that happens to read as a sentence: shorter than a paragraph, no rule's line."""
    return not matches[i] and _page_words(blocks[i].text) < PAGE_LONG_LINE_WORDS


def _is_short_sentence(text: str) -> bool:
    """A sentence too short to count as prose ("The fare stays at $6.")."""
    return (
        _word_count(text) >= PAGE_SHORT_SENTENCE_MIN_WORDS
        and bool(_TERMINAL.search(text))
        and not text[:1].islower()
        and not _CALL_TO_ACTION.match(text)
    )


def _is_related_heading(rules: tuple[Rule, ...]) -> bool:
    return any(r.name in _RELATED_HEADINGS for r in rules)


def _is_section_break(rules: tuple[Rule, ...]) -> bool:
    return any(r.name in _PAGE_SECTION_BREAKS for r in rules)


def _page_article_span(
    blocks: list[_Block], matches: list[tuple[Rule, ...]], live: tuple[list[int], list[int]], tiles: set[int]
) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    """The densest run of prose (maximum-sum segment of line scores), as [start, end), and the gaps
    [lo, hi) inside it that are not the article (between a Q&A page's question and its answers).

    The article comes before the page's comments, which are prose too: once a
    comments heading follows enough prose, later prose counts for nothing. After
    a related-links heading, lone prose lines in a series (teaser summaries) count
    for little until two paragraphs follow one another again.
    """
    best, best_span = 0.0, None
    run, run_start = 0.0, 0
    prose_words, weight = 0, 1.0
    scores = _page_line_scores(blocks, matches, live, tiles)
    after_related = False
    answers = False
    gaps: list[tuple[int, int]] = []
    last_lone = -len(scores)
    for i, line_score in enumerate(scores):
        if run <= 0:
            run, run_start = 0.0, i
        if line_score > 0:
            prose_words += int(line_score)
            line_score *= weight
            if after_related:
                # a paragraph ending in a colon introduces what follows it (a list): no teaser's summary does
                if _next_is_prose(scores, matches, i) or blocks[i].text.rstrip().endswith(":"):
                    after_related = False
                elif not (i > 0 and scores[i - 1] > 0) and (i - last_lone <= PAGE_TEASER_WINDOW or _prose_within(scores, i + 2, i + PAGE_TEASER_WINDOW + 1)):
                    line_score *= PAGE_LONE_PROSE_AFTER_RELATED_WEIGHT
                    last_lone = i
        elif _is_related_heading(matches[i]) and prose_words >= PAGE_ARTICLE_MIN_WORDS:
            after_related = True
        elif any(r.name in _ANSWER_HEADINGS for r in matches[i]):
            # a Q&A page's answers are content and continue its question, whatever sits between them;
            # each post's "N comments" closes nothing
            weight, answers = 1.0, True
            if best_span is not None and best > run:
                gaps.append((best_span[1], i + 1))
                run, run_start = best, best_span[0]
        elif answers and any(r.category == "comments" for r in matches[i]):
            # between the answers, each one's comments and "Add a comment" box cost what a subheading does
            line_score = -PAGE_SHORT_IN_RUN_PENALTY
        elif _is_section_break(matches[i]) and not answers:
            # a "Comments" share button above the article is no section break
            if prose_words >= PAGE_ARTICLE_MIN_WORDS:
                weight = PAGE_AFTER_SECTION_WEIGHT
            else:
                line_score = -PAGE_FURNITURE_PENALTY
        run += line_score
        if run > best:
            best, best_span = run, (run_start, i + 1)
    if best_span is None:
        return None, []
    return best_span, [(lo, hi) for lo, hi in gaps if best_span[0] <= lo and hi <= best_span[1]]


PAGE_INLINE_BOX_MAX_LINES = 5
# A box with a form (a petition's or a sign-up's fields: "Your first name", "Postcode", its consent line) runs longer.
PAGE_INLINE_FORM_BOX_MAX_LINES = 10
PAGE_BOX_GOES_ON_MIN_WORDS = 40  # prose words in the four lines under a box that show the article goes on
_FORM_RULES = frozenset({"form_field", "form_consent", "newsletter_enter_email"})
_PITCH_BOX_CATEGORIES = frozenset({"newsletter", "advertising"})


def _inline_furniture(rules: tuple[Rule, ...]) -> bool:
    """Furniture that sits between an article's paragraphs (a caption, an embedded post's frame, a poll): every
    rule that knows the line is an inline one."""
    return bool(rules) and all(r.inline for r in rules)


def _newsletter_boxes_between_paragraphs(blocks: list[_Block], matches: list[tuple[Rule, ...]], prose: list[bool],
                                        content_list: set[int]) -> list[tuple[int, int]]:
    """Runs [lo, hi) of sign-up or subscription lines under a paragraph (or a content list's item) with two
    paragraphs in a row under them (past a subheading at most), or a paragraph longer than a box's blurb and
    another such box: a box the article goes on after."""
    boxes = []
    n = len(blocks)
    in_box = [bool(m) and all(r.category in _PITCH_BOX_CATEGORIES for r in m) for m in matches]
    i = 0
    while i < n:
        if not in_box[i]:
            i += 1
            continue
        lo = i
        blurbs = 0  # the box's own sentence between its known lines ("Our morning email breaks down ...")
        while i < n and (in_box[i] or (i + 1 < n and in_box[i + 1] and i > lo and not matches[i]
                                       and _page_words(blocks[i].text) <= PAGE_BOX_TEXT_MAX_WORDS)):
            blurbs += not in_box[i]
            i += 1
        j = i + 1 if i < n and not matches[i] and not prose[i] else i  # a subheading under the box
        form = any(r.name in _FORM_RULES for k in range(lo, i) for r in matches[k])
        max_lines = (PAGE_INLINE_FORM_BOX_MAX_LINES if form else PAGE_INLINE_BOX_MAX_LINES) + blurbs
        # (the paragraph under the box may lead into a list: "We are asking the county council to:")
        lead_in = j + 2 < n and blocks[j + 1].text.rstrip().endswith(":") and prose[j + 2]
        # (or a list of short steps: "Set a reminder on your phone ...", "Take phone calls while walking.", ...)
        goes_on = sum(_page_words(blocks[k].text) for k in range(j, min(n, j + 4)) if prose[k]) >= PAGE_BOX_GOES_ON_MIN_WORDS
        above = lo - 1  # (past a caption or an embedded post's frame under the paragraph)
        while above > 0 and _inline_furniture(matches[above]):
            above -= 1
        if above >= 0 and (prose[above] or above in content_list) and i - lo <= max_lines and j + 1 < n and prose[j] and (
                prose[j + 1] or lead_in or goes_on or (in_box[j + 1] and _page_words(blocks[j].text) > PAGE_BOX_TEXT_MAX_WORDS)):
            boxes.append((lo, i))
    return boxes


def _prose_within(scores: list[float], lo: int, hi: int) -> bool:
    return any(x > 0 for x in scores[lo : min(hi, len(scores))])


def _next_is_prose(scores: list[float], matches: list[tuple[Rule, ...]], i: int) -> bool:
    """The next line that is not mid-article furniture (an ad label, a caption) is prose."""
    for j in range(i + 1, len(scores)):
        if any(r.position == "any" for r in matches[j]) and not _is_section_break(matches[j]):
            continue
        return scores[j] > 0
    return False


def _page_trim_rule(rules: tuple[Rule, ...]) -> bool:
    return _first_rule(rules, "footer") is not None


def _trim_span(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int, end: int) -> tuple[int, int]:
    """Drop the furniture at the span's edges: bylines and dates at its start, bios and prompts at its end."""
    # (a bio or credit box can sit under the byline as well as after the article)
    while start < end and (_first_rule(matches[start], "header") is not None or _page_trim_rule(matches[start])):
        start += 1
    answers = _faq_answers(blocks, matches, start, end)
    while end > start and end - 1 not in answers and (_page_trim_rule(matches[end - 1]) or _is_short_line(blocks[end - 1].text)):
        end -= 1
    return start, end


def _list_number(text: str) -> int | None:
    m = _LIST_NUMBER.match(text)
    return int(m.group(1)) if m else None


def _extend_over_numbered_list(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int, end: int) -> int:
    """Move the span's end over the numbered list that runs on from it (items 1, 2, 3 ... or 10, 9, 8 ...)."""
    if end <= start:
        return end
    # the list's last number inside the span (or the first item right after it)
    last_no, last_at = None, end - 1
    for i in range(end - 1, max(start, end - 1 - PAGE_LIST_MAX_GAP) - 1, -1):
        last_no = _list_number(blocks[i].text)
        if last_no is not None:
            last_at = i
            break
    items, step, i = [], 0, end
    gap = end - last_at - 1 if last_no is not None else 0
    while i < len(blocks) and gap <= PAGE_LIST_MAX_GAP:
        number = _list_number(blocks[i].text)
        if number is not None and not matches[i] and (last_no is None or number - last_no in ((step,) if step else (1, -1))):
            step = number - last_no if last_no is not None else step
            items.append(i)
            last_no, gap = number, 0
        else:
            gap += 1
        i += 1
    if len(items) < PAGE_LIST_MIN_ITEMS:
        return end
    # the lines that followed each item (a link, a description) follow the last one too
    tail = items[-1] - items[-2] - 1
    new_end = items[-1] + 1
    while new_end < len(blocks) and tail > 0 and not matches[new_end] and _list_number(blocks[new_end].text) is None:
        new_end, tail = new_end + 1, tail - 1
    return new_end


# A list of figures after the last paragraph, each "label – number", perhaps under a short heading:
# "Voyages by cargo type" / "Crude oil and petroleum products – 38" / "LNG – 27" ...
_FIGURE_ROW = re.compile(r"^[^.!?\t]{2,60}?\s[–—:-]\s*[$€£]?\d[\d.,]*\s*(?:%|per cent|percent|[a-z]{1,3})?$")
PAGE_FIGURES_MIN_ROWS = 3
PAGE_FIGURES_HEADING_MAX_WORDS = 6


def _extend_over_figures(blocks: list[_Block], matches: list[tuple[Rule, ...]], end: int) -> int:
    """Move the span's end over a list of figures that follows the last paragraph (under a short heading
    of its own), and over the paragraphs that go on after it, up to the page's next furniture line."""
    i = end
    if i < len(blocks) and not matches[i] and not _FIGURE_ROW.match(blocks[i].text) and not _TERMINAL.search(blocks[i].text) \
            and _word_count(blocks[i].text) <= PAGE_FIGURES_HEADING_MAX_WORDS:
        i += 1  # the list's heading
    rows = i
    while rows < len(blocks) and not matches[rows] and _FIGURE_ROW.match(blocks[rows].text):
        rows += 1
    if rows - i < PAGE_FIGURES_MIN_ROWS:
        return end
    while rows < len(blocks) and not matches[rows] and _is_page_prose(blocks[rows].text):
        rows += 1  # the article goes on after its figures
    return rows


def _extend_over_trailing_list(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int, end: int) -> int:
    """Move the span's end over the short lines that finish the article before its footer starts.

    List items and plan rows carry no final period, so they score as menu lines and the span
    stops at the paragraph above them. Two things show that they are the article's: the paragraph
    announces them (it ends in a colon) and each reads as a phrase (sentence case, a few words),
    or each repeats a line the article already holds (the rows of a schedule or table repeat
    their labels). Either way the run must reach the page's furniture (a rule's line, a rule
    drawn with dashes, the page's end): a run that goes on into more short lines is a menu.
    """
    if end <= start or end >= len(blocks):
        return end
    span_end, intro_at = end, end - 1
    lead_in = blocks[end].text.rstrip()
    if not matches[end] and lead_in.endswith(":") and _is_phrase_item(lead_in[:-1]):
        # the list's own lead-in, too short to score as prose: "The operator's own figures show:"
        intro_at, end = end, end + 1
    stop = end
    while stop < len(blocks) and stop - end < PAGE_TRAILING_LIST_MAX_ITEMS and not matches[stop] and _LETTER.search(blocks[stop].text) and not _is_page_prose(blocks[stop].text):
        stop += 1
    if stop - end < PAGE_LIST_MIN_ITEMS - 1 or (stop < len(blocks) and not matches[stop] and _LETTER.search(blocks[stop].text)):
        return span_end
    run = [blocks[i].text for i in range(end, stop)]
    intro = blocks[intro_at].text.rstrip()
    announced = not matches[intro_at] and intro.endswith(":") and (intro_at == span_end or _is_page_prose(intro))
    if announced and all(_is_phrase_item(t) for t in run):
        return stop
    seen = {site_line_key(blocks[i].text) for i in range(start, span_end)}
    if all(site_line_key(t) in seen for t in run):
        return stop
    return span_end


def _extend_over_table(blocks: list[_Block], matches: list[tuple[Rule, ...]], end: int) -> int:
    """Move the span's end over the tables right after it (a box score's line score, then each team's
    leaders): a title, then rows of cells set apart by tabs or pipes, as many in each row of a table."""
    i = end
    if i < len(blocks) and not matches[i] and not _cell_gaps(blocks[i].text) and _is_short_line(blocks[i].text):
        i += 1
    tables_end = end
    while True:
        rows, cells = 0, None
        while (i + rows < len(blocks) and _no_rule_but_pipes(matches[i + rows])
               and (n := _cell_gaps(blocks[i + rows].text)) and n == (cells or n)):
            cells, rows = n, rows + 1
        if rows < PAGE_TABLE_MIN_ROWS or not _table_of_figures(blocks[i : i + rows]):
            return tables_end
        i = tables_end = i + rows


def _table_of_figures(rows: list[_Block]) -> bool:
    """A tab-separated table is the article's; one set apart by pipes only when it is mostly figures (a box
    score, a results table): a widget's table of words ("Port Ellery | Heavy rain, gales | 74 mph") is not."""
    if any("\t" in row.text for row in rows):
        return True
    cells = [cell.strip() for row in rows for cell in _PIPE_CELL_GAP.split(row.text)]
    return sum(1 for cell in cells if _FIGURE_CELL.fullmatch(cell)) >= PAGE_TABLE_MIN_FIGURE_SHARE * len(cells)


def _no_rule_but_pipes(rules: tuple[Rule, ...]) -> bool:
    """No rule knows the line but those that read "A | B | C" as a section path or a byline's parts:
    in a table of pipe-separated cells ("Gulls leaders | MIN | PTS"), that is a row."""
    return all(rule.name in _PIPE_ROW_RULES for rule in rules)


def _cell_gaps(text: str) -> int:
    """The gaps between a table row's cells: its tabs, or its pipes with a cell on each side."""
    return text.count("\t") or (len(_PIPE_CELL_GAP.findall(text)) if len(text) <= PAGE_TABLE_ROW_MAX_CHARS else 0)


_VERDICT_HEADING = re.compile(r"^(?:pros|cons|for|against|the good|the bad|likes|dislikes|like|don(?:'|’)t like|we like|we don(?:'|’)t like|what we (?:liked?|didn(?:'|’)t like)|strengths|weaknesses)\W*$", re.IGNORECASE)
_VERDICT_CLOSER = re.compile(r"^(?:(?:the |our |final )?verdict|(?:the )?bottom line|should you buy (?:it|one|the [\w\s-]{1,30})\?|final thoughts|conclusion)\W*$", re.IGNORECASE)
_VERDICT_RATING = re.compile(r"^(?:rating|score|our rating|verdict)\s*:\s*\S", re.IGNORECASE)
_VERDICT_ITEM = re.compile(r"^[+\-–•✓✔✗✘]\s*\S")


def _extend_over_verdict_box(blocks: list[_Block], matches: list[tuple[Rule, ...]], end: int) -> int:
    """Move the span's end over a review's verdict box right after it: "Pros" and "Cons" headings,
    their "+" and "-" items and the rating. Items without a mark ("Excellent battery life") count
    once both headings are seen (the span may already hold the first), and a "Verdict" heading
    then takes the paragraphs under it."""
    i = end
    headings = 1 if end > 0 and _VERDICT_HEADING.match(blocks[end - 1].text) else 0
    marked = False  # a box marks all its items ("+ Quiet boil") or none
    while i < len(blocks) and i - end < PAGE_VERDICT_BOX_MAX_LINES and not matches[i]:
        text = blocks[i].text
        if _VERDICT_RATING.match(text) and headings:
            return i + 1  # the rating closes the box
        if _VERDICT_HEADING.match(text):
            headings += 1
        elif _VERDICT_CLOSER.match(text) and headings >= 2 and i + 1 < len(blocks) and not matches[i + 1] and _is_page_prose(blocks[i + 1].text):
            i += 1
            stop = min(len(blocks), i + PAGE_VERDICT_MAX_PARAGRAPHS)
            while i < stop and not matches[i] and _is_page_prose(blocks[i].text):
                i += 1
            return i
        elif _VERDICT_ITEM.match(text):
            marked = True
        elif not (headings and not marked and _is_verdict_phrase(text)):
            break
        i += 1
    if headings < 2 and any(not _VERDICT_ITEM.match(blocks[k].text) and not _VERDICT_HEADING.match(blocks[k].text) for k in range(end, i)):
        return end  # bare phrases under one heading are as likely a menu
    return i if headings and i > end else end


# Lines no rule knows between a verdict box and the review's first paragraph: a shop's button ("Check Walmart"),
# the rating ("Editors' Rating 8.2 Very Good"), the lead picture's caption with its credit.
VERDICT_TOP_UNKNOWN_MAX = 2


def _extend_start_over_verdict_box(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int) -> int:
    """Move the span's start up over a review's verdict box printed above the review: "Our Verdict", its
    sentence, then "For" and "Against" (or "Pros" and "Cons") and their phrases, perhaps above a shop's price
    buttons (known furniture, and at most VERDICT_TOP_UNKNOWN_MAX lines no rule knows, none of them a sentence)."""
    k = start - 1
    unknown = 0
    while k >= 0 and (matches[k] or (unknown < VERDICT_TOP_UNKNOWN_MAX and not _is_page_prose(blocks[k].text)
                                     and not _VERDICT_HEADING.match(blocks[k].text))):
        unknown += not matches[k]
        k -= 1
    headings, top = 0, None
    while k >= 0 and not matches[k] and start - k <= PAGE_VERDICT_BOX_MAX_LINES:
        text = blocks[k].text
        if _VERDICT_HEADING.match(text):
            headings += 1
        elif not (_VERDICT_ITEM.match(text) or _is_verdict_phrase(text)):
            break
        top = k
        k -= 1
    if headings < 2 or top is None or not _VERDICT_HEADING.match(blocks[top].text):
        return start
    if k >= 1 and not matches[k] and _is_page_prose(blocks[k].text) and not matches[k - 1] and _VERDICT_CLOSER.match(blocks[k - 1].text):
        return k - 1  # the verdict's heading and its sentence over the lists
    return top


_SALUTATION = re.compile(r"^(?:dear|hello|hi|greetings)\b[^.!?]{1,60}[,:!]$", re.IGNORECASE)
# ... or opening the letter's first paragraph: "Hello, gardeners! The peas are climbing, ...", "Dear Members, ..."
# (after "Hello", "Hi" or "Greetings" the readers in lower case: "Hello Kitty maker Sanrio, ...", "Hi-tech exports
# ...", "Greetings from Kyiv, President ... wrote" open articles)
_SALUTATION_OPENING = re.compile(r"^(?:dear\s[^.!?]{1,40}|(?:hello|hi|greetings)(?:,\s*|\s+)(?-i:[a-z][a-z ]{1,30}))[,:!]\s+(?-i:[A-Z])",
                                 re.IGNORECASE)
_VALEDICTION = re.compile(r"^(?:with (?:gratitude|thanks|best wishes|love|warm(?:est)? (?:regards|wishes))|(?:best|kind|warm(?:est)?) "
                          r"(?:wishes|regards)|yours (?:sincerely|faithfully|truly)|sincerely|many thanks|regards|(?:yours )?in christ"
                          r"|blessings|god bless|peace|warmly|all the best|with (?:appreciation|love)|happy [a-z]+ing|cheers"
                          r"|until next time|see you (?:soon|there|next (?:week|month|time)))\W*$", re.IGNORECASE)
LETTER_SIGNATURE_MAX_LINES = 2  # the writer's name, the writer's role


def _extend_over_letter(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int, end: int) -> tuple[int, int]:
    """A letter printed as the page's article (a head teacher's newsletter, a director's annual letter): its
    salutation above the first paragraph ("Dear Parents and Carers,"), and under the last its valediction and
    signature ("With gratitude,", "Rosalind Achebe", "Executive Director") are the letter's."""
    if start > 0 and not matches[start - 1] and _SALUTATION.match(blocks[start - 1].text.strip()):
        start -= 1
    elif not (start < end and (_SALUTATION.match(blocks[start].text.strip()) or _SALUTATION_OPENING.match(blocks[start].text))):
        return start, end
    k = end
    valediction = k < len(blocks) and not matches[k] and _VALEDICTION.match(blocks[k].text.strip()) is not None
    k += valediction
    # the writer's name (without a valediction it must read as one: "Mrs J. Whitfield", not a menu's "Sports day
    # results"), then perhaps the writer's role
    if not (k < len(blocks) and (valediction or _NAME_SHAPED.fullmatch(blocks[k].text.strip()))):
        return start, end
    signed = 0
    while (k < len(blocks) and signed < LETTER_SIGNATURE_MAX_LINES and not matches[k]
           and _word_count(blocks[k].text) <= PAGE_KICKER_MAX_WORDS and not _TERMINAL.search(blocks[k].text)):
        k += 1
        signed += 1
    return start, k if signed else end


def _is_verdict_phrase(text: str) -> bool:
    """A pro or con written without a mark: a capitalised phrase of a few words, no sentence's end."""
    words = _word_count(text)
    # (a site may list them on one line, set apart by semicolons: "Great camera in low light; clean software; ...")
    return ((text[:1].isupper() or text[:1].isdigit()) and not _TERMINAL.search(text)
            and (words <= PAGE_VERDICT_ITEM_MAX_WORDS or (";" in text and words <= PAGE_VERDICT_LIST_MAX_WORDS)))


_SECTION_HEADING = re.compile(r"^\S[^.!?]{0,60}\[edit\]$")
_TIMESTAMP_ITEM = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*[-–—:]?\s*\S")


def _in_encyclopedia_section(blocks: list[_Block], start: int, end: int) -> bool:
    """The span ends in an encyclopedia's section: its "Landmarks[edit]" heading is among its last lines."""
    return any(_SECTION_HEADING.match(blocks[k].text) for k in range(max(start, end - 3), end))


def _extend_over_section_list(blocks: list[_Block], matches: list[tuple[Rule, ...]], end: int) -> int:
    """Move the span's end over the short items that finish an encyclopedia's section, up to the next
    section's heading."""
    stop = end
    while stop < len(blocks) and not matches[stop] and not _SECTION_HEADING.match(blocks[stop].text) and not _is_page_prose(blocks[stop].text):
        stop += 1
    ends_section = stop < len(blocks) and _SECTION_HEADING.match(blocks[stop].text)
    return stop if stop - end >= PAGE_LIST_MIN_ITEMS and ends_section else end


def _extend_over_chapters(blocks: list[_Block], matches: list[tuple[Rule, ...]], end: int) -> int:
    """Move the span's end over an episode's chapters ("[02:15] The first shop"), under their heading."""
    first = end + 1 if end < len(blocks) and not matches[end] and _is_short_line(blocks[end].text) else end  # "Show notes"
    stop = first
    while stop < len(blocks) and not matches[stop] and _TIMESTAMP_ITEM.match(blocks[stop].text):
        stop += 1
    return stop if stop - first >= PAGE_LIST_MIN_ITEMS else end


_EDIT_SUFFIX = re.compile(r"\s*\[edit\]$", re.IGNORECASE)  # "History[edit]": the heading and its edit link on one line
_CONTENTS_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)")


def _contents_entries(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int) -> tuple[frozenset[str], int, int]:
    """The entries of the contents box ("In this article", then its subheadings) nearest above the
    article's start or inside it (a site's menu may have a "Contents" item too), as line keys, and the
    indexes of its first entry and of the line after its last. The box ends where its first entry comes
    again, as the article's first subheading."""
    found_box: tuple[frozenset[str], int, int] = (frozenset(), 0, 0)
    for i, rules in enumerate(matches):
        if any(r.name == "contents_heading" for r in rules):
            entries: list[str] = []
            row = [item for item in _MENU_BAR_GAP.split(blocks[i + 1].text.strip()) if item] if i + 1 < len(blocks) else []
            if (len(row) >= PAGE_MENU_BAR_MIN_ITEMS - 1 and not matches[i + 1]
                    and all(_word_count(item) <= PAGE_CONTENTS_ENTRY_MAX_WORDS and not _TERMINAL.search(item) for item in row)):
                # the box's entries on one line: "Symptoms  Causes  Treatment  When to see a doctor"
                found_box = (frozenset(site_line_key(item) for item in row), i + 1, i + 2)
                if i >= start:
                    break
                continue
            for block, found in zip(blocks[i + 1 : i + 1 + PAGE_CONTENTS_MAX_ENTRIES], matches[i + 1 :]):
                key = site_line_key(_CONTENTS_NUMBER.sub("", block.text))  # "1 History" names "History"
                if (found or _is_page_prose(block.text) or _word_count(block.text) > PAGE_CONTENTS_ENTRY_MAX_WORDS
                        or _SECTION_HEADING.match(block.text) or key in entries):
                    break
                entries.append(key)
            if entries:
                found_box = (frozenset(entries), i + 1, i + 1 + len(entries))
                if i >= start:
                    break  # the first box in the article; else the last one above it
    return found_box


WIKI_INFOBOX_MAX_LINES = 60  # an infobox's label and value lines between a lead and its contents box
WIKI_LEAD_MAX_PARAGRAPHS = 5
WIKI_INFOBOX_LINE_MAX_WORDS = 10  # a label and its value: "Notable NPCs  Captain Ivo Brennick, Mother Sallow"


def _lead_over_contents(blocks: list[_Block], matches: list[tuple[Rule, ...]], heading: int) -> tuple[int, int] | None:
    """The lead paragraphs above a contents box (``heading`` is its "Contents" line) and the infobox between
    them (label and value lines, a picture's caption), as [first, last + 1): on a wiki the lead is the article's
    first paragraphs, though the densest prose starts under the contents box. None when the lines right above
    the box are no infobox of short lines over prose."""
    if heading <= 0 or not any(r.name == "contents_heading" for r in matches[heading]):
        return None
    k = heading - 1
    while k >= 0 and heading - k <= WIKI_INFOBOX_MAX_LINES and not _is_page_prose(blocks[k].text) and _word_count(blocks[k].text) <= WIKI_INFOBOX_LINE_MAX_WORDS:
        k -= 1  # the infobox, from the bottom up ("Dialling code", "01677", ...)
    bottom = k + 1
    while k >= 0 and bottom - k <= WIKI_LEAD_MAX_PARAGRAPHS and not matches[k] and _is_page_prose(blocks[k].text):
        k -= 1
    top = k + 1
    return (top, bottom) if top < bottom else None


def _is_phrase_item(text: str) -> bool:
    """A list item written as a sentence without its period ("Sign up for the annual plan", "8.15pm
    sailing: 11 passengers a crossing"): a headline link capitalises most of its words, a menu item
    is a word or two."""
    words = _WORD.findall(text)
    if len(words) < PAGE_PHRASE_ITEM_MIN_WORDS or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    return sum(1 for w in words[1:] if w[:1].islower()) >= PAGE_PHRASE_MIN_LOWER_SHARE * (len(words) - 1)


def _cut_author_box(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int, end: int) -> int:
    """End the span at an author-box heading ("About the author") that a short bio follows.

    The bio is prose, so the densest-prose span takes it in; the heading tells it apart.
    A heading followed by more than a bio's worth of prose is left alone (the article goes on).
    """
    prose_before = 0
    for i in range(start, end):
        if any(r.name in _AUTHOR_HEADINGS for r in matches[i]) and prose_before >= PAGE_ARTICLE_MIN_WORDS:
            prose_after = sum(1 for k in range(i + 1, end) if _is_page_prose(blocks[k].text))
            if prose_after <= PAGE_AUTHOR_BIO_MAX_PARAGRAPHS:
                while i > start and (_page_trim_rule(matches[i - 1]) or _is_short_line(blocks[i - 1].text)):
                    i -= 1  # the tags and name lines above the box go with it
                return i
        if not matches[i] and _is_page_prose(blocks[i].text):
            prose_before += _page_words(blocks[i].text)
    return end


FAQ_MIN_QUESTIONS = 3
FAQ_QUESTION_MAX_WORDS = 15


def _faq_answers(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int, end: int) -> set[int]:
    """On a page of questions and answers (at least FAQ_MIN_QUESTIONS short questions in the article, each over
    a paragraph), the answers: "How do I hear about specials?", "Sign up for our newsletter at the counter ..."
    answers it, and a box's rule must not take it."""
    questions = [i for i in range(start, end - 1) if not matches[i] and blocks[i].text.rstrip().endswith("?")
                 and _word_count(blocks[i].text) <= FAQ_QUESTION_MAX_WORDS and _is_page_prose(blocks[i + 1].text)]
    return {i + 1 for i in questions} if len(questions) >= FAQ_MIN_QUESTIONS else set()


def _page_inner_rule(rules: tuple[Rule, ...]) -> Rule | None:
    """An edge rule that fires inside a page's article: on a flattened page, boxes (newsletter
    sign-ups, share prompts, copyright lines) sit between paragraphs, not only at the ends."""
    return next((r for r in rules if r.position == "edge" and r.name not in _PAGE_EDGE_ONLY), None)


_INLINE_COMMENT_PROMPT = Rule(
    "comment_prompt_inline", "comments", "any", 300, _NEVER_MATCHES,
    "a comment prompt between paragraphs, above the page's comments heading: 'Tell us what you think', then more of "
    "the article, then 'Comments'", inline=True)


def _with_early_comment_prompts(matches: list[tuple[Rule, ...]]) -> list[tuple[Rule, ...]]:
    """A comment prompt ("Tell us what you think") opens the comments only when no comments heading comes after it:
    above one, it is a prompt printed between the article's paragraphs."""
    heading_after = False
    out = list(matches)
    for i in range(len(matches) - 1, -1, -1):
        names = {r.name for r in matches[i]}
        if "comments_prompt" in names and heading_after and names <= {"comments_prompt"}:
            out[i] = (_INLINE_COMMENT_PROMPT,)
        elif "comments_heading" in names:
            heading_after = True
    return out


_EMBED_FRAME_RULES = frozenset({"embed_post_meta", "embed_label", "embed_post_follow", "embedded_post_label"})
_EMBEDDED_COMMENT_BOX = Rule(
    "embedded_comment_box", "media_credit", "any", 40, _NEVER_MATCHES,
    "an embedded post's comment box under its likes: 'Embedded post', ..., '12,408 likes', 'Add a comment...'", inline=True)


def _with_embedded_comment_boxes(matches: list[tuple[Rule, ...]]) -> list[tuple[Rule, ...]]:
    """An embedded post's "Add a comment..." box, right under its frame's lines, is the post's furniture: no comments
    section of the page starts there."""
    out = list(matches)
    for i in range(1, len(matches)):
        if (any(r.name in _EMBED_FRAME_RULES for r in matches[i - 1]) and matches[i]
                and all(r.category == "comments" and r.max_chars <= BUTTON_MAX_CHARS for r in matches[i])):
            out[i] = (_EMBEDDED_COMMENT_BOX,)
    return out


def _page_verdicts(blocks: list[_Block], matches: list[tuple[Rule, ...]]) -> tuple[list[_Verdict | None], int | None, int | None]:
    """Verdicts for a flattened page, and the indexes of the headline (kept as the title) and of the
    dek under it (kept as the dek) when they are found."""
    verdicts: list[_Verdict | None] = [None] * len(blocks)
    embedded = [any(r.name in _PAGE_CONTENT_RULES for r in m) for m in matches]
    # on a press release's page (its issuer, its media contact, its forward-looking notice), "About X" heads the
    # release's own section on a company, not an author's box
    release = any(r.name in _RELEASE_RULES for m in matches for r in m)
    matches = [tuple(r for r in m if r.name not in _PAGE_CONTENT_RULES
                     and not (release and r.name in _AUTHOR_HEADINGS and any(q.name == "about_company_heading" for q in m)))
               for m in matches]
    matches = _with_early_comment_prompts(matches)
    matches = _with_embedded_comment_boxes(matches)
    live = _live_entry_lines(blocks, matches)
    tiles = _product_tiles(blocks, matches)
    span, gaps = _page_article_span(blocks, matches, live, tiles)
    in_gap = [False] * len(blocks)
    for lo, hi in gaps:
        in_gap[lo:hi] = [True] * (hi - lo)
    start, end = _trim_span(blocks, matches, *span) if span else (0, 0)
    # a tweet embedded after the last paragraph belongs to the article
    while start < end < len(blocks) and embedded[end]:
        end += 1
    end = _extend_over_numbered_list(blocks, matches, start, end)
    end = _extend_over_trailing_list(blocks, matches, start, end)
    end = _extend_over_table(blocks, matches, end)
    end = _extend_over_figures(blocks, matches, end)
    end = _extend_over_verdict_box(blocks, matches, end)
    # an explainer's contents box names its subheadings: the first sits above the first paragraph
    contents, contents_start, contents_end = _contents_entries(blocks, matches, start)
    edit = 1 if start > 1 and any(r.name == "wiki_edit_link" for r in matches[start - 1]) else 0  # "History", "[edit]"
    if start - edit > contents_end and site_line_key(_EDIT_SUFFIX.sub("", blocks[start - 1 - edit].text)) in contents:
        start -= 1 + edit
    elif start > 0 and not matches[start - 1] and (_CHAPTER_HEADING.match(blocks[start - 1].text)
                                                   or _LETTER_HEADING.match(blocks[start - 1].text)):
        start -= 1  # "Chapter 1: The 3 a.m. refresh", "From the Chairman" heads the first paragraph, under the byline and date
    elif start > 0 and start - 1 in live[0] and all(r.category == "dateline" for r in matches[start - 1]):
        start -= 1  # a live page's first entry opens with its stamp, as the later ones inside the run do
    elif (start > 0 and not matches[start - 1] and _is_question_subheading(blocks, start - 1)
          and any(not matches[k] and _is_question_subheading(blocks, k) for k in range(start + 1, end))
          and not _byline_or_date_within(matches, start + 1, 1)):
        # an explainer's first question heads its first paragraph: "What's happened?", later "How does ...?" (but
        # over a standfirst and its byline, "Teeth Whitening: What Actually Works?" is the headline)
        start -= 1
    start = _extend_start_over_key_points(blocks, matches, start)
    start = _extend_start_over_verdict_box(blocks, matches, start)
    start, end = _extend_over_letter(blocks, matches, start, end)
    # an encyclopedia's lead sits above its infobox and contents box: the article, with those two left out
    lead = _lead_over_contents(blocks, matches, contents_start - 1) if contents_end else None
    if lead is not None and contents_end <= start:
        in_gap[lead[1] : start] = [True] * (start - lead[1])
        start = lead[0]
    elif lead is not None and start <= lead[0] and contents_start < end:
        in_gap[lead[1] : contents_start - 1] = [True] * (contents_start - 1 - lead[1])  # the infobox inside the span
    if _in_encyclopedia_section(blocks, start, end):
        end = _extend_over_section_list(blocks, matches, end)
    else:
        end = _extend_over_chapters(blocks, matches, end)
    box_end, end = end, _cut_author_box(blocks, matches, start, end)
    # a "Related" box inside the article: its heading and the headline links under it (not the subheading
    # the contents box names, under the box)
    live_headlines = set(live[1])  # (under "Latest", a live page's entries are no links)
    in_link_list = [member if site_line_key(b.text) not in contents and i not in live_headlines else None
                    for i, (member, b) in enumerate(zip(_link_list_members(blocks, matches), blocks))]
    in_teaser_cards = _teaser_card_members(blocks, matches)
    # after the article's last two consecutive paragraphs, footer rules (bios, credits) fire too
    tail_start = next((i + 2 for i in range(end - 2, start - 1, -1) if _is_page_prose(blocks[i].text) and _is_page_prose(blocks[i + 1].text)), start)
    # before its first two consecutive paragraphs, a byline or a date (a span may open with the dek above them)
    head_end = next((i for i in range(start, end - 1) if _is_page_prose(blocks[i].text) and _is_page_prose(blocks[i + 1].text)), start)
    faq_answers = _faq_answers(blocks, matches, start, end)
    for i in range(len(blocks)):
        inside = start <= i < end and not in_gap[i]
        # outside the article any rule names the furniture better than "navigation"
        if inside:
            rule = _first_rule(matches[i], "any") or (None if i in faq_answers else _page_inner_rule(matches[i]))
            if rule is None and i >= tail_start and i not in faq_answers and _page_trim_rule(matches[i]):
                rule = _first_rule(matches[i], "footer")
            if rule is None and i < head_end and not _is_page_prose(blocks[i].text):
                rule = next((r for r in matches[i] if r.position in ("header", "edge") and not r.loose
                             and r.category in ("byline", "dateline")), None)
        else:
            rule = matches[i][0] if matches[i] else None
        if rule is not None:
            verdicts[i] = _Verdict(rule.category, rule.name)
        elif end <= i < box_end:
            verdicts[i] = _Verdict("byline", "page_author_box")
        elif not inside:
            verdicts[i] = _Verdict("navigation", "page_outside_article")
        elif (heading := in_link_list[i]) is not None:
            verdicts[i] = _list_item_verdict(heading)
        elif in_teaser_cards[i]:
            verdicts[i] = _Verdict("related_links", "teaser_card")
        elif i in tiles:
            verdicts[i] = _Verdict("advertising", "product_tile")
        elif contents_start <= i < contents_end:
            verdicts[i] = _Verdict("navigation", "contents_entry")
    # the pitch line of a newsletter box sits between its heading and its button
    for i in range(1, len(blocks) - 1):
        before, after = verdicts[i - 1], verdicts[i + 1]
        if (
            verdicts[i] is None
            and before is not None and before.category == "newsletter"
            and after is not None and after.category == "newsletter"
            and _word_count(blocks[i].text) <= PAGE_BOX_TEXT_MAX_WORDS
        ):
            verdicts[i] = _Verdict("newsletter", "newsletter_box_text")
    # a pull quote inside the article, when it is signed or sits by the paragraph it repeats: a page may print a
    # quotation twice for other reasons (a wiki's dialogue lines, a report quoting a statement again further on)
    pulled = set(_pull_quotes(blocks))
    for i in sorted(pulled):
        if not (start <= i < end and verdicts[i] is None):
            continue
        if i + 1 in pulled and verdicts[i + 1] is None and _PULL_QUOTE_SIGNATURE.match(blocks[i + 1].text):
            verdicts[i] = verdicts[i + 1] = _Verdict("media_credit", "pull_quote")
        elif (m := _QUOTED_LINE.match(blocks[i].text.strip())) is not None and (m.group("signed") or _repeats_nearby(blocks, i)):
            verdicts[i] = _Verdict("media_credit", "pull_quote")  # signed on the same line: '"..." – Dr Leong Kah Wai, sociologist'
    headline = _page_headline(blocks, matches, start, end, range(contents_start, contents_end))
    if headline is not None:
        verdicts[headline] = None
        # the headline above the article printed again inside it, over a card rather than over a paragraph:
        # a recipe card's title (a jump link taken for the headline is also a subheading of the article)
        key = site_line_key(blocks[headline].text)
        for i in range(start, end) if headline < start else ():
            if (verdicts[i] is None and site_line_key(blocks[i].text) == key
                    and not (i + 1 < len(blocks) and _is_page_prose(blocks[i + 1].text))):
                verdicts[i] = _Verdict("navigation", "repeated_headline")
    # a standfirst in points first: its first point, with the date a few lines down, would read as a lone dek
    points = _standfirst_points(blocks, matches, headline, start) if headline is not None else []
    dek = points[0] if points else _page_dek(blocks, matches, headline, start)
    for i in points or ([dek] if dek is not None else []):
        verdicts[i] = None
    # a summary box between the headline and the article ("Key points", then its bullets, over a live page's
    # first entry): the bullets are the article's own words, its heading the box's
    if headline is not None:
        for i in _summary_box_lines(blocks, matches):
            if headline < i < start and verdicts[i] is not None and verdicts[i].category == "navigation":
                verdicts[i] = None
    return verdicts, headline, dek


STANDFIRST_MAX_POINTS = 4


def _standfirst_points(blocks: list[_Block], matches: list[tuple[Rule, ...]], headline: int, start: int) -> list[int]:
    """A standfirst in points under the headline, none with a full stop, then the byline or the date: "Amber wind
    warnings across Wales ...; dozens of flood warnings in place", "Met Office amber wind warning in force until
    9pm", "Severe flood warning issued on the River Lune" (a live page's summary, the article's own words)."""
    points = []
    i = headline + 1
    while i < start and len(points) < STANDFIRST_MAX_POINTS and not matches[i] and _summary_point(blocks[i].text):
        points.append(i)
        i += 1
    if len(points) >= 2 and i < start and any(r.category in ("byline", "dateline") for r in matches[i]):
        return points
    return []


def _page_headline(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int, end: int, contents: range = range(0)) -> int | None:
    """The page's headline: of the headline-shaped lines just above the article (not the entries of its
    contents box), the one whose content words the lede shares most (the nearest on a tie, or when none
    shares any)."""
    crumbed = _headline_named_by_breadcrumb(blocks, matches, start)
    if crumbed is not None:
        return crumbed
    summary = _summary_box_lines(blocks, matches)
    # a review's or a release's facts ("Director: Tomasz Brenner", "Cast: ...") share the lede's names, but head nothing
    fields = {k for lo, hi in _field_runs(blocks, matches) for k in range(lo, hi)}
    lede: set[str] = set()
    # the article's first lines, past the furniture inside it (a gallery's counters and credits) and its summary box
    lede_lines = [i for i in range(start, end) if not matches[i] and i not in summary and i + 1 not in summary]
    for i in lede_lines[:PAGE_HEADLINE_LEDE_LINES]:
        lede |= _content_words(blocks[i].text)
    best, best_shared, best_below_meta = None, 0, False
    stopped, stopped_shared = None, 0  # the same for lines that end in a full stop
    banner, banner_shared = None, 0  # the same for lines that open with "BREAKING:" or "LIVE:"
    looked = 0
    passed_meta, meta_top = False, start  # a byline or date seen between this line and the article, the topmost
    for i in range(start - 1, -1, -1):
        if (best is not None or stopped is not None) and (any(r.name in _HEADER_NAV_RULES for r in matches[i])
                                                          or blocks[i].text.strip().lower() in _HEADER_NAV_LINES
                                                          or _is_menu_bar(blocks[i].text) or _is_pipe_menu(blocks[i].text)
                                                          or _SPACED_BREADCRUMB_MARK.search(blocks[i].text)):
            break  # the site's header (its name, its tagline) lies above its breadcrumb trail or menu, the headline below
        if any(r.category in ("byline", "dateline") for r in matches[i]):
            passed_meta, meta_top = True, i
        if (matches[i] and not _labelled_headline(blocks, matches, i)) or i in contents or i in summary or i in fields:
            continue  # share buttons, bylines, dates, the contents and summary boxes between headline and article do not count
        looked += 1
        if looked > PAGE_HEADLINE_LOOKBACK:
            break
        text = blocks[i].text
        below = next((k for k in range(i + 1, min(len(blocks), i + 1 + HEADWORD_REACH)) if not matches[k]), None)
        if below is not None and _is_page_prose(blocks[below].text) and _named_by_sentence_below(text, blocks[below].text):
            return i  # a headword over the sentence that defines it: "Plantar fasciitis", "Plantar fasciitis is pain ..."
        if not _headline_shaped(text) or _is_item_list(text):
            continue
        if i > 0 and blocks[i - 1].text.strip().lower() in _PLAYER_LABELS:
            continue  # a video player's title under its label ("Video", then "Shark comes within metres of swimmer")
        if i > 0 and any(r.name in _GALLERY_COUNTER_RULES for r in matches[i - 1]):
            continue  # a gallery's caption under its counter ("1 / 24", then "Malik Dorsey (7) looks for a receiver ...")
        if _LETTER_HEADING.match(text):
            continue  # a newsletter's first section, the chairman's letter: "From the Chairman"
        if (text.isupper() and _word_count(text) <= PAGE_KICKER_MAX_WORDS and i + 1 < start and not matches[i + 1]
                and _headline_shaped(blocks[i + 1].text) and not blocks[i + 1].text.isupper()):
            continue  # a kicker in capitals over the headline ("THE WATER WE DRINK")
        shared = len(_content_words(text) & lede)
        if (not shared and i + 1 < len(blocks) and any(r.name == "byline_role" for r in matches[i + 1])
                and _NAME_SHAPED.fullmatch(text)):
            # the writer's name over the writer's role ("Joyce Tan Mei Ling", then "Senior Correspondent"); a headline
            # in Title Case over a role ("Millbrook Approves Water Plant Loan", "Staff Reporter") shares the lede's words
            continue
        if _BANNER_OPENING.match(text):
            # "BREAKING: Emergency warning issued for fire near ...": a site's banner over the page names the story
            # as its headline does; it is the headline only when no other line is one
            if banner is None or shared > banner_shared:
                banner, banner_shared = i, shared
            continue
        if not _FULL_STOP_END.search(text):  # (a dek may end in a quotation: "... a ground-floor “wellness concept.”")
            # on a tie, a line right above the byline and date (a dek between at most) beats one between them and
            # the article, a caption; a site's tagline above its menu does not
            over_meta = passed_meta and all(matches[k] or blocks[k].text.endswith((".", "?", "!")) for k in range(i + 1, meta_top))
            # (the same words twice, a section's title above the date and the headline under it: the nearer is the headline)
            if best is None or shared > best_shared or (shared == best_shared and over_meta and best_below_meta
                                                        and text != blocks[best].text):
                best, best_shared, best_below_meta = i, shared, not passed_meta
        elif shared > stopped_shared and _word_count(text) <= PAGE_HEADLINE_STOPPED_MAX_WORDS:
            stopped, stopped_shared = i, shared
    # A headline may end in a full stop ("… They just might be."), though a dek does more often:
    # such a line is taken only when no other shares a word with the lede.
    if best_shared == 0 and stopped is not None:
        # ... unless it is the dek under a headline in Title Case: an essay's headline may share no word with the lede
        over = stopped - 1
        if over >= 0 and not matches[over] and _named_by_sentence_below(blocks[over].text, blocks[stopped].text):
            return over  # "Plantar fasciitis" over "Plantar fasciitis is pain in the heel ..."
        if (over >= 0 and not matches[over] and over not in contents and _headline_shaped(blocks[over].text)
                and not blocks[over].text.endswith(".") and (_title_case(blocks[over].text, min_words=3) or over == best)
                and _word_count(blocks[over].text) >= PAGE_HEADLINE_OVER_DEK_MIN_WORDS):
            return over  # (in sentence case too when the walk found it: "Lead in the Water: How Riverton's schools ...")
        return stopped
    if banner is not None and (best is None or (best_shared == 0 and banner_shared > 0)):
        return banner
    # A dek without a full stop often shares more of the lede's words than its headline does: when the
    # line taken is a dek under a headline-shaped line that shares some too, that line is the headline.
    above = best - 1 if best is not None else -1
    if above >= 1 and _columnist_name(blocks, matches, above) and not _content_words(blocks[above].text) & lede:
        above -= 1  # a columnist's name between the headline and the standfirst (a work's title is the lede's subject)
    # (a dek is set in sentence case; a Title Case line under another is the next of a list of headlines)
    longer = (above >= 0 and _word_count(blocks[best].text) >= _word_count(blocks[above].text) + DEK_LONGER_BY_WORDS
              and not _title_case(blocks[best].text))
    # a sentence-case line no shorter than a Title Case line right over it is that headline's dek ("Late Run Lifts
    # Bobcats Past Rivermont, 71-64", then "Ellis scores 22 as NSU wins fifth straight at home")
    under_title = (above >= 0 and _sentence_case(blocks[best].text) and _title_case(blocks[above].text, min_words=3)
                   and not _PIPE_MENU_GAP.search(blocks[above].text)
                   and _word_count(blocks[best].text) >= _word_count(blocks[above].text))
    # (a live page's headline says so: "Wexcombe by-election live: Lib Dems take seat ... – latest updates")
    # (the last of a sidebar's list of entries under its heading is no headline: "Recent entries", "Longcase clock:
    # re-pinning the rack", "Fusee bracket clock, part 1", over the headline "A Victorian fusee bracket clock, part 2")
    listed = False
    if above >= 1:
        k = above - 1
        while k >= 0 and not matches[k] and _headline_shaped(blocks[k].text) and above - k <= PAGE_LIST_ITEMS_REACH:
            k -= 1
        listed = k >= 0 and _is_related_heading(matches[k])
    if (above >= 0 and not matches[above] and above not in contents and not listed
            and (_is_page_dek(blocks, matches, best) or longer or under_title or _LIVE_HEADLINE.search(blocks[above].text))
            and not _HEADLINE_LABEL.match(blocks[best].text)  # "Editorial: County must come clean ...": a headline's label
            and not _BREADCRUMB_MARK.search(blocks[above].text)
            and not (best + 1 < start and _is_page_dek(blocks, matches, best + 1))  # a dek of its own lies under it
            and not blocks[above].text.endswith(".")):
        text, words = blocks[above].text, _content_words(blocks[above].text)
        if _headline_shaped(text) and (
                (words & lede and not _PIPE_MENU_GAP.search(text)  # "Voltra Pulse 7 review", not "News and stories / Community"
                 and _word_count(text) >= PAGE_HEADLINE_OVER_DEK_MIN_WORDS - 1)
                # a magazine's headline may share no word with the lede, but it is set in Title Case
                or (_title_case(text) and _word_count(text) >= PAGE_HEADLINE_OVER_DEK_MIN_WORDS)
                # a short one too ("The Rooms We Leave"), if no separator makes it a section path
                or (_title_case(text, min_words=2) and _word_count(text) >= PAGE_HEADLINE_OVER_DEK_MIN_WORDS - 1
                    and not _PIPE_MENU_GAP.search(text) and not _BREADCRUMB_MARK.search(text))
                # over a dek its byline vouches for and far longer than it, a sentence-case headline that shares no
                # word with the lede ("Island passengers stranded again as ferry breakdowns pile up", over "Hauliers
                # warn of empty shelves on ... as two vessels are withdrawn in the same week")
                # a live page's headline says so ("Live updates: CalMac cancels ..."); its entries, not its
                # headline, open the article, so it may share no word with them
                or (_LIVE_HEADLINE.search(text) is not None and _word_count(text) >= PAGE_HEADLINE_OVER_DEK_MIN_WORDS)
                or (_sentence_case(text) and _word_count(text) > PAGE_HEADLINE_OVER_DEK_MIN_WORDS
                    and _word_count(blocks[best].text) >= _word_count(text) + LONG_DEK_LONGER_BY_WORDS
                    and _is_page_dek(blocks, matches, best)
                    and not _PIPE_MENU_GAP.search(text) and not _BREADCRUMB_MARK.search(text))):
            return above
        if len(words) >= 2 and words <= lede and _word_count(text) == len(words) and text[:1].isupper():
            return above  # a work's name the lede holds: "Northern Static", over "A radio DJ's last night on air ..."
    return best


PAGE_KICKER_MAX_WORDS = 6


def _sentence_case(text: str) -> bool:
    """A line set in sentence case: past its first word, at most one word in four is capitalised (names)."""
    words = _WORD.findall(text)[1:]
    return len(words) >= 3 and sum(1 for w in words if w[:1].isupper()) * 4 <= len(words)


# The label a section sets before its headlines: such a line is the headline, not a dek under the line above it
# (not "Exclusive:", which opens a dek as often: "Exclusive: Up to one in five county water projects could be dropped")
_HEADLINE_LABEL = re.compile(r"(?:editorial|opinion|analysis|commentary|column|obituary|fact check|letters?)\s*:\s+\S", re.IGNORECASE)
PAGE_LIST_ITEMS_REACH = 8  # lines from a sidebar's heading to its last entry
DEK_LONGER_BY_WORDS = 4  # a dek without a sentence's end still runs longer than the headline over it
LONG_DEK_LONGER_BY_WORDS = 8  # ... and one that shares more of the lede's words than its headline, far longer
_PLAYER_LABELS = frozenset({"video", "watch", "play video", "watch video"})  # not "Photos", a menu's item too
# A gallery's or a video's headline opens with its label, as a link to one does: "Photos: Record crowd for ...".
_LABELLED_HEADLINE = re.compile(r"(?:photos|pictures|in pictures|gallery|video|watch)\s*:\s", re.IGNORECASE)
_LABELLED_HEADLINE_RULES = frozenset({"more_or_watch_link", "photo_credit_label"})


def _labelled_headline(blocks: list[_Block], matches: list[tuple[Rule, ...]], i: int) -> bool:
    """A line only a link's or a credit's rule knows that is a gallery's headline: its label, then a headline
    over the dek (a sentence no rule knows) or the byline."""
    if not _LABELLED_HEADLINE.match(blocks[i].text) or not all(r.name in _LABELLED_HEADLINE_RULES for r in matches[i]):
        return False
    below = i + 1
    return below < len(blocks) and (any(r.category == "byline" for r in matches[below])
                                    or (not matches[below] and _is_page_prose(blocks[below].text)))


SHORT_TITLE_MAX_WORDS = 4
HEADWORD_REACH = 5  # lines from a headword to its defining sentence, past an "Edit" link and share buttons


def _named_by_sentence_below(title: str, sentence: str) -> bool:
    """A short title (an encyclopedia's or a guide's headword: "Plantar fasciitis", "Marrowgate Keep") whose words
    open the sentence under it."""
    words = title.split()
    return (0 < len(words) <= SHORT_TITLE_MAX_WORDS and title[:1].isupper() and not _TERMINAL.search(title)
            and sentence.lower().startswith(title.lower() + " "))


def _headline_shaped(text: str) -> bool:
    """Whether a line could be a page's headline: a few words, and neither a live page's key event
    ("15:48 Power restored to 11,000 homes"), a menu ("Read   Edit   View history") nor a caption with its
    photo credit."""
    return (PAGE_HEADLINE_MIN_WORDS <= _word_count(text) <= PAGE_HEADLINE_MAX_WORDS and not _CLOCK_OPENING.match(text)
            and not _DATE_OPENING.match(text)  # "December 2, 2012 · First Sunday of Advent": a post's date line
            and not _LIVE_STAMP.match(text)  # "UPDATE: 9:40 p.m.": a live page's entry stamp
            and not _is_menu_bar(text) and not _is_pipe_menu(text) and not _is_section_menu(text)
            and not _PHOTO_CREDIT_MARK.search(text)
            and len(_LINK_ROW_GAP.split(text)) < PAGE_LINK_ROW_MIN_ITEMS and len(_TEMPERATURE.findall(text)) < 2
            and len(_BREADCRUMB_MARK.findall(text)) < 2  # "Patient Resources › Sleep Disorders A–Z › Insomnia"
            and not _SPACED_BREADCRUMB_MARK.search(text))  # "Health A–Z  ›  Foot and ankle"


_DATE_OPENING = re.compile(rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
                           rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})\b", re.IGNORECASE)
_NAME_SHAPED = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}[A-Z][\w’'.-]*")  # "Joyce Tan Mei Ling": capitalised words only
COLUMNIST_NAME_MAX_WORDS = 3


def _columnist_name(blocks: list[_Block], matches: list[tuple[Rule, ...]], i: int) -> bool:
    """A line no rule knows that is a writer's name alone ("Eleanor Marsh"), as a columnist's page prints it
    between the headline and the standfirst."""
    return not matches[i] and _word_count(blocks[i].text) <= COLUMNIST_NAME_MAX_WORDS and _NAME_SHAPED.fullmatch(blocks[i].text) is not None


# A site's header below its name and tagline: its breadcrumb trail, its archive's links, its menu's "Home" or the
# menu's own "Menu" button (not a gallery's "Next" under the headline).
_HEADER_NAV_RULES = frozenset({"breadcrumbs", "archive_links"})
_HEADER_NAV_LINES = frozenset({"home", "homepage", "home page",
                               # a menu's own button: the menu's items lie below it, the site's name and tagline above
                               "menu", "main menu", "open menu", "navigation", "toggle navigation"})
_LETTER_HEADING = re.compile(r"from the (?:chair(?:man|woman|person)?|editor|president|director|head(?:teacher)?|principal|rector|vicar"
                             r"|secretary|committee|desk of [\w .'-]{2,40})\W*$", re.IGNORECASE)
_LIVE_CONTROLS = frozenset({"live_page_labels", "live_blog_controls", "live_auto_refresh", "live_refresh_label"})
_LIVE_HEADLINE = re.compile(r"(?:^|\S\s+)live(?: updates?| blog)?\s*:\s+\S|\s[–—-]\s+(?:latest updates|live(?: updates)?|as it happened)\W*$", re.IGNORECASE)
_BANNER_OPENING = re.compile(r"^(?:breaking(?: news)?|just in|live(?: updates?)?|developing(?: story)?|latest)\s*[:|]\s", re.IGNORECASE)


# Three or more items set apart by middle dots or bullets: a contents box's or a tab bar's links ("What the study
# found · Why consistency may matter · How to keep a steady bedtime") or a news ticker ("... ·· ... ·· ..."), never a headline.
_LINK_ROW_GAP = re.compile(r"\s+(?:·{1,2}|•)\s+")
_TEMPERATURE = re.compile(r"-?\d{1,3}\s?°\s?[CF]?\b")  # a masthead's weather strip names two or more: "Karachi 34°C | Lahore 41°C"
PAGE_LINK_ROW_MIN_ITEMS = 3


# A picture's credit inside a line, in any of several languages: the line is a caption ("Terminal Central ...
# — Foto: Rodrigo Paiva/Prefeitura", "Фото: пресс-служба мэрии"), never a headline.
_PHOTO_CREDIT_MARK = re.compile(r"(?:^|[\s(\[|])(?:photo|photograph|foto|fotos|фото|bild|imagen|imagem|image|φωτ(?:ογραφία|ό)|ảnh)\s*[:：]"
                                r"|\((?:photo|foto)\s+[^()]{2,80}\)\s*$"
                                # a photographer's name in capitals after a dash: "... transport strike. —NINO JESUS ORBETA"
                                r"|[.!?]\s*[—–]\s?(?-i:[A-Z][A-Z.'’ -]{3,40})$", re.IGNORECASE)


_BREADCRUMB_SPLIT = re.compile(r"\s*(?:>|»|›|/|\|)\s*")


def _headline_named_by_breadcrumb(blocks: list[_Block], matches: list[tuple[Rule, ...]], start: int) -> int | None:
    """The line under a breadcrumb trail that repeats the trail's last item ("Docs › Guides › Retry Policies",
    then "Retry Policies"), or over an encyclopedia's tagline: the page's headline, however short."""
    for b in range(start - 1, max(-1, start - 1 - PAGE_HEADLINE_LOOKBACK), -1):
        if any(r.name == "wiki_tagline" for r in matches[b]):
            # "From Openpedia, the free encyclopedia" sits right under an encyclopedia article's title
            return b - 1 if b > 0 and 0 < _word_count(blocks[b - 1].text) <= PAGE_HEADLINE_MAX_WORDS else None
        items = _BREADCRUMB_SPLIT.split(blocks[b].text.strip())
        trail = any(r.name == "breadcrumbs" for r in matches[b]) or (
            len(_BREADCRUMB_MARK.findall(blocks[b].text)) >= 2 and all(0 < _word_count(item) <= 6 for item in items))
        if not trail:
            continue
        j = next((j for j in range(b + 1, start) if blocks[j].text.strip() == items[-1]), None)
        if j is None and _BREADCRUMB_ID.fullmatch(items[-1]):
            # an item's page titled after it: "Security › Advisories › QDB-SA-2022-03", then "QDB-SA-2022-03: Authentication
            # bypass in replication listener" (a longer line, so no headline below can outdo it)
            titled = next((k for k in range(b + 1, min(start, b + 3)) if blocks[k].text.startswith(items[-1] + ": ")
                           and not matches[k] and _headline_shaped(blocks[k].text)), None)
            if titled is not None:
                return titled
        # (a longer headline under it makes the item a column's name: "Ask Tamsin", then the question)
        if j is not None and not any(not matches[k] and _headline_shaped(blocks[k].text) and not blocks[k].text.endswith(".")
                                     for k in range(j + 1, start)):
            return j
        return None
    return None


# A trail's last item that a headline may open with, then a colon: an identifier with a number ("PDB-SA-2023-07",
# "RFC 9110"), not a section's name ("Football", then "Football: Scores, fixtures and tables")
_BREADCRUMB_ID = re.compile(r"(?=[^\d]*\d)[\w./#-]+(?: [\w./#-]+){0,2}")


def _content_words(text: str) -> set[str]:
    words = (_POSSESSIVE_END.sub("", w.lower()) for w in _CONTENT_WORD.findall(text))
    # "Biden's" in a headline is "Biden" in the lede, and "seeds" is "seed"
    return {_singular(w) for w in words if w not in _HEADLINE_FILLER}


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


PAGE_DEK_BYLINE_REACH = 3  # lines under a dek without a full stop where its byline or date may sit
# A line over a dek is its headline rather than a kicker or section label ("Gulls Snap Counts") from this many words.
PAGE_HEADLINE_OVER_DEK_MIN_WORDS = 5


def _opens_with_dateline(blocks: list[_Block], i: int) -> bool:
    return i < len(blocks) and OPENING_DATELINE.match(blocks[i].text) is not None


def _byline_or_date_within(matches: list[tuple[Rule, ...]], lo: int, n: int) -> bool:
    """A byline or a date within ``n`` lines from ``lo``, past the share and comment buttons between
    ("Share", "Comments", then "By Rhodri Phillips Local Democracy Reporter")."""
    seen = 0
    for m in matches[lo:]:
        if any(r.category in ("byline", "dateline") for r in m):
            return True
        if m and all(r.category in _BUTTON_CATEGORIES and r.max_chars <= BUTTON_MAX_CHARS for r in m):
            continue
        if m and (_inline_furniture(m) or all(r.category == "media_credit" for r in m)):
            continue  # the lead picture's caption or an audio player between the dek and the byline
        seen += 1
        if seen >= n:
            return False
    return False


_BUTTON_CATEGORIES = frozenset({"social_share", "comments"})
BUTTON_MAX_CHARS = 60  # a button's label, not a call for comments


def _page_dek(blocks: list[_Block], matches: list[tuple[Rule, ...]], headline: int | None, start: int) -> int | None:
    """The standfirst right under the headline, above the byline and the article: one sentence.

    It sits outside the densest-prose span (bylines, dates and share buttons come between), yet it
    is no furniture: it is the article's dek, as line 2 is in an article file.
    """
    if headline is None or headline + 1 >= start:
        return None
    i = headline + 1
    if i + 1 < start and _columnist_name(blocks, matches, i):
        i += 1  # a columnist's name between the headline and the standfirst
    return i if _is_page_dek(blocks, matches, i) else None


def _is_page_dek(blocks: list[_Block], matches: list[tuple[Rule, ...]], i: int) -> bool:
    """Whether line ``i``, under a headline, reads as its dek: one or two sentences."""
    text = blocks[i].text
    words = _page_words(text)
    if matches[i] or not PAGE_SENTENCE_MIN_WORDS <= words <= PAGE_DEK_MAX_WORDS:
        return False
    # many sites print the dek without a full stop: then the byline or date right under it tells it, or a live
    # page's controls ("Key events")
    if not _TERMINAL.search(text) and (_title_case(text) or not (
            _byline_or_date_within(matches, i + 1, PAGE_DEK_BYLINE_REACH) or _opens_with_dateline(blocks, i + 1)
            or (i + 1 < len(blocks) and any(r.name in _LIVE_CONTROLS for r in matches[i + 1])))):
        return False
    # "Above: the plant at dusk." is a caption, "Key points: ..." a box; "Exclusive: Up to one in five ..." a dek
    label = _PAGE_LABEL_LEAD.match(text)
    return label is None or label.group().strip(" :").lower() in _DEK_LABELS
