"""Bidi PDF text layout: objective checks on real PDFs via poppler and pypdf.

Word boxes come from ``pdftotext -bbox``.  Glyphs are drawn in visual order,
so an Arabic word's box text is its glyphs left to right (presentation
forms): we reverse it and NFKC-normalise to get the logical word back, then
read the words of an RTL line from right to left.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, SimpleDocTemplate

from workshop.core.export.fonts import (
    BOLD_NAME,
    REGULAR_NAME,
    FontSet,
    has_glyph,
    missing_glyphs,
    register_fonts,
    safe_text,
)
from workshop.core.export.pdf_text import (
    BidiParagraph,
    BidiStyle,
    bidi_table,
    clean_text,
    escape_markup,
    layout_lines,
    make_styles,
    visual_line,
)

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) not installed",
)

MARGIN = 36.0
FRAME_PAD = 6.0  # SimpleDocTemplate's frame padding on each side
MIXED = "تأسس التحالف عام 2024 مع UNICEF"
ARABIC = (
    "يجتمع أعضاء التحالف كل شهر لمراجعة الخطة وتوزيع المهام بين المنظمات الشريكة "
    "ومتابعة التقدم في المحافظات"
)
_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_WORD_RE = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


@dataclass(frozen=True)
class Word:
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str

    @property
    def logical(self) -> str:
        """Standard letters in reading order (Arabic boxes are visual order)."""
        text = self.text[::-1] if _RTL_CHAR.search(self.text) else self.text
        return unicodedata.normalize("NFKC", text)


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return register_fonts()


@pytest.fixture(scope="module")
def styles(fonts: FontSet) -> dict[str, BidiStyle]:
    return make_styles(fonts, rtl=True)


def build(path: Path, story: list[Flowable], width: float = A4[0], height: float = A4[1]) -> Path:
    """Build ``story``; the text column is ``width - 2 * (MARGIN + FRAME_PAD)``."""
    doc = SimpleDocTemplate(
        str(path),
        pagesize=(width, height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    )
    doc.build(story)
    return path


def page_words(pdf: Path, page: int = 1) -> list[Word]:
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [
        Word(float(a), float(b), float(c), float(d), html.unescape(t))
        for a, b, c, d, t in _WORD_RE.findall(out)
    ]


def _merge_kerned(line: list[Word]) -> list[Word]:
    """Re-join boxes that poppler split at a kerning gap inside a word.

    A positive kern (e.g. before the bold "شر" ligature, ~0.12 em) exceeds
    poppler's 0.1 em word-break threshold; a real space is ~0.24 em.
    """
    merged: list[Word] = []
    for word in sorted(line, key=lambda w: w.x_min):
        prev = merged[-1] if merged else None
        if prev and word.x_min - prev.x_max < 0.12 * (word.y_max - word.y_min):
            merged[-1] = Word(prev.x_min, prev.y_min, word.x_max, prev.y_max, prev.text + word.text)
        else:
            merged.append(word)
    return merged


def group_lines(words: list[Word], tolerance: float = 3.0) -> list[list[Word]]:
    """Words grouped by baseline, top line first."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.y_max):
        if lines and abs(lines[-1][0].y_max - word.y_max) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [_merge_kerned(line) for line in lines]


def line_words(pdf: Path, page: int = 1) -> dict[str, Word]:
    """Logical word -> box, for a page whose words are unique."""
    return {w.logical: w for line in group_lines(page_words(pdf, page)) for w in line}


def read_line(line: list[Word], rtl: bool) -> str:
    ordered = sorted(line, key=lambda w: w.x_min, reverse=rtl)
    return " ".join(w.logical for w in ordered)


def read_page(pdf: Path, page: int = 1, rtl: bool = True) -> list[str]:
    return [read_line(line, rtl) for line in group_lines(page_words(pdf, page))]


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def page_count(pdf: Path) -> int:
    return len(PdfReader(str(pdf)).pages)


# --------------------------------------------------------------------------- fonts


def test_register_fonts_is_idempotent(fonts: FontSet) -> None:
    assert register_fonts() == fonts
    assert (fonts.regular, fonts.bold) == (REGULAR_NAME, BOLD_NAME)


