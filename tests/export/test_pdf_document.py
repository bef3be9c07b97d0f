"""The PDF export read back: section order, privacy, page numbers, fonts, no links, Arabic text, budgets."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_exports import (  # noqa: E402  (shared builders of the export tests)
    EMAILS,
    FACILITATOR_NOTE,
    HOSTILE,
    PHONES,
    PRIVATE_NOTE,
    demo_workshop,
    make_catalogue,
    private_texts,
    small_workshop,
)

import workshop.core.export.pdf as pdf_module  # noqa: E402
from workshop.core.export.pdf import write_pdf  # noqa: E402
from workshop.core.export.report import SECTION_ORDER, build_report  # noqa: E402
from workshop.core.model import (  # noqa: E402
    ActionPlan,
    Goal,
    Meta,
    Partner,
    Participant,
    SwotItem,
    Workshop,
)

SECTORS = ("public", "private", "nonprofit", "community", "academic", "media", "donor")
KINDS = ("strength", "weakness", "opportunity", "threat")


# --------------------------------------------------------------------------- helpers


def normalise(text: str) -> str:
    """Extracted text comparable with model text: NFKC (Arabic presentation forms) and no blanks."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub("[\\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+", "", text)


def page_texts(path: Path) -> list[str]:
    """The text of every page, by pdftotext when installed, else by pypdf."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
        pages = out.stdout.decode("utf-8").split("\f")
        return pages[:-1] if pages and not pages[-1].strip() else pages
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def render(ws: Workshop, audience: str, language: str, path: Path) -> tuple[list[str], list[str]]:
    catalogue = make_catalogue(language)
    report = build_report(ws, audience=audience, language=language, catalogue=catalogue, today=date(2025, 3, 1))
    warnings = write_pdf(report, path, rtl=catalogue.rtl)
    return page_texts(path), warnings


def headings(audience: str, language: str) -> list[str]:
    report = build_report(small_workshop(), audience=audience, language=language, catalogue=make_catalogue(language))
    assert [s.id for s in report.sections] == list(SECTION_ORDER[audience])
    # The summary is page 1 under the title, without a chapter heading of its own.
    return [s.heading for s in report.sections if s.id != "summary"]


def assert_sections_in_order(pages: list[str], titles: list[str]) -> None:
    text = normalise("".join(pages))
    # the contents list on the cover names every section once; chapters follow it
    position = text.index(normalise(titles[-1])) + len(normalise(titles[-1]))
    for title in titles:
        found = text.find(normalise(title), position)
        assert found >= 0, f"section {title!r} missing or out of order"
        position = found + len(normalise(title))


def big_arabic_workshop() -> Workshop:
    """500 partners, 300 SWOT items, 50 action plans, Arabic text throughout."""
    words = "تعزيز قدرات المجتمع المحلي في مجال رعاية الأطفال والتعليم والصحة عام 2024 مع UNICEF".split()

    def sentence(n: int, length: int = 12) -> str:
        return " ".join(words[(n + i) % len(words)] for i in range(length))

    partners = [
        Partner(
            organisation=f"جمعية {sentence(i, 3)} {i}",
            sector=SECTORS[i % len(SECTORS)],
            contact_person=f"السيدة {words[i % len(words)]} {i}",
            email=f"partner{i}@example.org",
            phone=f"+961 1 {i:06d}",
            role=sentence(i, 6),
            contribution=sentence(i + 3, 8),
            barriers=sentence(i + 5, 5),
            notes=f"ملاحظة خاصة {i}",
            status="committed" if i % 3 else "contacted",
        )
        for i in range(500)
    ]
    swot = [SwotItem(kind=KINDS[i % 4], text=sentence(i, 10), votes=i % 7) for i in range(300)]
    goals = [
        Goal(
            text=sentence(g, 9),
            convener=f"منسق {g}",
            plans=[
                ActionPlan(
                    task=sentence(g * 10 + p, 10),
                    responsible_partner_id=partners[(g * 10 + p) % 500].id,
                    start=date(2025, 1, 1),
                    end=date(2025, 12, 31),
                    budget=1500 + p,
                    currency="USD",
                    criteria=sentence(p, 7),
                )
                for p in range(10)
            ],
        )
        for g in range(5)
    ]
    return Workshop(
        meta=Meta(title="ائتلاف رعاية الطفولة في الحي الشرقي", date=date(2025, 2, 14), place="عمّان", facilitator="رنا", language="ar"),
        participants=[Participant(name=f"مشارك {i}", organisation=partners[i].organisation) for i in range(25)],
        swot=swot,
        partners=partners,
        goals=goals,
        facilitator_notes={"swot": "ملاحظات الميسر: " + sentence(1, 40)},
    )


# --------------------------------------------------------------------------- document structure


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("audience", ["participants", "facilitator"])
def test_sections_in_order_and_page_numbers(tmp_path: Path, language: str, audience: str) -> None:
    pages, warnings = render(small_workshop(), audience, language, tmp_path / "r.pdf")
    assert warnings == []
    assert_sections_in_order(pages, headings(audience, language))
    catalogue = make_catalogue(language)
    for number, text in enumerate(pages, start=1):
        words = catalogue.t("report.page_of", page=number, pages=len(pages)).split()
        # pdftotext gives a short Arabic line in logical or, rarely, visual word order
        assert normalise("".join(words)) in normalise(text) or normalise("".join(reversed(words))) in normalise(text), (
            number,
            text[-200:],
        )


def test_privacy_in_pdf(tmp_path: Path) -> None:
    ws = small_workshop()
    participants, _ = render(ws, "participants", "en", tmp_path / "p.pdf")
    facilitator, _ = render(ws, "facilitator", "en", tmp_path / "f.pdf")
    p_text, f_text = normalise("".join(participants)), normalise("".join(facilitator))
    secrets = private_texts(ws)
    assert len(secrets) == 9
    for secret in secrets:
        assert normalise(secret) not in p_text, secret
        assert normalise(secret) in f_text, secret
    for public in ("Amal Community Centre", "Every child cared for", "Open two nurseries"):
        assert normalise(public) in p_text


def test_fonts_embedded_and_subset_and_no_links(tmp_path: Path) -> None:
    for language in ("en", "ar"):
        path = tmp_path / f"{language}.pdf"
        render(small_workshop(), "facilitator", language, path)
        reader = PdfReader(str(path))
        fonts: dict[str, object] = {}
        for page in reader.pages:
            assert "/Annots" not in page, "no link annotations"
            resources = page["/Resources"]
            assert "/XObject" not in resources, "no images"
            for font in resources["/Font"].values():
                font = font.get_object()
                fonts[str(font["/BaseFont"])] = font
        assert fonts
        for name, font in fonts.items():
            descendants = font.get("/DescendantFonts")
            descriptor_owner = descendants[0].get_object() if descendants else font
            descriptor = descriptor_owner["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} not embedded"
            assert re.match(r"^/[A-Z]{6}\+", name), f"{name} not subset"


# --------------------------------------------------------------------------- Arabic


def test_arabic_headings_extract_as_arabic(tmp_path: Path) -> None:
    pages, _ = render(small_workshop(), "participants", "ar", tmp_path / "ar.pdf")
    text = unicodedata.normalize("NFKC", "".join(pages))
    for title in headings("participants", "ar"):
        for word in title.replace("(", " ").replace(")", " ").split():
            assert word in text, word


@pytest.mark.parametrize("language", ["en", "ar"])
def test_demo_pdf(tmp_path: Path, language: str) -> None:
    ws = demo_workshop(language)
    path = tmp_path / "demo.pdf"
    catalogue = make_catalogue(language)
    report = build_report(ws, audience="participants", language=language, catalogue=catalogue)
    warnings = write_pdf(report, path, rtl=catalogue.rtl)
    size = path.stat().st_size
    assert warnings == []
    assert size <= 150 * 1024, "the README's size budget (time is measured by benchmarks/run.py)"
    text = normalise("".join(page_texts(path)))
    assert normalise(ws.meta.title) in text
    for secret in private_texts(ws):
        assert normalise(secret) not in text, secret
    if language == "ar":
        assert re.search("[\u0600-\u06ff]", text), "Arabic letters extract"


def test_big_arabic_workshop_size(tmp_path: Path) -> None:
    ws = big_arabic_workshop()
    catalogue = make_catalogue("ar")
    report = build_report(ws, audience="facilitator", language="ar", catalogue=catalogue)
    path = tmp_path / "big.pdf"
    warnings = write_pdf(report, path, rtl=True)
    size = path.stat().st_size
    assert warnings == []
    assert size <= 600 * 1024, "the README's size budget (time is measured by benchmarks/run.py)"
    text = normalise("".join(page_texts(path)))
    assert "partner499@example.org" in text


# --------------------------------------------------------------------------- hostile input and fallbacks


def test_hostile_strings_in_pdf(tmp_path: Path) -> None:
    ws = small_workshop(" ".join(HOSTILE))
    ws.facilitator_notes["needs"] = "long " * 20_000  # 100 KB
    path = tmp_path / "hostile.pdf"
    pages, warnings = render(ws, "facilitator", "en", path)
    reader = PdfReader(str(path))
    assert all("/Annots" not in page and "/XObject" not in page["/Resources"] for page in reader.pages)
    text = normalise("".join(pages))
    assert normalise('<a href="javascript:x">click</a>') in text, "markup is drawn as literal text"
    assert normalise('<img src="/etc/passwd">') in text
    assert normalise("a<b") in text
    assert "\x1b" not in "".join(pages) and "\u202e" not in "".join(pages)
    assert len(reader.pages) > 20, "the 100 KB note is laid out over many pages"
    assert warnings == []


def test_failing_block_falls_back_to_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.platypus.doctemplate import LayoutError

    original = pdf_module._key_value

    def broken(block, styles):  # type: ignore[no-untyped-def]
        if any(label == "Chosen type" for label, _ in block.pairs):
            raise LayoutError("simulated")
        return original(block, styles)

    monkeypatch.setattr(pdf_module, "_key_value", broken)
    pages, warnings = render(small_workshop(), "participants", "en", tmp_path / "f.pdf")
    assert len(warnings) == 1 and "Type of coalition" in warnings[0] and "LayoutError" in warnings[0]
    campaign = make_catalogue("en").t("coalition_types.campaign.name")
    assert normalise(f"Chosen type: {campaign}") in normalise("".join(pages))


def test_unsplittable_table_rebuilds_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MIN_ROW_PIECE", 0)  # rows may no longer split across pages
    ws = small_workshop()
    ws.partners[0].role = "role " * 6000  # a cell taller than a page
    pages, warnings = render(ws, "participants", "en", tmp_path / "t.pdf")
    assert len(warnings) == 1
    assert normalise("Amal Community Centre") in normalise("".join(pages))


def test_private_text_never_in_participants_pdf_even_big(tmp_path: Path) -> None:
    ws = small_workshop()
    ws.partners[0].notes = PRIVATE_NOTE + " " + FACILITATOR_NOTE
    pages, _ = render(ws, "participants", "ar", tmp_path / "p.pdf")
    text = normalise("".join(pages))
    for secret in EMAILS + PHONES + (PRIVATE_NOTE, FACILITATOR_NOTE):
        assert normalise(secret) not in text


def test_export_workshop_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop.core.export import ExportError, export_workshop

    monkeypatch.setattr("workshop.core.content.load_catalogue", make_catalogue)
    ws = small_workshop()
    result = export_workshop(ws, fmt="pdf", audience="participants", language="ar", out=tmp_path, force=False)
    assert result.path.name == "youth-coalition-workshop-participants-ar.pdf"
    assert result.warnings == []
    assert result.path.read_bytes().startswith(b"%PDF-")
    with pytest.raises(ExportError):
        export_workshop(ws, fmt="pdf", audience="participants", language="ar", out=tmp_path, force=False)
    assert [p.name for p in tmp_path.iterdir()] == [result.path.name]
