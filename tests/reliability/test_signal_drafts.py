"""A hang-up keeps what was typed but not entered: it is the field's draft when the workshop opens again."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_signals import start, wait_exit  # noqa: E402

from workshop.core.service import Workshops  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux ptys")


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_signal_keeps_the_unentered_text_as_a_draft(data_dir: Path, signum: int) -> None:
    workshop = Workshops.at(data_dir).create("Hang-up", "en")
    app = start(data_dir, workshop.id)
    try:
        app.send(b"Half a sentence")
        app.wait_for(b"sentence", timeout=30)  # on screen: typed, and the save is still 0.3 s away
        assert app.process is not None
        os.kill(app.process.pid, signum)
        assert wait_exit(app) is not None, "the app kept running after the signal"
    finally:
        app.stop()
    saved = Workshops.at(data_dir).load(workshop.id)
    assert saved.swot == []
    assert saved.drafts == {"swot.q-strength": "Half a sentence"}
