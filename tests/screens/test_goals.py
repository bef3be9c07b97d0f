"""Goals and plans by keys: a goal with its work group, a plan with a bad then good date, dots, the table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, DataTable, Static

from workshop.tui.app import make_app
from workshop.core.model import Meta, Participant, Partner, Workshop, workshop_to_dict
from workshop.tui.screens.goals import GoalsScreen
from workshop.tui.screens.structure import FormDialog
from workshop.core.service import Workshops
from workshop.tui.widgets.rtl_text import RtlText
from workshop.core.steps.structure import seed_structure, work_groups
from appkit import ENV, settled, type_while_it_opens



def stored(data_dir: Path, workshop_id: str) -> Workshop:
    return Workshops.at(data_dir).load(workshop_id)


def seed(data_dir: Path) -> Workshop:
    workshop = Workshop(
        meta=Meta(title="Child health"),
        partners=[Partner(organisation="Children's NGO", sector="nonprofit"), Partner(organisation="Clinic")],
        participants=[Participant(name="Huda"), Participant(name="Sami")],
    )
    seed_structure(workshop, lambda kind, n: f"{kind} {n}", lambda kind: "")
    Workshops.at(data_dir).store.save(workshop_to_dict(workshop))
    return workshop


async def test_goal_plan_votes_and_table(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    groups = work_groups(workshop)
    app = make_app(make_config(open_ref=workshop.id, step="goals"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GoalsScreen)
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press(*"Child-care centres", "tab", "tab", "tab")  # to the work group
        await pilot.press("enter", "down", "down", "enter")  # the second work group
        await pilot.press("tab", *"Huda", "enter")
        await pilot.pause()
        app.save_now()
        goal = stored(data_dir, workshop.id).goals[0]
        assert (goal.text, goal.kind, goal.category, goal.work_group_id, goal.convener) == (
            "Child-care centres", "specific", None, groups[1].id, "Huda"
        )

        await pilot.press("ctrl+k")
        await pilot.pause()
        await pilot.press(*"Open a pilot centre", "tab", "enter", "down", "enter")  # owner: the children's NGO
        await pilot.press("tab", *"2026-09-01", "tab", *"2026-08-01", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)  # refused: the dialog stays open and says why
        error = str(dialog.query_one("#form-error", Static).render())
        assert "before the start date" in error
        await pilot.press(*["backspace"] * 10, *"2026-12-31", "tab", *"Children enrolled", "tab", *"12000", "enter")
        await settled(pilot)
        plan = stored(data_dir, workshop.id).goals[0].plans[0]
        assert (plan.task, plan.responsible_partner_id, plan.start, plan.end, plan.criteria, plan.budget) == (
            "Open a pilot centre", workshop.partners[0].id, date(2026, 9, 1), date(2026, 12, 31), "Children enrolled", 12000
        )
        gaps = screen.query_one("#plan-gaps", RtlText).text
        assert "community" in gaps and "budget" not in gaps.split("community")[0].lower()

        await pilot.press("tab", "enter")  # to the plans; Enter on a plan edits it, as their heading says
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query(Input).first().value == "Open a pilot centre"
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("shift+tab", "f11", "f11")  # back to the goals, two dots
        assert app.focused is screen.query_one("#goals")
        await settled(pilot)
        assert stored(data_dir, workshop.id).goals[0].votes == 2

        await pilot.press("ctrl+l")
        await pilot.pause()
        table = screen.query_one("#plan-table", DataTable)
        assert table.display and screen.query_one("#plan-table-view").display
        assert table.row_count == 1
        assert "Open a pilot c" in str(table.get_row_at(0))  # cut to fit 60 columns
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not screen.query_one("#plan-table-view").display


async def test_bad_date_text_is_explained_and_nothing_saved(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="goals"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("enter")  # no text: refused
        await pilot.pause()
        assert "Write the goal first" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press(*"Advocacy", "tab", "enter", "down", "enter", "ctrl+s")  # comprehensive, no category
        await pilot.pause()
        assert "needs a category" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(*"Advocacy", "enter")  # typing on the goals starts a new goal
        await pilot.pause()
        await pilot.press("ctrl+k", *"Meet the mayor", "tab", "tab", *"next week", "enter")
        await pilot.pause()
        assert "is not a date" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("escape")
        await settled(pilot)
    saved = stored(data_dir, workshop.id)
    assert [g.text for g in saved.goals] == ["Advocacy"] and saved.goals[0].plans == []


async def test_edit_form_adds_what_is_typed_and_replaces_a_date(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """ctrl+e on a goal: keys typed go after its words (typing never replaces a sentence unseen);
    a date field of a plan is one value, so what is typed replaces it."""
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="goals"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Child-care centres", "enter")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("space", *"nearby", "enter")
        await settled(pilot)
        assert stored(data_dir, workshop.id).goals[0].text == "Child-care centres nearby"

        await pilot.press("ctrl+k", *"Open a centre", "tab", "tab", *"2026-09-01", "enter")
        await pilot.pause()
        await pilot.press("tab", "ctrl+e")  # the plan, to edit it
        await pilot.pause()
        await pilot.press("tab", "tab", *"2026-10-01", "enter")  # start: replaced, not 2026-09-012026-10-01
        await settled(pilot)
        assert stored(data_dir, workshop.id).goals[0].plans[0].start == date(2026, 10, 1)


async def test_a_key_typed_while_the_new_goal_form_opens_is_kept(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Typed a key at a time (tmux, 20-150 ms apart): the first letter on the goals opens the new
    goal form, the second reached the form before it had its fields and was handled after its field
    had the focus, by the form itself, which dropped it: "Zo" became "Z" (every time by hand at 80x24)."""
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="goals"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_while_it_opens(pilot, "Z", FormDialog, "oe")
        await pilot.press("enter")
        await settled(pilot)
        assert [g.text for g in stored(data_dir, workshop.id).goals] == ["Zoe"]


async def test_demo_goals_at_80x24_give_the_rows_to_the_lists(make_config) -> None:  # type: ignore[no-untyped-def]
    """At 80x24 the plans' heading repeated the whole goal (4 rows of the 15) and each list had 4
    rows: one goal and one and a half plans in view. The headings keep one row, ending in "…" (at
    the left in Arabic); their keys are in the footer and F1."""
    for language in ("en", "ar"):
        app = make_app(make_config(demo=True, step="goals", language=language), environ=ENV)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, GoalsScreen)
            for heading in ("#goals-heading", "#plans-heading"):
                text = screen.query_one(heading, RtlText)
                assert text.size.height == 1, (language, heading)
                line = text.render_line(0).text
                assert (line.lstrip().startswith("…") if language == "ar" else line.rstrip().endswith("…")), line
            assert screen.query_one("#goals").size.height >= 6 and screen.query_one("#plans").size.height >= 6
