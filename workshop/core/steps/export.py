"""Export step: the last step (exports and the wrap-up evaluation). Never imports Textual."""

from __future__ import annotations

from workshop.core.model import Workshop
from workshop.core.steps.step import Step


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return bool(workshop.evaluation.ratings or workshop.evaluation.next_steps)


STEP = Step(
    id="export",
    timebox=5,
    screen="export:ExportScreen",
    done=done,
    report=("evaluation",),
    text=("steps.export", "screen.export"),
)
