"""Both languages have the same keys and no empty text; every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop.core.content import LANGUAGES, catalogue_problems, load_catalogue
from workshop.core.model import STEPS
from workshop.core.steps.registry import FINDING_CODES

ROOT = Path(__file__).resolve().parents[2]


def test_languages_have_the_same_keys_and_no_empty_text() -> None:
    assert catalogue_problems() == []


def code_keys() -> set[str]:
    """Literal catalogue keys used in the code: ui.label("x.y"), ui.text("x.y"), UserError("x.y")."""
    pattern = re.compile(r"""(?:label|text|t|UserError|StoreError|ExportError)\(\s*["']([a-z][a-z0-9_.-]*\.[a-z0-9_.-]+)["']""")
    keys: set[str] = set()
    for path in (ROOT / "workshop").rglob("*.py"):
        keys |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_used_in_code_exists(language: str) -> None:
    catalogue = load_catalogue(language)
    missing = sorted(k for k in code_keys() if not catalogue.has(k))
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_steps_and_findings_are_explained(language: str) -> None:
    catalogue = load_catalogue(language)
    for step in STEPS:
        assert catalogue.t(f"steps.{step}.title")
        assert catalogue.items(f"steps.{step}.questions")
    for code in FINDING_CODES:
        assert catalogue.t(f"findings.{code}.message")
        assert catalogue.t(f"findings.{code}.reason")


def test_arabic_catalogue_is_arabic() -> None:
    catalogue = load_catalogue("ar")
    arabic = re.compile(r"[\u0600-\u06ff]")
    texts = [v for k, v in catalogue.flat.items() if isinstance(v, str) and k.startswith(("steps.", "findings.", "home."))]
    assert texts and all(arabic.search(t) for t in texts)


def test_binding_descriptions_exist_for_every_binding_id() -> None:
    ids: set[str] = set()
    for path in (ROOT / "workshop").rglob("*.py"):
        ids |= set(re.findall(r"""Binding\([^)]*?id=["']([a-z0-9-]+)["']""", path.read_text(encoding="utf-8"), re.S))
    for language in LANGUAGES:
        catalogue = load_catalogue(language)
        assert sorted(i for i in ids if not catalogue.has(f"bindings.{i}")) == []
