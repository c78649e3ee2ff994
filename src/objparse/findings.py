"""What each stage of the reading hands back besides its result: findings — a diagnostic, and the
cells it keeps in unparsed. Lexer passes, sections and rules return them; `Findings` collects
them, in one place, into the document's diagnostics and unparsed cells."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

import attrs

from .diagnostics import diagnostic
from .draft import Cell, Row, parts
from .model import Diagnostic, Unparsed

UNPLACED = "unplaced-cell"


class Finding(NamedTuple):
    """A diagnostic (its column 1-based, relative to where the sheet starts), the cells it
    keeps in unparsed, and the cells it drops as page furniture (a page number, a page header
    printed again)."""

    code: str
    message: str
    line: int | None = None
    column: int | None = None
    cells: tuple[Cell, ...] = ()
    dropped: tuple[Cell, ...] = ()


def unplaced(cell: Cell, where: str) -> Finding:
    """A non-empty cell that fits nowhere: kept, with its place, and reported (once)."""
    return Finding(UNPLACED, f"{where}: cell {cell.text[:60]!r} fits no field", cell.line, cell.column + 1, (cell,))


def set_aside(rows: Iterable[Row], code: str, why: str) -> list[Finding]:
    """Whole rows that have no place: one diagnostic a row, every cell kept in unparsed."""
    return [Finding(code, why, row.line, row.first + 1, (*row.taken, *row.filled)) for row in rows]


def dropped(row: Row, code: str, why: str, column: int | None = None, keep: bool = False) -> Finding:
    """A row of page furniture dropped: one diagnostic, which accounts for its cells (kept in
    unparsed too with `keep`)."""
    cells = (*row.taken, *row.filled)
    return tuple.__new__(Finding, (code, why, row.line, column, cells if keep else (), cells))


class Found(list[Finding]):
    """The findings a stage makes, in order: what it hands back with its result."""

    def add(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.append(Finding(code, message, line, column))

    def unplaced(self, cell: Cell, where: str) -> None:
        self.append(unplaced(cell, where))

    def set_aside(self, rows: Iterable[Row], code: str, why: str) -> None:
        self.extend(set_aside(rows, code, why))


@attrs.define
class Findings:
    """Every finding of a sheet collected, in the order the stages handed them back: the document's
    diagnostics and unparsed cells. `offset` (the empty columns every row of the source began
    with) turns their columns back into source columns."""

    offset: int = 0
    moved: Mapping[tuple[int, int], int] = attrs.Factory(dict)  # (line, column) -> the source's, where moved
    unparsed: list[Unparsed] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    # (line, column) of a cell, where the sheet starts -> its record in unparsed; the diagnostic
    # that dropped it as page furniture
    kept: dict[tuple[int, int], Unparsed] = attrs.Factory(dict)
    furniture: dict[tuple[int, int], Diagnostic] = attrs.Factory(dict)

    def take(self, findings: Iterable[Finding]) -> None:
        for code, message, line, column, cells, dropped in findings:
            kept = [cell for cell in cells if self._keep(cell)] if cells else cells
            if code != UNPLACED or kept:  # a cell already kept is reported once
                if column is not None:
                    column = self._source(line, column - 1) + 1
                self.diagnostics.append(diagnostic(code, message, line, column))
                for cell in dropped:
                    self.furniture[self.place(cell.line, cell.column)] = self.diagnostics[-1]

    def place(self, line: int, column: int) -> tuple[int, int]:
        """A cell's line and column where the sheet starts, in the source's order of columns."""
        return line, self.moved.get((line, column), column) if self.moved else column

    def _source(self, line: int | None, column: int) -> int:
        """A column of the sheet (0-based) as the source's."""
        if self.moved and line is not None:
            column = self.moved.get((line, column), column)
        return column + self.offset

    def _keep(self, cell: Cell) -> bool:
        place = self.place(cell.line, cell.column)
        if place in self.kept:
            return False
        kept = Unparsed(cell.line, place[1] + self.offset + 1, cell.text)
        self.unparsed.append(kept)
        for part in parts(cell):  # a joined cell is kept whole: it accounts for each of its parts
            self.kept.setdefault(self.place(part.line, part.column), kept)
        return True
