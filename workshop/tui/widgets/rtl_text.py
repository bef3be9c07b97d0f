"""RtlText: a paragraph widget that shows Arabic (and English) text correctly.

The text is wrapped at the widget's content width *before* it is reordered
(see :mod:`workshop.core.rtl`), each wrapped line is painted as-is (Textual never
re-wraps it), and right-to-left paragraphs are right-aligned.
"""

from __future__ import annotations

import os
from unicodedata import combining

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from workshop.core.rtl import display_lines, is_rtl_text, resolve_mode

__all__ = ["Paragraph", "ParagraphWidget", "RtlText", "paint_line"]


class Paragraph:
    """The wrapped, display-ordered lines of one logical text, and how each is painted.

    Shared by RtlText and RowView (a list that paints its rows itself). Lines are cached per
    (text, width)."""

    def __init__(self, mode: str, rtl: bool | None) -> None:
        self.mode = resolve_mode(mode, os.environ)
        self.rtl = rtl
        self._cache_key: tuple[str, int] | None = None
        self._cache_lines: list[str] = []

    def is_rtl(self, text: str) -> bool:
        """True when the paragraph is laid out (and aligned) right to left."""
        return is_rtl_text(text) if self.rtl is None else self.rtl

    def _base_dir(self) -> str:
        """Base direction handed to :func:`display_lines`."""
        if self.rtl is None:
            return "auto"
        return "rtl" if self.rtl else "ltr"

    def lines(self, text: str, width: int) -> list[str]:
        """Wrapped, display-ordered lines for *width*, cached per text/width."""
        width = max(1, width)
        key = (text, width)
        if key != self._cache_key:
            self._cache_lines = display_lines(text, width, self.mode, self._base_dir())
            self._cache_key = key
        return self._cache_lines

    def natural_width(self, text: str, container: Size) -> int:
        """The widest line when wrapped at the container width."""
        return max((cell_len(line) for line in self.lines(text, container.width)), default=0)

    def paint(self, text: str, y: int, width: int, style: Style, *, cut: bool = False) -> Strip:
        """Wrapped line *y* at *width*, padded on the left when right-to-left; `cut`: more lines
        follow that are not shown, so the line ends in '…' (at its reading end)."""
        lines = self.lines(text, width)
        if y >= len(lines) or width <= 0:
            return Strip.blank(max(width, 0), style)
        rtl = self.is_rtl(text)
        line = lines[y]
        if cut:
            line = with_ellipsis(line, width, visual_rtl=rtl and self.mode == "app")
        return paint_line(line, rtl, width, style)


def with_ellipsis(line: str, width: int, *, visual_rtl: bool) -> str:
    """A wrapped line that is the last one shown of a longer text, marked with '…' where it is read
    to: after its end, or on its left when it is already in right-to-left display order ("app" mode;
    in "terminal" mode the line is logical and the terminal places the mark). When the mark needs
    room, the line's last word goes (a word is not cut, unless it is the only one)."""
    room = max(0, width - 1)
    if visual_rtl:  # the line's reading end is its left: work on it mirrored
        return "…" + _fit_words(line[::-1], room)[::-1]
    return _fit_words(line, room) + "…"


def _fit_words(line: str, room: int) -> str:
    """`line` (read left to right) shortened to `room` cells: whole words, then letters."""
    line = line.rstrip()
    if cell_len(line) <= room:
        return line
    cut = line[: room + 1]
    words = cut[: cut.rfind(" ")].rstrip() if " " in cut.strip() else ""
    if words and cell_len(words) <= room:
        return words
    while cell_len(line) > room or (line and combining(line[-1])):
        line = line[:-1]  # letters off the end, without leaving a mark (harakah) after its letter
    return line


def paint_line(line: str, rtl: bool, width: int, style: Style) -> Strip:
    """One wrapped display line as a strip `width` cells wide: right-aligned when `rtl`."""
    padding = " " * max(0, width - cell_len(line))
    painted = padding + line if rtl else line + padding
    return Strip([Segment(painted, style)]).crop_extend(0, width, style)


class ParagraphWidget:
    """What a widget that shows one `Paragraph` of its `text` does (RtlText): measure
    and paint the wrapped lines; the widget says how wide it paints (`_paint_width`)."""

    text: str
    paragraph: Paragraph
    rich_style: Style

    def _paint_width(self) -> int:
        raise NotImplementedError

    def watch_text(self, old: str, new: str) -> None:
        """New text repaints the widget; it is laid out again (with every widget on its screen)
        only when that can change its size: another number of lines, or a width from its text.
        A vote or an edit in a row of a long list, a count in a label, costs one repaint (#17)."""
        width = self._paint_width()
        styles = self.styles  # type: ignore[attr-defined]
        natural = styles.width is not None and styles.width.is_auto
        if natural or width <= 0 or len(self.paragraph.lines(old, width)) != len(self.paragraph.lines(new, width)):
            self.refresh(layout=True)  # type: ignore[attr-defined]

    @property
    def lines(self) -> list[str]:
        """Display lines at the current width (for tests and callers)."""
        return list(self.paragraph.lines(self.text, self._paint_width()))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """Natural width: the widest line when wrapped at the container width."""
        return self.paragraph.natural_width(self.text, container)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One row per wrapped line."""
        return len(self.paragraph.lines(self.text, width))

    def render_line(self, y: int) -> Strip:
        """Paint wrapped line *y*, padded on the left when right-to-left. When the widget's height
        (a max-height) shows fewer lines than the text has, its last row ends in '…'."""
        width = self._paint_width()
        shown = self.size.height  # type: ignore[attr-defined]
        cut = y + 1 == shown < len(self.paragraph.lines(self.text, width))
        return self.paragraph.paint(self.text, y, width, self.rich_style, cut=cut)


class RtlText(ParagraphWidget, Widget):
    """Multi-line user or catalogue text, laid out for any terminal.

    Args:
        text: Logical text as stored; never altered.
        mode: "app" (shape and reorder here), "terminal" (the terminal does
            it) or "auto" (decide from the environment).
        rtl: Paragraph direction; None detects it from the first strong
            character of *text*.  True right-aligns, False left-aligns.
    """

    DEFAULT_CSS = """
    RtlText {
        width: 1fr;
        height: auto;
    }
    """

    text: reactive[str] = reactive("")
    """Logical text shown by the widget (a change repaints it; see `watch_text` for layout)."""

    def __init__(
        self,
        text: str = "",
        *,
        mode: str = "app",
        rtl: bool | None = None,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's own parameter name
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.paragraph = Paragraph(mode, rtl)
        self.set_reactive(RtlText.text, text)

    @property
    def mode(self) -> str:
        return self.paragraph.mode

    @property
    def rtl(self) -> bool | None:
        return self.paragraph.rtl

    def set_text(self, text: str) -> None:
        """Replace the shown text (same as assigning :attr:`text`)."""
        self.text = text

    @property
    def is_rtl(self) -> bool:
        """True when the paragraph is laid out (and aligned) right to left."""
        return self.paragraph.is_rtl(self.text)

    def _paint_width(self) -> int:
        return self.size.width
