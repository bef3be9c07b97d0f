"""Coalition-type step: the type questions, the suggestion and its findings. Never imports Textual."""

from __future__ import annotations

from workshop.core.edits import cycle
from workshop.core.model import (
    COALITION_TYPES,
    Workshop,
)
from workshop.core.steps.findings import Finding
from workshop.core.steps.step import Step

#: Answer option → (type, weight). The type with the highest total is suggested.
TYPE_SIGNALS: dict[str, dict[str, dict[str, int]]] = {
    "timeframe": {
        "fixed": {"campaign": 3},
        "long": {"ongoing-coalition": 2, "organisation": 1},
        "open": {"information-network": 1, "coordinating-council": 1},
    },
    "values": {
        "few": {"information-network": 2, "campaign": 1},
        "some": {"coordinating-council": 2, "campaign": 1},
        "deep": {"ongoing-coalition": 2, "organisation": 1},
    },
    "funding": {
        "none": {"information-network": 2},
        "dues": {"organisation": 2, "coordinating-council": 1},
        "grants": {"campaign": 2, "ongoing-coalition": 1},
        "large": {"ongoing-coalition": 3},
    },
    "formality": {
        "informal": {"information-network": 3},
        "some": {"coordinating-council": 2, "campaign": 1},
        "formal": {"ongoing-coalition": 2, "organisation": 2},
    },
}


def suggest_type(answers: dict[str, str]) -> str | None:
    """The coalition type the answers point to, or None with no answer yet."""
    totals: dict[str, int] = {}
    for question, option in answers.items():
        for kind, weight in TYPE_SIGNALS.get(question, {}).get(option, {}).items():
            totals[kind] = totals.get(kind, 0) + weight
    if not totals:
        return None
    from workshop.core.model import COALITION_TYPES

    return max(COALITION_TYPES, key=lambda kind: (totals.get(kind, 0), -COALITION_TYPES.index(kind)))


def type_findings(workshop: Workshop) -> list[Finding]:
    if workshop.coalition_type.chosen is None:
        return [Finding("type-not-chosen", "coalition-type", severity="info")]
    return []


#: The type questions in the order they are asked.
TYPE_QUESTIONS: tuple[str, ...] = tuple(TYPE_SIGNALS)


def type_options(question: str) -> tuple[str, ...]:
    """The answer options of a type question, in catalogue order."""
    return tuple(TYPE_SIGNALS.get(question, {}))


def next_answer(answers: dict[str, str], question: str, offset: int = 1) -> dict[str, str]:
    """The answers with one question moved to its next option (unanswered → first option)."""
    options = type_options(question)
    if not options:
        raise ValueError(f"unknown type question {question!r}")
    return {**answers, question: cycle(options, answers.get(question), offset)}


def type_scores(answers: dict[str, str]) -> dict[str, int]:
    """How strongly the answers point at each type (every type present)."""
    totals = {kind: 0 for kind in COALITION_TYPES}
    for question, option in answers.items():
        for kind, weight in TYPE_SIGNALS.get(question, {}).get(option, {}).items():
            totals[kind] += weight
    return totals


def suggestion(answers: dict[str, str]) -> str | None:
    """The suggested type (rules.suggest_type), None before any answer."""
    return suggest_type(answers)


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return workshop.coalition_type.chosen is not None


STEP = Step(
    id="coalition-type",
    timebox=10,
    screen="coalition_type:CoalitionTypeScreen",
    done=done,
    findings=type_findings,
    codes=("type-not-chosen",),
    report=("coalition-type",),
    text=("steps.coalition-type", "screen.coalition_type", "coalition_types", "type_questions"),
)
