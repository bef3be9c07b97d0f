"""Markdown rendering of a `Report`.

User text is escaped so it can never become Markdown structure or HTML: `& < >` become
entities, Markdown punctuation is backslash-escaped, and control characters follow the app's
one policy (`workshop.core.text.bidi.clean`, as on screen and in the PDF): ESC and other C0
controls become visible control pictures (an escape sequence is seen, not obeyed), C1 controls
U+FFFD, bidi embeddings, overrides, isolates and marks are removed.
This module never imports Textual.
"""

from __future__ import annotations

import re

from workshop.core.export.report import (
    BarChart,
    Bullets,
    Heading,
    KeyValue,
    Note,
    Paragraph,
    Report,
    Section,
    SwotGrid,
    Table,
    Timeline,
    chart_table,
)
from workshop.core.text.bidi import clean

#: Characters that carry Markdown meaning anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
#: Line starts that would open a heading, list, quote or rule.
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])")


def escape_cell(text: str) -> str:
    """User text made inert inside a line (a table cell): HTML entities, Markdown punctuation escaped."""
    text = clean(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE.sub(r"\\\1", text)


def escape(text: str) -> str:
    """User text made inert for Markdown and HTML as a block (also no heading/list/quote at line starts)."""
    lines = [_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", line) for line in escape_cell(text).split("\n")]
    return "\n".join(lines)


def _inline(text: str) -> str:
    """Escaped text on one line (headings, list items): newlines become <br>."""
    return "<br>".join(part.strip() for part in escape(text).split("\n"))


def _cell(text: str) -> str:
    """Escaped text of a table cell: newlines become <br>."""
    return "<br>".join(part.strip() for part in escape_cell(text).split("\n"))


def _table(block: Table) -> list[str]:
    width = max(len(block.columns), *(len(r) for r in block.rows)) if block.rows else len(block.columns)
    header = [_cell(c) for c in block.columns] + [""] * (width - len(block.columns))
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
    for row in block.rows:
        cells = [_cell(c) for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _block(block: object) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * min(max(block.level, 3), 6) + " " + _inline(block.text)]
    if isinstance(block, Paragraph):
        return [escape(block.text).replace("\n", "  \n")]
    if isinstance(block, Note):
        return ["*" + _inline(block.text) + "*"]
    if isinstance(block, Bullets):
        return [f"- {_inline(item)}" for item in block.items]
    if isinstance(block, KeyValue):
        return [f"- **{_inline(label)}:** {_inline(value)}" for label, value in block.pairs]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, (BarChart, SwotGrid, Timeline)):
        return _table(chart_table(block))
    raise TypeError(f"unknown report block {type(block).__name__}")


def _section(section: Section) -> list[str]:
    lines = [f"## {_inline(section.heading)}", ""]
    for block in section.blocks:
        lines.extend(_block(block))
        lines.append("")
    return lines


def to_markdown(report: Report) -> str:
    """The whole report as one Markdown document: the summary first, then the contents and the chapters."""
    meta = report.meta
    lines = [f"# {_inline(meta.title)}", ""]
    lines += [f"*{_inline(line)}*  " for line in meta.subtitle]
    lines += [f"*{_inline(meta.generated_label)}*", ""]
    summary = report.section("summary")
    chapters = [s for s in report.sections if s is not summary]
    if summary is not None:
        lines.extend(_section(summary))
    lines += [f"**{_inline(report.labels['contents'])}**", ""]
    lines += [f"{n}. {_inline(s.heading)}" for n, s in enumerate(chapters, start=1)]
    lines.append("")
    for section in chapters:
        lines.extend(_section(section))
    return "\n".join(lines).rstrip("\n") + "\n"
