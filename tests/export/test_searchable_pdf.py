"""The PDF can be searched: plain letters in logical order, word boxes right to left.

The fonts' ToUnicode maps give a joined letter's plain letter (U+FE91 gives ب, the "fi"
ligature "fi"), and a word whose glyphs are moved (a shadda, tanwin, kerning) or do not map
back carries its letters as /ActualText (workshop.core.export.pdf_text), so pdftotext gives
«النزهة» and "Confirm", not presentation forms or the "fi" ligature.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from tests.export.test_exports import demo_workshop, make_catalogue
from workshop.core.export.pdf import write_pdf
from workshop.core.export.report import build_report

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

PRESENTATION_FORMS = re.compile("[\ufb00-\ufdff\ufe70-\ufeff]")
EMBEDDING_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")


@lru_cache(maxsize=None)
def demo_pdf(language: str, audience: str, folder: str) -> Path:
    path = Path(folder) / f"demo-{language}-{audience}.pdf"
    report = build_report(
        demo_workshop(language), audience=audience, language=language, catalogue=make_catalogue(language)
    )
    write_pdf(report, path, rtl=language == "ar")
    return path


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, check=True, text=True).stdout


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("searchable"))


def test_arabic_demo_extracts_as_plain_letters_in_logical_order(folder: str) -> None:
    ws = demo_workshop("ar")
    text = pdftotext(demo_pdf("ar", "facilitator", folder))
    assert PRESENTATION_FORMS.search(text) is None
    # Poppler marks its own runs (U+202A..) and places a number and the neutrals next to
    # it by its own rules ("نحو ‪ 550‬أسرة", "ربيع ‪— 2027‬"), so phrases are compared
    # without blanks, and those with digits are left to the cross-engine tests.
    flat = re.sub(r"\s+", "", EMBEDDING_MARKS.sub("", text))
    assert "النزهة" in flat and "التاريخ" in flat
    phrases = [ws.meta.title, *(item.text for item in ws.swot), *(p.organisation for p in ws.partners)]
    phrases = [phrase for phrase in phrases if not any(char.isdigit() for char in phrase)]
    assert len(phrases) > 15
    for phrase in phrases:
        assert re.sub(r"\s+", "", phrase) in flat, phrase


def test_facilitator_pdf_keeps_phones_and_emails_whole(folder: str) -> None:
    for language in ("ar", "en"):
        text = pdftotext(demo_pdf(language, "facilitator", folder))
        for partner in demo_workshop(language).partners:
            for value in (partner.phone, partner.email):
                if value:
                    assert value in text, (language, value)


def test_english_ligatures_extract_plainly(folder: str) -> None:
    text = pdftotext(demo_pdf("en", "facilitator", folder))
    assert PRESENTATION_FORMS.search(text) is None
    assert "office" in text and "Confirm" in text


def test_word_boxes_still_read_right_to_left(folder: str) -> None:
    """The cover title: its first logical word has the rightmost box of its line."""
    bbox = pdftotext(demo_pdf("ar", "participants", folder), "-bbox", "-f", "1", "-l", "1")
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox)
    first_line_y = words[0][1]
    line = [(float(x_min), float(x_max), word) for x_min, y, x_max, word in words if y == first_line_y]
    assert len(line) >= 3
    title_words = demo_workshop("ar").meta.title.split()
    rightmost = max(line)[2]
    leftmost = min(line)[2]
    # -bbox prints each right-to-left word's letters in drawing order.
    assert rightmost == title_words[0][::-1]
    assert leftmost == title_words[-1][::-1]
    assert PRESENTATION_FORMS.search(bbox) is None


def test_joined_letters_map_to_plain_letters_so_most_words_need_no_actual_text(folder: str) -> None:
    """/ActualText is kept for the words that need it: the Arabic demo's bytes (#14's budget)."""
    from pypdf import PdfReader

    reader = PdfReader(demo_pdf("ar", "facilitator", folder))
    maps = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            maps.append(font.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1"))
    cmap = "\n".join(maps)
    assert "<FE91>" not in cmap and "<FEEA>" not in cmap  # no presentation form is extracted
    assert "<0628>" in cmap  # ب (its joined forms map to it)
    content = b"".join(page.get_contents().get_data() for page in reader.pages)
    spans = content.count(b"/ActualText")
    words = len(pdftotext(demo_pdf("ar", "facilitator", folder)).split())
    assert 0 < spans < words / 2, (spans, words)
