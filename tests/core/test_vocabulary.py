"""The manual's vocabulary: one Arabic term per concept on screen, in the PDF and in Markdown.

Checked against the manual itself (tests/data/coalition-manual.ar.txt, a copy of the
seed manual; when the seed is next to the repository the copy must equal it).
"""

from __future__ import annotations

import glob
import re
import tomllib
from pathlib import Path

import pytest

from workshop.core.content import flatten, load_catalogue
from workshop.core.export.markdown import to_markdown
from workshop.core.export.report import build_report
from workshop.core.model import Workshop

ROOT = Path(__file__).resolve().parents[2]
MANUAL = ROOT / "tests" / "data" / "coalition-manual.ar.txt"
SEED = ROOT.parent / "shared" / "seed" / "coalition-manual.ar.txt"

COALITION = "التحالف"
NOT_THE_MANUALS = ["ائتلاف", "التحسين التعاوني", "التمكين التعاوني", "أهداف وأنشطة أولية"]
APPROACHES = {"betterment": "التطوير التعاوني", "empowerment": "التمكين التشاركي"}


def manual() -> str:
    return MANUAL.read_text(encoding="utf-8")


def manual_steps() -> dict[int, str]:
    """The eight steps as the manual words them ("1. مناقشة وتحليل ...")."""
    text = manual()
    start = text.index("ثماني خطوات لبناء التحالف الفاعل")
    found = re.findall(r"^([1-8])\. (.+)$", text[start:], flags=re.MULTILINE)
    return {int(number): title.strip() for number, title in found[:8]}


def arabic_texts() -> list[tuple[str, str]]:
    """Every Arabic catalogue text (screen and PDF/Markdown catalogues), with its key."""
    texts = []
    for path in sorted(glob.glob(str(ROOT / "content" / "*.ar.toml"))):
        for key, value in flatten(tomllib.loads(Path(path).read_text(encoding="utf-8"))).items():
            values = value if isinstance(value, list) else value.values() if isinstance(value, dict) else [value]
            texts += [(f"{Path(path).name}:{key}", v) for v in values if isinstance(v, str)]
    return texts


def test_the_copy_is_the_seed_manual() -> None:
    if SEED.exists():
        assert SEED.read_text(encoding="utf-8") == manual()
    assert manual().count(COALITION) > 40 and "ائتلاف" not in manual()


def test_the_manual_names_the_approaches_and_eight_steps() -> None:
    for term in APPROACHES.values():
        assert term in manual()
    steps = manual_steps()
    assert sorted(steps) == list(range(1, 9))
    assert steps[3].startswith("اعتماد أنشطة وأهداف أكثر تفصيلاً")


def test_no_catalogue_uses_a_term_the_manual_does_not() -> None:
    wrong = [(key, term) for key, text in arabic_texts() for term in NOT_THE_MANUALS if term in text]
    assert wrong == []


def test_screen_catalogue_uses_the_manuals_terms() -> None:
    ar = load_catalogue("ar")
    for approach, term in APPROACHES.items():
        assert ar.t(f"approach.{approach}.name") == term
    for number, title in manual_steps().items():
        assert ar.t(f"eight_steps.{number}.title") == title


def demo_markdown(audience: str) -> str:
    from tests.export.test_exports import demo_workshop

    ws: Workshop = demo_workshop("ar")
    report = build_report(ws, audience=audience, language="ar", catalogue=load_catalogue("ar"))
    return to_markdown(report)


@pytest.mark.parametrize("audience", ["participants", "facilitator"])
def test_pdf_and_markdown_report_use_the_same_terms(audience: str) -> None:
    """The PDF and the Markdown are drawn from one report: check its text."""
    text = demo_markdown(audience)
    assert COALITION in text
    assert not any(term in text for term in NOT_THE_MANUALS)
    for title in manual_steps().values():
        assert title in text, title
    assert APPROACHES["empowerment"] in text and APPROACHES["betterment"] in text
