"""The boilerplate evaluation turns gold annotations into line labels and scores removals."""

from __future__ import annotations

import json
from pathlib import Path

from newsetl.clean import CleanResult, RemovedLine
from newsetl.evaluation.boilerplate import evaluate, load_polnear, load_trafilatura, main, score, summary_row, title_agrees

ARTICLE = (
    "Council backs ferry plan\n"
    "\n"
    "The port authority approved the ferry contract on Thursday after a short debate.\n"
    "\n"
    "Service will begin in June, officials said.\n"
    "\n"
    "Follow Rosa Delgado on Twitter @rdelgado.\n"
)


def write_polnear(tmp_path: Path, discard: str | None, split: str = "dev") -> Path:
    base = tmp_path / "quotes" / "polnear" / split
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


PAGE = (
    "Harbor City Herald\n"
    "Sign up for our newsletter\n"
    "Ferry service resumes in June after a two-year pause, officials said on Thursday.\n"
    "The port authority approved the contract after a short debate, and fares stay at $6.\n"
    "Sign up for our newsletter\n"
    "Most read: ferry service resumes in June\n"
)


def write_trafilatura(tmp_path: Path, with_: list[str], without: list[str]) -> Path:
    base = tmp_path / "boilerplate" / "trafilatura-evaldata-en"
    base.mkdir(parents=True)
    (base / "herald.ferry.txt").write_text(PAGE, encoding="utf-8")
    (base / "herald.ferry.segments.json").write_text(json.dumps({"with": with_, "without": without}), encoding="utf-8")
    return tmp_path


def test_trafilatura_lines_holding_without_snippets_are_furniture_every_copy(tmp_path: Path):
    (doc,) = load_trafilatura(write_trafilatura(tmp_path, ["approved the contract"], ["Sign up for our newsletter"]))
    assert doc.labels == {2: True, 4: False, 5: True}


def test_trafilatura_line_holding_both_kinds_is_article(tmp_path: Path):
    (doc,) = load_trafilatura(write_trafilatura(tmp_path, ["two-year pause"], ["officials said on Thursday"]))
    assert doc.labels == {3: False}


def test_trafilatura_with_snippet_printed_twice_is_left_to_the_snippet_score(tmp_path: Path):
    (doc,) = load_trafilatura(write_trafilatura(tmp_path, ["resumes in June", "not on the page"], []))
    assert doc.labels == {}  # lines 3 and 6 both hold it: which copy is the article's is unknown
    assert doc.snippets == (("resumes in June", True),)  # the snippet missing from the page is not scored


def test_trafilatura_snippet_scores_read_the_cleaned_text(tmp_path: Path):
    (doc,) = load_trafilatura(write_trafilatura(tmp_path, ["approved the contract", "fares stay at $6"], ["Sign up for our newsletter"]))
    lines = PAGE.split("\n")
    kept = (lines[2], lines[3])
    removed = tuple(RemovedLine(n, lines[n - 1], "navigation", "page_outside_article") for n in (2, 5, 6))
    result = CleanResult(title=lines[0], dek=None, paragraphs=kept, removed=removed, publisher=None, line_nos=(3, 4), title_line_no=1, mode="page")
    doc_score = score(doc, result, lines)
    assert (doc_score.with_kept, doc_score.with_total, doc_score.without_removed, doc_score.without_total) == (2, 2, 1, 1)
    assert (doc_score.tp, doc_score.fp, doc_score.fn) == (2, 0, 0)


def test_every_polnear_split_present_is_scored_dev_first(tmp_path: Path, capsys):
    # a held-out split placed beside dev is scored by the default command, on a row of its own
    write_polnear(tmp_path, "Follow Rosa Delgado on Twitter @rdelgado.", split="test")
    write_polnear(tmp_path, "Follow Rosa Delgado on Twitter @rdelgado.", split="dev")
    assert main(["--data-dir", str(tmp_path), "--dataset", "polnear"]) == 0
    rows = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.startswith("polnear")]
    assert rows == ["polnear", "polnear-test"]


def test_a_named_polnear_split_is_scored_alone(tmp_path: Path, capsys):
    write_polnear(tmp_path, None, split="test")
    write_polnear(tmp_path, None, split="dev")
    assert main(["--data-dir", str(tmp_path), "--dataset", "polnear", "--polnear-split", "test"]) == 0
    rows = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.startswith("polnear")]
    assert rows == ["polnear-test"]


def test_found_title_agrees_with_an_html_title_that_wraps_it():
    assert title_agrees("The Future of Banking Is … You're Broke", "The Future of Banking Is … You're Broke | WIRED")
    assert title_agrees("Dock repairs finished a month early", "Opinion | Dock repairs finished a month early - Harbor Herald")
    # most words shared, in another order or with a word changed
    assert title_agrees("Ferry fares to stay at $6 through 2025", "Ferry fares will stay at $6 through 2025, port says")


def test_author_line_or_menu_item_taken_for_the_title_does_not_agree():
    assert not title_agrees("By Rosa Delgado Updated Nov 13, 2024", "Council extends night ferry service - Harbor Herald")
    assert not title_agrees("World", "House where the mayor was born will become a library, council says")
    assert not title_agrees(None, "Council extends night ferry service")
    # the site's name alone, a word inside another, a <title> of no words
    assert not title_agrees("WIRED", "The Best Laptops of 2024 | WIRED")
    assert not title_agrees("Man", "Manchester council sets its budget")
    assert not title_agrees("Council extends night ferry service", " | ")


def test_aeb_pages_are_scored_for_their_title(tmp_path: Path, capsys):
    base = tmp_path / "boilerplate" / "scrapinghub-aeb"
    base.mkdir(parents=True)
    lines = ["Home", "News", "Local", "Sports", "Weather", "Opinion", "Obituaries", "Jobs", "Contact",
             "Council extends night ferry service through winter", "By Rosa Delgado", "Share this article",
             "The Harbor City council voted on Wednesday to keep the night ferry running through the winter months.",
             "Island residents told the council that the ferry was their only way home after evening shifts.",
             "The extension will cost about $310,000, according to the port authority's budget office.",
             "© 2024 Harbor Herald"]
    (base / "p1.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    content = [1 if 12 <= i <= 14 else 0 for i in range(len(lines))]
    (base / "labels.jsonl").write_text(json.dumps({"id": "p1", "content": content}) + "\n", encoding="utf-8")
    (base / "manifest.jsonl").write_text(json.dumps({"id": "p1", "html_title": "Council extends night ferry service through winter | Harbor Herald"}) + "\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "--dataset", "aeb"]) == 0
    assert "aeb titles: 1/1 agree" in capsys.readouterr().out
