"""The report's charts as vector drawings: bar charts, the SWOT grid and the action-plan timeline.

Shapes are ReportLab graphics (`reportlab.graphics.shapes.Drawing` with `Rect` and `Line`,
rendered by `renderPDF`): vector, no images. Every word is drawn by the project's text
engine (`pdf_text.BidiParagraph`: shaped Arabic, bidi order, embedded font), so chart
labels are real, searchable text and Arabic reads right to left.

Each chart is laid out once in start-to-end coordinates (x = 0 on the side where reading
starts) and mirrored for right-to-left documents: in Arabic the labels stand on the
right, bars grow to the left and months run from right to left. Colours come from the
colour-blind palette (`workshop.core.palette`); every colour also has its meaning in
words beside it and neighbouring colours differ in lightness, so print in grey is fine.

A chart taller than the space left splits between rows (the timeline repeats its month
axis). This module never imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Line, Rect
from reportlab.lib import colors
from reportlab.platypus import Flowable

from workshop.core.export.pdf_text import BidiParagraph, BidiStyle, layout_lines
from workshop.core.export.report import BarChart, Chart, SwotGrid, Timeline
from workshop.core.palette import CHART, SERIES

INK = colors.black
GRID = colors.Color(0.7, 0.7, 0.7)
ZEBRA = colors.Color(0.95, 0.95, 0.95)
MUTED = colors.Color(0.3, 0.3, 0.3)
ELLIPSIS = "…"


def colour(kind: str) -> colors.Color:
    """The palette colour of a chart kind (ink for an unknown kind)."""
    return colors.HexColor(CHART.get(kind, CHART["ink"]))


def tint(base: colors.Color, amount: float) -> colors.Color:
    """`base` mixed with white: 0 = white, 1 = the colour itself."""
    return colors.Color(*(1 - amount * (1 - c) for c in (base.red, base.green, base.blue)))


@dataclass(frozen=True)
class ChartStyles:
    """The text styles of the charts, derived from the document's body style."""

    label: BidiStyle
    small: BidiStyle
    bold: BidiStyle
    value: BidiStyle
    centre: BidiStyle

    @classmethod
    def from_styles(cls, regular: BidiStyle, bold: BidiStyle) -> ChartStyles:
        label = replace(regular, font_size=8.5, leading=11, space_before=0, space_after=0, bullet=None)
        small = replace(label, font_size=7.5, leading=9.5, color=MUTED)
        return cls(
            label=label,
            small=small,
            bold=replace(bold, font_size=9, leading=12, space_before=0, space_after=0, bullet=None),
            value=replace(bold, font_size=8, leading=10, space_before=0, space_after=0, bullet=None),
            centre=replace(small, align="center"),
        )


def fit_lines(text: str, style: BidiStyle, width: float, most: int) -> list[str]:
    """`text` wrapped to `width`, at most `most` lines, the last one ending in '…' when cut."""
    lines = layout_lines(text, style, max(width, 1.0)) or [""]
    if len(lines) <= most:
        return lines
    kept = lines[: most - 1]
    last = lines[most - 1]
    while last and len(layout_lines(last + ELLIPSIS, style, width)) > 1:
        last = last[:-1].rstrip()
    return kept + [last + ELLIPSIS]


@dataclass
class _Canvas:
    """Shapes and labels of a chart in start-to-end coordinates, y measured down from the top."""

    width: float
    height: float = 0.0
    rects: list[tuple[float, float, float, float, Any, Any, float]] = field(default_factory=list)
    #: Backgrounds (row shading, quadrant tints): drawn first, under the grid lines.
    backs: list[tuple[float, float, float, float, Any, Any, float]] = field(default_factory=list)
    lines: list[tuple[float, float, float, float, Any, float, tuple[float, ...] | None]] = field(default_factory=list)
    labels: list[tuple[str, BidiStyle, float, float, float]] = field(default_factory=list)

    def rect(self, x: float, top: float, w: float, h: float, fill: Any, stroke: Any = None, line: float = 0.0) -> None:
        """A rectangle drawn over the grid lines (bars, colour bands)."""
        self.rects.append((x, top, w, h, fill, stroke, line))

    def back(self, x: float, top: float, w: float, h: float, fill: Any, stroke: Any = None, line: float = 0.0) -> None:
        """A background rectangle, drawn under the grid lines."""
        self.backs.append((x, top, w, h, fill, stroke, line))

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: Any = GRID, width: float = 0.4, dash: tuple[float, ...] | None = None
    ) -> None:
        self.lines.append((x1, y1, x2, y2, stroke, width, dash))

    def text(self, lines: list[str], style: BidiStyle, x: float, top: float, width: float) -> float:
        """Place wrapped lines; returns their height."""
        text = "\n".join(lines)
        if text.strip():
            self.labels.append((text, style, x, top, width))
        return len(lines) * style.line_height

    def drawing(self, rtl: bool, font_name: str) -> Drawing:
        """The shapes as a ReportLab Drawing, mirrored for right to left.

        The drawing's initial font is the document's (embedded) font, so the renderer never
        adds a standard, non-embedded font to the page.
        """
        drawing = Drawing(self.width, self.height, initialFontName=font_name, initialFontSize=8)
        self._add_rects(drawing, self.backs, rtl)
        for x1, y1, x2, y2, stroke, width, dash in self.lines:
            if rtl:
                x1, x2 = self.width - x1, self.width - x2
            drawing.add(
                Line(x1, self.height - y1, x2, self.height - y2, strokeColor=stroke, strokeWidth=width, strokeDashArray=dash)
            )
        self._add_rects(drawing, self.rects, rtl)
        return drawing

    def _add_rects(self, drawing: Drawing, rects: list[tuple[float, float, float, float, Any, Any, float]], rtl: bool) -> None:
        for x, top, w, h, fill, stroke, line in rects:
            left = self.width - x - w if rtl else x
            drawing.add(Rect(left, self.height - top - h, w, h, fillColor=fill, strokeColor=stroke, strokeWidth=line))


