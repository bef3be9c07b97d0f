"""Typed but not entered: the text survives F2, a step change, quit and a crash, and is offered back in its field."""

from __future__ import annotations

from pathlib import Path

from workshop.core.service import Workshops
from workshop.tui.app import make_app
from workshop.tui.widgets.capture_list import CaptureList

from appkit import ENV


async def type_slowly(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        await pilot.press(char if char != " " else "space")


def field(app, list_id: str) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#{list_id}", CaptureList).input.value


async def test_a_half_typed_answer_survives_f2_step_change_and_quit(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Housing", "en")
    app = make_app(make_config(open_ref=workshop.id, step="needs"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_slowly(pilot, "Safer streets")
        await pilot.pause()
        app.session.flush()  # what the 0.3 s save does: a crash after it loses nothing
        assert workshops.load(workshop.id).drafts == {"needs.accomplish": "Safer streets"}

        await pilot.press("f2")  # language switch rebuilds the screen
        await pilot.pause()
        assert field(app, "answers") == "Safer streets"

        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen.STEP == "needs"
        assert field(app, "answers") == "Safer streets"
        await pilot.press(*" for children")
        await pilot.pause()
    # the app has ended (quit): the draft is on disk
    assert workshops.load(workshop.id).drafts == {"needs.accomplish": "Safer streets for children"}

    app = make_app(make_config(open_ref=workshop.id, step="needs"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert field(app, "answers") == "Safer streets for children"
        await pilot.press("enter")
        await pilot.pause()
        app.session.flush()
        saved = workshops.load(workshop.id)
        assert [i.text for i in saved.needs.accomplish] == ["Safer streets for children"]
        assert saved.drafts == {}, "an entered item is no longer a draft"


async def test_each_question_and_quadrant_keeps_its_own_draft(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Housing", "en")
    app = make_app(make_config(open_ref=workshop.id, step="needs"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_slowly(pilot, "first")
        await pilot.press("tab")
        await pilot.pause()
        assert field(app, "answers") == ""
        await type_slowly(pilot, "second")
        await pilot.press("shift+tab")
        await pilot.pause()
        assert field(app, "answers") == "first"
        app.session.flush()
        assert workshops.load(workshop.id).drafts == {"needs.accomplish": "first", "needs.strengths": "second"}

    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_slowly(pilot, "clinics")
        await pilot.press("tab")
        await type_slowly(pilot, "few staff")
        await pilot.pause()
        app.session.flush()
        drafts = workshops.load(workshop.id).drafts
        assert drafts["swot.q-strength"] == "clinics" and drafts["swot.q-weakness"] == "few staff"


async def test_an_edit_in_between_gives_the_half_typed_sentence_back(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Housing", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_slowly(pilot, "Trusted clinics")
        await pilot.press("enter")
        await type_slowly(pilot, "Mothers gr")
        await pilot.pause()
        capture = app.screen.query_one("#q-strength", CaptureList)
        capture.focus_list()
        await pilot.pause()
        capture.begin_edit()
        assert capture.input.value == "Trusted clinics"
        await type_slowly(pilot, "!")
        await pilot.press("enter")
        await pilot.pause()
        assert capture.input.value == "Mothers gr"
        app.session.flush()
        saved = workshops.load(workshop.id)
        assert [i.text for i in saved.swot] == ["Trusted clinics!"]
        assert saved.drafts == {"swot.q-strength": "Mothers gr"}


async def test_next_steps_keep_a_draft(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Housing", "en")
    app = make_app(make_config(open_ref=workshop.id, step="export"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        app.screen.section = "next"
        await pilot.pause()
        await type_slowly(pilot, "Call the mayor")
        await pilot.pause()
        app.session.flush()
        assert workshops.load(workshop.id).drafts == {"evaluation.eval-next": "Call the mayor"}
