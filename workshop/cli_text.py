"""The command line's words in the interface language, and how they reach the terminal.

argparse builds its chrome ("usage:", "options:", the error lines) from English strings it passes
through `gettext`. `LocalParser` hands it the catalogue's words instead (`cli.argparse.*`, both
languages): while it builds, parses or formats, argparse's module-level `_`/`ngettext` look the
English string up in `ARGPARSE_KEYS`; a string not listed there (a newer Python's) stays English.

Everything the CLI prints for people goes through `Terminal.show`: in a terminal that does not do
bidi ("app" mode, `--rtl app` or `auto` on most terminals), Arabic is joined and ordered by the one
bidi engine (`workshop.core.rtl.terminal_block`), the help's columns mirrored for the Arabic
interface. In "terminal" mode (the terminal does bidi) and when the output is not a terminal (a
pipe, a file), the text stays logical, as stored. Never imports Textual.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NoReturn

from workshop.core.content import Catalogue
from workshop.core.rtl import contains_rtl, resolve_mode, terminal_block

#: argparse's English strings (Python 3.11-3.13) -> `cli.argparse.<key>` in the catalogues.
ARGPARSE_KEYS: Mapping[str, str] = {
    "usage: ": "usage",
    "positional arguments": "positional",
    "options": "options",
    "show this help message and exit": "../help.help",
    "show program's version number and exit": "../help.version",
    "%(prog)s: error: %(message)s\n": "error",
    "argument %(argument_name)s: %(message)s": "argument",
    "the following arguments are required: %s": "required",
    "one of the arguments %s is required": "one_required",
    "unrecognized arguments: %s": "unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "invalid %(type)s value: %(value)r": "invalid_value",
    "expected one argument": "expected_one",
    "expected at most one argument": "expected_at_most_one",
    "expected at least one argument": "expected_at_least_one",
    "expected %s argument": "expected_n",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
    "not allowed with argument %s": "not_allowed_with",
    "ignored explicit argument %r": "ignored_explicit",
    "unexpected option string: %s": "unexpected_option",
    "can't open '%(filename)s': %(error)s": "cannot_open",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "unknown_parser",
}


@dataclass(frozen=True)
class Terminal:
    """How the CLI's text reaches the terminal: the interface's direction, and who does bidi."""

    #: The interface reads right to left (Arabic): mirrored columns.
    rtl: bool = False
    #: The app joins and orders Arabic ("app" mode); False when the terminal does it.
    app_layout: bool = False

    @classmethod
    def of(cls, catalogue: Catalogue, rtl_setting: str, environ: Mapping[str, str]) -> Terminal:
        return cls(rtl=catalogue.rtl, app_layout=resolve_mode(rtl_setting, environ) == "app")

    def show(self, text: str, stream: Any) -> str:
        """*text* (logical) as it must be written to *stream*: in an Arabic interface every line is
        mirrored (a `list` row of an English workshop too, so the columns agree)."""
        if not self.app_layout or not (self.rtl or contains_rtl(text)) or not _is_terminal(stream):
            return text
        return terminal_block(text, shutil.get_terminal_size().columns - 2, rtl=self.rtl)

    def write(self, text: str, stream: Any) -> None:
        stream.write(self.show(text, stream))


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


class Words:
    """argparse's words from a catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def gettext(self, message: str) -> str:
        key = ARGPARSE_KEYS.get(message)
        if key is None:
            return message
        if key.startswith("../"):
            return self.catalogue.t("cli." + key[3:])
        return self.catalogue.t(f"cli.argparse.{key}")

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        key = ARGPARSE_KEYS.get(singular)
        if key is None:
            return singular if count == 1 else plural
        return self.catalogue.t(f"cli.argparse.{key}", count=count)

    @contextmanager
    def installed(self) -> Iterator[None]:
        """argparse says its words through these while the block runs (restored after, nested too)."""
        missing = object()
        before = {name: getattr(argparse, name, missing) for name in ("_", "ngettext")}
        argparse._ = self.gettext  # type: ignore[attr-defined]
        argparse.ngettext = self.ngettext  # type: ignore[attr-defined]
        try:
            yield
        finally:
            for name, value in before.items():
                if value is missing:
                    delattr(argparse, name)
                else:
                    setattr(argparse, name, value)


class LocalParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the interface language and writes through a `Terminal`."""

    def __init__(self, *args: Any, words: Words, terminal: Terminal, **kwargs: Any) -> None:
        self.words = words
        self.terminal = terminal
        with words.installed():
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with self.words.installed():
            return super().add_argument(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with self.words.installed():
            return super().parse_known_args(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with self.words.installed():
            return super().parse_args(*args, **kwargs)

    def format_usage(self) -> str:
        with self.words.installed():
            return super().format_usage()

    def format_help(self) -> str:
        with self.words.installed():
            return super().format_help()

    def print_usage(self, file: Any = None) -> None:
        self.terminal.write(self.format_usage(), file or sys.stdout)

    def print_help(self, file: Any = None) -> None:
        self.terminal.write(self.format_help(), file or sys.stdout)

    def error(self, message: str) -> NoReturn:
        with self.words.installed():
            super().error(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self.terminal.write(message, sys.stderr)
        sys.exit(status)
