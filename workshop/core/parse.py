"""What the facilitator types, turned into values: dates, amounts, digits (Arabic-Indic too). Never imports Textual."""

from __future__ import annotations

import math
import re
from datetime import date

from workshop.core.errors import InputProblem

#: Arabic-Indic and Eastern Arabic-Indic digits to ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def normalise_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits; Arabic separators as ASCII ones."""
    return text.translate(_DIGITS).replace("٫", ".").replace("٬", ",").replace("،", ",").strip()


def parse_date(text: str, field_name: str = "date") -> date | None:
    """A YYYY-MM-DD date ('' gives None); a clear InputProblem for anything else."""
    value = normalise_digits(text).replace("/", "-")
    if not value:
        return None
    match = _DATE.match(value)
    if match is None:
        raise InputProblem("charter.errors.bad_date", value=text.strip(), field=field_name)
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InputProblem("charter.errors.no_such_date", value=text.strip(), field=field_name) from None


def parse_dates(start_text: str, end_text: str) -> tuple[date | None, date | None]:
    """Start and end dates of a plan; refuses an end before the start."""
    start = parse_date(start_text, "start")
    end = parse_date(end_text, "end")
    if start and end and end < start:
        raise InputProblem("charter.errors.end_before_start", start=start.isoformat(), end=end.isoformat())
    return start, end


def parse_amount(text: str) -> float | None:
    """A non-negative amount of money ('' gives None); accepts 12000, 12,000.50 and Arabic digits."""
    value = normalise_digits(text).replace(" ", "").replace("\u00a0", "")
    if not value:
        return None
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", value):
        value = value.replace(",", "")
    try:
        amount = float(value)
    except ValueError:
        raise InputProblem("charter.errors.bad_amount", value=text.strip()) from None
    if amount < 0 or not math.isfinite(amount):
        raise InputProblem("charter.errors.bad_amount", value=text.strip())
    return amount


def format_amount(amount: float | None) -> str:
    """An amount as typed back: no trailing .0 ('' for None)."""
    if amount is None:
        return ""
    return f"{amount:.2f}".rstrip("0").rstrip(".")
