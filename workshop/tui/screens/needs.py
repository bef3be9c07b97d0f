"""Needs analysis: the eight-step guide's first questions, several answers each; Tab moves on."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from workshop.tui.widgets.plain import Static

from workshop.core.attribution import set_from_typed, split_author
from workshop.core.edits import reorder
from workshop.core.model import NEEDS_QUESTIONS, Item
from workshop.tui.screens.base import StepScreen
from workshop.tui.widgets.capture_list import CaptureList, Entry
from workshop.tui.widgets.rtl_text import RtlText


class NeedsScreen(StepScreen):
    """One question at a time, with its answers; the room answers each in turn."""

    STEP = "needs"
    BINDINGS = [
        Binding("tab", "question(1)", "Next question", id="next-question", priority=True),
        Binding("shift+tab", "question(-1)", "Previous question", id="previous-question", priority=True, show=False),
    ]

    question: reactive[str] = reactive("accomplish")
    """The question whose answers are shown."""

    def compose_work(self) -> ComposeResult:
        ui = self.ui
        yield Static("", id="question-number")
        yield RtlText("", mode=ui.mode, id="question")
        yield CaptureList(
            ui,
            ui.text("needs.answers"),
            placeholder=ui.text("capture.placeholder"),
            draft_key=f"needs.{self.question}",
            id="answers",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(CaptureList).focus_capture()

    def _items(self) -> list[Item]:
        return getattr(self.workshop.needs, self.question)

    def refresh_work(self) -> None:
        ui = self.ui
        number = NEEDS_QUESTIONS.index(self.question) + 1
        self.query_one("#question-number", Static).update(
            ui.label("needs.progress", number=number, total=len(NEEDS_QUESTIONS))
        )
        self.query_one("#question", RtlText).text = ui.text(f"needs.questions.{self.question}")
        self.query_one(CaptureList).set_entries([Entry(i.id, i.text, author=i.author) for i in self._items()])

    def watch_question(self) -> None:
        if self.is_mounted:
            self.refresh_work()
            key = f"needs.{self.question}"  # each question keeps its own half-typed answer
            self.query_one(CaptureList).show_draft(key, self.session.draft(key))

    def action_question(self, offset: int) -> None:
        index = NEEDS_QUESTIONS.index(self.question)
        self.question = NEEDS_QUESTIONS[(index + offset) % len(NEEDS_QUESTIONS)]
        self.query_one(CaptureList).focus_capture()

    def _item(self, item_id: str) -> Item | None:
        return next((i for i in self._items() if i.id == item_id), None)

    @on(CaptureList.Added)
    def _added(self, event: CaptureList.Added) -> None:
        items = self._items()
        text, author = split_author(event.text)
        self.edit(lambda w: items.append(Item(text=text, author=author)))

    @on(CaptureList.Edited)
    def _edited(self, event: CaptureList.Edited) -> None:
        item = self._item(event.item_id)
        if item is not None:
            self.edit(lambda w: set_from_typed(item, event.text))

    @on(CaptureList.Acted)
    def _acted(self, event: CaptureList.Acted) -> None:
        item = self._item(event.item_id)
        items = self._items()
        if item is None:
            return
        if event.action == "delete":
            self.session.delete(items, item)
            self.refresh_work()
        elif event.action == "move":

            self.edit(lambda w: reorder(items, item, event.value))
