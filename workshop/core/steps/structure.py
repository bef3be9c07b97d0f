"""Pure helpers of the charter steps: coalition type, structure, goals and plans, ground rules.

The method's rules themselves live in :mod:`workshop.core.rules`; this module holds the small
pieces the charter screens need around them (parsing what the facilitator typed, the
default set of bodies, member candidates, the "who does what by when" rows, loading the
etiquette proposals). It never imports Textual.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from workshop.core.errors import InputProblem
from workshop.core.model import (
    COALITION_TYPES,
    COMMITTEE_KINDS,
    MEMBER_ROLES,
    ActionPlan,
    Committee,
    GroundRule,
    GroundRules,
    Member,
    Workshop,
)
from workshop.core.rules import (
    TYPE_SIGNALS,
    Finding,
    plan_gaps,
    structure_findings,
    suggest_type,
)

T = TypeVar("T")

#: The type questions in the order they are asked.
TYPE_QUESTIONS: tuple[str, ...] = tuple(TYPE_SIGNALS)
#: The bodies created by the "default structure" key, in order.
DEFAULT_BODIES: tuple[str, ...] = ("strategic", "executive", "work-group", "work-group", "work-group", "staff")
#: Miller's etiquette categories that have catalogue proposals (own rules are the room's).
ETIQUETTE_CATEGORIES: tuple[str, ...] = ("understanding", "norms", "procedures")
#: Ground-rule statuses.
RULE_STATUSES: tuple[str, ...] = ("proposed", "adopted", "dropped")
#: Largest quorum accepted (the model's limit).
MAX_QUORUM = 1000

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


# --------------------------------------------------------------------------- typed values


def normalise_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits; Arabic separators as ASCII ones."""
    return text.translate(_DIGITS).replace("٫", ".").replace("٬", ",").replace("،", ",").strip()


def parse_date(text: str, field_name: str = "date") -> date | None:
    """A YYYY-MM-DD date ('' gives None); a clear InputProblem for anything else."""
    value = normalise_digits(text).replace("/", "-")
    if not value:
        return None
    match = _DATE.match(value)
    if match is None:
        raise InputProblem("charter.errors.bad_date", value=text.strip(), field=field_name)
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InputProblem("charter.errors.no_such_date", value=text.strip(), field=field_name) from None


def parse_dates(start_text: str, end_text: str) -> tuple[date | None, date | None]:
    """Start and end dates of a plan; refuses an end before the start."""
    start = parse_date(start_text, "start")
    end = parse_date(end_text, "end")
    if start and end and end < start:
        raise InputProblem("charter.errors.end_before_start", start=start.isoformat(), end=end.isoformat())
    return start, end


def parse_amount(text: str) -> float | None:
    """A non-negative amount of money ('' gives None); accepts 12000, 12,000.50 and Arabic digits."""
    value = normalise_digits(text).replace(" ", "").replace("\u00a0", "")
    if not value:
        return None
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", value):
        value = value.replace(",", "")
    try:
        amount = float(value)
    except ValueError:
        raise InputProblem("charter.errors.bad_amount", value=text.strip()) from None
    if amount < 0 or not math.isfinite(amount):
        raise InputProblem("charter.errors.bad_amount", value=text.strip())
    return amount


def parse_quorum(text: str) -> int | None:
    """A quorum: a whole number of members from 1 to 1000 ('' gives None)."""
    value = normalise_digits(text)
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= MAX_QUORUM:
        raise InputProblem("charter.errors.bad_quorum", value=text.strip(), limit=MAX_QUORUM)
    return int(value)


def format_amount(amount: float | None) -> str:
    """An amount as typed back: no trailing .0 ('' for None)."""
    if amount is None:
        return ""
    return f"{amount:.2f}".rstrip("0").rstrip(".")


def cycle(options: Sequence[T], current: T | None, offset: int = 1) -> T:
    """The option `offset` places after `current` (the first one when current is not an option)."""
    if not options:
        raise ValueError("no options to cycle through")
    if current not in options:
        return options[0] if offset >= 0 else options[-1]
    return options[(list(options).index(current) + offset) % len(options)]


# --------------------------------------------------------------------------- coalition type


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


# --------------------------------------------------------------------------- structure


