"""Kill the real flow with SIGKILL at a random commit point, re-run it, compare with a clean run; repeat.

    .venv/bin/python scripts/crash_loop.py [--runs 20] [--seed N] [--rerun flow|direct]

Each round: a fresh output directory; ``flows/news_etl.py`` (through the CLI, so
the batch size is small and a run has several commits) in a subprocess with
``NEWSETL_FAULT_KILL_AFTER_PARTS=k`` for a random k between 1 and the number of
part files a run commits; then the same run without the fault (through the flow,
or with ``--rerun direct`` through the same task functions without Prefect, which
halves the time of a round: recovery is ``Store.open()`` either way); then every table
is compared with a clean single run (rows without run ids: none lost, none
duplicated) and ``Store.problems()`` must be empty. Subprocess flows talk to
one Prefect test server started here. Exit status 1 if any round lost or
duplicated a row.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
sys.path.insert(0, str(REPO / "tests"))

from reliability_support import (  # noqa: E402
    committed_parts,
    diff_snapshots,
    flow_env,
    run_direct,
    run_flow,
    snapshot,
    write_corpus,
)

from newsetl.store import Store  # noqa: E402

BATCH_SIZE = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--rerun", choices=("flow", "direct"), default="flow")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)

    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with tempfile.TemporaryDirectory(prefix="newsetl-crash-loop-") as tmp, prefect_test_harness(server_startup_timeout=180):
        tmp = Path(tmp)
        raw = write_corpus(tmp / "raw")
        run_direct(raw, tmp / "reference", batch_size=BATCH_SIZE)
        expected = snapshot(tmp / "reference")
        n_parts = committed_parts(tmp / "reference")
        n_rows = sum(len(rows) for rows in expected.values())
        api_url = PREFECT_API_URL.value()
        print(f"seed {seed}; re-run through {args.rerun}; clean run: {n_rows} rows in {len(expected)} tables, {n_parts} part moves", flush=True)
        failures = 0
        for round_no in range(1, args.runs + 1):
            out = tmp / f"out-{round_no}"
            kill_at = rng.randint(1, n_parts)
            started = time.monotonic()
            env = flow_env(api_url, tmp / "prefect", NEWSETL_FAULT_KILL_AFTER_PARTS=str(kill_at))
            code, output = run_flow(raw, out, env, batch_size=BATCH_SIZE)
            killed = code == -signal.SIGKILL
            if args.rerun == "flow":
                code2, output2 = run_flow(raw, out, flow_env(api_url, tmp / "prefect"), batch_size=BATCH_SIZE)
            else:
                try:
                    run_direct(raw, out, batch_size=BATCH_SIZE)
                    code2, output2 = 0, ""
                except Exception as err:  # noqa: BLE001 - reported as a failed round
                    code2, output2 = 1, repr(err)
            problems = [] if killed else [f"run was not killed (exit {code}): {output[-500:]}"]
            if code2 != 0:
                problems.append(f"re-run failed (exit {code2}): {output2[-1500:]}")
            else:
                problems += diff_snapshots(expected, snapshot(out)) + Store(out).problems()
            lost = sum(int(p.split()[1]) for p in problems if " rows lost" in p)
            dup = sum(int(p.split()[1]) for p in problems if " rows duplicated" in p)
            status = "ok" if not problems else "FAIL"
            print(
                f"round {round_no:2d}: kill after part {kill_at:2d}/{n_parts} -> killed={killed}, re-run exit {code2}, "
                f"lost {lost}, duplicated {dup}: {status} ({time.monotonic() - started:.0f}s)",
                flush=True,
            )
            for problem in problems:
                print(f"    {problem}", flush=True)
            failures += bool(problems)
        print(f"{args.runs - failures}/{args.runs} rounds with 0 lost and 0 duplicated rows (seed {seed})")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
