"""The definition of one step: what the registry knows about it. Never imports Textual."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from workshop.core.model import Workshop
from workshop.core.steps.findings import Finding


def no_findings(workshop: Workshop) -> list[Finding]:
    """The rule of a step the method asks nothing of."""
    return []


@dataclass(frozen=True)
class Step:
    """Everything the app, the CLI, the agenda and the exports need to know about one step.

    The step's order is its place in `workshop.core.steps.registry.STEPS`.
    """

    #: The id used everywhere: CLI `--step`, stored fields (`timing`, `facilitator_notes`), catalogue keys.
    id: str
    #: Suggested minutes in a three-hour session (the facilitator can change them on the agenda).
    timebox: int
    #: "module:Class" under `workshop.tui.screens` (checked when the app starts).
    screen: str
    #: Whether the step has what the method asks of it (a tick on the rail).
    done: Callable[[Workshop], bool]
    #: The method's rule for the step: open findings, never blocking.
    findings: Callable[[Workshop], list[Finding]] = no_findings
    #: Every finding code the rule can produce (each explained in the catalogues).
    codes: tuple[str, ...] = ()
    #: Section ids of the step in the report (`workshop.core.export.report.SECTION_ORDER`).
    report: tuple[str, ...] = ()
    #: Catalogue tables that hold the step's text, e.g. `steps.mission` (guidance), `screen.mission` (labels).
    text: tuple[str, ...] = field(default=())

    @property
    def title_key(self) -> str:
        """Catalogue key of the step's title."""
        return f"steps.{self.id}.title"
