"""Snapshots show what a screen looks like, not how long the machine took: the step clock stands still."""

from __future__ import annotations

import pytest

from workshop.core.session import Session


@pytest.fixture(autouse=True)
def _still_step_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every session made by the app reads a clock that does not move (the timer shows the stored time only).

    On a busy machine a screen can take long enough to cross a minute and show "4 min over" instead of "3".
    """
    defaults = dict(Session.__init__.__kwdefaults__ or {})
    defaults["clock"] = lambda: 1000.0
    monkeypatch.setattr(Session.__init__, "__kwdefaults__", defaults)
