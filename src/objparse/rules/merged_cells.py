"""Merged cells. Area and sub-area fill down to the next one (a row belongs to the sub-area row
above it); reference and target fill independently, inside the sub-area, from the nearest row
above that has one, else the nearest below (Excel centres a merged value vertically)."""

from __future__ import annotations

from ..draft import TableRow
from .fill import fill

_STARTS_SUBAREA = ("area", "subarea")


def assign_scopes(rows: list[TableRow]) -> list[TableRow]:
    starts = [row.line if row.kind in _STARTS_SUBAREA else None for row in rows]
    return [row._replace(scope=scope) for row, scope in zip(rows, fill(starts))]


def fill_values(rows: list[TableRow]) -> list[TableRow]:
    scopes = [row.scope for row in rows]
    references = fill([row.reference for row in rows], scopes, below=True)
    targets = fill([row.target for row in rows], scopes, below=True)
    return [
        row._replace(reference=ref, target=tgt) if row.scope is not None else row
        for row, ref, tgt in zip(rows, references, targets)
    ]
