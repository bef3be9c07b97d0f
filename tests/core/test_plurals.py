"""Counts read right in both languages: CLDR plural rules (Babel), no "(s)", no one fixed Arabic form."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from workshop.core.content import _WHOLE_NUMBER_RULES, _plural_rule, load_catalogue

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (0, "لم تبقَ دقيقة كاملة"),
        (1, "بقيت دقيقة واحدة"),
        (2, "بقيت دقيقتان"),
        (3, "بقيت 3 دقائق"),
        (10, "بقيت 10 دقائق"),
        (11, "بقيت 11 دقيقة"),
        (100, "بقيت 100 دقيقة"),
    ],
)
def test_arabic_timer_uses_the_six_cldr_forms(minutes: int, expected: str) -> None:
    assert load_catalogue("ar").t("timer.left", minutes=minutes) == expected


def test_arabic_answer_counts() -> None:
    ar = load_catalogue("ar")
    assert ar.t("report.labels.poll_value", average=4, count=12) == "4 من 5 (12 إجابة)"
    assert ar.t("report.labels.poll_value", average=4, count=5) == "4 من 5 (5 إجابات)"
    assert ar.t("report.labels.poll_value", average=4, count=1) == "4 من 5 (إجابة واحدة)"


def test_english_one_and_other() -> None:
    en = load_catalogue("en")
    assert en.t("screen.mapping.seeded", count=1) == "1 item added from the SWOT."
    assert en.t("screen.mapping.seeded", count=4) == "4 items added from the SWOT."


def test_no_catalogue_says_s_in_brackets() -> None:
    for path in glob.glob(str(ROOT / "content" / "*.toml")):
        assert "(s)" not in Path(path).read_text(encoding="utf-8"), path


@pytest.mark.parametrize("language", sorted(_WHOLE_NUMBER_RULES))
def test_built_in_whole_number_rules_are_babels(language: str) -> None:
    """The app's own languages skip Babel at start for whole counts: the same category as Babel's CLDR rule."""
    counts = [*range(0, 1201), 10_000, 10_003, 10_011, 10_100, 1_000_000, 1_000_002]
    built_in, babel = _WHOLE_NUMBER_RULES[language], _plural_rule(language)
    assert [built_in(n) for n in counts] == [babel(n) for n in counts]


def test_counts_that_are_not_whole_numbers_still_go_to_babel() -> None:
    en = load_catalogue("en")
    assert en.t("screen.mapping.seeded", count=1.5).startswith("1.5 items")
    assert en.t("screen.mapping.seeded", count=-1) == "-1 item added from the SWOT."
