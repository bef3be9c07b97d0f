"""The partner list as CSV that Kumu (kumu.io) imports as elements.

Kumu reads the columns Label, Type, Tags (several values separated by "|") and
Description; every other column becomes a custom field. Cells that a spreadsheet would
run as a formula (starting with = + - @ tab or carriage return) get a leading
apostrophe. E-mail and phone appear only in the facilitator's file. This module never
imports Textual.
"""

from __future__ import annotations

import csv
import io

from workshop.core.content import Catalogue
from workshop.core.export.report import Audience, _Words
from workshop.core.model import Partner, Workshop
from workshop.core.text.bidi import clean

#: Kumu's own columns, then ours. Headers stay in English so Kumu maps them whatever the language.
KUMU_COLUMNS: tuple[str, ...] = ("Label", "Type", "Tags", "Description")
SHARED_COLUMNS: tuple[str, ...] = ("Contact person", "Status", "Influence", "Interest", "Decision authority")
PRIVATE_COLUMNS: tuple[str, ...] = ("E-mail", "Phone")
#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: str) -> str:
    """A cell that cannot run as a spreadsheet formula; control characters by the one policy
    (`bidi.clean`: visible control pictures, bidi controls removed)."""
    cleaned = clean(value)
    if value.startswith(FORMULA_STARTS) or cleaned.startswith(FORMULA_STARTS):
        return "'" + cleaned
    return cleaned


def header(audience: Audience) -> list[str]:
    """The CSV header for an audience."""
    columns = list(KUMU_COLUMNS) + ["Contact person"]
    if audience == "facilitator":
        columns += list(PRIVATE_COLUMNS)
    return columns + [c for c in SHARED_COLUMNS if c != "Contact person"]


def _description(partner: Partner) -> str:
    parts = [partner.role.strip(), partner.contribution.strip()]
    return "\n\n".join(p for p in parts if p)


def _row(partner: Partner, audience: Audience, w: _Words) -> list[str]:
    sector = w.name("sectors", partner.sector)
    status = w.name("partner_status", partner.status)
    row = [
        partner.organisation.strip(),
        w.r("csv.type_organisation"),
        f"{sector}|{status}",
        _description(partner),
        partner.contact_person.strip(),
    ]
    if audience == "facilitator":
        row += [partner.email.strip(), partner.phone.strip()]
    row += [status, str(partner.influence), str(partner.interest), w.yes_no(partner.decision_authority)]
    return row


def partners_csv(workshop: Workshop, *, audience: Audience, catalogue: Catalogue) -> str:
    """All partners as CSV text (header first, CRLF line ends as RFC 4180 asks)."""
    w = _Words(catalogue)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header(audience))
    for partner in workshop.partners:
        writer.writerow([guard_cell(cell) for cell in _row(partner, audience, w)])
    return buffer.getvalue()
