"""The benchmark harness runs end to end on a tiny corpus (a smoke test: nothing here is timed)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

from corpus import BBC_CORPUS, corpus_files, make_scaled_corpus, read_bbc  # noqa: E402

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not BBC_CORPUS.is_dir(), reason="needs ../shared/corpus/bbc-2005"),
]


def test_scaled_corpus_is_distinct_and_reproducible(tmp_path):
    articles = read_bbc(limit=20)
    first = make_scaled_corpus(articles, tmp_path / "a", 60)
    second = make_scaled_corpus(articles, tmp_path / "b", 60)
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus_files(first)]
    assert len(digests) == 60 and len(set(digests)) == 60
    assert digests == [hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus_files(second)]


def test_bench_command_runs_on_twenty_articles_and_writes_its_table(tmp_path):
    results = tmp_path / "latest.md"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--base-files", "20", "--scale", "2", "--naive-sample", "5",
         "--results", str(results)],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = results.read_text()
    for expected in ("floor: read + TextBlob", "naive: pandas apply", "newsetl workers=1", "unchanged re-run",
                     "Prefect server running", "throughput (BBC 20 ×2)", "run 2, 1, 1, 2",
                     "## Targets", "## Stage seconds", "process_batch on 20 BBC articles",
                     "vs the floor runs just before and after it", "median of 6 runs around the newsetl runs",
                     "at once (", "one floor's throughput (floors around it", "this machine's ceiling"):
        assert expected in report
    assert "FAILED" not in proc.stderr
    # the Dask path (a LocalCluster through prefect-dask) ran and wrote the same tables as one worker
    assert "Dask run's tables identical to workers=1 (sorted rows): identical" in report


BURN = """
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

def burn(n):
    return sum(range(n))

if __name__ == "__main__":
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver")) as pool:
        print(sum(pool.map(burn, [20_000_000, 20_000_000])))
"""


def test_cpu_counts_forkserver_workers_nobody_waits_for(tmp_path):
    """The work runs in a forkserver's child, reaped by the forkserver, which is never waited for."""
    from measure import measure

    script = tmp_path / "burn.py"
    script.write_text(BURN)
    m = measure("burn", [sys.executable, str(script)])
    assert m.returncode == 0
    assert m.cpu >= 0.5 * m.wall, (m.cpu, m.wall)  # the parent alone spends ~0.1 s of CPU


def test_stage_bench_runs_on_thirty_articles_and_prints_its_table():
    proc = subprocess.run([sys.executable, str(BENCH / "bench_stages.py"), "--limit", "30", "--rounds", "2", "--digest"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = {line.split("|")[1].strip(): line for line in proc.stdout.splitlines() if line.startswith("| ")}
    assert {"floor", "read", "clean", "segment", "outlets", "quotes", "sentiment", "write", "all stages"} <= set(rows)
    assert rows["floor"].rstrip().endswith("| 1.00 |")
    digests = dict(pair.split() for pair in proc.stdout.split("digests: ")[1].strip().split(", "))
    assert set(digests) == {"articles", "boilerplate", "sentences", "outlet_mentions", "quotes", "speech_acts"}
    assert all(len(d) == 12 for d in digests.values())
