"""One frame per step change: hold the terminal's updates while one step screen gives way to the next.

Textual pops a screen, resumes the one below, pushes the next, composes it, mounts its rows
and settles focus, painting after each (four frames, ~25 KB at 80x24). Holding updates from
the moment a step screen is left until the next one is filled leaves one frame. The first step
screen of a start is held the same way (Textual's own start batch ends before its lists settle).

While updates are held a step screen does not render at all (`StepScreen._compositor_refresh`):
Textual would render it after every layout and throw the render away (`App._display` returns while
held), and the parts it painted then were missing from the next frame. Released, the screen is laid
out and painted whole, once.
"""

from __future__ import annotations

from textual.app import App

#: Never hold the screen longer than this, whatever goes wrong in between (seconds).
HOLD_LIMIT = 3.0
_HOLDING = "_workshop_paint_held"
_SETTLING = "_workshop_paint_settling"


def hold_paint(app: App[object], *, at_start: bool = False) -> None:
    """Paint nothing until `release_paint` (or HOLD_LIMIT); holding twice is holding once.
    `at_start`: the app's first screen, before Textual counts the app as running."""
    if getattr(app, _HOLDING, False) or not (app.is_running or at_start):
        return
    setattr(app, _HOLDING, True)
    app._begin_batch()  # Textual's batch_update, open across messages
    app.set_timer(HOLD_LIMIT, lambda: release_paint(app))


def release_paint(app: App[object]) -> None:
    """Paint again: the current screen is laid out and painted whole, once."""
    if not getattr(app, _HOLDING, False):
        return
    setattr(app, _HOLDING, False)
    app._end_batch()
    # Painted whole at the screen's next update, one frame (it rendered nothing while held), laid
    # out first only if something changed since the last layout.
    app.screen.refresh()


def release_when_settled(app: App[object]) -> None:
    """Release once the current screen is filled, laid out and settled.

    Waits for the screen to go idle (its rows mounted), then lays it out while still held, as
    often as the layout keeps changing (a list that overflows gets a scrollbar, which re-wraps
    its rows), waiting for the widgets to settle after each pass; then paints once.
    """
    if not getattr(app, _HOLDING, False) or getattr(app, _SETTLING, False):
        return
    setattr(app, _SETTLING, True)
    app.screen.call_after_refresh(_settle, app, MAX_LAYOUTS)


#: Layout passes tried while held before painting whatever there is.
MAX_LAYOUTS = 4


def _settle(app: App[object], passes: int) -> None:
    screen = app.screen
    if not getattr(app, _HOLDING, False):
        setattr(app, _SETTLING, False)
        return
    if passes <= 0 or (passes < MAX_LAYOUTS and not screen._layout_required):
        setattr(app, _SETTLING, False)
        release_paint(app)
        return
    screen._layout_required = False
    screen._refresh_layout()  # no output while held: sizes settle before the one frame
    screen.call_after_refresh(_settle, app, passes - 1)
