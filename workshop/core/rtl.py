"""Display-only Arabic (right-to-left) text handling for terminals.

Most terminals neither join Arabic letters nor lay a line out right to left,
so Arabic written to them as stored shows as isolated letters in reverse
order.  A few (Konsole, mlterm, mintty, VTE with BiDi on) do both themselves.
This module decides who does the work (:func:`resolve_mode`) and, when the
app must do it, turns *logical* text (as stored and typed) into *visual*
lines (as they must be painted, left to right, cell by cell).

Rules kept here:

* Stored text is never altered: everything returns new display strings.
* Wrapping happens on logical text, measured in cells *after* shaping, and
  each wrapped line is reordered on its own (reordering first and wrapping
  afterwards would put the lines in reverse order).
* The paragraph direction is resolved once per paragraph (hard line), not per
  wrapped line, so a wrapped line that begins with an English word still
  reads right to left inside an Arabic paragraph.
* Levels come from the one bidi engine shared with the PDF
  (:mod:`workshop.core.text.bidi`), resolved on the whole paragraph; the
  reordering works on grapheme clusters of the shaped line, so harakat stay
  on their letter, emoji ZWJ sequences and flags are not split, and mirrored
  brackets (UAX #9 rule L4) are applied.
* Phone numbers, e-mail addresses, URLs and dates are never broken by
  wrapping and read left to right as typed.
* The Arabic shaper (arabic_reshaper) is imported on the first Arabic word.

This module must never import Textual; it is used by exporters and tests.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, Literal

from workshop.core.text import bidi

__all__ = [
    "RtlMode",
    "BaseDir",
    "VTE_BIDI_OFF",
    "VTE_BIDI_ON",
    "resolve_mode",
    "vte_disable_bidi_sequence",
    "vte_enable_bidi_sequence",
    "is_rtl_text",
    "contains_rtl",
    "paragraph_base_dir",
    "sanitize",
    "cell_width",
    "shape",
    "visual_line",
    "visual_layout",
    "wrap",
    "display_lines",
    "display_label",
]

RtlMode = Literal["auto", "terminal", "app"]
"""Who lays Arabic out: decide automatically, the terminal, or this app."""

BaseDir = Literal["rtl", "ltr", "auto"]
"""Paragraph direction: forced right-to-left, left-to-right, or first strong."""

VTE_BIDI_OFF = "\x1b[8l"
"""BDSM reset: VTE stops reordering (explicit mode), so app reordering holds."""
VTE_BIDI_ON = "\x1b[8h"
"""BDSM set: VTE resumes its default implicit BiDi reordering."""

_VTE_BIDI_MIN_VERSION = 5800
_TAB = "    "
_SHAPE_CACHE_MAX_LEN = 256

# --------------------------------------------------------------------------
# Terminal detection
# --------------------------------------------------------------------------


def resolve_mode(setting: str, environ: Mapping[str, str]) -> Literal["terminal", "app"]:
    """Decide whether the terminal or the app does shaping and reordering.

    ``"terminal"`` and ``"app"`` pass through.  ``"auto"`` (and, defensively,
    any unknown value) picks ``"terminal"`` for terminals known to do BiDi
    and joining themselves by default: Konsole (``KONSOLE_VERSION``), mlterm
    (``MLTERM``) and mintty (``TERM_PROGRAM=mintty``).  Everything else gets
    ``"app"``, including VTE >= 0.58, which reorders by default but obeys
    :data:`VTE_BIDI_OFF` (see :func:`vte_disable_bidi_sequence`).
    """
    normalized = (setting or "").strip().lower()
    if normalized in ("terminal", "app"):
        return normalized  # type: ignore[return-value]
    if environ.get("KONSOLE_VERSION"):
        return "terminal"
    if environ.get("MLTERM"):
        return "terminal"
    if environ.get("TERM_PROGRAM", "").strip().lower() == "mintty":
        return "terminal"
    return "app"


def _vte_version(environ: Mapping[str, str]) -> int:
    """Return ``VTE_VERSION`` as an int, or 0 when absent or malformed."""
    raw = environ.get("VTE_VERSION", "").strip()
    return int(raw) if raw.isdigit() else 0


def vte_disable_bidi_sequence(environ: Mapping[str, str]) -> str:
    """Return the sequence that stops VTE's own BiDi, or "" if not VTE >= 0.58.

    Write it once at start-up in "app" mode, and :func:`vte_enable_bidi_sequence`
    on exit.
    """
    return VTE_BIDI_OFF if _vte_version(environ) >= _VTE_BIDI_MIN_VERSION else ""


def vte_enable_bidi_sequence(environ: Mapping[str, str]) -> str:
    """Return the sequence that restores VTE's default BiDi, or ""."""
    return VTE_BIDI_ON if _vte_version(environ) >= _VTE_BIDI_MIN_VERSION else ""


