"""Every non-empty source cell accounted for, once: read into a field, filled into other rows (a
merged cell), joined to the cell above (wrapped text), moved out of its column (a shifted row),
dropped as page furniture, or unplaced. Made from what the stages recorded as they went — the
source cells each record was made of (`From`), the cells each finding kept or dropped — never by
searching the output for a cell's text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from .draft import Row
from .findings import Finding, Findings
from .model import CellUse, Document, From

# a use of a cell: (table, the record's key there, the field, how the record took it)
Use = tuple[str, str, str | None, str]
UNREAD = "unread-cell"


def _records(doc: Document, own: tuple[From, ...]) -> Iterator[tuple[str, tuple[object, ...], str, tuple[From, ...]]]:
    """(table, the record's ids, its fields' prefix, its source cells) of every record, in the
    order of the tables; ids as objparse.export.tables numbers them."""
    yield "documents", (), "", own
    for name in ("ieep", "spending", "projects"):
        part = getattr(doc, name)
        if part is not None:
            yield "documents", (), f"{name}.", part.cells
    for a, area in enumerate(doc.areas, start=1):
        yield "areas", (a,), "", area.cells
        for s, sub in enumerate(area.subareas, start=1):
            yield "subareas", (a, s), "", sub.cells
            for k, kpi in enumerate(sub.kpis, start=1):
                yield "kpis", (a, s, k), "", kpi.cells
    for item in doc.ieep.items if doc.ieep else ():
        yield "ieep_items", (item.id,), "", item.cells
    for n, rule in enumerate(doc.spending.rules if doc.spending else (), start=1):
        yield "spending_rules", (n,), "", rule.cells
    for n, project in enumerate(doc.projects.items if doc.projects else (), start=1):
        yield "projects", (n,), "", project.cells
    for n, note in enumerate(doc.notes, start=1):
        yield "notes", (n,), "", note.cells


_EXTRAS = {"kpis": "kpi_extras", "projects": "project_extras"}  # where a record's `extra` cells are a row each


def uses(doc: Document, own: tuple[From, ...], found: Findings) -> dict[tuple[int, int], list[Use]]:
    """Each source cell a record was made of (by its line and column where the sheet starts) ->
    its uses, in the order of the records."""
    out: dict[tuple[int, int], list[Use]] = {}
    stem = doc.key
    for table, ids, prefix, cells in _records(doc, own):
        key = "/".join((stem, *map(str, ids)))
        for field, line, column, how, part in cells:
            use = ((_EXTRAS[table], f"{key}/{part}", "text", how) if field == "extra"
                   else (table, key, prefix + field, how))
            out.setdefault(found.place(line, column), []).append(use)
    return out


def unread(rows: Iterable[Row], used: Mapping[tuple[int, int], list[Use]], found: Findings) -> list[Finding]:
    """A finding for each source cell that no record, and no finding, accounts for: kept in
    unparsed, loudly — a cell is never lost, even to a fault of the reading."""
    lost = [cell for row in rows for cell in row.filled if (cell.line, cell.column) not in used
            and (cell.line, cell.column) not in found.kept and (cell.line, cell.column) not in found.furniture]
    if lost and found.moved:  # findings name cells in the main table's usual order of columns
        usual = {(line, source): column for (line, column), source in found.moved.items()}
        lost = [cell._replace(column=usual.get((cell.line, cell.column), cell.column)) for cell in lost]
    return [Finding(UNREAD, f"cell {cell.text[:60]!r} was read into no field: kept", cell.line, cell.column + 1,
                    (cell,)) for cell in lost]


def cells(doc: Document, rows: Iterable[Row], used: Mapping[tuple[int, int], list[Use]], found: Findings,
          pages: Mapping[int, int]) -> tuple[CellUse, ...]:
    """What became of each non-empty source cell, in the source's order: one use each."""
    stem = doc.key
    diagnostics = {id(d): n for n, d in enumerate(doc.diagnostics, start=1)}
    unparsed = {id(u): n for n, u in enumerate(doc.unparsed, start=1)}
    out = []
    for row in rows:
        for cell in row.filled:
            place = (cell.line, cell.column)
            table, key, field, how = _use(place, used, found, stem, diagnostics, unparsed)
            out.append(CellUse(cell.line, cell.column + found.offset + 1, cell.text, how, table, key, field,
                               pages.get(cell.line)))
    return tuple(out)


def _use(place: tuple[int, int], used: Mapping[tuple[int, int], list[Use]], found: Findings, stem: str,
         diagnostics: Mapping[int, int], unparsed: Mapping[int, int]) -> Use:
    if place in found.furniture:
        return "diagnostics", f"{stem}/{diagnostics[id(found.furniture[place])]}", None, "dropped"
    mine = used.get(place)
    if mine:
        table, key, field, how = mine[0]
        if sum(1 for use in mine if use[0] == table and use[2] == field) > 1:
            how = "filled"  # a merged cell: one value, several records
        return table, key, field, how
    return "unparsed", f"{stem}/{unparsed[id(found.kept[place])]}", "text", "unplaced"

