"""Snapshots of the partners and export screens on the demo, English and Arabic, 80x24 and 120x40.

Today is fixed (follow-ups due depend on it) and the export screen runs from "/" so the
full output path it shows is the same on every machine.
"""

from __future__ import annotations

import datetime as dt

import pytest

import workshop.tui.screens.partners as partners_screen
from workshop.core import service
from workshop.tui.app import make_app
from appkit import ENV

SIZES = [(80, 24)]  # 120x40 is checked by tests/screens/test_layout_classes.py (the width class), not a second picture


@pytest.fixture(autouse=True)
def _fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(partners_screen, "system_today", lambda: dt.date(2026, 11, 27))
    monkeypatch.chdir("/")
    # the demo is imported under a fresh id, and an Arabic title's file name falls back to the id
    monkeypatch.setattr(service, "new_id", lambda: "demo00000000")


@pytest.mark.parametrize("size", SIZES, ids=["80x24"])
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("step", ["partners", "export"])
def test_flow_b_screens(snap_compare, make_config, step: str, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step=step, language=language, rtl="app"), environ=ENV)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_partner_form(snap_compare, make_config, language: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step="partners", language=language, rtl="app"), environ=ENV)
    assert snap_compare(app, press=["down", "ctrl+e"], terminal_size=(80, 24))


def test_partners_read_only(snap_compare, make_config) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step="partners", language="en", rtl="app", read_only=True), environ=ENV)
    assert snap_compare(app, press=["down"], terminal_size=(120, 40))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_export_facilitator_csv(snap_compare, make_config, language: str) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step="export", language=language, rtl="app"), environ=ENV)
    assert snap_compare(app, press=["a", "t", "t", "t"], terminal_size=(80, 24))
