"""Every non-empty source cell accounted for, once: read into a field, filled into other rows (a
merged cell), joined to the cell above (wrapped text), moved out of its column (a shifted row),
dropped as page furniture, or unplaced. Made from what the stages recorded as they went — the
source cells each record was made of (`From`), the cells each finding kept or dropped — never by
searching the output for a cell's text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

from .draft import Row
from .findings import Finding, Findings
from .model import CellUse, Document, From, record_key

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


# where a record's `extra` cells are a row each
_EXTRAS = {"kpis": "kpi_extras", "ieep_items": "ieep_item_extras", "projects": "project_extras"}


def uses(doc: Document, own: tuple[From, ...], found: Findings) -> dict[tuple[int, int], Use]:
    """Each source cell a record was made of (by its line and column where the sheet starts) ->
    its first use; 'filled' where other records of that table take it too (a merged cell)."""
    out: dict[tuple[int, int], Use] = {}
    for table, ids, prefix, cells in _records(doc, own):
        if not cells:
            continue
        key = record_key(doc.key, ids)
        for field, line, column, how, part in cells:
            use = ((_EXTRAS[table], record_key(key, (part,)), "text", how) if field == "extra"
                   else (table, key, prefix + field if prefix else field, how))
            place = found.place(line, column)
            first = out.get(place)
            if first is None:
                out[place] = use
            elif first[3] == "read" and first[0] == table and first[2] == use[2] and first[1] != key:
                out[place] = (*first[:3], "filled")
    return out


def places(doc: Document, own: tuple[From, ...], found: Findings) -> set[tuple[int, int]]:
    """The places (line, column where the sheet starts) of the source cells the records were made of."""
    out = {(f[1], f[2]) for _, _, _, cells in _records(doc, own) for f in cells}
    return {found.place(line, column) for line, column in out} if found.moved else out


def unread(rows: Iterable[Row], used: set[tuple[int, int]], found: Findings) -> list[Finding]:
    """A finding for each source cell that no record, and no finding, accounts for: kept in
    unparsed, loudly — a cell is never lost, even to a fault of the reading."""
    lost = [cell for row in rows for cell in row.filled if (cell.line, cell.column) not in used
            and (cell.line, cell.column) not in found.kept and (cell.line, cell.column) not in found.furniture]
    if lost and found.moved:  # findings name cells in the main table's usual order of columns
        usual = {(line, source): column for (line, column), source in found.moved.items()}
        lost = [cell._replace(column=usual.get((cell.line, cell.column), cell.column)) for cell in lost]
    return [Finding(UNREAD, f"cell {cell.text[:60]!r} was read into no field: kept", cell.line, cell.column + 1,
                    (cell,)) for cell in lost]


def cells(doc: Document, rows: Iterable[Row], own: tuple[From, ...], found: Findings,
          pages: Mapping[int, int]) -> tuple[CellUse, ...]:
    """What became of each non-empty source cell, in the source's order: one use each."""
    used = uses(doc, own, found)
    stem = doc.key
    furniture, kept = found.furniture, found.kept
    diagnostics = {id(d): n for n, d in enumerate(doc.diagnostics, start=1)} if furniture else {}
    unparsed = {id(u): n for n, u in enumerate(doc.unparsed, start=1)}
    shift = found.offset + 1  # to the source's 1-based column
    new, get = tuple.__new__, used.get  # (a record each of a sheet's thousand cells: no Python call each)
    out = []
    for row in rows:
        for text, line, column, _ in row.filled:
            place = (line, column)
            use = get(place)
            if furniture and place in furniture:
                use = ("diagnostics", f"{stem}/{diagnostics[id(furniture[place])]}", None, "dropped")
            elif use is None:
                use = ("unparsed", f"{stem}/{unparsed[id(kept[place])]}", "text", "unplaced")
            out.append(new(CellUse, (line, column + shift, text, use[3], use[0], use[1], use[2],
                                     pages.get(line) if pages else None)))
    return tuple(out)


class Cells(Sequence[CellUse]):
    """A document's account of its cells (see `cells`), made when first asked for: the JSON
    never asks. Pickled, and compared, as the tuple it makes."""

    __slots__ = ("_made", "_of")

    def __init__(self, doc: Document, rows: Iterable[Row], own: tuple[From, ...], found: Findings,
                 pages: Mapping[int, int]):
        self._of: tuple[Any, ...] | None = (doc, rows, own, found, pages)
        self._made: tuple[CellUse, ...] = ()

    def _all(self) -> tuple[CellUse, ...]:
        if self._of is not None:
            self._made, self._of = cells(*self._of), None
        return self._made

    @overload
    def __getitem__(self, index: int) -> CellUse: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[CellUse, ...]: ...

    def __getitem__(self, index: int | slice) -> CellUse | tuple[CellUse, ...]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[CellUse]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return self._all() == (tuple(other) if isinstance(other, Sequence) else other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Cells({len(self)} cells)"

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (self._all(),)
