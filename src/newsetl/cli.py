"""The ``newsetl`` command: run the pipeline, look at its tables, check the setup."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="newsetl: news-corpus ETL into Parquet tables, orchestrated by Prefect.", no_args_is_help=True)

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def load_flow():
    """The ``news_etl`` flow from ``flows/news_etl.py`` (the deployment entrypoint, kept out of the library)."""
    candidates = [Path.cwd() / "flows" / "news_etl.py", PROJECT_ROOT / "flows" / "news_etl.py"]
    for path in candidates:
        if path.exists():
            spec = importlib.util.spec_from_file_location("news_etl_flow", path)
            module = importlib.util.module_from_spec(spec)
            sys.modules["news_etl_flow"] = module
            spec.loader.exec_module(module)
            return module.news_etl
    raise typer.BadParameter(f"flows/news_etl.py not found in {Path.cwd()} or {PROJECT_ROOT}")


def _quiet_local_prefect() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")


@app.command()
def run(
    raw: Path = typer.Argument(Path("data/raw"), help="Directory of raw .txt/.jsonl articles (searched recursively)."),
    out: Path = typer.Option(Path("data/processed"), "--out", help="Output directory for the Parquet tables."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes for batches."),
    batch_size: int = typer.Option(200, "--batch-size", min=1, help="Articles per batch (one task, one atomic commit)."),
    publisher: Optional[str] = typer.Option(None, "--publisher", help="Publisher of every article (when files do not name it)."),
    publisher_dir: list[str] = typer.Option([], "--publisher-dir", help="DIR=PUBLISHER for one source sub-directory; repeatable."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="Extra outlets CSV (name,aliases,kind,country)."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Reject files larger than this many megabytes."),
    dask_address: Optional[str] = typer.Option(None, "--dask-address", help="Run batches on this Dask scheduler (tcp://host:8786)."),
) -> None:
    """Run the pipeline once on RAW into --out and print a summary."""
    _quiet_local_prefect()
    mapping = dict(item.split("=", 1) for item in publisher_dir)
    flow = load_flow()
    summary = flow(
        raw_dir=str(raw),
        out_dir=str(out),
        batch_size=batch_size,
        workers=workers,
        publisher=publisher,
        publisher_by_dir=mapping or None,
        gazetteer_csv=str(gazetteer) if gazetteer else None,
        max_bytes=int(max_mb * 1024 * 1024),
        dask_address=dask_address,
    )
    print_summary(out, summary)


def print_summary(out: Path, summary: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    from newsetl.report_text import table_row_counts
    from newsetl.store import load

    console = Console()
    console.print(
        f"[bold]newsetl run {summary['run_id']}[/bold]: {summary['n_files_seen']} files seen — "
        f"[green]{summary['n_articles_new']} new[/green], {summary['n_unchanged']} unchanged, "
        f"{summary['n_duplicates']} duplicate, [red]{summary['n_rejected']} rejected[/red] "
        f"in {summary['seconds'].get('total', 0):.1f}s"
    )
    counts = Table(title=f"Tables in {out.resolve()}")
    counts.add_column("table")
    counts.add_column("rows", justify="right")
    for name, n in table_row_counts(out).items():
        counts.add_row(name, f"{n:,}")
    console.print(counts)
    rejects = load("rejects", out)
    rejects = rejects[rejects["run_id"] == summary["run_id"]]
    for row in rejects.head(10).itertuples():
        console.print(f"  rejected [yellow]{row.source_path}[/yellow]: {row.reason} — {row.detail}")
    console.print(
        "Open in pandas:  [cyan]import newsetl; quotes = newsetl.load(\"quotes\", root=\"" + str(out) + "\")[/cyan]"
        "  or  [cyan]pandas.read_parquet(\"" + str(out / "quotes") + "\")[/cyan]"
    )


@app.command()
def show(
    table: str = typer.Argument(..., help="Table name: articles, quotes, speakers, outlets, ..."),
    out: Path = typer.Option(Path("data/processed"), "--out", help="Output directory of the tables."),
    where: Optional[str] = typer.Option(None, "--where", help="pandas query, e.g. \"kind == 'direct'\"."),
    limit: int = typer.Option(20, "--limit", min=1, help="Rows to print."),
) -> None:
    """Print a table (or a filtered slice of it) in the terminal."""
    from rich.console import Console
    from rich.table import Table

    from newsetl.store import load

    frame = load(table, out)
    if where:
        frame = frame.query(where)
    view = Table(title=f"{table}: {len(frame):,} rows" + (f" where {where}" if where else ""))
    for column in frame.columns:
        view.add_column(column, overflow="fold", max_width=60)
    for row in frame.head(limit).itertuples(index=False):
        view.add_row(*[_cell(v) for v in row])
    Console().print(view)


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    text = "" if value is None else str(value)
    return text if len(text) <= 200 else text[:197] + "…"


if __name__ == "__main__":
    app()
