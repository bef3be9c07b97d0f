"""Ground rules by keys: load Miller's rules, adopt, drop, add our own, decide how we decide — checked on disk."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from workshop.tui.app import make_app
from workshop.core.content import load_catalogue
from workshop.core.model import Workshop
from workshop.tui.screens.ground_rules import GroundRulesScreen
from workshop.core.service import Workshops
from workshop.tui.widgets.rtl_text import RtlText
from appkit import ENV, settled



def stored(data_dir: Path, workshop_id: str) -> Workshop:
    return Workshops.at(data_dir).load(workshop_id)


async def test_rules_and_decisions_by_keys(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("Child health", "en")
    app = make_app(make_config(open_ref=workshop.id, step="ground-rules"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GroundRulesScreen)
        await pilot.press("ctrl+f")
        await pilot.press("ctrl+f")  # a second time adds nothing
        await pilot.pause()
        await pilot.press("f9", "down", "ctrl+x", "down", "f9", "f9")  # adopt 1, drop 2, adopt and un-adopt 3
        await pilot.press(*"Phones off during meetings", "enter")  # typing on the list types
        await pilot.pause()
        app.save_now()
        rules = stored(data_dir, workshop.id).ground_rules.rules
        assert len(rules) == 14
        assert [(r.status, r.source) for r in rules[:3]] == [
            ("adopted", "etiquette.understanding.u1"),
            ("dropped", "etiquette.understanding.u2"),
            ("proposed", "etiquette.norms.n1"),
        ]
        assert rules[0].text == load_catalogue("en").t("etiquette.understanding.u1")
        assert (rules[-1].category, rules[-1].source, rules[-1].text) == ("own", None, "Phones off during meetings")

        screen.query_one("#gr-procedure", Select).focus()
        await pilot.press("enter", "down", "down", "enter")  # consent
        await pilot.pause()
        await pilot.press("tab", *"11")  # quorum
        await pilot.press("tab", "enter", "down", "enter")  # mediator
        await pilot.pause()
        await pilot.press("tab", *"After six months")
        await pilot.press("tab", *"Spending up to 500")
        await settled(pilot)
        decided = stored(data_dir, workshop.id).ground_rules
        assert (decided.decision_procedure, decided.quorum, decided.conflict_resolution) == ("consent", 11, "mediator")
        assert (decided.reopen_rule, decided.executive_may_decide) == ("After six months", "Spending up to 500")
        assert screen.query_one("#gr-findings", RtlText).text == ""
        assert "serious, reasoned objection" in screen.query_one("#gr-explain", RtlText).text

        quorum = screen.query_one("#gr-quorum", Input)
        quorum.focus()
        await pilot.press("end", *"x")  # "11x"
        await settled(pilot)
        assert "not a quorum" in screen.query_one("#gr-findings", RtlText).text
        assert stored(data_dir, workshop.id).ground_rules.quorum == 11


async def test_rules_load_in_the_workshops_language(make_config, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    workshop = Workshops.at(data_dir).create("صحة الطفل", "ar")
    app = make_app(make_config(open_ref=workshop.id, step="ground-rules", language="en"), environ=ENV)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await settled(pilot)
    rules = stored(data_dir, workshop.id).ground_rules.rules
    assert len(rules) == 13
    assert rules[0].text == load_catalogue("ar").t("etiquette.understanding.u1")
