"""Snapshots of the charter steps on the demo workshops: 80x24 and 120x40, English and Arabic."""

from __future__ import annotations

import pytest

from workshop.tui.app import make_app
from appkit import ENV

STEPS = ("coalition-type", "structure", "goals", "ground-rules")
SIZES = ((80, 24),)  # 120x40 is checked by tests/screens/test_layout_classes.py (the width class), not a second picture


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ("en", "ar"))
@pytest.mark.parametrize("step", STEPS)
def test_charter_step(snap_compare, make_config, step: str, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step=step, language=language), environ=ENV)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("language", ("en", "ar"))
def test_who_does_what_table(snap_compare, make_config, language: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step="goals", language=language), environ=ENV)
    assert snap_compare(app, press=["ctrl+l"], terminal_size=(120, 40))
