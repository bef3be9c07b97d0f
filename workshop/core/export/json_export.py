"""The JSON interchange document of a workshop, whole or with private fields blanked.

The facilitator's file is the full document (`workshop_to_dict`), loadable again. The
participants' file has the same shape and still validates as a Workshop, with partner
e-mails, phones, notes and follow-ups, facilitator notes, drafts typed but not entered, timing and every mission draft
but the adopted one (and its history) removed. This module never imports Textual.
"""

from __future__ import annotations

import json
from typing import Any

from workshop.core.export.report import Audience
from workshop.core.model import Room, Workshop, workshop_to_dict


def participants_view(workshop: Workshop) -> Workshop:
    """A copy of the workshop without anything the privacy rule keeps from participants."""
    ws = workshop.model_copy(deep=True)
    for partner in ws.partners:
        partner.email = ""
        partner.phone = ""
        partner.notes = ""
        partner.follow_ups = []
    ws.facilitator_notes = {}
    ws.drafts = {}
    ws.timing.spent = {}
    ws.room = Room()  # phones, their names and everything they sent before the facilitator decided
    adopted = ws.mission.adopted()
    if adopted is not None:
        adopted.history = []
    ws.mission.drafts = [adopted] if adopted is not None else []
    return ws


def to_dict(workshop: Workshop, *, audience: Audience) -> dict[str, Any]:
    """The interchange document for an audience."""
    if audience == "facilitator":
        return workshop_to_dict(workshop)
    if audience == "participants":
        return workshop_to_dict(participants_view(workshop))
    raise ValueError(f"unknown audience {audience!r}")


def to_json(workshop: Workshop, *, audience: Audience) -> str:
    """The interchange document as JSON text (indent 2, non-ASCII kept as is)."""
    return json.dumps(to_dict(workshop, audience=audience), indent=2, ensure_ascii=False) + "\n"
