"""newsetl's benchmark: one command, printed tables, results in benchmarks/results/latest.md.

    .venv/bin/python benchmarks/run.py            # `make bench`: BBC 1x and a generated 10x corpus
    .venv/bin/python benchmarks/run.py --quick    # 300 BBC files and a 3x corpus, a few minutes
    .venv/bin/python benchmarks/run.py --scale 5  # a 5x corpus instead of 10x

Every contestant runs in its own process, measured from outside (wall time, CPU
time and peak RSS of the whole process tree: see measure.py). newsetl runs through
its CLI with Prefect's embedded API, as a user runs it; its stage seconds come from
the ``runs`` table. Scaled corpora and outputs live in a temporary directory.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import os
import platform
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

from corpus import BBC_CORPUS, copy_subset, corpus_files, make_scaled_corpus, read_bbc, warm_page_cache  # noqa: E402
from dask_run import prefect_server  # noqa: E402
from measure import Measurement, load_average, measure  # noqa: E402
from tables_compare import compare_outputs  # noqa: E402

PYTHON = sys.executable
NEWSETL = str(Path(sys.executable).with_name("newsetl"))
PUBLISHER = "BBC News"
RESULTS = BENCH_DIR / "results" / "latest.md"
WARM_UP = "from prefect import flow\n@flow(persist_result=False)\ndef warm_up():\n    return 1\nwarm_up()\n"
STAGES = ("read", "clean", "segment", "outlets", "quotes", "sentiment", "write")


@dataclass
class Row:
    """One line of the results table."""

    name: str
    corpus: str
    n_files: int
    m: Measurement
    seconds: dict | None = None  # newsetl's runs.seconds
    workers: int = 1
    note: str = ""
    extrapolated_wall: float | None = None
    # The floor runs measured just before and just after this one: this machine's speed drifts by
    # tens of percent between minutes, so a run is compared with the floor of its own minutes.
    floors_around: tuple[float, float] | None = None

    def bracketed_ratio(self) -> float | None:
        """Wall over the mean of the floor runs around it (None when it was not bracketed)."""
        if not self.floors_around:
            return None
        return self.wall / (sum(self.floors_around) / 2)

    @property
    def wall(self) -> float:
        return self.extrapolated_wall if self.extrapolated_wall is not None else self.m.wall

    @property
    def rate(self) -> float:
        return self.n_files / self.wall if self.wall else 0.0

    def stage_sum(self) -> float:
        """Seconds of real work on the flow's critical path: plan, learn, commits, aggregate, and the
        batches' stage time divided by the workers that ran them in parallel."""
        if not self.seconds:
            return 0.0
        s = self.seconds
        # less the stage work of prepared batches done before the flow asked for them (newsetl.headstart)
        batch_work = sum(v for k, v in s.items() if k.startswith("stage.")) - s.get("head_start", 0)
        parallel = max(1, min(self.workers, s.get("n_batches", self.workers)))
        serial = s.get("plan", 0) + s.get("learn", 0) + s.get("commit", 0) + s.get("aggregate", 0)
        return serial + batch_work / parallel

    def prefect_overhead(self) -> float | None:
        """Flow time not spent in any stage, as a share of the flow's wall time."""
        if not self.seconds or not self.seconds.get("total"):
            return None
        return max(0.0, self.seconds["total"] - self.stage_sum()) / self.seconds["total"]

    def startup(self) -> float | None:
        """Process wall time outside the flow: Python and Prefect imports, the embedded API's start/stop."""
        if not self.seconds or not self.seconds.get("total"):
            return None
        return max(0.0, self.m.wall - self.seconds["total"])


