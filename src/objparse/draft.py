"""Working records between parsing and the model: a cell with its place, a main-table row
as the damage rules see it. Frozen, so every rule returns new rows instead of editing old ones."""

from __future__ import annotations

import attrs

from .values.cells import CellKind, classify


@attrs.frozen
class Cell:
    text: str
    line: int
    column: int  # 0-based index of the tab-separated cell
    kind: CellKind = attrs.field(default=attrs.Factory(lambda self: classify(self.text), takes_self=True))


@attrs.frozen
class TableRow:
    """One main-table line, its cells placed by what they hold (see rules.shifted_rows).

    kind: 'area' (starts an area and its first sub-area), 'subarea', 'kpi',
    or 'values' (reference/target cells with no name: a wrapped or centred merged cell).
    scope: the line of the sub-area row this row belongs to (set by rules.merged_cells).
    """

    line: int
    kind: str
    area: Cell | None = None
    area_weight: Cell | None = None
    weight: Cell | None = None
    name: Cell | None = None
    reference: Cell | None = None
    target: Cell | None = None
    extra: tuple[Cell, ...] = ()
    scope: int | None = None
