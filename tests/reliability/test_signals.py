"""A hang-up (SSH drop) or SIGTERM saves before exit; an idle screen sends no bytes.

The app runs in a real pseudo-terminal (80x24) as a facilitator's terminal would.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from pty_probe import PtyApp  # noqa: E402

from workshop.core.service import Workshops  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux ptys")


def start(data_dir: Path, workshop_id: str, *extra: str) -> PtyApp:
    app = PtyApp(
        [sys.executable, "-m", "workshop", "open", workshop_id, "--step", "swot", *extra],
        env={"WORKSHOP_DATA_DIR": str(data_dir)},
    )
    app.start()
    app.wait_for(b"Strengths", timeout=30)
    app.read_until_quiet(0.5)
    return app


def type_and_see(app: PtyApp, text: bytes) -> None:
    """Type a line, wait until the field shows it, press Enter and wait until the line is drawn again as an item.

    Signalling before the app has even read the keys tested nothing but the machine's load.
    """
    app.send(text)
    app.wait_for(text, timeout=30)
    app.read_until_quiet(0.2)
    echoed = app.received.count(text)
    app.send(b"\r")
    deadline = time.monotonic() + 30
    while app.received.count(text) <= echoed:
        assert time.monotonic() < deadline, "the typed line never appeared as an item"
        app.read_for(0.02)


def wait_exit(app: PtyApp, timeout: float = 60) -> int | None:
    """The exit code; None if the app still runs after a minute (an exit takes a second quietly, longer on a busy machine)."""
    return app.wait_exit(timeout)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_saves_what_was_just_typed(data_dir: Path, signum: int) -> None:
    workshop = Workshops.at(data_dir).create("Signals", "en")
    app = start(data_dir, workshop.id)
    try:
        type_and_see(app, b"Typed just before the drop")  # shown; the save may still be waiting
        assert app.process is not None
        os.kill(app.process.pid, signum)
        assert wait_exit(app) is not None, "the app kept running after the signal"
    finally:
        app.stop()
    saved = Workshops.at(data_dir).load(workshop.id)
    assert [i.text for i in saved.swot] == ["Typed just before the drop"]


def test_closing_the_terminal_saves_and_exits(data_dir: Path) -> None:
    """An SSH drop: the terminal disappears (the pty master closes); nothing spins, nothing is lost."""
    workshop = Workshops.at(data_dir).create("Dropped link", "en")
    app = start(data_dir, workshop.id)
    assert app.process is not None
    type_and_see(app, b"Said as the link dropped")
    os.close(app.master)
    app.master = -1
    try:
        app.process.wait(timeout=60)
    finally:
        app.stop()
    saved = Workshops.at(data_dir).load(workshop.id)
    assert [i.text for i in saved.swot] == ["Said as the link dropped"]


@pytest.mark.parametrize("extra", [(), ("--low-bandwidth",)])
def test_idle_screen_sends_nothing(data_dir: Path, extra: tuple[str, ...]) -> None:
    workshop = Workshops.at(data_dir).create("Idle", "en")
    app = start(data_dir, workshop.id, *extra)
    try:
        app.send(b"x")
        app.read_until_quiet(0.5)
        idle = app.read_for(3.0)
    finally:
        app.stop()
    assert idle == b""


async def test_a_signal_saves_from_the_event_loop_not_inside_what_it_interrupted(
    make_config, data_dir: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """A signal can arrive while the app's thread is inside a store call, holding the store's lock
    that the background writer may be waiting for: saving right there waited for that writer
    forever (seen once under load: after a SIGHUP the app kept running). The save runs from the
    event loop, once the interrupted code has let go of the lock."""
    from appkit import ENV, wait_until

    from workshop.tui import app as app_module
    from workshop.tui.app import make_app

    workshop = Workshops.at(data_dir).create("Signals", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    holding = [False]
    saved_while_holding: list[bool] = []
    exits: list[int] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        store = app.workshops.store
        save_now = app.save_now

        def save_and_see() -> None:
            saved_while_holding.append(holding[0])
            save_now()

        monkeypatch.setattr(app, "save_now", save_and_see)
        monkeypatch.setattr(app_module.os, "_exit", exits.append)  # the exit a hang-up ends with
        await pilot.press(*"Said as the link dropped", "enter")
        with store._mutex:  # this thread is inside a store call when the signal comes
            holding[0] = True
            os.kill(os.getpid(), signal.SIGHUP)
            holding[0] = False
        await wait_until(pilot, lambda: bool(exits), what="the hang-up's save")
        assert saved_while_holding[0] is False
        assert exits == [128 + signal.SIGHUP]
    assert [i.text for i in Workshops.at(data_dir).load(workshop.id).swot] == ["Said as the link dropped"]