def test_glyph_checks_and_safe_text(fonts: FontSet) -> None:
    assert has_glyph("التحالف UNICEF 2024 ،؛؟ «»")
    assert missing_glyphs("ok 😀 \u25cf") == {"😀", "\u25cf"}
    cleaned = safe_text("نقطة \u25cf و 😀")
    assert cleaned == "نقطة \u2022 و ?"
    assert has_glyph(cleaned)
    assert has_glyph(safe_text("漢字 \U0001f600", fonts.bold), fonts.bold)


def test_clean_text_strips_controls() -> None:
    # The screen's policy (workshop.core.text.bidi.clean): controls become visible pictures,
    # which the PDF font lacks, so they print as "?"; bidi controls are removed.
    raw = "a\x00b\x1bc\u202ed\u2067e\r\nf\tg\x85h"
    assert clean_text(raw) == "a?b?cde\nf g\nh"


def test_escape_markup() -> None:
    assert escape_markup('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"


def test_visual_line_orders_mixed_runs() -> None:
    assert visual_line("abc 123", rtl=False) == "abc 123"
    assert visual_line("عام 2024", rtl=True) == "2024 ماع"
    # W7: a number after an English word joins the English run.
    assert visual_line("مع UNICEF 2024", rtl=True) == "UNICEF 2024 عم"
    # Brackets are not mirrored here: HarfBuzz mirrors them when shaping RTL runs.
    assert visual_line("(مثل UNICEF)", rtl=True) == ")UNICEF لثم("


# --------------------------------------------------------------------------- layout


def page_width(column: float) -> float:
    return column + 2 * (MARGIN + FRAME_PAD)


def test_multiline_arabic_first_logical_line_on_top(tmp_path: Path, styles) -> None:
    style = styles["body"]
    width = 170.0
    pdf = build(tmp_path / "narrow.pdf", [BidiParagraph(ARABIC, style)], width=page_width(width))
    expected = layout_lines(ARABIC, style, width)
    assert len(expected) >= 3
    assert " ".join(expected).split() == ARABIC.split()

    lines = group_lines(page_words(pdf))
    assert [read_line(line, rtl=True) for line in lines] == [nfkc(e) for e in expected]
    assert lines[0][0].y_max < lines[1][0].y_max  # first logical line on top
    right_edge = width + MARGIN + FRAME_PAD
    for line in lines:  # start-aligned = flush right
        assert max(w.x_max for w in line) == pytest.approx(right_edge, abs=1.0)


def test_mixed_arabic_english_numbers(tmp_path: Path, styles) -> None:
    pdf = build(tmp_path / "mixed.pdf", [BidiParagraph(MIXED, styles["body"])])
    assert read_page(pdf) == [MIXED]
    words = line_words(pdf)
    # Reading right to left: عام, then 2024, then مع, then UNICEF.
    assert words["عام"].x_min > words["2024"].x_max
    assert words["2024"].x_min > words["مع"].x_max
    assert words["مع"].x_min > words["UNICEF"].x_max


def test_plain_pdftotext_reads_logical_order(tmp_path: Path, styles) -> None:
    pdf = build(tmp_path / "plain.pdf", [BidiParagraph(MIXED, styles["body"])])
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "التحالف" in nfkc(text)
    assert not re.search("[\ue000-\uf8ff]", text)  # no private-use glyph codes


def test_ltr_english_paragraph_unchanged(tmp_path: Path, fonts: FontSet) -> None:
    style = make_styles(fonts, rtl=False)["body"]
    text = "The coalition met in 2024 with UNICEF and three local partners"
    width = 200.0
    pdf = build(tmp_path / "ltr.pdf", [BidiParagraph(text, style)], width=page_width(width))
    lines = group_lines(page_words(pdf))
    assert [read_line(line, rtl=False) for line in lines] == layout_lines(text, style, width)
    assert len(lines) >= 2
    for line in lines:
        assert min(w.x_min for w in line) == pytest.approx(MARGIN + FRAME_PAD, abs=1.0)


def test_newlines_and_bullet_on_the_right(tmp_path: Path, styles) -> None:
    style = replace(styles["body"], bullet="\u25cf")
    pdf = build(tmp_path / "bullet.pdf", [BidiParagraph("السطر الأول\nالسطر الثاني", style)])
    lines = group_lines(page_words(pdf))
    assert [read_line(line, rtl=True) for line in lines] == ["\u2022 السطر الأول", "السطر الثاني"]
    bullet = next(w for w in lines[0] if w.text == "\u2022")
    assert all(bullet.x_min > w.x_max for w in lines[0] if w is not bullet)
    # The second line hangs under the text, not under the bullet.
    assert max(w.x_max for w in lines[1]) < bullet.x_min


def test_long_paragraph_splits_across_pages(tmp_path: Path, styles) -> None:
    text = " ".join(f"{ARABIC} {n}" for n in range(60))
    pdf = build(tmp_path / "long.pdf", [BidiParagraph(text, styles["body"])], height=300)
    pages = page_count(pdf)
    assert pages >= 3
    read = [line for page in range(1, pages + 1) for line in read_page(pdf, page)]
    assert " ".join(read).split() == nfkc(text).split()


def test_long_word_is_hard_broken(tmp_path: Path, styles) -> None:
    word = "التحالف" * 30
    width = 150.0
    lines = layout_lines(word, styles["body"], width)
    assert len(lines) > 1 and "".join(lines) == word
    pdf = build(tmp_path / "word.pdf", [BidiParagraph(word, styles["body"])], width=page_width(width))
    lines = group_lines(page_words(pdf))
    assert len(lines) == len(layout_lines(word, styles["body"], width))
    for line in lines:
        assert min(w.x_min for w in line) >= MARGIN + FRAME_PAD - 1.0


# --------------------------------------------------------------------------- hostile input

HOSTILE = [
    "a<b",
    '<a href="javascript:alert(1)">x</a>',
    '<img src="/etc/passwd">',
    "nul\x00byte",
    "esc\x1b[31mred",
    "\u202eتجاوز\u202c override",
    "emoji 😀🎉 and \u25cf",
    "&amp; &lt;b&gt; <b>bold</b> <font color=red>r</font>",
]


def _no_links_or_images(pdf: Path) -> None:
    reader = PdfReader(str(pdf))
    for page in reader.pages:
        assert "/Annots" not in page
        xobjects = page["/Resources"].get("/XObject")
        if xobjects is not None:
            for ref in xobjects.get_object().values():
                assert ref.get_object().get("/Subtype") != "/Image"


def test_hostile_strings_are_literal_text(tmp_path: Path, styles) -> None:
    story: list[Flowable] = [BidiParagraph(s, styles["body"]) for s in HOSTILE]
    story.append(bidi_table([["a", "b"], HOSTILE[1:3]], [200, 200], styles["cell"], rtl=True))
    pdf = build(tmp_path / "hostile.pdf", story)
    _no_links_or_images(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "javascript:alert(1)" in text
    assert "/etc/passwd" in text
    assert "a<b" in text
    assert "\x00" not in text and "\x1b" not in text and "\u202e" not in text


def test_huge_string_does_not_crash(tmp_path: Path, styles) -> None:
    blob = ("كلمة " * 10_000) + ("x" * 50_000)
    assert len(blob) == 100_000
    pdf = build(tmp_path / "huge.pdf", [BidiParagraph(blob, styles["small"])])
    assert page_count(pdf) > 5
    _no_links_or_images(pdf)


# --------------------------------------------------------------------------- fonts in the PDF


def test_fonts_embedded_and_subset(tmp_path: Path, styles) -> None:
    pdf = build(
        tmp_path / "fonts.pdf",
        [BidiParagraph("عنوان", styles["title"]), BidiParagraph(MIXED, styles["body"])],
    )
    fonts_seen = []
    for page in PdfReader(str(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font["/BaseFont"] == "/Helvetica":  # ReportLab's initial canvas font
                continue
            fonts_seen.append(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor
    assert fonts_seen
    assert all(re.fullmatch(r"/[A-Z]{6}\+IBMPlexSansArabic.*", name) for name in fonts_seen)
    assert any("Bold" in name for name in fonts_seen)


# --------------------------------------------------------------------------- tables


def test_table_is_mirrored_in_rtl(tmp_path: Path, styles) -> None:
    rows = [["الشريك", "الدور"], ["جمعية الأمل", "تنسيق"], ["UNICEF", "تمويل"]]
    table = bidi_table(rows, [150, 150], styles["cell"], rtl=True, header_style=styles["cell_bold"])
    assert table.repeatRows == 1
    pdf = build(tmp_path / "table.pdf", [table])
    words = line_words(pdf)
    assert words["الشريك"].x_min > words["الدور"].x_max
    assert words["UNICEF"].x_min > words["تمويل"].x_max


def test_table_ltr_keeps_column_order(tmp_path: Path, fonts: FontSet) -> None:
    styles = make_styles(fonts, rtl=False)
    table = bidi_table([["Partner", "Role"], ["UNICEF", "Funding"]], [150, 150], styles["cell"], rtl=False)
    pdf = build(tmp_path / "table_ltr.pdf", [table])
    words = line_words(pdf)
    assert words["Partner"].x_max < words["Role"].x_min


def test_table_rejects_ragged_rows(styles) -> None:
    with pytest.raises(ValueError):
        bidi_table([["a", "b"], ["c"]], [100, 100], styles["cell"], rtl=True)


# --------------------------------------------------------------------------- visual


def _dark_fraction(pgm: bytes) -> float:
    """Share of dark pixels in a binary PGM (P5) image."""
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    assert match, "not a binary PGM"
    width, height = int(match.group(1)), int(match.group(2))
    pixels = pgm[match.end() : match.end() + width * height]
    return sum(1 for p in pixels if p < 128) / len(pixels)


def test_rendered_page_is_not_blank(tmp_path: Path, styles) -> None:
    pdf = build(tmp_path / "visual.pdf", [BidiParagraph(ARABIC, styles["title"])])
    pgm = subprocess.run(
        ["pdftoppm", "-r", "50", "-gray", "-f", "1", "-l", "1", str(pdf)],
        check=True,
        capture_output=True,
    ).stdout
    assert 0.005 < _dark_fraction(pgm) < 0.5


# --------------------------------------------------------------------------- the glyph writer


def test_glyph_writer_writes_what_reportlab_writes(tmp_path: Path, styles, monkeypatch) -> None:
    """`_TextWriter` writes a text operator itself once its glyphs have codes in the document's
    font subsets; the PDF must be ReportLab's own, byte for byte (kerned English, harakat,
    lam-alef, brackets, a no-break space, numbers, hostile text, two fonts and sizes)."""
    from reportlab import rl_config

    from workshop.core.export import pdf_text

    texts = [
        ARABIC,
        MIXED,
        "Wave To AVA: “quoted” (brackets) [x] 10:30, +962 79 555 0101, a@b.org",
        "مُدَرِّسٌ وَمُدَرِّسَةٌ (لا إله) «نص» ١٢٣",
        "no-break\u00a0space and fi ligatures: office, affirm",
        *HOSTILE,
    ]

    def story() -> list[Flowable]:
        paragraphs: list[Flowable] = []
        for _ in range(2):  # the second time every character already has its code
            for text in texts:
                paragraphs += [BidiParagraph(text, styles["body"]), BidiParagraph(text, styles["cell_bold"])]
        return paragraphs

    def build_invariant(path: Path) -> bytes:
        invariant = rl_config.invariant
        rl_config.invariant = 1
        try:
            SimpleDocTemplate(str(path), pagesize=A4).build(story())
        finally:
            rl_config.invariant = invariant
        return path.read_bytes()

    operator = pdf_text._TextWriter.operator
    calls = {"all": 0, "reportlab": 0}

    def counted(self, glyphs, form):  # type: ignore[no-untyped-def]
        calls["all"] += 1
        return operator(self, glyphs, form)

    reportlab = pdf_text._TextWriter._reportlab

    def counted_reportlab(self, glyphs):  # type: ignore[no-untyped-def]
        calls["reportlab"] += 1
        return reportlab(self, glyphs)

    monkeypatch.setattr(pdf_text._TextWriter, "operator", counted)
    monkeypatch.setattr(pdf_text._TextWriter, "_reportlab", counted_reportlab)
    ours = build_invariant(tmp_path / "ours.pdf")
    assert calls["reportlab"] < calls["all"] / 2  # most operators were written without ReportLab
    monkeypatch.setattr(pdf_text._TextWriter, "operator", lambda self, glyphs, form: reportlab(self, glyphs))
    assert build_invariant(tmp_path / "reportlab.pdf") == ours
