"""A language-neutral document plan of a workshop, shared by the Markdown and PDF exports.

`build_report` walks a Workshop once and produces a `Report`: meta data plus a list of
`Section`s made of simple blocks (headings, paragraphs, bullet lists, key/value lists,
tables, muted notes). Every heading and label comes from the catalogue
(`report.*` keys from `content/report.<lang>.toml`, method names from
`content/method.<lang>.toml`), so the renderers hold no wording of their own.

The privacy rule lives here and only here: the participants' audience never gets
partner e-mails, phones, notes or follow-ups, facilitator notes, timing, draft history
or drafts that were not adopted. This module never imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from itertools import zip_longest
from typing import Any, Literal, Union

from workshop.core.attribution import with_author
from workshop.core.steps.structure import member_organisation
from workshop.core.content import Catalogue, MissingText
from workshop.core.model import (
    NEEDS_QUESTIONS,
    READINESS_QUESTIONS,
    SECTORS,
    SWOT_KINDS,
    ActionPlan,
    Committee,
    Goal,
    Partner,
    Workshop,
)
from workshop.core.steps.coalition_type import suggest_type
from workshop.core.steps.evaluation import indicator_wording
from workshop.core.steps.findings import Finding
from workshop.core.steps.partners import REQUIRED_SECTORS, sector_counts
from workshop.core.steps.readiness import readiness_verdict
from workshop.core.steps.registry import STEP_IDS, all_findings

Audience = Literal["participants", "facilitator"]
AUDIENCES: tuple[str, ...] = ("participants", "facilitator")

#: What the participants' version leaves out, as `report.left_out.<key>` texts, in display order.
LEFT_OUT_KEYS: tuple[str, ...] = (
    "emails",
    "phones",
    "partner_notes",
    "follow_ups",
    "drafts",
    "facilitator_notes",
    "timing",
)


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section (level 3 = just under the section heading)."""

    text: str
    level: int = 3


@dataclass(frozen=True)
class Paragraph:
    """Running text; may contain newlines the renderer keeps as line breaks."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """An unordered list."""

    items: list[str]


@dataclass(frozen=True)
class KeyValue:
    """Label / value pairs, rendered as a small two-column list."""

    pairs: list[tuple[str, str]]


@dataclass(frozen=True)
class Table:
    """A table with a header row; `widths` are relative column widths (a hint)."""

    columns: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None
    #: True for the SWOT quadrants: equal columns, every cell framed.
    grid: bool = False


@dataclass(frozen=True)
class Note:
    """A muted remark (an empty list, a hint about what is missing)."""

    text: str


# --------------------------------------------------------------------------- charts
#
# A chart block carries its data and every word it shows; the PDF draws it as vector
# graphics (workshop.core.export.pdf_charts), Markdown and the plain-text fallback show
# `chart_table(block)`. `kind` names a colour in workshop.core.palette.CHART; the meaning
# is always also written in words (`tag`), so a chart printed in grey loses nothing.


@dataclass(frozen=True)
class Bar:
    """One bar: a label, its value (and how it is written), its kind in words."""

    label: str
    value: float
    shown: str
    kind: str = "ink"
    tag: str = ""


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, longest = `maximum`; `columns` head the table version (label, tag, value)."""

    bars: list[Bar]
    maximum: float
    columns: list[str]
    #: Rank numbers (1, 2, 3 ...) before the labels.
    numbered: bool = False
    #: A dashed mark at this value with its label (e.g. the manual's minimum), if any.
    mark: float | None = None
    mark_label: str = ""


@dataclass(frozen=True)
class Quadrant:
    """One quadrant of the SWOT grid: its name and its top items (text, votes as words)."""

    kind: str
    title: str
    items: list[tuple[str, str]]
    #: "and 3 more" when items were left out, else "".
    more: str = ""


@dataclass(frozen=True)
class SwotGrid:
    """The SWOT as a 2x2 grid: strengths, weaknesses (top row), opportunities, threats."""

    quadrants: list[Quadrant]
    columns: list[str]


