"""Run one benchmark contestant in a subprocess and measure it from outside.

Wall time, CPU time of the whole process tree and peak RSS of the whole tree (the
sum over all live descendants, polled), so a process pool, a Dask cluster or
Prefect's embedded API server all count against the contestant that started them.

CPU is the larger of two counts: the kernel's (``RUSAGE_CHILDREN``: exact, but only
for descendants that their parent waited for — a forkserver's workers are reaped by
the forkserver, which nobody waits for once the run exits) and the sum over every
descendant seen of its last polled user + system time (misses at most the last poll
interval of each process).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

import psutil

POLL_SECONDS = 0.1


@dataclass
class Measurement:
    label: str
    wall: float
    cpu: float  # user + system seconds of the process tree
    peak_rss: int  # bytes, whole process tree
    returncode: int
    result: dict = field(default_factory=dict)  # the JSON the contestant printed last, if any
    stdout_tail: str = ""

    @property
    def peak_rss_mb(self) -> float:
        return self.peak_rss / 2**20


class _TreePoller(threading.Thread):
    """Polls the tree under ``pid``: peak summed RSS, and each process's last CPU time."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak = 0
        self.cpu_by_process: dict[tuple[int, float], float] = {}  # (pid, create time) -> user + system
        self.done = threading.Event()

    @property
    def cpu(self) -> float:
        return sum(self.cpu_by_process.values())

    def run(self) -> None:
        while not self.done.is_set():
            try:
                procs = [self.root] + self.root.children(recursive=True)
            except psutil.Error:
                break
            total = 0
            for proc in procs:
                try:
                    with proc.oneshot():
                        total += proc.memory_info().rss
                        times = proc.cpu_times()
                        self.cpu_by_process[(proc.pid, proc.create_time())] = times.user + times.system
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self.done.wait(POLL_SECONDS)


def measure(label: str, argv: list[str], env: dict[str, str] | None = None, cwd: str | None = None,
            timeout: float | None = None) -> Measurement:
    """Run ``argv`` to completion; the contestant may print one JSON object as its last stdout line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    poller = _TreePoller(proc.pid)
    poller.start()
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    wall = time.perf_counter() - start
    poller.done.set()
    poller.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = max((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), poller.cpu)
    result = {}
    for line in reversed(out.strip().splitlines()):
        if line.startswith("{") and line.endswith("}"):
            try:
                result = json.loads(line)
            except ValueError:
                continue
            break
    m = Measurement(label, wall, cpu, poller.peak, proc.returncode, result, out[-3000:])
    status = "ok" if proc.returncode == 0 else f"FAILED rc={proc.returncode}"
    print(f"  {label}: {wall:.1f}s wall, {cpu:.1f}s cpu, {m.peak_rss_mb:.0f} MiB peak tree RSS ({status})",
          file=sys.stderr, flush=True)
    if proc.returncode != 0:
        print(out[-3000:], file=sys.stderr)
    return m


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f}/{five:.1f}"
