"""``python -m newsetl.evaluate boilerplate``: score the clean stage against gold boilerplate labels.

Datasets (read from ``../shared/eval-data``, never copied into the repo):

* ``aeb`` — Article Extraction Benchmark pages flattened to lines; ``labels.jsonl``
  marks the article's lines (1) and the page furniture (0).
* ``trafilatura`` — trafilatura's English evaluation pages; ``<id>.segments.json``
  lists snippets that must survive (``with``) and must go (``without``). Only the
  lines holding a snippet are scored (see :data:`TRAFILATURA_LABELS`), and the
  snippets themselves are scored as trafilatura scores them: a ``with`` snippet
  is kept when the cleaned text (title, dek, paragraphs) still contains it, a
  ``without`` snippet is removed when it does not.
* ``polnear`` — real news articles; brat ``Discard`` spans in
  ``attributions/*.ann`` mark the furniture (editor's notes, "Follow X on
  Twitter", credits, bios). Each article goes through ``ingest`` exactly as the
  pipeline reads a ``.txt`` (title = first line, ...).

Scores per dataset, over non-blank lines outside the returned title and dek:
precision and recall of *removed* lines, and the share of article characters
(gold article lines) lost. Targets: precision >= 0.98, recall >= 0.95, loss <= 0.5%.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsetl.clean import CleanResult, clean
from newsetl.evaluation import present_polnear_splits
from newsetl.ingest import decode_article, split_parts

DATASETS = ("aeb", "trafilatura", "polnear")
TARGET_PRECISION = 0.98
TARGET_RECALL = 0.95
TARGET_CHAR_LOSS = 0.005
# A found title agrees with the page's <title> when one holds the other, or when this share of
# the shorter's words are in both and they make up this share of the <title>'s words.
TITLE_SHARED_OF_SHORTER = 0.6
TITLE_SHARED_OF_HTML = 0.4
TITLE_RULE = (f"one holds the other's words (the title at least {TITLE_SHARED_OF_HTML:.0%} of the <title>'s), or "
              f"{TITLE_SHARED_OF_SHORTER:.0%} of the shorter's words are shared and make {TITLE_SHARED_OF_HTML:.0%} of the <title>'s")
# A PolNeAR line is furniture when Discard spans cover at least this share of its characters.
DISCARD_LINE_COVERAGE = 0.5
# How trafilatura's snippets become line labels (printed under the table).
TRAFILATURA_LABELS = (
    "trafilatura line labels: a line holding (part of) a `without` snippet is furniture, one holding a `with` "
    "snippet is article (both: article, since removing it loses article text); every copy of a `without` snippet "
    "counts, a `with` snippet printed more than once on the page is left to the snippet score (keeping any one "
    "copy satisfies it); snippets not found in the page are not scored."
)


def default_eval_dir() -> Path:
    env = os.environ.get("NEWSETL_EVAL_DATA")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parents[3]
    return repo.parent / "shared" / "eval-data"


@dataclass(frozen=True)
class LabelledDoc:
    doc_id: str
    text: str
    labels: dict[int, bool]  # line_no -> True when the line is furniture (scored lines only)
    # (whitespace-normalised snippet, True when it must survive cleaning): trafilatura only
    snippets: tuple[tuple[str, bool], ...] = ()
    html_title: str | None = None  # the page's <title>: AEB only


@dataclass(frozen=True)
class DocScore:
    doc_id: str
    tp: int  # furniture removed
    fp: int  # article line removed
    fn: int  # furniture kept
    article_chars: int
    article_chars_lost: int
    mode: str
    errors: tuple[tuple[str, int, str], ...]  # ("FP"|"FN", line_no, text)
    with_kept: int = 0  # `with` snippets still in the cleaned text
    with_total: int = 0
    without_removed: int = 0  # `without` snippets no longer in the cleaned text
    without_total: int = 0
    title_found: bool | None = None  # the title agrees with the page's <title> (None: no <title> to compare)


# --- datasets ------------------------------------------------------------------------


def load_aeb(root: Path) -> Iterator[LabelledDoc]:
    base = root / "boilerplate" / "scrapinghub-aeb"
    titles = {}
    if (base / "manifest.jsonl").exists():
        with open(base / "manifest.jsonl", encoding="utf-8") as fh:
            titles = {row["id"]: row.get("html_title") for row in map(json.loads, filter(str.strip, fh))}
    with open(base / "labels.jsonl", encoding="utf-8") as fh:
        for row in fh:
            if not row.strip():
                continue
            item = json.loads(row)
            text = (base / f"{item['id']}.txt").read_text(encoding="utf-8")
            lines = text.split("\n")
            labels = {i + 1: not bool(lab) for i, lab in enumerate(item["content"]) if i < len(lines) and lines[i].strip()}
            yield LabelledDoc(item["id"], text, labels, html_title=titles.get(item["id"]))


def _normalise_ws(text: str) -> tuple[str, list[int]]:
    """Whitespace-collapsed text and, per character, its offset in the original."""
    out: list[str] = []
    offsets: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        out.append(ch)
        offsets.append(i)
    return "".join(out), offsets


def _line_of_offsets(text: str) -> list[int]:
    line_no, result = 1, []
    for ch in text:
        result.append(line_no)
        if ch == "\n":
            line_no += 1
    return result


def load_trafilatura(root: Path) -> Iterator[LabelledDoc]:
    base = root / "boilerplate" / "trafilatura-evaldata-en"
    for seg_path in sorted(base.glob("*.segments.json")):
        doc_id = seg_path.name[: -len(".segments.json")]
        text = (base / f"{doc_id}.txt").read_text(encoding="utf-8")
        segments = json.loads(seg_path.read_text(encoding="utf-8"))
        flat, offsets = _normalise_ws(text)
        line_at = _line_of_offsets(text)
        labels: dict[int, bool] = {}
        snippets: list[tuple[str, bool]] = []
        for key, furniture in (("without", True), ("with", False)):
            for snippet in segments.get(key, []):
                needle, _ = _normalise_ws(snippet.strip())
                starts = _occurrences(flat, needle)
                if not starts:
                    continue  # snippet not in the flattened page: cannot be scored
                snippets.append((needle, not furniture))
                if not furniture and len(starts) > 1:
                    continue  # which copy is the article's is unknown: the snippet score covers it
                for start in starts:
                    for line_no in set(line_at[offsets[start] : offsets[start + len(needle) - 1] + 1]):
                        # a line holding both kinds is article text: keeping it is right
                        labels[line_no] = labels.get(line_no, True) and furniture
        yield LabelledDoc(doc_id, text, labels, tuple(snippets))


def _occurrences(haystack: str, needle: str) -> list[int]:
    starts: list[int] = []
    at = haystack.find(needle) if needle else -1
    while at >= 0:
        starts.append(at)
        at = haystack.find(needle, at + 1)
    return starts


def load_polnear(root: Path, split: str = "dev") -> Iterator[LabelledDoc]:
    base = root / "quotes" / "polnear" / split
    anns: dict[str, list[Path]] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        anns.setdefault(stem, []).append(ann)
    for txt in sorted((base / "text").glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        votes = Counter[int]()
        annotators = anns.get(txt.stem, [])
        for ann in annotators:
            covered: set[int] = set()
            for row in ann.read_text(encoding="utf-8").splitlines():
                parts = row.split("\t")
                if len(parts) < 2 or not row.startswith("T") or not parts[1].startswith("Discard "):
                    continue
                for span in parts[1].split(" ", 1)[1].split(";"):
                    start, end = (int(x) for x in span.split())
                    covered.update(range(start, end))
            votes.update(covered)
        # majority of the annotators (most articles have one)
        discarded = {i for i, v in votes.items() if v * 2 >= max(1, len(annotators))}
        labels: dict[int, bool] = {}
        offset = 0
        for line_no, line in enumerate(text.split("\n"), start=1):
            chars = [offset + k for k, ch in enumerate(line) if not ch.isspace()]
            if chars:
                share = sum(1 for c in chars if c in discarded) / len(chars)
                labels[line_no] = share >= DISCARD_LINE_COVERAGE
            offset += len(line) + 1
        yield LabelledDoc(txt.stem, text, labels)


# --- scoring --------------------------------------------------------------------------


def score(doc: LabelledDoc, result: CleanResult, raw_lines: list[str]) -> DocScore:
    removed = {r.line_no for r in result.removed}
    not_scored = {result.title_line_no} if result.title_line_no else set()
    if result.dek is not None:
        not_scored |= {n for n, line in enumerate(raw_lines, start=1) if line.strip() == result.dek}
    tp = fp = fn = chars = lost = 0
    errors: list[tuple[str, int, str]] = []
    for line_no, furniture in doc.labels.items():
        if line_no in not_scored:
            continue
        gone = line_no in removed
        text = raw_lines[line_no - 1].strip()
        if furniture and gone:
            tp += 1
        elif furniture:
            fn += 1
            errors.append(("FN", line_no, text))
        else:
            chars += len(text)
            if gone:
                fp += 1
                lost += len(text)
                errors.append(("FP", line_no, text))
    kept_text, _ = _normalise_ws("\n".join(x for x in (result.title, result.dek, *result.paragraphs) if x))
    with_kept = sum(1 for needle, keep in doc.snippets if keep and needle in kept_text)
    without_removed = sum(1 for needle, keep in doc.snippets if not keep and needle not in kept_text)
    n_with = sum(1 for _, keep in doc.snippets if keep)
    return DocScore(
        doc.doc_id, tp, fp, fn, chars, lost, result.mode, tuple(errors),
        with_kept, n_with, without_removed, len(doc.snippets) - n_with,
        title_agrees(result.title, doc.html_title) if doc.html_title else None,
    )


def title_agrees(title: str | None, html_title: str) -> bool:
    """Whether a found title is the page's headline, judged against its HTML <title>.

    The <title> often wraps the headline in the site's name ("… | WIRED", "Opinion | …") or
    words of its own, so the two agree when one holds the other, or when most words of the
    shorter are in the longer and they cover at least 40% of the <title>'s words.
    """
    got, want = _title_words(title or ""), _title_words(html_title)
    if not got or not want:
        return False
    # whole words: the site's name alone ("WIRED") is no headline, "Man" is not "Manchester"
    got_text, want_text = f" {' '.join(got)} ", f" {' '.join(want)} "
    if (got_text in want_text and len(got) >= TITLE_SHARED_OF_HTML * len(want)) or want_text in got_text:
        return True
    shared = len(set(got) & set(want))
    return shared >= TITLE_SHARED_OF_SHORTER * min(len(set(got)), len(set(want))) and shared >= TITLE_SHARED_OF_HTML * len(set(want))


def _title_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def evaluate(docs: list[LabelledDoc]) -> tuple[list[DocScore], float]:
    scores = []
    elapsed = 0.0
    for doc in docs:
        article = decode_article(f"eval/{doc.doc_id}.txt", doc.text.encode("utf-8"))
        parts = split_parts(article)
        start = time.perf_counter()
        result = clean(parts)
        elapsed += time.perf_counter() - start
        scores.append(score(doc, result, article.text.split("\n")))
    return scores, elapsed


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def summary_row(name: str, scores: list[DocScore], elapsed: float) -> dict[str, object]:
    tp = sum(s.tp for s in scores)
    fp = sum(s.fp for s in scores)
    fn = sum(s.fn for s in scores)
    chars = sum(s.article_chars for s in scores)
    lost = sum(s.article_chars_lost for s in scores)
    return {
        "dataset": name,
        "docs": len(scores),
        "pages": sum(1 for s in scores if s.mode == "page"),
        "furniture": tp + fn,
        "removed": tp + fp,
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "char_loss": lost / chars if chars else 0.0,
        "ms_per_doc": 1000 * elapsed / max(1, len(scores)),
        "with_kept": _ratio(sum(s.with_kept for s in scores), sum(s.with_total for s in scores)),
        "without_removed": _ratio(sum(s.without_removed for s in scores), sum(s.without_total for s in scores)),
        "snippets": sum(s.with_total + s.without_total for s in scores),
        "titles_found": sum(1 for s in scores if s.title_found),
        "titles": sum(1 for s in scores if s.title_found is not None),
    }


def print_table(rows: list[dict[str, object]]) -> None:
    header = f"{'dataset':<12} {'docs':>5} {'pages':>5} {'furniture':>9} {'removed':>8} {'precision':>9} {'recall':>7} {'chars lost':>10} {'ms/doc':>7}"
    print(header)
    print("-" * len(header))
    for r in rows:
        ok = (r["precision"] >= TARGET_PRECISION, r["recall"] >= TARGET_RECALL, r["char_loss"] <= TARGET_CHAR_LOSS)
        marks = "".join("✓" if x else "✗" for x in ok)
        print(
            f"{r['dataset']:<12} {r['docs']:>5} {r['pages']:>5} {r['furniture']:>9} {r['removed']:>8} "
            f"{r['precision']:>9.3f} {r['recall']:>7.3f} {r['char_loss']:>9.2%} {r['ms_per_doc']:>7.2f}  {marks}"
        )
    print(f"targets: precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL}, chars lost <= {TARGET_CHAR_LOSS:.1%} (✓/✗ in that order)")
    for r in rows:
        if r["snippets"]:
            print(f"{r['dataset']} snippets ({r['snippets']}): `with` kept {r['with_kept']:.3f}, `without` removed {r['without_removed']:.3f}")
        if r["titles"]:
            print(f"{r['dataset']} titles: {r['titles_found']}/{r['titles']} agree with the page's HTML <title> ({TITLE_RULE})")
    if any(r["dataset"] == "trafilatura" for r in rows):
        print(TRAFILATURA_LABELS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsetl.evaluate boilerplate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", choices=("all", *DATASETS), default="all")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents of each dataset")
    parser.add_argument("--data-dir", type=Path, default=None, help="eval-data directory (default ../shared/eval-data or $NEWSETL_EVAL_DATA)")
    parser.add_argument("--polnear-split", default=None,
                        help="PolNeAR split directory (dev, test; default: every split present, dev first)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N wrongly kept/removed lines per dataset")
    args = parser.parse_args(argv)

    root = args.data_dir or default_eval_dir()
    loaders = {
        "aeb": lambda: load_aeb(root),
        "trafilatura": lambda: load_trafilatura(root),
    }
    polnear = root / "quotes" / "polnear"
    splits = [args.polnear_split] if args.polnear_split else [d.name for d in present_polnear_splits(polnear)]
    for split in splits:
        # the dev split keeps the plain name; a held-out split sits beside it under its own
        loaders["polnear" if split == "dev" else f"polnear-{split}"] = lambda split=split: load_polnear(root, split)
    names = [n for n in loaders if args.dataset in ("all", n.split("-")[0])] or [args.dataset]
    rows = []
    for name in names:
        if name not in loaders:  # --dataset polnear, and no split was found
            print(f"{name}: skipped, data not found ({polnear})", file=sys.stderr)
            continue
        try:
            docs = list(loaders[name]())
        except FileNotFoundError as err:
            print(f"{name}: skipped, data not found ({err.filename})", file=sys.stderr)
            continue
        if args.limit is not None:
            docs = docs[: args.limit]
        scores, elapsed = evaluate(docs)
        rows.append(summary_row(name, scores, elapsed))
        if args.errors:
            shown = 0
            for s in scores:
                for kind, line_no, text in s.errors:
                    if shown >= args.errors:
                        break
                    print(f"{name} {kind} {s.doc_id[:40]}:{line_no} [{s.mode}] {text[:140]}")
                    shown += 1
    if not rows:
        print("no evaluation data found", file=sys.stderr)
        return 1
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
