"""The presenter follows another process's saves, within a second, and shows nothing private."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workshop.tui.app import make_app
from workshop.core.content import demo_document
from workshop.core.store import Store
from workshop.tui.widgets.rtl_text import RtlText
from appkit import ENV

WRITER = """
import sys
from pathlib import Path
from workshop.core.service import Workshops
from workshop.core.model import workshop_to_dict
from workshop.core.steps.swot import add_swot
workshops = Workshops.at(Path(sys.argv[1]))
opened = workshops.open(sys.argv[2])
workshop = opened.workshop
workshop.last_step = "swot"
add_swot(workshop, "strength", sys.argv[3])
workshops.store.save(workshop_to_dict(workshop))
opened.lock.release()
"""


def shown_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(widget.text for widget in app.screen.query(RtlText))


async def test_presenter_follows_another_process(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    doc = demo_document("en")
    doc["last_step"] = "partners"
    Store(data_dir).create(doc)
    app = make_app(make_config(open_ref=doc["id"], present=True, read_only=True), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        partners_view = shown_text(app)
        assert "Eastbrook Parents' Association" in partners_view
        for partner in doc["partners"]:
            assert partner["email"] not in partners_view
            assert partner["phone"] not in partners_view
            if partner["notes"]:
                assert partner["notes"] not in partners_view
        subprocess.run(
            [sys.executable, "-c", WRITER, str(data_dir), doc["id"], "Typed in the other window"],
            check=True,
            timeout=60,
        )
        await pilot.pause(1.2)
        assert "Typed in the other window" in shown_text(app)
    assert Store(data_dir).load(doc["id"])["swot"][-1]["text"] == "Typed in the other window"


async def test_f3_presents_the_current_step_without_private_notes(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    doc = demo_document("en")
    Store(data_dir).create(doc)
    app = make_app(make_config(open_ref=doc["id"], step="mapping"), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        text = shown_text(app)
        assert "Mould and lead paint" in text
        assert doc["facilitator_notes"]["mapping"] not in text
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MappingScreen"
