"""The ONE list of steps, in the order the workshop runs them.

The rail, go-to, the CLI's `--step`, the agenda, the exports and the tests read the steps from here.
Each step is defined once, in its own module (`workshop/core/steps/<step>.py`, the `STEP` at its end).
Never imports Textual.
"""

from __future__ import annotations

from workshop.core.model import STEPS as SCHEMA_IDS
from workshop.core.model import Workshop
from workshop.core.steps import (
    coalition_type,
    export,
    goals,
    ground_rules,
    mapping,
    mission,
    needs,
    partners,
    readiness,
    setup,
    structure,
    swot,
)
from workshop.core.steps.findings import Finding
from workshop.core.steps.step import Step

STEPS: tuple[Step, ...] = (
    setup.STEP,
    needs.STEP,
    readiness.STEP,
    swot.STEP,
    mapping.STEP,
    mission.STEP,
    partners.STEP,
    coalition_type.STEP,
    structure.STEP,
    goals.STEP,
    ground_rules.STEP,
    export.STEP,
)

BY_ID: dict[str, Step] = {step.id: step for step in STEPS}
#: The step ids in order (CLI choices, the rail, go-to, the agenda).
STEP_IDS: tuple[str, ...] = tuple(BY_ID)

# The stored schema spells the ids as a Literal (model.StepId); both lists must agree, in order.
if STEP_IDS != SCHEMA_IDS:  # pragma: no cover - a programming error caught at import
    raise RuntimeError(f"step registry {STEP_IDS} and model.STEPS {SCHEMA_IDS} disagree")

#: Every finding code a rule can produce; the catalogues must explain each one.
FINDING_CODES: tuple[str, ...] = tuple(code for step in STEPS for code in step.codes)


def get(step_id: str) -> Step:
    """The step with this id (KeyError for an unknown id)."""
    return BY_ID[step_id]


def suggested_timebox(step_id: str) -> int:
    """Suggested minutes for a step."""
    return BY_ID[step_id].timebox


def all_findings(workshop: Workshop) -> list[Finding]:
    """Every open finding of the workshop, in step order."""
    return [finding for step in STEPS for finding in step.findings(workshop)]


def findings_by_step(workshop: Workshop) -> dict[str, list[Finding]]:
    """Open findings grouped by step id."""
    grouped: dict[str, list[Finding]] = {}
    for finding in all_findings(workshop):
        grouped.setdefault(finding.step, []).append(finding)
    return grouped


def step_done(workshop: Workshop, step_id: str) -> bool:
    """Whether a step has what the method asks of it (shown as a tick on the step rail)."""
    step = BY_ID.get(step_id)
    return bool(step and step.done(workshop))
