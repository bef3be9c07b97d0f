"""Pure helpers of the setup, readiness, mapping and mission screens."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.core.model import Meta, MissionDraft, Opportunity, Problem, Workshop
from workshop.core.steps.mapping import (
    map_lines,
    next_source,
    one_line,
    split_source,
    toggle_link,
    unlinked_problem_ids,
)
from workshop.core.steps.mission import compare_pair, history_lines, revise_draft
from workshop.core.steps.readiness import answer_mark, readiness_summary
from workshop.core.steps.setup import (
    BadDate,
    ParticipantFields,
    approach_bar,
    approach_leaning,
    date_incomplete,
    match_sector,
    move_approach,
    parse_date,
    parse_participant,
    participant_line,
)

NAMES = {"public": "Public sector", "community": "Community organisation", "nonprofit": "Non-profit"}


def workshop() -> Workshop:
    return Workshop(meta=Meta(title="T"))


def test_participant_quick_add() -> None:
    assert parse_participant("Mona, Youth Forum, community", NAMES) == ParticipantFields("Mona", "Youth Forum", "community")
    parsed = parse_participant("Sami ، Clinic ، Public sector", NAMES)
    assert (parsed.name, parsed.organisation, parsed.sector) == ("Sami", "Clinic", "public")
    parsed = parse_participant("Rana, Radio, Co, wizard", NAMES)
    assert (parsed.organisation, parsed.sector, parsed.unknown_sector) == ("Radio, Co", None, "wizard")
    assert parse_participant("Only a name", NAMES).organisation == ""
    assert parse_participant(" , Org", NAMES) is None


def test_match_sector_needs_a_unique_start() -> None:
    assert match_sector("COMMUNITY", NAMES) == "community"
    assert match_sector("non", NAMES) == "nonprofit"
    assert match_sector("p", NAMES) is None  # public and private both start with p
    assert match_sector("", NAMES) is None


def test_participant_line_skips_empty_parts() -> None:
    assert participant_line("Mona", "", "Public sector") == "Mona, Public sector"
    assert participant_line("منى", "منتدى", "", arabic=True) == "منى، منتدى"


def test_dates() -> None:
    assert parse_date("2025-03-14") == dt.date(2025, 3, 14)
    assert parse_date("٢٠٢٥-٠٣-١٤") == dt.date(2025, 3, 14)
    assert parse_date("  ") is None
    # One reader for every date field (setup, plans, follow-ups): slashes and one-digit parts too.
    assert parse_date("2025/03/14") == parse_date("2025-3-14") == dt.date(2025, 3, 14)
    for bad in ("2025-02-30", "14/03/2025", "tomorrow"):
        with pytest.raises(BadDate):
            parse_date(bad)
    assert date_incomplete("2025-0") and not date_incomplete("2025-03-14") and not date_incomplete("soon")


def test_approach_slider_values() -> None:
    assert move_approach(50, 2) == 70
    assert move_approach(95, 1) == 100 and move_approach(5, -1) == 0
    assert [approach_leaning(v) for v in (0, 50, 60)] == ["betterment", "between", "empowerment"]
    assert approach_bar(0, 5) == "●────" and approach_bar(100, 5) == "────●"
    assert approach_bar(0, 5, mirrored=True) == "────●"


def test_readiness_summary() -> None:
    w = workshop()
    w.readiness["q2"].answer = "no"
    w.readiness["q5"].answer = "unsure"
    w.readiness["q1"].answer = "yes"
    summary = readiness_summary(w)
    assert (summary.verdict, summary.noes, summary.unsure) == ("rethink", (2,), (5,))
    assert summary.open == (3, 4, 6, 7)
    assert [answer_mark(a) for a in ("yes", "no", "unsure", None)] == ["✓", "✗", "?", "·"]


def test_map_lines_and_unlinked() -> None:
    w = workshop()
    fund = Opportunity(text="Health\nfund")
    w.opportunities.append(fund)
    linked = Problem(text="Waits")
    toggle_link(linked, fund.id)
    lonely = Problem(text="Cuts", opportunity_ids=["gone"])
    w.problems += [linked, lonely]
    assert unlinked_problem_ids(w) == {lonely.id}
    assert map_lines(w, arrow="←", unlinked="none") == ["• Waits", "   ← Health fund", "• Cuts", "   none"]


def test_trend_sources() -> None:
    names = {"stories": "Residents' stories", "experience": "Experience", "data": "Data analysis"}
    assert split_source("Rents rising #data", names) == ("Rents rising", "data")
    assert split_source("Rents #resid", names) == ("Rents", "stories")
    assert split_source("Issue #5 in town", names) == ("Issue #5 in town", None)
    assert split_source("#data", names) == ("#data", None)
    assert [next_source(s) for s in ("stories", "experience", "data")] == ["experience", "data", "stories"]


def test_drafts_helpers() -> None:
    w = workshop()
    a, b = MissionDraft(text="one"), MissionDraft(text="two")
    w.mission.drafts += [a, b]
    assert compare_pair(w, a.id, b.id) == (a, b)
    assert compare_pair(w, a.id, a.id) is None and compare_pair(w, a.id, "gone") is None
    revise_draft(a, "one more")
    revise_draft(a, "one more time")
    assert [text for _, text in history_lines(a)] == ["one more", "one"]
    assert one_line("a\n b   c", 4) == "a b…" and one_line("short", 10) == "short"
