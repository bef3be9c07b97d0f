"""Go to step (ctrl+g) from every step to every step, in both languages.

One app per language walks an Euler circuit of the complete step graph: every ordered pair
(from, to) is one jump, each pressed as a person would (ctrl+g, arrows to the step, Enter).
Before the fix the old screen's session listener ran after its widgets were gone
(`NoMatches: No nodes match 'StepRail'`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.keys.harness import LANGUAGES, STEPS, assert_alive, current_step, demo_app, settle
from workshop.tui.screens.dialogs import JumpScreen


def euler_circuit(nodes: tuple[str, ...]) -> list[str]:
    """A walk through every ordered pair of distinct nodes exactly once (Hierholzer)."""
    unused = {a: [b for b in nodes if b != a] for a in nodes}
    stack, walk = [nodes[0]], []
    while stack:
        here = stack[-1]
        if unused[here]:
            stack.append(unused[here].pop())
        else:
            walk.append(stack.pop())
    return walk[::-1]


def test_the_walk_covers_every_pair() -> None:
    walk = euler_circuit(STEPS)
    pairs = set(zip(walk, walk[1:]))
    assert len(walk) - 1 == len(pairs) == len(STEPS) * (len(STEPS) - 1)


def short_cycle(nodes: tuple[str, ...]) -> list[str]:
    """Every step once, forward by two (a jump, not a neighbour), and back to the start."""
    order = list(nodes[::2]) + list(nodes[1::2])
    return order + [order[0]]


# All 132 ordered pairs in English (the crash was language-blind); a cycle through every step in Arabic.
WALKS = {"en": euler_circuit, "ar": short_cycle}


@pytest.mark.parametrize("language", LANGUAGES)
async def test_go_to_every_step_from_every_step(tmp_path: Path, language: str) -> None:
    walk = WALKS[language](STEPS)
    app = demo_app(tmp_path / "data", language, walk[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert current_step(app) == walk[0]
        for here, there in zip(walk, walk[1:]):
            what = f"ctrl+g {here} → {there} ({language})"
            print(what, flush=True)
            await pilot.press("ctrl+g")
            await settle(pilot)
            assert isinstance(app.screen, JumpScreen), what
            await pilot.press("home", *["down"] * STEPS.index(there), "enter")
            await settle(pilot)
            assert_alive(app, what)
            assert current_step(app) == there, what
