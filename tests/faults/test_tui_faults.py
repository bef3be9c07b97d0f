"""User text is never markup in the app; a save that fails is said, and quitting then keeps the words."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from workshop.core.model import Item, Meta, Workshop
from workshop.core.service import Workshops
from workshop.tui.app import make_app
from appkit import ENV, notified, painted, settled

MARKUP_TITLES = ["Plan [/b]", "Budget review [draft] v2", "Eastbrook [/draft]", "[bold red]x[/] [link=file:///x]y"]


@pytest.mark.parametrize("title", MARKUP_TITLES)
async def test_markup_in_a_title_is_shown_as_typed(title: str, make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).add(Workshop(meta=Meta(title=title)))
    app = make_app(make_config(), environ=ENV)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("DataTable")
        assert title in str(table.get_row_at(0)[0])
        app.notify(title)  # a message naming the workshop
        await pilot.pause()
    app = make_app(make_config(open_ref=workshop.id, step="needs"), environ=ENV)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert title in painted(app)


async def test_the_presenter_shows_a_markup_title(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).add(Workshop(meta=Meta(title="Eastbrook [/draft]")))
    app = make_app(make_config(open_ref=workshop.id, present=True, read_only=True), environ=ENV)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Eastbrook [/draft]" in painted(app)


async def test_an_unknown_ref_with_markup_is_one_message(make_config) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(open_ref="[/x]"), environ=ENV)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert notified(app, "[/x]")


def test_every_static_is_plain() -> None:
    """Screens import Static from widgets.plain: a new screen cannot bring markup back by accident."""
    import pkgutil
    import importlib

    import workshop.tui as tui

    for module in pkgutil.walk_packages(tui.__path__, "workshop.tui."):
        loaded = importlib.import_module(module.name)
        for name in ("Static", "Label"):
            found = getattr(loaded, name, None)
            if found is not None and module.name != "workshop.tui.widgets.plain":
                assert found.__module__ == "workshop.tui.widgets.plain", f"{module.name}.{name}"
    assert Static("[/b]")._render_markup is True  # Textual's own default, which the screens avoid


@pytest.mark.parametrize("background", [False, True], ids=["flush", "background"])
async def test_quitting_while_saves_fail_warns_then_rescues(make_config, data_dir: Path, monkeypatch, background: bool) -> None:  # type: ignore[no-untyped-def]
    """A save that fails is said, whether `flush` wrote it or the session's worker thread (the
    debounced save); the first ctrl+q warns, the second keeps the words in a rescue copy."""
    import threading

    from appkit import wait_until

    workshop = Workshops.at(data_dir).add(Workshop(meta=Meta(title="Full disk")))
    app = make_app(make_config(open_ref=workshop.id, step="needs"), environ=ENV)
    threads: list[str] = []

    def full(path, data, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        raise OSError(28, "No space left on device")

    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)  # the start's own save is written: the next write is the worker's (or flush's)
        monkeypatch.setattr("workshop.core.store.atomic_write_bytes", full)
        assert app.session is not None
        app.session.edit(lambda w: w.needs.accomplish.append(Item(text="only in memory")))
        if background:
            said = lambda: notified(app, "could not be saved to")  # noqa: E731
            await wait_until(pilot, said, what="the notice")
            assert threads[0] == "workshop-writer", threads
            assert app.session.dirty and app.session.save_error is not None
        else:
            app.session.flush()
        await quit_twice_on_a_full_disk(pilot, monkeypatch)
    assert "workshop restore" in app.exit_message
    kept = Path(app.exit_message.split("kept as ")[1].split(". ")[0])
    assert b"only in memory" in kept.read_bytes()


async def quit_twice_on_a_full_disk(pilot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """ctrl+q with unsaved words only warns; the second keeps them in a rescue copy (the workshops
    folder still full, the rescue folder writable: another disk in real life)."""
    from workshop.core.storage.atomic import write_bytes

    await pilot.press("ctrl+q")
    await pilot.pause()
    assert pilot.app.is_running, "the first ctrl+q must not drop unsaved words"
    assert notified(pilot.app, "could not be saved")
    monkeypatch.undo()

    def full_for_workshops(path, data, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).parent.name == "workshops":
            raise OSError(28, "No space left on device")
        return write_bytes(path, data, **kwargs)

    monkeypatch.setattr("workshop.core.store.atomic_write_bytes", full_for_workshops)
    await pilot.press("ctrl+q")
    await pilot.pause()


async def test_home_export_never_overwrites(make_config, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json
    import stat

    workshops = Workshops.at(data_dir)
    for place in ("first", "second"):
        workshops.add(Workshop(meta=Meta(title="Same title", place=place)))
    app = make_app(make_config(), environ=ENV)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.press("down", "x")
        await pilot.press("up", "x")  # the first one again: a third file, not over the first
        await pilot.pause()
    files = sorted((tmp_path / "exports").iterdir())
    assert [f.name for f in files] == [
        "same-title-facilitator-en-2.json", "same-title-facilitator-en-3.json", "same-title-facilitator-en.json",
    ]
    places = sorted(json.loads(f.read_text())["meta"]["place"] for f in files)
    assert places == ["first", "first", "second"] or places == ["first", "second", "second"]
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)  # phones, e-mails, notes
