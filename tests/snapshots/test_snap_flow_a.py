"""Snapshots of the setup, readiness, mapping and mission screens on the demo, English and Arabic, 80x24 (120x40: the width class, tests/screens/test_layout_classes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.tui.app import make_app
from workshop.core.model import workshop_to_dict
from workshop.core.service import Workshops
from appkit import ENV

STEPS = ("setup", "readiness", "mapping", "mission")


def demo_app(make_config, data_dir: Path, step: str, language: str):  # type: ignore[no-untyped-def]
    """The demo at a step, with no time spent yet: the step timer reads the full timebox and no toast shows."""
    workshops = Workshops.at(data_dir)
    workshop = workshops.load(workshops.demo(language))
    workshop.timing.spent = {}
    workshops.store.save(workshop_to_dict(workshop))
    config = make_config(open_ref=workshop.id, step=step, language=language, rtl="app")
    return make_app(config, environ=ENV)


@pytest.mark.parametrize("size", [(80, 24)], ids=["80x24"])  # 120x40 is checked by tests/screens/test_layout_classes.py (the width class), not a second picture
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("step", STEPS)
def test_flow_a_screens(snap_compare, make_config, data_dir, step: str, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = demo_app(make_config, data_dir, step, language)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_mapping_map_view(snap_compare, make_config, data_dir, language: str) -> None:  # type: ignore[no-untyped-def]
    app = demo_app(make_config, data_dir, "mapping", language)
    assert snap_compare(app, press=["ctrl+l"], terminal_size=(80, 24))


def test_setup_arabic_principles(snap_compare, make_config, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = demo_app(make_config, data_dir, "setup", "ar")

    async def show_principles(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        pilot.app.screen.query_one("#approach").focus()
        await pilot.press("p")
        await pilot.pause()

    assert snap_compare(app, run_before=show_principles, terminal_size=(120, 40))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_mission_compare(snap_compare, make_config, data_dir, language: str) -> None:  # type: ignore[no-untyped-def]
    app = demo_app(make_config, data_dir, "mission", language)

    async def compare_first_two(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        pilot.app.screen.query_one("#drafts ItemList").focus()
        for key in ("home", "f11", "down", "f11"):  # in the drafts: mark the first, then the second
            await pilot.press(key)
            await pilot.pause()

    assert snap_compare(app, run_before=compare_first_two, terminal_size=(120, 40))