def default_committees(name_of: Callable[[str, int], str], cadence_of: Callable[[str], str]) -> list[Committee]:
    """Strategic, executive, three work groups and staff; names and cadences from the caller's catalogue."""
    committees: list[Committee] = []
    counts: dict[str, int] = {}
    for kind in DEFAULT_BODIES:
        counts[kind] = counts.get(kind, 0) + 1
        committees.append(Committee(kind=kind, name=name_of(kind, counts[kind]), cadence=cadence_of(kind)))  # type: ignore[arg-type]
    return committees


def seed_structure(
    workshop: Workshop, name_of: Callable[[str, int], str], cadence_of: Callable[[str], str]
) -> int:
    """Create the default bodies when the structure is empty; returns how many were added."""
    if workshop.structure.committees:
        return 0
    workshop.structure.committees.extend(default_committees(name_of, cadence_of))
    return len(DEFAULT_BODIES)


def next_kind(kind: str, offset: int = 1) -> str:
    """The next committee kind, round the four."""
    return cycle(COMMITTEE_KINDS, kind, offset)


def next_role(role: str, offset: int = 1) -> str:
    """The next member role, round the list."""
    return cycle(MEMBER_ROLES, role, offset)


@dataclass(frozen=True)
class Candidate:
    """Someone who can sit on a body: a partner organisation or a participant."""

    key: str
    name: str
    organisation: str
    sector: str | None
    partner_id: str | None = None
    participant_id: str | None = None


def member_candidates(workshop: Workshop) -> list[Candidate]:
    """Partners first (their contact person, or the organisation), then participants."""
    candidates = [
        Candidate(
            key=f"partner:{p.id}",
            name=p.contact_person.strip() or p.organisation,
            organisation=p.organisation,
            sector=p.sector,
            partner_id=p.id,
        )
        for p in workshop.partners
    ]
    by_organisation = {p.organisation.strip().casefold(): p for p in workshop.partners if p.organisation.strip()}
    for person in workshop.participants:
        partner = by_organisation.get(person.organisation.strip().casefold())
        candidates.append(
            Candidate(
                key=f"participant:{person.id}",
                name=person.name.strip() or person.organisation,
                organisation=person.organisation,
                sector=person.sector or (partner.sector if partner else None),
                partner_id=partner.id if partner else None,
                participant_id=person.id,
            )
        )
    return candidates


def add_member(committee: Committee, candidate: Candidate, role: str = "member", official: bool = True) -> Member:
    """Seat a candidate on a body (the partner's sector is copied so the rules can count it)."""
    member = Member(
        name=candidate.name,
        partner_id=candidate.partner_id,
        participant_id=candidate.participant_id,
        sector=candidate.sector,  # type: ignore[arg-type]
        role=role,  # type: ignore[arg-type]
        official_delegate=official,
    )
    committee.members.append(member)
    return member


def is_seated(committee: Committee, candidate: Candidate) -> bool:
    """Whether this candidate already sits on the body."""
    for member in committee.members:
        if candidate.participant_id and member.participant_id == candidate.participant_id:
            return True
        if not candidate.participant_id and member.partner_id == candidate.partner_id and not member.participant_id:
            return True
    return False


def committee_findings(workshop: Workshop, committee: Committee) -> list[Finding]:
    """The structure findings about one body or one of its members."""
    targets = {committee.id, *(m.id for m in committee.members)}
    return [f for f in structure_findings(workshop) if f.target in targets]


def general_structure_findings(workshop: Workshop) -> list[Finding]:
    """Structure findings that point at no body (a missing strategic or executive committee)."""
    return [f for f in structure_findings(workshop) if f.target is None]


def work_groups(workshop: Workshop) -> list[Committee]:
    """The work groups, in structure order."""
    return [c for c in workshop.structure.committees if c.kind == "work-group"]


def committee(workshop: Workshop, committee_id: str | None) -> Committee | None:
    """The body with this id, if any."""
    return next((c for c in workshop.structure.committees if c.id == committee_id), None)


# --------------------------------------------------------------------------- goals and plans


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
    data = {
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


# --------------------------------------------------------------------------- ground rules


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


def finding_params(finding: Finding, untitled: str) -> dict[str, Any]:
    """A finding's params ready for its message: empty user texts replaced by `untitled`."""
    params = dict(finding.params)
    for key in ("goal", "task", "name"):
        if key in params and not str(params[key]).strip():
            params[key] = untitled
    return params
