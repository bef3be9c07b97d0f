"""Bidirectional (Arabic/English) text layout for ReportLab, without ``rlbidi``.

ReportLab 5.1's own RTL support needs the optional ``rlbidi`` module, which is
not on PyPI; without it ``Paragraph(wordWrap='RTL')`` and
``canvas.drawString(direction='RTL', shaping=True)`` silently fall back to
left-to-right, unshaped text.  This module does the layout itself:

1. **Wrap in logical order.**  Text is split into words, each word measured
   with its *shaped* width (HarfBuzz advances, cached), and lines are filled
   greedily in logical (reading) order.  ``"\\n"`` forces a break and a word
   wider than the line is broken between characters (never before a
   combining mark such as a haraka).
2. **Reorder each line for display.**  The app's one bidi engine
   (:mod:`workshop.core.text.bidi`, shared with the terminal) resolves
   embedding levels on the whole paragraph (bracket pairs, numbers, phone
   numbers and e-mails as left-to-right isolates); each line's level runs
   are reordered with rule L2, so English words and numbers inside Arabic
   read correctly ("عام 2024 مع UNICEF").  A line never breaks inside a
   phone number, e-mail address, URL or date that fits the line.
3. **Shape each run** with HarfBuzz in the run's own direction (joined
   letters, lam-alef ligature, mark positioning, mirrored brackets) and draw
   the glyphs with ReportLab's ``ShapedStr`` support: the first logical line
   is on top, RTL lines are aligned to the right edge.

User text is never parsed as markup: ``<a href=...>``, ``<img ...>`` and
``a<b`` are drawn as literal glyphs, so they cannot create links or images.
Control characters and bidi overrides/isolates are removed, and characters
that the font lacks are replaced (see :func:`workshop.core.export.fonts.safe_text`).

Text extraction: our fonts' ToUnicode maps give a joined letter's plain letter
(:func:`workshop.core.export.fonts.extracted_text`); a word whose glyphs still do not give
its letters in order (a raised haraka, a kerned pair, lam-alef) carries them as
``/ActualText``: ``pdftotext`` gives the logical text with ordinary letters («النزهة»,
"Confirm") and ``-bbox`` one box per word.  :data:`EXTRACTION_NOTE` says how.

Public API::

    BidiStyle(...)                                  # frozen dataclass
    BidiParagraph(text, style)                      # a platypus Flowable
    bidi_table(rows, col_widths, style, rtl, header=True, header_style=None)
    make_styles(fonts, rtl) -> dict[str, BidiStyle]
    escape_markup(text) -> str                      # for ReportLab Paragraph
    clean_text(text) -> str                         # control chars removed
    layout_lines(text, style, width) -> list[str]   # wrapped logical lines
    visual_line(text, rtl) -> str                   # a line in display order
    visual_order(text, rtl) -> list[int]            # its indices in display order
    text_width(text, font_name, font_size) -> float # shaped width in points
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby, islice
from operator import itemgetter
from typing import Literal, NamedTuple

import uharfbuzz as hb
from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Table, TableStyle

from workshop.core.export.fonts import FontSet, extracted_text, safe_text
from workshop.core.text import bidi

__all__ = [
    "Align",
    "BidiParagraph",
    "BidiStyle",
    "Direction",
    "EXTRACTION_NOTE",
    "bidi_table",
    "clean_text",
    "escape_markup",
    "fit_columns",
    "layout_lines",
    "make_styles",
    "text_width",
    "unbreakable_width",
    "visual_line",
    "visual_order",
]

Align = Literal["start", "end", "center"]
Direction = Literal["rtl", "ltr", "auto"]

EXTRACTION_NOTE = (
    "Glyphs are emitted in visual order; presentation forms and ligatures map (ToUnicode) "
    "to their plain letters, and a word whose glyphs still do not give its letters is "
    "wrapped in a /Span with /ActualText. Poppler orders right-to-left words itself from "
    "the text in drawing order, so a right-to-left word's /ActualText is its letters "
    "reversed (mirrored brackets): pdftotext then prints logical order and -bbox keeps one "
    "box per word."
)

_FEATURES = {"kern": True, "liga": True}
_MAX_CACHED_WORD = 200  # longer strings are measured without the cache

_STRONG_RTL = frozenset({"R", "AL"})


# ---------------------------------------------------------------------------
# Style
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BidiStyle:
    """How a :class:`BidiParagraph` is set.

    ``align`` is relative to the paragraph direction: ``"start"`` is the right
    edge for RTL and the left edge for LTR.  ``direction="auto"`` (for what
    users typed) takes the direction of the first strong character
    (``fallback_rtl`` if there is none); the app's own labels are set in the
    document's direction.
    ``leading`` of ``None`` means ``1.5 * font_size``.  ``bullet`` (e.g.
    ``"•"``) is drawn on the start side of the first line and the whole
    paragraph is indented past it.
    """

    font_name: str
    font_size: float = 10.0
    leading: float | None = None
    color: colors.Color | str = colors.black
    align: Align = "start"
    direction: Direction = "auto"
    space_before: float = 0.0
    space_after: float = 0.0
    first_line_indent: float = 0.0
    bullet: str | None = None
    #: With ``direction="auto"``: the direction of text with no strong letter (numbers only).
    fallback_rtl: bool = False

    @property
    def line_height(self) -> float:
        """The distance between two baselines, in points."""
        return self.leading if self.leading is not None else 1.5 * self.font_size


# ---------------------------------------------------------------------------
# Text cleaning
# ---------------------------------------------------------------------------


def escape_markup(text: str) -> str:
    """Escape ``&``, ``<``, ``>`` and quotes for ReportLab ``Paragraph`` markup.

    Only needed where the plain ``Paragraph`` is still used;
    :class:`BidiParagraph` draws text literally and needs no escaping.
    """
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def clean_text(text: str, font_name: str | None = None) -> str:
    """Return ``text`` ready to draw: the app's one control policy, glyphs all available.

    :func:`workshop.core.text.bidi.clean` (shared with the screen: line separators become
    ``"\\n"``, bidi controls are removed, other controls become visible), tabs become a
    space, and characters the font lacks are replaced via :func:`fonts.safe_text`.
    """
    return safe_text(bidi.clean(text).replace("\t", " "), font_name)


# ---------------------------------------------------------------------------
# Shaping and measuring
# ---------------------------------------------------------------------------


class _Shaped(NamedTuple):
    """A run shaped by HarfBuzz: glyphs in visual order, width in points, and what it says."""

    text: ShapedStr
    width: float
    logical: str = ""
    rtl: bool = False


def _is_rtl_text(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _STRONG_RTL for ch in text)


def _hb_buffer(text: str, rtl: bool) -> hb.Buffer:
    buf = hb.Buffer()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    return buf


def _shape(text: str, font_name: str, font_size: float, rtl: bool) -> _Shaped:
    """Shape ``text`` as one directional run (cached for short text: a cell's word is
    measured when the table is laid out and shaped again when it is drawn)."""
    if len(text) > _MAX_CACHED_WORD:
        return _shape_run(text, font_name, font_size, rtl)
    return _cached_shape(text, font_name, font_size, rtl)


def _shape_run(text: str, font_name: str, font_size: float, rtl: bool) -> _Shaped:
    """Shape ``text`` as one directional run into a ReportLab ``ShapedStr``.

    Mirrors ``reportlab.pdfbase.ttfonts.shapeFragWord`` but with an explicit
    direction (ReportLab guesses it from the script, which is wrong for runs
    of neutrals such as brackets inside Arabic).
    """
    ttf = pdfmetrics.getFont(font_name)
    hb_font = _hb_font(font_name, font_size)
    buf = _hb_buffer(text, rtl)
    hb.shape(hb_font, buf, _FEATURES)
    face = ttf.face
    glyph_to_char = face.glyphToChar
    char_widths = face.charWidths
    scale = ttf.pdfScale
    chars: list[str] = []
    data: list[ShapeData] = []
    advance = 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        gid = info.codepoint
        mapped = glyph_to_char.get(gid)
        if mapped:
            code = mapped[0]
        else:  # a glyph with no cmap entry: ReportLab gives it a private code
            code = ttf.hbAddPrivate(hb_font.glyph_to_string(gid), gid, pos.x_advance)
        chars.append(chr(code))
        x_advance = scale(pos.x_advance)
        advance += x_advance
        x_offset, y_offset = pos.x_offset, pos.y_offset
        data.append(
            ShapeData(
                info.cluster,
                x_advance,
                scale(pos.y_advance) if pos.y_advance else 0,
                scale(x_offset) if x_offset else 0,
                scale(y_offset) if y_offset else 0,
                char_widths[code],
            )
        )
    return _Shaped(ShapedStr("".join(chars), shapeData=data), advance * font_size / 1000.0, text, rtl)


@lru_cache(maxsize=64)
def _hb_font(font_name: str, font_size: float) -> hb.Font:
    """HarfBuzz's font for a ReportLab font at a size (ReportLab makes a new one on every call)."""
    return pdfmetrics.getFont(font_name).hbFont(font_size)


