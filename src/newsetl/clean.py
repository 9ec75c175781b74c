"""Boilerplate removal: a catalogue of rules as data plus per-publisher repeated-line learning.

(Interim version: a few footer rules; the full catalogue lands with the boilerplate issue.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsetl.ingest import ArticleParts, Line

CATEGORIES = (
    "editorial_standards", "advertising", "newsletter", "social_share", "copyright", "related_links",
    "republication", "media_credit", "comments", "repeated_site_line",
)


@dataclass(frozen=True)
class Rule:
    name: str
    category: str
    pattern: re.Pattern[str]
    reason: str


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


@dataclass
class SiteLineIndex:
    """Per-publisher-group counts of normalised lines, kept with the tables between runs."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)


RULES = (
    Rule("editorial_heading", "editorial_standards", re.compile(r"^Truth and Accuracy$"), "editorial-standards box heading"),
    Rule("editorial_note", "editorial_standards", re.compile(r"^We are committed to truth and accuracy"), "editorial-standards note"),
    Rule("advertise_with", "advertising", re.compile(r"^Advertise with (?P<publisher>[A-Z][\w.&' ]+?) and "), "advertising pitch"),
)


def clean(parts: ArticleParts, *, source: str | None = None, site_lines: SiteLineIndex | None = None) -> CleanResult:
    kept: list[Line] = []
    removed: list[RemovedLine] = []
    publisher = source
    for line in parts.body:
        for rule in RULES:
            m = rule.pattern.search(line.text)
            if m:
                removed.append(RemovedLine(line.line_no, line.text, rule.category, rule.name))
                if publisher is None and "publisher" in m.groupdict():
                    publisher = m.group("publisher")
                break
        else:
            kept.append(line)
    return CleanResult(
        title=parts.title.text if parts.title else None,
        dek=parts.dek.text if parts.dek else None,
        paragraphs=tuple(ln.text for ln in kept),
        removed=tuple(removed),
        publisher=publisher,
    )
