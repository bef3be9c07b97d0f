"""Themes: readable at a distance, colour-blind safe, and a 16-colour one for slow links."""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES, Theme

from workshop.core.palette import COLOUR_BLIND_THEME

PROJECTOR = Theme(
    name="workshop-projector",
    primary="#003f8a",
    secondary="#5c2d91",
    accent="#b35900",
    warning="#8a5a00",
    error="#b00020",
    success="#006b2d",
    foreground="#000000",
    background="#ffffff",
    surface="#f2f2f2",
    panel="#e0e6f0",
    dark=False,
)

DARK = Theme(
    name="workshop-dark",
    primary="#6cb6ff",
    secondary="#d2a8ff",
    accent="#ffb86b",
    warning="#ffd166",
    error="#ff7b72",
    success="#7ee787",
    foreground="#f5f5f5",
    background="#0d1117",
    surface="#161b22",
    panel="#21262d",
    dark=True,
)

#: Okabe-Ito palette (workshop.core.palette, shared with the export charts): distinguishable with the common
#: colour-vision deficiencies.
COLOUR_BLIND = Theme(name="workshop-colour-blind", dark=False, **COLOUR_BLIND_THEME)

#: ANSI colours only: the terminal's own palette, fewest bytes (based on Textual's ansi-dark).
SIXTEEN = BUILTIN_THEMES["ansi-dark"]
SIXTEEN = Theme(**{**{f: getattr(SIXTEEN, f) for f in SIXTEEN.__dataclass_fields__}, "name": "workshop-16"})

THEMES: tuple[Theme, ...] = (PROJECTOR, DARK, COLOUR_BLIND, SIXTEEN)
