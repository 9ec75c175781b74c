"""A real Prefect server, a real flow run against it, and a headless Chromium, shared by the integration tests.

The server starts once per session on a free loopback port with its own PREFECT_HOME.
If it cannot start, every test that needs it fails with the server's log (never skips).
Set NEWSETL_SCREENSHOT_DIR (e.g. ``docs``) to keep the browser tests' screenshots.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from server_harness import (
    ARTICLES,
    BIN,
    PUBLISHER,
    REPO,
    EtlRun,
    PrefectServer,
    client_env,
    free_loopback_port,
    run_command,
    stop_process_group,
)

SERVER_START_TIMEOUT = 150  # seconds; a cold start migrates a new database and copies the UI
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--virtual-time-budget=10000",
)


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory) -> PrefectServer:
    """`prefect server start` on 127.0.0.1:<free port> in a temporary PREFECT_HOME; stopped after the session."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_loopback_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = client_env(home, api_url)
    log_path = home / "server.log"
    server = PrefectServer(api_url, f"http://127.0.0.1:{port}", env, log_path)
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        started = time.monotonic()
        while True:
            if proc.poll() is not None:
                pytest.fail(f"prefect server exited with {proc.returncode} before answering:\n{server.log_tail()}")
            try:
                if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() - started > SERVER_START_TIMEOUT:
                pytest.fail(f"prefect server did not answer {api_url}/health within {SERVER_START_TIMEOUT}s:\n{server.log_tail()}")
            time.sleep(0.5)
        print(f"prefect server answered after {time.monotonic() - started:.1f}s at {api_url}")
        yield server
    finally:
        stop_process_group(proc)


@pytest.fixture(scope="session")
def etl_run(prefect_server: PrefectServer, tmp_path_factory) -> EtlRun:
    """`newsetl run` on the fictional articles, reporting to the test server."""
    root = tmp_path_factory.mktemp("etl")
    raw, out = root / "raw", root / "processed"
    for rel, text in ARTICLES.items():
        path = raw / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    done = run_command(
        [str(BIN / "newsetl"), "run", str(raw), "--out", str(out), "--publisher", PUBLISHER, "--batch-size", "1"],
        env=prefect_server.env,
    )
    from newsetl.store import load

    runs = load("runs", out)
    assert len(runs) == 1, f"expected one run row, got {len(runs)}:\n{done.stdout}"
    return EtlRun(raw, out, str(runs["flow_run_id"].iloc[0]), str(runs["run_id"].iloc[0]), done.stdout)


@pytest.fixture(scope="session")
def prefect_client(prefect_server: PrefectServer):
    from prefect.client.orchestration import SyncPrefectClient

    with SyncPrefectClient(prefect_server.api_url) as client:
        yield client


@dataclass(frozen=True)
class Browser:
    """Headless Debian Chromium driven by its command line: the DOM after scripts ran, or a screenshot."""

    executable: Path
    profiles: Path  # a fresh --user-data-dir per call under here

    def _args(self) -> list[str]:
        self.profiles.mkdir(parents=True, exist_ok=True)
        profile = self.profiles / f"profile-{time.monotonic_ns()}"
        return [str(self.executable), *CHROMIUM_FLAGS, f"--user-data-dir={profile}"]

    def dump_dom(self, url: str) -> str:
        done = subprocess.run([*self._args(), "--dump-dom", url], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"chromium --dump-dom {url} exited {done.returncode}: {done.stderr[-2000:]}"
        return done.stdout

    def screenshot(self, url: str, path: Path, size: tuple[int, int]) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        done = subprocess.run(
            [*self._args(), f"--window-size={size[0]},{size[1]}", f"--screenshot={path}", url],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0 and path.exists(), f"chromium --screenshot {url} failed: {done.stderr[-2000:]}"
        return path


@pytest.fixture(scope="session")
def browser(tmp_path_factory) -> Browser:
    """Debian's chromium, installed by scripts/install_chromium.sh when missing (fails, never skips, if it cannot be)."""
    if not CHROMIUM.exists():
        done = subprocess.run(["bash", str(REPO / "scripts" / "install_chromium.sh")], capture_output=True, text=True, timeout=900)
        if done.returncode != 0 or not CHROMIUM.exists():
            pytest.fail(f"could not install chromium (exit {done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return Browser(CHROMIUM, tmp_path_factory.mktemp("chromium"))


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    keep = os.environ.get("NEWSETL_SCREENSHOT_DIR")
    return Path(keep).resolve() if keep else tmp_path_factory.mktemp("screenshots")
