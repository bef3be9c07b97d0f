"""Ground-rules step: Miller's etiquette proposals, rule statuses and its findings. Never imports Textual."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workshop.core.model import (
    GroundRule,
    GroundRules,
    Workshop,
)
from workshop.core.steps.findings import Finding
from workshop.core.steps.step import Step


def ground_rule_findings(workshop: Workshop) -> list[Finding]:
    rules = workshop.ground_rules
    findings: list[Finding] = []
    if rules.decision_procedure is None:
        findings.append(Finding("no-decision-procedure", "ground-rules"))
    if rules.conflict_resolution is None:
        findings.append(Finding("no-conflict-resolution", "ground-rules"))
    if not any(r.status == "adopted" for r in rules.rules):
        findings.append(Finding("no-rules-adopted", "ground-rules", severity="info"))
    return findings


#: Miller's etiquette categories that have catalogue proposals (own rules are the room's).
ETIQUETTE_CATEGORIES: tuple[str, ...] = ("understanding", "norms", "procedures")


#: Ground-rule statuses.
RULE_STATUSES: tuple[str, ...] = ("proposed", "adopted", "dropped")


@dataclass(frozen=True)
class Proposal:
    """One of Miller's rules as the catalogue words it."""

    category: str
    source: str
    text: str


def etiquette_proposals(section: dict[str, Any]) -> list[Proposal]:
    """The proposals of a catalogue's `etiquette` table, category by category, in catalogue order."""
    proposals: list[Proposal] = []
    for category in ETIQUETTE_CATEGORIES:
        rules = section.get(category, {})
        if not isinstance(rules, dict):
            continue
        proposals.extend(
            Proposal(category, f"etiquette.{category}.{key}", text)
            for key, text in rules.items()
            if isinstance(text, str) and text.strip()
        )
    return proposals


def load_proposals(rules: GroundRules, proposals: Iterable[Proposal]) -> int:
    """Add the proposals as proposed rules when the list is empty; returns how many were added."""
    if rules.rules:
        return 0
    added = [GroundRule(category=p.category, source=p.source, text=p.text) for p in proposals]  # type: ignore[arg-type]
    rules.rules.extend(added)
    return len(added)


def toggle_status(rule: GroundRule, status: str) -> str:
    """Adopt (or drop) a rule; doing it again puts it back to proposed. Returns the new status."""
    if status not in RULE_STATUSES:
        raise ValueError(f"unknown rule status {status!r}")
    rule.status = "proposed" if rule.status == status else status  # type: ignore[assignment]
    return rule.status


def rule_counts(rules: GroundRules) -> dict[str, int]:
    """How many rules have each status (every status present)."""
    counts = {status: 0 for status in RULE_STATUSES}
    for rule in rules.rules:
        counts[rule.status] += 1
    return counts


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return not ground_rule_findings(workshop)


STEP = Step(
    id="ground-rules",
    timebox=10,
    screen="ground_rules:GroundRulesScreen",
    done=done,
    findings=ground_rule_findings,
    codes=("no-decision-procedure", "no-conflict-resolution", "no-rules-adopted"),
    report=("ground-rules",),
    text=("steps.ground-rules", "screen.ground_rules"),
)
