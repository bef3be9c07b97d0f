"""The agenda's pure rules: planned minutes, rows, totals, nudging and clamping."""

from __future__ import annotations

import pytest

from workshop.core.model import STEPS, Goal, Meta, SwotItem, Workshop
from workshop.core.steps import agenda as core
from workshop.core.steps.registry import suggested_timebox


def make_workshop() -> Workshop:
    return Workshop(meta=Meta(title="t"))


def test_planned_minutes_is_the_override_or_the_suggestion() -> None:
    workshop = make_workshop()
    assert core.planned_minutes(workshop, "swot") == suggested_timebox("swot") == 25
    workshop.timing.timeboxes["swot"] = 40
    assert core.planned_minutes(workshop, "swot") == 40
    with pytest.raises(ValueError, match="unknown step"):
        core.planned_minutes(workshop, "lunch")


def test_rows_cover_the_twelve_steps_in_order_with_the_current_one_marked() -> None:
    workshop = make_workshop()
    workshop.timing.spent = {"setup": 540, "swot": 1920}
    rows = core.agenda_rows(workshop, "swot")
    assert [r.step for r in rows] == list(STEPS)
    assert [r.number for r in rows] == list(range(1, 13))
    assert [r.step for r in rows if r.current] == ["swot"]
    setup, swot = rows[0], rows[3]
    assert (setup.planned, setup.used, setup.delta) == (10, 9, -1)
    assert (swot.planned, swot.used, swot.delta) == (25, 32, 7)
    needs = rows[1]
    assert needs.used_seconds == 0 and not needs.started and needs.delta is None


def test_the_live_visit_replaces_the_stored_time_of_the_current_step_only() -> None:
    workshop = make_workshop()
    workshop.timing.spent = {"setup": 600, "swot": 600}
    rows = core.agenda_rows(workshop, "swot", elapsed=600 + 125)
    assert rows[3].used_seconds == 725 and rows[3].used == 12
    assert rows[0].used_seconds == 600
    # The current step counts as started even before its first second.
    fresh = core.agenda_rows(make_workshop(), "needs", elapsed=0)[1]
    assert fresh.started and fresh.delta == -20


def test_totals_sum_planned_minutes_and_round_used_seconds_once() -> None:
    workshop = make_workshop()
    workshop.timing.spent = {"setup": 29, "needs": 29}  # each rounds to 0, together to 1
    totals = core.agenda_totals(core.agenda_rows(workshop, None))
    assert totals.planned == sum(suggested_timebox(s) for s in STEPS) == 185
    assert totals.used_seconds == 58 and totals.used == 1
    assert totals.delta == 1 - 185


def test_changed_marks_only_steps_that_differ_from_the_suggestion() -> None:
    workshop = make_workshop()
    workshop.timing.timeboxes = {"swot": 30, "needs": 20}
    changed = [r.step for r in core.agenda_rows(workshop, None) if r.changed]
    assert changed == ["swot"]


@pytest.mark.parametrize(
    ("minutes", "direction", "expected"),
    [
        (25, 1, 30),
        (25, -1, 20),
        (12, 1, 15),
        (12, -1, 10),
        (1, 1, 5),
        (5, -1, 1),
        (1, -1, 1),
        (240, 1, 240),
        (238, 1, 240),
        (7, 0, 7),
    ],
)
def test_nudge_moves_onto_the_five_minute_grid_within_bounds(minutes: int, direction: int, expected: int) -> None:
    assert core.nudge_minutes(minutes, direction) == expected


def test_clamps() -> None:
    assert [core.clamp_minutes(v) for v in (-3, 0, 1, 90, 240, 999)] == [1, 1, 1, 90, 240, 240]
    assert [core.clamp_dots(v) for v in (-1, 0, 7, 50, 51)] == [0, 0, 7, 50, 50]


def test_set_timebox_stores_a_clamped_override_and_drops_one_equal_to_the_suggestion() -> None:
    workshop = make_workshop()
    assert core.set_timebox(workshop, "swot", 500) == 240
    assert workshop.timing.timeboxes == {"swot": 240}
    assert core.set_timebox(workshop, "swot", 25) == 25
    assert workshop.timing.timeboxes == {}
    core.set_timebox(workshop, "goals", 0)
    assert workshop.timing.timeboxes == {"goals": 1}
    assert core.reset_timebox(workshop, "goals") == 20
    assert workshop.timing.timeboxes == {}
    with pytest.raises(ValueError):
        core.set_timebox(workshop, "lunch", 10)


def test_set_dots_clamps_to_the_model_bounds() -> None:
    workshop = make_workshop()
    assert core.set_dots(workshop, 60) == 50
    assert workshop.timing.dots_per_participant == 50
    assert core.set_dots(workshop, -2) == 0
    assert workshop.timing.dots_per_participant == 0


def test_most_dots_spent_is_the_fullest_single_list() -> None:
    workshop = make_workshop()
    assert core.most_dots_spent(workshop) == 0
    workshop.swot = [SwotItem(kind="strength", text="a", votes=4), SwotItem(kind="threat", text="b", votes=3)]
    workshop.goals = [Goal(text="g", votes=5)]
    assert core.most_dots_spent(workshop) == 7


def test_arrows_are_mirrored_in_arabic() -> None:
    assert (core.arrow_direction("right", False), core.arrow_direction("left", False)) == (1, -1)
    assert (core.arrow_direction("right", True), core.arrow_direction("left", True)) == (-1, 1)
    assert core.arrow_direction("up", False) == 0


def test_format_delta() -> None:
    assert [core.format_delta(v) for v in (5, -3, 0, None)] == ["+5", "−3", "0", "—"]
    assert core.seconds_to_minutes(29) == 0 and core.seconds_to_minutes(30) == 1 and core.seconds_to_minutes(-5) == 0
