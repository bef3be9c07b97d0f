"""Evaluation: where the coalition stands, the eight steps, the closing poll, the indicators, next steps.

Pushed from the export step (key v). Five sections, one shown at a time, Tab moves between
them: the five development stages (←/→ or Enter choose `meta.stage`), the manual's eight
steps (←/→ change progress by 10 %, mirrored in Arabic), the end-of-session poll (1-5 add
one participant's answer to the highlighted question, Backspace takes the last one back),
the four indicators of empowerment success (Space or Enter checks), the next steps (a
CaptureList) and the next meeting (one line: date, time, place; saved as typed, printed on
page 1 of the handout). Every change goes through the session; the rules live in
workshop.core.steps.evaluation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Input, ListItem, ListView
from workshop.tui.widgets.footer import Footer
from workshop.tui.widgets.plain import Static

from workshop.core.attribution import split_author
from workshop.core.edits import reorder
from workshop.core.i18n import Ui
from workshop.core.model import STAGES, Workshop
from workshop.core.parse import NotADate
from workshop.core.session import Session
from workshop.core.steps import evaluation as core
from workshop.tui.screens.base import guarded_edit, on_stack
from workshop.tui.widgets.capture_list import CaptureList, Entry, offer_drafts
from workshop.tui.widgets.forms import FormDialog, FormField
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText

#: The screen's sections, in Tab order.
SECTIONS: tuple[str, ...] = ("stage", "steps", "poll", "indicators", "next", "meeting")
#: Which section each section-specific action belongs to (check_action hides the others).
ACTION_SECTIONS: dict[str, str] = {
    "stage_arrow": "stage",
    "progress_arrow": "steps",
    "rate": "poll",
    "unrate": "poll",
    "toggle_indicator": "indicators",
    "adapt_indicator": "indicators",
}


def _rate_bindings() -> list[Binding]:
    """1-5 (and the Arabic-Indic digits ١-٥) add one answer; only the first shows in the footer."""
    digits = "١٢٣٤٥"
    bindings = [Binding(f"1,{digits[0]}", "rate(1)", "Rate", id="eval-rate", key_display="1-5")]
    bindings += [
        Binding(f"{n},{digits[n - 1]}", f"rate({n})", "Rate", id=f"eval-rate-{n}", show=False) for n in range(2, 6)
    ]
    return bindings


class EvaluationScreen(Screen[None]):
    """The evaluation part of the method, over the export step (Esc comes back)."""

    CSS_PATH = "evaluation.tcss"
    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[misc]
        # The section's own keys first, so they show at 80 columns. Left/right have priority
        # (the lists would scroll sideways); check_action lets them through in other sections.
        Binding("left", "stage_arrow('left')", "Move the stage", id="eval-stage-move", key_display="←→", priority=True),
        Binding("right", "stage_arrow('right')", "Move the stage", id="eval-stage-move-right", show=False, priority=True),
        Binding("left", "progress_arrow('left')", "Progress", id="eval-progress", key_display="←→", priority=True),
        Binding("right", "progress_arrow('right')", "Progress", id="eval-progress-right", show=False, priority=True),
        *_rate_bindings(),
        Binding("backspace", "unrate", "Remove the last answer", id="eval-unrate"),
        Binding("space", "toggle_indicator", "Check", id="eval-toggle"),
        Binding("ctrl+e", "adapt_indicator", "Adapt the wording", id="eval-indicator-adapt"),
        Binding("tab", "section(1)", "Next section", id="eval-next-section", priority=True),
        Binding("shift+tab", "section(-1)", "Previous section", id="eval-previous-section", priority=True, show=False),
        Binding("escape", "close", "Back", id="eval-close"),
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+z", "undo", "Undo delete", id="undo", show=False),
    ]

    section: reactive[str] = reactive("stage")
    """The section shown and edited by the keys."""

    def __init__(self, session: Session, ui: Ui) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.session = session
        self.ui = ui
        localise_bindings(self, ui)
        self._unsubscribe = session.subscribe(self._heard)

    @property
    def workshop(self) -> Workshop:
        return self.session.workshop

    # ------------------------------------------------------------------ layout

    def _row(self, *widgets: Any, id: str | None = None, classes: str | None = None) -> Horizontal:
        """Widgets side by side, mirrored in Arabic."""
        return Horizontal(*(reversed(widgets) if self.ui.rtl else widgets), id=id, classes=classes)

    def compose(self) -> ComposeResult:
        ui = self.ui
        yield self._row(
            RtlText(self.workshop.meta.title, mode=ui.mode, id="eval-workshop-title"),
            Static(ui.label("screen.evaluation.title"), id="eval-title"),
            id="eval-top",
        )
        if self.session.read_only:
            yield Static(ui.label("app.read_only_banner"), id="eval-read-only")
        tabs = [Static(ui.label(f"screen.evaluation.sections.{s}"), classes="eval-tab", id=f"eval-tab-{s}") for s in SECTIONS]
        yield self._row(*tabs, id="eval-tabs")
        yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="eval-summary")
        yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="eval-intro")
        with ContentSwitcher(initial="eval-stage", id="eval-sections"):
            yield ListView(*self._stage_rows(), id="eval-stage")
            with Vertical(id="eval-steps"):
                yield ListView(*self._step_rows(), id="eval-steps-list")
                yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="eval-step-description")
            with Vertical(id="eval-poll"):
                scale = f"{ui.text('poll.scale_low')} · {ui.text('poll.scale_high')}"
                yield RtlText(scale, mode=ui.mode, rtl=ui.rtl, id="eval-scale")
                yield ListView(*self._poll_rows(), id="eval-poll-list")
            yield ListView(*self._indicator_rows(), id="eval-indicators")
            yield CaptureList(
                ui,
                ui.text("screen.evaluation.next.title"),
                placeholder=ui.text("screen.evaluation.next.placeholder"),
                id="eval-next",
            )
            with Vertical(id="eval-meeting"):
                yield RtlInput(
                    value=core.meeting_line(self.workshop.evaluation.next_meeting),
                    placeholder=ui.text("screen.evaluation.meeting.placeholder"),
                    mode=ui.mode,
                    disabled=self.session.read_only,
                    id="eval-meeting-field",
                    select_on_focus=True,  # one date and time: what is typed replaces it
                )
                yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="eval-meeting-status")
        yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="eval-hint")
        yield Footer()

    def _text(self, classes: str = "") -> RtlText:
        return RtlText("", mode=self.ui.mode, rtl=self.ui.rtl, classes=classes)

    def _stage_rows(self) -> list[ListItem]:
        ui = self.ui
        return [
            ListItem(
                self._text("eval-name"),
                RtlText(ui.text(f"stages.{stage}.description"), mode=ui.mode, rtl=ui.rtl, classes="eval-desc"),
                name=stage,
                id=f"eval-stage-{stage}",
            )
            for stage in STAGES
        ]

    def _step_rows(self) -> list[ListItem]:
        ui = self.ui
        rows = []
        for step in core.EIGHT_STEPS:
            title = RtlText(f"{step}. {ui.text(f'eight_steps.{step}.title')}", mode=ui.mode, rtl=ui.rtl, classes="eval-name")
            bar = RtlText("", mode=ui.mode, rtl=ui.rtl, classes="eval-bar")
            description = RtlText(ui.text(f"eight_steps.{step}.description"), mode=ui.mode, rtl=ui.rtl, classes="eval-desc")
            rows.append(ListItem(self._row(title, bar, classes="eval-step-row"), description, name=step, id=f"eval-step-{step}"))
        return rows

    def _poll_rows(self) -> list[ListItem]:
        ui = self.ui
        return [
            ListItem(
                RtlText(f"{n}. {ui.text(f'poll.questions.{q}')}", mode=ui.mode, rtl=ui.rtl, classes="eval-name"),
                self._text("eval-stats"),
                name=q,
                id=f"eval-question-{q}",
            )
            for n, q in enumerate(core.POLL_QUESTIONS, 1)
        ]

    def _indicator_wording(self, n: str) -> str:
        return core.indicator_wording(self.workshop.evaluation, n, self.ui.text(f"indicators.{n}"))

    def _indicator_rows(self) -> list[ListItem]:
        ui = self.ui
        rows = []
        for n in core.INDICATORS:
            box = Static("", markup=False, classes="eval-box")
            text = RtlText(f"{n}. {self._indicator_wording(n)}", mode=ui.mode, rtl=ui.rtl, classes="eval-name")
            rows.append(ListItem(self._row(box, text, classes="eval-indicator-row"), name=n, id=f"eval-indicator-{n}"))
        return rows

    def on_mount(self) -> None:
        self.query_one("#eval-stage", ListView).index = STAGES.index(self.workshop.meta.stage)
        for selector in ("#eval-steps-list", "#eval-poll-list", "#eval-indicators"):
            self.query_one(selector, ListView).index = 0
        self.refresh_view()
        offer_drafts(self, self.session, "evaluation")
        self._show_section()

    def _heard(self, _session: Session) -> None:
        """Redraw after a change, only while this screen is on the app's stack (see StepScreen)."""
        if on_stack(self):
            self._session_changed()
        else:
            self._unsubscribe()

    def dismiss(self, result: None = None) -> AwaitComplete:
        self._unsubscribe()
        return super().dismiss(result)

    def on_unmount(self) -> None:
        self._unsubscribe()

    # ------------------------------------------------------------------ view

    def _session_changed(self) -> None:
        if self.is_attached:
            self.refresh_view()

    def refresh_view(self) -> None:
        """Show the stored evaluation in every section."""
        self._refresh_stages()
        self._refresh_steps()
        self._refresh_poll()
        self._refresh_indicators()
        self._refresh_next_steps()
        self._refresh_meeting()
        self._refresh_summary()

    def _refresh_stages(self) -> None:
        current = self.workshop.meta.stage
        for stage in STAGES:
            row = self.query_one(f"#eval-stage-{stage}", ListItem)
            mark = "●" if stage == current else "○"
            now = f" ({self.ui.text('screen.evaluation.current')})" if stage == current else ""
            row.query_one(".eval-name", RtlText).text = f"{mark} {self.ui.text(f'stages.{stage}.name')}{now}"
            row.set_class(stage == current, "-current")

    def _refresh_steps(self) -> None:
        evaluation = self.workshop.evaluation
        for step in core.EIGHT_STEPS:
            bar = self.query_one(f"#eval-step-{step} .eval-bar", RtlText)
            bar.text = core.progress_bar(core.step_progress(evaluation, step))
        self._describe_step()

    def _describe_step(self) -> None:
        item = self.query_one("#eval-steps-list", ListView).highlighted_child
        step = item.name if item is not None else core.EIGHT_STEPS[0]
        self.query_one("#eval-step-description", RtlText).text = self.ui.text(f"eight_steps.{step}.description")

    def _refresh_poll(self) -> None:
        ui = self.ui
        for summary in core.poll_summaries(self.workshop.evaluation.ratings):
            if summary.count:
                spread = " ".join(f"{score}:{count}" for score, count in enumerate(summary.counts, 1))
                stats = ui.text("screen.evaluation.poll.stats", count=summary.count, average=summary.average_text())
                stats = f"{stats} · {spread}"
            else:
                stats = ui.text("screen.evaluation.poll.none")
            self.query_one(f"#eval-question-{summary.question} .eval-stats", RtlText).text = stats

    def _refresh_indicators(self) -> None:
        indicators = self.workshop.evaluation.indicators
        for n in core.INDICATORS:
            checked = indicators.get(n, False)
            row = self.query_one(f"#eval-indicator-{n}", ListItem)
            row.query_one(".eval-box", Static).update("[x]" if checked else "[ ]")
            row.query_one(".eval-name", RtlText).text = f"{n}. {self._indicator_wording(n)}"
            row.set_class(checked, "-checked")

    def _refresh_next_steps(self) -> None:
        steps = self.workshop.evaluation.next_steps
        entries = [Entry(i.id, core.with_due(i.text, getattr(i, "due", None)), author=i.author) for i in steps]
        self.query_one("#eval-next", CaptureList).set_entries(entries)

    def _refresh_meeting(self, problem: str = "") -> None:
        meeting = self.workshop.evaluation.next_meeting
        if problem:
            status = problem
        elif meeting.is_set():
            status = self.ui.text("screen.evaluation.meeting.shown", meeting=" · ".join(core.meeting_parts(meeting)))
        else:
            status = self.ui.text("screen.evaluation.meeting.none")
        self.query_one("#eval-meeting-status", RtlText).text = status

    def _refresh_summary(self) -> None:
        ui, workshop = self.ui, self.workshop
        evaluation = workshop.evaluation
        average = core.overall_average(evaluation.ratings)
        self.query_one("#eval-summary", RtlText).text = ui.text(
            "screen.evaluation.summary",
            stage=ui.text(f"stages.{workshop.meta.stage}.name"),
            progress=core.average_progress(evaluation),
            average="–" if average is None else f"{average:.1f}",
            count=len(evaluation.ratings),
            met=core.indicators_met(evaluation),
            next=len(evaluation.next_steps),
        )

    # ------------------------------------------------------------------ sections

    def watch_section(self) -> None:
        if self.is_attached:
            self._show_section()

    def _show_section(self) -> None:
        section = self.section
        self.query_one("#eval-sections", ContentSwitcher).current = f"eval-{section}"
        for name in SECTIONS:
            self.query_one(f"#eval-tab-{name}", Static).set_class(name == section, "-active")
        self.query_one("#eval-intro", RtlText).text = self.ui.text(f"screen.evaluation.intro.{section}")
        self.query_one("#eval-hint", RtlText).text = self.ui.text(f"screen.evaluation.hints.{section}")
        if section == "next":
            self.query_one("#eval-next", CaptureList).focus_capture()
        elif section == "meeting":
            self.query_one("#eval-meeting-field", RtlInput).focus()
        else:
            self._section_list().focus()
        self.refresh_bindings()

    def _section_list(self) -> ListView:
        selector = {"stage": "#eval-stage", "steps": "#eval-steps-list", "poll": "#eval-poll-list"}.get(
            self.section, "#eval-indicators"
        )
        return self.query_one(selector, ListView)

    def _highlighted(self) -> str | None:
        item = self._section_list().highlighted_child
        return item.name if item is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys of one section work (and show in the footer) only in that section."""
        wanted = ACTION_SECTIONS.get(action)
        return wanted is None or wanted == self.section

    def action_section(self, offset: int) -> None:
        self.section = SECTIONS[(SECTIONS.index(self.section) + offset) % len(SECTIONS)]

    # ------------------------------------------------------------------ edits

    def _guard(self, change: Callable[[], Any]) -> bool:
        """Run an edit; tell the user (never a traceback) when read-only or invalid. True when it was made."""
        return guarded_edit(self, self.ui, change)[0]

    def edit(self, change: Callable[[Workshop], Any]) -> bool:
        """Apply a change to the workshop through the session."""
        return self._guard(lambda: self.session.edit(change))

    # ------------------------------------------------------------------ stage

    def action_stage_arrow(self, key: str) -> None:
        stage = core.shift_stage(self.workshop.meta.stage, core.arrow_delta(key, self.ui.rtl, 1))
        self._choose_stage(stage)

    def _choose_stage(self, stage: str) -> None:
        if stage != self.workshop.meta.stage:
            self.edit(lambda w: core.set_stage(w.meta, stage))
        self.query_one("#eval-stage", ListView).index = STAGES.index(self.workshop.meta.stage)

    @on(ListView.Selected, "#eval-stage")
    def _stage_selected(self, event: ListView.Selected) -> None:
        if event.item.name in STAGES:
            self._choose_stage(event.item.name)

    # ------------------------------------------------------------------ eight steps

    def action_progress_arrow(self, key: str) -> None:
        step = self._highlighted()
        delta = core.arrow_delta(key, self.ui.rtl)
        if step is not None and delta:
            self.edit(lambda w: core.nudge_progress(w.evaluation, step, delta))

    @on(ListView.Highlighted, "#eval-steps-list")
    def _step_highlighted(self) -> None:
        self._describe_step()

    # ------------------------------------------------------------------ poll

    def action_rate(self, score: int) -> None:
        question = self._highlighted()
        if question is not None:
            self.edit(lambda w: core.add_rating(w.evaluation, question, score))

    def action_unrate(self) -> None:
        question = self._highlighted()
        if question is None:
            return
        if not any(r.question == question for r in self.workshop.evaluation.ratings):
            self.notify(self.ui.text("screen.evaluation.nothing_to_remove"))
            return
        removed: list[Any] = []
        if self.edit(lambda w: removed.append(core.remove_last_rating(w.evaluation, question))) and removed[0]:
            self.notify(self.ui.text("screen.evaluation.rating_removed", score=removed[0].score))

    # ------------------------------------------------------------------ indicators

    def action_toggle_indicator(self) -> None:
        indicator = self._highlighted()
        if indicator is not None:
            self.edit(lambda w: core.toggle_indicator(w.evaluation, indicator))

    def action_adapt_indicator(self) -> None:
        """ctrl+e on the highlighted indicator: this workshop's own wording (blank: the manual's again)."""
        indicator = self._highlighted()
        if indicator is None:
            return
        ui = self.ui
        manual = ui.text(f"indicators.{indicator}")
        field = FormField("text", ui.text("screen.evaluation.indicator_field"), value=self._indicator_wording(indicator), placeholder=manual)

        def adapted(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.edit(lambda w: core.set_indicator_text(w.evaluation, indicator, str(values.get("text", ""))))

        self.app.push_screen(FormDialog(ui, ui.text("screen.evaluation.indicator_title", number=indicator), [field]), adapted)

    @on(ListView.Selected, "#eval-indicators")
    def _indicator_selected(self) -> None:
        self.action_toggle_indicator()

    # ------------------------------------------------------------------ next meeting

    @on(Input.Changed, "#eval-meeting-field")
    def _meeting_typed(self, event: Input.Changed) -> None:
        """Saved as typed (a quiet edit: nothing else on screen shows it); a date naming no day is not."""
        if self.session.read_only or event.value == core.meeting_line(self.workshop.evaluation.next_meeting):
            return
        try:
            core.read_meeting(event.value)
        except NotADate as wrong:
            self._refresh_meeting(self.ui.text("screen.evaluation.meeting.no_such_day", value=str(wrong)))
            return
        if self._guard(lambda: self.session.edit(lambda w: core.set_next_meeting(w.evaluation, event.value), quiet=True)):
            self._refresh_meeting()

    # ------------------------------------------------------------------ next steps

    def _next_step(self, item_id: str) -> Any:
        return next((i for i in self.workshop.evaluation.next_steps if i.id == item_id), None)

    @on(CaptureList.Added, "#eval-next")
    def _next_added(self, event: CaptureList.Added) -> None:
        text, author, due = core.read_next_step(event.text)
        self.edit(lambda w: core.add_next_step(w.evaluation, text, author, due))

    @on(CaptureList.Edited, "#eval-next")
    def _next_edited(self, event: CaptureList.Edited) -> None:
        item = self._next_step(event.item_id)
        if item is None:
            return
        if not split_author(event.text)[0].strip():
            self.notify(self.ui.text("screen.evaluation.next.blank"), severity="warning")
            return
        self.edit(lambda w: core.set_next_step(item, event.text))

    @on(CaptureList.Acted, "#eval-next")
    def _next_acted(self, event: CaptureList.Acted) -> None:
        item = self._next_step(event.item_id)
        if item is None:
            return
        if event.action == "delete":
            self._guard(lambda: self.session.delete(self.workshop.evaluation.next_steps, item))
        elif event.action == "move":
            self.edit(lambda w: reorder(w.evaluation.next_steps, item, event.value))

    # ------------------------------------------------------------------ other keys

    def action_close(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        from workshop.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen(self.ui, "export", self.active_bindings))

    def action_undo(self) -> None:
        if self.session.read_only:
            return
        if self.session.undo_delete() is None:
            self.notify(self.ui.text("app.nothing_to_undo"))
        else:
            self.notify(self.ui.text("app.undone"))
