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
    # the sites: a row naming a sub-area right under a KPI row (one holding only a name's start)
    sites = [i for i, lexeme in enumerate(lexemes)
             if lexeme.kind in NAMING and i and lexemes[i - 1].kind == "KPI_ROW"]
    copied = 0  # the rows before this index are in out
    for end in sites:
        naming = lexemes[end]
        row, placed = naming.row, naming.row.placed
        start = end  # the first KPI row joined
        while start > copied and lexemes[start - 1].kind == "KPI_ROW":
            above = lexemes[start - 1].row
            if above.placed is None or placed is None or not wrapped_cells.wraps_onto(above.placed, placed):
                break
            placed = wrapped_cells.join_onto(above.placed, placed)
            row = row._replace(placed=placed, taken=row.taken + above.filled + above.taken)
            start -= 1
        if start == end:
            continue  # nothing joined: the row is copied with the rest
        lines = [lexeme.row.line for lexeme in lexemes[start:end + 1]]
        found += [wrapped_cells.wrapped("the name", first, line) for first, line in pairwise(lines)]
        out += lexemes[copied:start]
        out.append(naming._replace(row=row))
        copied = end + 1
    if not found:
        return lexemes, found
    out += lexemes[copied:]
    return out, found
