"""RtlInput: a one-line Input that shows Arabic joined and right to left.

``.value`` stays logical (exactly what was typed); only the painted line is
shaped and reordered.  The block cursor sits on the character that follows
the insertion point, wherever that character is painted; at the end of a
right-to-left value it sits in a spare cell at the left.  Left/Right move
the cursor visually (so logically backwards/forwards are swapped).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import wcwidth
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import Input

from workshop.rtl import display_label, is_rtl_text, resolve_mode, sanitize, visual_layout

__all__ = ["RtlInput"]


@dataclass(frozen=True)
class _Cluster:
    """One painted grapheme cluster of the visual line."""

    column: int
    text: str
    width: int


@dataclass(frozen=True)
class _RtlView:
    """Where a right-to-left value is painted inside the input."""

    clusters: list[_Cluster]
    columns: list[int]  # per logical index of the value: cluster column
    text_width: int
    left_pad: int  # blank cells before the end-of-text cursor slot
    scroll: int  # cells of the layout hidden on the left


def _safe_value(value: str) -> tuple[str, list[int]]:
    """Display-safe single line for *value* and, per value index, its index.

    Sanitizing can drop characters (bidi controls), so indices are mapped.
    """
    pieces: list[str] = []
    index_map: list[int] = []
    length = 0
    for char in value:
        index_map.append(length)
        safe = sanitize(char).replace("\n", " ").replace("\t", " ")
        pieces.append(safe)
        length += len(safe)
    return "".join(pieces), index_map


def _clusters(visual: str) -> list[_Cluster]:
    """Grapheme clusters of a visual line with their starting columns."""
    clusters: list[_Cluster] = []
    column = 0
    for grapheme in wcwidth.iter_graphemes(visual):
        width = max(wcwidth.wcswidth(grapheme), 0)
        clusters.append(_Cluster(column, grapheme, width))
        column += width
    return clusters


class RtlInput(Input):
    """An :class:`~textual.widgets.Input` that paints Arabic correctly.

    Accepts every :class:`Input` argument plus ``mode`` ("app", "terminal"
    or "auto").  In "app" mode a value (or, when empty, a placeholder) whose
    first strong character is right-to-left is painted shaped, reordered and
    right-aligned; anything else is painted by :class:`Input` unchanged.
    """

    DEFAULT_CSS = """
    RtlInput {
        border: none;
        height: 1;
        padding: 0 1;
        background: $boost;
        &:focus, &.-invalid, &.-invalid:focus {
            border: none;
        }
        &:ansi.-invalid, &:ansi.-invalid:focus {
            border: none;
        }
    }
    """

    def __init__(self, *args: Any, mode: str = "app", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mode = resolve_mode(mode, os.environ)
        self.set_reactive(Input.cursor_blink, False)

    # ------------------------------------------------------------------ state

    @property
    def rtl_active(self) -> bool:
        """True when this widget (not Input) paints the line right to left."""
        if self.mode != "app" or self.password:
            return False
        if self.value:
            return is_rtl_text(self.value)
        return is_rtl_text(self.placeholder)

    def _view_width(self) -> int:
        """Cells available for the value."""
        return max(1, self.scrollable_content_region.width)

    def _rtl_view(self) -> _RtlView:
        """Lay the value out right to left and pick the visible window."""
        safe, index_map = _safe_value(self.value)
        visual, safe_columns, text_width = visual_layout(safe, "rtl")
        columns = [
            safe_columns[index] if index < len(safe_columns) else -1 for index in index_map
        ]
        total = text_width + 1  # one spare cell on the left for the end cursor
        width = self._view_width()
        cursor_cell = self._cursor_cell(columns)
        if total <= width:
            return _RtlView(_clusters(visual), columns, text_width, width - total, 0)
        scroll = total - width  # show the start of the text (its right end)
        scroll = min(scroll, cursor_cell)
        return _RtlView(_clusters(visual), columns, text_width, 0, scroll)

    def _cursor_cell(self, columns: list[int]) -> int:
        """Cell of the cursor in layout coordinates (0 = end-of-text slot)."""
        position = self.cursor_position
        if position >= len(self.value) or position >= len(columns):
            return 0
        column = columns[position]
        return column + 1 if column >= 0 else 0

    # -------------------------------------------------------------- painting

    def render_line(self, y: int) -> Strip:
        """Paint RTL values ourselves; leave everything else to Input."""
        if y != 0 or not self.rtl_active:
            return super().render_line(y)
        if not self.value:
            return self._render_rtl_placeholder()
        return self._render_rtl_value()

    def _cursor_style(self) -> Style | None:
        """Cursor style when the cursor is to be drawn now, else None."""
        if self.has_focus and self._cursor_visible:
            return self.get_component_rich_style("input--cursor")
        return None

    def _render_rtl_value(self) -> Strip:
        """Right-aligned, shaped value with cursor and selection."""
        view = self._rtl_view()
        cursor_style = self._cursor_style()
        cursor_cell = self._cursor_cell(view.columns)
        selected = self._selected_columns(view.columns)
        selection_style = self.get_component_rich_style("input--selection")
        segments = [Segment(" ", cursor_style if cursor_cell == 0 else None)]
        for cluster in view.clusters:
            style = None
            if cursor_style is not None and cluster.column + 1 == cursor_cell:
                style = cursor_style
            elif cluster.column in selected:
                style = selection_style
            segments.append(Segment(cluster.text, style))
        width = self._view_width()
        strip = Strip(segments).crop(view.scroll, view.scroll + width)
        if view.left_pad:
            strip = Strip([Segment(" " * view.left_pad)] + list(strip))
        return strip.adjust_cell_length(width).apply_style(self.rich_style)

    def _selected_columns(self, columns: list[int]) -> set[int]:
        """Cluster columns covered by the current selection (if focused)."""
        if not self.has_focus or self.selection.is_empty:
            return set()
        start, end = sorted(self.selection)
        return {columns[index] for index in range(start, min(end, len(columns)))}

    def _render_rtl_placeholder(self) -> Strip:
        """Right-aligned placeholder; the cursor waits at its right end."""
        width = self._view_width()
        label = display_label(self.placeholder, "app")
        placeholder_style = self.get_component_rich_style("input--placeholder")
        cursor_style = self._cursor_style()
        body = Strip([Segment(label, placeholder_style)]).crop(0, max(0, width - 1))
        pad = max(0, width - 1 - body.cell_length)
        segments = [Segment(" " * pad)] + list(body) + [Segment(" ", cursor_style)]
        return Strip(segments).adjust_cell_length(width).apply_style(self.rich_style)

    # ----------------------------------------------------------- interaction

    def _cell_offset_to_index(self, offset: int) -> int:
        """Map a clicked cell to a value index, using the RTL layout if active."""
        if not self.rtl_active or not self.value:
            return super()._cell_offset_to_index(offset)
        view = self._rtl_view()
        layout_cell = offset - view.left_pad + view.scroll
        if layout_cell <= 0:
            return len(self.value)
        column = layout_cell - 1
        if column >= view.text_width:
            return 0
        hits = [index for index, start in enumerate(view.columns) if start <= column]
        best = max((view.columns[index] for index in hits), default=None)
        if best is None:
            return 0
        return min(index for index in hits if view.columns[index] == best)

    def action_cursor_left(self, select: bool = False) -> None:
        """Left arrow: visually left, i.e. logically forward in RTL text."""
        if self.rtl_active:
            super().action_cursor_right(select)
        else:
            super().action_cursor_left(select)

    def action_cursor_right(self, select: bool = False) -> None:
        """Right arrow: visually right, i.e. logically backward in RTL text."""
        if self.rtl_active:
            super().action_cursor_left(select)
        else:
            super().action_cursor_right(select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        """Word-left: logically next word in RTL text."""
        if self.rtl_active:
            super().action_cursor_right_word(select)
        else:
            super().action_cursor_left_word(select)

    def action_cursor_right_word(self, select: bool = False) -> None:
        """Word-right: logically previous word in RTL text."""
        if self.rtl_active:
            super().action_cursor_left_word(select)
        else:
            super().action_cursor_right_word(select)
