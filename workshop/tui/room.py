"""The app's handle on the room server: open and close it in the app's own event loop, and
redraw the facilitator's step when phones change something: at most once a second, and while the
facilitator is typing, in the next pause (at most MAX_WAIT seconds late).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from workshop.core.content import load_catalogue
from workshop.core.room.answers import readiness_tally
from workshop.core.room.net import DEFAULT_PORT
from workshop.core.room.targets import targets_of
from workshop.core.session import Session

if TYPE_CHECKING:
    from textual.app import App

    from workshop.core.room.server import RoomError, RoomServer

#: Phones' changes are gathered this long before the facilitator's screen redraws (seconds):
#: fifty phones cost the facilitator one redraw a second, not one per submit.
REDRAW_DELAY = 1.0
#: While the facilitator types, phones' changes wait for a pause in the typing this long
#: (seconds): the screen does not move under their fingers, and a slow link carries their keys first.
TYPING_PAUSE = 1.0
#: ... but never longer than this after the change: someone typing on and on still sees the room.
MAX_WAIT = 5.0


class RoomControl:
    """At most one open room, for the open session."""

    def __init__(self, app: App[int], on_change: Callable[[], None], clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.server: RoomServer | None = None
        self._on_change = on_change
        self._clock = clock
        self._redraw_pending = False
        self._changed_at = 0.0
        self._typed_at = float("-inf")
        #: The address and port chosen last (offered first next time).
        self.host: str | None = None
        self.port: int = DEFAULT_PORT

    @property
    def is_open(self) -> bool:
        return self.server is not None and self.server.is_open

    async def open(self, session: Session, host: str, port: int) -> RoomError | None:
        """Open the room for this session on host:port; the error when it cannot.

        aiohttp is imported here, not at start-up: a workshop without phones never loads it.
        """
        from workshop.core.room.server import RoomError, RoomServer

        await self.close()
        try:
            server = RoomServer(
                session,
                load_catalogue(session.workshop.meta.language),
                host=host,
                port=port,
                on_room_edit=self._phone_changed,
            )
            self.server = server  # open already while it starts: the step's inbox line hears of it
            await server.start()
        except RoomError as error:
            self.server = None
            return error
        self.host, self.port = host, port
        return None

    async def close(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            await server.stop()

    @staticmethod
    def forget_join(session: Session) -> None:
        """Take the join address out of the workshop (no room of this process is open for it)."""
        if session.workshop.room.join_url and not session.read_only:
            session.edit(lambda w: setattr(w.room, "join_url", ""))

    @staticmethod
    def lists_digest(session: Session, step: str) -> object:
        """What phones can change on a step (items accepted, dots, readiness answers): redraw only when it moved."""
        workshop = session.workshop
        lists = tuple((item.id, getattr(item, "votes", 0)) for t in targets_of(step) for item in t.items(workshop))
        return (lists, readiness_tally(workshop)) if step == "readiness" else lists

    def typed(self) -> None:
        """The facilitator pressed a key (the app tells every key, wherever it goes)."""
        self._typed_at = self._clock()

    def _phone_changed(self) -> None:
        if self._redraw_pending:
            return
        self._redraw_pending = True
        self._changed_at = self._clock()
        self.app.set_timer(REDRAW_DELAY, self._redraw)

    def _redraw(self) -> None:
        now = self._clock()
        typing_for = TYPING_PAUSE - (now - self._typed_at)
        waited_left = MAX_WAIT - (now - self._changed_at)
        if typing_for > 0 and waited_left > 0:
            self.app.set_timer(min(typing_for, waited_left), self._redraw)
            return
        self._redraw_pending = False
        self._on_change()
