"""Static and Label that never read markup: every text this app paints is plain.

User text (titles, items, names, paths) reaches almost every label, and `Plan [/b]` or
`Budget review [draft] v2` must show as typed, never crash or vanish. The screens import
`Static` and `Label` from here instead of `textual.widgets`; a test walks every screen.
"""

from __future__ import annotations

from typing import Any

from textual import widgets


class Static(widgets.Static):
    """`textual.widgets.Static` with `markup=False` unless a caller insists."""

    def __init__(self, content: Any = "", *, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(content, markup=markup, **kwargs)


class Label(widgets.Label):
    """`textual.widgets.Label` with `markup=False` unless a caller insists."""

    def __init__(self, content: Any = "", *, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(content, markup=markup, **kwargs)


__all__ = ["Label", "Static"]
