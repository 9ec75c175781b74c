"""The gates read off a pattern: the words or signs every match must contain."""

from __future__ import annotations

import json
import os
import re
import time

import pytest

from newsetl import regex_gate
from newsetl.clean import DEFAULT_RULES
from newsetl.regex_gate import Gate, fold, gates_for, required_keys


def gate(pattern: str) -> Gate | None:
    return required_keys(re.compile(pattern, re.IGNORECASE))


def test_a_phrase_anywhere_in_the_line_gates_on_one_of_its_words():
    found = gate(r'^[^"“”]{0,120}\ball rights reserved\W*$')
    assert found is not None and found.marks == frozenset()
    assert found.words in ({"rights"}, {"reserved"})


def test_alternatives_gate_on_every_alternative_with_an_optional_plural():
    # the parser factors "photo|picture" into "p" + "hoto|icture"; the words come back whole
    found = gate(r"^.{0,200}\b(?:photo|picture)s? by (?-i:[A-Z])\w+$")
    assert found == Gate(frozenset({"photo", "photos", "picture", "pictures"}), frozenset())


def test_a_lookahead_s_text_is_required_too():
    assert gate(r"^(?=.{0,80}\bcourtesy\b).{5,120}$") == Gate(frozenset({"courtesy"}), frozenset())


def test_a_sign_gates_as_a_mark():
    assert gate(r"^.{0,100}©\s*\d{4}") == Gate(frozenset(), frozenset({"©"}))


@pytest.mark.parametrize(
    "pattern",
    [r"^\w*photo\b.{0,40}$", r"^\w*(?:photo|picture)s?\b.{0,40}$", r"^.*\Bphoto\b.{0,40}$", r"^.*(?:photo)graph"],
)
def test_a_word_that_may_be_part_of_a_longer_one_is_no_gate(pattern: str):
    # "telephoto" matches and its line's words do not include "photo"
    assert re.match(pattern, "telephotograph lens" if pattern.endswith("graph") else "telephoto lens", re.IGNORECASE)
    assert gate(pattern) is None


def test_a_pattern_that_needs_only_common_words_is_left_ungated():
    assert gate(r"^.{0,80} the .{0,80}$") is None
    assert gate(r"^.{0,80}\.$") is None


def test_an_optional_word_is_not_required():
    assert gate(r"^(?:breaking news: )?.{0,40}\bdeveloping\b") == Gate(frozenset({"developing"}), frozenset())


def test_every_alternative_needs_a_key_or_the_pattern_has_none():
    assert gate(r"^(?:.{0,50}\bsponsored\b|.{0,20})$") is None


def test_flags_that_change_words_or_line_starts_are_not_read():
    assert gate(r"(?m)^.{0,100}\ball rights reserved") is None
    assert gate(r"(?a)^.{0,100}\ball rights reserved") is None


@pytest.fixture(scope="module")
def every_character() -> str:
    return "".join(map(chr, range(0x110000)))


def test_folding_keeps_every_character_one_character_and_its_wordness(every_character: str):
    folded = fold(every_character)
    assert len(folded) == len(every_character)

    def word_mask(text: str) -> str:
        return re.sub(r"\W", "-", re.sub(r"\w", "a", text))

    assert word_mask(folded) == word_mask(every_character)


def test_folding_maps_whatever_ignorecase_equates_with_a_key_character_onto_it(every_character: str):
    # a gate's key at some place in a line proves the pattern can match there only if every
    # character the engine would take for that key folds to exactly it
    keys = set("abcdefghijklmnopqrstuvwxyz0123456789")
    keys |= {char for mark, _ in DEFAULT_RULES.by_mark for char in mark}
    keys |= {char for word in DEFAULT_RULES.by_word for char in word}
    any_key = re.compile("[" + "".join(re.escape(k) for k in sorted(keys)) + "]", re.IGNORECASE)
    for match in any_key.finditer(every_character):
        char = match.group()
        taken_for = {k for k in keys if re.fullmatch(re.escape(k), char, re.IGNORECASE)}
        assert taken_for == {fold(char)}, hex(ord(char))


def test_an_accented_word_gates_when_its_letters_have_one_other_case_each():
    found = gate(r"^(?:läs också|čtěte také)\s*:\s*\S.{0,200}$")
    assert found is not None and found.words in ({"läs", "čtěte"}, {"också", "také"}, {"läs", "také"}, {"också", "čtěte"})
    line = fold("LÄS OCKSÅ: Föräldrar kräver fler vuxna")
    assert found.words & set(re.findall(r"\w+", line))


