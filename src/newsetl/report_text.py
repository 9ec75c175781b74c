"""Plain-text views of a run for Prefect artifacts and the terminal: summary markdown and top tables."""

from __future__ import annotations

from pathlib import Path

from newsetl.store import load
from newsetl.tables import TABLE_NAMES


def table_row_counts(out_dir: Path) -> dict[str, int]:
    import pyarrow.parquet as pq

    counts = {}
    for name in TABLE_NAMES:
        counts[name] = sum(pq.ParquetFile(p).metadata.num_rows for p in sorted((Path(out_dir) / name).glob("*.parquet")))
    return counts


def run_summary_markdown(out_dir: Path, run: dict, rejects: list[dict]) -> str:
    lines = [
        f"# newsetl run `{run['run_id']}` — {run['status']}",
        "",
        "| files seen | new articles | unchanged | duplicates | rejected |",
        "|---:|---:|---:|---:|---:|",
        f"| {run['n_files_seen']} | {run['n_articles_new']} | {run['n_unchanged']} | {run['n_duplicates']} | {run['n_rejected']} |",
        "",
        "## Rows per table",
        "",
        "| table | rows |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {n:,} |" for name, n in table_row_counts(out_dir).items()]
    lines += ["", "## Seconds per stage", "", "| stage | seconds |", "|---|---:|"]
    lines += [f"| {stage} | {sec:.2f} |" for stage, sec in run["seconds"].items()]
    if rejects:
        lines += ["", "## Rejected inputs", "", "| file | reason | detail |", "|---|---|---|"]
        lines += [f"| `{r['source_path']}` | {r['reason']} | {r['detail']} |" for r in rejects[:50]]
        if len(rejects) > 50:
            lines.append(f"| … | {len(rejects) - 50} more | see the `rejects` table |")
    lines += ["", f"Tables: `{Path(out_dir).resolve()}` — `newsetl.load(\"quotes\", root=...)` or `pandas.read_parquet(...)`."]
    return "\n".join(lines)


def top_tables(out_dir: Path, n: int = 15) -> list[tuple[str, str, list[dict]]]:
    """(artifact key, description, rows) for the top speakers, outlets and extreme articles."""
    speakers = load("speakers", out_dir)
    outlets = load("outlets", out_dir)
    articles = load("articles", out_dir, columns=["article_id", "source_path", "title", "publisher", "polarity"])
    top_speakers = speakers.head(n)[["name", "n_quotes", "n_articles", "polarity_mean"]]
    top_outlets = outlets.sort_values("n_mentions", ascending=False).head(n)[["name", "kind", "n_articles_citing", "n_mentions"]]
    ranked = articles.dropna(subset=["polarity"]).sort_values("polarity")
    cols = ["title", "publisher", "source_path", "polarity"]
    return [
        ("top-speakers", "Most quoted speakers", _records(top_speakers)),
        ("top-outlets", "Most cited outlets", _records(top_outlets)),
        ("most-negative-articles", "Most negative articles (TextBlob polarity)", _records(ranked.head(10)[cols])),
        ("most-positive-articles", "Most positive articles (TextBlob polarity)", _records(ranked.tail(10)[cols][::-1])),
    ]


def _records(frame) -> list[dict]:
    out = []
    for row in frame.to_dict(orient="records"):
        out.append({k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()})
    return out
