"""The session agenda: planned minutes per step against the time used, and the dots each
participant may spend. Pure functions on the Workshop; never imports Textual.

Planned minutes come from `workshop.timing.timeboxes` (the facilitator's change) or,
when a step has none, from the step's suggested timebox (`workshop.core.steps.registry`). Used time is the
seconds in `workshop.timing.spent`; for the step being worked on the caller passes the
live figure (`Session.step_elapsed()`, which already includes earlier visits).
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.core.model import Workshop
from workshop.core.steps.registry import STEP_IDS, suggested_timebox

#: Shortest and longest timebox a step may have (minutes).
TIMEBOX_MIN = 1
TIMEBOX_MAX = 240
#: How far one key press moves a timebox (minutes).
TIMEBOX_STEP = 5
#: Fewest and most dots a participant may have (the model's bounds).
DOTS_MIN = 0
DOTS_MAX = 50


@dataclass(frozen=True)
class AgendaRow:
    """One step of the agenda."""

    step: str
    #: 1-based position in the method.
    number: int
    #: Planned minutes (the facilitator's timebox or the suggestion).
    planned: int
    #: The catalogue's suggestion for this step (minutes).
    suggested: int
    #: Seconds used so far (the live visit included for the current step).
    used_seconds: int
    #: Whether this is the step being worked on now.
    current: bool

    @property
    def changed(self) -> bool:
        """Whether the planned minutes differ from the suggestion."""
        return self.planned != self.suggested

    @property
    def used(self) -> int:
        """Used time in whole minutes, rounded to the nearest minute."""
        return seconds_to_minutes(self.used_seconds)

    @property
    def started(self) -> bool:
        """Whether any time has been used on the step (the current one counts as started)."""
        return self.current or self.used_seconds > 0

    @property
    def delta(self) -> int | None:
        """Used minus planned minutes (positive: over); None for a step not started."""
        return self.used - self.planned if self.started else None


@dataclass(frozen=True)
class AgendaTotals:
    """The whole session: planned against used."""

    planned: int
    used_seconds: int

    @property
    def used(self) -> int:
        """Used minutes of the whole session, rounded once (not the sum of rounded rows)."""
        return seconds_to_minutes(self.used_seconds)

    @property
    def delta(self) -> int:
        """Used minus planned minutes (negative: time still in the plan)."""
        return self.used - self.planned


def seconds_to_minutes(seconds: int) -> int:
    """Whole minutes, half a minute and more rounding up (never negative)."""
    return max(0, (seconds + 30) // 60)


def clamp_minutes(minutes: int) -> int:
    """A timebox within TIMEBOX_MIN..TIMEBOX_MAX."""
    return max(TIMEBOX_MIN, min(TIMEBOX_MAX, minutes))


def clamp_dots(dots: int) -> int:
    """Dots per participant within DOTS_MIN..DOTS_MAX."""
    return max(DOTS_MIN, min(DOTS_MAX, dots))


def nudge_minutes(minutes: int, direction: int) -> int:
    """One key press up (+1) or down (-1): the next multiple of TIMEBOX_STEP that way, clamped.

    From a multiple of five this is plus or minus five; from 12 it goes to 15 or 10,
    so odd values set elsewhere come back onto the five-minute grid.
    """
    if direction > 0:
        target = (minutes // TIMEBOX_STEP + 1) * TIMEBOX_STEP
    elif direction < 0:
        target = ((minutes - 1) // TIMEBOX_STEP) * TIMEBOX_STEP
    else:
        target = minutes
    return clamp_minutes(target)


def arrow_direction(key: str, rtl: bool) -> int:
    """+1 for more, -1 for less: right is more in English, left in Arabic (mirrored); 0 for other keys."""
    direction = {"right": 1, "left": -1}.get(key, 0)
    return -direction if rtl else direction


def _check_step(step: str) -> None:
    if step not in STEP_IDS:
        raise ValueError(f"unknown step {step!r}")


def planned_minutes(workshop: Workshop, step: str) -> int:
    """Planned minutes of a step: the facilitator's timebox, else the suggestion."""
    _check_step(step)
    return workshop.timing.timeboxes.get(step, suggested_timebox(step))


def agenda_rows(workshop: Workshop, current_step: str | None, elapsed: int | None = None) -> list[AgendaRow]:
    """The twelve steps with planned and used time.

    `elapsed` is the live seconds of the current step (earlier visits included); when
    None the stored `timing.spent` is used for every step.
    """
    spent = workshop.timing.spent
    rows = []
    for number, step in enumerate(STEP_IDS, 1):
        current = step == current_step
        used = elapsed if current and elapsed is not None else spent.get(step, 0)
        rows.append(
            AgendaRow(
                step=step,
                number=number,
                planned=planned_minutes(workshop, step),
                suggested=suggested_timebox(step),
                used_seconds=max(0, int(used)),
                current=current,
            )
        )
    return rows


def agenda_totals(rows: list[AgendaRow]) -> AgendaTotals:
    """Planned minutes and used seconds summed over the rows."""
    return AgendaTotals(planned=sum(r.planned for r in rows), used_seconds=sum(r.used_seconds for r in rows))


def set_timebox(workshop: Workshop, step: str, minutes: int) -> int:
    """Plan `minutes` (clamped) for a step; returns the stored value.

    A value equal to the suggestion is stored as no override, so the suggestion
    applies again if the catalogue changes.
    """
    _check_step(step)
    value = clamp_minutes(minutes)
    if value == suggested_timebox(step):
        workshop.timing.timeboxes.pop(step, None)
    else:
        workshop.timing.timeboxes[step] = value
    return value


def reset_timebox(workshop: Workshop, step: str) -> int:
    """Back to the suggestion; returns the suggested minutes."""
    _check_step(step)
    workshop.timing.timeboxes.pop(step, None)
    return suggested_timebox(step)


def set_dots(workshop: Workshop, dots: int) -> int:
    """Dots each participant may spend (clamped); returns the stored value."""
    value = clamp_dots(dots)
    workshop.timing.dots_per_participant = value
    return value


def most_dots_spent(workshop: Workshop) -> int:
    """The most dots already spent on any one votable list (SWOT, problems, opportunities, goals)."""
    lists = (workshop.swot, workshop.problems, workshop.opportunities, workshop.goals)
    return max(sum(item.votes for item in items) for items in lists)


def format_delta(delta: int | None) -> str:
    """"+5", "−3", "0", or "—" for a step not started (the minus is U+2212, the dash U+2014)."""
    if delta is None:
        return "—"
    if delta > 0:
        return f"+{delta}"
    if delta < 0:
        return f"−{-delta}"
    return "0"
