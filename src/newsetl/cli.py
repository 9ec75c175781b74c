"""The ``newsetl`` command: run the pipeline, schedule it, look at its tables, report, check the setup."""

from __future__ import annotations

import importlib
import os
import sys
import threading
import time
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Optional

import typer

from newsetl import workerpool
from newsetl.embedded_api import API_NICE, EmbeddedAPI
from newsetl.heap import freeze_at_exit, imports_without_gc

app = typer.Typer(
    help="newsetl: news-corpus ETL into Parquet tables, orchestrated by Prefect.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Columns `newsetl show` prints when --columns is not given: the ones a person reads
# (article bodies and offsets make a terminal table unreadable).
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("publisher", "title", "n_sentences", "n_quotes", "n_boilerplate_lines", "polarity", "source_path"),
    "boilerplate": ("category", "rule", "text", "line_no"),
    "sentences": ("sentence_idx", "paragraph_idx", "text", "polarity", "subjectivity"),
    "outlet_mentions": ("outlet_name", "surface", "role", "resolved_by", "sentence_idx"),
    "quotes": ("speaker_name", "kind", "text", "cue", "via_outlet_name", "polarity"),
    "speech_acts": ("speaker_name", "speaker_surface", "cue", "kind", "text"),
    "speakers": ("name", "roles", "n_quotes", "n_articles", "polarity_mean"),
    "outlets": ("name", "kind", "n_articles_citing", "n_mentions", "n_articles_published"),
    "runs": ("run_id", "flow_run_id", "status", "started_at", "n_files_seen", "n_articles_new", "n_rejected"),
    "rejects": ("source_path", "reason", "detail", "run_id"),
}


# What a flow's first call imports (Prefect 3.9: its engine, graphviz for visualize(), FastAPI's
# JSON encoder for parameters, OpenTelemetry): ~0.5 s, imported early to overlap the server's boot.
# And pandas, which the flow's aggregates use and the batch workers do not: imported after they fork.
_FLOW_CALL_IMPORTS = ("prefect.flow_engine", "prefect.utilities.visualization", "prefect.telemetry.run_telemetry",
                      "fastapi.encoders", "pandas")


def load_flow():
    """The ``news_etl`` flow from ``flows/news_etl.py`` (the deployment entrypoint, kept out of the library).

    Imported as ``flows.news_etl`` with the project root on ``sys.path`` so worker
    processes (which inherit ``sys.path``) can unpickle tasks that reference it.
    """
    for root in (Path.cwd(), PROJECT_ROOT):
        if (root / "flows" / "news_etl.py").exists():
            if str(root) not in sys.path:
                sys.path.insert(0, str(root))
            return importlib.import_module("flows.news_etl").news_etl
    raise typer.BadParameter(f"flows/news_etl.py not found in {Path.cwd()} or {PROJECT_ROOT}")


def _quiet_local_prefect() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # The embedded server migrates its database on first start; on a loaded
    # 2-core machine that can exceed Prefect's default 20 s.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


