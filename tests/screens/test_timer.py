"""The step countdown (StepTimer) with a fake clock: text, the `-over` class, one Expired message,
and the agenda's timebox change reaching the timer of the step screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult

from workshop.tui.app import make_app
from workshop.core.i18n import Ui
from workshop.core.model import Meta, Workshop
from workshop.core.service import Workshops
from workshop.core.session import Session
from workshop.tui.widgets import timer as timer_module
from workshop.tui.widgets.timer import StepTimer
from appkit import ENV

#: The timer's interval in these tests (seconds): the real one is 5 s.
FAST = 0.02


class FakeStore:
    def __init__(self) -> None:
        self.saved: list[dict[str, Any]] = []

    def save(self, doc: dict[str, Any]) -> None:
        self.saved.append(doc)


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class TimerApp(App[None]):
    """Just the countdown, on a session whose clock the test controls."""

    def __init__(self, session: Session, ui: Ui) -> None:
        super().__init__()
        self.session = session
        self.ui = ui
        self.expired: list[StepTimer.Expired] = []

    def compose(self) -> ComposeResult:
        yield StepTimer(self.session, self.ui, id="timer")

    def on_step_timer_expired(self, message: StepTimer.Expired) -> None:
        self.expired.append(message)


@pytest.fixture(autouse=True)
def _fast_ticks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The timer reads CHECK_EVERY when it mounts: tick every few milliseconds instead of 5 s."""
    monkeypatch.setattr(timer_module, "CHECK_EVERY", FAST)


def session_on(step: str, clock: FakeClock, **timing: Any) -> Session:
    workshop = Workshop(meta=Meta(title="t"))
    for key, value in timing.items():
        setattr(workshop.timing, key, value)
    session = Session(FakeStore(), workshop, clock=clock)
    session.enter_step(step)
    return session


def shown(timer: StepTimer) -> str:
    return str(timer.render())


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Long enough for several ticks of the fast interval."""
    await pilot.pause(FAST * 5)


async def test_counts_down_then_over_with_one_gentle_warning() -> None:
    clock = FakeClock()
    session = session_on("swot", clock)  # suggested timebox: 25 minutes
    app = TimerApp(session, Ui.of("en"))
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        assert shown(timer) == "25 min left"
        assert not timer.has_class("-over")

        clock.advance(10 * 60 + 1)  # 14:59 left shows as 15
        await settle(pilot)
        assert shown(timer) == "15 min left"
        assert app.expired == []

        clock.advance(15 * 60 - 1)  # exactly at the end of the timebox
        await settle(pilot)
        assert shown(timer) == "0 min left"
        assert not timer.has_class("-over")
        assert len(app.expired) == 1 and app.expired[0].timer is timer

        clock.advance(61)
        await settle(pilot)
        assert shown(timer) == "2 min over"
        assert timer.has_class("-over")

        clock.advance(5 * 60)
        await settle(pilot)
        assert shown(timer) == "7 min over"
        assert len(app.expired) == 1  # said once, never again


async def test_a_timebox_crossed_between_two_ticks_warns_once() -> None:
    clock = FakeClock()
    session = session_on("setup", clock)  # 10 minutes
    app = TimerApp(session, Ui.of("en"))
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        clock.advance(10 * 60 + 30)  # the clock jumps past the end: no "0 min left" ever shown
        await settle(pilot)
        assert shown(timer) == "1 min over"
        assert timer.has_class("-over")
        assert len(app.expired) == 1


async def test_a_step_opened_already_over_its_timebox_does_not_warn() -> None:
    clock = FakeClock()
    session = session_on("setup", clock, spent={"setup": 12 * 60})
    app = TimerApp(session, Ui.of("en"))
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        await settle(pilot)
        assert shown(timer) == "2 min over"
        assert timer.has_class("-over")
        clock.advance(120)
        await settle(pilot)
        assert shown(timer) == "4 min over"
        assert app.expired == []


async def test_the_timer_reads_the_timebox_on_every_tick() -> None:
    clock = FakeClock()
    session = session_on("swot", clock, timeboxes={"swot": 30})
    app = TimerApp(session, Ui.of("en"))
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        clock.advance(20 * 60)
        await settle(pilot)
        assert shown(timer) == "10 min left"
        session.edit(lambda w: w.timing.timeboxes.__setitem__("swot", 45))
        await settle(pilot)
        assert shown(timer) == "25 min left"
        session.edit(lambda w: w.timing.timeboxes.__setitem__("swot", 15))
        await settle(pilot)
        assert shown(timer) == "5 min over"
        assert timer.has_class("-over")
        assert len(app.expired) == 1


async def test_the_countdown_speaks_arabic() -> None:
    clock = FakeClock()
    session = session_on("swot", clock)
    ui = Ui.of("ar", "terminal")  # logical text: easy to compare
    app = TimerApp(session, ui)
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        assert shown(timer) == ui.text("timer.left", minutes=25)
        clock.advance(26 * 60)
        await settle(pilot)
        assert shown(timer) == ui.text("timer.over_by", minutes=1)


async def test_a_timebox_changed_in_the_agenda_reaches_the_step_timer(data_dir: Path, make_config) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Timer test", "en")
    app = make_app(make_config(language="en", open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        # Same moment as the real clock, so re-entering the step adds no time; then the test drives it.
        clock = FakeClock(session._step_started or 0.0)  # the visit's own start: re-entering adds nothing, however slow the machine
        session.clock = clock
        session.enter_step("swot")
        clock.advance(10 * 60)
        await settle(pilot)
        timer = app.screen.query_one("#timer", StepTimer)
        assert shown(timer) == "15 min left"  # suggested 25, 10 used

        await pilot.press("f4")
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"
        await pilot.press("plus", "plus")  # swot is highlighted: 25 -> 35
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#timer", StepTimer) is timer
        assert shown(timer) == "25 min left"
        app.save_now()
    assert Workshops.at(data_dir).load(workshop.id).timing.timeboxes == {"swot": 35}


async def test_more_time_after_the_end_warns_again() -> None:
    """Time up, the facilitator adds five minutes, they run out: a second gentle warning."""
    from workshop.core.model import Meta, Workshop
    from workshop.core.session import Session
    from workshop.tui.widgets.timer import StepTimer as Timer

    class Store:
        def save(self, doc: object) -> None:
            pass

    now = [0.0]
    workshop = Workshop(meta=Meta(title="t"))
    workshop.timing.timeboxes["swot"] = 1
    session = Session(Store(), workshop, clock=lambda: now[0])
    session.enter_step("swot")
    expired: list[object] = []

    from textual.app import App

    from workshop.core.i18n import Ui

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield Timer(session, Ui.of("en"), id="t")

        def on_step_timer_expired(self, message: Timer.Expired) -> None:
            expired.append(message)

    app = Host()
    async with app.run_test() as pilot:
        timer = app.query_one(Timer)
        now[0] = 61
        timer._tick()
        await pilot.pause()
        assert len(expired) == 1
        session.edit(lambda w: w.timing.timeboxes.__setitem__("swot", 6))  # five more minutes
        await pilot.pause()
        assert not timer.has_class("-over")
        now[0] = 361
        timer._tick()
        await pilot.pause()
        assert len(expired) == 2
