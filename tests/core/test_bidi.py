"""The one bidi engine (workshop.core.text.bidi) and the two media that use it.

The same corpus of mixed Arabic/Latin/digits/brackets/e-mails/phones/percentages/dates is
fed to the terminal transform (workshop.core.rtl) and to the PDF layout
(workshop.core.export.pdf_text): both must put every character in the same visual order.
python-bidi's public ``get_display`` (pinned in the test extra) is an independent oracle.
"""

from __future__ import annotations

import unicodedata

import pytest
from bidi import get_display
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.core import rtl
from workshop.core.text import bidi

PIECES = [
    "مرحبا", "التحالف", "الهدف", "لا", "مُدَرِّب", "جمعية", "للتنمية", "بناء",
    "Hello", "UNICEF", "NGO", "Every", "school.",
    "2030", "12", "٣٤", "50%", "%50", "1,5", "3.14",
    "(NGO)", "(", ")", "[x]", "«نص»", "(مثل UNICEF)",
    "info@x.org", "maria.lopez@riversideworks.org", "https://example.org/a?b=1",
    "+962 78 555 0108", "+44 1632 960 111", "2025-03-14", "14/03/2025", "10:30",
    ".", "،", "!", "؟", ":", "-", "/",
]
SEPARATORS = [" ", " ", " ", ""]

corpus = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=12
).map(lambda parts: "".join(piece + sep for piece, sep in parts).strip() or "x")

FAST = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def pdf_order(text: str, rtl_paragraph: bool) -> list[int]:
    from workshop.core.export.pdf_text import visual_order

    return visual_order(text, rtl_paragraph)


@FAST
@given(corpus, st.sampled_from(["rtl", "ltr", "auto"]))
def test_terminal_and_pdf_draw_the_same_visual_order(text: str, direction: str) -> None:
    rtl_paragraph = bidi.base_level(text, direction) == 1
    _visual, columns, _width = rtl.visual_layout(text, "rtl" if rtl_paragraph else "ltr")
    order = pdf_order(text, rtl_paragraph)
    assert sorted(order) == list(range(len(text)))
    # Walking the PDF's glyph order left to right never goes back on the screen.
    seen = [columns[index] for index in order]
    assert seen == sorted(seen), (text, direction)


@FAST
@given(corpus, st.sampled_from(["rtl", "ltr"]))
def test_engine_agrees_with_python_bidi(text: str, direction: str) -> None:
    """Without isolates (plain UAX #9) the engine gives python-bidi's order exactly."""
    mine = bidi.reorder(text, direction, mirrored=False, isolate=False)
    assert mine == get_display(text, base_dir="R" if direction == "rtl" else "L")


@pytest.mark.parametrize(
    ("logical", "visual"),
    [
        # N0: the brackets around English inside Arabic stay around it (the old PDF path
        # printed "NGO) info@x.org)").
        ("جمعية 2030 للتنمية (NGO) info@x.org", "info@x.org (NGO) ةيمنتلل 2030 ةيعمج"),
        # A phone number reads as typed inside Arabic.
        ("رقم +962 78 555 0108 هنا", "انه +962 78 555 0108 مقر"),
        ("التاريخ 2025-03-14 ثم", "مث 2025-03-14 خيراتلا"),
        ("نسبة 50% من", "نم %50 ةبسن"),
        ("Every young child goes to school.", "Every young child goes to school."),
        # A command-line option after Arabic words keeps its dashes in front ("out--" before).
        ("اختر اسمًا آخر باستخدام --out.", ".--out مادختساب رخآ اًمسا رتخا"),
        ("تعاونية co-op", "co-op ةينواعت"),  # a hyphen inside a word is no option
    ],
)
def test_reorder_examples(logical: str, visual: str) -> None:
    assert bidi.reorder(logical) == visual


def test_paragraph_direction_from_first_strong_letter_outside_isolates() -> None:
    assert bidi.first_strong("info@x.org مرحبا") == "rtl"
    assert bidi.first_strong("2030 Hello") == "ltr"
    assert bidi.first_strong("2030") is None
    assert bidi.base_level("2030", "auto", fallback="rtl") == 1
    assert bidi.base_level("Hello", "rtl") == 1


def test_one_control_policy_for_screen_and_pdf() -> None:
    from workshop.core.export.pdf_text import clean_text

    hostile = "a\x1b[2J\u202eb\u2067c\u200f\r\nd\x85e\x9bf\ufeff"
    assert rtl.sanitize(hostile) == bidi.clean(hostile) == "a\u241b[2Jbc\nd\ne\ufffdf"
    assert clean_text(hostile) == "a?[2Jbc\nd\ne?f"


# ----------------------------------------------------------------- never broken inside

UNBREAKABLE = ["+962 78 555 0108", "+44 1632 960 111", "maria.lopez@riversideworks.org", "2025-03-14"]


@pytest.mark.parametrize("piece", UNBREAKABLE)
@pytest.mark.parametrize("width", range(16, 40, 3))
def test_screen_never_breaks_inside(piece: str, width: int) -> None:
    text = f"للتواصل مع المنسقة {piece} أو Maria {piece} today"
    if rtl.cell_width(piece) > width:
        return
    lines = rtl.wrap(text, width)
    assert sum(line.count(piece) for line in lines) == 2, lines
    for line in rtl.display_lines(text, width, "app"):
        assert rtl.cell_width(line) <= width


@pytest.mark.parametrize("piece", UNBREAKABLE)
@pytest.mark.parametrize("width", [90.0, 110.0, 130.0, 170.0])
def test_pdf_never_breaks_inside(piece: str, width: float) -> None:
    from workshop.core.export.fonts import register_fonts
    from workshop.core.export.pdf_text import make_styles, layout_lines, text_width

    styles = make_styles(register_fonts(), rtl=True)
    text = f"للتواصل مع المنسقة {piece} أو Maria {piece} today"
    if text_width(piece, styles["cell"].font_name, styles["cell"].font_size) >= width:
        return
    lines = layout_lines(text, styles["cell"], width)
    assert sum(line.count(piece) for line in lines) == 2, lines


def test_screen_shows_phone_as_typed_in_arabic() -> None:
    line = rtl.visual_line("هاتف المنسقة +962 78 555 0108")
    assert "+962 78 555 0108" in line
    assert unicodedata.normalize("NFKC", line).startswith("+962 78 555 0108 ")


def test_a_date_then_a_time_are_two_spans_not_one_phone_number() -> None:
    """'2026-11-03 18:00' (the next meeting as typed) must not read as a phone number ending in 18."""
    from workshop.core.text.bidi import protected_spans

    assert protected_spans("2026-11-03 18:00 قاعة البلدية") == ((0, 10), (11, 16))
    assert protected_spans("06 12 34 56 78") == ((0, 14),)  # a spaced phone number still is one