def _measure_run(text: str, font_name: str, font_size: float, rtl: bool) -> float:
    """The shaped width of ``text`` in points, as :func:`_shape_run` gives it, without its glyphs."""
    scale = pdfmetrics.getFont(font_name).pdfScale
    buf = _hb_buffer(text, rtl)
    hb.shape(_hb_font(font_name, font_size), buf, _FEATURES)
    advance = 0.0
    for pos in buf.glyph_positions:
        advance += scale(pos.x_advance)
    return advance * font_size / 1000.0


@lru_cache(maxsize=16384)
def _cached_shape(text: str, font_name: str, font_size: float, rtl: bool) -> _Shaped:
    return _shape_run(text, font_name, font_size, rtl)


@lru_cache(maxsize=65536)
def _cached_width(text: str, font_name: str, font_size: float) -> float:
    return _measure_run(text, font_name, font_size, _is_rtl_text(text))


def text_width(text: str, font_name: str, font_size: float) -> float:
    """Shaped width of a single word or run, in points (cached for short text)."""
    if not text:
        return 0.0
    if len(text) > _MAX_CACHED_WORD:
        return _measure_run(text, font_name, font_size, _is_rtl_text(text))
    return _cached_width(text, font_name, font_size)


def _char_advances(word: str, font_name: str, font_size: float) -> list[float]:
    """Advance of each character of ``word`` (logical order), in points.

    With HarfBuzz's per-character clusters, a ligature's advance is credited
    to its first character; that is enough to pick break points.
    """
    shaped = _shape(word, font_name, font_size, _is_rtl_text(word))
    advances = [0.0] * len(word)
    for sd in shaped.text.__shapeData__:
        if 0 <= sd.cluster < len(word):
            advances[sd.cluster] += sd.x_advance * font_size / 1000.0
    return advances


