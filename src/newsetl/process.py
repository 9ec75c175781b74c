"""Process one batch of articles into staged Parquet part files.

decode → split → clean → segment → outlets → quotes/speakers → sentiment, for
every article of the batch; bad inputs become ``rejects`` rows. Runs in a worker
process; takes and returns only paths and small summaries.
"""

from __future__ import annotations

import os
import pickle
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from newsetl import clean as clean_stage
from newsetl import outlets as outlet_stage
from newsetl import quotes as quote_stage
from newsetl import sentiment as sentiment_stage
from newsetl import speakers as speaker_stage
from newsetl.heap import batch_heap
from newsetl.ingest import DEFAULT_MAX_BYTES, RawArticle, RejectedInput, SourceFile, read_articles, split_parts
from newsetl.plan import WorkItem
from newsetl.segment import join_paragraphs, segment
from newsetl.store import write_parquet
from newsetl.tables import BATCH_TABLES, to_table

STAGES = ("read", "clean", "segment", "outlets", "quotes", "sentiment", "write")


@dataclass(frozen=True)
class ProcessConfig:
    max_bytes: int = DEFAULT_MAX_BYTES
    publisher: str | None = None  # one publisher for every article (CLI --publisher)
    publisher_by_dir: tuple[tuple[str, str], ...] = ()  # (source directory prefix, publisher)
    gazetteer_csv: str | None = None
    site_lines_path: str | None = None

    @classmethod
    def of_run(
        cls, max_bytes: int, publisher: str | None, publisher_by_dir: dict[str, str] | None, gazetteer_csv: str | None
    ) -> ProcessConfig:
        """The configuration of a run with these flow parameters (built the same way by the flow and ``newsetl run``)."""
        return cls(max_bytes, publisher, tuple(sorted((publisher_by_dir or {}).items())), gazetteer_csv)


@dataclass(frozen=True)
class BatchResult:
    batch_id: str
    staging_dir: str
    parts: dict[str, str]  # table -> staged file
    article_ids: tuple[str, ...]
    sources: dict[str, str]
    rejected: dict[str, str]  # source_path -> content key
    rows: dict[str, int]
    seconds: dict[str, float]
    ahead: float = 0.0  # of ``seconds``, those spent before the flow asked for the batch (newsetl.headstart)


@dataclass
class _Rows:
    tables: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in BATCH_TABLES + ("rejects",)})
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - start


def process_batch(
    batch_id: str, run_id: str, items: Sequence[WorkItem], staging_root: Path, config: ProcessConfig
) -> BatchResult:
    """Process one batch of work items into Parquet parts under ``staging_root``; commits nothing."""
    with batch_heap():
        return _process_batch(batch_id, run_id, items, staging_root, config)


def _process_batch(
    batch_id: str, run_id: str, items: Sequence[WorkItem], staging_root: Path, config: ProcessConfig
) -> BatchResult:
    return _write_batch(batch_id, run_id, _compute_batch(items, config, run_id), staging_root)


@dataclass
class _Computed:
    """A batch's rows before they are written: what ``prepare_batch`` keeps for a later ``finish_prepared_batch``."""

    rows: _Rows
    article_ids: list[str]
    sources: dict[str, str]
    rejected: dict[str, str]
    span: tuple[float, float] = (0.0, 0.0)  # wall-clock start and end of the computation (time.time())


def _compute_batch(items: Sequence[WorkItem], config: ProcessConfig, run_id: str) -> _Computed:
    computed = _Computed(_Rows(), [], {}, {})
    rows, sources = computed.rows, computed.sources
    site_lines = _site_lines(config.site_lines_path)
    gazetteer = outlet_stage.shared_gazetteer(config.gazetteer_csv)

    for article in _read_items(items, config, rows, computed.rejected, run_id):
        if article.article_id in sources.values():
            continue  # same content reached twice (e.g. a JSONL line repeated): counted once
        try:
            _process_article(article, run_id, config, site_lines, gazetteer, rows)
        except RejectedInput as err:
            _reject(rows, computed.rejected, run_id, article.source_path, article.article_id, err)
            continue
        computed.article_ids.append(article.article_id)
        sources[article.source_path] = article.article_id
    return computed


