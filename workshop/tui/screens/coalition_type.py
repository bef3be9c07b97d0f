"""Coalition type: the five River Network types compared, a few questions that suggest one, the choice.

At 80 columns one type is shown at a time (left/right show the others); at 40 rows and more
a compact overview of all five types is shown above the highlighted type.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, OptionList
from workshop.tui.widgets.plain import Static

from workshop.core.model import COALITION_TYPES
from workshop.core.steps.coalition_type import TYPE_QUESTIONS, next_answer, suggestion, type_options
from workshop.tui.screens.base import StepScreen
from workshop.tui.widgets.forms import RowList
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText

PROPERTIES: tuple[str, ...] = ("purpose", "membership", "structure", "money")


class CoalitionTypeScreen(StepScreen):
    """Compare the types, answer the questions, record the room's choice and why."""

    STEP = "coalition-type"
    # on_mount focuses the questions without scrolling them into view. "", not None: None falls back to
    # the app's "*", which focused the scroll container first (its focus and blur restyled it twice).
    AUTO_FOCUS = ""
    CSS_PATH = "structure.tcss"
    BINDINGS = [
        Binding("right", "type(1)", "Next type", id="charter-next-type"),
        Binding("left", "type(-1)", "Previous type", id="charter-previous-type"),
        Binding("c", "choose", "Choose this type", id="charter-choose-type"),
        Binding("g", "show_suggested", "Show suggestion", id="charter-show-suggested"),
        Binding("space", "answer(1)", "Change answer", id="charter-answer"),
        Binding("backspace", "answer(-1)", "Previous answer", id="charter-answer-back", show=False),
        Binding("n", "note", "Reason note", id="charter-reason"),
    ]

    shown: reactive[int] = reactive(0)
    """Index (in COALITION_TYPES) of the type whose details are shown."""

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        with VerticalScroll(id="type-scroll"):
            yield RtlText(ui.text("screen.coalition_type.overview"), mode=ui.mode, rtl=ui.rtl, id="type-overview-heading", classes="charter-heading wide-only")
            yield RtlText("", mode=ui.mode, id="type-overview", classes="wide-only")
            yield RtlText("", mode=ui.mode, rtl=ui.rtl, id="type-position", classes="charter-heading")
            yield RtlText("", mode=ui.mode, id="type-card")
            yield RtlText(ui.text("screen.coalition_type.questions"), mode=ui.mode, rtl=ui.rtl, classes="charter-heading")
            yield RowList(ui, id="type-questions")
            yield RtlText("", mode=ui.mode, id="type-suggestion")
            yield RtlText("", mode=ui.mode, id="type-chosen")
            yield Static(ui.label("screen.coalition_type.reason"), classes="charter-label", markup=False)
            yield RtlInput(
                value=self.workshop.coalition_type.reason,
                placeholder=ui.text("screen.coalition_type.reason_placeholder"),
                mode=ui.mode,
                id="type-reason",
            )

    def on_mount(self) -> None:
        chosen = self.workshop.coalition_type.chosen
        suggested = suggestion(self.workshop.coalition_type.answers)
        start = chosen or suggested
        if start in COALITION_TYPES:
            self.set_reactive(CoalitionTypeScreen.shown, COALITION_TYPES.index(start))
        super().on_mount()
        # focus the questions without scrolling: the comparison stays in view first, even at 24 rows
        self.set_focus(self.query_one("#type-questions", RowList), scroll_visible=False)

    # ------------------------------------------------------------------ view

    def _type_name(self, kind: str) -> str:
        return self.ui.text(f"coalition_types.{kind}.name")

    def _marks(self, kind: str, suggested: str | None) -> str:
        ui = self.ui
        marks = []
        if kind == suggested:
            marks.append(ui.text("screen.coalition_type.suggested_mark"))
        if kind == self.workshop.coalition_type.chosen:
            marks.append(ui.text("screen.coalition_type.chosen_mark"))
        return f" [{', '.join(marks)}]" if marks else ""

    def refresh_work(self) -> None:
        ui = self.ui
        choice = self.workshop.coalition_type
        suggested = suggestion(choice.answers)
        kind = COALITION_TYPES[self.shown]
        mark = ui.text("screen.coalition_type.current_mark")
        overview = [
            f"{mark if i == self.shown else ' '} {i + 1}. {self._type_name(k)}{self._marks(k, suggested)}"
            for i, k in enumerate(COALITION_TYPES)
        ]
        self.query_one("#type-overview", RtlText).text = "\n".join(overview)
        position = ui.text(
            "screen.coalition_type.position",
            number=self.shown + 1,
            total=len(COALITION_TYPES),
            name=self._type_name(kind),
        )
        self.query_one("#type-position", RtlText).text = position + self._marks(kind, suggested)
        card = [
            f"{ui.text(f'coalition_types.properties.{p}')}: {ui.text(f'coalition_types.{kind}.{p}')}" for p in PROPERTIES
        ]
        self.query_one("#type-card", RtlText).text = "\n".join(card)
        self._refresh_questions()
        if suggested is None:
            advice = ui.text("screen.coalition_type.no_suggestion")
        else:
            advice = ui.text("screen.coalition_type.suggestion", type=self._type_name(suggested))
            advice += " " + ui.text(f"type_reasons.{suggested}")
        self.query_one("#type-suggestion", RtlText).text = advice
        chosen = choice.chosen
        self.query_one("#type-chosen", RtlText).text = (
            ui.text("screen.coalition_type.chosen", type=self._type_name(chosen))
            if chosen
            else ui.text("screen.coalition_type.not_chosen")
        )

    def _refresh_questions(self) -> None:
        ui = self.ui
        answers = self.workshop.coalition_type.answers
        rows = []
        for number, question in enumerate(TYPE_QUESTIONS, 1):
            option = answers.get(question)
            answer = (
                ui.text(f"type_questions.{question}.options.{option}")
                if option in type_options(question)
                else ui.text("screen.coalition_type.unanswered")
            )
            text = ui.text(f"type_questions.{question}.text")
            rows.append((question, ui.text("screen.coalition_type.question_row", number=number, question=text, answer=answer)))
        self.query_one("#type-questions", RowList).set_rows(rows, "")

    def watch_shown(self) -> None:
        if self.is_mounted:
            self.refresh_work()

    # ------------------------------------------------------------------ actions

    def action_type(self, offset: int) -> None:
        if self.ui.rtl:  # the next type is to the left in Arabic
            offset = -offset
        self.shown = (self.shown + offset) % len(COALITION_TYPES)
        self._show_card()

    def _show_card(self) -> None:
        """Bring the type's details into view (at 24 rows they scroll away under the questions)."""
        self.query_one("#type-scroll", VerticalScroll).scroll_to_widget(
            self.query_one("#type-position"), animate=False, top=True
        )

    def action_show_suggested(self) -> None:
        suggested = suggestion(self.workshop.coalition_type.answers)
        if suggested is None:
            self.notify(self.ui.text("screen.coalition_type.no_suggestion"))
            return
        self.shown = COALITION_TYPES.index(suggested)
        self._show_card()

    def action_choose(self) -> None:
        kind = COALITION_TYPES[self.shown]
        if self.edit(lambda w: setattr(w.coalition_type, "chosen", kind) or True):
            self.notify(self.ui.text("screen.coalition_type.chose", type=self._type_name(kind)))

    def action_answer(self, offset: int) -> None:
        question = self.query_one("#type-questions", RowList).highlighted_id()
        if question is None:
            return
        choice = self.workshop.coalition_type
        self.edit(lambda w: setattr(choice, "answers", next_answer(choice.answers, question, offset)))

    def action_note(self) -> None:
        self.query_one("#type-reason", RtlInput).focus()

    @on(OptionList.OptionSelected, "#type-questions")
    def _question_selected(self) -> None:
        self.action_answer(1)

    @on(Input.Changed, "#type-reason")
    def _reason_changed(self, event: Input.Changed) -> None:
        if event.value != self.workshop.coalition_type.reason and not self.session.read_only:
            self.edit(lambda w: setattr(w.coalition_type, "reason", event.value))

    @on(Input.Submitted, "#type-reason")
    def _reason_done(self) -> None:
        self.query_one("#type-questions", RowList).focus()
