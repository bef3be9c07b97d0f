"""WorkshopApp: installs screens, bindings, theme, language and signal handlers; holds no rules."""

from __future__ import annotations

import asyncio
import codecs
import functools
import gc
import os
import signal
import sys
import tempfile
import traceback
from dataclasses import replace
from pathlib import Path
from typing import Any

from collections.abc import Callable, Iterable

from textual import events
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.binding import Binding
from textual.command import CommandPalette

from workshop.cli import AppConfig
from workshop.core.i18n import Ui
from workshop.core.rtl import resolve_mode, vte_disable_bidi_sequence
from workshop.tui.screens.base import Nav, StepScreen
from workshop.tui.screens.registry import check_screens, step_screen
from workshop.core.errors import WorkshopError
from workshop.core.model import workshop_to_dict
from workshop.core.service import UserError, Workshops
from workshop.core.store import utc_stamp
from workshop.core.session import TIME_SAVE_INTERVAL, Session
from workshop.core.settings import Settings, load_settings, save_settings
from workshop.core.storage.atomic import make_private_dir, write_text
from workshop.tui.paint import hold_paint
from workshop.tui.room import RoomControl
from workshop.tui.commands import StepCommands, WorkshopCommands, WorkshopPalette
from workshop.tui.themes import THEMES
from workshop.tui.widgets.localise import localise_bindings
from workshop.core.steps.registry import STEP_IDS


