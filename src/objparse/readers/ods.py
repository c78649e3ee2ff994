"""An OpenDocument spreadsheet (.ods) -> a grid per table (worksheet) that holds a sheet, with the
standard library alone (zipfile, ElementTree).

An .ods keeps beside each value the text the spreadsheet displays (`text:p`): that text is read,
so a percentage is '10%' and an amount '4.249.834.748 €' as the sheet shows them. A merged range
(`number-rows-spanned`) is explicit, its covered cells hold nothing; italics come from the cell's
style (and its parents'). Rows and columns an .ods repeats (`number-rows-repeated`) are expanded
only where they hold something: the empty thousands that pad a table cost nothing.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from ..errors import SheetError
from ..grid import Grid, GridRow
from ..records import MAX_CELLS, TooManyCells

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
MAX_XML = 256 * 1024 * 1024  # bytes of content.xml uncompressed: past it, a zip bomb, not a sheet


def _q(name: str) -> str:
    prefix, _, local = name.partition(":")
    return f"{{{_NS[prefix]}}}{local}"


_ROW, _CELL, _COVERED = _q("table:table-row"), _q("table:table-cell"), _q("table:covered-table-cell")
_P, _SPACE, _TAB, _BREAK = _q("text:p"), _q("text:s"), _q("text:tab"), _q("text:line-break")
_ROWS_REPEATED, _COLUMNS_REPEATED = _q("table:number-rows-repeated"), _q("table:number-columns-repeated")
_ROWS_SPANNED, _STYLE_NAME = _q("table:number-rows-spanned"), _q("table:style-name")


def _text(element: ElementTree.Element) -> str:
    """A paragraph's text, its spaces, tabs and line breaks written out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _SPACE:
            parts.append(" " * int(child.get(_q("text:c"), "1")))
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _BREAK:
            parts.append("\n")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _italic_styles(*roots: ElementTree.Element) -> set[str]:
    """The cell styles whose text is italic, their parents' italics inherited."""
    parents: dict[str, str] = {}
    italic: set[str] = set()
    for root in roots:
        for style in root.iter(_q("style:style")):
            name = style.get(_q("style:name"))
            if name is None:
                continue
            parent = style.get(_q("style:parent-style-name"))
            if parent:
                parents[name] = parent
            props = style.find(_q("style:text-properties"))
            if props is not None and props.get(_q("fo:font-style")) == "italic":
                italic.add(name)
    for name in list(parents):
        seen, at = set(), name
        while at in parents and at not in italic and at not in seen:
            seen.add(at)
            at = parents[at]
        if at in italic:
            italic.add(name)
    return italic


def _cells(row: ElementTree.Element) -> Iterator[tuple[int, ElementTree.Element]]:
    """(column, cell) of each cell of a row that holds something, past repeated empty ones."""
    column = 0
    for cell in row:
        if cell.tag not in (_CELL, _COVERED):
            continue
        repeat = int(cell.get(_COLUMNS_REPEATED, "1"))
        if cell.tag == _CELL and cell.find(_P) is not None:
            for k in range(min(repeat, MAX_CELLS)):
                yield column + k, cell
        column += repeat


def _grid(table: ElementTree.Element, italic_styles: set[str]) -> Grid:
    rows: list[GridRow] = []
    italic: dict[int, frozenset[int]] = {}
    spans: dict[tuple[int, int], int] = {}
    line = 0
    count = 0
    for row in table.iter(_ROW):
        repeat = int(row.get(_ROWS_REPEATED, "1"))
        cells = list(_cells(row))
        if not cells:
            line += repeat
            continue
        for _ in range(repeat):
            line += 1
            texts = [""] * (cells[-1][0] + 1)
            slanted = set()
            for column, cell in cells:
                texts[column] = "\n".join(_text(p) for p in cell.iter(_P))
                if cell.get(_STYLE_NAME) in italic_styles:
                    slanted.add(column)
                rows_spanned = int(cell.get(_ROWS_SPANNED, "1"))
                if rows_spanned > 1:
                    spans[(line, column)] = line + rows_spanned - 1
            count += len(cells)
            if count > MAX_CELLS:
                raise TooManyCells(f"more than {MAX_CELLS:,} filled cells, which no file of sheets holds")
            if slanted:
                italic[line] = frozenset(slanted)
            rows.append((line, line, texts, "\n"))
    return Grid(rows, name=table.get(_q("table:name")), italic=italic, spans=spans, whole=True, places="row")


def grids(data: bytes, name: str) -> list[Grid]:
    """A grid per table of the spreadsheet."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = {info.filename: info for info in archive.infolist()}
        if infos["content.xml"].file_size > MAX_XML:
            raise SheetError("an .ods spreadsheet larger than any sheet", name)
        content = ElementTree.fromstring(archive.read("content.xml"))
        styles = (ElementTree.fromstring(archive.read("styles.xml")) if "styles.xml" in infos
                  and infos["styles.xml"].file_size <= MAX_XML else None)
    except SheetError:
        raise
    except Exception as exc:  # a damaged archive or XML: zipfile, zlib and expat raise many kinds
        raise SheetError(f"an .ods spreadsheet that cannot be read ({type(exc).__name__}: {exc})", name) from None
    italic = _italic_styles(*(root for root in (content, styles) if root is not None))
    return [_grid(table, italic) for table in content.iter(_q("table:table"))]
