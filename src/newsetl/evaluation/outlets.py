"""``python -m newsetl.evaluate outlets``: the outlet stage on the BBC 2004-05 corpus.

Prints, for the current code:

- precision over the hand-checked sample ``tests/annotations/bbc_outlet_mentions.jsonl``
  (100 mentions drawn at random with a fixed seed, each judged in context). A judged
  mention counts only if the stage still produces that span with that outlet; mentions it
  no longer produces are listed as stale, so the number never silently drifts;
- recall over the outlets named in each quote annotation set (``tests/annotations/bbc_quotes*.jsonl``:
  every set lists the outlets each annotated article cites), set by set; the test set's misses are
  not printed, only its score;
- the top cited outlets with counts, and the stage's cost in ms per article.

``--sample N --out PATH`` draws a fresh sample to annotate (fields to fill: correct, note).
The corpus is read from ``../shared/corpus/bbc-2005`` and never copied into the repo.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsetl import ingest, segment
from newsetl.evaluation import BBC_QUOTE_SETS, BBC_QUOTE_TEST_SET
from newsetl.outlets import Gazetteer, OutletMention, find_outlets, load_gazetteer, outlet_id_for

REPO_ROOT = Path(__file__).resolve().parents[3]
BBC_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "bbc-2005"
MENTION_ANNOTATIONS = REPO_ROOT / "tests" / "annotations" / "bbc_outlet_mentions.jsonl"
SAMPLE_SEED = 20240529
BBC_PUBLISHER = "BBC News"  # the files do not name their site; this is the per-corpus mapping


@dataclass(frozen=True)
class ArticleResult:
    path: str  # relative to the corpus, e.g. "business/012.txt"
    body: str
    mentions: tuple[OutletMention, ...]


def bbc_segmentation(raw: bytes, path: str) -> segment.Segmentation:
    """Title line dropped, paragraphs joined by a blank line, as the pipeline does for BBC files."""
    parts = ingest.split_parts(ingest.decode_article(path, raw))
    return segment.segment(segment.join_paragraphs([line.text for line in parts.body]))


def run_corpus(corpus: Path, gazetteer: Gazetteer, publisher: str | None) -> tuple[list[ArticleResult], float, float]:
    """Every article's mentions; returns (results, outlet-stage seconds, total seconds incl. decode+segment)."""
    results = []
    outlet_seconds = 0.0
    started = time.perf_counter()
    for path in sorted(corpus.rglob("*.txt")):
        rel = path.relative_to(corpus).as_posix()
        if "/" not in rel:
            continue  # README.txt and the like
        seg = bbc_segmentation(path.read_bytes(), rel)
        t0 = time.perf_counter()
        mentions = find_outlets(seg, gazetteer, publisher)
        outlet_seconds += time.perf_counter() - t0
        results.append(ArticleResult(rel, seg.body, mentions))
    return results, outlet_seconds, time.perf_counter() - started


def in_body(results: list[ArticleResult]) -> list[tuple[ArticleResult, OutletMention]]:
    return [(r, m) for r in results for m in r.mentions if m.char_start is not None]


def context(body: str, start: int, end: int, width: int = 80) -> str:
    return (body[max(0, start - width) : start] + "[[" + body[start:end] + "]]" + body[end : end + width]).replace("\n", " ")


def precision(results: list[ArticleResult], annotations: list[dict]) -> tuple[float | None, int, int, list[dict]]:
    """(precision, n judged and still produced, n correct among them, stale annotations)."""
    produced = {(r.path, m.char_start, m.char_end): m.outlet_name for r, m in in_body(results)}
    still, correct, stale = 0, 0, []
    for a in annotations:
        if produced.get((a["path"], a["char_start"], a["char_end"])) != a["outlet_name"]:
            stale.append(a)
            continue
        still += 1
        correct += bool(a["correct"])
    return (correct / still if still else None), still, correct, stale


def recall(results: list[ArticleResult], gazetteer: Gazetteer, gold_articles: list[dict]) -> tuple[float | None, int, int, list[tuple[str, str]]]:
    """Share of gold (article, outlet) pairs the stage finds in that article, any role."""
    by_path = {r.path: r for r in results}
    n_gold, n_found, missed = 0, 0, []
    for article in gold_articles:
        result = by_path.get(article["path"])
        if result is None:
            continue
        found = {m.outlet_id for m in result.mentions if m.char_start is not None}
        for name in article.get("outlets") or []:
            gold_id = gold_outlet_id(name, gazetteer)
            n_gold += 1
            if gold_id in found:
                n_found += 1
            else:
                missed.append((article["path"], name))
    return (n_found / n_gold if n_gold else None), n_gold, n_found, missed


