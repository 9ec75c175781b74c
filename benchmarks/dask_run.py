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
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from newsetl.embedded_api import stop_process

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("raw")
    parser.add_argument("out")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=None, help="articles per batch (default: newsetl's)")
    parser.add_argument("--publisher", default=None)
    parser.add_argument("--ephemeral", action="store_true",
                        help="use Prefect's embedded API instead of starting a real server")
    args = parser.parse_args()
    if args.ephemeral or os.environ.get("PREFECT_API_URL"):
        summary = run_on_local_cluster(args)
    else:
        with prefect_server() as api_url:
            os.environ["PREFECT_API_URL"] = api_url
            summary = run_on_local_cluster(args)
            drain_prefect()
    print(json.dumps(summary, default=str))


def drain_prefect() -> None:
    """Send the logs and events Prefect still queues while the server is up.

    Otherwise they go at exit, to a server already stopped, and Prefect retries each for about
    a minute ("Error logging to API: All connection attempts failed"): in two benches out of
    four the Dask run took 85-95 s of which the flow was 9-10 s.
    """
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=30)
    EventsWorker.drain_all(timeout=30)


@contextmanager
def prefect_server():
    """A real Prefect server on a free loopback port for the run, stopped afterwards.

    With the embedded API each Dask worker process, which does not share the flow
    process's in-memory settings, starts an embedded server of its own (measured:
    the run took several times longer); a real server is what a cluster uses anyway.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    prefect = str(Path(sys.executable).with_name("prefect"))
    server = subprocess.Popen(
        [prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-services", "--no-ui"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not start on port {port}")
            time.sleep(0.5)
        yield url
    finally:
        stop_process(server, timeout=30)


def run_on_local_cluster(args) -> dict:

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
    return summary


if __name__ == "__main__":
    main()
