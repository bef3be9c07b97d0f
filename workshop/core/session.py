"""The open workshop: apply an edit, debounce the save, undo the last deletion, tell listeners.

A screen is built with the Session it edits. It never touches the store itself.
This module never imports Textual: the app injects a scheduler (its own timer),
tests inject none and every edit is saved at once. The app also injects `wake` (its loop's
`call_soon_threadsafe`): the debounced saves are then written by a worker thread
(`storage.background`), so the two fsyncs of a save never hold up a keystroke. Every other save
(`flush`: step changes, quit, signals, a crash, `close`) is written at once, after waiting for
the write in flight.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from workshop.core.model import STEPS, Workshop, now_iso, workshop_to_dict
from workshop.core.limits import LimitExceeded, check_counts, lists_of
from workshop.core.storage.background import BackgroundWriter, Outcome
from workshop.core.store import StoreError

#: Longest time an edit waits before it reaches disk (seconds).
SAVE_DELAY = 0.3
#: How often the app asks the session to put the running step clock on disk (seconds), so a
#: crash or a dropped link loses at most this much of the time spent.
TIME_SAVE_INTERVAL = 30.0

Scheduler = Callable[[float, Callable[[], None]], Any]
Listener = Callable[["Session"], None]


class Storage(Protocol):
    """What a Session needs from the store."""

    def save(self, doc: dict[str, Any]) -> None: ...


class ReadOnlySession(Exception):
    """An edit was attempted on a workshop opened read-only."""


@dataclass
class Deletion:
    """The last deleted item, so it can be put back where it was."""

    collection: list[Any]
    index: int
    item: Any


def whole_seconds(delta: float) -> int:
    """Whole seconds in a clock difference; 599.9999999 (float noise of 600) counts as 600, not 599."""
    return max(0, math.floor(delta + 1e-6))


class Session:
    """One workshop being edited by one process."""

    def __init__(
        self,
        store: Storage,
        workshop: Workshop,
        *,
        read_only: bool = False,
        lock: Any = None,
        scheduler: Scheduler | None = None,
        clock: Callable[[], float] = time.monotonic,
        on_error: Callable[[Exception], None] | None = None,
        wake: Callable[[Callable[[], None]], Any] | None = None,
    ) -> None:
        self.store = store
        self.workshop = workshop
        self.read_only = read_only
        self.lock = lock
        self.scheduler = scheduler
        self.clock = clock
        self.on_error = on_error
        #: The last save that failed (disk full, permissions), until a save succeeds again.
        self.save_error: Exception | None = None
        self.saves = 0
        #: Marks every change that is to be saved; `_saved` is the mark the file on disk holds and
        #: `_submitted` the newest one handed to the background writer.
        self._changes = 0
        self._saved = 0
        self._submitted = 0
        self._writer: BackgroundWriter[tuple[int, dict[str, Any]]] | None = None
        if wake is not None and scheduler is not None and not read_only:
            self._writer = BackgroundWriter(self._write_snapshot, wake=wake, on_written=self._take_outcomes)
        #: Grows with every change (saved or not): followers compare it to see news.
        self.version = 0
        self._pending = False
        #: Callbacks waiting until the file holds a change mark (`when_saved`), oldest first.
        self._waiting: list[tuple[int, Callable[[], None]]] = []
        self._listeners: list[Listener] = []
        self._last_deletion: Deletion | None = None
        self._step_started: float | None = None

    # ------------------------------------------------------------------ listeners

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(session)` after every change; returns the unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def tell_listeners(self) -> None:
        """Call every listener now (after a batch of quiet edits)."""
        self._notify()

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener(self)

    # ------------------------------------------------------------------ edits

    def edit(self, change: Callable[[Workshop], Any], *, quiet: bool = False) -> Any:
        """Apply `change` to the workshop, then schedule the save and tell listeners.

        `quiet` edits (many small writes from participants' phones) are saved the same way but
        tell no listener: their caller redraws in batches instead of once per write.
        """
        if self.read_only:
            raise ReadOnlySession(self.workshop.id)
        before = [(entries, entries.copy()) for _, entries in lists_of(self.workshop)]
        result = change(self.workshop)
        try:
            check_counts(self.workshop)
        except LimitExceeded:  # the limits hold on every edit path: the lists go back as they were
            for entries, kept in before:
                if isinstance(entries, list):
                    entries[:] = kept
                else:
                    entries.clear()
                    entries.update(kept)
            raise
        self._changed(notify=not quiet)
        return result

    def _changed(self, *, notify: bool = True) -> None:
        self.version += 1
        self.workshop.updated = now_iso()
        self._save_soon()
        if notify:
            self._notify()

    @property
    def dirty(self) -> bool:
        """Whether the workshop holds changes the file on disk does not."""
        return self._saved < self._changes

    def _mark(self) -> None:
        self._changes += 1

    def when_saved(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` once the file on disk holds every change made so far: at once when it
        already does, else after the save that writes them (never while a save keeps failing).

        Returns the way to stop waiting: a caller that gives up (a phone's write past its wait)
        calls it, so a disk that keeps refusing does not pile up callbacks until it writes again."""
        if self._saved >= self._changes:
            callback()
            return lambda: None
        waiter = (self._changes, callback)
        self._waiting.append(waiter)

        def stop_waiting() -> None:
            if waiter in self._waiting:
                self._waiting.remove(waiter)

        return stop_waiting

    @property
    def waiters(self) -> int:
        """How many callbacks wait for a save (`when_saved`) now."""
        return len(self._waiting)

    def _saved_up_to(self, mark: int) -> None:
        """The file now holds every change up to `mark`: call the callbacks waiting for it."""
        self._saved = max(self._saved, mark)
        self.save_error = None
        self.saves += 1
        if not self._waiting:
            return
        ready = [callback for wanted, callback in self._waiting if wanted <= self._saved]
        self._waiting = [(wanted, callback) for wanted, callback in self._waiting if wanted > self._saved]
        for callback in ready:
            callback()

    def _save_soon(self) -> None:
        """Mark the workshop changed and schedule its save (at once without a scheduler)."""
        self._mark()
        if self.scheduler is None:
            self.flush()
        elif not self._pending:
            self._pending = True
            self.scheduler(SAVE_DELAY, self._scheduled_flush)

    # ------------------------------------------------------------------ drafts

    def set_draft(self, key: str, text: str) -> None:
        """Keep what is typed in a capture field but not entered yet ("" forgets it); saved soon, like an edit.

        Drafts are not the room's words yet: listeners are not told and `version` does not move.
        """
        self._keep_text(self.workshop.drafts, key, text)

    def set_note(self, step: str, text: str) -> None:
        """The facilitator's private notes on a step, saved soon as typed (never projected, never for participants)."""
        self._keep_text(self.workshop.facilitator_notes, step, text)

    def _keep_text(self, texts: dict[str, str], key: str, text: str) -> None:
        """Keep `text` under `key` ("" forgets it) and save soon, without telling listeners."""
        if self.read_only or texts.get(key, "") == text:
            return
        if text:
            texts[key] = text
        else:
            texts.pop(key, None)
        self._save_soon()

    def draft(self, key: str) -> str:
        """The text kept for a capture field ("" when none)."""
        return self.workshop.drafts.get(key, "")

    def _scheduled_flush(self) -> None:
        self._pending = False
        if self._writer is None or self._writer.closed:
            self.flush()
            return
        if self.read_only:
            return
        self._fold_step_time()
        self._take_outcomes()
        if self._changes <= max(self._saved, self._submitted):
            return
        # The snapshot is taken here, on the loop, so it is consistent; the worker encodes and writes it.
        self._submitted = self._changes
        self._writer.submit(self._changes, (self._changes, workshop_to_dict(self.workshop)))

    def _write_snapshot(self, snapshot: tuple[int, dict[str, Any]]) -> None:
        """In the worker thread: write one snapshot (its outcome goes back to the loop)."""
        self.store.save(snapshot[1])

    def _take_outcomes(self, *, tell: bool = True) -> None:
        """Apply what the background writes did, oldest first (on the loop): a written snapshot
        moves `_saved` on; a failed one is said as a synchronous failure would be (`tell`)."""
        if self._writer is None:
            return
        self._apply(self._writer.collect(), tell=tell)

    def _apply(self, outcomes: list[Outcome], *, tell: bool) -> None:
        for tag, error in outcomes:
            if error is None:
                self._saved_up_to(tag)
                continue
            self._submitted = min(self._submitted, self._saved)  # the next edit submits again
            if not isinstance(error, StoreError):
                if tell:  # a bug, not the disk: the app's crash handler saves (synchronously) and reports it
                    raise error
                continue  # flush writes synchronously next, and raises it if it is still there
            self.save_error = error
            if tell:
                if self.on_error is None:
                    raise error
                self.on_error(error)

    def flush(self) -> bool:
        """Write the workshop now if it changed, waiting for a background write in flight first;
        True when something was written.

        A failed write (a StoreError: disk full, folder not writable) keeps the changes in
        memory, tells `on_error`, and is tried again at the next edit or flush.
        """
        if self.read_only:
            return False
        self._fold_step_time()
        if self._writer is not None:
            # A failure there is not said: the changes it held are written now, and said if that fails too.
            self._apply(self._writer.drain(), tell=False)
            self._submitted = self._saved
        if not self.dirty:
            return False
        mark = self._changes
        try:
            self.store.save(workshop_to_dict(self.workshop))
        except StoreError as error:
            self.save_error = error
            if self.on_error is None:
                raise
            self.on_error(error)
            return False
        self._saved_up_to(mark)
        return True

    # ------------------------------------------------------------------ deletion and undo

    def delete(self, collection: list[Any], item: Any) -> None:
        """Remove `item` from `collection` (a list inside the workshop), remembering it for undo."""

        def remove(_: Workshop) -> None:
            index = collection.index(item)
            collection.pop(index)
            self._last_deletion = Deletion(collection, index, item)

        self.edit(remove)

    def can_undo(self) -> bool:
        """Whether a deletion can be undone."""
        return self._last_deletion is not None

    def undo_delete(self) -> Any | None:
        """Put the last deleted item back; returns it, or None when there is nothing to undo."""
        deletion = self._last_deletion
        if deletion is None:
            return None

        def restore(_: Workshop) -> None:
            deletion.collection.insert(min(deletion.index, len(deletion.collection)), deletion.item)

        self.edit(restore)
        self._last_deletion = None
        return deletion.item

    # ------------------------------------------------------------------ steps and time

    def enter_step(self, step: str, *, save: bool = True) -> None:
        """Record the step being worked on and start its clock; saved at once, or with *save* False
        by the caller's `flush` (the app's, right after the step's first frame)."""
        if step not in STEPS:
            raise ValueError(step)
        self.leave_step(save=save)
        self._step_started = self.clock()
        if self.read_only:
            return
        if self.workshop.last_step != step:
            self.edit(lambda w: setattr(w, "last_step", step))
        if save:
            self.flush()

    def leave_step(self, *, save: bool = True) -> None:
        """Add the time spent on the current step to the workshop and save (unless *save* is False)."""
        if self._step_started is None or self.read_only:
            self._step_started = None
            return
        self._fold_step_time()
        self._step_started = None
        if save:
            self.flush()

    def _fold_step_time(self) -> None:
        """Move the whole seconds of the running step clock into `timing.spent` (marks the workshop changed)."""
        if self._step_started is None or self.read_only:
            return
        elapsed = whole_seconds(self.clock() - self._step_started)
        if elapsed <= 0:
            return
        self._step_started += elapsed
        step = self.workshop.last_step
        spent = self.workshop.timing.spent
        spent[step] = spent.get(step, 0) + elapsed
        self._mark()

    def keep_time(self) -> None:
        """Put the time spent so far on the current step on disk soon (the app calls this every
        TIME_SAVE_INTERVAL seconds), so a crash or a hang-up does not lose it."""
        if self._step_started is None or self.read_only:
            return
        self._fold_step_time()
        if self.dirty:
            self._save_soon()

    def step_elapsed(self) -> int:
        """Seconds spent on the current step, including this visit."""
        before = self.workshop.timing.spent.get(self.workshop.last_step, 0)
        if self._step_started is None:
            return before
        return before + whole_seconds(self.clock() - self._step_started)

    def close(self) -> None:
        """Save everything, stop the background writer and release the lock."""
        self.leave_step()
        self.flush()
        if self._writer is not None:
            self._apply(self._writer.close(), tell=False)
        if self.lock is not None:
            self.lock.release()
            self.lock = None
