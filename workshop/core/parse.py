"""What the facilitator types, turned into values: dates, amounts, digits (Arabic-Indic too). Never imports Textual."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date

from workshop.core.errors import InputProblem

#: Arabic-Indic and Eastern Arabic-Indic digits to ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class NotADate(ValueError):
    """Typed text that is not a YYYY-MM-DD date; `no_such_day` when the shape is right but the day is not."""

    def __init__(self, text: str, *, no_such_day: bool = False) -> None:
        super().__init__(text)
        self.no_such_day = no_such_day


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits (the ONE digit table)."""
    return text.translate(_DIGITS)


def read_date(text: str) -> date | None:
    """The ONE date reader: YYYY-MM-DD, also YYYY/MM/DD, one- or two-digit month and day, Arabic-Indic
    or full-width digits; '' gives None; NotADate for anything else (DD/MM/YYYY is ambiguous: refused)."""
    value = ascii_digits(unicodedata.normalize("NFKC", text)).strip().replace("/", "-")
    if not value:
        return None
    match = _DATE.match(value)
    if match is None:
        raise NotADate(text)
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise NotADate(text, no_such_day=True) from None


_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def read_date_word(word: str) -> date | None:
    """One typed word as a date, or None when it does not look like one: what `read_date` reads,
    and day/month/year (15/12/2026, as next steps' due dates are written); NotADate for a date-shaped
    word naming no such day (2026-02-30)."""
    value = ascii_digits(unicodedata.normalize("NFKC", word)).strip()
    day_first = _DAY_FIRST.match(value)
    if day_first is not None:
        day, month, year = (int(part) for part in day_first.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise NotADate(word, no_such_day=True) from None
    if _DATE.match(value.replace("/", "-")) is None:
        return None
    return read_date(value)


def read_time_word(word: str) -> str | None:
    """One typed word as a time of day ("18:00", "9.30", Arabic-Indic digits too) as HH:MM, else None."""
    match = _TIME.match(ascii_digits(unicodedata.normalize("NFKC", word)).strip())
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None


def date_incomplete(text: str) -> bool:
    """Whether typed text could still become a date (shorter than one, digits and separators only)."""
    value = ascii_digits(unicodedata.normalize("NFKC", text)).strip()
    return 0 < len(value) < 10 and all(ch.isdigit() or ch in "-/" for ch in value)


def normalise_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits; Arabic separators as ASCII ones."""
    return text.translate(_DIGITS).replace("٫", ".").replace("٬", ",").replace("،", ",").strip()


def parse_date(text: str, field_name: str = "date") -> date | None:
    """`read_date` for the charter forms: a clear InputProblem naming the field for anything else."""
    try:
        return read_date(text)
    except NotADate as problem:
        key = "charter.errors.no_such_date" if problem.no_such_day else "charter.errors.bad_date"
        raise InputProblem(key, value=text.strip(), field=field_name) from None


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
