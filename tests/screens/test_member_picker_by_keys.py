"""The member picker by keys: each person once, no second seat, organisation kept on the projector and on disk."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from workshop.core.model import Meta, Participant, Partner, Workshop, workshop_to_dict
from workshop.core.service import Workshops
from workshop.tui.app import make_app
from workshop.tui.screens.present import PresentScreen
from workshop.tui.screens.structure import PickMemberDialog, StructureScreen
from workshop.tui.widgets.rtl_text import RtlText

from appkit import ENV


def seed(data_dir: Path) -> Workshop:
    workshop = Workshop(
        meta=Meta(title="Housing"),
        partners=[Partner(organisation="Eastbrook Tenants' Union", sector="community", contact_person="Grace Mensah")],
        participants=[
            Participant(name="Grace Mensah", organisation="Eastbrook Tenants' Union"),
            Participant(name="Omar", organisation="Youth Club", sector="community"),
        ],
    )
    Workshops.at(data_dir).store.save(workshop_to_dict(workshop))
    return workshop


async def pick(pilot, *keys: str) -> PickMemberDialog:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    assert isinstance(screen, StructureScreen)
    screen.action_add_member()
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, PickMemberDialog)
    return dialog


async def test_each_person_once_and_no_second_seat(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    workshops = Workshops.at(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="structure"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")  # the manual's bodies
        await pilot.pause()
        dialog = await pick(pilot)
        options = dialog.query_one("#pick-list", OptionList)
        assert options.option_count == 2, "Grace is one person: the partner's contact and a participant"
        await pilot.press("enter")  # Grace
        await pilot.pause()
        dialog = await pick(pilot)
        options = dialog.query_one("#pick-list", OptionList)
        grace = options.get_option_at_index(0)
        assert grace.disabled and "already a member" in str(grace.prompt)
        await pilot.press("up", "enter")  # the highlight never rests on Grace: Omar is added, not Grace again
        await pilot.pause()
        dialog = await pick(pilot)
        assert all(dialog.query_one("#pick-list", OptionList).get_option_at_index(i).disabled for i in range(2))
        await pilot.press("enter")  # nothing left to add
        await pilot.press("escape")
        await pilot.pause()
        app.session.flush()
        members = workshops.load(workshop.id).structure.committees[0].members
        assert [(m.name, m.organisation) for m in members] == [
            ("Grace Mensah", "Eastbrook Tenants' Union"),
            ("Omar", "Youth Club"),
        ]
        assert members[0].participant_id == workshop.participants[0].id
        assert members[0].partner_id == workshop.partners[0].id

        await pilot.press("f3")  # the projector
        await pilot.pause()
        assert isinstance(app.screen, PresentScreen)
        lines = [t.text for t in app.screen.query(RtlText)]
        omar = next(line for line in lines if line.startswith("Omar"))
        assert omar.split(" | ")[:2] == ["Omar", "Youth Club"]
        header = next(line for line in lines if line.startswith("Member |"))
        assert len(omar.split(" | ")) == len(header.split(" | ")), "every value under its column"
