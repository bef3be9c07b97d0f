"""The manual's rules, at each boundary."""

from __future__ import annotations

import pytest

from workshop.core.model import ActionPlan, Committee, Goal, Member, Meta, Opportunity, Partner, Problem, Workshop
from workshop.core.steps.coalition_type import suggest_type
from workshop.core.steps.findings import Finding
from workshop.core.steps.goals import goal_findings
from workshop.core.steps.mapping import mapping_findings
from workshop.core.steps.partners import partner_findings
from workshop.core.steps.readiness import readiness_findings, readiness_verdict
from workshop.core.steps.registry import FINDING_CODES
from workshop.core.steps.structure import executive_findings, strategic_findings, structure_findings


def make() -> Workshop:
    return Workshop(meta=Meta(title="t"))


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


# --------------------------------------------------------------- readiness


def answer(workshop: Workshop, values: list[str | None]) -> None:
    for number, value in enumerate(values, start=1):
        workshop.readiness[f"q{number}"].answer = value  # type: ignore[assignment]


def test_all_yes_proceeds() -> None:
    w = make()
    answer(w, ["yes"] * 7)
    assert readiness_verdict(w) == "proceed"
    assert readiness_findings(w) == []


def test_any_no_means_rethink_even_with_unsure() -> None:
    w = make()
    answer(w, ["yes", "yes", "no", "unsure", "yes", "yes", "yes"])
    assert readiness_verdict(w) == "rethink"
    found = readiness_findings(w)
    assert codes(found) == ["readiness-rethink", "readiness-unsure"]
    assert found[0].params["questions"] == "3"
    assert found[1].params["questions"] == "4"


def test_unanswered_is_incomplete() -> None:
    w = make()
    answer(w, ["yes"] * 6 + [None])
    assert readiness_verdict(w) == "incomplete"
    assert codes(readiness_findings(w)) == ["readiness-incomplete"]


# --------------------------------------------------------------- structure


def community_partner(w: Workshop) -> Partner:
    partner = Partner(organisation="Residents' association", sector="community")
    w.partners.append(partner)
    return partner


def strategic(w: Workshop, size: int, community: int = 2) -> Committee:
    members = [Member(name=f"m{i}", sector="community" if i < community else "public") for i in range(size)]
    committee = Committee(kind="strategic", members=members)
    w.structure.committees.append(committee)
    return committee


@pytest.mark.parametrize(("size", "expected"), [(20, ["strategic-small"]), (21, []), (22, ["strategic-large"])])
def test_strategic_committee_about_21(size: int, expected: list[str]) -> None:
    w = make()
    committee = strategic(w, size)
    assert codes(strategic_findings(committee, w)) == expected


@pytest.mark.parametrize(("community", "flagged"), [(0, True), (1, True), (2, False), (3, False)])
def test_strategic_needs_two_community_organisations(community: int, flagged: bool) -> None:
    w = make()
    committee = strategic(w, 21, community)
    assert ("strategic-community" in codes(strategic_findings(committee, w))) is flagged


def test_community_is_read_from_the_partner_when_not_copied() -> None:
    w = make()
    partner = community_partner(w)
    committee = Committee(kind="strategic", members=[Member(name=f"m{i}", partner_id=partner.id) for i in range(21)])
    assert strategic_findings(committee, w) == []


def executive(size: int, *, officers: int = 5, conveners: int = 3, reps: int = 2, chair_sector: str = "community") -> Committee:
    members: list[Member] = [Member(name="chair", role="chair", sector=chair_sector)]  # type: ignore[arg-type]
    members += [Member(name=f"o{i}", role="officer") for i in range(officers - 1)]
    members += [Member(name=f"c{i}", role="convener") for i in range(conveners)]
    members += [Member(name=f"r{i}", role="strategic-rep") for i in range(reps)]
    while len(members) < size:
        members.append(Member(name=f"x{len(members)}"))
    return Committee(kind="executive", members=members)


@pytest.mark.parametrize(("size", "flagged"), [(8, True), (9, False), (10, False), (11, False), (12, True)])
def test_executive_9_to_11(size: int, flagged: bool) -> None:
    w = make()
    committee = executive(size, officers=4, reps=1)
    assert ("executive-size" in codes(executive_findings(committee, w))) is flagged


