"""A PDF of the sheets, as INPS publishes them -> the grid (pdfplumber, imported when a PDF is read:
the extra objparse[pdf]).

A PDF prints the worksheet's grid with ruling lines around its cells: a table is found by its
rulings (pdfplumber), a cell's box gives its place, and a box that spans rows is a merged cell
(its rows known: no fill is guessed). Text wrapped inside a box stays in its cell. A merged cell
cut by a page break is one cell: its part at the top of the next page continues the part at the
bottom of the page before (a spreadsheet prints such a cell's text on both, clipped, so the copy
outside the box is dropped). The text outside the tables — title, office, notes, headings, page
footers — is read as lines, in order down the page. A row's line is its place in the sheet as
read, and the grid says its page. Columns are the worksheet's: every table's rulings stand on the
same column boundaries, so a cell's column is where its box starts among all of them.
"""

from __future__ import annotations

import contextlib
import io
from bisect import bisect_right
from typing import Any, NamedTuple

from ..errors import SheetError
from ..grid import Grid, GridRow
from ..records import MAX_CELLS, TooManyCells

EXTRA = "pip install 'objparse[pdf]'"
NEAR = 2.0  # points within which two rulings or two lines of text are the same
MAX_PAGES = 500


class Box(NamedTuple):
    """A cell's box: its edges, and whether its top and bottom are ruled (or cut by the page)."""

    x0: float
    top: float
    x1: float
    bottom: float
    open_top: bool = False
    open_bottom: bool = False


class Cell(NamedTuple):
    top: float  # where its row starts on the page
    x0: float
    text: str
    italic: bool
    rows: int  # table rows the box spans
    box: Box


class Item(NamedTuple):
    """A row of the page, in reading order: a table row (its cells) or a line of text."""

    top: float
    cells: list[Cell]
    table: int  # the table it is a row of, -1 for a line of text


def _open(data: bytes, name: str) -> Any:
    import logging

    # pdfminer warns of each oddity of a damaged PDF; a program that shows warnings still gets
    # them, but none is printed for want of a handler (objparse says what matters itself)
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())
    try:
        import pdfplumber
    except ImportError:
        raise SheetError(f"a PDF: reading it needs pdfplumber ({EXTRA})", name) from None
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        raise SheetError(f"a PDF that cannot be read ({type(exc).__name__})", name) from None


def _cluster(values: list[float]) -> list[float]:
    """The values, near ones taken as one (their first)."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > NEAR:
            out.append(v)
    return out


def _lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The words in lines, top to bottom: a word within NEAR of a line's top is on that line."""
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= NEAR:
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


def _words_text(words: list[dict[str, Any]], width: float | None = None) -> str:
    """Words in reading order, a line of a box joined to the next with a space — but a word the
    line break cut: after its hyphen ('Economico-' / 'finanziaria'), or a word wider than its box
    (one word filling a line of a box `width` wide), broken where the box ended."""
    lines = _lines(words)
    text = ""
    cut = False  # the line before was one word filling its box: broken, not ended
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        part = " ".join(w["text"] for w in line)
        hyphen = text.endswith("-") and len(text) > 1 and text[-2].isalpha() and (
            part[:1].islower() or (text[-2].isupper() and part[:1].isupper()))  # 'ECONOMICO-' / 'FINANZIARIA'
        if cut or hyphen:
            text += part
        else:
            text += (" " if text else "") + part
        cut = width is not None and len(line) == 1 and line[0]["x1"] - line[0]["x0"] >= 0.9 * width
    return text


def _italic(words: list[dict[str, Any]]) -> bool:
    slanted = sum(1 for w in words if any(s in w.get("fontname", "") for s in ("Italic", "Oblique")))
    return bool(words) and slanted * 2 > len(words)


def _boxes(table: Any, edges: list[dict[str, Any]]) -> list[Box]:
    """The table's boxes: the cells pdfplumber closed, and, where its rulings leave a region of a
    column open at the table's top or bottom (a merged cell cut by the page break), that region."""
    found = [Box(*cell) for cell in table.cells]
    x0, top, x1, bottom = table.bbox
    # the rulings of the table's columns reach past its closed cells: its bottom is where they end
    verticals = [e for e in edges if e["orientation"] == "v" and x0 - NEAR <= e["x0"] <= x1 + NEAR
                 and e["bottom"] > top + NEAR and e["top"] < bottom + NEAR]
    if verticals:
        top = min(top, min(e["top"] for e in verticals))
        bottom = max(bottom, max(e["bottom"] for e in verticals))
    xs = _cluster([b.x0 for b in found] + [b.x1 for b in found])
    ys = _cluster([b.top for b in found] + [b.bottom for b in found] + [top, bottom])
    covered = set()
    for b in found:
        for i in range(len(xs) - 1):
            for j in range(len(ys) - 1):
                if b.x0 - NEAR <= xs[i] and xs[i + 1] <= b.x1 + NEAR and b.top - NEAR <= ys[j] and ys[j + 1] <= (
                        b.bottom + NEAR):
                    covered.add((i, j))
    extra = []
    for i in range(len(xs) - 1):
        j = 0
        while j < len(ys) - 1:
            if (i, j) in covered:
                j += 1
                continue
            start = j
            while j < len(ys) - 1 and (i, j) not in covered:
                j += 1
            # a region of the column no closed cell covers: open where it meets the table's edge
            extra.append(Box(xs[i], ys[start], xs[i + 1], ys[j], open_top=start == 0, open_bottom=j == len(ys) - 1))
    return found + extra


