"""Where the tests find the repo, the read-only shared corpora and our own fixtures."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DESIGN = SHARED / "DESIGN.md"
SEED = SHARED / "corpus" / "seed" / "western-journal-nato-ukraine-2024.txt"
BBC = SHARED / "corpus" / "bbc-2005"
POLNEAR = SHARED / "eval-data" / "quotes" / "polnear" / "dev"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
