"""Shared by the room tests: a workshop full of private data that must never reach a phone."""

from __future__ import annotations

import datetime as dt

from workshop.core.model import FollowUp, Meta, MissionDraft, Partner, Workshop
from workshop.core.steps.swot import add_swot

#: Private values that must never reach a phone.
SECRETS = {
    "email": "secret.person@example.org",
    "phone": "+962-7-5555-0199",
    "note": "PRIVATE-NOTE-donor-is-nervous",
    "follow_up": "PRIVATE-FOLLOWUP-call-minister",
    "draft": "PRIVATE-DRAFT-mission-wording",
    "facilitator_note": "PRIVATE-FACILITATOR-watch-the-mayor",
    "contact": "PRIVATE-CONTACT-Ms-Hidden",
    "author": "PRIVATE-AUTHOR-Huda",
    "capture_draft": "PRIVATE-CAPTURE-DRAFT-half-typed",
}


def private_workshop(language: str = "en") -> Workshop:
    workshop = Workshop(meta=Meta(title="Room test", language=language))
    workshop.partners.append(
        Partner(
            organisation="Clinic network",
            contact_person=SECRETS["contact"],
            email=SECRETS["email"],
            phone=SECRETS["phone"],
            notes=SECRETS["note"],
            follow_ups=[FollowUp(text=SECRETS["follow_up"], due=dt.date(2026, 12, 1))],
        )
    )
    workshop.mission.drafts.append(MissionDraft(text=SECRETS["draft"]))
    workshop.mission.working.who = SECRETS["draft"]
    workshop.facilitator_notes["swot"] = SECRETS["facilitator_note"]
    workshop.drafts["swot.strength"] = SECRETS["capture_draft"]
    workshop.last_step = "swot"

    add_swot(workshop, "strength", "trusted clinics", SECRETS["author"])
    return workshop


