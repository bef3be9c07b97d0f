"""The PDF export: a print-friendly A4 document of a `Report`, in Arabic or English.

Layout: page 1 is the summary that says it all (title, date and place, then the summary
section of the plan: mission, vision, top priorities, goals, next steps, next meeting);
page 2 opens with the contents (page numbers) and the chapters follow on the same page,
one per report section, charts drawn as vector graphics (`pdf_charts`). Every page after the cover carries a running header (the title, the audience)
and every page a footer ("page X of Y" in the report language, the generation date).
Text is drawn by the bidi layout of `pdf_text` (shaped Arabic, mirrored tables, user
text never parsed as markup) in the embedded, subset Plex Sans Arabic font.

Robustness: one block that fails to lay out is printed as plain text and reported as a
warning; a document that still cannot be laid out is rebuilt with every table as plain
text. `write_pdf` returns the warnings. This module never imports Textual.
"""

from __future__ import annotations

import copy
import struct
from datetime import datetime, timezone
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError, PageTemplate
from reportlab.platypus.frames import Frame

from workshop.core.export.fonts import register_fonts
from workshop.core.export.pdf_charts import ChartFlowable, ChartStyles
from workshop.core.export.pdf_text import (
    BidiParagraph,
    BidiStyle,
    bidi_table,
    fit_columns,
    layout_lines,
    make_styles,
    unbreakable_width,
)
from workshop.core.export.report import (
    BarChart,
    Block,
    Bullets,
    Heading,
    KeyValue,
    Note,
    Paragraph,
    Report,
    Section,
    SwotGrid,
    Timeline,
    chart_table,
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
#: Fewest rows of a table left on either side of a page break.
MIN_ROWS_AT_BREAK = 3
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
        self.charts = ChartStyles.from_styles(base["body"], base["cell_bold"])
        # The first page: compact, so that everything decided fits on one A4 page.
        self.cover_title = replace(base["title"], font_size=17, leading=22, space_after=1)
        self.dateline = replace(base["h2"], font_size=10.5, leading=14, space_before=0, space_after=0)
        self.summary_heading = replace(base["h2"], font_size=10, leading=13, space_before=6, space_after=1)
        self.summary_body = replace(base["body"], font_size=9, leading=12.5, space_after=1)
        self.summary_cell = replace(base["cell"], font_size=8, leading=10.5)
        self.summary_cell_bold = replace(base["cell_bold"], font_size=8, leading=10.5)

    def compact(self) -> _Styles:
        """These styles with the first page's smaller headings, text and table cells."""
        compact = copy.copy(self)
        compact.h2 = compact.h3 = self.summary_heading
        compact.body = self.summary_body
        compact.cell, compact.cell_bold = self.summary_cell, self.summary_cell_bold
        compact.charts = replace(
            self.charts,
            label=replace(self.charts.label, font_size=8, leading=10),
            value=replace(self.charts.value, font_size=7.5, leading=9.5),
        )
        return compact


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
    if isinstance(block, (BarChart, SwotGrid, Timeline)):
        return _plain_text(chart_table(block))
    if isinstance(block, TableBlock):
        lines = []
        for row in block.rows:
            pairs = zip(block.columns, row) if block.columns else (("", c) for c in row)
            lines.append(" · ".join(f"{col}: {cell}" if col else cell for col, cell in pairs if cell))
        return "\n".join(lines)
    return str(block)


def _widths(block: TableBlock, count: int, styles: _Styles | None = None) -> list[float]:
    """Column widths from the block's hints, widened where a cell holds a phone number, an
    e-mail address or a word that would otherwise be broken (`fit_columns`)."""
    hint = block.widths if block.widths and len(block.widths) == count else [1.0] * count
    total = sum(hint) or 1.0
    widths = [FRAME_WIDTH * w / total for w in hint]
    if styles is None:
        return widths
    padding = 8.0  # LEFTPADDING + RIGHTPADDING of bidi_table
    needs = [0.0] * count
    for row in block.rows:
        for index, cell in enumerate(list(row)[:count]):
            if cell:
                needs[index] = max(needs[index], unbreakable_width(str(cell), styles.cell) + padding)
    return fit_columns(widths, needs)


class _Rows(Table):
    """A table that leaves no orphan or widow rows at a page break: at least MIN_ROWS_AT_BREAK
    rows stay on each side, or the table moves to the next page (short tables never split)."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (ReportLab API)
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) != 2 or availHeight >= FRAME_HEIGHT - 1:
            return parts  # at the top of a page any split is better than none
        head = int(self.repeatRows or 0)
        rows = len(self._cellvalues) - head
        first, second = (len(p._cellvalues) - head for p in parts)  # type: ignore[attr-defined]
        if rows < 2 * MIN_ROWS_AT_BREAK or first < MIN_ROWS_AT_BREAK:
            return []  # the next page holds it whole, or splits it there
        if second >= MIN_ROWS_AT_BREAK:
            return parts
        room = sum(self._rowHeights[: len(self._cellvalues) - MIN_ROWS_AT_BREAK])
        return self.split(availWidth, room) if 0 < room < availHeight else []


def _table(block: TableBlock, styles: _Styles) -> list[Flowable]:
    count = max([len(block.columns)] + [len(r) for r in block.rows])
    if count == 0:
        return []
    columns = list(block.columns) + [""] * (count - len(block.columns))
    rows = [list(r) + [""] * (count - len(r)) for r in block.rows]
    data = [[_Cell(c, styles.cell_bold) for c in columns]] + [[_Cell(c, styles.cell) for c in row] for row in rows]
    table = bidi_table(data, _widths(block, count, styles), styles.cell, styles.rtl, header=True)
    table.splitInRow = MIN_ROW_PIECE
    table.__class__ = _Rows  # the pieces of a split are made with the same class
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
    if isinstance(block, (KeyValue, TableBlock, BarChart, SwotGrid, Timeline)) and tables_as_text:
        return [BidiParagraph(_plain_text(block), styles.body)]
    if isinstance(block, (BarChart, SwotGrid, Timeline)):
        return [ChartFlowable(block, styles.charts, styles.rtl)]
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


def _laid_out(
    report: Report, section: Section, block: Block, styles: _Styles, warn: Callable[[str], None], tables_as_text: bool
) -> list[Flowable]:
    """The flowables of one block, measured now so that a failure stays inside this block."""
    try:
        flowables = _block(block, styles, tables_as_text)
        for flowable in flowables:
            flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)
    except LAYOUT_ERRORS as error:
        warn(_warning(report, section.heading, error))
        flowables = _fallback(block, styles)
    return flowables


#: Tallest table (points) that moves whole to the next page instead of splitting.
KEEP_WHOLE = FRAME_HEIGHT * 0.5


def _height(flowable: Flowable) -> float:
    """The height `flowable` had when `_laid_out` measured it at the frame's size."""
    return float(getattr(flowable, "_height", 0.0) or getattr(flowable, "height", 0.0) or 0.0)


#: Blocks a heading is kept on the same page with.
_KEPT_WITH_HEADING = (KeyValue, TableBlock, BarChart, SwotGrid, Timeline)


def _blocks_story(
    report: Report, section: Section, styles: _Styles, warn: Callable[[str], None], tables_as_text: bool
) -> list[Flowable]:
    """The blocks of a section. A heading stays on the page of the table or chart it introduces,
    and a table that fits on a page moves whole to the next page rather than leave two rows behind."""
    story: list[Flowable] = []
    held: list[Flowable] = []
    for block in section.blocks:
        flowables = _laid_out(report, section, block, styles, warn, tables_as_text)
        if held and isinstance(block, _KEPT_WITH_HEADING) and flowables and _height(flowables[0]) <= KEEP_WHOLE:
            story.append(KeepTogether(held + flowables[:1]))
            story.extend(flowables[1:])
            held = []
            continue
        story.extend(held)
        held = []
        if isinstance(block, Heading) and flowables:
            story.extend(f for f in flowables if isinstance(f, CondPageBreak))
            held = [f for f in flowables if not isinstance(f, CondPageBreak)]
        else:
            story.extend(flowables)
    return story + held


def _section_story(
    report: Report, section: Section, styles: _Styles, warn: Callable[[str], None], tables_as_text: bool
) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(140), _SectionHeading(section.heading, styles.h1, section.id)]
    return story + _blocks_story(report, section, styles, warn, tables_as_text)


