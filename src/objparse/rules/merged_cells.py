"""Merged cells. A value printed once stands for a vertical range of rows. Area and sub-area
ranges come from the grammar (a sub-area is its row and the rows under it); here, reference and
target fill independently inside one sub-area, from the nearest row above that has one, else
the nearest below (Excel centres a merged value vertically: a guess, noted)."""

from __future__ import annotations

from ..draft import Placed, RowKind
from ..findings import Findings
from .fill import fill


def fill_values(rows: list[Placed], found: Findings) -> list[Placed]:
    """The rows of one sub-area (its own row first, where it has one), values filled."""
    references = fill([row.reference for row in rows], below=True)
    targets = fill([row.target for row in rows], below=True)
    out = []
    for row, ref, tgt in zip(rows, references, targets, strict=True):
        if row.reference is ref and row.target is tgt:
            out.append(row)
            continue
        if row.kind is RowKind.KPI:
            below = sorted({cell.line for own, cell in ((row.reference, ref), (row.target, tgt))
                            if own is None and cell is not None and cell.line > row.line})
            if below:
                found.add("merged-below", f"nothing above in the sub-area: value{'s' * (len(below) > 1)} taken from "
                                          f"line {' and '.join(map(str, below))} below (a merged cell printed on its "
                                          "middle row)", row.line)
        out.append(row._replace(reference=ref, target=tgt))
    return out