# ---------------------------------------------------------------------------
# Bidi: embedding levels and visual runs
# ---------------------------------------------------------------------------


def _line_runs(text: str, start: int, end: int, rtl: bool) -> list[bidi.Run]:
    """Level runs of ``text[start:end]`` (one line) in visual order, offsets into ``text``.

    Levels are resolved by the shared engine on the line's whole paragraph (hard line).
    """
    if start >= end:
        return []
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    paragraph = text[first : len(text) if last < 0 else last]
    # Each line of a paragraph is a key of its own, each holding the paragraph: long ones are
    # not cached (a huge paste would keep a copy of itself per line).
    runs = _line_runs_of if len(paragraph) > _MAX_CACHED_PARAGRAPH else _paragraph_line_runs
    return [
        bidi.Run(run.start + start, run.end + start, run.level)
        for run in runs(paragraph, rtl, start - first, end - first)
    ]


#: Longest paragraph whose lines' runs and wrapping are cached (a table cell, a usual paragraph).
_MAX_CACHED_PARAGRAPH = 1000


def _line_runs_of(paragraph: str, rtl: bool, start: int, end: int) -> tuple[bidi.Run, ...]:
    return tuple(bidi.visual_runs(bidi.line_levels(paragraph, 1 if rtl else 0, start, end)))


@lru_cache(maxsize=8192)
def _paragraph_line_runs(paragraph: str, rtl: bool, start: int, end: int) -> tuple[bidi.Run, ...]:
    """The level runs of one line of a hard-broken paragraph, offsets from the line's start
    (cached: a line is laid out again for every export of the same workshop)."""
    return _line_runs_of(paragraph, rtl, start, end)


def visual_order(text: str, rtl: bool) -> list[int]:
    """Indices of ``text`` (one line) in the order its glyphs are drawn, left to right."""
    order: list[int] = []
    for run in _line_runs(text, 0, len(text), rtl):
        indices = range(run.start, run.end)
        order.extend(reversed(indices) if run.rtl else indices)
    return order


def visual_line(text: str, rtl: bool) -> str:
    """``text`` (one line) in display order, characters not shaped nor mirrored.

    Useful for tests and debugging: it is the order in which the glyph runs
    of a line are drawn from left to right (HarfBuzz mirrors brackets in
    right-to-left runs when shaping).
    """
    return "".join(text[index] for index in visual_order(text, rtl))


def _shape_line(
    text: str, font_name: str, font_size: float, rtl: bool, start: int = 0, end: int | None = None
) -> list[_Shaped]:
    """Shape the line ``text[start:end]`` run by run, in visual order."""
    end = len(text) if end is None else end
    return [
        _shape(text[run.start : run.end], font_name, font_size, run.rtl)
        for run in _line_runs(text, start, end, rtl)
    ]


# ---------------------------------------------------------------------------
# Searchable text: each drawn word carries its letters (/ActualText)
# ---------------------------------------------------------------------------


def _pdf_utf16(text: str) -> str:
    """A PDF hex string in UTF-16BE with its byte-order mark."""
    return "<FEFF" + text.encode("utf-16-be", "replace").hex().upper() + ">"


class _Word(NamedTuple):
    """A drawn word (or a space: no glyphs) of a shaped run."""

    glyphs: ShapedStr
    width: float
    #: Its letters as /ActualText, or None when the glyphs' ToUnicode already gives them.
    actual: str | None
    #: The glyphs sit side by side at their own widths (ReportLab may write them as plain text).
    plain: bool


def _searchable_words(run: _Shaped, font_name: str, font_size: float) -> list[_Word]:
    """Split a shaped run into words and spaces (see :class:`_Word`).

    Joined Arabic glyphs and English ligatures map (ToUnicode) to presentation forms and
    ligature characters, which search and copy cannot match. Each word is therefore
    wrapped in marked content whose ``/ActualText`` is its plain letters. Poppler reads
    the replacement text of a span in drawing order and then orders right-to-left words
    itself, so a right-to-left word gives its letters in drawing order (reversed, see
    :func:`_drawing_order`). Then ``pdftotext`` prints the logical text
    and ``pdftotext -bbox`` still gives one box per word, read right to left.
    """
    glyphs = run.text
    data = glyphs.__shapeData__
    logical = run.logical
    if not data or not logical:
        return [_Word(glyphs, run.width, None, _plainly_drawn(data))]
    scale = font_size / 1000.0
    count = len(logical)
    spaces = [0 <= d.cluster < count and logical[d.cluster] == " " for d in data]
    pieces: list[_Word] = []
    start = 0
    while start < len(data):
        space = spaces[start]
        end = start + 1
        while end < len(data) and spaces[end] == space:
            end += 1
        part = data[start:end]
        width = sum(d.x_advance for d in part) * scale
        if space:
            pieces.append(_Word(_NO_GLYPHS, width, None, True))
            start = end
            continue
        clusters = [d.cluster for d in part]
        first, last = min(clusters), max(clusters)
        stop = logical.find(" ", last)
        word = logical[first : count if stop < 0 else stop]
        actual: str | None = _drawing_order(word) if run.rtl else word
        drawn = str.__getitem__(glyphs, slice(start, end))
        plain = _plainly_drawn(part)
        if drawn == actual or (plain and "".join(map(extracted_text, drawn)) == actual):
            actual = None  # the glyphs' ToUnicode already says it (plain English, digits, joined letters)
        pieces.append(_Word(_glyph_slice(glyphs, start, end, font_name), width, actual, plain))
        start = end
    return pieces


