"""Pure helpers of the charter steps: parsing, default bodies, candidates, plan rows, etiquette."""

from __future__ import annotations

from datetime import date

import pytest

from workshop.core.content import load_catalogue
from workshop.core.errors import InputProblem
from workshop.core.model import (
    COALITION_TYPES,
    ActionPlan,
    Committee,
    Goal,
    GroundRules,
    Meta,
    Participant,
    Partner,
    Workshop,
)
from workshop.core.parse import format_amount, parse_amount, parse_date, parse_dates
from workshop.core.steps.coalition_type import next_answer, suggestion, type_scores
from workshop.core.steps.findings import Finding, finding_params
from workshop.core.steps.goals import goal_category, plan_from_values, plan_rows, plan_values, replace_plan
from workshop.core.steps.ground_rules import etiquette_proposals, load_proposals, rule_counts, toggle_status
from workshop.core.steps.structure import (
    DEFAULT_BODIES,
    add_member,
    committee_findings,
    general_structure_findings,
    is_seated,
    member_candidates,
    next_role,
    parse_quorum,
    seed_structure,
    work_groups,
)


def workshop() -> Workshop:
    return Workshop(meta=Meta(title="T"))


def test_dates_parse_and_refuse_clearly() -> None:
    assert parse_date("2026-09-01") == date(2026, 9, 1)
    assert parse_date("٢٠٢٦-٠٩-٠١") == date(2026, 9, 1)
    assert parse_date("  ") is None
    with pytest.raises(InputProblem) as bad:
        parse_date("next week", "start")
    assert (bad.value.key, bad.value.params["field"]) == ("charter.errors.bad_date", "start")
    with pytest.raises(InputProblem) as impossible:
        parse_date("2026-02-30")
    assert impossible.value.key == "charter.errors.no_such_date"
    with pytest.raises(InputProblem) as order:
        parse_dates("2026-09-01", "2026-08-01")
    assert order.value.key == "charter.errors.end_before_start"
    assert parse_dates("2026-09-01", "") == (date(2026, 9, 1), None)


def test_amounts_and_quorum() -> None:
    assert parse_amount("12,000.50") == 12000.5
    assert parse_amount("١٢٠٠٠") == 12000
    assert parse_amount("") is None
    for bad in ("-5", "lots", "nan", "inf"):
        with pytest.raises(InputProblem):
            parse_amount(bad)
    assert parse_quorum("11") == 11
    assert parse_quorum("") is None
    for bad in ("0", "1001", "2.5", "seven"):
        with pytest.raises(InputProblem):
            parse_quorum(bad)
    assert format_amount(12000.0) == "12000"
    assert format_amount(None) == ""


def test_type_answers_cycle_and_suggest() -> None:
    answers = next_answer({}, "timeframe")
    assert answers == {"timeframe": "fixed"}
    assert next_answer(answers, "timeframe")["timeframe"] == "long"
    assert next_answer(answers, "timeframe", -1)["timeframe"] == "open"
    assert suggestion(answers) == "campaign"
    assert suggestion({}) is None
    scores = type_scores({"formality": "informal", "funding": "none"})
    assert scores["information-network"] == 5 and set(scores) == set(COALITION_TYPES)
    with pytest.raises(ValueError):
        next_answer({}, "colour")


def test_seed_structure_only_when_empty() -> None:
    w = workshop()
    added = seed_structure(w, lambda kind, n: f"{kind} {n}", lambda kind: f"{kind} cadence")
    assert added == 6
    assert [c.kind for c in w.structure.committees] == list(DEFAULT_BODIES)
    assert [c.name for c in work_groups(w)] == ["work-group 1", "work-group 2", "work-group 3"]
    assert w.structure.committees[0].cadence == "strategic cadence"
    assert seed_structure(w, lambda k, n: k, lambda k: k) == 0
    assert len(w.structure.committees) == 6


def test_candidates_and_members_carry_the_sector() -> None:
    w = workshop()
    w.partners = [Partner(organisation="Parents", sector="community", contact_person="Amina"), Partner(organisation="Clinic")]
    w.participants = [Participant(name="Omar", organisation="parents "), Participant(name="Lina")]
    candidates = member_candidates(w)
    assert [c.name for c in candidates] == ["Amina", "Clinic", "Omar", "Lina"]
    omar = candidates[2]
    assert (omar.partner_id, omar.sector) == (w.partners[0].id, "community")
    body = Committee(kind="strategic")
    member = add_member(body, omar, "chair", official=False)
    assert (member.role, member.official_delegate, member.sector, member.participant_id) == ("chair", False, "community", w.participants[0].id)
    assert is_seated(body, omar) and not is_seated(body, candidates[0])
    assert next_role("staff") == "chair"


def test_committee_findings_are_those_of_the_body_and_its_members() -> None:
    w = workshop()
    seed_structure(w, lambda k, n: k, lambda k: k)
    strategic, executive = w.structure.committees[:2]
    codes = {f.code for f in committee_findings(w, strategic)}
    assert codes == {"strategic-small", "strategic-community"}
    assert "executive-size" in {f.code for f in committee_findings(w, executive)}
    assert general_structure_findings(w) == []
    assert {f.code for f in general_structure_findings(workshop())} == {"strategic-missing", "executive-missing"}


def test_plans_from_form_values_and_rows() -> None:
    w = workshop()
    partner = Partner(organisation="NGO")
    w.partners = [partner]
    values = {"task": " Pilot ", "owner": partner.id, "start": "2026-09-01", "end": "2026-12-01", "criteria": "",
              "budget": "12000", "currency": "USD", "staffing": "mixed", "support": True}
    plan = plan_from_values(values)
    assert (plan.task, plan.budget, plan.staffing, plan.community_support) == ("Pilot", 12000.0, "mixed", True)
    assert plan_values(plan)["budget"] == "12000"
    with pytest.raises(InputProblem):
        plan_from_values({**values, "end": "2026-01-01"})
    late = ActionPlan(task="Later")
    w.goals = [Goal(text="G", plans=[late, plan])]
    rows = plan_rows(w)
    assert [(r.task, r.owner) for r in rows] == [("Pilot", "NGO"), ("Later", "")]
    assert rows[0].gaps == ("criteria",) and "owner" in rows[1].gaps
    edited = plan_from_values({**values, "task": "Pilot 2"}, plan)
    replace_plan(w.goals[0].plans, edited)
    assert [p.task for p in w.goals[0].plans] == ["Later", "Pilot 2"]
    assert goal_category("specific", "policy-advocacy") is None
    assert goal_category("comprehensive", "policy-advocacy") == "policy-advocacy"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_etiquette_proposals_load_once(language: str) -> None:
    proposals = etiquette_proposals(load_catalogue(language).section("etiquette"))
    assert len(proposals) == 13
    assert proposals[0].source == "etiquette.understanding.u1"
    assert {p.category for p in proposals} == {"understanding", "norms", "procedures"}
    rules = GroundRules()
    assert load_proposals(rules, proposals) == 13
    assert load_proposals(rules, proposals) == 0
    assert rules.rules[2].text == load_catalogue(language).t("etiquette.norms.n1")
    assert toggle_status(rules.rules[0], "adopted") == "adopted"
    assert toggle_status(rules.rules[0], "adopted") == "proposed"
    toggle_status(rules.rules[1], "dropped")
    assert rule_counts(rules) == {"proposed": 12, "adopted": 0, "dropped": 1}


def test_finding_params_name_untitled_texts() -> None:
    finding = Finding("plan-no-owner", "goals", params={"task": "  "})
    assert finding_params(finding, "(untitled)") == {"task": "(untitled)"}
