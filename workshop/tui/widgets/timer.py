"""A quiet countdown for the current step: minutes left of its timebox.

It redraws only when the shown minute changes, so an idle screen sends no bytes
for a minute at a time; past the timebox it says so once, gently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message
from textual.reactive import reactive
from workshop.tui.widgets.plain import Static

from workshop.core.steps.registry import suggested_timebox
from workshop.core.i18n import Ui
from workshop.core.session import Session

CHECK_EVERY = 5.0


def minutes_left(timebox_minutes: int, elapsed_seconds: int) -> int:
    """Whole minutes left (negative when over), rounded so 0:59 left shows 1."""
    remaining = timebox_minutes * 60 - elapsed_seconds
    if remaining >= 0:
        return -(-remaining // 60)
    return remaining // 60


class StepTimer(Static):
    """Minutes left for the step being worked on."""

    DEFAULT_CSS = """
    StepTimer { width: auto; min-width: 12; text-style: bold; }
    StepTimer.-over { color: $warning; }
    """

    left: reactive[int] = reactive(0)
    """Minutes left of the timebox (negative: over time)."""

    @dataclass
    class Expired(Message):
        """The step's timebox has just run out."""

        timer: StepTimer

        @property
        def control(self) -> StepTimer:
            return self.timer

    def __init__(self, session: Session, ui: Ui, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.ui = ui
        self._warned = False
        self._unsubscribe: Callable[[], None] = lambda: None

    def timebox(self) -> int:
        step = self.session.workshop.last_step
        return self.session.workshop.timing.timeboxes.get(step, suggested_timebox(step))

    def on_mount(self) -> None:
        # Already over when the step opens: the facilitator knows; no toast on arrival.
        self._warned = self.session.step_elapsed() >= self.timebox() * 60
        self._tick()
        self.set_interval(CHECK_EVERY, self._tick)
        # A changed timebox (the agenda) shows at once, not at the next tick.
        self._unsubscribe = self.session.subscribe(lambda _: self._tick())

    def on_unmount(self) -> None:
        self._unsubscribe()

    def _tick(self) -> None:
        elapsed = self.session.step_elapsed()
        if elapsed < self.timebox() * 60:
            self._warned = False  # more time was given: warn again when it runs out
        self.left = minutes_left(self.timebox(), elapsed)
        self._warn_if_over(elapsed)

    def watch_left(self, left: int) -> None:
        self.set_class(left < 0, "-over")
        if left >= 0:
            self.update(self.ui.label("timer.left", minutes=left))
        else:
            self.update(self.ui.label("timer.over_by", minutes=-left))

    def _warn_if_over(self, elapsed: int) -> None:
        if not self._warned and elapsed >= self.timebox() * 60:
            self._warned = True
            self.post_message(self.Expired(self))