class _Mark(Flowable):
    """An invisible chapter mark (page number, outline entry) of a section drawn without its heading."""

    def __init__(self, text: str, section_id: str) -> None:
        super().__init__()
        self.text = text
        self.section_id = section_id

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        return None


class _LeaveFirstPage(CondPageBreak):
    """A page break only on page 1: the contents open page 2, also when the summary ran over onto it."""

    def __init__(self) -> None:
        super().__init__(0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.height = availHeight + 1 if self._doctemplateAttr("page") == 1 else 0
        result: tuple[float, float] = super().wrap(availWidth, availHeight)
        return result


def _summary_story(
    report: Report, styles: _Styles, registry: _Registry, warn: Callable[[str], None], tables_as_text: bool
) -> list[Flowable]:
    """Page 1: title, date and place, audience, the summary section; page 2 opens with the contents."""
    meta = report.meta
    story: list[Flowable] = [BidiParagraph(meta.title, styles.cover_title)]
    if meta.dateline:
        story.append(BidiParagraph(meta.dateline, styles.dateline))
    story.append(BidiParagraph(meta.audience_label, styles.note))
    summary = report.section("summary")
    if summary is not None:
        story.append(_Mark(summary.heading, summary.id))
        story += _blocks_story(report, summary, styles.compact(), warn, tables_as_text)
    story.append(_LeaveFirstPage())
    story.append(BidiParagraph(report.labels.get("contents", ""), styles.h1))
    story += [_TocEntry(s.heading, s.id, styles, registry) for s in report.sections if s.id != "summary"]
    story.append(Spacer(1, 4 * mm))
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


class _Info(PDFInfo):
    """The document information with the real creation date (UTC), or none, instead of 2000-01-01."""

    def __init__(self, created: datetime | None) -> None:
        super().__init__()
        self.created = created
        self.author = ""

    def format(self, document: Any) -> bytes:
        fields: dict[str, Any] = {
            "Title": PDFString(self.title),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
        }
        if self.created is not None:
            moment = self.created.astimezone(timezone.utc) if self.created.tzinfo else self.created
            stamp = PDFString(moment.strftime("D:%Y%m%d%H%M%S") + ("Z" if self.created.tzinfo else ""))
            fields["CreationDate"] = fields["ModDate"] = stamp
        result: bytes = PDFDictionary(fields).format(document)
        return result


def _canvas_class(report: Report, styles: _Styles, registry: _Registry) -> type[Canvas]:
    """A canvas that keeps every page until the end, so each page knows the page count."""

    class DeferredCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._doc.info = _Info(report.meta.created)

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
        if isinstance(flowable, (_SectionHeading, _Mark)) and flowable.section_id not in self.registry.section_pages:
            self.registry.section_pages[flowable.section_id] = self.page
            key = f"section-{len(self.registry.section_pages)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.text[:120], key, level=0)


def _build(report: Report, path: Path, rtl: bool, warnings: list[str], tables_as_text: bool) -> None:
    # Compressed streams stay binary: ASCII85 on top of Flate makes every page and font a
    # quarter bigger and no reader needs it (ReportLab's setting is process-wide; only the
    # exports use ReportLab).
    rl_config.useA85 = 0
    styles = _Styles(rtl)
    registry = _Registry()
    story = _summary_story(report, styles, registry, warnings.append, tables_as_text)
    for section in report.sections:
        if section.id != "summary":
            story += _section_story(report, section, styles, warnings.append, tables_as_text)
    document = _Document(str(path), report, registry)
    document.build(story, canvasmaker=_canvas_class(report, styles, registry))


def write_pdf(report: Report, path: Path, *, rtl: bool) -> list[str]:
    """Write the report as a PDF at `path`; returns warnings about blocks printed as plain text.

    The file's creation date is `report.meta.created` (none when that is None); everything
    else is invariant, so the same report gives the same bytes.
    """
    warnings: list[str] = []
    try:
        _build(report, Path(path), rtl, warnings, tables_as_text=False)
    except LAYOUT_ERRORS as error:
        warnings = [_warning(report, report.meta.title[:80], error)]
        _build(report, Path(path), rtl, warnings, tables_as_text=True)
    return warnings
