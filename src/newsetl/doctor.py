"""``newsetl doctor``: check the installation, the Prefect API and the data directories.

Each check is a :class:`Check` with a status and one sentence a user can act on.
The checks are plain functions so tests call them one at a time.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

OK, WARN, FAIL = "ok", "warn", "fail"

# Distributions whose versions matter to the pipeline, with the oldest version known to work
# (the lower bounds in pyproject.toml).
REQUIRED_PACKAGES = {
    "prefect": "3.4",
    "pandas": "2.1",
    "pyarrow": "14",
    "textblob": "0.18",
    "typer": "0.12",
    "rich": "13",
    "matplotlib": "3.8",
}


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # ok | warn | fail
    message: str


def diagnose(out: Path, raw: Path) -> list[Check]:
    """Every check, in the order a person would look: software, Prefect, then data."""
    checks = [check_python(), *check_packages(), check_textblob()]
    checks += check_prefect_api()
    checks += check_raw_dir(raw)
    checks += check_out_dir(out)
    return checks


def check_python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info < (3, 10):
        return Check("python", FAIL, f"Python {version} is too old; newsetl needs Python 3.10 or newer.")
    return Check("python", OK, f"Python {version} at {sys.executable}.")


def check_packages(required: dict[str, str] = REQUIRED_PACKAGES) -> list[Check]:
    checks = []
    for name, minimum in required.items():
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            checks.append(Check(name, FAIL, f"{name} is not installed; run `make run` or `pip install -e .` to install it."))
            continue
        if _version_tuple(version) < _version_tuple(minimum):
            checks.append(Check(name, FAIL, f"{name} {version} is older than {minimum}; upgrade with `pip install -U {name}`."))
        else:
            checks.append(Check(name, OK, f"{name} {version}."))
    return checks


def check_textblob() -> Check:
    try:
        from textblob import TextBlob

        polarity = TextBlob("This is a good result.").sentiment.polarity
    except Exception as err:  # noqa: BLE001 - any failure here means sentiment cannot run
        return Check("sentiment", FAIL, f"TextBlob cannot score text ({err.__class__.__name__}: {err}); reinstall textblob.")
    if polarity <= 0:
        return Check("sentiment", FAIL, f"TextBlob scored a positive sentence {polarity}; its lexicon is broken, reinstall textblob.")
    return Check("sentiment", OK, "TextBlob scores sentiment.")


def check_prefect_api(timeout: float = 3.0) -> list[Check]:
    """Which Prefect API runs report to, and whether it answers."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    home = Path(settings.home)
    checks = []
    if os.access(home if home.exists() else home.parent, os.W_OK):
        checks.append(Check("prefect home", OK, f"PREFECT_HOME is {home}."))
    else:
        checks.append(Check("prefect home", FAIL, f"PREFECT_HOME {home} is not writable; point PREFECT_HOME at a directory you own."))
    analytics = settings.server.analytics_enabled
    if analytics and os.environ.get("DO_NOT_TRACK") != "1":
        checks.append(Check("telemetry", WARN, "Prefect server analytics are on; set PREFECT_SERVER_ANALYTICS_ENABLED=false and DO_NOT_TRACK=1 (the Makefile does)."))
    api_url = settings.api.url
    if not api_url:
        checks.append(
            Check(
                "prefect api",
                OK,
                "PREFECT_API_URL is not set, so each run starts a temporary embedded API that records it in "
                f"Prefect's database in {home}; `PREFECT_HOME={home} make ui` shows those runs afterwards, "
                "and runs with PREFECT_API_URL=http://127.0.0.1:4200/api show there live.",
            )
        )
        return checks
    checks.append(check_api_url(api_url, timeout))
    return checks


def check_api_url(api_url: str, timeout: float = 3.0) -> Check:
    import httpx

    import prefect

    try:
        health = httpx.get(f"{api_url.rstrip('/')}/health", timeout=timeout)
        health.raise_for_status()
    except httpx.HTTPError as err:
        return Check(
            "prefect api",
            FAIL,
            f"PREFECT_API_URL={api_url} does not answer ({err.__class__.__name__}); start the server with `make ui` "
            "(or `prefect server start`), or unset PREFECT_API_URL to use a temporary embedded API.",
        )
    try:
        server_version = httpx.get(f"{api_url.rstrip('/')}/admin/version", timeout=timeout).json()
    except (httpx.HTTPError, ValueError):
        server_version = "unknown"
    client_version = prefect.__version__
    if isinstance(server_version, str) and _version_tuple(server_version)[:1] != _version_tuple(client_version)[:1]:
        return Check(
            "prefect api",
            FAIL,
            f"{api_url} runs Prefect {server_version} but this client is {client_version}; use the same major version on both.",
        )
    return Check("prefect api", OK, f"{api_url} answers (server {server_version}, client {client_version}).")


