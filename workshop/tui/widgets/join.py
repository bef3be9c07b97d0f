"""The room's join address as people in the room see it: the QR code (dark on light in every
theme, also --low-bandwidth and the projector's), the address in full as text, and the code.
Shown by the room screen (F5) and by `workshop present`.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical

from workshop.core.i18n import Ui
from workshop.core.room.net import qr_rows
from workshop.tui.widgets.plain import Static


class QrCode(Static):
    """A QR code in half blocks; `show(url)` draws another one."""

    DEFAULT_CSS = "QrCode { width: auto; height: auto; color: #000000; background: #ffffff; }"

    def __init__(self, url: str, **kwargs: Any) -> None:
        super().__init__(Text("\n".join(qr_rows(url))), **kwargs)

    def show(self, url: str) -> None:
        self.update(Text("\n".join(qr_rows(url))))


class JoinPanel(Vertical):
    """The code, the QR code, then the address in full as text (the projector's corner)."""

    DEFAULT_CSS = """
    JoinPanel { width: auto; height: auto; padding: 0 1; }
    JoinPanel .join-url, JoinPanel .join-code { text-style: bold; width: auto; }
    """

    def __init__(self, ui: Ui, url: str, code: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ui = ui
        self.url = url
        self.code = code

    def compose(self) -> ComposeResult:
        # Three rows besides the QR code: it fits a projector's 80x24 (the code is also in the address).
        yield Static(self.ui.label("room.present.join", code=self.code), classes="join-code")
        yield QrCode(self.url)
        yield Static(Text(self.url), classes="join-url")
