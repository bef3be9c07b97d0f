"""Evaluation helpers: stage moves, progress nudging and bars, poll summaries, indicators."""

from __future__ import annotations

import pytest

from workshop.core.model import Evaluation, Meta, Rating
from workshop.core.steps import evaluation as ev


def test_shift_stage_stops_at_both_ends() -> None:
    assert ev.shift_stage("pre-formation", -1) == "pre-formation"
    assert ev.shift_stage("pre-formation", 1) == "formation"
    assert ev.shift_stage("maintenance", 1) == "institutionalisation"
    assert ev.shift_stage("institutionalisation", 1) == "institutionalisation"
    assert ev.shift_stage("unknown", 2) == "implementation"


def test_set_stage_refuses_unknown_stages() -> None:
    meta = Meta(title="t")
    assert ev.set_stage(meta, "maintenance") == "maintenance"
    assert meta.stage == "maintenance"
    with pytest.raises(ValueError, match="unknown stage"):
        ev.set_stage(meta, "retirement")
    assert meta.stage == "maintenance"


def test_nudge_progress_clamps_and_records() -> None:
    evaluation = Evaluation(eight_steps={"1": 95, "2": 5})
    assert ev.nudge_progress(evaluation, "1", 10) == 100
    assert ev.nudge_progress(evaluation, "1", 10) == 100
    assert ev.nudge_progress(evaluation, "2", -10) == 0
    assert ev.nudge_progress(evaluation, "3", 10) == 10  # an unrecorded step starts at 0
    assert evaluation.eight_steps == {"1": 100, "2": 0, "3": 10}
    with pytest.raises(ValueError, match="eight steps"):
        ev.nudge_progress(evaluation, "9", 10)


def test_out_of_range_progress_is_refused_by_the_schema() -> None:
    import pytest

    with pytest.raises(ValueError):
        Evaluation(eight_steps={"4": 250})
    with pytest.raises(ValueError):
        Evaluation(eight_steps={"5": -30})
    evaluation = Evaluation(eight_steps={"4": 100})
    assert ev.nudge_progress(evaluation, "4", 10) == 100
    assert ev.nudge_progress(evaluation, "4", -10) == 90


def test_arrow_delta_is_mirrored_in_arabic() -> None:
    assert ev.arrow_delta("right", rtl=False) == 10
    assert ev.arrow_delta("left", rtl=False) == -10
    assert ev.arrow_delta("left", rtl=True) == 10
    assert ev.arrow_delta("right", rtl=True) == -10
    assert ev.arrow_delta("up", rtl=False) == 0


def test_progress_bar() -> None:
    assert ev.progress_bar(40, 10) == "████░░░░░░  40%"
    assert ev.progress_bar(100, 10) == "██████████ 100%"
    assert ev.progress_bar(0, 4) == "░░░░   0%"
    assert ev.progress_bar(40, 10, rtl=True) == "40%  ░░░░░░████"
    assert ev.progress_bar(75, 8) == "██████░░  75%"
    assert ev.progress_bar(130, 10) == ev.progress_bar(100, 10)


def test_average_progress_counts_missing_steps_as_zero() -> None:
    assert ev.average_progress(Evaluation()) == 0
    assert ev.average_progress(Evaluation(eight_steps={"1": 100, "2": 60})) == 20


def test_poll_summaries() -> None:
    ratings = [Rating(question="overall", score=s) for s in (5, 4, 4)] + [Rating(question="voice", score=2)]
    overall, clarity, voice, _next = ev.poll_summaries(ratings)
    assert (overall.count, overall.counts, overall.average_text()) == (3, (0, 0, 0, 2, 1), "4.3")
    assert (clarity.count, clarity.average, clarity.average_text()) == (0, None, "–")
    assert voice.average == 2.0
    assert ev.overall_average(ratings) == pytest.approx(15 / 4)
    assert ev.overall_average([]) is None


def test_add_and_remove_ratings() -> None:
    evaluation = Evaluation()
    ev.add_rating(evaluation, "overall", 5)
    ev.add_rating(evaluation, "clarity", 3)
    ev.add_rating(evaluation, "overall", 2)
    removed = ev.remove_last_rating(evaluation, "overall")
    assert removed is not None and removed.score == 2
    assert [(r.question, r.score) for r in evaluation.ratings] == [("overall", 5), ("clarity", 3)]
    assert ev.remove_last_rating(evaluation, "voice") is None
    with pytest.raises(ValueError, match="between 1 and 5"):
        ev.add_rating(evaluation, "overall", 6)
    with pytest.raises(ValueError, match="unknown poll question"):
        ev.add_rating(evaluation, "mood", 3)
    assert len(evaluation.ratings) == 2


def test_toggle_indicator() -> None:
    evaluation = Evaluation(indicators={"2": True})
    assert ev.toggle_indicator(evaluation, "1") is True
    assert ev.toggle_indicator(evaluation, "2") is False
    assert evaluation.indicators == {"1": True, "2": False}
    assert ev.indicators_met(evaluation) == 1
    with pytest.raises(ValueError):
        ev.toggle_indicator(evaluation, "5")


def test_add_next_step_refuses_blank_text() -> None:
    evaluation = Evaluation()
    item = ev.add_next_step(evaluation, "Send the report", "Joanne")
    assert (item.text, item.author) == ("Send the report", "Joanne")
    with pytest.raises(ValueError, match="needs some text"):
        ev.add_next_step(evaluation, "   ")
    assert len(evaluation.next_steps) == 1


