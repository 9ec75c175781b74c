"""A damaged output directory is reported, never silently read as fewer or more rows (issue 9).

``Store.problems()`` (what ``newsetl doctor`` prints) names each bad file and the
fix; ``Store.open()``, the first thing every run does, refuses to go on while
there is one. ``Store.repair()`` drops the damaged batches, and the next run
reprocesses exactly their articles.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import newsetl
from newsetl.store import CorruptPart, Store

from reliability_support import diff_snapshots, flow_env, run_direct, run_flow, snapshot, write_corpus


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, Path, dict]:
    root = tmp_path_factory.mktemp("corrupt")
    raw = write_corpus(root / "raw")
    run_direct(raw, root / "out", batch_size=4)
    return raw, root / "out", snapshot(root / "out")


@pytest.fixture()
def damaged(pristine, tmp_path) -> tuple[Path, Path, dict]:
    """A copy of a healthy output directory, free to break."""
    raw, out, expected = pristine
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    return raw, copy, expected


def batch_part(out: Path, table: str, n: int = 0) -> Path:
    return sorted(p for p in (out / table).glob("part-*.parquet") if "empty" not in p.name)[n]


def assert_reported(out: Path, part: Path, words: str) -> str:
    problems = Store(out).problems()
    rel = part.relative_to(out).as_posix()
    mine = [p for p in problems if p.startswith(rel)]
    assert len(mine) == 1, problems
    assert words in mine[0] and "fix:" in mine[0]
    with pytest.raises(CorruptPart) as err:  # the next run stops before touching anything
        Store(out).open()
    assert rel in str(err.value)
    return mine[0]


def test_healthy_directory_has_no_problems(pristine):
    _, out, _ = pristine
    assert Store(out).problems() == []
    assert Store(out).problems(deep=True) == []


def test_truncated_part_is_reported_by_name_with_the_fix(damaged):
    _, out, _ = damaged
    part = batch_part(out, "sentences")
    data = part.read_bytes()
    part.write_bytes(data[: len(data) // 2])
    message = assert_reported(out, part, "is not a readable Parquet file")
    assert "newsetl doctor --repair" in message


def test_garbage_part_is_reported(damaged):
    _, out, _ = damaged
    part = batch_part(out, "quotes")
    part.write_bytes(b"\x00garbage" * 300)
    assert_reported(out, part, "is not a readable Parquet file")


def test_valid_part_with_other_rows_is_reported_not_read_as_fewer_rows(damaged):
    _, out, _ = damaged
    part, other = batch_part(out, "articles", 0), batch_part(out, "articles", 2)
    shutil.copy(other, part)  # a whole, readable Parquet file: only the row count gives it away
    assert_reported(out, part, "rows but")


def test_missing_part_is_reported(damaged):
    _, out, _ = damaged
    part = batch_part(out, "outlet_mentions")
    part.unlink()
    assert_reported(out, part, "is missing")


def test_stray_part_is_reported_instead_of_read_as_extra_rows(damaged):
    _, out, _ = damaged
    stray = out / "articles" / "part-copy.parquet"
    shutil.copy(batch_part(out, "articles"), stray)
    assert_reported(out, stray, "is not in the manifest")


def test_damage_inside_a_data_page_is_found_by_the_deep_check(damaged):
    _, out, _ = damaged
    part = batch_part(out, "articles")
    data = bytearray(part.read_bytes())
    # the footer (and so the row count) is intact; the article bodies are not
    for i in range(200, min(len(data) - 2000, 1200)):
        data[i] = 0xFF
    part.write_bytes(bytes(data))
    deep = Store(out).problems(deep=True)
    assert any(p.startswith(part.relative_to(out).as_posix()) and "not a readable Parquet file" in p for p in deep), deep


@pytest.mark.parametrize("table", ["speakers", "outlets", "runs"])
def test_unreadable_rebuilt_or_run_table_is_reported(damaged, table):
    _, out, _ = damaged
    part = sorted((out / table).glob("*.parquet"))[0]
    part.write_bytes(b"PAR1 not really")
    assert_reported(out, part, "is not a readable Parquet file")


def test_unreadable_manifest_record_is_reported_with_the_fix(damaged):
    _, out, _ = damaged
    record = sorted(p for p in (out / "_state" / "manifest").glob("*.json") if "empty" not in p.name)[0]
    record.write_text('{"batch_id": "trunc')
    problems = Store(out).problems()
    assert len(problems) == 1 and problems[0].startswith(f"_state/manifest/{record.name} is not a readable manifest")
    assert f"part-{record.stem}.parquet" in problems[0]
    with pytest.raises(CorruptPart):
        Store(out).open()


def test_journal_whose_staged_part_is_gone_stops_the_run_with_the_fix(damaged):
    _, out, _ = damaged
    journal = out / "_state" / "journal" / "lost-batch.json"
    journal.write_text(json.dumps({
        "batch_id": "lost-batch", "run_id": "r", "files": {"articles": "articles/part-lost-batch.parquet"},
        "rows": {"articles": 1}, "moves": {str(out / "_staging" / "r" / "articles.parquet"): "articles/part-lost-batch.parquet"},
    }))
    with pytest.raises(CorruptPart) as err:
        Store(out).open()
    assert "lost its part articles/part-lost-batch.parquet" in str(err.value) and "delete" in str(err.value)


def test_repair_drops_damaged_batches_and_the_next_run_restores_every_row(damaged):
    raw, out, expected = damaged
    part = batch_part(out, "sentences", 1)
    part.write_bytes(part.read_bytes()[:100])
    dropped = Store(out).repair()
    assert len(dropped) == 1 and part.name == f"part-{dropped[0]}.parquet"
    assert Store(out).problems() == []
    summary = run_direct(raw, out, batch_size=4)
    assert summary["n_articles_new"] > 0
    assert not diff_snapshots(expected, snapshot(out))


def test_flow_stops_on_a_corrupt_part_naming_the_file_and_the_fix(damaged, prefect_harness, tmp_path):
    from prefect.settings import PREFECT_API_URL

    raw, out, _ = damaged
    part = batch_part(out, "quotes")
    part.write_bytes(part.read_bytes()[:-50])
    before = sorted(p.name for p in (out / "articles").iterdir())
    code, output = run_flow(raw, out, flow_env(PREFECT_API_URL.value(), tmp_path / "prefect"))
    assert code != 0
    assert f"quotes/{part.name} is not a readable Parquet file" in output
    assert "newsetl doctor --repair" in output
    assert sorted(p.name for p in (out / "articles").iterdir()) == before
    assert len(newsetl.load("articles", out)) == len(newsetl.load("articles", out)["article_id"].unique())