_NO_GLYPHS = ShapedStr("", shapeData=[])


def _plainly_drawn(part: Sequence[ShapeData]) -> bool:
    """Whether glyphs sit side by side at their own widths (no raised mark, no kerning).

    Poppler splits a word whose glyphs are moved (a shadda, tanwin, a kerned pair) into
    pieces unless an /ActualText holds it together.
    """
    return all(
        not d.x_offset and not d.y_offset and abs(d.x_advance - d.width) < 0.01 for d in part
    )


def _glyph_slice(glyphs: ShapedStr, start: int, end: int, font_name: str) -> ShapedStr:
    """Glyphs ``start:end`` of a shaped run, drawable on their own.

    ReportLab (5.1) cannot start a text chunk with a raised glyph (a haraka first, as
    right-to-left words drawn alone can be): an invisible zero-advance space goes first.
    """
    part = glyphs.__shapeData__[start:end]
    text = glyphs[start:end]
    if part and part[0].y_offset:
        width = pdfmetrics.getFont(font_name).face.charWidths.get(32, 0)
        part = [ShapeData(part[0].cluster, 0, 0, 0, 0, width), *part]
        text = " " + text
    return ShapedStr(text, shapeData=part)


def _drawing_order(word: str) -> str:
    """A right-to-left word's letters as poppler expects them (see :func:`_searchable_words`).

    A word with right-to-left letters is reversed (poppler reverses it back, brackets
    included); a word of neutrals only (a bracket, a dash) is placed by position, so it
    gives what its mirrored glyphs show.
    """
    if _is_rtl_text(word):
        return word[::-1]
    return "".join(bidi.mirror(char) for char in reversed(word))


def _is_space_cluster(logical: str, cluster: int) -> bool:
    return 0 <= cluster < len(logical) and logical[cluster] == " "


# ---------------------------------------------------------------------------
# Drawing plans: what a shaped run writes, worked out once per run
# ---------------------------------------------------------------------------

#: A part of a TJ array: a number already formatted, or the glyphs [start, end) of the piece.
_TjPart = str | tuple[int, int]
#: The form of glyphs written as plain text: ``(...) Tj``.
_PLAIN = "plain"


class _Step(NamedTuple):
    """One step of drawing a run: its glyphs at the current x, then the pen moves by ``width``."""

    #: The glyphs (plain text as a ``str``, moved glyphs as a ``ShapedStr``); None for a space.
    glyphs: str | None
    width: float
    #: The /ActualText as a PDF string, or None.
    actual: str | None
    #: How :meth:`_TextWriter.operator` writes the glyphs (:data:`_PLAIN` or TJ parts); None: ReportLab does.
    form: tuple[_TjPart, ...] | str | None


def _tj_form(data: Sequence[ShapeData]) -> tuple[_TjPart, ...] | None:
    """ReportLab 5.1's TJ array for glyphs of one font subset (``PDFTextObject._formatText``),
    with the glyphs as index ranges; None when a glyph is raised (ReportLab changes the rise).

    ReportLab writes each glyph as (-x offset, glyph, width - advance + x offset), drops the
    zeros, joins neighbouring glyphs, adds up neighbouring numbers and drops those printed "0".
    """
    if not data or any(d.y_offset for d in data):
        return None
    sequence: list[tuple[bool, float]] = []  # (is a glyph, number or glyph index)
    for index, d in enumerate(data):
        for glyph, value in ((False, -d.x_offset), (True, index), (False, d.width - d.x_advance + d.x_offset)):
            if glyph or value:
                sequence.append((glyph, value))
    parts: list[_TjPart] = []
    for glyph, group in groupby(sequence, key=itemgetter(0)):
        values = [value for _, value in group]
        if glyph:
            parts.append((int(values[0]), int(values[-1]) + 1))
        else:
            number = fp_str(sum(values))
            if number != "0":
                parts.append(number)
    return tuple(parts)


