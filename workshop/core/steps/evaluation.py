"""Evaluation helpers: the coalition's stage, the eight steps' progress, the poll, the indicators.

Pure functions on the model (never imports Textual). The screen calls the mutators
inside `session.edit(...)`; every invalid input raises ValueError with a plain sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from workshop.core.model import STAGES, Evaluation, Meeting, Meta, NextStep, Rating

#: The manual's eight steps, as stored keys.
EIGHT_STEPS: tuple[str, ...] = tuple(str(n) for n in range(1, 9))
#: The four indicators of empowerment success, as stored keys.
INDICATORS: tuple[str, ...] = tuple(str(n) for n in range(1, 5))
#: The end-of-session poll questions, in the order they are asked.
POLL_QUESTIONS: tuple[str, ...] = ("overall", "clarity", "voice", "next")
#: Lowest and highest poll score.
SCORE_MIN, SCORE_MAX = 1, 5
#: How much one key press moves a step's progress (percentage points).
PROGRESS_STEP = 10
#: Cells of a progress bar.
BAR_WIDTH = 10


# --------------------------------------------------------------------------- stage


def shift_stage(stage: str, offset: int) -> str:
    """The stage `offset` places after `stage`, stopping at the first and the last (no wrap)."""
    index = STAGES.index(stage) if stage in STAGES else 0
    return STAGES[max(0, min(len(STAGES) - 1, index + offset))]


def set_stage(meta: Meta, stage: str) -> str:
    """Record where the coalition stands; returns the stage."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage: {stage!r}")
    meta.stage = stage  # type: ignore[assignment]
    return stage


# --------------------------------------------------------------------------- eight steps


def clamp_progress(value: int) -> int:
    """A progress value kept within 0-100."""
    return max(0, min(100, int(value)))


def step_progress(evaluation: Evaluation, step: str) -> int:
    """The stored progress of one of the eight steps (0 when not recorded), clamped."""
    return clamp_progress(evaluation.eight_steps.get(step, 0))


def nudge_progress(evaluation: Evaluation, step: str, delta: int) -> int:
    """Move one step's progress by `delta` points, clamped to 0-100; returns the new value."""
    if step not in EIGHT_STEPS:
        raise ValueError(f"there is no step {step!r} among the eight steps")
    value = clamp_progress(step_progress(evaluation, step) + delta)
    evaluation.eight_steps = {**evaluation.eight_steps, step: value}
    return value


def arrow_delta(key: str, rtl: bool, step: int = PROGRESS_STEP) -> int:
    """Points an arrow key adds: right grows the bar in English, left in Arabic (mirrored); 0 for other keys."""
    direction = {"right": 1, "left": -1}.get(key, 0)
    return -direction * step if rtl else direction * step


def progress_bar(percent: int, width: int = BAR_WIDTH, *, rtl: bool = False) -> str:
    """A bar like `████░░░░░░  40%`; mirrored in Arabic (`40%  ░░░░░░████`): display order, not logical."""
    percent = clamp_progress(percent)
    filled = round(percent * width / 100)
    number = f"{percent}%".rjust(4)
    if rtl:
        return f"{number.strip().ljust(4)} {'░' * (width - filled)}{'█' * filled}"
    return f"{'█' * filled}{'░' * (width - filled)} {number}"


def average_progress(evaluation: Evaluation) -> int:
    """The mean progress over the eight steps (unrecorded ones count as 0), rounded."""
    return round(sum(step_progress(evaluation, s) for s in EIGHT_STEPS) / len(EIGHT_STEPS))


# --------------------------------------------------------------------------- poll


@dataclass(frozen=True)
class PollSummary:
    """What the room said to one poll question."""

    question: str
    count: int
    average: float | None
    #: How many answered each score, from 1 to 5.
    counts: tuple[int, ...]

    def average_text(self) -> str:
        """The average with one decimal ("4.3"), or "–" when nobody answered."""
        return "–" if self.average is None else f"{self.average:.1f}"


