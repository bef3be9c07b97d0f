"""Pure helpers of the partners step: sort, search, filter, status, follow-ups, diversity, form."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.core.model import FollowUp, Meta, Partner, Workshop
from workshop.core.steps import partners as pc
from workshop.core.steps.partners import partner_findings


def make(org: str, **fields) -> Partner:  # type: ignore[no-untyped-def]
    return Partner(organisation=org, **fields)


def workshop_with(*partners: Partner) -> Workshop:
    return Workshop(meta=Meta(title="T"), partners=list(partners))


PARTNERS = [
    make("Zeta Bank", sector="private", status="met", influence=5, interest=2),
    make("alpha council", sector="public", status="signed", influence=2),
    make("Mothers' Club", sector="community", status="identified", influence=5, interest=4, email="m@club.org"),
    make("جمعية الأمل", sector="nonprofit", status="contacted", influence=3, role="تدريب الشباب"),
]


def names(partners: list[Partner]) -> list[str]:
    return [p.organisation for p in partners]


def test_sort_by_each_key() -> None:
    assert names(pc.sort_partners(PARTNERS, "organisation")) == [
        "alpha council",
        "Mothers' Club",
        "Zeta Bank",
        "جمعية الأمل",
    ]
    assert names(pc.sort_partners(PARTNERS, "sector")) == ["alpha council", "Zeta Bank", "جمعية الأمل", "Mothers' Club"]
    assert names(pc.sort_partners(PARTNERS, "status")) == ["alpha council", "Zeta Bank", "جمعية الأمل", "Mothers' Club"]
    # influence 5 twice: the more interested first
    assert names(pc.sort_partners(PARTNERS, "influence")) == ["Mothers' Club", "Zeta Bank", "جمعية الأمل", "alpha council"]


def test_sort_cycle_and_unknown_key() -> None:
    seen = ["organisation"]
    for _ in range(4):
        seen.append(pc.next_sort(seen[-1]))
    assert seen == ["organisation", "sector", "status", "influence", "organisation"]
    assert pc.next_sort("nonsense") == "organisation"


def test_search_words_case_and_harakat() -> None:
    assert names(pc.filter_partners(PARTNERS, query="ZETA")) == ["Zeta Bank"]
    assert names(pc.filter_partners(PARTNERS, query="club mothers")) == ["Mothers' Club"]
    assert names(pc.filter_partners(PARTNERS, query="الشَّباب")) == ["جمعية الأمل"]  # harakat ignored, role searched
    assert pc.filter_partners(PARTNERS, query="   ") == PARTNERS
    assert pc.filter_partners(PARTNERS, query="nothing-like-this") == []


def test_private_fields_are_searched_only_when_allowed() -> None:
    assert pc.filter_partners(PARTNERS, query="m@club") == []
    assert names(pc.filter_partners(PARTNERS, query="m@club", include_private=True)) == ["Mothers' Club"]


def test_sector_filter_and_cycle() -> None:
    assert names(pc.filter_partners(PARTNERS, sector="community")) == ["Mothers' Club"]
    assert pc.filter_partners(PARTNERS, sector="media") == []
    cycle = [None]
    for _ in range(8):
        cycle.append(pc.next_sector_filter(cycle[-1]))
    assert cycle == [None, "public", "private", "nonprofit", "community", "academic", "media", "donor", None]


def test_view_filters_then_sorts() -> None:
    shown = pc.view(PARTNERS, sort="influence", query="", sector=None)
    assert names(shown)[0] == "Mothers' Club"
    assert names(pc.view(PARTNERS, sort="organisation", query="a", sector="public")) == ["alpha council"]


def test_advance_status_clamps() -> None:
    assert pc.advance_status("identified") == "contacted"
    assert pc.advance_status("committed") == "signed"
    assert pc.advance_status("signed") == "signed"
    assert pc.advance_status("contacted", -1) == "identified"
    assert pc.advance_status("identified", -1) == "identified"


def test_next_follow_up_prefers_earliest_open_dated() -> None:
    partner = make(
        "A",
        follow_ups=[
            FollowUp(due=None, text="undated"),
            FollowUp(due=dt.date(2026, 3, 1), text="later"),
            FollowUp(due=dt.date(2026, 1, 1), text="done", done=True),
            FollowUp(due=dt.date(2026, 2, 1), text="sooner"),
        ],
    )
    assert pc.next_follow_up(partner).text == "sooner"  # type: ignore[union-attr]
    assert pc.next_follow_up(make("B", follow_ups=[FollowUp(text="only")])).text == "only"  # type: ignore[union-attr]
    assert pc.next_follow_up(make("C")) is None


def test_due_follow_ups_uses_today() -> None:
    a = make("A", follow_ups=[FollowUp(due=dt.date(2026, 1, 10), text="call")])
    b = make("B", follow_ups=[FollowUp(due=dt.date(2026, 1, 5), text="visit"), FollowUp(due=dt.date(2026, 1, 20))])
    c = make("C", follow_ups=[FollowUp(due=dt.date(2026, 1, 1), done=True)])
    due = pc.due_follow_ups(workshop_with(a, b, c), dt.date(2026, 1, 10))
    assert [(d.partner.organisation, d.follow_up.text, d.days_late) for d in due] == [("B", "visit", 5), ("A", "call", 0)]
    assert pc.due_follow_ups(workshop_with(a, b, c), dt.date(2026, 1, 4)) == []


def test_set_and_complete_follow_up() -> None:
    partner = make("A")
    pc.set_next_follow_up(partner, dt.date(2026, 5, 1), " send the brief ")
    assert [(f.due, f.text) for f in partner.follow_ups] == [(dt.date(2026, 5, 1), "send the brief")]
    pc.set_next_follow_up(partner, dt.date(2026, 5, 2), "send the brief")
    assert len(partner.follow_ups) == 1 and partner.follow_ups[0].due == dt.date(2026, 5, 2)
    done = pc.complete_next_follow_up(partner)
    assert done is not None and done.done and pc.next_follow_up(partner) is None
    pc.set_next_follow_up(partner, None, "")  # nothing open: nothing removed
    assert len(partner.follow_ups) == 1
    pc.set_next_follow_up(partner, None, "call again")
    assert len(partner.follow_ups) == 2
    pc.set_next_follow_up(partner, None, "  ")
    assert [f.text for f in partner.follow_ups] == ["send the brief"]
    assert pc.complete_next_follow_up(partner) is None


def test_diversity_agrees_with_partner_findings() -> None:
    ws = workshop_with(*PARTNERS)
    summary = pc.diversity(ws)
    assert summary.counts["private"] == 1 and summary.counts["media"] == 0
    assert summary.missing == ()
    assert summary.complete and summary.total == 4
    assert summary.present == ("public", "private", "nonprofit", "community")
    ws2 = workshop_with(make("X", sector="media"), make("Y", sector="community"))
    summary2 = pc.diversity(ws2)
    assert summary2.missing == ("public", "private", "nonprofit")
    assert [f.params["sector"] for f in partner_findings(ws2)] == list(summary2.missing)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-03", dt.date(2026, 2, 3)),
        (" 2026/2/3 ", dt.date(2026, 2, 3)),
        ("٢٠٢٦-٠٢-٠٣", dt.date(2026, 2, 3)),
        ("", None),
    ],
)
def test_parse_date_accepts(text: str, expected: dt.date | None) -> None:
    assert pc.parse_date(text) == expected


@pytest.mark.parametrize("text", ["tomorrow", "2026-02-30", "03-02-2026", "2026-13-01"])
def test_parse_date_refuses_with_a_key(text: str) -> None:
    with pytest.raises(pc.FormError) as caught:
        pc.parse_date(text)
    assert caught.value.key == "screen.partners.errors.bad_date"
    assert caught.value.field == "follow_up_due"


def test_parse_scale() -> None:
    assert pc.parse_scale("4", "influence") == 4
    assert pc.parse_scale(5, "interest") == 5
    for bad in ("0", "6", "x", ""):
        with pytest.raises(pc.FormError) as caught:
            pc.parse_scale(bad, "influence")
        assert caught.value.field == "influence"


def test_partner_from_form_new_and_edit() -> None:
    values = pc.form_values(None)
    assert values["organisation"] == "" and values["influence"] == 3
    values.update(
        organisation="  Youth Forum ",
        sector="community",
        status="met",
        decision_authority=True,
        influence="5",
        phone="+961 1 234",
        follow_up_due="2026-04-01",
        follow_up_text="meet the board",
    )
    created = pc.partner_from_form(values)
    assert created.organisation == "Youth Forum" and created.sector == "community" and created.influence == 5
    assert created.decision_authority and created.phone == "+961 1 234"
    assert [(f.due, f.text) for f in created.follow_ups] == [(dt.date(2026, 4, 1), "meet the board")]

    edited = pc.partner_from_form({"status": "signed", "follow_up_due": "2026-04-02"}, created)
    assert edited.id == created.id and edited.status == "signed" and edited.phone == "+961 1 234"
    assert [(f.due, f.text) for f in edited.follow_ups] == [(dt.date(2026, 4, 2), "meet the board")]
    assert created.status == "met" and created.follow_ups[0].due == dt.date(2026, 4, 1)  # base untouched


def test_partner_from_form_keeps_private_fields_it_was_not_given() -> None:
    base = make("A", email="a@x.org", notes="secret")
    edited = pc.partner_from_form({"organisation": "A2", "role": "host"}, base)
    assert (edited.email, edited.notes, edited.role) == ("a@x.org", "secret", "host")


@pytest.mark.parametrize(
    ("values", "key", "field"),
    [
        ({"organisation": "  "}, "screen.partners.errors.organisation_required", "organisation"),
        ({"organisation": "A", "sector": "army"}, "screen.partners.errors.bad_choice", "sector"),
        ({"organisation": "A", "influence": "9"}, "screen.partners.errors.bad_scale", "influence"),
        ({"organisation": "A", "follow_up_due": "soon"}, "screen.partners.errors.bad_date", "follow_up_due"),
        ({"organisation": "A" * 3000}, "screen.partners.errors.invalid", "organisation"),
    ],
)
def test_partner_from_form_refuses_with_the_field_to_fix(values: dict, key: str, field: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(pc.FormError) as caught:
        pc.partner_from_form(values)
    assert (caught.value.key, caught.value.field) == (key, field)


def test_replace_partner() -> None:
    partners = [make("A"), make("B")]
    changed = partners[1].model_copy(update={"organisation": "B2"})
    assert pc.replace_partner(partners, changed) is True
    assert names(partners) == ["A", "B2"]
    assert pc.replace_partner(partners, make("C")) is False
    assert names(partners) == ["A", "B2", "C"]


def test_method_name_prefers_name_leaf() -> None:
    flat = {"sectors.public": "Public", "coalition_types.campaign.name": "Campaign"}
    assert pc.method_name(flat.__contains__, flat.__getitem__, "sectors", "public") == "Public"
    assert pc.method_name(flat.__contains__, flat.__getitem__, "coalition_types", "campaign") == "Campaign"
    assert pc.method_name(flat.__contains__, flat.__getitem__, "sectors", "media") == "media"