def _make_steps(run: _Shaped, font_name: str, font_size: float) -> tuple[_Step, ...]:
    """How ``run`` is drawn (see :meth:`BidiParagraph._draw_runs`)."""
    words = _searchable_words(run, font_name, font_size)
    if all(word.actual is None for word in words):
        data = run.text.__shapeData__
        whole = _glyph_slice(run.text, 0, len(data), font_name)
        if _plainly_drawn(data):
            return (_Step(str(whole), run.width, None, _PLAIN if whole else None),)
        return (_Step(whole, run.width, None, _tj_form(whole.__shapeData__)),)
    steps: list[_Step] = []
    for glyphs, width, actual, plain in words:
        if not glyphs:
            steps.append(_Step(None, width, None, None))
            continue
        marked = None if actual is None else _pdf_utf16(actual)
        if plain:
            steps.append(_Step(str(glyphs), width, marked, _PLAIN))
        else:
            steps.append(_Step(glyphs, width, marked, _tj_form(glyphs.__shapeData__)))
    return tuple(steps)


@lru_cache(maxsize=16384)
def _cached_steps(logical: str, font_name: str, font_size: float, rtl: bool) -> tuple[_Step, ...]:
    return _make_steps(_shape(logical, font_name, font_size, rtl), font_name, font_size)


def _run_steps(run: _Shaped, font_name: str, font_size: float) -> tuple[_Step, ...]:
    """The drawing steps of a shaped run (cached for short runs: a run is shaped from its text)."""
    if not run.logical or len(run.logical) > _MAX_CACHED_WORD:
        return _make_steps(run, font_name, font_size)
    return _cached_steps(run.logical, font_name, font_size, run.rtl)


class _Assigned:
    """What a font's subsets hold in one document so far (read from ReportLab's own state)."""

    def __init__(self) -> None:
        self.count = 0
        #: Character (code point) -> its one-byte code (a latin-1 character) in its subset.
        self.codes: dict[int, str] = {}
        self.subset_of: dict[str, int] = {}
        self.members: dict[int, set[str]] = {}

    def add(self, code: int, number: int) -> None:
        subset = number >> 8
        self.codes[code] = chr(number & 0xFF)
        self.subset_of[chr(code)] = subset
        self.members.setdefault(subset, set()).add(chr(code))


def _assigned(state: object) -> _Assigned:
    """The characters ReportLab has placed in the font's subsets, kept on its per-document state
    and brought up to date with those it placed since (its dict only grows, in order)."""
    assignments: dict[int, int] = state.assignments  # type: ignore[attr-defined]
    known: _Assigned | None = getattr(state, "_workshop_assigned", None)
    if known is None:
        known = _Assigned()
        state._workshop_assigned = known  # type: ignore[attr-defined]
    if known.count != len(assignments):
        for code, number in islice(assignments.items(), known.count, None):
            known.add(code, number)
            if code == 32:  # ReportLab draws a no-break space as a space
                known.add(0xA0, number)
        known.count = len(assignments)
    return known


class _TextWriter:
    """Writes glyphs into one ReportLab text object: :meth:`operator` returns what
    ``text._formatText(glyphs)`` would, without ReportLab's per-glyph loop when every glyph
    already has its code in one subset of the document's font (else ReportLab writes it and
    places the new characters: the bytes are the same either way)."""

    def __init__(self, text: PDFTextObject) -> None:
        self.text = text
        self.font = pdfmetrics.getFont(text._fontname)
        self.document = text._canvas._doc
        self.escape = text._canvas._escape
        self.usable = bool(self.font._dynamicFont and self.font.shapable)
        self.state: object | None = None
        self.font_operator = f"{fp_str(text._fontsize)} Tf {fp_str(text._leading)} TL"

    def _reportlab(self, glyphs: str) -> str:
        return str(self.text._formatText(glyphs))

    def operator(self, glyphs: str, form: tuple[_TjPart, ...] | str | None) -> str:
        if form is None or not glyphs or not self.usable:
            return self._reportlab(glyphs)
        state = self.state
        if state is None:  # ReportLab makes the font's state for this document on first use
            state = self.state = self.font.state.get(self.document)
            if state is None or state.frozen:  # type: ignore[attr-defined]
                self.state = None
                return self._reportlab(glyphs)
        assigned = _assigned(state)
        subset = assigned.subset_of.get(glyphs[0])
        if subset is None or not assigned.members[subset].issuperset(glyphs):
            return self._reportlab(glyphs)
        data = glyphs.translate(assigned.codes).encode("latin-1")
        escape = self.escape
        if form == _PLAIN:
            operator = f"({escape(data)}) Tj"
        else:
            array = [part if isinstance(part, str) else f"({escape(data[part[0] : part[1]])})" for part in form]
            if len(array) == 1 and array[0].startswith("("):
                operator = f"{array[0]} Tj"
            else:
                operator = f"[{' '.join(array)}] TJ"
        text = self.text
        if subset != text._curSubset:
            text._curSubset = subset
            name = self.font.getSubsetInternalName(subset, self.document)
            return f"{name} {self.font_operator} {operator}"
        return operator


# ---------------------------------------------------------------------------
# Line breaking (logical order)
# ---------------------------------------------------------------------------


class _Line(NamedTuple):
    """A wrapped line: ``text[start:end]`` of the paragraph, measured width."""

    start: int
    end: int
    width: float


def _next_cut(word: str, advances: Sequence[float], start: int, width: float) -> int:
    """End of the longest piece of ``word`` from ``start`` whose advances fit.

    Never cuts before a combining mark; a piece holds at least one character
    (plus its marks) even if that alone is too wide.
    """
    used = 0.0
    end = start
    while end < len(word) and (end == start or used + advances[end] <= width):
        used += advances[end]
        end += 1
    while end < len(word) and unicodedata.combining(word[end]):
        end += 1  # keep marks with their base
    return end


