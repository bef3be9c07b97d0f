"""F7: the facilitator's notes on a step, saved as typed; in the facilitator's export, never projected."""

from __future__ import annotations

from pathlib import Path

from tests.export.test_exports import markdown_of
from workshop.core.service import Workshops
from workshop.tui.app import make_app
from workshop.tui.screens.notes import NotesScreen
from workshop.tui.screens.present import PresentScreen
from workshop.tui.widgets.rtl_text import RtlText

from appkit import ENV
NOTE = "Room tired after lunch"


async def test_notes_are_saved_as_typed_and_stay_private(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Housing", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        for char in NOTE:
            await pilot.press(char if char != " " else "space")
        await pilot.pause()
        app.session.flush()
        assert workshops.load(workshop.id).facilitator_notes == {"swot": NOTE}
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, PresentScreen)
        assert not any(NOTE in t.text for t in app.screen.query(RtlText))
    saved = workshops.load(workshop.id)
    assert NOTE in markdown_of(saved, "facilitator")
    assert NOTE not in markdown_of(saved, "participants")
