"""The pipeline against a real `prefect server start`: runs, artifacts, deployments, schedules."""

from __future__ import annotations

import re
import signal
import subprocess
import time
from uuid import UUID

import pytest

from server_harness import BIN, PUBLISHER, REPO, run_command, stop_process_group

pytestmark = pytest.mark.server


def test_cli_run_against_the_server_completes_with_tags_and_a_dated_name(etl_run, prefect_client):
    from prefect.client.schemas.objects import StateType

    flow_run = prefect_client.read_flow_run(UUID(etl_run.flow_run_id))

    assert flow_run.state.type == StateType.COMPLETED
    assert {"newsetl", "etl"} <= set(flow_run.tags)
    assert flow_run.name.startswith("news-etl-") and flow_run.name.endswith("-3-files")
    assert flow_run.parameters["publisher"] == PUBLISHER


def test_cli_run_prints_the_summary_and_the_prefect_run_link(etl_run, prefect_server):
    output = " ".join(etl_run.stdout.split())

    assert "3 files seen — 2 new, 0 unchanged, 0 duplicate, 1 rejected" in output
    assert "rejected courier/empty.txt: empty" in output
    assert f"Prefect run: {prefect_server.ui_url}/runs/flow-run/{etl_run.flow_run_id}" in output


def test_run_publishes_summary_tables_and_progress_artifacts(etl_run, prefect_client):
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    artifacts = prefect_client.read_artifacts(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(etl_run.flow_run_id)])))
    by_key = {a.key: a for a in artifacts if a.key}

    assert {"news-etl-summary", "top-speakers", "top-outlets", "most-negative-articles", "most-positive-articles", "news-etl-progress"} <= set(by_key)
    summary = by_key["news-etl-summary"]
    assert summary.type == "markdown"
    assert f"# newsetl run `{etl_run.run_id}` — completed" in summary.data
    assert "| courier/empty.txt | empty" in summary.data.replace("`", "")
    assert by_key["news-etl-progress"].type == "progress" and float(by_key["news-etl-progress"].data) == 100.0
    assert "Odile Fenwick" in str(by_key["top-speakers"].data)


def test_task_runs_have_names_that_read_well(etl_run, prefect_client):
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    task_runs = prefect_client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(etl_run.flow_run_id)])))
    names = sorted(t.name for t in task_runs)
    readable = re.compile(
        rf"(plan incremental batches|learn repeated site lines|commit discovery rejects|rebuild speakers and outlets"
        rf"|record run|publish run summary|process batch {re.escape(etl_run.run_id)}-\d{{5}})"
    )

    assert [name for name in names if not readable.fullmatch(name)] == []  # no "-a3f" suffixes, no bare function names
    assert {"plan incremental batches", "rebuild speakers and outlets", "publish run summary"} <= set(names)
    assert sum(name.startswith("process batch") for name in names) >= 2  # --batch-size 1: a task per article


def test_each_commit_is_logged_on_the_flow_run(etl_run, prefect_client):
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    logs = prefect_client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[UUID(etl_run.flow_run_id)])))
    committed = [log.message for log in logs if log.message.startswith("committed batch ")]
    # commits run in the flow itself (a task run each cost the API more than the commit)
    assert len(committed) >= 2 and committed[-1].startswith(f"committed batch {len(committed)}/{len(committed)}:")


def test_prefect_yaml_deploys_a_daily_scheduled_deployment(prefect_server, prefect_client):
    run_command([str(BIN / "prefect"), "work-pool", "create", "newsetl", "--type", "process"], env=prefect_server.env)
    run_command([str(BIN / "prefect"), "--no-prompt", "deploy", "--all"], env=prefect_server.env, cwd=REPO)

    deployment = prefect_client.read_deployment_by_name("news-etl/daily")

    assert deployment.work_pool_name == "newsetl"
    assert deployment.entrypoint == "flows/news_etl.py:news_etl"
    assert deployment.parameters == {"raw_dir": "data/raw", "out_dir": "data/processed", "workers": 1}  # batch size: the default
    assert {"newsetl", "etl"} <= set(deployment.tags)
    [schedule] = deployment.schedules
    assert schedule.active and schedule.schedule.cron == "0 6 * * *" and schedule.schedule.timezone == "UTC"


def test_newsetl_serve_registers_a_cron_deployment_while_it_runs(prefect_server, prefect_client, etl_run):
    from prefect.exceptions import ObjectNotFound

    proc = subprocess.Popen(
        [str(BIN / "newsetl"), "serve", "--cron", "30 5 * * 1", "--timezone", "Europe/London", "--name", "serve-test",
         "--raw", str(etl_run.raw), "--out", str(etl_run.out)],
        env=prefect_server.env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                deployment = prefect_client.read_deployment_by_name("news-etl/serve-test")
                break
            except ObjectNotFound:
                pass
            if proc.poll() is not None:
                pytest.fail(f"newsetl serve exited {proc.returncode}:\n{proc.stdout.read()[-4000:]}")
            if time.monotonic() > deadline:
                pytest.fail("newsetl serve did not register its deployment within 120 s")
            time.sleep(1)
    finally:
        stop_process_group(proc, signal.SIGINT)

    [schedule] = deployment.schedules
    assert schedule.schedule.cron == "30 5 * * 1" and schedule.schedule.timezone == "Europe/London"
    assert deployment.parameters["raw_dir"] == str(etl_run.raw) and deployment.parameters["out_dir"] == str(etl_run.out)
    assert {"newsetl", "etl", "scheduled"} <= set(deployment.tags)


def test_doctor_reports_the_live_server_and_a_healthy_data_dir(prefect_server, etl_run):
    done = run_command([str(BIN / "newsetl"), "doctor", "--out", str(etl_run.out), "--raw", str(etl_run.raw)], env=prefect_server.env)

    assert f"{prefect_server.api_url} answers (server 3." in " ".join(done.stdout.split())
    assert "all checks passed" in done.stdout
