"""Font registration and glyph coverage checks for the PDF export.

The PDF uses IBM Plex Sans Arabic (Arabic *and* Latin coverage), loaded from
the ``fontpkg-ibm-plex-sans-arabic`` package -- never from system fonts, so
the output is identical on every machine.  ReportLab embeds TrueType fonts as
subsets by default, so only the glyphs used end up in the PDF; they are
registered without their hinting instructions (:func:`unhinted_font`, a third of
the outlines' bytes, which PDF viewers do not need) and with ToUnicode maps that
give joined letters as plain letters (:func:`extracted_text`).

Public API::

    register_fonts() -> FontSet          # idempotent
    missing_glyphs(text, font_name=None) -> set[str]
    has_glyph(text, font_name=None) -> bool
    safe_text(text, font_name=None, fallback="?") -> str
"""

from __future__ import annotations

import io
import struct
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import fontpkg_ibm_plex_sans_arabic as _fontpkg
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

__all__ = [
    "FontSet",
    "REGULAR_NAME",
    "BOLD_NAME",
    "register_fonts",
    "font_path",
    "missing_glyphs",
    "has_glyph",
    "safe_text",
    "extracted_text",
    "unhinted_font",
]

REGULAR_NAME = "IBMPlexSansArabic"
BOLD_NAME = "IBMPlexSansArabic-Bold"

_FILES = {
    REGULAR_NAME: "IBMPlexSansArabic-Regular.ttf",
    BOLD_NAME: "IBMPlexSansArabic-Bold.ttf",
}

# Characters that are legitimately absent from the cmap but that HarfBuzz
# handles itself (joiners, zero-width space): they are never drawn as glyphs.
_DEFAULT_IGNORABLE = frozenset("\u200b\u200c\u200d\u2060")

# Preferred substitutes for common characters the font lacks; anything else
# missing becomes the caller's fallback.
_SUBSTITUTES = {
    "\u25cf": "\u2022",  # BLACK CIRCLE -> BULLET
    "\u25cb": "\u2022",  # WHITE CIRCLE -> BULLET
    "\u25aa": "\u2022",  # BLACK SMALL SQUARE -> BULLET
    "\u25a0": "\u2022",  # BLACK SQUARE -> BULLET
    "\u2713": "+",  # CHECK MARK
    "\u2714": "+",
    "\u2717": "x",  # BALLOT X
    "\u2192": "-",  # RIGHTWARDS ARROW
    "\u2190": "-",
    "\ufffd": "?",
}

_lock = threading.Lock()


@dataclass(frozen=True)
class FontSet:
    """Names of the registered fonts, usable as ReportLab ``fontName``."""

    regular: str = REGULAR_NAME
    bold: str = BOLD_NAME


def _is_compatibility_form(code: int) -> bool:
    """Arabic presentation forms and Latin ligatures: glyphs HarfBuzz picks that stand for plain letters."""
    return 0xFB00 <= code <= 0xFB06 or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


@lru_cache(maxsize=4096)
def extracted_text(code: str) -> str:
    """What a PDF reader extracts for a drawn character (the ToUnicode map of our fonts).

    A presentation form or ligature gives its plain letters (U+FE91 ـبـ gives ب, ﬁ gives
    "fi"); anything else gives itself.
    """
    if len(code) == 1 and _is_compatibility_form(ord(code)):
        return unicodedata.normalize("NFKC", code) or code
    return code


