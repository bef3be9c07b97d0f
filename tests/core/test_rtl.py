"""Unit tests for workshop.core.rtl (display-only Arabic layout).

Expected visual strings are written out by hand from the Arabic joining
rules and UAX #9, never produced by the functions under test.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
import unicodedata

import pytest

from workshop.core import rtl
from workshop.core.rtl import (
    cell_width,
    display_label,
    display_lines,
    is_rtl_text,
    resolve_mode,
    sanitize,
    shape,
    visual_layout,
    visual_line,
    vte_disable_bidi_sequence,
    vte_enable_bidi_sequence,
    wrap,
)

# Hand-shaped presentation forms used below.
# "مرحبا" -> meem initial, reh final, hah initial, beh medial, alef final.
MARHABA_VISUAL = "\ufe8e\ufe92\ufea3\ufeae\ufee3"
# "بالعالم" -> beh ini, alef fin, lam ini, ain med, alef fin, lam ini, meem fin.
BIL_ALAM_VISUAL = "\ufee2\ufedf\ufe8e\ufecc\ufedf\ufe8e\ufe91"
# "الهدف" -> alef iso, lam ini, heh med, dal fin, feh iso.
ALHADAF_VISUAL = "\ufed1\ufeaa\ufeec\ufedf\ufe8d"
# "هو" -> heh ini, waw fin.
HUWA_VISUAL = "\ufeee\ufeeb"


def unshape_reverse(visual: str) -> str:
    """Invert an all-Arabic RTL visual line by hand: reverse, then NFKC."""
    return "".join(unicodedata.normalize("NFKC", char) for char in reversed(visual))


# ----------------------------------------------------------------- ordering


def test_two_words_read_right_to_left() -> None:
    assert visual_line("مرحبا بالعالم") == BIL_ALAM_VISUAL + " " + MARHABA_VISUAL


def test_first_logical_word_is_rightmost() -> None:
    visual = visual_line("مرحبا بالعالم")
    assert visual.endswith(MARHABA_VISUAL)
    assert visual.startswith(BIL_ALAM_VISUAL)


def test_mixed_arabic_english_digits() -> None:
    visual = visual_line("الهدف 2030 هو UNICEF")
    assert visual == "UNICEF " + HUWA_VISUAL + " 2030 " + ALHADAF_VISUAL


def test_numbers_stay_left_to_right() -> None:
    # "عام" -> ain initial, alef final, meem isolated.
    assert visual_line("عام 2030") == "2030 \ufee1\ufe8e\ufecb"
    assert "1234" in visual_line("رقم 1234 هنا")


def test_english_inside_arabic_keeps_its_order() -> None:
    visual = visual_line("مرحبا Hello World")
    assert visual == "Hello World " + MARHABA_VISUAL


def test_parentheses_mirrored() -> None:
    # "(نص)": noon initial, sad final; brackets mirrored in the RTL run.
    assert visual_line("(نص)") == "(\ufeba\ufee7)"
    visual = visual_line("مرحبا (بالعالم)")
    assert visual == "(" + BIL_ALAM_VISUAL + ") " + MARHABA_VISUAL


def test_bracket_pair_around_english_in_arabic() -> None:
    # Rule N0: "(UNICEF)" inside Arabic keeps both brackets with the Latin
    # word; the year follows on the left.
    visual = visual_line("مرحبا بالعالم (UNICEF) 2030")
    assert visual == "2030 (UNICEF) " + BIL_ALAM_VISUAL + " " + MARHABA_VISUAL
    assert visual_line("Hello (مرحبا) world") == "Hello (" + MARHABA_VISUAL + ") world"


def test_english_paragraph_untouched() -> None:
    assert visual_line("Hello (world) 42") == "Hello (world) 42"


def test_forced_rtl_base_on_english_line() -> None:
    assert visual_line("hello world", base_dir="rtl") == "hello world"
    assert visual_line("hello مرحبا", base_dir="rtl") == MARHABA_VISUAL + " hello"
    assert visual_line("hello مرحبا", base_dir="ltr") == "hello " + MARHABA_VISUAL
    assert visual_line("مرحبا", base_dir="ltr") == MARHABA_VISUAL


# ------------------------------------------------------------------ shaping


def test_shape_uses_presentation_forms() -> None:
    shaped = shape("مرحبا بالعالم")
    assert all("\ufe70" <= c <= "\ufeff" for c in shaped if c != " ")
    assert shaped == MARHABA_VISUAL[::-1] + " " + BIL_ALAM_VISUAL[::-1]


def test_harakat_kept_after_their_letter() -> None:
    text = "مَرْحَبًا"
    shaped = shape(text)
    for mark in "\u064e\u0652\u064b":
        assert mark in shaped
    # visual: alef, beh+fathatan, hah+fatha, reh+sukun, meem+fatha (L3).
    assert visual_line(text) == "\ufe8e\ufe92\u064b\ufea3\u064e\ufeae\u0652\ufee3\u064e"


def test_lam_alef_is_one_cell() -> None:
    assert shape("لا") == "\ufefb"
    assert cell_width("لا") == 2
    assert cell_width(shape("لا")) == 1
    # "سلام": seen initial, lam-alef final ligature, meem isolated.
    assert visual_line("سلام") == "\ufee1\ufefc\ufeb3"


def test_wrap_measures_after_shaping() -> None:
    # 8 cells as stored, 5 once shaped.
    assert wrap("لا لا لا", 5) == ["لا لا لا"]
    assert len(wrap("لا لا لا", 5, shaped=False)) > 1


def test_shape_leaves_non_arabic_alone() -> None:
    assert shape("hello 中文 👍") == "hello 中文 👍"


# ----------------------------------------------------------------- wrapping


def test_lines_wrapped_before_reordering() -> None:
    text = "واحد اثنان ثلاثة أربعة خمسة ستة سبعة"
    lines = display_lines(text, 12, "app")
    assert len(lines) >= 3
    # "واحد": waw iso, alef iso, hah ini, dal fin -> visual reversed.
    assert lines[0].endswith("\ufeaa\ufea3\ufe8d\ufeed")
    logical_back = [unshape_reverse(line) for line in lines]
    assert " ".join(logical_back) == text
    assert logical_back[0].split()[0] == "واحد"


def test_wrap_honours_newlines_and_width() -> None:
    lines = wrap("one two three\nfour", 7)
    assert lines == ["one two", "three", "four"]


def test_wrap_hard_breaks_long_words() -> None:
    lines = wrap("abcdefghij", 4)
    assert lines == ["abcd", "efgh", "ij"]


def test_wrap_breaks_a_long_path_or_file_name_after_its_separators() -> None:
    name = "/tmp/exports/تحالف-النزهة-لصحة-الطفولة-المبكرة-الورشة-التأسيسية-participants-ar.pdf"
    assert wrap(name, 62) == ["/tmp/exports/تحالف-النزهة-لصحة-الطفولة-المبكرة-الورشة-", "التأسيسية-participants-ar.pdf"]
    assert wrap("eastbrook-healthy-start-founding-workshop.pdf", 20) == ["eastbrook-healthy-", "start-founding-", "workshop.pdf"]
    assert wrap("C:\\Users\\amal\\exports", 10) == ["C:\\Users\\", "amal\\", "exports"]
    assert wrap("ab/cdefghij", 4) == ["ab/", "cdef", "ghij"]
    assert wrap("a/bcdefghij", 5) == ["a/bcd", "efghi", "j"]  # a separator that would leave a sliver is passed over


def test_wrap_keeps_empty_paragraphs() -> None:
    assert wrap("a\n\nb", 10) == ["a", "", "b"]


def test_rtl_paragraph_line_starting_with_english_stays_rtl() -> None:
    # Second wrapped line starts with Latin; paragraph direction still RTL.
    lines = display_lines("مرحبا UN هنا", 6, "app")
    assert lines[0] == MARHABA_VISUAL
    # "هنا": heh ini, noon med, alef fin; the RTL paragraph puts it on the
    # right of "UN" (a per-line "auto" direction would give "UN ﺎﻨﻫ").
    assert lines[1] == "\ufe8e\ufee8\ufeeb UN"


BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

HOSTILE_PIECES = [
    "👨\u200d👩\u200d👧",
    "🇸🇦",
    "❤️",
    "中文字符",
    "e" + "\u0301" * 40,
    "\u0651" * 30,
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\u202eevil\u202c",
    "\u2067iso\u2069",
    "\u200f\u061c",
    "\x00\x01\x7f\x9b",
    "\ud800",
    "\t",
    "\n",
    "\r\n",
    "مرحبا",
    "لا",
    "(UNICEF)",
    "2030",
    "x" * 70,
    "س" * 55,
    " ",
    "   ",
    "\u2028",
    "🏻",
]


@pytest.mark.parametrize("seed", range(40))
def test_every_line_fits_for_hostile_strings(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(HOSTILE_PIECES) for _ in range(rng.randint(1, 40)))
    for width in (1, 2, 3, 5, 8, 13, 40):
        for mode in ("app", "terminal"):
            lines = display_lines(text, width, mode)
            for line in lines:
                assert cell_width(line) <= width, (mode, width, line)
                assert "\x1b" not in line
                assert not any(c in line for c in BIDI_CONTROLS)
            assert all("\n" not in line for line in lines)


# --------------------------------------------------------------- sanitizing


def test_sanitize_removes_escape_and_controls() -> None:
    cleaned = sanitize("a\x1b[2Jb\x00c\x7fd\x9be\x07")
    assert "\x1b" not in cleaned and "\x00" not in cleaned
    assert "\x7f" not in cleaned and "\x9b" not in cleaned and "\x07" not in cleaned
    assert cleaned.startswith("a\u241b[2Jb")  # ESC shown as a control picture
    assert "\u2421" in cleaned  # DEL picture
    assert "\ufffd" in cleaned  # C1 replaced


def test_sanitize_removes_bidi_controls_keeps_newline_tab() -> None:
    assert sanitize("\u202eabc\u202c\u2066x\u2069\u200e\u200f\u061c") == "abcx"
    assert sanitize("a\nb\tc") == "a\nb\tc"
    assert sanitize("a\r\nb") == "a\nb"


def test_sanitize_never_raises() -> None:
    hostile = "\ud800\udfff\x00" * 10 + "\U0010ffff"
    cleaned = sanitize(hostile)
    cleaned.encode("utf-8")  # no lone surrogates left
    assert "\x1b" not in sanitize("مرحبا \x1b " * 2_000)
    assert sanitize("") == ""


@pytest.mark.perf
def test_sanitize_of_a_huge_paste_is_quick() -> None:
    """A wall-clock budget: only in `pytest -m perf` (a busy machine fails budgets, not code)."""
    big = "مرحبا \x1b " * 200_000
    start = time.perf_counter()
    assert "\x1b" not in sanitize(big)
    assert time.perf_counter() - start < 2.0


def test_cell_width_rules() -> None:
    assert cell_width("abc") == 3
    assert cell_width("中文") == 4
    assert cell_width("e\u0301\u0301") == 1
    assert cell_width("\x1b") == 1  # shown as a control picture


# ------------------------------------------------------------ terminal mode


def test_terminal_mode_returns_text_as_stored() -> None:
    assert display_lines("مرحبا بالعالم", 40, "terminal") == ["مرحبا بالعالم"]
    text = "واحد اثنان ثلاثة أربعة خمسة"
    lines = display_lines(text, 12, "terminal")
    assert " ".join(lines) == text
    assert display_label("مرحبا", "terminal") == "مرحبا"


def test_display_label_app_mode() -> None:
    assert display_label("مرحبا\nبالعالم", "app") == BIL_ALAM_VISUAL + " " + MARHABA_VISUAL
    assert display_label("Save", "app") == "Save"


# ---------------------------------------------------------------- direction


def test_is_rtl_text() -> None:
    assert is_rtl_text("مرحبا")
    assert is_rtl_text("  2030 مرحبا Hello")
    assert not is_rtl_text("Hello مرحبا")
    assert not is_rtl_text("2030")
    assert not is_rtl_text("")
    assert is_rtl_text("שלום")


def test_visual_layout_maps_each_logical_char() -> None:
    visual, columns, width = visual_layout("سلام")
    assert visual == "\ufee1\ufefc\ufeb3"
    assert width == 3
    # seen rightmost, lam+alef share the ligature, meem leftmost.
    assert columns == [2, 1, 1, 0]


# -------------------------------------------------------------- environment


@pytest.mark.parametrize(
    ("setting", "environ", "expected"),
    [
        ("terminal", {}, "terminal"),
        ("app", {"KONSOLE_VERSION": "230800"}, "app"),
        ("auto", {"KONSOLE_VERSION": "230800"}, "terminal"),
        ("auto", {"MLTERM": "3.9.3"}, "terminal"),
        ("auto", {"TERM_PROGRAM": "mintty"}, "terminal"),
        ("auto", {"VTE_VERSION": "7600"}, "app"),
        ("auto", {"TERM_PROGRAM": "iTerm.app"}, "app"),
        ("auto", {"TERM_PROGRAM": "WezTerm"}, "app"),
        ("auto", {"TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"}, "app"),
        ("auto", {"TERM": "tmux-256color", "TMUX": "/tmp/x"}, "app"),
        ("auto", {"WT_SESSION": "abc"}, "app"),
        ("auto", {}, "app"),
    ],
)
def test_resolve_mode(setting: str, environ: dict[str, str], expected: str) -> None:
    assert resolve_mode(setting, environ) == expected


def test_vte_sequences() -> None:
    assert vte_disable_bidi_sequence({"VTE_VERSION": "5800"}) == "\x1b[8l"
    assert vte_enable_bidi_sequence({"VTE_VERSION": "7600"}) == "\x1b[8h"
    assert vte_disable_bidi_sequence({"VTE_VERSION": "5200"}) == ""
    assert vte_disable_bidi_sequence({"VTE_VERSION": "junk"}) == ""
    assert vte_disable_bidi_sequence({}) == ""


# ------------------------------------------------------------ hygiene, speed


def test_import_does_not_pull_textual() -> None:
    code = "import sys, workshop.core.rtl; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_long_paragraph_lines_fit() -> None:
    """A 2,000-word paragraph wraps to lines that fit (its speed is a benchmark, not a test)."""
    words = "مرحبا بالعالم الهدف هو بناء تحالف قوي من أجل التغيير (UNICEF) 2030".split()
    rng = random.Random(7)
    text = " ".join(rng.choice(words) + str(i % 3 or "") for i in range(2000))
    lines = display_lines(text, 60, "app")
    assert all(cell_width(line) <= 60 for line in lines)
    assert display_lines(text, 60, "app") == lines


def test_fit_cuts_logical_text_at_its_end() -> None:
    from workshop.core.rtl import fit

    assert fit("Setup", 10) == "Setup"
    assert fit("Problem mapping", 8) == "Problem…"
    arabic = fit("التحليل الرباعي", 8)
    assert arabic.startswith("التحليل") and arabic.endswith("…")  # the start is kept, not the end
    assert cell_width(shape(fit("لا لا لا لا لا", 4))) <= 4


def test_narrow_fast_path_agrees_with_wcwidth() -> None:
    """Text of these characters is measured without wcwidth: each must be one cell there too."""
    import wcwidth

    narrow = [chr(code) for code in range(0x20, 0x10000) if rtl._NARROW_ONLY.fullmatch(chr(code))]
    assert len(narrow) > 600
    assert [c for c in narrow if wcwidth.wcswidth(c) != 1] == []
    assert list(wcwidth.iter_graphemes("".join(narrow))) == narrow  # no two of them make one cluster
    joined = shape("عربي التحالف")  # letters and lam-alef in their joined forms
    assert rtl._NARROW_ONLY.fullmatch(joined) and cell_width(joined) == wcwidth.wcswidth(joined)
    sample = "Coalition — “founding” workshop ✓ 1 Setup … €5 → ─┼─"
    assert cell_width(sample) == wcwidth.wcswidth(sample)


def test_english_start_does_not_load_the_arabic_engine() -> None:
    code = (
        "import sys; from workshop.core.rtl import display_lines, display_label, cell_width; "
        "display_lines('Coalition — founding workshop ✓ (1)', 20); display_label('Next step →'); "
        "cell_width('عربي'); "
        "print(sorted(m for m in ('wcwidth', 'arabic_reshaper') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# --------------------------------------------------------------------------
# Command-line output for a terminal without bidi (terminal_block)
# --------------------------------------------------------------------------

HELP = (
    "الاستخدام:  workshop [-h]\n"
    "  --force               اكتب فوق ملف موجود\n"
    "  --rtl {auto,terminal,app}\n"
    "                        عرض النص: terminal (الطرفية\n"
    "\n"
    "خطأ في workshop: وسائط غير معروفة: --bogus"
)


def test_terminal_block_mirrors_the_columns_in_arabic() -> None:
    lines = rtl.terminal_block(HELP, 60, rtl=True).split("\n")
    # columns keep their logical places: lam-alef joined into one cell leaves a third space
    assert lines[0] == " " * 35 + "workshop [-h]" + "   " + display_label("الاستخدام:", "app", "rtl")
    # the option ends where it started from the left (2 cells in), its help where it started (24 in)
    assert lines[1] == " " * 18 + display_label("اكتب فوق ملف موجود", "app", "rtl") + " " * 15 + "--force"
    assert lines[2] == " " * 33 + "--rtl {auto,terminal,app}"
    help_piece = display_label("عرض النص: terminal (الطرفية", "app", "rtl")
    assert lines[3] == " " * (60 - 24 - cell_width(help_piece)) + help_piece
    assert lines[4] == ""
    error = display_label("خطأ في workshop: وسائط غير معروفة: --bogus", "app", "rtl")
    assert lines[5] == " " * (60 - cell_width(error)) + error
    assert error.endswith("ﺄﻄﺧ") and error.startswith("--bogus")


def test_terminal_block_keeps_the_columns_in_english() -> None:
    text = "a1b2c3  en  setup           2026-11-30  لام ألف\nusage: workshop"
    lines = rtl.terminal_block(text, 60, rtl=False).split("\n")
    assert lines[0] == "a1b2c3  en  setup           2026-11-30  " + display_label("لام ألف")
    assert lines[1] == "usage: workshop"


def test_terminal_block_wraps_what_does_not_fit_at_the_right_edge() -> None:
    sentence = "تعذر فتح الورشة لأن الملف تالف؛ استعد آخر نسخة سليمة منها بالأمر المذكور"
    lines = rtl.terminal_block(sentence, 30, rtl=True).split("\n")
    assert len(lines) > 1 and all(cell_width(line) == 30 for line in lines)
    assert [line.strip() for line in lines] == display_lines(sentence, 30, "app", "rtl")


def test_fit_measures_as_drawn_in_each_mode() -> None:
    title = "الأهداف والخطط"  # لأ joins into one cell in app mode only
    assert rtl.fit(title, 11) == "الأهداف وال…"  # 11 cells joined, 12 as stored
    assert rtl.fit(title, 11, shaped=False) == "الأهداف وا…"
    assert cell_width(rtl.fit(title, 11, shaped=False)) == 11
    assert cell_width(shape(rtl.fit(title, 11))) == 11
    from workshop.core.i18n import Ui

    assert Ui.of("ar", "terminal").fitted(title, 11) == "الأهداف وا…"
    assert Ui.of("ar", "app").fitted(title, 11) == display_label("الأهداف وال…")


def test_terminal_block_wraps_a_long_last_column_in_its_column() -> None:
    """A `list` row whose title does not fit: the title is wrapped on its logical text inside its own
    column (its start on the first row), never reordered whole and cut by the terminal."""
    row = "7078d101a5de  ar  goals  2026-11-30  تحالف النزهة لصحة الطفولة المبكرة — الورشة التأسيسية"
    title = row[row.index("تحالف"):]
    at = row.index("تحالف")  # 37 cells of ASCII before it
    pieces = display_lines(title, 60 - at, "app", "auto")
    lines = rtl.terminal_block(row, 60, rtl=False).split("\n")
    assert lines == ["7078d101a5de  ar  goals  2026-11-30  " + pieces[0]] + [" " * at + p for p in pieces[1:]]
    assert lines[0].endswith(display_label("تحالف النزهة"))  # the title's start on the first row
    mirrored = rtl.terminal_block(row, 60, rtl=True).split("\n")
    pieces = display_lines(title, 60 - at, "app", "rtl")
    assert mirrored[0] == " " * (60 - at - cell_width(pieces[0])) + pieces[0] + "  2026-11-30  goals  ar  7078d101a5de"
    assert mirrored[1:] == [" " * (60 - at - cell_width(p)) + p for p in pieces[1:]]
