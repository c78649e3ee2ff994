"""What a section hands back besides its records: cells it could not place, and diagnostics."""

from __future__ import annotations

import attrs

from ..diagnostics import diagnostic
from ..draft import Cell
from ..model import Diagnostic, Unparsed


@attrs.define
class Findings:
    unparsed: list[Unparsed] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    _placed: set[tuple[int, int]] = attrs.Factory(set)  # (line, column) of the cells in unparsed

    def unplaced(self, cell: Cell, where: str) -> None:
        """A non-empty cell that fits nowhere: kept, with its place, and reported (once)."""
        if (cell.line, cell.column) in self._placed:
            return
        self._placed.add((cell.line, cell.column))
        self.unparsed.append(Unparsed(cell.line, cell.column + 1, cell.text))
        self.diagnostics.append(diagnostic("unplaced-cell", f"{where}: cell {cell.text[:60]!r} fits no field",
                                           cell.line, cell.column + 1))

    def add(self, code: str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.diagnostics.append(diagnostic(code, message, line, column))
