"""The one bidi engine of the app: Unicode Bidirectional Algorithm (UAX #9) levels and order.

Used by the terminal (`workshop.core.rtl`) and by the PDF (`workshop.core.export.pdf_text`),
so a line reads the same on screen and on paper. Shaping (joining letters) is not done
here: each medium shapes the runs this module orders.

What it implements, for one paragraph (a hard line) with no explicit embeddings (the
control policy, :func:`clean`, removes them from stored text):

* P2/P3 paragraph direction from the first strong letter (:func:`first_strong`), for text
  users typed; the app's own labels pass the document's direction instead.
* W1-W7 (numbers, separators, terminators: ``2025-03-14``, ``50%``, ``1,5``), N0 (bracket
  pairs: ``(NGO)`` inside Arabic), N1-N2, I1-I2, L1 (per line) and L2 (:func:`visual_runs`);
  L4 mirroring is offered by :func:`mirror` (the PDF's HarfBuzz mirrors by itself).
* Phone numbers, e-mail addresses, URLs, dates, times, file paths and command-line options
  (``--out`` after Arabic words) are *left-to-right isolates*
  (as if wrapped in LRI...PDI): ``+962 78 555 0108`` reads as typed inside Arabic, and
  wrapping never breaks inside one (:func:`words`).

python-bidi's public API (``bidi.get_display``) only returns a reordered string, not
levels, so it cannot drive per-run shaping; it is used by the tests as an independent
oracle (pinned in the test extra). Pure Python; importing this module is cheap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal, NamedTuple

__all__ = [
    "Direction",
    "Run",
    "base_level",
    "clean",
    "first_strong",
    "line_levels",
    "mirror",
    "paragraph_levels",
    "protected_spans",
    "reorder",
    "visual_indices",
    "visual_runs",
    "words",
]

Direction = Literal["rtl", "ltr"]

# --------------------------------------------------------------------------- control policy

_REMOVED = (
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi formatting
    "\ufeff\ufff9\ufffa\ufffb"  # BOM / zero-width no-break space, interlinear annotation
)
_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_NEEDS_CLEANING = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + _REMOVED + "]"
)


def _clean_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(0x20):
        if chr(code) not in "\n\t":
            table[code] = chr(0x2400 + code)  # visible control pictures (U+2400..241F)
    table[0x7F] = "\u2421"
    for code in range(0x80, 0xA0):
        table[code] = "\ufffd"
    for code in range(0xD800, 0xE000):
        table[code] = "\ufffd"
    for char in _REMOVED:
        table[ord(char)] = None
    return table


_CLEAN_TABLE = _clean_table()


def clean(text: str) -> str:
    """The one control-character policy for screen and PDF; never raises on any ``str``.

    Line breaks (CR LF, CR, VT, FF, NEL, U+2028/2029) become ``\\n``; tab stays; other C0
    controls (ESC included) become their visible control picture and DEL U+2421, so hostile
    input is seen, not obeyed; C1 controls and lone surrogates become U+FFFD; bidi
    embeddings, overrides, isolates and marks, the BOM and interlinear annotations are
    removed (stored text must not be able to reorder what is around it).
    """
    if not isinstance(text, str):
        text = str(text)
    if _NEEDS_CLEANING.search(text) is None:
        return text
    return _NEWLINES.sub("\n", text).translate(_CLEAN_TABLE)


# --------------------------------------------------------------------------- protected spans

_PROTECTED = re.compile(
    r"(?:https?://|www\.)[^\s]+?(?=[.,;:!?\u060c\u061b)\]]*(?:\s|$))"  # URL (trailing punctuation left out)
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"  # e-mail
    r"|(?<![\w+])(?:\+|00)\d[\d \-.()]{4,}\d(?!\w)"  # international phone number
    r"|(?<![\w+])\(?\d{2,5}\)?(?:[ \-.]\d{2,5}){2,}(?!\w|:\d)"  # local phone number, date 2025-03-14 (not 2025-03-14 18:00's "18")
    r"|(?<![\w/])\d{1,4}[/.]\d{1,2}[/.]\d{1,4}(?!\w)"  # date 14/03/2025
    r"|(?<![\w:])\d{1,2}:\d{2}(?::\d{2})?(?!\w)"  # time 10:30
    r"|(?<![\w/.~])(?:~|\.{1,2})?/[^\s/]+(?:/[^\s/]*)+"  # file path /home/x/exports/a.pdf
    r"|(?<![\w\-])--?[A-Za-z][A-Za-z0-9\-]*"  # command-line option --out, -h
)


def _is_protected(match: re.Match[str]) -> bool:
    """Spaced digit groups count as a phone number only with enough digits (not "12 15 20")."""
    value = match.group()
    if " " not in value:
        return True
    return sum(char.isdigit() for char in value) >= 8 and "  " not in value


@lru_cache(maxsize=4096)
def protected_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every phone number, e-mail address, URL, date, time, path and option in *text*.

    They are never broken by wrapping and read left to right as typed in any paragraph.
    """
    if not any(char.isdigit() or char in "@.-" for char in text):
        return ()
    return tuple(match.span() for match in _PROTECTED.finditer(text) if _is_protected(match))


