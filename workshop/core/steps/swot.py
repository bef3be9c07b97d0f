"""SWOT step: adding and moving items between quadrants, and its findings. Never imports Textual."""

from __future__ import annotations

from workshop.core.model import (
    SWOT_KINDS,
    SwotItem,
    Workshop,
)
from workshop.core.steps.findings import Finding
from workshop.core.steps.step import Step


def swot_findings(workshop: Workshop) -> list[Finding]:
    kinds = {item.kind for item in workshop.swot if item.text.strip()}
    missing = [k for k in ("strength", "weakness", "opportunity", "threat") if k not in kinds]
    if workshop.swot and missing:
        return [Finding("swot-quadrant-empty", "swot", severity="info", params={"kinds": missing})]
    return []


def add_swot(workshop: Workshop, kind: str, text: str, author: str = "") -> SwotItem:
    """Append a SWOT item to a quadrant."""
    item = SwotItem(kind=kind, text=text, author=author)  # type: ignore[arg-type]
    workshop.swot.append(item)
    return item


def move_swot(workshop: Workshop, item: SwotItem, kind: str) -> None:
    """Move an item to another quadrant (it goes to the end of that quadrant)."""
    if kind not in SWOT_KINDS:
        raise ValueError(kind)
    workshop.swot.remove(item)
    item.kind = kind  # type: ignore[assignment]
    workshop.swot.append(item)


def next_kind(kind: str) -> str:
    """The next SWOT quadrant, round the four."""
    return SWOT_KINDS[(SWOT_KINDS.index(kind) + 1) % len(SWOT_KINDS)]


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return {i.kind for i in workshop.swot} >= {"strength", "weakness", "opportunity", "threat"}


STEP = Step(
    id="swot",
    timebox=25,
    screen="swot:SwotScreen",
    done=done,
    findings=swot_findings,
    codes=("swot-quadrant-empty",),
    report=("swot",),
    text=("steps.swot", "swot"),
)
