"""Every step's screen at both sizes: the registry's screen class, and the width class its styles key on.

Replaces the second-size snapshots (120x40 beside 80x24) that showed the same screen again: what
changes with the width is the `-narrow` / `-wide` class (`WorkshopApp.HORIZONTAL_BREAKPOINTS`) that the
`.tcss` files select on. The 80x24 snapshots, both languages, still show what each screen looks like.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from appkit import ENV
from workshop.core.service import Workshops
from workshop.core.steps.registry import STEPS
from workshop.tui.app import make_app
from workshop.tui.screens.registry import screen_class


@pytest.mark.parametrize(("size", "width_class"), [((80, 24), "-narrow"), ((120, 40), "-wide")], ids=["80x24", "120x40"])
@pytest.mark.parametrize("language", ["en", "ar"])
async def test_every_step_has_its_screen_and_width_class(
    data_dir: Path, make_config, language: str, size: tuple[int, int], width_class: str  # type: ignore[no-untyped-def]
) -> None:
    workshop_id = Workshops.at(data_dir).demo(language)
    app = make_app(make_config(language=language, open_ref=workshop_id, step=STEPS[0].id), environ=ENV)
    async with app.run_test(size=size) as pilot:
        for step in STEPS:
            if step is not STEPS[0]:
                app.show_step(step.id)
            await pilot.pause()
            screen = app.screen
            assert type(screen) is screen_class(step.id), step.id
            assert screen.has_class(width_class), (step.id, screen.classes)
            assert screen.has_class("-rtl" if language == "ar" else "-ltr"), step.id
