"""The structure member picker: each person once, no second seat, members keep their organisation."""

from __future__ import annotations

import pytest

from tests.export.test_exports import make_catalogue
from workshop.core.steps import structure as core
from workshop.core.export.report import build_report
from workshop.core.model import Committee, Member, Meta, Participant, Partner, Workshop


def room() -> Workshop:
    w = Workshop(meta=Meta(title="Housing"))
    w.partners = [
        Partner(organisation="Eastbrook Tenants' Union", sector="community", contact_person="Grace Mensah"),
        Partner(organisation="City Housing Office", sector="public"),
    ]
    w.participants = [
        Participant(name="grace mensah ", organisation="Eastbrook Tenants' Union"),  # the partner's contact
        Participant(name="Omar", organisation="Youth Club", sector="community"),  # no partner
        Participant(name="Grace Mensah", organisation="Another Union"),  # same name, another person
    ]
    return w


def test_a_participant_who_is_a_partner_contact_is_one_person() -> None:
    w = room()
    candidates = core.member_candidates(w)
    assert [c.name for c in candidates] == ["Grace Mensah", "City Housing Office", "Omar", "Grace Mensah"]
    grace = candidates[0]
    assert (grace.partner_id, grace.participant_id) == (w.partners[0].id, w.participants[0].id)
    assert candidates[3].participant_id == w.participants[2].id, "a namesake from elsewhere stays a person"


def test_already_a_member_cannot_be_added_again() -> None:
    w = room()
    grace, office, omar, _ = core.member_candidates(w)
    body = Committee(kind="strategic")
    core.add_member(body, grace)
    assert core.is_seated(body, grace)
    with pytest.raises(ValueError):
        core.add_member(body, grace)
    # a member seated before the merge (from the participant) still counts as this person
    old = Committee(kind="strategic", members=[Member(name="grace mensah", participant_id=w.participants[0].id)])
    assert core.is_seated(old, grace)
    assert not core.is_seated(body, office) and not core.is_seated(body, omar)
    assert len(body.members) == 1


def test_members_keep_their_organisation_in_exports_and_on_the_projector() -> None:
    w = room()
    _, office, omar, _ = core.member_candidates(w)
    body = Committee(kind="strategic")
    core.add_member(body, omar)
    core.add_member(body, office)
    # a member stored before the organisation was copied: found through the participant
    body.members.append(Member(name="Grace Mensah", participant_id=w.participants[2].id))
    w.structure.committees = [body]
    assert [m.organisation for m in body.members[:2]] == ["Youth Club", "City Housing Office"]
    report = build_report(w, audience="participants", language="en", catalogue=make_catalogue("en"))
    section = next(s for s in report.sections if s.id == "structure")
    table = next(b for b in section.blocks if hasattr(b, "rows"))
    assert [row[1] for row in table.rows] == ["Youth Club", "City Housing Office", "Another Union"]
    assert all(len(row) == len(table.columns) for row in table.rows)