class ChartFlowable(Flowable):
    """A chart of the document plan drawn as vector shapes with text labels."""

    def __init__(self, chart: Chart, styles: ChartStyles, rtl: bool, rows: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.chart = chart
        self.styles = styles
        self.rtl = rtl
        #: The rows (bars, spans) this piece shows, after a split.
        self.rows = rows or (0, _row_count(chart))
        self._layout: _Canvas | None = None
        self.spaceBefore, self.spaceAfter = 4, 10

    # -- layout

    def _lay_out(self, width: float) -> _Canvas:
        if self._layout is None or self._layout.width != width:
            canvas = _Canvas(width)
            if isinstance(self.chart, BarChart):
                _bars(canvas, self.chart, self.styles, self.rows)
            elif isinstance(self.chart, SwotGrid):
                _swot(canvas, self.chart, self.styles)
            else:
                _timeline(canvas, self.chart, self.styles, self.rows)
            self._layout = canvas
        return self._layout

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab API)
        layout = self._lay_out(availWidth)
        self.width, self.height = availWidth, layout.height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (ReportLab API)
        """Split between rows: as many rows as fit, then the rest (the SWOT grid never splits)."""
        if isinstance(self.chart, SwotGrid):
            return []
        first, last = self.rows
        fit = first
        while fit < last:
            piece = ChartFlowable(self.chart, self.styles, self.rtl, (first, fit + 1))
            if piece.wrap(availWidth, availHeight)[1] > availHeight:
                break
            fit += 1
        if fit == first or fit == last:
            return [] if fit == first else [self]
        return [
            ChartFlowable(self.chart, self.styles, self.rtl, (first, fit)),
            ChartFlowable(self.chart, self.styles, self.rtl, (fit, last)),
        ]

    # -- drawing

    def draw(self) -> None:
        layout = self._lay_out(self.width)
        renderPDF.draw(layout.drawing(self.rtl, self.styles.label.font_name), self.canv, 0, 0)
        for text, style, x, top, width in layout.labels:
            paragraph = BidiParagraph(text, style)
            _, height = paragraph.wrap(width, layout.height)
            left = layout.width - x - width if self.rtl else x
            paragraph.drawOn(self.canv, left, layout.height - top - height)


def _row_count(chart: Chart) -> int:
    if isinstance(chart, BarChart):
        return len(chart.bars)
    if isinstance(chart, Timeline):
        return len(chart.spans)
    return 1


# --------------------------------------------------------------------------- bar chart

ROW_PAD = 3.0
BAR_HEIGHT = 9.0
VALUE_ROOM = 26.0


def _bars(canvas: _Canvas, chart: BarChart, styles: ChartStyles, rows: tuple[int, int]) -> None:
    width = canvas.width
    rank_w = 16.0 if chart.numbered else 0.0
    label_w = width * 0.5
    tag_w = width * 0.13 if any(b.tag for b in chart.bars) else 0.0
    bar_x = rank_w + label_w + tag_w + 8
    bar_len = max(width - bar_x - VALUE_ROOM, 10.0)
    top = 0.0
    if chart.mark is not None and chart.mark_label:
        mark_x = bar_x + bar_len * min(chart.mark / (chart.maximum or 1), 1.0)
        top += canvas.text([chart.mark_label], styles.small, mark_x - 2, 0, bar_len) + 1
    chart_top = top
    first, last = rows
    for index in range(first, last):
        bar = chart.bars[index]
        lines = fit_lines(bar.label, styles.label, label_w - 4, 2)
        tag_lines = fit_lines(bar.tag, styles.small, tag_w - 4, 2) if tag_w and bar.tag else []
        height = max(len(lines) * styles.label.line_height, len(tag_lines) * styles.small.line_height, 12) + 2 * ROW_PAD
        if (index - first) % 2 == 1:
            canvas.back(0, top, width, height, ZEBRA)
        if chart.numbered:
            canvas.text([f"{index + 1}."], styles.value, 0, top + ROW_PAD + 1, rank_w)
        canvas.text(lines, styles.label, rank_w, top + ROW_PAD, label_w - 4)
        if tag_lines:
            canvas.text(tag_lines, styles.small, rank_w + label_w, top + ROW_PAD + 1, tag_w - 4)
        length = bar_len * (bar.value / chart.maximum) if chart.maximum else 0.0
        bar_top = top + ROW_PAD + (styles.label.line_height - BAR_HEIGHT) / 2 + 1
        if length > 0:
            canvas.rect(bar_x, bar_top, length, BAR_HEIGHT, colour(bar.kind), INK, 0.4)
        canvas.text([bar.shown], styles.value, bar_x + length + 3, bar_top - 0.5, VALUE_ROOM)
        top += height
    canvas.line(bar_x, chart_top, bar_x, top, INK, 0.6)
    if chart.mark is not None:
        mark_x = bar_x + bar_len * min(chart.mark / (chart.maximum or 1), 1.0)
        canvas.line(mark_x, chart_top - 1, mark_x, top, INK, 0.8, (3, 2))
    canvas.height = top + 1


