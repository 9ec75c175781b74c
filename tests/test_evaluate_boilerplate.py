"""The boilerplate evaluation turns gold annotations into line labels and scores removals."""

from __future__ import annotations

from pathlib import Path

from newsetl.evaluation.boilerplate import evaluate, load_polnear, summary_row

ARTICLE = (
    "Council backs ferry plan\n"
    "\n"
    "The port authority approved the ferry contract on Thursday after a short debate.\n"
    "\n"
    "Service will begin in June, officials said.\n"
    "\n"
    "Follow Rosa Delgado on Twitter @rdelgado.\n"
)


def write_polnear(tmp_path: Path, discard: str | None) -> Path:
    base = tmp_path / "quotes" / "polnear" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "herald_ferry.txt").write_text(ARTICLE, encoding="utf-8")
    rows = []
    if discard is not None:
        start = ARTICLE.index(discard)
        rows.append(f"T1\tDiscard {start} {start + len(discard)}\t{discard}")
    (base / "attributions" / "herald_ferry_ab12.ann").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


def test_discard_span_marks_its_line_as_furniture(tmp_path: Path):
    root = write_polnear(tmp_path, "Follow Rosa Delgado on Twitter @rdelgado.")
    (doc,) = load_polnear(root)
    assert doc.labels == {1: False, 3: False, 5: False, 7: True}


def test_removing_the_annotated_footer_scores_full_precision_and_recall(tmp_path: Path):
    docs = list(load_polnear(write_polnear(tmp_path, "Follow Rosa Delgado on Twitter @rdelgado.")))
    scores, _ = evaluate(docs)
    row = summary_row("polnear", scores, 0.0)
    assert (row["precision"], row["recall"], row["char_loss"]) == (1.0, 1.0, 0.0)


def test_removing_an_unannotated_line_costs_precision_and_characters(tmp_path: Path):
    docs = list(load_polnear(write_polnear(tmp_path, None)))  # the annotator kept the follow line
    scores, _ = evaluate(docs)
    row = summary_row("polnear", scores, 0.0)
    assert row["precision"] == 0.0
    assert row["char_loss"] > 0
