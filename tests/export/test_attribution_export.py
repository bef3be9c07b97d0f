"""Who said it reaches the handout: every attributed list shows "— Name" in Markdown, the PDF and on the projector."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.export.test_exports import make_catalogue, markdown_of
from tests.export.test_pdf_document import normalise, render
from workshop.core.export.report import build_report
from workshop.core.model import (
    GroundRule,
    Item,
    Meta,
    Opportunity,
    Problem,
    SwotItem,
    Trend,
    Workshop,
)

#: One attributed item per list the capture hint promises "@Name" in: (text, author).
SAID = {
    "needs": ("Safer streets for children", "Amal"),
    "swot": ("Trusted clinics", "Huda"),
    "trend": ("Rents rising fast", "Lena"),
    "problem": ("Evictions without notice", "Omar"),
    "opportunity": ("New housing fund", "Basel"),
    "rule": ("Phones off in meetings", "Fatima"),
    "next": ("Send the minutes", "Karim"),
}


def attributed_workshop() -> Workshop:
    ws = Workshop(meta=Meta(title="Housing"))
    ws.needs.needs = [Item(text=SAID["needs"][0], author=SAID["needs"][1])]
    ws.swot = [SwotItem(kind="strength", text=SAID["swot"][0], author=SAID["swot"][1])]
    ws.trends = [Trend(text=SAID["trend"][0], author=SAID["trend"][1])]
    opportunity = Opportunity(text=SAID["opportunity"][0], author=SAID["opportunity"][1])
    free = Opportunity(text="Volunteer lawyers", author="Rana")
    ws.opportunities = [opportunity, free]
    ws.problems = [Problem(text=SAID["problem"][0], author=SAID["problem"][1], opportunity_ids=[opportunity.id])]
    ws.ground_rules.rules = [GroundRule(text=SAID["rule"][0], author=SAID["rule"][1], status="adopted")]
    ws.evaluation.next_steps = [Item(text=SAID["next"][0], author=SAID["next"][1])]
    return ws


@pytest.mark.parametrize("audience", ["participants", "facilitator"])
def test_markdown_names_who_said_each_item(audience: str) -> None:
    text = markdown_of(attributed_workshop(), audience)
    for said, name in [*SAID.values(), ("Volunteer lawyers", "Rana")]:
        assert f"{said} — {name}" in text, said


def test_pdf_names_next_step_owners_and_swot_authors(tmp_path: Path) -> None:
    pages, _ = render(attributed_workshop(), "participants", "en", tmp_path / "h.pdf")
    text = normalise("".join(pages))
    for said, name in SAID.values():
        assert normalise(f"{said} — {name}") in text, said


def test_projector_blocks_carry_the_names() -> None:
    report = build_report(attributed_workshop(), audience="participants", language="ar", catalogue=make_catalogue("ar"))
    shown = repr(report.sections)
    for said, name in SAID.values():
        assert f"{said} — {name}" in shown, said
