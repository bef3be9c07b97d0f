"""Readiness by keys: y / n / u on the highlighted question, a note, and the live verdict."""

from __future__ import annotations

from pathlib import Path

from workshop.tui.app import make_app
from workshop.core.model import READINESS_QUESTIONS
from workshop.core.service import Workshops
from workshop.tui.widgets.rtl_text import RtlText
from appkit import ENV, settled



def stored(data_dir: Path, workshop_id: str):  # type: ignore[no-untyped-def]
    return Workshops.at(data_dir).load(workshop_id)


def verdict_text(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#verdict", RtlText).text


async def test_answers_note_and_verdict(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="readiness"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("y", "y", "u")  # each answer moves to the next question
        await pilot.pause()
        assert "still open" in verdict_text(app)
        assert "3" in app.screen.query_one("#unsure-flag", RtlText).text
        await pilot.press("up", "e", *"Ask the clinics first", "enter")
        await pilot.press("e", *" today", "enter")  # the note is added to, not replaced
        await pilot.press("down", "n")
        await settled(pilot)
        saved = stored(data_dir, workshop.id)
        answers = [saved.readiness[q].answer for q in READINESS_QUESTIONS]
        assert answers == ["yes", "yes", "unsure", "no", None, None, None]
        assert saved.readiness["q3"].note == "Ask the clinics first today"
        assert "rethinking" in verdict_text(app)
        assert "4" in verdict_text(app)  # the question answered no is named
        assert "Join an existing coalition" in app.screen.query_one("#next-steps", RtlText).text


async def test_all_yes_proceeds_and_clear(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="readiness"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"y" * 7)
        await settled(pilot)
        assert all(stored(data_dir, workshop.id).readiness[q].answer == "yes" for q in READINESS_QUESTIONS)
        assert "prepare the next steps" in verdict_text(app)
        assert "Recruit the right people" in app.screen.query_one("#next-steps", RtlText).text
        await pilot.press("c")  # clears the last (highlighted) question
        await settled(pilot)
        assert stored(data_dir, workshop.id).readiness["q7"].answer is None
        assert app.screen.query_one("#next-steps", RtlText).text == ""


async def test_arabic_readiness_verdict(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("ورشة", "ar")
    app = make_app(make_config(open_ref=workshop.id, step="readiness", language="ar", rtl="app"), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await settled(pilot)
        assert stored(data_dir, workshop.id).readiness["q1"].answer == "no"
        assert any("\u0600" <= ch <= "\u06ff" for ch in verdict_text(app))


async def test_a_note_is_added_to_at_its_end_after_a_question_without_one(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Seen in tmux (demo): past a question with no note, 'e' on a question with one put the
    cursor at its start, and the words typed went in front of the room's note."""
    from workshop.core.model import Meta, Workshop

    workshop = Workshop(meta=Meta(title="Child health", language="en"))
    workshop.readiness["q1"].note = "Clinics agree"
    workshop.readiness["q3"].note = "Funding promised"
    workshop = Workshops.at(data_dir).add(workshop)
    app = make_app(make_config(open_ref=workshop.id, step="readiness"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down")  # q2 (no note), then q3
        await pilot.press("e", *" in May", "enter")
        await settled(pilot)
        assert stored(data_dir, workshop.id).readiness["q3"].note == "Funding promised in May"