# --------------------------------------------------------------------------- SWOT grid

GAP = 6.0
BAND = 5.0
VOTE_W = 18.0


def _quadrant_height(quadrant: Any, styles: ChartStyles, width: float) -> tuple[float, list[list[str]]]:
    text_w = width - BAND - VOTE_W - 10
    wrapped = [fit_lines(text, styles.label, text_w, 3) for text, _ in quadrant.items]
    height = 6 + styles.bold.line_height + 3
    height += sum(len(lines) * styles.label.line_height + 3 for lines in wrapped)
    if quadrant.more:
        height += styles.small.line_height + 2
    if not quadrant.items and not quadrant.more:
        height += styles.label.line_height
    return height + 4, wrapped


def _swot(canvas: _Canvas, chart: SwotGrid, styles: ChartStyles) -> None:
    half = (canvas.width - GAP) / 2
    top = 0.0
    for row in (chart.quadrants[0:2], chart.quadrants[2:4]):
        measured = [_quadrant_height(q, styles, half) for q in row]
        height = max((h for h, _ in measured), default=0.0)
        for column, (quadrant, (_, wrapped)) in enumerate(zip(row, measured)):
            x = column * (half + GAP)
            base = colour(quadrant.kind)
            canvas.back(x, top, half, height, tint(base, 0.12), GRID, 0.4)
            canvas.rect(x, top, BAND, height, base)
            inner = x + BAND + 5
            y = top + 6
            y += canvas.text([quadrant.title], styles.bold, inner, y, half - BAND - 10) + 3
            for (_, votes), lines in zip(quadrant.items, wrapped):
                used = canvas.text(lines, styles.label, inner, y, half - BAND - VOTE_W - 10)
                if votes:
                    canvas.text([votes], styles.value, x + half - VOTE_W - 3, y + 1, VOTE_W)
                canvas.line(inner, y + used + 1.5, x + half - 4, y + used + 1.5, GRID, 0.3)
                y += used + 3
            if quadrant.more:
                canvas.text([quadrant.more], styles.small, inner, y, half - BAND - 10)
        top += height + GAP
    canvas.height = top - GAP


# --------------------------------------------------------------------------- timeline

AXIS_ROW = 11.0


def _timeline(canvas: _Canvas, chart: Timeline, styles: ChartStyles, rows: tuple[int, int]) -> None:
    width = canvas.width
    label_w = width * 0.36
    grid_x = label_w + 4
    count = max(len(chart.ticks), 1)
    cell = (width - grid_x) / count
    for first_tick, last_tick, year in chart.years:
        x = grid_x + first_tick * cell
        canvas.text([year], styles.value, x + 2, 0, (last_tick - first_tick + 1) * cell - 2)
    for index, tick in enumerate(chart.ticks):
        canvas.text([tick], styles.centre, grid_x + index * cell, AXIS_ROW, cell)
    top = 2 * AXIS_ROW + 2
    axis_bottom = top
    first, last = rows
    for index in range(first, last):
        span = chart.spans[index]
        lines = fit_lines(span.label, styles.label, label_w - 4, 2)
        owner = fit_lines(span.owner, styles.small, label_w - 4, 1) if span.owner else []
        height = len(lines) * styles.label.line_height + len(owner) * styles.small.line_height + 2 * ROW_PAD
        if (index - first) % 2 == 1:
            canvas.back(0, top, width, height, ZEBRA)
        y = canvas.text(lines, styles.label, 0, top + ROW_PAD, label_w - 4)
        canvas.text(owner, styles.small, 0, top + ROW_PAD + y, label_w - 4)
        series = colors.HexColor(SERIES[span.series % len(SERIES)])
        bar_top = top + (height - BAR_HEIGHT) / 2
        x = grid_x + span.start * cell + 1
        canvas.rect(x, bar_top, max((span.end - span.start + 1) * cell - 2, 2), BAR_HEIGHT, series, INK, 0.4)
        top += height
    for index in range(count + 1):
        x = grid_x + index * cell
        starts_year = any(index == f for f, _, _ in chart.years)
        canvas.line(x, AXIS_ROW if not starts_year else 0, x, top, INK if starts_year else GRID, 0.6 if starts_year else 0.3)
    canvas.line(grid_x, axis_bottom, width, axis_bottom, INK, 0.6)
    canvas.height = top + 1
