"""Command line: parse, then either run a core command or build the app with `make_app`.

Core commands (list, import, export) never import Textual, so they start fast and work
without a terminal.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from workshop import __version__
from workshop.cli_text import LocalParser, Terminal, Words
from workshop.core.content import Catalogue, load_catalogue
from workshop.core.errors import WorkshopError
from workshop.core.service import UserError, Workshops, default_data_dir
from workshop.core.settings import Settings, first_run_settings, load_settings, save_settings
from workshop.core.steps.registry import STEP_IDS

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class AppConfig:
    """Plain values the app is built from (tests build the same)."""

    data_dir: Path
    language: str = "en"
    rtl: str = "auto"
    low_bandwidth: bool = False
    theme: str = "projector"
    open_ref: str | None = None
    step: str | None = None
    demo: bool = False
    read_only: bool = False
    present: bool = False
    #: Open the room for participants' phones at start, on this address and port.
    room: bool = False
    room_host: str | None = None
    room_port: int | None = None


def _global_options(
    parser: argparse.ArgumentParser,
    suppress: bool,
    h: Callable[[str], str],
    m: Callable[[str], str],
    *,
    lang: bool = True,
) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--data-dir", type=Path, default=default, metavar=m("data_dir"), help=h("data_dir"))
    if lang:
        parser.add_argument("--lang", choices=("ar", "en"), default=default, help=h("lang"))
    parser.add_argument(
        "--rtl",
        choices=("auto", "terminal", "app"),
        default=default,
        help=h("rtl"),
    )
    parser.add_argument(
        "--theme",
        choices=("projector", "dark", "colour-blind"),
        default=default,
        help=h("theme"),
    )
    parser.add_argument(
        "--low-bandwidth",
        action="store_true",
        default=default if suppress else False,
        help=h("low_bandwidth"),
    )


def build_parser(language: str = "en", terminal: Terminal | None = None) -> argparse.ArgumentParser:
    """The argument parser: its help, usage and errors in the interface language (argparse's own
    words too, see `workshop.cli_text`), written through *terminal* (Arabic shaped and ordered
    when the terminal does not do bidi)."""
    catalogue = load_catalogue(language)
    words = Words(catalogue)
    terminal = terminal or Terminal(rtl=catalogue.rtl)

    def h(key: str) -> str:
        return catalogue.t(f"cli.help.{key}").replace("%", "%%")

    def m(key: str) -> str:
        return catalogue.t(f"cli.metavar.{key}")

    parser = LocalParser(prog="workshop", description=h("description"), words=words, terminal=terminal)
    parser.add_argument("--version", action="version", version=f"workshop {__version__}", help=h("version"))
    _global_options(parser, suppress=False, h=h, m=m)
    # partial() is not a type for typeshed's overload; each sub-parser is a LocalParser all the same.
    sub = parser.add_subparsers(
        dest="command",
        metavar=m("command"),
        parser_class=partial(LocalParser, words=words, terminal=terminal),  # type: ignore[call-overload]
    )

    def command(name: str, help_text: str, *, lang: bool = True) -> argparse.ArgumentParser:
        child: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        _global_options(child, suppress=True, h=h, m=m, lang=lang)
        return child

    opener = command("open", h("cmd_open"))
    opener.add_argument("ref", metavar=m("ref"), help=h("ref"))
    opener.add_argument("--step", choices=STEP_IDS, help=h("open_step"))
    opener.add_argument("--read-only", action="store_true", help=h("read_only"))
    opener.add_argument("--room", action="store_true", help=h("room"))
    opener.add_argument("--room-host", metavar=m("addr"), help=h("room_host"))
    opener.add_argument("--room-port", metavar=m("port"), type=int, help=h("room_port"))

    demo = command("demo", h("cmd_demo"))
    demo.add_argument("--step", choices=STEP_IDS, help=h("demo_step"))

    lister = command("list", h("cmd_list"))
    lister.add_argument("--json", action="store_true", help=h("json"))
    lister.add_argument("--all", action="store_true", help=h("all"))

    importer = command("import", h("cmd_import"))
    importer.add_argument("file", type=Path, metavar=m("file"), help=h("file"))

    # After `export`, --lang is the language of the document (the interface keeps the remembered one).
    exporter = command("export", h("cmd_export"), lang=False)
    exporter.add_argument("ref", metavar=m("ref"), help=h("ref"))
    exporter.add_argument("--format", required=True, choices=("json", "md", "pdf", "csv"), help=h("format"))
    exporter.add_argument(
        "--audience", choices=("participants", "facilitator"), default="participants", help=h("audience")
    )
    exporter.add_argument("--out", metavar=m("out"), help=h("out"))  # a str: Path() would drop the trailing "/" of a folder
    exporter.add_argument("--force", action="store_true", help=h("force"))
    exporter.add_argument("--attendance", action="store_true", help=h("attendance"))
    exporter.add_argument(
        "--lang", "--export-lang", dest="export_lang", choices=("ar", "en"), help=h("export_lang")
    )

    restorer = command("restore", h("cmd_restore"))
    restorer.add_argument("ref", metavar=m("ref"), help=h("restore_ref"))
    restorer.add_argument("--backup", metavar=m("backup"), help=h("backup"))

    presenter = command("present", h("cmd_present"))
    presenter.add_argument("ref", metavar=m("ref"), help=h("ref"))
    return parser


def _settings(args: argparse.Namespace, data_dir: Path, environ: Mapping[str, str]) -> Settings:
    settings = load_settings(data_dir, first_run_settings(environ))
    changed = False
    if getattr(args, "lang", None):
        changed |= settings.language != args.lang
        settings.language = args.lang
    if getattr(args, "rtl", None):
        changed |= settings.rtl != args.rtl
        settings.rtl = args.rtl
    if getattr(args, "theme", None):
        changed |= settings.theme != args.theme
        settings.theme = args.theme
    if changed:
        try:
            save_settings(data_dir, settings)
        except OSError as error:  # remembering is a convenience: say so and go on with the choice
            catalogue = load_catalogue(settings.language)
            Terminal.of(catalogue, settings.rtl, environ).write(
                catalogue.t("errors.settings_unsaved", reason=error.strerror or str(error)) + "\n", sys.stderr
            )
    return settings


def config_from_args(args: argparse.Namespace, environ: dict[str, str]) -> AppConfig:
    data_dir = args.data_dir or default_data_dir(environ)
    settings = _settings(args, data_dir, environ)
    return AppConfig(
        data_dir=data_dir,
        language=settings.language,
        rtl=settings.rtl,
        low_bandwidth=bool(getattr(args, "low_bandwidth", False)) or settings.low_bandwidth,
        theme=settings.theme,
        open_ref=getattr(args, "ref", None) if args.command in ("open", "present") else None,
        step=getattr(args, "step", None),
        demo=args.command == "demo",
        read_only=bool(getattr(args, "read_only", False)) or args.command == "present",
        present=args.command == "present",
        room=bool(getattr(args, "room", False)) or bool(getattr(args, "room_host", None) or getattr(args, "room_port", None)),
        room_host=getattr(args, "room_host", None),
        room_port=getattr(args, "room_port", None),
    )


def say_error(catalogue: Catalogue, error: WorkshopError) -> str:
    """The sentence for a user error, in the interface language, safe for a terminal (one line)."""
    return one_line(error.say(catalogue))


def one_line(text: str) -> str:
    """User text made safe for one terminal line: no escape sequences, no line breaks to forge rows."""
    return _plain(text).replace("\n", "\u2424").replace("\t", " ")


def cmd_list(workshops: Workshops, args: argparse.Namespace, out: Any, terminal: Terminal = Terminal()) -> int:
    """The workshops, one a line (titles shaped for the terminal); `--json` as stored, for programs."""
    rows = [
        {k: s.get(k) for k in ("id", "title", "language", "updated", "step", "date", "archived")}
        for s in workshops.summaries(include_archived=args.all)
    ]
    if args.json:
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for row in rows:
        terminal.write(
            f"{row['id']}  {row['language']}  {row['step']:<14}  {row['updated']}  {one_line(str(row['title'] or ''))}\n",
            out,
        )
    return EXIT_OK


def _plain(text: str) -> str:
    """User text made safe for a terminal (no escape sequences)."""
    from workshop.core.rtl import sanitize

    return sanitize(text)


def cmd_export(workshops: Workshops, args: argparse.Namespace, out: Any, terminal: Terminal = Terminal()) -> int:
    """Write the export; its path on stdout as stored (for programs and copying), warnings shaped."""
    from workshop.core.export import ExportError, default_export_name, export_workshop

    workshop = workshops.load(workshops.resolve(args.ref))
    language = args.export_lang or workshop.meta.language
    name = default_export_name(workshop, args.format, args.audience, language)
    target = Path(args.out or "exports")
    if args.out is None or args.out.endswith((os.sep, "/")):
        if not target.is_dir():
            raise UserError("errors.export_no_folder", path=str(target))
        target = target / name
    try:
        result = export_workshop(
            workshop,
            fmt=args.format,
            audience=args.audience,
            language=language,
            out=target,
            force=args.force,
            attendance=args.attendance,
        )
    except ExportError as error:
        raise UserError(error.key, **error.params) from None
    except KeyboardInterrupt:  # the writer removed its temporary file
        raise Interrupted("errors.interrupted", path=str(target), code=130) from None
    except Terminated:
        raise Interrupted("errors.interrupted", path=str(target), code=143) from None
    out.write(f"{result.path}\n")
    for warning in result.warnings:
        terminal.write(f"{warning}\n", sys.stderr)
    return EXIT_OK


def cmd_restore(
    workshops: Workshops, args: argparse.Namespace, catalogue: Catalogue, out: Any, terminal: Terminal = Terminal()
) -> int:
    if args.backup is None:
        workshop_id, found = workshops.backups(args.ref)
        if not found:
            terminal.write(catalogue.t("cli.no_backups", id=workshop_id) + "\n", out)
            return EXIT_OK
        for number, path in enumerate(found, start=1):
            out.write(f"{number:>3}  {path.name}\n")
        terminal.write(catalogue.t("cli.restore_hint", id=workshop_id) + "\n", out)
        return EXIT_OK
    workshop = workshops.restore(args.ref, args.backup)
    terminal.write(one_line(catalogue.t("cli.restored", id=workshop.id, title=workshop.meta.title)) + "\n", out)
    return EXIT_OK


def _option(words: Sequence[str], name: str, choices: Sequence[str]) -> str | None:
    """The value of `--name X` / `--name=X` among *words*, if it is one of *choices* (the last one given)."""
    found = None
    for index, word in enumerate(words):
        if word == name and index + 1 < len(words) and words[index + 1] in choices:
            found = words[index + 1]
        elif word.startswith(name + "=") and word.split("=", 1)[1] in choices:
            found = word.split("=", 1)[1]
    return found


def _help_terminal(argv: Sequence[str] | None, environ: Mapping[str, str]) -> tuple[str, Terminal]:
    """The language of --help and usage errors (--lang if given, else the remembered one, else the
    locale's on a first run) and how they reach the terminal (--rtl if given, else remembered)."""
    words = list(sys.argv[1:] if argv is None else argv)
    if "--data-dir" in words[:-1]:
        data_dir = Path(words[words.index("--data-dir") + 1])
    else:
        data_dir = default_data_dir(dict(environ))
    settings = load_settings(data_dir, first_run_settings(environ))
    # After `export`, --lang names the document's language, not the interface's.
    before_export = words[: words.index("export")] if "export" in words else words
    language = _option(before_export, "--lang", ("ar", "en")) or settings.language
    rtl = _option(words, "--rtl", ("auto", "terminal", "app")) or settings.rtl
    return language, Terminal.of(load_catalogue(language), rtl, environ)


class Terminated(BaseException):
    """SIGTERM during a core command: unwinds like Ctrl+C so every temporary file is removed."""


class Interrupted(UserError):
    """A core command stopped by Ctrl+C (exit code 130) or SIGTERM (143)."""


def _terminate(signum: int, _frame: Any) -> None:
    raise Terminated(signum)


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    """Run one command; bad input and faults end in one sentence on stderr and a non-zero code."""
    environ = dict(os.environ) if environ is None else environ
    args = build_parser(*_help_terminal(argv, environ)).parse_args(argv)
    config = config_from_args(args, environ)
    catalogue = load_catalogue(config.language)
    terminal = Terminal.of(catalogue, config.rtl, environ)
    try:
        return _run(args, config, catalogue, terminal)
    except BrokenPipeError:  # `workshop restore X | head -3`: the reader left; nothing to say to it
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return 128 + 13
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130


def _run(args: argparse.Namespace, config: AppConfig, catalogue: Catalogue, terminal: Terminal) -> int:
    core = args.command in ("list", "import", "export", "restore")
    if core:
        # The launcher paused the cycle collector for the app's start (workshop/__main__.py); a
        # core command (a long export or import) runs with it, as it always did.
        gc.enable()
    if not core or threading.current_thread() is not threading.main_thread():
        return _command(args, config, catalogue, terminal)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _command(args, config, catalogue, terminal)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _command(args: argparse.Namespace, config: AppConfig, catalogue: Catalogue, terminal: Terminal) -> int:
    try:
        workshops = Workshops.at(config.data_dir)
        if args.command == "list" or (args.command == "restore" and args.backup is None):  # the CLI's "start"
            for notice in workshops.notices():
                terminal.write(say_error(catalogue, notice) + "\n", sys.stderr)
        if args.command == "list":
            return cmd_list(workshops, args, sys.stdout, terminal)
        if args.command == "import":
            workshop = workshops.import_file(args.file)
            sys.stdout.write(workshop.id + "\n")
            return EXIT_OK
        if args.command == "export":
            return cmd_export(workshops, args, sys.stdout, terminal)
        if args.command == "restore":
            return cmd_restore(workshops, args, catalogue, sys.stdout, terminal)
    except Interrupted as error:
        terminal.write(say_error(catalogue, error) + "\n", sys.stderr)
        return int(error.params.get("code", 130))
    except WorkshopError as error:
        terminal.write(say_error(catalogue, error) + "\n", sys.stderr)
        return EXIT_USER_ERROR
    from workshop.tui.app import run_app

    return run_app(config, workshops)  # the store opened above: one per process


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
