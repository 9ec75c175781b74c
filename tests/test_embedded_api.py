"""`newsetl run` boots Prefect's embedded API itself, in parallel with its imports.

The server is Prefect's own (same uvicorn command, same database under PREFECT_HOME);
what is ours is when it starts and that it never outlives the run.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import urllib.request
from contextlib import closing
from pathlib import Path

import pandas as pd
import psutil
import pytest

import newsetl
from newsetl.embedded_api import API_NICE, EmbeddedAPI, _database_is_current, _has_block_types

from corpus_paths import FIXTURES, REPO
from reliability_support import PYTHON


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _servers_for(prefect_home: Path) -> list[psutil.Process]:
    """Prefect API server processes using ``prefect_home``."""
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        try:
            if "prefect.server.api.server:create_app" in " ".join(proc.info["cmdline"] or []) and \
                    proc.environ().get("PREFECT_HOME") == str(prefect_home):
                found.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


@pytest.fixture
def prefect_env(tmp_path, monkeypatch) -> dict[str, str]:
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    return {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}


def test_server_answers_then_stops_and_leaves_the_environment_as_it_was(prefect_env, tmp_path):
    assert not _database_is_current(prefect_env)  # a fresh PREFECT_HOME: the server must create and migrate it
    api = EmbeddedAPI().start()
    assert "PREFECT_API_URL" not in os.environ  # not pointed at until the caller activates it
    waited = api.wait_ready()
    assert waited >= 0 and _answers(f"{api.api_url}/health")
    api.activate()
    assert os.environ["PREFECT_API_URL"] == api.api_url
    api.stop()
    assert "PREFECT_API_URL" not in os.environ
    assert not _answers(f"{api.api_url}/health")
    api.stop()  # idempotent: also registered atexit

    # Migrated now, so the next server may skip its start-up migration check ...
    assert _database_is_current(prefect_env)
    # ... but not on another database, nor on one stamped with an older revision.
    assert not _database_is_current({**prefect_env, "PREFECT_API_DATABASE_CONNECTION_URL": "postgresql+asyncpg://db/prefect"})
    with sqlite3.connect(tmp_path / "prefect" / "prefect.db") as db:
        db.execute("UPDATE alembic_version SET version_num = 'aaaaaaaaaaaa'")
    assert not _database_is_current(prefect_env)


def test_a_server_started_with_a_nice_value_runs_at_that_lower_priority(prefect_env):
    api = EmbeddedAPI(nice=API_NICE).start()
    try:
        assert psutil.Process(api.process.pid).nice() == min(19, os.nice(0) + API_NICE)
        assert api.wait_ready() >= 0 and _answers(f"{api.api_url}/health")
    finally:
        api.stop()
    default = EmbeddedAPI().start()
    try:
        assert psutil.Process(default.process.pid).nice() == os.nice(0)
    finally:
        default.stop()


def _block_types(api: EmbeddedAPI) -> list[str]:
    import json

    request = urllib.request.Request(f"{api.api_url}/block_types/filter", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return [row["slug"] for row in json.load(response)]


def test_a_server_on_a_migrated_database_skips_the_start_up_checks_and_still_has_the_block_types(prefect_env):
    first = EmbeddedAPI().start()  # a fresh database: migrated, block types registered
    first.wait_ready()
    registered = _block_types(first)
    first.stop()
    assert "secret" in registered  # one of Prefect's own block types

    second = EmbeddedAPI().start()
    try:
        second.wait_ready()
        env = psutil.Process(second.process.pid).environ()
        assert env["PREFECT_API_DATABASE_MIGRATE_ON_START"] == "false"
        assert env["PREFECT_SERVER_REGISTER_BLOCKS_ON_START"] == "false"
        assert _block_types(second) == registered
    finally:
        second.stop()


def test_a_database_migrated_without_a_server_gets_its_block_types_registered(prefect_env):
    # `prefect server database upgrade` migrates without registering block types: the
    # migration check may be skipped on it, the block registration may not.
    prefect_cli = Path(sys.executable).with_name("prefect")
    subprocess.run([str(prefect_cli), "server", "database", "upgrade", "-y"], env=prefect_env, check=True,
                   capture_output=True, timeout=300)
    assert _database_is_current(prefect_env) and not _has_block_types(prefect_env)
    api = EmbeddedAPI().start()
    try:
        api.wait_ready()
        env = psutil.Process(api.process.pid).environ()
        assert env["PREFECT_API_DATABASE_MIGRATE_ON_START"] == "false"
        assert "PREFECT_SERVER_REGISTER_BLOCKS_ON_START" not in env
        assert "secret" in _block_types(api)
    finally:
        api.stop()
    assert _has_block_types(prefect_env)


def test_activated_before_ready_it_follows_the_server_to_a_free_port(prefect_env):
    # `newsetl run` activates while the server boots; if another process holds the port,
    # the server restarts elsewhere and Prefect must be pointed there, not at the holder.
    import socket

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        api = EmbeddedAPI(port=taken).start()
        api.activate()
        try:
            api.wait_ready()
            assert api.port != taken
            assert os.environ["PREFECT_API_URL"] == api.api_url == f"http://127.0.0.1:{api.port}/api"
            assert _answers(f"{api.api_url}/health")
        finally:
            api.stop()
    assert "PREFECT_API_URL" not in os.environ


def test_a_server_whose_app_cannot_start_is_reported_not_restarted(prefect_env, tmp_path, monkeypatch):
    # uvicorn exits with the same status for a taken port and for a failed app start; only the
    # first is worth another port. A database that cannot be opened must fail the run at once.
    import time

    monkeypatch.setenv("PREFECT_API_DATABASE_CONNECTION_URL", f"sqlite+aiosqlite:///{tmp_path}/missing/dir/prefect.db")
    api = EmbeddedAPI().start()
    first_port = api.port
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="exited with status"):
        api.wait_ready(timeout=120)
    assert time.monotonic() - started < 60
    assert api.port == first_port  # no restart on another port
    api.stop()


def test_server_dies_with_a_killed_run(prefect_env, tmp_path):
    parent = subprocess.Popen(
        [str(PYTHON), "-c", textwrap.dedent("""
            import time
            from newsetl.embedded_api import EmbeddedAPI
            api = EmbeddedAPI().start()
            print(api.process.pid, flush=True)
            time.sleep(600)
        """)],
        env=prefect_env, stdout=subprocess.PIPE, text=True,
    )
    server = psutil.Process(int(parent.stdout.readline()))
    assert server.is_running()
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    server.wait(timeout=20)  # raises psutil.TimeoutExpired if the server outlives the run
    assert not _servers_for(tmp_path / "prefect")


def test_cli_runs_use_an_embedded_api_and_stop_it_even_with_nothing_new(prefect_env, tmp_path):
    out = tmp_path / "out"
    cmd = [str(PYTHON), "-m", "newsetl.cli", "run", str(FIXTURES / "articles"), "--out", str(out), "--no-progress", "-v"]
    first = subprocess.run(cmd, cwd=REPO, env=prefect_env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]
    # its one batch was prepared while the server booted (newsetl.headstart), and the flow took it
    assert "batch prepared while Prefect's API started" in first.stdout + first.stderr
    assert "temporary embedded API" in " ".join(first.stdout.split())
    # the run stays in PREFECT_HOME's database, which `make ui` serves afterwards
    flow_run_id = pd.read_parquet(out / "runs")["flow_run_id"].iloc[-1]
    with closing(sqlite3.connect(tmp_path / "prefect" / "prefect.db")) as db:
        assert db.execute("SELECT state_type FROM flow_run WHERE id = ?", (flow_run_id,)).fetchall() == [("COMPLETED",)]
    assert f"127.0.0.1:4200/runs/flow-run/{flow_run_id}" in " ".join(first.stdout.split())  # make ui's address
    assert "Error logging to API" not in first.stdout + first.stderr  # logs drained before the server stopped
    assert not _servers_for(tmp_path / "prefect")
    again = subprocess.run(cmd, cwd=REPO, env=prefect_env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "Nothing new" in again.stdout
    assert newsetl.load("runs", root=out)["status"].tolist() == ["completed", "unchanged"]
    assert not _servers_for(tmp_path / "prefect")


def test_flow_run_is_tagged_and_its_task_runs_are_not(prefect_harness, tmp_path):
    """Tags label the flow run; untagged task runs skip Prefect's per-task tag concurrency round trips."""
    from prefect import tags
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    sys.path.insert(0, str(REPO))
    from flows.news_etl import news_etl

    from newsetl.tasks import RUN_TAGS

    with tags(*RUN_TAGS):
        summary = news_etl(raw_dir=str(FIXTURES / "articles"), out_dir=str(tmp_path / "out"))
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(summary["flow_run_id"])
        task_runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run.id])),
        )
    assert set(RUN_TAGS) <= set(flow_run.tags)
    assert {t.name.split(" ")[0] for t in task_runs} >= {"plan", "process", "commit"}
    assert all(not t.tags for t in task_runs), [t.tags for t in task_runs]
