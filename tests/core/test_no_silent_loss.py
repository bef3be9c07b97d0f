"""Nothing typed is lost: drafts of capture fields and the time per step reach disk without a clean exit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.core.test_session import FakeClock, make_session
from workshop.core.export.json_export import to_dict
from workshop.core.model import Meta, Workshop
from workshop.core.service import Workshops


def test_a_draft_is_saved_like_an_edit_but_tells_no_listener() -> None:
    scheduled: list[Any] = []
    session, store = make_session(scheduler=lambda delay, cb: scheduled.append(cb))
    heard: list[int] = []
    session.subscribe(lambda s: heard.append(s.version))
    for typed in ("T", "Tu", "Tur"):
        session.set_draft("needs.accomplish", typed)
    assert len(scheduled) == 1, "a burst of keys is one save"
    scheduled[0]()
    assert store.saved[-1]["drafts"] == {"needs.accomplish": "Tur"}
    assert heard == [] and session.version == 0
    assert session.draft("needs.accomplish") == "Tur"
    session.set_draft("needs.accomplish", "")
    session.flush()
    assert store.saved[-1]["drafts"] == {}


def test_same_draft_again_writes_nothing_and_read_only_keeps_none() -> None:
    session, store = make_session()
    session.set_draft("swot.q-strength", "x")
    session.set_draft("swot.q-strength", "x")
    assert len(store.saved) == 1
    reader, reader_store = make_session(read_only=True)
    reader.set_draft("swot.q-strength", "x")
    assert reader.workshop.drafts == {} and reader_store.saved == []


def test_time_on_a_step_reaches_disk_without_leaving_it() -> None:
    clock = FakeClock()
    scheduled: list[Any] = []
    session, store = make_session(clock=clock, scheduler=lambda delay, cb: scheduled.append(cb))
    session.enter_step("swot")
    clock.now += 45.6
    session.keep_time()  # what the app's interval does
    scheduled.pop()()
    assert store.saved[-1]["timing"]["spent"] == {"swot": 45}
    assert session.step_elapsed() == 45
    clock.now += 20.5  # 0.6 + 20.5: 21 more whole seconds
    assert session.step_elapsed() == 66
    session.leave_step()
    assert store.saved[-1]["timing"]["spent"] == {"swot": 66}


def test_every_save_carries_the_time_so_far() -> None:
    clock = FakeClock()
    session, store = make_session(clock=clock)
    session.enter_step("needs")
    clock.now += 90
    session.set_draft("needs.accomplish", "half a sentence")
    assert store.saved[-1]["timing"]["spent"] == {"needs": 90}


def test_keep_time_with_nothing_new_writes_nothing() -> None:
    clock = FakeClock()
    session, store = make_session(clock=clock)
    session.enter_step("needs")
    before = len(store.saved)
    session.keep_time()
    assert len(store.saved) == before


def test_drafts_never_reach_the_participants() -> None:
    workshop = Workshop(meta=Meta(title="t"), drafts={"needs.accomplish": "private half thought"})
    assert to_dict(workshop, audience="participants")["drafts"] == {}
    assert to_dict(workshop, audience="facilitator")["drafts"] == {"needs.accomplish": "private half thought"}


def test_a_new_workshop_is_dated_today(data_dir: Path) -> None:
    workshops = Workshops.at(data_dir)
    created = workshops.create("Housing", "en")
    assert workshops.load(created.id).meta.date == dt.date.today()
    chosen = workshops.create("Later", "en", date="2027-02-03")
    assert workshops.load(chosen.id).meta.date == dt.date(2027, 2, 3)
