"""Values on the sub-area row. A sub-area row that carries a reference or target but has no KPI
row under it stands for one KPI, named after the sub-area and marked implicit."""

from __future__ import annotations

from ..draft import TableRow


def implicit_scopes(rows: list[TableRow]) -> set[int]:
    """Lines of the sub-area rows that stand for a KPI of their own."""
    with_kpis = {row.scope for row in rows if row.kind == "kpi"}
    with_values = {row.scope for row in rows if row.reference is not None or row.target is not None}
    return {scope for scope in with_values - with_kpis if scope is not None}
