"""The background writer and the session's saves through it: one write at a time, in order, the
newest waiting snapshot wins, flush waits for the write in flight, a failed write is said."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from workshop.core.model import Meta, Workshop
from workshop.core.session import Session
from workshop.core.steps.swot import add_swot
from workshop.core.storage.background import BackgroundWriter
from workshop.core.store import StoreError

WAIT = 10.0  # only ever reached when the code under test is broken


class Gate:
    """A write function that records what it wrote and can be held at its start."""

    def __init__(self) -> None:
        self.written: list[Any] = []
        self.started = threading.Event()
        self.release = threading.Event()
        self.release.set()
        self.finished: list[Any] = []
        self.fail: Callable[[Any], BaseException | None] = lambda _s: None
        self.overlap = 0
        self._inside = 0

    def __call__(self, snapshot: Any) -> None:
        self._inside += 1
        self.overlap = max(self.overlap, self._inside)
        self.started.set()
        assert self.release.wait(WAIT)
        self._inside -= 1
        error = self.fail(snapshot)
        if error is not None:
            raise error
        self.written.append(snapshot)
        self.finished.append(snapshot)


def held_gate() -> Gate:
    gate = Gate()
    gate.release.clear()
    return gate


def test_one_write_at_a_time_in_order_and_the_newest_waiting_wins() -> None:
    gate = held_gate()
    done = threading.Semaphore(0)
    writer: BackgroundWriter[str] = BackgroundWriter(gate, wake=lambda _cb: done.release(), on_written=lambda: None)
    writer.submit(1, "one")
    assert gate.started.wait(WAIT)  # "one" is in flight
    writer.submit(2, "two")
    writer.submit(3, "three")  # "two" never started: dropped for "three"
    assert writer.busy
    gate.release.set()
    assert done.acquire(timeout=WAIT) and done.acquire(timeout=WAIT)
    assert writer.collect() == [(1, None), (3, None)]
    assert gate.written == ["one", "three"]
    assert writer.dropped == 1 and gate.overlap == 1
    assert writer.close() == [] and not writer.busy


def test_drain_waits_for_the_write_in_flight_and_drops_the_waiting_one() -> None:
    gate = held_gate()
    writer: BackgroundWriter[str] = BackgroundWriter(gate)
    writer.submit(1, "one")
    assert gate.started.wait(WAIT)
    writer.submit(2, "two")
    threading.Timer(0.05, gate.release.set).start()  # the write ends after drain() has begun waiting
    assert writer.drain() == [(1, None)]
    assert gate.finished == ["one"], "drain returned before the write in flight had finished"
    assert not writer.busy
    writer.close()
    assert gate.written == ["one"]


def test_a_failed_write_is_an_outcome_and_the_worker_goes_on() -> None:
    gate = Gate()
    gate.fail = lambda s: OSError(28, "No space left on device") if s == "one" else None
    woken: list[Callable[[], None]] = []
    done = threading.Semaphore(0)

    def wake(callback: Callable[[], None]) -> None:
        woken.append(callback)
        done.release()

    writer: BackgroundWriter[str] = BackgroundWriter(gate, wake=wake, on_written=lambda: None)
    writer.submit(1, "one")
    assert done.acquire(timeout=WAIT)
    writer.submit(2, "two")
    assert done.acquire(timeout=WAIT)
    outcomes = writer.close()
    assert [tag for tag, _ in outcomes] == [1, 2]
    assert isinstance(outcomes[0][1], OSError) and outcomes[1][1] is None
    assert gate.written == ["two"] and len(woken) == 2
    with pytest.raises(RuntimeError):
        writer.submit(3, "three")


# --------------------------------------------------------------------------- the session through it


class Loop:
    """Stands for the event loop: the scheduler's timer and `call_soon_threadsafe`, run by hand."""

    def __init__(self) -> None:
        self.timers: list[Callable[[], None]] = []
        self.soon: list[Callable[[], None]] = []
        self.lock = threading.Lock()
        self.woken = threading.Semaphore(0)

    def scheduler(self, _delay: float, callback: Callable[[], None]) -> None:
        self.timers.append(callback)

    def wake(self, callback: Callable[[], None]) -> None:
        with self.lock:
            self.soon.append(callback)
        self.woken.release()

    def tick(self) -> None:
        """The save delay passes."""
        timers, self.timers = self.timers, []
        for callback in timers:
            callback()

    def run_woken(self) -> None:
        """Wait for the worker's next "written" and run it on this (the loop's) thread."""
        assert self.woken.acquire(timeout=WAIT)
        with self.lock:
            soon, self.soon = self.soon, []
        for callback in soon:
            callback()


class SlowStore:
    def __init__(self) -> None:
        self.gate = Gate()

    def save(self, doc: dict[str, Any]) -> None:
        self.gate(doc)

    @property
    def saved(self) -> list[dict[str, Any]]:
        return self.gate.written


def texts(doc: dict[str, Any]) -> list[str]:
    return [item["text"] for item in doc["swot"]]


def make(store: Any) -> tuple[Session, Loop, list[Exception]]:
    loop = Loop()
    errors: list[Exception] = []
    session = Session(
        store, Workshop(meta=Meta(title="t")), scheduler=loop.scheduler, wake=loop.wake, on_error=errors.append
    )
    return session, loop, errors


def in_flight(text: str) -> tuple[Session, Loop, SlowStore, list[Exception]]:
    """A session whose background write of one edit (`text`) has started and is held."""
    store = SlowStore()
    store.gate.release.clear()
    session, loop, errors = make(store)
    session.edit(lambda w: add_swot(w, "threat", text))
    loop.tick()  # the snapshot is taken now, on the loop
    assert store.gate.started.wait(WAIT)
    return session, loop, store, errors


