"""Shifted rows: a row can lose leading cells (the KPI name lands in SOTTO AMBITI or CONTRIBUTO)
and a value can land in the neighbouring column. Cells are placed by what they hold and by
their order, relative to the name cell, never by absolute column alone."""

from __future__ import annotations

from ..draft import Cell, Placed, Row, RowKind
from ..values.cells import VALUE_KINDS, CellKind
from ..values.vocabulary import is_reference_header

REFERENCE_COLUMN = 4  # RIFERIMENTI in an undamaged row; names never sit at or right of it


def reference_column(header: Row | None) -> int:
    """Where RIFERIMENTI stands: by the main-table header where there is one."""
    if header is None:
        return REFERENCE_COLUMN
    return next((c.column for c in header.filled if is_reference_header(c.text)), REFERENCE_COLUMN)


def place(row: Row, reference_column: int = REFERENCE_COLUMN) -> Placed:
    cells = row.filled
    first = cells[0]
    if first.column >= reference_column:
        # only a reference and/or a target: part of a merged or wrapped cell
        reference, target, extra = _values(cells, reference_column - 1)
        return Placed(row.line, RowKind.VALUES, reference=reference, target=target, extra=extra,
                      name_column=reference_column - 1)
    area = area_weight = weight = name = None
    i = 0
    if first.column == 0 and first.kind not in VALUE_KINDS and len(cells) > 1 and cells[1].kind is CellKind.PERCENT:
        area = first  # an area row: name, weight, then (usually) its first sub-area
        i = 1
    weights: list[Cell] = []
    while i < len(cells) and cells[i].kind is CellKind.PERCENT and len(weights) < 2:
        weights.append(cells[i])
        i += 1
    if i < len(cells) and cells[i].kind not in VALUE_KINDS:
        name = cells[i]
        i += 1
    # A sub-area weight stands right beside its name. A weight with an empty cell between it and
    # the name, or the first of two, is the area's (on a sub-area or KPI row: printed again).
    if len(weights) == 2 or (weights and (weights[0].column + 1 < name.column if name is not None
                                          else area is not None and weights[0].column == 1)):
        area_weight = weights.pop(0)
    if weights:
        weight = weights[0]
    if area is not None:
        kind = RowKind.AREA
    elif name is None:  # weights and nothing to weigh: keep the cells, place none
        return Placed(row.line, RowKind.VALUES, extra=cells, name_column=reference_column - 1)
    else:
        kind = RowKind.SUBAREA if weights else RowKind.KPI
    name_column = name.column if name is not None else reference_column - 1
    reference, target, extra = _values(cells[i:], name_column)
    return Placed(row.line, kind, area, area_weight, weight, name, reference, target, extra, reference_column - 1)


def _values(rest: tuple[Cell, ...], name_column: int) -> tuple[Cell | None, Cell | None, tuple[Cell, ...]]:
    """Reference and target after the name: the reference column is the one right of the name,
    the target the one after; a lone number or amount in the reference column is the target, and
    a citation right of the reference column with a cell after it is the reference (the row
    gained an empty cell before it)."""
    reference = target = None
    extra: list[Cell] = []
    for i, cell in enumerate(rest):
        offset = cell.column - name_column
        if offset == 1 and reference is None and target is None and cell.kind in VALUE_KINDS and len(rest) == 1:
            target = cell
        elif reference is None and (offset <= 1 or (target is None and cell.kind is CellKind.CITATION
                                                    and i + 1 < len(rest))):
            reference = cell
        elif target is None:
            target = cell
        else:
            extra.append(cell)
    return reference, target, tuple(extra)