def _write_batch(batch_id: str, run_id: str, computed: _Computed, staging_root: Path) -> BatchResult:
    rows = computed.rows
    staging = Path(staging_root) / batch_id
    parts: dict[str, str] = {}
    counts: dict[str, int] = {}
    with rows.timed("write"):
        for table, table_rows in rows.tables.items():
            path = staging / f"{table}.parquet"
            write_parquet(to_table(table, table_rows), path)
            parts[table] = str(path)
            counts[table] = len(table_rows)
    return BatchResult(
        batch_id, str(staging), parts, tuple(computed.article_ids), computed.sources, computed.rejected, counts,
        dict(rows.seconds),
    )


# Rows carry the run's id in these columns; a prepared batch gets it when it is finished.
_RUN_ID_TABLES = ("articles", "rejects")


def prepare_batch(items: Sequence[WorkItem], config: ProcessConfig, path: Path) -> str:
    """Every stage but the write for one batch, its rows pickled to ``path`` (for ``finish_prepared_batch``).

    ``newsetl run`` prepares its first batches while Prefect's API starts (see newsetl.headstart),
    before the run has an id; the rows are the ones ``process_batch`` would build, run id aside.
    """
    started = time.time()
    with batch_heap():
        computed = _compute_batch(items, config, run_id="")
    computed.span = (started, time.time())
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(computed, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)  # a reader sees the whole file or none
    return str(path)


def finish_prepared_batch(batch_id: str, run_id: str, prepared: Path, staging_root: Path, asked_at: float) -> BatchResult:
    """``process_batch``'s result for a batch ``prepare_batch`` computed: its rows, stamped with ``run_id``, written.

    ``asked_at`` (``time.time()``): when the flow asked for the batch; the result's ``ahead`` is
    the share of its stage seconds spent before that.
    """
    with open(prepared, "rb") as fh:
        computed: _Computed = pickle.load(fh)
    for table in _RUN_ID_TABLES:
        for row in computed.rows.tables[table]:
            row["run_id"] = run_id
    started, finished = computed.span
    share = min(max((min(finished, asked_at) - started) / max(finished - started, 1e-9), 0.0), 1.0)
    ahead = share * sum(computed.rows.seconds.values())
    return replace(_write_batch(batch_id, run_id, computed, staging_root), ahead=ahead)


def _read_items(
    items: Sequence[WorkItem], config: ProcessConfig, rows: _Rows, rejected: dict[str, str], run_id: str
) -> Iterator[RawArticle]:
    by_file: dict[str, list[WorkItem]] = defaultdict(list)
    for item in items:
        by_file[item.path].append(item)
    for path, file_items in by_file.items():
        wanted = {item.source_path: item for item in file_items}
        first = file_items[0]
        base = first.source_path.rsplit(":", 1)[0] if first.line_no is not None else first.source_path
        start = time.perf_counter()
        try:
            source = SourceFile(path, base, os.stat(path).st_size)
            results = list(read_articles(source, config.max_bytes))
        except (RejectedInput, OSError) as err:
            transient = isinstance(err, OSError) or err.reason == "unreadable"
            if transient:
                detail = (err.strerror or str(err)) if isinstance(err, OSError) else err.detail
                err = RejectedInput("unreadable", f"file vanished or became unreadable after discovery: {detail}")
            for item in file_items:
                # A read failure is keyed by the error, not the planned content id: a
                # file that comes back readable with the same bytes must be processed,
                # not skipped as "unchanged". Content problems stay keyed by content.
                key = "error:unreadable" if transient else item.article_id
                _reject(rows, rejected, run_id, item.source_path, key, err)
            continue
        finally:
            rows.seconds["read"] += time.perf_counter() - start
        accounted: set[str] = set()
        for result in results:
            if isinstance(result, RejectedInput):
                where = getattr(result, "source_path", base)
                if where in wanted and where not in accounted:
                    accounted.add(where)
                    _reject(rows, rejected, run_id, where, wanted[where].article_id, result)
            elif result.source_path in wanted and result.source_path not in accounted:
                accounted.add(result.source_path)
                yield result
        for source_path, item in wanted.items():
            if source_path not in accounted:  # the file changed after planning: that line is gone
                err = RejectedInput("changed", f"{source_path} changed while the run was reading it; the next run retries it")
                _reject(rows, rejected, run_id, source_path, "error:changed", err)


