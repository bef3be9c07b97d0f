"""The agenda (F4): planned against used minutes, timeboxes and dots, driven by keys."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from workshop.tui.app import make_app
from workshop.core.steps.registry import suggested_timebox
from workshop.core.model import STEPS
from workshop.tui.screens.agenda import AgendaScreen
from workshop.core.service import Workshops
from workshop.tui.widgets.rtl_text import RtlText
from appkit import ENV, notified, wait_until



class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def demo(data_dir: Path, language: str = "en") -> str:
    return Workshops.at(data_dir).demo(language)


def fresh(data_dir: Path, language: str = "en") -> str:
    return Workshops.at(data_dir).create("Agenda test", language).id


def cells(table: DataTable, row: int) -> dict[str, str]:
    """The row's cells by column key, as plain text."""
    return {str(col.key.value): str(table.get_cell_at((row, i))) for i, col in enumerate(table.ordered_columns)}


async def open_agenda(pilot) -> AgendaScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("f4")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AgendaScreen)
    return screen


async def test_f4_shows_every_step_with_planned_used_and_the_totals(data_dir: Path, make_config) -> None:  # type: ignore[no-untyped-def]
    workshop_id = demo(data_dir)
    app = make_app(make_config(language="en", open_ref=workshop_id, step="setup"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agenda(pilot)
        table = screen.query_one("#agenda-table", DataTable)
        assert table.row_count == len(STEPS) == 12
        assert [str(col.key.value) for col in table.ordered_columns] == ["mark", "step", "planned", "used", "delta"]
        assert table.cursor_row == 0  # the current step
        setup = cells(table, 0)
        assert setup["mark"] == "▸" and setup["step"].strip() == "1. Setup"
        # The demo used 9 minutes of setup's 10 (the live visit adds seconds, not a minute).
        assert (setup["planned"].strip(), setup["used"].strip(), setup["delta"].strip()) == ("10", "9", "−1")
        swot = cells(table, 3)
        assert swot["mark"] == "" and swot["planned"] == "30*"  # the demo changed swot from 25
        assert (swot["used"].strip(), swot["delta"].strip()) == ("32", "+2")
        total = cells(screen.query_one("#agenda-total", DataTable), 0)
        assert (total["step"], total["planned"].strip(), total["used"].strip(), total["delta"].strip()) == (
            "Whole session",
            "205",
            "225",
            "+20",
        )
        assert "Dots per participant: 3" in screen.query_one("#agenda-dots", RtlText).text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AgendaScreen)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("f4")  # F4 closes it too
        await pilot.pause()
        assert not isinstance(app.screen, AgendaScreen)


async def test_plus_minus_and_arrows_move_the_timebox_by_five_and_are_stored(data_dir: Path, make_config) -> None:  # type: ignore[no-untyped-def]
    workshop_id = fresh(data_dir)
    app = make_app(make_config(language="en", open_ref=workshop_id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agenda(pilot)
        table = screen.query_one("#agenda-table", DataTable)
        assert screen.selected_step() == "swot"
        await pilot.press("plus", "plus", "minus")  # 25 -> 35 -> 30
        assert cells(table, 3)["planned"] == "30*"
        await pilot.press("down", "right")  # mapping 20 -> 25
        await pilot.press("up", "up", "left", "left")  # readiness 10 -> 5 -> 1
        await pilot.press("left")  # already at the floor: stays at 1
        assert screen.selected_step() == "readiness"
        app.save_now()
        stored = Workshops.at(data_dir).load(workshop_id).timing.timeboxes
        assert stored == {"swot": 30, "mapping": 25, "readiness": 1}


async def test_back_to_the_suggestion_stores_no_override(data_dir: Path, make_config) -> None:  # type: ignore[no-untyped-def]
    workshop_id = demo(data_dir)
    app = make_app(make_config(language="en", open_ref=workshop_id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agenda(pilot)
        table = screen.query_one("#agenda-table", DataTable)
        await pilot.press("r")  # swot: demo 30 -> suggested 25
        assert cells(table, 3)["planned"] == "25 "
        await pilot.press("down", "minus")  # mapping: demo 25 -> 20, which is the suggestion
        await pilot.pause()
        app.save_now()
        stored = Workshops.at(data_dir).load(workshop_id).timing.timeboxes
        assert stored == {"partners": 25, "goals": 25}
        total = cells(screen.query_one("#agenda-total", DataTable), 0)
        assert total["planned"].strip() == str(sum(suggested_timebox(s) for s in STEPS) + 10)


async def test_the_longest_timebox_is_240_minutes(data_dir: Path, make_config) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop_id = fresh(data_dir)
    workshop = workshops.load(workshop_id)
    workshop.timing.timeboxes["export"] = 238
    workshops.store.save(workshop.model_dump(mode="json"))
    app = make_app(make_config(language="en", open_ref=workshop_id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agenda(pilot)
        await pilot.press("plus", "plus", "plus")
        await pilot.pause()
        app.save_now()
    assert workshops.load(workshop_id).timing.timeboxes == {"export": 240}


async def test_d_and_shift_d_change_the_dots_per_participant_within_bounds(data_dir: Path, make_config) -> None:  # type: ignore[no-untyped-def]
    workshop_id = fresh(data_dir)
    app = make_app(make_config(language="en", open_ref=workshop_id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agenda(pilot)
        await pilot.press("d", "d")  # 3 -> 5
        assert "Dots per participant: 5" in screen.query_one("#agenda-dots", RtlText).text
        app.save_now()
        assert Workshops.at(data_dir).load(workshop_id).timing.dots_per_participant == 5
        await pilot.press(*["D"] * 7)  # 5 -> 0, and no lower
        await pilot.pause()
        app.save_now()
        assert Workshops.at(data_dir).load(workshop_id).timing.dots_per_participant == 0


async def test_used_time_of_the_current_step_is_live(data_dir: Path, make_config, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workshop.tui.screens import agenda as agenda_module

    monkeypatch.setattr(agenda_module, "CHECK_EVERY", 0.02)  # the agenda refreshes itself every 5 s
    workshop_id = demo(data_dir)
    app = make_app(make_config(language="en", open_ref=workshop_id, step="needs"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        clock = FakeClock(session._step_started or 0.0)  # the visit's own start: re-entering adds nothing, however slow the machine
        session.clock = clock
        session.enter_step("needs")  # restart the visit on the fake clock
        stored_before = Workshops.at(data_dir).load(workshop_id).timing.spent["needs"]
        clock.now += 7 * 60
        screen = await open_agenda(pilot)
        table = screen.query_one("#agenda-table", DataTable)
        needs = cells(table, 1)
        # The demo's 23 minutes plus this visit's 7; the stored time is not touched until the step is left.
        assert (needs["mark"], needs["used"].strip(), needs["delta"].strip()) == ("▸", "30", "+10")
        clock.now += 3 * 60  # the agenda stays open: the row follows the clock without a key press
        await wait_until(pilot, lambda: cells(table, 1)["used"].strip() == "33", what="the agenda's own refresh")
        needs = cells(table, 1)
        assert (needs["used"].strip(), needs["delta"].strip()) == ("33", "+13")
        total = cells(screen.query_one("#agenda-total", DataTable), 0)
        assert total["used"].strip() == str(225 + 10)
        session.leave_step()  # the visit's ten minutes reach disk once, however often it was saved
        assert Workshops.at(data_dir).load(workshop_id).timing.spent["needs"] == stored_before + 10 * 60


async def test_read_only_refuses_every_change(data_dir: Path, make_config) -> None:  # type: ignore[no-untyped-def]
    workshop_id = demo(data_dir)
    before = Workshops.at(data_dir).load(workshop_id).timing
    app = make_app(make_config(language="en", open_ref=workshop_id, step="swot", read_only=True), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agenda(pilot)
        await pilot.press("plus", "r", "d", "D")
        await pilot.pause()
        assert cells(screen.query_one("#agenda-table", DataTable), 3)["planned"] == "30*"
        assert notified(app, "read-only")
    assert Workshops.at(data_dir).load(workshop_id).timing == before


async def test_arabic_mirrors_the_columns_and_the_arrows(data_dir: Path, make_config) -> None:  # type: ignore[no-untyped-def]
    workshop_id = fresh(data_dir, "ar")
    app = make_app(make_config(language="ar", open_ref=workshop_id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agenda(pilot)
        assert screen.has_class("-rtl")
        table = screen.query_one("#agenda-table", DataTable)
        assert [str(col.key.value) for col in table.ordered_columns] == ["delta", "used", "planned", "step", "mark"]
        assert cells(table, 3)["mark"] == "◂"
        await pilot.press("left")  # left is "more" in Arabic: 25 -> 30
        await pilot.press("down", "right")  # mapping: 20 -> 15
        await pilot.pause()
        app.save_now()
    assert Workshops.at(data_dir).load(workshop_id).timing.timeboxes == {"swot": 30, "mapping": 15}
