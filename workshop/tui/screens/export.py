"""Export: choose audience, language and format, see what the participants' version leaves out, write the file.

Keys: a audience, l language, t format, n attendance list, o output folder, w write. Writing runs in a
thread worker (a PDF takes about half a second) while the screen says so; an existing
file is only replaced after the facilitator confirms; every failure is shown as a
catalogue sentence, never a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Select
from workshop.tui.widgets.plain import Static
from textual.worker import Worker, WorkerState

from workshop.core.export import (
    FORMATS,
    ExportError,
    ExportResult,
    default_export_name,
    export_workshop,
    left_out,
)
from workshop.core.i18n import Ui
from workshop.core.model import Workshop
from workshop.core.rtl import contains_rtl
from workshop.core.session import Session
from workshop.tui.screens.base import StepScreen
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText

STYLES = "partners.tcss"

AUDIENCES: tuple[str, ...] = ("participants", "facilitator")
LANGUAGES: tuple[str, ...] = ("ar", "en")
#: Formats in the order the format key cycles them (PDF first: what the room takes home).
FORMAT_ORDER: tuple[str, ...] = tuple(f for f in ("pdf", "md", "json", "csv") if f in FORMATS)
#: Whether the participants' names and organisations go into the export (the facilitator decides).
ATTENDANCE: tuple[str, ...] = ("leave_out", "include")
#: Default output folder, relative to the current directory.
DEFAULT_FOLDER = "exports"

#: ExportError keys (CLI wording) -> this screen's wording of the same failure.
SCREEN_ERRORS: dict[str, str] = {
    "errors.export_unwritable": "screen.export.errors.unwritable",
    "errors.export_disk_full": "screen.export.errors.disk_full",
}


def with_path(sentence: str, path: Path) -> str:
    """A sentence with a path on its own line, so right-to-left text never reorders the path.

    A file name in right-to-left letters (an Arabic title) goes on a line of its own after its
    folder: it reads in its own direction, and the folder, left to right, is not mixed into it."""
    if contains_rtl(path.name):
        return f"{sentence}\n{os.path.join(path.parent, '')}\n{path.name}"
    return f"{sentence}\n{path}"


def cycle(options: tuple[str, ...], current: str) -> str:
    """The option after `current` (the first when `current` is unknown)."""
    if current not in options:
        return options[0]
    return options[(options.index(current) + 1) % len(options)]


def output_folder(text: str, cwd: Path | None = None) -> Path:
    """The absolute folder a typed folder names (relative ones are under the current directory)."""
    folder = Path(text.strip()).expanduser()
    if not folder.is_absolute():
        folder = (cwd or Path.cwd()) / folder
    return Path(_normalise(folder))


def _normalise(path: Path) -> str:
    import os.path

    return os.path.normpath(str(path))


@dataclass(frozen=True)
class ExportJob:
    """Everything the worker thread needs: a copy of the workshop and plain values."""

    workshop: Workshop
    fmt: str
    audience: str
    language: str
    path: Path
    force: bool
    attendance: bool = False


def run_export(job: ExportJob) -> ExportResult:
    """Create the folder if needed and write the export (raises ExportError on any file-system failure)."""
    try:
        job.path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError("errors.export_unwritable", path=str(job.path), reason=reason) from None
    return export_workshop(
        job.workshop,
        fmt=job.fmt,  # type: ignore[arg-type]
        audience=job.audience,  # type: ignore[arg-type]
        language=job.language,
        out=job.path,
        force=job.force,
        attendance=job.attendance,
    )


class ConfirmOverwrite(ModalScreen[bool]):
    """Ask before replacing an existing export; Cancel has the focus."""

    CSS_PATH = STYLES
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("y", "overwrite", "Overwrite", id="export-overwrite"),
    ]

    def __init__(self, ui: Ui, path: Path) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.ui = ui
        self.path = path
        localise_bindings(self, ui)

    def compose(self) -> ComposeResult:
        ui = self.ui
        buttons = [
            Button(ui.label("bindings.export-overwrite"), id="overwrite", variant="warning"),
            Button(ui.label("dialog.cancel"), id="cancel", variant="primary"),
        ]
        with Vertical(classes="dialog", id="confirm-overwrite"):
            yield RtlText(with_path(ui.text("screen.export.confirm_overwrite"), self.path), mode=ui.mode)
            yield Horizontal(*(reversed(buttons) if ui.rtl else buttons), classes="buttons")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    @on(Button.Pressed, "#overwrite")
    def action_overwrite(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)


class ExportScreen(StepScreen):
    """Write the participants' or the facilitator's version of the workshop."""

    STEP = "export"
    CSS_PATH = STYLES
    # The two things the wrap-up is for come first, so they fit the footer at 80 columns.
    BINDINGS = [
        Binding("w,ctrl+w", "write", "Write file", id="export-write"),
        Binding("v", "evaluation", "Evaluation", id="eval-open"),
        Binding("a", "cycle('audience')", "Audience", id="export-audience"),
        Binding("l", "cycle('language')", "Export language", id="export-language"),
        Binding("t", "cycle('fmt')", "Format", id="export-format"),
        Binding("n", "cycle('attendance')", "Attendance list", id="export-attendance", show=False),
        Binding("o", "folder", "Folder", id="export-folder", show=False),
    ]

    audience: reactive[str] = reactive("participants")
    """Who the export is for: participants (no private data) or facilitator."""
    language: reactive[str] = reactive("en")
    """Language of the export (default: the workshop's)."""
    fmt: reactive[str] = reactive("pdf")
    """File format: pdf, md, json or csv."""
    attendance: reactive[str] = reactive("leave_out")
    """Whether the export lists the participants' names and organisations: leave_out or include."""
    busy: reactive[bool] = reactive(False)
    """Whether an export is being written."""

    def __init__(self, session: Session, ui: Ui, *, show_guidance: bool = True) -> None:
        super().__init__(session, ui, show_guidance=show_guidance)
        self.set_reactive(ExportScreen.language, session.workshop.meta.language)
        self.last_result: ExportResult | None = None
        self.last_error: str | None = None

    # ------------------------------------------------------------------ layout

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        choices = [
            self._choice("audience", [(ui.label(f"screen.export.audiences.{a}"), a) for a in AUDIENCES], self.audience),
            self._choice("language", [(ui.label(f"languages.{lang}"), lang) for lang in LANGUAGES], self.language),
            self._choice("format", [(ui.label(f"screen.export.formats.{f}"), f) for f in FORMAT_ORDER], self.fmt),
            self._choice(
                "attendance",
                [(ui.label(f"screen.export.attendance_choices.{a}"), a) for a in ATTENDANCE],
                self.attendance,
            ),
        ]
        folder = RtlInput(
            value=DEFAULT_FOLDER,
            placeholder=ui.text("screen.export.folder_placeholder"),
            mode=ui.mode,
            compact=True,
            id="export-folder",
            select_on_focus=True,  # one value (a folder): what is typed replaces it
        )
        with VerticalScroll(id="export-body"):
            # One row per choice (label, its key, the value), so 80 columns show every label and
            # value whole in both languages; mirrored in Arabic.
            yield Vertical(*choices, id="export-choices")
            yield self._row("folder", folder, id="export-folder-row")
            yield RtlText("", mode=ui.mode, id="export-target")
            yield RtlText("", mode=ui.mode, id="export-status")
            yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="export-left-out")
            yield RtlText(ui.text("screen.export.hint"), mode=ui.mode, rtl=ui.rtl, id="export-hint")
            yield RtlText(ui.text("screen.evaluation.export_hint"), mode=ui.mode, rtl=ui.rtl, classes="export-label")

    def _choice(self, name: str, options: list[tuple[str, str]], value: str) -> Horizontal:
        select: Select[str] = Select(
            options, value=value, allow_blank=False, compact=True, type_to_search=False, id=f"export-{name}"
        )
        return self._row(name, select)

    def _row(self, name: str, field: Widget, id: str | None = None) -> Horizontal:
        """A label, the key that changes it (its binding's) and the field, side by side (mirrored in Arabic)."""
        key = next(b.key.split(",")[0] for b in self.BINDINGS if isinstance(b, Binding) and b.id == f"export-{name}")
        parts = [
            Static(self.ui.label(f"screen.export.{name}"), classes="export-label"),
            Static(key, classes="export-key"),
            field,
        ]
        return Horizontal(*(reversed(parts) if self.ui.rtl else parts), classes="export-row", id=id)

    def on_mount(self) -> None:
        super().on_mount()
        self._set_status("")
        self.query_one("#export-audience", Select).focus()

    # ------------------------------------------------------------------ what will happen

    def folder(self) -> Path:
        """The absolute output folder typed in the folder field."""
        return output_folder(self.query_one("#export-folder", Input).value or DEFAULT_FOLDER)

    def target(self) -> Path:
        """The full path the export will be written to."""
        name = default_export_name(self.workshop, self.fmt, self.audience, self.language)
        return self.folder() / name

    def refresh_work(self) -> None:
        if not self.is_mounted:
            return
        ui = self.ui
        self.query_one("#export-target", RtlText).text = with_path(ui.text("screen.export.target"), self.target())
        omitted = left_out(self.audience, ui.catalogue)
        box = self.query_one("#export-left-out", RtlText)
        box.set_class(not omitted, "private")
        if omitted:
            box.text = ui.text("report.left_out.heading") + " " + ("، " if ui.rtl else "; ").join(omitted) + "."
        else:
            box.text = ui.text("screen.export.left_out_none")

    def _set_status(self, text: str, kind: str = "") -> None:
        status = self.query_one("#export-status", RtlText)
        status.text = text
        status.display = bool(text)
        for name in ("error", "done"):
            status.set_class(kind == name, name)
        if text:
            status.scroll_visible()

    # ------------------------------------------------------------------ choices

    def _sync_select(self, name: str, value: str) -> None:
        if not self.is_mounted:
            return
        select = self.query_one(f"#export-{name}", Select)
        if select.value != value:
            select.value = value
        self.refresh_work()

    def watch_audience(self, value: str) -> None:
        self._sync_select("audience", value)

    def watch_language(self, value: str) -> None:
        self._sync_select("language", value)

    def watch_fmt(self, value: str) -> None:
        self._sync_select("format", value)

    def watch_attendance(self, value: str) -> None:
        self._sync_select("attendance", value)

    @on(Select.Changed)
    def _selected(self, event: Select.Changed) -> None:
        name = (event.select.id or "").removeprefix("export-")
        attribute = {"audience": "audience", "language": "language", "format": "fmt", "attendance": "attendance"}.get(name)
        if attribute is not None and isinstance(event.value, str):
            setattr(self, attribute, event.value)

    @on(Input.Changed, "#export-folder")
    def _folder_changed(self) -> None:
        self.refresh_work()

    @on(Input.Submitted, "#export-folder")
    def _folder_submitted(self) -> None:
        """Enter in the folder field: the folder is chosen and the file written; the keys are the
        screen's again (the focus goes back to the first choice), so a following `a` or `w` changes
        the audience or writes again instead of going, unseen, into the folder's name."""
        if self.query_one("#export-folder", Input).value.strip():
            self.query_one("#export-audience", Select).focus()
        self.action_write()

    def action_cycle(self, name: str) -> None:
        options = {"audience": AUDIENCES, "language": LANGUAGES, "fmt": FORMAT_ORDER, "attendance": ATTENDANCE}[name]
        setattr(self, name, cycle(options, getattr(self, name)))

    def action_folder(self) -> None:
        self.query_one("#export-folder", Input).focus()

    def action_evaluation(self) -> None:
        """The evaluation: stage, eight steps, poll, indicators, next steps (Esc comes back)."""
        from workshop.tui.screens.evaluation import EvaluationScreen

        self.app.push_screen(EvaluationScreen(self.session, self.ui))

    # ------------------------------------------------------------------ writing

    def action_write(self) -> None:
        if self.busy:
            return
        if not self.query_one("#export-folder", Input).value.strip():
            self._fail(self.ui.text("screen.export.errors.folder_missing"))
            return
        path = self.target()
        if path.exists():
            self.app.push_screen(ConfirmOverwrite(self.ui, path), callback=lambda yes: self._confirmed(path, yes))
            return
        self._start(path, force=False)

    def _confirmed(self, path: Path, overwrite: bool | None) -> None:
        if overwrite:
            self._start(path, force=True)
        else:
            self._set_status(self.ui.text("screen.export.not_overwritten"))

    def _start(self, path: Path, *, force: bool) -> None:
        job = ExportJob(
            workshop=self.workshop.model_copy(deep=True),
            fmt=self.fmt,
            audience=self.audience,
            language=self.language,
            path=path,
            force=force,
            attendance=self.attendance == "include",
        )
        self.busy = True
        self.last_error = None
        self._set_status(self.ui.text("screen.export.progress", format=self.ui.text(f"screen.export.formats.{self.fmt}")))
        self._write(job)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _write(self, job: ExportJob) -> ExportResult:
        return run_export(job)

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "export" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        self.busy = False
        if event.state == WorkerState.SUCCESS and isinstance(worker.result, ExportResult):
            self._done(worker.result)
        elif event.state == WorkerState.ERROR:
            self._fail(self.error_sentence(worker.error))

    def _done(self, result: ExportResult) -> None:
        ui = self.ui
        self.last_result = result
        lines = [with_path(ui.text("screen.export.written"), result.path)]
        lines += [ui.text("screen.export.warning", warning=w) for w in result.warnings]
        self._set_status("\n".join(lines), "done")
        self.notify(lines[0], timeout=10)

    def _fail(self, sentence: str) -> None:
        self.last_error = sentence
        self._set_status(sentence, "error")
        self.notify(sentence, severity="error", timeout=10)

    def error_sentence(self, error: BaseException | None) -> str:
        """The catalogue sentence for a failed export."""
        ui = self.ui
        if isinstance(error, ExportError):
            key = SCREEN_ERRORS.get(error.key, error.key)
            if ui.catalogue.has(key):
                sentence = ui.text(key, **_params(error.params))
                path = error.params.get("path")
                return with_path(sentence, Path(str(path))) if path and key in SCREEN_ERRORS.values() else sentence
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        return ui.text("screen.export.errors.failed", reason=str(reason)[:200])


def _params(params: dict[str, Any]) -> dict[str, Any]:
    return {name: str(value)[:300] for name, value in params.items()}
