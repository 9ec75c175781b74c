"""The quotes evaluation command's building blocks: body construction, offset mapping, matching."""

from __future__ import annotations

import json
from pathlib import Path

from newsetl.evaluation.quotes import (
    Span,
    evaluate_bbc,
    evaluate_polnear,
    main,
    named_source,
    overlap,
    polnear_body,
    polnear_split_dirs,
    read_ann,
    same_speaker,
    to_txt,
)


def test_polnear_body_offsets_map_back_to_the_text_file() -> None:
    text = "Headline here\n\nFirst paragraph says one thing.\n\n  Second paragraph, indented.\n"
    doc = polnear_body(text)
    start = doc.body.index("Second")
    s, e = to_txt(doc, start, start + len("Second paragraph"))
    assert text[s:e] == "Second paragraph"


def test_brat_file_gives_content_ranges_with_their_source(tmp_path: Path) -> None:
    ann = tmp_path / "a_x.ann"
    ann.write_text(
        "T1\tSource 0 5\tJones\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tthe plan was\n"
        "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n",
        encoding="utf-8",
    )
    gold, _ = read_ann(ann)
    assert gold == [([(11, 20), (25, 30)], "Jones")]


def test_surname_match_counts_as_the_same_speaker() -> None:
    assert same_speaker("Tony Blair", "Blair") and same_speaker(None, None)
    assert not same_speaker("Gordon Brown", "Tony Blair") and not same_speaker("Tony Blair", None)


def test_overlap_of_spans() -> None:
    assert overlap(Span(0, 10, None, None), Span(5, 20, None, None)) == 5
    assert overlap(Span(0, 10, None, None), Span(10, 20, None, None)) == 0


def test_bbc_scores_a_perfect_annotation_as_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "politics").mkdir(parents=True)
    (corpus / "politics" / "001.txt").write_text(
        'Harbour row\n\n"The harbour will reopen in May," Harbour Master Ellen Cray said.\n', encoding="utf-8"
    )
    gold = {"path": "politics/001.txt",
            "quotes": [{"text": "The harbour will reopen in May", "kind": "direct", "speaker": "Ellen Cray"}]}
    annotations = tmp_path / "gold.jsonl"
    annotations.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = evaluate_bbc(annotations, corpus)
    assert result["direct"] == (1.0, 1.0, 1.0) and result["speaker"][0] == 1.0


def test_strict_polnear_matching_is_one_to_one_against_the_longer_span() -> None:
    from newsetl.evaluation.quotes import _one_to_one, _overlaps

    assert _overlaps((0, 10), (0, 100), longer=False) and not _overlaps((0, 10), (0, 100), longer=True)
    # one long prediction covering two gold contents matches only one of them
    assert _one_to_one([(0, 100)], [(0, 60), (60, 100)]) == 1


def test_the_name_of_a_gold_source_is_its_last_name_word() -> None:
    assert named_source("Republican nominee Donald Trump") == "Trump"
    # a party-and-state tag is not a name, also when the gold span ends inside it
    assert named_source("Rep. Gwen Moore (D-Wis.)") == "Moore"
    assert named_source("Senate Minority Leader Harry Reid (D-Nev") == "Reid"
    assert named_source("Azucena Gonzàlez") == "Gonzàlez"
    assert named_source("Sen. Claire McCaskill (D-Mo.)") == "McCaskill"
    assert named_source("Clinton’s campaign") == "Clinton"
    assert named_source("he") is None
    # what follows the name is not the name: an appositive, a place, a tag, a suffix
    assert named_source("Clinton, the former secretary of State,") == "Clinton"
    assert named_source("Flynn, a top Trump surrogate,") == "Flynn"
    assert named_source("House Speaker Paul Ryan, R-Wis.,") == "Ryan"
    assert named_source("Gov. Earl Ray Tomblin of West Virginia") == "Tomblin"
    assert named_source("Chief Justice John G. Roberts Jr.") == "Roberts"
    assert named_source("the Association of Flight Attendants") == "Association"
    assert named_source("Proponents, including the United States Conference") == "Proponents"
    assert named_source("Secretary of State John F. Kerry") == "Kerry"
    assert named_source("Another critic, Laurence H. Tribe,") == "Tribe"
    assert named_source("Apple's chief executive, Tim Cook,") == "Cook"
    # a description with no name names nobody, whatever party or office it capitalises
    assert named_source("The Republican presidential nominee") is None
    assert named_source("Democratic officials") is None


def test_every_polnear_split_with_articles_is_scored_dev_first(tmp_path: Path) -> None:
    for split in ("test", "dev", "notes"):
        (tmp_path / split).mkdir()
    (tmp_path / "test" / "text").mkdir()
    (tmp_path / "dev" / "text").mkdir()
    assert [d.name for d in polnear_split_dirs(tmp_path)] == ["dev", "test"]
    assert polnear_split_dirs(tmp_path / "missing") == [tmp_path / "missing" / "dev"]


def test_a_polnear_split_without_articles_is_reported_and_skipped(tmp_path: Path, capsys) -> None:
    assert evaluate_polnear(tmp_path / "test") == 0.0
    captured = capsys.readouterr()
    assert "skipped" in captured.err and captured.out == ""


def test_errors_print_under_their_set_and_never_the_test_sets_unless_named(tmp_path: Path, capsys, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "politics").mkdir(parents=True)
    sets = []
    for name, speaker in (("dev", "Ann Roe"), ("test", "Tom Vey")):  # both wrong: the stage finds Ellen Cray
        (corpus / "politics" / f"{name}.txt").write_text(
            f'Harbour row\n\n"The {name} harbour will reopen," Harbour Master Ellen Cray said.\n', encoding="utf-8")
        gold = {"path": f"politics/{name}.txt",
                "quotes": [{"text": f"The {name} harbour will reopen", "kind": "direct", "speaker": speaker}]}
        sets.append(tmp_path / f"{name}.jsonl")
        sets[-1].write_text(json.dumps(gold) + "\n", encoding="utf-8")
    monkeypatch.setattr("newsetl.evaluation.quotes.BBC_QUOTE_SETS", tuple(sets))
    monkeypatch.setattr("newsetl.evaluation.quotes.BBC_QUOTE_TEST_SET", sets[-1])
    main(["--dataset", "bbc", "--errors", "--corpus", str(corpus)])
    out = capsys.readouterr().out
    dev_part, test_part = out.split(f"BBC quotes ({sets[-1]})")
    assert dev_part.index(f"BBC quotes ({sets[0]})") < dev_part.index("errors:") < dev_part.index("gold=Ann Roe")
    assert "errors not printed" in test_part and "gold=Tom Vey" not in out
    main(["--annotations", str(sets[-1]), "--errors", "--corpus", str(corpus), "--dataset", "bbc"])
    assert "gold=Tom Vey pred=Ellen Cray" in capsys.readouterr().out
