"""Which screen shows which step: read from the step registry (`workshop.core.steps.registry`)."""

from __future__ import annotations

import importlib
from importlib.util import find_spec

from workshop.core.i18n import Ui
from workshop.core.session import Session
from workshop.core.steps.registry import BY_ID, STEPS
from workshop.tui.screens.base import StepScreen

PACKAGE = "workshop.tui.screens"


class MissingScreen(LookupError):
    """A step of the registry has no screen module: a packaging bug, reported when the app starts."""


def _module_name(step: str) -> tuple[str, str]:
    module_name, _, class_name = BY_ID[step].screen.partition(":")
    return f"{PACKAGE}.{module_name}", class_name


def check_screens() -> None:
    """Every step's screen module exists (cheap: nothing is imported). Raises MissingScreen."""
    missing = [step.screen for step in STEPS if find_spec(_module_name(step.id)[0]) is None]
    if missing:
        raise MissingScreen(f"no screen module for: {', '.join(missing)}")


def screen_class(step: str) -> type[StepScreen]:
    """The screen class of a step; MissingScreen when it is not there."""
    module_name, class_name = _module_name(step)
    module = importlib.import_module(module_name)
    screen = getattr(module, class_name, None)
    if not (isinstance(screen, type) and issubclass(screen, StepScreen) and screen.STEP == step):
        raise MissingScreen(f"{module_name}:{class_name} is not the StepScreen of {step!r}")
    return screen


def step_screen(step: str, session: Session, ui: Ui, *, show_guidance: bool = True) -> StepScreen:
    return screen_class(step)(session, ui, show_guidance=show_guidance)
