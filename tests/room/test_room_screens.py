"""The facilitator's side by keys: the inbox on the step, and lock, remove, reveal in the room (F5)."""

from __future__ import annotations

from pathlib import Path

from workshop.core.model import RoomDevice
from workshop.core.room import inbox
from workshop.core.service import Workshops
from workshop.tui.app import make_app

from appkit import ENV


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
