"""@Name typed in every capture list the hint promises it: stored as `author`, shown as "— Name", editable."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from workshop.core.model import Workshop
from workshop.core.service import Workshops
from workshop.tui.app import make_app
from workshop.tui.widgets.capture_list import CaptureList, entry_line
from appkit import ENV


#: (step, capture list id, pane to show first, where the item lands on disk)
LISTS: list[tuple[str, str, str | None, Callable[[Workshop], list[Any]]]] = [
    ("needs", "answers", None, lambda w: w.needs.accomplish),
    ("swot", "q-weakness", None, lambda w: w.swot),
    ("mapping", "trends", "trends", lambda w: w.trends),
    ("mapping", "problems", "problems", lambda w: w.problems),
    ("mapping", "opportunities", "opportunities", lambda w: w.opportunities),
    ("ground-rules", "rules", None, lambda w: w.ground_rules.rules),
]


async def type_slowly(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """One key at a time, as a person types."""
    for char in text:
        await pilot.press(char if char != " " else "space")


@pytest.mark.parametrize(("step", "list_id", "pane", "where"), LISTS, ids=[f"{s}-{i}" for s, i, _, _ in LISTS])
async def test_at_name_is_stored_as_author_and_shown(make_config, data_dir: Path, step, list_id, pane, where) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Housing", "en")
    app = make_app(make_config(open_ref=workshop.id, step=step), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if pane is not None:
            app.screen.pane = pane
            await pilot.pause()
        capture = app.screen.query_one(f"#{list_id}", CaptureList)
        capture.focus_capture()
        await type_slowly(pilot, "Turf wars @Lena")
        await pilot.press("enter")
        await pilot.pause()
        app.save_now()
        items = where(workshops.load(workshop.id))
        assert [(i.text, i.author) for i in items] == [("Turf wars", "Lena")]
        rows = [capture.item_list.row_text(n) for n in range(capture.item_list.row_count)]
        assert any(row.startswith("Turf wars — Lena") for row in rows), rows

        # ctrl+e puts "@Lena" back in the field with the cursor at the end of the text: words typed
        # on go into the item, not into the name
        capture.focus_list()
        await pilot.pause()
        await pilot.press("ctrl+e")
        assert capture.input.value == "Turf wars @Lena"
        await type_slowly(pilot, " again")
        await pilot.press("enter")
        await pilot.pause()
        app.save_now()
        items = where(workshops.load(workshop.id))
        assert [(i.text, i.author) for i in items] == [("Turf wars again", "Lena")]

        # the name can be changed (End, then over it) or removed
        capture.focus_list()
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.press("end")
        for _ in "@Lena":
            await pilot.press("backspace")
        await type_slowly(pilot, "@Omar Haddad")
        await pilot.press("enter")
        await pilot.pause()
        app.save_now()
        items = where(workshops.load(workshop.id))
        assert [(i.text, i.author) for i in items] == [("Turf wars again", "Omar Haddad")]


async def test_next_step_owner_by_keys(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Housing", "ar")
    app = make_app(make_config(open_ref=workshop.id, step="export", language="ar"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        app.screen.section = "next"
        await pilot.pause()
        await type_slowly(pilot, "إرسال المحضر @كريم")
        await pilot.press("enter")
        await pilot.pause()
        app.save_now()
        steps = workshops.load(workshop.id).evaluation.next_steps
        assert [(i.text, i.author) for i in steps] == [("إرسال المحضر", "كريم")]


def test_row_line_puts_the_name_before_the_suffix() -> None:
    from workshop.tui.widgets.capture_list import Entry

    assert entry_line(Entry("1", "Rents", None, "Data", "Lena")) == "Rents — Lena · Data"
    assert entry_line(Entry("1", "Rents", 2, "Data")) == "(2) Rents — Data"
    assert entry_line(Entry("1", "Rents", None, author="Lena")) == "Rents — Lena"
