"""Faults through the real CLI entry point: disk full, unwritable folders, odd targets, interrupts, pipes.

Disk full and unwritable folders are injected as OSError(ENOSPC / EACCES) in the one atomic writer
(the tests run as root in CI, where permissions do not stop a write, and mounting a tmpfs needs
privileges a test must not assume).
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from workshop.core.model import Meta, Partner, Workshop
from workshop.core.service import Workshops
from workshop.core.storage import atomic


def fail_writes(monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC) -> None:
    def refuse(fd: int, data: bytes) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic, "_write_all", refuse)
    real_open = os.open

    def refuse_temp(path, flags, mode=0o777, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith(".tmp") and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code))
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "open", refuse_temp)


@pytest.fixture
def stored(data_dir: Path) -> str:
    workshop = Workshop(meta=Meta(title="Stored"))
    workshop.partners.append(Partner(organisation="Org", email="secret@example.org", phone="+1 555 0100"))
    return Workshops.at(data_dir).add(workshop).id


# --------------------------------------------------------------------------- #5 disk full


@pytest.mark.parametrize("command", ["import", "export", "demo-import", "open-backup"])
def test_disk_full_is_one_sentence(command: str, cli, data_dir: Path, stored: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "w.json"
    source.write_text(json.dumps({"schema_version": 1, "meta": {"title": "New"}}))
    fail_writes(monkeypatch)
    if command == "import":
        result = cli("import", str(source))
    elif command == "export":
        result = cli("export", stored, "--format", "md", "--out", str(tmp_path / "x.md"))
    elif command == "demo-import":
        from workshop.core.errors import WorkshopError

        with pytest.raises(WorkshopError):
            Workshops.at(data_dir).demo("en")
        return
    else:
        opened = Workshops.at(data_dir).open(stored)  # the backup taken on open cannot be written: opens anyway
        opened.lock.release()
        return
    result.assert_clear_error()
    assert "disk is full" in result.err or "No space left" in result.err
    monkeypatch.undo()
    assert Workshops.at(data_dir).load(stored).meta.title == "Stored"
    assert not any(p.name.endswith(".tmp") for p in tmp_path.rglob("*"))


def test_an_unwritable_out_folder(cli, stored: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fail_writes(monkeypatch, errno.EACCES)
    result = cli("export", stored, "--format", "md", "--out", str(tmp_path / "x.md"))
    result.assert_clear_error()
    assert "Permission denied" in result.err


# --------------------------------------------------------------------------- #12 tracebacks


def test_a_300_character_out_name(cli, stored: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("export", stored, "--format", "md", "--out", str(tmp_path / ("n" * 300)))
    result.assert_clear_error()


def test_ctrl_c_during_an_export_leaves_nothing(cli, stored: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import workshop.core.export as export

    def interrupted(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(export, "render", interrupted)
    result = cli("export", stored, "--format", "md", "--out", str(tmp_path / "x.md"))
    result.assert_clear_error()
    assert result.code == 130
    assert list(tmp_path.glob("*x.md*")) == []


def test_sigterm_during_an_export_leaves_no_temp_file(cli, stored: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import signal

    real = atomic.write_with

    def signalled(path, writer, **kwargs):  # type: ignore[no-untyped-def]
        def write_then_term(temp: Path):  # type: ignore[no-untyped-def]
            writer(temp)
            os.kill(os.getpid(), signal.SIGTERM)  # arrives while the temp file exists

        return real(path, write_then_term, **kwargs)

    monkeypatch.setattr("workshop.core.export.write_with", signalled)
    result = cli("export", stored, "--format", "md", "--out", str(tmp_path / "x.md"))
    result.assert_clear_error()
    assert result.code == 143
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == []


def test_broken_pipe_is_quiet(cli, stored: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    class Closed:
        def write(self, _text: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def fileno(self) -> int:
            return os.open(os.devnull, os.O_WRONLY)

        def flush(self) -> None: ...

    monkeypatch.setattr(sys, "stdout", Closed())
    result = cli("list")
    assert result.code == 141 and "Traceback" not in result.err


def test_a_huge_integer_on_disk(cli, data_dir: Path, stored: str) -> None:  # type: ignore[no-untyped-def]
    path = data_dir / "workshops" / f"{stored}.json"
    path.write_bytes(path.read_bytes().replace(b'"approach":50', b'"approach":' + b"9" * 5000))
    for argv in (("list",), ("export", stored, "--format", "md")):
        result = cli(*argv)
        assert "Traceback" not in result.err
    assert "damaged" in cli("list").err


# --------------------------------------------------------------------------- #13 export targets


def test_out_dir_slash_for_a_missing_folder(cli, stored: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("export", stored, "--format", "md", "--out", str(tmp_path / "nowhere") + "/")
    result.assert_clear_error()
    assert not (tmp_path / "nowhere").exists()


def test_force_never_replaces_a_device_or_fifo(cli, stored: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/null"):
        cli("export", stored, "--format", "md", "--out", target, "--force").assert_clear_error()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_dangling_symlink_is_not_replaced(cli, stored: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "gone")
    cli("export", stored, "--format", "md", "--out", str(link)).assert_clear_error()
    assert link.is_symlink()


# --------------------------------------------------------------------------- #14 modes and formats


def test_first_lang_creates_a_private_data_folder(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from workshop.cli import main

    fresh = tmp_path / "fresh" / "data"
    old = os.umask(0o022)
    try:
        main(["--data-dir", str(fresh), "--lang", "ar", "list"], environ={})
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    assert stat.S_IMODE((fresh / "settings.json").stat().st_mode) == 0o600


@pytest.mark.parametrize("audience, mode", [("facilitator", 0o600), ("participants", 0o644)])
def test_export_modes(audience: str, mode: int, cli, stored: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old = os.umask(0o022)
    try:
        result = cli("export", stored, "--format", "json", "--audience", audience, "--out", str(tmp_path / "e.json"))
    finally:
        os.umask(old)
    assert result.code == 0, result.err
    assert stat.S_IMODE((tmp_path / "e.json").stat().st_mode) == mode


def test_json_exports_are_valid_json(data_dir: Path, tmp_path: Path) -> None:
    from workshop.core.errors import SchemaProblem
    from workshop.core.model import workshop_from_dict

    with pytest.raises(SchemaProblem):
        workshop_from_dict({"schema_version": 1, "meta": {"title": "x"},
                            "goals": [{"text": "g", "plans": [{"action": "a", "budget": float("inf")}]}]})


# --------------------------------------------------------------------------- #10 raw escapes


def test_no_raw_escape_from_any_message(cli, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    title = "T\x1b]52;c;aGVsbG8=\x07\x1b[2J\x1b]0;owned\x07\nfake-id  en  setup  forged row"
    workshops = Workshops.at(data_dir)
    workshop = workshops.create(title, "en")
    held = workshops.store.lock(workshop.id)
    try:
        from workshop.core.errors import WorkshopError
        from workshop.cli import say_error
        from workshop.core.content import load_catalogue

        with pytest.raises(WorkshopError) as caught:
            workshops.open(workshop.id)
        said = say_error(load_catalogue("en"), caught.value)
        assert "\x1b" not in said and "\x07" not in said and "\n" not in said
    finally:
        held.release()
    listed = cli("list")
    assert "\x1b" not in listed.out and len(listed.out.splitlines()) == 1
    assert "\x1b" not in cli("export", "\x1b[2J[/x]", "--format", "md").err


# --------------------------------------------------------------------------- #8 the home screen's export


def test_free_path_never_overwrites(tmp_path: Path) -> None:
    from workshop.core.export import free_path

    first = tmp_path / "same-title-facilitator-en.json"
    first.write_text("one")
    assert free_path(first).name == "same-title-facilitator-en-2.json"
