"""The step rail: every step, the current one highlighted, ticks and open findings."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from workshop.core.i18n import Ui
from workshop.core.steps.registry import STEP_IDS


class StepRail(Widget):
    """A narrow column listing the steps (mirrored to the right in Arabic by the screen's CSS)."""

    DEFAULT_CSS = """
    StepRail { width: 20; height: 1fr; padding: 0 1; }
    
    """

    current: reactive[str] = reactive("setup")
    """The step being worked on."""
    done: reactive[frozenset[str]] = reactive(frozenset())
    """Steps whose work the method considers complete."""
    open_findings: reactive[dict[str, int]] = reactive(dict)
    """Number of open findings per step."""

    def __init__(self, ui: Ui, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ui = ui

    def render(self) -> Text:
        width = max(4, self.content_size.width)
        lines = Text(no_wrap=True, overflow="ellipsis", justify="right" if self.ui.rtl else "left")
        for number, step in enumerate(STEP_IDS, start=1):
            mark = "✓" if step in self.done else " "
            count = self.open_findings.get(step, 0)
            flag = f"!{count}" if count else ""
            room = width - len(flag) - 5
            title = self.ui.fitted(self.ui.text(f"steps.{step}.title"), room)
            if self.ui.rtl:
                line = f"{flag} {title} {number:>2}{mark}"
            else:
                line = f"{mark}{number:>2} {title} {flag}"
            style = "reverse bold" if step == self.current else ""
            lines.append(line.rstrip() if not self.ui.rtl else line.lstrip(), style=style)
            lines.append("\n")
        lines.rstrip()
        return lines