# --------------------------------------------------------------------------
# Direction detection
# --------------------------------------------------------------------------


_STRONG_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, ...)."""


def is_rtl_text(text: str) -> bool:
    """True when the first strong character of *text* is right-to-left."""
    return bidi.first_strong(text) == "rtl"


def contains_rtl(text: str) -> bool:
    """True when *text* has any right-to-left character (needs app layout)."""
    return _STRONG_RTL.search(text) is not None


def paragraph_base_dir(text: str, base_dir: str = "auto") -> Literal["rtl", "ltr"]:
    """Resolve *base_dir* for *text*: forced values pass, "auto" uses first strong.

    Text with no strong character at all is left-to-right (UAX #9 P3).
    """
    forced = _normalize_base_dir(base_dir)
    if forced is not None:
        return forced
    return "rtl" if is_rtl_text(text) else "ltr"


def _normalize_base_dir(base_dir: str) -> Literal["rtl", "ltr"] | None:
    """Map "rtl"/"R" and "ltr"/"L" to their canonical form; others to None."""
    value = (base_dir or "").strip().lower()
    if value in ("rtl", "r"):
        return "rtl"
    if value in ("ltr", "l"):
        return "ltr"
    return None


# --------------------------------------------------------------------------
# Sanitizing and measuring
# --------------------------------------------------------------------------

sanitize = bidi.clean
"""The one control-character policy (shared with the PDF): see :func:`workshop.core.text.bidi.clean`."""


def _for_display(text: str) -> str:
    """Sanitize and expand tabs to spaces (tab stops mean nothing in RTL)."""
    return sanitize(text).replace("\t", _TAB)


@lru_cache(maxsize=1)
def _wcwidth() -> Any:
    """wcwidth, imported on first use: text of plain Latin letters never needs it (~20 ms at start)."""
    import wcwidth

    return wcwidth


# Characters wcwidth gives one cell and that never join a neighbour into one cluster (checked
# against wcwidth in tests/core/test_rtl.py): text made only of them needs no wcwidth at all.
# Arabic letters, digits and punctuation and the joined letter forms the shaper makes (U+FE80-
# U+FEFC) are among them, harakat (combining marks) are not: an English screen's «عربي» key
# label and most Arabic labels are measured without loading wcwidth (~20 ms at start-up).
_NARROW_ONLY = re.compile(
    "[ -~\u00a0-\u00ac\u00ae-\u024f\u2010-\u2027\u2030-\u205e\u20a0-\u20bf"
    "\u2190-\u21ff\u2500-\u259f\u2713\u2714\u2717\u2718"
    "\u060c\u061b\u061f\u0621-\u063a\u0640-\u064a\u0660-\u066d\ufe80-\ufefc]*"
)


def _graphemes(text: str) -> Iterable[str]:
    """Grapheme clusters of display-safe text (plain Latin text: one character each)."""
    if text.isascii() or _NARROW_ONLY.fullmatch(text):
        return iter(text)
    return _wcwidth().iter_graphemes(text)  # type: ignore[no-any-return]


def _raw_width(text: str) -> int:
    """Width in cells of already display-safe single-line text."""
    if text.isascii() or _NARROW_ONLY.fullmatch(text):  # display-safe: one cell a character
        return len(text)
    wcwidth = _wcwidth()
    width = wcwidth.wcswidth(text)
    if width >= 0:
        return int(width)
    return sum(_grapheme_width(g) for g in wcwidth.iter_graphemes(text))


def _grapheme_width(grapheme: str) -> int:
    """Cells taken by one grapheme cluster; unknown (None/-1) counts as 1."""
    if grapheme.isascii() or _NARROW_ONLY.fullmatch(grapheme):
        return len(grapheme)
    width = _wcwidth().wcswidth(grapheme)
    return width if width >= 0 else 1


def cell_width(text: str) -> int:
    """Terminal cells *text* takes once sanitized (as logical text).

    Combining marks take 0 cells, East Asian wide characters and emoji 2;
    anything wcwidth cannot measure counts as 1.  Newlines are ignored and
    tabs count as four spaces, as in :func:`display_lines`.
    """
    return _raw_width(_for_display(text).replace("\n", ""))


# --------------------------------------------------------------------------
# Shaping (joining)
# --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _reshaper() -> Any:
    """The Arabic shaper, imported on first use (English-only runs never load it)."""
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(
        configuration={
            "delete_harakat": False,
            "shift_harakat_position": False,
            "support_ligatures": True,
            # arabic_reshaper 3.1 mis-indexes ligatures after a dropped ZWJ and
            # can raise IndexError ("\u200dلا"); keep ZWJ as a plain character.
            "support_zwj": False,
            # Word ligatures draw badly in monospaced terminal fonts.
            "ARABIC LIGATURE ALLAH": False,
        }
    )


_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def _reshape(word: str) -> str:
    """Run the reshaper; on an internal reshaper bug show the word unjoined."""
    try:
        return str(_reshaper().reshape(word))
    except (IndexError, KeyError, ValueError):
        return word


@lru_cache(maxsize=16384)
def _shape_word_cached(word: str) -> str:
    """Shape one short space-free chunk (cached)."""
    return _reshape(word)


def _shape_word(word: str) -> str:
    """Shape one space-free chunk, caching only short ones."""
    if not _ARABIC_LETTER.search(word):
        return word
    if len(word) <= _SHAPE_CACHE_MAX_LEN:
        return _shape_word_cached(word)
    return _reshape(word)


def shape(text: str) -> str:
    """Join Arabic letters into presentation forms, harakat kept.

    Lam-alef ligatures are formed (two letters, one cell).  Joining never
    crosses a space, so words are shaped (and cached) one at a time.  Text
    without Arabic letters is returned unchanged.  Still logical order.
    """
    if not _ARABIC_LETTER.search(text):
        return text
    return " ".join(_shape_word(word) for word in text.split(" "))


def _shaped_width(text: str) -> int:
    """Cells *text* (display-safe, one line) takes after shaping."""
    return _raw_width(shape(text))


# --------------------------------------------------------------------------
# Reordering: levels from the shared engine (workshop.core.text.bidi), per cluster
# --------------------------------------------------------------------------


def _clusters(text: str) -> list[tuple[int, str]]:
    """Grapheme clusters of *text* with the code point index each starts at."""
    result: list[tuple[int, str]] = []
    index = 0
    for grapheme in _graphemes(text):
        result.append((index, grapheme))
        index += len(grapheme)
    return result


_ALIGN_LOOKAHEAD = 4


def _base_letters(char: str) -> str:
    """Letters a shaped character stands for (NFKC of presentation forms)."""
    if "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff":
        return unicodedata.normalize("NFKC", char)
    return char


def _shaped_owner_map(logical: str, shaped: str) -> list[int]:
    """For each logical index, the index in *shaped* that displays it.

    Presentation forms are NFKC-decomposed back to letters and aligned with
    the logical text; logical characters the reshaper dropped (ZWJ) or moved
    (a haraka inside lam-alef) attach to the nearest shaped character.
    """
    owners: list[int] = []
    logical_index = 0
    for shaped_index, char in enumerate(shaped):
        for letter in _base_letters(char):
            found = logical.find(letter, logical_index, logical_index + _ALIGN_LOOKAHEAD)
            if found < 0:
                continue
            owners.extend([shaped_index] * (found + 1 - logical_index))
            logical_index = found + 1
    last = max(len(shaped) - 1, 0)
    owners.extend([last] * (len(logical) - len(owners)))
    return owners[: len(logical)]


def _reordered_clusters(
    paragraph: str, start: int, end: int, level: int
) -> tuple[str, list[tuple[int, str]]]:
    """Shape ``paragraph[start:end]`` and give its grapheme clusters in display order.

    Returns the shaped line and ``(start index in shaped, displayed text)`` per
    cluster, in visual order, mirrored where right to left.  Levels come from
    the shared engine on the whole paragraph; each shaped cluster takes the
    level of the first logical character it shows.  Reordering whole clusters
    is rule L3 done right: marks stay after their base, ZWJ sequences and
    flags are never split.
    """
    line = paragraph[start:end]
    shaped = shape(line)
    clusters = _clusters(shaped)
    if level == 0 and not _STRONG_RTL.search(line):
        return shaped, clusters
    levels = bidi.line_levels(paragraph, level, start, end)
    shaped_levels: list[int | None] = [None] * len(shaped)
    for logical_index, shaped_index in enumerate(_shaped_owner_map(line, shaped)):
        if shaped_index < len(shaped) and shaped_levels[shaped_index] is None:
            shaped_levels[shaped_index] = levels[logical_index]
    filled: list[int] = []
    for value in shaped_levels:
        filled.append(value if value is not None else (filled[-1] if filled else level))
    cluster_levels = [filled[cluster_start] for cluster_start, _ in clusters]
    shown: list[tuple[int, str]] = []
    for index in bidi.visual_indices(cluster_levels):
        cluster_start, grapheme = clusters[index]
        if cluster_levels[index] % 2:
            grapheme = bidi.mirror(grapheme[:1]) + grapheme[1:]
        shown.append((cluster_start, grapheme))
    return shaped, shown


def _level(line: str, base_dir: str) -> int:
    return 1 if paragraph_base_dir(line, base_dir) == "rtl" else 0


def visual_layout(line: str, base_dir: BaseDir | str = "auto") -> tuple[str, list[int], int]:
    """Shape and reorder one line, keeping track of where each character went.

    *line* must be one display-safe line (see :func:`sanitize`).

    Returns ``(visual, columns, width)``: the visual string, for every index
    of *line* the cell column (0 = leftmost) of the cluster that shows it,
    and the total width in cells.  Used for cursors and mouse hit-testing.
    """
    shaped, shown = _reordered_clusters(line, 0, len(line), _level(line, base_dir))
    shaped_column = [0] * len(shaped)
    column = 0
    for start, grapheme in shown:
        for offset in range(len(grapheme)):
            shaped_column[start + offset] = column
        column += _grapheme_width(grapheme)
    owners = _shaped_owner_map(line, shaped)
    columns = [shaped_column[owner] if shaped_column else 0 for owner in owners]
    return "".join(grapheme for _start, grapheme in shown), columns, column


@lru_cache(maxsize=8192)
def _visual_cached(paragraph: str, start: int, end: int, level: int) -> str:
    """Cached visual string of ``paragraph[start:end]`` (display-safe)."""
    return "".join(grapheme for _start, grapheme in _reordered_clusters(paragraph, start, end, level)[1])


def visual_line(line: str, base_dir: BaseDir | str = "auto") -> str:
    """Shape, then reorder one logical line (its own paragraph) for painting.

    The result is in visual (left-to-right cell) order: Arabic runs reversed
    with their harakat still after their letter, numbers and Latin runs kept
    left to right, brackets mirrored inside right-to-left runs.  *base_dir*
    is the paragraph direction; "auto" uses the line's first strong
    character.  Newlines inside *line* are painted as spaces.
    """
    safe = _for_display(line).replace("\n", " ")
    return _visual_cached(safe, 0, len(safe), _level(safe, base_dir))


# --------------------------------------------------------------------------
# Wrapping
# --------------------------------------------------------------------------


_SEPARATORS = frozenset("/\\-_")
"""Where an over-long unit (a path, a file name, a URL) is broken first: after one of these."""


def _hard_break(paragraph: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Split one over-long unit into pieces of at most *width* cells.

    Breaks after the last separator that fits when that fills at least half the line (``/``,
    ``\\``, ``-``, ``_``: a path or a file name keeps its words whole, ``تحالف-النزهة-`` and
    not ``التأ``/``سيسية``), else between grapheme clusters, measuring unshaped widths, which
    are never smaller than shaped ones.  A single cluster wider than *width* (a wide char at
    width 1) gets its own piece; display code crops it.
    """
    pieces: list[tuple[int, int]] = []
    piece_start = position = start
    used = 0
    after_separator: tuple[int, int] | None = None  # (position, cells used) just after the piece's last separator
    for grapheme in _graphemes(paragraph[start:end]):
        grapheme_width = _grapheme_width(grapheme)
        if position > piece_start and used + grapheme_width > width:
            if after_separator is not None and after_separator[1] * 2 >= width:  # not for a sliver
                cut, cut_used = after_separator
                pieces.append((piece_start, cut))
                piece_start, used = cut, used - cut_used
            else:
                pieces.append((piece_start, position))
                piece_start, used = position, 0
            after_separator = None
        used += grapheme_width
        position += len(grapheme)
        if grapheme in _SEPARATORS and position < end:
            after_separator = (position, used)
    pieces.append((piece_start, end))
    return pieces


def _wrap_spans(paragraph: str, width: int, measure: Callable[[str], int]) -> list[tuple[int, int]]:
    """Greedy wrap of one paragraph (no newlines): ``(start, end)`` of each line.

    Breaks at spaces (dropping the spaces at the break) but never inside a
    phone number, e-mail address, URL or date (:func:`bidi.words`); a unit
    wider than the line is hard-broken.  Leading spaces of the paragraph stay.
    """
    lines: list[tuple[int, int]] = []
    line: tuple[int, int] | None = (0, 0)
    used = 0
    for start, end in bidi.words(paragraph):
        unit_width = measure(paragraph[start:end])
        if line is not None:
            gap = _raw_width(paragraph[line[1] : start])
            if used + gap + unit_width <= width:
                line, used = (line[0], end), used + gap + unit_width
                continue
            if line[1] > line[0]:
                lines.append(line)
            line = None
        if unit_width <= width:
            line, used = (start, end), unit_width
            continue
        pieces = _hard_break(paragraph, start, end, width)
        lines.extend(pieces[:-1])
        line, used = pieces[-1], measure(paragraph[pieces[-1][0] : pieces[-1][1]])
    if line is not None and (line[1] > line[0] or not lines):
        lines.append(line)
    return lines


def wrap(text: str, width: int, *, shaped: bool = True) -> list[str]:
    """Wrap LOGICAL *text* to *width* cells; returns logical lines.

    Breaks at spaces (dropping the spaces at the break), never inside a
    phone number, e-mail address, URL or date that fits, hard-breaks units
    longer than *width* between grapheme clusters, and starts a new line at
    every ``\\n``.  Widths are measured after shaping when *shaped* is true
    (the app joins letters: lam-alef takes one cell), as stored otherwise
    (the terminal will shape).  No line is wider than *width* (min. 1),
    except a lone cluster wider than *width* itself (e.g. CJK at width 1).
    """
    width = max(1, int(width))
    measure = _shaped_width if shaped else _raw_width
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(paragraph[start:end] for start, end in _wrap_spans(paragraph, width, measure))
    return lines


# --------------------------------------------------------------------------
# Public display entry points
# --------------------------------------------------------------------------


def _crop(line: str, width: int) -> str:
    """Last-resort guard: cut *line* (display order) to *width* cells."""
    if _raw_width(line) <= width:
        return line
    kept: list[str] = []
    used = 0
    for grapheme in _graphemes(line):
        grapheme_width = _grapheme_width(grapheme)
        if used + grapheme_width > width:
            break
        kept.append(grapheme)
        used += grapheme_width
    return "".join(kept)


def display_lines(
    text: str,
    width: int,
    mode: Literal["terminal", "app"] | str = "app",
    base_dir: BaseDir | str = "auto",
) -> list[str]:
    """Lines ready to paint for *text* at *width* cells.

    Sanitizes, wraps the logical text, then in "app" mode shapes and
    reorders each wrapped line with levels resolved on its whole paragraph
    (hard line); in "terminal" mode returns the wrapped logical lines as
    stored (the terminal joins and reorders).  Every line is at most *width*
    cells.
    """
    width = max(1, int(width))
    safe = _for_display(text)
    app = mode != "terminal"
    lines: list[str] = []
    for paragraph in safe.split("\n"):
        level = _level(paragraph, base_dir)
        for start, end in _wrap_spans(paragraph, width, _shaped_width if app else _raw_width):
            shown = _visual_cached(paragraph, start, end, level) if app else paragraph[start:end]
            lines.append(_crop(shown, width))
    return lines


def fit(text: str, width: int, *, shaped: bool = True) -> str:
    """Logical text cut at its end (before any reordering, so Arabic keeps its start) with '…'
    so that it takes at most `width` cells as drawn: joined when *shaped* ("app" mode: lam-alef
    is one cell), as stored otherwise ("terminal" mode: the terminal's grid, like Textual's,
    gives lam and alef a cell each, whatever glyph it draws)."""
    measure = (lambda part: cell_width(shape(part))) if shaped else cell_width
    if measure(text) <= width:
        return text
    while text and measure(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def display_label(
    text: str, mode: Literal["terminal", "app"] | str = "app", base_dir: BaseDir | str = "auto"
) -> str:
    """One-line display form of a short label (button, heading, footer).

    Sanitizes (newlines and tabs become spaces) and, in "app" mode, shapes
    and reorders it: *base_dir* "auto" (first strong letter) for what users
    typed, the interface's direction for the app's own labels.  No wrapping
    or cropping: the caller's widget crops.
    """
    safe = _for_display(text).replace("\n", " ")
    if mode == "terminal":
        return safe
    return _visual_cached(safe, 0, len(safe), _level(safe, base_dir))


# --------------------------------------------------------------------------
# Command-line output (a terminal that does not do bidi)
# --------------------------------------------------------------------------

_CELL = re.compile(r"\S+(?: \S+)*")
"""One column of a printed line: words separated by single spaces (two or more part columns)."""


def terminal_block(text: str, width: int, *, rtl: bool) -> str:
    """Text the command line prints, laid out for a terminal that does not do bidi ("app" mode).

    Each line is cut into columns at runs of two or more spaces (argparse's help columns, the
    rows of ``workshop list``); each column is a paragraph of its own, joined and ordered by the
    one bidi engine: right to left when it has Arabic letters in a right-to-left interface (the
    app's own words: a help text wrapped by argparse onto a line that starts with ``dark,``
    still reads right to left), from its first strong letter otherwise; a column without
    Arabic (``--data-dir DATA_DIR``, the usage) is left as typed. In a right-to-left interface the
    columns are mirrored: a column that starts *c* cells into the logical line ends *c* cells
    from the right edge (*width*), so the help reads from the right with its options at the
    right and their help to their left. A line too wide for that is wrapped on its logical
    text (right to left if it has Arabic), each piece set at the right edge. A left-to-right interface keeps the columns where
    they are and only orders the Arabic in them (a line wider than the terminal is wrapped on its
    logical text first, so an Arabic title's start stays on the first row). Input is logical
    text; so is every other output of this module.
    """
    width = max(1, int(width))
    lines = [_terminal_line(line, width, rtl) for line in _for_display(text).split("\n")]
    return "\n".join(lines)


_MIN_WRAP_ROOM = 12
"""Fewest cells a last column may be wrapped in beside the others; with less, the line is wrapped whole."""


def _cell_direction(cell: str, rtl: bool) -> str:
    if not contains_rtl(cell):
        return "ltr"
    return "rtl" if rtl else "auto"


def _terminal_line(line: str, width: int, rtl: bool) -> str:
    if not rtl and not contains_rtl(line):
        return line
    cells = [(match.start(), match.end()) for match in _CELL.finditer(line)]
    placed: list[tuple[int, str]] = []  # (column, visual) of each column laid out
    below: list[tuple[int, str]] = []  # the rest of a wrapped last column, one row each
    for index, (start, end) in enumerate(cells):
        cell = line[start:end]
        direction = _cell_direction(cell, rtl)
        visual = display_label(cell, "app", direction) if direction != "ltr" else cell
        offset = _raw_width(line[:start])  # cells from the reading side
        room = width - offset
        if _raw_width(visual) > room:
            if index < len(cells) - 1 or room < _MIN_WRAP_ROOM:
                return _wrapped_whole(line, width, rtl)
            pieces = display_lines(cell, room, "app", direction)
            visual = pieces[0]
            below = [
                (width - offset - _raw_width(piece) if rtl else offset, piece) for piece in pieces[1:]
            ]
        column = width - offset - _raw_width(visual) if rtl else offset
        if rtl and placed and column + _raw_width(visual) > placed[-1][0]:
            return _wrapped_whole(line, width, rtl)
        placed.append((column, visual))
    rows = [_row(placed)] + [_row([piece]) for piece in below]
    return "\n".join(rows)


def _row(placed: list[tuple[int, str]]) -> str:
    """One printed row from (column, text) pieces that do not overlap."""
    row = ""
    for column, visual in sorted(placed):
        row += " " * max(0, column - _raw_width(row)) + visual
    return row


def _wrapped_whole(line: str, width: int, rtl: bool) -> str:
    """A line whose columns cannot be kept: wrapped on its logical text, then ordered piece by piece."""
    direction = ("rtl" if rtl else "auto") if contains_rtl(line) else "ltr"
    pieces = display_lines(line.strip() if rtl else line, width, "app", direction)
    return "\n".join((" " * (width - _raw_width(piece)) if rtl else "") + piece for piece in pieces)
