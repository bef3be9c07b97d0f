"""The parts of the document plan people look at rather than read: the first page and the charts.

`summary_section` is the first page of every export (both audiences): the adopted mission
and vision, the top priorities by votes, the goals with their work group and convener,
the next steps with owner and date, and the next meeting if one was set. The chart
builders give the SWOT grid, the most-voted bar chart, partners by sector against the
manual's diversity check, the action-plan timeline and the poll per question, as blocks of
`workshop.core.export.report` that the PDF draws and Markdown shows as tables.

Like report.py, every word comes from the catalogue and nothing private is read here
(next-step owners and goal conveners are public; the participants' version never gets
more than the detailed sections give it). This module never imports Textual.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from workshop.core.steps.evaluation import POLL_QUESTIONS, SCORE_MAX, poll_summaries
from workshop.core.export.report import (
    Bar,
    BarChart,
    Block,
    Heading,
    Note,
    Paragraph,
    Quadrant,
    Section,
    Span,
    SwotGrid,
    Table,
    Timeline,
    _clean,
    _said,
    _Words,
)
from workshop.core.model import SECTORS, SWOT_KINDS, Workshop
from workshop.core.steps.partners import REQUIRED_SECTORS, sector_counts

#: How many priorities the first page shows.
TOP_PRIORITIES = 5
#: How many items each SWOT quadrant shows in the grid.
TOP_PER_QUADRANT = 3
#: Most columns a timeline has; longer plans are grouped by two, three ... months a column.
MAX_TICKS = 18


# --------------------------------------------------------------------------- priorities


@dataclass(frozen=True)
class Priority:
    """Something the room voted on: its text, votes and kind (a palette key) in words."""

    text: str
    votes: int
    kind: str
    tag: str


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def priorities(ws: Workshop, w: _Words) -> list[Priority]:
    """Every voted item (SWOT, problems, opportunities, goals), most votes first.

    Ties keep this order: SWOT, problems, opportunities, goals, each as stored. An
    opportunity or problem seeded from a SWOT item and the item itself count once (the
    higher vote wins), and so do two items with the same words.
    """
    found: list[Priority] = []
    for item in ws.swot:
        found.append(Priority(_clean(item.text), item.votes, item.kind, w.name("swot.kinds", item.kind)))
    for problem in ws.problems:
        found.append(Priority(_clean(problem.text), problem.votes, "problem", w.r("charts.problem")))
    for opportunity in ws.opportunities:
        found.append(Priority(_clean(opportunity.text), opportunity.votes, "opportunity", w.r("charts.opportunity")))
    for goal in ws.goals:
        found.append(Priority(_clean(goal.text), goal.votes, "goal", w.r("charts.goal")))
    best: dict[str, int] = {}
    for index, item in enumerate(found):
        if not item.text or item.votes <= 0:
            continue
        key = _fold(item.text)
        if key not in best or found[best[key]].votes < item.votes:
            best[key] = index
    kept = sorted(best.values(), key=lambda i: (-found[i].votes, i))
    return [found[i] for i in kept]


def priorities_chart(ws: Workshop, w: _Words, limit: int = TOP_PRIORITIES) -> BarChart | None:
    """The top voted items as a numbered bar chart (None when nobody voted)."""
    top = priorities(ws, w)[:limit]
    if not top:
        return None
    bars = [Bar(p.text, p.votes, str(p.votes), p.kind, p.tag) for p in top]
    columns = [w.r("charts.item"), w.r("charts.kind"), w.r("charts.votes")]
    return BarChart(bars, max(p.votes for p in top), columns, numbered=True)


# --------------------------------------------------------------------------- the first page


def _work_group(ws: Workshop, committee_id: str | None, w: _Words) -> str:
    committee = next((c for c in ws.structure.committees if c.id == committee_id), None)
    if committee is None:
        return ""
    return _clean(committee.name) or w.name("governance", committee.kind)


def meeting_text(ws: Workshop, w: _Words) -> str:
    """The next meeting as one line ('' when none was set)."""
    meeting = ws.evaluation.next_meeting
    time, place = _clean(meeting.time), _clean(meeting.place)
    parts = [
        w.date(meeting.date),
        w.r("summary.meeting_time", time=time) if time else "",
        w.r("summary.meeting_place", place=place) if place else "",
    ]
    return w.join([p for p in parts if p])


def summary_section(ws: Workshop, w: _Words) -> Section:
    """The first page: what we decided, what matters most, who does what by when, when we meet."""
    blocks: list[Block] = []
    adopted = ws.mission.adopted()
    mission = _clean(adopted.text) if adopted else ""
    blocks.append(Heading(w.r("labels.mission")))
    blocks.append(Paragraph(mission) if mission else Note(w.r("labels.no_mission")))
    vision = _clean(ws.mission.vision)
    if vision:
        blocks.append(Heading(w.r("labels.vision")))
        blocks.append(Paragraph(vision))

    blocks.append(Heading(w.r("summary.priorities")))
    chart = priorities_chart(ws, w)
    blocks.append(chart if chart else Note(w.r("summary.no_votes")))

    blocks.append(Heading(w.r("summary.goals")))
    goals = [
        [f"{number}. {_clean(goal.text) or '—'}", _work_group(ws, goal.work_group_id, w), _clean(goal.convener)]
        for number, goal in enumerate(ws.goals, start=1)
    ]
    columns = [w.r("charts.goal"), w.r("charts.work_group"), w.r("labels.convener")]
    blocks.append(Table(columns, goals, [0.56, 0.24, 0.2]) if goals else Note(w.r("empty")))

    blocks.append(Heading(w.r("summary.next_steps")))
    steps = [
        [_clean(step.text), _clean(step.author), w.date(getattr(step, "due", None))]
        for step in ws.evaluation.next_steps
        if _clean(step.text)
    ]
    columns = [w.r("labels.next_steps"), w.r("charts.owner"), w.r("charts.by")]
    widths = [0.62, 0.24, 0.14]
    if not any(row[2] for row in steps):  # no dates agreed: no empty column
        steps, columns, widths = [row[:2] for row in steps], columns[:2], [0.7, 0.3]
    blocks.append(Table(columns, steps, widths) if steps else Note(w.r("empty")))

    meeting = meeting_text(ws, w)
    if meeting:
        blocks.append(Heading(w.r("summary.next_meeting")))
        blocks.append(Paragraph(meeting))
    return Section("summary", w.r("summary.heading"), blocks)


def attendance_blocks(ws: Workshop, w: _Words) -> list[Block]:
    """The attendance list (names and organisations), for the facilitator to include or leave out."""
    rows = [[_clean(p.name), _clean(p.organisation)] for p in ws.participants if _clean(p.name) or _clean(p.organisation)]
    columns = [w.r("columns.member"), w.r("columns.organisation")]
    return [Heading(w.r("summary.attendance")), Table(columns, rows, [0.45, 0.55]) if rows else Note(w.r("empty"))]


# --------------------------------------------------------------------------- charts of the detailed sections


def swot_grid(ws: Workshop, w: _Words, limit: int = TOP_PER_QUADRANT) -> SwotGrid:
    """The four quadrants with their most-voted items."""
    quadrants = []
    for kind in SWOT_KINDS:
        items = sorted((i for i in ws.swot_of(kind) if _clean(i.text)), key=lambda i: -i.votes)
        shown = [(_said(i), str(i.votes) if i.votes else "") for i in items[:limit]]
        more = w.r("charts.more", count=len(items) - limit) if len(items) > limit else ""
        quadrants.append(Quadrant(kind, w.name("swot.kinds", kind), shown, more))
    columns = [w.r("charts.quadrant"), w.r("charts.item"), w.r("charts.votes")]
    return SwotGrid(quadrants, columns)


def sector_chart(ws: Workshop, w: _Words) -> BarChart:
    """Partners per sector; the sectors the manual requires are marked, and flagged when missing."""
    counts = sector_counts(ws)
    bars = []
    for sector in SECTORS:
        required = sector in REQUIRED_SECTORS
        if required and counts[sector] == 0:
            kind, tag = "missing", w.r("charts.missing")
        elif required:
            kind, tag = "ok", w.r("charts.required")
        else:
            kind, tag = "optional", ""
        bars.append(Bar(w.name("sectors", sector), counts[sector], str(counts[sector]), kind, tag))
    columns = [w.r("columns.sector"), w.r("columns.required"), w.r("columns.count")]
    return BarChart(bars, max([1, *counts.values()]), columns, mark=1, mark_label=w.r("charts.minimum"))


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def timeline(ws: Workshop, w: _Words) -> tuple[Timeline | None, list[str]]:
    """The dated action plans on a month axis, and the tasks that have no date."""
    dated: list[tuple[int, int, str, str, int, str]] = []
    undated: list[str] = []
    for number, goal in enumerate(ws.goals):
        for plan in goal.plans:
            task = _clean(plan.task) or "—"
            start, end = plan.start or plan.end, plan.end or plan.start
            partner = ws.partner(plan.responsible_partner_id)
            owner = _clean(partner.organisation) if partner else ""
            if start is None or end is None:
                undated.append(task)
                continue
            when = w.date(start) if start == end else f"{w.date(start)} – {w.date(end)}"
            label = f"{w.r('charts.goal_tag', number=number + 1)} · {task}"
            dated.append((_month_index(start), _month_index(end), label, owner, number, when))
    if not dated:
        return None, undated
    first = min(d[0] for d in dated)
    last = max(d[1] for d in dated)
    group = max(1, -(-(last - first + 1) // MAX_TICKS))
    count = (last - first) // group + 1
    months = w.catalogue.flat.get("report.charts.months")
    names = [str(m) for m in months] if isinstance(months, list) and len(months) == 12 else [str(n) for n in range(1, 13)]
    ticks = [names[(first + i * group) % 12] for i in range(count)]
    years: list[tuple[int, int, str]] = []
    for i in range(count):
        year = str((first + i * group) // 12)
        if years and years[-1][2] == year:
            years[-1] = (years[-1][0], i, year)
        else:
            years.append((i, i, year))
    spans = [
        Span(label, owner, (start - first) // group, (end - first) // group, series, when)
        for start, end, label, owner, series, when in dated
    ]
    columns = [w.r("columns.what"), w.r("columns.who"), w.r("columns.when")]
    return Timeline(ticks, years, spans, columns), undated


def timeline_blocks(ws: Workshop, w: _Words) -> list[Block]:
    """The timeline heading, chart and the note on undated tasks (nothing when there is no plan)."""
    chart, undated = timeline(ws, w)
    blocks: list[Block] = []
    if chart or undated:
        blocks.append(Heading(w.r("charts.timeline")))
    if chart:
        blocks.append(chart)
    if undated:
        blocks.append(Note(w.r("charts.undated", tasks=w.join(undated))))
    return blocks


def poll_chart(ws: Workshop, w: _Words) -> BarChart | None:
    """The average score of each poll question (None when nobody answered)."""
    summaries = poll_summaries(ws.evaluation.ratings, POLL_QUESTIONS)
    if not any(s.count for s in summaries):
        return None
    bars = []
    for summary in summaries:
        label = w.t(f"poll.questions.{summary.question}", summary.question)
        if summary.count:
            average = summary.average or 0.0
            bars.append(Bar(label, average, f"{average:.1f}", "poll", w.r("charts.answers", count=summary.count)))
        else:
            bars.append(Bar(label, 0, "—", "poll", w.r("charts.no_answers")))
    columns = [w.r("columns.question"), w.r("charts.answers_column"), w.r("charts.average")]
    return BarChart(bars, SCORE_MAX, columns)


def poll_blocks(ws: Workshop, w: _Words) -> list[Block]:
    """The poll chart under its heading (the scale in words), or a note."""
    low = w.t("poll.scale_low", "1")
    high = w.t("poll.scale_high", "5")
    chart = poll_chart(ws, w)
    return [Heading(w.r("charts.poll", low=low, high=high)), chart if chart else Note(w.r("values.no_votes"))]
