"""A worker thread that writes snapshots one at a time, off the app's event loop.

The owner (a Session, on the event loop) takes a consistent snapshot of what to write (cheap: a
plain dict) and `submit`s it with a growing tag. The worker writes one snapshot at a time; a
snapshot still waiting when a newer one comes is dropped (the newer one holds all of it). The
outcome of every write it made is kept, in order, until the owner `collect`s it; `wake` (thread
safe, e.g. the loop's `call_soon_threadsafe`) tells the owner after each write.

`drain()` is for the paths that must write synchronously (flush, quit, signals, a crash): it drops
the waiting snapshot (the owner then writes a newer state itself) and waits for the write in flight,
so two writes of one file never overlap. Never imports Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

#: One finished write: its tag, and the exception it raised (None: written).
Outcome = tuple[int, "BaseException | None"]


class BackgroundWriter(Generic[T]):
    """Writes `write(snapshot)` in one worker thread, the newest waiting snapshot winning."""

    def __init__(
        self,
        write: Callable[[T], None],
        *,
        wake: Callable[[Callable[[], None]], Any] | None = None,
        on_written: Callable[[], None] | None = None,
        name: str = "workshop-writer",
    ) -> None:
        self._write = write
        self._wake = wake
        self._on_written = on_written
        self._name = name
        # Re-entrant: a signal handler (SIGTERM, SIGHUP) runs on the owner's thread and may drain
        # while that thread is inside `submit`.
        self._cond = threading.Condition(threading.RLock())
        self._waiting: tuple[int, T] | None = None
        self._busy = False
        self._outcomes: list[Outcome] = []
        self._thread: threading.Thread | None = None
        self._closed = False
        #: Snapshots written (or failed) by the worker, and snapshots dropped for a newer one.
        self.written = 0
        self.dropped = 0

    @property
    def busy(self) -> bool:
        """Whether a write is in flight or a snapshot waits."""
        with self._cond:
            return self._busy or self._waiting is not None

    @property
    def closed(self) -> bool:
        """Whether `close()` was called (the owner then writes synchronously)."""
        return self._closed

    def submit(self, tag: int, snapshot: T) -> None:
        """Write `snapshot` soon, after the write in flight; replaces a snapshot still waiting."""
        with self._cond:
            if self._closed:
                raise RuntimeError("the writer is closed")
            if self._waiting is not None:
                self.dropped += 1
            self._waiting = (tag, snapshot)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def collect(self) -> list[Outcome]:
        """The outcomes of the writes finished since the last call, oldest first."""
        with self._cond:
            outcomes, self._outcomes = self._outcomes, []
            return outcomes

    def drain(self) -> list[Outcome]:
        """Drop the snapshot waiting, wait for the write in flight; then `collect()`."""
        with self._cond:
            if self._waiting is not None:
                self._waiting = None
                self.dropped += 1
            while self._busy:
                self._cond.wait()
            return self.collect()

    def close(self) -> list[Outcome]:
        """`drain()`, then stop the worker (submit refuses from then on)."""
        with self._cond:
            outcomes = self.drain()
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()
        return outcomes

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._waiting is None and not self._closed:
                    self._cond.wait()
                if self._waiting is None:
                    return
                (tag, snapshot), self._waiting = self._waiting, None
                self._busy = True
            error: BaseException | None = None
            try:
                self._write(snapshot)
            except BaseException as failed:  # noqa: BLE001 - handed to the owner, who says it or raises it
                error = failed
            finally:
                with self._cond:
                    self._outcomes.append((tag, error))
                    self._busy = False
                    self.written += 1
                    self._cond.notify_all()
            if self._wake is not None and self._on_written is not None:
                try:
                    self._wake(self._on_written)
                except RuntimeError:  # the owner's loop is closed: its exit path drained already
                    pass


__all__ = ["BackgroundWriter", "Outcome"]
