"""The HTML report's figures (pure functions over DataFrames) and the page they make."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pandas as pd
import pytest

from newsetl import report
from newsetl.store import BatchRecord, Store, write_parquet
from newsetl.tables import to_table

WHEN = datetime(2025, 3, 12, 6, 0, tzinfo=timezone.utc)


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    return to_table(table, rows).to_pandas()


@pytest.fixture()
def tables() -> report.ReportTables:
    articles = frame("articles", [
        {"article_id": "a1", "publisher": "The Linford Courier", "title": "Bridge repairs", "polarity": -0.2},
        {"article_id": "a2", "publisher": "The Linford Courier", "title": "Library hours", "polarity": 0.45},
        {"article_id": "a3", "publisher": "Valley Post", "title": "Late frost", "polarity": 0.01},
        {"article_id": "a4", "publisher": None, "title": "Wire copy", "polarity": None},
    ])
    speakers = frame("speakers", [
        {"speaker_id": "s1", "name": "Odile Fenwick", "roles": ["Mayor"], "n_quotes": 3, "n_articles": 1, "polarity_mean": 0.1},
        {"speaker_id": "s2", "name": "Wilhelmina Osei", "roles": ["library director", "author"], "n_quotes": 5, "n_articles": 2, "polarity_mean": 0.6},
        {"speaker_id": "s3", "name": "Bertram Achterberg", "roles": [], "n_quotes": 1, "n_articles": 1, "polarity_mean": -0.4},
    ])
    mentions = frame("outlet_mentions", [
        {"article_id": "a1", "outlet_name": "Reuters", "role": "cited"},
        {"article_id": "a1", "outlet_name": "Reuters", "role": "cited"},  # a second mention in the same article
        {"article_id": "a2", "outlet_name": "Reuters", "role": "cited"},
        {"article_id": "a2", "outlet_name": "The Linford Courier", "role": "publisher"},
        {"article_id": "a3", "outlet_name": "Financial Times", "role": "cited"},
    ])
    boilerplate = frame("boilerplate", [
        {"article_id": "a1", "category": "advertising"},
        {"article_id": "a2", "category": "advertising"},
        {"article_id": "a3", "category": "copyright"},
    ])
    runs = frame("runs", [
        {"run_id": "r1", "flow_run_id": "11111111-2222-3333-4444-555555555555", "started_at": WHEN, "status": "completed",
         "n_files_seen": 4, "n_articles_new": 4, "n_unchanged": 0, "n_rejected": 0, "seconds": [("total", 12.34)]},
        {"run_id": "r0", "flow_run_id": None, "started_at": datetime(2025, 3, 11, tzinfo=timezone.utc), "status": "completed",
         "n_files_seen": 0, "n_articles_new": 0, "n_unchanged": 0, "n_rejected": 0, "seconds": []},
    ])
    rejects = frame("rejects", [{"run_id": "r1", "source_path": "courier/empty.txt", "reason": "empty"}])
    return report.ReportTables(articles, speakers, mentions, boilerplate, runs, rejects)


def test_articles_per_publisher_counts_unknown_publishers_together(tables):
    counts = report.articles_per_publisher(tables.articles)

    assert counts.to_dict() == {"The Linford Courier": 2, "Valley Post": 1, report.UNKNOWN_PUBLISHER: 1}


def test_sentiment_distribution_bins_article_polarity_over_the_occupied_range(tables):
    bins = report.sentiment_distribution(tables.articles, bin_width=0.25)

    assert bins.to_dict("records") == [
        {"bin_start": -0.25, "bin_end": 0.0, "articles": 1},
        {"bin_start": 0.0, "bin_end": 0.25, "articles": 1},
        {"bin_start": 0.25, "bin_end": 0.5, "articles": 1},
    ]


def test_sentiment_distribution_counts_a_polarity_of_exactly_one():
    articles = pd.DataFrame({"polarity": [1.0, 0.99]})

    bins = report.sentiment_distribution(articles, bin_width=0.5)

    assert bins.to_dict("records") == [{"bin_start": 0.5, "bin_end": 1.0, "articles": 2}]


def test_top_speakers_are_ordered_by_quotes_with_their_mean_polarity(tables):
    top = report.top_speakers(tables.speakers, n=2)

    assert top.to_dict("records") == [
        {"name": "Wilhelmina Osei", "roles": "library director, author", "n_quotes": 5, "n_articles": 2, "polarity_mean": 0.6},
        {"name": "Odile Fenwick", "roles": "Mayor", "n_quotes": 3, "n_articles": 1, "polarity_mean": 0.1},
    ]


def test_outlets_cited_per_publisher_counts_citing_articles_not_mentions(tables):
    table = report.outlets_cited_per_publisher(tables.outlet_mentions, tables.articles)

    assert table.to_dict("index") == {
        "The Linford Courier": {"Reuters": 2, "Financial Times": 0},
        "Valley Post": {"Reuters": 0, "Financial Times": 1},
    }


def test_outlets_beyond_the_top_ones_are_grouped_as_other(tables):
    table = report.outlets_cited_per_publisher(tables.outlet_mentions, tables.articles, n_outlets=1)

    assert list(table.columns) == ["Reuters", "other"]
    assert table.loc["Valley Post", "other"] == 1


def test_boilerplate_per_category(tables):
    assert report.boilerplate_per_category(tables.boilerplate).to_dict() == {"advertising": 2, "copyright": 1}


def test_runs_history_is_newest_first_and_links_runs_that_have_a_flow_run(tables):
    history = report.runs_history(tables.runs, ui_base="http://127.0.0.1:4200")

    assert list(history["run_id"]) == ["r1", "r0"]
    assert history.loc[0, "prefect_url"] == "http://127.0.0.1:4200/runs/flow-run/11111111-2222-3333-4444-555555555555"
    assert history.loc[0, "seconds"] == 12.3
    assert history.loc[1, "prefect_url"] == ""


@pytest.mark.parametrize(
    ("environ", "base"),
    [
        ({}, "http://127.0.0.1:4200"),
        ({"PREFECT_API_URL": "http://prefect.internal:4200/api"}, "http://prefect.internal:4200"),
        ({"PREFECT_API_URL": "http://x/api", "PREFECT_UI_URL": "https://prefect.example/"}, "https://prefect.example"),
    ],
)
def test_prefect_ui_base_prefers_the_ui_url_then_the_api_url(environ, base):
    assert report.prefect_ui_base(environ) == base


def test_page_has_every_section_and_links_the_latest_run(tables):
    page = report.render_html(tables, WHEN, ui_base="http://127.0.0.1:4200", charts=False)

    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert headings == ["Articles per publisher", "Sentiment distribution", "Top speakers", "Outlets cited per publisher",
                        "Boilerplate removed per category", "Runs"]
    assert '<a href="http://127.0.0.1:4200/runs/flow-run/11111111-2222-3333-4444-555555555555">r1</a>' in page
    assert "open it in the Prefect UI" in page
    assert "<b>4</b>articles" in page and "<b>1</b>rejected files" in page


def test_page_escapes_text_from_the_articles(tables):
    speakers = pd.concat([tables.speakers, frame("speakers", [{"speaker_id": "x", "name": "<script>alert(1)</script>", "n_quotes": 9, "n_articles": 1}])])
    page = report.render_html(report.ReportTables(**{**tables.__dict__, "speakers": speakers}), WHEN, charts=False)

    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_page_embeds_its_charts_as_png_data(tables):
    page = report.render_html(tables, WHEN, ui_base="http://127.0.0.1:4200")

    sources = re.findall(r'<img alt="([^"]+)" src="([^"]{0,30})', page)
    assert [alt for alt, _ in sources] == ["Articles per publisher", "Sentiment distribution", "Top speakers",
                                           "Outlets cited per publisher", "Boilerplate lines removed per category"]
    assert all(src.startswith("data:image/png;base64,") for _, src in sources)
    assert "http" not in re.sub(r'href="http://127.0.0.1:4200[^"]*"|at http://127.0.0.1:4200', "", page)


def test_an_empty_output_dir_still_makes_a_page(tmp_path):
    Store(tmp_path).open()

    path = report.write_report(tmp_path)

    page = path.read_text()
    assert path == tmp_path / "report.html"
    assert "<b>0</b>articles" in page and "nothing to chart yet" in page


def test_write_report_reads_the_committed_tables(tmp_path):
    store = Store(tmp_path / "out")
    store.open()
    part = tmp_path / "staging" / "articles.parquet"
    write_parquet(to_table("articles", [{"article_id": "a1", "publisher": "Valley Post", "title": "Late frost", "polarity": 0.1}]), part)
    store.commit(BatchRecord("r1-00000", "r1", {}, {}, article_ids=("a1",)), {"articles": part})

    page = report.write_report(tmp_path / "out", tmp_path / "elsewhere.html").read_text()

    assert "Valley Post" in page and "Late frost" not in page  # titles are not listed, publishers are
