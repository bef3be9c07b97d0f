"""Markdown, CSV and JSON exports: section order, privacy, escaping, overwrite refusal."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from workshop.core.content import Catalogue, flatten
from workshop.core.export import ExportError, default_export_name, export_workshop
from workshop.core.export.csv_export import guard_cell, header, partners_csv
from workshop.core.export.json_export import to_json
from workshop.core.export.markdown import escape, escape_cell, to_markdown
from workshop.core.export.report import SECTION_ORDER, build_report, left_out
from workshop.core.model import (
    ActionPlan,
    Committee,
    DraftVersion,
    FollowUp,
    GroundRule,
    Item,
    Member,
    Meta,
    MissionDraft,
    Opportunity,
    Partner,
    Participant,
    Problem,
    Rating,
    ReadinessAnswer,
    SwotItem,
    Trend,
    Workshop,
    workshop_from_dict,
)

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"

EMAILS = ("amal@example.org", "basel@example.net")
PHONES = ("+961 1 234 567", "+962 6 555 0101")
PRIVATE_NOTE = "Ask Basel privately about the budget cut"
FACILITATOR_NOTE = "The room was tired after lunch; shorten the SWOT"
HISTORY_TEXT = "An older wording nobody liked"
REJECTED_DRAFT = "A rejected mission draft about everything"
FOLLOW_UP_TEXT = "Send the draft MoU to Basel"

HOSTILE = (
    "a<b",
    '<a href="javascript:x">click</a>',
    '<img src="/etc/passwd">',
    "\x1b[31mred\x1b[0m\x1b]0;title\x07",
    "evil\u202etxt.exe",
    "nul\x00byte",
    "| pipe | # hash `tick` & amp",
    "=HYPERLINK(\"http://x\")",
)


# --------------------------------------------------------------------------- helpers


def _toml(name: str) -> dict[str, Any]:
    path = CONTENT / name
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _merge(into: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
    return into


def make_catalogue(language: str) -> Catalogue:
    """The real report TOML merged over the method (and ui) TOML when they exist yet."""
    tree: dict[str, Any] = {}
    for part in ("ui", "method", "report"):
        _merge(tree, _toml(f"{part}.{language}.toml"))
    assert "report" in tree, f"content/report.{language}.toml is missing"
    return Catalogue(language, tree, flatten(tree))


def small_workshop(text: str | None = None) -> Workshop:
    """A small but complete workshop; `text` (if given) is put into every free-text field."""

    def t(default: str) -> str:
        return default if text is None else f"{default} {text}"

    p1 = Partner(
        organisation=t("Amal Community Centre"),
        sector="community",
        contact_person=t("Amal Haddad"),
        email=EMAILS[0],
        phone=PHONES[0],
        role=t("Hosts the meetings"),
        contribution=t("A meeting room"),
        barriers=t("No paid staff"),
        status="committed",
        notes=t(PRIVATE_NOTE),
        follow_ups=[FollowUp(due=date(2025, 3, 1), text=t(FOLLOW_UP_TEXT))],
    )
    p2 = Partner(
        organisation=t("Ministry of Social Affairs"),
        sector="public",
        contact_person=t("Basel Nasser"),
        email=EMAILS[1],
        phone=PHONES[1],
        status="contacted",
        decision_authority=True,
    )
    adopted = MissionDraft(text=t("We build child-care centres with families"), history=[DraftVersion(text=HISTORY_TEXT)])
    rejected = MissionDraft(text=REJECTED_DRAFT)
    opportunity = Opportunity(text=t("New municipal fund"), votes=2)
    return Workshop(
        meta=Meta(title=t("Youth Coalition Workshop"), date=date(2025, 2, 14), place=t("Amman"), facilitator=t("Rana")),
        participants=[Participant(name=t("Huda"), organisation=t("Amal Community Centre"), sector="community")],
        needs={"accomplish": [Item(text=t("Safe play spaces"))], "needs": [Item(text=t("Child care"))]},
        readiness={"q1": ReadinessAnswer(answer="yes", note=t("clearly")), "q2": ReadinessAnswer(answer="unsure")},
        swot=[
            SwotItem(kind="strength", text=t("Trusted by residents"), votes=4),
            SwotItem(kind="weakness", text=t("No funding")),
            SwotItem(kind="opportunity", text=t("Municipal elections"), votes=1),
            SwotItem(kind="threat", text=t("Donor fatigue")),
        ],
        trends=[Trend(text=t("More young families move in"), source="data")],
        problems=[Problem(text=t("Too few nurseries"), votes=3, opportunity_ids=[opportunity.id])],
        opportunities=[opportunity],
        mission={"drafts": [adopted, rejected], "adopted_id": adopted.id, "vision": t("Every child cared for")},
        partners=[p1, p2],
        coalition_type={"chosen": "campaign", "reason": t("A fixed two-year push")},
        structure={
            "committees": [
                Committee(
                    kind="executive",
                    name=t("Executive committee"),
                    cadence=t("monthly"),
                    members=[Member(name=t("Amal Haddad"), partner_id=p1.id, role="chair")],
                )
            ]
        },
        goals=[
            {
                "text": t("Open two nurseries"),
                "convener": t("Huda"),
                "plans": [
                    ActionPlan(
                        task=t("Find a building"),
                        responsible_partner_id=p1.id,
                        end=date(2025, 6, 30),
                        budget=1200,
                        currency="JOD",
                        criteria=t("Lease signed"),
                    )
                ],
            }
        ],
        ground_rules={
            "rules": [GroundRule(text=t("Disagree politely"), status="adopted")],
            "decision_procedure": "consensus",
            "reopen_rule": t("After six months"),
        },
        evaluation={
            "eight_steps": {"1": 100, "2": 50},
            "ratings": [Rating(score=4), Rating(score=5)],
            "indicators": {"1": True},
            "next_steps": [Item(text=t("Meet the mayor"))],
        },
        timing={"spent": {"swot": 1800, "needs": 900}},
        facilitator_notes={"swot": t(FACILITATOR_NOTE)},
    )


def demo_workshop(language: str) -> Workshop:
    path = CONTENT / "demo" / f"demo.{language}.json"
    if not path.exists():
        pytest.skip(f"content/demo/demo.{language}.json is not written yet (another engineer's file)")
    return workshop_from_dict(json.loads(path.read_text(encoding="utf-8")))


def markdown_of(ws: Workshop, audience: str, language: str = "en") -> str:
    catalogue = make_catalogue(language)
    return to_markdown(build_report(ws, audience=audience, language=language, catalogue=catalogue))


def private_texts(ws: Workshop) -> list[str]:
    """Every text the participants' version must not contain."""
    texts = [p.email for p in ws.partners if p.email] + [p.phone for p in ws.partners if p.phone]
    texts += [p.notes for p in ws.partners if p.notes.strip()]
    texts += [f.text for p in ws.partners for f in p.follow_ups if f.text.strip()]
    texts += [n for n in ws.facilitator_notes.values() if n.strip()]
    adopted = ws.mission.adopted()
    texts += [d.text for d in ws.mission.drafts if d is not adopted and d.text.strip()]
    texts += [v.text for d in ws.mission.drafts for v in d.history if v.text.strip()]
    if adopted is not None:
        texts = [t for t in texts if t.strip() != adopted.text.strip()]
    return [t.strip() for t in texts]


