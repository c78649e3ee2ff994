"""What a section hands back besides its records: cells it could not place, and diagnostics."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .diagnostics import diagnostic
from .draft import Cell, Row
from .model import Diagnostic, Unparsed


@attrs.define
class Findings:
    """Columns given to a Findings are 1-based and relative to where the sheet starts; `offset`
    (the empty columns every row of the source began with) turns them back into source columns."""

    offset: int = 0
    unparsed: list[Unparsed] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    _placed: set[tuple[int, int]] = attrs.Factory(set)  # (line, column) of the cells in unparsed

    def unplaced(self, cell: Cell, where: str) -> None:
        """A non-empty cell that fits nowhere: kept, with its place, and reported (once)."""
        if self._keep(cell):
            self.add("unplaced-cell", f"{where}: cell {cell.text[:60]!r} fits no field", cell.line, cell.column + 1)

    def set_aside(self, rows: Iterable[Row], code: str, why: str) -> None:
        """Whole rows that have no place: one diagnostic a row, every cell kept in unparsed."""
        for row in rows:
            self.add(code, why, row.line, row.first + 1)
            for cell in (*row.taken, *row.filled):
                self._keep(cell)

    def _keep(self, cell: Cell) -> bool:
        if (cell.line, cell.column) in self._placed:
            return False
        self._placed.add((cell.line, cell.column))
        self.unparsed.append(Unparsed(cell.line, cell.column + 1 + self.offset, cell.text))
        return True

    def add(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        if column is not None:
            column += self.offset
        self.diagnostics.append(diagnostic(code, message, line, column))