def poll_summary(ratings: list[Rating], question: str) -> PollSummary:
    """Count, average and distribution of one question's ratings."""
    scores = [r.score for r in ratings if r.question == question]
    counts = tuple(scores.count(s) for s in range(SCORE_MIN, SCORE_MAX + 1))
    average = sum(scores) / len(scores) if scores else None
    return PollSummary(question, len(scores), average, counts)


def poll_summaries(ratings: list[Rating], questions: tuple[str, ...] = POLL_QUESTIONS) -> list[PollSummary]:
    """One summary per question, in the given order."""
    return [poll_summary(ratings, q) for q in questions]


def overall_average(ratings: list[Rating]) -> float | None:
    """The average of every rating (what the report shows), or None without ratings."""
    return sum(r.score for r in ratings) / len(ratings) if ratings else None


def add_rating(evaluation: Evaluation, question: str, score: int) -> Rating:
    """Record one participant's answer to one question."""
    if question not in POLL_QUESTIONS:
        raise ValueError(f"unknown poll question: {question!r}")
    if not SCORE_MIN <= score <= SCORE_MAX:
        raise ValueError(f"a rating must be between {SCORE_MIN} and {SCORE_MAX}, not {score}")
    rating = Rating(question=question, score=score)
    evaluation.ratings.append(rating)
    return rating


def remove_last_rating(evaluation: Evaluation, question: str) -> Rating | None:
    """Take back the most recent answer to one question; None when it has none."""
    for index in range(len(evaluation.ratings) - 1, -1, -1):
        if evaluation.ratings[index].question == question:
            return evaluation.ratings.pop(index)
    return None


# --------------------------------------------------------------------------- indicators and next steps


def toggle_indicator(evaluation: Evaluation, indicator: str) -> bool:
    """Check or uncheck one of the four indicators; returns whether it is now checked."""
    if indicator not in INDICATORS:
        raise ValueError(f"there is no indicator {indicator!r}")
    checked = not evaluation.indicators.get(indicator, False)
    evaluation.indicators = {**evaluation.indicators, indicator: checked}
    return checked


def set_indicator_text(evaluation: Evaluation, indicator: str, text: str) -> None:
    """Adapt one indicator's wording to this workshop; blank text goes back to the manual's."""
    if indicator not in INDICATORS:
        raise ValueError(f"there is no indicator {indicator!r}")
    wording = " ".join(text.split())
    texts = {k: v for k, v in evaluation.indicator_texts.items() if k != indicator}
    if wording:
        texts[indicator] = wording
    evaluation.indicator_texts = texts


def indicator_wording(evaluation: Evaluation, indicator: str, manual: str) -> str:
    """The indicator as this workshop words it: its own text, or `manual` (the manual's example)."""
    return evaluation.indicator_texts.get(indicator) or manual


def indicators_met(evaluation: Evaluation) -> int:
    """How many of the four indicators are checked."""
    return sum(1 for i in INDICATORS if evaluation.indicators.get(i, False))


#: A due date at the end of a typed next step: 2026-10-21 or 21/10/2026 (Arabic-Indic digits too).
_DUE = re.compile(r"(?:^|\s)(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})\s*$")


def split_due(text: str) -> tuple[str, date | None]:
    """ "Send the report 2026-10-21" → ("Send the report", date(2026, 10, 21)).

    Only a real date at the very end counts (ISO, or day/month/year as written in Arabic);
    anything else stays part of the text.
    """
    from workshop.core.parse import normalise_digits

    match = _DUE.search(normalise_digits(text))
    if match is None:
        return text, None
    token = match.group(1)
    try:
        if "-" in token:
            year, month, day = (int(p) for p in token.split("-"))
        else:
            day, month, year = (int(p) for p in token.split("/"))
        due = date(year, month, day)
    except ValueError:
        return text, None
    head = text.rstrip()
    cut = len(head) - len(token)
    return (head[:cut].rstrip(), due) if head[:cut].strip() else (text, None)


