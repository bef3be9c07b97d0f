"""The footer of every step screen: Textual's `Footer`, rebuilt only when what it shows changes.

Textual's footer rebuilds itself (all its keys: compose, mount, style) after every change of the
screen's bindings, and a screen coming up announces them three times (its stack, its focus, and
once more after the next refresh): the same keys built twice. Each key also starts compact and is
made wide by the footer once mounted: two class changes, each restyling the key. Here the footer
rebuilds only when the keys it would show differ from the ones it shows, and a key starts as
wide as its footer (#17).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey


class Footer(TextualFooter):
    """`textual.widgets.Footer`, rebuilt only for other keys."""

    _shown: Any = None
    _rebuild_queued = False

    def _keys(self) -> Any:
        """Everything `Footer.compose` builds the keys from."""
        if not self._bindings_ready:
            return None
        app = self.app
        active = self.screen.active_bindings
        keys = [
            (b.key, app.get_key_display(b), b.description, b.action, b.group, enabled, tooltip)
            for (_, b, enabled, tooltip) in active.values()
            if b.show
        ]
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _, b, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = (b.key, app.get_key_display(b), b.description, b.action, b.tooltip, enabled, tooltip)
        return keys, palette, self.compact

    def compose(self) -> ComposeResult:
        self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and "compact" in (widget._reactive_connect or ()):
                # The footer binds the key's `compact` to its own: start with that value and class.
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_queued:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()


__all__ = ["Footer"]
