"""Go to step by its number: ctrl+g, the digits shown beside the steps (Western or Arabic-Indic), Enter."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.keys.harness import STEPS, assert_alive, current_step, demo_app, settle
from workshop.tui.screens.dialogs import JumpScreen

#: (keys typed in the go-to list, the step it lands on) — 10-12 take two digits; a number past 12
#: keeps only the last digit; a digit alone never jumps without Enter.
PRESSES = [
    (["7"], "partners"),
    (["1", "0"], "goals"),
    (["1", "2"], "export"),
    (["1", "3"], "readiness"),
    (["٤"], "swot"),
    (["١", "١"], "ground-rules"),
    (["1"], "setup"),
]


@pytest.mark.parametrize("language", ["en", "ar"])
async def test_digits_pick_the_step_and_enter_goes_there(tmp_path: Path, language: str) -> None:
    assert STEPS[6] == "partners" and STEPS[9] == "goals" and STEPS[11] == "export"
    app = demo_app(tmp_path / "data", language, "mission")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for keys, there in PRESSES:
            what = f"ctrl+g {' '.join(keys)} ({language})"
            await pilot.press("ctrl+g")
            await settle(pilot)
            assert isinstance(app.screen, JumpScreen), what
            for key in keys:
                await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, JumpScreen), f"{what}: a digit alone must not jump"
            await pilot.press("enter")
            await settle(pilot)
            assert_alive(app, what)
            assert current_step(app) == there, what
