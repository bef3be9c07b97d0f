"""RtlRow: a list row that paints its own wrapped text: one widget a row instead of two.

A `ListItem` holding an `RtlText` costs Textual two widgets to style, lay out and paint for
every item of a list; a SWOT of 500 items mounted 1,000 of them. RtlRow is a `ListItem` (so a
`ListView` highlights, scrolls and clicks it as any row, and `ListItem` styles apply) that
wraps and paints its text as RtlText does, through the same `Paragraph`.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import ListItem

from workshop.tui.widgets.rtl_text import Paragraph, ParagraphWidget

__all__ = ["RtlRow"]


class RtlRow(ParagraphWidget, ListItem):
    """A list row of logical text (user or catalogue), wrapped at the row's width, right to
    left where the text is; `name` is the row's item id."""

    text: reactive[str] = reactive("")
    """Logical text shown by the row (a change repaints it; laid out again when its height changes)."""

    def __init__(self, text: str = "", *, mode: str = "app", name: str | None = None, disabled: bool = False) -> None:
        super().__init__(name=name, disabled=disabled)
        self.paragraph = Paragraph(mode, None)
        self.set_reactive(RtlRow.text, text)

    def _paint_width(self) -> int:
        return self.content_size.width  # inside the row's padding
