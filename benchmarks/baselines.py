"""The baselines newsetl is measured against, each run in its own process by ``run.py``.

    python benchmarks/baselines.py floor RAW
    python benchmarks/baselines.py floor-parallel RAW --copies N
    python benchmarks/baselines.py naive-pandas RAW OUT [--limit N]
    python benchmarks/baselines.py naive-prefect RAW OUT [--limit N]

* floor: the work that cannot be avoided — read every file, ``TextBlob(text).sentiment`` once.
* floor-parallel: N processes doing the floor's work at once, each over the whole corpus: what
  this machine's cores give work that shares nothing, the ceiling for newsetl's own scaling.
* naive-pandas: what a user would write first — every file into a DataFrame, then
  ``Series.apply`` of per-article functions: regex boilerplate cleaning, a search per
  gazetteer name/alias, a regex quote finder, regex sentence split, TextBlob per
  sentence and per article, and ``to_parquet``.
* naive-prefect: the same per-article work as one Prefect task per article
  (``task.map`` over the files), rows collected by the flow and written at the end.

Each prints one JSON line last: ``{"n_articles": ..., "seconds": ..., "work_seconds": ...}``
(work: the part that grows with the corpus, used to extrapolate from a sample).
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import time
from pathlib import Path

from textblob import TextBlob

GAZETTEER_CSV = Path(__file__).resolve().parents[1] / "src" / "newsetl" / "data" / "outlets.csv"
BOILERPLATE = re.compile(
    r"^(advertisement|share this|follow us|sign up|subscribe|read more|related|copyright|©).*$",
    re.IGNORECASE | re.MULTILINE,
)
QUOTE = re.compile(r"[\"“]([^\"”]{3,}?)[\"”]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")


def files(raw: Path) -> list[Path]:
    return sorted(p for p in raw.rglob("*.txt") if p.is_file())


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def floor(raw: Path) -> dict:
    n = 0
    for path in files(raw):
        TextBlob(read_text(path)).sentiment
        n += 1
    return {"n_articles": n}


def floor_parallel(raw: Path, copies: int) -> dict:
    """``floor`` in ``copies`` forked processes at once (forked after TextBlob is imported, as newsetl's workers are)."""
    TextBlob("warm").sentiment  # the lexicon loads lazily: load it once, before the fork
    children = []
    for _ in range(copies):
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                floor(raw)
            except BaseException:
                code = 1
            os._exit(code)
        children.append(pid)
    failed = sum(os.waitpid(pid, 0)[1] != 0 for pid in children)
    if failed:
        raise SystemExit(f"{failed} of {copies} floor processes failed")
    return {"n_articles": copies * len(files(raw)), "copies": copies}


# ---- the naive per-article functions -------------------------------------------------

def load_gazetteer() -> list[tuple[str, re.Pattern]]:
    """One compiled word-bounded pattern per outlet name and alias (about 1,200)."""
    surfaces = []
    with open(GAZETTEER_CSV, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for surface in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
                surfaces.append((row["name"], re.compile(r"\b" + re.escape(surface) + r"\b")))
    return surfaces


def split_title(text: str) -> tuple[str, str]:
    title, _, body = text.strip().partition("\n")
    return title.strip(), body.strip()


def clean_body(body: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", BOILERPLATE.sub("", body)).strip()


def find_outlets(body: str, gazetteer: list[tuple[str, re.Pattern]]) -> list[str]:
    return sorted({name for name, pattern in gazetteer if pattern.search(body)})


def find_quotes(body: str) -> list[str]:
    return QUOTE.findall(body)


def split_sentences(body: str) -> list[str]:
    return [s for para in body.split("\n\n") for s in SENTENCE_END.split(para.strip()) if s]


def sentence_scores(sentences: list[str]) -> list[tuple[float, float]]:
    return [tuple(TextBlob(s).sentiment) for s in sentences]


def naive_pandas(raw: Path, out: Path, limit: int | None) -> dict:
    import pandas as pd

    gazetteer = load_gazetteer()
    start = time.perf_counter()
    df = pd.DataFrame({"path": files(raw)[:limit]})
    df["text"] = df["path"].apply(read_text)
    df[["title", "body"]] = df["text"].apply(lambda t: pd.Series(split_title(t)))
    df["body"] = df["body"].apply(clean_body)
    df["outlets"] = df["body"].apply(lambda b: find_outlets(b, gazetteer))
    df["quotes"] = df["body"].apply(find_quotes)
    df["sentences"] = df["body"].apply(split_sentences)
    df["sentence_scores"] = df["sentences"].apply(sentence_scores)
    df[["polarity", "subjectivity"]] = df["body"].apply(lambda b: pd.Series(tuple(TextBlob(b).sentiment)))
    df["quote_scores"] = df["quotes"].apply(sentence_scores)
    return {**_write(df, out), "work_seconds": time.perf_counter() - start}


def _write(df, out: Path) -> dict:
    import pandas as pd

    out.mkdir(parents=True, exist_ok=True)
    df["path"] = df["path"].astype(str)
    articles = df[["path", "title", "body", "outlets", "polarity", "subjectivity"]]
    articles.to_parquet(out / "articles.parquet")
    sentences = df[["path", "sentences", "sentence_scores"]].explode(["sentences", "sentence_scores"]).dropna()
    sentences = sentences.assign(
        polarity=sentences["sentence_scores"].str[0], subjectivity=sentences["sentence_scores"].str[1]
    ).drop(columns="sentence_scores")
    sentences.to_parquet(out / "sentences.parquet")
    quotes = df[["path", "quotes", "quote_scores"]].explode(["quotes", "quote_scores"]).dropna()
    quotes = quotes.assign(polarity=quotes["quote_scores"].str[0]).drop(columns="quote_scores")
    pd.DataFrame(quotes).to_parquet(out / "quotes.parquet")
    return {"n_articles": len(df), "n_sentences": len(sentences), "n_quotes": len(quotes)}


def naive_prefect(raw: Path, out: Path, limit: int | None) -> dict:
    import pandas as pd
    from prefect import flow, task

    gazetteer = load_gazetteer()

    @task(persist_result=False)
    def process_article(path: Path) -> dict:
        title, body = split_title(read_text(path))
        body = clean_body(body)
        quotes = find_quotes(body)
        sentences = split_sentences(body)
        polarity, subjectivity = TextBlob(body).sentiment
        return {
            "path": path, "title": title, "body": body, "outlets": find_outlets(body, gazetteer),
            "quotes": quotes, "quote_scores": sentence_scores(quotes),
            "sentences": sentences, "sentence_scores": sentence_scores(sentences),
            "polarity": polarity, "subjectivity": subjectivity,
        }

    @flow(name="naive-one-task-per-article", persist_result=False)
    def naive_flow(paths: list[Path]) -> dict:
        start = time.perf_counter()  # the embedded API is up: what remains grows with the corpus
        rows = [future.result() for future in process_article.map(paths)]
        return {**_write(pd.DataFrame(rows), out), "work_seconds": time.perf_counter() - start}

    return naive_flow(files(raw)[:limit])


def main(argv: list[str]) -> None:
    mode, raw = argv[0], Path(argv[1])
    start = time.perf_counter()
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    if mode == "floor":
        result = floor(raw)
    elif mode == "floor-parallel":
        result = floor_parallel(raw, int(argv[argv.index("--copies") + 1]))
    elif mode == "naive-pandas":
        result = naive_pandas(raw, Path(argv[2]), limit)
    elif mode == "naive-prefect":
        result = naive_prefect(raw, Path(argv[2]), limit)
    else:
        raise SystemExit(f"unknown baseline {mode!r}")
    result["seconds"] = time.perf_counter() - start
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
