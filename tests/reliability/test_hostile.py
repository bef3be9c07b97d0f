"""Hostile text through storage, the CLI import, the TUI (paste) and every export format.

Each case: no crash, a clear message where refused, accepted text back byte-exact.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from textual import events

from workshop.tui.app import make_app
from workshop.core.export import export_workshop
from workshop.core.model import Item, Meta, Partner, SwotItem, Workshop, workshop_to_dict
from workshop.core.service import Workshops

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hostile import HOSTILE, HUGE_PASTE  # noqa: E402
from appkit import ENV



def hostile_workshop(text: str, language: str = "en") -> Workshop:
    workshop = Workshop(meta=Meta(title=text[:2000] or "x", place=text[:2000], language=language))  # type: ignore[arg-type]
    workshop.needs.accomplish.append(Item(text=text))
    workshop.swot.append(SwotItem(kind="strength", text=text, author=text[:2000]))
    workshop.partners.append(
        Partner(organisation=text[:2000] or "x", email=text[:2000], contact_person=text[:2000], notes=text, role=text)
    )
    workshop.mission.vision = text
    workshop.facilitator_notes["swot"] = text
    return workshop


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_store_and_import_keep_text_byte_exact(name: str, data_dir: Path, tmp_path: Path) -> None:
    text = HOSTILE[name]
    workshops = Workshops.at(data_dir)
    workshop = hostile_workshop(text)
    stored = workshops.add(workshop)
    again = workshops.load(stored.id)
    assert again.swot[0].text == text
    assert again.partners[0].notes == text
    assert again.mission.vision == text

    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(workshop_to_dict(workshop), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "--data-dir", str(data_dir), "import", str(source)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    imported = workshops.load(result.stdout.strip())
    assert imported.needs.accomplish[0].text == text


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("fmt", ["md", "json", "csv", "pdf"])
def test_every_export_survives(name: str, fmt: str, tmp_path: Path) -> None:
    language = "ar" if name in ("mixed_arabic", "lam_alef_harakat") else "en"
    workshop = hostile_workshop(HOSTILE[name], language)
    result = export_workshop(
        workshop, fmt=fmt, audience="facilitator", language=language, out=tmp_path / f"out.{fmt}", force=False
    )
    data = result.path.read_bytes()
    assert data
    if fmt == "json":
        assert json.loads(data)["swot"][0]["text"] == HOSTILE[name]
    if fmt == "pdf":
        assert b"/URI" not in data and b"javascript" not in data.lower().replace(b"javascript:alert", b"")
    if fmt == "md":
        assert "\x1b" not in data.decode("utf-8")


async def test_paste_in_the_capture_field(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Paste", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    accepted = [HOSTILE[k] for k in ("reportlab_markup", "terminal_escapes", "bidi_overrides", "mixed_arabic", "emoji_sequences")]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for text in accepted:
            app.focused.post_message(events.Paste(text))  # type: ignore[union-attr]
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        app.focused.post_message(events.Paste(HUGE_PASTE))  # type: ignore[union-attr]
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.save_now()
        notices = [n.message for n in app._notifications]
    saved = Workshops.at(data_dir).load(workshop.id)
    assert [i.text for i in saved.swot] == accepted
    assert any("not accepted" in message for message in notices)
