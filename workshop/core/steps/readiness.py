"""Readiness step: the verdict, its findings and the summary the screen shows. Never imports Textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workshop.core.model import (
    READINESS_QUESTIONS,
    Workshop,
)
from workshop.core.steps.findings import Finding
from workshop.core.steps.step import Step

ReadinessVerdict = Literal["proceed", "rethink", "incomplete"]


def readiness_verdict(workshop: Workshop) -> ReadinessVerdict:
    """Any "no" → rethink; all "yes" → proceed; otherwise still incomplete."""
    answers = [workshop.readiness[q].answer for q in READINESS_QUESTIONS]
    if "no" in answers:
        return "rethink"
    if all(a == "yes" for a in answers):
        return "proceed"
    return "incomplete"


def readiness_findings(workshop: Workshop) -> list[Finding]:
    findings: list[Finding] = []
    answers = {q: workshop.readiness[q].answer for q in READINESS_QUESTIONS}
    noes = [q for q, a in answers.items() if a == "no"]
    unsure = [q for q, a in answers.items() if a == "unsure"]
    if noes:
        findings.append(Finding("readiness-rethink", "readiness", params={"questions": _numbers(noes)}))
    if unsure:
        findings.append(
            Finding("readiness-unsure", "readiness", severity="info", params={"questions": _numbers(unsure)})
        )
    unanswered = [q for q, a in answers.items() if a is None]
    if unanswered and not noes:
        findings.append(
            Finding("readiness-incomplete", "readiness", severity="info", params={"questions": _numbers(unanswered)})
        )
    return findings


def _numbers(question_ids: list[str]) -> str:
    return ", ".join(q.removeprefix("q") for q in question_ids)


@dataclass(frozen=True)
class ReadinessSummary:
    """The verdict and which questions are no, unsure or unanswered (numbers 1..7)."""

    verdict: str
    noes: tuple[int, ...]
    unsure: tuple[int, ...]
    open: tuple[int, ...]


def readiness_summary(workshop: Workshop) -> ReadinessSummary:
    """The live verdict of the checklist, with the questions behind it."""

    def numbers(value: str | None) -> tuple[int, ...]:
        return tuple(
            i + 1 for i, q in enumerate(READINESS_QUESTIONS) if workshop.readiness[q].answer == value
        )

    return ReadinessSummary(readiness_verdict(workshop), numbers("no"), numbers("unsure"), numbers(None))


def answer_mark(answer: str | None) -> str:
    """A fixed-width symbol for an answer, readable in any language."""
    return {"yes": "✓", "no": "✗", "unsure": "?"}.get(answer or "", "·")


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return all(workshop.readiness[q].answer is not None for q in READINESS_QUESTIONS)


STEP = Step(
    id="readiness",
    timebox=10,
    screen="readiness:ReadinessScreen",
    done=done,
    findings=readiness_findings,
    codes=("readiness-rethink", "readiness-unsure", "readiness-incomplete"),
    report=("readiness",),
    text=("steps.readiness", "screen.readiness", "readiness"),
)
