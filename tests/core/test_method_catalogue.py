"""The method catalogues (`content/method.{en,ar}.toml`) are complete, parallel and faithful.

The files are read directly with tomllib (not through `load_catalogue`), so these tests
do not depend on the other catalogue parts existing yet.
"""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path
from typing import Any

import pytest

from workshop.core.content import flatten  # plural tables are leaves
from workshop.core.model import (
    COALITION_TYPES,
    COMMITTEE_KINDS,
    GOAL_CATEGORIES,
    MEMBER_ROLES,
    NEEDS_QUESTIONS,
    PARTNER_STATUSES,
    READINESS_QUESTIONS,
    SECTORS,
    STAGES,
    STEPS,
    SWOT_KINDS,
)
from workshop.core.steps.coalition_type import TYPE_SIGNALS
from workshop.core.steps.registry import FINDING_CODES

CONTENT = Path(__file__).resolve().parents[2] / "content"
LANGUAGES = ("en", "ar")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")

#: The placeholders each finding's rule supplies (see workshop/rules.py).
FINDING_PARAMS: dict[str, set[str]] = {
    "readiness-rethink": {"questions"},
    "readiness-unsure": {"questions"},
    "readiness-incomplete": {"questions"},
    "sector-missing": {"sector"},
    "strategic-small": {"count", "expected"},
    "strategic-large": {"count", "expected"},
    "strategic-community": {"count"},
    "executive-size": {"count"},
    "executive-officers": {"count"},
    "executive-conveners": {"count"},
    "executive-reps": {"count"},
    "problem-unlinked": {"problem"},
    "goal-without-plan": {"goal"},
    "goal-without-convener": {"goal"},
    "plan-no-owner": {"task"},
    "plan-no-dates": {"task"},
    "plan-no-criteria": {"task"},
    "plan-no-budget": {"task"},
    "plan-no-support": {"task"},
    "member-not-delegate": {"name"},
    "swot-quadrant-empty": {"kinds"},
}


def load(language: str) -> dict[str, Any]:
    """One method catalogue, parsed."""
    return tomllib.loads((CONTENT / f"method.{language}.toml").read_text(encoding="utf-8"))


def placeholders(text: str | dict[str, str]) -> set[str]:
    """The `{name}` fields of a format string (of every form of a CLDR plural table)."""
    if isinstance(text, dict):
        return set().union(*(placeholders(form) for key, form in text.items() if key != "of"))
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.fixture(scope="module")
def catalogues() -> dict[str, dict[str, Any]]:
    return {lang: load(lang) for lang in LANGUAGES}


