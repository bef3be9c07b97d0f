"""Snapshots of the shell screens (home, SWOT, needs, presenter, dialogs), English and Arabic.

Each new or changed snapshot is opened and looked at before it is accepted
(`pytest tests/snapshots --snapshot-update`, then the SVGs under __snapshots__/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.tui.app import make_app
from workshop.cli import AppConfig
from workshop.core.content import demo_document
from workshop.core.service import Workshops
from workshop.core.store import Store
from appkit import ENV

SIZES = [(80, 24)]  # 120x40 is checked by tests/screens/test_layout_classes.py (the width class), not a second picture
FIXED = "2026-10-14T09:30:00+00:00"


def demo_id(data_dir: Path, language: str) -> str:
    """The demo stored under its own id with fixed timestamps (snapshots must not show the clock)."""
    doc = demo_document(language)
    doc["created"] = doc["updated"] = FIXED
    Store(data_dir).create(doc)
    return doc["id"]


def app_for(data_dir: Path, language: str, rtl: str = "app", **changes):  # type: ignore[no-untyped-def]
    config = AppConfig(data_dir=data_dir, language=language, rtl=rtl, **changes)
    return make_app(config, environ=ENV)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "ar"])
def test_home(snap_compare, data_dir: Path, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    demo_id(data_dir, "en")
    demo_id(data_dir, "ar")
    assert snap_compare(app_for(data_dir, language), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("language", "rtl"), [("en", "app"), ("ar", "app"), ("ar", "terminal")])
@pytest.mark.parametrize("step", ["swot", "needs"])
def test_step(snap_compare, data_dir: Path, step: str, language: str, rtl: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    workshop_id = demo_id(data_dir, language)
    app = app_for(data_dir, language, rtl, open_ref=workshop_id, step=step)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_presenter(snap_compare, data_dir: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    workshop_id = demo_id(data_dir, language)
    Workshops.at(data_dir)  # the presenter only reads
    app = app_for(data_dir, language, open_ref=workshop_id, present=True, read_only=True)
    assert snap_compare(app, terminal_size=(120, 40))


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("key", ["ctrl+g", "f1"])
def test_dialogs(snap_compare, data_dir: Path, language: str, key: str) -> None:  # type: ignore[no-untyped-def]
    workshop_id = demo_id(data_dir, language)
    app = app_for(data_dir, language, open_ref=workshop_id, step="swot")
    assert snap_compare(app, press=[key], terminal_size=(80, 24))
