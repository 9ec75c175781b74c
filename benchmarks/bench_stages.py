"""What each per-article stage costs, against the floor's work on the same articles, in one process.

    python benchmarks/bench_stages.py [--limit N] [--rounds R] [--digest]

The BBC corpus (../shared/corpus/bbc-2005, read in place) is cut into the pipeline's batches
of 200 articles, and every batch goes through ``process_batch``, the function a batch worker
runs (heap settings, Parquet writes to a temporary staging directory and all). Batch by batch,
in alternating order, the same files also go through the floor: read each one and call
``TextBlob(text).sentiment`` once. No Prefect and no worker process: this isolates the text
work that ``make bench``'s single-worker target rests on.

Round 1 starts with every memo empty, as a fresh worker does; later rounds are warm and each
stage's time is its best over them. With ``--digest``, a hash of every table the batches
stage is printed, so a speed change can show that its output did not change.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
from textblob import TextBlob

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsetl.plan import WorkItem, make_plan  # noqa: E402
from newsetl.process import STAGES, ProcessConfig, process_batch  # noqa: E402
from newsetl.store import CommittedState  # noqa: E402
from newsetl.tables import BATCH_TABLES  # noqa: E402

from corpus import BBC_CORPUS  # noqa: E402

PUBLISHER = "BBC News"  # as make bench runs it: the corpus's files do not name their site


def floor(items: tuple[WorkItem, ...]) -> None:
    for item in items:
        raw = Path(item.path).read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        TextBlob(text).sentiment


def time_round(batches: list[tuple[WorkItem, ...]], staging: Path, round_no: int) -> Counter:
    seconds: Counter = Counter()
    config = ProcessConfig(publisher=PUBLISHER)
    for k, items in enumerate(batches):
        def run_floor() -> None:
            started = time.perf_counter()
            floor(items)
            seconds["floor"] += time.perf_counter() - started

        def run_stages() -> None:
            started = time.perf_counter()
            result = process_batch(f"b{k:04d}", "bench", items, staging / f"round-{round_no}", config)
            seconds["all stages"] += time.perf_counter() - started
            seconds.update(result.seconds)

        for step in (run_floor, run_stages) if (k + round_no) % 2 == 0 else (run_stages, run_floor):
            step()
    return seconds


def digests(staging: Path) -> dict[str, str]:
    """A hash of each staged table's rows (``staging/<batch>/<table>.parquet``), in a fixed order."""
    out = {}
    for table in BATCH_TABLES:
        rows = sorted(repr(row) for part in sorted(staging.glob(f"*/{table}.parquet"))
                      for row in pq.read_table(part).to_pylist())
        out[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:12]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="the first N files (sorted paths)")
    parser.add_argument("--rounds", type=int, default=3, help="round 1 cold, the rest warm")
    parser.add_argument("--digest", action="store_true", help="print a hash of every staged table")
    args = parser.parse_args()

    plan = make_plan(BBC_CORPUS, CommittedState(frozenset(), frozenset(), 0), batch_size=200)
    batches = plan.batches
    if args.limit is not None:
        kept = [item for items in batches for item in items][: args.limit]
        batches = [tuple(kept[i : i + 200]) for i in range(0, len(kept), 200)]
    n_articles = sum(map(len, batches))

    with tempfile.TemporaryDirectory(prefix="newsetl-stages-") as tmp:
        staging = Path(tmp)
        rounds = [time_round(batches, staging, r) for r in range(max(1, args.rounds))]
        cold, warm_rounds = rounds[0], rounds[1:] or rounds[:1]
        warm = {name: min(r[name] for r in warm_rounds) for name in cold}

        print(f"{n_articles} BBC articles in {len(batches)} batches; round 1 cold, best of rounds 2-{len(rounds)} warm\n")
        print("| | cold s | warm s | warm ms/article | × floor (warm) |")
        print("|---|---:|---:|---:|---:|")
        for name in ("floor", *STAGES, "all stages"):
            print(f"| {name} | {cold[name]:.2f} | {warm[name]:.2f} | {1000 * warm[name] / n_articles:.2f} "
                  f"| {warm[name] / warm['floor']:.2f} |")
        print("\nfloor: read each file and call TextBlob(text).sentiment once; all stages: process_batch's wall, "
              "the stages above plus row building and bookkeeping")
        if args.digest:
            # every round staged the same batches: the first round's output stands for all
            staged = digests(staging / "round-0")
            print("\ndigests: " + ", ".join(f"{table} {digest}" for table, digest in staged.items()))


if __name__ == "__main__":
    main()
