"""A seeded typist: realistic typing through every step must never rewrite what the room said.

The typist types words (full of e, d, a, x, l, s, n, p…: the letters that were item commands),
spaces, Enter, Tab, arrows, Escape, Backspace and the step keys (ctrl+n, ctrl+b, ctrl+g) on
every step, in both languages, one key at a time. It never presses an item command (ctrl+e,
Delete, F5-F9…). Invariants after every burst: no exception, the app is on a screen, and every
item that existed before still exists with the same text (new items may appear).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from tests.keys.harness import LANGUAGES, STEPS, assert_alive, current_step, demo_app, settle
from workshop.tui.screens.base import Nav, StepScreen

SEED = 20261129
TEXT_FIELDS = ("text", "task", "organisation", "name")
WORDS = {
    "en": ["add", "delete", "edit", "adopt", "drop", "next", "plans", "maybe", "yes", "no", "a", "x", "=", "+",
           "-", "[", "]", "/", "1", "5", "sell", "weekly", "meals", "look", "who", "cares", "@Lena", "people"],
    "ar": ["نحتاج", "دعم", "الأهالي", "في", "الحي", "@ليلى", "e", "d", "a", "x", "1", "٥", "+", "-"],
}
KEYS = ["space"] * 6 + ["enter"] * 3 + ["tab", "shift+tab", "up", "down", "down", "left", "right",
        "escape", "backspace", "ctrl+n", "ctrl+b", "ctrl+g"]


def items(model: object) -> Iterator[tuple[str, str, str]]:
    """(id, field, text) of every identified thing the room said, anywhere in the workshop."""
    if isinstance(model, BaseModel):
        ident = getattr(model, "id", None)
        for name in type(model).model_fields:
            value = getattr(model, name)
            if isinstance(ident, str) and name in TEXT_FIELDS and isinstance(value, str):
                yield ident, name, value
            else:
                yield from items(value)
    elif isinstance(model, (list, tuple)):
        for value in model:
            yield from items(value)
    elif isinstance(model, dict):
        for value in model.values():
            yield from items(value)


def burst(rng: random.Random, language: str, length: int) -> list[str]:
    """Keys as a typist presses them: mostly words and spaces, now and then a moving key."""
    keys: list[str] = []
    while len(keys) < length:
        if rng.random() < 0.6:
            keys += list(rng.choice(WORDS[language]))
            keys.append("space")
        else:
            keys.append(rng.choice(KEYS))
    return keys


def key_name(key: str) -> str:
    return "space" if key == " " else key


@pytest.mark.walk
@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_typist_never_rewrites_an_item(tmp_path: Path, language: str) -> None:
    rng = random.Random(f"{SEED}-{language}")
    app = demo_app(tmp_path / "data", language, STEPS[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.session is not None
        before = {(i, f): t for i, f, t in items(app.session.workshop)}
        assert len(before) > 50  # the demo has words on every step
        for step in STEPS:
            if current_step(app) != step:  # the typist's own step keys may have moved on: go to the step
                while not isinstance(app.screen, StepScreen):
                    await pilot.press("escape")
                    await settle(pilot)
                app.screen.dismiss(Nav("step", step))
                await settle(pilot)
            keys = burst(rng, language, 60)
            for key in keys:
                await pilot.press(key_name(key))
            await settle(pilot)
            what = f"typing on {step} ({language}): {' '.join(keys)}"
            assert_alive(app, what)
            now = {(i, f): t for i, f, t in items(app.session.workshop)}
            changed = {k: (v, now.get(k)) for k, v in before.items() if now.get(k) != v}
            assert not changed, f"{what}\nchanged: {changed}"
