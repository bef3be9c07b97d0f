"""RtlInput: a one-line Input that shows Arabic joined and right to left.

``.value`` stays logical (exactly what was typed); only the painted line is
shaped and reordered.  The block cursor sits on the character that follows
the insertion point, wherever that character is painted; at the end of a
right-to-left value it sits in a spare cell at the left.  Left/Right move
the cursor visually (so logically backwards/forwards are swapped).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets.input import Selection

from workshop.core.rtl import (
    contains_rtl,
    display_label,
    is_rtl_text,
    paragraph_base_dir,
    resolve_mode,
    sanitize,
    visual_layout,
)

__all__ = ["RtlInput"]


@dataclass(frozen=True)
class _Cluster:
    """One painted grapheme cluster of the visual line."""

    column: int
    text: str
    width: int


@dataclass(frozen=True)
class _RtlView:
    """Where a bidi value is painted inside the input.

    Layout coordinates: the visual text plus one spare cell for the cursor
    at the end of the value -- on the left of right-to-left text, on the
    right of left-to-right text.
    """

    clusters: list[_Cluster]
    columns: list[int]  # per logical index of the value: cluster column
    text_width: int
    rtl: bool  # paragraph direction of the value
    left_pad: int  # blank cells before the layout (right alignment)
    scroll: int  # layout cells hidden on the left

    @property
    def text_offset(self) -> int:
        """Layout cell where the visual text starts."""
        return 1 if self.rtl else 0

    @property
    def end_slot(self) -> int:
        """Layout cell of the cursor when it is after the last character."""
        return 0 if self.rtl else self.text_width

    def cursor_cell(self, position: int) -> int:
        """Layout cell of the cursor at logical *position*."""
        if position >= len(self.columns) or self.columns[position] < 0:
            return self.end_slot
        return self.columns[position] + self.text_offset


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
    if visual.isascii() and visual.isprintable():  # one cell a character; wcwidth not needed
        return [_Cluster(column, char, 1) for column, char in enumerate(visual)]
    import wcwidth  # on first use: ~20 ms at start-up that an English screen never needs

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
    or "auto").  In "app" mode a value containing right-to-left characters
    is painted shaped and reordered -- right-aligned when its first strong
    character is right-to-left, left-aligned otherwise -- as is an empty
    field's RTL placeholder.  Anything else is painted by :class:`Input`.
    ``.value`` always stays logical.
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

    cursor_blink = reactive(False, init=False)
    """Blinking costs a repaint every half second over slow links: off by default."""

    def __init__(self, *args: Any, mode: str = "app", short_placeholder: str = "", **kwargs: Any) -> None:
        # Typing always types: going into a field does not select its text for the first key to
        # replace ('n' then " Also" on coalition type left the room's reason as " Also"). A field
        # of one value (a date, a number, a folder) asks for Input's select-all (select_on_focus=True).
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)
        self.mode = resolve_mode(mode, os.environ)
        #: The hint as written, and a shorter one shown when it does not fit the field (a SWOT
        #: quadrant at 80 columns cut "(@الاسم: القائل)" inside a word).
        self._placeholders = (self.placeholder, short_placeholder or self.placeholder)

    def on_resize(self) -> None:
        full, short = self._placeholders
        fits = cell_len(display_label(full, self.mode)) <= self._view_width() - 1
        self.placeholder = full if fits else short

    # ------------------------------------------------------------------ state

    def _watch_value(self, value: str) -> None:
        """Input sets its `virtual_size` (a layout reactive) to the value's width on every change,
        so each keystroke laid the whole screen out again: ~100 ms a key beside 500 list rows, for
        a field whose size never depends on its value (one row, the width its container gives).
        The new width is set without a layout; Input's own watcher then finds nothing to change."""
        if not self.styles.auto_dimensions:
            self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
        if not self.has_focus:
            # A value put in from outside (the next question's note, a form's record) leaves the
            # cursor at its end: Input keeps the old position, 0 after an empty value, and the
            # words the facilitator typed on went in front of the room's text.
            self.cursor_position = len(value)

    def _watch_selection(self, selection: Selection) -> None:
        super()._watch_selection(selection)  # keeps the cursor's cell in view (one past the end)
        # A field emptied after a long line stayed scrolled: a blank box, or its hint cut at the
        # start, instead of the hint. Empty, it shows the hint from its first letter; out of the
        # field, a value shows its start (the cursor waits at its end, see `_watch_value`).
        if not self.value or not self.has_focus:
            self._show_start()

    def _show_start(self) -> None:
        if self.scroll_offset.x:
            self.scroll_to(x=0, animate=False, force=True, immediate=True)

    def on_blur(self) -> None:
        """Out of the field: its start in view again, as it shows from the first."""
        self._show_start()

    @property
    def rtl_active(self) -> bool:
        """True when this widget (not Input) lays the line out.

        That is in "app" mode, for a non-password value containing any
        right-to-left character (its direction then comes from its first
        strong character), or for an empty value with an RTL placeholder.
        """
        if self.mode != "app" or self.password:
            return False
        if self.value:
            return contains_rtl(self.value)
        return is_rtl_text(self.placeholder)

    @property
    def value_is_rtl(self) -> bool:
        """True when the value's paragraph direction is right to left."""
        return paragraph_base_dir(self.value or self.placeholder) == "rtl"

    def _view_width(self) -> int:
        """Cells available for the value."""
        return max(1, self.scrollable_content_region.width)

    def _rtl_view(self) -> _RtlView:
        """Lay the value out (shaped, reordered) and pick the visible window."""
        safe, index_map = _safe_value(self.value)
        rtl = self.value_is_rtl
        visual, safe_columns, text_width = visual_layout(safe, "rtl" if rtl else "ltr")
        columns = [
            safe_columns[index] if index < len(safe_columns) else -1 for index in index_map
        ]
        view = _RtlView(_clusters(visual), columns, text_width, rtl, 0, 0)
        total = text_width + 1
        width = self._view_width()
        if total <= width:
            return replace(view, left_pad=width - total if rtl else 0)
        # Out of the field its start shows (an English value's too): the cursor, left at the end
        # when the value was set, would show the end and cut the first word at the right edge.
        cursor = view.cursor_cell(self.cursor_position if self.has_focus else 0)
        if rtl:  # show the start of the text (its right end) unless the cursor is off
            scroll = min(total - width, cursor)
        else:
            scroll = max(0, cursor - width + 1)
        return replace(view, scroll=scroll)

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
        """Shaped, reordered value with cursor and selection, aligned by direction."""
        view = self._rtl_view()
        cursor_style = self._cursor_style()
        cursor_cell = view.cursor_cell(self.cursor_position)
        selected = self._selected_columns(view.columns)
        selection_style = self.get_component_rich_style("input--selection")
        segments: list[Segment] = []
        for cluster in view.clusters:
            style = None
            if cursor_style is not None and cluster.column + view.text_offset == cursor_cell:
                style = cursor_style
            elif cluster.column in selected:
                style = selection_style
            segments.append(Segment(cluster.text, style))
        slot = Segment(" ", cursor_style if cursor_cell == view.end_slot else None)
        segments = [slot, *segments] if view.rtl else [*segments, slot]
        width = self._view_width()
        strip = Strip(segments).crop(view.scroll, view.scroll + width)
        if view.left_pad:
            strip = Strip([Segment(" " * view.left_pad), *strip])
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
        room = max(0, width - 1)
        body = Strip([Segment(label, placeholder_style)])
        # Right to left: what does not fit is the logical end, on the left.
        body = body.crop(max(0, body.cell_length - room), body.cell_length)
        pad = max(0, width - 1 - body.cell_length)
        segments = [Segment(" " * pad)] + list(body) + [Segment(" ", cursor_style)]
        return Strip(segments).adjust_cell_length(width).apply_style(self.rich_style)

    # ----------------------------------------------------------- interaction

    def _cell_offset_to_index(self, offset: int) -> int:
        """Map a clicked cell to a value index, using the bidi layout if active."""
        if not self.rtl_active or not self.value:
            return super()._cell_offset_to_index(offset)
        view = self._rtl_view()
        column = offset - view.left_pad + view.scroll - view.text_offset
        if column < 0:
            return len(self.value) if view.rtl else 0
        if column >= view.text_width:
            return 0 if view.rtl else len(self.value)
        starts = {start for start in view.columns if 0 <= start <= column}
        if not starts:
            return 0
        hit = max(starts)
        return min(index for index, start in enumerate(view.columns) if start == hit)

    def action_cursor_left(self, select: bool = False) -> None:
        """Left arrow: visually left, i.e. logically forward in RTL text."""
        if self.rtl_active and self.value_is_rtl:
            super().action_cursor_right(select)
        else:
            super().action_cursor_left(select)

    def action_cursor_right(self, select: bool = False) -> None:
        """Right arrow: visually right, i.e. logically backward in RTL text."""
        if self.rtl_active and self.value_is_rtl:
            super().action_cursor_left(select)
        else:
            super().action_cursor_right(select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        """Word-left: logically next word in RTL text."""
        if self.rtl_active and self.value_is_rtl:
            super().action_cursor_right_word(select)
        else:
            super().action_cursor_left_word(select)

    def action_cursor_right_word(self, select: bool = False) -> None:
        """Word-right: logically previous word in RTL text."""
        if self.rtl_active and self.value_is_rtl:
            super().action_cursor_left_word(select)
        else:
            super().action_cursor_right_word(select)