@dataclass(frozen=True)
class Span:
    """One action plan on the timeline: columns `start`..`end` (inclusive) of `Timeline.ticks`."""

    label: str
    owner: str
    start: int
    end: int
    series: int
    when: str


@dataclass(frozen=True)
class Timeline:
    """Action plans by month with their owners; `ticks` label the columns, `years` group them."""

    ticks: list[str]
    years: list[tuple[int, int, str]]
    spans: list[Span]
    columns: list[str]


Chart = Union[BarChart, SwotGrid, Timeline]
Block = Union[Heading, Paragraph, Bullets, KeyValue, Table, Note, BarChart, SwotGrid, Timeline]


def chart_table(chart: Chart) -> Table:
    """The data of a chart as a table (Markdown, plain-text fallback)."""
    if isinstance(chart, BarChart):
        rows = []
        for rank, bar in enumerate(chart.bars, start=1):
            row = [bar.label, bar.tag, bar.shown]
            rows.append([str(rank)] + row if chart.numbered else row)
        columns = list(chart.columns)
        widths = [0.6, 0.25, 0.15]
        if chart.numbered:
            columns, widths = ["#"] + columns, [0.06, 0.56, 0.24, 0.14]
        return Table(columns, rows, widths)
    if isinstance(chart, SwotGrid):
        rows = []
        for quadrant in chart.quadrants:
            for text, votes in quadrant.items:
                rows.append([quadrant.title, text, votes])
            if quadrant.more:
                rows.append([quadrant.title, quadrant.more, ""])
        return Table(list(chart.columns), rows, [0.22, 0.6, 0.18])
    rows = [[span.label, span.owner, span.when] for span in chart.spans]
    return Table(list(chart.columns), rows, [0.5, 0.28, 0.22])


@dataclass
class Section:
    """One chapter of the report. `step` is the workshop step it comes from, if any."""

    id: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    step: str | None = None


@dataclass(frozen=True)
class ReportMeta:
    """What the cover and the running header show."""

    title: str
    subtitle: list[str]
    generated: date
    generated_label: str
    language: str
    audience: str
    audience_label: str
    rtl: bool
    cover: list[tuple[str, str]]
    #: "date · place" under the title of page 1 ('' when neither is known).
    dateline: str = ""
    #: The moment the report was made (the PDF's creation date); None leaves the date out.
    created: datetime | None = None


@dataclass(frozen=True)
class Report:
    """The whole document plan; `labels` holds the renderers' own words (contents, page X of Y)."""

    meta: ReportMeta
    sections: list[Section]
    labels: dict[str, str]

    def section(self, section_id: str) -> Section | None:
        """The section with this id, if present."""
        return next((s for s in self.sections if s.id == section_id), None)


# --------------------------------------------------------------------------- text helpers


