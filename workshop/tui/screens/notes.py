"""The facilitator's private notes on one step (F7): typed, saved as typed, Escape closes.

They appear only in the facilitator's PDF and Markdown, never on the projector nor in the
participants' exports (the privacy rule in core/export/report.py).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import TextArea

from workshop.tui.widgets.plain import Static

from workshop.core.i18n import Ui
from workshop.core.session import Session
from workshop.tui.widgets.localise import localise_bindings


class NotesScreen(ModalScreen[None]):
    """A text area for the step's notes; every change goes to the session (saved within 0.3 s)."""

    BINDINGS = [Binding("escape", "close", "Close", id="close")]

    def __init__(self, session: Session, ui: Ui, step: str) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.session = session
        self.ui = ui
        self.step = step
        localise_bindings(self, ui)

    def compose(self) -> ComposeResult:
        ui = self.ui
        step = ui.text(f"steps.{self.step}.title")
        with Vertical(classes="dialog wide", id="notes-dialog"):
            yield Static(ui.label("notes.title", step=step), classes="heading", markup=False)
            yield Static(ui.label("notes.private"), classes="label", markup=False)
            yield TextArea(
                self.session.workshop.facilitator_notes.get(self.step, ""),
                read_only=self.session.read_only,
                id="notes-text",
            )
            yield Static(ui.label("notes.hint"), classes="label", markup=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(TextArea.Changed, "#notes-text")
    def _typed(self, event: TextArea.Changed) -> None:
        self.session.set_note(self.step, event.text_area.text)

    def action_close(self) -> None:
        self.dismiss(None)
