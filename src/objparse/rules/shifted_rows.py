"""Shifted rows: a row can lose leading cells (the KPI name lands in SOTTO AMBITI or CONTRIBUTO)
and a value can land in the neighbouring column. Cells are placed by what they hold and by
their order, relative to the name cell, never by absolute column alone."""

from __future__ import annotations

from collections.abc import Mapping

from ..draft import Cell, Placed, Row, RowKind, split_named
from ..grid import NONE
from ..values.cells import VALUE_KINDS, CellKind
from ..values.vocabulary import is_reference_header

PERCENT, CITATION = CellKind.PERCENT, CellKind.CITATION
new = tuple.__new__

REFERENCE_COLUMN = 4  # RIFERIMENTI in an undamaged row; names never sit at or right of it


def reference_column(header: Row | None) -> int:
    """Where RIFERIMENTI stands: by the main-table header where there is one."""
    if header is None:
        return REFERENCE_COLUMN
    return next((c.column for c in header.filled if is_reference_header(c.text)), REFERENCE_COLUMN)


def place(row: Row, reference_column: int = REFERENCE_COLUMN, extras: Mapping[int, str] = NONE) -> Placed:
    """The row's cells placed; a cell in one of `extras`, columns the header names beyond the six,
    is kept by that name (`named`), never read as another column's."""
    cells, named = split_named(row.filled, extras) if extras else (row.filled, ())
    if not cells:  # every cell in a column of its own
        return new(Placed, (row.line, RowKind.VALUES, None, None, None, None, None, None, (),
                            reference_column - 1, named))
    first = cells[0]
    n = len(cells)
    # (every main-table row is placed: records made with tuple.__new__, no Python call each)
    if first.column >= reference_column:
        # only a reference and/or a target: part of a merged or wrapped cell
        reference, target, extra = _values(cells, reference_column - 1)
        return new(Placed, (row.line, RowKind.VALUES, None, None, None, None, reference, target, extra,
                            reference_column - 1, named))
    area = area_weight = weight = name = None
    i = 0
    if first.column == 0 and n > 1 and cells[1].kind is PERCENT and first.kind not in VALUE_KINDS:
        area = first  # an area row: name, weight, then (usually) its first sub-area
        i = 1
    weights: list[Cell] = []
    while i < n and cells[i].kind is PERCENT and len(weights) < 2:
        weights.append(cells[i])
        i += 1
    if i < n and cells[i].kind not in VALUE_KINDS:
        name = cells[i]
        i += 1
    if weights:
        # A sub-area weight stands right beside its name. A weight with an empty cell between it
        # and the name, or the first of two, is the area's (on a sub-area or KPI row: printed again).
        if len(weights) == 2 or (weights[0].column + 1 < name.column if name is not None
                                 else area is not None and weights[0].column == 1):
            area_weight = weights.pop(0)
        if weights:
            weight = weights[0]
    if area is not None:
        kind = RowKind.AREA
    elif name is None:  # weights and nothing to weigh: keep the cells, place none
        return new(Placed, (row.line, RowKind.VALUES, None, None, None, None, None, None, cells,
                            reference_column - 1, named))
    else:
        kind = RowKind.SUBAREA if weights else RowKind.KPI
    name_column = name.column if name is not None else reference_column - 1
    if i == n:
        return new(Placed, (row.line, kind, area, area_weight, weight, name, None, None, (), reference_column - 1,
                            named))
    reference, target, extra = _values(cells[i:], name_column)
    return new(Placed, (row.line, kind, area, area_weight, weight, name, reference, target, extra,
                        reference_column - 1, named))


def _values(rest: tuple[Cell, ...], name_column: int) -> tuple[Cell | None, Cell | None, tuple[Cell, ...]]:
    """Reference and target after the name: the reference column is the one right of the name,
    the target the one after; a lone number or amount in the reference column is the target, and
    a citation right of the reference column with a cell after it is the reference (the row
    gained an empty cell before it)."""
    n = len(rest)
    if n == 1:
        cell = rest[0]
        if cell.column - name_column == 1 and cell.kind in VALUE_KINDS:
            return None, cell, ()
        return (cell, None, ()) if cell.column - name_column <= 1 else (None, cell, ())
    reference = target = None
    extra: list[Cell] = []
    for i, cell in enumerate(rest):
        if reference is None and (cell.column - name_column <= 1 or (target is None and cell.kind is CITATION
                                                                    and i + 1 < n)):
            reference = cell
        elif target is None:
            target = cell
        else:
            extra.append(cell)
    return reference, target, tuple(extra)
