"""The schema: validation, migrations, clear errors."""

from __future__ import annotations

import pytest

from workshop.core.model import (
    SCHEMA_VERSION,
    ActionPlan,
    Meta,
    Partner,
    SchemaProblem,
    Workshop,
    migrate,
    workshop_from_dict,
    workshop_to_dict,
)


def test_minimal_workshop_round_trips() -> None:
    workshop = Workshop(meta=Meta(title="Child health", language="ar"))
    doc = workshop_to_dict(workshop)
    assert doc["schema_version"] == SCHEMA_VERSION
    assert set(doc["readiness"]) == {f"q{i}" for i in range(1, 8)}
    assert workshop_from_dict(doc) == workshop


def test_blank_title_is_refused_with_the_field_named() -> None:
    with pytest.raises(SchemaProblem) as caught:
        workshop_from_dict({"schema_version": 1, "meta": {"title": "   "}})
    assert caught.value.key == "errors.invalid_workshop"
    assert "meta.title" in caught.value.params["details"]


def test_unknown_field_is_named() -> None:
    with pytest.raises(SchemaProblem) as caught:
        workshop_from_dict({"schema_version": 1, "meta": {"title": "x"}, "colour": "red"})
    assert "colour" in caught.value.params["details"]


def test_newer_schema_is_refused() -> None:
    with pytest.raises(SchemaProblem) as caught:
        workshop_from_dict({"schema_version": SCHEMA_VERSION + 1, "meta": {"title": "x"}})
    assert caught.value.key == "errors.schema_version_new"


@pytest.mark.parametrize("version", ["1", 1.5, True, None, [1]])
def test_odd_schema_versions_are_refused(version: object) -> None:
    with pytest.raises(SchemaProblem) as caught:
        workshop_from_dict({"schema_version": version, "meta": {"title": "x"}})
    assert caught.value.key == "errors.schema_version_bad"


def test_version_zero_is_migrated() -> None:
    doc = migrate({"title": "Old one", "language": "ar"})
    workshop = workshop_from_dict(doc)
    assert workshop.meta.title == "Old one"
    assert workshop.meta.language == "ar"


@pytest.mark.parametrize("doc", [[], "text", 3, None])
def test_non_objects_are_not_workshops(doc: object) -> None:
    with pytest.raises(SchemaProblem) as caught:
        workshop_from_dict(doc)
    assert caught.value.key == "errors.not_a_workshop"


def test_plan_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="end date"):
        ActionPlan(task="x", start="2026-05-02", end="2026-05-01")


def test_assignment_is_validated() -> None:
    partner = Partner(organisation="Clinic")
    with pytest.raises(ValueError):
        partner.influence = 9
    with pytest.raises(ValueError):
        partner.sector = "church"  # type: ignore[assignment]


def test_hostile_text_is_kept_byte_exact() -> None:
    hostile = "<b>a<b</b> \x1b[31mred\x1b[0m \u202eevil\u202c \x00 \u0651\u0651\u0651 👩‍👩‍👧 " + "x" * 100_000
    workshop = Workshop(meta=Meta(title=hostile[:1000]))
    from workshop.core.model import Item

    workshop.needs.accomplish.append(Item(text=hostile))
    again = workshop_from_dict(workshop_to_dict(workshop))
    assert again.needs.accomplish[0].text == hostile
    assert again.meta.title == hostile[:1000]


def test_oversized_paste_is_refused() -> None:
    from workshop.core.model import MAX_TEXT, Item

    with pytest.raises(ValueError):
        Item(text="x" * (MAX_TEXT + 1))


def test_error_summary_names_the_field() -> None:
    from pydantic import ValidationError

    from workshop.core.model import error_summary

    try:
        Partner(organisation="Clinic", influence=9)
    except ValidationError as error:
        assert error_summary(error).startswith("influence:")
    assert error_summary(ValueError("x" * 500)) == "x" * 200


def test_version_one_files_load_as_they_were() -> None:
    """Version 2 only added fields with defaults (room, authors, drafts, due dates, the next meeting)."""
    old = {
        "schema_version": 1,
        "meta": {"title": "Before the meeting field"},
        "evaluation": {"next_steps": [{"text": "Book the hall", "author": "Huda"}]},
    }
    workshop = workshop_from_dict(old)
    assert workshop.schema_version == SCHEMA_VERSION == 2
    assert workshop.evaluation.next_steps[0].text == "Book the hall"
    assert workshop.evaluation.next_steps[0].due is None
    assert not workshop.evaluation.next_meeting.is_set()
    assert workshop_to_dict(workshop)["schema_version"] == 2


def test_a_version_two_file_keeps_its_next_meeting() -> None:
    doc = {
        "schema_version": 2,
        "meta": {"title": "x"},
        "evaluation": {"next_meeting": {"date": "2026-12-15", "time": "18:00", "place": "Community hall"}},
    }
    meeting = workshop_from_dict(doc).evaluation.next_meeting
    assert (meeting.date.isoformat(), meeting.time, meeting.place) == ("2026-12-15", "18:00", "Community hall")  # type: ignore[union-attr]
