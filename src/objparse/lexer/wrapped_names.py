"""Wrapped names above their row: the start of an area's or sub-area's name, on rows of its own
above the row that holds the rest with the weights and values (a PDF printed the row's other
cells on its last line), is joined into that row. (The rest of a name wrapped onto rows below
its own is joined in the main table, among its sub-area's rows.)"""

from __future__ import annotations

from itertools import pairwise

from ..draft import Lexeme
from ..findings import Finding
from ..rules import wrapped_cells

NAMING = frozenset({"AREA_ROW", "SUBAREA_ROW"})  # rows that name a sub-area


def run(lexemes: list[Lexeme]) -> tuple[list[Lexeme], list[Finding]]:
    """Names started above their row joined into it."""
    out: list[Lexeme] = []
    found: list[Finding] = []
    i, n = 0, len(lexemes)
    while i < n:
        if lexemes[i].kind != "KPI_ROW":
            out.append(lexemes[i])
            i += 1
            continue
        end = i  # a run of KPI rows, and the row under it
        while end < n and lexemes[end].kind == "KPI_ROW":
            end += 1
        if end == n or lexemes[end].kind not in NAMING:
            out += lexemes[i:end]
            i = end
            continue
        naming = lexemes[end]
        row, placed = naming.row, naming.row.placed
        start = end  # the first KPI row joined
        while start > i:
            above = lexemes[start - 1].row
            if above.placed is None or placed is None or not wrapped_cells.wraps_onto(above.placed, placed):
                break
            placed = wrapped_cells.join_onto(above.placed, placed)
            row = row._replace(placed=placed, taken=row.taken + above.filled + above.taken)
            start -= 1
        lines = [lexeme.row.line for lexeme in lexemes[start:end + 1]]
        found += [wrapped_cells.wrapped("the name", first, line) for first, line in pairwise(lines)]
        out += lexemes[i:start]
        out.append(naming._replace(row=row))
        i = end + 1
    return out, found
