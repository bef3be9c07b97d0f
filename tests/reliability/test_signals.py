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
