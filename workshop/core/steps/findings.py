"""The manual's rules as pure functions that return findings.

A finding never blocks: it names a catalogue key (`findings.<code>.message` and
`findings.<code>.reason`, both languages), a severity, the step it belongs to and,
where there is one, the item it points at. This module never imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from workshop.core.model import (
    READINESS_QUESTIONS,
    Committee,
    Workshop,
)

Severity = Literal["info", "warning"]

#: The sectors the manual asks a partnership to draw from (public, private, non-profit
#: institutions matching the community's diversity, with community organisations at the core).
REQUIRED_SECTORS: tuple[str, ...] = ("public", "private", "nonprofit", "community")

STRATEGIC_SIZE = 21
EXECUTIVE_SIZE = (9, 11)
EXECUTIVE_OFFICERS = (4, 6)
EXECUTIVE_CONVENERS = 3
EXECUTIVE_STRATEGIC_REPS = (2, 4)
STRATEGIC_MIN_COMMUNITY = 2


@dataclass(frozen=True)
class Finding:
    """One thing the method asks the room to look at again."""

    code: str
    step: str
    severity: Severity = "warning"
    target: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message_key(self) -> str:
        return f"findings.{self.code}.message"

    @property
    def reason_key(self) -> str:
        return f"findings.{self.code}.reason"


# --------------------------------------------------------------------------- readiness

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


# --------------------------------------------------------------------------- needs, swot, mapping


def needs_findings(workshop: Workshop) -> list[Finding]:
    empty = [name for name, items in workshop.needs if not any(i.text.strip() for i in items)]
    if len(empty) == len(type(workshop.needs).model_fields):
        return [Finding("needs-empty", "needs", severity="info")]
    return []


def swot_findings(workshop: Workshop) -> list[Finding]:
    kinds = {item.kind for item in workshop.swot if item.text.strip()}
    missing = [k for k in ("strength", "weakness", "opportunity", "threat") if k not in kinds]
    if workshop.swot and missing:
        return [Finding("swot-quadrant-empty", "swot", severity="info", params={"kinds": missing})]
    return []


def mapping_findings(workshop: Workshop) -> list[Finding]:
    known = {o.id for o in workshop.opportunities}
    return [
        Finding("problem-unlinked", "mapping", target=p.id, params={"problem": p.text})
        for p in workshop.problems
        if not any(o in known for o in p.opportunity_ids)
    ]


# --------------------------------------------------------------------------- mission


def mission_findings(workshop: Workshop) -> list[Finding]:
    findings: list[Finding] = []
    if workshop.mission.drafts and workshop.mission.adopted() is None:
        findings.append(Finding("mission-not-adopted", "mission"))
    if not workshop.mission.vision.strip():
        findings.append(Finding("vision-missing", "mission", severity="info"))
    return findings


def word_count(text: str) -> int:
    """Words in a draft, as a reader counts them."""
    return len(text.split())


# --------------------------------------------------------------------------- partners


def sector_counts(workshop: Workshop) -> dict[str, int]:
    """How many partners each sector has (every sector present, zero included)."""
    from workshop.core.model import SECTORS

    counts = {s: 0 for s in SECTORS}
    for partner in workshop.partners:
        counts[partner.sector] += 1
    return counts


def partner_findings(workshop: Workshop) -> list[Finding]:
    if not workshop.partners:
        return [Finding("partners-none", "partners", severity="info")]
    counts = sector_counts(workshop)
    return [
        Finding("sector-missing", "partners", params={"sector": sector})
        for sector in REQUIRED_SECTORS
        if counts[sector] == 0
    ]


def follow_ups_due(workshop: Workshop, today: Any) -> list[tuple[str, Any]]:
    """(partner id, follow-up) pairs not done and due on or before today, soonest first."""
    due = [
        (p.id, f)
        for p in workshop.partners
        for f in p.follow_ups
        if not f.done and f.due is not None and f.due <= today
    ]
    return sorted(due, key=lambda pair: pair[1].due)


# --------------------------------------------------------------------------- coalition type

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


# --------------------------------------------------------------------------- structure


def _is_community(member: Any, workshop: Workshop) -> bool:
    sector = member.sector
    if sector is None and member.partner_id:
        partner = workshop.partner(member.partner_id)
        sector = partner.sector if partner else None
    return sector == "community"


def strategic_findings(committee: Committee, workshop: Workshop) -> list[Finding]:
    findings: list[Finding] = []
    size = len(committee.members)
    if size != STRATEGIC_SIZE:
        code = "strategic-small" if size < STRATEGIC_SIZE else "strategic-large"
        findings.append(
            Finding(code, "structure", severity="info", target=committee.id, params={"count": size, "expected": 21})
        )
    community = sum(1 for m in committee.members if _is_community(m, workshop))
    if community < STRATEGIC_MIN_COMMUNITY:
        findings.append(Finding("strategic-community", "structure", target=committee.id, params={"count": community}))
    return findings


def executive_findings(committee: Committee, workshop: Workshop) -> list[Finding]:
    findings: list[Finding] = []
    members = committee.members
    size = len(members)
    if not EXECUTIVE_SIZE[0] <= size <= EXECUTIVE_SIZE[1]:
        findings.append(Finding("executive-size", "structure", target=committee.id, params={"count": size}))
    officers = sum(1 for m in members if m.role in ("chair", "vice-chair", "officer"))
    if not EXECUTIVE_OFFICERS[0] <= officers <= EXECUTIVE_OFFICERS[1]:
        findings.append(Finding("executive-officers", "structure", target=committee.id, params={"count": officers}))
    conveners = sum(1 for m in members if m.role == "convener")
    if conveners != EXECUTIVE_CONVENERS:
        findings.append(
            Finding("executive-conveners", "structure", target=committee.id, params={"count": conveners})
        )
    reps = sum(1 for m in members if m.role == "strategic-rep")
    if not EXECUTIVE_STRATEGIC_REPS[0] <= reps <= EXECUTIVE_STRATEGIC_REPS[1]:
        findings.append(Finding("executive-reps", "structure", target=committee.id, params={"count": reps}))
    leaders = [m for m in members if m.role in ("chair", "vice-chair")]
    if not any(_is_community(m, workshop) for m in leaders):
        findings.append(Finding("executive-chair-community", "structure", target=committee.id))
    return findings


def structure_findings(workshop: Workshop) -> list[Finding]:
    findings: list[Finding] = []
    committees = workshop.structure.committees
    for kind in ("strategic", "executive"):
        if not any(c.kind == kind for c in committees):
            findings.append(Finding(f"{kind}-missing", "structure", severity="info"))
    for committee in committees:
        if committee.kind == "strategic":
            findings.extend(strategic_findings(committee, workshop))
        elif committee.kind == "executive":
            findings.extend(executive_findings(committee, workshop))
        if committee.kind in ("strategic", "executive"):
            findings.extend(
                Finding("member-not-delegate", "structure", target=m.id, params={"name": m.name})
                for m in committee.members
                if not m.official_delegate
            )
    return findings


# --------------------------------------------------------------------------- goals and plans


def plan_gaps(plan: Any) -> list[str]:
    """What an action plan still lacks: owner, dates, criteria, budget, community support."""
    gaps = []
    if not plan.responsible_partner_id:
        gaps.append("owner")
    if plan.start is None or plan.end is None:
        gaps.append("dates")
    if not plan.criteria.strip():
        gaps.append("criteria")
    if plan.budget is None:
        gaps.append("budget")
    if not plan.community_support:
        gaps.append("support")
    return gaps


def goal_findings(workshop: Workshop) -> list[Finding]:
    findings: list[Finding] = []
    if not workshop.goals:
        return [Finding("goals-none", "goals", severity="info")]
    for goal in workshop.goals:
        if not goal.plans:
            findings.append(Finding("goal-without-plan", "goals", target=goal.id, params={"goal": goal.text}))
        if not goal.convener.strip():
            findings.append(
                Finding("goal-without-convener", "goals", severity="info", target=goal.id, params={"goal": goal.text})
            )
        for plan in goal.plans:
            for gap in plan_gaps(plan):
                findings.append(Finding(f"plan-no-{gap}", "goals", target=plan.id, params={"task": plan.task}))
    return findings


# --------------------------------------------------------------------------- ground rules


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


# --------------------------------------------------------------------------- all

CHECKS = (
    needs_findings,
    readiness_findings,
    swot_findings,
    mapping_findings,
    mission_findings,
    partner_findings,
    type_findings,
    structure_findings,
    goal_findings,
    ground_rule_findings,
)


def all_findings(workshop: Workshop) -> list[Finding]:
    """Every open finding of the workshop, in step order."""
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(workshop))
    return findings


def findings_by_step(workshop: Workshop) -> dict[str, list[Finding]]:
    """Open findings grouped by step id."""
    grouped: dict[str, list[Finding]] = {}
    for finding in all_findings(workshop):
        grouped.setdefault(finding.step, []).append(finding)
    return grouped


#: Every finding code the checks can produce; the catalogue must explain each one.
FINDING_CODES: tuple[str, ...] = (
    "needs-empty",
    "readiness-rethink",
    "readiness-unsure",
    "readiness-incomplete",
    "swot-quadrant-empty",
    "problem-unlinked",
    "mission-not-adopted",
    "vision-missing",
    "partners-none",
    "sector-missing",
    "type-not-chosen",
    "strategic-missing",
    "executive-missing",
    "strategic-small",
    "strategic-large",
    "strategic-community",
    "executive-size",
    "executive-officers",
    "executive-conveners",
    "executive-reps",
    "executive-chair-community",
    "member-not-delegate",
    "goals-none",
    "goal-without-plan",
    "goal-without-convener",
    "plan-no-owner",
    "plan-no-dates",
    "plan-no-criteria",
    "plan-no-budget",
    "plan-no-support",
    "no-decision-procedure",
    "no-conflict-resolution",
    "no-rules-adopted",
)


# --------------------------------------------------------------------------- progress


def step_done(workshop: Workshop, step: str) -> bool:
    """Whether a step has what the method asks of it (shown as a tick on the step rail)."""
    w = workshop
    checks = {
        "setup": lambda: bool(w.meta.facilitator.strip() and w.participants),
        "needs": lambda: all(any(i.text.strip() for i in items) for _, items in w.needs),
        "readiness": lambda: all(w.readiness[q].answer is not None for q in READINESS_QUESTIONS),
        "swot": lambda: {i.kind for i in w.swot} >= {"strength", "weakness", "opportunity", "threat"},
        "mapping": lambda: bool(w.problems) and not mapping_findings(w),
        "mission": lambda: w.mission.adopted() is not None and bool(w.mission.vision.strip()),
        "partners": lambda: bool(w.partners) and not partner_findings(w),
        "coalition-type": lambda: w.coalition_type.chosen is not None,
        "structure": lambda: {"strategic", "executive"} <= {c.kind for c in w.structure.committees},
        "goals": lambda: bool(w.goals) and all(g.plans for g in w.goals),
        "ground-rules": lambda: not ground_rule_findings(w),
        "export": lambda: bool(w.evaluation.ratings or w.evaluation.next_steps),
    }
    check = checks.get(step)
    return bool(check and check())
