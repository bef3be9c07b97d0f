"""Mission by keys: compose from parts, revise with history, compare, adopt, write the vision."""

from __future__ import annotations

from pathlib import Path

import pytest

from textual.widgets import TextArea

from workshop.tui.app import make_app
from workshop.core.service import Workshops
from workshop.tui.widgets.rtl_text import RtlText
from appkit import ENV, settled



def stored(data_dir: Path, workshop_id: str):  # type: ignore[no-untyped-def]
    return Workshops.at(data_dir).load(workshop_id)


async def test_compose_revise_compare_adopt_vision(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop_id = Workshops.at(data_dir).create("Child health", "en").id
    app = make_app(make_config(open_ref=workshop_id, step="mission"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")  # nothing typed yet: no draft
        await pilot.press(*"parents and clinics", "tab", *"follow-up care", "tab")
        await pilot.press(*"for children under six", "tab", *"by campaigning together")
        await pilot.press("ctrl+r")
        await settled(pilot)
        saved = stored(data_dir, workshop_id)
        assert len(saved.mission.drafts) == 1
        first = saved.mission.drafts[0]
        # one sentence: the catalogue's words join the parts; "for" typed in a part is not doubled
        assert first.text == "We, parents and clinics, work towards follow-up care for children under six, by campaigning together."
        assert (first.who, first.for_whom, first.how) == ("parents and clinics", "for children under six", "by campaigning together")
        # rewrite the draft: the previous text goes to its history
        await pilot.press("ctrl+e", "ctrl+u", *"Together we win follow-up care for every child under six", "enter")
        await settled(pilot)
        first = stored(data_dir, workshop_id).mission.drafts[0]
        assert first.text == "Together we win follow-up care for every child under six"
        assert [v.text for v in first.history] == [
            "We, parents and clinics, work towards follow-up care for children under six, by campaigning together."
        ]
        await pilot.press("ctrl+l")
        assert "earlier version" in app.screen.query_one("#draft-detail", RtlText).text
        assert "campaigning together" in app.screen.query_one("#draft-detail", RtlText).text
        # a second draft typed whole, then compare the two and adopt the second
        await pilot.press(*"Healthy children, strong families", "enter", "down")
        await pilot.press("f11", "down", "f11")
        await pilot.pause()
        assert app.screen.query_one("#compare").display
        texts = [t.text for t in app.screen.query(".compare-text").results(RtlText)]
        assert texts == ["Together we win follow-up care for every child under six", "Healthy children, strong families"]
        titles = " ".join(str(t.render()) for t in app.screen.query(".compare-title"))
        assert "words: 10" in titles and "words: 4" in titles
        await pilot.press("f9")
        await pilot.press("escape")
        assert not app.screen.query_one("#compare").display
        await pilot.press("ctrl+y")
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Every child grows up healthy", "enter", *"whatever the income")
        await pilot.press("escape")
        await settled(pilot)
        saved = stored(data_dir, workshop_id)
        assert saved.mission.adopted() is not None
        assert saved.mission.adopted().text == "Healthy children, strong families"
        assert saved.mission.vision == "Every child grows up healthy\nwhatever the income"
        assert "Every child grows up healthy" in app.screen.query_one("#vision-view", RtlText).text
        assert app.screen.query_one("#vision-view").display


async def test_delete_draft_and_undo(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop_id = Workshops.at(data_dir).create("Child health", "en").id
    app = make_app(make_config(open_ref=workshop_id, step="mission"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"The neighbourhood", "ctrl+r", "f9")  # adopt the composed draft
        await settled(pilot)
        saved = stored(data_dir, workshop_id)
        assert saved.mission.adopted_id == saved.mission.drafts[0].id
        await pilot.press("f9")  # F9 again withdraws the adoption
        await pilot.press("delete")
        await settled(pilot)
        saved = stored(data_dir, workshop_id)
        assert (saved.mission.drafts, saved.mission.adopted_id) == ([], None)
        await pilot.press("ctrl+z")
        await settled(pilot)
        assert [d.text for d in stored(data_dir, workshop_id).mission.drafts] == ["We, The neighbourhood, work."]


async def test_parts_typed_are_saved_before_any_draft(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Nothing is lost: the four parts reach disk as they are typed, and come back on reopening."""
    from workshop.core.service import Workshops as _Workshops

    workshop = _Workshops.at(data_dir).create("Parts", "en")
    app = make_app(make_config(open_ref=workshop.id, step="mission"), environ={"TERM": "xterm-256color"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#part-who").focus()
        await pilot.press(*"Parents and clinics")
        await settled(pilot)
        assert _Workshops.at(data_dir).load(workshop.id).mission.working.who == "Parents and clinics"
    app = make_app(make_config(open_ref=workshop.id, step="mission"), environ={"TERM": "xterm-256color"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#part-who").value == "Parents and clinics"


@pytest.mark.parametrize("language", ["en", "ar"])
async def test_the_four_parts_stay_in_view_beside_the_highlighted_draft_at_80x24(make_config, data_dir: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """The demo opens on its drafts (focused, the adopted one highlighted); at 80x24 that
    scrolled the four parts (and their heading) out of view. Now the parts, the drafts' title
    (it names the keys) and the highlighted draft are all on screen, and so they stay when
    the facilitator goes down the drafts."""
    from workshop.tui.widgets.capture_list import CaptureList
    from workshop.tui.widgets.row_view import RowView

    config = make_config(demo=True, step="mission", language=language, rtl="app")
    app = make_app(config, environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen

        def on_screen(widget) -> bool:  # type: ignore[no-untyped-def]
            """The widget is painted where it is: the screen's widget at its top left is it (or inside it)."""
            from textual.errors import NoWidget

            region = widget.region
            try:
                found, _ = screen.get_widget_at(region.x, region.y)
            except NoWidget:  # scrolled off the screen
                return False
            return bool(region) and (found is widget or widget in found.ancestors)

        drafts = screen.query_one("#drafts", CaptureList)
        rows = drafts.query_one(RowView)
        assert rows.has_focus and rows.index is not None
        for _ in range(2):
            for part in ("who", "change", "for_whom", "how"):
                assert on_screen(screen.query_one(f"#part-{part}")), part
            assert on_screen(drafts.query_one(".title")) and on_screen(rows)
            await pilot.press("down")
            await pilot.pause()


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "en",
            "We, the Eastbrook Healthy Start Coalition, work towards the healthiest start in life for every young "
            "child in Eastbrook and their family, through services, research and advocacy.",
        ),
        (
            "ar",
            "نحن، تحالف النزهة لصحة الطفولة المبكرة، نعمل من أجل أفضل بداية صحية في الحياة لصالح كل طفل صغير "
            "في حي النزهة وأسرته، عبر الخدمات والبحث والمناصرة.",
        ),
    ],
)
async def test_the_demos_parts_compose_a_sentence(make_config, language: str, sentence: str) -> None:  # type: ignore[no-untyped-def]
    """The demo opens with its last draft's parts in the fields; ctrl+r makes them one sentence in
    the workshop's language. Before: "The Eastbrook Healthy Start Coalition make Eastbrook the
    healthiest neighbourhood in the city to be a young child all families with young children through…"."""
    app = make_app(make_config(demo=True, step="mission", language=language), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        drafts = len(app.session.workshop.mission.drafts)
        await pilot.press("ctrl+r")
        await settled(pilot)
        saved = app.session.workshop.mission.drafts
        assert len(saved) == drafts + 1 and saved[-1].text == sentence
