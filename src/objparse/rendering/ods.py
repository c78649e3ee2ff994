"""The layout as an OpenDocument spreadsheet, with the standard library: each cell its value (a
percentage, a float) beside the text it displays, merged ranges spanned, italic cells styled."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from .cells import stored
from .layout import Italic, Layout, text_of
from .xlsx import sheet_name

MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
_STYLES = ('<office:automatic-styles><style:style style:name="italic" style:family="table-cell">'
           '<style:text-properties fo:font-style="italic"/></style:style></office:automatic-styles>')
_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
             'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
             f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>'
             '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
             '</manifest:manifest>')


def _cell(cell: Italic | str, rows: int) -> str:
    text = text_of(cell)
    attrs = ' table:style-name="italic"' if isinstance(cell, Italic) else ""
    if rows > 1:
        attrs += f' table:number-rows-spanned="{rows}" table:number-columns-spanned="1"'
    value = stored(text) if text else None
    if value is not None:
        kind = "percentage" if value[1].endswith("%") else "float"
        attrs += f' office:value-type="{kind}" office:value="{value[0]!r}"'
    elif text:
        attrs += ' office:value-type="string"'
    lines = "".join(f"<text:p>{escape(line)}</text:p>" for line in text.split("\n")) if text else ""
    return f"<table:table-cell{attrs}>{lines}</table:table-cell>"


def spreadsheet(out: Layout, title: str | None) -> bytes:
    merged = {(first, column): last - first + 1 for first, column, last in out.merges}
    covered = {(r, column) for first, column, last in out.merges for r in range(first + 1, last + 1)}
    rows = []
    for r, row in enumerate(out.rows):
        cells = ["<table:covered-table-cell/>" if (r, c) in covered else _cell(cell, merged.get((r, c), 1))
                 for c, cell in enumerate(row)]
        rows.append(f"<table:table-row>{''.join(cells) or '<table:table-cell/>'}</table:table-row>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS} office:version="1.2">'
               f"{_STYLES}<office:body><office:spreadsheet>"
               f"<table:table table:name={quoteattr(sheet_name(title))}>{''.join(rows)}</table:table>"
               "</office:spreadsheet></office:body></office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # the mimetype first and uncompressed, as OpenDocument wants; fixed times: the same bytes every time
        archive.writestr(zipfile.ZipInfo("mimetype", (1980, 1, 1, 0, 0, 0)), MIMETYPE)
        for name, data in (("META-INF/manifest.xml", _MANIFEST), ("content.xml", content)):
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
