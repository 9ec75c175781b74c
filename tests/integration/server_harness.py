"""Starting and stopping a real Prefect server, and the fictional corpus the integration tests run on."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

# Two fictional articles (a publisher's boilerplate line, quotes, a cited outlet) and one empty file.
ARTICLES = {
    "courier/2025-03-04-bridge-repairs.txt": (
        "Council Approves Emergency Repairs to Old Mill Bridge\n"
        "The 1932 span will close for six weeks starting in April\n"
        "The Linford town council voted 6-1 on Tuesday to spend $2.4 million on emergency repairs to the Old Mill Bridge, "
        "after inspectors found corrosion in two of its steel girders.\n"
        "“We cannot wait for the next budget cycle when the bridge is rusting under our feet,” said Mayor Odile Fenwick. "
        "“This is the safest choice, and the right one.”\n"
        "Councilman Bertram Achterberg cast the only vote against the plan. He said the town should have replaced the bridge "
        "a decade ago and called the repairs “a bandage on a broken leg.”\n"
        "The Linford Gazette reported last month that the state had downgraded the bridge's rating to poor.\n"
        "Advertise with The Linford Courier and reach every household in the valley. Advertise Today.\n"
    ),
    "courier/2025-03-11-library-hours.txt": (
        "Library Extends Weekend Hours After Record Visits\n"
        "Saturday opening moves to 8 a.m. and Sunday hours return\n"
        "The Linford Public Library will open earlier on Saturdays and restore Sunday afternoon hours, "
        "its director said Friday, after visits rose to a record 14,000 in February.\n"
        "“People are hungry for a quiet, warm place to read, and we are delighted to give them more of it,” "
        "said Wilhelmina Osei, the library's director.\n"
        "Osei said the longer hours would be paid for by a grant from a regional foundation, "
        "according to a report by Reuters.\n"
        "Advertise with The Linford Courier and reach every household in the valley. Advertise Today.\n"
    ),
    "courier/empty.txt": "",
}
PUBLISHER = "The Linford Courier"


@dataclass(frozen=True)
class PrefectServer:
    api_url: str
    ui_url: str
    env: dict[str, str]  # the environment of a client of this server
    log_path: Path

    def log_tail(self, n: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no server log)"


@dataclass(frozen=True)
class EtlRun:
    raw: Path
    out: Path
    flow_run_id: str
    run_id: str
    stdout: str


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def client_env(prefect_home: Path, api_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(prefect_home),
        PREFECT_API_URL=api_url,
        PREFECT_UI_API_URL=api_url,
        PREFECT_UI_URL=api_url.removesuffix("/api"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PYTHONUNBUFFERED="1",
        COLUMNS="160",  # rich wraps output at 80 columns when it is not a terminal
    )
    return env


def run_command(args: list[str], env: dict[str, str], timeout: float = 300, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """Run a command; fail the test with its output if it exits non-zero."""
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} exited {done.returncode}\n--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}")
    return done


def stop_process_group(proc: subprocess.Popen, sig: int = signal.SIGTERM, grace: float = 20) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, sig)
        proc.wait(timeout=grace)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)
