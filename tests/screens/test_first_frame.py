"""A step screen is rendered whole, as it will stay, and never while updates are held (#17).

Textual rendered a step screen during its start batch, and while a step change held updates, then
threw the render away (`App._display` returns while held); the next frame lacked what that render
had painted (a start's first frame missed the SWOT rows and the goals' headings), and the lists
wrapped their rows at a width guessed before layout until a later frame wrapped them again.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual._compositor import LayoutUpdate

from workshop.tui.app import make_app
from appkit import ENV, settled


def record_renders(app: Any) -> list[tuple[str, str, int, list[str]]]:
    """(screen, kind of update, updates held, the text of a whole update) for each render."""
    renders: list[tuple[str, str, int, list[str]]] = []
    display = app._display

    def recorded(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            text = screen_text(renderable) if isinstance(renderable, LayoutUpdate) else []
            renders.append((type(screen).__name__, type(renderable).__name__, app._batch_count, text))
        display(screen, renderable)

    app._display = recorded
    return renders


def screen_text(update: LayoutUpdate) -> list[str]:
    return ["".join(strip.text for strip in line) for line in update.strips]


def settled_text(app: Any) -> list[str]:
    return screen_text(app.screen._compositor.render_full_update())


# The partner table takes the focus once the screen is shown: its keys reach the footer a frame later.
@pytest.mark.parametrize("step", ["setup", "swot", "partners", "goals"])
async def test_a_start_renders_the_step_screen_whole_as_it_stays_never_while_held(make_config, step: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step=step), environ=ENV)
    renders = record_renders(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        name = type(app.screen).__name__
        final = settled_text(app)
    mine = [render for render in renders if render[0] == name]
    assert mine and not [render for render in mine if render[2]], [render[:3] for render in mine]
    assert mine[0][1] == "LayoutUpdate", [render[:3] for render in mine]  # the first render is whole
    if step != "partners":
        # row 0 holds the step's clock, the last row the footer
        assert mine[0][3][1:-1] == final[1:-1]


async def test_a_step_change_renders_the_next_screen_whole_as_it_stays_never_while_held(make_config) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step="structure"), environ=ENV)
    renders = record_renders(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        renders.clear()
        await pilot.press("ctrl+n")  # goals: two lists of wrapped rows
        await settled(pilot)
        assert type(app.screen).__name__ == "GoalsScreen"
        final = settled_text(app)
    goals = [render for render in renders if render[0] == "GoalsScreen"]
    assert goals and not [render for render in goals if render[2]], [render[:3] for render in goals]
    assert goals[0][1] == "LayoutUpdate", [render[:3] for render in goals]
    assert goals[0][3][1:-1] == final[1:-1]
