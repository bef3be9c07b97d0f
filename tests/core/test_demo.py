"""The two bundled demo workshops: valid, lossless, internally consistent, and showing a few findings."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workshop.core.content import load_catalogue
from workshop.core.model import (
    SCHEMA_VERSION,
    SECTORS,
    STEPS,
    Workshop,
    workshop_from_dict,
    workshop_to_dict,
)
from workshop.core.steps.coalition_type import suggest_type
from workshop.core.steps.partners import follow_ups_due
from workshop.core.steps.registry import all_findings

DEMO_DIR = Path(__file__).resolve().parents[2] / "content" / "demo"
LANGUAGES = ("en", "ar")
ARABIC = re.compile(r"[\u0600-\u06FF]")


def load_doc(lang: str) -> dict[str, Any]:
    """The demo document of a language, read straight from disk."""
    return json.loads((DEMO_DIR / f"demo.{lang}.json").read_text("utf-8"))


def load(lang: str) -> Workshop:
    return workshop_from_dict(load_doc(lang))


def free_texts(w: Workshop) -> Iterator[tuple[str, str]]:
    """(where, text) for every non-empty free-text field a person wrote (no ids, keys, e-mails or phones)."""
    yield "meta.title", w.meta.title
    yield "meta.place", w.meta.place
    yield "meta.facilitator", w.meta.facilitator
    for p in w.participants:
        yield f"participant {p.id}", p.name
        yield f"participant {p.id} organisation", p.organisation
    for question, items in w.needs:
        for item in items:
            yield f"needs.{question} {item.id}", item.text
            yield f"needs.{question} {item.id} author", item.author
    for q, answer in w.readiness.items():
        yield f"readiness.{q}", answer.note
    for s in w.swot:
        yield f"swot {s.id}", s.text
        yield f"swot {s.id} author", s.author
    for group in (w.trends, w.problems, w.opportunities):
        for entry in group:
            yield f"{type(entry).__name__} {entry.id}", entry.text
    for d in w.mission.drafts:
        for part in ("who", "change", "for_whom", "how", "text"):
            yield f"draft {d.id}.{part}", getattr(d, part)
        for version in d.history:
            yield f"draft {d.id} history", version.text
    yield "vision", w.mission.vision
    for p in w.partners:
        for part in ("organisation", "contact_person", "role", "contribution", "barriers", "notes"):
            yield f"partner {p.id}.{part}", getattr(p, part)
        for f in p.follow_ups:
            yield f"follow-up {f.id}", f.text
    yield "coalition_type.reason", w.coalition_type.reason
    for c in w.structure.committees:
        for part in ("name", "cadence", "decision_authority"):
            yield f"committee {c.id}.{part}", getattr(c, part)
        for m in c.members:
            yield f"member {m.id}", m.name
    for g in w.goals:
        yield f"goal {g.id}", g.text
        yield f"goal {g.id} convener", g.convener
        for plan in g.plans:
            yield f"plan {plan.id}.task", plan.task
            yield f"plan {plan.id}.criteria", plan.criteria
    for r in w.ground_rules.rules:
        yield f"rule {r.id}", r.text
    yield "reopen_rule", w.ground_rules.reopen_rule
    yield "executive_may_decide", w.ground_rules.executive_may_decide
    for item in w.evaluation.next_steps:
        yield f"next step {item.id}", item.text
        yield f"next step {item.id} author", item.author
    for step, note in w.facilitator_notes.items():
        yield f"facilitator note {step}", note


def committee(w: Workshop, kind: str) -> list[Any]:
    return [c for c in w.structure.committees if c.kind == kind]


# --------------------------------------------------------------------------- validity and round trip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_demo_validates_and_matches_its_language(lang: str) -> None:
    w = load(lang)
    assert w.schema_version == SCHEMA_VERSION
    assert w.meta.language == lang
    assert w.meta.date is not None and w.meta.date.isoformat() == "2026-10-14"
    assert w.meta.approach == 75
    assert w.last_step in STEPS


@pytest.mark.parametrize("lang", LANGUAGES)
def test_json_round_trip_loses_nothing(lang: str) -> None:
    doc = load_doc(lang)
    w = workshop_from_dict(doc)
    dumped = workshop_to_dict(w)
    # The file is stored in the normalised form: nothing is added, dropped or changed.
    assert dumped == doc
    again = workshop_from_dict(json.loads(json.dumps(dumped, ensure_ascii=False)))
    assert again == w
    assert workshop_to_dict(again) == dumped


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ids_are_unique_in_each_collection(lang: str) -> None:
    w = load(lang)
    members = [m.id for c in w.structure.committees for m in c.members]
    plans = [p.id for g in w.goals for p in g.plans]
    collections = {
        "participants": [p.id for p in w.participants],
        "swot": [s.id for s in w.swot],
        "trends": [t.id for t in w.trends],
        "problems": [p.id for p in w.problems],
        "opportunities": [o.id for o in w.opportunities],
        "drafts": [d.id for d in w.mission.drafts],
        "partners": [p.id for p in w.partners],
        "committees": [c.id for c in w.structure.committees],
        "members": members,
        "goals": [g.id for g in w.goals],
        "plans": plans,
        "rules": [r.id for r in w.ground_rules.rules],
        "ratings": [r.id for r in w.evaluation.ratings],
    }
    for name, ids in collections.items():
        duplicates = [i for i, n in Counter(ids).items() if n > 1]
        assert not duplicates, f"{name}: duplicate ids {duplicates}"


# --------------------------------------------------------------------------- cross-references


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cross_reference_resolves(lang: str) -> None:
    w = load(lang)
    swot = {s.id: s.kind for s in w.swot}
    opportunities = {o.id for o in w.opportunities}
    partners = {p.id for p in w.partners}
    participants = {p.id for p in w.participants}
    work_groups = {c.id for c in committee(w, "work-group")}

    for problem in w.problems:
        assert problem.swot_id is None or swot[problem.swot_id] in ("weakness", "threat"), problem.id
        assert set(problem.opportunity_ids) <= opportunities, problem.id
    for opportunity in w.opportunities:
        assert opportunity.swot_id is None or swot[opportunity.swot_id] == "opportunity", opportunity.id
    assert w.mission.adopted() is not None
    for c in w.structure.committees:
        for m in c.members:
            assert m.partner_id is None or m.partner_id in partners, m.id
            assert m.participant_id is None or m.participant_id in participants, m.id
            if m.partner_id:
                assert m.sector == w.partner(m.partner_id).sector, f"{m.id}: sector not copied from the partner"
    for goal in w.goals:
        assert goal.work_group_id in work_groups, goal.id
        for plan in goal.plans:
            assert plan.responsible_partner_id in partners, plan.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_references_are_actually_used(lang: str) -> None:
    """The demo shows the links the screens draw: seeded items, linked problems, picked partners."""
    w = load(lang)
    assert sum(1 for p in w.problems if p.swot_id) >= 2
    assert sum(1 for o in w.opportunities if o.swot_id) >= 2
    assert sum(1 for p in w.problems if p.opportunity_ids) >= 5
    strategic = committee(w, "strategic")[0]
    assert sum(1 for m in strategic.members if m.partner_id) > len(strategic.members) // 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_etiquette_sources_and_poll_questions_exist_in_the_catalogue(lang: str) -> None:
    catalogue = load_catalogue(lang)
    w = load(lang)
    for rule in w.ground_rules.rules:
        if rule.source:
            assert catalogue.has(rule.source), rule.source
    for rating in w.evaluation.ratings:
        assert catalogue.has(f"poll.questions.{rating.question}"), rating.question


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_is_filled(lang: str) -> None:
    w = load(lang)
    assert len(w.participants) >= 12
    assert all(2 <= len(items) <= 4 for _, items in w.needs)
    assert all(w.readiness[q].answer is not None for q in w.readiness)
    assert [q for q, a in w.readiness.items() if a.answer == "unsure"] == ["q6"]
    assert w.readiness["q6"].note.strip()
    assert {k: len(w.swot_of(k)) for k in ("strength", "weakness", "opportunity", "threat")} == dict.fromkeys(
        ("strength", "weakness", "opportunity", "threat"), 6
    )
    assert len(w.trends) == 5 and {t.source for t in w.trends} == {"stories", "experience", "data"}
    assert len(w.problems) >= 5 and len(w.opportunities) >= 5
    assert len(w.mission.drafts) == 3 and w.mission.vision.strip()
    assert any(len(d.history) == 2 for d in w.mission.drafts)
    assert len(w.partners) >= 12
    assert w.coalition_type.chosen == "ongoing-coalition" == suggest_type(w.coalition_type.answers)
    assert 3 <= len(w.goals) <= 4 and all(1 <= len(g.plans) <= 3 for g in w.goals)
    assert {g.kind for g in w.goals} == {"specific", "comprehensive"}
    assert {r.status for r in w.ground_rules.rules} == {"adopted", "proposed", "dropped"}
    assert any(r.category == "own" for r in w.ground_rules.rules)
    assert set(w.evaluation.eight_steps) == {str(n) for n in range(1, 9)}
    assert 8 <= len(w.evaluation.ratings) <= 12
    assert set(w.evaluation.indicators) == {"1", "2", "3", "4"}
    assert w.timing.dots_per_participant == 3
    assert 2 <= len(w.facilitator_notes) <= 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dot_votes_match_the_dots_handed_out(lang: str) -> None:
    w = load(lang)
    dots = len(w.participants) * w.timing.dots_per_participant
    assert sum(s.votes for s in w.swot) == dots
    assert sum(p.votes for p in w.problems) == dots
    assert sum(g.votes for g in w.goals) == dots


@pytest.mark.parametrize("lang", LANGUAGES)
def test_all_seven_sectors_and_the_whole_pipeline(lang: str) -> None:
    w = load(lang)
    assert {p.sector for p in w.partners} == set(SECTORS)
    assert {p.status for p in w.partners} == {"identified", "contacted", "met", "committed", "signed"}
    for p in w.partners:
        assert p.contact_person and p.email and p.phone, p.id
        assert p.email.endswith(("@example.org", "@example.com")), p.email


@pytest.mark.parametrize("lang", LANGUAGES)
def test_follow_ups_are_overdue_done_and_upcoming(lang: str) -> None:
    import datetime as dt

    w = load(lang)
    today = dt.date(2026, 11, 27)
    follow_ups = [f for p in w.partners for f in p.follow_ups]
    assert any(f.done for f in follow_ups)
    assert len(follow_ups_due(w, today)) >= 2
    assert any(not f.done and f.due > today for f in follow_ups)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_committees_have_the_manuals_shape(lang: str) -> None:
    w = load(lang)
    (strategic,) = committee(w, "strategic")
    (executive,) = committee(w, "executive")
    assert len(strategic.members) == 21
    assert sum(1 for m in strategic.members if m.sector == "community") >= 2
    assert len(executive.members) == 10
    roles = Counter(m.role for m in executive.members)
    assert roles["chair"] == 1 and roles["vice-chair"] == 1
    assert roles["chair"] + roles["vice-chair"] + roles["officer"] == 5
    assert roles["convener"] == 3 and roles["strategic-rep"] == 2
    chair = next(m for m in executive.members if m.role == "chair")
    assert chair.sector == "community"
    assert len(committee(w, "work-group")) == 3
    assert len(committee(w, "staff")) == 1


def test_arabic_demo_is_written_in_arabic() -> None:
    w = load("ar")
    texts = [(where, text) for where, text in free_texts(w) if text.strip()]
    assert len(texts) > 300
    latin_only = [where for where, text in texts if not ARABIC.search(text)]
    assert not latin_only, f"fields without Arabic: {latin_only[:10]}"


def test_english_demo_has_no_arabic() -> None:
    arabic = [where for where, text in free_texts(load("en")) if ARABIC.search(text)]
    assert not arabic, arabic[:10]


def test_both_demos_share_one_structure() -> None:
    en, ar = load("en"), load("ar")

    def shape(w: Workshop) -> dict[str, Any]:
        return {
            "participants": [p.id for p in w.participants],
            "swot": [(s.id, s.kind, s.votes) for s in w.swot],
            "problems": [(p.id, p.swot_id, p.opportunity_ids) for p in w.problems],
            "partners": [(p.id, p.sector, p.status) for p in w.partners],
            "committees": [(c.id, c.kind, [(m.id, m.role) for m in c.members]) for c in w.structure.committees],
            "goals": [(g.id, g.work_group_id, [p.id for p in g.plans]) for g in w.goals],
        }

    assert shape(en) == shape(ar)
    assert en.meta.title != ar.meta.title


# --------------------------------------------------------------------------- findings


@pytest.mark.parametrize("lang", LANGUAGES)
def test_demo_shows_a_few_deliberate_findings(lang: str) -> None:
    w = load(lang)
    findings = all_findings(w)
    codes = Counter(f.code for f in findings)
    for code in ("problem-unlinked", "member-not-delegate", "plan-no-criteria"):
        assert codes[code] >= 1, code
    assert len(findings) <= 8, codes
    unlinked = {f.target for f in findings if f.code == "problem-unlinked"}
    assert unlinked == {p.id for p in w.problems if not p.opportunity_ids}
