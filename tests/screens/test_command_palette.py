"""ctrl+p offers the app's own commands, in the interface language: any step by name, agenda, theme, ..."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from workshop.core.service import Workshops
from workshop.core.settings import load_settings
from workshop.tui.app import make_app
from workshop.tui.screens.agenda import AgendaScreen

from appkit import ENV, wait_until


async def run_command(pilot, typed: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert CommandPalette.is_open(pilot.app)
    for char in typed:
        await pilot.press(char if char != " " else "space")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def shown_commands(app) -> list[str]:  # type: ignore[no-untyped-def]
    from textual.command import CommandList

    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_go_to_a_step_by_name_and_choose_a_theme(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Housing", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await run_command(pilot, "ground")
        assert app.screen.STEP == "ground-rules"
        assert Workshops.at(data_dir).load(workshop.id).last_step == "ground-rules"
        await run_command(pilot, "theme dark")
        assert app.theme == "workshop-dark"
        assert load_settings(data_dir).theme == "dark"


async def test_the_palette_speaks_arabic(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("الصحة", "ar")
    app = make_app(make_config(open_ref=workshop.id, step="needs", language="ar", rtl="terminal"), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        names = shown_commands(app)
        assert any("جدول الأعمال" in n for n in names) and not any("Quit" in n or "Keys" in n for n in names)
        await pilot.press("escape")
        await pilot.pause()
        await run_command(pilot, "جدول")
        assert isinstance(app.screen, AgendaScreen)


async def test_the_palettes_own_words_are_arabic_and_typed_arabic_is_joined(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Textual's "Search for commands…" and "No matches found" are the catalogue's; typed Arabic is
    shown joined and right to left (app mode) while the search still gets the letters as typed."""
    from textual.command import CommandInput, CommandList

    from workshop.core.content import load_catalogue
    from workshop.core.rtl import display_label

    arabic = load_catalogue("ar")
    workshop = Workshops.at(data_dir).create("الصحة", "ar")
    app = make_app(make_config(open_ref=workshop.id, step="needs", language="ar", rtl="app"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        field = app.screen.query_one(CommandInput)
        assert field.placeholder == arabic.t("palette.placeholder")
        assert display_label(arabic.t("palette.placeholder"), "app")[-12:] in str(field.render_line(0).text)
        for char in "لغة":
            await pilot.press(char)
            await pilot.pause()
        assert field.value == "لغة"
        assert display_label("لغة", "app") in field.render_line(0).text
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert any("ﺔﻐﻠﻟﺍ" in name for name in shown_commands(app))  # the language switch, found
        for char in "qqq":
            await pilot.press(char)
        await wait_until(pilot, lambda: "--no-matches" in [
            app.screen.query_one(CommandList).get_option_at_index(i).id
            for i in range(app.screen.query_one(CommandList).option_count)
        ], what="the no-matches line")
        (line,) = shown_commands(app)
        assert display_label(arabic.t("palette.no_matches"), "app", "rtl") in line
        assert "No matches" not in line
