"""The one base of the app's small modal screens: mirrored in Arabic, Escape closes with None."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

from workshop.core.i18n import Ui
from workshop.tui.widgets.localise import localise_bindings

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT], Generic[ResultT]):
    """A modal screen in the interface's direction whose bindings speak the interface's language."""

    BINDINGS = [Binding("escape", "close", "Close", id="close")]

    def __init__(self, ui: Ui) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.ui = ui
        localise_bindings(self, ui)

    def action_close(self) -> None:
        self.dismiss(None)


__all__ = ["Dialog"]