def _to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap of a subset, with presentation forms mapped to plain letters.

    Joined Arabic letters are drawn with their presentation-form glyphs; mapping those to
    the letters they stand for makes the words searchable without an /ActualText per word
    (see :func:`workshop.core.export.pdf_text._searchable_words`).
    """
    lines: list[str] = str(ttfonts.makeToUnicodeCMap(font_name, subset)).split("\n")
    for index, code in enumerate(subset):
        if _is_compatibility_form(code):
            entry = lines.index(f"<{index:02X}> <{code:04X}>")
            lines[entry] = f"<{index:02X}> <{extracted_text(chr(code)).encode('utf-16-be').hex().upper()}>"
    return "\n".join(lines)


class _SearchableTTFont(TTFont):  # type: ignore[misc]  # ReportLab ships no type hints
    """A TrueType font whose subsets' ToUnicode maps give plain letters (see :func:`_to_unicode_cmap`)."""

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # noqa: N802 (ReportLab API)
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            base = (b"".join((ttfonts.SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _to_unicode_cmap(base, subset)


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    total: int = sum(struct.unpack(f">{len(padded) // 4}I", padded))
    return total & 0xFFFFFFFF


def _glyph_without_instructions(glyph: bytes) -> bytes:
    """One `glyf` record with its TrueType hinting instructions taken out."""
    if not glyph:
        return glyph
    contours = struct.unpack(">h", glyph[:2])[0]
    if contours >= 0:  # simple: ... endPtsOfContours[n], instructionLength, instructions, flags ...
        at = 10 + 2 * contours
        length = struct.unpack(">H", glyph[at : at + 2])[0]
        return glyph[:at] + b"\0\0" + glyph[at + 2 + length :]
    at, last = 10, 10
    while True:  # composite: components, then instructions if the last says WE_HAVE_INSTRUCTIONS
        flags = struct.unpack(">H", glyph[at : at + 2])[0]
        last = at
        at += 4 + (4 if flags & 0x0001 else 2)
        at += 2 if flags & 0x0008 else 4 if flags & 0x0040 else 8 if flags & 0x0080 else 0
        if not flags & 0x0020:
            break
    if not flags & 0x0100:
        return glyph
    return glyph[:last] + struct.pack(">H", flags & ~0x0100) + glyph[last + 2 : at]


def unhinted_font(data: bytes) -> bytes:
    """A TrueType font without hinting instructions in its glyphs (a third of Plex Arabic's
    outlines): PDF viewers scale outlines themselves, so the embedded subsets only lose bytes."""
    count = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for n in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * n : 28 + 16 * n])
        tables[tag] = data[offset : offset + length]
    head = bytearray(tables[b"head"])
    long_loca = struct.unpack(">h", head[50:52])[0] == 1
    loca = tables[b"loca"]
    offsets = (
        struct.unpack(f">{len(loca) // 4}I", loca) if long_loca else [2 * o for o in struct.unpack(f">{len(loca) // 2}H", loca)]
    )
    glyf = tables[b"glyf"]
    glyphs, new_offsets, at = [], [0], 0
    for start, end in zip(offsets, offsets[1:]):
        glyph = _glyph_without_instructions(glyf[start:end])
        glyph += b"\0" * (-len(glyph) % 4)
        glyphs.append(glyph)
        at += len(glyph)
        new_offsets.append(at)
    tables[b"glyf"] = b"".join(glyphs)
    tables[b"loca"] = struct.pack(f">{len(new_offsets)}I", *new_offsets)
    head[50:52] = struct.pack(">h", 1)
    head[8:12] = b"\0\0\0\0"
    tables[b"head"] = bytes(head)
    directory, body = [], b""
    offset = 12 + 16 * len(tables)
    for tag in sorted(tables):
        table = tables[tag]
        directory.append(struct.pack(">4sIII", tag, _checksum(table), offset + len(body), len(table)))
        body += table + b"\0" * (-len(table) % 4)
    font = bytearray(data[:12] + b"".join(directory) + body)
    record = 12 + 16 * sorted(tables).index(b"head")
    head_at = struct.unpack(">I", font[record + 8 : record + 12])[0]
    font[head_at + 8 : head_at + 12] = struct.pack(">I", (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)


def font_path(font_name: str) -> Path:
    """Return the TTF file shipped by the font package for ``font_name``."""
    root = Path(_fontpkg.ROOT)
    return root / "files" / _FILES[font_name]


def _is_registered(font_name: str) -> bool:
    return font_name in pdfmetrics.getRegisteredFontNames()


def register_fonts() -> FontSet:
    """Register Plex Sans Arabic Regular and Bold with ReportLab.

    Safe to call any number of times (and from several threads); fonts are
    registered once per process.  Also registers a font family so that
    ``<b>`` in a plain ReportLab ``Paragraph`` maps to the bold face.
    """
    with _lock:
        for name in (REGULAR_NAME, BOLD_NAME):
            if not _is_registered(name):
                pdfmetrics.registerFont(_SearchableTTFont(name, io.BytesIO(unhinted_font(font_path(name).read_bytes()))))
        addMapping(REGULAR_NAME, 0, 0, REGULAR_NAME)
        addMapping(REGULAR_NAME, 0, 1, REGULAR_NAME)
        addMapping(REGULAR_NAME, 1, 0, BOLD_NAME)
        addMapping(REGULAR_NAME, 1, 1, BOLD_NAME)
    return FontSet()


@lru_cache(maxsize=8)
def _cmap(font_name: str) -> frozenset[int]:
    """Code points mapped by the font's cmap (after registration)."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


@lru_cache(maxsize=8)
def _drawable(font_name: str) -> frozenset[str]:
    """Every character :func:`safe_text` keeps as it is (a set of characters: a whole string is
    checked against it at C speed, not a character at a time)."""
    return frozenset(map(chr, _cmap(font_name))) | _DEFAULT_IGNORABLE | {"\n"}


def _char_ok(ch: str, cmap: frozenset[int]) -> bool:
    return ch == "\n" or ch in _DEFAULT_IGNORABLE or ord(ch) in cmap


def missing_glyphs(text: str, font_name: str | None = None) -> set[str]:
    """Characters of ``text`` that the font cannot draw.

    Newlines and zero-width joiners/spaces are not reported: the layout code
    consumes them and never draws them as glyphs.
    """
    cmap = _cmap(font_name or REGULAR_NAME)
    return {ch for ch in set(text) if not _char_ok(ch, cmap)}


def has_glyph(text: str, font_name: str | None = None) -> bool:
    """True if every character of ``text`` has a glyph in the font."""
    return not missing_glyphs(text, font_name)


def _substitute(ch: str, cmap: frozenset[int], fallback: str) -> str:
    sub = _SUBSTITUTES.get(ch)
    if sub is not None and all(ord(c) in cmap for c in sub):
        return sub
    decomposed = unicodedata.normalize("NFKC", ch)
    if decomposed != ch and decomposed and all(ord(c) in cmap for c in decomposed):
        return decomposed
    if unicodedata.category(ch) == "Mn" or "\ufe00" <= ch <= "\ufe0f":
        return ""  # an undrawable combining mark / variation selector: drop it
    return fallback


def safe_text(text: str, font_name: str | None = None, fallback: str = "?") -> str:
    """Return ``text`` with every character the font lacks replaced.

    Known symbols get a close equivalent (e.g. U+25CF BLACK CIRCLE becomes
    U+2022 BULLET), compatibility characters are decomposed when the
    decomposition is drawable, undrawable combining marks and variation
    selectors are dropped, and everything else (emoji, CJK, ...) becomes
    ``fallback``.  The result never contains a character without a glyph, so
    the PDF never shows a "tofu" box.
    """
    font_name = font_name or REGULAR_NAME
    if _drawable(font_name).issuperset(text):
        return text
    cmap = _cmap(font_name)
    return "".join(
        ch if _char_ok(ch, cmap) else _substitute(ch, cmap, fallback) for ch in text
    )
