"""Every key every step shows (footer, F1 help, command palette), pressed in both languages.

For each step and language one app (built by `make_app`, as the CLI builds it) opens the
demo at that step; every binding with an id on the screen and on each of its lists is pressed
with that list focused, then: the app is alive, on a screen, the workshop on disk still loads
and validates. After a key that opens a dialog or leaves the step, the test comes back the
way a person would (Escape, or back to the step) before the next key.

ctrl+q (quit) is left out on purpose: it ends the app, which tests/screens/test_app_shell.py checks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable

from tests.keys.harness import LANGUAGES, STEPS, assert_alive, current_step, demo_app, settle
from workshop.core.content import load_catalogue
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.base import Nav, StepScreen
from workshop.tui.screens.dialogs import JumpScreen
from workshop.tui.screens.home import HomeScreen
from workshop.tui.widgets.capture_list import ItemList
from workshop.tui.widgets.forms import RowList

#: Keys that end the app (tested elsewhere).
NOT_PRESSED = {"quit"}


def key_owners(screen: StepScreen) -> list[Widget]:
    """The screen and every widget on it whose own keys the footer shows when it has focus."""
    owners: list[Widget] = [screen]
    owners += [w for w in screen.query("*") if isinstance(w, (ItemList, RowList, DataTable))]
    return owners


def shown_bindings(node: Widget) -> list[Binding]:
    """The node's bindings that the footer, F1 help and the palette show (they have an id)."""
    seen: set[str] = set()
    found = []
    for bindings in node._bindings.key_to_bindings.values():
        for binding in bindings:
            if binding.id and binding.id not in seen and binding.id not in NOT_PRESSED:
                seen.add(binding.id)
                found.append(binding)
    return found


def first_key(binding: Binding) -> str:
    return binding.key.split(",")[0].strip()


async def back_to(app: WorkshopApp, pilot, step: str, language: str) -> bool:  # type: ignore[no-untyped-def]
    """Close dialogs with Escape and come back to `step` in `language`, as a person would; whether it had to."""
    moved = not (isinstance(app.screen, StepScreen) and current_step(app) == step and app.ui.language == language)
    for _ in range(4):
        if isinstance(app.screen, (StepScreen, HomeScreen)):
            break
        await pilot.press("escape")
        await settle(pilot)
    if isinstance(app.screen, HomeScreen):  # ctrl+o: open the workshop again
        app.screen.dismiss(app.workshops.demo(app.ui.language))
        await settle(pilot)
    if app.ui.language != language:  # F2 switched the language
        await pilot.press("f2")
        await settle(pilot)
    if current_step(app) != step and isinstance(app.screen, StepScreen):
        app.screen.dismiss(Nav("step", step))
        await settle(pilot)
    assert current_step(app) == step, f"could not come back to {step}: {app.screen!r}"
    return moved


def test_every_binding_has_words_in_both_languages() -> None:
    """Each binding a step screen or its lists declare has `bindings.<id>` in both catalogues."""
    from workshop.tui.screens.registry import screen_class

    classes: list[type] = [ItemList, RowList]
    classes += [screen_class(step) for step in STEPS]
    for language in LANGUAGES:
        catalogue = load_catalogue(language)
        for cls in classes:
            for binding in vars(cls).get("BINDINGS", []):  # its own, not the Textual widget's it extends
                assert isinstance(binding, Binding), cls
                assert binding.id, f"{cls.__name__}: {binding.key} has no id"
                assert catalogue.has(f"bindings.{binding.id}"), f"{language}: bindings.{binding.id} ({cls.__name__})"


# Every step in both languages (a binding's words, its key and the mirrored layout differ by language).
CASES = [(step, language) for language in LANGUAGES for step in STEPS]


@pytest.mark.walk
@pytest.mark.parametrize(("step", "language"), CASES)
async def test_every_key_on_the_step(tmp_path: Path, step: str, language: str) -> None:
    app = demo_app(tmp_path / "data", language, step)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert current_step(app) == step
        screen = app.screen
        assert isinstance(screen, StepScreen)
        plan = [(owner.id or type(owner).__name__, binding) for owner in key_owners(screen) for binding in shown_bindings(owner)]
        plan.append(("palette", Binding("ctrl+p", "command_palette", "palette", id="palette")))
        assert len(plan) > 3
        for owner_name, binding in plan:
            what = f"{first_key(binding)} ({binding.id}) on {owner_name}, {step}, {language}"
            screen = app.screen
            assert isinstance(screen, StepScreen)
            owner = next((o for o in key_owners(screen) if (o.id or type(o).__name__) == owner_name), screen)
            if owner is not screen and owner.focusable and owner.display and not owner.has_focus:
                owner.focus()
                await settle(pilot)
            await pilot.press(first_key(binding))
            await settle(pilot)
            if isinstance(app.screen, JumpScreen):  # go to step: pick the next one, as a person would
                await pilot.press("down", "enter")
                await settle(pilot)
            assert_alive(app, what)
            if await back_to(app, pilot, step, language):  # nothing pressed since the check above: not again
                assert_alive(app, f"coming back after {what}")
