"""Home: the workshops in the data folder; create, open, duplicate, archive, import, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Input, Select
from workshop.tui.widgets.footer import Footer
from workshop.tui.widgets.plain import Static

from workshop.core.i18n import Ui
from workshop.core.errors import WorkshopError
from workshop.core.service import UserError, Workshops
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText

COLUMNS = ("title", "date", "language", "step", "updated")


class NewWorkshopScreen(ModalScreen[dict | None]):  # type: ignore[type-arg]
    """Title, date, place, facilitator and language of a new workshop."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, ui: Ui, *, title: str = "") -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.ui = ui
        self.initial_title = title
        localise_bindings(self, ui)

    def compose(self) -> ComposeResult:
        ui = self.ui
        with Vertical(classes="dialog"):
            yield Static(ui.label("home.new_title"), classes="heading")
            for field in ("title", "date", "place", "facilitator"):
                yield Static(ui.label(f"fields.{field}"), classes="label")
                value = {"title": self.initial_title, "date": date.today().isoformat()}.get(field, "")
                yield RtlInput(
                    value=value,  # the date is today as a value (kept unless changed), not a grey hint
                    mode=ui.mode,
                    id=f"new-{field}",
                    select_on_focus=field == "date",  # one value: what is typed replaces it
                )
            yield Static(ui.label("fields.language"), classes="label")
            yield Select(
                [(ui.label("languages.ar"), "ar"), (ui.label("languages.en"), "en")],
                value=ui.language,
                allow_blank=False,
                id="new-language",
            )
            buttons = [
                Button(ui.label("dialog.create"), id="create", variant="primary"),
                Button(ui.label("dialog.cancel"), id="cancel"),
            ]
            yield Horizontal(*(reversed(buttons) if ui.rtl else buttons), classes="buttons")

    @on(Button.Pressed, "#create")
    @on(Input.Submitted)
    def _create(self) -> None:
        values = {f: self.query_one(f"#new-{f}", Input).value for f in ("title", "date", "place", "facilitator")}
        if not values["title"].strip():
            self.notify(self.ui.text("errors.title_required"), severity="error")
            self.query_one("#new-title").focus()
            return
        values["language"] = str(self.query_one("#new-language", Select).value)
        self.dismiss(values)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class PathScreen(ModalScreen[str | None]):
    """Ask for a file path (import)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, ui: Ui, prompt_key: str) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.ui = ui
        self.prompt_key = prompt_key
        localise_bindings(self, ui)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.ui.label(self.prompt_key), classes="heading")
            yield Input(id="path")

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class HomeScreen(Screen[str | None]):
    """Lists the workshops; dismisses with the id to open (or "" to rebuild after a language switch)."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="open", show=True),
        Binding("n", "new", "New", id="new"),
        Binding("c", "duplicate", "Duplicate", id="duplicate"),
        Binding("a", "archive", "Archive", id="archive"),
        Binding("h", "toggle_archived", "Show archived", id="toggle-archived"),
        Binding("i", "import", "Import", id="import"),
        Binding("x", "export", "Export JSON", id="export-json"),
        Binding("f2", "switch_language", "Language", id="switch-language"),
        Binding("escape", "leave", "Quit", id="leave", show=False),
    ]

    def __init__(self, workshops: Workshops, ui: Ui) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.workshops = workshops
        self.ui = ui
        self.show_archived = False
        localise_bindings(self, ui)

    def compose(self) -> ComposeResult:
        ui = self.ui
        yield Static(ui.label("home.heading"), id="home-heading")
        yield DataTable(id="workshops", cursor_type="row", zebra_stripes=True)
        yield RtlText("", mode=ui.mode, id="home-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def _columns(self) -> tuple[str, ...]:
        return tuple(reversed(COLUMNS)) if self.ui.rtl else COLUMNS

    def reload(self, select: str | None = None) -> None:
        ui = self.ui
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for column in self._columns():
            table.add_column(ui.label(f"home.columns.{column}"), key=column)
        rows = self.workshops.summaries(include_archived=self.show_archived)
        same = self.workshops.same_titles(rows)
        for row in rows:
            title = row.get("title") or ""
            if row["id"] in same:  # two workshops, one title: the id (what `workshop open` takes) tells them apart
                title = ui.text("home.same_title", title=title, id=row["id"])
            values = {
                "title": ui.show(title) + (ui.label("home.archived_mark") if row.get("archived") else ""),
                "date": row.get("date") or "",
                "language": ui.label(f"languages.{row.get('language', 'en')}"),
                "step": ui.label(f"steps.{row.get('step', 'setup')}.title"),
                "updated": (row.get("updated") or "")[:16].replace("T", " "),
            }
            # Text, not str: a DataTable reads a str cell as markup ("Plan [/b]" would crash the list).
            table.add_row(*(Text(values[c]) for c in self._columns()), key=row["id"])
        empty = self.query_one("#home-empty", RtlText)
        empty.text = "" if rows else ui.text("home.empty")
        if select is not None:
            ids = [r["id"] for r in rows]
            if select in ids:
                table.move_cursor(row=ids.index(select))

    def _selected(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value)

    def _fail(self, error: WorkshopError) -> None:
        self.notify(error.say(self.ui.catalogue), severity="error", timeout=10)

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        selected = self._selected()
        if selected is not None:
            self.dismiss(selected)

    def action_new(self) -> None:
        def created(values: dict | None) -> None:  # type: ignore[type-arg]
            if values is None:
                return
            meta = {k: v for k, v in values.items() if k not in ("title", "language") and v}
            try:
                workshop = self.workshops.create(values["title"], values["language"], **meta)
            except UserError as error:
                self._fail(error)
                return
            self.dismiss(workshop.id)

        self.app.push_screen(NewWorkshopScreen(self.ui), callback=created)

    def action_duplicate(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        try:
            original = self.workshops.load(selected)
            copy = self.workshops.duplicate(selected, self.ui.text("home.copy_of", title=original.meta.title))
        except UserError as error:
            self._fail(error)
            return
        self.reload(select=copy.id)
        self.notify(self.ui.text("home.duplicated"))

    def action_archive(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        try:
            archived = self.workshops.load(selected).archived
            self.workshops.set_archived(selected, not archived)
        except UserError as error:
            self._fail(error)
            return
        self.reload()
        self.notify(self.ui.text("home.unarchived" if archived else "home.archived"))

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()

    def action_import(self) -> None:
        def chosen(path: str | None) -> None:
            if not path:
                return
            try:
                workshop = self.workshops.import_file(Path(path).expanduser())
            except UserError as error:
                self._fail(error)
                return
            self.reload(select=workshop.id)
            self.notify(self.ui.text("home.imported"))

        self.app.push_screen(PathScreen(self.ui, "home.import_prompt"), callback=chosen)

    def action_export(self) -> None:
        from workshop.core.export import default_export_name, export_workshop, free_path
        from workshop.core.storage.atomic import make_private_dir

        selected = self._selected()
        if selected is None:
            return
        try:
            workshop = self.workshops.load(selected)
            name = default_export_name(workshop, "json", "facilitator", workshop.meta.language)
            make_private_dir(Path("exports"))
            # Never over another export (two workshops may share a title): the next free name.
            result = export_workshop(
                workshop,
                fmt="json",
                audience="facilitator",
                language=workshop.meta.language,
                out=free_path(Path("exports") / name),
            )
        except WorkshopError as error:
            self._fail(error)
            return
        except OSError as error:
            self._fail(UserError("errors.export_unwritable", path="exports", reason=error.strerror or str(error)))
            return
        self.notify(self.ui.text("export.written", path=str(result.path)), timeout=10)

    def action_switch_language(self) -> None:
        self.dismiss("")

    def action_leave(self) -> None:
        self.dismiss(None)
