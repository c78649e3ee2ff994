"""The main table: areas -> sub-areas -> KPIs, after the damage rules have run in order."""

from __future__ import annotations

from ..draft import Cell, TableRow
from ..lexer import Row
from ..model import Area, Kpi, Subarea
from ..rules import implicit_kpis, merged_cells, misplaced_values, shifted_rows, wrapped_cells
from ..values.citations import parse_citations
from ..values.names import area_code, same_name, split_marker
from ..values.numbers import NumberFormatError, parse_percent
from ..values.targets import parse_target
from .found import Findings

REFERENCE_HEADER = "RIFERIMENTI"


def columns(header: Row) -> tuple[str, ...]:
    return header.texts()


def parse(header: Row | None, rows: list[Row], found: Findings, documents: tuple[str, ...] = ()) -> tuple[Area, ...]:
    ref_col = shifted_rows.REFERENCE_COLUMN
    if header is not None and REFERENCE_HEADER in header.cells:
        ref_col = header.cells.index(REFERENCE_HEADER)
    table = [shifted_rows.place(row, ref_col) for row in rows]
    table = merged_cells.assign_scopes(table)
    table = wrapped_cells.join(table, documents)
    table = misplaced_values.move_targets(table, documents)
    implicit = implicit_kpis.implicit_scopes(table)
    filled = merged_cells.fill_values(table)
    _report_unused(table, filled, implicit, found)
    return _assemble(filled, implicit, found)


def _report_unused(own: list[TableRow], filled: list[TableRow], implicit: set[int], found: Findings) -> None:
    """A reference or target printed on a row without a KPI (the sub-area row, a row of values)
    that no KPI took: kept in unparsed rather than lost."""
    used = {(cell.line, cell.column) for row in filled if row.kind == "kpi" or row.line in implicit
            for cell in (row.reference, row.target) if cell is not None}
    for row in own:
        if row.kind != "kpi" and row.scope is not None:
            for cell in (row.reference, row.target):
                if cell is not None and (cell.line, cell.column) not in used:
                    found.unplaced(cell, "main table (no KPI takes this value)")


def _weight(cell: Cell | None, found: Findings):
    if cell is None:
        return None
    try:
        return parse_percent(cell.text)
    except NumberFormatError as exc:
        found.add("bad-number", f"weight {cell.text!r}: {exc.reason}", cell.line, cell.column + 1)
        return None


def _kpi(row: TableRow, name: str, implicit: bool) -> Kpi:
    reference = row.reference.text if row.reference else None
    return Kpi(
        name=name,
        line=row.line,
        implicit=implicit,
        reference=reference,
        citations=parse_citations(reference),
        target=parse_target(row.target.text if row.target else None),
    )


def _assemble(table: list[TableRow], implicit: set[int], found: Findings) -> tuple[Area, ...]:
    areas: list[dict] = []
    for row in table:
        for cell in row.extra:
            found.unplaced(cell, "main table")
        if row.scope is None or (row.kind != "area" and not areas):
            found.add("orphan-row", "main-table row before any area row", row.line)
            for cell in (row.area, row.area_weight, row.weight, row.name, row.reference, row.target):
                if cell is not None:
                    found.unplaced(cell, "main table")
            continue
        name, marker = split_marker(row.area.text) if row.area else (None, None)
        if row.kind == "area" and not (areas and same_name(name, areas[-1]["name"])):
            areas.append(dict(name=name, code=area_code(name), weight_pct=_weight(row.area_weight, found),
                              marker=marker, line=row.line, subareas=[]))
        elif row.area_weight is not None and _weight(row.area_weight, found) != areas[-1]["weight_pct"]:
            found.unplaced(row.area_weight, "main table (a second, different weight for the area)")
        if row.kind == "subarea" or (row.kind == "area" and (row.name or row.weight)):
            sub_name = row.name.text if row.name else ""
            kpis = [_kpi(row, sub_name, True)] if row.line in implicit else []
            areas[-1]["subareas"].append(dict(name=sub_name, weight_pct=_weight(row.weight, found),
                                              line=row.line, kpis=kpis))
        elif row.kind == "kpi":
            if not areas[-1]["subareas"]:  # KPIs straight under an area row that names no sub-area
                areas[-1]["subareas"].append(dict(name="", weight_pct=None, line=row.line, kpis=[]))
            areas[-1]["subareas"][-1]["kpis"].append(_kpi(row, row.name.text, False))
    return tuple(
        Area(**{**a, "subareas": tuple(Subarea(**{**s, "kpis": tuple(s["kpis"])}) for s in a["subareas"])})
        for a in areas
    )
