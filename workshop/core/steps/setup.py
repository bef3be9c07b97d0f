"""Pure helpers for the first screens (setup, readiness, mapping, mission): parsing and shaping.

Nothing here decides a method rule (those live in `workshop.core.rules` and `workshop.core.edits`);
these functions turn typed text into values and workshop parts into lines to show.
This module never imports Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from workshop.core.attribution import split_author
from workshop.core.model import (
    READINESS_QUESTIONS,
    SECTORS,
    MissionDraft,
    Trend,
    Workshop,
)
from workshop.core.rules import mapping_findings, readiness_verdict

#: How far one key press moves the approach slider.
APPROACH_STEP = 10
TREND_SOURCES: tuple[str, ...] = ("stories", "experience", "data")


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
    """A YYYY-MM-DD date (Arabic-Indic digits accepted); None for empty text; BadDate otherwise."""
    cleaned = text.strip().translate(_DIGITS)
    if not cleaned:
        return None
    parts = cleaned.split("-")
    if [len(p) for p in parts] != [4, 2, 2] or not all(p.isdigit() for p in parts):
        raise BadDate(text)
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise BadDate(text) from None


def date_incomplete(text: str) -> bool:
    """Whether typed text could still become a YYYY-MM-DD date (shorter, digits and dashes only)."""
    cleaned = text.strip().translate(_DIGITS)
    return 0 < len(cleaned) < 10 and all(ch.isdigit() or ch == "-" for ch in cleaned)


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


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


# --------------------------------------------------------------------------- readiness


@dataclass(frozen=True)
class ReadinessSummary:
    """The verdict and which questions are no, unsure or unanswered (numbers 1..7)."""

    verdict: str
    noes: tuple[int, ...]
    unsure: tuple[int, ...]
    open: tuple[int, ...]


def readiness_summary(workshop: Workshop) -> ReadinessSummary:
    """The live verdict of the checklist, with the questions behind it."""

    def numbers(value: str | None) -> tuple[int, ...]:
        return tuple(
            i + 1 for i, q in enumerate(READINESS_QUESTIONS) if workshop.readiness[q].answer == value
        )

    return ReadinessSummary(readiness_verdict(workshop), numbers("no"), numbers("unsure"), numbers(None))


def answer_mark(answer: str | None) -> str:
    """A fixed-width symbol for an answer, readable in any language."""
    return {"yes": "✓", "no": "✗", "unsure": "?"}.get(answer or "", "·")


# --------------------------------------------------------------------------- mapping


def unlinked_problem_ids(workshop: Workshop) -> set[str]:
    """Ids of problems linked to no existing opportunity (from rules.mapping_findings)."""
    return {f.target for f in mapping_findings(workshop) if f.target}


def linked_opportunities(workshop: Workshop, problem_id: str) -> list[str]:
    """Texts of the opportunities a problem is linked to, in link order (unknown ids skipped)."""
    problem = next((p for p in workshop.problems if p.id == problem_id), None)
    if problem is None:
        return []
    texts = {o.id: o.text for o in workshop.opportunities}
    return [texts[o] for o in problem.opportunity_ids if o in texts]


def map_lines(workshop: Workshop, *, arrow: str = "→", unlinked: str = "—") -> list[str]:
    """The compact map: each problem, then one indented line per linked opportunity.

    A problem with no opportunity gets the `unlinked` text on its own indented line.
    """
    lines: list[str] = []
    for problem in workshop.problems:
        lines.append(f"• {one_line(problem.text)}")
        opportunities = linked_opportunities(workshop, problem.id)
        if not opportunities:
            lines.append(f"   {unlinked}")
        lines.extend(f"   {arrow} {one_line(text)}" for text in opportunities)
    return lines


def next_source(source: str) -> str:
    """The next trend source, round the three."""
    return TREND_SOURCES[(TREND_SOURCES.index(source) + 1) % len(TREND_SOURCES)]


def split_source(text: str, names: Mapping[str, str]) -> tuple[str, str | None]:
    """Quick capture: a trailing "#data" (id or a unique start of a source name) sets the source."""
    head, sep, tail = text.rpartition("#")
    if not sep or not head.strip():
        return text, None
    folded = _fold(tail)
    if not folded:
        return text, None
    matches = [
        s for s in TREND_SOURCES if _fold(s).startswith(folded) or _fold(names.get(s, "")).startswith(folded)
    ]
    if len(matches) != 1:
        return text, None
    return head.rstrip(), matches[0]


def set_trend(trend: Trend, text: str, source: str | None, author: str) -> None:
    """Apply an edited trend line: its text and author; its source only when one was typed."""
    trend.text = text
    trend.author = author
    if source is not None:
        trend.source = source  # type: ignore[assignment]


def split_trend(text: str, names: Mapping[str, str]) -> tuple[str, str | None, str]:
    """Quick capture of a trend: text, source ("#data") and author ("@Name"), in either order at the end."""
    body, source = split_source(text, names)
    if source is not None:
        body, author = split_author(body)
        return body, source, author
    body, author = split_author(text)
    body, source = split_source(body, names)
    return body, source, author


# --------------------------------------------------------------------------- mission


def one_line(text: str, limit: int = 0) -> str:
    """Text on one line (newlines as spaces), cut at `limit` characters with "…" when limit > 0."""
    flat = " ".join(text.split())
    if limit > 0 and len(flat) > limit:
        return flat[: max(1, limit - 1)].rstrip() + "…"
    return flat


def draft_number(workshop: Workshop, draft_id: str) -> int:
    """1-based position of a draft (0 when it is gone)."""
    ids = [d.id for d in workshop.mission.drafts]
    return ids.index(draft_id) + 1 if draft_id in ids else 0


def history_lines(draft: MissionDraft) -> list[tuple[str, str]]:
    """(time, text) of each earlier version, newest first; time as "YYYY-MM-DD HH:MM"."""
    return [(v.at[:16].replace("T", " "), v.text) for v in reversed(draft.history)]


def compare_pair(workshop: Workshop, first: str | None, second: str | None) -> tuple[MissionDraft, MissionDraft] | None:
    """The two drafts to compare, when both still exist and differ."""
    drafts = {d.id: d for d in workshop.mission.drafts}
    if first in drafts and second in drafts and first != second:
        return drafts[first], drafts[second]  # type: ignore[index]
    return None


__all__ = [
    "APPROACH_STEP",
    "BadDate",
    "ParticipantFields",
    "ReadinessSummary",
    "TREND_SOURCES",
    "answer_mark",
    "approach_bar",
    "approach_leaning",
    "compare_pair",
    "date_incomplete",
    "draft_number",
    "history_lines",
    "linked_opportunities",
    "map_lines",
    "match_sector",
    "move_approach",
    "next_source",
    "one_line",
    "parse_date",
    "parse_participant",
    "participant_line",
    "readiness_summary",
    "split_source",
    "unlinked_problem_ids",
]
