"""Structure by keys: default bodies, members from partners, roles, delegates, findings — checked on disk."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox

from workshop.tui.app import make_app
from workshop.core.model import Meta, Participant, Partner, Workshop, workshop_to_dict
from workshop.tui.screens.structure import FormDialog, PickMemberDialog, StructureScreen
from workshop.core.service import Workshops
from workshop.tui.widgets.rtl_text import RtlText
from appkit import ENV, settled



def stored(data_dir: Path, workshop_id: str) -> Workshop:
    return Workshops.at(data_dir).load(workshop_id)


def seed(data_dir: Path, language: str = "en") -> Workshop:
    workshop = Workshop(
        meta=Meta(title="Child health", language=language),
        partners=[
            Partner(organisation="Parents' Association", sector="community", contact_person="Amina"),
            Partner(organisation="Health Department", sector="public"),
        ],
        participants=[Participant(name="Omar", organisation="Youth Club", sector="community")],
    )
    Workshops.at(data_dir).store.save(workshop_to_dict(workshop))
    return workshop


async def test_default_bodies_and_members_by_keys(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="structure"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StructureScreen)
        assert "no strategic committee" in screen.query_one("#findings-text", RtlText).text
        await pilot.press("ctrl+f")
        await pilot.press("ctrl+f")  # a second time changes nothing
        await pilot.pause()
        app.save_now()
        saved = stored(data_dir, workshop.id)
        assert [c.kind for c in saved.structure.committees] == [
            "strategic", "executive", "work-group", "work-group", "work-group", "staff"
        ]
        assert saved.structure.committees[0].cadence.startswith("Meets quarterly")
        assert saved.structure.committees[1].cadence.startswith("Meets monthly")

        await pilot.press("ctrl+k")  # add a member to the strategic committee
        await pilot.pause()
        assert isinstance(app.screen, PickMemberDialog)
        await pilot.press("enter")  # Amina, member, official delegate
        await pilot.press("ctrl+k")
        await pilot.pause()
        # the delegate box's words say its state (its X is drawn either way, only its colour changes)
        official = app.screen.query_one("#pick-official", Checkbox)
        assert str(official.label).endswith("yes (o: no)")
        await pilot.press("o")
        assert str(official.label).endswith("no (o: yes)") and not official.value
        await pilot.press("down", "enter")  # Omar (Amina is already seated), not an official delegate
        await pilot.pause()
        await pilot.press("tab")  # into the members list
        await pilot.press("up", "ctrl+r")  # the new member is highlighted; up to Amina: member -> staff
        await pilot.pause()
        app.save_now()
        members = stored(data_dir, workshop.id).structure.committees[0].members
        assert [(m.name, m.role, m.official_delegate, m.sector) for m in members] == [
            ("Amina", "staff", True, "community"),
            ("Omar", "member", False, "community"),
        ]
        assert members[0].partner_id == workshop.partners[0].id
        assert members[1].participant_id == workshop.participants[0].id
        findings = screen.query_one("#findings-text", RtlText).text
        assert "Omar is not an official delegate" in findings
        assert "official delegates with authority" in findings  # the manual's reason
        assert "strategic-community" not in findings

        await pilot.press("down", "delete")  # remove Omar, then undo
        await pilot.pause()
        assert len(app.session.workshop.structure.committees[0].members) == 1
        await pilot.press("ctrl+z")
        await settled(pilot)
        assert len(stored(data_dir, workshop.id).structure.committees[0].members) == 2


async def test_new_body_and_edit_by_form(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="structure"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("tab", *"Finance group", "tab", "tab", *"Spending up to 500", "enter")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        # the cadence holds the kind's default sentence; typing goes after it (no select-all), ctrl+u empties it
        await pilot.press("tab", "tab", "ctrl+u", *"Monthly", "enter")
        await settled(pilot)
        body = stored(data_dir, workshop.id).structure.committees[0]
        assert (body.kind, body.name, body.cadence, body.decision_authority) == (
            "work-group", "Finance group", "Monthly", "Spending up to 500"
        )
        await pilot.press("delete")
        await settled(pilot)
        assert stored(data_dir, workshop.id).structure.committees == []


async def test_demo_structure_shows_the_manuals_findings_in_arabic(make_config) -> None:  # type: ignore[no-untyped-def]
    app = make_app(make_config(demo=True, step="structure", language="ar"), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StructureScreen)
        assert len(app.session.workshop.structure.committees) == 6
        await pilot.press("down")  # the executive committee
        await pilot.pause()
        text = screen.query_one("#findings-text", RtlText).text
        assert text and any("\u0600" <= ch <= "\u06ff" for ch in text)


async def test_demo_structure_at_80x24_marks_what_is_cut_and_shows_the_findings(make_config) -> None:  # type: ignore[no-untyped-def]
    """At 80x24 the body's decision line, cut by its height, ends in '…' (English) or starts with it
    (Arabic, read right to left), and the findings box is inside the work area, not pushed under
    the guidance. Before: the line stopped at "budget," and the findings showed two of four rows."""
    for language in ("en", "ar"):
        app = make_app(make_config(demo=True, step="structure", language=language), environ=ENV)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StructureScreen)
            detail = screen.query_one("#body-detail", RtlText)
            assert detail.size.height == 2 and len(detail.lines) > 2
            last = detail.render_line(1).text
            assert (last.lstrip().startswith("…") if language == "ar" else last.rstrip().endswith("…")), last
            work = screen.query_one("#work").region
            findings = screen.query_one("#structure-findings").region
            assert findings.height >= 4 and work.contains_region(findings), (work, findings)


async def test_a_name_typed_on_the_new_bodys_kind_goes_into_its_name(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """F9 opens the form on the body's kind (a choice); a name typed there went nowhere. The letters
    go into the next text field, the name, which takes the focus; Space on the kind still opens it."""
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="structure"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog) and app.focused is app.screen.query_one("#field-kind")
        await pilot.press(*"Finance", "space", *"group", "enter")
        await settled(pilot)
        assert [b.name for b in stored(data_dir, workshop.id).structure.committees] == ["Finance group"]
