"""The PDF export: a print-friendly A4 document of a `Report`, in Arabic or English.

Layout: a cover (title, date, place, facilitator, organisations, audience, generation
date) followed by the contents list with page numbers, then one chapter per report
section. Every page after the cover carries a running header (the title, the audience)
and every page a footer ("page X of Y" in the report language, the generation date).
Text is drawn by the bidi layout of `pdf_text` (shaped Arabic, mirrored tables, user
text never parsed as markup) in the embedded, subset Plex Sans Arabic font.

Robustness: one block that fails to lay out is printed as plain text and reported as a
warning; a document that still cannot be laid out is rebuilt with every table as plain
text. `write_pdf` returns the warnings. This module never imports Textual.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError, PageTemplate
from reportlab.platypus.frames import Frame

from workshop.core.export.fonts import register_fonts
from workshop.core.export.pdf_text import (
    BidiParagraph,
    BidiStyle,
    bidi_table,
    layout_lines,
    make_styles,
)
from workshop.core.export.report import (
    Block,
    Bullets,
    Heading,
    KeyValue,
    Note,
    Paragraph,
    Report,
    Section,
)
from workshop.core.export.report import Table as TableBlock

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
RULE_GREY = colors.Color(0.75, 0.75, 0.75)
MUTED = colors.Color(0.3, 0.3, 0.3)
#: Width kept for the page number of a contents entry.
TOC_NUMBER_WIDTH = 36.0
#: Smallest piece (points) of a table row split across pages.
MIN_ROW_PIECE = 20
#: Errors of ReportLab and of the layout code that make one block fall back to plain text.
LAYOUT_ERRORS: tuple[type[BaseException], ...] = (
    LayoutError,
    ValueError,
    IndexError,
    KeyError,
    TypeError,
    AttributeError,
    ZeroDivisionError,
    struct.error,
)


@dataclass
class _Registry:
    """What the first (and only) layout pass learns for the deferred page decoration."""

    section_pages: dict[str, int] = field(default_factory=dict)
    #: (page, x, y, width, section id) of every contents entry's page-number box.
    toc_marks: list[tuple[int, float, float, float, str]] = field(default_factory=list)


class _Styles:
    """The export's styles, derived from `make_styles`."""

    def __init__(self, rtl: bool) -> None:
        fonts = register_fonts()
        base = make_styles(fonts, rtl)
        self.rtl = rtl
        self.title = base["title"]
        self.h1 = base["h1"]
        self.h2 = base["h2"]
        self.h3 = replace(base["cell_bold"], font_size=10, leading=15, space_before=5, space_after=2)
        self.body = base["body"]
        self.bullet = replace(base["body"], bullet="•", space_after=2)
        self.note = replace(base["small"], color=MUTED)
        self.small = base["small"]
        self.cell = base["cell"]
        self.cell_bold = base["cell_bold"]
        self.header = replace(base["small"], space_after=0)
        self.footer_end = replace(base["small"], space_after=0, align="end")
        self.toc = replace(base["body"], space_after=0)
        self.toc_number = replace(base["body"], space_after=0, align="end")


# --------------------------------------------------------------------------- flowables


class _SectionHeading(BidiParagraph):
    """A chapter heading: the doc template records its page and adds a PDF outline entry."""

    def __init__(self, text: str, style: BidiStyle, section_id: str) -> None:
        super().__init__(text, style)
        self.section_id = section_id


