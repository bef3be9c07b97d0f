"""Pilot tests for RtlText and RtlInput.

Expected visual strings are hand-written presentation forms (see
tests/core/test_rtl.py for how they are derived).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widget import Widget

from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText

MARHABA_VISUAL = "\ufe8e\ufe92\ufea3\ufeae\ufee3"  # "مرحبا"
BIL_ALAM_VISUAL = "\ufee2\ufedf\ufe8e\ufecc\ufedf\ufe8e\ufe91"  # "بالعالم"
SALAM_VISUAL = "\ufee1\ufefc\ufeb3"  # "سلام": meem iso, lam-alef fin, seen ini


class WidgetApp(App[None]):
    """Tiny app hosting the widgets under test."""

    def __init__(self, make_widgets: Callable[[], list[Widget]]) -> None:
        super().__init__()
        self._make_widgets = make_widgets

    def compose(self) -> ComposeResult:
        yield from self._make_widgets()


def run(
    make_widgets: Callable[[], list[Widget]],
    body: Callable[[WidgetApp, Pilot], Awaitable[None]],
    size: tuple[int, int] = (40, 10),
) -> None:
    """Run *body* against an app hosting the widgets *make_widgets* builds.

    Widgets are built inside the app (Input needs an active app) and the
    test runs with ``asyncio.run`` (no pytest-asyncio needed).
    """

    async def main() -> None:
        app = WidgetApp(make_widgets)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await body(app, pilot)

    asyncio.run(main())


def line_text(widget: Widget, y: int = 0) -> str:
    """Plain text of one rendered content line of *widget*."""
    return widget.render_line(y).text


# -------------------------------------------------------------------- RtlText


def test_rtl_text_right_aligned_and_shaped() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlText)
        text = line_text(widget)
        expected = BIL_ALAM_VISUAL + " " + MARHABA_VISUAL
        assert cell_len(text) == widget.size.width == 40
        assert text == " " * (40 - len(expected)) + expected
        assert widget.text == "مرحبا بالعالم"  # stored text untouched
        assert widget.size.height == 1

    run(lambda: [RtlText("مرحبا بالعالم")], body)


def test_rtl_text_left_aligns_english() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        text = line_text(app.query_one(RtlText))
        assert text == "Hello world".ljust(40)

    run(lambda: [RtlText("Hello world")], body)


def test_rtl_text_wraps_first_words_on_first_line() -> None:
    paragraph = "مرحبا بالعالم مرحبا بالعالم مرحبا بالعالم"

    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlText)
        assert widget.size.width == 15
        assert widget.size.height == 3
        rows = [line_text(widget, y) for y in range(3)]
        for row in rows:
            assert cell_len(row) == 15
            assert row.endswith(BIL_ALAM_VISUAL + " " + MARHABA_VISUAL)
            assert row.startswith(" ")

    run(lambda: [RtlText(paragraph)], body, size=(15, 10))



def test_row_view_wraps_and_aligns_like_rtl_text_inside_its_padding() -> None:
    """A list paints its rows itself (one widget a list): each row wrapped at the width inside its
    padding, Arabic on the right; new rows with more lines move the rows below them."""
    from workshop.tui.widgets.row_view import RowView

    paragraph = "مرحبا بالعالم مرحبا بالعالم مرحبا بالعالم"

    async def body(app: WidgetApp, pilot: Pilot) -> None:
        view = app.query_one(RowView)
        view.set_rows([("item-1", paragraph), ("item-2", "Hello world")])
        await pilot.pause()
        assert view.row_lines(0) == [BIL_ALAM_VISUAL + " " + MARHABA_VISUAL] * 3
        for y in range(3):
            line = line_text(view, y)
            assert cell_len(line) == 17 and line.endswith(BIL_ALAM_VISUAL + " " + MARHABA_VISUAL + " ")
        assert line_text(view, 3) == " " + "Hello world".ljust(15) + " "
        view.set_rows([("item-1", paragraph), ("item-2", "Hello world, and again hello"), ("item-3", "Last")])
        await pilot.pause()
        assert [line_text(view, y).strip() for y in (3, 4, 5)] == ["Hello world,", "and again hello", "Last"]
        assert view.virtual_size.height == 6

    def widgets() -> list[Widget]:
        view = RowView()
        view.styles.width = 17
        return [view]

    run(widgets, body, size=(40, 10))


def test_row_view_wraps_only_what_is_shown_and_end_reaches_the_last_row() -> None:
    """500 long rows: the first paint wraps the rows on screen (and their neighbours), not all of
    them; End highlights the last row and paints it at the bottom; PageUp moves by a screenful."""
    from workshop.tui.widgets.row_view import RowView

    rows: list[tuple[str | None, str]] = [(f"i{n}", f"Item {n} " + "word " * (n % 9)) for n in range(500)]

    async def body(app: WidgetApp, pilot: Pilot) -> None:
        view = app.query_one(RowView)
        view.set_rows(rows)
        view.focus()
        await pilot.pause()
        assert len(view._wrapped) < 40
        await pilot.press("end")
        await pilot.pause()
        assert view.highlighted_id == "i499"
        painted = [line_text(view, y) for y in range(view.scrollable_content_region.height)]
        assert any(line.strip().startswith("Item 499") for line in painted), painted
        assert len(view._wrapped) < 80
        await pilot.press("pageup")
        assert view.index is not None and 480 < view.index < 499
        await pilot.press("home")
        assert view.highlighted_id == "i0" and line_text(view, 0).strip().startswith("Item 0")

    def widgets() -> list[Widget]:
        view = RowView()
        view.styles.width = 30
        return [view]

    run(widgets, body, size=(40, 10))


def test_rtl_text_set_text_relayouts() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlText)
        assert widget.size.height == 1
        widget.set_text("مرحبا\nبالعالم\nمرحبا")
        await pilot.pause()
        assert widget.size.height == 3
        assert line_text(widget, 1).endswith(BIL_ALAM_VISUAL)
        assert line_text(widget, 1).strip() == BIL_ALAM_VISUAL

    run(lambda: [RtlText("مرحبا")], body)


def test_rtl_text_terminal_mode_paints_as_stored() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        assert line_text(app.query_one(RtlText)).endswith("مرحبا")

    run(lambda: [RtlText("مرحبا", mode="terminal")], body)


def test_rtl_text_never_overflows_hostile_text() -> None:
    hostile = "\x1b[31m" + "中文👨\u200d👩\u200d👧 " * 20 + "\u202eمرحبا" + "e\u0301" * 30

    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlText)
        for y in range(widget.size.height):
            row = line_text(widget, y)
            assert cell_len(row) == 13
            assert "\x1b" not in row and "\u202e" not in row

    run(lambda: [RtlText(hostile)], body, size=(13, 40))


# ------------------------------------------------------------------- RtlInput


def test_rtl_input_typing_keeps_value_logical() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlInput)
        widget.focus()
        await pilot.press(*"سلام")
        assert widget.value == "سلام"
        text = line_text(widget)
        assert text.endswith(" " + SALAM_VISUAL)  # spare cursor cell, then text
        assert text.strip() == SALAM_VISUAL
        assert cell_len(text) == widget.size.width

    run(lambda: [RtlInput()], body)


def test_rtl_input_cursor_follows_visual_position() -> None:
    def cursor_cell(widget: RtlInput) -> str:
        cursor_style = widget.get_component_rich_style("input--cursor")
        hits = [
            segment.text
            for segment in widget.render_line(0)
            if segment.style and segment.style.bgcolor == cursor_style.bgcolor
        ]
        assert len(hits) == 1, hits
        return hits[0]

    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlInput)
        widget.focus()
        await pilot.press(*"سلام")
        assert cursor_cell(widget) == " "  # end of RTL text: left spare cell
        await pilot.press("right")  # visually right = logically back
        assert widget.cursor_position == 3
        assert cursor_cell(widget) == "\ufee1"  # on meem
        await pilot.press("home")
        assert widget.cursor_position == 0
        assert cursor_cell(widget) == "\ufeb3"  # on seen, the rightmost letter
        await pilot.press("left")  # visually left = logically forward
        assert widget.cursor_position == 1
        assert widget.value == "سلام"

    run(lambda: [RtlInput()], body)


def test_rtl_input_insert_in_middle() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlInput)
        widget.focus()
        widget.value = "مرحبا"
        widget.cursor_position = 0
        widget.insert_text_at_cursor("يا ")
        await pilot.pause()
        assert widget.value == "يا مرحبا"
        # "يا": yeh initial, alef final -> rightmost word.
        assert line_text(widget).rstrip().endswith(MARHABA_VISUAL + " \ufe8e\ufef3")

    run(lambda: [RtlInput()], body)


def test_rtl_input_english_first_value_still_shapes_arabic() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlInput)
        assert widget.rtl_active and not widget.value_is_rtl
        text = line_text(widget)
        assert text.startswith("Hi " + MARHABA_VISUAL)  # left-aligned, joined
        assert widget.value == "Hi مرحبا"

    run(lambda: [RtlInput("Hi مرحبا")], body)


def test_rtl_input_click_maps_to_logical_index() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlInput)
        widget.value = "سلام"
        await pilot.pause()
        width = widget.size.width
        assert widget._cell_offset_to_index(width - 1) == 0  # seen, rightmost
        assert widget._cell_offset_to_index(width - 3) == 3  # meem
        assert widget._cell_offset_to_index(0) == 4  # left blank: end of text

    run(lambda: [RtlInput()], body)


def test_rtl_input_too_long_shows_its_start_until_it_is_edited() -> None:
    """A long Arabic value in a field the facilitator is not in shows its first words (on the
    right), as an English one shows its start; it showed its end, its first word cut to a letter
    (mission's 'what change' at 80x24). In the field, the cursor's end is shown, as before."""

    async def body(app: WidgetApp, pilot: Pilot) -> None:
        other, widget = app.query(RtlInput).results()
        assert other.has_focus and not widget.has_focus
        assert line_text(widget).endswith(SALAM_VISUAL)  # the first word, whole, at the right edge
        assert BIL_ALAM_VISUAL not in line_text(widget)
        widget.focus()
        await pilot.pause()
        assert widget.cursor_position == len(widget.value)
        assert BIL_ALAM_VISUAL in line_text(widget) and not line_text(widget).endswith(SALAM_VISUAL)
        other.focus()
        await pilot.pause()
        assert line_text(widget).endswith(SALAM_VISUAL)

    run(lambda: [RtlInput("x"), RtlInput("سلام " + "مرحبا " * 10 + "بالعالم")], body)


def test_a_value_put_in_from_outside_leaves_the_cursor_at_its_end_and_shows_its_start() -> None:
    """Readiness puts each question's note in one field: past an empty note the cursor stayed at 0
    and the words typed went in front of the next note. Now the cursor waits at the end, and the
    field (English here) still shows the start until the facilitator goes into it."""

    async def body(app: WidgetApp, pilot: Pilot) -> None:
        other, widget = app.query(RtlInput).results()
        long = "Staff time is promised but no funder has committed money yet"
        for value in ("", long):
            widget.value = value
            await pilot.pause()
            assert widget.cursor_position == len(value)
        assert line_text(widget).startswith("Staff time")
        widget.focus()
        await pilot.press(*" now")
        assert widget.value == long + " now"
        assert line_text(widget).rstrip().endswith("money yet now")
        other.focus()
        await pilot.pause()
        assert line_text(widget).startswith("Staff time")

    run(lambda: [RtlInput("x"), RtlInput("Clinics agree")], body)


def test_rtl_input_placeholder_right_aligned() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlInput)
        assert line_text(widget).rstrip().endswith(MARHABA_VISUAL)

    run(lambda: [RtlInput(placeholder="مرحبا")], body)


def test_rtl_input_ltr_and_terminal_mode_use_plain_input() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        english, terminal = app.query(RtlInput).results()
        assert line_text(english).startswith("hello")
        assert not terminal.rtl_active
        assert line_text(terminal).startswith("سلام")

    run(lambda: [RtlInput("hello"), RtlInput("سلام", mode="terminal")], body)


def test_rtl_input_compact_defaults() -> None:
    async def body(app: WidgetApp, pilot: Pilot) -> None:
        widget = app.query_one(RtlInput)
        widget.focus()
        await pilot.pause()
        assert widget.outer_size.height == 1
        assert widget.cursor_blink is False
        assert widget.styles.border_top[0] in ("", "none")

    run(lambda: [RtlInput("سلام", placeholder="x")], body)


# -------------------------------------------------------------------- StepRail


def test_step_rail_rows_stay_in_line_in_both_modes() -> None:
    """Titles are cut to the cells they take as drawn: lam-alef is one cell when the app joins
    letters, two when the terminal gets them as stored (terminal mode); a title cut one cell too
    long pushed the step's number onto a row of its own at 80x24."""
    from workshop.core.i18n import Ui
    from workshop.core.steps.registry import STEP_IDS
    from workshop.tui.widgets.step_rail import StepRail

    for mode in ("terminal", "app"):
        rails: list[StepRail] = []

        def make(mode: str = mode) -> list[Widget]:
            rail = StepRail(Ui.of("ar", mode))
            rail.open_findings = {"goals": 1, "readiness": 1}
            rails.append(rail)
            return [rail]

        async def body(app: WidgetApp, pilot: Pilot) -> None:
            rail = rails[0]
            lines = rail.render().plain.split("\n")
            assert len(lines) == len(STEP_IDS)
            for number, line in enumerate(lines, start=1):
                assert line.strip().endswith(str(number)), (mode, line)
                # as Textual (and the terminal's grid) count it: one cell a code point, marks none
                assert cell_len(line) <= rail.content_size.width, (mode, line)

        run(make, body, size=(40, 16))


def test_rtl_text_cut_by_its_height_ends_in_an_ellipsis_at_its_reading_end() -> None:
    """A text longer than its max-height shows '…' on its last row (after a whole word, on the right
    in English, on the left in Arabic); a text that fits has none. Before, the rows simply stopped."""
    english = "Decides: approves the mission, the annual plan and budget, new members"
    arabic = "مرحبا بالعالم مرحبا بالعالم مرحبا بالعالم"

    async def body(app: WidgetApp, pilot: Pilot) -> None:
        cut_en, cut_ar, whole = app.query(RtlText)
        assert cut_en.size.height == 1 and cut_ar.size.height == 1
        assert line_text(cut_en) == "Decides: approves the…".ljust(30)  # not "the mission,…" cut in a word
        assert line_text(cut_ar).lstrip() == "…" + BIL_ALAM_VISUAL + " " + MARHABA_VISUAL
        assert "…" not in line_text(whole) + line_text(whole, 1)

    def widgets() -> list[Widget]:
        made = [RtlText(english), RtlText(arabic), RtlText("Meets monthly on Saturdays")]
        for widget in made:
            widget.styles.width = 30 if widget.text != arabic else 15
            widget.styles.max_height = 1 if widget.text != "Meets monthly on Saturdays" else 2
        return made

    run(widgets, body, size=(40, 10))