def _process_article(article: RawArticle, run_id: str, config: ProcessConfig, site_lines, gazetteer, rows: _Rows) -> None:
    parts = split_parts(article)
    hint = article.source or _publisher_hint(article.source_path, config)
    with rows.timed("clean"):
        group = clean_stage.site_group(parts, article.source_path, hint)
        cleaned = clean_stage.clean(parts, source=hint, site_lines=site_lines, group=group)
    title = cleaned.title if article.title is None else article.title
    if not cleaned.paragraphs:
        raise RejectedInput("no_body", "no article text after the title" + (" and dek" if cleaned.dek else ""))
    body = join_paragraphs(cleaned.paragraphs)
    with rows.timed("segment"):
        seg = segment(body)
    with rows.timed("outlets"):
        mentions = outlet_stage.find_outlets(seg, gazetteer, cleaned.publisher)
    with rows.timed("quotes"):
        found = quote_stage.find_attributions(seg, mentions)
        quotes, acts = found.quotes, found.acts
        speaker_ids = speaker_stage.assign_speaker_ids(quotes, article.article_id)
        act_speaker_ids = speaker_stage.assign_speaker_ids(acts, article.article_id)
    with rows.timed("sentiment"):
        spans = [(s.char_start, s.char_end) for s in seg.sentences] + [(q.char_start, q.char_end) for q in quotes]
        body_score, span_scores = sentiment_stage.score_spans(body, spans)
    sentence_scores = span_scores[: len(seg.sentences)]
    quote_scores = span_scores[len(seg.sentences) :]

    aid = article.article_id
    rows.tables["articles"].append(
        {
            "article_id": aid,
            "source_path": article.source_path,
            "publisher": cleaned.publisher,
            "title": title,
            "dek": cleaned.dek,
            "body": body,
            "url": article.url,
            "published": article.published,
            "encoding": article.encoding,
            "n_chars_raw": len(article.text),
            "n_chars_body": len(body),
            "n_boilerplate_lines": len(cleaned.removed),
            "n_paragraphs": len(seg.paragraphs),
            "n_sentences": len(seg.sentences),
            "n_quotes": len(quotes),
            "clean_flag": cleaned.flag,
            "polarity": body_score.polarity,
            "subjectivity": body_score.subjectivity,
            "run_id": run_id,
        }
    )
    rows.tables["boilerplate"].extend(
        {"article_id": aid, "line_no": r.line_no, "text": r.text, "category": r.category, "rule": r.rule}
        for r in cleaned.removed
    )
    rows.tables["sentences"].extend(
        {
            "article_id": aid,
            "sentence_idx": s.sentence_idx,
            "paragraph_idx": s.paragraph_idx,
            "char_start": s.char_start,
            "char_end": s.char_end,
            "text": s.text,
            "polarity": score.polarity,
            "subjectivity": score.subjectivity,
        }
        for s, score in zip(seg.sentences, sentence_scores)
    )
    rows.tables["outlet_mentions"].extend(
        {
            "article_id": aid,
            "outlet_id": m.outlet_id,
            "outlet_name": m.outlet_name,
            "surface": m.surface,
            "role": m.role,
            "sentence_idx": m.sentence_idx,
            "char_start": m.char_start,
            "char_end": m.char_end,
            "resolved_by": m.resolved_by,
        }
        for m in mentions
    )
    rows.tables["quotes"].extend(
        {"quote_id": f"{aid[:16]}-{q.quote_idx}", **_attributed_row(aid, q, speaker_id),
         "polarity": score.polarity, "subjectivity": score.subjectivity}
        for q, speaker_id, score in zip(quotes, speaker_ids, quote_scores)
    )
    rows.tables["speech_acts"].extend(
        {"act_id": f"{aid[:16]}-a{a.quote_idx}", **_attributed_row(aid, a, speaker_id)}
        for a, speaker_id in zip(acts, act_speaker_ids)
    )