# --------------------------------------------------------------------------- report plan


@pytest.mark.parametrize("audience", ["participants", "facilitator"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_sections_in_order(audience: str, language: str) -> None:
    report = build_report(small_workshop(), audience=audience, language=language, catalogue=make_catalogue(language))
    assert [s.id for s in report.sections] == list(SECTION_ORDER[audience])
    assert report.meta.rtl is (language == "ar")
    headings = [s.heading for s in report.sections]
    assert len(set(headings)) == len(headings), "every section has its own heading"
    md = markdown_of(small_workshop(), audience, language)
    positions = [md.index(f"## {h}") for h in headings]
    assert positions == sorted(positions)


def test_report_catalogues_have_the_same_keys() -> None:
    en = set(flatten(_toml("report.en.toml")))
    ar = set(flatten(_toml("report.ar.toml")))
    assert en == ar
    assert all(key.startswith("report.") for key in en)
    assert not [k for k, v in flatten(_toml("report.ar.toml")).items() if not str(v).strip()]


def test_left_out_lists_private_parts() -> None:
    catalogue = make_catalogue("en")
    omitted = left_out("participants", catalogue)
    assert len(omitted) == 7
    assert any("e-mail" in line for line in omitted)
    assert left_out("facilitator", catalogue) == []
    assert len(left_out("participants", make_catalogue("ar"))) == 7


def test_report_content_reaches_markdown() -> None:
    md = markdown_of(small_workshop(), "participants")
    for text in (
        "Youth Coalition Workshop",
        "Safe play spaces",
        "Trusted by residents",
        "Too few nurseries",
        "New municipal fund",
        "We build child-care centres with families",
        "Every child cared for",
        "Amal Community Centre",
        "Find a building",
        "1,200 JOD",
        "Lease signed",
        "Disagree politely",
        "Meet the mayor",
        "4.5",
    ):
        assert text in md, text
    # the SWOT grid is a two-column table with vote counts
    assert "| Trusted by residents (votes: 4) | No funding |" in md


# --------------------------------------------------------------------------- privacy


def test_markdown_privacy_small() -> None:
    ws = small_workshop()
    secret = private_texts(ws)
    assert len(secret) == 9
    participants = markdown_of(ws, "participants")
    facilitator = markdown_of(ws, "facilitator")
    for text in secret:
        assert text not in participants, text
        assert escape_cell(text) in facilitator, text


def test_json_privacy_small() -> None:
    ws = small_workshop()
    participants = to_json(ws, audience="participants")
    facilitator = to_json(ws, audience="facilitator")
    for text in private_texts(ws):
        assert text not in participants, text
        assert json.dumps(text, ensure_ascii=False)[1:-1] in facilitator, text
    # both still load as workshops; the facilitator's file round-trips exactly
    back = workshop_from_dict(json.loads(participants))
    assert back.mission.adopted() is not None and back.mission.adopted().history == []
    assert workshop_from_dict(json.loads(facilitator)) == ws


def test_csv_privacy_and_header() -> None:
    ws = small_workshop()
    catalogue = make_catalogue("en")
    participants = partners_csv(ws, audience="participants", catalogue=catalogue)
    facilitator = partners_csv(ws, audience="facilitator", catalogue=catalogue)
    rows = list(csv.reader(io.StringIO(participants)))
    assert rows[0] == header("participants")
    assert rows[0][:4] == ["Label", "Type", "Tags", "Description"]
    assert "E-mail" not in rows[0] and "Phone" not in rows[0]
    assert {"Contact person", "Status", "Influence", "Interest", "Decision authority"} <= set(rows[0])
    assert len(rows) == 3
    assert rows[1][0] == "Amal Community Centre"
    assert "|" in rows[1][2]
    for secret in EMAILS + PHONES:
        assert secret not in participants
        assert secret in facilitator
    frows = list(csv.reader(io.StringIO(facilitator)))
    assert "E-mail" in frows[0] and "Phone" in frows[0]
    # a phone starting with "+" is guarded like a formula
    assert frows[1][frows[0].index("Phone")] == "'" + PHONES[0]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_demo_privacy(language: str) -> None:
    ws = demo_workshop(language)
    catalogue = make_catalogue(language)
    md_p = to_markdown(build_report(ws, audience="participants", language=language, catalogue=catalogue))
    md_f = to_markdown(build_report(ws, audience="facilitator", language=language, catalogue=catalogue))
    js_p = to_json(ws, audience="participants")
    csv_p = partners_csv(ws, audience="participants", catalogue=catalogue)
    for text in private_texts(ws):
        assert text not in md_p and text not in js_p and text not in csv_p, text
        assert escape_cell(text) in md_f, text
    for partner in ws.partners:
        assert escape_cell(partner.organisation.strip()) in md_p


# --------------------------------------------------------------------------- hostile input


def test_formula_guard() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert guard_cell(f"{start}1+1").startswith("'")
    assert guard_cell("plain") == "plain"
    assert guard_cell("a=b") == "a=b"


def test_markdown_escape() -> None:
    assert escape("a<b") == "a&lt;b"
    assert escape("# title") == "\\# title"
    assert escape("x | y") == "x \\| y"
    assert escape("`code`") == "\\`code\\`"
    assert "\x1b" not in escape("\x1b[31mred") and "red" in escape("\x1b[31mred")
    # the one control policy (bidi.clean, as on screen): seen as control pictures, never obeyed
    assert escape("nul\x00byte") == "nul\u2400byte"
    assert escape("\x1b[31mred") == "\u241b\\[31mred"
    assert "\u202e" not in escape("evil\u202etxt")
    assert escape("line\r\nnext\x85end") == "line\nnext\nend"


def test_markdown_and_csv_use_the_one_control_policy() -> None:
    from workshop.core.export import csv_export, markdown
    from workshop.core.text.bidi import clean

    hostile = "a\x1b]0;t\x07b\u2067c\x9bd\ufeffe\r\n"
    assert guard_cell(hostile) == clean(hostile)
    assert not hasattr(markdown, "strip_controls") and not hasattr(csv_export, "strip_controls")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_everywhere(hostile: str) -> None:
    ws = small_workshop(hostile)
    for audience in ("participants", "facilitator"):
        md = markdown_of(ws, audience)
        assert "<a " not in md and "<img" not in md and "\x1b" not in md and "\x00" not in md
        assert "\u202e" not in md
        assert "- " + escape(f"Safe play spaces {hostile}") in md
        assert "# " + escape(f"Youth Coalition Workshop {hostile}") in md
        js = to_json(ws, audience=audience)
        assert workshop_from_dict(json.loads(js)).meta.title == ws.meta.title
        table = partners_csv(ws, audience=audience, catalogue=make_catalogue("en"))
        assert "\x1b" not in table and "\x00" not in table
        for row in csv.reader(io.StringIO(table)):
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_markdown_table_cells_cannot_break_the_table() -> None:
    md = markdown_of(small_workshop("| x | y |\nsecond line"), "facilitator")
    partner_rows = [line for line in md.splitlines() if line.startswith("| Amal Community Centre")]
    assert partner_rows
    header_line = next(line for line in md.splitlines() if line.startswith("| Organisation | Sector"))
    unescaped_pipes = lambda line: len(line.replace("\\|", ""))  - len(line.replace("\\|", "").replace("|", ""))  # noqa: E731
    assert unescaped_pipes(partner_rows[0]) == unescaped_pipes(header_line)


def test_huge_field() -> None:
    big = "x" * 100_000
    ws = small_workshop()
    ws.facilitator_notes["needs"] = big
    ws.partners[0].notes = big
    md = markdown_of(ws, "facilitator")
    assert big in md
    assert big not in markdown_of(ws, "participants")
    assert big in to_json(ws, audience="facilitator")


# --------------------------------------------------------------------------- files


def test_default_export_name() -> None:
    ws = small_workshop()
    assert default_export_name(ws, "pdf", "participants", "ar") == "youth-coalition-workshop-participants-ar.pdf"
    ws.meta.title = "ورشة الائتلاف"  # a reader in Arabic gets an Arabic file name
    assert default_export_name(ws, "md", "facilitator", "ar") == "ورشة-الائتلاف-facilitator-ar.md"
    ws.meta.title = "\u202e<>:*?|"  # nothing usable left: the id
    assert default_export_name(ws, "md", "facilitator", "ar") == f"workshop-{ws.id}-facilitator-ar.md"
    ws.meta.title = "../../etc/passwd"
    assert "/" not in default_export_name(ws, "json", "participants", "en")
    assert not default_export_name(ws, "json", "participants", "en").startswith(".")


def test_export_refuses_overwrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import workshop.core.export as export

    monkeypatch.setattr("workshop.core.content.load_catalogue", make_catalogue)
    ws = small_workshop()
    result = export.export_workshop(ws, fmt="md", audience="participants", language="en", out=tmp_path, force=False)
    assert result.path.parent == tmp_path and result.path.read_text(encoding="utf-8").startswith("# Youth")
    with pytest.raises(ExportError) as refused:
        export_workshop(ws, fmt="md", audience="participants", language="en", out=tmp_path, force=False)
    assert refused.value.key == "errors.export_exists"
    assert refused.value.params["path"] == str(result.path)
    result.path.write_text("old", encoding="utf-8")
    export_workshop(ws, fmt="md", audience="participants", language="en", out=tmp_path, force=True)
    assert result.path.read_text(encoding="utf-8").startswith("# Youth")
    assert [p.name for p in tmp_path.iterdir()] == [result.path.name], "no temporary file left behind"
    for fmt in ("json", "csv"):
        out = export_workshop(ws, fmt=fmt, audience="facilitator", language="en", out=tmp_path / f"x.{fmt}", force=False)
        assert EMAILS[0] in out.path.read_text(encoding="utf-8")


def test_export_unwritable_folder(tmp_path: Path) -> None:
    ws = small_workshop()
    with pytest.raises(ExportError) as missing:
        export_workshop(ws, fmt="json", audience="participants", language="en", out=tmp_path / "nope" / "x.json", force=False)
    assert missing.value.key == "errors.export_no_folder"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if (locked / "probe").exists() or _can_write(locked):
            pytest.skip("running as a user that ignores folder permissions (root)")
        with pytest.raises(ExportError) as denied:
            export_workshop(ws, fmt="json", audience="participants", language="en", out=locked / "x.json", force=False)
        assert denied.value.key == "errors.export_unwritable"
    finally:
        locked.chmod(0o700)


def _can_write(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_text("x")
    except OSError:
        return False
    probe.unlink()
    return True


def test_export_disk_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    def full(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "x.json"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(ExportError) as error:
        export_workshop(small_workshop(), fmt="json", audience="participants", language="en", out=target, force=True)
    assert error.value.key == "errors.export_disk_full"
    assert target.read_text(encoding="utf-8") == "previous", "a failed export leaves the old file whole"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]
