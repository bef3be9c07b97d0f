"""Pure helpers of the strategic-partners step: sort, search, filter, follow-ups, diversity, the form.

The partners screen shows what these functions compute and applies the Partner they
build, and the step's rule (sector counts, required sectors, follow-ups due).
This module never imports Textual.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from workshop.core.errors import FormError
from workshop.core.model import (
    PARTNER_STATUSES,
    SECTORS,
    FollowUp,
    Partner,
    Workshop,
    describe_validation_error,
)
from workshop.core.parse import NotADate, ascii_digits, read_date
from workshop.core.steps.findings import Finding
from workshop.core.steps.step import Step

#: The orders the list can be sorted in, in the order the sort key cycles through them.
SORT_KEYS: tuple[str, ...] = ("organisation", "sector", "status", "influence")

#: Fields of the partner form that hold private data (never shown on the projector).
PRIVATE_FIELDS: frozenset[str] = frozenset({"email", "phone", "notes"})

#: Text fields of the form, copied as typed (surrounding blanks removed).
TEXT_FIELDS: tuple[str, ...] = (
    "organisation",
    "contact_person",
    "email",
    "phone",
    "role",
    "contribution",
    "barriers",
    "notes",
)

#: Fields searched by "/" (private ones only when private data may be shown).
SEARCH_FIELDS: tuple[str, ...] = ("organisation", "contact_person", "role", "contribution", "barriers")


# --------------------------------------------------------------------------- sort


def fold(text: str) -> str:
    """Text for comparing: case-folded, compatibility-normalised, without Arabic diacritics (harakat)."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in normal if not ("\u064b" <= ch <= "\u065f" or ch == "\u0670" or ch == "\u0640"))


def next_sort(key: str) -> str:
    """The sort order after `key` (cycles through SORT_KEYS; unknown keys restart the cycle)."""
    if key not in SORT_KEYS:
        return SORT_KEYS[0]
    return SORT_KEYS[(SORT_KEYS.index(key) + 1) % len(SORT_KEYS)]


def _name_key(partner: Partner) -> str:
    return fold(partner.organisation.strip())


def sort_partners(partners: Iterable[Partner], key: str) -> list[Partner]:
    """Partners in display order: by organisation (A-Z), sector (model order), status (pipeline
    order, furthest along first) or influence (highest first); ties by organisation name."""
    items = list(partners)
    if key == "sector":
        return sorted(items, key=lambda p: (SECTORS.index(p.sector), _name_key(p)))
    if key == "status":
        return sorted(items, key=lambda p: (-PARTNER_STATUSES.index(p.status), _name_key(p)))
    if key == "influence":
        return sorted(items, key=lambda p: (-p.influence, -p.interest, _name_key(p)))
    return sorted(items, key=_name_key)


# --------------------------------------------------------------------------- search and filter


def matches(partner: Partner, query: str, *, include_private: bool = False) -> bool:
    """Whether every word of `query` occurs in one of the partner's searchable fields."""
    words = fold(query).split()
    if not words:
        return True
    names = SEARCH_FIELDS + (tuple(sorted(PRIVATE_FIELDS)) if include_private else ())
    haystack = " ".join(fold(str(getattr(partner, name))) for name in names)
    return all(word in haystack for word in words)


def filter_partners(
    partners: Iterable[Partner],
    *,
    query: str = "",
    sector: str | None = None,
    include_private: bool = False,
) -> list[Partner]:
    """The partners of `sector` (all when None) that match `query`, in the given order."""
    return [
        p
        for p in partners
        if (sector is None or p.sector == sector) and matches(p, query, include_private=include_private)
    ]


def next_sector_filter(current: str | None) -> str | None:
    """The sector filter after `current`: none → public → … → donor → none."""
    cycle: list[str | None] = [None, *SECTORS]
    if current not in cycle:
        return None
    return cycle[(cycle.index(current) + 1) % len(cycle)]


def view(
    partners: Iterable[Partner],
    *,
    sort: str,
    query: str = "",
    sector: str | None = None,
    include_private: bool = False,
) -> list[Partner]:
    """Filtered then sorted: exactly the rows the table shows."""
    chosen = filter_partners(partners, query=query, sector=sector, include_private=include_private)
    return sort_partners(chosen, sort)


