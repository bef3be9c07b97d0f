"""RowView: a list of text rows that costs what is visible (#17).

One widget paints the whole list (Textual's line API, as `OptionList` does): a list of 500 items
is one widget to style and lay out, not 500. Only the rows on screen are wrapped (`display_lines`,
right to left where the text is, as `RtlText` paints it) and painted; a row off screen counts
as its estimated height (its cells over the width) until it is first shown, when its wrapped
lines replace the estimate. Moving the highlight to a row (↓, End, PageDown, a row given by the
screen) wraps the rows around it first, so the row lands where it is painted.

Rows are `(item id, logical text)`; a row without an id is a hint (an empty list's), painted
muted and never highlighted. Keys: ↑/↓ move the highlight, Home/End to the first/last row,
PageUp/PageDown by a screenful; a click highlights the row under the mouse.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from workshop.tui.widgets.rtl_text import Paragraph, paint_line

__all__ = ["RowView"]

#: (item id or None for a hint, logical text)
RowData = tuple[str | None, str]


class RowView(ScrollView, can_focus=True):
    """Rows of logical text, one highlighted; wrapped at the width, painted only where visible."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-view--row",
        "row-view--hint",
        "row-view--highlight",
        "row-view--hover",
        "row-view--marked",
    }

    # The looks of Textual's ListView and ListItem (one row = one item, padded by a cell each side).
    DEFAULT_CSS = """
    RowView {
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        &:focus { background-tint: $foreground 5%; }
        & > .row-view--row { color: $foreground; padding: 0 1; }
        & > .row-view--hover { background: $block-hover-background; }
        & > .row-view--highlight {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .row-view--highlight {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .row-view--hint { color: $text-muted; }
        & > .row-view--marked { text-style: italic; }
    }
    """

    index: reactive[int | None] = reactive(None, init=False)
    """The highlighted row (a hint row is never highlighted)."""

    marked: reactive[str | None] = reactive(None, init=False)
    """The id of a row painted apart (italic: the row being edited)."""

    @dataclass
    class Highlighted(Message):
        """The highlight moved (or was set again): `item_id` is None when no item is highlighted."""

        row_view: RowView
        item_id: str | None

        @property
        def control(self) -> RowView:
            return self.row_view

    def __init__(self, *, mode: str = "app", id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.paragraph = Paragraph(mode, None)
        self._rows: list[RowData] = []
        self._wrap_width = 0
        self._wrapped: dict[str, list[str]] = {}
        self._heights: list[int] = []
        self._starts: list[int] = [0]
        self._hover: int | None = None
        self._moved = False  # a row's wrapped height replaced its estimate: the rows below it moved
        self._arrangement: tuple[Size, Size, Size] | None = None

    # ------------------------------------------------------------------ rows

    def set_rows(self, rows: list[RowData]) -> None:
        """Show these rows (the highlight stays at its index, clamped; the owner sets it)."""
        self._rows = list(rows)
        texts = {text for _id, text in self._rows}
        self._wrapped = {text: lines for text, lines in self._wrapped.items() if text in texts}
        self._hover = None
        self._layout()
        if self.index is not None:
            self.set_reactive(RowView.index, self.validate_index(self.index))
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def row_id(self, index: int | None) -> str | None:
        """The item id of row `index` (None: no such row, or a hint)."""
        if index is None or not 0 <= index < len(self._rows):
            return None
        return self._rows[index][0]

    def row_text(self, index: int) -> str:
        return self._rows[index][1]

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted item, or None."""
        return self.row_id(self.index)

    def row_lines(self, index: int) -> list[str]:
        """Row `index` as painted: its wrapped display lines at the current width."""
        return list(self._wrap(index))

    # ------------------------------------------------------------------ layout (estimated until shown)

    def _row_padding(self) -> int:
        return self.get_component_styles("row-view--row").padding.width

    def _inner_width(self) -> int:
        return max(0, self.scrollable_content_region.width - self._row_padding())

    def _estimate(self, text: str) -> int:
        width = self._wrap_width
        if width <= 0:
            return 1
        return sum(max(1, -(-cell_len(part) // width)) for part in text.split("\n"))

    def _layout(self, width: int | None = None, view: Size | None = None, *, painting: bool = False) -> None:
        """Heights and first lines of every row at `width` (the rows' width inside the scrollbar
        and their padding; now: the current one): wrapped where known, estimated elsewhere."""
        width = self._inner_width() if width is None else width
        view = self.scrollable_content_region.size if view is None else view
        old = (self._wrap_width, self._starts)
        if width != self._wrap_width:
            self._wrap_width = width
            self._wrapped.clear()
        wrapped = self._wrapped
        if width > 0 and len(self._rows) <= max(20, 2 * view.height):
            # A short list is wrapped whole: moving the highlight would wrap it anyway, and exact
            # heights from the start spare the repaints of a scrollbar whose size an estimate set.
            for _id, text in self._rows:
                if text not in wrapped:
                    wrapped[text] = self.paragraph.lines(text, width)
        self._heights = [len(wrapped[text]) if text in wrapped else self._estimate(text) for _id, text in self._rows]
        self._starts = [0, *accumulate(self._heights)]
        self._set_virtual_size(view.width)
        if (self._wrap_width, self._starts) == old:
            return
        if painting:
            self._moved = True  # render_lines paints every line afresh
        else:
            self.refresh()  # every painted line may have moved

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # The rows are laid out for a new size while Textual arranges the screen, before it decides
        # on the scrollbar and paints: the first frame has the list's height and scrollbar right,
        # with no second paint of the scrollbar as the rows' heights come in.
        # Textual's ScrollView compares the container size it is given (inside the scrollbar) with
        # its own (outside it): every arrangement of the screen looked like a change and repainted
        # the scrollbar (~1 KB a list, 4-5 times at a step change). The same arrangement is none.
        arrangement = (size, virtual_size, container_size)
        if arrangement == self._arrangement and size == self._size:
            return False
        self._arrangement = arrangement
        if size != self._size and self.is_mounted:
            outer = size - self.styles.gutter.totals
            padding = self._row_padding()
            self._layout(outer.width - padding, outer, painting=True)
            bar = self.styles.scrollbar_size_vertical
            overflow = self.styles.overflow_y
            if overflow == "scroll" or (overflow == "auto" and self._starts[-1] > outer.height):
                self._layout(outer.width - bar - padding, Size(outer.width - bar, outer.height), painting=True)
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _set_virtual_size(self, width: int | None = None) -> None:
        size = Size(self.scrollable_content_region.width if width is None else width, self._starts[-1])
        if size != self.virtual_size:
            self.set_reactive(RowView.virtual_size, size)
            self._scroll_update(size)

    def _wrap(self, index: int) -> list[str]:
        """Row `index` wrapped at the width (its height replaces the estimate)."""
        text = self._rows[index][1]
        lines = self._wrapped.get(text)
        if lines is None:
            lines = self.paragraph.lines(text, max(1, self._wrap_width))
            self._wrapped[text] = lines
        if self._heights[index] != len(lines):
            self._heights[index] = len(lines)
            start = self._starts[index]
            self._starts[index + 1 :] = list(accumulate(self._heights[index:], initial=start))[1:]
            self._moved = True
        return lines

    def _settle(self) -> None:
        """After wrapping: the virtual size follows the heights; moved rows are painted again."""
        self._set_virtual_size()
        if self._moved:
            self._moved = False
            self.refresh()

    def _wrap_around(self, first: int, last: int) -> None:
        """Wrap rows first..last (clamped) and bring the virtual size up to date."""
        if self._inner_width() != self._wrap_width:
            self._layout()
        for index in range(max(0, first), min(len(self._rows), last + 1)):
            self._wrap(index)
        self._settle()

    def _wrap_visible(self) -> None:
        """Wrap the rows on screen (their heights can move the rows below them): while painting."""
        if self._inner_width() != self._wrap_width:
            self._layout(painting=True)
        top = round(self.scroll_offset.y)
        bottom = top + self.scrollable_content_region.height
        index = max(0, bisect_right(self._starts, top) - 1)
        while index < len(self._rows) and self._starts[index] < bottom:
            self._wrap(index)
            index += 1
        self._set_virtual_size()

    def _on_resize(self, event: events.Resize) -> None:
        if self._inner_width() != self._wrap_width:
            self._layout()
        if self.index is not None:
            self.scroll_to_row(self.index)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._starts[-1]

    # ------------------------------------------------------------------ painting

    def _row_style(self, index: int) -> Style:
        item_id = self._rows[index][0]
        names = ["row-view--row"]
        if item_id is None:
            names.append("row-view--hint")
        elif index == self.index:
            names.append("row-view--highlight")
        elif index == self._hover:
            names.append("row-view--hover")
        if item_id is not None and item_id == self.marked and not (index == self.index and self.has_focus):
            names.append("row-view--marked")
        return self.get_visual_style(*names).rich_style

    def render_lines(self, crop: Region) -> list[Strip]:
        # Wrapping the rows on screen can move rows (and a new width re-wraps them all): the lines
        # Textual kept from the last paint are dropped, so this paint is whole. A refresh (a
        # second paint) only when this one does not cover the widget: a first paint or a step
        # change sends one frame of the list, not two.
        self._wrap_visible()
        if self._moved:
            self._moved = False
            self._styles_cache.clear()
            if crop != self.size.region:
                self.refresh()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        line_number = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if line_number >= self._starts[-1] or not self._rows:
            return Strip.blank(width, self.get_visual_style().rich_style)
        index = bisect_right(self._starts, line_number) - 1
        lines = self._wrap(index)
        offset = line_number - self._starts[index]
        style = self._row_style(index)
        padding = self.get_component_styles("row-view--row").padding
        text = self._rows[index][1]
        line = lines[offset] if offset < len(lines) else ""
        body = paint_line(line, self.paragraph.is_rtl(text), self._wrap_width, style)
        strip = Strip.join([Strip.blank(padding.left, style), body, Strip.blank(padding.right, style)])
        return strip.crop_extend(0, width, style).apply_meta({"row": index})

    def _refresh_row(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self._rows):
            self.refresh_lines(self._starts[index], self._heights[index])

    def notify_style_update(self) -> None:
        self.refresh()
        super().notify_style_update()

    def watch_marked(self) -> None:
        self.refresh()

    # ------------------------------------------------------------------ highlight

    def validate_index(self, index: int | None) -> int | None:
        if index is None or not self._rows:
            return None
        return min(max(index, 0), len(self._rows) - 1)

    def watch_index(self, old: int | None, new: int | None) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        if new is not None:
            self.scroll_to_row(new)

    def highlight(self, index: int | None) -> None:
        """Highlight row `index` (None: none) and say so (`Highlighted`), even when it is the same row."""
        self.index = index
        self._refresh_row(self.index)
        self.post_message(self.Highlighted(self, self.highlighted_id))

    def scroll_to_row(self, index: int, *, containers: bool = False) -> None:
        """Scroll so row `index` is on screen, its neighbours wrapped first (their heights place it);
        `containers`: the scrolling containers around the list bring it on screen too (a row just
        typed in; see `_show_in_containers`)."""
        if not self.is_mounted or self.scrollable_content_region.height <= 0:
            self.call_after_refresh(self._scroll_later, index)
            return
        height = self.scrollable_content_region.height
        self._wrap_around(index - height, index + height)
        if not 0 <= index < len(self._rows):
            return
        region = Region(0, self._starts[index], self.scrollable_content_region.width, self._heights[index])
        self.scroll_to_region(region, animate=False, force=True, immediate=True)
        if containers:
            self._show_in_containers(region.translate(-self.scroll_offset))

    def _show_in_containers(self, region: Region) -> None:
        """Bring `region` (of this list's rows, as now scrolled) on screen in the containers around
        the list, as Textual's `scroll_to_widget` does for a whole widget: Setup's participants sit
        in a scrolling form, and at 80x24 a participant just typed in was added below the form's
        fold (stored, not seen)."""
        widget: Widget = self
        region = region.translate(self.styles.gutter.top_left).translate(self.virtual_region.offset)
        while isinstance(widget.parent, Widget) and widget.styles.dock == "none" and region:
            container = widget.parent
            scrolled = container.scroll_to_region(region, animate=False, immediate=True)
            region = region.translate(-scrolled).translate(container.styles.gutter.top_left)
            region = region.translate(container.virtual_region.offset)
            widget = container

    def _scroll_later(self, index: int) -> None:
        if self.is_mounted and self.scrollable_content_region.height > 0 and index == self.index:
            self.scroll_to_row(index)

    # ------------------------------------------------------------------ keys and mouse

    def _enabled(self, index: int) -> bool:
        return self._rows[index][0] is not None

    def _move_to(self, index: int | None) -> None:
        if index is not None and self.index != index:
            self.highlight(index)

    def _next_enabled(self, start: int, step: int) -> int | None:
        index = start
        while 0 <= index < len(self._rows):
            if self._enabled(index):
                return index
            index += step
        return None

    def action_cursor_down(self) -> None:
        self._move_to(self._next_enabled(0 if self.index is None else self.index + 1, 1))

    def action_cursor_up(self) -> None:
        if self.index is None:
            self._move_to(self._next_enabled(0, 1))
        else:
            self._move_to(self._next_enabled(self.index - 1, -1))

    def action_first(self) -> None:
        self._move_to(self._next_enabled(0, 1))

    def action_last(self) -> None:
        self._move_to(self._next_enabled(len(self._rows) - 1, -1))

    def action_page(self, direction: int) -> None:
        """Move the highlight by a screenful of lines."""
        if not self._rows:
            return
        if self.index is None:
            if direction < 0:
                self.action_first()
            else:
                self.action_last()
            return
        height = max(1, self.scrollable_content_region.height)
        self._wrap_around(self.index - height, self.index + height)
        line = self._starts[self.index] + direction * height
        line = min(max(line, 0), self._starts[-1] - 1)
        target = bisect_right(self._starts, line) - 1
        self._move_to(self._next_enabled(target, direction) or self._next_enabled(target, -direction))

    def _on_click(self, event: events.Click) -> None:
        row = event.style.meta.get("row")
        if isinstance(row, int) and 0 <= row < len(self._rows) and self._enabled(row):
            self.focus()
            self._move_to(row)

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        row = event.style.meta.get("row")
        hover = row if isinstance(row, int) else None
        if hover != self._hover:
            old, self._hover = self._hover, hover
            self._refresh_row(old)
            self._refresh_row(hover)

    def _on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            old, self._hover = self._hover, None
            self._refresh_row(old)
