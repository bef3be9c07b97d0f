"""Command line: parse, then either run a core command or build the app with `make_app`.

Core commands (list, import, export) never import Textual, so they start fast and work
without a terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop import __version__
from workshop.core.content import Catalogue, load_catalogue
from workshop.core.errors import WorkshopError
from workshop.core.service import UserError, Workshops, default_data_dir
from workshop.core.settings import Settings, load_settings, save_settings
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
    parser: argparse.ArgumentParser, suppress: bool, h: Callable[[str], str], *, lang: bool = True
) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--data-dir", type=Path, default=default, help=h("data_dir"))
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


def build_parser(language: str = "en") -> argparse.ArgumentParser:
    """The argument parser, its help in the interface language."""
    catalogue = load_catalogue(language)

    def h(key: str) -> str:
        return catalogue.t(f"cli.help.{key}").replace("%", "%%")

    parser = argparse.ArgumentParser(
        prog="workshop",
        description=h("description"),
    )
    parser.add_argument("--version", action="version", version=f"workshop {__version__}")
    _global_options(parser, suppress=False, h=h)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, *, lang: bool = True) -> argparse.ArgumentParser:
        child = sub.add_parser(name, help=help_text, description=help_text)
        _global_options(child, suppress=True, h=h, lang=lang)
        return child

    opener = command("open", h("cmd_open"))
    opener.add_argument("ref", help=h("ref"))
    opener.add_argument("--step", choices=STEP_IDS, help=h("open_step"))
    opener.add_argument("--read-only", action="store_true", help=h("read_only"))
    opener.add_argument("--room", action="store_true", help=h("room"))
    opener.add_argument("--room-host", metavar="ADDR", help=h("room_host"))
    opener.add_argument("--room-port", metavar="PORT", type=int, help=h("room_port"))

    demo = command("demo", h("cmd_demo"))
    demo.add_argument("--step", choices=STEP_IDS, help=h("demo_step"))

    lister = command("list", h("cmd_list"))
    lister.add_argument("--json", action="store_true", help=h("json"))
    lister.add_argument("--all", action="store_true", help=h("all"))

    importer = command("import", h("cmd_import"))
    importer.add_argument("file", type=Path)

    # After `export`, --lang is the language of the document (the interface keeps the remembered one).
    exporter = command("export", h("cmd_export"), lang=False)
    exporter.add_argument("ref", help=h("ref"))
    exporter.add_argument("--format", required=True, choices=("json", "md", "pdf", "csv"))
    exporter.add_argument("--audience", choices=("participants", "facilitator"), default="participants")
    exporter.add_argument("--out", help=h("out"))  # a str: Path() would drop the trailing "/" of a folder
    exporter.add_argument("--force", action="store_true", help=h("force"))
    exporter.add_argument("--attendance", action="store_true", help=h("attendance"))
    exporter.add_argument(
        "--lang", "--export-lang", dest="export_lang", choices=("ar", "en"), help=h("export_lang")
    )

    restorer = command("restore", h("cmd_restore"))
    restorer.add_argument("ref", help=h("restore_ref"))
    restorer.add_argument("--backup", help=h("backup"))

    presenter = command("present", h("cmd_present"))
    presenter.add_argument("ref", help=h("ref"))
    return parser


def _settings(args: argparse.Namespace, data_dir: Path) -> Settings:
    settings = load_settings(data_dir)
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
            sys.stderr.write(catalogue.t("errors.settings_unsaved", reason=error.strerror or str(error)) + "\n")
    return settings


def config_from_args(args: argparse.Namespace, environ: dict[str, str]) -> AppConfig:
    data_dir = args.data_dir or default_data_dir(environ)
    settings = _settings(args, data_dir)
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


def cmd_list(workshops: Workshops, args: argparse.Namespace, out: Any) -> int:
    rows = [
        {k: s.get(k) for k in ("id", "title", "language", "updated", "step", "date", "archived")}
        for s in workshops.summaries(include_archived=args.all)
    ]
    if args.json:
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for row in rows:
        out.write(f"{row['id']}  {row['language']}  {row['step']:<14}  {row['updated']}  {one_line(str(row['title'] or ''))}\n")
    return EXIT_OK


def _plain(text: str) -> str:
    """User text made safe for a terminal (no escape sequences)."""
    from workshop.core.rtl import sanitize

    return sanitize(text)


def cmd_export(workshops: Workshops, args: argparse.Namespace, out: Any) -> int:
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
        sys.stderr.write(f"{warning}\n")
    return EXIT_OK


def cmd_restore(workshops: Workshops, args: argparse.Namespace, catalogue: Catalogue, out: Any) -> int:
    if args.backup is None:
        workshop_id, found = workshops.backups(args.ref)
        if not found:
            out.write(catalogue.t("cli.no_backups", id=workshop_id) + "\n")
            return EXIT_OK
        for number, path in enumerate(found, start=1):
            out.write(f"{number:>3}  {path.name}\n")
        out.write(catalogue.t("cli.restore_hint", id=workshop_id) + "\n")
        return EXIT_OK
    workshop = workshops.restore(args.ref, args.backup)
    out.write(one_line(catalogue.t("cli.restored", id=workshop.id, title=workshop.meta.title)) + "\n")
    return EXIT_OK


def _help_language(argv: Sequence[str] | None, environ: dict[str, str]) -> str:
    """The language for --help and usage errors: --lang if given, else the remembered one."""
    words = list(sys.argv[1:] if argv is None else argv)
    for index, word in enumerate(words):
        if word == "--lang" and index + 1 < len(words) and words[index + 1] in ("ar", "en"):
            return words[index + 1]
        if word in ("--lang=ar", "--lang=en"):
            return word.split("=", 1)[1]
    return load_settings(default_data_dir(environ)).language


class Terminated(BaseException):
    """SIGTERM during a core command: unwinds like Ctrl+C so every temporary file is removed."""


class Interrupted(UserError):
    """A core command stopped by Ctrl+C (exit code 130) or SIGTERM (143)."""


def _terminate(signum: int, _frame: Any) -> None:
    raise Terminated(signum)


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    """Run one command; bad input and faults end in one sentence on stderr and a non-zero code."""
    environ = dict(os.environ) if environ is None else environ
    args = build_parser(_help_language(argv, environ)).parse_args(argv)
    config = config_from_args(args, environ)
    catalogue = load_catalogue(config.language)
    try:
        return _run(args, config, catalogue)
    except BrokenPipeError:  # `workshop restore X | head -3`: the reader left; nothing to say to it
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return 128 + 13
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130


def _run(args: argparse.Namespace, config: AppConfig, catalogue: Catalogue) -> int:
    core = args.command in ("list", "import", "export", "restore")
    if not core or threading.current_thread() is not threading.main_thread():
        return _command(args, config, catalogue)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _command(args, config, catalogue)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _command(args: argparse.Namespace, config: AppConfig, catalogue: Catalogue) -> int:
    try:
        workshops = Workshops.at(config.data_dir)
        if args.command == "list" or (args.command == "restore" and args.backup is None):  # the CLI's "start"
            for notice in workshops.notices():
                sys.stderr.write(say_error(catalogue, notice) + "\n")
        if args.command == "list":
            return cmd_list(workshops, args, sys.stdout)
        if args.command == "import":
            workshop = workshops.import_file(args.file)
            sys.stdout.write(workshop.id + "\n")
            return EXIT_OK
        if args.command == "export":
            return cmd_export(workshops, args, sys.stdout)
        if args.command == "restore":
            return cmd_restore(workshops, args, catalogue, sys.stdout)
    except Interrupted as error:
        sys.stderr.write(say_error(catalogue, error) + "\n")
        return int(error.params.get("code", 130))
    except WorkshopError as error:
        sys.stderr.write(say_error(catalogue, error) + "\n")
        return EXIT_USER_ERROR
    from workshop.tui.app import run_app

    return run_app(config)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
