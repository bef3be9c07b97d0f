"""A whole session by keys, from setup to export, then the stored workshop and the PDF are checked."""

from __future__ import annotations

import itertools
from pathlib import Path

from workshop.tui.app import make_app
from workshop.core.model import STEPS
from workshop.core.service import Workshops
from appkit import ENV



async def test_setup_to_export_by_keys(make_config, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Child health coalition", "en", facilitator="Huda")
    app = make_app(make_config(open_ref=workshop.id, step="setup"), environ=ENV)
    clock = itertools.count(1000, 60)  # every reading of the clock is one minute later
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.session is not None
        app.session.clock = lambda: float(next(clock))
        app.session._step_started = app.session.clock()
        seen = [type(app.screen).__name__]
        await pilot.press("ctrl+n")  # needs
        await pilot.pause()
        await pilot.press(*"Every child checked before school", "enter")
        await pilot.press("ctrl+n")  # readiness
        await pilot.pause()
        await pilot.press(*"yyyyyyy")
        await pilot.press("ctrl+n")  # swot
        await pilot.pause()
        await pilot.press(*"Active mothers' groups", "enter", "tab", *"Few paediatricians", "enter")
        await pilot.press("tab", *"New health budget", "enter")
        for _ in range(STEPS.index("export") - STEPS.index("swot")):
            await pilot.press("ctrl+n")
            await pilot.pause()
            seen.append(type(app.screen).__name__)
        assert seen[-1] == "ExportScreen"
        await pilot.press("w")  # participants' PDF in the workshop's language
        await pilot.pause(2.0)
        await pilot.press("ctrl+q")
    saved = Workshops.at(data_dir).load(workshop.id)
    assert saved.last_step == "export"
    assert [i.text for i in saved.needs.accomplish] == ["Every child checked before school"]
    assert all(saved.readiness[q].answer == "yes" for q in saved.readiness)
    assert [(i.kind, i.text) for i in saved.swot] == [
        ("strength", "Active mothers' groups"),
        ("weakness", "Few paediatricians"),
        ("opportunity", "New health budget"),
    ]
    assert set(saved.timing.spent) >= {"needs", "readiness", "swot", "mapping", "partners"}
    assert seen == [
        "SetupScreen",
        "MappingScreen",
        "MissionScreen",
        "PartnersScreen",
        "CoalitionTypeScreen",
        "StructureScreen",
        "GoalsScreen",
        "GroundRulesScreen",
        "ExportScreen",
    ]
    pdfs = list((tmp_path / "exports").glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
