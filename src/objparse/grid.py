"""The grid: a sheet's source as rows of cells, the one shape every reader gives (objparse.readers)
and the only thing the reading after them sees. A text file, a worksheet and a PDF page all
become rows of cell texts, each row with its line; where the format knows them, the grid also
says which cells are merged over several rows, which are italic, and on which page a row is."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

# (line, the line it ends on, the cells' texts, the text that tells whether the row needs cleaning:
# the row's own line, or "\n" for a row that always does)
GridRow = tuple[int, int, list[str], str]
Note = tuple[str, str, int | None, int | None]  # (diagnostic code, message, line, column)
NONE: Mapping[Any, Any] = MappingProxyType({})  # an empty mapping, shared: none is ever changed


class Grid(NamedTuple):
    rows: Iterable[GridRow]
    notes: tuple[Note, ...] = ()  # how the reader read the layout (quoting, ...)
    decoding: tuple[Note, ...] = ()  # how the bytes became text (an encoding chosen, ...), said first
    name: str | None = None  # the worksheet's name; None for a text file or a PDF
    shift: int = 0  # empty columns every row begins with, taken off as cells are made
    italic: Mapping[int, frozenset[int]] = NONE  # line -> its italic columns
    # (line, column) -> the last line of its merged range; None where the format cannot say (a text)
    spans: Mapping[tuple[int, int], int] | None = None
    pages: Mapping[int, int] = NONE  # line -> the page it is printed on
    whole: bool = False  # no cell continues on the row below (a workbook's cells, a PDF's boxes)
    places: str = "line"  # what a row's number is: 'line' of a file, 'row' of a worksheet, 'position' in a PDF
    marks: Callable[[str], object] | None = None  # tells a row's text that needs cleaning (records.needs_cleaning)
