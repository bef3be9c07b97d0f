"""The method's guidance for a step: why it matters, questions for the room, an example."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from workshop.tui.widgets.plain import Static

from workshop.core.i18n import Ui
from workshop.tui.widgets.rtl_text import RtlText


class GuidancePanel(VerticalScroll, can_focus=False):
    """Read-only guidance beside the work area; hidden with a key for more room."""

    DEFAULT_CSS = """
    GuidancePanel { width: 36; height: 1fr; padding: 0 1; }
    GuidancePanel .heading { text-style: bold; margin-top: 1; }
    GuidancePanel RtlText { margin-bottom: 0; }
    """

    def __init__(self, ui: Ui, step: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ui = ui
        self.step = step

    def compose(self) -> ComposeResult:
        ui, key = self.ui, f"steps.{self.step}"
        yield Static(ui.label("guidance.why"), classes="heading")
        yield RtlText(ui.text(f"{key}.why"), mode=ui.mode)
        yield Static(ui.label("guidance.questions"), classes="heading")
        for question in ui.items(f"{key}.questions"):
            yield RtlText(f"• {question}" if not ui.rtl else f"• {question}", mode=ui.mode)
        yield Static(ui.label("guidance.example"), classes="heading")
        yield RtlText(ui.text(f"{key}.example"), mode=ui.mode)
