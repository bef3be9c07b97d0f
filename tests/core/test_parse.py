"""One date reader and one digit table for every field that takes a date or a number."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop.core import parse
from workshop.core.errors import FormError, InputProblem
from workshop.core.steps import partners, setup


@pytest.mark.parametrize("typed", ["2026-01-05", "2026/01/05", "2026-1-5", "٢٠٢٦/٠١/٠٥", "۲۰۲۶-۰۱-۰۵", "２０２６-０１-０５"])
def test_every_date_field_reads_the_same_dates(typed: str) -> None:
    expected = dt.date(2026, 1, 5)
    assert parse.read_date(typed) == expected
    assert setup.parse_date(typed) == expected
    assert partners.parse_date(typed) == expected
    assert parse.parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["05/01/2026", "2026-13-01", "2026-02-30", "soon", "2026-01"])
def test_every_date_field_refuses_the_same_text(typed: str) -> None:
    with pytest.raises(parse.NotADate):
        parse.read_date(typed)
    with pytest.raises(setup.BadDate):
        setup.parse_date(typed)
    with pytest.raises(FormError):
        partners.parse_date(typed)
    with pytest.raises(InputProblem):
        parse.parse_date(typed)


def test_one_digit_table() -> None:
    assert parse.ascii_digits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹") == "0123456789 0123456789"
    assert parse.date_incomplete("٢٠٢٦/٠") and not parse.date_incomplete("2026-01-05")
