"""The app in a real pseudo-terminal: bursts, an invalid byte, a crash (no data on screen, exit 1).

Subprocess-heavy: four apps in all, each waited for by what it draws (no sleeps for saves).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from pty_probe import PtyApp  # noqa: E402

from workshop.core.service import Workshops  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux ptys")


def open_swot(data_dir: Path, workshop_id: str) -> PtyApp:
    app = PtyApp(
        [sys.executable, "-m", "workshop", "open", workshop_id, "--step", "swot"],
        env={"WORKSHOP_DATA_DIR": str(data_dir)},
    )
    app.start()
    app.wait_for(b"Strengths", timeout=60)
    app.read_until_quiet(0.5)
    return app


def stored_swot(data_dir: Path, workshop_id: str) -> list[str]:
    return [i.text for i in Workshops.at(data_dir).load(workshop_id).swot]


def wait_stored(app: PtyApp, data_dir: Path, workshop_id: str, count: int, timeout: float = 30) -> None:
    """Until the store holds `count` SWOT items (the app saves on its own schedule)."""
    end = time.monotonic() + timeout
    while len(stored_swot(data_dir, workshop_id)) < count:
        assert time.monotonic() < end, stored_swot(data_dir, workshop_id)
        assert app.process is not None and app.process.poll() is None, "the app died"
        app.read_for(0.1)


def test_a_burst_is_one_item_per_line_and_a_bad_byte_is_survived(data_dir: Path) -> None:
    workshop = Workshops.at(data_dir).create("Bursts", "en")
    app = open_swot(data_dir, workshop.id)
    try:
        app.send(b"burstA\rburstB\rburstC\r")  # one write: what a slow link delivers
        wait_stored(app, data_dir, workshop.id, 3)
        app.send(b"caf\xe9 ok\r")  # a Latin-1 byte: the input thread must live on
        wait_stored(app, data_dir, workshop.id, 4)
        app.send(b"\x1b[200~pasted one\rpasted two\r\x1b[201~")  # a real bracketed multi-line paste
        wait_stored(app, data_dir, workshop.id, 6)
        app.send(b"after\r")
        wait_stored(app, data_dir, workshop.id, 7)
        app.send(b"\x11")  # ctrl+q
        assert app.wait_exit(20) == 0
    finally:
        app.stop()
    assert stored_swot(data_dir, workshop.id) == [
        "burstA", "burstB", "burstC", "caf\ufffd ok", "pasted one", "pasted two", "after",
    ]


CRASHING = """
import sys
from workshop.cli import main
from workshop.tui.screens.home import HomeScreen

def reload(self, select=None):
    partner_phone = "+1 555 0199 PRIVATE"
    partner_email = "private.person@example.org"
    raise RuntimeError("a fault in the app")

HomeScreen.reload = reload
sys.exit(main([]))
"""


def test_a_crash_shows_no_data_exits_non_zero_and_names_the_log(data_dir: Path) -> None:
    app = PtyApp([sys.executable, "-c", CRASHING], env={"WORKSHOP_DATA_DIR": str(data_dir)})
    app.start()
    try:
        code = app.wait_exit(60)
        app.read_for(0.2)
    finally:
        app.stop()
    shown = bytes(app.received).decode("utf-8", "replace")
    assert code == 1
    assert "PRIVATE" not in shown and "private.person" not in shown and "Traceback" not in shown
    logs = list((data_dir / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and str(logs[0]) in shown.replace("\r\n", "").replace("\n", "")
    log = logs[0].read_text()
    assert "RuntimeError: a fault in the app" in log and "PRIVATE" not in log
    assert oct(logs[0].stat().st_mode & 0o777) == "0o600"
