"""The command palette (ctrl+p): the app's own commands, in the interface language.

Two Textual command `Provider`s: `StepCommands` (go to any step by its name: shown only with a
workshop open) and `WorkshopCommands` (export, agenda, language, theme, presentation, help,
quit). They hold no rules: each command calls the screen's or the app's own action, so a command
does exactly what its key does. Names and help come from the catalogues (`palette.*`,
`steps.<id>.title`), read when the palette opens, so a language switch changes them at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual.app import ComposeResult
from textual.command import CommandInput, CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider, SearchIcon
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, LoadingIndicator
from textual.widgets.option_list import Option

from workshop.core.steps.registry import STEP_IDS
from workshop.tui.screens.base import StepScreen
from workshop.tui.widgets.rtl_input import RtlInput

if TYPE_CHECKING:
    from workshop.tui.app import WorkshopApp

#: Themes offered by name (the 16-colour one follows --low-bandwidth, not a choice here).
THEME_CHOICES: tuple[str, ...] = ("projector", "dark", "colour-blind")


class PaletteInput(CommandInput, RtlInput):
    """The palette's search field: Arabic typed into it is shown joined and right to left."""


class WorkshopPalette(CommandPalette):
    """Textual's command palette in the interface language: the prompt, the "no matches" line
    (Textual's are English), typed Arabic shown joined (`PaletteInput`) and, in Arabic, the
    matches set at the right. `compose` and `_start_no_matches_countdown` are Textual's with
    those parts changed (Textual is pinned; tests/screens/test_palette_words.py checks them).
    *placeholder* is logical text (the field lays it out)."""

    def __init__(self, placeholder: str, no_matches: str, *, mode: str = "app", rtl: bool = False) -> None:
        super().__init__(placeholder=placeholder, id="--command-palette", classes="-rtl" if rtl else "-ltr")
        self.no_matches = no_matches
        self.mode = mode

    def compose(self) -> ComposeResult:
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield PaletteInput(placeholder=self._placeholder, select_on_focus=False, mode=self.mode)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield CommandList()
                yield LoadingIndicator()

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(self.no_matches, style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


@dataclass(frozen=True)
class Command:
    """One palette entry: its name and help as shown, and what it does."""

    name: str
    help: str
    run: Callable[[], Any]


class _Commands(Provider):
    """Shared search: every command whose name matches the typed text, best match first."""

    def commands(self) -> Iterator[Command]:
        raise NotImplementedError

    @property
    def workshop_app(self) -> WorkshopApp:
        return self.app  # type: ignore[return-value]

    def show(self, text: str) -> str:
        """Catalogue text as the terminal shows it (Arabic shaped and ordered in app mode)."""
        return self.workshop_app.ui.show(text)

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(self.show(command.name), command.run, text=command.name, help=self.show(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, self.show(command.name), command.run, text=command.name, help=self.show(command.help))


class StepCommands(_Commands):
    """Go to any step by its name (with a workshop open)."""

    def commands(self) -> Iterator[Command]:
        screen = self.screen
        if not isinstance(screen, StepScreen):
            return
        ui = self.workshop_app.ui
        for number, step in enumerate(STEP_IDS, start=1):
            if step == screen.STEP:
                continue
            title = ui.text(f"steps.{step}.title")
            yield Command(
                ui.text("palette.go_to", number=number, step=title),
                ui.text("palette.go_to_help", step=title),
                partial(screen.dismiss, _nav_to(step)),
            )


def _nav_to(step: str) -> Any:
    from workshop.tui.screens.base import Nav

    return Nav("step", step)


class WorkshopCommands(_Commands):
    """Export, agenda, language, theme, presentation, help and quit: what the keys do."""

    def commands(self) -> Iterator[Command]:
        app = self.workshop_app
        ui = app.ui
        screen = self.screen

        def entry(key: str, run: Callable[[], Any], **params: Any) -> Command:
            return Command(ui.text(f"palette.{key}.name", **params), ui.text(f"palette.{key}.help", **params), run)

        if isinstance(screen, StepScreen):
            if screen.STEP != "export":
                yield entry("export", partial(screen.dismiss, _nav_to("export")))
            yield entry("agenda", screen.action_agenda)
            yield entry("present", screen.action_present)
            yield entry("help", screen.action_help)
            yield entry("notes", screen.action_notes)
            yield entry("language", screen.action_switch_language)
        elif hasattr(screen, "action_switch_language"):
            yield entry("language", screen.action_switch_language)
        for name in THEME_CHOICES:
            theme = ui.text(f"palette.themes.{name}")
            yield entry("theme", partial(app.use_theme, name), theme=theme)
        yield entry("quit", app.action_quit)
