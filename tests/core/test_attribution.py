"""@Name attribution: one parser, one way of showing it, in every list the hint promises it."""

from __future__ import annotations

import pytest

from workshop.core.attribution import for_editing, set_from_typed, split_author, with_author
from workshop.core.model import MAX_SHORT, GroundRule, Item, Meta, Problem, SwotItem, Trend, Workshop
from workshop.core.steps.mapping import seed_mapping, split_trend

NAMES = {"stories": "Stories", "experience": "Experience", "data": "Data"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Strong clinics @Huda", ("Strong clinics", "Huda")),
        ("Strong clinics @Fatima Hassan", ("Strong clinics", "Fatima Hassan")),
        ("Strong clinics  @ Huda ", ("Strong clinics", "Huda")),
        ("email me@x.org", ("email me@x.org", "")),
        ("@only", ("@only", "")),
        ("ends with @", ("ends with @", "")),
        ("two @Ali then @Huda", ("two @Ali then", "Huda")),
        ("عيادات موثوقة @هدى", ("عيادات موثوقة", "هدى")),
        ("line\nbreak @Na\nme", ("line\nbreak @Na\nme", "")),
        ("text @" + "x" * (MAX_SHORT + 1), ("text @" + "x" * (MAX_SHORT + 1), "")),
    ],
)
def test_split_author(typed: str, expected: tuple[str, str]) -> None:
    assert split_author(typed) == expected


def test_shown_and_edited_forms_round_trip() -> None:
    assert with_author("Turf wars", "Lena") == "Turf wars — Lena"
    assert with_author("Turf wars", "  ") == "Turf wars"
    assert for_editing("Turf wars", "Lena") == "Turf wars @Lena"
    assert split_author(for_editing("Turf wars", "Lena")) == ("Turf wars", "Lena")
    assert for_editing("Turf wars", "") == "Turf wars"


def test_an_edit_sets_changes_or_removes_the_author() -> None:
    item = Item(text="Turf wars", author="Lena")
    set_from_typed(item, "Turf wars between units @Fatima")
    assert (item.text, item.author) == ("Turf wars between units", "Fatima")
    set_from_typed(item, "Turf wars between units")
    assert (item.text, item.author) == ("Turf wars between units", "")
    rule = GroundRule(text="x")
    set_from_typed(rule, "Phones off @Omar")
    assert (rule.text, rule.author) == ("Phones off", "Omar")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Rents up #data @Lena", ("Rents up", "data", "Lena")),
        ("Rents up @Lena #data", ("Rents up", "data", "Lena")),
        ("Rents up @Lena", ("Rents up", None, "Lena")),
        ("Rents up #st", ("Rents up", "stories", "")),
        ("Rents up", ("Rents up", None, "")),
    ],
)
def test_trends_take_a_source_and_an_author_in_either_order(typed: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert split_trend(typed, NAMES) == expected


def test_problems_and_opportunities_seeded_from_the_swot_keep_who_said_them() -> None:
    workshop = Workshop(meta=Meta(title="t"))
    workshop.swot = [
        SwotItem(kind="threat", text="Budget cuts", author="Omar"),
        SwotItem(kind="opportunity", text="New fund", author="Huda"),
    ]
    seed_mapping(workshop)
    assert [(p.text, p.author) for p in workshop.problems] == [("Budget cuts", "Omar")]
    assert [(o.text, o.author) for o in workshop.opportunities] == [("New fund", "Huda")]


def test_every_attributed_list_has_an_author_field() -> None:
    for model in (Item, SwotItem, Trend, Problem, GroundRule):
        assert "author" in model.model_fields
