"""Text for display: the catalogue of the interface language plus the right-to-left mode.

`Ui.label()` gives a one-line text ready for the terminal (letters joined and reordered
in `app` mode for Arabic); `Ui.text()` gives the logical text (for RtlText widgets, which
wrap before reordering). Never imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workshop.core.content import Catalogue, load_catalogue
from workshop.core.rtl import display_label, display_lines, fit, sanitize


@dataclass(frozen=True)
class Ui:
    """The interface language and how right-to-left text is shown."""

    catalogue: Catalogue
    #: "app" (we join and reorder) or "terminal" (the terminal does BiDi).
    mode: str = "app"

    @classmethod
    def of(cls, language: str, mode: str = "app") -> Ui:
        return cls(load_catalogue(language), mode)

    @property
    def language(self) -> str:
        return self.catalogue.language

    @property
    def rtl(self) -> bool:
        return self.catalogue.rtl

    def text(self, key: str, /, **params: Any) -> str:
        """Logical text of a catalogue key (for widgets that wrap themselves)."""
        return self.catalogue.t(key, **params)

    def label(self, key: str, /, **params: Any) -> str:
        """One display-ready line of a catalogue key: the app's own words, set in the
        interface's direction (an Arabic hint that starts with a key letter still reads
        right to left)."""
        text = self.catalogue.t(key, **params)
        if self.mode != "app":
            return sanitize(text)
        return display_label(text, self.mode, "rtl" if self.rtl else "ltr")

    def show(self, text: str) -> str:
        """One display-ready line of any text, user text included (sanitised, shaped if
        needed; its direction from its own first strong letter)."""
        return display_label(text, self.mode) if self.mode == "app" else sanitize(text)

    def fitted(self, text: str, width: int) -> str:
        """`show` of *text* cut at its logical end to take at most *width* cells as this mode
        draws it (joined in "app" mode, letter by letter when the terminal does bidi)."""
        return self.show(fit(text, width, shaped=self.mode == "app"))

    def lines(self, text: str, width: int) -> str:
        """LOGICAL text wrapped at *width* cells, then each line laid out: for widgets
        that would otherwise wrap display text themselves (toasts)."""
        return "\n".join(display_lines(text, width, self.mode))

    def items(self, key: str) -> list[Any]:
        return self.catalogue.items(key)
