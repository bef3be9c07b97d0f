"""The action-plan form's "community support" box is on screen, reachable by Tab and ticked by Space."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox

from workshop.core.model import Goal
from workshop.core.service import Workshops
from workshop.tui.app import make_app
from workshop.tui.widgets.forms import FormDialog

ENV = {"TERM": "xterm-256color"}


async def test_community_support_is_visible_and_reachable(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Housing", "en")
    app = make_app(make_config(open_ref=workshop.id, step="goals"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.session.edit(lambda w: w.goals.append(Goal(text="Vaccinate every child")))
        app.screen.refresh_work()
        await pilot.pause()
        app.screen.action_new_plan()
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        for char in "Radio spot":
            await pilot.press(char if char != " " else "space")
        box = app.screen.query_one("#field-support", Checkbox)
        row = box.parent
        assert box.region.height == 1 and row is not None and row.region.contains_region(box.region), "on screen"
        for _ in range(8):
            await pilot.press("tab")
        assert app.focused is box
        # the box's words say its state: "yes" was written beside an unticked box (its X is drawn
        # either way, ticked or not only by its colour), and the plan was stored without support
        assert str(box.label).startswith("no") and not box.value
        await pilot.press("space")
        assert str(box.label).startswith("yes") and box.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.session.flush()
        plan = workshops.load(workshop.id).goals[0].plans[0]
        assert (plan.task, plan.community_support) == ("Radio spot", True)
