"""A document laid out as the sheet it came from: rows of cells in the canonical layout (no shifted
rows, every KPI with its own reference and target), which rows are a ruled table, which cells
italic, and — for the formats that merge cells — which ranges a merged cell covers. Every
renderer writes this one layout in its own format."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from ..model import Area, Document, Ieep, Kpi, Note, Projects, Spending
from ..side_tables import SIDE_TABLES
from ..values.vocabulary import columns_by_name, extra_columns

WIDTH = 6  # cells of a main-table row


class Italic(NamedTuple):
    """A cell printed in italics (an I.E.E.P. leaf)."""

    text: str


Cell = str | Italic


@attrs.define
class Layout:
    rows: list[list[Cell]] = attrs.Factory(list)  # a blank line: no cells
    tables: list[tuple[int, int]] = attrs.Factory(list)  # (first, last) row of each ruled table
    merges: list[tuple[int, int, int]] = attrs.Factory(list)  # (first row, column, last row) of a merged cell

    def add(self, rows: list[list[Cell]], table: bool = False) -> int:
        """Rows appended (a ruled table's, or lines of text); the index of the first."""
        first = len(self.rows)
        self.rows += rows
        if table and rows:
            self.tables.append((first, len(self.rows) - 1))
        return first


def text_of(cell: Cell) -> str:
    return cell.text if isinstance(cell, Italic) else cell


def _row(*cells: Cell | None, width: int = 0) -> list[Cell]:
    out: list[Cell] = [c or "" for c in cells]
    return out + [""] * (width - len(out))


def _with_extra(row: list[Cell], extra: dict[str, str], at: dict[str, int]) -> list[Cell]:
    """The row with a record's cells of the columns no one named, each at its column's place `at`."""
    for name, text in extra.items():
        row += [""] * (at[name] + 1 - len(row))
        row[at[name]] = text
    return row


def _pct(value: Decimal | None) -> str:
    from ..values.numbers import format_number

    return "" if value is None else format_number(value) + "%"


def _target(kpi: Kpi) -> str:
    return kpi.target.raw if kpi.target else ""


def _marked(area: Area) -> str:
    """The area cell as sheets print it: 'Valore organizzativo*', 'Valore Sociale (1)'."""
    if area.marker is None:
        return area.name
    return f"{area.name} {area.marker}" if area.marker.startswith("(") else area.name + area.marker


def _kpi_row(kpi: Kpi, extras: dict[str, int]) -> list[Cell]:
    """A KPI's row in the usual order; its cells of the header's columns beyond the six at WIDTH
    plus the column's place in the header (see _in_header_order)."""
    return _with_extra(_row("", "", "", kpi.name, kpi.reference, _target(kpi)), kpi.extra, extras)


def _area(area: Area, out: Layout, merged: bool, extras: dict[str, int]) -> None:
    if not area.subareas:
        out.add([_row(_marked(area), _pct(area.weight_pct), width=WIDTH)])
        return
    first = len(out.rows)
    for i, sub in enumerate(area.subareas):
        head = [_marked(area), _pct(area.weight_pct)] if i == 0 else ["", ""]
        implicit = sub.kpis[0] if len(sub.kpis) == 1 and sub.kpis[0].implicit else None
        values = [implicit.reference, _target(implicit)] if implicit else []
        top = out.add([_row(*head, _pct(sub.weight_pct), sub.name, *values, width=WIDTH)
                       + (_kpi_row(implicit, extras)[WIDTH:] if implicit else [])])
        if implicit is None:
            kpis = [_kpi_row(kpi, extras) for kpi in sub.kpis]
            out.add(kpis)
            if merged:
                _merge_equal(out, top + 1, kpis, (4, 5))
                _merge(out, top, 2, len(out.rows) - 1)  # the sub-area's weight (its name has a row of its own)
    if merged:
        for column in (0, 1):
            _merge(out, first, column, len(out.rows) - 1)


def _merge(out: Layout, first: int, column: int, last: int) -> None:
    if last > first and out.rows[first][column]:
        out.merges.append((first, column, last))
        for row in range(first + 1, last + 1):
            out.rows[row][column] = ""


def _merge_equal(out: Layout, top: int, rows: list[list[Cell]], columns: tuple[int, ...]) -> None:
    """Equal references or targets of KPIs one under the other printed once, merged over them."""
    for column in columns:
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or rows[i][column] != rows[start][column]:
                _merge(out, top + start, column, top + i - 1)
                start = i


def _note(note: Note) -> str:
    if note.marker:
        return f"{note.marker} {note.text}"
    return f"{note.label}: {note.text}" if note.label else note.text


def ieep_rows(ieep: Ieep) -> list[list[Cell]]:
    extras = {name: 3 + n for n, name in enumerate(ieep.extra_columns)}  # right of the amounts
    rows = [_with_extra(_row(ieep.title, "", ieep.column), {name: name for name in extras}, extras)]
    for item in ieep.items:
        rows.append(_with_extra(_row(Italic(item.label) if item.emphasis else item.label, "", item.raw), item.extra,
                                extras))
    return rows


def spending_rows(spending: Spending) -> list[list[Cell]]:
    rows = []
    for i, rule in enumerate(spending.rules):
        first = i == 0
        measure = rule.measure if first or rule.measure != spending.rules[i - 1].measure else ""
        title = spending.title if first else ""
        if rule.phase is None:
            rows.append(_row(title, measure, rule.rule))
        else:
            rows.append(_row(title, measure, rule.phase, rule.rule))
    return rows


def projects_rows(projects: Projects) -> list[list[Cell]]:
    rows = [_row(*projects.columns)]
    extras = {name: column for column, name in enumerate(projects.columns) if column >= 4}  # beyond the four
    previous = None
    for p in projects.items:
        area = p.area if previous is None or p.area != previous.area else ""
        sub = p.subarea if area or previous is None or p.subarea != previous.subarea else ""
        rows.append(_with_extra(_row(area, sub, p.id, p.title), p.extra, extras))
        previous = p
    return rows


# each side table's rows, by the side table's name (objparse.side_tables)
SIDE_ROWS: dict[str, Callable[[Any], list[list[Cell]]]] = {
    "ieep": ieep_rows,
    "spending": spending_rows,
    "projects": projects_rows,
}


def _in_header_order(out: Layout, first: int, moved: dict[int, int] | None, width: int) -> None:
    """The main table's rows, laid out in the usual order from `first` on, in the order of a header
    of `width` cells that names its columns otherwise (the columns it does not name after its
    own); a cell at WIDTH plus a header column's place (a column beyond the six) goes there."""
    if moved is None and all(len(row) <= WIDTH for row in out.rows[first:]):
        return
    to = {place: column for column, place in (moved or {place: place for place in range(WIDTH)}).items()}
    rest = [place for place in range(WIDTH) if place not in to]
    to |= {place: max(width, len(to)) + i for i, place in enumerate(rest)}
    for i in range(first, len(out.rows)):
        row = out.rows[i]
        placed = {to.get(place, place - WIDTH): cell for place, cell in enumerate(row) if cell}
        cells: list[Cell] = [""] * max(len(to), max(placed, default=-1) + 1)
        for column, cell in placed.items():
            cells[column] = cell
        out.rows[i] = cells
    out.merges = [(top, to.get(column, column) if top >= first else column, last) for top, column, last in out.merges]


def _unparsed(doc: Document) -> list[list[Cell]]:
    """The cells the parse set aside, each on its line's row at its column: printed before the
    table, where the sheet's layout again has no place for them."""
    rows: dict[int, dict[int, str]] = {}
    for cell in doc.unparsed:
        rows.setdefault(cell.line, {})[cell.column - 1] = cell.text
    return [_row(*(cells.get(i) for i in range(max(cells) + 1))) for _, cells in sorted(rows.items())]


def layout(doc: Document, merged: bool = False) -> Layout:
    """The document as rows of a sheet; `merged`: equal references and targets of KPIs one under
    the other, and an area's and a sub-area's name and weight, merged over their rows (as the
    workbooks have them)."""
    out = Layout()
    out.add([_row(doc.title, width=WIDTH), _row(doc.office.label, width=WIDTH), *_unparsed(doc)])
    first = out.add([_row(*doc.columns)])
    # a KPI's cells of the columns beyond the six: at WIDTH plus the column's place in the header;
    # a column the document's header does not name (a header set aside) right of every other
    extras = {name: WIDTH + column for column, name in extra_columns(enumerate(doc.columns)).items()}
    for _, _, kpi in doc.kpis():
        for name in kpi.extra:
            extras.setdefault(name, WIDTH + max([len(doc.columns), WIDTH, *(at - WIDTH + 1 for at in extras.values())]))
    for area in doc.areas:
        _area(area, out, merged, extras)
    _in_header_order(out, first + 1, columns_by_name(enumerate(doc.columns)), len(doc.columns))
    out.tables.append((first, len(out.rows) - 1))
    for note in doc.notes:
        out.add([[], [_note(note)]])
    for table in SIDE_TABLES:
        part = getattr(doc, table.name)
        if part is not None:
            out.add([[]])
            if part.heading:
                out.add([[part.heading], []])
            out.add(SIDE_ROWS[table.name](part), table=True)
    return out
