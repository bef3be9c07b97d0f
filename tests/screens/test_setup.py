"""Setup by keys: fields saved as typed, a bad date refused, approach slider, stage, participants with undo."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import Select, Static

from workshop.tui.app import make_app
from workshop.tui.screens.setup import ApproachSlider
from workshop.core.service import Workshops
from appkit import ENV, settled



def stored(data_dir: Path, workshop_id: str):  # type: ignore[no-untyped-def]
    return Workshops.at(data_dir).load(workshop_id)


async def test_fields_date_approach_stage_by_keys(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="setup"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*" 2025")  # appended to the title: fields do not select all on focus
        await pilot.press("tab", "ctrl+u", *"2025-02-30")  # a new workshop is dated today: replace it
        await settled(pilot)
        message = str(app.screen.query_one("#setup-message", Static).render())
        assert "is not a date" in message
        assert stored(data_dir, workshop.id).meta.date is None  # emptied, then refused: not stored
        await pilot.press("ctrl+u", *"2025-03-14")
        await pilot.press("tab", *"Amman", "tab", *"Huda")
        await settled(pilot)  # saved as typed, without leaving the field
        saved = stored(data_dir, workshop.id)
        assert (saved.meta.title, saved.meta.date, saved.meta.place, saved.meta.facilitator) == (
            "Child health 2025",
            dt.date(2025, 3, 14),
            "Amman",
            "Huda",
        )
        assert str(app.screen.query_one("#setup-message", Static).render()) == ""
        await pilot.press("tab")
        assert isinstance(app.focused, ApproachSlider)
        await pilot.press("right", "right", "right", "left")
        await pilot.press("tab")
        assert isinstance(app.focused, Select)
        await pilot.press("enter", "down", "enter")
        await settled(pilot)
        saved = stored(data_dir, workshop.id)
        assert saved.meta.approach == 70
        assert saved.meta.stage == "formation"


async def test_empty_title_is_refused(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Kept", "en")
    app = make_app(make_config(open_ref=workshop.id, step="setup"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+u", "enter")
        await settled(pilot)
        assert "needs a title" in str(app.screen.query_one("#setup-message", Static).render())
        assert stored(data_dir, workshop.id).meta.title == "Kept"


async def test_participants_quick_add_delete_undo(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="setup"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#participants .capture").focus()
        await pilot.press(*"Mona Haddad, Youth Forum, community", "enter")
        await pilot.press(*"Sami Odeh, Clinic, Pub", "enter")  # unique start of a sector name
        await pilot.press(*"Rana, Radio Balad, wizard", "enter")  # unknown sector: kept without one
        await pilot.press(*",,", "enter")  # no name: refused
        await settled(pilot)
        saved = stored(data_dir, workshop.id)
        assert [(p.name, p.organisation, p.sector) for p in saved.participants] == [
            ("Mona Haddad", "Youth Forum", "community"),
            ("Sami Odeh", "Clinic", "public"),
            ("Rana", "Radio Balad", None),
        ]
        await pilot.press("down", "delete")  # delete Mona
        await settled(pilot)
        assert [p.name for p in stored(data_dir, workshop.id).participants] == ["Sami Odeh", "Rana"]
        await pilot.press("ctrl+z")
        await settled(pilot)
        assert [p.name for p in stored(data_dir, workshop.id).participants] == ["Mona Haddad", "Sami Odeh", "Rana"]
        await pilot.press("ctrl+e", "ctrl+u", *"Sami Odeh, Municipal clinic, public", "enter")  # highlight stayed on Sami
        await settled(pilot)
        second = stored(data_dir, workshop.id).participants[1]
        assert (second.name, second.organisation, second.sector) == ("Sami Odeh", "Municipal clinic", "public")


async def test_arabic_slider_is_mirrored(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("ورشة", "ar")
    app = make_app(make_config(open_ref=workshop.id, step="setup", language="ar", rtl="app"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one(ApproachSlider).focus()
        await pilot.press("left", "left")  # left is towards empowerment when the scale is mirrored
        await settled(pilot)
        assert stored(data_dir, workshop.id).meta.approach == 70
        assert app.screen.has_class("-rtl")


async def test_the_title_is_focused_first_the_form_never(make_config, data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Entering Setup focuses the title field directly. Textual's auto-focus gave the focus to the
    form's scroll container first; its focus and blur restyled the whole form (~75 ms a start, #17).
    Read-only, the form is focused as before (its fields are disabled): the arrows scroll it."""
    from textual.screen import Screen

    focused: list[str] = []
    set_focus = Screen.set_focus

    def recorded(screen, widget, *args, **kwargs):  # type: ignore[no-untyped-def]
        focused.append(widget.id if widget is not None else None)
        return set_focus(screen, widget, *args, **kwargs)

    monkeypatch.setattr(Screen, "set_focus", recorded)
    workshop = Workshops.at(data_dir).create("Child health", "en")
    for read_only, first in ((False, "meta-title"), (True, "setup-form")):
        focused.clear()
        app = make_app(make_config(open_ref=workshop.id, step="setup", read_only=read_only), environ=ENV)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.screen.focused is not None and app.screen.focused.id == first
        assert focused[0] == first and ("setup-form" in focused) == read_only, focused