def _inside(word: dict[str, Any], box: Box) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return bool(box.x0 <= cx <= box.x1 and box.top <= cy <= box.bottom)


def _page_items(page: Any, table_number: int) -> tuple[list[Item], int, list[tuple[float, float, float]]]:
    """The page's rows in reading order; the number of tables so far; the regions below a table
    cut by the page break (x0, x1, bottom), where a merged cell's clipped copy is printed."""
    words = page.extract_words(extra_attrs=["fontname"])
    edges = page.edges
    items: list[Item] = []
    cut: list[tuple[float, float, float]] = []
    taken: set[int] = set()
    for table in page.find_tables():
        boxes = _boxes(table, edges)
        ys = _cluster([b.top for b in boxes] + [b.bottom for b in boxes])
        rows: dict[float, list[Cell]] = {}
        for box in boxes:
            inside = [k for k, w in enumerate(words) if k not in taken and _inside(w, box)]
            taken.update(inside)
            mine = [words[k] for k in inside]
            row_top = ys[max(bisect_right(ys, box.top + NEAR) - 1, 0)]
            spans = sum(1 for y in ys if box.top + NEAR < y < box.bottom - NEAR) + 1
            text = _words_text(mine, box.x1 - box.x0)
            rows.setdefault(row_top, []).append(Cell(row_top, box.x0, text, _italic(mine), spans, box))
            if box.open_bottom:
                cut.append((box.x0, box.x1, box.bottom))
        items += [Item(top, sorted(cells, key=lambda c: c.x0), table_number) for top, cells in sorted(rows.items())]
        table_number += 1
    # the text outside the tables, a line of it a row; a cut cell's clipped copy below it dropped
    rest = [w for k, w in enumerate(words) if k not in taken
            and not any(x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and w["top"] >= bottom - NEAR for x0, x1, bottom in cut)]
    for line in _lines(rest):
        box = Box(min(w["x0"] for w in line), line[0]["top"], max(w["x1"] for w in line), line[0]["bottom"])
        items.append(Item(line[0]["top"], [Cell(line[0]["top"], box.x0, _words_text(line), _italic(line), 1, box)],
                          -1))
    return sorted(items, key=lambda item: item.top), table_number, cut


def grids(data: bytes, name: str) -> list[Grid]:
    """The grid of the PDF: every page's rows, in order (several sheets in it are split later)."""
    pdf = _open(data, name)
    try:
        if len(pdf.pages) > MAX_PAGES:
            raise SheetError(f"a PDF of {len(pdf.pages)} pages, more than any file of sheets has", name)
        pages: list[tuple[int, list[Item]]] = []
        tables = 0
        texts = 0
        for number, page in enumerate(pdf.pages, start=1):
            items, tables, _ = _page_items(page, tables)
            texts += len(page.chars)
            pages.append((number, items))
    except SheetError:
        raise
    except Exception as exc:
        raise SheetError(f"a PDF that cannot be read ({type(exc).__name__}: {exc})", name) from None
    finally:
        with contextlib.suppress(Exception):  # closing a damaged PDF may raise again
            pdf.close()
    if not texts:
        raise SheetError("a PDF with no text in it (a scan?): objparse reads a PDF's text, it does no OCR", name)
    if not tables:
        raise SheetError("a PDF with no ruled table in it: no sheet's grid to read", name)
    return [_grid(pages)]


def _grid(pages: list[tuple[int, list[Item]]]) -> Grid:
    """Rows numbered in the order they are read; a cell's column by where its box starts among
    every table's column boundaries; merged cells cut by a page break joined."""
    columns = _cluster([cell.box.x0 for _, items in pages for item in items if item.table >= 0 for cell in item.cells])
    rows: list[GridRow] = []
    italic: dict[int, frozenset[int]] = {}
    spans: dict[tuple[int, int], int] = {}
    page_of: dict[int, int] = {}
    open_cells: dict[int, tuple[int, int]] = {}  # column -> (line, index in its row) of a cell cut at a page's foot
    last_table = -1
    count = 0
    read = ((number, item) for number, items in pages for item in items)
    for line, (number, item) in enumerate(read, start=1):
        texts: list[str] = []
        slanted = set()
        for cell in item.cells:
            column = max(bisect_right(columns, cell.box.x0 + NEAR) - 1, 0) if item.table >= 0 else 0
            if item.table >= 0 and cell.box.open_top and column in open_cells and item.table == last_table + 1:
                # the rest of a merged cell the page break cut: its text goes to where it began
                at, _ = open_cells.pop(column)
                first = rows[at - 1][2]
                if cell.text and cell.text not in first[column]:
                    first[column] = f"{first[column]} {cell.text}".strip()
                spans[(at, column)] = line + cell.rows - 1
                continue
            while len(texts) <= column:
                texts.append("")
            texts[column] = f"{texts[column]} {cell.text}".strip() if texts[column] else cell.text
            if cell.italic and cell.text:
                slanted.add(column)
            if cell.rows > 1:
                spans[(line, column)] = line + cell.rows - 1
            if cell.box.open_bottom:
                open_cells[column] = (line, column)
        if item.table >= 0:
            last_table = item.table
        count += sum(1 for t in texts if t)
        if count > MAX_CELLS:
            raise TooManyCells(f"more than {MAX_CELLS:,} filled cells, which no file of sheets holds")
        rows.append((line, line, texts, "\n"))
        page_of[line] = number
        if slanted:
            italic[line] = frozenset(slanted)
    return Grid(rows, italic=italic, spans=spans, pages=page_of, whole=True, places="position")
