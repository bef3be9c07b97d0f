"""Give a node's bindings descriptions from the catalogue (`bindings.<id>`)."""

from __future__ import annotations

import dataclasses

from textual.dom import DOMNode

from workshop.core.i18n import Ui


def localise_bindings(node: DOMNode, ui: Ui) -> None:
    """Replace each binding's description with `bindings.<id>` of the interface language."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            dataclasses.replace(b, description=ui.label(f"bindings.{b.id}"), tooltip=ui.text(f"bindings.{b.id}"))
            if b.id and ui.catalogue.has(f"bindings.{b.id}")
            else b
            for b in bindings
        ]
