"""Edits that carry a method rule."""

from __future__ import annotations

from workshop.core.edits import by_votes, reorder, room_dots_left, vote
from workshop.core.model import Meta, MissionDraft, Participant, RoomDevice, Workshop
from workshop.core.steps.mapping import seed_mapping, toggle_link
from workshop.core.steps.mission import adopt, revise_draft
from workshop.core.steps.swot import add_swot, move_swot, next_kind


def make() -> Workshop:
    return Workshop(meta=Meta(title="t"))


def test_dots_are_limited_to_participants_times_dots() -> None:
    w = make()
    w.participants = [Participant(name="A"), Participant(name="B")]
    w.timing.dots_per_participant = 2
    item = add_swot(w, "strength", "x")
    results = [vote(w, w.swot, item, 1) for _ in range(5)]
    assert results == [True, True, True, True, False]
    assert item.votes == 4
    assert vote(w, w.swot, item, -1) and item.votes == 3


def test_votes_never_go_negative() -> None:
    w = make()
    item = add_swot(w, "strength", "x")
    assert not vote(w, w.swot, item, -1)
    assert item.votes == 0


def test_phones_dots_are_theirs_not_the_rooms() -> None:
    w = make()
    w.timing.dots_per_participant = 2
    item = add_swot(w, "strength", "x")
    phone = RoomDevice(token_hash="0" * 64, votes={item.id: 5})
    w.room.devices.append(phone)
    item.votes = 5  # five dots from phones (as room.inbox.vote leaves them)
    assert room_dots_left(w, w.swot) == 2  # the room's budget is untouched, never negative
    assert not vote(w, w.swot, item, -1)  # the facilitator cannot take a phone's dot back
    assert vote(w, w.swot, item, 1) and vote(w, w.swot, item, 1) and not vote(w, w.swot, item, 1)
    assert item.votes == 7 and room_dots_left(w, w.swot) == 0


def test_by_votes_keeps_ties_in_order() -> None:
    w = make()
    a, b, c = (add_swot(w, "strength", t) for t in "abc")
    b.votes, c.votes = 2, 2
    assert [i.text for i in by_votes([a, b, c])] == ["b", "c", "a"]


def test_seed_mapping_once() -> None:
    w = make()
    add_swot(w, "weakness", "few paediatricians")
    add_swot(w, "threat", "budget cuts")
    add_swot(w, "opportunity", "new health law")
    add_swot(w, "strength", "active mothers' groups")
    assert seed_mapping(w) == 3
    assert [p.text for p in w.problems] == ["few paediatricians", "budget cuts"]
    assert [o.text for o in w.opportunities] == ["new health law"]
    assert seed_mapping(w) == 0


def test_reorder_within_a_quadrant_only() -> None:
    w = make()
    s1 = add_swot(w, "strength", "s1")
    add_swot(w, "threat", "t1")
    s2 = add_swot(w, "strength", "s2")
    reorder(w.swot, s2, -1, lambda o: o.kind == "strength")
    assert [i.text for i in w.swot_of("strength")] == ["s2", "s1"]
    reorder(w.swot, s2, -1, lambda o: o.kind == "strength")  # already first: no change
    assert [i.text for i in w.swot_of("strength")] == ["s2", "s1"]
    assert s1 in w.swot


def test_move_between_quadrants() -> None:
    w = make()
    item = add_swot(w, "strength", "x")
    move_swot(w, item, next_kind(item.kind))
    assert item.kind == "weakness"


def test_revise_keeps_history_and_adopt() -> None:
    w = make()
    draft = MissionDraft(text="first")
    w.mission.drafts.append(draft)
    revise_draft(draft, "second")
    revise_draft(draft, "second")
    assert [v.text for v in draft.history] == ["first"]
    adopt(w, draft.id)
    assert w.mission.adopted() is draft


def test_links_toggle() -> None:
    from workshop.core.model import Problem

    problem = Problem(text="p")
    assert toggle_link(problem, "o1") is True
    assert toggle_link(problem, "o1") is False
    assert problem.opportunity_ids == []
