"""Edits that carry a method rule (seeding, voting, adopting), as pure functions on a Workshop.

Screens call these through `Session.edit`; simple field assignments need no helper here.
This module never imports Textual.
"""

from __future__ import annotations

from workshop.core.model import (
    SWOT_KINDS,
    DraftVersion,
    MissionDraft,
    Opportunity,
    Problem,
    SwotItem,
    Workshop,
    now_iso,
)


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


def reorder(collection: list, item: object, offset: int, same: callable = lambda _: True) -> None:  # type: ignore[valid-type]
    """Move `item` up (-1) or down (+1) among the items of `collection` that satisfy `same`."""
    peers = [i for i, other in enumerate(collection) if same(other)]
    here = collection.index(item)
    position = peers.index(here)
    target = position + offset
    if not 0 <= target < len(peers):
        return
    there = peers[target]
    collection[here], collection[there] = collection[there], collection[here]


def dots_total(workshop: Workshop) -> int:
    """Dots the room can spend on one list: participants × dots each (at least one voter)."""
    return max(1, len(workshop.participants)) * workshop.timing.dots_per_participant


def dots_used(items: list) -> int:  # type: ignore[type-arg]
    """Dots already spent on a list of votable items."""
    return sum(item.votes for item in items)


def vote(workshop: Workshop, items: list, item: object, delta: int) -> bool:  # type: ignore[type-arg]
    """Add or take back one dot; False when no dot is left or the item has none."""
    current = item.votes  # type: ignore[attr-defined]
    if delta > 0 and dots_used(items) >= dots_total(workshop):
        return False
    if current + delta < 0:
        return False
    item.votes = current + delta  # type: ignore[attr-defined]
    return True


def by_votes(items: list) -> list:  # type: ignore[type-arg]
    """Items sorted by votes, most first; ties keep their order."""
    return sorted(items, key=lambda item: -item.votes)


def seed_mapping(workshop: Workshop) -> int:
    """Problems from weaknesses/threats and opportunities from the opportunity quadrant.

    Items already seeded are skipped; returns how many were added.
    """
    seeded_problems = {p.swot_id for p in workshop.problems if p.swot_id}
    seeded_opps = {o.swot_id for o in workshop.opportunities if o.swot_id}
    added = 0
    for item in workshop.swot:
        if not item.text.strip():
            continue
        if item.kind in ("weakness", "threat") and item.id not in seeded_problems:
            workshop.problems.append(Problem(text=item.text, author=item.author, swot_id=item.id))
            added += 1
        elif item.kind == "opportunity" and item.id not in seeded_opps:
            workshop.opportunities.append(Opportunity(text=item.text, author=item.author, swot_id=item.id))
            added += 1
    return added


def toggle_link(problem: Problem, opportunity_id: str) -> bool:
    """Link a problem to an opportunity, or unlink it; True when now linked."""
    if opportunity_id in problem.opportunity_ids:
        problem.opportunity_ids = [o for o in problem.opportunity_ids if o != opportunity_id]
        return False
    problem.opportunity_ids = [*problem.opportunity_ids, opportunity_id]
    return True


def compose_mission(who: str, change: str, for_whom: str, how: str) -> str:
    """A first mission sentence from the four parts (the room then rewrites it)."""
    parts = [p.strip() for p in (who, change, for_whom, how) if p.strip()]
    return " ".join(parts)


def revise_draft(draft: MissionDraft, text: str) -> None:
    """Change a draft's text, keeping the previous text in its history."""
    if text == draft.text:
        return
    if draft.text.strip():
        draft.history = [*draft.history, DraftVersion(text=draft.text, at=now_iso())]
    draft.text = text


def adopt(workshop: Workshop, draft_id: str | None) -> None:
    """Adopt one draft as the mission (None un-adopts)."""
    if draft_id is not None and not any(d.id == draft_id for d in workshop.mission.drafts):
        raise ValueError(draft_id)
    workshop.mission.adopted_id = draft_id


def next_kind(kind: str) -> str:
    """The next SWOT quadrant, round the four."""
    return SWOT_KINDS[(SWOT_KINDS.index(kind) + 1) % len(SWOT_KINDS)]
