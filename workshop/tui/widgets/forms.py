"""Reusable keyboard widgets: RowList (an option list whose rows wrap before they are
reordered, so Arabic reads right) and FormDialog (a keyboard form built from FormFields)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Size
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual
from textual.css.query import NoMatches
from textual.message import Message
from textual.widget import Widget
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, OptionList, Select
from workshop.tui.widgets.plain import Static
from textual.widgets.option_list import Option

from workshop.core.i18n import Ui
from workshop.core.rtl import display_lines
from workshop.tui.widgets.capture_list import typed_character
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_input import RtlInput


class WrappedRow(Visual):
    """A row's logical text, wrapped (and in Arabic reordered and right-aligned) at the width it is
    painted at: the list sizes and paints it at its own width as Textual lays it out, never at a
    width guessed before layout (a row wrapped at the guess, then again once the list was resized,
    a frame later: a start's first frame showed the goals wrapped wrong)."""

    def __init__(self, text: str, mode: str, rtl: bool) -> None:
        self.text = text
        self._mode = mode
        self._rtl = rtl
        self._contents: dict[int, Content] = {}  # by width: Textual measures at one width, paints at another
        self._painted: Content | None = None

    def content(self, width: int) -> Content:
        """The row as painted at `width` cells."""
        content = self._contents.get(width)
        if content is None:
            lines = display_lines(self.text, max(1, width), self._mode, "rtl" if self._rtl else "ltr")
            if self._rtl:
                lines = [line.rjust(width) for line in lines]
            if len(self._contents) >= 4:
                self._contents.clear()
            content = self._contents[width] = Content("\n".join(lines) or " ")
        return content

    def __str__(self) -> str:
        """The row as last painted (its logical text until then)."""
        return str(self._painted) if self._painted is not None else self.text

    def render_strips(self, width: int, height: int | None, style: VisualStyle, options: RenderOptions) -> list[Strip]:
        self._painted = self.content(width)
        return self._painted.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content(container_width).get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.content(width).get_height(rules, width)


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
        self._lines_width = 0  # the width the rows' heights were measured at

    def set_rows(self, rows: Sequence[tuple[str, str]], empty: str, *, select: str | None = None) -> None:
        """Show (id, logical text) rows, or `empty` when there are none; keeps the highlighted row."""
        rows = list(rows)
        if rows == self._rows and empty == self._empty and select is None:
            return
        current = select or self.highlighted_id()
        old_index = self.highlighted or 0
        self._rows, self._empty = rows, empty
        self.clear_options()
        if not self._rows:
            self.add_option(Option(self._prompt(self._empty), disabled=True))
            return
        self.add_options([Option(self._prompt(text), id=row_id) for row_id, text in self._rows])
        ids = [row_id for row_id, _ in self._rows]
        self.highlighted = ids.index(current) if current in ids else min(old_index, len(ids) - 1)

    def _prompt(self, text: str) -> WrappedRow:
        return WrappedRow(text, self.ui.mode, self.ui.rtl)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Textual measures the rows again when the list's size changes, but not when a scrollbar
        # comes or goes inside the same size: the rows would keep the heights of the other width.
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        width = self.scrollable_content_region.width
        if width != self._lines_width:
            self._lines_width = width
            self._clear_caches()
        return resized

    def on_key(self, event: events.Key) -> None:
        character = typed_character(event) if self.typing else None
        if character is not None:
            event.stop()
            event.prevent_default()
            self.post_message(self.Typed(self, character))

    def highlighted_id(self) -> str | None:
        """The id of the highlighted row (None when empty)."""
        if self.highlighted is None or not self._rows:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option.id


class KeepsTypedKeys:
    """For a form (a modal screen) with text fields: a typed key that reaches the form itself, not
    one of its fields, goes into a text field, in the order typed. A text field stops the keys it
    types, and a choice, a box or a button the keys they use (Enter, Space, arrows), so a key that
    reaches the form was typed and would be lost:
    - keys typed a moment after the key that opened the form (tmux, SSH: 20-150 ms apart) are
      queued for the form before it has its fields and handled after, by the form: "Zo" typed on
      the goals became "Z", F9 then "Abc" on the partners kept "c" or nothing. They go into the
      form's own text field (`text_field`);
    - a letter typed on a choice (Structure's F9 opens on the body's kind) went nowhere: it goes
      into the next text field (the body's name), which takes the focus."""

    #: Nothing is focused until `opened`: a field Textual focused while the form composed took
    #: keys straight in, ahead of those kept before ("Abc" typed after F9 came out "cAb").
    AUTO_FOCUS: ClassVar[str | None] = ""
    _ahead: str = ""
    _typed: bool = False
    #: Drawn once: from then on Space on a box, a choice or a button is theirs.
    _ready: bool = False

    def text_field(self) -> Input:
        """The field typed keys go to while the form opens (NoMatches before it has its fields)."""
        raise NotImplementedError

    def _field_for_keys(self) -> Input:
        """The focused text field; else the first one after the focused choice; else the form's own."""
        focused = self.focused  # type: ignore[attr-defined]
        if isinstance(focused, Input):
            return focused
        chain = list(self.focus_chain)  # type: ignore[attr-defined]
        if focused in chain:
            at = chain.index(focused)
            after = [w for w in chain[at + 1 :] + chain[:at] if isinstance(w, Input)]
            if after:
                return after[0]
        return self.text_field()

    def type_ahead(self, character: str) -> None:
        """Put a typed character in the focused text field (the form's own when none is), after
        any kept from before the form had its fields; kept until then."""
        try:
            field = self._field_for_keys()
        except NoMatches:  # not composed yet (`is_mounted` is still False in on_mount)
            self._ahead += character
            return
        if field is not self.focused:  # type: ignore[attr-defined]
            field.focus()
        text, self._ahead = self._ahead + character, ""
        if text:
            field.insert_text_at_cursor(text)
            self._typed = True

    def keep_typed_key(self, event: events.Key) -> None:
        """Call from the form's `on_key`."""
        character = typed_character(event)
        if character is None:
            return
        if character == " " and self._ready and not isinstance(self.focused, Input):  # type: ignore[attr-defined]
            return  # Space is the key of the focused box, choice or button (its binding acts after)
        event.stop()
        self.type_ahead(character)

    def opened(self, field: Widget) -> None:
        """Call at the end of `on_mount` with the field it focuses: keys kept go into the text field."""
        if self._ahead or self._typed:
            self.type_ahead("")
        else:
            field.focus()
        self.call_after_refresh(self._drawn)  # type: ignore[attr-defined]

    def _drawn(self) -> None:
        self._ready = True


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


class FormDialog(KeepsTypedKeys, ModalScreen[dict[str, Any] | None]):
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
            value = bool(field.value)
            return Checkbox(self._flag_label(value), value=value, compact=True, id=ident, classes="form-field")
        return RtlInput(
            value=str(field.value or ""),
            placeholder=field.placeholder,
            mode=self.ui.mode,
            id=ident,
            classes="form-field",
            # a field opened by typing keeps what was typed (selected, the next key would replace it)
            select_on_focus=field.select and field.name != self.focus_field,
        )

    def _flag_label(self, value: bool) -> Text:
        """A box's words say its state: "yes"/"no" (its X is drawn either way; only its colour differs)."""
        return Text(self.ui.show(self.ui.text("charter.form.flag_yes" if value else "charter.form.flag_no")))

    @on(Checkbox.Changed, ".form-field")
    def _flag_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = self._flag_label(event.value)

    def text_field(self) -> Input:
        """The field a typed key opened the form for, or its first text field."""
        if self.focus_field is not None:
            field = self.query_one(f"#field-{self.focus_field}")
            if isinstance(field, Input):
                return field
        return self.query(".form-field").filter("Input").first(Input)

    def on_key(self, event: events.Key) -> None:
        self.keep_typed_key(event)

    def on_mount(self) -> None:
        if self.focus_field is not None:
            field = self.query_one(f"#field-{self.focus_field}")
            if isinstance(field, Input):
                field.cursor_position = len(field.value)
        else:
            field = self.query(".form-field").first()
        self.opened(field)

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


