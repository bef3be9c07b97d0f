"""What the app tests share: the environment the app sees, and a way to wait for a save without sleeping.

Import as `from appkit import ENV, settled` (pytest puts `tests/` on the path, as for `hostile`).
"""

from __future__ import annotations

from typing import Any

#: Environment the app sees in tests: no terminal hints, so `--rtl auto` resolves to `app`.
ENV: dict[str, str] = {"TERM": "xterm-256color"}


async def settled(pilot: Any) -> None:
    """Let the app handle what was pressed, then write the session at once.

    Replaces sleeping out the session's save delay (`SAVE_DELAY`): the same bytes reach the
    disk, through the same `Session.flush` the delayed save calls, without waiting for a timer.
    """
    await pilot.pause()
    session = getattr(pilot.app, "session", None)
    if session is not None:
        session.flush()
    await pilot.pause()


async def wait_until(pilot: Any, condition: Any, timeout: float = 30.0, what: str = "the condition") -> None:
    """Let the app run until `condition()` holds (a timer or a worker has done its part); fails after `timeout`.

    For what a timer does on its own (the agenda's refresh, an export's worker): the test waits as long
    as the machine needs and no longer, instead of a fixed sleep that is too short on a busy machine.
    """
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {timeout} s"
        await pilot.pause(0.02)


def notified(app: Any, text: str) -> bool:
    """Whether a toast said `text`: toasts arrive wrapped to their width, so line breaks count as spaces."""
    return any(text in " ".join(str(n.message).split()) for n in app._notifications)


def send_key(app: Any, key: str) -> None:
    """One key as the terminal driver delivers it: queued for the app at once, without waiting."""
    from textual import events

    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)


async def type_while_it_opens(pilot: Any, opener: str, form: type, text: str) -> None:
    """Press `opener` (a key that opens `form`), and from the moment the form is on the screen stack,
    before it has its fields, type `text` a key at a time: what a person a moment quicker than the app
    does (tmux, SSH). Fails if the form was already composed (the test would prove nothing)."""
    import asyncio

    app = pilot.app
    send_key(app, opener)
    for _ in range(10_000):
        if isinstance(app.screen, form):
            break
        await asyncio.sleep(0)
    assert isinstance(app.screen, form) and not app.screen.query("Input"), "the form opened before the keys"
    for character in text:
        send_key(app, character)
        await pilot.pause()


def painted(app: Any) -> str:
    """The text of the screen as painted (from a screenshot: what the room would see)."""
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
