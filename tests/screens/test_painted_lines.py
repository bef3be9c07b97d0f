"""Every Arabic screen and dialog of the demo, painted in app mode, reads as its logical source.

Display text is made once, at paint time: a string laid out twice (a widget re-ordering
text that was already in visual order) paints its Arabic words letter by letter in typing
order. Each painted Arabic word, read back right to left and un-joined, must therefore be
part of some logical source text (the catalogues or the demo workshop).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from workshop.cli import AppConfig
from workshop.core.content import demo_document, load_catalogue
from workshop.core.model import STEPS
from workshop.core.store import Store
from workshop.tui.app import make_app

ENV = {"TERM": "xterm-256color"}
ARABIC_WORD = re.compile("[\u0621-\u065f\u066e-\u06d3\u06d5-\u06ff\ufb50-\ufdff\ufe70-\ufefc]+")  # letters, no punctuation
MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel


def plain(text: str) -> str:
    return MARKS.sub("", unicodedata.normalize("NFKC", text))


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def logical_sources() -> str:
    texts = strings(load_catalogue("ar").tree) + strings(demo_document("ar"))
    return "\n".join(plain(text) for text in texts)


def painted_rows(svg: str) -> list[str]:
    """The painted segments of the screenshot, row by row (segments kept apart by a bar:
    two widgets side by side are not one word)."""
    rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
    for match in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        x, y, text = float(match.group(1)), float(match.group(2)), html.unescape(match.group(3))
        rows[y].append((x, text.replace("\xa0", " ")))
    return ["|".join(text for _x, text in sorted(parts)) for _y, parts in sorted(rows.items())]


def misread_words(rows: list[str], sources: str) -> list[str]:
    """Painted Arabic words that, read right to left, are in no logical source."""
    wrong = []
    for row in rows:
        for word in ARABIC_WORD.findall(row):
            letters = plain("".join(unicodedata.normalize("NFKC", char) for char in reversed(word)))
            if len(letters) >= 3 and letters not in sources:
                wrong.append(word)
    return wrong


def demo(data_dir: Path, blank: bool = False) -> str:
    doc = demo_document("ar")
    doc["created"] = doc["updated"] = "2026-10-14T09:30:00+00:00"
    if blank:  # a new workshop: the setup fields show their hints
        doc["meta"]["date"] = None
        doc["meta"]["place"] = ""
    Store(data_dir).create(doc)
    return str(doc["id"])


SOURCES = logical_sources()
CASES = [(step, ()) for step in STEPS] + [("swot", ("f1",)), ("swot", ("ctrl+g",)), (None, ()), ("setup", ("blank",))]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize(("step", "keys"), CASES, ids=[f"{s}{'-' + '-'.join(k) if k else ''}" for s, k in CASES])
async def test_arabic_screen_paints_its_logical_text(tmp_path: Path, step: str | None, keys: tuple[str, ...], size: tuple[int, int]) -> None:
    workshop_id = demo(tmp_path, blank="blank" in keys)
    keys = tuple(key for key in keys if key != "blank")
    extra = {"open_ref": workshop_id, "step": step} if step else {}
    app = make_app(AppConfig(data_dir=tmp_path, language="ar", rtl="app", **extra), environ=ENV)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        rows = painted_rows(app.export_screenshot())
    assert any(ARABIC_WORD.search(row) for row in rows)
    assert misread_words(rows, SOURCES) == [], "\n".join(row.replace("|", "") for row in rows)