@pytest.fixture(scope="module")
def flat(catalogues: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {lang: flatten(tree) for lang, tree in catalogues.items()}


def test_both_languages_have_the_same_keys(flat: dict[str, dict[str, Any]]) -> None:
    en, ar = set(flat["en"]), set(flat["ar"])
    assert sorted(en - ar) == [] and sorted(ar - en) == []
    assert len(en) > 300


def test_no_empty_text_or_list_entry(flat: dict[str, dict[str, Any]]) -> None:
    problems = []
    for lang, leaves in flat.items():
        for key, value in leaves.items():
            if isinstance(value, str) and not value.strip():
                problems.append(f"{lang}:{key}")
            elif isinstance(value, list):
                if not value or any(not isinstance(v, str) or not v.strip() for v in value):
                    problems.append(f"{lang}:{key}")
            elif isinstance(value, dict):  # a CLDR plural table: every form written
                if any(not isinstance(v, str) or not v.strip() for v in value.values()):
                    problems.append(f"{lang}:{key}")
            elif not isinstance(value, (str, list)):
                problems.append(f"{lang}:{key} is {type(value).__name__}")
    assert problems == []


def test_lists_have_the_same_length_in_both_languages(flat: dict[str, dict[str, Any]]) -> None:
    lists = {k for k, v in flat["en"].items() if isinstance(v, list)}
    assert lists
    assert sorted(k for k in lists if len(flat["en"][k]) != len(flat["ar"].get(k, []))) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_has_short_title_why_questions_and_example(
    catalogues: dict[str, dict[str, Any]], language: str
) -> None:
    steps = catalogues[language]["steps"]
    assert set(steps) == set(STEPS)
    for step in STEPS:
        entry = steps[step]
        assert 0 < len(entry["title"]) <= 16, (step, entry["title"])
        assert 3 <= len(entry["questions"]) <= 5, step
        assert entry["why"] and entry["example"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_findings_cover_every_code_with_the_rule_placeholders(
    catalogues: dict[str, dict[str, Any]], language: str
) -> None:
    findings = catalogues[language]["findings"]
    assert set(findings) == set(FINDING_CODES)
    for code in FINDING_CODES:
        message, reason = findings[code]["message"], findings[code]["reason"]
        assert placeholders(message) <= FINDING_PARAMS.get(code, set()), code
        assert placeholders(reason) == set(), code


def test_finding_placeholders_match_between_languages(catalogues: dict[str, dict[str, Any]]) -> None:
    en, ar = catalogues["en"]["findings"], catalogues["ar"]["findings"]
    mismatched = [c for c in FINDING_CODES if placeholders(en[c]["message"]) != placeholders(ar[c]["message"])]
    assert mismatched == []
    # The rules that pass parameters have their values shown, not silently dropped.
    assert all(placeholders(en[c]["message"]) == names for c, names in FINDING_PARAMS.items())


def test_no_other_text_has_placeholders(flat: dict[str, dict[str, Any]]) -> None:
    for leaves in flat.values():
        stray = [k for k, v in leaves.items() if isinstance(v, str) and not k.startswith("findings.") and placeholders(v)]
        assert stray == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_lists_are_complete(catalogues: dict[str, dict[str, Any]], language: str) -> None:
    cat = catalogues[language]
    assert len(cat["approach"]["empowerment"]["activities"]) == 16
    assert all(" — " in a for a in cat["approach"]["empowerment"]["activities"])
    assert len(cat["approach"]["empowerment"]["principles"]) >= 8
    assert len(cat["approach"]["betterment"]["activities"]) == 7
    assert len(cat["approach"]["betterment"]["principles"]) == 6
    assert tuple(cat["readiness"]["questions"]) == READINESS_QUESTIONS
    assert set(cat["readiness"]["answers"]) == {"yes", "no", "unsure"}
    assert set(cat["readiness"]["verdict"]) == {"proceed", "rethink", "incomplete"}
    assert [len(cat["readiness"]["next"][k]) for k in ("proceed", "rethink")] == [3, 3]
    assert set(cat["needs"]["questions"]) == set(NEEDS_QUESTIONS)
    assert set(cat["eight_steps"]) == {str(n) for n in range(1, 9)}
    assert set(cat["indicators"]) == {"1", "2", "3", "4"}
    assert set(cat["etiquette"]["understanding"]) == {"u1", "u2"}
    assert set(cat["etiquette"]["norms"]) == {f"n{n}" for n in range(1, 7)}
    assert set(cat["etiquette"]["procedures"]) == {f"p{n}" for n in range(1, 6)}
    assert len(cat["coalitions"]["three_reasons"]) == 3
    assert len(cat["networking"]["tools"]) == 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_names_exist_for_every_schema_value(catalogues: dict[str, dict[str, Any]], language: str) -> None:
    cat = catalogues[language]
    assert set(cat["sectors"]) == set(SECTORS)
    assert set(cat["partner_status"]) == set(PARTNER_STATUSES)
    assert set(cat["stages"]) == set(STAGES)
    assert set(cat["swot"]["kinds"]) == set(SWOT_KINDS)
    assert set(cat["governance"]) == set(COMMITTEE_KINDS)
    assert set(cat["member_roles"]) == set(MEMBER_ROLES)
    assert set(cat["goal_categories"]) == set(GOAL_CATEGORIES)
    assert set(cat["mission"]["parts"]) == set(cat["mission"]["example_parts"]) == {"who", "change", "for_whom", "how"}
    types = {k: v for k, v in cat["coalition_types"].items() if k != "properties"}
    assert set(types) == set(COALITION_TYPES) == set(cat["type_reasons"])
    for entry in types.values():
        assert set(entry) == {"name"} | set(cat["coalition_types"]["properties"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_type_questions_offer_every_option_the_rules_weigh(
    catalogues: dict[str, dict[str, Any]], language: str
) -> None:
    questions = catalogues[language]["type_questions"]
    assert set(questions) == set(TYPE_SIGNALS)
    for question, options in TYPE_SIGNALS.items():
        assert set(questions[question]["options"]) == set(options), question


def test_arabic_texts_are_arabic(flat: dict[str, dict[str, Any]]) -> None:
    not_arabic = []
    for key, value in flat["ar"].items():
        texts = value if isinstance(value, list) else [value]
        not_arabic += [f"{key}: {t}" for t in texts if not ARABIC_LETTER.search(t)]
    assert not_arabic == []


def test_arabic_uses_western_digits_and_arabic_commas(flat: dict[str, dict[str, Any]]) -> None:
    eastern = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
    latin_comma_between_arabic = re.compile(r"[\u0621-\u064a],\s*[\u0621-\u064a]")
    problems = []
    for key, value in flat["ar"].items():
        for text in value if isinstance(value, list) else [value]:
            if eastern.search(text) or latin_comma_between_arabic.search(text):
                problems.append(f"{key}: {text}")
    assert problems == []


def test_english_texts_are_not_arabic(flat: dict[str, dict[str, Any]]) -> None:
    leaves = flat["en"].values()
    texts = [t for v in leaves for t in (v if isinstance(v, list) else v.values() if isinstance(v, dict) else [v])]
    assert texts and not any(ARABIC_LETTER.search(t) for t in texts)


def test_the_manual_mission_example_is_the_child_health_mission(catalogues: dict[str, dict[str, Any]]) -> None:
    assert "low-income" in catalogues["en"]["mission"]["example"]
    assert "six" in catalogues["en"]["mission"]["example"]
    assert "الدخل المنخفض" in catalogues["ar"]["mission"]["example"]
    assert "السادسة" in catalogues["ar"]["mission"]["example"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_manuals_example_parts_compose_one_sentence(language: str) -> None:
    """ctrl+r's composer joins the parts with the catalogue's words (screen.mission.compose.*): the manual's
    example reads as one sentence in each language; an empty part leaves its words out; a part
    that starts with its own words does not get them twice; nothing typed, nothing composed."""
    from workshop.core.content import load_catalogue
    from workshop.core.steps.mission import compose_mission

    cat = load_catalogue(language)

    def words(key: str, **params: str) -> str:
        return cat.t(f"screen.mission.compose.{key}", **params)

    example = compose_mission(cat.section("mission.example_parts"), words)
    expected = {
        "en": "We, the neighbourhood's child-health initiative, work towards strategies and programmes that respond "
        "effectively to complex health-care needs for children from low-income families, from infancy to six years "
        "of age, by creating such strategies and programmes and advocating for them.",
        "ar": "نحن، مبادرة صحة الأطفال في الحي، نعمل من أجل استراتيجيات وبرامج تستجيب بفاعلية للاحتياجات المعقدة "
        "للرعاية الصحية لصالح الأطفال من الأسر ذات الدخل المنخفض منذ الرضاعة حتى سن السادسة، بإنشاء هذه "
        "الاستراتيجيات والبرامج والدفاع عنها.",
    }
    assert example == expected[language]
    if language == "en":
        assert compose_mission({"change": " better health. "}, words) == "We work towards better health."
        assert compose_mission({"who": "parents", "for_whom": "For all families"}, words) == "We, parents, work for all families."
    else:
        assert compose_mission({"how": "عبر المناصرة"}, words) == "نحن نعمل، عبر المناصرة."
        assert compose_mission({"for_whom": "لصالح الأسر"}, words) == "نحن نعمل لصالح الأسر."
    assert compose_mission({"who": " ", "how": ""}, words) == ""
