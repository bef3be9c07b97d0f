"""SWOT by keys: capture, Tab between quadrants, vote, delete and undo, move — checked on disk."""

from __future__ import annotations

from pathlib import Path

from workshop.tui.app import make_app
from workshop.core.service import Workshops
from appkit import ENV, painted, settled, wait_until



def stored(data_dir: Path, workshop_id: str):  # type: ignore[no-untyped-def]
    return Workshops.at(data_dir).load(workshop_id)


async def test_swot_session_by_keys(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshops = Workshops.at(data_dir)
    workshop = workshops.create("Child health", "en", facilitator="Huda")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Trusted clinics @Huda", "enter")
        await pilot.press(*"Mothers groups", "enter")
        await pilot.press("tab")
        await pilot.press(*"Few paediatricians", "enter")
        await pilot.press("tab", "tab")
        await pilot.press(*"Budget cuts", "enter")
        await pilot.pause()
        app.save_now()
        saved = stored(data_dir, workshop.id)
        assert [(i.kind, i.text, i.author) for i in saved.swot] == [
            ("strength", "Trusted clinics", "Huda"),
            ("strength", "Mothers groups", ""),
            ("weakness", "Few paediatricians", ""),
            ("threat", "Budget cuts", ""),
        ]

    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")  # into the strengths list, first row
        await pilot.press("f11", "f11")
        await pilot.press("down", "delete")  # delete the second strength
        await pilot.pause()
        assert [i.text for i in app.session.workshop.swot_of("strength")] == ["Trusted clinics"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [i.text for i in app.session.workshop.swot_of("strength")] == ["Trusted clinics", "Mothers groups"]
        await pilot.press("ctrl+right")  # the highlight stayed on "Trusted clinics": move it to weaknesses
        await settled(pilot)
        saved = stored(data_dir, workshop.id)
        assert saved.swot_of("strength")[0].text == "Mothers groups"
        moved = next(i for i in saved.swot if i.text == "Trusted clinics")
        assert (moved.kind, moved.votes) == ("weakness", 2)


async def test_readiness_keys_work_on_an_arabic_keyboard(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Arabic keyboard", "ar")
    app = make_app(make_config(open_ref=workshop.id, step="readiness", language="ar"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("غ", "ى", "ع")
        await pilot.pause()
        app.save_now()
    saved = stored(data_dir, workshop.id)
    assert [saved.readiness[q].answer for q in ("q1", "q2", "q3")] == ["yes", "no", "unsure"]


async def test_low_bandwidth_uses_ansi_colours_and_no_animation(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Slow link", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot", low_bandwidth=True), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "workshop-16"
        assert app.animation_level == "none"
        assert app.has_class("-low-bandwidth")
        assert app.screen.query_one("#guidance").styles.border_top[0] in ("", "none")


async def test_a_pasted_list_becomes_one_item_per_line(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from textual import events

    workshop = Workshops.at(data_dir).create("Paste a list", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.focused.post_message(events.Paste("Trusted clinics\r\n\nMothers' groups @Huda\nA radio slot\n"))  # type: ignore[union-attr]
        await pilot.pause()
        app.save_now()
    saved = stored(data_dir, workshop.id)
    assert [(i.kind, i.text, i.author) for i in saved.swot] == [
        ("strength", "Trusted clinics", ""),
        ("strength", "Mothers' groups", "Huda"),
        ("strength", "A radio slot", ""),
    ]


async def test_an_item_typed_in_is_on_screen_at_once(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """The demo's strengths fill their quadrant at 80x24: Enter adds the line at the end, and the
    list shows it (the facilitator sees what the room just said went in), in both languages."""
    for language, text in (("en", "Bus route cut"), ("ar", "قطع خط الحافلات")):
        workshop_id = Workshops.at(data_dir).demo(language)
        app = make_app(make_config(open_ref=workshop_id, step="swot", language=language), environ=ENV)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key in text:
                await pilot.press(key if key != " " else "space")
            await pilot.press("enter")
            await settled(pilot)
            assert app.session.workshop.swot_of("strength")[-1].text == text
            shown = app.screen.query_one("#q-strength").item_list
            first_line = shown.row_lines(shown.row_count - 1)[0].strip()

            def on_screen() -> bool:
                return first_line in painted(app)

            await wait_until(pilot, on_screen, timeout=10, what=f"the new row on screen ({language})")


async def test_after_a_long_line_the_empty_field_shows_its_placeholder(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A line longer than the field scrolls it; once entered (or edited), the empty field is scrolled
    back and shows its hint, not a blank box."""
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        capture = app.screen.query_one("#q-strength")
        await pilot.press(*("word " * 30).strip(), "enter")
        await settled(pilot)
        field = capture.input
        assert field.value == "" and field.scroll_offset.x == 0
        assert "Type, Enter" in "".join(segment.text for segment in field.render_line(0))


async def test_go_to_a_step_as_one_burst_never_types_into_the_step_left(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """ctrl+g 6 Enter arriving as one burst (a slow SSH link, a quick facilitator): Textual ran the
    step's ctrl+g only once the key came back up from the focused field, so "6" and Enter had
    already gone into the SWOT field: "6" was stored as a strength and the go-to list stayed open.
    The step keys now run in their key's turn: the burst goes to step 6 and nothing is added."""
    from textual import events

    from workshop.tui.screens.mission import MissionScreen

    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key, character in (("ctrl+g", None), ("6", "6"), ("enter", "\r")):
            app.post_message(events.Key(key, character))  # queued at once, as a burst arrives
        await wait_until(pilot, lambda: isinstance(app.screen, MissionScreen), what="the mission step")
        await settled(pilot)
        assert app.session.workshop.swot == []
    assert Workshops.at(data_dir).load(workshop.id).swot == []


async def test_words_typed_right_after_ctrl_n_go_to_the_next_step(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """ctrl+n and "Bus" as one burst: the words went into the SWOT field being left (kept there as
    its draft); with ctrl+n run in its key's turn, "B" then reached the next step before anything
    on it had the focus and was lost ("us"). All of it goes to the next step's field."""
    from textual import events

    from workshop.tui.screens.mapping import MappingScreen

    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="swot"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key, character in [("ctrl+n", None)] + [(c, c) for c in "Bus"]:
            app.post_message(events.Key(key, character))  # queued at once, as a burst arrives
        await wait_until(pilot, lambda: isinstance(app.screen, MappingScreen), what="the next step")
        await settled(pilot)
        assert app.session.workshop.drafts == {"mapping.trends": "Bus"}
