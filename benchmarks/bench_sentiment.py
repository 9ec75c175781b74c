"""Cost of scoring every sentiment level at once, against one TextBlob call per article.

    python benchmarks/bench_sentiment.py [--limit N] [--rounds R] [--no-per-span]

For each BBC article (../shared/corpus/bbc-2005, read in place) the spans are the
sentences from ``newsetl.segment`` plus every stretch between two double quotes (a proxy
for the quote spans the pipeline passes). Timed per article, in the same process and
interleaved (the order of the methods alternates article by article):

- baseline: ``TextBlob(body).sentiment`` -- the article level alone;
- one pass: ``newsetl.sentiment.score_spans(body, spans)`` -- body, sentences and quotes;
- per span (context): ``TextBlob`` on the body and on every span, what the interim
  stage did.

Round 1 starts with empty token caches (the memos fill as the corpus is read, like a
pipeline worker's first batch); later rounds are warm and each article's time is its
best over those rounds. Segmentation and quote finding are done before timing. Every
one-pass value is also compared with TextBlob's (the per-span run supplies those).
"""

from __future__ import annotations

import argparse
import gc
import re
import time
from dataclasses import dataclass
from pathlib import Path

from textblob import TextBlob

from newsetl import sentiment
from newsetl.segment import segment

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc-2005"
QUOTED = re.compile(r'"([^"\n]*)"|\u201c([^\u201d\n]*)\u201d')


@dataclass(frozen=True)
class Article:
    name: str
    body: str
    sentences: tuple[tuple[int, int], ...]
    quotes: tuple[tuple[int, int], ...]

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return self.sentences + self.quotes


def read_body(path: Path) -> str:
    """Title on line 1, then paragraphs separated by blank lines (see the corpus README)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # sport/199.txt has one Latin-1 pound sign
    return "\n\n".join(line.strip() for line in text.splitlines()[1:] if line.strip())


def load_articles(limit: int | None) -> list[Article]:
    paths = sorted(CORPUS.glob("*/*.txt"))[:limit]
    articles = []
    for path in paths:
        body = read_body(path)
        sentences = tuple((s.char_start, s.char_end) for s in segment(body).sentences)
        quotes = tuple(m.span(1) if m.group(1) is not None else m.span(2) for m in QUOTED.finditer(body))
        articles.append(Article(str(path.relative_to(CORPUS)), body, sentences, quotes))
    return articles


def baseline(article: Article) -> None:
    TextBlob(article.body).sentiment


def one_pass(article: Article) -> None:
    sentiment.score_spans(article.body, article.spans)


def per_span(article: Article) -> None:
    TextBlob(article.body).sentiment
    for start, end in article.spans:
        TextBlob(article.body[start:end]).sentiment


def time_round(articles: list[Article], methods: dict, round_no: int) -> dict[str, list[float]]:
    seconds: dict[str, list[float]] = {name: [] for name in methods}
    names = list(methods)
    for k, article in enumerate(articles):
        shift = (k + round_no) % len(names)  # rotate which method runs first
        for name in names[shift:] + names[:shift]:
            started = time.perf_counter()
            methods[name](article)
            seconds[name].append(time.perf_counter() - started)
    return seconds


def max_difference(articles: list[Article]) -> tuple[float, int]:
    worst, n_values = 0.0, 0
    for article in articles:
        body_score, span_scores = sentiment.score_spans(article.body, article.spans)
        texts = [article.body] + [article.body[s:e] for s, e in article.spans]
        for text, got in zip(texts, (body_score,) + span_scores):
            want = TextBlob(text).sentiment
            worst = max(worst, abs(got.polarity - want.polarity), abs(got.subjectivity - want.subjectivity))
            n_values += 1
    return worst, n_values


def count_direct_spans(articles: list[Article]) -> int:
    # Spans whose edges tokenize differently on their own are scored from their own text.
    direct = 0
    for article in articles:
        doc = sentiment._tokenize(article.body)
        direct += sum(sentiment._span_tokens(doc, s, e) is None for s, e in article.spans)
    return direct


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles (sorted paths)")
    parser.add_argument("--rounds", type=int, default=3, help="round 1 cold, the rest warm")
    parser.add_argument("--no-per-span", action="store_true", help="skip the per-span TextBlob context row")
    args = parser.parse_args()

    articles = load_articles(args.limit)
    n_sentences = sum(len(a.sentences) for a in articles)
    n_quotes = sum(len(a.quotes) for a in articles)
    methods = {"baseline": baseline, "one_pass": one_pass}
    if not args.no_per_span:
        methods["per_span"] = per_span

    TextBlob("Warm up: load the lexicon before timing.").sentiment
    sentiment._CHUNK_MEMO.clear()
    sentiment._token_facts.cache_clear()
    gc.collect()
    rounds = [time_round(articles, methods, r) for r in range(max(1, args.rounds))]

    def row(label: str, seconds: dict[str, list[float]]) -> str:
        base = sum(seconds["baseline"])
        cells = [label, f"{base * 1e3 / len(articles):.2f}", f"{sum(seconds['one_pass']) * 1e3 / len(articles):.2f}",
                 f"**{sum(seconds['one_pass']) / base:.2f}×**"]
        if "per_span" in seconds:
            cells.append(f"{sum(seconds['per_span']) / base:.2f}×")
        return "| " + " | ".join(cells) + " |"

    print(f"{len(articles)} BBC articles, {n_sentences} sentences, {n_quotes} quote spans "
          f"({count_direct_spans(articles)} spans scored from their own text)\n")
    header = ["rounds", "TextBlob(body) ms/article", "one pass, all levels ms/article", "one pass / TextBlob(body)"]
    if "per_span" in methods:
        header.append("TextBlob per span / TextBlob(body)")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    print(row("1 (cold caches)", rounds[0]))
    if len(rounds) > 1:
        warm = {name: [min(r[name][k] for r in rounds[1:]) for k in range(len(articles))] for name in methods}
        print(row(f"2–{len(rounds)} (warm, best per article)", warm))
    worst, n_values = max_difference(articles)
    print(f"\nexactness: max |one pass − TextBlob| over {n_values} values (body, sentences, quotes, "
          f"polarity and subjectivity) = {worst:.3g}")


if __name__ == "__main__":
    main()
