"""Working records between parsing and the model: a cell with its place, a main-table row
as the damage rules see it. Immutable named tuples (cheap to make and to copy with _replace):
every rule returns new rows instead of editing old ones."""

from __future__ import annotations

from typing import NamedTuple

from .values.cells import CellKind, classify


class Cell(NamedTuple):
    text: str
    line: int
    column: int  # 0-based index of the tab-separated cell

    @property
    def kind(self) -> CellKind:
        return classify(self.text)


def cells_of(row) -> list[Cell]:
    """The non-empty cells of a lexer Row, each with its place."""
    return [Cell(text, row.line, col) for col, text in row.filled()]


class TableRow(NamedTuple):
    """One main-table line, its cells placed by what they hold (see rules.shifted_rows).

    kind: 'area' (starts an area and its first sub-area), 'subarea', 'kpi',
    or 'values' (reference/target cells with no name: a wrapped or centred merged cell).
    scope: the line of the sub-area row this row belongs to (set by rules.merged_cells).
    """

    line: int
    kind: str
    area: Cell | None = None
    area_weight: Cell | None = None
    weight: Cell | None = None
    name: Cell | None = None
    reference: Cell | None = None
    target: Cell | None = None
    extra: tuple[Cell, ...] = ()
    scope: int | None = None
