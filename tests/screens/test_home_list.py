"""The home list tells two same-titled workshops apart; a new workshop is dated today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable

from workshop.core.service import Workshops
from workshop.tui.app import make_app
from workshop.tui.screens.home import HomeScreen

from appkit import ENV


async def test_two_workshops_with_one_title_are_told_apart(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    first = workshops.create("Housing", "en")
    second = workshops.create("housing ", "en")
    workshops.create("Child health", "en")
    app = make_app(make_config(), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(DataTable)
        titles = {str(key.value): str(table.get_cell(key, "title")) for key in table.rows}
        assert titles[first.id] == f"Housing · id {first.id}"
        assert titles[second.id] == f"housing  · id {second.id}"
        assert "Child health" in titles.values()


async def test_a_new_workshop_is_dated_today_as_a_value(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#new-date").value == dt.date.today().isoformat()
        for char in "Housing":
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        app.session.flush()
    (summary,) = Workshops.at(data_dir).summaries()
    assert Workshops.at(data_dir).load(summary["id"]).meta.date == dt.date.today()
