"""Snapshots of the agenda (F4) on the demo workshops: 80x24 and 120x40, English and Arabic.

The current step is setup: the demo spent 9 of its 10 minutes there, so the countdown ("1 min
left") and the used minutes stay the same for the first 29 seconds of the live visit.
"""

from __future__ import annotations

import pytest

from workshop.tui.app import make_app
from appkit import ENV

SIZES = ((80, 24),)  # 120x40 is checked by tests/screens/test_layout_classes.py (the width class), not a second picture


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ("en", "ar"))
def test_agenda(snap_compare, make_config, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step="setup", language=language), environ=ENV)
    assert snap_compare(app, press=["f4"], terminal_size=size)


@pytest.mark.parametrize("language", ("en", "ar"))
def test_agenda_after_changes(snap_compare, make_config, language: str) -> None:  # type: ignore[no-untyped-def]
    """Swot two steps longer, partners back to the suggestion, one dot more: marks and totals follow."""
    app = make_app(make_config(demo=True, step="setup", language=language), environ=ENV)
    keys = ["f4", "down", "down", "down", "plus", "plus", "down", "down", "down", "r", "d"]
    assert snap_compare(app, press=keys, terminal_size=(80, 24))
