"""Merged cells. A value printed once stands for a vertical range of rows. Area and sub-area
ranges come from the grammar (a sub-area is its row and the rows under it); here, reference and
target fill independently inside one sub-area. Where the source says which rows a merged cell
covers (a workbook, a PDF's boxes), its value goes to exactly those rows. Where it cannot (a text
export), from the nearest row above that has one, else the nearest below (Excel centres a merged
value vertically: a guess, noted)."""

from __future__ import annotations

from collections.abc import Mapping

from ..draft import Cell, Placed, RowKind
from ..findings import Finding
from .fill import fill


def _spread(cells: list[Cell | None], lines: list[int], merged: Mapping[tuple[int, int], int]) -> list[Cell | None]:
    """Each cell given to the rows its merged range covers, and only to them."""
    out = list(cells)
    for cell in cells:
        last = merged.get((cell.line, cell.column)) if cell is not None else None
        if last is not None:
            for i, line in enumerate(lines):
                if cell.line < line <= last and out[i] is None:  # type: ignore[union-attr]
                    out[i] = cell
    return out


def fill_values(rows: list[Placed],
                merged: Mapping[tuple[int, int], int] | None = None) -> tuple[list[Placed], list[Finding]]:
    """The rows of one sub-area (its own row first, where it has one), values filled: by the
    merged ranges where the source says them (`merged`: (line, column) -> the range's last
    line), else by the nearest row."""
    if merged is not None:
        lines = [row.line for row in rows]
        references = _spread([row.reference for row in rows], lines, merged)
        targets = _spread([row.target for row in rows], lines, merged)
    else:
        references = fill([row.reference for row in rows], below=True)
        targets = fill([row.target for row in rows], below=True)
    out = []
    found = []
    for row, ref, tgt in zip(rows, references, targets, strict=True):
        if row.reference is ref and row.target is tgt:
            out.append(row)
            continue
        if row.kind is RowKind.KPI:
            below = sorted({cell.line for own, cell in ((row.reference, ref), (row.target, tgt))
                            if own is None and cell is not None and cell.line > row.line})
            if below:
                found.append(Finding("merged-below", f"nothing above in the sub-area: value{'s' * (len(below) > 1)} "
                                                     f"taken from line {' and '.join(map(str, below))} below (a merged "
                                                     "cell printed on its middle row)", row.line))
        out.append(row.with_values(ref, tgt))
    return out, found