# --------------------------------------------------------------------------- status


def advance_status(status: str, step: int = 1) -> str:
    """The status `step` places along identified → contacted → met → committed → signed (clamped)."""
    index = PARTNER_STATUSES.index(status) if status in PARTNER_STATUSES else 0
    return PARTNER_STATUSES[max(0, min(len(PARTNER_STATUSES) - 1, index + step))]


# --------------------------------------------------------------------------- follow-ups


def next_follow_up(partner: Partner) -> FollowUp | None:
    """The partner's next open follow-up: the earliest dated one, else the first undated one."""
    open_items = [f for f in partner.follow_ups if not f.done]
    dated = sorted((f for f in open_items if f.due is not None), key=lambda f: f.due)  # type: ignore[arg-type, return-value]
    if dated:
        return dated[0]
    return open_items[0] if open_items else None


@dataclass(frozen=True)
class DueFollowUp:
    """A follow-up that is due (or overdue) with the partner it belongs to."""

    partner: Partner
    follow_up: FollowUp
    days_late: int


def due_follow_ups(workshop: Workshop, today: dt.date) -> list[DueFollowUp]:
    """Open follow-ups due on or before `today`, soonest first (rules.follow_ups_due)."""
    due: list[DueFollowUp] = []
    for partner_id, follow_up in follow_ups_due(workshop, today):
        partner = workshop.partner(partner_id)
        if partner is not None and follow_up.due is not None:
            due.append(DueFollowUp(partner, follow_up, (today - follow_up.due).days))
    return due


def set_next_follow_up(partner: Partner, due: dt.date | None, text: str) -> None:
    """Set the partner's next open follow-up (creates one; both empty removes the open one)."""
    current = next_follow_up(partner)
    if due is None and not text.strip():
        if current is not None:
            partner.follow_ups = [f for f in partner.follow_ups if f is not current]
        return
    if current is None:
        partner.follow_ups = [*partner.follow_ups, FollowUp(due=due, text=text.strip())]
        return
    current.due = due
    current.text = text.strip()


def complete_next_follow_up(partner: Partner) -> FollowUp | None:
    """Mark the partner's next open follow-up done; returns it (None when there is none)."""
    current = next_follow_up(partner)
    if current is not None:
        current.done = True
    return current


# --------------------------------------------------------------------------- diversity


@dataclass(frozen=True)
class Diversity:
    """How many partners each sector has, and which sectors the manual calls for are missing."""

    counts: dict[str, int]
    missing: tuple[str, ...]
    total: int

    @property
    def complete(self) -> bool:
        """Every required sector has at least one partner."""
        return not self.missing

    @property
    def present(self) -> tuple[str, ...]:
        """Sectors with at least one partner, in model order."""
        return tuple(s for s in SECTORS if self.counts.get(s, 0) > 0)


def diversity(workshop: Workshop) -> Diversity:
    """The sector-diversity summary of the partner list (same rule as rules.partner_findings)."""
    counts = sector_counts(workshop)
    missing = tuple(s for s in REQUIRED_SECTORS if counts[s] == 0)
    return Diversity(counts=counts, missing=missing, total=len(workshop.partners))


# --------------------------------------------------------------------------- the form


def parse_date(text: str, field_name: str = "follow_up_due") -> dt.date | None:
    """A follow-up date (`workshop.core.parse.read_date`); '' gives None; a FormError for the field otherwise."""
    try:
        return read_date(text)
    except NotADate:
        raise FormError("screen.partners.errors.bad_date", field_name, value=text.strip()[:40]) from None



def parse_scale(value: Any, field_name: str) -> int:
    """A 1-5 score from a form value (int or text)."""
    text = ascii_digits(str(value)).strip()
    if text.isdigit() and 1 <= int(text) <= 5:
        return int(text)
    raise FormError("screen.partners.errors.bad_scale", field_name, value=str(value)[:20])