_WORD = re.compile(r"[^ \n]+")


def words(text: str) -> list[tuple[int, int]]:
    """(start, end) of the breakable units of one line of *text*, in logical order.

    Units are separated by spaces, except that spaces inside a protected span (a phone
    number) do not separate: ``"call +962 78 555 0108 now"`` has three units.
    """
    spans = protected_spans(text)
    units: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        if units and any(s < units[-1][1] and e > start for s, e in spans):
            units[-1] = (units[-1][0], end)
        else:
            units.append((start, end))
    return units


# --------------------------------------------------------------------------- classes and direction


_CLASS_CACHE: dict[str, str] = {}


def _bidi_class(char: str) -> str:
    kind = _CLASS_CACHE.get(char)
    if kind is None:
        kind = _CLASS_CACHE[char] = unicodedata.bidirectional(char) or "L"
    return kind


def first_strong(text: str) -> Direction | None:
    """Direction of the first strong letter of *text* outside isolates (UAX #9 P2), or None."""
    spans = protected_spans(text)
    index = 0
    while index < len(text):
        span_end = next((end for start, end in spans if start == index), None)
        if span_end is not None:
            index = span_end
            continue
        kind = _bidi_class(text[index])
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
        index += 1
    return None


def base_level(text: str, direction: str = "auto", fallback: Direction = "ltr") -> int:
    """Paragraph level: 1 or 0 for a forced "rtl"/"ltr", else from the first strong letter.

    *fallback* is used when the text has no strong letter at all (numbers only); pass the
    document's direction for that.
    """
    value = (direction or "auto").strip().lower()
    if value in ("rtl", "r"):
        return 1
    if value in ("ltr", "l"):
        return 0
    found = first_strong(text) or fallback
    return 1 if found == "rtl" else 0


# --------------------------------------------------------------------------- brackets and mirrors


def _pairs(*codes: tuple[int, int]) -> dict[str, str]:
    return {chr(a): chr(b) for a, b in codes}


def _consecutive(first: int, last: int) -> list[tuple[int, int]]:
    return [(code, code + 1) for code in range(first, last, 2)]


# Bidi_Paired_Bracket pairs (BidiBrackets.txt).
_OPENING = _pairs(
    (0x28, 0x29), (0x5B, 0x5D), (0x7B, 0x7D), (0x0F3A, 0x0F3B), (0x0F3C, 0x0F3D),
    (0x169B, 0x169C), (0x2045, 0x2046), (0x207D, 0x207E), (0x208D, 0x208E),
    (0x2308, 0x2309), (0x230A, 0x230B), (0x2329, 0x232A), (0x27C5, 0x27C6),
    (0x29FC, 0x29FD), (0xFF08, 0xFF09), (0xFF3B, 0xFF3D), (0xFF5B, 0xFF5D),
    (0xFF5F, 0xFF60), (0xFF62, 0xFF63),
    *_consecutive(0x2768, 0x2775), *_consecutive(0x27E6, 0x27EF),
    *_consecutive(0x2983, 0x2998), *_consecutive(0x29D8, 0x29DB),
    *_consecutive(0x2E22, 0x2E29), *_consecutive(0x3008, 0x3011),
    *_consecutive(0x3014, 0x301B), *_consecutive(0xFE59, 0xFE5E),
)
_CLOSING = {close: open_ for open_, close in _OPENING.items()}
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}
_MIRRORS: dict[str, str] = {
    **_OPENING,
    **_CLOSING,
    **_pairs((0x3C, 0x3E), (0xAB, 0xBB), (0x2039, 0x203A), (0x2264, 0x2265), (0x226A, 0x226B),
             (0x2208, 0x220B), (0x2282, 0x2283), (0x2286, 0x2287), (0x22A2, 0x22A3)),
}
_MIRRORS.update({b: a for a, b in list(_MIRRORS.items())})


def mirror(char: str) -> str:
    """Rule L4: the mirrored glyph of *char* in a right-to-left run (itself if none)."""
    return _MIRRORS.get(char, char)


# --------------------------------------------------------------------------- resolution

_STRONG_FOR_N = {"L": "L", "R": "R", "EN": "R", "AN": "R"}
_NEUTRAL = frozenset({"B", "S", "WS", "ON"})


