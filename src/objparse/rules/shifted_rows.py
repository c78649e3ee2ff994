"""Shifted rows: a row can lose leading cells (the KPI name lands in SOTTO AMBITI or CONTRIBUTO)
and a value can land in the neighbouring column. Cells are placed by what they hold and by
their order, relative to the name cell, never by absolute column alone."""

from __future__ import annotations

from ..draft import Cell, TableRow, cells_of
from ..lexer import Row
from ..values.cells import CellKind, is_value

REFERENCE_COLUMN = 4  # RIFERIMENTI in an undamaged row; names never sit at or right of it


def place(row: Row, reference_column: int = REFERENCE_COLUMN) -> TableRow:
    cells = cells_of(row)
    first = cells[0]
    if first.column >= reference_column:
        # only a reference and/or a target: part of a merged or wrapped cell
        reference, target, extra = _values(cells, reference_column - 1)
        return TableRow(line=row.line, kind="values", reference=reference, target=target, extra=extra)
    fields: dict = {}
    i = 0
    if first.column == 0 and not is_value(first.kind) and len(cells) > 1 and cells[1].kind is CellKind.PERCENT:
        fields["area"] = first  # an area row: name, weight, then (usually) its first sub-area
        i = 1
    weights = []
    while i < len(cells) and cells[i].kind is CellKind.PERCENT and len(weights) < 2:
        weights.append(cells[i])
        i += 1
    if i < len(cells) and not is_value(cells[i].kind):
        fields["name"] = cells[i]
        i += 1
    # A sub-area weight stands right beside its name. A weight with an empty cell between it and
    # the name, or the first of two, is the area's (on a sub-area or KPI row: printed again).
    if len(weights) == 2 or (weights and (weights[0].column + 1 < fields["name"].column if "name" in fields
                                          else "area" in fields and weights[0].column == 1)):
        fields["area_weight"] = weights.pop(0)
    if weights:
        fields["weight"] = weights[0]
    if "area" in fields:
        fields["kind"] = "area"
    elif "name" not in fields:  # weights and nothing to weigh: keep the cells, place none
        return TableRow(line=row.line, kind="values", extra=tuple(cells))
    else:
        fields["kind"] = "subarea" if weights else "kpi"
    name_column = fields["name"].column if "name" in fields else reference_column - 1
    reference, target, extra = _values(cells[i:], name_column)
    return TableRow(line=row.line, reference=reference, target=target, extra=extra, **fields)


def _values(rest: list[Cell], name_column: int) -> tuple[Cell | None, Cell | None, tuple[Cell, ...]]:
    """Reference and target after the name: the reference column is the one right of the name,
    the target the one after; a lone number or amount in the reference column is the target."""
    reference = target = None
    extra: list[Cell] = []
    for cell in rest:
        offset = cell.column - name_column
        if offset == 1 and reference is None and target is None and is_value(cell.kind) and len(rest) == 1:
            target = cell
        elif offset <= 1 and reference is None:
            reference = cell
        elif target is None:
            target = cell
        else:
            extra.append(cell)
    return reference, target, tuple(extra)