def test_the_debounced_save_is_written_in_the_background_and_flush_writes_the_rest() -> None:
    session, _loop, store, errors = in_flight("a")
    session.edit(lambda w: add_swot(w, "threat", "b"))  # not in the snapshot being written
    assert session.dirty
    threading.Timer(0.05, store.gate.release.set).start()
    assert session.flush()  # waits for the write in flight, then writes what it did not hold
    assert [texts(doc) for doc in store.saved] == [["a"], ["a", "b"]]
    assert not session.dirty and session.saves == 2 and errors == []
    session.close()


def test_a_burst_while_a_write_is_in_flight_is_one_more_write_of_the_newest() -> None:
    session, loop, store, _ = in_flight("a")
    for text in ("b", "c"):
        session.edit(lambda w, text=text: add_swot(w, "threat", text))
        loop.tick()
    store.gate.release.set()
    loop.run_woken()
    while session.dirty:
        loop.run_woken()
    assert [texts(doc) for doc in store.saved] == [["a"], ["a", "b", "c"]]
    assert not session.flush()  # nothing left to write
    session.close()


def test_a_failed_background_write_is_said_kept_in_memory_and_written_later() -> None:
    store = SlowStore()
    full = StoreError("errors.store_write_failed", id="x", path="/data", reason="No space left on device")
    store.gate.fail = lambda _doc: full
    session, loop, errors = make(store)
    session.edit(lambda w: add_swot(w, "threat", "kept"))
    loop.tick()
    loop.run_woken()  # the failure is said on the loop, as a synchronous one is
    assert len(errors) == 1 and session.save_error is errors[0] and session.dirty
    assert store.saved == []
    assert not session.flush() and len(errors) == 2  # still full: flush says it once more, not twice
    store.gate.fail = lambda _doc: None
    session.edit(lambda w: add_swot(w, "threat", "more"))
    loop.tick()
    loop.run_woken()
    assert session.save_error is None and not session.dirty
    assert texts(store.saved[-1]) == ["kept", "more"]
    session.close()


def test_close_waits_for_the_write_in_flight_then_writes_and_stops_the_worker() -> None:
    session, loop, store, _ = in_flight("a")
    session.edit(lambda w: add_swot(w, "threat", "b"))
    threading.Timer(0.05, store.gate.release.set).start()
    session.close()  # quit, SIGHUP, SIGTERM and a crash all end here
    assert texts(store.saved[-1]) == ["a", "b"] and store.gate.overlap == 1
    assert not session.dirty
    session.edit(lambda w: add_swot(w, "threat", "c"))  # a late edit (the room closing) after close
    loop.tick()  # is written synchronously: the worker is gone
    assert texts(store.saved[-1]) == ["a", "b", "c"]


def test_a_bug_in_a_background_write_is_raised_on_the_loop() -> None:
    store = SlowStore()
    store.gate.fail = lambda _doc: TypeError("not a disk problem")
    session, loop, errors = make(store)
    session.edit(lambda w: add_swot(w, "threat", "a"))
    loop.tick()
    with pytest.raises(TypeError):
        loop.run_woken()
    assert errors == [] and session.dirty


def test_when_saved_waits_for_the_write_that_holds_the_change_and_never_for_a_failed_one() -> None:
    store = SlowStore()
    session, loop, _errors = make(store)
    told: list[str] = []
    session.when_saved(lambda: told.append("nothing to wait for"))
    assert told == ["nothing to wait for"]  # the file already holds everything
    session.edit(lambda w: add_swot(w, "threat", "a"))
    session.when_saved(lambda: told.append("a on disk"))
    full = StoreError("errors.store_write_failed", id="x", path="/data", reason="No space left on device")
    store.gate.fail = lambda _doc: full
    loop.tick()
    loop.run_woken()
    assert told == ["nothing to wait for"]  # the write failed: not told
    store.gate.fail = lambda _doc: None
    session.edit(lambda w: add_swot(w, "threat", "b"))
    session.when_saved(lambda: told.append("b on disk"))
    loop.tick()
    loop.run_woken()
    assert told == ["nothing to wait for", "a on disk", "b on disk"]
    assert texts(store.saved[-1]) == ["a", "b"]
    session.close()


def test_a_waiter_that_stops_waiting_is_dropped_and_never_called() -> None:
    """A phone's write that gave up on a refusing disk leaves nothing behind in the session."""
    store = SlowStore()
    session, loop, _errors = make(store)
    told: list[str] = []
    full = StoreError("errors.store_write_failed", id="x", path="/data", reason="No space left on device")
    store.gate.fail = lambda _doc: full
    session.edit(lambda w: add_swot(w, "threat", "a"))
    stop_first = session.when_saved(lambda: told.append("first"))
    session.when_saved(lambda: told.append("second"))
    loop.tick()
    loop.run_woken()
    assert session.waiters == 2  # the disk refused: both still wait
    stop_first()
    stop_first()  # twice is harmless
    assert session.waiters == 1
    store.gate.fail = lambda _doc: None
    session.edit(lambda w: add_swot(w, "threat", "b"))
    loop.tick()
    loop.run_woken()
    assert told == ["second"] and session.waiters == 0
    session.when_saved(lambda: told.append("at once"))()  # nothing to wait for: called at once, stopping is a no-op
    assert told == ["second", "at once"] and session.waiters == 0
    session.close()
