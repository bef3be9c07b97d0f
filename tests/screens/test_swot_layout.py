"""The SWOT grid mirrored in Arabic: strengths top right, and Tab in reading order (right to left)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core.service import Workshops
from workshop.tui.app import make_app
from workshop.tui.widgets.capture_list import CaptureList

from appkit import ENV


@pytest.mark.parametrize(("language", "size"), [("ar", (80, 24)), ("ar", (120, 40)), ("en", (80, 24))])
async def test_quadrants_sit_and_tab_in_reading_order(make_config, data_dir: Path, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("SWOT", language)
    app = make_app(make_config(open_ref=workshop.id, step="swot", language=language), environ=ENV)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        at = {kind: app.screen.query_one(f"#q-{kind}", CaptureList).region for kind in ("strength", "weakness", "opportunity", "threat")}
        first, second = ("strength", "weakness") if language == "en" else ("weakness", "strength")
        assert at[first].x < at[second].x and at[first].y == at[second].y  # top row, left to right
        third, fourth = ("opportunity", "threat") if language == "en" else ("threat", "opportunity")
        assert at[third].x < at[fourth].x and at[third].y == at[fourth].y > at["strength"].y
        assert at["strength"].x == at["opportunity"].x  # strengths above opportunities, on the reading side

        def focused() -> str | None:
            return next((c.id for c in app.screen.query(CaptureList) if c.has_focus_within), None)

        visited = [focused()]
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
            visited.append(focused())
        assert visited == ["q-strength", "q-weakness", "q-opportunity", "q-threat", "q-strength"]
        await pilot.press("shift+tab")
        await pilot.pause()
        assert focused() == "q-threat"


@pytest.mark.parametrize("language", ["ar", "en"])
async def test_each_quadrants_hint_reads_whole_at_80x24_and_a_wide_field_keeps_the_full_one(make_config, data_dir: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    """At 80x24 a quadrant's field is about 27 cells: the capture hint "(@Name: who said it)" was cut
    ("اكتب ثم Enter (@الاسم: القا" inside a word, "Type, Enter to add (@Name:"). The short hint is
    shown whole there; Needs' one wide field still shows the full one."""
    from workshop.core.rtl import display_label

    workshop = Workshops.at(data_dir).create("SWOT", language)
    app = make_app(make_config(open_ref=workshop.id, step="swot", language=language), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ui = app.screen.ui
        short = display_label(ui.text("capture.placeholder_short"), "app")
        for kind in ("strength", "weakness", "opportunity", "threat"):
            field = app.screen.query_one(f"#q-{kind} .capture")
            await pilot.pause()
            assert short in field.render_line(0).text, (kind, field.render_line(0).text)
        await pilot.press("ctrl+b", "ctrl+b")  # Needs: one capture list across the work area
        await pilot.pause()
        await pilot.pause()
        full = display_label(ui.text("capture.placeholder"), "app")
        assert any(full in f.render_line(0).text for f in app.screen.query(".capture"))
