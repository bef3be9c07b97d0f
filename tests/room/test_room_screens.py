"""The facilitator's side by keys: the inbox on the step, and lock, remove, reveal in the room (F5)."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from workshop.core.model import RoomDevice
from workshop.core.room import inbox
from workshop.core.service import Workshops
from workshop.tui.app import make_app
from workshop.tui.screens.evaluation import EvaluationScreen

from appkit import ENV, settled, wait_until


def stored(data_dir: Path, workshop_id: str):  # type: ignore[no-untyped-def]
    return Workshops.at(data_dir).load(workshop_id)


def phone_sends(app, texts: list[tuple[str, str]], name: str = "Amal"):  # type: ignore[no-untyped-def]
    """What the server does for a phone's post: a device, then entries through the session."""
    session = app.session
    device = RoomDevice(token_hash="0" * 64, name=name)
    session.edit(lambda w: w.room.devices.append(device))
    for n, (target, text) in enumerate(texts):
        session.edit(lambda w, t=target, x=text, c=str(n): inbox.submit(w, device, c, t, x, anonymous="anonymous"))
    app._room_changed()
    return device


async def test_inbox_accept_edit_merge_reject_by_keys(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", *"Floods", "enter")  # the facilitator's own threat, to merge into
        phone_sends(
            app,
            [("swot.strength", "youth clubs"), ("swot.weakness", "no bus"), ("swot.threat", "flooding"), ("swot.threat", "spam")],
        )
        await pilot.pause()
        assert app.screen.query_one("#inbox").display
        await pilot.press("f6", "enter")  # accept "youth clubs"
        await pilot.press("ctrl+e")  # edit "no bus", then accept
        await pilot.pause()
        await pilot.press("end", *" at night", "enter")
        await pilot.pause()
        await pilot.press("ctrl+k")  # merge "flooding" into "Floods"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("delete")  # reject "spam"
        await pilot.pause()
        assert not app.screen.query_one("#inbox").display
        await pilot.press(*"typing still types")
        app.save_now()
    saved = stored(data_dir, workshop.id)
    assert [(i.kind, i.text, i.author) for i in saved.swot] == [
        ("threat", "Floods; flooding", ""),
        ("strength", "youth clubs", "Amal"),
        ("weakness", "no bus at night", "Amal"),
    ]
    assert [e.status for e in saved.room.inbox] == ["accepted", "accepted", "merged", "rejected"]


async def test_letters_typed_on_the_inbox_go_back_to_the_field(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Typing always types: a sentence typed after F6 accepts, rejects or merges nothing."""
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        phone_sends(app, [("swot.threat", "flooding")])
        await pilot.pause()
        await pilot.press(*"Bus ")
        field = app.focused
        await pilot.press("f6", *"axe merged", "enter")
        await pilot.pause()
        assert app.focused is field
        app.save_now()
    saved = stored(data_dir, workshop.id)
    assert [i.text for i in saved.swot] == ["Bus axe merged"]
    assert [e.status for e in saved.room.inbox] == ["pending"]


async def test_room_lock_remove_reveal_by_keys(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        device = phone_sends(app, [], name="Sami")
        app.room.port = 0  # any free port: tests never collide
        await pilot.press("f5")
        await pilot.pause()
        screen = app.screen
        screen.addresses = ["127.0.0.1"]
        await screen.recompose()
        await pilot.press("o")  # open on the highlighted address: 127.0.0.1
        await pilot.pause()
        server = app.room.server
        assert server is not None and server.is_open and server.host == "127.0.0.1"
        assert server.url in str(screen.query_one("#room-url").render())
        await pilot.press("l")
        assert server.locked
        code = server.code
        await pilot.press("c")
        assert server.code != code or len(code) == 6
        await pilot.press("r", "a", "plus")
        await pilot.press("d")  # remove the highlighted phone (Sami)
        await pilot.pause()
        app.save_now()
        saved = stored(data_dir, workshop.id)
        assert saved.room.reveal_votes and saved.room.auto_accept and saved.room.max_per_item == 3
        assert [d.removed for d in saved.room.devices if d.id == device.id] == [True]
        await pilot.press("o")  # close the room
        await pilot.pause()
        assert app.room.server is None


async def test_phones_answers_show_on_the_readiness_and_poll_screens(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from workshop.core.room import answers
    from workshop.tui.widgets.rtl_text import RtlText

    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="readiness"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        amal, sami = phone_sends(app, [], name="Amal"), phone_sends(app, [], name="Sami")
        session = app.session
        session.edit(lambda w: answers.answer(w, amal, "a", "readiness.q1", "yes"), quiet=True)
        session.edit(lambda w: answers.answer(w, sami, "s", "readiness.q1", "unsure"), quiet=True)
        app._room_changed()
        await pilot.pause()
        first = app.screen.query("#questions RtlText").first(RtlText).text
        assert "phones: 1 yes · 0 no · 1 unsure" in first
        await pilot.press("y")  # the facilitator records the group's answer: phones do not
        await settled(pilot)
        assert stored(data_dir, workshop.id).readiness["q1"].answer == "yes"

        session.edit(lambda w: setattr(w, "last_step", "export"))
        await app.push_screen(EvaluationScreen(session, app.ui))
        await pilot.pause()
        session.edit(lambda w: answers.answer(w, amal, "a2", "poll.overall", "4"), quiet=True)
        session.edit(lambda w: answers.answer(w, sami, "s2", "poll.overall", "2"), quiet=True)
        app._room_changed()
        await pilot.pause()
        stats = app.screen.query_one("#eval-question-overall .eval-stats", RtlText).text
        assert stats.startswith("2 answered") and "2:1" in stats and "4:1" in stats, stats
        await settled(pilot)
    saved = stored(data_dir, workshop.id)
    assert sorted(r.score for r in saved.evaluation.ratings) == [2, 4]


async def test_workshop_present_shows_the_join_address_and_qr_while_the_room_is_open(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from workshop.core.content import load_catalogue
    from workshop.core.room.server import RoomServer
    from workshop.core.session import Session
    from workshop.tui.widgets.join import QrCode

    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Child health", "en")
    opened = workshops.open(workshop.id)  # the facilitator's process (this one) holds the lock
    session = Session(workshops.store, opened.workshop, lock=opened.lock)
    server = RoomServer(session, load_catalogue("en"), host="127.0.0.1", port=0)
    app = make_app(make_config(open_ref=workshop.id, present=True, read_only=True), environ=ENV)

    def corner() -> str:
        return "\n".join(str(w.render()) for w in app.screen.query("#present-join Static"))

    async with app.run_test(size=(100, 30)) as pilot:
        await server.start()  # the session has no scheduler: every edit is saved at once
        await wait_until(pilot, lambda: server.url in corner(), what="the join address on the projector")
        assert f"Join from your phone · code {server.code}" in corner() and app.screen.query(QrCode)
        server.set_locked(True)  # no new phones: no invitation on the wall
        await wait_until(pilot, lambda: not app.screen.query("#present-join").first().display)
        server.set_locked(False)
        await wait_until(pilot, lambda: server.url in corner())
        opened.lock.release()  # the facilitator's app is gone (as after kill -9: the lock is free)
        await wait_until(pilot, lambda: not app.screen.query("#present-join").first().display)
        await server.stop()


def test_a_dead_writer_is_not_running(data_dir: Path) -> None:
    import json

    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Child health", "en")
    opened = workshops.open(workshop.id)
    assert workshops.writer_running(workshop.id)
    opened.lock.release()
    assert not workshops.writer_running(workshop.id)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    owner = workshops.store.locks_dir / f"{workshop.id}.owner.json"
    owner.write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname()}))
    assert not workshops.writer_running(workshop.id)  # the note a killed process left behind


def test_phones_news_waits_for_a_pause_in_the_facilitators_typing() -> None:
    from workshop.tui import room as control

    now = [0.0]
    timers: list[tuple[float, object]] = []
    drawn: list[float] = []

    class FakeApp:
        def set_timer(self, delay: float, callback: object) -> None:
            timers.append((now[0] + delay, callback))

    room = control.RoomControl(FakeApp(), lambda: drawn.append(now[0]), clock=lambda: now[0])  # type: ignore[arg-type]

    def run_until(t: float, typing: bool) -> None:
        while now[0] < t:
            now[0] = round(now[0] + 0.1, 1)
            if typing:
                room.typed()
            for due, callback in [x for x in timers if x[0] <= now[0]]:
                timers.remove((due, callback))
                callback()  # type: ignore[operator]

    room._phone_changed()
    run_until(2.0, typing=False)
    assert drawn == [1.0]  # nobody typing: one redraw a second after the change
    room._phone_changed()
    run_until(3.5, typing=True)
    assert drawn == [1.0]  # typing: it waits
    run_until(5.0, typing=False)
    assert drawn == [1.0, 4.5]  # a second after the last key
    room._phone_changed()
    run_until(12.0, typing=True)
    assert drawn == [1.0, 4.5, 10.0]  # typing on and on: at most MAX_WAIT late


async def test_with_the_room_open_the_inbox_is_one_line_that_never_moves_the_lists(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from workshop.tui.widgets.inbox import InboxList

    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await app.room.open(app.session, "127.0.0.1", 0) is None
        await pilot.pause()
        screen = app.screen
        heading = screen.query_one("#inbox-heading")
        assert screen.query_one("#inbox").display and "Nothing from the phones" in str(heading.render())
        lists_at = screen.query_one("#q-strength").region
        await pilot.press(*"flo")
        phone_sends(app, [("swot.threat", f"idea {n}") for n in range(5)])
        await pilot.pause()
        assert "Waiting from the phones: 5" in str(heading.render())
        assert not screen.query(InboxList)  # not even built until F6
        assert screen.query_one("#q-strength").region == lists_at
        await pilot.press(*"ods")  # typing still types into the field it was in
        assert isinstance(app.focused, Input) and app.focused.value == "floods"
        await pilot.press("f6")
        await pilot.pause()
        assert screen.query_one(InboxList).display and screen.query_one(InboxList).option_count == 5
        assert "Enter accept" in str(heading.render())
        await pilot.press(*["delete"] * 5)
        await pilot.pause()
        assert not screen.query_one(InboxList).display and "Nothing from the phones" in str(heading.render())
        assert isinstance(app.focused, Input) and app.focused.value == "floods"  # back where it was
        await app.room.close()


async def test_phones_news_arriving_as_the_app_closes_is_not_a_crash(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A phone's answer whose redraw comes due while the app is closing (its screens already gone)
    is dropped: it is on disk already, there is nothing left to show it on. It was a
    ScreenStackError at the end of a browser test (ctrl+q while the room is busy)."""
    workshop = Workshops.at(data_dir).create("Closing", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        phone_sends(app, [("swot.strength", "late news")])
    assert not app.screen_stack
    app._room_changed()  # what the room's redraw timer calls
    assert [e.text for e in inbox.pending(stored(data_dir, workshop.id), "swot")] == ["late news"]  # kept, waiting