def code_fingerprint() -> str:
    """Hash of the pipeline's code, to tell whether it changed between two compared runs."""
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "src" / "newsetl").rglob("*.py"), *(ROOT / "src" / "newsetl" / "data").glob("*"),
                        ROOT / "flows" / "news_etl.py"]):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def bench_env(prefect_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)  # always the embedded API, the default a user gets
    env.update(
        PREFECT_HOME=str(prefect_home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180",
        PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL="WARNING",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    return env


def ceiling_scaling(ceiling: Row, copies: int) -> float:
    """Throughput of ``copies`` floors at once over one floor's (the mean of the floor runs around it)."""
    one = sum(ceiling.floors_around) / 2
    return copies * one / ceiling.wall


def runs_seconds(out: Path) -> dict:
    """The ``seconds`` map of the last run recorded in ``out``, plus its batch count."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsetl.store import load

    runs = load("runs", out).sort_values("started_at")
    last = runs.iloc[-1]
    seconds = last["seconds"]
    seconds = dict(seconds) if isinstance(seconds, dict) else {k: v for k, v in seconds}
    manifest = out / "_state" / "manifest"
    seconds["n_batches"] = sum(1 for p in manifest.glob("*.json") if last["run_id"] in p.name) or 1
    seconds["n_articles_new"] = int(last["n_articles_new"])
    return seconds


def batch_size_args(batch_size: int | None) -> list[str]:
    return ["--batch-size", str(batch_size)] if batch_size else []  # None: newsetl's default


def measure_warm(raw: Path, label: str, argv: list[str], **kwargs) -> Measurement:
    """``measure`` with the corpus ``raw`` in the page cache first (see corpus.warm_page_cache)."""
    warm_page_cache(raw)
    return measure(label, argv, **kwargs)


def run_newsetl(label: str, raw: Path, out: Path, workers: int, batch_size: int | None, env: dict, corpus: str) -> Row:
    argv = [NEWSETL, "run", str(raw), "--out", str(out), "--workers", str(workers), *batch_size_args(batch_size),
            "--publisher", PUBLISHER, "--no-progress"]
    m = measure_warm(raw, label, argv, env=env, cwd=str(ROOT))
    seconds = runs_seconds(out) if m.returncode == 0 else None
    return Row(label, corpus, len(corpus_files(raw)), m, seconds, workers)


def profile_process_batch(raw: Path, n_articles: int, top: int = 15) -> str:
    """cProfile of ``process_batch`` on the first ``n_articles`` of ``raw``, top costs by cumulative time."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsetl.plan import make_plan
    from newsetl.process import ProcessConfig, process_batch
    from newsetl.store import CommittedState

    plan = make_plan(raw, CommittedState(frozenset(), frozenset(), 0), batch_size=n_articles)
    items = plan.batches[0]
    config = ProcessConfig(publisher=PUBLISHER)
    with tempfile.TemporaryDirectory() as staging:
        process_batch("warmup", "bench", items[:5], Path(staging), config)  # lazy loads (lexicon, gazetteer)
        profiler = cProfile.Profile()
        profiler.enable()
        result = process_batch("profile", "bench", items, Path(staging), config)
        profiler.disable()
    return _format_profile(profiler, top, f"process_batch on {len(items)} BBC articles; stage seconds: "
                           + ", ".join(f"{k} {v:.2f}" for k, v in sorted(result.seconds.items(), key=lambda kv: -kv[1])))


def profile_aggregates(out: Path, top: int = 12) -> str:
    """cProfile of the aggregate rebuild (speakers, outlets) over a committed output directory."""
    from newsetl.aggregates import rebuild_aggregates
    from newsetl.store import Store

    with tempfile.TemporaryDirectory() as staging:
        profiler = cProfile.Profile()
        profiler.enable()
        rebuild_aggregates(Store(out), Path(staging))
        profiler.disable()
    return _format_profile(profiler, top, f"rebuild_aggregates over {out.name}")


def _format_profile(profiler: cProfile.Profile, top: int, title: str) -> str:
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).sort_stats("cumulative")
    stats.print_stats(top)
    lines = [line.replace(str(ROOT) + "/", "").replace(str(Path(sys.prefix)) + "/", "")
             for line in stream.getvalue().splitlines() if line.strip()]
    keep = [line for line in lines if "ncalls" in line or line.lstrip()[:1].isdigit()]
    return f"{title}\n\n```\n" + "\n".join(keep) + "\n```\n"


def fmt_s(x: float | None) -> str:
    return "–" if x is None else f"{x:,.1f}"


def results_table(rows: list[Row], floor: dict[str, Row]) -> str:
    head = ("| contestant | corpus | files | wall s | CPU s | files/s | × floor | peak RSS MiB | "
            "Prefect overhead | startup s | notes |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    lines = [head]
    for r in rows:
        base = floor.get(r.corpus)
        ratio = f"{r.wall / base.wall:.2f}" if base and base.wall else "–"
        if r.bracketed_ratio() is not None:
            ratio += f" ({r.bracketed_ratio():.2f}†)"
        overhead = r.prefect_overhead()
        lines.append(
            f"| {r.name} | {r.corpus} | {r.n_files:,} | {fmt_s(r.wall)}{'*' if r.extrapolated_wall else ''} | "
            f"{fmt_s(r.m.cpu)} | {r.rate:,.1f} | {ratio} | {r.m.peak_rss_mb:,.0f} | "
            f"{'–' if overhead is None else f'{overhead:.1%}'} | {fmt_s(r.startup())} | {r.note} |"
        )
    return "\n".join(lines)


def stage_table(rows: list[Row]) -> str:
    runs = [r for r in rows if r.seconds]
    keys = ["plan", "learn"] + [f"stage.{s}" for s in STAGES] + ["batches", "commit", "aggregate", "total"]
    extra = sorted({k for r in runs for k in r.seconds if k.startswith("stage.") and k not in keys})
    keys[2 + len(STAGES):2 + len(STAGES)] = extra
    lines = ["| seconds | " + " | ".join(f"{r.name} ({r.corpus})" for r in runs) + " |",
             "|---|" + "---:|" * len(runs)]
    for key in keys:
        lines.append(f"| {key} | " + " | ".join(fmt_s(r.seconds.get(key)) for r in runs) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="300 BBC files as 1x and a 3x corpus (a few minutes)")
    parser.add_argument("--base-files", type=int, default=None,
                        help="use the first N BBC files as the 1x corpus (default: all 2,225; 300 with --quick)")
    parser.add_argument("--scale", type=int, default=None, help="size of the generated corpus, in BBC corpora (default 10; 3 with --quick)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="workers of the parallel runs (default: the core count)")
    parser.add_argument("--batch-size", type=int, default=None, help="articles per batch (default: newsetl's)")
    parser.add_argument("--naive-sample", type=int, default=None,
                        help="articles the naive baselines run, extrapolated to the corpus (default 400; 100 with --quick)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    parser.add_argument("--no-server", action="store_true", help="skip the run against an already running Prefect server")
    parser.add_argument("--no-scale-w1", action="store_true",
                        help="skip the scaling runs on the generated corpus (workers=1 twice and workers=N again, interleaved)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="markdown file to write (default benchmarks/results/latest.md)")
    args = parser.parse_args()
    base_files = args.base_files or (300 if args.quick else None)
    scale = args.scale or (3 if args.quick else 10)
    sample = args.naive_sample or (100 if args.quick else 400)
    workers = args.workers
    started = time.perf_counter()
    load_before = load_average()

    with tempfile.TemporaryDirectory(prefix="newsetl-bench-") as tmp_name:
        tmp = Path(tmp_name)
        env = bench_env(tmp / "prefect-home")
        print(f"bench in {tmp} (load average {load_before})", file=sys.stderr)

        if base_files:
            raw1 = copy_subset(BBC_CORPUS, tmp / "raw-1x", base_files)
            label1 = f"BBC {base_files}"
        else:
            raw1, label1 = BBC_CORPUS, "BBC 1×"
        n1 = len(corpus_files(raw1))
        t = time.perf_counter()
        rawN = make_scaled_corpus(read_bbc(raw1), tmp / f"raw-{scale}x", n1 * scale)
        labelN = f"{label1} ×{scale}"
        print(f"generated {n1 * scale:,} files ({labelN}) in {time.perf_counter() - t:.1f}s", file=sys.stderr)

        # The first embedded-API start creates and migrates Prefect's database (tens of seconds on a
        # busy machine): pay it once here, outside every measurement, as any second run of a user's would.
        warm = measure("prefect warm-up (not reported)", [PYTHON, "-c", WARM_UP], env=env)
        if warm.returncode != 0:
            raise SystemExit("Prefect's embedded API did not start; see the output above")

        rows: list[Row] = []
        floor = {}
        print(f"--- {label1}", file=sys.stderr)
        floor_argv = [PYTHON, str(BENCH_DIR / "baselines.py"), "floor", str(raw1)]
        floor_runs: list[Measurement] = []  # its row is made, first in the table, once all are measured

        def bracketed(run: Callable[[], Row]) -> Row:
            """``run()`` between two floor runs (the first shared with the previous bracket)."""
            if not floor_runs:
                floor_runs.append(measure_warm(raw1, "floor", floor_argv, env=env))
            before = floor_runs[-1]
            row = run()
            floor_runs.append(measure_warm(raw1, "floor", floor_argv, env=env))
            row.floors_around = (before.wall, floor_runs[-1].wall)
            return row

        k = min(sample, n1)
        for mode, name in (("naive-pandas", "naive: pandas apply per article"),
                           ("naive-prefect", "naive: Prefect, one task per article")):
            m = measure_warm(raw1, mode, [PYTHON, str(BENCH_DIR / "baselines.py"), mode, str(raw1),
                                          str(tmp / mode), "--limit", str(k)], env=env)
            row = Row(name, label1, n1, m)
            if k < n1 and m.returncode == 0 and m.result.get("work_seconds"):
                # process wall = fixed cost (start, imports, API) + per-article work timed inside the process
                fixed = m.wall - m.result["work_seconds"]
                row.extrapolated_wall = fixed + m.result["work_seconds"] * n1 / k
                row.note = f"*wall extrapolated from the first {k} files ({m.wall:.1f}s measured; CPU and RSS as measured)"
            rows.append(row)

        code_before = code_fingerprint()
        w1 = bracketed(lambda: run_newsetl("newsetl workers=1", raw1, tmp / "out-w1", 1, args.batch_size, env, label1))
        rows.append(w1)
        wN = bracketed(lambda: run_newsetl(f"newsetl workers={workers}", raw1, tmp / "out-wN", workers,
                                           args.batch_size, env, label1))
        rows.append(wN)
        # What this machine's cores give work that shares nothing: the floor in N processes at
        # once. The scaling targets are judged as written; this says how far the machine allows.
        ceiling = bracketed(lambda: Row(f"floor ×{workers} at once ({workers} processes, each over the corpus)",
                                        label1, n1 * workers,
                                        measure_warm(raw1, "floor-parallel",
                                                     [PYTHON, str(BENCH_DIR / "baselines.py"), "floor-parallel",
                                                      str(raw1), "--copies", str(workers)], env=env)))
        ceiling.note = f"{ceiling_scaling(ceiling, workers):.2f}× one floor's throughput (floors around it " + \
            " and ".join(f"{w:.1f}" for w in ceiling.floors_around) + " s)"
        rows.append(ceiling)
        served = None
        if not args.no_server:
            # Scheduled runs (`newsetl serve`, deployments) run against a Prefect server that is
            # already up: the same flow without the embedded API's boot.
            with prefect_server() as api_url:
                served_env = {**env, "PREFECT_API_URL": api_url}
                # A scheduled run meets a server that has served runs before: warm it like the embedded API.
                measure("prefect server warm-up (not reported)", [PYTHON, "-c", WARM_UP], env=served_env)
                floor_runs.append(measure_warm(raw1, "floor", floor_argv, env=env))  # with the idle server up, as the run has it
                served = bracketed(lambda: run_newsetl("newsetl workers=1, Prefect server running", raw1,
                                                       tmp / "out-served", 1, args.batch_size, served_env, label1))
            served.note = ("API server up and warmed by one flow run before, as for scheduled runs "
                           "(its CPU and RSS not counted)")
            rows.append(served)
        # This machine's speed drifts by tens of percent between minutes (the floor took 4.2 s in one
        # bench, 8.9 s in another): each newsetl run at 1× is compared with the floor runs just before
        # and after it; the floor row shows their median.
        median = sorted(floor_runs, key=lambda run: run.wall)[len(floor_runs) // 2]
        floor[label1] = Row("floor: read + TextBlob(text).sentiment", label1, n1, median,
                            note=f"median of {len(floor_runs)} runs around the newsetl runs, in order: "
                                 + ", ".join(f"{r.wall:.1f}" for r in floor_runs) + " s")
        rows.insert(0, floor[label1])
        dask_row, dask_check = None, "not run (--no-dask)"
        if not args.no_dask:
            m = measure_warm(raw1, f"newsetl Dask LocalCluster {workers} workers",
                             [PYTHON, str(BENCH_DIR / "dask_run.py"), str(raw1), str(tmp / "out-dask"),
                              "--workers", str(workers), *batch_size_args(args.batch_size), "--publisher", PUBLISHER],
                             env=env, cwd=str(ROOT))
            if m.returncode == 0:
                dask_row = Row(f"newsetl Dask LocalCluster ({workers} workers)", label1, n1, m,
                               runs_seconds(tmp / "out-dask"), workers,
                               note="real Prefect server started by the bench (not counted in RSS)")
                rows.append(dask_row)
                dask_check = compare_outputs(tmp / "out-w1", tmp / "out-dask")
                if code_fingerprint() != code_before:
                    dask_check += " (INVALID: the pipeline's code changed between the two runs; re-run the bench)"
            else:
                dask_check = f"FAILED (exit {m.returncode}): {m.stdout_tail[-400:]}"
        print(f"dask vs workers=1 tables: {dask_check}", file=sys.stderr)

        print(f"--- {labelN}", file=sys.stderr)
        big = run_newsetl(f"newsetl workers={workers}", rawN, tmp / "out-big", workers, args.batch_size, env, labelN)
        rows.append(big)
        again = run_newsetl(f"newsetl workers={workers}, unchanged re-run", rawN, tmp / "out-big", workers,
                            args.batch_size, env, labelN)
        rows.append(again)
        scaling: list[tuple[Row, Row]] = []  # (workers=1, workers=N) at scale, interleaved N, 1, 1, N
        if not args.no_scale_w1:
            # One pair of runs minutes apart measures the machine's drift as much as the scaling:
            # a second pair in reverse order (ABBA) cancels a steady drift.
            big1 = run_newsetl("newsetl workers=1", rawN, tmp / "out-big-w1", 1, args.batch_size, env, labelN)
            rows.append(big1)
            big1b = run_newsetl("newsetl workers=1 (repeat)", rawN, tmp / "out-big-w1b", 1, args.batch_size, env, labelN)
            rows.append(big1b)
            bigb = run_newsetl(f"newsetl workers={workers} (repeat)", rawN, tmp / "out-big-b", workers,
                               args.batch_size, env, labelN)
            rows.append(bigb)
            scaling = [(big1, big), (big1b, bigb)]

        print("--- profiles", file=sys.stderr)
        profile_batch = profile_process_batch(raw1, min(200, n1))
        profile_agg = profile_aggregates(tmp / "out-big")
        load_after = load_average()

    checks = targets(w1, wN, big, again, floor[label1], rows[1], rows[2], dask_check, labelN, label1, workers,
                     served, scaling, ceiling)
    elapsed = time.perf_counter() - started
    machine = (f"{os.cpu_count()} cores, {_memory_gib():.0f} GiB RAM, {platform.system()} {platform.machine()}, "
               f"Python {platform.python_version()}; load average (1/5 min) {load_before} before, {load_after} after")
    report = "\n".join([
        f"# newsetl benchmark — {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        "",
        f"Command: `{' '.join(['make bench'] if len(sys.argv) == 1 else ['.venv/bin/python benchmarks/run.py', *sys.argv[1:]])}` "
        f"({elapsed / 60:.1f} min). Machine: {machine}.",
        "",
        "Wall and CPU are of the whole process (Python start, imports, Prefect's embedded API included); "
        "CPU and peak RSS cover every process of the tree (workers, API server). `files/s` = corpus files / wall. "
        "Prefect overhead = flow time − (plan + learn + commits + aggregate + Σ batch stage seconds / parallel workers), "
        "as a share of flow time; startup = process wall − flow time. "
        "× floor: against the median floor run; † against the mean of the floor runs just before and after "
        "that run (the targets use †: this machine's speed drifts between minutes). "
        "Every timed run starts with its corpus in the page cache (read once just before it).",
        "",
        results_table(rows, floor),
        "",
        "## Targets",
        "",
        *[f"- {line}" for line in checks],
        "",
        "## Stage seconds (from the `runs` table; batch stages summed over workers)",
        "",
        stage_table(rows),
        "",
        "## Profile: top costs",
        "",
        profile_batch,
        profile_agg,
    ])
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(report + "\n", encoding="utf-8")
    print(report)
    print(f"\nwrote {args.results}", file=sys.stderr)
    return 0


def targets(w1: Row, wN: Row, big: Row, again: Row, floor: Row, naive_pandas: Row, naive_prefect: Row,
            dask_check: str, labelN: str, label1: str, workers: int, served: Row | None,
            scaling: list[tuple[Row, Row]], ceiling: Row | None = None) -> list[str]:
    def mark(ok: bool) -> str:
        return "**met**" if ok else "**missed**"

    def against_floor(row: Row) -> tuple[float, str]:
        """The ratio a target is judged on (to the floor runs around the run), and how it was measured."""
        ratio = row.bracketed_ratio()
        if ratio is None:
            ratio = row.wall / floor.wall
            return ratio, f"{ratio:.2f}× ({row.wall:.1f}s vs the median floor {floor.wall:.1f}s)"
        before, after = row.floors_around
        return ratio, (f"{ratio:.2f}× ({row.wall:.1f}s vs the floor runs just before and after it, {before:.1f} and "
                       f"{after:.1f}s; {row.wall / floor.wall:.2f}× the median floor)")

    lines = []
    ratio, how = against_floor(w1)
    naive_best = min(naive_pandas.wall, naive_prefect.wall)
    lines.append(f"single worker ≤ 3× floor ({label1}): {how} — {mark(ratio <= 3)}; "
                 f"CPU {w1.m.cpu / max(floor.m.cpu, 1e-9):.2f}× the floor's CPU")
    if served is not None:
        sr, how = against_floor(served)
        lines.append(f"single worker ≤ 3× floor with the Prefect server already running ({label1}): {how} — {mark(sr <= 3)}")
    lines.append(f"faster than naive: {w1.wall:.1f}s vs pandas {naive_pandas.wall:.1f}s and one-task-per-article "
                 f"{naive_prefect.wall:.1f}s — {mark(w1.wall < naive_best)}")
    speedup = w1.wall / wN.wall
    flow_speedup = w1.seconds["total"] / wN.seconds["total"] if w1.seconds and wN.seconds else float("nan")
    normalised = ""
    if w1.bracketed_ratio() and wN.bracketed_ratio():
        normalised = f" ({w1.bracketed_ratio() / wN.bracketed_ratio():.2f}× with each run's wall over the floors around it)"
    lines.append(f"{workers} workers ≥ 1.7× single-worker throughput ({label1}): {speedup:.2f}× process wall{normalised}, "
                 f"{flow_speedup:.2f}× flow time — {mark(speedup >= 1.7)}")
    if scaling:
        one = sum(r1.wall for r1, _ in scaling) / len(scaling)
        many = sum(rN.wall for _, rN in scaling) / len(scaling)
        at_scale = one / many
        runs = ", ".join(f"{r1.wall:.1f}/{rN.wall:.1f}" for r1, rN in scaling)
        flow_at_scale = (sum(r1.seconds["total"] for r1, _ in scaling) / sum(rN.seconds["total"] for _, rN in scaling)
                         if all(r1.seconds and rN.seconds for r1, rN in scaling) else float("nan"))
        lines.append(f"{workers} workers ≥ 1.7× single-worker throughput ({labelN}): {at_scale:.2f}× mean process wall "
                     f"({one:.1f}s vs {many:.1f}s; workers=1/workers={workers} pairs {runs}, run {workers}, 1, 1, {workers}), "
                     f"{flow_at_scale:.2f}× flow time — {mark(at_scale >= 1.7)}")
    if ceiling is not None:
        lines.append(f"(this machine's ceiling for the two lines above: {workers} floor processes at once, each over "
                     f"{label1}, gave {ceiling_scaling(ceiling, workers):.2f}× one floor's throughput)")
    overhead = big.prefect_overhead()
    lines.append(f"Prefect overhead ≤ 5% at {labelN}: "
                 f"{'–' if overhead is None else f'{overhead:.1%}'} of flow time "
                 f"(+ {fmt_s(big.startup())}s start-up outside the flow) — {mark(overhead is not None and overhead <= 0.05)}")
    rss = big.m.peak_rss / max(wN.m.peak_rss, 1)
    lines.append(f"peak RSS {labelN} ≤ 1.3× {label1} (workers={workers}): {big.m.peak_rss_mb:,.0f} vs "
                 f"{wN.m.peak_rss_mb:,.0f} MiB = {rss:.2f}× — {mark(rss <= 1.3)}")
    rerun = again.wall / big.wall
    lines.append(f"unchanged re-run ≤ 5% of the first ({labelN}): {again.wall:.1f}s vs {big.wall:.1f}s = {rerun:.1%} — "
                 f"{mark(rerun <= 0.05)}")
    lines.append(f"Dask run's tables identical to workers=1 (sorted rows): {dask_check} — "
                 f"{mark(dask_check.startswith('identical') and 'INVALID' not in dask_check)}")
    return lines


def _memory_gib() -> float:
    try:
        import psutil

        return psutil.virtual_memory().total / 2**30
    except ImportError:  # pragma: no cover
        return 0.0


if __name__ == "__main__":
    raise SystemExit(main())
