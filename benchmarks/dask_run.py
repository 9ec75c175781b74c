"""Run the newsetl flow with its batches on a Dask ``LocalCluster`` through prefect-dask.

    python benchmarks/dask_run.py RAW OUT [--workers N] [--batch-size N] [--publisher NAME]

The cluster stands in for a real one: the flow only sees ``dask_address``, exactly
as with ``newsetl run --dask-address tcp://scheduler:8786``. Prints the run's
summary as one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("raw")
    parser.add_argument("out")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--publisher", default=None)
    args = parser.parse_args()

    # Workers unpickle tasks that reference ``flows.news_etl``: on a real cluster every
    # worker needs newsetl installed and the project root on PYTHONPATH; here, the same.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    from distributed import LocalCluster

    from newsetl.cli import load_flow

    flow = load_flow()
    # One single-threaded worker process per core: batches are pure-Python CPU work (the GIL).
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster:
        summary = flow(
            raw_dir=args.raw, out_dir=args.out, batch_size=args.batch_size, workers=args.workers,
            publisher=args.publisher, dask_address=cluster.scheduler_address,
        )
    print(json.dumps(summary, default=str))


if __name__ == "__main__":
    main()
