"""SWOT: four quadrants filled by quick capture; Tab moves between them; dot-voting by key."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.reactive import reactive

from workshop.core.attribution import set_from_typed, split_author
from workshop.core.edits import by_votes, reorder, room_dots_left, vote
from workshop.core.model import SWOT_KINDS
from workshop.core.steps.swot import add_swot, move_swot, next_kind
from workshop.tui.screens.base import StepScreen
from workshop.tui.widgets.capture_list import CaptureList, Entry
from workshop.tui.widgets.rtl_text import RtlText


def grid_order(rtl: bool) -> list[str]:
    """The quadrants as the 2x2 grid places them (row by row, left to right): mirrored in Arabic,
    where strengths sit top right and reading (and Tab) goes right to left."""
    rows = [list(SWOT_KINDS[i : i + 2]) for i in range(0, len(SWOT_KINDS), 2)]
    return [kind for row in rows for kind in (reversed(row) if rtl else row)]


class SwotScreen(StepScreen):
    """Strengths, weaknesses/needs, opportunities, threats."""

    STEP = "swot"
    BINDINGS = [
        Binding("tab", "quadrant(1)", "Next quadrant", id="next-quadrant", priority=True),
        Binding("shift+tab", "quadrant(-1)", "Previous quadrant", id="previous-quadrant", priority=True, show=False),
        Binding("ctrl+s", "toggle_sort", "Sort by dots", id="sort-votes"),
    ]

    sort_by_votes: reactive[bool] = reactive(False)
    """Whether each quadrant lists the most-voted items first."""

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        yield RtlText("", mode=ui.mode, id="dots")
        with Grid(id="quadrants"):
            for kind in grid_order(ui.rtl):
                yield CaptureList(
                    ui,
                    ui.text(f"swot.kinds.{kind}.name"),
                    placeholder=ui.text("capture.placeholder"),
                    short_placeholder=ui.text("capture.placeholder_short"),
                    votable=True,
                    transferable=True,
                    id=f"q-{kind}",
                )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#q-strength", CaptureList).focus_capture()

    def refresh_work(self) -> None:
        workshop = self.workshop
        for kind in SWOT_KINDS:
            items = workshop.swot_of(kind)
            if self.sort_by_votes:
                items = by_votes(items)
            self.query_one(f"#q-{kind}", CaptureList).set_entries(
                [Entry(i.id, i.text, i.votes, author=i.author) for i in items]
            )
        left = room_dots_left(workshop, workshop.swot)
        self.query_one("#dots", RtlText).text = self.ui.text("swot.dots_left", left=left)

    def watch_sort_by_votes(self) -> None:
        if self.is_mounted:
            self.refresh_work()

    def action_toggle_sort(self) -> None:
        self.sort_by_votes = not self.sort_by_votes

    def action_quadrant(self, offset: int) -> None:
        """Tab goes through the quadrants in reading order (S, W, O, T) whichever side they sit."""
        lists = [self.query_one(f"#q-{kind}", CaptureList) for kind in SWOT_KINDS]
        current = next((i for i, c in enumerate(lists) if c.has_focus_within), -1)
        lists[(current + offset) % len(lists)].focus_capture()

    def _kind_of(self, capture: CaptureList) -> str:
        return (capture.id or "q-strength").removeprefix("q-")

    def _item(self, item_id: str):  # type: ignore[no-untyped-def]
        return next((i for i in self.workshop.swot if i.id == item_id), None)

    @on(CaptureList.Added)
    def _added(self, event: CaptureList.Added) -> None:
        text, author = split_author(event.text)
        self.edit(lambda w: add_swot(w, self._kind_of(event.capture_list), text, author))

    @on(CaptureList.Edited)
    def _edited(self, event: CaptureList.Edited) -> None:
        item = self._item(event.item_id)
        if item is not None:
            self.edit(lambda w: set_from_typed(item, event.text))

    @on(CaptureList.Acted)
    def _acted(self, event: CaptureList.Acted) -> None:
        item = self._item(event.item_id)
        if item is None:
            return
        if event.action == "delete":
            self.session.delete(self.workshop.swot, item)
            self.refresh_work()
        elif event.action == "vote":
            if not self.edit(lambda w: vote(w, w.swot, item, event.value)):
                self.notify(self.ui.text("swot.no_dots"), severity="warning")
        elif event.action == "move":
            self.edit(lambda w: reorder(w.swot, item, event.value, lambda o: o.kind == item.kind))
        elif event.action == "transfer":
            target = next_kind(item.kind)
            self.edit(lambda w: move_swot(w, item, target))
            self.notify(self.ui.text("swot.moved", kind=self.ui.text(f"swot.kinds.{target}.name")))
