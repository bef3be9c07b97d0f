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
* Reordering works on grapheme clusters, so harakat stay on their letter,
  emoji ZWJ sequences and flags are not split, and mirrored brackets
  (UAX #9 rule L4) are applied.

This module must never import Textual; it is used by exporters and tests.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Literal

import arabic_reshaper
import wcwidth
from bidi import algorithm as _uba
from bidi.mirror import MIRRORED

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


def _first_strong(text: str) -> str | None:
    """Return "R" or "L" for the first strong character of *text*, else None."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return None


def is_rtl_text(text: str) -> bool:
    """True when the first strong character of *text* is right-to-left."""
    return _first_strong(text) == "R"


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

_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def _build_sanitize_table() -> dict[int, str | None]:
    """Translation table: visible pictures for controls, bidi controls removed."""
    table: dict[int, str | None] = {}
    for code in range(0x20):
        if chr(code) not in "\n\t":
            table[code] = chr(0x2400 + code)  # U+2400..241F control pictures
    table[0x7F] = "\u2421"  # SYMBOL FOR DELETE
    for code in range(0x80, 0xA0):
        table[code] = "\ufffd"
    for code in range(0xD800, 0xE000):  # lone surrogates cannot be encoded
        table[code] = "\ufffd"
    for char in _BIDI_CONTROLS:
        table[ord(char)] = None
    table[0x2028] = "\n"  # LINE SEPARATOR
    table[0x2029] = "\n"  # PARAGRAPH SEPARATOR
    return table


_SANITIZE_TABLE = _build_sanitize_table()
_NEEDS_SANITIZE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + _BIDI_CONTROLS + "]"
)


def sanitize(text: str) -> str:
    """Return *text* made safe to paint; never raises on any ``str``.

    * ``\\r\\n`` becomes ``\\n``; other C0 controls (except ``\\n`` and
      ``\\t``), ESC included, become their visible control picture
      (U+2400 block), DEL becomes U+2421.
    * C1 controls and lone surrogates become U+FFFD.
    * Bidi embedding, override, isolate and mark characters are removed:
      the app lays text out itself and stored text must not be able to
      reorder the screen.
    * U+2028/U+2029 become ``\\n``.
    """
    if not isinstance(text, str):
        text = str(text)
    if _NEEDS_SANITIZE.search(text) is None:
        return text
    return text.replace("\r\n", "\n").translate(_SANITIZE_TABLE)


def _for_display(text: str) -> str:
    """Sanitize and expand tabs to spaces (tab stops mean nothing in RTL)."""
    return sanitize(text).replace("\t", _TAB)


def _raw_width(text: str) -> int:
    """Width in cells of already display-safe single-line text."""
    width = wcwidth.wcswidth(text)
    if width >= 0:
        return width
    return sum(_grapheme_width(g) for g in wcwidth.iter_graphemes(text))


def _grapheme_width(grapheme: str) -> int:
    """Cells taken by one grapheme cluster; unknown (None/-1) counts as 1."""
    width = wcwidth.wcswidth(grapheme)
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

_RESHAPER = arabic_reshaper.ArabicReshaper(
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
        return _RESHAPER.reshape(word)
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
# Reordering (UAX #9 on one line)
# --------------------------------------------------------------------------

def _pairs(*codes: tuple[int, int]) -> dict[str, str]:
    """Opening -> closing bracket map from (open, close) code point pairs."""
    return {chr(open_code): chr(close_code) for open_code, close_code in codes}


def _consecutive_pairs(first: int, last: int) -> list[tuple[int, int]]:
    """(open, close) pairs laid out as open, close, open, close, ... ."""
    return [(code, code + 1) for code in range(first, last, 2)]


# Bidi_Paired_Bracket pairs (BidiBrackets.txt), the ones seen in practice.
_OPENING_BRACKETS = _pairs(
    (0x28, 0x29), (0x5B, 0x5D), (0x7B, 0x7D), (0x0F3A, 0x0F3B), (0x0F3C, 0x0F3D),
    (0x169B, 0x169C), (0x2045, 0x2046), (0x207D, 0x207E), (0x208D, 0x208E),
    (0x2308, 0x2309), (0x230A, 0x230B), (0x2329, 0x232A), (0x27C5, 0x27C6),
    (0x29FC, 0x29FD), (0xFF08, 0xFF09), (0xFF3B, 0xFF3D), (0xFF5B, 0xFF5D),
    (0xFF5F, 0xFF60), (0xFF62, 0xFF63),
    *_consecutive_pairs(0x2768, 0x2775), *_consecutive_pairs(0x27E6, 0x27EF),
    *_consecutive_pairs(0x2983, 0x2998), *_consecutive_pairs(0x29D8, 0x29DB),
    *_consecutive_pairs(0x2E22, 0x2E29), *_consecutive_pairs(0x3008, 0x3011),
    *_consecutive_pairs(0x3014, 0x301B), *_consecutive_pairs(0xFE59, 0xFE5E),
)
_CLOSING_BRACKETS = frozenset(_OPENING_BRACKETS.values())
_BRACKET_STACK_LIMIT = 63  # BD16


def _strong_for_n0(bidi_type: str) -> str | None:
    """Direction a resolved type counts as in rule N0 (numbers count as R)."""
    if bidi_type == "L":
        return "L"
    if bidi_type in ("R", "AL", "EN", "AN"):
        return "R"
    return None


def _bracket_pairs(chars: list[dict]) -> list[tuple[int, int]]:
    """BD16: indices of matched bracket pairs, sorted by opening position."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(chars):
        if char["type"] != "ON":
            continue
        glyph = char["ch"]
        if glyph in _OPENING_BRACKETS:
            if len(stack) == _BRACKET_STACK_LIMIT:
                break
            stack.append((_OPENING_BRACKETS[glyph], index))
        elif glyph in _CLOSING_BRACKETS:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == glyph:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_bracket_pairs(storage: dict) -> None:
    """Rule N0: a bracket pair takes the direction of what it encloses.

    Runs after the weak rules and before N1/N2, on python-bidi's storage.
    """
    chars = storage["chars"]
    embedding = "R" if storage["base_level"] % 2 else "L"
    for open_index, close_index in _bracket_pairs(chars):
        inside = {
            _strong_for_n0(chars[index]["type"]) for index in range(open_index + 1, close_index)
        } - {None}
        if not inside:
            continue
        if embedding in inside:
            direction = embedding
        else:
            before = (
                _strong_for_n0(chars[index]["type"]) for index in range(open_index - 1, -1, -1)
            )
            # N0 c: only opposite-direction text inside; the pair follows the
            # preceding strong context (sos = embedding direction if none).
            direction = next((kind for kind in before if kind), embedding)
        for index in (open_index, close_index):
            chars[index]["type"] = direction
            follower = index + 1
            while follower < len(chars) and chars[follower]["orig"] == "NSM":
                chars[follower]["type"] = direction
                follower += 1


def _resolved_levels(text: str, base_level: int) -> list[int]:
    """Embedding levels per code point (UAX #9 up to rule I2).

    Uses python-bidi's pure-Python implementation, whose intermediate steps
    are exposed, plus rule N0 (bracket pairs) which it lacks.  python-bidi's
    Rust ``get_display`` neither mirrors brackets nor keeps combining marks
    after their base (rule L3), both needed in a terminal.  Explicit
    embeddings never occur: :func:`sanitize` removes them, so each line is a
    single isolating run sequence at the paragraph level.
    """
    storage = _uba.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    _uba.get_embedding_levels(text, storage)
    _uba.explicit_embed_and_overrides(storage)
    _uba.resolve_weak_types(storage)
    _resolve_bracket_pairs(storage)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    return [char["level"] for char in storage["chars"]]


def _clusters(text: str) -> list[tuple[int, str]]:
    """Grapheme clusters of *text* with the code point index each starts at."""
    result: list[tuple[int, str]] = []
    index = 0
    for grapheme in wcwidth.iter_graphemes(text):
        result.append((index, grapheme))
        index += len(grapheme)
    return result


def _reset_trailing_whitespace(
    clusters: list[tuple[int, str]], levels: list[int], base_level: int
) -> list[int]:
    """Rule L1: whitespace at the end of the line takes the paragraph level."""
    cluster_levels = [levels[start] if start < len(levels) else base_level for start, _ in clusters]
    for position in range(len(clusters) - 1, -1, -1):
        first = clusters[position][1][:1]
        if unicodedata.bidirectional(first) in ("WS", "BN", "S", "B"):
            cluster_levels[position] = base_level
        else:
            break
    return cluster_levels


def _visual_order(levels: list[int]) -> list[int]:
    """Rule L2: indices of items in display order given their levels."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    odd_levels = [level for level in levels if level % 2]
    if not odd_levels:
        return order
    lowest_odd = min(odd_levels)
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if levels[order[index]] >= level:
                end = index
                while end < len(order) and levels[order[end]] >= level:
                    end += 1
                order[index:end] = order[index:end][::-1]
                index = end
            else:
                index += 1
    return order


def _mirror(grapheme: str) -> str:
    """Rule L4: mirrored glyph for a right-to-left bracket-like cluster."""
    first = grapheme[:1]
    mirrored = MIRRORED.get(first)
    return mirrored + grapheme[1:] if mirrored else grapheme


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
    shaped: str, base_level: int
) -> list[tuple[int, str]]:
    """Grapheme clusters of *shaped* in display order, mirrored where RTL.

    Returns ``(start index in shaped, displayed text)`` per cluster, in
    visual order.  Reordering whole clusters is rule L3 done right: marks
    stay after their base, ZWJ sequences and flags are never split.
    """
    clusters = _clusters(shaped)
    if base_level == 0 and not _STRONG_RTL.search(shaped):
        return clusters
    levels = _resolved_levels(shaped, base_level)
    cluster_levels = _reset_trailing_whitespace(clusters, levels, base_level)
    shown: list[tuple[int, str]] = []
    for index in _visual_order(cluster_levels):
        start, grapheme = clusters[index]
        shown.append((start, _mirror(grapheme) if cluster_levels[index] % 2 else grapheme))
    return shown


def visual_layout(line: str, base_dir: BaseDir | str = "auto") -> tuple[str, list[int], int]:
    """Shape and reorder one line, keeping track of where each character went.

    *line* must be one display-safe line (see :func:`sanitize`).

    Returns ``(visual, columns, width)``: the visual string, for every index
    of *line* the cell column (0 = leftmost) of the cluster that shows it,
    and the total width in cells.  Used for cursors and mouse hit-testing.
    """
    base_level = 1 if paragraph_base_dir(line, base_dir) == "rtl" else 0
    shaped = shape(line)
    shown = _reordered_clusters(shaped, base_level)
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
def _visual_cached(line: str, direction: str) -> str:
    """Cached visual string of one display-safe line."""
    shown = _reordered_clusters(shape(line), 1 if direction == "rtl" else 0)
    return "".join(grapheme for _start, grapheme in shown)


def visual_line(line: str, base_dir: BaseDir | str = "auto") -> str:
    """Shape, then reorder one already-wrapped logical line for painting.

    The result is in visual (left-to-right cell) order: Arabic runs reversed
    with their harakat still after their letter, numbers and Latin runs kept
    left to right, brackets mirrored inside right-to-left runs.  *base_dir*
    is the paragraph direction; "auto" uses the line's first strong
    character.  Newlines inside *line* are painted as spaces.
    """
    safe = _for_display(line).replace("\n", " ")
    return _visual_cached(safe, paragraph_base_dir(safe, base_dir))


# --------------------------------------------------------------------------
# Wrapping
# --------------------------------------------------------------------------

_TOKENS = re.compile(r" +|[^ ]+")


def _hard_break(word: str, width: int) -> list[str]:
    """Split one over-long word into chunks of at most *width* cells.

    Splits between grapheme clusters, measuring unshaped widths, which are
    never smaller than shaped ones.  A single cluster wider than *width*
    (a wide char at width 1) gets its own chunk; display code crops it.
    """
    chunks: list[str] = []
    current: list[str] = []
    current_width = 0
    for grapheme in wcwidth.iter_graphemes(word):
        grapheme_width = _grapheme_width(grapheme)
        if current and current_width + grapheme_width > width:
            chunks.append("".join(current))
            current, current_width = [], 0
        current.append(grapheme)
        current_width += grapheme_width
    if current:
        chunks.append("".join(current))
    return chunks


def _wrap_paragraph(paragraph: str, width: int, measure: Callable[[str], int]) -> list[str]:
    """Greedy wrap of one paragraph (no newlines) at spaces."""
    lines: list[str] = []
    parts: list[str] = []
    used = 0

    def flush() -> None:
        nonlocal parts, used
        lines.append("".join(parts).rstrip(" "))
        parts, used = [], 0

    for token in _TOKENS.findall(paragraph):
        token_width = measure(token)
        if used + token_width <= width:
            parts.append(token)
            used += token_width
            continue
        if token[0] == " ":
            if parts:
                flush()
            continue
        if parts:
            flush()
        if token_width <= width:
            parts, used = [token], token_width
            continue
        chunks = _hard_break(token, width)
        for chunk in chunks[:-1]:
            lines.append(chunk)
        parts, used = [chunks[-1]], measure(chunks[-1])
    if parts or not lines:
        lines.append("".join(parts))
    return lines


def wrap(text: str, width: int, *, shaped: bool = True) -> list[str]:
    """Wrap LOGICAL *text* to *width* cells; returns logical lines.

    Breaks at spaces (dropping the spaces at the break), hard-breaks words
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
        lines.extend(_wrap_paragraph(paragraph, width, measure))
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
    for grapheme in wcwidth.iter_graphemes(line):
        grapheme_width = _grapheme_width(grapheme)
        if used + grapheme_width > width:
            break
        kept.append(grapheme)
        used += grapheme_width
    return "".join(kept)


def _paragraphs_with_direction(text: str, base_dir: str) -> Iterable[tuple[str, str]]:
    """Yield each hard line of *text* with its resolved paragraph direction."""
    for paragraph in text.split("\n"):
        yield paragraph, paragraph_base_dir(paragraph, base_dir)


def display_lines(
    text: str,
    width: int,
    mode: Literal["terminal", "app"] | str = "app",
    base_dir: BaseDir | str = "auto",
) -> list[str]:
    """Lines ready to paint for *text* at *width* cells.

    Sanitizes, wraps the logical text, then in "app" mode shapes and
    reorders each wrapped line (direction resolved per paragraph); in
    "terminal" mode returns the wrapped logical lines as stored (the
    terminal joins and reorders).  Every line is at most *width* cells.
    """
    width = max(1, int(width))
    safe = _for_display(text)
    app = mode != "terminal"
    lines: list[str] = []
    for paragraph, direction in _paragraphs_with_direction(safe, base_dir):
        for line in _wrap_paragraph(paragraph, width, _shaped_width if app else _raw_width):
            shown = _visual_cached(line, direction) if app else line
            lines.append(_crop(shown, width))
    return lines


def fit(text: str, width: int) -> str:
    """Logical text cut at its end (before any reordering, so Arabic keeps its start) with '…'
    so that its joined form takes at most `width` cells."""
    if cell_width(shape(text)) <= width:
        return text
    while text and cell_width(shape(text + "…")) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def display_label(text: str, mode: Literal["terminal", "app"] | str = "app") -> str:
    """One-line display form of a short label (button, heading, footer).

    Sanitizes (newlines and tabs become spaces) and, in "app" mode, shapes
    and reorders it.  No wrapping or cropping: the caller's widget crops.
    """
    safe = _for_display(text).replace("\n", " ")
    if mode == "terminal":
        return safe
    return _visual_cached(safe, paragraph_base_dir(safe, "auto"))