@pytest.mark.parametrize(("officers", "flagged"), [(3, True), (4, False), (6, False), (7, True)])
def test_executive_officers_4_to_6(officers: int, flagged: bool) -> None:
    committee = executive(officers + 5, officers=officers)
    assert ("executive-officers" in codes(executive_findings(committee, make()))) is flagged


@pytest.mark.parametrize(("conveners", "flagged"), [(2, True), (3, False), (4, True)])
def test_executive_three_conveners(conveners: int, flagged: bool) -> None:
    committee = executive(10, conveners=conveners)
    assert ("executive-conveners" in codes(executive_findings(committee, make()))) is flagged


@pytest.mark.parametrize(("reps", "flagged"), [(1, True), (2, False), (4, False), (5, True)])
def test_executive_strategic_reps_2_to_4(reps: int, flagged: bool) -> None:
    committee = executive(4 + 3 + reps, officers=4, conveners=3, reps=reps)
    assert ("executive-reps" in codes(executive_findings(committee, make()))) is flagged


@pytest.mark.parametrize(("sector", "flagged"), [("community", False), ("public", True), ("nonprofit", True)])
def test_chair_from_a_community_organisation(sector: str, flagged: bool) -> None:
    committee = executive(10, chair_sector=sector)
    assert ("executive-chair-community" in codes(executive_findings(committee, make()))) is flagged


def test_vice_chair_from_community_is_enough() -> None:
    committee = executive(10, chair_sector="public")
    committee.members[1].role = "vice-chair"
    committee.members[1].sector = "community"
    assert "executive-chair-community" not in codes(executive_findings(committee, make()))


def test_every_member_an_official_delegate() -> None:
    w = make()
    committee = strategic(w, 21)
    committee.members[4].official_delegate = False
    found = [f for f in structure_findings(w) if f.code == "member-not-delegate"]
    assert [f.target for f in found] == [committee.members[4].id]


# --------------------------------------------------------------- partners, mapping, goals


def test_missing_sectors_are_named() -> None:
    w = make()
    w.partners += [Partner(organisation="Ministry", sector="public"), Partner(organisation="NGO", sector="nonprofit")]
    assert sorted(f.params["sector"] for f in partner_findings(w)) == ["community", "private"]


def test_unlinked_problems_are_flagged_and_dangling_links_do_not_count() -> None:
    w = make()
    opportunity = Opportunity(text="new clinic")
    w.opportunities.append(opportunity)
    linked = Problem(text="a", opportunity_ids=[opportunity.id])
    dangling = Problem(text="b", opportunity_ids=["gone"])
    w.problems += [linked, dangling]
    assert [f.target for f in mapping_findings(w)] == [dangling.id]


def test_plans_missing_parts_are_flagged_each() -> None:
    w = make()
    plan = ActionPlan(task="Open a centre")
    w.goals.append(Goal(text="g", convener="A", plans=[plan]))
    assert sorted(codes(goal_findings(w))) == sorted(
        ["plan-no-owner", "plan-no-dates", "plan-no-criteria", "plan-no-budget", "plan-no-support"]
    )
    plan.responsible_partner_id = "p"
    plan.start, plan.end = "2026-01-01", "2026-06-01"  # type: ignore[assignment]
    plan.criteria = "200 children enrolled"
    plan.budget = 0
    plan.community_support = True
    assert goal_findings(w) == []


def test_goal_without_plan() -> None:
    w = make()
    w.goals.append(Goal(text="g", convener="A"))
    assert codes(goal_findings(w)) == ["goal-without-plan"]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"timeframe": "fixed", "funding": "grants"}, "campaign"),
        ({"formality": "informal", "funding": "none"}, "information-network"),
        ({"timeframe": "long", "values": "deep", "funding": "large", "formality": "formal"}, "ongoing-coalition"),
        ({}, None),
    ],
)
def test_type_suggestion(answers: dict[str, str], expected: str | None) -> None:
    assert suggest_type(answers) == expected


def test_every_code_is_listed_by_its_step() -> None:
    import inspect
    import re
    import sys

    from workshop.core.steps.registry import STEPS

    for step in STEPS:
        source = inspect.getsource(sys.modules[step.done.__module__])
        used = set(re.findall(r'Finding\(\s*"([a-z-]+)"', source))
        assert used <= set(step.codes), step.id
    built = {"strategic-small", "strategic-large", "strategic-missing", "executive-missing"}
    built |= {f"plan-no-{gap}" for gap in ("owner", "dates", "criteria", "budget", "support")}
    assert built <= set(FINDING_CODES)