def gold_outlet_id(name: str, gazetteer: Gazetteer) -> str:
    """An annotator's outlet name as an outlet id: a gazetteer name or alias, or a programme
    written with its channel in front ("BBC Radio 4 Today" -> Today), else the slug."""
    outlet = gazetteer.lookup(name)
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        if outlet is not None:
            break
        if gazetteer.lookup(" ".join(words[:cut])):
            outlet = gazetteer.lookup(" ".join(words[cut:]))
    return outlet.outlet_id if outlet else outlet_id_for(name)


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsetl.evaluate outlets", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC_CORPUS)
    parser.add_argument("--publisher", default=BBC_PUBLISHER, help="publisher of every article ('' for none)")
    parser.add_argument("--gazetteer", type=Path, default=None, help="extra outlets CSV")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sample", type=int, default=0, help="draw N mentions to annotate (with --out)")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--show-stale", action="store_true")
    args = parser.parse_args(argv)

    gazetteer = load_gazetteer(args.gazetteer)
    results, outlet_seconds, total_seconds = run_corpus(args.corpus, gazetteer, args.publisher or None)
    mentions = in_body(results)

    if args.sample:
        rng = random.Random(SAMPLE_SEED)
        picked = sorted(rng.sample(range(len(mentions)), min(args.sample, len(mentions))))
        out = args.out or Path("bbc_outlet_mentions.sample.jsonl")
        with open(out, "w", encoding="utf-8") as fh:
            for i in picked:
                r, m = mentions[i]
                row = {"path": r.path, "char_start": m.char_start, "char_end": m.char_end, "surface": m.surface,
                       "outlet_name": m.outlet_name, "resolved_by": m.resolved_by, "role": m.role,
                       "context": context(r.body, m.char_start, m.char_end), "correct": None, "note": ""}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(picked)} mentions to {out}")
        return 0

    n = len(results)
    by_how = Counter(m.resolved_by for _, m in mentions)
    print(f"corpus: {args.corpus}  articles: {n}  in-body mentions: {len(mentions)}  publisher: {args.publisher or '-'}")
    print("resolved_by: " + ", ".join(f"{k} {v}" for k, v in by_how.most_common()))
    print(f"outlet stage: {1000 * outlet_seconds / max(n, 1):.3f} ms/article "
          f"({100 * outlet_seconds / total_seconds:.1f}% of decode+segment+outlets)")

    annotations = read_jsonl(MENTION_ANNOTATIONS)
    p, still, correct, stale = precision(results, annotations)
    print(f"\nprecision (hand-checked sample {MENTION_ANNOTATIONS.name}): "
          + (f"{p:.3f}  ({correct}/{still} correct; {len(stale)} annotated mentions no longer produced)" if p is not None else "no annotations"))
    if args.show_stale:
        for a in stale:
            print(f"  stale: {a['path']} {a['char_start']}-{a['char_end']} {a['surface']!r} -> {a['outlet_name']}")

    for gold_set in BBC_QUOTE_SETS:
        gold = [a for a in read_jsonl(gold_set) if "outlets" in a]
        r, n_gold, n_found, missed = recall(results, gazetteer, gold)
        print(f"recall (outlets listed in {gold_set.name}, {len(gold)} articles): "
              + (f"{r:.3f}  ({n_found}/{n_gold})" if r is not None else "no gold outlets"))
        for path, name in missed if gold_set != BBC_QUOTE_TEST_SET else ():  # the test set: scores only
            print(f"  missed: {path}: {name}")

    cited = Counter((m.outlet_name, m.kind or "") for _, m in mentions if m.role == "cited")
    articles = Counter()
    for res in results:
        for name in {(m.outlet_name, m.kind or "") for m in res.mentions if m.role == "cited" and m.char_start is not None}:
            articles[name] += 1
    print(f"\ntop {args.top} cited outlets (mentions, articles):")
    print(f"  {'outlet':<34} {'kind':<12} {'mentions':>8} {'articles':>8}")
    for (name, kind), count in cited.most_common(args.top):
        print(f"  {name:<34} {kind:<12} {count:>8} {articles[(name, kind)]:>8}")
    own = Counter(m.outlet_name for _, m in mentions if m.role == "publisher")
    if own:
        print(f"\nthe publisher's own outlets mentioned in the body (role=publisher): "
              + ", ".join(f"{k} {v}" for k, v in own.most_common(12)))
    return 0
