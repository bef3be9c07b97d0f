"""Mapping by keys: seed from the SWOT, link problems to opportunities, flags, map view, trends."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import SelectionList

from workshop.tui.app import make_app
from workshop.core.model import workshop_to_dict
from workshop.core.service import Workshops
from workshop.tui.widgets.rtl_text import RtlText
from workshop.core.steps.swot import add_swot
from appkit import ENV, settled



def stored(data_dir: Path, workshop_id: str):  # type: ignore[no-untyped-def]
    return Workshops.at(data_dir).load(workshop_id)


def with_swot(data_dir: Path, language: str = "en") -> str:
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Child health", language)
    add_swot(workshop, "strength", "Active parents")
    add_swot(workshop, "weakness", "Few paediatricians")
    add_swot(workshop, "threat", "Budget cuts")
    add_swot(workshop, "opportunity", "New municipal health fund")
    add_swot(workshop, "opportunity", "Clinic open in the evening")
    workshops.store.save(workshop_to_dict(workshop))
    return workshop.id


async def test_seed_link_and_map(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop_id = with_swot(data_dir)
    app = make_app(make_config(open_ref=workshop_id, step="mapping"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await settled(pilot)
        saved = stored(data_dir, workshop_id)
        assert [p.text for p in saved.problems] == ["Few paediatricians", "Budget cuts"]
        assert [o.text for o in saved.opportunities] == ["New municipal health fund", "Clinic open in the evening"]
        assert "2 problems not linked" in app.screen.query_one("#mapping-status", RtlText).text
        await pilot.press("ctrl+f")  # seeding twice adds nothing
        await pilot.press("down", "ctrl+k")  # first problem, open the opportunities
        await pilot.pause()
        assert isinstance(app.focused, SelectionList)
        await pilot.press("space", "down", "enter", "escape")
        await settled(pilot)
        saved = stored(data_dir, workshop_id)
        fund, evening = (o.id for o in saved.opportunities)
        assert saved.problems[0].opportunity_ids == [fund, evening]
        assert saved.problems[1].opportunity_ids == []
        assert len(saved.problems) == 2
        assert "1 problem not linked" in app.screen.query_one("#mapping-status", RtlText).text
        await pilot.press("down", "ctrl+k", "down", "space", "escape")  # second problem ← the evening clinic
        await pilot.press("up", "ctrl+k", "space", "escape")  # unlink the fund from the first
        await settled(pilot)
        saved = stored(data_dir, workshop_id)
        assert [p.opportunity_ids for p in saved.problems] == [[evening], [evening]]
        assert "Every problem is linked" in app.screen.query_one("#mapping-status", RtlText).text
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.screen.query_one("#map-view").display
        assert app.screen.query_one("#map-text", RtlText).text.splitlines() == [
            "• Few paediatricians",
            "   → Clinic open in the evening",
            "• Budget cuts",
            "   → Clinic open in the evening",
        ]


async def test_trends_with_sources_and_added_items(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop_id = Workshops.at(data_dir).create("Child health", "en").id
    app = make_app(make_config(open_ref=workshop_id, step="mapping"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Long waits at the clinic", "enter")  # problems pane first
        await pilot.press("tab", *"Evening shifts", "enter")  # opportunities
        await pilot.press("tab", "tab", *"Rents rising #data", "enter")  # map, then round to the trends
        await pilot.press(*"Mothers share rides", "enter")
        await settled(pilot)
        saved = stored(data_dir, workshop_id)
        assert [(t.text, t.source) for t in saved.trends] == [
            ("Rents rising", "data"),
            ("Mothers share rides", "experience"),
        ]
        await pilot.press("down", "down", "f9")  # the second trend: experience → data
        await settled(pilot)
        assert [t.source for t in stored(data_dir, workshop_id).trends] == ["data", "data"]
        assert [p.text for p in saved.problems] == ["Long waits at the clinic"]
        assert [o.text for o in saved.opportunities] == ["Evening shifts"]
        assert "1 problem not linked" in app.screen.query_one("#mapping-status", RtlText).text
