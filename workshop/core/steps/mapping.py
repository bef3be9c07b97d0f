"""Mapping step (problems, opportunities and trends): seeding, links, map lines and findings. Never imports Textual."""

from __future__ import annotations

from collections.abc import Mapping

from workshop.core.attribution import split_author
from workshop.core.model import (
    Opportunity,
    Problem,
    Trend,
    Workshop,
)
from workshop.core.steps.findings import Finding
from workshop.core.steps.setup import _fold
from workshop.core.steps.step import Step


def mapping_findings(workshop: Workshop) -> list[Finding]:
    known = {o.id for o in workshop.opportunities}
    return [
        Finding("problem-unlinked", "mapping", target=p.id, params={"problem": p.text})
        for p in workshop.problems
        if not any(o in known for o in p.opportunity_ids)
    ]


TREND_SOURCES: tuple[str, ...] = ("stories", "experience", "data")


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


def one_line(text: str, limit: int = 0) -> str:
    """Text on one line (newlines as spaces), cut at `limit` characters with "…" when limit > 0."""
    flat = " ".join(text.split())
    if limit > 0 and len(flat) > limit:
        return flat[: max(1, limit - 1)].rstrip() + "…"
    return flat


def seed_mapping(workshop: Workshop) -> int:
    """Problems from weaknesses/threats and opportunities from the opportunity quadrant.

    Items already seeded are skipped; returns how many were added.
    """
    seeded_problems = {p.swot_id for p in workshop.problems if p.swot_id}
    seeded_opps = {o.swot_id for o in workshop.opportunities if o.swot_id}
    added = 0
    for item in workshop.swot:
        if not item.text.strip():
            continue
        if item.kind in ("weakness", "threat") and item.id not in seeded_problems:
            workshop.problems.append(Problem(text=item.text, author=item.author, swot_id=item.id))
            added += 1
        elif item.kind == "opportunity" and item.id not in seeded_opps:
            workshop.opportunities.append(Opportunity(text=item.text, author=item.author, swot_id=item.id))
            added += 1
    return added


def toggle_link(problem: Problem, opportunity_id: str) -> bool:
    """Link a problem to an opportunity, or unlink it; True when now linked."""
    if opportunity_id in problem.opportunity_ids:
        problem.opportunity_ids = [o for o in problem.opportunity_ids if o != opportunity_id]
        return False
    problem.opportunity_ids = [*problem.opportunity_ids, opportunity_id]
    return True


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


def done(workshop: Workshop) -> bool:
    """Whether the step has what the method asks of it."""
    return bool(workshop.problems) and not mapping_findings(workshop)


STEP = Step(
    id="mapping",
    timebox=20,
    screen="mapping:MappingScreen",
    done=done,
    findings=mapping_findings,
    codes=("problem-unlinked",),
    report=("trends", "mapping"),
    text=("steps.mapping", "screen.mapping", "trend_sources"),
)
