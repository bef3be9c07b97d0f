"""Command line: parse, then either run a core command or build the app with `make_app`.

Core commands (list, import, export) never import Textual, so they start fast and work
without a terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop import __version__
from workshop.content import Catalogue, load_catalogue
from workshop.model import STEPS
from workshop.service import UserError, Workshops, default_data_dir
from workshop.settings import Settings, load_settings, save_settings

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


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--data-dir", type=Path, default=default, help="folder of the workshops (env WORKSHOP_DATA_DIR)")
    parser.add_argument("--lang", choices=("ar", "en"), default=default, help="language of the interface")
    parser.add_argument(
        "--rtl",
        choices=("auto", "terminal", "app"),
        default=default,
        help="right-to-left display: terminal (it does BiDi), app (we join and reorder), auto",
    )
    parser.add_argument(
        "--low-bandwidth",
        action="store_true",
        default=default if suppress else False,
        help="no blink, no animation, 16 colours, fewer borders",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop",
        description="Coalition Workshop: run a coalition-building workshop, keep every word, export a PDF.",
    )
    parser.add_argument("--version", action="version", version=f"workshop {__version__}")
    _global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        child = sub.add_parser(name, help=help_text, description=help_text)
        _global_options(child, suppress=True)
        return child

    opener = command("open", "open a workshop by id or exact title")
    opener.add_argument("ref", help="workshop id or exact title")
    opener.add_argument("--step", choices=STEPS, help="step to open at (default: where it was left)")
    opener.add_argument("--read-only", action="store_true", help="open without taking the writer lock")

    demo = command("demo", "open the bundled demo workshop (imported first if missing)")
    demo.add_argument("--step", choices=STEPS, help="step to open at")

    lister = command("list", "list the workshops")
    lister.add_argument("--json", action="store_true", help="print a JSON array")
    lister.add_argument("--all", action="store_true", help="include archived workshops")

    importer = command("import", "import a workshop JSON file; prints the new id")
    importer.add_argument("file", type=Path)

    exporter = command("export", "export a workshop as json, md, pdf or csv")
    exporter.add_argument("ref", help="workshop id or exact title")
    exporter.add_argument("--format", required=True, choices=("json", "md", "pdf", "csv"))
    exporter.add_argument("--audience", choices=("participants", "facilitator"), default="participants")
    exporter.add_argument("--out", type=Path, help="file or folder (default: exports/)")
    exporter.add_argument("--force", action="store_true", help="overwrite an existing file")
    exporter.add_argument(
        "--export-lang", dest="export_lang", choices=("ar", "en"), help="language of the document (default: the workshop's)"
    )

    presenter = command("present", "follow a workshop on a second screen (projector), read-only")
    presenter.add_argument("ref", help="workshop id or exact title")
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
    if changed:
        try:
            save_settings(data_dir, settings)
        except OSError:
            pass  # remembering the choice is a convenience; the run goes on with it
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
    )


def say_error(catalogue: Catalogue, error: UserError) -> str:
    """The sentence for a user error, in the interface language."""
    try:
        return catalogue.t(error.key, **error.params)
    except (KeyError, IndexError):
        return f"{error.key}: {error.params}"


def cmd_list(workshops: Workshops, args: argparse.Namespace, out: Any) -> int:
    rows = [
        {k: s.get(k) for k in ("id", "title", "language", "updated", "step", "date", "archived")}
        for s in workshops.summaries(include_archived=args.all)
    ]
    if args.json:
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for row in rows:
        out.write(f"{row['id']}  {row['language']}  {row['step']:<14}  {row['updated']}  {_plain(row['title'])}\n")
    return EXIT_OK


def _plain(text: str) -> str:
    """User text made safe for a terminal (no escape sequences)."""
    from workshop.rtl import sanitize

    return sanitize(text)


def cmd_export(workshops: Workshops, args: argparse.Namespace, out: Any) -> int:
    from workshop.export import ExportError, default_export_name, export_workshop

    workshop = workshops.load(workshops.resolve(args.ref))
    language = args.export_lang or workshop.meta.language
    name = default_export_name(workshop, args.format, args.audience, language)
    target = args.out or Path("exports")
    if target.is_dir() or args.out is None or str(args.out).endswith(os.sep):
        target = target / name
    try:
        result = export_workshop(
            workshop, fmt=args.format, audience=args.audience, language=language, out=target, force=args.force
        )
    except ExportError as error:
        raise UserError(error.key, **error.params) from None
    out.write(f"{result.path}\n")
    for warning in result.warnings:
        sys.stderr.write(f"{warning}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    environ = dict(os.environ) if environ is None else environ
    args = build_parser().parse_args(argv)
    config = config_from_args(args, environ)
    catalogue = load_catalogue(config.language)
    try:
        workshops = Workshops.at(config.data_dir)
        if args.command == "list":
            return cmd_list(workshops, args, sys.stdout)
        if args.command == "import":
            workshop = workshops.import_file(args.file)
            sys.stdout.write(workshop.id + "\n")
            return EXIT_OK
        if args.command == "export":
            return cmd_export(workshops, args, sys.stdout)
    except UserError as error:
        sys.stderr.write(say_error(catalogue, error) + "\n")
        return EXIT_USER_ERROR
    from workshop.app import run_app

    return run_app(config)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