def test_a_word_with_a_letter_the_engine_equates_with_more_than_its_other_case_is_no_gate():
    # under IGNORECASE "σ" matches "Σ" and the final "ς" too, which lower() keeps apart
    assert gate(r"^διαβάστε επίσης$") is None
    assert gate(r"^читайте також$") is None  # Cyrillic "т" and "о" have older forms the engine also takes


# --- the gates remembered between processes (gates_for) ------------------------------------------

_TABLE = [r.pattern for r in DEFAULT_RULES.rules]


def test_the_remembered_gates_are_the_computed_ones_and_the_second_read_computes_nothing(tmp_path, monkeypatch):
    computed = [required_keys(p) for p in _TABLE]
    assert gates_for(_TABLE, tmp_path) == computed  # cold: computed and written
    assert len(list(tmp_path.glob("gates-*.json"))) == 1

    def fail(pattern):
        raise AssertionError(f"computed again: {pattern.pattern}")

    monkeypatch.setattr(regex_gate, "required_keys", fail)
    assert gates_for(_TABLE, tmp_path) == computed  # warm: read back, identical


def test_another_table_reads_its_own_gates_not_the_file_of_the_first(tmp_path):
    first = [re.compile(r"^all rights reserved\.?$", re.IGNORECASE)]
    second = [re.compile(r"^follow us on twitter$", re.IGNORECASE)]
    assert gates_for(first, tmp_path)[0].words & {"rights", "reserved"}
    assert gates_for(second, tmp_path)[0].words & {"follow", "twitter"}
    assert len(list(tmp_path.glob("gates-*.json"))) == 2


@pytest.mark.parametrize("damage", [b"", b"{\"key\": ", b"[1, 2, 3]", b"\xff\xfe not json", b"{\"key\": \"x\", \"gates\": []}"])
def test_a_damaged_file_costs_only_the_computation_and_is_written_again(tmp_path, damage):
    computed = [required_keys(p) for p in _TABLE]
    gates_for(_TABLE, tmp_path)
    (path,) = tmp_path.glob("gates-*.json")
    path.write_bytes(damage)
    assert gates_for(_TABLE, tmp_path) == computed
    assert json.loads(path.read_text())["key"].startswith(path.stem.removeprefix("gates-"))


def test_a_file_whose_gates_have_no_key_is_not_believed(tmp_path):
    # a gate with no word and no mark would keep its rule from ever being tried: no file this module writes has one
    gates_for(_TABLE, tmp_path)
    (path,) = tmp_path.glob("gates-*.json")
    stored = json.loads(path.read_text())
    stored["gates"] = [None if g is None else {"words": [], "marks": []} for g in stored["gates"]]
    path.write_text(json.dumps(stored))
    assert gates_for(_TABLE, tmp_path) == [required_keys(p) for p in _TABLE]


def test_an_unwritable_cache_directory_still_gives_the_gates(tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory would be")
    assert gates_for(_TABLE, blocked) == [required_keys(p) for p in _TABLE]
    assert list(tmp_path.iterdir()) == [blocked]


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(regex_gate.os, "replace", fail)
    assert gates_for(_TABLE, tmp_path) == [required_keys(p) for p in _TABLE]
    assert list(tmp_path.iterdir()) == []


def test_only_the_newest_files_are_kept_and_a_crashed_writes_leftover_goes(tmp_path):
    leftover = tmp_path / "gates-0123.json0123.tmp"
    leftover.write_text("{")
    os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    tables = [[re.compile(rf"^rule number {k} of the copyright table$", re.IGNORECASE)] for k in range(regex_gate._CACHE_FILES_KEPT + 3)]
    for k, table in enumerate(tables):
        gates_for(table, tmp_path)
        (path,) = [p for p in tmp_path.glob("gates-*.json") if regex_gate._cache_key(table).startswith(p.stem.removeprefix("gates-"))]
        os.utime(path, ns=(k * 10**9, k * 10**9))  # one second apart, whatever the clock's resolution
    kept = {p.name for p in tmp_path.glob("gates-*.json")}
    newest = {f"gates-{regex_gate._cache_key(t)[:40]}.json" for t in tables[-regex_gate._CACHE_FILES_KEPT :]}
    assert kept == newest
    assert not leftover.exists()


def test_the_cache_directory_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(regex_gate.CACHE_ENV, str(tmp_path / "gates"))
    assert regex_gate.cache_dir() == tmp_path / "gates"
    monkeypatch.setenv(regex_gate.CACHE_ENV, "")
    assert regex_gate.cache_dir() is None
    monkeypatch.delenv(regex_gate.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert regex_gate.cache_dir() == tmp_path / "xdg" / "newsetl"
