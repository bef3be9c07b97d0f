"""Structure step: the committees (strategic, executive, work groups, staff), their members and the
manual's rules about them (sizes, officers, community seats). Never imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workshop.core.edits import cycle
from workshop.core.errors import InputProblem
from workshop.core.model import (
    COMMITTEE_KINDS,
    MEMBER_ROLES,
    Committee,
    Member,
    Workshop,
)
from workshop.core.parse import normalise_digits
from workshop.core.steps.findings import Finding
from workshop.core.steps.step import Step

#: The bodies created by the "default structure" key, in order.
DEFAULT_BODIES: tuple[str, ...] = ("strategic", "executive", "work-group", "work-group", "work-group", "staff")
#: Largest quorum accepted (the model's limit).
MAX_QUORUM = 1000


# --------------------------------------------------------------------------- typed values


def parse_quorum(text: str) -> int | None:
    """A quorum: a whole number of members from 1 to 1000 ('' gives None)."""
    value = normalise_digits(text)
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= MAX_QUORUM:
        raise InputProblem("charter.errors.bad_quorum", value=text.strip(), limit=MAX_QUORUM)
    return int(value)


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


def _same_name(a: str, b: str) -> bool:
    """Two names written for the same person (case and surrounding blanks aside); blanks are nobody."""
    return bool(a.strip()) and a.strip().casefold() == b.strip().casefold()


def member_candidates(workshop: Workshop) -> list[Candidate]:
    """Each person once: partners first (their contact person, or the organisation), then participants.

    A participant who is a partner's contact person (same name, same or no organisation) is that
    partner's candidate, carrying both ids, not a second entry.
    """
    participants = list(workshop.participants)
    matched: set[str] = set()
    candidates = []
    for p in workshop.partners:
        person = next(
            (
                q
                for q in participants
                if q.id not in matched
                and _same_name(q.name, p.contact_person)
                and (not q.organisation.strip() or _same_name(q.organisation, p.organisation))
            ),
            None,
        )
        if person is not None:
            matched.add(person.id)
        candidates.append(
            Candidate(
                key=f"partner:{p.id}",
                name=p.contact_person.strip() or p.organisation,
                organisation=p.organisation,
                sector=p.sector,
                partner_id=p.id,
                participant_id=person.id if person is not None else None,
            )
        )
    by_organisation = {p.organisation.strip().casefold(): p for p in workshop.partners if p.organisation.strip()}
    for person in participants:
        if person.id in matched:
            continue
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
    """Seat a candidate on a body (organisation and sector are copied so exports and rules have them).

    Raises ValueError when the candidate already sits on the body.
    """
    if is_seated(committee, candidate):
        raise ValueError(f"{candidate.name} is already a member")
    member = Member(
        name=candidate.name,
        partner_id=candidate.partner_id,
        participant_id=candidate.participant_id,
        organisation=candidate.organisation.strip(),
        sector=candidate.sector,  # type: ignore[arg-type]
        role=role,  # type: ignore[arg-type]
        official_delegate=official,
    )
    committee.members.append(member)
    return member


def is_seated(committee: Committee, candidate: Candidate) -> bool:
    """Whether this person already sits on the body (the same participant, or the same partner's same person)."""
    for member in committee.members:
        if candidate.participant_id and member.participant_id == candidate.participant_id:
            return True
        if candidate.partner_id and member.partner_id == candidate.partner_id and _same_name(member.name, candidate.name):
            return True
    return False


def member_organisation(workshop: Workshop, member: Member) -> str:
    """The organisation a member represents: as picked, else the partner's, else the participant's."""
    if member.organisation.strip():
        return member.organisation.strip()
    partner = workshop.partner(member.partner_id)
    if partner is not None:
        return partner.organisation.strip()
    person = next((p for p in workshop.participants if p.id == member.participant_id), None)
    return person.organisation.strip() if person is not None else ""


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


# --------------------------------------------------------------------------- ground rules


STRATEGIC_SIZE = 21


EXECUTIVE_SIZE = (9, 11)


EXECUTIVE_OFFICERS = (4, 6)


EXECUTIVE_CONVENERS = 3


EXECUTIVE_STRATEGIC_REPS = (2, 4)


STRATEGIC_MIN_COMMUNITY = 2


def _is_community(member: Any, workshop: Workshop) -> bool:
    sector = member.sector
    if sector is None and member.partner_id:
        partner = workshop.partner(member.partner_id)
        sector = partner.sector if partner else None
    return bool(sector == "community")


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


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return {"strategic", "executive"} <= {c.kind for c in workshop.structure.committees}


STEP = Step(
    id="structure",
    timebox=15,
    screen="structure:StructureScreen",
    done=done,
    findings=structure_findings,
    codes=("strategic-missing", "executive-missing", "strategic-small", "strategic-large", "strategic-community", "executive-size", "executive-officers", "executive-conveners", "executive-reps", "executive-chair-community", "member-not-delegate"),
    report=("structure",),
    text=("steps.structure", "screen.structure", "governance"),
)