def _back_off(
    word: str, start: int, end: int, width: float, measure: Callable[[str], float]
) -> int:
    """Shorten ``word[start:end]`` until its *shaped* width fits ``width``.

    Joining forms change at a cut (a final form is wider than a medial one),
    so the per-character estimate can overshoot by a little.
    """
    while end - start > 1 and measure(word[start:end]) > width:
        end -= 1
        while end - start > 1 and unicodedata.combining(word[end]):
            end -= 1
    return end


class _LineBuilder:
    """Greedy line filling for one paragraph, in logical order."""

    def __init__(self, text: str, font_name: str, font_size: float, width: float, indent: float) -> None:
        self.text = text
        self.font_name = font_name
        self.font_size = font_size
        self.width = width
        self.indent = indent  # extra indent of the paragraph's first line
        self.space = text_width(" ", font_name, font_size)
        self.lines: list[_Line] = []
        self.start: int | None = None
        self.end = 0
        self.used = 0.0

    def available(self) -> float:
        first = not self.lines
        return max(self.width - (self.indent if first else 0.0), 1.0)

    def flush(self) -> None:
        if self.start is not None:
            self.lines.append(_Line(self.start, self.end, self.used))
        self.start = None
        self.used = 0.0

    def add_word(self, start: int, end: int) -> None:
        word = self.text[start:end]
        width = text_width(word, self.font_name, self.font_size)
        if self.start is not None:
            gap = (start - self.end) * self.space
            if self.used + gap + width <= self.available():
                self.used += gap + width
                self.end = end
                return
            self.flush()
        if width <= self.available():
            self.start, self.end, self.used = start, end, width
            return
        self.add_long_word(start, end)

    def add_long_word(self, start: int, end: int) -> None:
        """Break a word wider than the line between characters."""
        word = self.text[start:end]
        font_name, font_size = self.font_name, self.font_size
        advances = _char_advances(word, font_name, font_size)

        def measure(piece: str) -> float:
            return text_width(piece, font_name, font_size)

        piece_start = 0
        while piece_start < len(word):
            avail = self.available()
            piece_end = _next_cut(word, advances, piece_start, avail)
            piece_end = _back_off(word, piece_start, piece_end, avail, measure)
            self.start, self.end = start + piece_start, start + piece_end
            self.used = measure(word[piece_start:piece_end])
            if piece_end < len(word):
                self.flush()
            piece_start = piece_end

    def add_hard_line(self, start: int, end: int) -> None:
        """Lay out ``text[start:end]``, which has no newline."""
        for word_start, word_end in bidi.words(self.text[start:end]):
            self.add_word(start + word_start, start + word_end)
        if self.start is None:  # an empty line (e.g. "\n\n") keeps its height
            self.lines.append(_Line(start, start, 0.0))
        self.flush()


def _wrap(text: str, style: BidiStyle, width: float, indent: float) -> tuple[_Line, ...]:
    if len(text) > _MAX_CACHED_PARAGRAPH:
        return _wrap_text(text, style.font_name, style.font_size, width, indent)
    return _cached_wrap(text, style.font_name, style.font_size, width, indent)


@lru_cache(maxsize=8192)
def _cached_wrap(text: str, font_name: str, font_size: float, width: float, indent: float) -> tuple[_Line, ...]:
    return _wrap_text(text, font_name, font_size, width, indent)


def _wrap_text(text: str, font_name: str, font_size: float, width: float, indent: float) -> tuple[_Line, ...]:
    """The lines of ``text`` filled greedily (cached by :func:`_wrap`: a table cell is measured
    at the same width by every export of the same workshop)."""
    builder = _LineBuilder(text, font_name, font_size, width, indent)
    start = 0
    while True:
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline
        builder.add_hard_line(start, end)
        if newline < 0:
            return tuple(builder.lines)
        start = newline + 1


def unbreakable_width(text: str, style: BidiStyle) -> float:
    """Width of the widest unit of ``text`` that wrapping never breaks (a word, a phone
    number, an e-mail address), in points: the least a column needs to show it whole."""
    cleaned = clean_text(text, style.font_name)
    return max(
        (
            text_width(line[start:end], style.font_name, style.font_size)
            for line in cleaned.split("\n")
            for start, end in bidi.words(line)
        ),
        default=0.0,
    )


def fit_columns(widths: Sequence[float], needs: Sequence[float]) -> list[float]:
    """Column widths of the same total where each column gets at least what it ``needs``,
    taken from the columns with room to spare; unchanged when the needs cannot all fit."""
    widths = list(widths)
    if sum(needs) > sum(widths):
        return widths
    short = sum(max(0.0, need - width) for width, need in zip(widths, needs))
    spare = sum(max(0.0, width - need) for width, need in zip(widths, needs))
    if short <= 0 or spare <= 0:
        return widths
    return [
        need if width < need else width - (width - need) * short / spare
        for width, need in zip(widths, needs)
    ]


