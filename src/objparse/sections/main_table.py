"""The main table: areas -> sub-areas -> KPIs. The grammar nests the rows; here each sub-area's
rows go through the damage rules, in order, and become KPIs."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..draft import (
    AreaBuilder,
    AreaRows,
    Cell,
    Joined,
    MainTableRows,
    Placed,
    Row,
    RowKind,
    SubareaBuilder,
    extra_sources,
    extra_texts,
    sources,
)
from ..findings import Found
from ..model import Area, From, Kpi
from ..rules import implicit_kpis, merged_cells, misplaced_values, wrapped_cells
from ..values.citations import parse_citations
from ..values.names import area_code, same_name, split_marker
from ..values.numbers import read_value
from ..values.targets import parse_target
from ..values.vocabulary import REFERENCES


def columns(header: Row | None) -> tuple[str, ...]:
    return header.texts() if header is not None else ()


# a placed row's cells: (its index in Placed, where it stands in an undamaged row from the name's column)
AREA, AREA_WEIGHT, WEIGHT, NAME, REFERENCE, TARGET = (2, -3), (3, -2), (4, -1), (5, 0), (6, 1), (7, 2)


def _from(row: Placed, *fields: tuple[str, tuple[int, int]]) -> tuple[From, ...]:
    """The source cells of a record's fields, each (field, the row's cell that fills it): read,
    or moved where the cell stands out of its column (a shifted row, a value in the next column)."""
    out: list[From] = []
    at, new = row.name_column, tuple.__new__
    for field, (index, offset) in fields:
        cell: Cell | None = row[index]  # type: ignore[assignment]
        if cell is not None:
            how = "read" if cell.column == at + offset else "moved"
            if type(cell) is Joined:
                out += sources((field, cell), how=how)
            else:  # (most cells: no call)
                out.append(new(From, (field, cell.line, cell.column, how, "")))
    return tuple(out)


def parse(table: MainTableRows, documents: tuple[str, ...] = (),
          merged: Mapping[tuple[int, int], int] | None = None) -> tuple[tuple[Area, ...], Found]:
    """The areas and what was found; `merged` says which rows each merged cell covers, where the
    source knows."""
    found = Found()
    found.set_aside(table.strays, "unexpected-line", "line of text inside the main table")
    areas: list[AreaBuilder] = []
    for rows in table.areas:
        area = _area(rows.head.placed, areas, found)
        for head, members in _subarea_rows(rows):
            sub = _subarea(area, head.placed if head else None, members, found, documents, merged)
            if sub is not None:
                area.subareas.append(sub)
    return tuple(a.freeze() for a in areas), found


def _subarea_rows(rows: AreaRows) -> list[tuple[Row | None, list[Row]]]:
    """(sub-area row, rows under it) of each sub-area of an area. The area row is its first
    sub-area's row when it names one, weighs one or carries values."""
    head = rows.head.placed
    assert head is not None
    groups: list[tuple[Row | None, list[Row]]] = []
    if head.name or head.weight or head.reference or head.target or head.named or rows.members:
        groups.append((rows.head, rows.members))
    groups += [(sub.head, sub.members) for sub in rows.subareas]
    return groups


def _weight(cell: Cell | None) -> Decimal | None:
    if cell is None:
        return None
    value = read_value(cell.text)  # a weight is a cell classified as a percentage: it reads
    return value[1] if value is not None else None


def _area(head: Placed | None, areas: list[AreaBuilder], found: Found) -> AreaBuilder:
    """The area an area row opens, or the one before when the row prints it again."""
    assert head is not None and head.area is not None
    name, marker = split_marker(head.area.text)
    weight = _weight(head.area_weight)
    if areas and same_name(name, areas[-1].name):
        area = areas[-1]
        found.add("repeated-area", f"the area of line {area.line} printed again: read as the same area",
                  head.line, head.area.column + 1)
        if weight != area.weight_pct and head.area_weight is not None:
            found.unplaced(head.area_weight, "main table (a second, different weight for the area)")
        else:
            area.cells += _from(head, ("weight_pct", AREA_WEIGHT))
        if head.area.text != area.printed:
            found.unplaced(head.area, "main table (the area printed again, spelt otherwise)")
        else:
            area.cells += _from(head, ("area", AREA))
        return area
    areas.append(AreaBuilder(name, area_code(name), weight, marker, head.line, head.area.text,
                             cells=list(_from(head, ("area", AREA), ("weight_pct", AREA_WEIGHT)))))
    return areas[-1]


