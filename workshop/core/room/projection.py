"""THE one function that decides what leaves the process for participants' phones.

It is a whitelist: it copies named fields into a fresh dict and nothing else. Pages, JSON and
events are all rendered from its result, never from the Workshop. Partners (contacts, notes,
follow-ups), mission drafts, facilitator notes, timing, other participants' names (unless they
chose to show them), other devices and vote totals (until revealed) never appear in it.
"""

from __future__ import annotations

from typing import Any

from workshop.core.content import Catalogue
from workshop.core.model import RoomDevice, Workshop
from workshop.core.room.answers import asks_of, mine
from workshop.core.room.inbox import dots_left
from workshop.core.room.targets import targets_of


def participant_view(workshop: Workshop, device: RoomDevice | None, catalogue: Catalogue) -> dict[str, Any]:
    """What one participant's phone may see now (device None: someone who has not joined)."""
    step = workshop.last_step
    view: dict[str, Any] = {
        "lang": catalogue.language,
        "dir": "rtl" if catalogue.rtl else "ltr",
        "title": workshop.meta.title,
        "step": step,
        "step_title": catalogue.t(f"steps.{step}.title"),
    }
    if device is None:
        return view
    room = workshop.room
    shown_authors = {
        entry.item_id: d.name.strip()
        for entry in room.inbox
        if entry.status == "accepted"
        and (d := next((x for x in room.devices if x.id == entry.device_id), None)) is not None
        and d.show_name
        and d.name.strip()
    }
    lists = []
    groups: dict[str, int] = {}
    for t in targets_of(step):
        items = []
        for item in t.items(workshop):
            row: dict[str, Any] = {"id": item.id, "text": item.text}
            if item.id in shown_authors:
                row["author"] = shown_authors[item.id]
            if t.votable:
                row["mine"] = device.votes.get(item.id, 0)
                if room.reveal_votes:
                    row["votes"] = item.votes
            items.append(row)
        lists.append({"key": t.key, "label": catalogue.t(t.label_key), "votable": t.votable, "items": items})
        if t.votable:
            groups[t.vote_group] = dots_left(workshop, device, t.vote_group)
    asks = [
        {
            "key": a.key,
            "kind": a.kind,
            "text": catalogue.t(a.text_key),
            "choices": list(a.choices),
            "mine": mine(workshop, device, a),
        }
        for a in asks_of(step)
    ]
    view.update(
        {
            "me": {"name": device.name, "show_name": device.show_name},
            "lists": lists,
            "asks": asks,
            "dots_left": groups,
            "max_per_item": room.max_per_item,
            "budget": workshop.timing.dots_per_participant,
            "revealed": room.reveal_votes,
            "sent": [
                {"target": e.target, "text": e.text, "status": e.status}
                for e in room.inbox
                if e.device_id == device.id and e.status in ("pending", "rejected")
            ][-20:],
        }
    )
    return view


def public_digest(workshop: Workshop) -> tuple[Any, ...]:
    """A cheap fingerprint of everything any phone's view depends on (to skip needless pushes)."""
    room = workshop.room
    step = workshop.last_step
    lists = tuple(
        tuple((item.id, item.text, getattr(item, "votes", 0)) for item in t.items(workshop)) for t in targets_of(step)
    )
    return (
        step,
        workshop.meta.title,
        lists,
        room.reveal_votes,
        room.max_per_item,
        workshop.timing.dots_per_participant,
        len(room.inbox),
        sum(1 for e in room.inbox if e.status != "pending"),
        tuple((d.id, d.name, d.show_name, d.removed, tuple(d.readiness.items()), tuple(d.poll.items())) for d in room.devices),
        tuple((r.id, r.score) for r in workshop.evaluation.ratings) if step == "export" else (),
    )
