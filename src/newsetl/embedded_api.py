"""Prefect's temporary local API, started early so its boot overlaps ours.

With no ``PREFECT_API_URL``, Prefect starts a throwaway API server the moment a
flow is called: a fresh Python process that imports Prefect's server (~6 s of
CPU here), checks its database and only then answers. ``newsetl run`` then sat
idle for ~10 s, after having spent ~4 s importing Prefect, pandas and pyarrow
itself. Starting the very same server (same app and arguments, same database in
``PREFECT_HOME``) before those imports lets both boot at once on two cores, and
the flow process never imports Prefect's server code at all.

This module does not import Prefect: it runs before Prefect is imported. The
caller checks, once Prefect is loaded, that no API URL is configured (a profile
or prefect.toml may name a server), then ``activate``s this one for the flow;
``stop`` shuts it down gracefully, as Prefect's own would.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

# Exit status uvicorn uses when it cannot start: its port was taken between our probe and
# its bind, or the app's start-up failed.
_STARTUP_FAILURE = 3
_MAX_PORT_RETRIES = 3
_STARTUP_TIMEOUT_ENV = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"


# The server's priority when the run has a core to spare (fewer batch workers than cores). Its
# boot (~3.5 CPU-s) would otherwise take a share of the worker's core while the run's own process
# imports Prefect on the other; at nice 10 it yields, and the worker, the run's critical path,
# keeps its core. With every core a worker's it must not: the flow would wait for the API.
API_NICE = 10


def _prepare_server_process(nice: int) -> None:
    """In the server's process before exec: lower its priority by ``nice``; on Linux, get SIGTERM when the run's process dies.

    A run killed with SIGKILL cannot stop its server; without this the server would
    outlive it, holding a port and Prefect's database.
    """
    if nice:
        os.nice(nice)
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


_REVISION = re.compile(r"^(down_)?revision\s*(?::[^=]*)?=\s*['\"]([0-9a-f]+)['\"]", re.MULTILINE)


def _database_is_current(env: dict[str, str]) -> bool:
    """True when Prefect's default SQLite database already has every migration this Prefect ships.

    Then the server's start-up migration check (~1 s of its ~9 s boot here) can be skipped.
    Anything unusual (another database URL, an unreadable file, an unknown layout) answers
    False, and the server migrates as it always does.
    """
    stamped = _read_default_database(env, "SELECT version_num FROM alembic_version")
    spec = importlib.util.find_spec("prefect")
    if stamped is None or spec is None or not spec.submodule_search_locations:
        return False
    versions = Path(spec.submodule_search_locations[0]) / "server/database/_migrations/versions/sqlite"
    revisions: set[str] = set()
    parents: set[str] = set()
    for migration in versions.glob("*.py"):
        for down, revision in _REVISION.findall(migration.read_text(encoding="utf-8", errors="replace")):
            (parents if down else revisions).add(revision)
    heads = revisions - parents
    return len(heads) == 1 and {row[0] for row in stamped} == heads


def _has_block_types(env: dict[str, str]) -> bool:
    """True when Prefect's default SQLite database already lists block types.

    A server registers them right after migrating, but a database migrated by
    ``prefect server database upgrade``, or a first boot stopped in between, has none.
    """
    rows = _read_default_database(env, "SELECT count(*) FROM block_type")
    return rows is not None and rows[0][0] > 0


def _read_default_database(env: dict[str, str], query: str) -> list[tuple] | None:
    """``query``'s rows from Prefect's SQLite file under PREFECT_HOME, read-only.

    None when the environment configures any other database setting, the file does not
    exist, or SQLite cannot answer (a locked, broken or unknown layout).
    """
    if any(key.startswith(("PREFECT_API_DATABASE", "PREFECT_SERVER_DATABASE")) for key in env):
        return None
    database = Path(env.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser() / "prefect.db"
    if not database.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)) as db:
            return db.execute(query).fetchall()
    except sqlite3.Error:
        return None


# `python -m uvicorn`, as Prefect runs it, after importing Prefect's server with the garbage
# collector off (0.65 s of its ~4 s import were collections; see newsetl.heap).
_SERVER_BOOT = """\
import sys
from newsetl.heap import imports_without_gc
with imports_without_gc():
    import prefect.server.api.server
