"""Columns by name: a main table whose header prints its columns in another order than the usual
(RIFERIMENTI after VALORE OBIETTIVO, or first) has its rows' cells moved into the usual order,
by the names of the header's cells, before they are placed; where each cell came from is kept,
for reporting places in the source. A column the header names beyond the six (a 'NOTE' column)
is kept by its name: its cells are placed in no other column."""

from __future__ import annotations

from functools import lru_cache

from ..draft import Row
from ..values.vocabulary import columns_by_name, extra_columns


def by_name(header: Row) -> tuple[dict[int, int] | None, dict[int, str]]:
    """For a main-table header: source column -> column in the usual order, for a header that
    names its columns in another order (None for any other header); and column (where the rows'
    cells are placed from) -> name, for its columns beyond the six (vocabulary.extra_columns)."""
    return _by_name(tuple([(c.column, c.text) for c in header.filled]))


@lru_cache(maxsize=64)  # a sheet prints its header again on every page
def _by_name(cells: tuple[tuple[int, str], ...]) -> tuple[dict[int, int] | None, dict[int, str]]:
    moved, named = columns_by_name(cells), extra_columns(cells)
    return moved, {place(moved, column): name for column, name in named.items()} if moved else named


def place(moved: dict[int, int], column: int) -> int:
    """Where a source column goes: by the header, or, for a column the header does not name, right
    of every column it does (no two cells ever meet in one column)."""
    if column in moved:
        return moved[column]
    return max(moved.values()) + 1 + column


def move(row: Row, moved: dict[int, int]) -> Row:
    """The row with its cells in the usual order. A lone cell in the first column is a line of
    text, not a cell of the table: it stays."""
    if len(row.filled) == 1 and row.first == 0:
        return row
    cells = sorted((c._replace(column=place(moved, c.column)) for c in row.filled), key=lambda c: c.column)
    return row._replace(filled=tuple(cells), italic=frozenset(place(moved, i) for i in row.italic))
