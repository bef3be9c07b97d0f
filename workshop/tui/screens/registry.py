"""Which screen shows which step."""

from __future__ import annotations

import importlib

from workshop.core.i18n import Ui
from workshop.tui.screens.base import StepScreen
from workshop.core.session import Session

#: step id -> "module:Class" under workshop.tui.screens
SCREENS: dict[str, str] = {
    "setup": "setup:SetupScreen",
    "needs": "needs:NeedsScreen",
    "readiness": "readiness:ReadinessScreen",
    "swot": "swot:SwotScreen",
    "mapping": "mapping:MappingScreen",
    "mission": "mission:MissionScreen",
    "partners": "partners:PartnersScreen",
    "coalition-type": "coalition_type:CoalitionTypeScreen",
    "structure": "structure:StructureScreen",
    "goals": "goals:GoalsScreen",
    "ground-rules": "ground_rules:GroundRulesScreen",
    "export": "export:ExportScreen",
}


def screen_class(step: str) -> type[StepScreen]:
    """The screen class of a step (a plain guidance screen while a step has none yet)."""
    module_name, _, class_name = SCREENS[step].partition(":")
    try:
        module = importlib.import_module(f"workshop.tui.screens.{module_name}")
    except ModuleNotFoundError as error:
        if error.name != f"workshop.tui.screens.{module_name}":
            raise
        return type(f"Plain{class_name}", (StepScreen,), {"STEP": step})
    return getattr(module, class_name)


def step_screen(step: str, session: Session, ui: Ui, *, show_guidance: bool = True) -> StepScreen:
    return screen_class(step)(session, ui, show_guidance=show_guidance)
