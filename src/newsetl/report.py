"""The HTML report: one self-contained file (charts embedded as PNG) a colleague can open.

The figures are computed by small pure functions over the tables' DataFrames
(tested without matplotlib); ``render_html`` turns them into a page and
``write_report`` loads the tables and writes ``<out_dir>/report.html``.
"""

from __future__ import annotations

import base64
import html
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from newsetl.store import load

DEFAULT_UI_URL = "http://127.0.0.1:4200"
UNKNOWN_PUBLISHER = "(publisher unknown)"
# Diverging colours for polarity: red negative, grey neutral, blue positive.
POLARITY_CMAP = "RdBu"


@dataclass(frozen=True)
class ReportTables:
    """The tables the report reads, as loaded from an output directory."""

    articles: pd.DataFrame
    speakers: pd.DataFrame
    outlet_mentions: pd.DataFrame
    boilerplate: pd.DataFrame
    runs: pd.DataFrame
    rejects: pd.DataFrame

    @classmethod
    def load(cls, out_dir: str | Path) -> ReportTables:
        return cls(
            articles=load("articles", out_dir, columns=["article_id", "publisher", "title", "polarity", "subjectivity"]),
            speakers=load("speakers", out_dir),
            outlet_mentions=load("outlet_mentions", out_dir, columns=["article_id", "outlet_name", "role"]),
            boilerplate=load("boilerplate", out_dir, columns=["article_id", "category"]),
            runs=load("runs", out_dir),
            rejects=load("rejects", out_dir, columns=["run_id", "source_path", "reason"]),
        )


# ---- links to Prefect --------------------------------------------------------------------------


def prefect_ui_base(environ: Mapping[str, str] | None = None) -> str:
    """The Prefect UI's address: PREFECT_UI_URL, else PREFECT_API_URL without ``/api``, else the local default."""
    environ = os.environ if environ is None else environ
    if environ.get("PREFECT_UI_URL"):
        return environ["PREFECT_UI_URL"].rstrip("/")
    api = environ.get("PREFECT_API_URL", "").rstrip("/")
    if api.endswith("/api"):
        return api[: -len("/api")]
    return DEFAULT_UI_URL


def prefect_run_url(flow_run_id: str, ui_base: str | None = None) -> str:
    """The UI page of one flow run."""
    return f"{(ui_base or prefect_ui_base()).rstrip('/')}/runs/flow-run/{flow_run_id}"


# ---- figures as DataFrames ---------------------------------------------------------------------


def articles_per_publisher(articles: pd.DataFrame) -> pd.Series:
    """Article count per publisher, largest first; articles without a publisher counted together."""
    publishers = articles["publisher"].astype("object").fillna(UNKNOWN_PUBLISHER)
    return publishers.value_counts().rename("articles").rename_axis("publisher")


def sentiment_distribution(articles: pd.DataFrame, bin_width: float = 0.05) -> pd.DataFrame:
    """Histogram of article polarity: columns ``bin_start``, ``bin_end``, ``articles`` (only occupied bins' range)."""
    polarity = articles["polarity"].dropna().astype(float)
    if polarity.empty:
        return pd.DataFrame({"bin_start": [], "bin_end": [], "articles": []})
    n_bins = int(round(2 / bin_width))
    edges = [-1 + i * bin_width for i in range(n_bins + 1)]
    binned = pd.cut(polarity, bins=edges, include_lowest=True, right=False)
    counts = binned.value_counts(sort=False)
    frame = pd.DataFrame(
        {"bin_start": [round(b.left, 4) for b in counts.index], "bin_end": [round(b.right, 4) for b in counts.index], "articles": counts.values}
    )
    # polarity == 1.0 falls outside [x, 1.0); count it in the last bin.
    frame.loc[frame.index[-1], "articles"] += int((polarity >= 1.0).sum())
    occupied = frame.index[frame["articles"] > 0]
    return frame.loc[occupied.min() : occupied.max()].reset_index(drop=True)


