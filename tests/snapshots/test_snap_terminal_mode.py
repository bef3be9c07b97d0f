"""Every step screen in Arabic with `--rtl terminal` (text as stored, for terminals that do BiDi).

The `app` mode snapshots of every screen live beside the screens' own snapshot files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.tui.app import make_app
from workshop.cli import AppConfig
from workshop.core.content import demo_document
from workshop.core.model import STEPS
from workshop.core.store import Store
from appkit import ENV

FIXED = "2026-10-14T09:30:00+00:00"


@pytest.fixture(autouse=True)
def _fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Same picture every day and in every folder: follow-ups due as of one date, exports under /."""
    import datetime as dt

    from workshop.tui.screens import partners as partners_screen

    monkeypatch.setattr(partners_screen, "system_today", lambda: dt.date(2026, 11, 27))
    monkeypatch.chdir("/")


@pytest.mark.parametrize("step", STEPS)
def test_arabic_terminal_mode(snap_compare, data_dir: Path, step: str) -> None:  # type: ignore[no-untyped-def]
    doc = demo_document("ar")
    doc["created"] = doc["updated"] = FIXED
    doc["timing"]["spent"] = {}  # the timer shows the full timebox: nothing depends on the clock
    Store(data_dir).create(doc)
    config = AppConfig(data_dir=data_dir, language="ar", rtl="terminal", open_ref=doc["id"], step=step)
    assert snap_compare(make_app(config, environ=ENV), terminal_size=(80, 24))
