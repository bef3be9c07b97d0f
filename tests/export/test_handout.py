"""The handout people read: page 1 says it all, the charts are vector drawings with text labels,
Arabic charts read right to left, private files are 0600, the same clock gives the same bytes."""

from __future__ import annotations

import html
import os
import re
import shutil
import stat
import subprocess
import sys
import unicodedata
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_exports import demo_workshop, make_catalogue, private_texts, small_workshop  # noqa: E402

from workshop.core.export import export_mode, export_workshop, render  # noqa: E402
from workshop.core.export.markdown import to_markdown  # noqa: E402
from workshop.core.export.pdf import write_pdf  # noqa: E402
from workshop.core.export.report import BarChart, SwotGrid, Timeline, _Words, build_report  # noqa: E402
from workshop.core.export.summary import priorities  # noqa: E402
from workshop.core.model import Workshop  # noqa: E402
from workshop.core.storage.atomic import PRIVATE, SHARED  # noqa: E402
from workshop.core.palette import CHART, COLOUR_BLIND_THEME, SERIES  # noqa: E402

NOW = datetime(2026, 10, 14, 17, 30, tzinfo=timezone.utc)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")


def normalise(text: str) -> str:
    """Extracted text comparable with model text: NFKC (Arabic presentation forms), no marks, no blanks."""
    folded = unicodedata.normalize("NFKC", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub("[\\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+", "", folded)


PRIVATE_USE = re.compile("[\ue000-\uf8ff]+")


def holds(page: str, text: str) -> bool:
    """Whether extracted `page` holds `text`: as a run in English; every word in Arabic, where
    pdftotext may interleave the lines of a right-to-left paragraph.

    A few ligatures (e.g. "شر" in Plex Sans Arabic) have no cmap entry and extract as
    private-use characters until the text engine writes ActualText: a word then matches a
    token made of its first letters plus such characters.
    """
    if not re.search("[\u0600-\u06ff]", text):
        return normalise(text) in normalise(page)
    flat = normalise(page)
    tokens = [PRIVATE_USE.sub("", t) for t in unicodedata.normalize("NFKC", page).split() if PRIVATE_USE.search(t)]
    for word in text.split():
        target = normalise(word)
        if target in flat:
            continue
        if not any(len(t) >= 2 and target.startswith(normalise(t)) for t in tokens):
            return False
    return True


def pdf(ws: Workshop, tmp_path: Path, language: str, audience: str = "participants", **options: object) -> Path:
    catalogue = make_catalogue(language)
    report = build_report(ws, audience=audience, language=language, catalogue=catalogue, now=NOW, **options)  # type: ignore[arg-type]
    path = tmp_path / f"{language}-{audience}.pdf"
    assert write_pdf(report, path, rtl=catalogue.rtl) == []
    return path


def pages(path: Path) -> list[str]:
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
        return out.stdout.decode("utf-8").split("\f")
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def words_of(ws: Workshop, language: str) -> _Words:
    return _Words(make_catalogue(language))


# --------------------------------------------------------------------------- page 1


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("audience", ["participants", "facilitator"])
def test_page_one_says_it_all(tmp_path: Path, language: str, audience: str) -> None:
    ws = demo_workshop(language)
    first = pages(pdf(ws, tmp_path, language, audience))[0]
    adopted = ws.mission.adopted()
    assert adopted is not None
    assert holds(first, adopted.text), "the adopted mission"
    assert holds(first, ws.mission.vision), "the vision"
    assert holds(first, ws.meta.title) and holds(first, ws.meta.place)
    for goal in ws.goals:
        assert holds(first, goal.text), goal.text
        assert holds(first, goal.convener)
    for step in ws.evaluation.next_steps:
        assert holds(first, step.text), step.text
        assert holds(first, step.author), f"owner of {step.text!r}"
    assert holds(first, ws.evaluation.next_meeting.place), "the next meeting"


MEETINGS = {
    "en": ("2027-01-20 17:30 Nuzha youth centre, hall B", "Nuzha youth centre, hall B"),
    "ar": ("٢٠/١/٢٠٢٧ ١٧:٣٠ مركز شباب النزهة، القاعة ب", "مركز شباب النزهة، القاعة ب"),
}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_next_meeting_typed_on_the_evaluation_screen_is_on_page_one_and_in_markdown(
    tmp_path: Path, language: str
) -> None:
    from workshop.core.steps.evaluation import set_next_meeting

    ws = demo_workshop(language)
    typed, place = MEETINGS[language]
    set_next_meeting(ws.evaluation, typed)
    catalogue = make_catalogue(language)
    words = words_of(ws, language)
    first = pages(pdf(ws, tmp_path, language))[0]
    heading = catalogue.t("report.summary.next_meeting")
    assert holds(first, heading) and holds(first, place) and "17:30" in first
    assert holds(first, words.date(date(2027, 1, 20)))
    report = build_report(ws, audience="participants", language=language, catalogue=catalogue, now=NOW)
    text = to_markdown(report)
    head = text[: text.index("**" + catalogue.t("report.contents") + "**")]
    assert heading in head and place in head and "17:30" in head and words.date(date(2027, 1, 20)) in head

    set_next_meeting(ws.evaluation, "")  # none set: page 1 says nothing about it
    first = pages(pdf(ws, tmp_path, language))[0]
    assert not holds(first, heading)


def test_page_one_top_priorities_in_vote_order(tmp_path: Path) -> None:
    ws = demo_workshop("en")
    top = priorities(ws, words_of(ws, "en"))[:5]
    assert [p.votes for p in top] == sorted((p.votes for p in top), reverse=True)
    assert top[0].votes > top[-1].votes
    first = normalise(pages(pdf(ws, tmp_path, "en"))[0])
    # Each label's start (the chart may shorten a long one with "…") appears in rank order.
    positions = [first.find(normalise(p.text)[:30]) for p in top]
    assert all(position >= 0 for position in positions), positions
    assert positions == sorted(positions)


def test_priorities_count_one_item_once() -> None:
    ws = small_workshop()
    words = words_of(ws, "en")
    ws.swot[0].votes = 3
    ws.opportunities[0].text = ws.swot[0].text
    ws.opportunities[0].votes = 5
    texts = [p.text for p in priorities(ws, words)]
    assert texts.count(ws.swot[0].text.strip()) == 1
    assert next(p for p in priorities(ws, words) if p.text == ws.swot[0].text.strip()).votes == 5


def test_no_cover_table_repeated_and_no_near_empty_contents_page(tmp_path: Path) -> None:
    ws = demo_workshop("en")
    catalogue = make_catalogue("en")
    texts = pages(pdf(ws, tmp_path, "en"))
    label = catalogue.t("report.cover.organisations")
    assert label not in texts[0], "the workshop details table is in its section, not on page 1"
    assert sum(label in page for page in texts) == 1
    contents = catalogue.t("report.contents")
    page = next(i for i, t in enumerate(texts) if contents in t)
    assert page == 1, "the contents open page 2"
    assert catalogue.t("report.sections.setup") in texts[1].split(contents, 1)[1].split("\n", 40)[-1] or len(
        texts[1].split()
    ) > 150, "chapters follow the contents on the same page"


# --------------------------------------------------------------------------- charts


def chart_blocks(ws: Workshop, language: str) -> list[object]:
    report = build_report(ws, audience="participants", language=language, catalogue=make_catalogue(language), now=NOW)
    return [b for s in report.sections for b in s.blocks if isinstance(b, (BarChart, SwotGrid, Timeline))]


def test_the_plan_has_every_chart() -> None:
    charts = chart_blocks(demo_workshop("en"), "en")
    kinds = [type(c).__name__ for c in charts]
    assert kinds.count("BarChart") == 3, "priorities, sectors, poll"
    assert "SwotGrid" in kinds and "Timeline" in kinds
    poll = [c for c in charts if isinstance(c, BarChart) and c.maximum == 5]
    assert len(poll) == 1 and len(poll[0].bars) == 4, "one bar per poll question"


def hex_rg(hex_colour: str) -> str:
    """How ReportLab writes a fill colour in a content stream ('0 .447059 .698039 rg')."""
    parts = []
    for i in (1, 3, 5):
        value = int(hex_colour[i : i + 2], 16) / 255
        parts.append(("%.6f" % value).rstrip("0").rstrip(".").lstrip("0") or "0")
    return " ".join(parts) + " rg"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_charts_are_vector_drawings_with_text_labels(tmp_path: Path, language: str) -> None:
    ws = demo_workshop(language)
    path = pdf(ws, tmp_path, language)
    reader = PdfReader(str(path))
    streams = [page.get_contents().get_data().decode("latin-1") for page in reader.pages]
    for page in reader.pages:
        assert "/XObject" not in page["/Resources"], "no images"
    everything = "\n".join(streams)
    for kind in ("strength", "weakness", "opportunity", "threat", "ok", "poll"):
        assert hex_rg(CHART[kind]) in everything, kind
    assert hex_rg(SERIES[0]) in everything, "timeline bars"
    assert everything.count(" re") > 60, "bars and quadrants are rectangles"
    text = normalise("".join(pages(path)))
    words = words_of(ws, language)
    for label in (words.r("charts.swot_grid"), words.r("charts.timeline"), words.r("charts.minimum")):
        assert normalise(label) in text, label
    for sector in ("public", "community", "media"):
        assert normalise(words.name("sectors", sector)) in text
    for question in ("overall", "voice"):
        assert normalise(words.t(f"poll.questions.{question}"))[:25] in text
    if language == "en":
        assert "Jan" in text and "Dec" in text and "2027" in text, "the timeline's month axis"


def bbox_words(path: Path, page: int) -> list[tuple[float, float, float, str]]:
    """(xMin, yMin, xMax, text in logical order) of each word on a page, from `pdftotext -bbox`."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    found = []
    for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out):
        word = html.unescape(match.group(4))
        if re.search("[\u0600-\u06ff\ufb50-\ufefc]", word):
            word = word[::-1]  # glyphs of an Arabic word come out in visual order
        found.append((float(match.group(1)), float(match.group(2)), float(match.group(3)), normalise(word)))
    return found


@needs_poppler
def test_arabic_chart_labels_read_right_to_left(tmp_path: Path) -> None:
    ws = demo_workshop("ar")
    path = pdf(ws, tmp_path, "ar")
    top = priorities(ws, words_of(ws, "ar"))[0]
    logical = [normalise(w) for w in top.text.split()[:4]]
    boxes = bbox_words(path, 1)
    width = float(PdfReader(str(path)).pages[0].mediabox.width)
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, _, word in boxes:
        rows.setdefault(round(y), []).append((x, word))
    for row in rows.values():
        xs = []
        for word in logical:
            match = [x for x, w in row if w == word]
            if not match:
                break
            xs.append(match[0])
        if len(xs) == len(logical):
            assert xs == sorted(xs, reverse=True), "first word rightmost: read right to left"
            assert min(xs) > width / 2, "labels stand on the right, bars grow to the left"
            return
    pytest.fail(f"the top priority's first words {logical} are not on page 1 as one line")


@needs_poppler
def test_english_chart_labels_stand_on_the_left(tmp_path: Path) -> None:
    ws = demo_workshop("en")
    path = pdf(ws, tmp_path, "en")
    top = priorities(ws, words_of(ws, "en"))[0]
    first = normalise(top.text.split()[1])
    xs = [x for x, _, _, w in bbox_words(path, 1) if w == first]
    width = float(PdfReader(str(path)).pages[0].mediabox.width)
    assert xs and min(xs) < width / 3


def test_palette_is_the_themes_and_core_only() -> None:
    from workshop.tui.themes import COLOUR_BLIND

    assert COLOUR_BLIND.primary == COLOUR_BLIND_THEME["primary"]
    assert COLOUR_BLIND.error == COLOUR_BLIND_THEME["error"]
    source = (Path(__file__).resolve().parents[2] / "workshop" / "core" / "palette.py").read_text()
    assert "textual" not in source.lower().replace("never imports textual", "")


def test_side_by_side_colours_differ_in_grey() -> None:
    from workshop.core.palette import luminance

    quadrants = sorted(luminance(CHART[k]) for k in ("strength", "weakness"))
    assert quadrants[1] - quadrants[0] > 0.2
    series = [luminance(c) for c in SERIES[:4]]
    assert min(abs(a - b) for i, a in enumerate(series) for b in series[i + 1 :]) > 0.03


# --------------------------------------------------------------------------- privacy, attendance


@pytest.mark.parametrize("language", ["en", "ar"])
def test_participants_pdf_still_has_no_private_data(tmp_path: Path, language: str) -> None:
    ws = demo_workshop(language)
    text = normalise("".join(pages(pdf(ws, tmp_path, language, attendance=True))))
    for secret in private_texts(ws):
        assert normalise(secret) not in text, secret


def test_attendance_list_only_when_asked(tmp_path: Path) -> None:
    ws = demo_workshop("en")
    names = [p.name for p in ws.participants if p.name and p.name not in {g.convener for g in ws.goals}]
    names = [n for n in names if n not in {s.author for s in ws.evaluation.next_steps}]
    without = normalise("".join(pages(pdf(ws, tmp_path, "en"))))
    (tmp_path / "with").mkdir()
    with_list = normalise("".join(pages(pdf(ws, tmp_path / "with", "en", attendance=True))))
    heading = normalise(make_catalogue("en").t("report.summary.attendance"))
    assert heading in with_list and heading not in without
    person = ws.participants[-1]
    assert normalise(person.organisation) in with_list
    markdown = render(ws, fmt="md", audience="participants", language="en", attendance=True)
    assert "Attendance" in markdown and person.name.split()[0] in markdown
    assert "Attendance" not in render(ws, fmt="md", audience="participants", language="en")


# --------------------------------------------------------------------------- Markdown


def test_markdown_summary_first_and_tables_for_charts() -> None:
    ws = demo_workshop("en")
    catalogue = make_catalogue("en")
    text = to_markdown(build_report(ws, audience="participants", language="en", catalogue=catalogue, now=NOW))
    summary = text.index("## " + catalogue.t("report.summary.heading"))
    contents = text.index("**" + catalogue.t("report.contents") + "**")
    assert summary < contents < text.index("## " + catalogue.t("report.sections.setup"))
    head = text[summary:contents]
    for step in ws.evaluation.next_steps:
        assert step.author in head
    assert "| 1 |" in head, "the top priorities as a ranked table"
    assert catalogue.t("report.charts.timeline") in text and "| Strengths |" in text


# --------------------------------------------------------------------------- files


def test_creation_date_is_the_clock_and_bytes_are_reproducible(tmp_path: Path) -> None:
    ws = small_workshop()
    first = pdf(ws, tmp_path, "en")
    data = first.read_bytes()
    (tmp_path / "again").mkdir()
    assert pdf(ws, tmp_path / "again", "en").read_bytes() == data, "same clock, same bytes"
    info = PdfReader(str(first)).metadata
    assert info is not None
    assert str(info["/CreationDate"]).startswith("D:20261014173000")
    assert b"D:20000101" not in data


@pytest.mark.parametrize("fmt", ["pdf", "md", "json", "csv"])
def test_private_exports_are_0600(tmp_path: Path, fmt: str) -> None:
    ws = small_workshop()
    old = os.umask(0o022)
    try:
        private = export_workshop(ws, fmt=fmt, audience="facilitator", language="en", out=tmp_path, now=NOW)  # type: ignore[arg-type]
        shared = export_workshop(ws, fmt=fmt, audience="participants", language="en", out=tmp_path, now=NOW)  # type: ignore[arg-type]
    finally:
        os.umask(old)
    assert stat.S_IMODE(private.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(shared.path.stat().st_mode) == 0o644
    assert export_mode(fmt, "facilitator") == PRIVATE and export_mode(fmt, "participants") == SHARED


@needs_poppler
def test_contact_table_is_not_cut_after_two_rows(tmp_path: Path) -> None:
    ws = demo_workshop("en")
    texts = pages(pdf(ws, tmp_path, "en", "facilitator"))
    heading = make_catalogue("en").t("report.labels.contact_details")
    start = next(i for i, t in enumerate(texts) if heading in t)
    first = texts[start].split(heading, 1)[1]
    on_first = [p.email for p in ws.partners if p.email in first]
    rest = [p.email for p in ws.partners if p.email not in first]
    assert len(on_first) >= 3, "the heading keeps the table's first rows with it"
    assert not rest or len(rest) >= 3, f"a page break leaves no orphan rows behind: {rest}"
    assert all(email in texts[start + 1] for email in rest)


# --------------------------------------------------------------------------- bytes


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("audience", ["participants", "facilitator"])
def test_demo_pdfs_stay_within_the_size_budget(tmp_path: Path, language: str, audience: str) -> None:
    """The README's budget (150 KB); the Arabic facilitator's copy was 155 KB before the fonts'
    ToUnicode maps and unhinted outlines."""
    size = pdf(demo_workshop(language), tmp_path, language, audience).stat().st_size
    assert size <= 150 * 1024, f"{language} {audience}: {size / 1024:.0f} KB"


def test_embedded_fonts_are_valid_and_carry_no_hinting() -> None:
    import io
    import struct

    from reportlab.pdfbase.ttfonts import TTFontFile

    from workshop.core.export.fonts import BOLD_NAME, REGULAR_NAME, font_path, unhinted_font

    for name in (REGULAR_NAME, BOLD_NAME):
        original = font_path(name).read_bytes()
        data = unhinted_font(original)
        parsed = TTFontFile(io.BytesIO(data), validate=1)  # every table's and the file's checksum
        assert parsed.numGlyphs == TTFontFile(io.BytesIO(original)).numGlyphs
        assert len(data) < 0.8 * len(original)
        glyf, loca = parsed.table["glyf"], parsed.table["loca"]
        offsets = struct.unpack(f">{loca['length'] // 4}I", data[loca["offset"] : loca["offset"] + loca["length"]])
        for start, end in zip(offsets, offsets[1:]):
            glyph = data[glyf["offset"] + start : glyf["offset"] + end]
            contours = struct.unpack(">h", glyph[:2])[0] if glyph else -1
            if contours >= 0:
                assert struct.unpack(">H", glyph[10 + 2 * contours : 12 + 2 * contours])[0] == 0
