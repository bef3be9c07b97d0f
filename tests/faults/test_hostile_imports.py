"""Hostile imports through the real CLI: each ends in a stored workshop or one clear sentence.

And whatever happens, what was already stored stays stored and nothing is set aside.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import RAW_CONTROL, Result

from hostile import HOSTILE_IMPORTS
from workshop.core.limits import MAX_FILE_BYTES, MAX_LIST_ITEMS
from workshop.core.service import Workshops

#: Imports that must be refused (the rest may be stored, with their text kept as typed).
REFUSED = {
    "empty", "whitespace", "random_bytes", "truncated", "not_an_object", "a_string", "null", "no_meta",
    "wrong_types", "list_for_object", "unknown_field", "duplicate_ids", "future_schema", "far_future_schema",
    "negative_schema", "schema_as_text", "deep_nesting", "deep_nesting_in_field", "huge_integer",
    "huge_integer_at_top", "nan", "infinity_budget", "minus_infinity", "nul_in_json", "invalid_utf8", "utf16",
    "utf8_bom", "markup_in_keys", "escape_in_keys", "escape_in_unknown_key", "too_many_items_in_a_list",
    "long_title", "huge_text", "dict_keys_storm", "lone_surrogate",
}


@pytest.fixture
def stored(data_dir: Path) -> str:
    """A workshop stored before the hostile import: it must survive every case."""
    return Workshops.at(data_dir).create("Already here", "en").id


def judge(result: Result, data_dir: Path, stored: str, refused: bool) -> None:
    workshops = Workshops.at(data_dir)
    assert workshops.load(stored).meta.title == "Already here"
    assert not any((data_dir / "corrupt").iterdir()), "something was set aside"
    if refused:
        result.assert_clear_error()
        assert [s["id"] for s in workshops.summaries()] == [stored]
    else:
        assert result.code == 0, result.err
        new_id = result.out.strip()
        assert workshops.load(new_id) is not None
        assert not RAW_CONTROL.search(result.err)


@pytest.mark.parametrize("name", sorted(HOSTILE_IMPORTS))
def test_hostile_import(name: str, cli, data_dir: Path, stored: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / f"{name}.json"
    source.write_bytes(HOSTILE_IMPORTS[name])
    judge(cli("import", str(source)), data_dir, stored, refused=name in REFUSED)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_errors_are_said_in_the_interface_language(lang: str, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "dup.json"
    source.write_bytes(HOSTILE_IMPORTS["duplicate_ids"])
    result = cli("import", str(source), lang=lang)
    result.assert_clear_error()
    assert ("share the id" in result.err) == (lang == "en")


def test_dev_zero_is_read_with_a_cap(cli, data_dir: Path, stored: str) -> None:  # type: ignore[no-untyped-def]
    judge(cli("import", "/dev/zero"), data_dir, stored, refused=True)


def test_an_oversized_file_is_refused(cli, data_dir: Path, stored: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = cli("import", str(big))
    judge(result, data_dir, stored, refused=True)
    assert "16 MB" in result.err


@pytest.mark.parametrize("path", ["missing.json", ".", "/proc/self/mem"])
def test_unreadable_paths(path: str, cli, data_dir: Path, stored: str) -> None:  # type: ignore[no-untyped-def]
    judge(cli("import", path), data_dir, stored, refused=True)


def test_a_fifo_with_nothing_is_an_empty_file(cli, data_dir: Path, stored: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR)  # a writer that never writes, then closes: EOF
    os.close(writer)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child: open the write end and close it at once
        fd = os.open(fifo, os.O_WRONLY)
        os.close(fd)
        os._exit(0)
    try:
        judge(cli("import", str(fifo)), data_dir, stored, refused=True)
    finally:
        os.waitpid(pid, 0)


def test_a_list_at_the_limit_imports(cli, data_dir: Path, stored: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    doc = {"schema_version": 1, "meta": {"title": "Full"}, "swot": [
        {"id": f"s{n}", "kind": "strength", "text": "x"} for n in range(MAX_LIST_ITEMS)
    ]}
    source = tmp_path / "full.json"
    source.write_text(json.dumps(doc))
    judge(cli("import", str(source)), data_dir, stored, refused=False)
