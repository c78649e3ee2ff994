"""The layout as a PDF, as a spreadsheet prints it (reportlab, in the test extras): each table ruled,
a merged cell one box over its rows, long text wrapped inside its box, the header repeated atop
each page a table runs onto; the lines outside the tables (title, office, notes, headings) as
text. Every table stands on the same column widths, the worksheet's."""

from __future__ import annotations

import io
from typing import Any

from .layout import Italic, Layout, text_of

WIDTHS = (110.0, 95.0, 130.0, 195.0, 140.0, 100.0)  # points: the worksheet's six columns
EXTRA_WIDTH = 80.0  # points: a column beyond the six (the table is narrowed to the page's width)


def _widths(width: int) -> list[float]:
    if width <= len(WIDTHS):
        return list(WIDTHS[:width])
    wanted = [*WIDTHS, *[EXTRA_WIDTH] * (width - len(WIDTHS))]
    return [w * sum(WIDTHS) / sum(wanted) for w in wanted]


def _paragraph(cell: Italic | str, styles: dict[str, Any]) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(_escaped(text_of(cell)), styles["italic" if isinstance(cell, Italic) else "cell"])


def pdf(out: Layout) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    # small enough that the longest word fits its box: lines break at spaces
    styles = {"cell": ParagraphStyle("cell", fontName="Helvetica", fontSize=6, leading=7.5),
              "italic": ParagraphStyle("italic", fontName="Helvetica-Oblique", fontSize=6, leading=7.5),
              "line": ParagraphStyle("line", fontName="Helvetica", fontSize=6, leading=8)}
    starts = dict(out.tables)
    story: list[Any] = []
    r = 0
    while r < len(out.rows):
        if r in starts:
            last = starts[r]
            rows = out.rows[r:last + 1]
            width = max(len(row) for row in rows)
            data = [[_paragraph(cell, styles) for cell in row] + [""] * (width - len(row)) for row in rows]
            commands: list[Any] = [("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            commands += [("SPAN", (column, first - r), (column, end - r)) for first, column, end in out.merges
                         if r <= first <= last]
            table = Table(data, colWidths=_widths(width), repeatRows=1, hAlign="LEFT")
            table.setStyle(TableStyle(commands))
            story.append(table)
            r = last + 1
            continue
        row = out.rows[r]
        text = " ".join(text_of(cell) for cell in row if text_of(cell))
        story.append(Paragraph(_escaped(text), styles["line"]) if text else Spacer(1, 6))
        r += 1
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=30, rightMargin=30, topMargin=30,
                                 bottomMargin=30, invariant=1)
    document.build(story)
    return buffer.getvalue()


def _escaped(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)
