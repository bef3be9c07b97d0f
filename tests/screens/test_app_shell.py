"""The shell: home screen actions, a second writer, a damaged file, language switch, resume."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from workshop.tui.app import make_app
from workshop.tui.screens.dialogs import ReadOnlyChoice
from workshop.tui.screens.home import HomeScreen
from workshop.core.service import Workshops
from appkit import ENV, wait_until



async def test_create_from_home_then_resume_where_left(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Youth coalition", "tab", *"2026-12-01", "tab", *"Irbid", "tab", *"Huda")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen"
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # needs, readiness, swot
        await pilot.pause()
        assert type(app.screen).__name__ == "SwotScreen"
        await pilot.press("ctrl+q")
    [summary] = Workshops.at(data_dir).summaries()
    saved = Workshops.at(data_dir).load(summary["id"])
    assert (saved.meta.title, str(saved.meta.date), saved.meta.place, saved.meta.facilitator) == (
        "Youth coalition",
        "2026-12-01",
        "Irbid",
        "Huda",
    )
    assert saved.last_step == "swot"

    app = make_app(make_config(open_ref="Youth coalition"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "SwotScreen"


async def test_duplicate_and_archive(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    Workshops.at(data_dir).create("Original", "en")
    app = make_app(make_config(), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        titles = sorted(s["title"] for s in Workshops.at(data_dir).summaries())
        assert titles == ["Copy of Original", "Original"]
        await pilot.press("a")
        await pilot.pause()
        assert len(Workshops.at(data_dir).summaries()) == 1
        assert len(Workshops.at(data_dir).summaries(include_archived=True)) == 2


async def test_second_writer_is_offered_read_only(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Busy", "en")
    holder = workshops.store.lock(workshop.id)  # another window has it open
    try:
        app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ReadOnlyChoice)
            button = app.screen.query_one("#open-read-only", Button)
            assert button.content_size.height >= 1, "the read-only button's label is shown"
            assert "Open read-only" in str(button.render())
            await pilot.click("#open-read-only")
            await pilot.pause()
            assert app.session is not None and app.session.read_only
            await pilot.press(*"not saved", "enter")
            await pilot.pause()
            notices = [n.message for n in app._notifications]
        assert any("read-only" in message for message in notices)
        assert Workshops.at(data_dir).load(workshop.id).swot == []
    finally:
        holder.release()


async def test_damaged_file_is_set_aside_and_named(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    good = workshops.create("Good one", "en")
    bad = workshops.create("Damaged one", "en")
    path = workshops.store.path_of(bad.id)
    path.write_bytes(b'{"workshop": {"1": {"schema_version": 1, "meta": {"tit')
    app = make_app(make_config(), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notices = " ".join(n.message for n in app._notifications)
        assert isinstance(app.screen, HomeScreen)
    assert bad.id in notices
    assert [s["id"] for s in Workshops.at(data_dir).summaries()] == [good.id]
    kept = list((data_dir / "corrupt").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b'{"workshop"')


async def test_language_switch_keeps_the_step_and_the_words(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Bilingual", "en")
    app = make_app(make_config(open_ref=workshop.id, step="needs"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Healthier children", "enter")
        await pilot.press("f2")
        await pilot.pause()
        assert app.ui.language == "ar"
        assert type(app.screen).__name__ == "NeedsScreen"
        assert app.screen.has_class("-rtl")
        await pilot.press("f2")
        await pilot.pause()
        assert app.ui.language == "en"
    assert [i.text for i in Workshops.at(data_dir).load(workshop.id).needs.accomplish] == ["Healthier children"]
    from workshop.core.settings import load_settings

    assert load_settings(data_dir).language == "en"


async def test_hidden_guidance_stays_hidden_on_the_next_step(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Roomy", "en")
    app = make_app(make_config(open_ref=workshop.id, step="needs"), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#guidance").display
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not app.screen.query_one("#guidance").display
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReadinessScreen"
        assert not app.screen.query_one("#guidance").display


async def test_a_toast_shows_its_lines_as_wrapped_no_second_wrap(make_config) -> None:  # type: ignore[no-untyped-def]
    """A long path in a toast: the app wraps it to the toast's width once; Textual must not break
    its lines again (at 80 columns a path broke into a lone "-" line)."""
    from textual.widgets._toast import Toast

    path = "/tmp/walkexp/eastbrook-healthy-start-coalition-founding-workshop-participants-en.pdf"
    for width in (80, 81, 120, 200):
        app = make_app(make_config(), environ=ENV)
        async with app.run_test(size=(width, 30), notifications=True) as pilot:
            await pilot.pause()
            app.notify(f"Written: {path}", timeout=30)
            await wait_until(pilot, lambda: bool(app.screen.query(Toast)) and app.screen.query_one(Toast).size.height > 0, what="the toast")
            toast = app.screen.query_one(Toast)
            shown = str(toast.render()).splitlines()
            assert toast.size.height == len(shown), (width, shown)
            assert "".join(line.strip() for line in shown) == f"Written:{path}"


async def test_the_collector_resumes_after_the_first_frame(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """`workshop` starts with Python's cycle collector paused (workshop/__main__.py); the app resumes
    it once its first screen is painted, as `run_app` asks when it finds it paused."""
    import gc

    workshop = Workshops.at(data_dir).create("Roomy", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    app.resume_collector = True
    gc.disable()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, gc.isenabled, what="the collector resuming")
            assert type(app.screen).__name__ == "SwotScreen"
    finally:
        gc.enable()


async def test_a_screens_css_file_is_parsed_once_into_the_same_rules(make_config, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Setup's setup.tcss joins the app's stylesheet without Textual's `reparse` (every source parsed
    again, ~20 ms of a start): the rules, in their order, are those a reparse gives; a later screen's
    file (structure.tcss) joins the same way."""
    from textual.css.stylesheet import Stylesheet

    reparsed: list[object] = []
    original = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: (reparsed.append(self), original(self))[1])
    app = make_app(make_config(demo=True, step="setup"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g", *"10", "enter")  # goals: structure.tcss
        await wait_until(pilot, lambda: type(app.screen).__name__ == "GoalsScreen", what="the goals screen")
        assert not reparsed
        sources = [key for key, _source in app.stylesheet.source.items() if key[0].endswith(".tcss")]
        assert [Path(path).name for path, _ in sources] == ["app.tcss", "setup.tcss", "structure.tcss"]

        def rules() -> list[tuple[object, ...]]:
            return [
                (repr(rule.selector_set), repr(rule.styles._rules), rule.tie_breaker, rule.is_default_rules)
                for rule in app.stylesheet.rules
            ]

        ours = rules()
        original(app.stylesheet)
        assert rules() == ours
