"""Goals and action plans step: plan rows, plan values and gaps, and its findings. Never imports Textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workshop.core.model import (
    ActionPlan,
    Workshop,
)
from workshop.core.parse import format_amount, parse_amount, parse_dates
from workshop.core.steps.findings import Finding
from workshop.core.steps.step import Step


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


def goal_category(kind: str, category: str | None) -> str | None:
    """A specific goal has no category; a comprehensive one keeps the chosen category."""
    return category if kind == "comprehensive" else None


@dataclass(frozen=True)
class PlanRow:
    """One line of the "who does what by when" table."""

    goal_id: str
    plan_id: str
    goal: str
    task: str
    owner: str
    start: date | None
    end: date | None
    gaps: tuple[str, ...] = field(default_factory=tuple)


def plan_rows(workshop: Workshop) -> list[PlanRow]:
    """Every action plan with its goal and owner, goals in order, plans by start date (undated last)."""
    rows: list[PlanRow] = []
    for goal in workshop.goals:
        plans = sorted(goal.plans, key=lambda p: (p.start is None, p.start or date.min))
        for plan in plans:
            partner = workshop.partner(plan.responsible_partner_id)
            rows.append(
                PlanRow(
                    goal_id=goal.id,
                    plan_id=plan.id,
                    goal=goal.text,
                    task=plan.task,
                    owner=partner.organisation if partner else "",
                    start=plan.start,
                    end=plan.end,
                    gaps=tuple(plan_gaps(plan)),
                )
            )
    return rows


def plan_values(plan: ActionPlan) -> dict[str, Any]:
    """A plan's fields as the plan form shows them (dates and amount as text)."""
    return {
        "task": plan.task,
        "owner": plan.responsible_partner_id,
        "start": plan.start.isoformat() if plan.start else "",
        "end": plan.end.isoformat() if plan.end else "",
        "criteria": plan.criteria,
        "budget": format_amount(plan.budget),
        "currency": plan.currency,
        "staffing": plan.staffing,
        "support": plan.community_support,
    }


def plan_from_values(values: dict[str, Any], plan: ActionPlan | None = None) -> ActionPlan:
    """A validated plan from the form's values; raises InputProblem with a clear key when one is wrong."""
    start, end = parse_dates(str(values.get("start", "")), str(values.get("end", "")))
    budget = parse_amount(str(values.get("budget", "")))
    data: dict[str, Any] = {
        "task": str(values.get("task", "")).strip(),
        "responsible_partner_id": values.get("owner") or None,
        "start": start,
        "end": end,
        "criteria": str(values.get("criteria", "")).strip(),
        "budget": budget,
        "currency": str(values.get("currency", "")).strip(),
        "staffing": values.get("staffing") or None,
        "community_support": bool(values.get("support")),
    }
    if plan is not None:
        data["id"] = plan.id
    return ActionPlan(**data)


def replace_plan(plans: list[ActionPlan], new: ActionPlan) -> None:
    """Put `new` where the plan with its id is (or at the end)."""
    for index, old in enumerate(plans):
        if old.id == new.id:
            plans[index] = new
            return
    plans.append(new)


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return bool(workshop.goals) and all(g.plans for g in workshop.goals)


STEP = Step(
    id="goals",
    timebox=20,
    screen="goals:GoalsScreen",
    done=done,
    findings=goal_findings,
    codes=("goals-none", "goal-without-plan", "goal-without-convener", "plan-no-owner", "plan-no-dates", "plan-no-criteria", "plan-no-budget", "plan-no-support"),
    report=("goals",),
    text=("steps.goals", "screen.goals"),
)
