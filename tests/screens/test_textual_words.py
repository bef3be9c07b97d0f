"""Words Textual itself would show in English, in the interface language (the palette's are in
test_command_palette.py)."""

from __future__ import annotations

from workshop.core.rtl import display_label
from workshop.tui.app import make_app

from appkit import ENV


async def test_ctrl_c_says_how_to_quit_in_arabic(make_config) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(language="ar"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        (toast,) = list(app._notifications)
        assert toast.title == display_label("هل تريد الخروج؟")
        assert display_label("للخروج من التطبيق.", "app", "rtl") in toast.message
        assert "quit" not in toast.message.lower() + toast.title.lower()
