"""Go to step (ctrl+g) from every step to every step, in both languages.

An Euler circuit of the complete step graph walks every ordered pair (from, to) as one jump, each
pressed as a person would: ctrl+g, the arrows from the highlighted current step (or Home/End when
that is shorter) to the step, Enter. The English circuit is walked in PARTS consecutive pieces,
one app each (an app starts in well under a second; the pieces run side by side under
`pytest -n`); together they press every pair once. Before the fix the old screen's session
listener ran after its widgets were gone (`NoMatches: No nodes match 'StepRail'`).
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


def short_cycle(nodes: tuple[str, ...]) -> list[str]:
    """Every step once, forward by two (a jump, not a neighbour), and back to the start."""
    order = list(nodes[::2]) + list(nodes[1::2])
    return order + [order[0]]


def pieces(walk: list[str], parts: int) -> list[list[str]]:
    """The walk cut into `parts` consecutive walks; each starts where the previous one ended."""
    jumps = len(walk) - 1
    cuts = [round(jumps * k / parts) for k in range(parts + 1)]
    return [walk[a : b + 1] for a, b in zip(cuts, cuts[1:])]


def keys_to(here: str, there: str) -> list[str]:
    """What a person presses in the go-to list, which opens on the current step: the fewest moves, then Enter."""
    start, goal, last = STEPS.index(here), STEPS.index(there), len(STEPS) - 1
    arrows = ["down"] * (goal - start) if goal > start else ["up"] * (start - goal)
    ways = [arrows, ["home"] + ["down"] * goal, ["end"] + ["up"] * (last - goal)]
    return min(ways, key=len) + ["enter"]


# All 132 ordered pairs in English (the crash was language-blind), in PARTS pieces; a cycle through every step in Arabic.
PARTS = 3
WALKS = {("en", n + 1): walk for n, walk in enumerate(pieces(euler_circuit(STEPS), PARTS))}
WALKS[("ar", 1)] = short_cycle(STEPS)


def test_the_walks_cover_every_pair() -> None:
    walk = euler_circuit(STEPS)
    pairs = set(zip(walk, walk[1:]))
    assert len(walk) - 1 == len(pairs) == len(STEPS) * (len(STEPS) - 1)
    english = [(a, b) for (language, _), part in WALKS.items() if language == "en" for a, b in zip(part, part[1:])]
    assert sorted(english) == sorted(pairs)
    for here, there in pairs:  # the shortest way in the list lands on the step
        keys = keys_to(here, there)
        at = STEPS.index(here)
        for key in keys[:-1]:
            at = {"home": 0, "end": len(STEPS) - 1}.get(key, at + (1 if key == "down" else -1 if key == "up" else 0))
        assert STEPS[at] == there, (here, there, keys)


@pytest.mark.walk
@pytest.mark.parametrize(("language", "part"), list(WALKS), ids=lambda v: str(v))
async def test_go_to_every_step_from_every_step(tmp_path: Path, language: str, part: int) -> None:
    walk = WALKS[(language, part)]
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
            await pilot.press(*keys_to(here, there))
            await settle(pilot)
            assert_alive(app, what)
            assert current_step(app) == there, what