@app.command()
def run(
    raw: Path = typer.Argument(Path("data/raw"), help="Directory of raw .txt/.jsonl articles (searched recursively)."),
    out: Path = typer.Option(Path("data/processed"), "--out", help="Output directory for the Parquet tables."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes for batches."),
    batch_size: Optional[int] = typer.Option(
        None, "--batch-size", min=1,
        help="Articles per batch (one task, one atomic commit). Default: 200, more for runs of over 10,000 new "
             "articles so a run has about 50 batches (at most 500 articles each).",
    ),
    publisher: Optional[str] = typer.Option(None, "--publisher", help="Publisher of every article (when files do not name it)."),
    publisher_dir: list[str] = typer.Option([], "--publisher-dir", help="DIR=PUBLISHER for one source sub-directory; repeatable."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="Extra outlets CSV (name,aliases,kind,country)."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Reject files larger than this many megabytes."),
    dask_address: Optional[str] = typer.Option(None, "--dask-address", help="Run batches on this Dask scheduler (tcp://host:8786)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print Prefect's INFO logs in the terminal (they always go to the Prefect API)."),
    progress_bar: bool = typer.Option(True, "--progress/--no-progress", help="Show a live progress bar (off when output is not a terminal)."),
    flow_always: bool = typer.Option(False, "--flow-always", help="Start the Prefect flow even when no file is new (by default such a run is recorded in `runs` without Prefect)."),
) -> None:
    """Run the pipeline once on RAW into --out, with a live progress bar, and print a summary.

    Runs go to the Prefect API in PREFECT_API_URL (e.g. `make ui`), else to an embedded temporary one.
    """
    _quiet_local_prefect()
    freeze_at_exit()  # registered first, so it runs after Prefect's and the embedded API's handlers
    if not verbose:
        # Keep the terminal for the progress bar: warnings and errors still print, and
        # the API handler still receives every log line for the UI.
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    for item in publisher_dir:
        if "=" not in item:
            raise typer.BadParameter(f"expected DIR=PUBLISHER, got {item!r}", param_hint="--publisher-dir")
    mapping = dict(item.split("=", 1) for item in publisher_dir)
    # Boot Prefect's embedded API first thing, while this process checks for new files and
    # imports Prefect and the pipeline (~9 s of server boot overlapped). It is stopped at
    # exit, after Prefect's log and event workers (registered later) have drained into it.
    # With fewer workers than cores (the default is one), the API boots at low priority so the
    # workers keep their cores, and they prepare every batch while the flow waits for it.
    spare_core = not dask_address and workers < workerpool.usable_cores()
    embedded = None if os.environ.get("PREFECT_API_URL") else EmbeddedAPI(nice=API_NICE if spare_core else 0).start()
    if not flow_always:
        with imports_without_gc():  # pyarrow, which the run needs anyway (pandas only once a flow runs)
            from newsetl.unchanged import record_unchanged_run

        summary = record_unchanged_run(raw, out, max_bytes=int(max_mb * 1024 * 1024), batch_size=batch_size)
        if summary is not None:
            if embedded:
                embedded.stop()
            typer.echo("Nothing new: every file is already committed, so no Prefect flow ran (--flow-always records the run in Prefect).")
            print_summary(out, summary)
            return
    parameters = dict(
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
    with ExitStack() as run_stack:
        if not dask_address:
            with imports_without_gc():  # pyarrow, TextBlob and the stages: what the batch workers run (no pandas)
                import newsetl.process  # noqa: F401
            # The workers fork now, before Prefect is imported (they need none of it), and start on
            # the head start's first batches while this process imports Prefect and the API boots.
            _start_head_start(run_stack, parameters, all_batches=spare_core)
        with imports_without_gc():  # Prefect and the flow: ~2 s, on the critical path with a server up
            flow = load_flow()
            for name in _FLOW_CALL_IMPORTS:
                with suppress(ImportError):
                    importlib.import_module(name)
            from prefect import tags
            from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, get_current_settings, temporary_settings

            from newsetl.tasks import RUN_TAGS

        if embedded and get_current_settings().api.url:
            embedded.stop()  # the API URL comes from a Prefect profile or prefect.toml: use that server
            embedded = None
        # Heartbeats let a server notice a flow run that died; a temporary API dies with the
        # run, so with it they only cost the second the flow waits for the heartbeat thread.
        no_heartbeats = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None} if embedded else {}
        run_stack.enter_context(LiveProgress(out, enabled=progress_bar))
        if embedded:
            embedded.activate()  # rebuilds Prefect's settings (~0.3 s) while the server still boots
            embedded.wait_ready()
        with tags(*RUN_TAGS), temporary_settings(updates=no_heartbeats):
            summary = flow(**parameters)
    print_summary(out, summary, embedded_api=embedded is not None)


def _start_head_start(stack: ExitStack, parameters: dict, all_batches: bool = False) -> None:
    """Open the flow's batch workers now and have them start on its first batches (see newsetl.headstart).

    Forked from this process while it runs no other thread: it has imported the pipeline,
    so they start at once, while Prefect's API still boots.
    """
    from newsetl import headstart
    from newsetl.process import ProcessConfig

    forked = threading.active_count() == 1  # the progress bar's thread starts later
    pool = stack.enter_context(workerpool.batch_workers(parameters["workers"], forked=forked))
    stack.callback(headstart.end)
    config = ProcessConfig.of_run(parameters["max_bytes"], parameters["publisher"], parameters["publisher_by_dir"],
                                  parameters["gazetteer_csv"])
    headstart.begin(pool, parameters["workers"], Path(parameters["raw_dir"]), Path(parameters["out_dir"]),
                    parameters["batch_size"], config,
                    headstart.ALL_BATCHES if all_batches else headstart.BATCHES_PER_WORKER)


class _ProgressWatcher(threading.Thread):
    """Polls ``<out>/_state/progress.json`` (written by the flow) and moves a rich progress bar."""

    def __init__(self, out: Path, bar, task_id, started: float, interval: float = 0.2) -> None:
        super().__init__(name="newsetl-progress", daemon=True)
        self.out, self.bar, self.task_id, self.started, self.interval = out, bar, task_id, started, interval
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.poll()
            self.stop.wait(self.interval)
        self.poll()

    def poll(self) -> None:
        from newsetl.progress import read_progress

        progress = read_progress(self.out, newer_than=self.started)
        if progress is None:
            return
        self.bar.update(
            self.task_id,
            total=max(progress.articles_total, 1),
            completed=progress.articles_total if progress.phase == "finished" else progress.articles_done,
            description=_describe(progress),
        )


def _describe(progress) -> str:
    if progress.phase == "planned":
        return f"processing {progress.articles_total:,} new articles in {progress.batches_total} batches"
    if progress.phase == "processing":
        return f"batch {progress.batches_done}/{progress.batches_total} committed"
    if progress.phase == "aggregating":
        return "rebuilding speakers and outlets"
    return "finished"


class LiveProgress:
    """Context manager: a live bar fed by the flow's progress file (nothing if not a terminal)."""

    def __init__(self, out: Path, enabled: bool = True) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self.out = out

    def __enter__(self):
        if not self.enabled:
            return self
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles"),
            TimeElapsedColumn(),
            console=self.console,
            transient=False,
        )
        task_id = self.bar.add_task("starting Prefect and planning…", total=None)
        self.bar.start()
        self.watcher = _ProgressWatcher(self.out, self.bar, task_id, started=time.time() - 1.0)
        self.watcher.start()
        return self

    def __exit__(self, *exc) -> None:
        if not self.enabled:
            return
        self.watcher.stop.set()
        self.watcher.join(timeout=2)
        self.bar.stop()


def print_summary(out: Path, summary: dict, embedded_api: bool = False) -> None:
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
    # The path on its own line: as a table title it wraps inside the narrow table.
    console.print(f"Tables in [cyan]{out.resolve()}[/cyan]")
    counts = Table()
    counts.add_column("table")
    counts.add_column("rows", justify="right")
    for name, n in table_row_counts(out).items():
        counts.add_row(name, f"{n:,}")
    console.print(counts)
    if summary["n_rejected"]:  # loading a table imports pandas (~0.4 s): not for a run that rejected nothing
        rejects = load("rejects", out)
        for row in rejects[rejects["run_id"] == summary["run_id"]].head(10).itertuples():
            console.print(f"  rejected [yellow]{row.source_path}[/yellow]: {row.reason} — {row.detail}")
    if summary.get("flow_run_id"):
        from prefect.settings import get_current_settings

        from newsetl.report import prefect_run_url

        if get_current_settings().api.url and not embedded_api:
            console.print(f"Prefect run:  {prefect_run_url(summary['flow_run_id'])}")
        else:
            from newsetl.report import prefect_ui_base

            home = get_current_settings().home
            # the UI that will show it later, not the temporary API's own address
            ui_base = prefect_ui_base({k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"})
            console.print(
                f"Prefect run {summary['flow_run_id']} was recorded by a temporary embedded API in Prefect's "
                f"database in {home}; `PREFECT_HOME={home} make ui` shows it at "
                f"{prefect_run_url(summary['flow_run_id'], ui_base)}"
            )
    console.print(
        "Open in pandas:  [cyan]import newsetl; quotes = newsetl.load(\"quotes\", root=\"" + str(out) + "\")[/cyan]"
        "  or  [cyan]pandas.read_parquet(\"" + str(out / "quotes") + "\")[/cyan]"
    )


@app.command()
def serve(
    cron: str = typer.Option("0 6 * * *", "--cron", help="When to run, as a cron expression."),
    timezone: str = typer.Option("UTC", "--timezone", help="Time zone of the cron expression, e.g. Europe/London."),
    name: str = typer.Option("newsetl-daily", "--name", help="Deployment name shown in the Prefect UI."),
    raw: Path = typer.Option(Path("data/raw"), "--raw", help="Directory of raw articles each run reads."),
    out: Path = typer.Option(Path("data/processed"), "--out", help="Output directory for the Parquet tables."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes for batches."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1, help="Articles per batch (default: see `newsetl run`)."),
    publisher: Optional[str] = typer.Option(None, "--publisher", help="Publisher of every article (when files do not name it)."),
) -> None:
    """Serve the flow on a cron schedule until interrupted (Ctrl-C): a deployment plus its runner in one process.

    Needs a Prefect server (PREFECT_API_URL, e.g. `make ui`); runs appear in its UI.
    """
    _quiet_local_prefect()
    from prefect.schedules import Cron
    from prefect.settings import get_current_settings

    if not get_current_settings().api.url:
        typer.secho(
            "PREFECT_API_URL is not set: serving against a temporary embedded API without a UI. "
            "Start `make ui` and export PREFECT_API_URL=http://127.0.0.1:4200/api to see the schedule and runs live.",
            fg="yellow",
            err=True,
        )

    from newsetl.tasks import RUN_TAGS

    flow = load_flow()
    flow.serve(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters=serve_parameters(raw, out, workers, batch_size, publisher),
        tags=list(RUN_TAGS) + ["scheduled"],
        description=f"newsetl: {raw} → {out}, on '{cron}' ({timezone}).",
    )


def serve_parameters(raw: Path, out: Path, workers: int, batch_size: int | None, publisher: str | None) -> dict:
    """Flow parameters of a served deployment: absolute paths, since runs start in the runner's directory."""
    parameters = {
        "raw_dir": str(raw.resolve()),
        "out_dir": str(out.resolve()),
        "workers": workers,
    }
    if batch_size:
        parameters["batch_size"] = batch_size
    if publisher:
        parameters["publisher"] = publisher
    return parameters


@app.command()
def show(
    table: str = typer.Argument(..., help="Table name: articles, quotes, speakers, outlets, sentences, boilerplate, outlet_mentions, runs, rejects."),
    out: Path = typer.Option(Path("data/processed"), "--out", help="Output directory of the tables."),
    where: Optional[str] = typer.Option(None, "--where", help="pandas query, e.g. \"kind == 'direct'\"."),
    limit: int = typer.Option(20, "--limit", min=1, help="Rows to print."),
    columns: Optional[str] = typer.Option(None, "--columns", "-c", help="Comma-separated columns to print; 'all' for every column."),
) -> None:
    """Print a table (or a filtered slice of it) in the terminal."""
    from rich.console import Console
    from rich.table import Table

    from newsetl.store import load
    from newsetl.tables import TABLE_NAMES

    if table not in TABLE_NAMES:
        raise typer.BadParameter(f"unknown table {table!r}; tables are: {', '.join(TABLE_NAMES)}", param_hint="TABLE")
    frame = load(table, out)
    if where:
        try:
            frame = frame.query(where)
        except Exception as err:  # noqa: BLE001 - any query error is the user's expression
            raise typer.BadParameter(f"{err.__class__.__name__}: {err}", param_hint="--where") from err
    if columns == "all":
        selected = list(frame.columns)
    elif columns:
        selected = [c.strip() for c in columns.split(",") if c.strip()]
        unknown = [c for c in selected if c not in frame.columns]
        if unknown:
            raise typer.BadParameter(f"no column {', '.join(unknown)} in {table}; it has: {', '.join(frame.columns)}", param_hint="--columns")
    else:
        selected = [c for c in DEFAULT_COLUMNS.get(table, frame.columns) if c in frame.columns]
    view = Table(title=f"{table}: {len(frame):,} rows" + (f" where {where}" if where else ""), show_lines=True)
    for column in selected:
        numeric = frame[column].dtype.kind in "iuf"
        view.add_column(column, overflow="fold", justify="right" if numeric else "left", max_width=60)
    for row in frame[selected].head(limit).itertuples(index=False):
        view.add_row(*[_cell(v) for v in row])
    Console().print(view)


def _cell(value) -> str:
    if isinstance(value, float):
        return "" if value != value else f"{value:.3f}"
    if hasattr(value, "tolist"):  # list columns arrive as numpy arrays
        value = value.tolist()
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    return text if len(text) <= 200 else text[:197] + "…"


@app.command()
def report(
    out: Path = typer.Option(Path("data/processed"), "--out", help="Output directory of the tables."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Where to write the HTML (default: OUT/report.html)."),
    open_browser: bool = typer.Option(False, "--open", help="Open the report in the default web browser."),
) -> None:
    """Write a self-contained HTML report (charts embedded) of the tables in --out."""
    from newsetl.report import write_report

    path = write_report(out, output)
    typer.echo(f"wrote {path} ({path.stat().st_size / 1024:,.0f} KiB)")
    if open_browser:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())


@app.command()
def doctor(
    out: Path = typer.Option(Path("data/processed"), "--out", help="Output directory of the tables."),
    raw: Path = typer.Option(Path("data/raw"), "--raw", help="Raw input directory."),
    repair: bool = typer.Option(False, "--repair", help="Drop committed batches whose parts are missing or corrupt (the next run redoes them)."),
) -> None:
    """Check versions, the Prefect API, and the data directories; explain each problem in one sentence."""
    from rich.console import Console

    from newsetl.doctor import FAIL, diagnose, repair_store

    console = Console()
    if repair:
        for line in repair_store(out):
            console.print(f"[yellow]repair[/yellow]  {line}")
    checks = diagnose(out=out, raw=raw)
    style = {"ok": "green", "warn": "yellow", "fail": "red"}
    for check in checks:
        console.print(f"[{style[check.status]}]{check.status:>4}[/]  [bold]{check.name}[/bold]: {check.message}")
    n_fail = sum(c.status == FAIL for c in checks)
    if n_fail:
        console.print(f"[red]{n_fail} problem(s) found.[/red]")
        raise typer.Exit(1)
    console.print("[green]all checks passed.[/green]")


if __name__ == "__main__":
    app()
