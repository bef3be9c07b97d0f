"""Partners by keys: add, edit, advance, delete and undo, sort, search, filter, follow-ups — checked on disk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select

import workshop.tui.screens.partners as partners_screen
from workshop.tui.app import make_app
from workshop.core.model import FollowUp, Meta, Partner, Workshop
from workshop.tui.screens.partners import PartnerForm, PartnersScreen
from workshop.core.service import Workshops
from workshop.tui.widgets.rtl_text import RtlText
from appkit import ENV, settled, type_while_it_opens

TODAY = dt.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(partners_screen, "system_today", lambda: TODAY)


def stored(data_dir: Path, workshop_id: str) -> Workshop:
    return Workshops.at(data_dir).load(workshop_id)


def seed(data_dir: Path, language: str = "en") -> Workshop:
    """A workshop with three partners: public, private, community (non-profit missing)."""
    workshop = Workshop(
        meta=Meta(title="Child health", language=language),
        partners=[
            Partner(
                organisation="Municipal Health Department",
                sector="public",
                contact_person="Dr Rana Haddad",
                email="rana@health.gov",
                phone="+961 1 111",
                notes="Prefers mornings",
                status="met",
                influence=4,
                follow_ups=[FollowUp(due=dt.date(2026, 3, 1), text="send the draft mission")],
            ),
            Partner(organisation="Pharma Plus", sector="private", influence=2,
                    follow_ups=[FollowUp(due=dt.date(2026, 4, 1), text="first call")]),
            Partner(organisation="Mothers' Club", sector="community", status="committed", influence=5),
        ],
    )
    return Workshops.at(data_dir).add(workshop)


def table_names(app) -> list[str]:  # type: ignore[no-untyped-def]
    screen = app.screen
    return [screen.workshop.partner(pid).organisation for pid in screen._shown_ids]


async def test_add_edit_advance_by_keys(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="partners"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PartnersScreen)
        assert table_names(app) == ["Mothers' Club", "Municipal Health Department", "Pharma Plus"]

        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PartnerForm)
        await pilot.press(*"Hope Youth Association")
        app.screen.query_one("#pf-sector", Select).value = "nonprofit"
        app.screen.query_one("#pf-contact_person", Input).value = "Samir"
        app.screen.query_one("#pf-phone", Input).value = "+961 3 333"
        app.screen.query_one("#pf-follow_up_due", Input).value = "2026-03-12"
        app.screen.query_one("#pf-follow_up_text", Input).value = "invite to the meeting"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, PartnersScreen)
        saved = stored(data_dir, workshop.id)
        added = next(p for p in saved.partners if p.organisation == "Hope Youth Association")
        assert (added.sector, added.contact_person, added.phone) == ("nonprofit", "Samir", "+961 3 333")
        assert [(f.due, f.text) for f in added.follow_ups] == [(dt.date(2026, 3, 12), "invite to the meeting")]
        assert app.screen.selected_id() == added.id  # the new row is selected

        # ctrl+e opens the form on the selected row; change the role, save with Enter
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, PartnerForm)
        app.screen.query_one("#pf-role", Input).focus()
        await pilot.press(*"youth outreach", "enter")
        await settled(pilot)
        assert stored(data_dir, workshop.id).partner(added.id).role == "youth outreach"  # type: ignore[union-attr]

        # a advances the status twice; A goes back once
        await pilot.press("ctrl+right", "ctrl+right", "ctrl+left")
        await settled(pilot)
        assert stored(data_dir, workshop.id).partner(added.id).status == "contacted"  # type: ignore[union-attr]


async def test_form_refuses_bad_values_and_escape_cancels(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="partners"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("ctrl+s")  # no organisation
        await pilot.pause()
        assert isinstance(app.screen, PartnerForm)
        assert app.screen.query_one("#pf-organisation", Input).has_focus
        await pilot.press(*"Radio Salam")
        app.screen.query_one("#pf-follow_up_due", Input).value = "next week"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PartnerForm)
        assert app.screen.query_one("#pf-follow_up_due", Input).has_focus
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, PartnersScreen)
        assert [p.organisation for p in stored(data_dir, workshop.id).partners] == [
            "Municipal Health Department",
            "Pharma Plus",
            "Mothers' Club",
        ]


async def test_delete_and_undo(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="partners"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "delete")  # second row in name order: Municipal Health Department
        await settled(pilot)
        assert [p.organisation for p in stored(data_dir, workshop.id).partners] == ["Pharma Plus", "Mothers' Club"]
        await pilot.press("ctrl+z")
        await settled(pilot)
        assert [p.organisation for p in stored(data_dir, workshop.id).partners] == [
            "Municipal Health Department",
            "Pharma Plus",
            "Mothers' Club",
        ]


async def test_sort_search_and_sector_filter(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="partners"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")  # the facilitator reveals private data on purpose
        await pilot.pause()
        await pilot.press("f11")  # by sector
        assert table_names(app) == ["Municipal Health Department", "Pharma Plus", "Mothers' Club"]
        await pilot.press("f11")  # by status, furthest first
        assert table_names(app) == ["Mothers' Club", "Municipal Health Department", "Pharma Plus"]
        await pilot.press("f11")  # by influence
        assert table_names(app) == ["Mothers' Club", "Municipal Health Department", "Pharma Plus"]
        await pilot.press("f11")  # back to organisation
        assert table_names(app) == ["Mothers' Club", "Municipal Health Department", "Pharma Plus"]

        for key in "Pharma":  # typing on the table searches: every letter, the first one too
            await pilot.press(key)
            await pilot.pause()
        assert app.screen.query_one("#partner-search", Input).value == "Pharma"
        assert table_names(app) == ["Pharma Plus"]
        await pilot.press("escape")  # clears the search, back to the table
        await pilot.pause()
        assert len(table_names(app)) == 3 and app.screen.query_one(DataTable).has_focus

        await pilot.press(*"rana@")  # private fields are searched by the facilitator
        await pilot.pause()
        assert table_names(app) == ["Municipal Health Department"]
        await pilot.press("escape")

        await pilot.press("f12")  # public only
        assert table_names(app) == ["Municipal Health Department"]
        await pilot.press("f12", "f12", "f12")  # private, nonprofit, community
        assert table_names(app) == ["Mothers' Club"]
        assert "1/3" in str(app.screen.query_one("#partner-state").render())


async def test_diversity_and_follow_ups_due(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="partners"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")  # the facilitator reveals private data on purpose
        await pilot.pause()
        screen = app.screen
        diversity = screen.query_one("#partner-diversity", RtlText)
        assert "Non-profit" in diversity.text and diversity.has_class("warning")
        follow = screen.query_one("#partner-follow-ups", RtlText)
        assert "Municipal Health Department" in follow.text and "send the draft mission" in follow.text
        assert "Pharma Plus" not in follow.text  # due 2026-04-01, after today

        # x marks the selected partner's next follow-up done
        await pilot.press("down", "ctrl+x")
        await settled(pilot)
        saved = stored(data_dir, workshop.id).partners[0]
        assert saved.follow_ups[0].done is True
        assert follow.text == "No follow-ups due today."


async def test_injected_today(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="partners"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = PartnersScreen(app.session, app.ui, today=lambda: dt.date(2026, 4, 2))
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("ctrl+r")  # the facilitator reveals private data on purpose
        await pilot.pause()
        text = screen.query_one("#partner-follow-ups", RtlText).text
        assert "Pharma Plus" in text and "first call" in text


async def test_read_only_hides_private_data_and_refuses_edits(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="partners", read_only=True), environ=ENV)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.session.read_only
        await pilot.press("down")  # Municipal Health Department
        await pilot.pause()
        shown = " ".join(w.text for w in screen.query(RtlText))
        for secret in ("rana@health.gov", "+961 1 111", "Prefers mornings", "send the draft mission"):
            assert secret not in shown
        assert "Dr Rana Haddad" in shown  # the contact person is not private
        await pilot.press(*"rana@")
        await pilot.pause()
        assert table_names(app) == []  # private fields are not searchable on the projector
        await pilot.press("escape")
        await pilot.press("down", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, PartnerForm)
        assert not app.screen.query("#pf-email") and not app.screen.query("#pf-notes")
        await pilot.press("escape")
        await pilot.press("delete", "ctrl+right", "f9")
        await pilot.pause()
        assert isinstance(app.screen, PartnersScreen)
        assert len(stored(data_dir, workshop.id).partners) == 3
        assert stored(data_dir, workshop.id).partners[0].status == "met"


async def test_arabic_table_is_mirrored(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir, "ar")
    app = make_app(make_config(open_ref=workshop.id, step="partners", language="ar", rtl="app"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        keys = [column.key.value for column in table.ordered_columns]
        assert keys[-1] == "organisation" and keys[-3:] == ["status", "sector", "organisation"]
        assert table.virtual_size.width <= table.size.width  # no horizontal scrolling at 80 columns


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_columns_fit_the_width(make_config, data_dir: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="partners"), environ=ENV)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")  # the facilitator reveals private data on purpose
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        keys = [column.key.value for column in table.ordered_columns]
        assert keys[:3] == ["organisation", "sector", "status"]
        assert table.virtual_size.width <= table.size.width
        await pilot.press("ctrl+t")  # hide the guidance: more room, more columns
        await pilot.pause(0.3)
        wider = [column.key.value for column in table.ordered_columns]
        assert table.virtual_size.width <= table.size.width
        if size == (120, 40):
            assert len(wider) > len(keys) and "follow_up" in wider


async def test_private_data_is_hidden_until_revealed(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """The facilitator's screen may be on the projector: contacts show only after p, and hide again."""
    from workshop.core.content import demo_document
    from workshop.core.store import Store
    from workshop.tui.widgets.rtl_text import RtlText

    doc = demo_document("en")
    Store(data_dir).create(doc)
    app = make_app(make_config(open_ref=doc["id"], step="partners"), environ=ENV)
    emails = [p["email"] for p in doc["partners"] if p["email"]]

    def on_screen() -> str:
        table = app.screen.query_one("#partner-table")
        cells = " ".join(str(c) for row in range(table.row_count) for c in table.get_row_at(row))
        return cells + " ".join(t.text for t in app.screen.query(RtlText))

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not any(email in on_screen() for email in emails)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert any(email in on_screen() for email in emails)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not any(email in on_screen() for email in emails)


async def test_keys_typed_while_the_new_partner_form_opens_are_kept(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """F9, then the organisation typed at once (tmux, 20-150 ms a key): the keys reached the form
    before it had its fields and were dropped ("Abc" kept "c" or nothing); they are the
    organisation's, in order."""
    workshop = seed(data_dir)
    app = make_app(make_config(open_ref=workshop.id, step="partners"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_while_it_opens(pilot, "f9", PartnerForm, "Red Crescent")
        await pilot.press("enter")
        await settled(pilot)
        assert "Red Crescent" in [p.organisation for p in stored(data_dir, workshop.id).partners]
