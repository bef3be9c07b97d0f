"""Pure helpers of the charter steps: parsing, default bodies, candidates, plan rows, etiquette."""

from __future__ import annotations

from datetime import date

import pytest

from workshop.core import charter_core as core
from workshop.core.content import load_catalogue
from workshop.core.model import ActionPlan, Committee, Goal, GroundRules, Meta, Participant, Partner, Workshop
from workshop.core.rules import Finding


def workshop() -> Workshop:
    return Workshop(meta=Meta(title="T"))


def test_dates_parse_and_refuse_clearly() -> None:
    assert core.parse_date("2026-09-01") == date(2026, 9, 1)
    assert core.parse_date("٢٠٢٦-٠٩-٠١") == date(2026, 9, 1)
    assert core.parse_date("  ") is None
    with pytest.raises(core.InputProblem) as bad:
        core.parse_date("next week", "start")
    assert (bad.value.key, bad.value.params["field"]) == ("charter.errors.bad_date", "start")
    with pytest.raises(core.InputProblem) as impossible:
        core.parse_date("2026-02-30")
    assert impossible.value.key == "charter.errors.no_such_date"
    with pytest.raises(core.InputProblem) as order:
        core.parse_dates("2026-09-01", "2026-08-01")
    assert order.value.key == "charter.errors.end_before_start"
    assert core.parse_dates("2026-09-01", "") == (date(2026, 9, 1), None)


def test_amounts_and_quorum() -> None:
    assert core.parse_amount("12,000.50") == 12000.5
    assert core.parse_amount("١٢٠٠٠") == 12000
    assert core.parse_amount("") is None
    for bad in ("-5", "lots", "nan", "inf"):
        with pytest.raises(core.InputProblem):
            core.parse_amount(bad)
    assert core.parse_quorum("11") == 11
    assert core.parse_quorum("") is None
    for bad in ("0", "1001", "2.5", "seven"):
        with pytest.raises(core.InputProblem):
            core.parse_quorum(bad)
    assert core.format_amount(12000.0) == "12000"
    assert core.format_amount(None) == ""


def test_type_answers_cycle_and_suggest() -> None:
    answers = core.next_answer({}, "timeframe")
    assert answers == {"timeframe": "fixed"}
    assert core.next_answer(answers, "timeframe")["timeframe"] == "long"
    assert core.next_answer(answers, "timeframe", -1)["timeframe"] == "open"
    assert core.suggestion(answers) == "campaign"
    assert core.suggestion({}) is None
    scores = core.type_scores({"formality": "informal", "funding": "none"})
    assert scores["information-network"] == 5 and set(scores) == set(core.COALITION_TYPES)
    with pytest.raises(ValueError):
        core.next_answer({}, "colour")


def test_seed_structure_only_when_empty() -> None:
    w = workshop()
    added = core.seed_structure(w, lambda kind, n: f"{kind} {n}", lambda kind: f"{kind} cadence")
    assert added == 6
    assert [c.kind for c in w.structure.committees] == list(core.DEFAULT_BODIES)
    assert [c.name for c in core.work_groups(w)] == ["work-group 1", "work-group 2", "work-group 3"]
    assert w.structure.committees[0].cadence == "strategic cadence"
    assert core.seed_structure(w, lambda k, n: k, lambda k: k) == 0
    assert len(w.structure.committees) == 6


def test_candidates_and_members_carry_the_sector() -> None:
    w = workshop()
    w.partners = [Partner(organisation="Parents", sector="community", contact_person="Amina"), Partner(organisation="Clinic")]
    w.participants = [Participant(name="Omar", organisation="parents "), Participant(name="Lina")]
    candidates = core.member_candidates(w)
    assert [c.name for c in candidates] == ["Amina", "Clinic", "Omar", "Lina"]
    omar = candidates[2]
    assert (omar.partner_id, omar.sector) == (w.partners[0].id, "community")
    body = Committee(kind="strategic")
    member = core.add_member(body, omar, "chair", official=False)
    assert (member.role, member.official_delegate, member.sector, member.participant_id) == ("chair", False, "community", w.participants[0].id)
    assert core.is_seated(body, omar) and not core.is_seated(body, candidates[0])
    assert core.next_role("staff") == "chair"


def test_committee_findings_are_those_of_the_body_and_its_members() -> None:
    w = workshop()
    core.seed_structure(w, lambda k, n: k, lambda k: k)
    strategic, executive = w.structure.committees[:2]
    codes = {f.code for f in core.committee_findings(w, strategic)}
    assert codes == {"strategic-small", "strategic-community"}
    assert "executive-size" in {f.code for f in core.committee_findings(w, executive)}
    assert core.general_structure_findings(w) == []
    assert {f.code for f in core.general_structure_findings(workshop())} == {"strategic-missing", "executive-missing"}


def test_plans_from_form_values_and_rows() -> None:
    w = workshop()
    partner = Partner(organisation="NGO")
    w.partners = [partner]
    values = {"task": " Pilot ", "owner": partner.id, "start": "2026-09-01", "end": "2026-12-01", "criteria": "",
              "budget": "12000", "currency": "USD", "staffing": "mixed", "support": True}
    plan = core.plan_from_values(values)
    assert (plan.task, plan.budget, plan.staffing, plan.community_support) == ("Pilot", 12000.0, "mixed", True)
    assert core.plan_values(plan)["budget"] == "12000"
    with pytest.raises(core.InputProblem):
        core.plan_from_values({**values, "end": "2026-01-01"})
    late = ActionPlan(task="Later")
    w.goals = [Goal(text="G", plans=[late, plan])]
    rows = core.plan_rows(w)
    assert [(r.task, r.owner) for r in rows] == [("Pilot", "NGO"), ("Later", "")]
    assert rows[0].gaps == ("criteria",) and "owner" in rows[1].gaps
    edited = core.plan_from_values({**values, "task": "Pilot 2"}, plan)
    core.replace_plan(w.goals[0].plans, edited)
    assert [p.task for p in w.goals[0].plans] == ["Later", "Pilot 2"]
    assert core.goal_category("specific", "policy-advocacy") is None
    assert core.goal_category("comprehensive", "policy-advocacy") == "policy-advocacy"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_etiquette_proposals_load_once(language: str) -> None:
    proposals = core.etiquette_proposals(load_catalogue(language).section("etiquette"))
    assert len(proposals) == 13
    assert proposals[0].source == "etiquette.understanding.u1"
    assert {p.category for p in proposals} == {"understanding", "norms", "procedures"}
    rules = GroundRules()
    assert core.load_proposals(rules, proposals) == 13
    assert core.load_proposals(rules, proposals) == 0
    assert rules.rules[2].text == load_catalogue(language).t("etiquette.norms.n1")
    assert core.toggle_status(rules.rules[0], "adopted") == "adopted"
    assert core.toggle_status(rules.rules[0], "adopted") == "proposed"
    core.toggle_status(rules.rules[1], "dropped")
    assert core.rule_counts(rules) == {"proposed": 12, "adopted": 0, "dropped": 1}


def test_finding_params_name_untitled_texts() -> None:
    finding = Finding("plan-no-owner", "goals", params={"task": "  "})
    assert core.finding_params(finding, "(untitled)") == {"task": "(untitled)"}