def _resolve(chars: Sequence[str], kinds: list[str], level: int, sos: str, eos: str) -> list[int]:
    """Rules W1-I2 on one isolating run sequence; *kinds* are the original classes."""
    n = len(kinds)
    types = list(kinds)
    embedding = "R" if level % 2 else "L"
    # W1: NSM takes the type of what precedes it (ON after an isolate).
    for i in range(n):
        if types[i] == "NSM":
            types[i] = sos if i == 0 else ("ON" if chars[i - 1] == "\ufffc" else types[i - 1])
    # W2, W3: EN after AL is AN; AL is R.
    last_strong = sos
    for i in range(n):
        kind = types[i]
        if kind in ("L", "R", "AL"):
            last_strong = kind
        elif kind == "EN" and last_strong == "AL":
            types[i] = "AN"
    types = ["R" if kind == "AL" else kind for kind in types]
    # W4: one separator between two numbers of the same kind.
    for i in range(1, n - 1):
        if types[i] == "ES" and types[i - 1] == "EN" and types[i + 1] == "EN":
            types[i] = "EN"
        elif types[i] == "CS" and types[i - 1] == types[i + 1] and types[i - 1] in ("EN", "AN"):
            types[i] = types[i - 1]
    # W5: terminators next to a European number join it.
    i = 0
    while i < n:
        if types[i] != "ET":
            i += 1
            continue
        end = i
        while end < n and types[end] == "ET":
            end += 1
        if (i > 0 and types[i - 1] == "EN") or (end < n and types[end] == "EN"):
            types[i:end] = ["EN"] * (end - i)
        i = end
    # W6: remaining separators and terminators are neutral.
    types = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]
    # W7: EN after L (or an L start) is L.
    last_strong = sos
    for i in range(n):
        if types[i] in ("L", "R"):
            last_strong = types[i]
        elif types[i] == "EN" and last_strong == "L":
            types[i] = "L"
    _bracket_pairs_n0(chars, kinds, types, embedding, sos)
    # N1, N2: neutrals between same-direction text take it, others the embedding direction.
    i = 0
    while i < n:
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        end = i
        while end < n and types[end] in _NEUTRAL:
            end += 1
        before = _STRONG_FOR_N.get(types[i - 1], embedding) if i > 0 else sos
        after = _STRONG_FOR_N.get(types[end], embedding) if end < n else eos
        types[i:end] = [before if before == after else embedding] * (end - i)
        i = end
    # I1, I2.
    levels: list[int] = []
    for kind in types:
        if level % 2 == 0:
            levels.append(level + (1 if kind == "R" else 2 if kind in ("AN", "EN") else 0))
        else:
            levels.append(level + (1 if kind in ("L", "EN", "AN") else 0))
    return levels


