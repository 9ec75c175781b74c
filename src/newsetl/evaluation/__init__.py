"""Evaluation commands: extraction quality against gold labels, printed as tables."""

from pathlib import Path

ANNOTATIONS_DIR = Path(__file__).resolve().parents[3] / "tests" / "annotations"
# Our BBC quote annotations (tests/annotations/README.md), each scored on its own: the development set the rules
# were written on, three validation sets whose errors were read, and a test set whose errors nobody reads. Every
# set also lists the outlets its articles cite, for the outlets evaluation.
BBC_QUOTE_SETS = tuple(
    ANNOTATIONS_DIR / f"bbc_quotes{suffix}.jsonl" for suffix in ("", "_validation", "_validation2", "_validation3", "_test")
)
BBC_QUOTE_TEST_SET = BBC_QUOTE_SETS[-1]


def present_polnear_splits(base: Path) -> list[Path]:
    """The PolNeAR split directories under ``base`` that hold articles (``text/``), dev first."""
    if not base.is_dir():
        return []
    return sorted((d for d in base.iterdir() if (d / "text").is_dir()), key=lambda d: (d.name != "dev", d.name))