def _attributed_row(aid: str, q: quote_stage.Quote, speaker_id: str | None) -> dict:
    """The columns quotes and speech acts share (``tables._ATTRIBUTED``)."""
    return {
        "article_id": aid,
        "sentence_idx": q.sentence_idx,
        "kind": q.kind,
        "text": q.text,
        "char_start": q.char_start,
        "char_end": q.char_end,
        "cue": q.cue,
        "speaker_id": speaker_id,
        "speaker_name": q.speaker_name,
        "speaker_surface": q.speaker_surface,
        "speaker_role": q.speaker_role,
        "via_outlet_id": q.via_outlet_id,
        "via_outlet_name": q.via_outlet_name,
    }


def _reject(rows: _Rows, rejected: dict[str, str], run_id: str, source_path: str, key: str, err: RejectedInput) -> None:
    rejected[source_path] = key
    rows.tables["rejects"].append(
        {"run_id": run_id, "source_path": source_path, "content_sha256": key, "reason": err.reason, "detail": err.detail}
    )


def _publisher_hint(source_path: str, config: ProcessConfig) -> str | None:
    if config.publisher:
        return config.publisher
    parent = str(PurePosixPath(source_path.split(":", 1)[0]).parent)
    for prefix, publisher in config.publisher_by_dir:
        if parent == prefix or parent.startswith(prefix.rstrip("/") + "/"):
            return publisher
    return None


def _site_lines(path: str | None):
    return clean_stage.SiteLineIndex.load(Path(path)) if path else None


SiteLineObservation = tuple[str, str, frozenset[int]]  # (site group, article id, edge-line hashes)


def site_line_observations(items: Sequence[WorkItem], config: ProcessConfig) -> list[SiteLineObservation]:
    """What the repeated-line memory learns from each readable article of ``items`` (pure; runs in workers)."""
    observations = []
    with batch_heap():
        for article in _read_items(items, config, _Rows(), {}, run_id=""):
            parts = split_parts(article)
            hint = article.source or _publisher_hint(article.source_path, config)
            group = clean_stage.site_group(parts, article.source_path, hint)
            observations.append((group, article.article_id, clean_stage.edge_line_hashes(parts)))
    return observations


# The repeated-line pass on a pool is split in this many pieces per worker, so a slow piece
# (long files) does not leave the other workers idle at its end.
LEARN_CHUNKS_PER_WORKER = 4


def gather_site_lines(
    items: Sequence[WorkItem], config: ProcessConfig, pool: Executor | None = None, chunks: int = 1
) -> list[SiteLineObservation]:
    """``site_line_observations`` of ``items``, in item order; with a ``pool``, split in ``chunks`` run there."""
    if pool is None or chunks <= 1 or not items:
        return site_line_observations(items, config)
    size = -(-len(items) // chunks)
    pieces = pool.map(site_line_observations, [items[k : k + size] for k in range(0, len(items), size)], [config] * chunks)
    return [observation for piece in pieces for observation in piece]


def observe_site_lines(
    items: Sequence[WorkItem], index_path: Path, config: ProcessConfig, pool: Executor | None = None, chunks: int = 1,
    observations: Sequence[SiteLineObservation] | None = None, out_path: Path | None = None,
) -> str:
    """Feed this run's new articles to the cleaner's repeated-line memory before any batch is cleaned.

    Observing first means the first article of a site benefits from the lines its
    later articles repeat, whatever the batch order. With a ``pool``, the reading and
    hashing is split in ``chunks`` run there; observations are added in item order
    either way, so the saved index does not depend on the workers. ``observations``: already
    gathered for ``items`` (newsetl.headstart). The index is saved to ``out_path`` (default:
    ``index_path``, where it was loaded from); returns that path.
    """
    index = clean_stage.SiteLineIndex.load(Path(index_path))
    if observations is None:
        observations = gather_site_lines(items, config, pool, chunks)
    for group, article_id, hashes in observations:
        index.add(group, article_id, hashes)
    out = Path(out_path or index_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    index.save(out)
    return str(out)
