"""Exports of a workshop: JSON, Markdown, PDF and the partner CSV.

`export_workshop` is the one entry point the app and the CLI call. It never overwrites a
file unless asked, writes through a temporary file in the same folder and then replaces
the target (so a failed export leaves the old file whole), and turns file-system
failures into an `ExportError` carrying a catalogue key. This package never imports
Textual.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from workshop.core.errors import ExportError
from workshop.core.export.report import Audience, build_report, left_out
from workshop.core.model import Workshop
from workshop.core.storage.atomic import DISK_FULL, PRIVATE, SHARED, write_with

Format = Literal["json", "md", "pdf", "csv"]
FORMATS: tuple[str, ...] = ("json", "md", "pdf", "csv")

__all__ = [
    "ExportError",
    "ExportResult",
    "FORMATS",
    "build_report",
    "default_export_name",
    "export_mode",
    "export_workshop",
    "free_path",
    "left_out",
    "render",
]



@dataclass(frozen=True)
class ExportResult:
    """Where the export went and what could not be laid out as designed."""

    path: Path
    warnings: list[str] = field(default_factory=list)


def _slug(text: str, limit: int = 60) -> str:
    """Letters and digits of any script (an Arabic title gives an Arabic name), joined by dashes.

    Marks (harakat), controls and bidi characters are dropped; digits are Western.
    """
    folded = unicodedata.normalize("NFKC", text).lower()
    kept = "".join(ch if unicodedata.category(ch)[0] in "LN" else " " for ch in folded)
    slug = re.sub(r"\s+", "-", kept.strip())
    return slug[:limit].rstrip("-")


def default_export_name(workshop: Workshop, fmt: str, audience: str, language: str) -> str:
    """A safe file name such as `youth-coalition-participants-ar.pdf` (falls back to the id)."""
    slug = _slug(workshop.meta.title) or f"workshop-{_slug(workshop.id) or 'export'}"
    return f"{slug}-{audience}-{language}.{fmt}"


def render(
    workshop: Workshop,
    *,
    fmt: Format,
    audience: Audience,
    language: str,
    attendance: bool = False,
    now: datetime | None = None,
) -> str:
    """The text of a text export (json, md, csv) in memory."""
    from workshop.core.content import load_catalogue

    if fmt == "json":
        from workshop.core.export.json_export import to_json

        return to_json(workshop, audience=audience)
    catalogue = load_catalogue(language)
    if fmt == "md":
        from workshop.core.export.markdown import to_markdown

        report = build_report(
            workshop, audience=audience, language=language, catalogue=catalogue, attendance=attendance, now=now
        )
        return to_markdown(report)
    if fmt == "csv":
        from workshop.core.export.csv_export import partners_csv

        return partners_csv(workshop, audience=audience, catalogue=catalogue)
    raise ValueError(f"{fmt!r} is not a text export")


def _os_error(error: OSError, path: Path) -> ExportError:
    key = "errors.export_disk_full" if error.errno in DISK_FULL else "errors.export_unwritable"
    return ExportError(key, path=str(path), reason=error.strerror or str(error))


def _check_target(path: Path, force: bool) -> None:
    """Refuse what an export must not replace: an existing file without `force`, and never a device, a
    pipe, a folder or a link that points nowhere (os.replace would swap the node for a regular file)."""
    import stat

    if not path.parent.is_dir():
        raise ExportError("errors.export_no_folder", path=str(path.parent))
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(link.st_mode):
        try:
            target = os.stat(path)
        except FileNotFoundError:
            raise ExportError("errors.export_special", path=str(path)) from None
    else:
        target = link
    if not stat.S_ISREG(target.st_mode):
        raise ExportError("errors.export_special", path=str(path))
    if not force:
        raise ExportError("errors.export_exists", path=str(path))


def free_path(path: Path) -> Path:
    """`path`, or `name-2.ext`, `name-3.ext`... the first that does not exist (never overwrite)."""
    candidate = path
    number = 1
    while os.path.lexists(candidate):
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _target(workshop: Workshop, fmt: str, audience: str, language: str, out: Path) -> Path:
    out = Path(out)
    if out.is_dir():
        return out / default_export_name(workshop, fmt, audience, language)
    return out


def export_mode(fmt: str, audience: str) -> int:
    """The file mode of an export: PRIVATE (0600) for anything private, SHARED (the umask's default) otherwise.

    Participants' exports are meant to be handed out and hold nothing private; the facilitator's
    hold partners' phones, e-mails and notes in every format: only this user may read them.
    """
    return SHARED if audience == "participants" else PRIVATE


def export_workshop(
    workshop: Workshop,
    *,
    fmt: Format,
    audience: Audience,
    language: str,
    out: Path,
    force: bool = False,
    attendance: bool = False,
    now: datetime | None = None,
) -> ExportResult:
    """Write one export. `out` is a file path, or a folder for the default name.

    `attendance` adds the participants' names and organisations; `now` is the clock of
    the report (its date and the PDF's creation date; the same `now` gives the same bytes).
    The facilitator's exports are written 0600.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    try:
        path = _target(workshop, fmt, audience, language, out)
        _check_target(path, force)
    except OSError as error:  # a name too long, a folder we may not search...
        raise _os_error(error, Path(out)) from None

    # Everything that reads content happens before the file is touched: a catalogue problem
    # must not be reported as an unwritable folder.
    if fmt == "pdf":
        from workshop.core.content import load_catalogue
        from workshop.core.export.fonts import register_fonts
        from workshop.core.export.pdf import write_pdf

        register_fonts()
        catalogue = load_catalogue(language)
        report = build_report(
            workshop, audience=audience, language=language, catalogue=catalogue, attendance=attendance, now=now
        )

        def write(temp: Path) -> list[str]:
            return write_pdf(report, temp, rtl=catalogue.rtl)

    else:
        text = render(workshop, fmt=fmt, audience=audience, language=language, attendance=attendance, now=now)

        def write(temp: Path) -> list[str]:
            temp.write_bytes(text.encode("utf-8", "surrogatepass"))
            return []

    mode = export_mode(fmt, audience)
    try:
        warnings = write_with(path, write, mode=mode)
    except OSError as error:
        raise _os_error(error, path) from None
    return ExportResult(path=path, warnings=warnings)
