"""Document -> a sheet, the inverse of reading it: the canonical text (`render`), or the same
layout in any format a reader reads (`render_as`: a text in any dialect and encoding, an .xlsx or
.ods workbook with merged ranges, number formats and italics, a PDF of ruled tables). Reading
what is rendered gives the document back, line numbers aside (a PDF's among them)."""

from __future__ import annotations

from ..model import Document
from .layout import layout
from .text import text

FORMATS = ("text", "xlsx", "ods", "pdf")


def render(doc: Document) -> str:
    """The document as a clean sheet in the canonical layout (tab-separated, Italian number
    formats, every KPI with its own reference and target): parse_text(render(doc)) gives the
    document back, line numbers aside."""
    return text(layout(doc))


def render_as(doc: Document, fmt: str = "text", merged: bool = True, **options: str) -> bytes:
    """The document as a file of the format: 'text' (options: delimiter, encoding, newline),
    'xlsx', 'ods' or 'pdf' — with `merged`, their cells merged where a workbook merges them (an
    area's name over its rows, equal targets of KPIs one under the other, …)."""
    if fmt == "text":
        from .text import encoded

        return encoded(layout(doc), **options)
    if fmt == "xlsx":
        from .xlsx import workbook

        return workbook(layout(doc, merged), doc.title)
    if fmt == "ods":
        from .ods import spreadsheet

        return spreadsheet(layout(doc, merged), doc.title)
    if fmt == "pdf":
        from .pdf import pdf

        return pdf(layout(doc, merged))
    raise ValueError(f"no renderer for {fmt!r}: one of {', '.join(FORMATS)}")
