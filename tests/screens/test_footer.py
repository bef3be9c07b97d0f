"""The footer (workshop/tui/widgets/footer.py): rebuilt when the keys it shows change, and only then."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from workshop.tui.app import make_app
from workshop.tui.widgets.footer import Footer
from appkit import ENV, wait_until


def shown(footer: Footer) -> list[str]:
    return [f"{key.key_display} {key.description}" for key in footer.query(FooterKey)]


async def test_the_footer_rebuilds_for_other_keys_only(make_config) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        keys = list(footer.query(FooterKey))
        assert "tab Next quadrant" in shown(footer) and "^n Next step" in shown(footer)
        # Wide keys, as Textual's footer makes them once mounted; the palette key stays compact.
        assert [k.has_class("-compact") for k in keys] == [k.has_class("-command-palette") for k in keys]

        footer.bindings_changed(app.screen)  # the same keys announced again: nothing is rebuilt
        await pilot.pause()
        assert list(footer.query(FooterKey)) == keys

        app.screen.set_focus(app.screen.query("ItemList").first())  # a list's own keys join the footer
        await wait_until(pilot, lambda: any(k.endswith(" Edit") for k in shown(footer)), what="the list's keys in the footer")
        assert "^n Next step" in shown(footer)