def check_raw_dir(raw: Path) -> list[Check]:
    if not raw.is_dir():
        return [Check("raw dir", WARN, f"{raw} does not exist; pass the raw articles' directory to `newsetl run RAW`.")]
    n_files = sum(1 for p in raw.rglob("*") if p.suffix in (".txt", ".jsonl") and p.is_file())
    if not n_files:
        return [Check("raw dir", WARN, f"{raw} has no .txt or .jsonl files; a run there would find nothing to do.")]
    return [Check("raw dir", OK, f"{raw} has {n_files:,} .txt/.jsonl files.")]


def check_out_dir(out: Path) -> list[Check]:
    """The output directory: lock, interrupted commits, leftover staging, and every committed part."""
    from newsetl.store import EMPTY_BATCH_ID, LOCK_FILE, STAGING_DIR, Store

    if not out.exists():
        return [Check("data dir", WARN, f"{out} does not exist yet; `newsetl run` creates it on the first run.")]
    if not os.access(out, os.W_OK):
        return [Check("data dir", FAIL, f"{out} is not writable by this user; fix its permissions or pass another --out.")]
    store = Store(out)
    checks = []
    lock = out / LOCK_FILE
    if lock.exists():
        checks.append(_lock_check(lock))
    journals = sorted(store.journal_dir.glob("*.json")) if store.journal_dir.exists() else []
    for journal in journals:
        checks.append(Check("interrupted commit", WARN, f"batch {journal.stem} was being committed when a run stopped; the next run finishes it."))
    staging = out / STAGING_DIR
    leftovers = [p for p in staging.rglob("*") if p.is_file()] if staging.exists() else []
    if leftovers and not lock.exists():
        checks.append(Check("staging", WARN, f"{staging} holds {len(leftovers)} files of an unfinished run; the next run deletes them."))
    problems = store.problems()
    for problem in problems:
        checks.append(Check("data dir", FAIL, problem))
    if not problems:
        records = [r for r in store.records() if not r.batch_id.startswith(EMPTY_BATCH_ID)]  # not the tables' zero-row seed
        n_articles = sum(len(r.article_ids) for r in records)
        checks.append(Check("data dir", OK, f"{out}: {len(records)} committed batches, {n_articles:,} articles, every part readable."))
    return checks


def _lock_check(lock: Path) -> Check:
    try:
        holder = json.loads(lock.read_text())
    except (OSError, ValueError):
        return Check("lock", WARN, f"{lock} is unreadable; if no run is going, delete it.")
    pid, host = holder.get("pid"), holder.get("host")
    started = time.ctime(holder.get("started", 0))
    if host != socket.gethostname():
        return Check("lock", WARN, f"a run on {host} (pid {pid}) has held {lock} since {started}; wait for it, or delete the file if it is gone.")
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return Check("lock", WARN, f"{lock} is left over from pid {pid}, which is gone; the next run removes it.")
    except (PermissionError, TypeError, ValueError):
        pass
    return Check("lock", WARN, f"a run (pid {pid}) has been writing {lock.parent} since {started}; results are incomplete until it ends.")


def repair_store(out: Path) -> list[str]:
    """Drop batches with missing or corrupt parts; one line per dropped batch (or that nothing was wrong)."""
    from newsetl.store import Store

    if not out.exists():
        return [f"{out} does not exist; nothing to repair."]
    dropped = Store(out).repair()
    if not dropped:
        return ["no committed batch had a missing or corrupt part."]
    return [f"dropped batch {batch_id}; the next `newsetl run` reprocesses its articles." for batch_id in dropped]


def _version_tuple(version: str) -> tuple[int, ...]:
    """(3, 9, 1) for "3.9.1", (2, 0) for "2.0rc1": the leading numeric release only."""
    match = re.match(r"\d+(?:\.\d+)*", version)
    return tuple(int(n) for n in match.group(0).split(".")) if match else ()