def top_speakers(speakers: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The n most quoted speakers with roles and mean polarity of their quotes."""
    columns = ["name", "roles", "n_quotes", "n_articles", "polarity_mean"]
    frame = speakers.sort_values(["n_quotes", "n_articles", "name"], ascending=[False, False, True]).head(n)[columns]
    roles = frame["roles"].map(lambda r: ", ".join(list(r)[:2]) if r is not None and len(r) else "")
    return frame.assign(roles=roles).reset_index(drop=True)


def outlets_cited_per_publisher(mentions: pd.DataFrame, articles: pd.DataFrame, n_outlets: int = 8) -> pd.DataFrame:
    """Articles citing each outlet, per publisher: publishers as rows, the n most cited outlets as columns, plus ``other``."""
    cited = mentions[mentions["role"] == "cited"][["article_id", "outlet_name"]].drop_duplicates()
    publishers = articles[["article_id", "publisher"]].assign(
        publisher=articles["publisher"].astype("object").fillna(UNKNOWN_PUBLISHER)
    )
    joined = cited.merge(publishers, on="article_id", how="inner")
    if joined.empty:
        return pd.DataFrame()
    top = joined["outlet_name"].value_counts().head(n_outlets).index.tolist()
    joined = joined.assign(outlet=joined["outlet_name"].where(joined["outlet_name"].isin(top), "other"))
    table = joined.pivot_table(index="publisher", columns="outlet", values="article_id", aggfunc="count", fill_value=0)
    order = [o for o in top if o in table.columns] + (["other"] if "other" in table.columns else [])
    table = table[order]
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index]
    table.columns.name = None
    return table.astype(int)


def boilerplate_per_category(boilerplate: pd.DataFrame) -> pd.Series:
    """Removed lines per boilerplate category, largest first."""
    return boilerplate["category"].astype("object").fillna("unknown").value_counts().rename("lines").rename_axis("category")


def runs_history(runs: pd.DataFrame, ui_base: str | None = None) -> pd.DataFrame:
    """One row per run, newest first, with total seconds and the Prefect UI link (empty without a flow run id)."""
    if runs.empty:
        return pd.DataFrame(columns=["run_id", "started_at", "status", "n_files_seen", "n_articles_new", "n_unchanged", "n_rejected", "seconds", "prefect_url"])
    ordered = runs.sort_values("started_at", ascending=False)
    total = ordered["seconds"].map(lambda s: round(dict(s or []).get("total", float("nan")), 1))
    urls = ordered["flow_run_id"].map(lambda i: prefect_run_url(i, ui_base) if isinstance(i, str) and i else "")
    columns = ["run_id", "started_at", "status", "n_files_seen", "n_articles_new", "n_unchanged", "n_rejected"]
    return ordered[columns].assign(seconds=total.values, prefect_url=urls.values).reset_index(drop=True)


def headline_numbers(tables: ReportTables) -> dict[str, int]:
    return {
        "articles": len(tables.articles),
        "publishers": int(tables.articles["publisher"].nunique()),
        "speakers": len(tables.speakers),
        "quotes": int(tables.speakers["n_quotes"].sum()) if len(tables.speakers) else 0,
        "outlets cited": int(tables.outlet_mentions.loc[tables.outlet_mentions["role"] == "cited", "outlet_name"].nunique()),
        "boilerplate lines removed": len(tables.boilerplate),
        "rejected files": len(tables.rejects),
        "runs": len(tables.runs),
    }


# ---- charts ------------------------------------------------------------------------------------


def _figure(height: float):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, height), dpi=100)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _png_img(fig, alt: str) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


def barh_chart(counts: pd.Series, title: str, xlabel: str, colors=None) -> str:
    """A horizontal bar chart of a labelled count series (largest at the top), as an <img> tag."""
    counts = counts.iloc[:25]
    fig, ax = _figure(max(1.6, 0.32 * len(counts) + 1.0))
    labels = [str(label) for label in counts.index][::-1]
    ax.barh(labels, counts.values[::-1], color=(colors[::-1] if colors is not None else "#3b6ea5"))
    for y, value in enumerate(counts.values[::-1]):
        ax.text(value, y, f" {value:,}", va="center", fontsize=8)
    ax.set_title(title, loc="left", fontsize=11)
    ax.set_xlabel(xlabel)
    return _png_img(fig, title)


def sentiment_chart(distribution: pd.DataFrame) -> str:
    fig, ax = _figure(2.8)
    if not distribution.empty:
        import matplotlib

        cmap = matplotlib.colormaps[POLARITY_CMAP]
        mids = (distribution["bin_start"] + distribution["bin_end"]) / 2
        colors = [cmap(0.5 + m / 2) for m in mids]
        ax.bar(distribution["bin_start"], distribution["articles"], width=distribution["bin_end"] - distribution["bin_start"], align="edge", color=colors, edgecolor="#555", linewidth=0.4)
    ax.axvline(0, color="#333", linewidth=0.8, linestyle=":")
    ax.set_title("Article polarity (TextBlob, −1 negative … +1 positive)", loc="left", fontsize=11)
    ax.set_xlabel("polarity")
    ax.set_ylabel("articles")
    return _png_img(fig, "Sentiment distribution")


def speakers_chart(speakers: pd.DataFrame) -> str:
    import matplotlib
    from matplotlib.colors import Normalize

    fig, ax = _figure(max(1.6, 0.32 * len(speakers) + 1.2))
    norm = Normalize(vmin=-0.5, vmax=0.5)
    cmap = matplotlib.colormaps[POLARITY_CMAP]
    rows = speakers.iloc[::-1]
    ax.barh(rows["name"], rows["n_quotes"], color=[cmap(norm(p)) for p in rows["polarity_mean"].fillna(0)], edgecolor="#555", linewidth=0.4)
    for y, (n, p) in enumerate(zip(rows["n_quotes"], rows["polarity_mean"])):
        ax.text(n, y, f" {n}  (polarity {p:+.2f})", va="center", fontsize=8)
    ax.set_title("Top speakers: quotes, coloured by mean polarity", loc="left", fontsize=11)
    ax.set_xlabel("quotes")
    ax.set_xlim(0, max(rows["n_quotes"].max() * 1.35, 1) if len(rows) else 1)
    fig.colorbar(matplotlib.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, label="mean polarity", fraction=0.03)
    return _png_img(fig, "Top speakers")


def outlets_chart(table: pd.DataFrame) -> str:
    import matplotlib

    fig, ax = _figure(max(1.8, 0.4 * len(table) + 1.4))
    cmap = matplotlib.colormaps["tab10"]
    left = pd.Series(0, index=table.index)
    publishers = [str(p) for p in table.index][::-1]
    for i, outlet in enumerate(table.columns):
        values = table[outlet].iloc[::-1]
        ax.barh(publishers, values.values, left=left.iloc[::-1].values, label=str(outlet), color="#bbbbbb" if outlet == "other" else cmap(i % 10))
        left = left + table[outlet]
    ax.set_title("Outlets cited per publisher (articles citing)", loc="left", fontsize=11)
    ax.set_xlabel("articles citing the outlet")
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    return _png_img(fig, "Outlets cited per publisher")


# ---- HTML --------------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, -apple-system, 'DejaVu Sans', sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; padding: 0 1rem; }
h1 { margin-bottom: 0.2rem; } .meta { color: #666; margin-top: 0; }
section { margin: 2rem 0; } img { max-width: 100%; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: 0.6rem; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem 0.9rem; min-width: 7rem; }
.card b { display: block; font-size: 1.4rem; }
.empty { color: #888; font-style: italic; }
"""


def html_table(frame: pd.DataFrame, links: Mapping[str, str] | None = None, index: bool = False) -> str:
    """An HTML table; ``links`` maps a column to the column holding its URL (which is then not shown)."""
    links = dict(links or {})
    if index:
        frame = frame.reset_index()
    hidden = set(links.values())
    columns = [c for c in frame.columns if c not in hidden]
    numeric = {c for c in columns if pd.api.types.is_numeric_dtype(frame[c])}
    head = "".join(f'<th class="{"num" if c in numeric else ""}">{html.escape(str(c))}</th>' for c in columns)
    body = []
    for _, row in frame.iterrows():
        cells = []
        for c in columns:
            text = html.escape(_format(row[c]))
            if c in links and row[links[c]]:
                text = f'<a href="{html.escape(str(row[links[c]]))}">{text}</a>'
            cells.append(f'<td class="{"num" if c in numeric else ""}">{text}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _format(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def render_html(tables: ReportTables, generated_at: datetime, ui_base: str | None = None, charts: bool = True) -> str:
    """The whole report page. ``charts=False`` leaves the images out (fast, for tests of the text)."""
    ui_base = ui_base or prefect_ui_base()
    numbers = headline_numbers(tables)
    publishers = articles_per_publisher(tables.articles)
    distribution = sentiment_distribution(tables.articles)
    speakers = top_speakers(tables.speakers)
    cited = outlets_cited_per_publisher(tables.outlet_mentions, tables.articles)
    categories = boilerplate_per_category(tables.boilerplate)
    history = runs_history(tables.runs, ui_base)

    def chart(make, data, *args) -> str:
        if not charts:
            return ""
        if len(data) == 0:
            return '<p class="empty">nothing to chart yet</p>'
        return make(data, *args)

    latest = history.iloc[0] if len(history) else None
    latest_link = (
        f'<p>Latest run <code>{html.escape(str(latest["run_id"]))}</code> ({html.escape(str(latest["status"]))}): '
        f'<a href="{html.escape(latest["prefect_url"])}">open it in the Prefect UI</a></p>'
        if latest is not None and latest["prefect_url"]
        else ""
    )
    cards = "".join(f'<div class="card"><b>{value:,}</b>{html.escape(name)}</div>' for name, value in numbers.items())
    sections = [
        ("Articles per publisher", chart(barh_chart, publishers, "Articles per publisher", "articles") + html_table(publishers.reset_index())),
        ("Sentiment distribution", chart(sentiment_chart, distribution) + _polarity_summary(tables.articles)),
        ("Top speakers", chart(speakers_chart, speakers) + html_table(speakers)),
        ("Outlets cited per publisher", chart(outlets_chart, cited) + (html_table(cited, index=True) if len(cited) else '<p class="empty">no outlet is cited</p>')),
        ("Boilerplate removed per category", chart(barh_chart, categories, "Boilerplate lines removed per category", "lines") + html_table(categories.reset_index())),
        ("Runs", html_table(history, links={"run_id": "prefect_url"}) + '<p class="meta">Each run id links to its flow run in the Prefect UI '
         f'at {html.escape(ui_base)} (runs made with the temporary embedded API are there when its server uses the same PREFECT_HOME).</p>'),
    ]
    body = "".join(f"<section><h2>{html.escape(title)}</h2>{content}</section>" for title, content in sections)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>newsetl report</title>"
        f"<style>{_CSS}</style></head><body>"
        "<h1>newsetl report</h1>"
        f'<p class="meta">Generated {generated_at:%Y-%m-%d %H:%M} UTC from the tables of newsetl.</p>'
        f"{latest_link}<div class=\"cards\">{cards}</div>{body}</body></html>\n"
    )


def _polarity_summary(articles: pd.DataFrame) -> str:
    polarity = articles["polarity"].dropna()
    if polarity.empty:
        return '<p class="empty">no article has a polarity yet</p>'
    return (
        f"<p>Mean article polarity {polarity.mean():+.3f} (median {polarity.median():+.3f}); "
        f"{(polarity < 0).sum():,} negative, {(polarity == 0).sum():,} neutral, {(polarity > 0).sum():,} positive articles.</p>"
    )


def write_report(out_dir: str | Path, path: str | Path | None = None, ui_base: str | None = None) -> Path:
    """Load the tables under ``out_dir`` and write the report (default ``<out_dir>/report.html``)."""
    out_dir = Path(out_dir)
    path = Path(path) if path else out_dir / "report.html"
    page = render_html(ReportTables.load(out_dir), datetime.now(timezone.utc), ui_base)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, path)
    return path
