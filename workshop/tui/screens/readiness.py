"""Readiness: the manual's seven questions "is a coalition right for you?", answered by key.

y / n / u answer the highlighted question (and move to the next), c clears it, Enter or e
opens its note. When phones answer too (the room), each question shows how many said what;
the group's answer stays the facilitator's. The verdict below is live: any "no" → rethink, all "yes" → proceed, with
the manual's next steps; unsure questions are flagged.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, ListItem, ListView
from workshop.tui.widgets.plain import Static

from workshop.core.model import READINESS_QUESTIONS
from workshop.core.room.answers import readiness_tally
from workshop.core.steps.readiness import answer_mark, readiness_summary
from workshop.tui.screens.base import StepScreen
from workshop.tui.widgets.rtl_input import RtlInput
from workshop.tui.widgets.rtl_text import RtlText


class ReadinessScreen(StepScreen):
    """Seven yes / no / unsure questions with a note each, and the verdict."""

    STEP = "readiness"
    CSS_PATH = "setup.tcss"
    BINDINGS = [
        # Also the same physical keys on an Arabic keyboard (y=غ, n=ى, u=ع).
        Binding("y,غ", "answer('yes')", "Yes", id="readiness-yes"),
        Binding("n,ى", "answer('no')", "No", id="readiness-no"),
        Binding("u,ع", "answer('unsure')", "Unsure", id="readiness-unsure"),
        Binding("c", "answer('')", "Clear", id="readiness-clear", show=False),
        Binding("e", "note", "Note", id="readiness-note"),
        Binding("escape", "leave_note", "Back to the questions", id="readiness-leave-note", show=False),
    ]

    question: reactive[str] = reactive("q1")
    """The highlighted question, whose note the note field edits."""

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        yield Static("", id="readiness-progress")
        yield ListView(
            *[ListItem(RtlText("", mode=ui.mode, classes="question-text"), name=q) for q in READINESS_QUESTIONS],
            id="questions",
        )
        yield Static("", id="note-label")
        yield RtlInput(
            placeholder=ui.text("screen.readiness.note_hint"),
            mode=ui.mode,
            id="note",
            disabled=self.session.read_only,
            select_on_focus=False,
        )
        with VerticalScroll(id="verdict-box", can_focus=False):
            yield RtlText("", mode=ui.mode, id="verdict")
            yield RtlText("", mode=ui.mode, id="unsure-flag")
            yield RtlText("", mode=ui.mode, id="next-steps")

    def on_mount(self) -> None:
        super().on_mount()
        questions = self.query_one("#questions", ListView)
        questions.index = 0
        questions.focus()
        self._load_note()

    # ------------------------------------------------------------------ view

    def refresh_work(self) -> None:
        ui, workshop = self.ui, self.workshop
        phones = readiness_tally(workshop)
        for number, (question, item) in enumerate(zip(READINESS_QUESTIONS, self.query("#questions > ListItem")), 1):
            answer = workshop.readiness[question]
            shown = ui.text(f"readiness.answers.{answer.answer}") if answer.answer else ui.text("screen.readiness.open")
            text = f"{number}. [{answer_mark(answer.answer)} {shown}] {ui.text(f'readiness.questions.{question}')}"
            if answer.note.strip():
                text += "\n    ✎ " + " ".join(answer.note.split())
            if any(phones[question].values()):
                text += "\n    " + ui.text("room.readiness.tally", **phones[question])
            row = item.query_one(RtlText)
            row.text = text
            item.set_class(answer.answer == "unsure", "-unsure")
            item.set_class(answer.answer == "no", "-no")
        summary = readiness_summary(workshop)
        answered = len(READINESS_QUESTIONS) - len(summary.open)
        self.query_one("#readiness-progress", Static).update(
            ui.label("screen.readiness.progress", answered=answered, total=len(READINESS_QUESTIONS))
        )
        verdict = self.query_one("#verdict", RtlText)
        verdict.text = ui.text(f"readiness.verdict.{summary.verdict}")
        for name in ("proceed", "rethink", "incomplete"):
            verdict.set_class(summary.verdict == name, f"-{name}")
        if summary.verdict == "rethink":
            numbers = self._join(summary.noes)
            verdict.text += " " + ui.text("screen.readiness.noes", questions=numbers)
        unsure = ui.text("screen.readiness.unsure", questions=self._join(summary.unsure))
        self._show("#unsure-flag", unsure if summary.unsure else "")
        steps = ui.items(f"readiness.next.{summary.verdict}") if summary.verdict != "incomplete" else []
        heading = ui.text(f"screen.readiness.next_heading.{summary.verdict}") if steps else ""
        self._show("#next-steps", "\n".join([heading, *(f"• {s}" for s in steps)]) if steps else "")
        self._label_note()

    def _join(self, numbers: tuple[int, ...]) -> str:
        return ("، " if self.ui.rtl else ", ").join(str(n) for n in numbers)

    def _show(self, selector: str, text: str) -> None:
        """Put text in a paragraph, hiding it when there is none (an empty one still takes a row)."""
        paragraph = self.query_one(selector, RtlText)
        paragraph.text = text
        paragraph.display = bool(text)

    def _label_note(self) -> None:
        number = READINESS_QUESTIONS.index(self.question) + 1
        self.query_one("#note-label", Static).update(self.ui.label("screen.readiness.note_label", number=number))

    def _load_note(self) -> None:
        note = self.query_one("#note", Input)
        if not note.has_focus:
            note.value = self.workshop.readiness[self.question].note
        self._label_note()

    @on(ListView.Highlighted, "#questions")
    def _highlighted(self, event: ListView.Highlighted) -> None:
        if event.item is not None and event.item.name in READINESS_QUESTIONS:
            self.question = event.item.name

    def watch_question(self) -> None:
        if self.is_mounted:
            self._load_note()

    # ------------------------------------------------------------------ actions

    def action_answer(self, answer: str) -> None:
        """Set (or with "" clear) the highlighted question's answer, then move to the next question."""
        question = self.question
        value = answer or None
        if self.workshop.readiness[question].answer == value:
            return
        if self.edit(lambda w: setattr(w.readiness[question], "answer", value)) is None and self.session.read_only:
            return
        questions = self.query_one("#questions", ListView)
        if value is not None and questions.index is not None and questions.index + 1 < len(READINESS_QUESTIONS):
            questions.index += 1

    def action_note(self) -> None:
        if not self.session.read_only:
            self.query_one("#note", Input).focus()

    def action_leave_note(self) -> None:
        self.query_one("#questions", ListView).focus()

    @on(ListView.Selected, "#questions")
    def _selected(self) -> None:
        self.action_note()

    @on(Input.Changed, "#note")
    def _note_changed(self, event: Input.Changed) -> None:
        question = self.question
        if event.input.has_focus and self.workshop.readiness[question].note != event.value:
            self.edit(lambda w: setattr(w.readiness[question], "note", event.value))

    @on(Input.Submitted, "#note")
    def _note_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_leave_note()

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        note = self.query_one("#note", Input)
        if note.has_focus and event.key in ("up", "down"):
            event.stop()
            self.action_leave_note()
