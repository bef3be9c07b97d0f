"""Problem mapping: trends that affect the community, then each problem linked to opportunities.

Tab moves between the trends, the problems and the opportunities; ctrl+f fills problems
and opportunities from the SWOT; on a highlighted problem, ctrl+k opens the opportunities to
link (space or Enter ticks one); F9 changes a trend's source; ctrl+l shows the compact map (each problem → its
opportunities). Problems linked to nothing are flagged.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import SelectionList
from workshop.tui.widgets.plain import Static
from textual.widgets.selection_list import Selection

from workshop.core.attribution import set_from_typed, split_author
from workshop.core.edits import reorder, vote
from workshop.core.i18n import Ui
from workshop.core.model import Opportunity, Problem, Trend
from workshop.core.steps.mapping import (
    TREND_SOURCES,
    linked_opportunities,
    map_lines,
    next_source,
    one_line,
    seed_mapping,
    set_trend,
    split_trend,
    toggle_link,
    unlinked_problem_ids,
)
from workshop.tui.screens.base import StepScreen
from workshop.tui.widgets.capture_list import CaptureList, Entry
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.row_view import RowView
from workshop.tui.widgets.rtl_text import RtlText

PANES: tuple[str, ...] = ("trends", "problems", "opportunities", "map")


class LinkScreen(ModalScreen[None]):
    """Tick the opportunities one problem is linked to; each tick is saved at once."""

    BINDINGS = [
        Binding("escape", "close", "Done", id="mapping-link-done"),
        Binding("enter", "toggle", "Link / unlink", id="mapping-link-toggle"),
    ]

    def __init__(
        self,
        ui: Ui,
        problem: Problem,
        opportunities: list[Opportunity],
        on_toggle: Callable[[str], None],
    ) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.ui = ui
        self.problem = problem
        self.opportunities = opportunities
        self.on_toggle = on_toggle
        localise_bindings(self, ui)

    def compose(self) -> ComposeResult:
        ui = self.ui
        with Vertical(classes="dialog"):
            yield Static(ui.label("screen.mapping.link_title"), classes="heading")
            yield RtlText(self.problem.text, mode=ui.mode)
            yield Static(ui.label("screen.mapping.link_hint"), classes="label")
            yield SelectionList[str](
                *[
                    Selection(ui.show(one_line(o.text, 70)), o.id, o.id in self.problem.opportunity_ids)
                    for o in self.opportunities
                ],
                id="link-choices",
            )

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled) -> None:
        self.on_toggle(str(event.selection.value))

    def action_toggle(self) -> None:
        choices = self.query_one(SelectionList)
        if choices.highlighted is not None:
            choices.toggle(choices.get_option_at_index(choices.highlighted).value)

    def action_close(self) -> None:
        self.dismiss(None)


class MappingScreen(StepScreen):
    """Activity 2 (trends) and activity 3 (problems linked to opportunities)."""

    STEP = "mapping"
    CSS_PATH = "setup.tcss"
    BINDINGS = [
        Binding("tab", "pane(1)", "Next list", id="mapping-next-pane", priority=True),
        Binding("shift+tab", "pane(-1)", "Previous list", id="mapping-previous-pane", priority=True, show=False),
        Binding("ctrl+f", "seed", "Fill from SWOT", id="mapping-seed"),
        Binding("ctrl+l", "toggle_map", "Map", id="mapping-map"),
        Binding("ctrl+k", "link", "Link", id="mapping-link"),
        Binding("f9", "cycle_source", "Source", id="mapping-source"),
    ]

    pane: reactive[str] = reactive("problems")
    """The list shown: trends, problems, opportunities, or the compact map."""

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        yield Static("", id="mapping-tabs")
        yield RtlText("", mode=ui.mode, id="mapping-status")
        yield CaptureList(
            ui,
            ui.text("screen.mapping.trends"),
            placeholder=ui.text("screen.mapping.trend_hint"),
            id="trends",
            classes="pane",
        )
        with Vertical(id="problems-pane", classes="pane"):
            yield CaptureList(
                ui, ui.text("screen.mapping.problems"), placeholder=ui.text("capture.placeholder"), votable=True, id="problems"
            )
            yield RtlText("", mode=ui.mode, id="problem-links")
        yield CaptureList(
            ui,
            ui.text("screen.mapping.opportunities"),
            placeholder=ui.text("capture.placeholder"),
            votable=True,
            id="opportunities",
            classes="pane",
        )
        with VerticalScroll(id="map-view", classes="pane"):
            yield Static(ui.label("screen.mapping.map_title"), classes="section")
            yield RtlText("", mode=ui.mode, id="map-text")

    def on_mount(self) -> None:
        super().on_mount()
        self._show_pane()

    # ------------------------------------------------------------------ view

    def refresh_work(self) -> None:
        ui, workshop = self.ui, self.workshop
        sources = self._source_names()
        self.query_one("#trends", CaptureList).set_entries(
            [Entry(t.id, t.text, None, sources[t.source], t.author) for t in workshop.trends]
        )
        unlinked = unlinked_problem_ids(workshop)
        self.query_one("#problems", CaptureList).set_entries(
            [
                Entry(
                    p.id,
                    p.text,
                    p.votes,
                    ui.text("screen.mapping.unlinked_mark")
                    if p.id in unlinked
                    else ui.text("screen.mapping.linked_count", count=len(linked_opportunities(workshop, p.id))),
                    p.author,
                )
                for p in workshop.problems
            ]
        )
        self.query_one("#opportunities", CaptureList).set_entries(
            [Entry(o.id, o.text, o.votes, author=o.author) for o in workshop.opportunities]
        )
        status = self.query_one("#mapping-status", RtlText)
        if unlinked:
            status.text = ui.text("screen.mapping.unlinked_count", count=len(unlinked))
        elif workshop.problems:
            status.text = ui.text("screen.mapping.all_linked")
        else:
            status.text = ui.text("screen.mapping.empty")
        status.set_class(bool(unlinked), "-warn")
        arrow = "←" if ui.rtl else "→"
        self.query_one("#map-text", RtlText).text = "\n".join(
            map_lines(workshop, arrow=arrow, unlinked=ui.text("screen.mapping.unlinked_mark"))
        ) or ui.text("screen.mapping.empty")
        self._show_links()
        self._show_tabs()

    def _source_names(self) -> dict[str, str]:
        return {s: self.ui.text(f"trend_sources.{s}") for s in TREND_SOURCES}

    def _show_tabs(self) -> None:
        ui = self.ui
        counts = {
            "trends": len(self.workshop.trends),
            "problems": len(self.workshop.problems),
            "opportunities": len(self.workshop.opportunities),
        }
        tabs = []
        for pane in PANES:
            name = ui.text(f"screen.mapping.tabs.{pane}")
            if pane in counts:
                name = f"{name} ({counts[pane]})"
            tabs.append(f"[{name}]" if pane == self.pane else f" {name} ")
        if ui.rtl:
            tabs.reverse()
        self.query_one("#mapping-tabs", Static).update(" ".join(ui.show(t) for t in tabs))

    def _show_links(self) -> None:
        """Under the problems: the highlighted problem's opportunities."""
        ui = self.ui
        problem_id = self.query_one("#problems", CaptureList).highlighted_id()
        links = linked_opportunities(self.workshop, problem_id) if problem_id else []
        arrow = "←" if ui.rtl else "→"
        if not problem_id:
            text = ""
        elif links:
            text = "\n".join(f"{arrow} {one_line(t, 80)}" for t in links)
        else:
            text = ui.text("screen.mapping.press_l")
        links_text = self.query_one("#problem-links", RtlText)
        links_text.text = text
        links_text.display = bool(text)

    def watch_pane(self) -> None:
        if self.is_mounted:
            self._show_pane()

    def _show_pane(self) -> None:
        shown = {"trends": "#trends", "problems": "#problems-pane", "opportunities": "#opportunities", "map": "#map-view"}
        for pane, selector in shown.items():
            self.query_one(selector).display = pane == self.pane
        if self.pane == "map":
            self.query_one("#map-view").focus()
        else:
            self._capture(self.pane).focus_capture()
        self._show_tabs()

    def _capture(self, pane: str) -> CaptureList:
        return self.query_one(f"#{pane}", CaptureList)

    @on(RowView.Highlighted)
    def _highlighted(self) -> None:
        self._show_links()

    # ------------------------------------------------------------------ actions

    def action_pane(self, offset: int) -> None:
        self.pane = PANES[(PANES.index(self.pane) + offset) % len(PANES)]

    def action_toggle_map(self) -> None:
        self.pane = "problems" if self.pane == "map" else "map"

    def action_seed(self) -> None:
        added = self.edit(seed_mapping)
        if added is None:
            return
        key = "screen.mapping.seeded" if added else "screen.mapping.seeded_none"
        self.notify(self.ui.text(key, count=added))
        if self.pane not in ("problems", "opportunities"):
            self.pane = "problems"

    def action_link(self) -> None:
        if self.pane != "problems":
            return
        problem = self._problem(self.query_one("#problems", CaptureList).target_id())
        if problem is None:
            return
        if not self.workshop.opportunities:
            self.notify(self.ui.text("screen.mapping.no_opportunities"), severity="warning")
            return
        if self.session.read_only:
            self.notify(self.ui.text("app.read_only_refused"), severity="warning")
            return

        def toggle(opportunity_id: str) -> None:
            self.edit(lambda w: toggle_link(problem, opportunity_id))

        self.app.push_screen(
            LinkScreen(self.ui, problem, list(self.workshop.opportunities), toggle),
            callback=lambda _: self._capture("problems").focus_list(),
        )

    def action_cycle_source(self) -> None:
        if self.pane != "trends":
            return
        trend = self._trend(self._capture("trends").target_id())
        if trend is not None:
            self.edit(lambda w: setattr(trend, "source", next_source(trend.source)))

    # ------------------------------------------------------------------ list messages

    def _trend(self, item_id: str | None) -> Trend | None:
        return next((t for t in self.workshop.trends if t.id == item_id), None)

    def _problem(self, item_id: str | None) -> Problem | None:
        return next((p for p in self.workshop.problems if p.id == item_id), None)

    def _opportunity(self, item_id: str | None) -> Opportunity | None:
        return next((o for o in self.workshop.opportunities if o.id == item_id), None)

    @on(CaptureList.Added)
    def _added(self, event: CaptureList.Added) -> None:
        pane = event.capture_list.id
        if pane == "trends":
            text, source, author = split_trend(event.text, self._source_names())
            trend = Trend(text=text, source=source or "experience", author=author)  # type: ignore[arg-type]
            self.edit(lambda w: w.trends.append(trend))
        elif pane == "problems":
            text, author = split_author(event.text)
            problem = Problem(text=text, author=author)
            self.edit(lambda w: w.problems.append(problem))
        elif pane == "opportunities":
            text, author = split_author(event.text)
            opportunity = Opportunity(text=text, author=author)
            self.edit(lambda w: w.opportunities.append(opportunity))

    @on(CaptureList.Edited)
    def _edited(self, event: CaptureList.Edited) -> None:
        pane = event.capture_list.id
        if pane == "trends":
            trend = self._trend(event.item_id)
            if trend is not None:
                text, source, author = split_trend(event.text, self._source_names())
                self.edit(lambda w: set_trend(trend, text, source, author))
            return
        item = self._problem(event.item_id) if pane == "problems" else self._opportunity(event.item_id)
        if item is not None:
            self.edit(lambda w: set_from_typed(item, event.text))

    @on(CaptureList.Acted)
    def _acted(self, event: CaptureList.Acted) -> None:
        pane = event.capture_list.id
        collection: list = {  # type: ignore[type-arg]
            "trends": self.workshop.trends,
            "problems": self.workshop.problems,
            "opportunities": self.workshop.opportunities,
        }.get(pane or "", [])
        item = next((i for i in collection if i.id == event.item_id), None)
        if item is None:
            return
        if event.action == "delete":
            if self.session.read_only:
                self.notify(self.ui.text("app.read_only_refused"), severity="warning")
                return
            self.session.delete(collection, item)
            self.refresh_work()
            self.notify(self.ui.text("screen.mapping.deleted"))
        elif event.action == "move":
            self.edit(lambda w: reorder(collection, item, event.value))
        elif event.action == "vote":
            if not self.edit(lambda w: vote(w, collection, item, event.value)):
                self.notify(self.ui.text("swot.no_dots"), severity="warning")
