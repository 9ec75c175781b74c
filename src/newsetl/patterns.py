"""Regex building shared by the stages that match large word lists in one pass."""

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
