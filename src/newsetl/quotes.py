"""Quotes: direct, partial and indirect quotations with speaker, cue and via-outlet.

(Interim version: direct quotes with a "X said" cue only; the full extractor lands with the quotes issue.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsetl.outlets import OutletMention
from newsetl.segment import Segmentation


@dataclass(frozen=True)
class Quote:
    quote_idx: int
    sentence_idx: int
    kind: str  # "direct", "partial" or "indirect"
    text: str
    char_start: int
    char_end: int
    cue: str | None
    speaker_name: str | None  # canonical person name within the article, None for unattributed
    speaker_surface: str | None  # the words naming the source in the text ("he", "the ministry")
    speaker_role: str | None
    via_outlet_id: str | None
    via_outlet_name: str | None


_DIRECT = re.compile(r"[\"\u201c]([^\"\u201d]{2,}?)[\"\u201d],? (?P<speaker>[A-Z][a-z]+(?: [A-Z][a-z]+)*) (?P<cue>said|says|added|told)")


def find_quotes(seg: Segmentation, mentions: Sequence[OutletMention] = ()) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    for sentence in seg.sentences:
        for m in _DIRECT.finditer(sentence.text):
            start = sentence.char_start + m.start(1)
            quotes.append(Quote(len(quotes), sentence.sentence_idx, "direct", m.group(1), start, start + len(m.group(1)),
                                m.group("cue"), m.group("speaker"), m.group("speaker"), None, None, None))
    return tuple(quotes)