class _Words:
    """Catalogue look-ups that never stop an export: a missing key falls back to a plain id."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def t(self, key: str, fallback: str | None = None, **params: Any) -> str:
        """The catalogue text at `key` formatted with params, or `fallback` (default: the key's last part)."""
        if not self.catalogue.has(key):
            return fallback if fallback is not None else key.rsplit(".", 1)[-1]
        try:
            return self.catalogue.t(key, **params)
        except (MissingText, KeyError, IndexError, ValueError):
            raw = self.catalogue.flat.get(key)
            return raw if isinstance(raw, str) else (fallback or key)

    def r(self, key: str, **params: Any) -> str:
        """A `report.*` label."""
        return self.t(f"report.{key}", **params)

    def name(self, prefix: str, ident: str | None) -> str:
        """A method name such as `coalition_types.<id>.name` or `sectors.<id>`, or '' for None."""
        if ident is None:
            return ""
        if self.catalogue.has(f"{prefix}.{ident}.name"):
            return self.t(f"{prefix}.{ident}.name", ident)
        return self.t(f"{prefix}.{ident}", ident)

    def join(self, items: list[str]) -> str:
        """Items joined with the language's list separator (an Arabic comma in Arabic)."""
        return str(self.catalogue.flat.get("report.list_separator", ", ")).join(items)

    def yes_no(self, value: bool) -> str:
        return self.r("values.yes" if value else "values.no")

    def date(self, value: date | None) -> str:
        """A date in the language's numeric form ('' for None): ISO in English, 27/11/2026 in Arabic."""
        if value is None:
            return ""
        template = self.catalogue.flat.get("report.date_format", "{year}-{month}-{day}")
        try:
            return str(template).format(year=f"{value.year:04d}", month=f"{value.month:02d}", day=f"{value.day:02d}")
        except (KeyError, IndexError, ValueError):
            return value.isoformat()

    def timestamp(self, value: str) -> str:
        """An ISO timestamp as 'date hh:mm' (the text itself when it is not one)."""
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        return f"{self.date(moment.date())} {moment:%H:%M}"


def _clean(text: str | None) -> str:
    """User text with surrounding blanks removed ('' for None)."""
    return (text or "").strip()


def _said(item: Any) -> str:
    """An item's text with who said it ("text — Name"); '' when the text is blank."""
    text = _clean(item.text)
    return with_author(text, _clean(item.author)) if text else ""


def _fmt_number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _minutes(seconds: int) -> str:
    return str(round(seconds / 60))


# --------------------------------------------------------------------------- sections


def _cover(ws: Workshop, w: _Words) -> list[tuple[str, str]]:
    organisations = _organisations(ws)
    pairs = [
        (w.r("cover.title"), ws.meta.title),
        (w.r("cover.date"), w.date(ws.meta.date)),
        (w.r("cover.place"), ws.meta.place),
        (w.r("cover.facilitator"), ws.meta.facilitator),
        (w.r("cover.participants"), str(len(ws.participants))),
        (w.r("cover.organisations"), w.join(organisations)),
        (w.r("cover.stage"), w.name("stages", ws.meta.stage)),
    ]
    return [(label, value) for label, value in pairs if _clean(value)]


def _organisations(ws: Workshop) -> list[str]:
    seen: dict[str, None] = {}
    for person in ws.participants:
        name = _clean(person.organisation)
        if name:
            seen.setdefault(name, None)
    return list(seen)


def _setup_section(ws: Workshop, w: _Words) -> Section:
    blocks: list[Block] = [KeyValue(_cover(ws, w))]
    approach = ws.meta.approach
    blocks.append(Paragraph(w.r("cover.approach", percent=approach)))
    return Section("setup", w.r("sections.setup"), blocks, step="setup")


def _needs_section(ws: Workshop, w: _Words) -> Section:
    blocks: list[Block] = []
    for question in NEEDS_QUESTIONS:
        items = [_said(i) for i in getattr(ws.needs, question) if _clean(i.text)]
        blocks.append(Heading(w.t(f"needs.questions.{question}", question)))
        blocks.append(Bullets(items) if items else Note(w.r("empty")))
    return Section("needs", w.r("sections.needs"), blocks, step="needs")


def _readiness_section(ws: Workshop, w: _Words) -> Section:
    verdict = readiness_verdict(ws)
    blocks: list[Block] = [Paragraph(w.r("labels.verdict") + ": " + w.t(f"readiness.verdict.{verdict}", verdict))]
    rows = []
    for number, question in enumerate(READINESS_QUESTIONS, start=1):
        answer = ws.readiness[question]
        shown = w.t(f"readiness.answers.{answer.answer}", answer.answer) if answer.answer else w.r("values.unanswered")
        rows.append([str(number), w.t(f"readiness.questions.{question}", question), shown, _clean(answer.note)])
    blocks.append(
        Table(
            [w.r("columns.number"), w.r("columns.question"), w.r("columns.answer"), w.r("columns.note")],
            rows,
            [0.06, 0.5, 0.14, 0.3],
        )
    )
    return Section("readiness", w.r("sections.readiness"), blocks, step="readiness")


def _swot_cell(text: str, votes: int, w: _Words) -> str:
    return f"{text} ({w.r('labels.votes', count=votes)})" if votes else text


def _swot_section(ws: Workshop, w: _Words) -> Section:
    quadrants: dict[str, list[str]] = {}
    for kind in SWOT_KINDS:
        items = sorted((i for i in ws.swot_of(kind) if _clean(i.text)), key=lambda i: -i.votes)
        quadrants[kind] = [_swot_cell(_said(i), i.votes, w) for i in items]
    blocks: list[Block] = []
    if not any(quadrants.values()):
        blocks.append(Note(w.r("empty")))
    else:
        from workshop.core.export.summary import swot_grid

        blocks += [Heading(w.r("charts.swot_grid")), swot_grid(ws, w), Heading(w.r("charts.all_items"))]
    for left, right in (("strength", "weakness"), ("opportunity", "threat")):
        columns = [
            f"{w.name('swot.kinds', kind)} ({len(quadrants[kind])})" for kind in (left, right)
        ]
        rows = [[a, b] for a, b in zip_longest(quadrants[left], quadrants[right], fillvalue="")]
        blocks.append(Table(columns, rows or [["", ""]], [0.5, 0.5], grid=True))
    return Section("swot", w.r("sections.swot"), blocks, step="swot")


def _trends_section(ws: Workshop, w: _Words) -> Section:
    rows = [[_said(t), w.r(f"trend_sources.{t.source}")] for t in ws.trends if _clean(t.text)]
    blocks: list[Block] = (
        [Table([w.r("columns.trend"), w.r("columns.source")], rows, [0.75, 0.25])] if rows else [Note(w.r("empty"))]
    )
    return Section("trends", w.r("sections.trends"), blocks, step="mapping")


def _mapping_section(ws: Workshop, w: _Words) -> Section:
    opportunities = {o.id: o for o in ws.opportunities}
    rows = []
    for problem in sorted(ws.problems, key=lambda p: -p.votes):
        linked = [_said(opportunities[i]) for i in problem.opportunity_ids if i in opportunities]
        rows.append([_said(problem), str(problem.votes), "\n".join(linked) or w.r("values.none")])
    blocks: list[Block] = []
    if rows:
        blocks.append(
            Table([w.r("columns.problem"), w.r("columns.votes"), w.r("columns.opportunities")], rows, [0.42, 0.1, 0.48])
        )
    linked_ids = {i for p in ws.problems for i in p.opportunity_ids}
    free = [_swot_cell(_said(o), o.votes, w) for o in ws.opportunities if o.id not in linked_ids and _clean(o.text)]
    if free:
        blocks.append(Heading(w.r("labels.unlinked_opportunities")))
        blocks.append(Bullets(free))
    if not blocks:
        blocks.append(Note(w.r("empty")))
    return Section("mapping", w.r("sections.mapping"), blocks, step="mapping")


def _mission_section(ws: Workshop, w: _Words, facilitator: bool) -> Section:
    adopted = ws.mission.adopted()
    blocks: list[Block] = [Heading(w.r("labels.mission"))]
    blocks.append(Paragraph(_clean(adopted.text)) if adopted and _clean(adopted.text) else Note(w.r("labels.no_mission")))
    blocks.append(Heading(w.r("labels.vision")))
    vision = _clean(ws.mission.vision)
    blocks.append(Paragraph(vision) if vision else Note(w.r("empty")))
    if facilitator and ws.mission.drafts:
        blocks.append(Heading(w.r("labels.drafts")))
        for number, draft in enumerate(ws.mission.drafts, start=1):
            marker = f" — {w.r('labels.adopted')}" if adopted is draft else ""
            blocks.append(Heading(w.r("labels.draft", number=number) + marker, level=4))
            parts = [
                (w.r("mission_parts.who"), _clean(draft.who)),
                (w.r("mission_parts.change"), _clean(draft.change)),
                (w.r("mission_parts.for_whom"), _clean(draft.for_whom)),
                (w.r("mission_parts.how"), _clean(draft.how)),
            ]
            parts = [p for p in parts if p[1]]
            if parts:
                blocks.append(KeyValue(parts))
            blocks.append(Paragraph(_clean(draft.text)) if _clean(draft.text) else Note(w.r("empty")))
            if draft.history:
                blocks.append(Note(w.r("labels.history")))
                blocks.append(Bullets([f"{w.timestamp(v.at)}: {_clean(v.text)}" for v in draft.history]))
    return Section("mission", w.r("sections.mission"), blocks, step="mission")


def _partner_row(partner: Partner, w: _Words) -> list[str]:
    return [
        _clean(partner.organisation),
        w.name("sectors", partner.sector),
        _clean(partner.contact_person),
        _clean(partner.role),
        w.name("partner_status", partner.status),
    ]


def _partners_section(ws: Workshop, w: _Words, facilitator: bool) -> Section:
    blocks: list[Block] = []
    columns = [w.r(f"columns.{c}") for c in ("organisation", "sector", "contact", "role", "status")]
    if ws.partners:
        blocks.append(Table(columns, [_partner_row(p, w) for p in ws.partners], [0.26, 0.14, 0.2, 0.26, 0.14]))
    else:
        blocks.append(Note(w.r("empty")))
    if facilitator and ws.partners:
        blocks.append(Heading(w.r("labels.contact_details")))
        blocks.append(
            Table(
                [w.r(f"columns.{c}") for c in ("organisation", "email", "phone", "notes")],
                [[_clean(p.organisation), _clean(p.email), _clean(p.phone), _clean(p.notes)] for p in ws.partners],
                [0.23, 0.31, 0.17, 0.29],
            )
        )
    contributions = [
        [_clean(p.organisation), _clean(p.contribution), _clean(p.barriers)]
        for p in ws.partners
        if _clean(p.contribution) or _clean(p.barriers)
    ]
    if contributions:
        blocks.append(Heading(w.r("labels.contributions")))
        blocks.append(
            Table(
                [w.r("columns.organisation"), w.r("columns.contribution"), w.r("columns.barriers")],
                contributions,
                [0.3, 0.35, 0.35],
            )
        )
    if facilitator:
        follow = [
            [_clean(p.organisation), w.date(f.due), _clean(f.text), w.yes_no(f.done)]
            for p in ws.partners
            for f in p.follow_ups
        ]
        if follow:
            blocks.append(Heading(w.r("labels.follow_ups")))
            blocks.append(
                Table(
                    [w.r("columns.organisation"), w.r("columns.due"), w.r("columns.follow_up"), w.r("columns.done")],
                    follow,
                    [0.3, 0.15, 0.43, 0.12],
                )
            )
    blocks.extend(_diversity_blocks(ws, w))
    return Section("partners", w.r("sections.partners"), blocks, step="partners")


def _diversity_blocks(ws: Workshop, w: _Words) -> list[Block]:
    counts = sector_counts(ws)
    from workshop.core.export.summary import sector_chart

    missing = [w.name("sectors", s) for s in REQUIRED_SECTORS if counts[s] == 0]
    blocks: list[Block] = [Heading(w.r("labels.diversity")), sector_chart(ws, w)]
    if missing:
        blocks.append(Note(w.r("labels.sectors_missing", sectors=w.join(missing))))
    else:
        blocks.append(Note(w.r("labels.sectors_complete")))
    return blocks


def _type_section(ws: Workshop, w: _Words) -> Section:
    choice = ws.coalition_type
    blocks: list[Block] = []
    if choice.chosen:
        blocks.append(KeyValue([(w.r("labels.chosen_type"), w.name("coalition_types", choice.chosen))]))
        if _clean(choice.reason):
            blocks.append(Paragraph(_clean(choice.reason)))
    else:
        blocks.append(Note(w.r("labels.no_type")))
    suggested = suggest_type(choice.answers)
    if suggested and suggested != choice.chosen:
        blocks.append(Note(w.r("labels.suggested_type", type=w.name("coalition_types", suggested))))
    return Section("coalition-type", w.r("sections.coalition-type"), blocks, step="coalition-type")


def _member_sector(member: Any, ws: Workshop) -> str | None:
    if member.sector:
        return member.sector
    partner = ws.partner(member.partner_id)
    return partner.sector if partner else None


def _committee_blocks(committee: Committee, ws: Workshop, w: _Words) -> list[Block]:
    kind = w.name("governance", committee.kind)
    title = _clean(committee.name) or kind
    blocks: list[Block] = [Heading(title)]
    pairs = [
        (w.r("labels.committee_kind"), kind),
        (w.r("labels.cadence"), _clean(committee.cadence)),
        (w.r("labels.decision_authority"), _clean(committee.decision_authority)),
    ]
    blocks.append(KeyValue([p for p in pairs if p[1]]))
    rows = []
    for member in committee.members:
        rows.append(
            [
                _clean(member.name),
                member_organisation(ws, member),
                w.name("member_roles", member.role),
                w.name("sectors", _member_sector(member, ws)),
                w.yes_no(member.official_delegate),
            ]
        )
    if rows:
        columns = [w.r(f"columns.{c}") for c in ("member", "organisation", "member_role", "sector", "delegate")]
        blocks.append(Table(columns, rows, [0.24, 0.24, 0.18, 0.18, 0.16]))
    else:
        blocks.append(Note(w.r("empty")))
    return blocks


def _structure_section(ws: Workshop, w: _Words) -> Section:
    blocks: list[Block] = []
    for committee in ws.structure.committees:
        blocks.extend(_committee_blocks(committee, ws, w))
    if not blocks:
        blocks.append(Note(w.r("empty")))
    return Section("structure", w.r("sections.structure"), blocks, step="structure")


def _plan_row(plan: ActionPlan, ws: Workshop, w: _Words) -> list[str]:
    partner = ws.partner(plan.responsible_partner_id)
    when = w.date(plan.end)
    if plan.start and plan.end:
        when = f"{w.date(plan.start)} – {w.date(plan.end)}"
    elif plan.start:
        when = w.date(plan.start)
    budget = ""
    if plan.budget is not None:
        budget = f"{_fmt_number(plan.budget)} {_clean(plan.currency)}".strip()
    return [_clean(plan.task), _clean(partner.organisation) if partner else "", when, budget, _clean(plan.criteria)]


def _goal_blocks(number: int, goal: Goal, ws: Workshop, w: _Words) -> list[Block]:
    blocks: list[Block] = [Heading(w.r("labels.goal", number=number) + ": " + (_clean(goal.text) or "—"))]
    pairs = [
        (w.r("labels.goal_kind"), w.name("goal_kinds", goal.kind)),
        (w.r("labels.goal_category"), w.name("goal_categories", goal.category)),
        (w.r("labels.convener"), _clean(goal.convener)),
        (w.r("columns.votes"), str(goal.votes) if goal.votes else ""),
    ]
    blocks.append(KeyValue([p for p in pairs if p[1]]))
    if goal.plans:
        columns = [w.r(f"columns.{c}") for c in ("what", "who", "when", "budget", "criteria")]
        blocks.append(Table(columns, [_plan_row(p, ws, w) for p in goal.plans], [0.28, 0.18, 0.16, 0.12, 0.26]))
    else:
        blocks.append(Note(w.r("labels.no_plans")))
    return blocks


def _goals_section(ws: Workshop, w: _Words) -> Section:
    from workshop.core.export.summary import timeline_blocks

    blocks: list[Block] = timeline_blocks(ws, w)
    for number, goal in enumerate(ws.goals, start=1):
        blocks.extend(_goal_blocks(number, goal, ws, w))
    if not ws.goals:
        blocks.append(Note(w.r("empty")))
    return Section("goals", w.r("sections.goals"), blocks, step="goals")


def _ground_rules_section(ws: Workshop, w: _Words) -> Section:
    gr = ws.ground_rules
    blocks: list[Block] = []
    adopted = [_said(r) for r in gr.rules if r.status == "adopted" and _clean(r.text)]
    proposed = [_said(r) for r in gr.rules if r.status == "proposed" and _clean(r.text)]
    blocks.append(Heading(w.r("labels.adopted_rules")))
    blocks.append(Bullets(adopted) if adopted else Note(w.r("empty")))
    if proposed:
        blocks.append(Heading(w.r("labels.proposed_rules")))
        blocks.append(Bullets(proposed))
    blocks.append(Heading(w.r("labels.decisions")))
    pairs = [
        (w.r("labels.decision_procedure"), w.name("decision_procedures", gr.decision_procedure) or w.r("values.not_set")),
        (w.r("labels.quorum"), str(gr.quorum) if gr.quorum else w.r("values.not_set")),
        (
            w.r("labels.conflict_resolution"),
            w.name("conflict_resolution", gr.conflict_resolution) or w.r("values.not_set"),
        ),
        (w.r("labels.reopen_rule"), _clean(gr.reopen_rule)),
        (w.r("labels.executive_may_decide"), _clean(gr.executive_may_decide)),
    ]
    blocks.append(KeyValue([p for p in pairs if p[1]]))
    return Section("ground-rules", w.r("sections.ground-rules"), blocks, step="ground-rules")


def finding_text(finding: Finding, w: _Words) -> str:
    """The finding's message in the catalogue language, its params translated where they are ids."""
    params: dict[str, Any] = {}
    for key, value in finding.params.items():
        if key == "sector" and isinstance(value, str):
            params[key] = w.name("sectors", value)
        elif key == "kinds" and isinstance(value, list):
            params[key] = w.join([w.name("swot.kinds", str(k)) for k in value])
        elif isinstance(value, str):
            params[key] = _clean(value)
        else:
            params[key] = value
    return w.t(finding.message_key, finding.code, **params)


def _evaluation_section(ws: Workshop, w: _Words) -> Section:
    ev = ws.evaluation
    blocks: list[Block] = []
    from workshop.core.export.summary import poll_blocks

    pairs = [(w.r("labels.stage"), w.name("stages", ws.meta.stage))]
    if ev.ratings:
        average = sum(r.score for r in ev.ratings) / len(ev.ratings)
        pairs.append((w.r("labels.poll_average"), w.r("labels.poll_value", average=f"{average:.1f}", count=len(ev.ratings))))
    blocks.append(KeyValue(pairs))
    blocks.extend(poll_blocks(ws, w))
    blocks.append(Heading(w.r("labels.eight_steps")))
    rows = [[str(n), w.t(f"eight_steps.{n}.title", str(n)), f"{ev.eight_steps.get(str(n), 0)}%"] for n in range(1, 9)]
    blocks.append(Table([w.r("columns.number"), w.r("columns.step"), w.r("columns.progress")], rows, [0.08, 0.72, 0.2]))
    blocks.append(Heading(w.r("labels.indicators")))
    rows = [
        [indicator_wording(ev, str(n), w.t(f"indicators.{n}", str(n))), w.yes_no(ev.indicators.get(str(n), False))]
        for n in range(1, 5)
    ]
    blocks.append(Table([w.r("columns.indicator"), w.r("columns.achieved")], rows, [0.8, 0.2]))
    blocks.append(Heading(w.r("labels.findings")))
    findings = [finding_text(f, w) for f in all_findings(ws)]
    blocks.append(Bullets(findings) if findings else Note(w.r("labels.no_findings")))
    blocks.append(Heading(w.r("labels.next_steps")))
    steps = [_said(i) for i in ev.next_steps if _clean(i.text)]
    blocks.append(Bullets(steps) if steps else Note(w.r("empty")))
    return Section("evaluation", w.r("sections.evaluation"), blocks, step="export")


def suggested_minutes(step: str) -> int | None:
    """The suggested timebox of a step (the step registry's), or None for an id the registry lacks."""
    from workshop.core.steps import registry

    return registry.BY_ID[step].timebox if step in registry.BY_ID else None


def _timing_section(ws: Workshop, w: _Words) -> Section:
    rows = []
    for step in STEP_IDS:
        suggested = suggested_minutes(step)
        planned = ws.timing.timeboxes.get(step)
        spent = ws.timing.spent.get(step, 0)
        rows.append(
            [
                w.t(f"steps.{step}.title", step),
                "" if suggested is None else str(suggested),
                "" if planned is None else str(planned),
                _minutes(spent),
            ]
        )
    columns = [w.r(f"columns.{c}") for c in ("step", "suggested", "planned", "spent")]
    total = sum(ws.timing.spent.values())
    blocks: list[Block] = [
        Table(columns, rows, [0.46, 0.18, 0.18, 0.18]),
        Note(w.r("labels.total_spent", minutes=_minutes(total))),
    ]
    return Section("timing", w.r("sections.timing"), blocks)


def _notes_section(ws: Workshop, w: _Words) -> Section:
    blocks: list[Block] = []
    order = list(STEP_IDS) + sorted(k for k in ws.facilitator_notes if k not in STEP_IDS)
    for step in order:
        text = _clean(ws.facilitator_notes.get(step))
        if text:
            blocks.append(Heading(w.t(f"steps.{step}.title", step)))
            blocks.append(Paragraph(text))
    if not blocks:
        blocks.append(Note(w.r("empty")))
    return Section("facilitator-notes", w.r("sections.facilitator-notes"), blocks)


# --------------------------------------------------------------------------- public API


def build_report(
    workshop: Workshop,
    *,
    audience: Audience,
    language: str,
    catalogue: Catalogue,
    today: date | None = None,
    attendance: bool = False,
    now: datetime | None = None,
) -> Report:
    """The document plan of a workshop for one audience, in the catalogue's language.

    The first section is the one-page summary; `attendance` adds the participants' names
    and organisations to the workshop section (the facilitator decides, for either audience).
    """
    from workshop.core.export.summary import attendance_blocks, summary_section

    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    w = _Words(catalogue)
    facilitator = audience == "facilitator"
    created = now or datetime.now(timezone.utc)
    generated = today or created.date()
    setup = _setup_section(workshop, w)
    if attendance:
        setup.blocks.extend(attendance_blocks(workshop, w))
    sections = [
        summary_section(workshop, w),
        setup,
        _needs_section(workshop, w),
        _readiness_section(workshop, w),
        _swot_section(workshop, w),
        _trends_section(workshop, w),
        _mapping_section(workshop, w),
        _mission_section(workshop, w, facilitator),
        _partners_section(workshop, w, facilitator),
        _type_section(workshop, w),
        _structure_section(workshop, w),
        _goals_section(workshop, w),
        _ground_rules_section(workshop, w),
        _evaluation_section(workshop, w),
    ]
    if facilitator:
        sections += [_timing_section(workshop, w), _notes_section(workshop, w)]
    audience_label = w.r(f"audience.{audience}")
    subtitle = [s for s in (w.date(workshop.meta.date), _clean(workshop.meta.place)) if s]
    meta = ReportMeta(
        title=_clean(workshop.meta.title),
        subtitle=subtitle + [audience_label],
        generated=generated,
        generated_label=w.r("cover.generated", date=w.date(generated)),
        language=language,
        audience=audience,
        audience_label=audience_label,
        rtl=catalogue.rtl,
        cover=_cover(workshop, w),
        dateline=" · ".join(subtitle),
        created=created,
    )
    labels = {
        "contents": w.r("contents"),
        "page_of": w.catalogue.flat.get("report.page_of", "{page} / {pages}"),
        "left_out": w.r("left_out.heading"),
        "warning_fallback": w.r("warnings.fallback"),
    }
    return Report(meta=meta, sections=sections, labels=labels)


def left_out(audience: str, catalogue: Catalogue) -> list[str]:
    """What the participants' version omits, one sentence each (empty for the facilitator)."""
    if audience == "facilitator":
        return []
    w = _Words(catalogue)
    return [w.r(f"left_out.{key}") for key in LEFT_OUT_KEYS]


#: Section ids in report order for each audience (tests and the export screen use them).
SECTION_ORDER: dict[str, tuple[str, ...]] = {
    "participants": (
        "summary",
        "setup",
        "needs",
        "readiness",
        "swot",
        "trends",
        "mapping",
        "mission",
        "partners",
        "coalition-type",
        "structure",
        "goals",
        "ground-rules",
        "evaluation",
    ),
}
SECTION_ORDER["facilitator"] = SECTION_ORDER["participants"] + ("timing", "facilitator-notes")