def partner_from_form(values: Mapping[str, Any], base: Partner | None = None) -> Partner:
    """A new Partner from the form's values over `base` (fields absent from `values` keep base's).

    Keys: the TEXT_FIELDS, sector, status, decision_authority (bool), influence, interest
    (1-5), follow_up_due (YYYY-MM-DD or ''), follow_up_text. Raises FormError with a
    catalogue key naming the field to fix. `base` is never modified.
    """
    doc: dict[str, Any] = base.model_dump() if base is not None else {}
    for name in TEXT_FIELDS:
        if name in values:
            doc[name] = str(values[name]).strip()
    if not str(doc.get("organisation", "")).strip():
        raise FormError("screen.partners.errors.organisation_required", "organisation")
    for name, allowed in (("sector", SECTORS), ("status", PARTNER_STATUSES)):
        if name in values:
            if values[name] not in allowed:
                raise FormError("screen.partners.errors.bad_choice", name, value=str(values[name])[:20])
            doc[name] = values[name]
    if "decision_authority" in values:
        doc["decision_authority"] = bool(values["decision_authority"])
    for name in ("influence", "interest"):
        if name in values:
            doc[name] = parse_scale(values[name], name)
    try:
        partner = Partner.model_validate(doc)
    except ValidationError as error:
        raise FormError("screen.partners.errors.invalid", "organisation", details=describe_validation_error(error, 1)) from None
    if "follow_up_due" in values or "follow_up_text" in values:
        current = next_follow_up(partner)
        due = parse_date(str(values.get("follow_up_due", current.due.isoformat() if current and current.due else "")))
        text = str(values.get("follow_up_text", current.text if current else ""))
        set_next_follow_up(partner, due, text)
    return partner


def form_values(partner: Partner | None) -> dict[str, Any]:
    """The form's initial values for `partner` (blank defaults for a new one)."""
    base = partner or Partner(organisation="-")
    values: dict[str, Any] = {name: getattr(base, name) for name in TEXT_FIELDS}
    if partner is None:
        values["organisation"] = ""
    values.update(
        sector=base.sector,
        status=base.status,
        decision_authority=base.decision_authority,
        influence=base.influence,
        interest=base.interest,
    )
    current = next_follow_up(base)
    values["follow_up_due"] = current.due.isoformat() if current and current.due else ""
    values["follow_up_text"] = current.text if current else ""
    return values


def replace_partner(partners: list[Partner], edited: Partner) -> bool:
    """Put `edited` in place of the partner with its id (True), or append it as new (False)."""
    for index, partner in enumerate(partners):
        if partner.id == edited.id:
            partners[index] = edited
            return True
    partners.append(edited)
    return False


def method_name(lookup: Callable[[str], bool], text: Callable[[str], str], prefix: str, ident: str) -> str:
    """A method name such as `sectors.<id>` or `sectors.<id>.name`, whichever the catalogue has."""
    if lookup(f"{prefix}.{ident}.name"):
        return text(f"{prefix}.{ident}.name")
    if lookup(f"{prefix}.{ident}"):
        return text(f"{prefix}.{ident}")
    return ident


__all__ = [
    "PRIVATE_FIELDS",
    "SORT_KEYS",
    "Diversity",
    "DueFollowUp",
    "FormError",
    "advance_status",
    "complete_next_follow_up",
    "diversity",
    "due_follow_ups",
    "filter_partners",
    "fold",
    "form_values",
    "matches",
    "method_name",
    "next_follow_up",
    "next_sector_filter",
    "next_sort",
    "parse_date",
    "parse_scale",
    "partner_from_form",
    "replace_partner",
    "set_next_follow_up",
    "sort_partners",
    "view",
]


#: The sectors the manual asks a partnership to draw from (public, private, non-profit
#: institutions matching the community's diversity, with community organisations at the core).
REQUIRED_SECTORS: tuple[str, ...] = ("public", "private", "nonprofit", "community")


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


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return bool(workshop.partners) and not partner_findings(workshop)


STEP = Step(
    id="partners",
    timebox=20,
    screen="partners:PartnersScreen",
    done=done,
    findings=partner_findings,
    codes=("partners-none", "sector-missing"),
    report=("partners",),
    text=("steps.partners", "screen.partners"),
)