from uvicorn.main import main
sys.argv[0] = "uvicorn"
main()
"""


def _can_bind(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class EmbeddedAPI:
    """One temporary Prefect API server process on 127.0.0.1."""

    port: int = 0
    nice: int = 0  # added to the server process's nice value (API_NICE: yield to the batch workers)
    process: subprocess.Popen | None = field(default=None, repr=False)
    started: float = 0.0

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> "EmbeddedAPI":
        """Spawn the server; does not wait for it (see ``wait_ready``) nor point Prefect at it (``activate``)."""
        self.port = self.port or _free_port()
        # The environment and uvicorn arguments of Prefect's own SubprocessASGIServer.
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        env.pop("PREFECT_API_URL", None)
        if _database_is_current(env):
            registered = _has_block_types(env)  # before the next line adds a PREFECT_API_DATABASE_* key
            env["PREFECT_API_DATABASE_MIGRATE_ON_START"] = "false"
            if registered:
                # Checking the registration again on every boot imports each installed Prefect
                # collection (prefect-dask brings dask) to hash the block registry: ~0.1-0.3 s.
                env["PREFECT_SERVER_REGISTER_BLOCKS_ON_START"] = "false"
                env["PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION"] = "false"
        self.process = subprocess.Popen(
            [sys.executable, "-c", _SERVER_BOOT, "--factory", "prefect.server.api.server:create_app",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
            env=env,
            stdin=subprocess.DEVNULL,
            preexec_fn=partial(_prepare_server_process, self.nice),
        )
        self.started = time.monotonic()
        atexit.register(self.stop)
        return self

    def wait_ready(self, timeout: float | None = None) -> float:
        """Block until ``/api/health`` answers; the seconds waited. Raises RuntimeError if it never does."""
        timeout = timeout if timeout is not None else float(os.environ.get(_STARTUP_TIMEOUT_ENV, "180"))
        waited_from = time.monotonic()
        deadline = self.started + timeout  # of the first start: restarts do not extend it
        restarts = 0
        while time.monotonic() < deadline:
            code = self.process.poll() if self.process else None
            # uvicorn's start-up failure status: a port taken since we probed it, but also a
            # failed start of the app (a locked or broken database), which a new port won't fix
            if code == _STARTUP_FAILURE and restarts < _MAX_PORT_RETRIES and not _can_bind(self.port):
                restarts += 1
                active = os.environ.get("PREFECT_API_URL") == self.api_url
                self.port = 0
                self.start()
                if active:
                    self.activate()  # the new port
                continue
            if code is not None:
                raise RuntimeError(f"Prefect's embedded API exited with status {code} while starting "
                                   f"(PREFECT_HOME={os.environ.get('PREFECT_HOME', '~/.prefect')})")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        return time.monotonic() - waited_from
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"Prefect's embedded API did not answer within {timeout:.0f}s "
                           f"(raise {_STARTUP_TIMEOUT_ENV} on a slow machine)")

    def activate(self) -> None:
        """Point every Prefect client of this process, in any thread, at this server.

        May come before ``wait_ready`` (nothing calls the API until the flow starts);
        ``wait_ready`` re-activates if the server had to move to another port.
        """
        os.environ["PREFECT_API_URL"] = self.api_url
        if "prefect.context" in sys.modules:
            # Prefect read its settings when imported; threads without a settings context of
            # their own (log and event workers, heartbeats) fall back to that global copy.
            sys.modules["prefect.context"].refresh_global_settings_context()

    def stop(self) -> None:
        """Terminate the server (SIGTERM: it finishes its requests and closes its database)."""
        if self.process is None:
            return
        process, self.process = self.process, None
        if os.environ.get("PREFECT_API_URL") == self.api_url:
            del os.environ["PREFECT_API_URL"]
            if "prefect.context" in sys.modules:
                sys.modules["prefect.context"].refresh_global_settings_context()
        stop_process(process, timeout=10)


def stop_process(process: subprocess.Popen, timeout: float) -> None:
    """SIGTERM, then SIGKILL if it is still running after ``timeout`` seconds; reaped either way."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
