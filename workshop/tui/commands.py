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

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workshop.core.steps.registry import STEP_IDS
from workshop.tui.screens.base import StepScreen

if TYPE_CHECKING:
    from workshop.tui.app import WorkshopApp

#: Themes offered by name (the 16-colour one follows --low-bandwidth, not a choice here).
THEME_CHOICES: tuple[str, ...] = ("projector", "dark", "colour-blind")


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
