"""Write the two bundled demo workshops: `demo.en.json` and `demo.ar.json`.

Run from the repository root: ``python content/demo/make_demo.py``. The app never runs
this script; it only reads the JSON files it writes. Both demos share one skeleton
(ids, sectors, statuses, votes, dates, cross-references) defined here once; each
language supplies its own words for a session of a community coalition for the health
of young children (infancy to six years) from low-income families, the manual's own
example. Each document is validated with `workshop_from_dict` and written in the exact
form `workshop_to_dict` produces, so a JSON round trip changes nothing.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workshop.model import workshop_from_dict, workshop_to_dict  # noqa: E402

# --------------------------------------------------------------------------- skeleton

#: Participant id -> sector (names and organisations come from the language).
PARTICIPANT_SECTORS: dict[str, str] = {
    "p01": "community",
    "p02": "nonprofit",
    "p03": "public",
    "p04": "public",
    "p05": "private",
    "p06": "community",
    "p07": "community",
    "p08": "academic",
    "p09": "media",
    "p10": "donor",
    "p11": "nonprofit",
    "p12": "community",
    "p13": "private",
    "p14": "community",
}

#: SWOT item id -> (author participant id or None, votes). 14 participants x 3 dots = 42.
SWOT: dict[str, tuple[str | None, int]] = {
    "sw-s1": ("p01", 4),
    "sw-s2": ("p02", 2),
    "sw-s3": ("p07", 1),
    "sw-s4": ("p14", 3),
    "sw-s5": ("p08", 1),
    "sw-s6": (None, 0),
    "sw-w1": ("p03", 4),
    "sw-w2": (None, 1),
    "sw-w3": ("p06", 3),
    "sw-w4": (None, 0),
    "sw-w5": ("p10", 1),
    "sw-w6": ("p14", 2),
    "sw-o1": ("p10", 4),
    "sw-o2": (None, 2),
    "sw-o3": ("p09", 1),
    "sw-o4": ("p08", 1),
    "sw-o5": ("p13", 2),
    "sw-o6": (None, 0),
    "sw-t1": ("p02", 3),
    "sw-t2": ("p06", 1),
    "sw-t3": ("p03", 1),
    "sw-t4": (None, 2),
    "sw-t5": ("p14", 2),
    "sw-t6": (None, 1),
}
SWOT_KIND = {"s": "strength", "w": "weakness", "o": "opportunity", "t": "threat"}

TREND_SOURCES: dict[str, str] = {
    "tr1": "stories",
    "tr2": "data",
    "tr3": "experience",
    "tr4": "data",
    "tr5": "stories",
}

#: Opportunity id -> (seeded from swot id, votes).
OPPORTUNITIES: dict[str, tuple[str | None, int]] = {
    "op1": ("sw-o1", 9),
    "op2": (None, 8),
    "op3": ("sw-o3", 4),
    "op4": ("sw-o5", 10),
    "op5": ("sw-o2", 6),
    "op6": (None, 5),
}

#: Problem id -> (swot id, votes, linked opportunity ids). pr6 is left unlinked on purpose.
PROBLEMS: dict[str, tuple[str | None, int, list[str]]] = {
    "pr1": ("sw-w1", 8, ["op5", "op2"]),
    "pr2": ("sw-t1", 10, ["op6", "op2"]),
    "pr3": (None, 9, ["op4", "op1"]),
    "pr4": ("sw-w3", 6, ["op2", "op3"]),
    "pr5": ("sw-t4", 5, ["op4", "op5"]),
    "pr6": (None, 4, []),
}

DRAFT_CREATED = {"md1": "2026-10-14T08:20:00+00:00", "md2": "2026-10-14T08:22:00+00:00", "md3": "2026-10-14T08:31:00+00:00"}
DRAFT_HISTORY_AT = ("2026-10-14T08:26:00+00:00", "2026-10-14T08:41:00+00:00")
ADOPTED = "md2"

#: Partner id -> (sector, status, decision authority, influence, interest, follow-ups as (due, done)).
PARTNERS: dict[str, tuple[str, str, bool, int, int, list[tuple[str, bool]]]] = {
    "pa01": ("community", "signed", True, 3, 5, [("2026-10-21", True)]),
    "pa02": ("nonprofit", "signed", True, 4, 5, [("2026-11-04", True), ("2026-12-02", False)]),
    "pa03": ("public", "committed", True, 5, 4, [("2026-11-18", False)]),
    "pa04": ("public", "committed", False, 4, 4, [("2026-10-28", True)]),
    "pa05": ("private", "met", False, 2, 3, [("2026-11-20", False)]),
    "pa06": ("community", "signed", True, 3, 5, []),
    "pa07": ("community", "committed", True, 3, 4, [("2026-12-10", False)]),
    "pa08": ("academic", "committed", True, 3, 4, [("2026-11-10", True)]),
    "pa09": ("media", "met", False, 4, 3, [("2026-11-25", False)]),
    "pa10": ("donor", "committed", False, 5, 3, [("2026-11-15", True), ("2026-12-05", False)]),
    "pa11": ("nonprofit", "met", True, 3, 4, []),
    "pa12": ("private", "contacted", False, 3, 2, [("2026-12-15", False)]),
    "pa13": ("community", "signed", True, 2, 5, [("2026-10-30", True)]),
    "pa14": ("public", "identified", False, 4, 2, [("2026-12-20", False)]),
    "pa15": ("nonprofit", "identified", False, 2, 3, []),
}

TYPE_ANSWERS = {"timeframe": "long", "values": "deep", "funding": "grants", "formality": "formal"}

# Members: (member id, partner id, participant id, sector, role, official delegate, extra-person key).
# A member with a partner takes that partner's contact person as name; others take a name
# from the language's `people` table (extra-person key).
Member = tuple[str, str | None, str | None, str, str, bool, str | None]

STRATEGIC: list[Member] = [
    ("m-s01", "pa01", "p01", "community", "member", True, None),
    ("m-s02", "pa02", "p02", "nonprofit", "member", True, None),
    ("m-s03", "pa03", "p03", "public", "member", True, None),
    ("m-s04", "pa04", "p04", "public", "member", True, None),
    ("m-s05", "pa05", "p05", "private", "member", True, None),
    ("m-s06", "pa06", "p06", "community", "member", True, None),
    ("m-s07", "pa07", "p07", "community", "member", True, None),
    ("m-s08", "pa08", "p08", "academic", "member", True, None),
    ("m-s09", "pa09", "p09", "media", "member", False, None),
    ("m-s10", "pa10", "p10", "donor", "member", True, None),
    ("m-s11", "pa11", "p11", "nonprofit", "member", True, None),
    ("m-s12", "pa13", "p14", "community", "member", True, None),
    ("m-s13", None, "p12", "community", "member", True, "resident1"),
    ("m-s14", None, None, "community", "member", True, "resident2"),
    ("m-s15", None, None, "community", "member", True, "youth"),
    ("m-s16", None, None, "community", "member", True, "father"),
    ("m-s17", None, None, "public", "member", True, "councillor"),
    ("m-s18", None, None, "private", "member", True, "paediatrician"),
    ("m-s19", None, None, "public", "member", True, "principal"),
    ("m-s20", None, None, "community", "member", True, "disability"),
    ("m-s21", None, None, "private", "member", True, "childminder"),
]

EXECUTIVE: list[Member] = [
    ("m-e01", "pa01", "p01", "community", "chair", True, None),
    ("m-e02", "pa02", "p02", "nonprofit", "vice-chair", True, None),
    ("m-e03", "pa03", "p03", "public", "officer", True, None),
    ("m-e04", "pa05", "p05", "private", "officer", True, None),
    ("m-e05", "pa06", "p06", "community", "officer", True, None),
    ("m-e06", "pa04", "p04", "public", "convener", True, None),
    ("m-e07", "pa08", "p08", "academic", "convener", True, None),
    ("m-e08", "pa07", "p07", "community", "convener", True, None),
    ("m-e09", "pa13", "p14", "community", "strategic-rep", True, None),
    ("m-e10", None, "p12", "community", "strategic-rep", True, "resident1"),
]

WORK_GROUPS: dict[str, list[Member]] = {
    "wg1": [
        ("m-w101", "pa04", "p04", "public", "convener", True, None),
        ("m-w102", "pa02", "p02", "nonprofit", "member", True, None),
        ("m-w103", "pa11", "p11", "nonprofit", "member", True, None),
        ("m-w104", None, None, "private", "member", True, "paediatrician"),
        ("m-w105", "pa13", "p14", "community", "member", True, None),
    ],
    "wg2": [
        ("m-w201", "pa08", "p08", "academic", "convener", True, None),
        ("m-w202", "pa03", "p03", "public", "member", True, None),
        ("m-w203", "pa09", "p09", "media", "member", True, None),
        ("m-w204", None, "p12", "community", "member", True, "resident1"),
        ("m-w205", None, None, "community", "member", True, "youth"),
    ],
    "wg3": [
        ("m-w301", "pa07", "p07", "community", "convener", True, None),
        ("m-w302", "pa06", "p06", "community", "member", True, None),
        ("m-w303", "pa01", "p01", "community", "member", True, None),
        ("m-w304", None, None, "public", "member", True, "councillor"),
        ("m-w305", None, None, "community", "member", True, "father"),
    ],
}

STAFF: list[Member] = [
    ("m-st1", None, None, "nonprofit", "staff", True, "coordinator"),
    ("m-st2", None, None, "community", "staff", True, "health_worker"),
]

#: Goal id -> (kind, category, work group, convener member's partner, votes).
GOALS: dict[str, tuple[str, str, str, str, int]] = {
    "g1": ("specific", "programmes-services", "wg1", "pa04", 15),
    "g2": ("comprehensive", "research-education-culture", "wg2", "pa08", 11),
    "g3": ("comprehensive", "policy-advocacy", "wg3", "pa07", 10),
    "g4": ("specific", "programmes-services", "wg1", "pa04", 6),
}

#: Plan id -> (goal, responsible partner, start, end, staffing, community support).
PLANS: dict[str, tuple[str, str, str, str, str, bool]] = {
    "pl1a": ("g1", "pa02", "2027-01-15", "2027-12-15", "mixed", True),
    "pl1b": ("g1", "pa03", "2027-02-01", "2027-06-30", "internal", True),
    "pl2a": ("g2", "pa08", "2027-01-10", "2027-04-30", "mixed", True),
    "pl2b": ("g2", "pa09", "2027-02-01", "2027-12-31", "external", True),
    "pl3a": ("g3", "pa06", "2027-03-01", "2027-06-30", "internal", True),
    "pl3b": ("g3", "pa07", "2027-05-01", "2027-11-30", "internal", True),
    "pl4a": ("g4", "pa11", "2027-01-01", "2027-12-31", "mixed", True),
}

#: Ground rule id -> (category, etiquette source or None, status). Own rules take their text from the language.
RULES: dict[str, tuple[str, str | None, str]] = {
    "gr01": ("understanding", "etiquette.understanding.u1", "adopted"),
    "gr02": ("understanding", "etiquette.understanding.u2", "adopted"),
    "gr03": ("norms", "etiquette.norms.n1", "adopted"),
    "gr04": ("norms", "etiquette.norms.n3", "adopted"),
    "gr05": ("norms", "etiquette.norms.n4", "adopted"),
    "gr06": ("norms", "etiquette.norms.n5", "adopted"),
    "gr07": ("norms", "etiquette.norms.n6", "adopted"),
    "gr08": ("procedures", "etiquette.procedures.p1", "adopted"),
    "gr09": ("procedures", "etiquette.procedures.p4", "adopted"),
    "gr10": ("procedures", "etiquette.procedures.p2", "proposed"),
    "gr11": ("own", None, "adopted"),
    "gr12": ("own", None, "dropped"),
}

RATINGS: list[tuple[str, int]] = [
    ("overall", 5),
    ("overall", 4),
    ("overall", 4),
    ("clarity", 5),
    ("clarity", 4),
    ("clarity", 3),
    ("voice", 5),
    ("voice", 4),
    ("voice", 5),
    ("next", 4),
    ("next", 3),
    ("next", 4),
]

EIGHT_STEPS = {"1": 100, "2": 80, "3": 70, "4": 100, "5": 40, "6": 75, "7": 20, "8": 30}
INDICATORS = {"1": False, "2": True, "3": False, "4": True}
TIMEBOXES = {"swot": 30, "mapping": 25, "partners": 25, "goals": 25}
SPENT = {
    "setup": 540,
    "needs": 1380,
    "readiness": 660,
    "swot": 1920,
    "mapping": 1500,
    "mission": 1560,
    "partners": 1620,
    "coalition-type": 480,
    "structure": 1140,
    "goals": 1680,
    "ground-rules": 720,
    "export": 300,
}


# --------------------------------------------------------------------------- builder


def _items(prefix: str, texts: list[Any]) -> list[dict[str, Any]]:
    """Needs answers or next steps: a text, or (text, author)."""
    out = []
    for number, entry in enumerate(texts, start=1):
        text, author = entry if isinstance(entry, tuple) else (entry, "")
        out.append({"id": f"{prefix}-{number}", "text": text, "author": author})
    return out


def _member(row: Member, words: dict[str, Any]) -> dict[str, Any]:
    member_id, partner_id, participant_id, sector, role, delegate, person = row
    name = words["partners"][partner_id]["contact"] if partner_id else words["people"][person]
    return {
        "id": member_id,
        "name": name,
        "partner_id": partner_id,
        "participant_id": participant_id,
        "sector": sector,
        "role": role,
        "official_delegate": delegate,
    }


def _etiquette(lang: str) -> dict[str, Any]:
    """The etiquette rules of the method catalogue of a language (their wording is copied in)."""
    with (ROOT / "content" / f"method.{lang}.toml").open("rb") as handle:
        return tomllib.load(handle)["etiquette"]


def _rule_text(source: str, etiquette: dict[str, Any]) -> str:
    _, category, key = source.split(".")
    return etiquette[category][key]


def build(lang: str, words: dict[str, Any]) -> dict[str, Any]:
    """The demo document of one language, from the shared skeleton and its words."""
    names = {pid: words["participants"][pid][0] for pid in PARTICIPANT_SECTORS}
    etiquette = _etiquette(lang)
    committees = [
        {"id": "cm-strategic", "kind": "strategic", "members": STRATEGIC},
        {"id": "cm-executive", "kind": "executive", "members": EXECUTIVE},
        *({"id": wg, "kind": "work-group", "members": rows} for wg, rows in WORK_GROUPS.items()),
        {"id": "cm-staff", "kind": "staff", "members": STAFF},
    ]
    doc: dict[str, Any] = {
        "schema_version": 1,
        "id": f"demo-{lang}",
        "created": "2026-10-14T05:40:00+00:00",
        "updated": "2026-11-27T09:10:00+00:00",
        "last_step": "export",
        "archived": False,
        "meta": {**words["meta"], "date": "2026-10-14", "language": lang, "approach": 75, "stage": "formation"},
        "participants": [
            {"id": pid, "name": words["participants"][pid][0], "organisation": words["participants"][pid][1], "sector": sector}
            for pid, sector in PARTICIPANT_SECTORS.items()
        ],
        "needs": {q: _items(f"nd-{q}", texts) for q, texts in words["needs"].items()},
        "readiness": {
            q: {"answer": "unsure" if q == "q6" else "yes", "note": words["readiness"].get(q, "")}
            for q in ("q1", "q2", "q3", "q4", "q5", "q6", "q7")
        },
        "swot": [
            {
                "id": sid,
                "kind": SWOT_KIND[sid[3]],
                "text": words["swot"][sid],
                "author": names[author] if author else "",
                "votes": votes,
            }
            for sid, (author, votes) in SWOT.items()
        ],
        "trends": [{"id": tid, "text": words["trends"][tid], "source": src} for tid, src in TREND_SOURCES.items()],
        "problems": [
            {"id": pid, "text": words["problems"][pid], "votes": votes, "swot_id": swot_id, "opportunity_ids": opps}
            for pid, (swot_id, votes, opps) in PROBLEMS.items()
        ],
        "opportunities": [
            {"id": oid, "text": words["opportunities"][oid], "votes": votes, "swot_id": swot_id}
            for oid, (swot_id, votes) in OPPORTUNITIES.items()
        ],
        "mission": {
            "drafts": [
                {
                    "id": did,
                    **{part: words["mission"][did][part] for part in ("who", "change", "for_whom", "how", "text")},
                    "created": DRAFT_CREATED[did],
                    "history": [
                        {"text": text, "at": at}
                        for text, at in zip(words["mission"][did].get("history", []), DRAFT_HISTORY_AT)
                    ],
                }
                for did in ("md1", "md2", "md3")
            ],
            "adopted_id": ADOPTED,
            "vision": words["vision"],
        },
        "partners": [_partner(pid, row, words["partners"][pid]) for pid, row in PARTNERS.items()],
        "coalition_type": {"answers": TYPE_ANSWERS, "chosen": "ongoing-coalition", "reason": words["type_reason"]},
        "structure": {
            "committees": [
                {
                    "id": c["id"],
                    "kind": c["kind"],
                    "name": words["committees"][c["id"]]["name"],
                    "cadence": words["committees"][c["id"]]["cadence"],
                    "decision_authority": words["committees"][c["id"]]["authority"],
                    "members": [_member(row, words) for row in c["members"]],
                }
                for c in committees
            ]
        },
        "goals": [
            {
                "id": gid,
                "kind": kind,
                "category": category,
                "text": words["goals"][gid],
                "work_group_id": wg,
                "convener": words["partners"][convener]["contact"],
                "votes": votes,
                "plans": [_plan(plid, row, words) for plid, row in PLANS.items() if row[0] == gid],
            }
            for gid, (kind, category, wg, convener, votes) in GOALS.items()
        ],
        "ground_rules": {
            "rules": [
                {
                    "id": rid,
                    "category": category,
                    "source": source,
                    "text": _rule_text(source, etiquette) if source else words["own_rules"][rid],
                    "status": status,
                }
                for rid, (category, source, status) in RULES.items()
            ],
            "decision_procedure": "consent",
            "quorum": 11,
            "conflict_resolution": "mediator",
            "reopen_rule": words["reopen_rule"],
            "executive_may_decide": words["executive_may_decide"],
        },
        "evaluation": {
            "eight_steps": EIGHT_STEPS,
            "ratings": [{"id": f"r{n:02d}", "question": q, "score": s} for n, (q, s) in enumerate(RATINGS, start=1)],
            "indicators": INDICATORS,
            "next_steps": _items("ns", words["next_steps"]),
        },
        "timing": {"timeboxes": TIMEBOXES, "spent": SPENT, "dots_per_participant": 3},
        "facilitator_notes": words["facilitator_notes"],
    }
    return doc


def _partner(pid: str, row: tuple[Any, ...], w: dict[str, Any]) -> dict[str, Any]:
    sector, status, authority, influence, interest, follow_ups = row
    return {
        "id": pid,
        "organisation": w["organisation"],
        "sector": sector,
        "contact_person": w["contact"],
        "email": w["email"],
        "phone": w["phone"],
        "role": w["role"],
        "contribution": w["contribution"],
        "barriers": w["barriers"],
        "status": status,
        "decision_authority": authority,
        "influence": influence,
        "interest": interest,
        "notes": w.get("notes", ""),
        "follow_ups": [
            {"id": f"fu-{pid}-{n}", "due": due, "text": text, "done": done}
            for n, ((due, done), text) in enumerate(zip(follow_ups, w.get("follow_ups", []), strict=True), start=1)
        ],
    }


def _plan(plid: str, row: tuple[Any, ...], words: dict[str, Any]) -> dict[str, Any]:
    _, partner, start, end, staffing, support = row
    w = words["plans"][plid]
    return {
        "id": plid,
        "task": w["task"],
        "responsible_partner_id": partner,
        "start": start,
        "end": end,
        "criteria": w["criteria"],
        "budget": w["budget"],
        "currency": words["currency"],
        "staffing": staffing,
        "community_support": support,
    }


def write(lang: str, words: dict[str, Any]) -> Path:
    """Validate the demo of a language and write it in its normalised JSON form."""
    workshop = workshop_from_dict(build(lang, words))
    path = HERE / f"demo.{lang}.json"
    text = json.dumps(workshop_to_dict(workshop), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


