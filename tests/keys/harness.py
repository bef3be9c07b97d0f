"""What the key tests share: the app built as the CLI builds it, and the checks after each key.

`open_demo` starts the bundled demo (as `workshop demo --step STEP` does) in a private data
folder; `assert_alive` is the invariant every key test checks: the app runs, shows a screen,
and the workshop on disk still loads and validates.
"""

from __future__ import annotations

from pathlib import Path

from appkit import ENV
from textual.pilot import Pilot

from workshop.cli import AppConfig
from workshop.core.model import STEPS
from workshop.core.service import Workshops
from workshop.tui.app import WorkshopApp, make_app
from workshop.tui.screens.base import StepScreen

LANGUAGES = ("en", "ar")


def demo_app(data_dir: Path, language: str, step: str, *, size_env: dict[str, str] | None = None) -> WorkshopApp:
    """The app `workshop --data-dir DIR --lang LANG demo --step STEP` runs."""
    config = AppConfig(data_dir=data_dir, language=language, demo=True, step=step)
    return make_app(config, environ=size_env or ENV)


def stored(app: WorkshopApp):  # type: ignore[no-untyped-def]
    """The workshop as it is on disk now (saved first: the session's flush, no waiting)."""
    assert app.session is not None
    app.session.flush()
    return Workshops.at(app.config.data_dir).load(app.session.workshop.id)


def assert_alive(app: WorkshopApp, what: str) -> None:
    """The app has not crashed, shows a screen, and the stored workshop is valid."""
    error = getattr(app, "_exception", None)
    assert error is None, f"{what}: {error!r}"
    assert app.is_running, f"the app stopped after {what}: return code {app.return_code}, {app._exit_renderables!r}"
    assert app.screen is not None, f"no screen after {what}"
    if app.session is not None:
        stored(app)  # raises when the file is damaged or invalid


async def settle(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """Let the app process what the last key started (screen changes, refreshes)."""
    await pilot.pause()
    await pilot.pause()


def current_step(app: WorkshopApp) -> str | None:
    screen = app.screen
    return screen.STEP if isinstance(screen, StepScreen) else None


__all__ = ["ENV", "LANGUAGES", "STEPS", "assert_alive", "current_step", "demo_app", "settle", "stored"]
