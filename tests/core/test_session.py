"""The session: saves, debounce, undo, time per step, read-only."""

from __future__ import annotations

from typing import Any

import pytest

from workshop.core.model import Meta, Workshop
from workshop.core.session import ReadOnlySession, Session
from workshop.core.steps.swot import add_swot


class FakeStore:
    def __init__(self) -> None:
        self.saved: list[dict[str, Any]] = []

    def save(self, doc: dict[str, Any]) -> None:
        self.saved.append(doc)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_session(**kwargs: Any) -> tuple[Session, FakeStore]:
    store = FakeStore()
    return Session(store, Workshop(meta=Meta(title="t")), **kwargs), store


def test_without_scheduler_every_edit_is_saved_at_once() -> None:
    session, store = make_session()
    session.edit(lambda w: add_swot(w, "strength", "trusted clinics"))
    assert len(store.saved) == 1
    assert store.saved[0]["swot"][0]["text"] == "trusted clinics"
    assert not session.dirty


def test_scheduler_debounces_a_burst_into_one_save() -> None:
    scheduled: list[tuple[float, Any]] = []
    session, store = make_session(scheduler=lambda delay, cb: scheduled.append((delay, cb)))
    for text in ("a", "b", "c"):
        session.edit(lambda w, text=text: add_swot(w, "threat", text))
    assert len(scheduled) == 1 and scheduled[0][0] <= 0.5
    assert store.saved == []
    scheduled[0][1]()
    assert len(store.saved) == 1
    assert [i["text"] for i in store.saved[0]["swot"]] == ["a", "b", "c"]


def test_undo_puts_the_item_back_where_it_was() -> None:
    session, _ = make_session()
    for text in ("a", "b", "c"):
        session.edit(lambda w, text=text: add_swot(w, "strength", text))
    middle = session.workshop.swot[1]
    session.delete(session.workshop.swot, middle)
    assert [i.text for i in session.workshop.swot] == ["a", "c"]
    assert session.undo_delete() is middle
    assert [i.text for i in session.workshop.swot] == ["a", "b", "c"]
    assert session.undo_delete() is None


def test_listeners_hear_every_change() -> None:
    session, _ = make_session()
    heard: list[int] = []
    unsubscribe = session.subscribe(lambda s: heard.append(len(s.workshop.swot)))
    session.edit(lambda w: add_swot(w, "strength", "x"))
    unsubscribe()
    session.edit(lambda w: add_swot(w, "strength", "y"))
    assert heard == [1]


def test_time_per_step_is_recorded() -> None:
    clock = FakeClock()
    session, store = make_session(clock=clock)
    session.enter_step("swot")
    clock.now += 125
    assert session.step_elapsed() == 125
    session.enter_step("mapping")
    assert session.workshop.timing.spent == {"swot": 125}
    assert session.workshop.last_step == "mapping"
    assert store.saved[-1]["last_step"] == "mapping"


def test_read_only_refuses_edits_and_never_saves() -> None:
    session, store = make_session(read_only=True)
    with pytest.raises(ReadOnlySession):
        session.edit(lambda w: add_swot(w, "strength", "x"))
    session.enter_step("swot")
    session.close()
    assert store.saved == []


def test_close_releases_the_lock() -> None:
    class Lock:
        released = False

        def release(self) -> None:
            self.released = True

    lock = Lock()
    session, _ = make_session(lock=lock)
    session.close()
    assert lock.released


def test_a_failed_save_keeps_the_changes_and_is_retried() -> None:
    from workshop.core.store import StoreError

    class FullDisk(FakeStore):
        full = True

        def save(self, doc: dict[str, Any]) -> None:
            if self.full:
                raise StoreError("errors.store_write_failed", id="x", path="/data", reason="No space left on device")
            super().save(doc)

    store = FullDisk()
    errors: list[Exception] = []
    session = Session(store, Workshop(meta=Meta(title="t")), on_error=errors.append)
    session.edit(lambda w: add_swot(w, "strength", "kept"))
    assert session.dirty and len(errors) == 1 and store.saved == []
    store.full = False
    assert session.flush()
    assert store.saved[-1]["swot"][0]["text"] == "kept"
    assert session.save_error is None


def test_whole_seconds_ignore_float_noise() -> None:
    from workshop.core.session import whole_seconds

    start = 1_234_567.891
    assert whole_seconds((start + 600) - start) == 600  # 599.99999... before
    assert whole_seconds(59.4) == 59
    assert whole_seconds(-0.5) == 0
