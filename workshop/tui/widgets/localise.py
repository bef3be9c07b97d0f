"""Give a node's bindings descriptions from the catalogue (`bindings.<id>`)."""

from __future__ import annotations

import dataclasses

from textual.binding import Binding
from textual.dom import DOMNode

from workshop.core.i18n import Ui


def localise_bindings(node: DOMNode, ui: Ui) -> None:
    """Replace each binding's description with `bindings.<id>` of the interface language.

    The description is what the footer paints, so a shown binding's is laid out for the terminal
    (`ui.label`: shaped, reordered). A hidden one's is never painted (F1 help shows the tooltip,
    the logical text, through its own widgets), so it stays logical (the command palette's
    key excepted: the footer paints it): an English screen's hidden F2
    label «عربي» no longer loads the Arabic shaper at every start (#17)."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            dataclasses.replace(b, description=_description(b, ui), tooltip=ui.text(f"bindings.{b.id}"))
            if b.id and ui.catalogue.has(f"bindings.{b.id}")
            else b
            for b in bindings
        ]


def _description(binding: Binding, ui: Ui) -> str:
    key = f"bindings.{binding.id}"
    # Textual's footer paints the command palette's key on its right even though it is hidden.
    painted = binding.show or binding.action == "command_palette"
    return ui.label(key) if painted else ui.text(key)
