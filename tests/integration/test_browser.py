"""What a person sees: the HTML report and the Prefect UI's run page in headless Chromium.

Screenshots go to $NEWSETL_SCREENSHOT_DIR (``make screenshots`` sets it to docs/), else to a temp dir.
"""

from __future__ import annotations

import html
import re

import pytest

from server_harness import BIN, PUBLISHER, run_command

pytestmark = pytest.mark.server

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def visible_text(dom: str) -> str:
    """The page's text without tags, scripts or styles, whitespace collapsed."""
    dom = re.sub(r"<(script|style)\b.*?</\1>", " ", dom, flags=re.S | re.I)
    dom = re.sub(r"<[^>]+>", " ", dom)
    return re.sub(r"\s+", " ", html.unescape(dom)).strip()


@pytest.fixture(scope="module")
def report_path(etl_run, prefect_server):
    run_command([str(BIN / "newsetl"), "report", "--out", str(etl_run.out)], env=prefect_server.env)
    return etl_run.out / "report.html"


def test_report_shows_every_section_with_the_runs_data(browser, report_path, etl_run):
    dom = browser.dump_dom(report_path.as_uri())
    text = visible_text(dom)

    for heading in ("Articles per publisher", "Sentiment distribution", "Top speakers", "Outlets cited per publisher",
                    "Boilerplate removed per category", "Runs"):
        assert heading in text
    assert PUBLISHER in text and "Odile Fenwick" in text and "Wilhelmina Osei" in text
    assert "advertising" in text  # the boilerplate category of the "Advertise with …" lines
    assert etl_run.run_id in text


def test_report_is_self_contained_and_links_to_the_prefect_run(browser, report_path, etl_run, prefect_server):
    dom = browser.dump_dom(report_path.as_uri())

    images = re.findall(r'<img [^>]*src="([^"]{0,40})', dom)
    assert len(images) == 5 and all(src.startswith("data:image/png;base64,") for src in images)
    assert not re.search(r'(src|href)="(?!data:|#)[^"]*\.(js|css|png|svg)"', dom)
    assert f'href="{prefect_server.ui_url}/runs/flow-run/{etl_run.flow_run_id}"' in dom


def test_report_screenshot_is_a_real_picture(browser, report_path, screenshot_dir):
    png = browser.screenshot(report_path.as_uri(), screenshot_dir / "report.png", size=(1100, 2600))

    data = png.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 50_000  # charts and text, not a blank page


def test_prefect_ui_run_page_shows_the_completed_run(browser, etl_run, prefect_server, prefect_client, screenshot_dir):
    from uuid import UUID

    flow_run = prefect_client.read_flow_run(UUID(etl_run.flow_run_id))
    url = f"{prefect_server.ui_url}/runs/flow-run/{etl_run.flow_run_id}"

    text = visible_text(browser.dump_dom(url))

    assert flow_run.name in text
    assert "Completed" in text
    assert "newsetl" in text and "etl" in text  # the run's tags
    png = browser.screenshot(url, screenshot_dir / "prefect-ui-run.png", size=(1400, 900))
    assert png.read_bytes().startswith(PNG_MAGIC) and png.stat().st_size > 50_000


def test_prefect_ui_shows_the_runs_summary_artifact(browser, etl_run, prefect_server):
    # The server holds only this session's run, so the key's latest artifact is that run's summary.
    text = visible_text(browser.dump_dom(f"{prefect_server.ui_url}/artifacts/key/news-etl-summary"))

    assert "Artifact: news-etl-summary" in text
    assert "newsetl run summary" in text  # the artifact's description, set by the flow
