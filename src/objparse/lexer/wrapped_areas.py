"""Wrapped area names: an area's name wrapped after the words every area name begins with
('Valore' over 'Sociale') is joined into the area row, whether the start stands alone on the row
above it (a PDF printed the row's other cells on its last line) or the rest on the row below."""

from __future__ import annotations

from ..draft import Cell, Lexeme, Row
from ..findings import Finding
from ..rules import wrapped_cells
from .sites import copy_to_site


def _area(lexeme: Lexeme) -> Cell | None:
    placed = lexeme.row.placed
    return placed.area if lexeme.kind == "AREA_ROW" and placed is not None else None


def _joined(area_row: Row, start: Cell, rest: Cell, other: Row) -> Row:
    placed = area_row.placed
    assert placed is not None
    return area_row._replace(placed=wrapped_cells.join_area(placed, start, rest),
                             taken=area_row.taken + other.filled + other.taken)


def run(lexemes: list[Lexeme]) -> tuple[list[Lexeme], list[Finding]]:
    """Area names whole."""
    out: list[Lexeme] = []
    found: list[Finding] = []
    sites = [i for i, lexeme in enumerate(lexemes) if lexeme.kind == "AREA_ROW"]
    i, n = 0, len(lexemes)
    while i < n:
        i = copy_to_site(lexemes, out, i, sites)  # (the row above an area may hold its name's start)
        if i == n:
            break
        lexeme = lexemes[i]
        following = lexemes[i + 1] if i + 1 < n else None
        area = _area(following) if following is not None and lexeme.kind == "TEXT" else None
        if area is not None and wrapped_cells.area_wraps(lexeme.row.filled[0], area):
            assert following is not None
            found.append(wrapped_cells.wrapped("the area", lexeme.row.line, following.row.line))
            lexeme = following._replace(row=_joined(following.row, lexeme.row.filled[0], area, lexeme.row))
            i += 1
            following = lexemes[i + 1] if i + 1 < n else None
        area = _area(lexeme)
        if (area is not None and following is not None and following.kind == "TEXT"
                and wrapped_cells.area_wraps(area, following.row.filled[0])):
            found.append(wrapped_cells.wrapped("the area", lexeme.row.line, following.row.line))
            lexeme = lexeme._replace(row=_joined(lexeme.row, area, following.row.filled[0], following.row))
            i += 1
        out.append(lexeme)
        i += 1
    return out, found