def test_a_date_at_the_end_of_a_next_step_is_its_due_date() -> None:
    from datetime import date

    from workshop.core.model import NextStep
    from workshop.core.steps.evaluation import set_next_step, split_due, with_due

    assert split_due("Send the report 2026-10-21") == ("Send the report", date(2026, 10, 21))
    assert split_due("إرسال التقرير ٢١/١٠/٢٠٢٦") == ("إرسال التقرير", date(2026, 10, 21))
    for kept in ("Meet on 2026-13-01", "2026-10-21", "Call 3 people", "Meet 21/10/2026 at noon"):
        assert split_due(kept) == (kept, None)
    step = NextStep(text="old")
    set_next_step(step, "Book the hall 2026-11-03 @Huda")
    assert (step.text, step.due, step.author) == ("Book the hall", date(2026, 11, 3), "Huda")
    set_next_step(step, with_due("Book the big hall", None) + " @Huda")
    assert (step.text, step.due) == ("Book the big hall", None), "an edit without the date removes it"


def test_indicator_wording_is_adapted_per_workshop_and_blank_goes_back() -> None:
    evaluation = Evaluation()
    manual = "Reliable links between affordable housing and the related social services."
    assert ev.indicator_wording(evaluation, "3", manual) == manual
    ev.set_indicator_text(evaluation, "3", "  Every child seen by a\nnurse before age one ")
    assert ev.indicator_wording(evaluation, "3", manual) == "Every child seen by a nurse before age one"
    assert ev.indicator_wording(evaluation, "1", "first") == "first"
    ev.set_indicator_text(evaluation, "3", "   ")
    assert evaluation.indicator_texts == {}
    with pytest.raises(ValueError, match="no indicator"):
        ev.set_indicator_text(evaluation, "9", "x")


def test_the_handout_shows_the_workshops_own_indicator_wording() -> None:
    from workshop.core.content import load_catalogue
    from workshop.core.export.markdown import to_markdown
    from workshop.core.export.report import build_report
    from workshop.core.model import Workshop

    workshop = Workshop(meta=Meta(title="Child health", language="en"))
    ev.set_indicator_text(workshop.evaluation, "3", "Every child seen by a nurse before age one")
    text = to_markdown(build_report(workshop, audience="participants", language="en", catalogue=load_catalogue("en")))
    assert "Every child seen by a nurse before age one" in text
    assert "affordable housing" not in text
    assert "Higher technical capacity in the community." in text  # the others keep the manual's words


@pytest.mark.parametrize(
    ("typed", "day", "time", "place"),
    [
        ("2026-12-15 18:00 Community hall", "2026-12-15", "18:00", "Community hall"),
        ("Community hall, 15/12/2026 9.30", "2026-12-15", "09:30", "Community hall"),
        ("١٥/١٢/٢٠٢٦ ١٨:٠٠ قاعة البلدية", "2026-12-15", "18:00", "قاعة البلدية"),
        ("2026/12/15", "2026-12-15", "", ""),
        ("after Friday prayers at the centre", None, "", "after Friday prayers at the centre"),
        ("Room 12:5 then 2026-12", None, "", "Room 12:5 then 2026-12"),
        ("   ", None, "", ""),
    ],
)
def test_the_next_meeting_is_read_from_one_typed_line(typed: str, day: str | None, time: str, place: str) -> None:
    meeting = ev.read_meeting(typed)
    assert (meeting.date.isoformat() if meeting.date else None, meeting.time, meeting.place) == (day, time, place)


def test_the_next_meeting_line_reads_back_and_a_wrong_day_is_refused() -> None:
    from workshop.core.parse import NotADate

    evaluation = Evaluation()
    meeting = ev.set_next_meeting(evaluation, "Hall 2026-12-15 18:00")
    assert evaluation.next_meeting == meeting
    assert ev.meeting_line(meeting) == "2026-12-15 18:00 Hall"
    assert ev.read_meeting(ev.meeting_line(meeting)) == meeting
    with pytest.raises(NotADate):
        ev.set_next_meeting(evaluation, "2026-02-30 Hall")
    assert evaluation.next_meeting == meeting  # unchanged
    ev.set_next_meeting(evaluation, "")
    assert not evaluation.next_meeting.is_set()


def test_a_due_date_typed_after_the_owner_is_the_due_date() -> None:
    """Seen in tmux (evaluation, next steps): "Book the room @Ana 2026-12-01" stored the owner
    "Ana 2026-12-01" and no date; the date after the name is the due date, in either order."""
    from datetime import date

    assert ev.read_next_step("Book the room @Ana 2026-12-01") == ("Book the room", "Ana", date(2026, 12, 1))
    assert ev.read_next_step("Book the room 2026-12-01 @Ana") == ("Book the room", "Ana", date(2026, 12, 1))
    assert ev.read_next_step("احجز القاعة @سلمى ١/١٢/٢٠٢٦") == ("احجز القاعة", "سلمى", date(2026, 12, 1))
    assert ev.read_next_step("Call @Ana Lopez") == ("Call", "Ana Lopez", None)
    item = ev.add_next_step(Evaluation(), "x")
    ev.set_next_step(item, "Send the report @Joanne 2026-10-21")
    assert (item.text, item.author, item.due) == ("Send the report", "Joanne", date(2026, 10, 21))
