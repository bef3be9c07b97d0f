"""Small modal screens: a message, read-only or cancel, go to a step, help."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, OptionList
from workshop.tui.widgets.plain import Static
from textual.widgets.option_list import Option

from workshop.core.i18n import Ui
from workshop.core.parse import ascii_digits
from workshop.core.steps.registry import STEP_IDS
from workshop.tui.widgets.dialog import Dialog
from workshop.tui.widgets.rtl_text import RtlText


class MessageScreen(Dialog[None]):
    """A sentence the user must read (an error, where a file went)."""

    def __init__(self, ui: Ui, text: str) -> None:
        super().__init__(ui)
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield RtlText(self.text, mode=self.ui.mode)
            yield Button(self.ui.label("dialog.ok"), id="ok", variant="primary")

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(None)


class ReadOnlyChoice(Dialog[bool]):
    """Another process has this workshop open: read it only, or cancel."""

    def __init__(self, ui: Ui, text: str) -> None:
        super().__init__(ui)
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield RtlText(self.text, mode=self.ui.mode)
            with Horizontal(classes="buttons"):
                # not "read-only": that id is the read-only banner of the step screens, styled one row high
                buttons = [
                    Button(self.ui.label("dialog.read_only"), id="open-read-only", variant="primary"),
                    Button(self.ui.label("dialog.cancel"), id="cancel"),
                ]
                yield from reversed(buttons) if self.ui.rtl else buttons  # the first choice on the reading side

    @on(Button.Pressed, "#open-read-only")
    def _read_only(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(False)

    def action_close(self) -> None:
        self.dismiss(False)


class JumpScreen(Dialog[str]):
    """Pick any step by arrow keys or its number."""

    def __init__(self, ui: Ui, current: str) -> None:
        super().__init__(ui)
        self.current = current
        self._number = ""  # the digits typed so far

    def compose(self) -> ComposeResult:
        options = [
            Option(self.ui.show(f"{n:>2}. {self.ui.text(f'steps.{s}.title')}"), id=s) for n, s in enumerate(STEP_IDS, 1)
        ]
        with Vertical(classes="dialog"):
            yield Static(self.ui.label("dialog.jump_title"), classes="heading")
            yield OptionList(*options, id="steps")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = STEP_IDS.index(self.current)

    def on_key(self, event: events.Key) -> None:
        """A digit (Western or Arabic-Indic) moves the highlight to that step's number; a second digit
        makes 10-12; Enter goes there. Nothing jumps on a digit alone."""
        digit = ascii_digits(event.character or "")
        if len(digit) != 1 or not digit.isdigit():
            return
        event.stop()
        for number in (self._number + digit, digit):
            if number != "0" and 1 <= int(number) <= len(STEP_IDS):
                self._number = number
                self.query_one(OptionList).highlighted = int(number) - 1
                return

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class HelpScreen(Dialog[None]):
    """The step's guidance and every key that works here."""

    def __init__(self, ui: Ui, step: str, bindings: dict) -> None:  # type: ignore[type-arg]
        super().__init__(ui)
        self.step = step
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        ui = self.ui
        with VerticalScroll(classes="dialog wide"):
            yield Static(ui.label(f"steps.{self.step}.title"), classes="heading")
            yield RtlText(ui.text(f"steps.{self.step}.why"), mode=ui.mode)
            yield Static(ui.label("help.keys"), classes="heading")
            seen: set[str] = set()
            for key, active in self.bindings.items():
                binding = active.binding
                # Only the app's own keys: widget internals (cursor moves, scrolling) are not the method.
                if not binding.id or not ui.catalogue.has(f"bindings.{binding.id}") or binding.description in seen:
                    continue
                seen.add(binding.description)
                shown = self.app.get_key_display(binding)
                meaning = binding.tooltip or binding.description
                if not ui.rtl:
                    yield RtlText(f"{shown:<10} {meaning}", mode=ui.mode)
                    continue
                # Mirrored in Arabic: the key (as typed) on the right, its meaning to its left.
                key = Static(shown, markup=False)
                key.styles.width = 12
                key.styles.padding = (0, 0, 0, 2)
                text = Static(ui.show(meaning), markup=False)
                text.styles.width = "1fr"
                text.styles.height = 1
                text.styles.text_align = "right"
                row = Horizontal(text, key)
                row.styles.height = 1
                yield row
            yield Button(ui.label("dialog.ok"), id="ok", variant="primary")

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(None)
