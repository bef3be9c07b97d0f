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
