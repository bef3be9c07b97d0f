"""Colours shared by the terminal themes and the exports (never imports Textual).

The colour-blind palette is Okabe & Ito's (2008): eight colours that stay distinct with
the common colour-vision deficiencies. The exports pick from it so that a chart reads the
same on screen, on a colour printer and to a reader with deuteranopia; every colour
carries its meaning in text as well, and the ones used side by side differ in lightness,
so a chart printed in grey still separates them.
"""

from __future__ import annotations

from typing import Final

# Okabe-Ito, by name (sRGB hex).
BLACK: Final = "#000000"
ORANGE: Final = "#e69f00"
SKY_BLUE: Final = "#56b4e9"
BLUISH_GREEN: Final = "#009e73"
YELLOW: Final = "#f0e442"
BLUE: Final = "#0072b2"
VERMILLION: Final = "#d55e00"
REDDISH_PURPLE: Final = "#cc79a7"

#: The eight colours in Okabe and Ito's order.
OKABE_ITO: Final[tuple[str, ...]] = (BLACK, ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE)

#: The colour-blind terminal theme's roles (read by workshop.tui.themes).
COLOUR_BLIND_THEME: Final[dict[str, str]] = {
    "primary": BLUE,
    "secondary": REDDISH_PURPLE,
    "accent": ORANGE,
    "warning": ORANGE,
    "error": VERMILLION,
    "success": BLUISH_GREEN,
    "foreground": BLACK,
    "background": "#ffffff",
    "surface": "#f0f0f0",
    "panel": "#dde8f0",
}

#: Colours of the export charts by meaning. Kinds shown side by side differ in lightness
#: (dark blue, light sky blue, mid green, light orange), so they stay apart in grey.
CHART: Final[dict[str, str]] = {
    "strength": BLUE,
    "weakness": ORANGE,
    "opportunity": BLUISH_GREEN,
    "threat": VERMILLION,
    "problem": VERMILLION,
    "goal": BLUE,
    "ok": BLUISH_GREEN,
    "missing": VERMILLION,
    "optional": SKY_BLUE,
    "poll": BLUE,
    "ink": BLACK,
}

#: Colours that tell series apart in a timeline (one per goal), darkest first.
SERIES: Final[tuple[str, ...]] = (BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW)


def luminance(hex_colour: str) -> float:
    """Relative luminance (0 black .. 1 white) of an sRGB hex colour, as a grey printer sees it."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
