"""Coalition type by keys: answer the questions, browse the types, choose one, write why — checked on disk."""

from __future__ import annotations

from pathlib import Path

from workshop.tui.app import make_app
from workshop.core.model import Workshop
from workshop.tui.screens.coalition_type import CoalitionTypeScreen
from workshop.core.service import Workshops
from workshop.tui.widgets.rtl_text import RtlText
from appkit import ENV, settled



def stored(data_dir: Path, workshop_id: str) -> Workshop:
    return Workshops.at(data_dir).load(workshop_id)


async def test_answers_suggest_and_the_room_chooses(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="coalition-type"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CoalitionTypeScreen)
        await pilot.press("space")  # timeframe: fixed
        await pilot.press("down", "space", "space")  # values: few, then some
        await pilot.press("down", "enter")  # funding: none (Enter changes the answer too)
        await pilot.pause()
        suggestion = screen.query_one("#type-suggestion", RtlText).text
        assert "Campaign" in suggestion and "fixed time" in suggestion
        await pilot.press("right", "right")  # shows the third type
        await pilot.press("c")
        await pilot.pause()
        app.save_now()
        saved = stored(data_dir, workshop.id)
        assert saved.coalition_type.answers == {"timeframe": "fixed", "values": "some", "funding": "none"}
        assert saved.coalition_type.chosen == "coordinating-council"
        await pilot.press("g", "c")  # show the suggestion, choose it
        await pilot.press("n", *"One goal, one year", "enter")
        await settled(pilot)
        saved = stored(data_dir, workshop.id)
        assert saved.coalition_type.chosen == "campaign"
        assert saved.coalition_type.reason == "One goal, one year"
        assert "Campaign" in screen.query_one("#type-chosen", RtlText).text


async def test_arabic_mirrors_the_arrows_and_shows_arabic(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("صحة الطفل", "ar")
    app = make_app(make_config(open_ref=workshop.id, step="coalition-type", language="ar"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("left", "c")  # in Arabic the next type is to the left
        await pilot.pause()
        app.save_now()
        assert stored(data_dir, workshop.id).coalition_type.chosen == "organisation"
        await pilot.press("right", "right", "c")
        await pilot.pause()
        app.save_now()
        assert stored(data_dir, workshop.id).coalition_type.chosen == "ongoing-coalition"
        assert "الغاية" in app.screen.query_one("#type-card", RtlText).text


async def test_read_only_refuses_the_choice(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="coalition-type", read_only=True), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space", "c")
        await pilot.pause()
    saved = stored(data_dir, workshop.id)
    assert saved.coalition_type.chosen is None and saved.coalition_type.answers == {}


async def test_arabic_arrows_point_the_way_the_keys_go(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """In Arabic ← shows the next type: the position line has ◂ on its left and ▸ on its right as
    drawn (the catalogue puts them mirrored in logical order), the current type's pointer faces its
    name from the right, and each question points left to its answer."""
    from workshop.tui.widgets.forms import RowList

    for language, pointer, answer_arrow in (("ar", "◂", "←"), ("en", "▸", "→")):
        workshop = Workshops.at(data_dir).create(f"arrows {language}", language)
        app = make_app(make_config(open_ref=workshop.id, step="coalition-type", language=language), environ=ENV)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            drawn = app.screen.query_one("#type-position", RtlText).render_line(0)
            position = "".join(segment.text for segment in drawn).strip()
            assert position[0] == "◂" and position[-1] == "▸", position
            overview = app.screen.query_one("#type-overview", RtlText).text
            assert overview.splitlines()[0].startswith(pointer + " 1.")
            rows = app.screen.query_one("#type-questions", RowList)
            first = str(rows.get_option_at_index(0).prompt)
            assert answer_arrow in first and ({"←", "→"} - {answer_arrow}).isdisjoint(first)
            if language == "ar":  # drawn: the answer on the left of the arrow, the question on its right
                assert first.strip().endswith(".1")


async def test_n_adds_to_the_reason_the_room_gave(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Seen in tmux (demo, 80x24): 'n' then " Also x." left the reason as " Also x.": the field
    selected its text on focus and the first letter replaced the room's whole reason."""
    from workshop.core.model import Meta, Workshop

    workshop = Workshop(meta=Meta(title="Child health", language="en"))
    workshop.coalition_type.reason = "We share deep values"
    workshop = Workshops.at(data_dir).add(workshop)
    app = make_app(make_config(open_ref=workshop.id, step="coalition-type"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", *" and years of work", "enter")
        await settled(pilot)
        assert stored(data_dir, workshop.id).coalition_type.reason == "We share deep values and years of work"
