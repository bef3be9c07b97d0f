"""Snapshots of the evaluation screen on the demo, English and Arabic, 80x24 and 120x40.

The screen is opened from the export step (v); Tab moves to the other sections. Each new
or changed snapshot is looked at before it is accepted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.tui.app import make_app
from workshop.cli import AppConfig
from workshop.core.content import demo_document
from workshop.core.store import Store
from appkit import ENV

SIZES = [(80, 24)]  # 120x40 is checked by tests/screens/test_layout_classes.py (the width class), not a second picture
FIXED = "2026-10-14T09:30:00+00:00"
#: Keys from the export screen to each section.
SECTION_KEYS: dict[str, list[str]] = {
    "stage": ["v"],
    "steps": ["v", "tab", "down"],
    "poll": ["v", "tab", "tab", "4"],
    "indicators": ["v", "shift+tab", "shift+tab", "shift+tab", "space"],
    "next": ["v", "shift+tab", "shift+tab", "down"],
    "meeting": ["v", "shift+tab"],
}


def demo_id(data_dir: Path, language: str) -> str:
    """The demo stored under its own id with fixed timestamps."""
    doc = demo_document(language)
    doc["created"] = doc["updated"] = FIXED
    Store(data_dir).create(doc)
    return doc["id"]


def app_for(data_dir: Path, language: str):  # type: ignore[no-untyped-def]
    workshop_id = demo_id(data_dir, language)
    config = AppConfig(data_dir=data_dir, language=language, rtl="app", open_ref=workshop_id, step="export")
    return make_app(config, environ=ENV)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "ar"])
def test_stage(snap_compare, data_dir: Path, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_for(data_dir, language), press=SECTION_KEYS["stage"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("section", ["steps", "poll", "indicators", "next", "meeting"])
def test_section(snap_compare, data_dir: Path, section: str, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_for(data_dir, language), press=SECTION_KEYS[section], terminal_size=size)
