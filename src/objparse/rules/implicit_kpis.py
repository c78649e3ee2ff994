"""Values on the sub-area row. A sub-area row that carries a reference or target but has no KPI
row under it stands for one KPI, named after the sub-area and marked implicit."""

from __future__ import annotations

from ..draft import Placed, RowKind
from ..findings import Finding


def stands_for_kpi(head: Placed | None, rows: list[Placed]) -> tuple[bool, list[Finding]]:
    """Does the sub-area row `head`, with `rows` under it (head included), stand for a KPI?"""
    implicit = (head is not None and head.name is not None
                and not any(row.kind is RowKind.KPI for row in rows)
                and any(row.reference is not None or row.target is not None for row in rows))
    if not implicit:
        return False, []
    assert head is not None
    return True, [Finding("implicit-kpi", "a sub-area row with values and no KPI row under it: read as one KPI named "
                                          "after the sub-area", head.line)]