def layout_lines(text: str, style: BidiStyle, width: float) -> list[str]:
    """Wrap ``text`` for ``style`` at ``width`` points; logical-order lines.

    The same breaking as :class:`BidiParagraph` uses (bullet indent
    included), handy for tests and for callers that draw lines themselves.
    """
    paragraph = BidiParagraph(text, style)
    return [paragraph.text[line.start : line.end] for line in paragraph.lines_for(width)]


# ---------------------------------------------------------------------------
# The flowable
# ---------------------------------------------------------------------------


def _resolve_direction(text: str, direction: Direction, fallback_rtl: bool = False) -> bool:
    """True for right-to-left: forced, or from the first strong letter ("auto")."""
    return bidi.base_level(text, direction, "rtl" if fallback_rtl else "ltr") == 1


class BidiParagraph(Flowable):
    """A paragraph of plain text (no markup) laid out for Arabic or English.

    Lines are wrapped in logical order by shaped width and drawn with the
    first logical line on top; RTL lines run right-to-left with embedded
    LTR words and numbers ordered by the Unicode bidi algorithm.  The
    paragraph splits across frames/pages between lines.
    """

    def __init__(self, text: str, style: BidiStyle) -> None:
        super().__init__()
        self.style = style
        self.text = clean_text(text, style.font_name)
        self.rtl = _resolve_direction(self.text, style.direction, style.fallback_rtl)
        self.bullet = clean_text(style.bullet, style.font_name) if style.bullet else ""
        self._indent = self._bullet_width()
        self._cache: tuple[float, Sequence[_Line]] | None = None
        self.width = 0.0
        self.height = 0.0

    def __repr__(self) -> str:
        preview = self.text[:40] + ("..." if len(self.text) > 40 else "")
        return f"BidiParagraph({preview!r}, rtl={self.rtl})"

    # -- layout -------------------------------------------------------------

    @property
    def bullet_indent(self) -> float:
        """Width reserved on the start side for the bullet (0 without one).

        The continuation of a split bulleted paragraph keeps the indent.
        """
        return self._indent

    def _bullet_width(self) -> float:
        if not self.bullet:
            return 0.0
        size = self.style.font_size
        return text_width(self.bullet, self.style.font_name, size) + 0.6 * size

    def lines_for(self, width: float) -> Sequence[_Line]:
        """The wrapped lines for a frame ``width`` points wide (cached)."""
        if self._cache is None or self._cache[0] != width:
            text_width_avail = width - self.bullet_indent
            lines = _wrap(self.text, self.style, text_width_avail, self.style.first_line_indent)
            self._cache = (width, lines)
        return self._cache[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        lines = self.lines_for(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.style.line_height
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab API)
        return self.style.space_before

    def getSpaceAfter(self) -> float:  # noqa: N802 (ReportLab API)
        return self.style.space_after

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Split between lines: the head fills ``availHeight``, the tail follows.

        Returns ``[]`` when not even one line fits (the frame then moves the
        whole paragraph to the next frame).
        """
        lines = self.lines_for(availWidth)
        fit = int((availHeight + 1e-6) // self.style.line_height)
        if fit < 1:
            return []
        if fit >= len(lines):
            return [self]
        # Re-wrapping the head can take a line more than planned (a hard-broken word joins
        # differently at the cut, space before counts too): shrink until the head really fits.
        while fit >= 1:
            head, tail = self._parts(lines[fit].start)
            _, height = head.wrap(availWidth, availHeight)
            if height <= availHeight + 1e-6:
                return [head, tail]
            fit -= 1
        return []

    def _parts(self, cut: int) -> tuple[BidiParagraph, BidiParagraph]:
        """The paragraph cut at character `cut` into a head and a tail that keep its direction."""
        head_text = self.text[:cut]
        if head_text.endswith("\n"):  # the break itself, not an extra empty line
            head_text = head_text[:-1]
        head = BidiParagraph(head_text, replace(self.style, space_after=0.0))
        tail_style = replace(self.style, space_before=0.0, first_line_indent=0.0, bullet=None)
        tail = BidiParagraph(self.text[cut:], tail_style)
        for part in (head, tail):
            part.rtl = self.rtl  # "auto" must not flip between the parts
        tail._indent = self._indent
        head._indent = self._indent
        return head, tail

    # -- drawing ------------------------------------------------------------

    def _line_box(self, index: int) -> tuple[float, float]:
        """Left x and right x available to line ``index``."""
        start_inset = self._indent + (self.style.first_line_indent if index == 0 else 0.0)
        if self.rtl:
            return 0.0, self.width - start_inset
        return start_inset, self.width

    def _line_x(self, index: int, line_width: float) -> float:
        left, right = self._line_box(index)
        align = self.style.align
        if align == "center":
            return left + (right - left - line_width) / 2.0
        at_right = (align == "start") == self.rtl
        return right - line_width if at_right else left

    def _baseline(self, index: int) -> float:
        size = self.style.font_size
        leading = self.style.line_height
        return self.height - index * leading - (leading - size) / 2.0 - 0.8 * size

    def _draw_runs(self, x: float, y: float, runs: Sequence[_Shaped]) -> None:
        """Draw a line's runs in one text object; words whose glyphs do not give their letters
        carry them as /ActualText (see :func:`_searchable_words`).

        A run with no such word is one chunk, its spaces drawn (one ReportLab call, not one a
        word: pdftotext gives the same text and word boxes). Otherwise spaces are not drawn
        (the gap is enough for every reader) and each word moves the text origin with a
        relative ``Td``.
        """
        canvas = self.canv
        text = canvas.beginText(x, y)
        origin = x

        def move(to: float) -> None:
            nonlocal origin
            if to != origin:
                text._code.append(f"{fp_str(to - origin)} 0 Td")
                origin = to

        font_name, size = self.style.font_name, self.style.font_size
        code = text._code
        writer = _TextWriter(text)
        for run in runs:
            for glyphs, width, actual, form in _run_steps(run, font_name, size):
                if glyphs is not None:
                    move(x)
                    if actual is not None:
                        code.append(f"/Span <</ActualText {actual}>> BDC")
                    # Glyphs side by side at their own widths are plain text to ReportLab (its fast
                    # path writes the same bytes); moved ones need its shaped path (may add a rise).
                    code.append(writer.operator(glyphs, form))
                    if actual is not None:
                        code.append("EMC")
                x += width
        canvas.drawText(text)

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(style.font_name, style.font_size)
        canvas.setFillColor(colors.toColor(style.color))
        lines = self.lines_for(self.width)
        for index, line in enumerate(lines):
            runs = _shape_line(self.text, style.font_name, style.font_size, self.rtl, line.start, line.end)
            width = sum(run.width for run in runs)
            self._draw_runs(self._line_x(index, width), self._baseline(index), runs)
        if self.bullet and lines:
            self._draw_bullet()
        canvas.restoreState()

    def _draw_bullet(self) -> None:
        style = self.style
        runs = _shape_line(self.bullet, style.font_name, style.font_size, self.rtl)
        width = sum(run.width for run in runs)
        x = self.width - width if self.rtl else 0.0
        self._draw_runs(x, self._baseline(0), runs)


# ---------------------------------------------------------------------------
# Tables and styles
# ---------------------------------------------------------------------------

Cell = str | Flowable | None


def _cell(value: Cell, style: BidiStyle) -> Flowable | str:
    if value is None:
        return ""
    if isinstance(value, Flowable):
        return value
    return BidiParagraph(str(value), style)


def _table_style(n_rows: int, header: bool) -> TableStyle:
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.55, 0.55, 0.55)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    first_body = 1 if header else 0
    if header and n_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.85, 0.85)))
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.9, colors.black))
    if n_rows > first_body:
        zebra = [colors.white, colors.Color(0.95, 0.95, 0.95)]
        commands.append(("ROWBACKGROUNDS", (0, first_body), (-1, -1), zebra))
    return TableStyle(commands)


def bidi_table(
    rows: Sequence[Sequence[Cell]],
    col_widths: Sequence[float],
    style: BidiStyle,
    rtl: bool,
    header: bool = True,
    header_style: BidiStyle | None = None,
) -> Table:
    """A print-friendly table whose string cells are :class:`BidiParagraph`.

    ``rows`` and ``col_widths`` are given in *logical* column order (first
    column = the first thing read).  For ``rtl`` the columns are mirrored, so
    the first column is drawn on the right.  With ``header`` the first row is
    set in ``header_style`` (default: ``style``), shaded, and repeated on
    every page the table spans.  Cells may also be flowables or ``None``.
    """
    if any(len(row) != len(col_widths) for row in rows):
        raise ValueError("every row needs one cell per column width")
    head_style = header_style or style
    data = [
        [_cell(value, head_style if header and r == 0 else style) for value in row]
        for r, row in enumerate(rows)
    ]
    widths = list(col_widths)
    if rtl:
        data = [list(reversed(row)) for row in data]
        widths.reverse()
    table = Table(data, colWidths=widths, repeatRows=1 if header and rows else 0)
    table.setStyle(_table_style(len(rows), header))
    table.hAlign = "RIGHT" if rtl else "LEFT"
    return table


def make_styles(fonts: FontSet, rtl: bool) -> dict[str, BidiStyle]:
    """The export's text styles: title, h1, h2, body, small, cell, cell_bold.

    Black on white for print.  Headings and header cells (the app's own labels) take
    the document direction (``align="start"`` is the right edge in Arabic); the title,
    body, small and cell styles carry what users typed and take each paragraph's own
    direction from its first strong letter (the document's for numbers only), so an
    English item in an Arabic document ends with its full stop on the right.
    """
    direction: Direction = "rtl" if rtl else "ltr"

    def style(font: str, size: float, leading: float, user: bool = False, **extra: float) -> BidiStyle:
        return BidiStyle(
            font, size, leading, colors.black, "start", "auto" if user else direction,
            fallback_rtl=rtl, **extra,  # type: ignore[arg-type]
        )

    return {
        "title": style(fonts.bold, 20, 30, user=True, space_after=10),
        "h1": style(fonts.bold, 15, 22, space_before=12, space_after=6),
        "h2": style(fonts.bold, 12, 18, space_before=8, space_after=4),
        "body": style(fonts.regular, 10, 16, user=True, space_after=5),
        "small": style(fonts.regular, 8, 12, user=True, space_after=3),
        "cell": style(fonts.regular, 9, 13.5, user=True),
        "cell_bold": style(fonts.bold, 9, 13.5),
    }