def _bracket_pairs_n0(
    chars: Sequence[str], kinds: Sequence[str], types: list[str], embedding: str, sos: str
) -> None:
    """N0: a bracket pair takes the direction of what it encloses (BD16 pairing)."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(chars):
        if types[i] != "ON":
            continue
        char = _CANONICAL.get(char, char)
        if char in _OPENING:
            if len(stack) == 63:
                break
            stack.append((_CANONICAL.get(_OPENING[char], _OPENING[char]), i))
        elif char in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    opposite = "L" if embedding == "R" else "R"
    for open_, close in sorted(pairs):
        inside = {_STRONG_FOR_N.get(types[i]) for i in range(open_ + 1, close)}
        if embedding in inside:
            direction = embedding
        elif opposite in inside:
            before = next(
                (_STRONG_FOR_N[types[i]] for i in range(open_ - 1, -1, -1) if types[i] in _STRONG_FOR_N),
                sos,
            )
            direction = opposite if before == opposite else embedding
        else:
            continue
        for index in (open_, close):
            types[index] = direction
            follower = index + 1
            while follower < len(types) and kinds[follower] == "NSM":
                types[follower] = direction
                follower += 1


@lru_cache(maxsize=4096)
def paragraph_levels(text: str, level: int, isolate: bool = True) -> tuple[int, ...]:
    """Resolved embedding level of every code point of one paragraph (no ``\\n``), before L1.

    *level* is the paragraph level (0 left-to-right, 1 right-to-left, see
    :func:`base_level`). Protected spans are resolved as left-to-right isolates; BN
    characters (ZWJ, ZWNJ, soft hyphen) take the level of the character before them.
    ``isolate=False`` resolves plain UAX #9 (no isolates), as other implementations do.
    """
    n = len(text)
    if n == 0:
        return ()
    if level == 0 and _RTL_OR_ARABIC_NUMBER.search(text) is None:
        return (0,) * n  # nothing can rise above the paragraph level
    direction = "R" if level % 2 else "L"
    spans = {start: end for start, end in protected_spans(text)} if isolate else {}
    outer_chars: list[str] = []
    outer_kinds: list[str] = []
    outer_index: list[int] = []  # text index of each outer entry (span start for isolates)
    isolates: list[tuple[int, int]] = []
    bn: list[int] = []
    i = 0
    while i < n:
        if i in spans:
            outer_chars.append("\ufffc")
            outer_kinds.append("ON")
            outer_index.append(i)
            isolates.append((i, spans[i]))
            i = spans[i]
            continue
        kind = _bidi_class(text[i])
        if kind == "BN":
            bn.append(i)
        else:
            outer_chars.append(text[i])
            outer_kinds.append(kind)
            outer_index.append(i)
        i += 1
    levels: list[int | None] = [None] * n
    for index, value in zip(outer_index, _resolve(outer_chars, outer_kinds, level, direction, direction)):
        levels[index] = value
    inner = level + 1 if level % 2 else level + 2  # least even level above the paragraph
    for start, end in isolates:
        chars = text[start:end]
        kinds = [_bidi_class(char) for char in chars]
        kept = [k for k, kind in enumerate(kinds) if kind != "BN"]
        resolved = _resolve([chars[k] for k in kept], [kinds[k] for k in kept], inner, "L", "L")
        for k, value in zip(kept, resolved):
            levels[start + k] = value
    result: list[int] = []
    for value in levels:
        result.append(value if value is not None else (result[-1] if result else level))
    return tuple(result)


_RTL_OR_ARABIC_NUMBER = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_L1_RESET = frozenset({"WS", "BN", "S", "B"})
_SEGMENT_SEPARATORS = "\t\x0b\x1f\x1c\x1d\x1e"


def line_levels(
    paragraph: str, level: int, start: int = 0, end: int | None = None, *, isolate: bool = True
) -> list[int]:
    """Levels of ``paragraph[start:end]`` laid out as one line (rule L1 applied).

    Resolution uses the whole paragraph, so a wrapped line keeps its context; tabs, and
    whitespace before them or at the end of the line, take the paragraph level.
    """
    end = len(paragraph) if end is None else end
    levels = list(paragraph_levels(paragraph, level, isolate)[start:end])
    line = paragraph[start:end]
    index = len(line) - 1
    while index >= 0 and _bidi_class(line[index]) in _L1_RESET:
        levels[index] = level
        index -= 1
    if any(separator in line for separator in _SEGMENT_SEPARATORS):
        for index, char in enumerate(line):
            if _bidi_class(char) in ("S", "B"):
                levels[index] = level
                before = index - 1
                while before >= 0 and _bidi_class(line[before]) in _L1_RESET:
                    levels[before] = level
                    before -= 1
    return levels


# --------------------------------------------------------------------------- order


class Run(NamedTuple):
    """Indices ``start:end`` (of the line) at one embedding level; odd levels read right to left."""

    start: int
    end: int
    level: int

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


def visual_runs(levels: Sequence[int]) -> list[Run]:
    """Rule L2: the level runs of a line in visual (left-to-right) order."""
    runs: list[Run] = []
    start = 0
    for index in range(1, len(levels) + 1):
        if index == len(levels) or levels[index] != levels[start]:
            runs.append(Run(start, index, levels[start]))
            start = index
    if not runs:
        return runs
    highest = max(run.level for run in runs)
    lowest_odd = min((run.level for run in runs if run.level % 2), default=highest + 1)
    for target in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(runs):
            if runs[index].level < target:
                index += 1
                continue
            end = index
            while end < len(runs) and runs[end].level >= target:
                end += 1
            runs[index:end] = runs[index:end][::-1]
            index = end
    return runs


def visual_indices(levels: Sequence[int]) -> list[int]:
    """Rule L2 per item: the item indices in visual (left-to-right) order."""
    order: list[int] = []
    for run in visual_runs(levels):
        indices = range(run.start, run.end)
        order.extend(reversed(indices) if run.rtl else indices)
    return order


def reorder(
    line: str,
    direction: str = "auto",
    *,
    mirrored: bool = True,
    fallback: Direction = "ltr",
    isolate: bool = True,
) -> str:
    """One line (no ``\\n``) in visual order, code point by code point, not shaped.

    For plain consoles, tests and debugging; the terminal and the PDF reorder shaped
    clusters and glyph runs with :func:`line_levels` and :func:`visual_runs`.
    """
    level = base_level(line, direction, fallback)
    levels = line_levels(line, level, isolate=isolate)
    return "".join(
        mirror(line[i]) if mirrored and levels[i] % 2 else line[i] for i in visual_indices(levels)
    )
