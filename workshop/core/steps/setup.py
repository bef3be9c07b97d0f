"""Setup step: who is in the room (participants typed as one line each), the date, the approach slider.

The step's rule and edits live here with the helpers that turn typed text into values.
This module never imports Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from workshop.core.model import (
    SECTORS,
    Workshop,
)
from workshop.core.parse import NotADate, date_incomplete, read_date
from workshop.core.steps.step import Step

#: How far one key press moves the approach slider.
APPROACH_STEP = 10


# --------------------------------------------------------------------------- setup


@dataclass(frozen=True)
class ParticipantFields:
    """A participant typed as "Name, Organisation, sector"."""

    name: str
    organisation: str = ""
    sector: str | None = None
    #: The sector word that matched no known sector ("" when none was typed or it matched).
    unknown_sector: str = ""


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def match_sector(word: str, names: Mapping[str, str]) -> str | None:
    """The sector id for a typed word: its id, its name, or a unique start of either (case-blind)."""
    folded = _fold(word)
    if not folded:
        return None
    for sector in SECTORS:
        if folded in (_fold(sector), _fold(names.get(sector, ""))):
            return sector
    starts = [
        sector
        for sector in SECTORS
        if _fold(sector).startswith(folded) or _fold(names.get(sector, "")).startswith(folded)
    ]
    return starts[0] if len(starts) == 1 else None


def parse_participant(text: str, sector_names: Mapping[str, str]) -> ParticipantFields | None:
    """Split quick-add text on commas (Arabic "،" too); None when no name was typed.

    A third part that names no known sector is kept in `unknown_sector` so the
    screen can say so; more than three parts join the organisation.
    """
    parts = [p.strip() for p in text.replace("،", ",").split(",")]
    name = parts[0] if parts else ""
    if not name:
        return None
    organisation = parts[1] if len(parts) > 1 else ""
    sector_word = ""
    if len(parts) > 2:
        sector_word = parts[-1]
        organisation = ", ".join(p for p in parts[1:-1] if p)
    sector = match_sector(sector_word, sector_names) if sector_word else None
    unknown = sector_word if sector_word and sector is None else ""
    return ParticipantFields(name, organisation, sector, unknown)


def participant_line(name: str, organisation: str, sector_name: str, *, arabic: bool = False) -> str:
    """One participant as a list row: "Name, Organisation, Sector" without empty parts."""
    separator = "، " if arabic else ", "
    return separator.join(p for p in (name, organisation, sector_name) if p)


class BadDate(ValueError):
    """A date the user typed that is not a calendar date in YYYY-MM-DD form."""


def parse_date(text: str) -> dt.date | None:
    """The setup date (`workshop.core.parse.read_date`); None for empty text; BadDate otherwise."""
    try:
        return read_date(text)
    except NotADate:
        raise BadDate(text) from None


def move_approach(value: int, steps: int) -> int:
    """The approach after `steps` key presses (each APPROACH_STEP), kept within 0..100."""
    return max(0, min(100, value + steps * APPROACH_STEP))


def approach_leaning(value: int) -> str:
    """Which model the approach leans to: "betterment", "empowerment" or "between"."""
    if value < 50:
        return "betterment"
    if value > 50:
        return "empowerment"
    return "between"


def approach_bar(value: int, width: int, *, mirrored: bool = False) -> str:
    """A text scale of `width` cells with a marker at `value` (mirrored: 100 at the left)."""
    width = max(3, width)
    position = round(value / 100 * (width - 1))
    if mirrored:
        position = width - 1 - position
    cells = ["─"] * width
    cells[position] = "●"
    return "".join(cells)


# --------------------------------------------------------------------------- mission


__all__ = [
    "APPROACH_STEP",
    "BadDate",
    "ParticipantFields",
    "approach_bar",
    "approach_leaning",
    "date_incomplete",
    "match_sector",
    "move_approach",
    "parse_date",
    "parse_participant",
    "participant_line",
]


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return bool(workshop.meta.facilitator.strip() and workshop.participants)


STEP = Step(
    id="setup",
    timebox=10,
    screen="setup:SetupScreen",
    done=done,
    report=("setup",),
    text=("steps.setup", "screen.setup"),
)
