"""Evaluation screen by keys: stage, eight steps, poll, indicators, next steps, next meeting; stored on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from workshop.tui.app import make_app
from workshop.core.model import Meta, Workshop
from workshop.tui.screens.evaluation import EvaluationScreen
from workshop.tui.screens.export import ExportScreen
from workshop.core.service import Workshops
from workshop.tui.widgets.capture_list import ItemList
from workshop.tui.widgets.rtl_text import RtlText
from appkit import ENV, notified, settled



def seed(data_dir: Path, language: str = "en") -> Workshop:
    workshop = Workshop(meta=Meta(title="Child health", language=language))
    workshop.evaluation.eight_steps = {"1": 95, "2": 10}
    return Workshops.at(data_dir).add(workshop)


def stored(data_dir: Path, workshop_id: str) -> Workshop:
    return Workshops.at(data_dir).load(workshop_id)


async def open_evaluation(pilot) -> EvaluationScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExportScreen)
    await pilot.press("v")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, EvaluationScreen)
    return screen


async def test_stage_by_arrows_and_enter(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_evaluation(pilot)
        assert screen.section == "stage"
        await pilot.press("right", "right")
        await settled(pilot)
        assert stored(data_dir, workshop.id).meta.stage == "implementation"
        await pilot.press("left", "left", "left", "left")  # stops at the first stage
        await settled(pilot)
        assert stored(data_dir, workshop.id).meta.stage == "pre-formation"
        await pilot.press("down", "down", "down", "enter")
        await settled(pilot)
        assert stored(data_dir, workshop.id).meta.stage == "maintenance"
        assert "Maintenance" in screen.query_one("#eval-summary", RtlText).text


async def test_eight_steps_progress_clamps(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_evaluation(pilot)
        await pilot.press("tab")
        assert screen.section == "steps"
        await pilot.press("right", "right")  # 95 -> 100, stays 100
        await pilot.press("down", "left", "left")  # 10 -> 0, stays 0
        await pilot.press("down", "right", "right", "right")  # 0 -> 30
        await settled(pilot)
        assert stored(data_dir, workshop.id).evaluation.eight_steps == {"1": 100, "2": 0, "3": 30}
        bar = screen.query_one("#eval-step-3 .eval-bar", RtlText).text
        assert bar == "███░░░░░░░  30%"


async def test_progress_arrows_are_mirrored_in_arabic(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir, "ar")
    app = make_app(make_config(open_ref=workshop.id, step="export", language="ar"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_evaluation(pilot)
        assert screen.has_class("-rtl")
        await pilot.press("tab", "down", "left", "left", "left", "right")  # step 2: 10 + 30 - 10
        await pilot.press("shift+tab", "left")  # the stage moves forward with left too
        await settled(pilot)
        again = stored(data_dir, workshop.id)
        assert again.evaluation.eight_steps["2"] == 30
        assert again.meta.stage == "formation"


async def test_poll_ratings_added_and_taken_back(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_evaluation(pilot)
        await pilot.press("tab", "tab")
        assert screen.section == "poll"
        await pilot.press("5", "4", "4", "down", "2", "٣")  # an Arabic-Indic 3 counts too
        await settled(pilot)
        ratings = [(r.question, r.score) for r in stored(data_dir, workshop.id).evaluation.ratings]
        assert ratings == [("overall", 5), ("overall", 4), ("overall", 4), ("clarity", 2), ("clarity", 3)]
        stats = screen.query_one("#eval-question-overall .eval-stats", RtlText).text
        assert "3 answered" in stats and "average 4.3" in stats

        await pilot.press("backspace", "up", "backspace")  # the last clarity, then the last overall answer
        await settled(pilot)
        ratings = [(r.question, r.score) for r in stored(data_dir, workshop.id).evaluation.ratings]
        assert ratings == [("overall", 5), ("overall", 4), ("clarity", 2)]

        await pilot.press("down", "down", "backspace")  # "voice" has no answers: a sentence, nothing removed
        await pilot.pause()
        assert len(stored(data_dir, workshop.id).evaluation.ratings) == 3
        assert notified(app, "no answers to remove")


async def test_digits_do_nothing_outside_the_poll(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("3", "space", "backspace")
        await settled(pilot)
        evaluation = stored(data_dir, workshop.id).evaluation
        assert evaluation.ratings == [] and evaluation.indicators == {}


async def test_indicators_toggle_with_space_and_enter(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_evaluation(pilot)
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert screen.section == "indicators"
        await pilot.press("space", "down", "down", "enter", "up", "up", "space")
        await settled(pilot)
        assert stored(data_dir, workshop.id).evaluation.indicators == {"1": False, "3": True}
        assert str(screen.query_one("#eval-indicator-3 .eval-box").render()) == "[x]"


async def test_indicator_wording_adapted_with_ctrl_e_escape_keeps_it(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_evaluation(pilot)
        await pilot.press("tab", "tab", "tab", "down", "down", "ctrl+e")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"Every child seen by a nurse", "enter")
        await pilot.pause()
        await pilot.press("up", "ctrl+e")
        await pilot.pause()
        await pilot.press(*"typed then abandoned", "escape")
        await settled(pilot)
        evaluation = stored(data_dir, workshop.id).evaluation
        assert evaluation.indicator_texts == {"3": "Every child seen by a nurse"}
        assert evaluation.indicators == {}
        assert "Every child seen by a nurse" in screen.query_one("#eval-indicator-3 .eval-name", RtlText).text
        await pilot.press("v")  # a letter on the indicators does nothing to them
        await settled(pilot)
        assert stored(data_dir, workshop.id).evaluation.indicator_texts == {"3": "Every child seen by a nurse"}


async def test_next_steps_capture_edit_delete(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_evaluation(pilot)
        await pilot.press("shift+tab", "shift+tab")
        assert screen.section == "next"
        assert isinstance(app.focused, Input)
        await pilot.press(*"Send the report @Joanne", "enter")
        await pilot.press(*"Book the hall 2026-11-03", "enter")  # a date at the end: by when
        await settled(pilot)
        steps = stored(data_dir, workshop.id).evaluation.next_steps
        assert [(s.text, s.author) for s in steps] == [("Send the report", "Joanne"), ("Book the hall", "")]
        assert [s.due for s in steps] == [None, date(2026, 11, 3)]

        await pilot.press("down")  # to the list, first row
        await pilot.pause()
        assert isinstance(app.focused, ItemList)
        await pilot.press("delete")
        await settled(pilot)
        assert [s.text for s in stored(data_dir, workshop.id).evaluation.next_steps] == ["Book the hall"]
        await pilot.press("ctrl+z")
        await settled(pilot)
        assert len(stored(data_dir, workshop.id).evaluation.next_steps) == 2


async def test_escape_returns_to_export(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)


async def test_read_only_refuses_with_a_sentence(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export", read_only=True), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_evaluation(pilot)
        assert screen.query("#eval-read-only")
        await pilot.press("right", "tab", "right", "tab", "5")
        await pilot.pause()
        again = stored(data_dir, workshop.id)
        assert again.meta.stage == "pre-formation"
        assert again.evaluation.eight_steps == {"1": 95, "2": 10} and again.evaluation.ratings == []
        assert notified(app, "read-only")



async def test_next_meeting_typed_a_key_at_a_time_is_stored_and_read_back(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_evaluation(pilot)
        await pilot.press("shift+tab")
        assert screen.section == "meeting"
        assert isinstance(app.focused, Input) and app.focused.id == "eval-meeting-field"
        # Letters and digits type here (no section key acts: 1-5, space, backspace are the field's).
        await pilot.press(*"Hall 3, 2026-02-30")
        await settled(pilot)
        status = screen.query_one("#eval-meeting-status", RtlText).text
        assert "2026-02-30" in status and "not a day" in status
        kept = stored(data_dir, workshop.id).evaluation.next_meeting  # the last line that named a day
        assert (kept.date, kept.place) == (date(2026, 2, 3), "Hall 3")
        await pilot.press("backspace", "backspace", *"15 18:00")
        await settled(pilot)
        meeting = stored(data_dir, workshop.id).evaluation.next_meeting
        assert (meeting.date, meeting.time, meeting.place) == (date(2026, 2, 15), "18:00", "Hall 3")
        assert screen.query_one("#eval-meeting-status", RtlText).text == "Page 1: 2026-02-15 · 18:00 · Hall 3"
        assert workshop.evaluation.ratings == [] and stored(data_dir, workshop.id).evaluation.ratings == []
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("v", "shift+tab")  # opened again: the field shows what is stored
        await pilot.pause()
        assert app.screen.query_one("#eval-meeting-field", Input).value == "2026-02-15 18:00 Hall 3"


async def test_next_meeting_in_arabic_with_arabic_digits(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir, "ar")
    app = make_app(make_config(open_ref=workshop.id, step="export", language="ar"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("shift+tab", *"١٥/١٢/٢٠٢٦ ١٨:٠٠ قاعة البلدية")
        await settled(pilot)
        meeting = stored(data_dir, workshop.id).evaluation.next_meeting
        assert (meeting.date, meeting.time, meeting.place) == (date(2026, 12, 15), "18:00", "قاعة البلدية")
        await pilot.press(*["backspace"] * 40)  # emptied: no meeting
        await settled(pilot)
        assert not stored(data_dir, workshop.id).evaluation.next_meeting.is_set()


async def test_indicator_form_shows_its_field_and_typing_adds_to_the_wording(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Opened straight on the wrap-up (no charter step seen before): the form's field is on screen,
    one row high and wide, and keys typed into it go after the wording, as in every text field.
    Before, the form's styles came with the charter steps' stylesheet: the field was drawn nowhere,
    its wording selected, and the first key replaced the whole wording unseen."""
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("tab", "tab", "tab", "down", "ctrl+e")
        await pilot.pause()
        field = app.screen.query_one("#field-text", Input)
        assert app.focused is field
        region = field.region
        assert region.height == 1 and region.width >= 30, region
        assert app.screen.region.contains_region(region)
        manual = "Higher technical capacity in the community."
        assert field.value == manual
        for key in " for parents":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        await settled(pilot)
        assert stored(data_dir, workshop.id).evaluation.indicator_texts == {"2": f"{manual} for parents"}
