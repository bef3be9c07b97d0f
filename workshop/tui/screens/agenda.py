"""The agenda (F4 on any step): planned against used minutes for the twelve steps.

Up/down pick a step; + and - (or the arrows, mirrored in Arabic) move its timebox by
five minutes; r puts the suggestion back; d and D give each participant one dot more or
fewer. Every change goes through the session, so the step's countdown follows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable
from workshop.tui.widgets.footer import Footer
from workshop.tui.widgets.plain import Static

from workshop.core.edits import dots_total
from workshop.core.i18n import Ui
from workshop.core.model import Workshop
from workshop.core.session import Session
from workshop.core.steps import agenda as core
from workshop.core.steps.registry import STEP_IDS
from workshop.tui.screens.base import guarded_edit
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_text import RtlText
from workshop.tui.widgets.timer import CHECK_EVERY

#: Table columns in reading order (reversed for Arabic).
COLUMNS: tuple[str, ...] = ("mark", "step", "planned", "used", "delta")
#: Columns whose cells are numbers (right-aligned in both languages).
NUMBER_COLUMNS = frozenset({"planned", "used", "delta"})
NUMBER_WIDTH = 8
#: Width the two tables fill: the dialog's inner width in agenda.tcss (64 - border - padding).
TABLE_WIDTH = 60


class AgendaScreen(ModalScreen[None]):
    """Timeboxes and time used for the session, and the dots per participant."""

    CSS_PATH = "agenda.tcss"
    BINDINGS = [
        Binding("escape,f4", "close", "Close", id="agenda-close"),
        Binding("plus,equals_sign", "nudge(1)", "+5 min", id="agenda-more", priority=True),
        Binding("minus", "nudge(-1)", "−5 min", id="agenda-less", priority=True),
        Binding("right", "arrow('right')", "+5 min", id="agenda-more-arrow", show=False, priority=True),
        Binding("left", "arrow('left')", "−5 min", id="agenda-less-arrow", show=False, priority=True),
        Binding("r", "reset", "Suggested time", id="agenda-reset"),
        Binding("d", "dots(1)", "+1 dot", id="agenda-dots-more"),
        Binding("D", "dots(-1)", "−1 dot", id="agenda-dots-less"),
    ]

    def __init__(self, session: Session, ui: Ui, *, current_step: str | None = None) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.session = session
        self.ui = ui
        self.current_step = current_step or session.workshop.last_step
        #: The cells last drawn, so the live refresh redraws only when a shown minute changed.
        self._shown: list[dict[str, str]] = []
        localise_bindings(self, ui)

    @property
    def workshop(self) -> Workshop:
        """The open workshop (the session's)."""
        return self.session.workshop

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        ui = self.ui
        with Vertical(classes="dialog", id="agenda"):
            yield Static(ui.label("agenda.title"), classes="heading", id="agenda-title")
            yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="agenda-total", cursor_type="none", show_header=False)
            yield RtlText("", mode=ui.mode, id="agenda-dots")
            yield RtlText(ui.text("agenda.legend"), mode=ui.mode, id="agenda-legend", classes="agenda-muted")
            yield RtlText(ui.text("agenda.keys"), mode=ui.mode, id="agenda-keys", classes="agenda-muted")
        yield Footer()

    def _columns(self) -> tuple[str, ...]:
        return tuple(reversed(COLUMNS)) if self.ui.rtl else COLUMNS

    def _title(self, row: core.AgendaRow) -> str:
        return self.ui.show(f"{row.number:>2}. {self.ui.text(f'steps.{row.step}.title')}")

    def _widths(self) -> dict[str, int]:
        titles = [self._title(r) for r in core.agenda_rows(self.workshop, None)]
        needed = max(len(t) for t in [*titles, self.ui.label("agenda.total"), self.ui.label("agenda.step")])
        # Each column has one cell of padding on each side; the title column takes what is left,
        # so both tables fill the dialog (and the mirrored Arabic table reaches its right edge).
        others = 1 + 3 * NUMBER_WIDTH + 2 * len(COLUMNS)
        title_width = max(needed, TABLE_WIDTH - others)
        return {"mark": 1, "step": title_width, "planned": NUMBER_WIDTH, "used": NUMBER_WIDTH, "delta": NUMBER_WIDTH}

    def on_mount(self) -> None:
        widths = self._widths()
        table = self.query_one("#agenda-table", DataTable)
        total = self.query_one("#agenda-total", DataTable)
        total.can_focus = False
        for column in self._columns():
            label = "" if column == "mark" else self.ui.label(f"agenda.{column}")
            table.add_column(self._cell(column, label), key=column, width=widths[column])
            total.add_column("", key=column, width=widths[column])
        self.reload()
        table.move_cursor(row=STEP_IDS.index(self.current_step) if self.current_step in STEP_IDS else 0)
        table.focus()
        self.set_interval(CHECK_EVERY, self._tick)

    def _cell(self, column: str, value: str) -> Text:
        right = column in NUMBER_COLUMNS or (self.ui.rtl and column == "step")
        return Text(value, justify="right" if right else "left")

    # ------------------------------------------------------------------ data

    def _rows(self) -> list[core.AgendaRow]:
        elapsed = self.session.step_elapsed() if self.current_step == self.workshop.last_step else None
        return core.agenda_rows(self.workshop, self.current_step, elapsed)

    def _values(self, row: core.AgendaRow) -> dict[str, str]:
        mark = ("◂" if self.ui.rtl else "▸") if row.current else ""
        changed = "*" if row.changed else " "
        return {
            "mark": mark,
            "step": self._title(row),
            "planned": f"{row.planned}{changed}",
            "used": f"{row.used} " if row.started else "— ",
            "delta": f"{core.format_delta(row.delta)} ",
        }

    def reload(self) -> None:
        """Show the stored timeboxes, the time used and the dots (after any change)."""
        rows = self._rows()
        self._shown = [self._values(r) for r in rows]
        table = self.query_one("#agenda-table", DataTable)
        cursor = table.cursor_row
        table.clear()
        for row in rows:
            values = self._values(row)
            table.add_row(*(self._cell(c, values[c]) for c in self._columns()), key=row.step)
        if table.row_count:
            table.move_cursor(row=min(max(cursor, 0), table.row_count - 1), animate=False)
        totals = core.agenda_totals(rows)
        total_values = {
            "mark": "",
            "step": self.ui.label("agenda.total"),
            "planned": f"{totals.planned} ",
            "used": f"{totals.used} ",
            "delta": f"{core.format_delta(totals.delta)} ",
        }
        total = self.query_one("#agenda-total", DataTable)
        total.clear()
        total.add_row(*(self._cell(c, total_values[c]) for c in self._columns()), key="total")
        workshop = self.workshop
        self.query_one("#agenda-dots", RtlText).text = self.ui.text(
            "agenda.dots", dots=workshop.timing.dots_per_participant, total=dots_total(workshop)
        )

    def _tick(self) -> None:
        """Redraw only when a shown minute changed (an idle agenda sends no bytes)."""
        if self.is_attached and [self._values(r) for r in self._rows()] != self._shown:
            self.reload()

    def selected_step(self) -> str:
        """The step under the cursor."""
        row = self.query_one("#agenda-table", DataTable).cursor_row
        return STEP_IDS[min(max(row, 0), len(STEP_IDS) - 1)]

    # ------------------------------------------------------------------ edits

    def _edit(self, change: Callable[[Workshop], Any]) -> bool:
        """Apply a change through the session; tells the user instead of failing."""
        made, _ = guarded_edit(self, self.ui, lambda: self.session.edit(change))
        if made:
            self.reload()
        return made

    # ------------------------------------------------------------------ actions

    def action_close(self) -> None:
        self.dismiss(None)

    def action_nudge(self, direction: int) -> None:
        """Five minutes more (+1) or fewer (-1) for the selected step."""
        step = self.selected_step()
        now = core.planned_minutes(self.workshop, step)
        minutes = core.nudge_minutes(now, direction)
        if minutes == now:
            self.notify(
                self.ui.text("agenda.at_limit", min=core.TIMEBOX_MIN, max=core.TIMEBOX_MAX), severity="warning"
            )
            return
        self._edit(lambda w: core.set_timebox(w, step, minutes))

    def action_arrow(self, key: str) -> None:
        """Right is more in English, left is more in Arabic (the layout is mirrored)."""
        direction = core.arrow_direction(key, self.ui.rtl)
        if direction:
            self.action_nudge(direction)

    def action_reset(self) -> None:
        """The selected step's timebox back to the suggestion."""
        step = self.selected_step()
        if step in self.workshop.timing.timeboxes:
            self._edit(lambda w: core.reset_timebox(w, step))

    def action_dots(self, delta: int) -> None:
        """One dot more or fewer for each participant."""
        now = self.workshop.timing.dots_per_participant
        dots = core.clamp_dots(now + delta)
        if dots == now:
            self.notify(self.ui.text("agenda.dots_limit", min=core.DOTS_MIN, max=core.DOTS_MAX), severity="warning")
            return
        if not self._edit(lambda w: core.set_dots(w, dots)):
            return
        total = dots_total(self.workshop)
        spent = core.most_dots_spent(self.workshop)
        if spent > total:
            self.notify(self.ui.text("agenda.dots_below_spent", spent=spent, total=total), severity="warning")