def with_due(text: str, due: date | None) -> str:
    """A next step as shown and edited: its text, then its due date (ISO) when it has one."""
    return f"{text} {due.isoformat()}" if due else text


def read_next_step(typed: str) -> tuple[str, str, date | None]:
    """A capture line as (text, owner, due date): "Book the hall 2026-11-03 @Ana", and also with
    the date after the name, "Book the hall @Ana 2026-11-03" (the owner was "Ana 2026-11-03", with
    no date)."""
    from workshop.core.attribution import split_author

    text, author = split_author(typed)
    text, due = split_due(text)
    if due is None and author:
        author, due = split_due(author)
    return text, author, due


def set_next_step(item: NextStep, typed: str) -> None:
    """Apply an edited capture line ("text 2026-10-21 @Name") to a next step: text, due date, owner."""
    item.text, item.author, item.due = read_next_step(typed)


def add_next_step(evaluation: Evaluation, text: str, author: str = "", due: date | None = None) -> NextStep:
    """Add a next step (who does what by when); blank text is refused."""
    if not text.strip():
        raise ValueError("a next step needs some text")
    item = NextStep(text=text, author=author, due=due)
    evaluation.next_steps.append(item)
    return item


# --------------------------------------------------------------------------- the next meeting

#: Punctuation left at either end of the place once the date and time are taken out.
_PLACE_EDGES = " \t,;:·-–—،؛"


def read_meeting(typed: str) -> Meeting:
    """ "2026-12-15 18:00 Community hall" → the next meeting: date, time and place.

    The first word that is a date (2026-12-15, 15/12/2026, Arabic-Indic digits) is the date, the
    first that is a time (18:00) the time; the rest, as typed, is the place ("after Friday prayers
    at the centre" is all place). A date-shaped word naming no day raises ``NotADate``.
    """
    from workshop.core.parse import read_date_word, read_time_word

    day: date | None = None
    time = ""
    rest: list[str] = []
    for word in typed.split():
        if day is None and (found := read_date_word(word)) is not None:
            day = found
        elif not time and (clock := read_time_word(word)) is not None:
            time = clock
        else:
            rest.append(word)
    return Meeting(date=day, time=time, place=" ".join(rest).strip(_PLACE_EDGES))


def meeting_parts(meeting: Meeting) -> list[str]:
    """The parts of the next meeting that were set: date (ISO), time, place."""
    return [part for part in (meeting.date.isoformat() if meeting.date else "", meeting.time, meeting.place) if part]


def meeting_line(meeting: Meeting) -> str:
    """The next meeting as the facilitator types it (what `read_meeting` reads back)."""
    return " ".join(meeting_parts(meeting))


def set_next_meeting(evaluation: Evaluation, typed: str) -> Meeting:
    """Record the next meeting from the typed line ('' clears it); returns it."""
    meeting = read_meeting(typed)
    evaluation.next_meeting = meeting
    return meeting


__all__ = [
    "meeting_line",
    "meeting_parts",
    "read_meeting",
    "set_next_meeting",
    "BAR_WIDTH",
    "EIGHT_STEPS",
    "INDICATORS",
    "POLL_QUESTIONS",
    "PROGRESS_STEP",
    "PollSummary",
    "add_next_step",
    "set_next_step",
    "split_due",
    "with_due",
    "add_rating",
    "arrow_delta",
    "average_progress",
    "clamp_progress",
    "indicator_wording",
    "indicators_met",
    "set_indicator_text",
    "nudge_progress",
    "overall_average",
    "poll_summaries",
    "poll_summary",
    "progress_bar",
    "remove_last_rating",
    "set_stage",
    "shift_stage",
    "step_progress",
    "toggle_indicator",
]