def _subarea(area: AreaBuilder, head: Placed | None, members: list[Row], found: Found,
             documents: tuple[str, ...],
             merged: Mapping[tuple[int, int], int] | None = None) -> SubareaBuilder | None:
    rows = [head] if head is not None else []
    for member in members:
        if member.placed is None:
            found.set_aside([member], "unexpected-line", "line inside the main table")
        else:
            rows.append(member.placed)
    for rule in (wrapped_cells.join_names, wrapped_cells.join_references, misplaced_values.move_targets):
        rows, more = rule(rows, documents)
        found += more
    head = rows[0] if head is not None else None
    implicit, more = implicit_kpis.stands_for_kpi(head, rows)
    found += more
    filled, more = merged_cells.fill_values(rows, merged)
    found += more
    _report_unused(rows, filled, implicit, found)
    for row in rows:
        _report_reading(row, found)
        if row.kind is not RowKind.AREA and row.area_weight is not None:
            if _weight(row.area_weight) != area.weight_pct:
                found.unplaced(row.area_weight, "main table (a second, different weight for the area)")
            else:  # the area's weight printed again (a merged cell), on a row of its own
                area.cells += _from(row, ("weight_pct", AREA_WEIGHT))
        for cell in row.extra:
            found.unplaced(cell, "main table")
        if row.named and not (row.kind is RowKind.KPI and row.name) and not (implicit and row is rows[0]):
            for _, cell in row.named:  # a remark on a row that makes no KPI: no record to keep it
                found.unplaced(cell, "main table (a column of its own, on a row with no KPI)")
    if (head is None or (head.name is None and head.weight is None)) and not any(
            row.kind is RowKind.KPI for row in rows):
        return None  # an area row that names no sub-area, with no KPI under it
    name = head.name.text if head is not None and head.name is not None else ""
    # the sub-area's line is its name's first line (a name may wrap above the row's other cells)
    line = (head.name.line if head.name is not None else head.line) if head is not None else rows[0].line
    sub = SubareaBuilder(name, _weight(head.weight if head else None), line,
                         cells=_from(head, ("subarea", NAME), ("weight_pct", WEIGHT)) if head else ())
    if implicit:
        sub.kpis.append(_kpi(filled[0], name, True))
    sub.kpis += [_kpi(row, row.name.text, False) for row in filled if row.kind is RowKind.KPI and row.name]
    return sub


def _report_reading(row: Placed, found: Found) -> None:
    """Note where a row was read other than as its columns say: a name left of its column (the
    row lost leading cells), a number or amount in RIFERIMENTI taken as the target."""
    name_column = row.name_column
    if row.name is not None and row.name.column < name_column:
        lost = name_column - row.name.column
        found.add("shifted-row", f"the row lost {lost} leading cell{'s' * (lost > 1)}: its cells are read by what "
                                 "they hold", row.line, row.name.column + 1)
    reference_column = row.name.column + 1 if row.name is not None else name_column + 1
    if row.target is not None and row.target.column <= reference_column and row.reference is None:
        found.add("misplaced-value", f"a number in {REFERENCES}, with no reference: read as the target", row.line,
                  row.target.column + 1)
    if row.reference is not None and row.reference.column > reference_column:
        found.add("misplaced-value", f"a citation right of {REFERENCES}, before the target: read as the reference",
                  row.line, row.reference.column + 1)


def _report_unused(own: list[Placed], filled: list[Placed], implicit: bool, found: Found) -> None:
    """A reference or target printed on a row without a KPI (the sub-area row, a row of values)
    that no KPI took: kept in unparsed rather than lost."""
    used = {(cell.line, cell.column) for i, row in enumerate(filled) if row.kind is RowKind.KPI or (implicit and i == 0)
            for cell in (row.reference, row.target) if cell is not None}
    for row in own:
        if row.kind is not RowKind.KPI:
            for cell in (row.reference, row.target):
                if cell is not None and (cell.line, cell.column) not in used:
                    found.unplaced(cell, "main table (no KPI takes this value)")


def _kpi(row: Placed, name: str, implicit: bool) -> Kpi:
    reference = row.reference.text if row.reference else None
    return Kpi(
        name=name,
        line=row.name.line if row.name is not None else row.line,  # a wrapped name's first line
        implicit=implicit,
        reference=reference,
        citations=parse_citations(reference),
        target=parse_target(row.target.text if row.target else None),
        extra=extra_texts(row.named) if row.named else {},
        cells=_from(row, ("kpi", NAME), ("reference", REFERENCE), ("target_raw", TARGET)) + extra_sources(row.named),
    )

