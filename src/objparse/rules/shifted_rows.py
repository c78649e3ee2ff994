"""Shifted rows: a row can lose leading cells (the KPI name lands in SOTTO AMBITI or CONTRIBUTO)
and a value can land in the neighbouring column. Cells are placed by what they hold and by
their order, relative to the name cell, never by absolute column alone."""

from __future__ import annotations

from ..draft import Cell, TableRow
from ..lexer import Row
from ..values.cells import CellKind, is_value

REFERENCE_COLUMN = 4  # RIFERIMENTI in an undamaged row; names never sit at or right of it


def place(row: Row, reference_column: int = REFERENCE_COLUMN) -> TableRow:
    cells = [Cell(text, row.line, col) for col, text in row.filled()]
    fields: dict = {}
    i = 0
    first = cells[0]
    if first.column == 0 and not is_value(first.kind) and len(cells) > 1 and cells[1].kind is CellKind.PERCENT:
        # area row: name, its weight, then (usually) the first sub-area's weight and name
        fields.update(kind="area", area=first)
        i = 1
        weights = []
        while i < len(cells) and cells[i].kind is CellKind.PERCENT and len(weights) < 2:
            weights.append(cells[i])
            i += 1
        if len(weights) == 2 or (weights and weights[0].column == 1):
            fields["area_weight"] = weights.pop(0)
        if weights:
            fields["weight"] = weights[0]
        if i < len(cells) and not is_value(cells[i].kind):
            fields["name"] = cells[i]
            i += 1
    elif first.kind is CellKind.PERCENT and len(cells) > 1 and not is_value(cells[1].kind):
        fields.update(kind="subarea", weight=first, name=cells[1])
        i = 2
    elif first.column >= reference_column:
        fields["kind"] = "values"  # only a reference and/or a target: part of a merged or wrapped cell
    else:
        fields.update(kind="kpi", name=first)
        i = 1
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
