"""An Excel workbook (.xlsx) -> a grid per worksheet that holds a sheet (openpyxl, imported when
a workbook is read: the extra objparse[xlsx]).

A workbook keeps what a text export loses: a cell's value is shown as its number format shows it
(readers.formats), its text whole (a line break inside it is a space), its italics; a merged range
is explicit — its value stands in its first row, and the grid says which rows it covers, so no
fill is guessed. A row's line is the worksheet's row number.
"""

from __future__ import annotations

import io
from typing import Any

from ..errors import SheetError
from ..grid import Grid, GridRow
from ..records import MAX_CELLS, TooManyCells
from .formats import display

EXTRA = "pip install 'objparse[xlsx]'"


def _load(data: bytes, name: str) -> Any:
    try:
        import openpyxl
    except ImportError:
        raise SheetError(f"an .xlsx workbook: reading it needs openpyxl ({EXTRA})", name) from None
    try:
        # full mode: merged ranges and fonts are read; data_only: a formula's last computed value
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise SheetError(f"an .xlsx workbook that cannot be read ({type(exc).__name__}: {exc})", name) from None


def _grid(ws: Any) -> Grid:
    spans: dict[tuple[int, int], int] = {}
    for merged in ws.merged_cells.ranges:
        if merged.max_row > merged.min_row:
            spans[(merged.min_row, merged.min_col - 1)] = merged.max_row
    # the cells the worksheet stores (not its whole rectangle: one formatted cell far away would
    # make it millions), by row
    by_row: dict[int, dict[int, Any]] = {}
    for (row, column), cell in sorted(ws._cells.items()):
        if cell.value is not None:
            by_row.setdefault(row, {})[column - 1] = cell
    if sum(len(cells) for cells in by_row.values()) > MAX_CELLS:
        raise TooManyCells(f"more than {MAX_CELLS:,} filled cells, which no file of sheets holds")
    rows: list[GridRow] = []
    italic: dict[int, frozenset[int]] = {}
    for line, cells in by_row.items():
        texts = [""] * (max(cells) + 1)
        for column, cell in cells.items():
            texts[column] = display(cell.value, cell.number_format)
        slanted = frozenset(j for j, cell in cells.items() if texts[j] and cell.font is not None and cell.font.i)
        if slanted:
            italic[line] = slanted
        rows.append((line, line, texts, "\n"))  # always cleaned: a cell may hold a line break
    return Grid(rows, name=ws.title, italic=italic, spans=spans, whole=True, places="row")


def grids(data: bytes, name: str) -> list[Grid]:
    """A grid per worksheet (the hidden ones too: a sheet is a sheet)."""
    book = _load(data, name)
    return [_grid(ws) for ws in book.worksheets]