class _Cell(BidiParagraph):
    """A table-cell paragraph. ReportLab's in-row split expects a split to give two parts
    or none, so a paragraph that fits whole answers "no split" instead of [self]."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        return parts if len(parts) == 2 else []


class _TocEntry(Flowable):
    """A contents line: the heading on the start side; the page number is drawn at save time."""

    def __init__(self, text: str, section_id: str, styles: _Styles, registry: _Registry) -> None:
        super().__init__()
        self.paragraph = BidiParagraph(text, styles.toc)
        self.section_id = section_id
        self.rtl = styles.rtl
        self.registry = registry

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        _, self.height = self.paragraph.wrap(availWidth - TOC_NUMBER_WIDTH, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        text_x = TOC_NUMBER_WIDTH if self.rtl else 0.0
        number_x = 0.0 if self.rtl else self.width - TOC_NUMBER_WIDTH
        self.paragraph.drawOn(self.canv, text_x, 0)
        x, y = self.canv.absolutePosition(number_x, self.height)
        self.registry.toc_marks.append((self.canv.getPageNumber(), x, y, TOC_NUMBER_WIDTH, self.section_id))


# --------------------------------------------------------------------------- blocks


def _plain_text(block: Block) -> str:
    """Any block as plain text (the fallback when its layout fails)."""
    if isinstance(block, (Heading, Paragraph, Note)):
        return block.text
    if isinstance(block, Bullets):
        return "\n".join(f"• {item}" for item in block.items)
    if isinstance(block, KeyValue):
        return "\n".join(f"{label}: {value}" for label, value in block.pairs)
    if isinstance(block, TableBlock):
        lines = []
        for row in block.rows:
            pairs = zip(block.columns, row) if block.columns else (("", c) for c in row)
            lines.append(" · ".join(f"{col}: {cell}" if col else cell for col, cell in pairs if cell))
        return "\n".join(lines)
    return str(block)


def _widths(block: TableBlock, count: int) -> list[float]:
    hint = block.widths if block.widths and len(block.widths) == count else [1.0] * count
    total = sum(hint) or 1.0
    return [FRAME_WIDTH * w / total for w in hint]


def _table(block: TableBlock, styles: _Styles) -> list[Flowable]:
    count = max([len(block.columns)] + [len(r) for r in block.rows])
    if count == 0:
        return []
    columns = list(block.columns) + [""] * (count - len(block.columns))
    rows = [list(r) + [""] * (count - len(r)) for r in block.rows]
    data = [[_Cell(c, styles.cell_bold) for c in columns]] + [[_Cell(c, styles.cell) for c in row] for row in rows]
    table = bidi_table(data, _widths(block, count), styles.cell, styles.rtl, header=True)
    table.splitInRow = MIN_ROW_PIECE
    table.spaceBefore, table.spaceAfter = 2, 8
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), styles.cell.font_name, styles.cell.font_size)]))
    return [table]


def _key_value(block: KeyValue, styles: _Styles) -> list[Flowable]:
    if not block.pairs:
        return []
    widths = [FRAME_WIDTH * 0.32, FRAME_WIDTH * 0.68]
    data = [[_Cell(label, styles.cell_bold), _Cell(value, styles.cell)] for label, value in block.pairs]
    if styles.rtl:
        data = [list(reversed(row)) for row in data]
        widths.reverse()
    table = Table(data, colWidths=widths, splitInRow=MIN_ROW_PIECE, spaceBefore=2, spaceAfter=8)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.cell.font_name, styles.cell.font_size),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE_GREY),
                ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE_GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    table.hAlign = "RIGHT" if styles.rtl else "LEFT"
    return [table]


def _block(block: Block, styles: _Styles, tables_as_text: bool) -> list[Flowable]:
    if isinstance(block, Heading):
        return [CondPageBreak(60), BidiParagraph(block.text, styles.h2 if block.level <= 3 else styles.h3)]
    if isinstance(block, Paragraph):
        return [BidiParagraph(block.text, styles.body)]
    if isinstance(block, Note):
        return [BidiParagraph(block.text, styles.note)]
    if isinstance(block, Bullets):
        return [BidiParagraph(item, styles.bullet) for item in block.items]
    if isinstance(block, (KeyValue, TableBlock)) and tables_as_text:
        return [BidiParagraph(_plain_text(block), styles.body)]
    if isinstance(block, KeyValue):
        return _key_value(block, styles)
    if isinstance(block, TableBlock):
        return _table(block, styles)
    raise TypeError(f"unknown report block {type(block).__name__}")


def _fallback(block: Block, styles: _Styles) -> list[Flowable]:
    """The block as plain text; if even that fails, nothing."""
    try:
        return [BidiParagraph(_plain_text(block), styles.body)]
    except LAYOUT_ERRORS:
        return []


def _warning(report: Report, where: str, error: BaseException) -> str:
    """The catalogue's fallback warning naming the section, with the error's kind."""
    template = report.labels.get("warning_fallback", "{section}")
    try:
        text = template.format(section=where)
    except (KeyError, IndexError, ValueError):
        text = where
    return f"{text} ({type(error).__name__})"


def _section_story(
    report: Report, section: Section, styles: _Styles, warn: Callable[[str], None], tables_as_text: bool
) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(140), _SectionHeading(section.heading, styles.h1, section.id)]
    for block in section.blocks:
        try:
            flowables = _block(block, styles, tables_as_text)
            for flowable in flowables:
                flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)  # measure now: a failure stays inside this block
        except LAYOUT_ERRORS as error:
            warn(_warning(report, section.heading, error))
            flowables = _fallback(block, styles)
        story.extend(flowables)
    return story


def _cover_story(report: Report, styles: _Styles, registry: _Registry) -> list[Flowable]:
    meta = report.meta
    story: list[Flowable] = [Spacer(1, 30 * mm), BidiParagraph(meta.title, styles.title)]
    story += [BidiParagraph(line, styles.h2) for line in meta.subtitle]
    story.append(Spacer(1, 6 * mm))
    story += _key_value(KeyValue(list(meta.cover)), styles)
    story.append(BidiParagraph(meta.generated_label, styles.note))
    story += [CondPageBreak(120), BidiParagraph(report.labels.get("contents", ""), styles.h1)]
    story += [_TocEntry(s.heading, s.id, styles, registry) for s in report.sections]
    story.append(PageBreak())
    return story


# --------------------------------------------------------------------------- pages


def _one_line(text: str, style: BidiStyle, width: float) -> str:
    lines = layout_lines(text, style, width)
    if not lines:
        return ""
    return lines[0] + ("…" if len(lines) > 1 else "")


def _draw_text(canvas: Canvas, text: str, style: BidiStyle, x: float, y: float, width: float) -> None:
    """One line of text with its top at `y`, aligned inside [x, x + width]."""
    paragraph = BidiParagraph(_one_line(text, style, width), style)
    _, height = paragraph.wrap(width, 100)
    paragraph.drawOn(canvas, x, y - height)


def _page_label(template: str, page: int, pages: int) -> str:
    try:
        return template.format(page=page, pages=pages)
    except (KeyError, IndexError, ValueError):
        return f"{page} / {pages}"


def _decorate(canvas: Canvas, report: Report, styles: _Styles, registry: _Registry, page: int, pages: int) -> None:
    """Running header (not on the cover), footer and the contents page numbers of one page."""
    canvas.saveState()
    canvas.setStrokeColor(RULE_GREY)
    canvas.setLineWidth(0.5)
    half = FRAME_WIDTH / 2
    start_x = MARGIN_X + half if styles.rtl else MARGIN_X
    end_x = MARGIN_X if styles.rtl else MARGIN_X + half
    if page > 1:
        top = PAGE_HEIGHT - 11 * mm
        _draw_text(canvas, report.meta.title, styles.header, start_x, top, half - 6)
        _draw_text(canvas, report.meta.audience_label, styles.footer_end, end_x, top, half)
        canvas.line(MARGIN_X, PAGE_HEIGHT - MARGIN_TOP + 4 * mm, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - MARGIN_TOP + 4 * mm)
    bottom = MARGIN_BOTTOM - 6 * mm
    canvas.line(MARGIN_X, MARGIN_BOTTOM - 3 * mm, PAGE_WIDTH - MARGIN_X, MARGIN_BOTTOM - 3 * mm)
    _draw_text(canvas, report.meta.generated_label, styles.header, start_x, bottom, half - 6)
    _draw_text(canvas, _page_label(report.labels.get("page_of", ""), page, pages), styles.footer_end, end_x, bottom, half)
    for mark_page, x, y, width, section_id in registry.toc_marks:
        number = registry.section_pages.get(section_id)
        if mark_page == page and number is not None:
            _draw_text(canvas, str(number), styles.toc_number, x, y, width)
    canvas.restoreState()


def _canvas_class(report: Report, styles: _Styles, registry: _Registry) -> type[Canvas]:
    """A canvas that keeps every page until the end, so each page knows the page count."""

    class DeferredCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                _decorate(self, report, styles, registry, self.getPageNumber(), total)
                Canvas.showPage(self)
            Canvas.save(self)

    return DeferredCanvas


class _Document(BaseDocTemplate):
    """A4 portrait, one frame; records chapter pages and adds outline entries."""

    def __init__(self, path: str, report: Report, registry: _Registry) -> None:
        super().__init__(
            path,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=report.meta.title[:200],
            subject=report.meta.audience_label,
            creator="Coalition Workshop",
            lang=report.meta.language,
            invariant=1,
            initialFontName=register_fonts().regular,
            initialFontSize=10,
        )
        self.registry = registry
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, id="body", leftPadding=0, rightPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab API)
        if isinstance(flowable, _SectionHeading) and flowable.section_id not in self.registry.section_pages:
            self.registry.section_pages[flowable.section_id] = self.page
            key = f"section-{len(self.registry.section_pages)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.text[:120], key, level=0)


def _build(report: Report, path: Path, rtl: bool, warnings: list[str], tables_as_text: bool) -> None:
    styles = _Styles(rtl)
    registry = _Registry()
    story = _cover_story(report, styles, registry)
    for section in report.sections:
        story += _section_story(report, section, styles, warnings.append, tables_as_text)
    document = _Document(str(path), report, registry)
    document.build(story, canvasmaker=_canvas_class(report, styles, registry))


def write_pdf(report: Report, path: Path, *, rtl: bool) -> list[str]:
    """Write the report as a PDF at `path`; returns warnings about blocks printed as plain text."""
    warnings: list[str] = []
    try:
        _build(report, Path(path), rtl, warnings, tables_as_text=False)
    except LAYOUT_ERRORS as error:
        warnings = [_warning(report, report.meta.title[:80], error)]
        _build(report, Path(path), rtl, warnings, tables_as_text=True)
    return warnings
