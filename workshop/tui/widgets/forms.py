"""Reusable keyboard widgets: RowList (an option list whose rows wrap before they are
reordered, so Arabic reads right) and FormDialog (a keyboard form built from FormFields)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, OptionList, Select
from workshop.tui.widgets.plain import Static
from textual.widgets.option_list import Option

from workshop.core.i18n import Ui
from workshop.core.rtl import display_lines
from workshop.tui.widgets.capture_list import typed_character
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_input import RtlInput


class RowList(OptionList):
    """Rows of logical text, wrapped at the list's width then laid out (right-aligned in Arabic).

    Typing always types (`typing=True`): a printable key never acts on a row; it is posted as
    `Typed`, and the screen starts a new item with it (the key's character in the new item's text
    field). A list of choices (`typing=False`) keeps OptionList's keys.
    """

    @dataclass
    class Typed(Message):
        row_list: RowList
        character: str

        @property
        def control(self) -> RowList:
            return self.row_list

    DEFAULT_CSS = """
    RowList { height: 1fr; background: $surface; }
    RowList > .option-list--option { padding: 0; }
    """

    def __init__(
        self, ui: Ui, *, id: str | None = None, classes: str | None = None, typing: bool = False  # noqa: A002
    ) -> None:
        super().__init__(id=id, classes=classes, markup=False, compact=True)
        self.ui = ui
        #: True where the room's words are captured (goals, bodies…): printable keys start a new item.
        #: False for a list of choices (coalition type), where Space chooses the highlighted answer.
        self.typing = typing
        self._rows: list[tuple[str, str]] = []
        self._empty = ""
        self._width = 0

    def set_rows(self, rows: Sequence[tuple[str, str]], empty: str, *, select: str | None = None) -> None:
        """Show (id, logical text) rows, or `empty` when there are none; keeps the highlighted row."""
        rows = list(rows)
        if rows == self._rows and empty == self._empty and select is None:
            return
        current = select or self.highlighted_id()
        old_index = self.highlighted or 0
        self._rows, self._empty = rows, empty
        self._render_rows(current, old_index)

    def _render_rows(self, current: str | None, old_index: int) -> None:
        width = self._row_width()
        self._width = width
        self.clear_options()
        if not self._rows:
            self.add_option(Option(self._prompt(self._empty, width), disabled=True))
            return
        self.add_options([Option(self._prompt(text, width), id=row_id) for row_id, text in self._rows])
        ids = [row_id for row_id, _ in self._rows]
        self.highlighted = ids.index(current) if current in ids else min(old_index, len(ids) - 1)

    def _row_width(self) -> int:
        width = self.scrollable_content_region.width
        return width if width > 4 else 56

    def _prompt(self, text: str, width: int) -> Text:
        lines = display_lines(text, width, self.ui.mode, "rtl" if self.ui.rtl else "ltr")
        if self.ui.rtl:
            lines = [line.rjust(width) for line in lines]
        return Text("\n".join(lines) or " ")

    def on_key(self, event: events.Key) -> None:
        character = typed_character(event) if self.typing else None
        if character is not None:
            event.stop()
            event.prevent_default()
            self.post_message(self.Typed(self, character))

    def on_resize(self) -> None:
        if self._row_width() != self._width:
            self._render_rows(self.highlighted_id(), self.highlighted or 0)

    def highlighted_id(self) -> str | None:
        """The id of the highlighted row (None when empty)."""
        if self.highlighted is None or not self._rows:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option.id


@dataclass(frozen=True)
class FormField:
    """One field of a FormDialog: text, a choice among options, or a yes/no flag."""

    name: str
    label: str
    kind: Literal["text", "choice", "flag"] = "text"
    value: Any = ""
    options: tuple[tuple[str, Any], ...] = ()
    placeholder: str = ""
    #: One value (a date, an amount): the field is selected on entry, so what is typed replaces it.
    #: A sentence is not: keys typed go where the cursor is (at its end), as in every text field.
    select: bool = False


class FormDialog(ModalScreen[dict[str, Any] | None]):
    """A small form: Enter (or Ctrl+S) saves when `check` finds nothing wrong, Escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "save", "Save", id="charter-save"),
    ]

    def __init__(
        self,
        ui: Ui,
        title: str,
        fields: Sequence[FormField],
        check: Callable[[dict[str, Any]], str | None] = lambda _: None,
        *,
        focus: str | None = None,
    ) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.ui = ui
        self.title_text = title
        self.fields = list(fields)
        self.check = check
        #: The field that gets the focus first (by name; default: the first field).
        self.focus_field = focus
        #: Keys typed before the form could take them (a burst), given to the focused field.
        self._ahead = ""
        localise_bindings(self, ui)

    def compose(self) -> ComposeResult:
        ui = self.ui
        with VerticalScroll(classes="dialog charter-form"):
            yield Static(ui.show(self.title_text), classes="heading", markup=False)
            for field in self.fields:
                with Horizontal(classes="form-row"):
                    parts = [Static(ui.show(field.label), classes="form-label", markup=False), self._widget(field)]
                    yield from reversed(parts) if ui.rtl else parts
            yield Static("", id="form-error", markup=False)
            yield Static(ui.label("charter.form.hint"), classes="form-hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(ui.label("charter.form.save"), id="form-save", variant="primary", compact=True)
                yield Button(ui.label("dialog.cancel"), id="form-cancel", compact=True)

    def _widget(self, field: FormField) -> Any:
        ident = f"field-{field.name}"
        if field.kind == "choice":
            options = [(Text(self.ui.show(label)), value) for label, value in field.options]
            values = [value for _, value in field.options]
            value = field.value if field.value in values else Select.NULL
            return Select(options, value=value, allow_blank=True, prompt=self.ui.show("—"), compact=True, id=ident, classes="form-field")
        if field.kind == "flag":
            # a label of its own: an empty compact checkbox draws nothing and looks like a missing field
            label = Text(self.ui.show(self.ui.text("charter.form.flag")))
            return Checkbox(label, value=bool(field.value), compact=True, id=ident, classes="form-field")
        return RtlInput(
            value=str(field.value or ""),
            placeholder=field.placeholder,
            mode=self.ui.mode,
            id=ident,
            classes="form-field",
            # a field opened by typing keeps what was typed (selected, the next key would replace it)
            select_on_focus=field.select and field.name != self.focus_field,
        )

    def type_ahead(self, character: str) -> None:
        """A key typed on the list while this form was opening: it goes into the form's text field."""
        field = self.focused
        if self.is_mounted and isinstance(field, Input):
            field.insert_text_at_cursor(character)
        else:
            self._ahead += character

    def on_key(self, event: events.Key) -> None:
        character = typed_character(event)
        if character is not None and self.focused is None:  # still opening: keep the key
            event.stop()
            self.type_ahead(character)

    def on_mount(self) -> None:
        if self.focus_field is not None:
            field = self.query_one(f"#field-{self.focus_field}")
            field.focus()
            if isinstance(field, Input):
                field.value += self._ahead
                self._ahead = ""
                field.cursor_position = len(field.value)
            return
        first = self.query(".form-field").first()
        first.focus()

    def values(self) -> dict[str, Any]:
        """The fields' current values by name (None for an unset choice)."""
        result: dict[str, Any] = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, Select):
                result[field.name] = None if widget.value == Select.NULL else widget.value
            elif isinstance(widget, Checkbox):
                result[field.name] = widget.value
            elif isinstance(widget, Input):
                result[field.name] = widget.value
        return result

    @on(Input.Submitted)
    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        values = self.values()
        problem = self.check(values)
        if problem:
            self.query_one("#form-error", Static).update(self.ui.show(problem))
            return
        self.dismiss(values)

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


