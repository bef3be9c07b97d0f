"""The command line in Arabic: argparse's own words from the catalogues, and Arabic output
shaped and ordered for a terminal that does not do bidi (`--rtl app`), logical otherwise."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from workshop.cli import main
from workshop.cli_text import ARGPARSE_KEYS
from workshop.core.content import load_catalogue
from workshop.core.rtl import cell_width, display_label
from workshop.core.settings import locale_language

COMMANDS = ([], ["open"], ["demo"], ["list"], ["import"], ["export"], ["restore"], ["present"])
#: argparse's English that must not be left in the Arabic interface.
ENGLISH = re.compile(
    r"usage:|options:|positional arguments|show this help|version number|error:|required|"
    r"unrecognized|invalid choice|invalid int|expected one"
)
ARABIC_LETTER = re.compile("[\u0621-\u064a]")  # a letter as stored (not a presentation form)


class Tty(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, *, tty: bool = False, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = (Tty(), Tty()) if tty else (io.StringIO(), io.StringIO())
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setenv("COLUMNS", "80")
    try:
        code = main(argv, environ={"TERM": "xterm-256color", **(env or {})})
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_every_argparse_word_is_in_both_catalogues() -> None:
    for language in ("en", "ar"):
        catalogue = load_catalogue(language)
        for key in ARGPARSE_KEYS.values():
            name = "cli." + key[3:] if key.startswith("../") else f"cli.argparse.{key}"
            assert catalogue.has(name), (language, name)
    english = load_catalogue("en")
    for message, key in ARGPARSE_KEYS.items():  # English is argparse's own text
        if not key.startswith("../") and key != "expected_n":
            assert english.t(f"cli.argparse.{key}") == message


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "workshop")
def test_help_of_every_command_is_arabic(command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["--lang", "ar", *command, "--help"], monkeypatch)
    assert code == 0
    assert out.startswith("الاستخدام:")
    assert "الخيارات:" in out and "اعرض هذه المساعدة واخرج" in out
    assert not ENGLISH.search(out), ENGLISH.search(out)


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--bogus"],
        ["export"],
        ["export", "x", "--format", "docx"],
        ["open", "x", "--room-port", "eighty"],
        ["open", "x", "--step"],
        ["nonsense"],
    ],
)
def test_usage_errors_are_arabic(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(["--lang", "ar", *argv], monkeypatch)
    assert code == 2 and out == ""
    assert "خطأ في workshop" in err
    assert not ENGLISH.search(err), err


def test_english_stays_argparse_english(monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(["--lang", "en", "export"], monkeypatch)
    assert code == 2
    assert err.startswith("usage: workshop export")
    assert "workshop export: error: the following arguments are required: REF, --format" in err


def test_the_locale_chooses_the_language_of_a_first_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert locale_language({"LANG": "ar_JO.UTF-8"}) == "ar"
    assert locale_language({"LANG": "C.UTF-8"}) == "en"
    assert locale_language({"LC_ALL": "en_GB.UTF-8", "LANG": "ar_EG.UTF-8"}) == "en"
    assert locale_language({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:ar"}) == "ar"
    data = tmp_path / "fresh"
    _, out, _ = run(["--data-dir", str(data), "--help"], monkeypatch, env={"LANG": "ar_JO.UTF-8"})
    assert out.startswith("الاستخدام:")
    _, out, _ = run(["--data-dir", str(data), "--lang", "en", "list"], monkeypatch, env={"LANG": "ar_JO.UTF-8"})
    _, out, _ = run(["--data-dir", str(data), "--help"], monkeypatch, env={"LANG": "ar_JO.UTF-8"})
    assert out.startswith("usage:"), "a remembered choice wins over the locale"


def test_a_terminal_without_bidi_gets_shaped_mirrored_help(monkeypatch: pytest.MonkeyPatch) -> None:
    _, logical, _ = run(["--lang", "ar", "--rtl", "app", "export", "--help"], monkeypatch)
    _, shown, _ = run(["--lang", "ar", "--rtl", "app", "export", "--help"], monkeypatch, tty=True)
    assert logical != shown
    assert not ARABIC_LETTER.search(shown), "every Arabic letter is joined (a presentation form)"
    lines = shown.split("\n")
    assert all(cell_width(line) <= 78 for line in lines)  # COLUMNS - 2, as argparse wraps
    help_text = load_catalogue("ar").t("cli.help.force")
    force = next(line for line in lines if line.endswith("--force"))
    # mirrored: the option at the right (argparse's two-space indent now on its right), its help
    # (laid out by the one engine) to its left
    assert cell_width(force) == 78 - 2
    assert display_label(help_text, "app", "rtl") in force
    # the usage line: its Arabic word at the right, the command as typed
    usage = lines[0]
    assert usage.endswith(display_label("الاستخدام:", "app", "rtl"))
    assert "workshop export [-h]" in usage


def test_terminal_mode_and_pipes_get_logical_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _, piped, _ = run(["--lang", "ar", "--rtl", "app", "--help"], monkeypatch)
    _, bidi_terminal, _ = run(["--lang", "ar", "--rtl", "terminal", "--help"], monkeypatch, tty=True)
    assert piped == bidi_terminal
    assert "اعرض هذه المساعدة واخرج" in piped


def test_cli_messages_are_shaped_for_the_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    code, _, err = run(["--lang", "ar", "--rtl", "app", "export", "nothing-like-this", "--format", "md"], monkeypatch, tty=True)
    assert code == 1
    assert err.strip() and not ARABIC_LETTER.search(err)
    code, _, err = run(["--lang", "ar", "--rtl", "terminal", "export", "nothing-like-this", "--format", "md"], monkeypatch, tty=True)
    assert ARABIC_LETTER.search(err)


def test_list_rows_are_mirrored_alike_in_arabic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from workshop.core.service import Workshops

    data = tmp_path / "data"
    english = Workshops.at(data).create("Plain English", "en")
    arabic = Workshops.at(data).create("ورشة الحي", "ar")
    _, out, _ = run(["--data-dir", str(data), "--lang", "ar", "--rtl", "app", "list"], monkeypatch, tty=True)
    rows = out.rstrip("\n").split("\n")
    assert sorted(row.split()[-1] for row in rows) == sorted([english.id, arabic.id])  # ids at the right
    assert {cell_width(row) for row in rows} == {78}
    assert any(row.lstrip().startswith(display_label("ورشة الحي")) for row in rows)
    _, piped, _ = run(["--data-dir", str(data), "--lang", "ar", "--rtl", "app", "list"], monkeypatch)
    assert all(row.split()[0] in (english.id, arabic.id) for row in piped.rstrip("\n").split("\n"))


def test_argparse_is_left_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    before = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    run(["--lang", "ar", "export"], monkeypatch)
    assert (argparse._, argparse.ngettext) == before  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: x")
