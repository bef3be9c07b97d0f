"""A corpus of nasty strings, shared by the hostile-input tests."""

from __future__ import annotations

HOSTILE: dict[str, str] = {
    "reportlab_markup": 'a<b <b>bold</b> <font color="red">x</font> &amp; &lt;',
    "javascript_link": '<a href="javascript:alert(1)">click</a>',
    "local_image": '<img src="/etc/passwd"/> <img src="file:///etc/hosts">',
    "para_tag": "<para>inner</para><br/><seq/>",
    "terminal_escapes": "\x1b[2J\x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b[?1049h \x9b31m",
    "bidi_overrides": "\u202eevil\u202c \u2066iso\u2069 \u2067rtl\u2069 \u200f\u200e \u061c",
    "zero_width": "a\u200bb\u200cc\u200dd\ufeffe\u2060f",
    "combining_storm": "e" + "\u0301" * 200 + " ب" + "\u0651\u064b" * 100,
    "emoji_sequences": "👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇯🇴 1️⃣",
    "control_chars": "nul\x00 bel\x07 bs\x08 vt\x0b ff\x0c del\x7f c1\x85",
    "mixed_arabic": "تحالف UNICEF (2030) «صحة» 50% — ok",
    "lam_alef_harakat": "لَا إِلَٰهَ لا لأ لإ لآ",
    "markdown_injection": "# Heading\n| a | b |\n`code` [link](http://x) <script>",
    "csv_formula": "=HYPERLINK(\"http://x\",\"y\") +1 -1 @SUM(A1)",
    "newlines_tabs": "line1\nline2\r\nline3\ttabbed",
    "long_word": "ش" * 5000,
    "big_100k": ("بناء التحالفات coalition " * 4000)[:100_000],
}

#: Longer than the schema accepts in one field: refused with a clear message.
HUGE_PASTE = "x" * 1_000_001