def _lenient_input() -> None:
    """One invalid byte from the terminal (`send-keys -H e9`, a Latin-1 paste over SSH) must not kill
    Textual's input thread (and the app with it): the Linux driver decodes with errors="replace", so the
    byte arrives as U+FFFD and everything typed before and after it still arrives."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # Windows
        return

    def decoder(encoding: str) -> Any:
        return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")

    linux_driver.getincrementaldecoder = decoder  # type: ignore[attr-defined]


_lenient_input()


class WorkshopApp(App[int]):
    """The facilitator's app: home screen, then one screen per step."""

    CSS_PATH = "app.tcss"
    TITLE = "Coalition Workshop"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("ctrl+p", "command_palette", "Commands", id="command-palette", show=False, priority=True),
        # Tab and shift+tab take effect before the next key goes anywhere (see `action_key_in_order`).
        Binding("tab", "key_in_order('tab')", "Next field", id="next-field", show=False, priority=True),
        Binding("shift+tab", "key_in_order('shift+tab')", "Previous field", id="previous-field", show=False, priority=True),
    ]
    #: The palette offers the app's own commands (workshop/tui/commands.py), not Textual's English ones.
    COMMANDS = App.COMMANDS | {StepCommands, WorkshopCommands}

    def __init__(
        self, config: AppConfig, *, environ: dict[str, str] | None = None, workshops: Workshops | None = None
    ) -> None:
        super().__init__()
        self.config = config
        env = dict(os.environ) if environ is None else environ
        self.rtl_mode = resolve_mode(config.rtl, env)
        self._vte_sequence = vte_disable_bidi_sequence(env) if self.rtl_mode == "app" else ""
        self.ui = Ui.of(config.language, self.rtl_mode)
        self.workshops = workshops or Workshops.at(config.data_dir)
        self.session: Session | None = None
        #: The sentence to print after a crash (run_app prints it once the terminal is back).
        self.crash_message = ""
        #: Unsaved changes are kept in a rescue copy at exit; what to tell then.
        self.exit_message = ""
        self._quit_anyway = False
        #: The signals whose handlers this app installed (removed again on unmount).
        self._signals: list[int] = []
        #: Resume Python's cycle collector after the first frame (`run_app`: the launcher paused it).
        self.resume_collector = False
        self.room = RoomControl(self, self._room_changed)
        self._room_lists_seen: object = None
        self.current_step: str | None = None
        localise_bindings(self, self.ui)
        for theme in THEMES:
            self.register_theme(theme)
        self._first_theme("workshop-16" if config.low_bandwidth else f"workshop-{config.theme}")
        if config.low_bandwidth:
            self.animation_level = "none"
            self.add_class("-low-bandwidth")

    def _first_theme(self, name: str) -> None:
        """The theme to start in, before anything is parsed or mounted.

        `self.theme = name` here would queue Textual's `refresh_css`, which parses every stylesheet a
        second time (`reparse` starts from an empty cache) once the app runs: ~35 ms of each start.
        Nothing is parsed yet, so the value and what Textual's theme watcher sets besides it (the
        theme's classes, the ANSI colour mapping, the stylesheet's variables) are all a first theme needs."""
        self.set_reactive(App.theme, self._validate_theme(name))
        theme = self.current_theme
        stale = {c: False for c in self.classes if c.startswith("-theme-")}
        self.update_classes({**stale, f"-theme-{theme.name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark}, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())  # App.__init__ took the default theme's

    def _load_screen_css(self, screen: Any) -> None:
        """A screen's CSS_PATH files (setup.tcss, structure.tcss…), added to the app's stylesheet.

        Textual's own `_load_screen_css` calls `Stylesheet.reparse`, which parses every source again in
        a fresh stylesheet with an empty cache (app.tcss and every widget's CSS, ~20 ms of each start on
        a screen with a .tcss) and leaves the new file out of the app stylesheet's cache, so the next
        parse (the next widget class mounted) parses it a second time. Added as a source, the file is
        parsed once, with the rest from the cache; the rules are the same, in the same order."""
        stylesheet = self.stylesheet
        added = False
        for path in screen.css_path:
            if not stylesheet.has_source(str(path), ""):
                stylesheet.read(path)
                added = True
        if added:
            stylesheet.update(self)  # parses what is new (a CSS error shows here, as in Textual's reparse)
        super()._load_screen_css(screen)  # what is left: screen.CSS, Textual's CSS monitor

    def _end_batch(self) -> None:
        super()._end_batch()
        if not self._batch_count and self._screen_stack:
            self.screen.check_idle()  # a step screen that skipped painting while held paints now, whole

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a toast, always plain text (user text is never markup). *message* is LOGICAL text (catalogue or user text): it is wrapped at
        the toast's width and laid out for the terminal here, once; never markup."""
        # Toast: width 60, at most 50% of its rack, which loses a vertical scrollbar's 2 cells; then
        # padding (2) and border (1). A line one cell too long was broken again by Textual.
        width = max(10, min(60, (self.size.width - 2) // 2) - 3)
        shown_title = self.ui.show(title) if title else ""
        super().notify(self.ui.lines(message, width), title=shown_title, severity=severity, timeout=timeout, markup=False)

    def action_help_quit(self) -> None:
        """Ctrl+C outside a text field: Textual's hint that ctrl+q quits, in the interface language."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(self.ui.text("app.quit_hint", key=key), title=self.ui.text("app.quit_hint_title"))
                return

    # ------------------------------------------------------------------ start and stop

    def _handle_exception(self, error: Exception) -> None:
        """A fault in the app: save, log the traceback (no local variables: they hold the room's words and
        partners' contacts) to a private file, exit non-zero with one sentence saying where the log is."""
        self._return_code = 1
        if self._exception is None:  # Pilot re-raises it in tests
            self._exception = error
            self._exception_event.set()
        try:
            self.save_now()
        except Exception as save_error:  # noqa: BLE001 - the crash is being reported; the save problem too
            error.add_note(f"saving on crash failed: {save_error!r}")
        log = write_crash_log(self.config.data_dir, error)
        self.crash_message = self.ui.catalogue.t("errors.crash", code=1, log=str(log))
        self._close_messages_no_wait()

    def on_mount(self) -> None:
        self._install_signal_handlers()
        self.set_interval(TIME_SAVE_INTERVAL, self._keep_time)
        if self._vte_sequence:
            self._write_raw(self._vte_sequence)
        if not self.config.present:  # the projector is not where the facilitator reads about their files
            notices = self.workshops.notices()
            for problem in notices + [p for p in self.workshops.store.problems if p.key != "errors.store_corrupt"]:
                self.notify(problem.say(self.ui.catalogue), severity="warning", timeout=60)
        try:
            if self.config.present and self.config.open_ref:
                self.follow(self.workshops.resolve(self.config.open_ref))
                return
            if self.config.demo:
                self.open_workshop(self.workshops.demo(self.config.language), self.config.step)
                return
            if self.config.open_ref:
                self.open_workshop(self.workshops.resolve(self.config.open_ref), self.config.step)
                return
        except WorkshopError as error:
            self.show_home()
            self.notify(error.say(self.ui.catalogue), severity="error", timeout=15)
            return
        self.show_home()

    def on_ready(self) -> None:
        """The first screen is laid out; its first frame is painted on the next refresh."""
        if self.resume_collector:
            self.resume_collector = False
            self.call_after_refresh(self._resume_collector)

    def _resume_collector(self) -> None:
        gc.enable()

    def follow(self, workshop_id: str) -> None:
        """`workshop present`: follow what another process writes, never write."""
        from workshop.tui.screens.present import PresentScreen

        workshops = self.workshops
        self.push_screen(
            PresentScreen(
                self.ui,
                lambda: workshops.try_load(workshop_id),
                lambda: (workshops.change_token(workshop_id), workshops.writer_running(workshop_id)),
                live=lambda: workshops.writer_running(workshop_id),
            ),
            callback=lambda _: self.exit(0),
        )

    def _write_raw(self, sequence: str) -> None:
        driver = self._driver
        if driver is not None:
            driver.write(sequence)

    def _install_signal_handlers(self) -> None:
        """SIGHUP (SSH drop) and SIGTERM: save, then exit (Textual installs no handler for them).

        The event loop runs the save, never the code the signal interrupted: that code can hold the
        store's lock while the background writer waits for it, and saving there waited for that
        writer forever (seen once under load: after a SIGHUP the app kept running)."""
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, self._on_signal, signum)
            except (ValueError, RuntimeError, NotImplementedError):  # not the main thread; no such signals
                return
            self._signals.append(signum)

    def _remove_signal_handlers(self) -> None:
        """The defaults again once the app has saved for the last time (on_unmount)."""
        loop = asyncio.get_running_loop()
        while self._signals:
            loop.remove_signal_handler(self._signals.pop())

    def _on_signal(self, signum: int) -> None:
        self.save_now()
        os._exit(128 + signum) if signum == signal.SIGHUP else self.exit(128 + signum)

    def _keep_time(self) -> None:
        if self.session is not None:
            self.session.keep_time()

    async def action_key_in_order(self, key: str) -> None:
        """Tab and shift+tab, run as the key comes, before the keys behind it are passed on.

        Textual passes a key to the focused widget and runs a screen's binding for it only once the
        key has come back up from that widget: the keys of a burst behind a Tab (a slow SSH link,
        a fast typist) were by then already in the field Tab was leaving. "Tab, Town hall" put
        "Town hall" into the title. Here the binding the screen has for the key runs first (its
        own, e.g. SWOT's next quadrant, then the focused widget's and its parents', as Textual
        would choose it), and only then does the next key go to the field now focused."""
        screen = self.screen
        chains = (
            (True, reversed(screen._binding_chain)),  # the screen's priority bindings, from the screen down
            (False, iter(screen._modal_binding_chain)),  # then the others, from the focused widget up
        )
        for priority, chain in chains:
            for namespace, bindings in chain:
                if namespace is self:
                    continue
                for binding in bindings.key_to_bindings.get(key, ()):
                    if binding.priority == priority and await self.run_action(binding.action, namespace):
                        return

    def action_command_palette(self) -> None:
        """The command palette, its prompt in the interface language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                WorkshopPalette(
                    self.ui.text("palette.placeholder"),
                    self.ui.label("palette.no_matches"),
                    mode=self.rtl_mode,
                    rtl=self.ui.rtl,
                )
            )

    def use_theme(self, name: str) -> None:
        """Show the screen in a theme and remember it (the 16-colour theme of --low-bandwidth stays)."""
        if self.config.low_bandwidth:
            return
        self.theme = f"workshop-{name}"
        self._remember(theme=name)

    def save_now(self) -> None:
        """Write the open workshop at once (quit, signals, step change); changes that cannot be saved
        (disk full) are kept in a rescue copy and named in `exit_message`."""
        session = self.session
        if session is None:
            return
        session.close()
        if session.dirty and session.save_error is not None and not self.exit_message:
            self.exit_message = rescue_unsaved(self.workshops, session, self.ui)

    def on_unmount(self) -> None:
        """However the app ends (quit, a test harness closing it), save and release the lock."""
        self.save_now()
        self._remove_signal_handlers()

    async def action_quit(self) -> None:
        session = self.session
        if session is not None and not session.read_only and not self._quit_anyway:
            session.flush()
        if session is not None and session.save_error is not None and not self._quit_anyway:
            # The changes are only in memory: say so; a second ctrl+q quits and keeps them in a rescue copy.
            self._quit_anyway = True
            reason = str(session.save_error.params.get("reason", "")) if isinstance(session.save_error, WorkshopError) else ""
            self.notify(self.ui.text("errors.unsaved_quit", reason=reason), severity="error", timeout=30)
            return
        await self.room.close()
        self.save_now()
        if self._vte_sequence:
            self._write_raw("\x1b[8h")
        self.exit(0)

    # ------------------------------------------------------------------ navigation

    def show_home(self) -> None:
        from workshop.tui.screens.home import HomeScreen  # on first use: not on a step's start-up path

        self.push_screen(HomeScreen(self.workshops, self.ui), callback=self._home_done)

    def _home_done(self, workshop_id: str | None) -> None:
        if workshop_id is None:
            self.exit(0)
            return
        if workshop_id == "":  # the home screen asked for the other language
            self._switch_language()
            self.show_home()
            return
        try:
            self.open_workshop(workshop_id, None)
        except UserError as error:
            self.notify(self.ui.text(error.key, **error.params), severity="error", timeout=15)
            self.show_home()

    def open_workshop(self, workshop_id: str, step: str | None) -> None:
        """Open for writing; when another process holds it, ask: read-only or cancel."""
        try:
            opened = self.workshops.open(workshop_id, read_only=self.config.read_only)
        except UserError as error:
            if error.key != "errors.store_locked":
                raise
            from workshop.tui.screens.dialogs import ReadOnlyChoice

            self.push_screen(
                ReadOnlyChoice(self.ui, self.ui.text(error.key, **error.params)),
                callback=lambda read_only: self._open_read_only(workshop_id, step) if read_only else self.show_home(),
            )
            return
        self._start_session(opened.workshop, opened.lock, opened.read_only, step)

    def _open_read_only(self, workshop_id: str, step: str | None) -> None:
        opened = self.workshops.open(workshop_id, read_only=True)
        self._start_session(opened.workshop, None, True, step)

    def _start_session(self, workshop: Any, lock: Any, read_only: bool, step: str | None) -> None:
        self.session = Session(
            self.workshops.store,
            workshop,
            read_only=read_only,
            lock=lock,
            scheduler=lambda delay, callback: self.set_timer(delay, callback),
            on_error=self._save_failed,
            # The debounced saves are written by a worker thread: their fsyncs never hold up a key.
            wake=functools.partial(asyncio.get_running_loop().call_soon_threadsafe, self._from_writer),
        )
        self.room.forget_join(self.session)  # left by a process that died with its room open
        self.show_step(step or workshop.last_step)
        if self.config.room and not read_only:
            self.call_later(self._open_room_at_start)

    async def _open_room_at_start(self) -> None:
        """`workshop open REF --room`: open the room on the chosen address and show its QR code."""
        from workshop.core.room.net import DEFAULT_PORT, local_addresses
        from workshop.tui.screens.room import RoomScreen

        if self.session is None:
            return
        host = self.config.room_host or local_addresses()[0]
        port = DEFAULT_PORT if self.config.room_port is None else self.config.room_port
        error = await self.room.open(self.session, host, port)
        if error is not None:
            self.notify(self.ui.text(error.key, **error.params), severity="error", timeout=20)
            return
        self.push_screen(RoomScreen(self.room, self.session, self.ui))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.room.typed()  # phones' news waits for a pause in the facilitator's typing
        await super().on_event(event)

    def _room_changed(self) -> None:
        """Phones changed the workshop (batched): what is on screen shows it (inbox, items, votes)."""
        if self.session is not None:
            self.session.tell_listeners()  # the listeners the phones' quiet edits skipped, once per batch
        if not self.screen_stack:  # the app is closing (its screens are gone) as a phone's news arrives
            return
        screen = self.screen
        if isinstance(screen, StepScreen) and screen.is_attached:
            digest = self.room.lists_digest(self.session, screen.STEP) if self.session is not None else None
            if digest != self._room_lists_seen:
                self._room_lists_seen = digest
                screen.refresh_work()

    def get_system_commands(self, screen: Any) -> Iterable[SystemCommand]:
        """The palette also opens the room and the inbox (the same actions as F5 and F6).

        Textual's own system commands (English only, and a theme list of its own) are not offered:
        tui/commands.py has the app's commands in the interface language."""
        if isinstance(screen, StepScreen):
            yield SystemCommand(self.ui.show(self.ui.text("bindings.room")), self.ui.show(self.ui.text("room.palette.room")), screen.action_room)
            yield SystemCommand(self.ui.show(self.ui.text("bindings.inbox")), self.ui.show(self.ui.text("room.palette.inbox")), screen.action_inbox)

    def _from_writer(self, callback: Callable[[], None]) -> None:
        """The session's "a background write ended", on the loop; a fault in it is the app's fault
        (asyncio would only log it)."""
        try:
            callback()
        except Exception as error:  # noqa: BLE001 - reported like any fault in the app
            self._handle_exception(error)

    def _save_failed(self, error: Exception) -> None:
        key = getattr(error, "key", "errors.store_write_failed")
        params = getattr(error, "params", {})
        self.notify(self.ui.text(key, **params), severity="error", timeout=20)

    def show_step(self, step: str) -> None:
        session = self.session
        assert session is not None
        self.current_step = step
        # The step (and the time spent on the one left) is written right after the new screen's
        # first frame, not before it: a synchronous save on the way to the frame (serialise, write,
        # fsync, index) held up every start and step change. The edit is in memory at once.
        session.enter_step(step, save=False)
        screen = step_screen(step, session, self.ui, show_guidance=self._settings().show_guidance)
        hold_paint(self, at_start=not self.is_running)  # the step screen paints once, settled and filled
        self.push_screen(screen, callback=self._navigate)
        self.call_after_refresh(self._save_entered_step, session)

    def _save_entered_step(self, session: Session) -> None:
        if session is self.session:  # not a session closed meanwhile (home, another workshop)
            session.flush()

    def _navigate(self, nav: Nav | None) -> None:
        if nav is None or nav.action == "home":
            self.call_later(self.room.close)
            if self.session is not None:
                self.room.forget_join(self.session)  # before the session's last save
                self.session.close()
            self.session = None
            self.show_home()
        elif nav.action == "step" and nav.step in STEP_IDS:
            self.show_step(nav.step)
        elif nav.action == "language":
            self._switch_language()
            self.show_step(nav.step or STEP_IDS[0])

    # ------------------------------------------------------------------ settings

    def on_step_screen_guidance_toggled(self, message: StepScreen.GuidanceToggled) -> None:
        self._remember(show_guidance=message.show)

    def _settings(self) -> Settings:
        """What is remembered; on a first run, what this run uses (its language may be the locale's)."""
        first = Settings(language=self.config.language, rtl=self.config.rtl, theme=self.config.theme)  # type: ignore[arg-type]
        return load_settings(self.config.data_dir, first)

    def _remember(self, **changes: Any) -> None:
        settings = self._settings().model_copy(update=changes)
        try:
            save_settings(self.config.data_dir, settings)
        except OSError as error:
            self.notify(self.ui.text("errors.settings_unsaved", reason=str(error)), severity="warning")

    def _switch_language(self) -> None:
        language = "ar" if self.ui.language == "en" else "en"
        self.ui = Ui.of(language, self.rtl_mode)
        self.config = replace(self.config, language=language)
        localise_bindings(self, self.ui)
        self._remember(language=language)

    def show_message(self, text: str) -> None:
        from workshop.tui.screens.dialogs import MessageScreen

        self.push_screen(MessageScreen(self.ui, text))


def make_app(
    config: AppConfig, *, environ: dict[str, str] | None = None, workshops: Workshops | None = None
) -> WorkshopApp:
    """The one place an app is built from plain values (the CLI and the tests call it); *workshops*:
    the data folder the CLI already opened (one store per process), else opened here."""
    check_screens()
    return WorkshopApp(config, environ=environ, workshops=workshops)


def run_app(config: AppConfig, workshops: Workshops | None = None) -> int:
    """Run the app in this terminal; returns the exit code (non-zero after a crash or unsaved changes)."""
    make_private_dir(config.data_dir)
    app = make_app(config, workshops=workshops)
    if not gc.isenabled():  # paused by the launcher (workshop/__main__.py) for the start
        gc.freeze()  # what the start built lives as long as the process: the collector never walks it again
        app.resume_collector = True
    try:
        result = app.run()
    finally:
        app.save_now()
    if app.crash_message or app.exit_message:
        from workshop.cli_text import Terminal

        said = "\n".join(m for m in (app.crash_message, app.exit_message) if m) + "\n"
        Terminal.of(app.ui.catalogue, config.rtl, os.environ).write(said, sys.stderr)
        return app.return_code or 1
    return result or app.return_code or 0


def write_crash_log(data_dir: Path, error: BaseException) -> Path:
    """The traceback, without local variables, in DATA/logs/crash-<stamp>.log (0600); where it went."""
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    folder = Path(data_dir) / "logs"
    try:
        make_private_dir(folder)
        path = folder / f"crash-{utc_stamp()}.log"
        write_text(path, text)
        return path
    except OSError:
        fallback = Path(tempfile.gettempdir()) / f"coalition-workshop-crash-{os.getpid()}.log"
        try:
            write_text(fallback, text)
        except OSError:
            return Path("(the log could not be written)")
        return fallback


def rescue_unsaved(workshops: Workshops, session: Session, ui: Ui) -> str:
    """Keep changes that could not be saved in a rescue copy; the sentence that says where (or that
    nothing could be written)."""
    workshop = session.workshop
    title = workshop.meta.title
    name = f"“{title}” ({workshop.id})"
    reason = ""
    if isinstance(session.save_error, WorkshopError):
        reason = str(session.save_error.params.get("reason", ""))
    try:
        kept = workshops.store.rescue(workshop_to_dict(workshop))
    except OSError as error:
        return ui.text("errors.unsaved_lost", name=name, reason=error.strerror or str(error))
    return ui.text("errors.unsaved_exit", name=name, id=workshop.id, reason=reason, kept_as=str(kept))


__all__ = ["WorkshopApp", "make_app", "run_app", "Path"]
