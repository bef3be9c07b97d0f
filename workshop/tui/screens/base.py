"""The frame every step screen shares: step rail, work area, guidance, footer.

A step screen is built with the Session it edits and the Ui it speaks; it hands the
app a `Nav` through `dismiss()` to go elsewhere. It holds no method rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal, TypeVar

from textual import events, on
from textual.widget import Widget
from textual.widgets import Input
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from workshop.tui.widgets.footer import Footer
from workshop.tui.widgets.plain import Static

from workshop.core.errors import WorkshopError
from workshop.core.i18n import Ui
from workshop.core.model import Workshop, error_summary
from workshop.core.session import Session
from workshop.core.steps.registry import STEP_IDS, findings_by_step, step_done
from workshop.tui.widgets.capture_list import offer_drafts, typed_character
from workshop.tui.widgets.guidance import GuidancePanel
from workshop.tui.widgets.inbox import InboxPanel
from workshop.tui.paint import hold_paint, release_when_settled
from workshop.tui.widgets.localise import localise_bindings
from workshop.tui.widgets.rtl_text import RtlText
from workshop.tui.widgets.step_rail import StepRail
from workshop.tui.widgets.timer import StepTimer


T = TypeVar("T")


def guarded_edit(screen: Screen, ui: Ui, change: Callable[[], T]) -> tuple[bool, T | None]:  # type: ignore[type-arg]
    """Run an edit; say what stopped it (never a traceback): read-only, a limit or typed value (the
    catalogue's sentence), an invalid change. Returns (made, what `change` returned)."""
    from workshop.core.session import ReadOnlySession

    try:
        return True, change()
    except ReadOnlySession:
        screen.notify(ui.text("app.read_only_refused"), severity="warning")
    except WorkshopError as error:
        screen.notify(error.say(ui.catalogue), severity="error")
    except ValueError as error:
        screen.notify(ui.text("errors.invalid_edit", details=error_summary(error)), severity="error")
    return False, None


def on_stack(screen: Screen) -> bool:  # type: ignore[type-arg]
    """Whether `screen` is still on its app's screen stack (not dismissed, not being removed)."""
    return screen.is_attached and screen in screen.app.screen_stack


@dataclass(frozen=True)
class Nav:
    """Where a screen asks the app to go next."""

    action: Literal["step", "home", "language"]
    step: str | None = None


class StepScreen(Screen[Nav]):
    """Base of the step screens: subclasses set STEP and implement compose_work/refresh_work."""

    STEP: ClassVar[str] = "setup"
    # Only next step and help show in the footer, so each screen's own keys fit at 80 columns;
    # all of them are in F1 help and the command palette.
    BINDINGS = [
        # priority: each runs in its key's turn, before the keys behind it are passed on (a burst such
        # as ctrl+g 6 Enter, or ctrl+n then words for the next step, must not type into this step's
        # field: "6" became a SWOT item). Not ctrl+z: a text field's own undo comes first.
        Binding("ctrl+n", "next_step", "Next step", id="next-step", priority=True),
        Binding("f1", "help", "Help", id="help", priority=True),
        Binding("ctrl+b", "previous_step", "Previous step", id="previous-step", show=False, priority=True),
        Binding("ctrl+g", "jump", "Go to step", id="jump", show=False, priority=True),
        Binding("ctrl+t", "toggle_guidance", "Guidance", id="toggle-guidance", show=False, priority=True),
        Binding("ctrl+z", "undo", "Undo delete", id="undo", show=False),
        Binding("ctrl+o", "home", "Workshops", id="home", show=False, priority=True),
        Binding("f2", "switch_language", "Language", id="switch-language", show=False, priority=True),
        Binding("f3", "present", "Present", id="present", show=False, priority=True),
        Binding("f4", "agenda", "Agenda", id="agenda", show=False, priority=True),
        Binding("f5", "room", "Room", id="room", show=False, priority=True),
        Binding("f6", "inbox", "Inbox", id="inbox", show=False, priority=True),
        Binding("f7", "notes", "Notes", id="facilitator-notes", show=False, priority=True),
    ]

    show_guidance: reactive[bool] = reactive(True)
    """Whether the guidance panel is shown beside the work area."""

    def __init__(self, session: Session, ui: Ui, *, show_guidance: bool = True) -> None:
        super().__init__(classes="-rtl" if ui.rtl else "-ltr")
        self.session = session
        self.ui = ui
        self.set_reactive(StepScreen.show_guidance, show_guidance)
        localise_bindings(self, ui)
        self._unsubscribe = session.subscribe(self._heard)
        self._typed_form: Screen | None = None  # type: ignore[type-arg]
        self._work_shown = False
        self._resumed = False
        self._paint_whole = False  # skipped a render while updates were held (_compositor_refresh)
        #: Keys typed before anything on this screen had the focus (see `on_key`).
        self._early_keys: list[tuple[str, str]] = []

    @property
    def workshop(self) -> Workshop:
        """The workshop this screen edits (through `edit`, never directly)."""
        return self.session.workshop

    def on_key(self, event: events.Key) -> None:
        """A typed key that reached the screen itself, not a field: the keys behind ctrl+n come while
        the next step is still being set up, before anything on it has the focus ("Bus" typed at once
        after ctrl+n became "us"). Given to the text field focused by now, or kept for the first
        widget focused. (A text field stops every key it types, so none of these came from one.)"""
        character = typed_character(event)
        if character is None:
            return
        focused = self.focused
        if focused is None:
            event.stop()
            self._early_keys.append((event.key, character))
        elif isinstance(focused, Input):
            event.stop()
            focused.post_message(events.Key(event.key, character))

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        super().set_focus(widget, scroll_visible, from_app_focus)
        focused = self.focused
        if self._early_keys and focused is not None:
            keys, self._early_keys = self._early_keys, []
            for key, character in keys:  # queued now, before any key the app passes on from here
                focused.post_message(events.Key(key, character))

    def compose(self) -> ComposeResult:
        ui = self.ui
        # The width class Textual would add on the first resize, added now: the first frame is
        # laid out right, so a step change paints the screen once, not twice.
        width = self.app.size.width
        for minimum, name in reversed(self.app.HORIZONTAL_BREAKPOINTS or []):
            if width >= minimum:
                self.add_class(name)
                break
        bar = [
            RtlText(self.workshop.meta.title, mode=ui.mode, id="workshop-title"),
            Static(ui.label(f"steps.{self.STEP}.title"), id="step-title"),
            StepTimer(self.session, ui, id="timer"),
        ]
        with Horizontal(id="top-bar"):
            yield from reversed(bar) if ui.rtl else bar
        if self.session.read_only:
            yield Static(ui.label("app.read_only_banner"), id="read-only")
        with Horizontal(id="body"):
            rail = StepRail(ui, id="rail")
            self._fill_rail(rail)  # before the first frame: one paint instead of two
            yield rail
            with Vertical(id="work"):
                yield from self.compose_work()
                yield InboxPanel(self.session, ui, self.STEP, self.edit, id="inbox")
            guidance = GuidancePanel(ui, self.STEP, id="guidance")
            guidance.display = self.show_guidance
            yield guidance
        yield Footer()

    def compose_work(self) -> ComposeResult:
        """The step's own widgets."""
        yield RtlText(self.ui.text(f"steps.{self.STEP}.why"), mode=self.ui.mode)

    def refresh_work(self) -> None:
        """Show the workshop's current state in the work area (after any change)."""

    def on_mount(self) -> None:
        # Textual calls `on_mount` of every class in the MRO, and the step screens that add to it call
        # this one first (super().on_mount()): without the guard the work area was filled twice.
        if self._work_shown:
            return
        self._work_shown = True
        self.refresh_work()
        offer_drafts(self, self.session, self.STEP)
        release_when_settled(self.app)

    def _heard(self, _session: Session) -> None:
        """A change to the workshop: redraw, but only while this screen is on the app's stack."""
        if on_stack(self):
            self._session_changed()
        else:
            self._unsubscribe()

    def dismiss(self, result: Nav | None = None) -> AwaitComplete:
        # The screen leaves now: stop listening before the app opens the next screen (which edits
        # the session); Textual removes this screen's widgets before the screen itself (ctrl+g crash).
        self._unsubscribe()
        return super().dismiss(result)

    def _compositor_refresh(self) -> None:
        """Render and write what changed, but never while the app holds updates (`paint.hold_paint`,
        Textual's start batch): Textual renders then and throws the render away (`App._display`
        returns while held), and the next frame lacked what that render had painted (a start's
        first frame missed the lists' rows). The screen paints whole once updates flow again."""
        app = self.app
        if self is app.screen and not app.is_inline:
            if app._batch_count:
                self._paint_whole = True
                self._repaint_required = True  # the screen's update runs once updates flow again
                return
            if self._paint_whole:
                # One frame, whole: what was marked dirty while held, and all the rest.
                self._paint_whole = False
                self._repaint_required = False
                self._compositor._dirty_regions.add(self._compositor.size.region)
                for below in app._background_screens:
                    # What changed on the screen below (Textual's blank first screen at a start) is in
                    # this whole frame: its later update would ask for the whole screen again.
                    below._compositor._dirty_regions.clear()
                    below._dirty_widgets.clear()
                    below._repaint_required = False
        super()._compositor_refresh()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first time this screen is shown its widgets were styled as they mounted: Textual's
        `Screen._on_screen_resume` (which Textual calls after this one, as for any handler in the MRO)
        need not style the whole screen a second time. Later resumes (a dialog closed) restyle."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_unmount(self) -> None:
        self._unsubscribe()

    def _session_changed(self) -> None:
        if self.is_attached:
            self._refresh_rail()
            self.query_one("#workshop-title", RtlText).text = self.workshop.meta.title
            self.query_one(InboxPanel).refresh_entries()

    def _refresh_rail(self) -> None:
        self._fill_rail(self.query_one(StepRail))

    def _fill_rail(self, rail: StepRail) -> None:
        workshop = self.workshop
        rail.current = self.STEP
        rail.done = frozenset(s for s in STEP_IDS if step_done(workshop, s))
        rail.open_findings = {step: len(found) for step, found in findings_by_step(workshop).items()}

    def watch_show_guidance(self, show: bool) -> None:
        if self.is_mounted:
            self.query_one("#guidance").display = show

    # ------------------------------------------------------------------ edits

    def edit(self, change: Callable[[Workshop], object]) -> object:
        """Apply an edit through the session; tells the user instead of failing when read-only or invalid."""
        made, result = guarded_edit(self, self.ui, lambda: self.session.edit(change))
        if made:
            self.refresh_work()
        return result

    # ------------------------------------------------------------------ actions

    def type_ahead(self, character: str) -> bool:
        """A key typed on a list while the form it started is still opening goes into that form
        (keys of a burst reach the list before the form has the focus); True when it did."""
        form = self._typed_form
        if form is not None and form in self.app.screen_stack:
            form.type_ahead(character)  # type: ignore[attr-defined]
            return True
        return False

    def push_typed_form(self, form: Screen, callback) -> None:  # type: ignore[no-untyped-def, type-arg]
        """Open the form a typed key started (a new goal, body…); later keys follow it there."""
        self._typed_form = form
        self.app.push_screen(form, callback=callback)

    def _go(self, step: str) -> None:
        hold_paint(self.app)  # the next step screen paints once, filled
        self.dismiss(Nav("step", step))

    def action_next_step(self) -> None:
        index = STEP_IDS.index(self.STEP)
        if index + 1 < len(STEP_IDS):
            self._go(STEP_IDS[index + 1])

    def action_previous_step(self) -> None:
        index = STEP_IDS.index(self.STEP)
        if index > 0:
            self._go(STEP_IDS[index - 1])

    def action_jump(self) -> None:
        def chosen(step: str | None) -> None:
            if step and step != self.STEP:
                self._go(step)

        from workshop.tui.screens.dialogs import JumpScreen  # dialogs load on first use

        self.app.push_screen(JumpScreen(self.ui, self.STEP), callback=chosen)

    def action_help(self) -> None:
        from workshop.tui.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen(self.ui, self.STEP, self.help_bindings()))

    def help_bindings(self) -> dict[str, ActiveBinding]:
        """Every key of this step for F1: what is active now, then the keys of each list on the
        screen (item keys work once a list has focus, so they are listed even when it has none)."""
        found: dict[str, ActiveBinding] = dict(self.active_bindings)
        for node in self.query("ItemList, RowList, DataTable"):
            for key, bindings in node._bindings.key_to_bindings.items():
                for binding in bindings:
                    if node.check_action(binding.action.split("(")[0], ()) is False:
                        continue  # e.g. dots on a list nobody votes on
                    found.setdefault(f"{key}/{binding.id}", ActiveBinding(node, binding, True, binding.tooltip))
        return found

    @dataclass
    class GuidanceToggled(Message):
        """The facilitator showed or hid the guidance (the app remembers it for every step)."""

        show: bool

    def action_toggle_guidance(self) -> None:
        self.show_guidance = not self.show_guidance
        self.post_message(self.GuidanceToggled(self.show_guidance))

    def action_undo(self) -> None:
        if self.session.read_only:
            return
        restored = self.session.undo_delete()
        if restored is None:
            self.notify(self.ui.text("app.nothing_to_undo"))
        else:
            self.refresh_work()
            self.notify(self.ui.text("app.undone"))

    def action_home(self) -> None:
        self.dismiss(Nav("home"))

    def action_switch_language(self) -> None:
        self.dismiss(Nav("language", self.STEP))

    def action_present(self) -> None:
        """The projector layout of this step, on this screen (F3 or Escape comes back)."""
        from workshop.tui.screens.present import PresentScreen

        session = self.session
        self.app.push_screen(
            PresentScreen(self.ui, lambda: session.workshop, lambda: (session.version, session.workshop.last_step))
        )

    def action_agenda(self) -> None:
        """Planned against used time for every step, timeboxes and dots (F4 or Escape comes back)."""
        from workshop.tui.screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(self.session, self.ui))

    def action_notes(self) -> None:
        """The facilitator's private notes on this step (F7; never projected, never for participants)."""
        from workshop.tui.screens.notes import NotesScreen

        self.app.push_screen(NotesScreen(self.session, self.ui, self.STEP))

    def action_room(self) -> None:
        """Participants' phones: open or close the room, its QR code, who joined (F5)."""
        from workshop.tui.screens.room import RoomScreen

        self.app.push_screen(RoomScreen(self.app.room, self.session, self.ui))  # type: ignore[attr-defined]

    def action_inbox(self) -> None:
        """To the inbox of what phones sent for this step (F6)."""
        if not self.query_one(InboxPanel).focus_list():
            self.notify(self.ui.text("room.inbox.empty"))

    @on(StepTimer.Expired)
    def _timebox_over(self) -> None:
        self.notify(self.ui.text("timer.over"), severity="warning", timeout=8)
