"""Regexes shared by stages: one for many literals (large word lists matched in one pass), and the dateline."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(words: Iterable[str]) -> str:
    """One regex for many literals, factored as a character trie so matching does not
    try each literal in turn; at each node the longer continuation is tried first."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        alternation = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return alternation
        return (f"(?:{alternation})" if len(branches) == 1 else alternation) + "?"

    return build(trie)


# A wire story's or press release's first paragraph opens with the place it was filed from: "WASHINGTON — ",
# "ST. PAUL, Minn. — ", "LONDON (Reuters) - ", "OMAHA, Neb., April 2, 2024 /PR Wire/ -- ". Cleaning takes it as a
# sign that the line above is a dek; quotation finding blanks it, as the place is no subject.
OPENING_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}[A-Z.]"  # the place, in capitals
    r"(?:,\s*[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2})?"  # its state or country
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s*\d{4})?)?"  # the date
    r"(?:\s*\([^)]{2,40}\))?"  # the wire
    r"\s*(?:/[^/]{2,40}/)?"  # a press-release wire
    r"\s*[—–-]{1,2}\s+"
)