@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (installed by .ci/run)")
def test_participants_typed_in_a_terminal_are_on_screen_at_80x24(data_dir: Path) -> None:
    """In tmux at 80x24, typed a key at a time: Setup's participants list sits at the scrolling
    form's fold, and the second participant typed in was stored but added below the fold, so the
    facilitator never saw it (a Pilot run, which settles between keys, happened to scroll it into
    view). The row just added is brought on screen by every container around the list."""
    workshop = Workshops.at(data_dir).create("Child health", "en")
    socket = f"setup-{os.getpid()}-{time.monotonic_ns()}"
    tmux = ["tmux", "-L", socket, "-f", os.devnull]
    command = ["env", f"WORKSHOP_DATA_DIR={data_dir}", sys.executable, "-m", "workshop"]
    subprocess.run([*tmux, "new-session", "-d", "-x", "80", "-y", "24", *command, "open", workshop.id, "--step", "setup"], check=True)

    def screen() -> str:
        return subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=True).stdout

    def wait_for(text: str) -> None:
        end = time.monotonic() + 60
        while text not in screen():
            assert time.monotonic() < end, f"{text!r} is not on screen:\n{screen()}"
            time.sleep(0.05)

    try:
        wait_for("Facilitator")
        for _ in range(6):  # from the title, through the form, to the participants' field, at a person's pace
            subprocess.run([*tmux, "send-keys", "Tab"], check=True)
            time.sleep(0.3)
        for line, shown in (
            ("Amal Haddad, Youth Centre, community", "Amal Haddad, Youth Centre, Community organisation"),
            ("Ben Ito, City Council, public", "Ben Ito, City Council, Public sector"),
        ):
            for key in line:
                subprocess.run([*tmux, "send-keys", "-l", key], check=True)
                time.sleep(0.03)
            subprocess.run([*tmux, "send-keys", "Enter"], check=True)
            wait_for(shown)
            wait_for("Name, Organisation, sector")  # the field, emptied, is on screen too
        subprocess.run([*tmux, "send-keys", "C-q"], check=True)
        end = time.monotonic() + 60
        while subprocess.run([*tmux, "has-session"], capture_output=True).returncode == 0:  # until the app has quit
            assert time.monotonic() < end, "the app did not quit"
            time.sleep(0.05)
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)
    assert [p.name for p in Workshops.at(data_dir).load(workshop.id).participants] == ["Amal Haddad", "Ben Ito"]


async def test_keys_behind_a_tab_go_to_the_field_it_moves_to(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A burst (a slow SSH link, a fast typist): Tab, Tab, then "Town hall" as one delivery.
    Textual ran the screen's Tab only once the key came back up from the field it was leaving, so
    the letters behind it went into that field: the title became "Child healthTown hall" (seen in
    tmux, each key its own `send-keys`). Tab now moves the focus before the next key is passed on."""
    from textual import events
    from textual.widgets import Input

    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="setup"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#meta-title", Input)
        for key, character in [("tab", "\t"), ("tab", "\t")] + [(c if c != " " else "space", c) for c in "Town hall"]:
            app.post_message(events.Key(key, character))  # all queued at once, as a burst arrives
        await settled(pilot)
        assert app.focused is app.screen.query_one("#meta-place", Input)
    meta = stored(data_dir, workshop.id).meta
    assert (meta.title, meta.place) == ("Child health", "Town hall")
