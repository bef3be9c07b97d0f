"""Needs step: findings about the needs questions. Never imports Textual."""

from __future__ import annotations

from workshop.core.model import (
    Workshop,
)
from workshop.core.steps.findings import Finding
from workshop.core.steps.step import Step


def needs_findings(workshop: Workshop) -> list[Finding]:
    empty = [name for name, items in workshop.needs if not any(i.text.strip() for i in items)]
    if len(empty) == len(type(workshop.needs).model_fields):
        return [Finding("needs-empty", "needs", severity="info")]
    return []


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return all(any(i.text.strip() for i in items) for _, items in workshop.needs)


STEP = Step(
    id="needs",
    timebox=20,
    screen="needs:NeedsScreen",
    done=done,
    findings=needs_findings,
    codes=("needs-empty",),
    report=("needs",),
    text=("steps.needs", "needs"),
)
