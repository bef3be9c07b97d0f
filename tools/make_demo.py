"""Write the two bundled demo workshops: `demo.en.json` and `demo.ar.json`.

Run from the repository root: ``python tools/make_demo.py``. The app never runs
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

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "content" / "demo"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workshop.core.model import SCHEMA_VERSION, workshop_from_dict, workshop_to_dict  # noqa: E402

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
    """Needs answers or next steps: a text, or (text, author), or (text, author, due date)."""
    out = []
    for number, entry in enumerate(texts, start=1):
        text, author, *due = entry if isinstance(entry, tuple) else (entry, "")
        item = {"id": f"{prefix}-{number}", "text": text, "author": author}
        if due:
            item["due"] = due[0]
        out.append(item)
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
        "schema_version": SCHEMA_VERSION,
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
            "next_meeting": words["next_meeting"],
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
    path = DEMO / f"demo.{lang}.json"
    text = json.dumps(workshop_to_dict(workshop), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- English words

EN: dict[str, Any] = {
    "meta": {
        "title": "Eastbrook Healthy Start Coalition — founding workshop",
        "place": "Eastbrook Community Centre, Columbus, Ohio",
        "facilitator": "Joanne Whitaker",
    },
    "currency": "USD",
    "participants": {
        "p01": ("Denise Howard", "Eastbrook Parents' Association"),
        "p02": ("Marcus Bell", "Eastbrook Family Health Centre"),
        "p03": ("Dr Aisha Rahman", "City Public Health Department — Northeast District"),
        "p04": ("Carmen Ortiz", "Eastbrook Head Start"),
        "p05": ("Tom Kowalski", "Kowalski Family Pharmacy"),
        "p06": ("Grace Mensah", "Eastbrook Tenants' Union"),
        "p07": ("Rev. James Carter", "Second Baptist Church — Outreach Ministry"),
        "p08": ("Priya Nair", "State University College of Nursing"),
        "p09": ("Kevin O'Brien", "WCBK Community Radio 89.1"),
        "p10": ("Linda Park", "Central Ohio Children's Fund"),
        "p11": ("Samuel Adeyemi", "Family Food Bank of Eastbrook"),
        "p12": ("Rosa Delgado", "Resident, mother of three"),
        "p13": ("Michael Turner", "Eastbrook Business Association"),
        "p14": ("Fatuma Hassan", "Somali Mothers' Circle"),
    },
    "people": {
        "resident1": "Rosa Delgado",
        "resident2": "Ahmed Yusuf",
        "youth": "Brianna Scott",
        "father": "Luis Romero",
        "councillor": "Angela Moore (city council, District 4)",
        "paediatrician": "Dr Helen Cho",
        "principal": "Daniel Green (Eastbrook Elementary)",
        "disability": "Janelle Brooks",
        "childminder": "Mei Lin (home childminder)",
        "coordinator": "Hannah Brooks (coordinator, half-time)",
        "health_worker": "Yasmin Ali (community health worker)",
    },
    "needs": {
        "accomplish": [
            ("Every young child in Eastbrook gets regular check-ups, vaccinations and dental care before starting school.", "Denise Howard"),
            ("Parents know where to turn when a baby is sick at night or at the weekend, instead of waiting hours in the emergency room.", "Rosa Delgado"),
            "Services for young children work as one system instead of seven separate doors.",
        ],
        "strengths": [
            ("Strong parent networks: the Parents' Association and the Somali Mothers' Circle reach about 600 households.", "Fatuma Hassan"),
            "A family health centre and a Head Start programme inside the neighbourhood.",
            ("Churches and a food bank that families already trust.", "Rev. James Carter"),
        ],
        "needs": [
            "Only one paediatric practice within reach by bus, with six weeks' wait for a first appointment.",
            ("Many families lose their children's health coverage at renewal without knowing they can re-enrol.", "Marcus Bell"),
            ("Rented flats with mould and old lead paint that make children sick.", "Grace Mensah"),
            "Health information in Somali and Spanish, not only in English.",
        ],
        "pros": [
            "One coordinated home visit instead of four separate ones.",
            ("A stronger voice with the city and the county when we speak together.", "Grace Mensah"),
            ("Funding that no single member could win on its own.", "Linda Park"),
        ],
        "cons": [
            "Meetings take staff time that small organisations do not have.",
            ("Large institutions may take over the agenda.", "Denise Howard"),
            "Members may compete for the same grants.",
        ],
        "goals": [
            "Raise well-child visit and vaccination rates for children under six.",
            ("A trained parent health promoter for every few blocks.", "Carmen Ortiz"),
            "A permanent early-childhood health hub in Eastbrook.",
        ],
    },
    "readiness": {
        "q1": "Health, housing, food, income and language all play a part.",
        "q2": "No agency is mandated to coordinate care for under-sixes in the neighbourhood.",
        "q4": "Eleven organisations came today; three more have asked to join.",
        "q6": "Staff time is promised, but no funder has committed money yet; the Children's Fund answers in December.",
        "q7": "Members agreed to carry on even if the first grant application fails.",
    },
    "swot": {
        "sw-s1": "Parents' groups that reach about 600 households",
        "sw-s2": "A family health centre and Head Start already in the neighbourhood",
        "sw-s3": "Trusted faith communities and the food bank",
        "sw-s4": "Residents who speak Somali, Spanish and Arabic",
        "sw-s5": "A nursing school that wants student placements here",
        "sw-s6": "Local shops willing to host information points",
        "sw-w1": "No shared data: each service counts children differently",
        "sw-w2": "Little staff time for coordination",
        "sw-w3": "Low trust in large institutions after earlier projects ended abruptly",
        "sw-w4": "Few fathers involved",
        "sw-w5": "No budget of our own",
        "sw-w6": "Information mostly in English only",
        "sw-o1": "The state's early-childhood home-visiting funding round opens in spring 2027",
        "sw-o2": "The city council wants neighbourhood health plans before the 2027 budget",
        "sw-o3": "Community radio offers a free weekly slot",
        "sw-o4": "Nursing students need community placements",
        "sw-o5": "An empty shopfront on Maple Avenue could become a family hub",
        "sw-o6": "National attention to lead poisoning in children",
        "sw-t1": "Families losing their children's health coverage at renewal",
        "sw-t2": "Rising rents pushing families out of the neighbourhood",
        "sw-t3": "Cuts to the county's public health budget",
        "sw-t4": "The nearest paediatric practice may move to the suburbs",
        "sw-t5": "Fear among immigrant families of using public services",
        "sw-t6": "Funders tired of short pilot projects",
    },
    "trends": {
        "tr1": "Mothers describe waiting hours in the emergency room with a feverish baby because the clinic's phone is never answered.",
        "tr2": "The health centre's records show only 64% of its patients aged 19-35 months fully vaccinated.",
        "tr3": "Head Start staff see more children arriving with untreated tooth decay every year.",
        "tr4": "One child under six in four lives in a household that used the food bank in the last year (food bank survey).",
        "tr5": "Newly arrived Somali and Central American families rely on neighbours, not services, for health advice.",
    },
    "opportunities": {
        "op1": "Apply together for the state's home-visiting funding",
        "op2": "Train residents as paid parent health promoters",
        "op3": "A weekly parents' programme on community radio",
        "op4": "Turn the Maple Avenue shopfront into a family health hub",
        "op5": "Feed our findings into the city's neighbourhood health plan",
        "op6": "Coverage enrolment days at schools and churches",
    },
    "problems": {
        "pr1": "Nobody knows how many young children miss their check-ups",
        "pr2": "Families lose their children's health coverage at renewal without noticing",
        "pr3": "Long waits for a first paediatric appointment",
        "pr4": "Parents distrust services after earlier projects ended abruptly",
        "pr5": "The nearest paediatric practice may leave the neighbourhood",
        "pr6": "Mould and lead paint in rented flats make children sick",
    },
    "mission": {
        "md1": {
            "who": "Eastbrook parents and the organisations that serve them",
            "change": "better health for young children",
            "for_whom": "children from birth to six in Eastbrook",
            "how": "by joint outreach",
            "text": "Eastbrook parents and partners working together for healthier young children.",
        },
        "md2": {
            "who": "A coalition of Eastbrook residents, community organisations and public, private and non-profit partners",
            "change": "creates and advocates for strategies and programmes that respond effectively to complex health needs",
            "for_whom": "children from low-income families in Eastbrook, from infancy to six years",
            "how": "by putting parents' voices first, sharing resources and holding services to account",
            "text": (
                "We, a coalition of Eastbrook residents, community organisations and public, private and non-profit "
                "partners, create and advocate for strategies and programmes that respond effectively to the complex "
                "health needs of children from low-income families in Eastbrook, from infancy to six years — putting "
                "parents' voices first, sharing resources and holding services to account."
            ),
            "history": [
                "Eastbrook residents and partners improve health services for young children.",
                (
                    "A coalition of Eastbrook residents and partners that creates programmes for the health of children "
                    "from low-income families, from infancy to six years."
                ),
            ],
        },
        "md3": {
            "who": "The Eastbrook Healthy Start Coalition",
            "change": "make Eastbrook the healthiest neighbourhood in the city to be a young child",
            "for_whom": "all families with young children",
            "how": "through services, research and advocacy",
            "text": (
                "The Eastbrook Healthy Start Coalition will make Eastbrook the healthiest neighbourhood in the city to "
                "be a young child, through services, research and advocacy."
            ),
        },
    },
    "vision": (
        "By 2032 every child in Eastbrook starts school healthy: known to a doctor and a dentist, fully vaccinated, "
        "well fed and living in a safe home, with parents who shape the services their families use."
    ),
    "partners": {
        "pa01": {
            "organisation": "Eastbrook Parents' Association",
            "contact": "Denise Howard",
            "email": "denise.howard@example.org",
            "phone": "+1 614-555-0101",
            "role": "Convening community organisation; chairs the executive committee",
            "contribution": "A volunteer network of 120 parents, door-to-door outreach and a meeting room",
            "barriers": "No paid staff; volunteers are only free in the evenings",
            "notes": "Trusted by residents. Keep her in front whenever the county speaks.",
            "follow_ups": ["Send a copy of the signed memorandum to every member"],
        },
        "pa02": {
            "organisation": "Eastbrook Family Health Centre",
            "contact": "Marcus Bell",
            "email": "m.bell@example.org",
            "phone": "+1 614-555-0102",
            "role": "Lead health provider; vice-chair of the executive committee; hosts the coordinator",
            "contribution": "Clinic space on Saturdays, two nurses, anonymised figures from patient records",
            "barriers": "Federal reporting rules limit data sharing; staff already overstretched",
            "notes": "Wants the home-visiting grant to run through the centre: watch that the agenda is not taken over.",
            "follow_ups": [
                "Agree a data-sharing template with Dr Rahman",
                "Confirm the Saturday clinic dates for January",
            ],
        },
        "pa03": {
            "organisation": "City Public Health Department — Northeast District",
            "contact": "Dr Aisha Rahman",
            "email": "a.rahman@example.org",
            "phone": "+1 614-555-0103",
            "role": "Public partner for immunisation and data",
            "contribution": "Vaccination outreach teams, district data, training for parent promoters",
            "barriers": "Needs the director's sign-off for new commitments; budget cuts expected",
            "notes": "Can commit up to $5,000 on her own authority; anything larger goes to the director.",
            "follow_ups": ["Ask the director for a letter of commitment"],
        },
        "pa04": {
            "organisation": "Eastbrook Head Start",
            "contact": "Carmen Ortiz",
            "email": "c.ortiz@example.org",
            "phone": "+1 614-555-0104",
            "role": "Convenes the health services work group",
            "contribution": "Health screening for 140 children a year, family advocates, classrooms for evening sessions",
            "barriers": "Federal programme rules and a long approval chain for new activities",
            "notes": "Very organised; a natural convener.",
            "follow_ups": ["Share the developmental screening calendar"],
        },
        "pa05": {
            "organisation": "Kowalski Family Pharmacy",
            "contact": "Tom Kowalski",
            "email": "tom.kowalski@example.com",
            "phone": "+1 614-555-0105",
            "role": "Private partner; treasurer of the executive committee",
            "contribution": "Free vaccination days, discounted children's medicines, bookkeeping",
            "barriers": "A small business: can give time only on Mondays",
            "notes": "Offered to be treasurer: agree a conflict-of-interest rule for purchases first.",
            "follow_ups": ["Send him the draft conflict-of-interest policy"],
        },
        "pa06": {
            "organisation": "Eastbrook Tenants' Union",
            "contact": "Grace Mensah",
            "email": "grace.mensah@example.org",
            "phone": "+1 614-555-0106",
            "role": "Community partner linking housing and health",
            "contribution": "Organises 300 tenants; knows the buildings with mould and lead problems",
            "barriers": "In dispute with two large landlords; some members fear eviction",
            "notes": "Keep housing on the agenda: the room has not linked the mould problem to an opportunity yet.",
        },
        "pa07": {
            "organisation": "Second Baptist Church — Outreach Ministry",
            "contact": "Rev. James Carter",
            "email": "j.carter@example.org",
            "phone": "+1 614-555-0107",
            "role": "Convenes the policy and advocacy work group",
            "contribution": "A hall for public forums, volunteers, relationships with council members",
            "barriers": "Cannot endorse candidates; limited to non-partisan advocacy",
            "notes": "A strong speaker; brief him before council hearings.",
            "follow_ups": ["Book the hall for the January public forum"],
        },
        "pa08": {
            "organisation": "State University College of Nursing",
            "contact": "Priya Nair",
            "email": "p.nair@example.org",
            "phone": "+1 614-555-0108",
            "role": "Academic partner; convenes the research and parent education work group",
            "contribution": "Survey design, ethics review, data analysis, 12 nursing students a semester",
            "barriers": "Tied to the academic calendar; no students in the summer",
            "notes": "Offered the data analysis free of charge.",
            "follow_ups": ["Send the survey draft to the executive committee"],
        },
        "pa09": {
            "organisation": "WCBK Community Radio 89.1",
            "contact": "Kevin O'Brien",
            "email": "kevin.obrien@example.com",
            "phone": "+1 614-555-0109",
            "role": "Media partner",
            "contribution": "A weekly half-hour slot, production support and social media",
            "barriers": "Kevin is a volunteer producer and cannot commit the station; the board decides in January",
            "notes": "The station manager, not Kevin, has the authority: ask her to name an official delegate.",
            "follow_ups": ["Call the station manager about a formal delegate"],
        },
        "pa10": {
            "organisation": "Central Ohio Children's Fund",
            "contact": "Linda Park",
            "email": "l.park@example.org",
            "phone": "+1 614-555-0110",
            "role": "Donor; advises on fundraising",
            "contribution": "A planning grant of up to $25,000 and help with the state application",
            "barriers": "Cannot fund building work; the board decides in December",
            "notes": "Friendly, but do not let the fund's priorities rewrite the mission.",
            "follow_ups": ["Send the letter of intent", "Follow up on the planning-grant decision"],
        },
        "pa11": {
            "organisation": "Family Food Bank of Eastbrook",
            "contact": "Samuel Adeyemi",
            "email": "s.adeyemi@example.org",
            "phone": "+1 614-555-0111",
            "role": "Non-profit partner for nutrition",
            "contribution": "Weekly distribution to 400 families, a stock of infant formula, volunteers",
            "barriers": "The warehouse is full; formula supply is irregular",
        },
        "pa12": {
            "organisation": "Eastbrook Business Association",
            "contact": "Michael Turner",
            "email": "m.turner@example.com",
            "phone": "+1 614-555-0112",
            "role": "Private partner (prospective)",
            "contribution": "Information points in 20 shops, small sponsorships",
            "barriers": "Members are sceptical and want visibility in return",
            "notes": "Met at the workshop; invite him to the next executive meeting.",
            "follow_ups": ["Send him the one-page summary of the coalition"],
        },
        "pa13": {
            "organisation": "Somali Mothers' Circle",
            "contact": "Fatuma Hassan",
            "email": "f.hassan@example.org",
            "phone": "+1 614-555-0113",
            "role": "Community partner for outreach and interpretation",
            "contribution": "Outreach to 90 Somali families, interpretation, cultural advice",
            "barriers": "Run by volunteers who work shifts",
            "notes": "Key to trust with newly arrived families.",
            "follow_ups": ["Translate the mission into Somali"],
        },
        "pa14": {
            "organisation": "County Department of Job and Family Services",
            "contact": "Robert Lee",
            "email": "r.lee@example.org",
            "phone": "+1 614-555-0114",
            "role": "Public partner (prospective) for health-coverage enrolment",
            "contribution": "Enrolment workers for coverage days",
            "barriers": "A large bureaucracy; nobody is assigned to Eastbrook",
            "notes": "Robert is only a name from the councillor's office.",
            "follow_ups": ["Reach the right contact through Councillor Moore's office"],
        },
        "pa15": {
            "organisation": "Eastbrook Legal Aid Clinic",
            "contact": "Sarah Goldberg",
            "email": "s.goldberg@example.org",
            "phone": "+1 614-555-0115",
            "role": "Non-profit partner (prospective) for housing conditions",
            "contribution": "Legal advice to tenants on mould and lead",
            "barriers": "Caseload full until the spring",
            "notes": "Could help with the housing problem the room has not linked yet.",
        },
    },
    "type_reason": (
        "We want to work for many years on related issues (services, research and advocacy for young children), "
        "we share a deep commitment, and we need committees and staff. Grants will start us off, but in-kind "
        "contributions from members must carry the coalition in the long run."
    ),
    "committees": {
        "cm-strategic": {
            "name": "Strategic committee",
            "cadence": "Quarterly, Saturday mornings, two hours",
            "authority": (
                "Approves the mission, the annual plan and budget, new members and the work groups' plans; "
                "elects the executive committee."
            ),
        },
        "cm-executive": {
            "name": "Executive committee",
            "cadence": "Monthly, first Tuesday evening, 90 minutes",
            "authority": (
                "Runs the coalition between strategic meetings within the approved plan and budget; prepares the "
                "strategic committee's agenda."
            ),
        },
        "wg1": {
            "name": "Health services work group",
            "cadence": "Every two weeks",
            "authority": "Plans and carries out the action plans of its goals; reports monthly to the executive.",
        },
        "wg2": {
            "name": "Research and parent education work group",
            "cadence": "Every two weeks",
            "authority": "Plans and carries out the action plans of its goal; reports monthly to the executive.",
        },
        "wg3": {
            "name": "Policy and advocacy work group",
            "cadence": "Monthly, and before every council hearing",
            "authority": "Prepares positions for the strategic committee; speaks publicly only with its mandate.",
        },
        "cm-staff": {
            "name": "Coalition staff",
            "cadence": "Weekly check-in with the chair",
            "authority": "Carries out decisions; reports monthly to the executive and quarterly to the strategic committee.",
        },
    },
    "goals": {
        "g1": (
            "Every child under six in Eastbrook is known to a family doctor and up to date on check-ups and "
            "vaccinations by December 2027."
        ),
        "g2": "We know our children's health from parents' stories and from data, and share what we learn with every family.",
        "g3": "The city commits to a permanent early-childhood health hub in Eastbrook.",
        "g4": "No family with a child under six goes without infant formula, nappies or fresh food.",
    },
    "plans": {
        "pl1a": {
            "task": "A monthly Saturday well-child and vaccination clinic, with reminders from the parent promoters",
            "criteria": "At least 300 children seen in 2027; full vaccination at 35 months rises from 64% to 80% in the centre's records",
            "budget": 48000,
        },
        "pl1b": {
            "task": "Recruit and train eight residents as paid parent health promoters (Somali, Spanish, English)",
            "criteria": "Eight promoters trained by June; each follows at least 25 families",
            "budget": 12000,
        },
        "pl2a": {
            "task": "A door-to-door survey of 400 households with children under six, designed with parents",
            "criteria": "400 completed surveys by April 2027; results presented at a public forum in May",
            "budget": 9500,
        },
        "pl2b": {
            "task": "A weekly half-hour for parents on WCBK radio: health tips, services and parents' own stories",
            "criteria": "",
            "budget": 2400,
        },
        "pl3a": {
            "task": "A petition and a public hearing: present the survey findings and parents' stories to the city council",
            "criteria": "1,000 signatures; a hearing before the 2027 budget vote; the hub named in the neighbourhood health plan",
            "budget": 1500,
        },
        "pl3b": {
            "task": "Meet each council member and the county health commissioner with a two-page brief",
            "criteria": "Meetings with at least five of the seven council members by September 2027",
            "budget": 800,
        },
        "pl4a": {
            "task": "A weekly family market at the food bank with formula, nappies and fresh produce, plus enrolment help",
            "criteria": "250 families a month served; no formula shortage reported for three months in a row",
            "budget": 20000,
        },
    },
    "own_rules": {
        "gr11": "Children are welcome at every meeting: childcare is provided and meetings end by 8 pm.",
        "gr12": "A member organisation that misses three meetings in a row loses its vote.",
    },
    "reopen_rule": (
        "A decision may be reopened after six months, or earlier if at least a third of the strategic committee "
        "asks in writing with new information."
    ),
    "executive_may_decide": (
        "Spending up to $2,000 per item within the approved budget, meeting dates and venues, and press statements "
        "that repeat adopted positions. Everything else goes to the strategic committee."
    ),
    "next_steps": [
        ("Send the workshop report and the adopted mission to every participant by 21 October.", "Joanne Whitaker", "2026-10-21"),
        ("First executive committee meeting on 3 November at the Family Health Centre.", "Denise Howard", "2026-11-03"),
        ("Work groups meet before 15 November and draft their first action plans.", "Carmen Ortiz", "2026-11-15"),
        ("Invite the Legal Aid Clinic and Job and Family Services, and find a way to act on mould and lead.", "Grace Mensah", "2026-11-30"),
    ],
    "next_meeting": {"date": "2026-11-03", "time": "18:00", "place": "Eastbrook Family Health Centre"},
    "facilitator_notes": {
        "readiness": (
            "Question 6 stays unsure until the Children's Fund decides in December. It should not block us: "
            "the room agreed to go ahead on members' staff time."
        ),
        "mapping": (
            "The mould and lead problem got votes but no opportunity. The tenants' union wants to keep it; "
            "revisit it when the Legal Aid Clinic joins."
        ),
        "structure": (
            "The radio sent a volunteer without authority: ask the station manager to name an official delegate "
            "before the first strategic meeting. Watch that the Health Centre does not dominate the executive."
        ),
    },
}

# --------------------------------------------------------------------------- Arabic words

AR: dict[str, Any] = {
    "meta": {
        "title": "تحالف النزهة لصحة الطفولة المبكرة — الورشة التأسيسية",
        "place": "قاعة جمعية أمهات حي النزهة، إربد",
        "facilitator": "منى الخصاونة",
    },
    "currency": "JOD",
    "participants": {
        "p01": ("سهام العمري", "جمعية أمهات حي النزهة"),
        "p02": ("د. رامي البطاينة", "المركز الطبي الخيري في النزهة"),
        "p03": ("د. هالة العزام", "مديرية صحة محافظة إربد — مركز صحي النزهة الشامل"),
        "p04": ("ريم الشرع", "مديرية التنمية الاجتماعية في إربد — قسم الطفولة"),
        "p05": ("خالد بني هاني", "صيدلية الشفاء"),
        "p06": ("أحمد الروسان", "لجنة سكان حي النزهة"),
        "p07": ("الشيخ عبد الله القرعان", "لجنة زكاة مسجد النزهة"),
        "p08": ("د. ليلى الحمود", "كلية التمريض — جامعة الشمال"),
        "p09": ("يوسف الشياب", "إذاعة صوت الشمال المجتمعية"),
        "p10": ("ديما الطعاني", "صندوق الطفولة المبكرة للتنمية"),
        "p11": ("عمر الجراح", "بنك الطعام في الشمال"),
        "p12": ("فاطمة العبد الله", "مقيمة في الحي، أم لأربعة أطفال"),
        "p13": ("سامر عبيدات", "جمعية تجار سوق النزهة"),
        "p14": ("مريم الحسن", "ملتقى الأمهات السوريات في إربد"),
    },
    "people": {
        "resident1": "فاطمة العبد الله",
        "resident2": "محمود الزعبي",
        "youth": "رهف المومني",
        "father": "إبراهيم الخزاعلة",
        "councillor": "م. فراس التل (عضو المجلس المحلي)",
        "paediatrician": "د. سناء الربضي (طبيبة أطفال)",
        "principal": "وفاء الكوفحي (مديرة مدرسة النزهة الأساسية)",
        "disability": "نجلاء الحوراني (أم لطفل من ذوي الإعاقة)",
        "childminder": "هيام السعدي (صاحبة حضانة منزلية)",
        "coordinator": "لينا العمري (منسّقة بدوام جزئي)",
        "health_worker": "آمنة الخطيب (عاملة صحة مجتمعية)",
    },
    "needs": {
        "accomplish": [
            ("أن يحصل كل طفل في الحي على الفحوص الدورية والمطاعيم ورعاية الأسنان قبل دخوله المدرسة.", "سهام العمري"),
            ("أن تعرف الأمهات إلى أين يتوجهن حين يمرض الطفل ليلًا أو في العطلة، بدل الانتظار ساعات في الطوارئ.", "فاطمة العبد الله"),
            "أن تعمل خدمات الطفولة المبكرة في الحي كمنظومة واحدة لا كأبواب متفرقة.",
        ],
        "strengths": [
            ("شبكات أمهات قوية: جمعية الأمهات وملتقى الأمهات السوريات تصلان إلى نحو 550 أسرة.", "مريم الحسن"),
            "مركز صحي شامل ومركز طبي خيري داخل الحي.",
            ("مسجد ولجنة زكاة وبنك طعام تثق بها الأسر.", "الشيخ عبد الله القرعان"),
        ],
        "needs": [
            "طبيب أطفال واحد في المركز الصحي يداوم يومين فقط في الأسبوع.",
            ("أسر كثيرة لا تعرف أن أطفالها دون السادسة مشمولون بالتأمين الصحي المدني.", "د. هالة العزام"),
            ("شقق تسوية رطبة يكثر فيها العفن وتسبب أمراض الصدر للأطفال.", "أحمد الروسان"),
            "معلومات صحية بلغة بسيطة تناسب الأمهات الصغيرات في السن.",
        ],
        "pros": [
            "زيارة منزلية واحدة منسّقة بدل أربع زيارات متفرقة.",
            ("صوت أقوى أمام البلدية ومديرية الصحة حين نتحدث معًا.", "أحمد الروسان"),
            ("تمويل لا تستطيع أي مؤسسة منفردة الحصول عليه.", "ديما الطعاني"),
        ],
        "cons": [
            "الاجتماعات تستهلك وقت موظفين لا تملكه الجمعيات الصغيرة.",
            ("قد تستحوذ المؤسسات الكبيرة على جدول الأعمال.", "سهام العمري"),
            "قد يتنافس الأعضاء على المنح نفسها.",
        ],
        "goals": [
            "رفع نسب الفحص الدوري واستكمال المطاعيم للأطفال دون السادسة.",
            ("مثقِّفة صحية مدرَّبة من الأمهات لكل مجموعة من الشوارع.", "ريم الشرع"),
            "مركز دائم لصحة الطفولة المبكرة في حي النزهة.",
        ],
    },
    "readiness": {
        "q1": "تتداخل فيها الصحة والسكن والغذاء والدخل والتعليم.",
        "q2": "لا توجد جهة مكلّفة بتنسيق رعاية الأطفال دون السادسة على مستوى الحي.",
        "q4": "حضرت اليوم إحدى عشرة مؤسسة، وطلبت ثلاث أخرى الانضمام.",
        "q6": "وُعدنا بوقت موظفين، لكن لم تلتزم أي جهة مانحة بالتمويل بعد؛ يردّ صندوق الطفولة المبكرة في كانون الأول.",
        "q7": "اتفق الأعضاء على الاستمرار حتى لو رُفض أول طلب تمويل.",
    },
    "swot": {
        "sw-s1": "جمعيات أمهات تصل إلى نحو 550 أسرة",
        "sw-s2": "مركز صحي شامل ومركز طبي خيري داخل الحي",
        "sw-s3": "ثقة الأسر بالمسجد ولجنة الزكاة وبنك الطعام",
        "sw-s4": "أمهات متطوعات من المجتمعين الأردني والسوري",
        "sw-s5": "كلية تمريض تبحث عن مواقع تدريب ميداني في الحي",
        "sw-s6": "محال تجارية مستعدة لاستضافة نقاط معلومات",
        "sw-w1": "لا بيانات مشتركة: كل جهة تحصي الأطفال بطريقتها",
        "sw-w2": "قلة وقت الموظفين المخصص للتنسيق",
        "sw-w3": "ضعف الثقة بالمؤسسات الكبيرة بعد مشاريع توقفت فجأة",
        "sw-w4": "مشاركة ضعيفة من الآباء",
        "sw-w5": "لا ميزانية خاصة بنا",
        "sw-w6": "المواد التوعوية مكتوبة بلغة صعبة على كثير من الأمهات",
        "sw-o1": "برنامج منح للزيارات المنزلية في الطفولة المبكرة يُفتح في ربيع 2027",
        "sw-o2": "البلدية تعدّ خطة تنمية محلية للأحياء قبل موازنة 2027",
        "sw-o3": "إذاعة مجتمعية تعرض فقرة أسبوعية مجانية",
        "sw-o4": "طلبة التمريض بحاجة إلى تدريب ميداني",
        "sw-o5": "مبنى بلدي غير مستخدم في شارع الروضة يمكن أن يصبح مركزًا للأسرة",
        "sw-o6": "اهتمام وطني متزايد بالطفولة المبكرة",
        "sw-t1": "أسر لا تجدّد أوراقها فتنقطع عن الخدمات المجانية",
        "sw-t2": "ارتفاع الإيجارات يدفع الأسر إلى مغادرة الحي",
        "sw-t3": "تقليص موازنات الصحة العامة",
        "sw-t4": "احتمال نقل طبيب الأطفال من المركز الصحي إلى مركز آخر",
        "sw-t5": "خوف بعض الأسر اللاجئة من مراجعة الجهات الرسمية",
        "sw-t6": "ملل الجهات المانحة من المشاريع التجريبية القصيرة",
    },
    "trends": {
        "tr1": "تروي الأمهات أنهن ينتظرن ساعات في قسم الطوارئ مع رضيع محموم لأن المركز الصحي مغلق بعد الظهر.",
        "tr2": "تُظهر سجلات المركز الصحي أن 68% فقط من الأطفال بعمر 18 شهرًا أكملوا مطاعيمهم في موعدها.",
        "tr3": "يلاحظ معلمو رياض الأطفال ازدياد حالات تسوّس الأسنان وفقر الدم بين الأطفال عامًا بعد عام.",
        "tr4": "ارتفع عدد الأسر المستفيدة من بنك الطعام بنسبة 30% خلال عامين، ونصفها لديه أطفال دون السادسة.",
        "tr5": "الأسر اللاجئة القادمة حديثًا تعتمد على الجارات لا على الخدمات في طلب النصيحة الصحية.",
    },
    "opportunities": {
        "op1": "التقدم معًا لمنحة الزيارات المنزلية في الطفولة المبكرة",
        "op2": "تدريب أمهات من الحي ليعملن مثقّفات صحيات بأجر",
        "op3": "برنامج أسبوعي للأهل في الإذاعة المجتمعية",
        "op4": "تحويل مبنى شارع الروضة إلى مركز صحي للأسرة",
        "op5": "إدخال نتائجنا في خطة التنمية المحلية للبلدية",
        "op6": "أيام لتسجيل الأطفال في التأمين الصحي في المدارس والمسجد",
    },
    "problems": {
        "pr1": "لا أحد يعرف عدد الأطفال الذين تفوتهم الفحوص الدورية",
        "pr2": "أسر تنقطع عن الخدمات المجانية لأنها لم تجدّد أوراقها",
        "pr3": "انتظار طويل لموعد طبيب الأطفال",
        "pr4": "عدم ثقة الأهل بالخدمات بعد مشاريع توقفت فجأة",
        "pr5": "قد يُنقل طبيب الأطفال من مركز الحي",
        "pr6": "الرطوبة والعفن في شقق التسوية تُمرض الأطفال",
    },
    "mission": {
        "md1": {
            "who": "أهالي حي النزهة والمؤسسات التي تخدمهم",
            "change": "صحة أفضل للأطفال الصغار",
            "for_whom": "الأطفال من الولادة حتى السادسة في الحي",
            "how": "بالعمل الميداني المشترك",
            "text": "أهالي حي النزهة وشركاؤهم يعملون معًا من أجل أطفال أكثر صحة.",
        },
        "md2": {
            "who": "تحالف من أهالي حي النزهة ومنظماته المجتمعية وشركاء من القطاعات العامة والخاصة وغير الربحية",
            "change": "نضع ونناصر استراتيجيات وبرامج تستجيب بفاعلية للاحتياجات الصحية المعقدة",
            "for_whom": "أطفال الأسر منخفضة الدخل في حي النزهة، من الرضاعة حتى سن السادسة",
            "how": "بتقديم صوت الأهالي أولًا، وتقاسم الموارد، ومساءلة الخدمات",
            "text": (
                "نحن تحالف من أهالي حي النزهة ومنظماته المجتمعية وشركاء من القطاعات العامة والخاصة وغير الربحية، "
                "نضع ونناصر استراتيجيات وبرامج تستجيب بفاعلية للاحتياجات الصحية المعقدة لأطفال الأسر منخفضة الدخل "
                "في الحي، من الرضاعة حتى سن السادسة، مقدّمين صوت الأهالي أولًا، ومتقاسمين الموارد، ومسائلين الخدمات."
            ),
            "history": [
                "أهالي حي النزهة وشركاؤهم يحسّنون الخدمات الصحية للأطفال الصغار.",
                "تحالف من أهالي حي النزهة وشركائهم يضع برامج لصحة أطفال الأسر منخفضة الدخل من الرضاعة حتى سن السادسة.",
            ],
        },
        "md3": {
            "who": "تحالف النزهة لصحة الطفولة المبكرة",
            "change": "أن يصبح حي النزهة أفضل أحياء إربد صحةً للأطفال الصغار",
            "for_whom": "جميع الأسر التي لديها أطفال صغار",
            "how": "عبر الخدمات والبحث والمناصرة",
            "text": "يسعى تحالف النزهة لصحة الطفولة المبكرة إلى أن يكون الحي أفضل أحياء إربد صحةً للأطفال الصغار، عبر الخدمات والبحث والمناصرة.",
        },
    },
    "vision": (
        "بحلول عام 2032 يدخل كل طفل في حي النزهة المدرسة بصحة جيدة: له ملف لدى طبيب وطبيب أسنان، مكتمل المطاعيم، "
        "يتغذى جيدًا ويعيش في مسكن آمن، وأهله شركاء في رسم الخدمات التي تقدَّم لأسرهم."
    ),
    "partners": {
        "pa01": {
            "organisation": "جمعية أمهات حي النزهة",
            "contact": "سهام العمري",
            "email": "s.alomari@example.org",
            "phone": "+962 79 555 0101",
            "role": "المنظمة المجتمعية الداعية؛ ترأس اللجنة التنفيذية",
            "contribution": "شبكة من 120 أمًا متطوعة، وزيارات من باب إلى باب، وقاعة للاجتماعات",
            "barriers": "لا موظفين بأجر؛ المتطوعات متاحات في المساء فقط",
            "notes": "موضع ثقة الأهالي. تبقى في الواجهة كلما تحدثت مديرية الصحة.",
            "follow_ups": ["إرسال نسخة من مذكرة التفاهم الموقّعة إلى جميع الأعضاء"],
        },
        "pa02": {
            "organisation": "المركز الطبي الخيري في النزهة",
            "contact": "د. رامي البطاينة",
            "email": "r.albataineh@example.org",
            "phone": "+962 78 555 0102",
            "role": "مقدّم الخدمة الصحية الرئيس؛ نائب رئيسة اللجنة التنفيذية؛ يستضيف المنسّقة",
            "contribution": "عيادة أطفال يوم السبت، وممرضتان، وأرقام مجمّعة من سجلات المراجعين",
            "barriers": "أنظمة الجمعية تقيّد مشاركة البيانات؛ الطاقم مثقل بالعمل",
            "notes": "يريد أن تمر منحة الزيارات المنزلية عبر المركز: الانتباه ألا يستحوذ على جدول الأعمال.",
            "follow_ups": [
                "الاتفاق مع د. هالة العزام على نموذج لمشاركة البيانات",
                "تأكيد مواعيد عيادة السبت لشهر كانون الثاني",
            ],
        },
        "pa03": {
            "organisation": "مديرية صحة محافظة إربد — مركز صحي النزهة الشامل",
            "contact": "د. هالة العزام",
            "email": "h.alazzam@example.org",
            "phone": "+962 77 555 0103",
            "role": "شريك حكومي للمطاعيم والبيانات",
            "contribution": "فرق تطعيم ميدانية، وبيانات المركز، وتدريب المثقّفات الصحيات",
            "barriers": "أي التزام جديد يحتاج إلى موافقة مدير الصحة؛ تقليص متوقع في الموازنة",
            "notes": "صلاحيتها المالية محدودة؛ ما يزيد على 2000 دينار يُرفع إلى المدير.",
            "follow_ups": ["طلب كتاب التزام رسمي من مدير الصحة"],
        },
        "pa04": {
            "organisation": "مديرية التنمية الاجتماعية في إربد — قسم الطفولة",
            "contact": "ريم الشرع",
            "email": "r.alshara@example.org",
            "phone": "+962 79 555 0104",
            "role": "تنسّق مجموعة عمل الخدمات الصحية",
            "contribution": "الإشراف على الحضانات، وباحثات اجتماعيات، وقاعات للجلسات المسائية",
            "barriers": "سلسلة موافقات طويلة لأي نشاط جديد",
            "notes": "منظّمة جدًا؛ منسّقة بالفطرة.",
            "follow_ups": ["مشاركة جدول زيارات الحضانات"],
        },
        "pa05": {
            "organisation": "صيدلية الشفاء",
            "contact": "خالد بني هاني",
            "email": "k.banihani@example.com",
            "phone": "+962 78 555 0105",
            "role": "شريك من القطاع الخاص؛ أمين صندوق اللجنة التنفيذية",
            "contribution": "أيام توعية مجانية، وخصم على أدوية الأطفال، ومسك الدفاتر",
            "barriers": "منشأة صغيرة: يتفرّغ يوم الاثنين فقط",
            "notes": "عرض أن يكون أمين الصندوق: نتفق أولًا على قاعدة لتضارب المصالح في المشتريات.",
            "follow_ups": ["إرسال مسودة سياسة تضارب المصالح إليه"],
        },
        "pa06": {
            "organisation": "لجنة سكان حي النزهة",
            "contact": "أحمد الروسان",
            "email": "a.alrousan@example.org",
            "phone": "+962 77 555 0106",
            "role": "شريك مجتمعي يربط السكن بالصحة",
            "contribution": "تنظّم نحو 300 أسرة مستأجرة، وتعرف المباني التي تعاني الرطوبة والعفن",
            "barriers": "خلاف مع بعض المالكين؛ أسر تخشى الإخلاء",
            "notes": "إبقاء السكن على جدول الأعمال: لم تربط القاعة مشكلة الرطوبة بأي فرصة بعد.",
        },
        "pa07": {
            "organisation": "لجنة زكاة مسجد النزهة",
            "contact": "الشيخ عبد الله القرعان",
            "email": "a.alqaraan@example.org",
            "phone": "+962 79 555 0107",
            "role": "ينسّق مجموعة عمل السياسات والمناصرة",
            "contribution": "قاعة للقاءات العامة، ومتطوعون، وعلاقات مع أعضاء المجلس المحلي",
            "barriers": "لا تدخل في الحملات الانتخابية؛ مناصرة غير حزبية فقط",
            "notes": "خطيب مؤثر؛ نزوّده بالمعلومات قبل جلسات المجلس.",
            "follow_ups": ["حجز القاعة للّقاء العام في كانون الثاني"],
        },
        "pa08": {
            "organisation": "كلية التمريض — جامعة الشمال",
            "contact": "د. ليلى الحمود",
            "email": "l.alhamoud@example.org",
            "phone": "+962 78 555 0108",
            "role": "شريك أكاديمي؛ تنسّق مجموعة عمل البحث وتثقيف الأهل",
            "contribution": "تصميم المسح، ومراجعة أخلاقيات البحث، وتحليل البيانات، و12 طالبة تمريض كل فصل",
            "barriers": "مرتبطة بالتقويم الجامعي؛ لا طلبة في الصيف",
            "notes": "عرضت تحليل البيانات مجانًا.",
            "follow_ups": ["إرسال مسودة المسح إلى اللجنة التنفيذية"],
        },
        "pa09": {
            "organisation": "إذاعة صوت الشمال المجتمعية",
            "contact": "يوسف الشياب",
            "email": "y.alshiyab@example.com",
            "phone": "+962 77 555 0109",
            "role": "شريك إعلامي",
            "contribution": "فقرة أسبوعية مدتها نصف ساعة، ودعم في الإنتاج، وصفحات التواصل الاجتماعي",
            "barriers": "يوسف منتج متطوع لا يستطيع إلزام الإذاعة؛ مجلس الإدارة يقرر في كانون الثاني",
            "notes": "الصلاحية لدى مديرة الإذاعة لا لدى يوسف: نطلب منها تسمية مندوب رسمي.",
            "follow_ups": ["الاتصال بمديرة الإذاعة بشأن المندوب الرسمي"],
        },
        "pa10": {
            "organisation": "صندوق الطفولة المبكرة للتنمية",
            "contact": "ديما الطعاني",
            "email": "d.altaani@example.org",
            "phone": "+962 79 555 0110",
            "role": "جهة مانحة؛ تقدّم المشورة في جمع التمويل",
            "contribution": "منحة تخطيط تصل إلى 15000 دينار، ومساعدة في إعداد طلب منحة الزيارات المنزلية",
            "barriers": "لا يموّل أعمال البناء؛ يقرر مجلس الصندوق في كانون الأول",
            "notes": "متعاونة، لكن لا ندع أولويات الصندوق تعيد كتابة رسالتنا.",
            "follow_ups": ["إرسال خطاب النوايا", "متابعة قرار منحة التخطيط"],
        },
        "pa11": {
            "organisation": "بنك الطعام في الشمال",
            "contact": "عمر الجراح",
            "email": "o.aljarrah@example.org",
            "phone": "+962 78 555 0111",
            "role": "شريك غير ربحي للتغذية",
            "contribution": "توزيع أسبوعي على 400 أسرة، ومخزون من حليب الرضّع، ومتطوعون",
            "barriers": "المستودع ممتلئ؛ توريد حليب الرضّع غير منتظم",
        },
        "pa12": {
            "organisation": "جمعية تجار سوق النزهة",
            "contact": "سامر عبيدات",
            "email": "s.obeidat@example.com",
            "phone": "+962 77 555 0112",
            "role": "شريك محتمل من القطاع الخاص",
            "contribution": "نقاط معلومات في 20 محلًا، ورعايات صغيرة",
            "barriers": "الأعضاء متشككون ويريدون ظهورًا إعلاميًا في المقابل",
            "notes": "التقيناه في الورشة؛ ندعوه إلى اجتماع اللجنة التنفيذية القادم.",
            "follow_ups": ["إرسال ملخص من صفحة واحدة عن التحالف"],
        },
        "pa13": {
            "organisation": "ملتقى الأمهات السوريات في إربد",
            "contact": "مريم الحسن",
            "email": "m.alhasan@example.org",
            "phone": "+962 79 555 0113",
            "role": "شريك مجتمعي للتواصل مع الأسر اللاجئة",
            "contribution": "الوصول إلى 90 أسرة سورية، ومرافقة الأمهات إلى المراكز الصحية، ومشورة ثقافية",
            "barriers": "يعتمد على متطوعات يعملن بنظام الورديات",
            "notes": "مفتاح الثقة مع الأسر القادمة حديثًا.",
            "follow_ups": ["تبسيط نص الرسالة ونشره في مجموعات الأمهات"],
        },
        "pa14": {
            "organisation": "بلدية إربد الكبرى — منطقة النزهة",
            "contact": "م. باسل الحمد",
            "email": "b.alhamad@example.org",
            "phone": "+962 78 555 0114",
            "role": "شريك حكومي محتمل: المبنى وخطة التنمية المحلية",
            "contribution": "مبنى شارع الروضة، وإدراج المركز في خطة التنمية المحلية",
            "barriers": "إجراءات طويلة؛ لا موظف مخصص لحي النزهة",
            "notes": "الاسم وصلنا من مكتب عضو المجلس المحلي فقط.",
            "follow_ups": ["الوصول إلى الشخص المعني عبر عضو المجلس المحلي"],
        },
        "pa15": {
            "organisation": "عيادة العون القانوني المجتمعية",
            "contact": "المحامية نسرين الخطيب",
            "email": "n.alkhatib@example.org",
            "phone": "+962 77 555 0115",
            "role": "شريك غير ربحي محتمل لقضايا السكن",
            "contribution": "استشارات قانونية للمستأجرين بشأن المساكن غير الصحية",
            "barriers": "لا تتسع لقضايا جديدة قبل الربيع",
            "notes": "قد تساعد في مشكلة السكن التي لم نربطها بفرصة بعد.",
        },
    },
    "type_reason": (
        "نريد العمل سنوات على قضايا مترابطة (الخدمات والبحث والمناصرة لصحة الأطفال الصغار)، ويجمعنا التزام عميق، "
        "ونحتاج إلى لجان وموظفين. ستبدأ المنح بنا، لكن مساهمات الأعضاء العينية هي التي تحمل التحالف على المدى الطويل."
    ),
    "committees": {
        "cm-strategic": {
            "name": "اللجنة الاستراتيجية",
            "cadence": "كل ثلاثة أشهر، صباح السبت، ساعتان",
            "authority": "تعتمد الرسالة والخطة والموازنة السنوية وقبول الأعضاء الجدد وخطط مجموعات العمل، وتنتخب اللجنة التنفيذية.",
        },
        "cm-executive": {
            "name": "اللجنة التنفيذية",
            "cadence": "شهريًا، مساء الثلاثاء الأول، ساعة ونصف",
            "authority": "تدير التحالف بين اجتماعات اللجنة الاستراتيجية ضمن الخطة والموازنة المعتمدتين، وتُعدّ جدول أعمالها.",
        },
        "wg1": {
            "name": "مجموعة عمل الخدمات الصحية",
            "cadence": "كل أسبوعين",
            "authority": "تخطط لخطط عمل أهدافها وتنفذها، وترفع تقريرًا شهريًا إلى اللجنة التنفيذية.",
        },
        "wg2": {
            "name": "مجموعة عمل البحث وتثقيف الأهل",
            "cadence": "كل أسبوعين",
            "authority": "تخطط لخطط عمل هدفها وتنفذها، وترفع تقريرًا شهريًا إلى اللجنة التنفيذية.",
        },
        "wg3": {
            "name": "مجموعة عمل السياسات والمناصرة",
            "cadence": "شهريًا، وقبل كل جلسة للمجلس المحلي",
            "authority": "تُعدّ المواقف للجنة الاستراتيجية، ولا تتحدث علنًا إلا بتكليف.",
        },
        "cm-staff": {
            "name": "طاقم التحالف",
            "cadence": "لقاء أسبوعي مع الرئيسة",
            "authority": "ينفّذ القرارات، ويرفع تقريرًا شهريًا إلى اللجنة التنفيذية وفصليًا إلى اللجنة الاستراتيجية.",
        },
    },
    "goals": {
        "g1": "أن يكون لكل طفل دون السادسة في حي النزهة ملف صحي فعّال، وأن يستكمل فحوصه الدورية ومطاعيمه بحلول كانون الأول 2027.",
        "g2": "أن نعرف صحة أطفالنا من قصص الأهل ومن البيانات، وأن نشارك ما نتعلمه مع كل أسرة.",
        "g3": "أن تلتزم البلدية ومديرية الصحة بإنشاء مركز دائم لصحة الطفولة المبكرة في الحي.",
        "g4": "ألا تبقى أسرة لديها طفل دون السادسة بلا حليب رضّع أو حفاضات أو غذاء طازج.",
    },
    "plans": {
        "pl1a": {
            "task": "عيادة أطفال ومطاعيم شهرية يوم السبت، مع تذكير الأسر عبر المثقّفات الصحيات",
            "criteria": "فحص 300 طفل على الأقل في 2027، وارتفاع نسبة استكمال المطاعيم في موعدها من 68% إلى 85% في سجلات المركز",
            "budget": 18000,
        },
        "pl1b": {
            "task": "اختيار ثماني أمهات من الحي وتدريبهن ليعملن مثقّفات صحيات بأجر",
            "criteria": "تدريب ثماني مثقّفات بحلول حزيران، وتتابع كل واحدة 25 أسرة على الأقل",
            "budget": 6000,
        },
        "pl2a": {
            "task": "مسح من باب إلى باب يشمل 400 أسرة لديها أطفال دون السادسة، يُصمَّم مع الأهالي",
            "criteria": "استكمال 400 استمارة بحلول نيسان 2027، وعرض النتائج في لقاء عام في أيار",
            "budget": 4500,
        },
        "pl2b": {
            "task": "فقرة أسبوعية للأهل في إذاعة صوت الشمال: نصائح صحية، ودليل الخدمات، وقصص الأمهات",
            "criteria": "",
            "budget": 1200,
        },
        "pl3a": {
            "task": "عريضة ولقاء عام: عرض نتائج المسح وقصص الأهل على المجلس المحلي ومدير الصحة",
            "criteria": "جمع 1000 توقيع، وعقد اللقاء قبل إقرار موازنة 2027، وإدراج المركز في خطة التنمية المحلية",
            "budget": 600,
        },
        "pl3b": {
            "task": "لقاء كل عضو في المجلس المحلي ومدير الصحة ومعنا ورقة موقف من صفحتين",
            "criteria": "لقاء خمسة أعضاء على الأقل من أصل سبعة بحلول أيلول 2027",
            "budget": 400,
        },
        "pl4a": {
            "task": "سوق أسبوعي للأسر في بنك الطعام يوفّر حليب الرضّع والحفاضات والخضار، مع المساعدة في التسجيل بالتأمين الصحي",
            "criteria": "خدمة 250 أسرة شهريًا، وعدم تسجيل نقص في حليب الرضّع ثلاثة أشهر متتالية",
            "budget": 9000,
        },
    },
    "own_rules": {
        "gr11": "الأطفال مرحَّب بهم في كل اجتماع: نوفّر رعاية لهم، وتنتهي الاجتماعات قبل صلاة المغرب.",
        "gr12": "تفقد المؤسسة العضو حقها في التصويت إذا غابت عن ثلاثة اجتماعات متتالية.",
    },
    "reopen_rule": "يجوز إعادة النقاش في قرار بعد ستة أشهر، أو قبل ذلك إذا طلب ثلث أعضاء اللجنة الاستراتيجية ذلك كتابيًا مع معلومات جديدة.",
    "executive_may_decide": (
        "الإنفاق حتى 1000 دينار للبند الواحد ضمن الموازنة المعتمدة، ومواعيد الاجتماعات وأماكنها، والبيانات الصحفية التي "
        "تكرر مواقف معتمدة. وما عدا ذلك يُرفع إلى اللجنة الاستراتيجية."
    ),
    "next_steps": [
        ("إرسال تقرير الورشة والرسالة المعتمدة إلى جميع المشاركين قبل 21 تشرين الأول.", "منى الخصاونة", "2026-10-21"),
        ("أول اجتماع للجنة التنفيذية في 3 تشرين الثاني في المركز الطبي الخيري.", "سهام العمري", "2026-11-03"),
        ("تجتمع مجموعات العمل قبل 15 تشرين الثاني وتضع مسودات خطط عملها الأولى.", "ريم الشرع", "2026-11-15"),
        ("دعوة عيادة العون القانوني والبلدية، وإيجاد طريقة للتعامل مع الرطوبة والعفن في المساكن.", "أحمد الروسان", "2026-11-30"),
    ],
    "next_meeting": {"date": "2026-11-03", "time": "18:00", "place": "المركز الطبي الخيري في النزهة"},
    "facilitator_notes": {
        "readiness": "يبقى السؤال السادس غير محسوم حتى يقرر صندوق الطفولة المبكرة في كانون الأول. لا ينبغي أن يعطّلنا: وافقت القاعة على البدء بوقت موظفي الأعضاء.",
        "mapping": "حصلت مشكلة الرطوبة والعفن على أصوات لكن دون فرصة مرتبطة بها. لجنة السكان تريد إبقاءها؛ نعود إليها حين تنضم عيادة العون القانوني.",
        "structure": "أرسلت الإذاعة متطوعًا بلا صلاحية: نطلب من مديرتها تسمية مندوب رسمي قبل أول اجتماع للجنة الاستراتيجية. ننتبه ألا يهيمن المركز الطبي الخيري على اللجنة التنفيذية.",
    },
}


def main() -> None:
    """Write both demos and print where."""
    for lang, words in (("en", EN), ("ar", AR)):
        print(write(lang, words))


if __name__ == "__main__":
    main()
