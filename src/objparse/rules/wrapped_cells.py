"""Wrapped cells. A long cell — the title or the office, a table header's cell, a KPI or sub-area
name, a reference, a note, a spending rule, a project title, an I.E.E.P. label — can spill onto
the next row, which then holds only the rest of that one cell, in the same column: typically a
lower-case start or the end of an unfinished phrase, and no value of its own. One mechanism
joins them all (`join`), as `fill` fills every merged cell; each kind of cell says only when a
row continues the one above (`continues` for text, `continues_reference` for citations, which
wrap after a document or an annex title). A table header's cells are joined cell by cell
(`continues_header`, `join_header`) as the lexer meets them, before the header is read.
The joined text (single space) is the value; the record's line is the first row's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, Self, TypeVar

from ..draft import Cell, Joined, Placed, Row, RowKind, join_parts
from ..findings import Finding
from ..values.cells import WORD_KINDS, CellKind, classify
from ..values.citations import names_document, parse_citation
from ..values.names import area_code
from ..values.vocabulary import AREA_START

T = TypeVar("T")

# A cell holds at most 32,767 characters (the limit of a worksheet's cell): rows that would wrap a
# cell past it are not one cell. The bound keeps every join linear in the input: no cell grows
# without end, and a phrase's end is judged on its last WINDOW characters.
MAX_CELL = 32_767
WINDOW = 256

# words after which an Italian phrase cannot end
_OPEN_WORDS = frozenset(
    "a ad al alla alle ai agli all' con da dal dalla dalle dai dagli del della delle dei degli dell' di e ed il in "
    "la le lo gli i nel nella nelle nei negli nell' o od per su sul sulla sulle sui sugli tra fra un una uno che "
    "sia non".split())
_OPEN_ENDS = ("-", "–", ",", "/", "(", ":", "'", "+", "&")


def fits(head: str, tail: str) -> bool:
    """Does a cell joined of the two stay within a cell's size?"""
    return len(head) + 1 + len(tail) <= MAX_CELL


def unfinished(text: str) -> bool:
    """Does the phrase stop mid-way: on a preposition, article or conjunction, a dash or a
    comma, or inside brackets (opened within its last WINDOW characters)?"""
    text = text[-WINDOW:].rstrip()
    if text.endswith(_OPEN_ENDS) or text.count("(") > text.count(")"):
        return True
    last = text.rsplit(" ", 1)[-1]
    # a capital is a label ('Indice A'), not a preposition, unless the whole text is in capitals
    return (last.lower() if text.isupper() else last) in _OPEN_WORDS


def continues(previous: str, text: str) -> bool:
    """Is `text`, alone on its row, the rest of the cell `previous` wrapped? It starts with a
    lower-case word or a bracket, or `previous` stops mid-phrase."""
    first = text[:1]
    return fits(previous, text) and (first.islower() or first in "()" or unfinished(previous))


def wrapped(what: str, first: int, line: int, column: int | None = None) -> Finding:
    """The info diagnostic a join leaves on the line it joined."""
    return Finding("wrapped-text", f"{what} on line {first} continues on this line: joined", line, column)


def join(items: list[T], follows: Callable[[T, T], bool], merge: Callable[[T, T], T],
         what: str, line: Callable[[T], int]) -> tuple[list[T], list[Finding]]:
    """The items with every one that `follows` the item before it merged into that item; each
    join leaves an info diagnostic (`wrapped-text`) naming the line it joined."""
    out: list[T] = []
    found: list[Finding] = []
    for item in items:
        if out and follows(out[-1], item):
            found.append(wrapped(what, line(out[-1]), line(item)))
            out[-1] = merge(out[-1], item)
        else:
            out.append(item)
    return out, found


def joined(head: Cell, tail: Cell) -> Cell:
    """One cell of two, at the first's place; it keeps the source cells it was made of."""
    text = f"{head.text} {tail.text}"
    out = tuple.__new__(Joined, (text, head.line, head.column, classify(text)))  # (_replace is a slow Python call)
    out.tree = join_parts(head, tail)
    return out


# --- a side table's records -----------------------------------------------------------------------

class Record(Protocol):
    """A side table's row as its section reads it, one of whose cells (an I.E.E.P. label, a
    spending rule, a project title) may wrap."""

    @property
    def cell(self) -> Cell | None: ...  # the cell that may wrap

    @property
    def alone(self) -> bool: ...  # the row holds that cell and nothing else

    @property
    def complete(self) -> bool: ...  # the row holds what makes it a record (an amount, an ID)

    def with_cell(self, cell: Cell, first: Self) -> Self: ...  # this record, its cell joined, at `first`'s line


R = TypeVar("R", bound=Record)


def join_records(records: list[R], what: str,
                 may_join: Callable[[R, R], bool] = lambda above, row: True) -> tuple[list[R], list[Finding]]:
    """Records whose cell a PDF wrapped over two rows, in one column, carrying on its phrase:
    the rest alone under the row with the other cells, or the start alone above it (Excel's
    bottom alignment prints a tall row's other cells on its last line). The record kept is the
    one with the other cells, with the joined cell and the first row's line."""
    def follows(above: R, row: R) -> bool:
        start, rest = above.cell, row.cell
        return (start is not None and rest is not None and start.column == rest.column
                and (row.alone or (above.alone and row.complete)) and may_join(above, row)
                and continues(start.text, rest.text))

    def merge(above: R, row: R) -> R:
        cell = joined(above.cell, row.cell)  # type: ignore[arg-type]  # both set: they follow
        return (above if row.alone else row).with_cell(cell, above)

    return join(records, follows, merge, what, lambda record: record.cell.line)  # type: ignore[union-attr]


# --- table headers -------------------------------------------------------------------------------

def _carries_on(head: str, rest: str, capitals: bool) -> bool:
    """Is `rest` the rest of the header cell `head`: in capitals like it, in a header written in
    capitals, or else carrying on its phrase ('ID' over 'progetto' in 'Ambito valoriale | … | ID
    progetto')?"""
    if capitals and head[-WINDOW:].isupper():
        return rest.isupper() and fits(head, rest)
    return continues(head, rest)


def _in_capitals(header: Row) -> bool:
    return header.filled[0].text.isupper()


def _header_text(cells: tuple[Cell, ...]) -> bool:
    return all(c.kind in WORD_KINDS and area_code(c.text) is None for c in cells)


def continues_header(header: Row, row: Row) -> bool:
    """A row right under a table header holding only text, none an area's name, with the rest of
    at least one header cell under it: the header's cells wrapped, as a PDF prints a long one.
    Cells under no cell of the header are the header's own, printed on its last line (a PDF
    prints a tall row's other cells there)."""
    if AREA_START.fullmatch(row.filled[0].text):
        return False  # 'VALORE' alone: an area's name, wrapped above its row
    above = {c.column: c.text for c in header.filled}
    under = [c for c in row.filled if c.column in above]
    capitals = _in_capitals(header)
    return bool(under) and _header_text(row.filled) and all(_carries_on(above[c.column], c.text, capitals)
                                                            for c in under)


def join_header(header: Row, row: Row) -> tuple[Cell, ...]:
    """The header's cells with the rest of each, printed on `row`, joined to it; the row's other
    cells in their columns."""
    below = {c.column: c for c in row.filled}
    cells = [joined(c, below.pop(c.column)) if c.column in below else c for c in header.filled]
    return tuple(sorted([*cells, *below.values()], key=lambda c: c.column))


def starts_header(row: Row, header: Row, opens: Callable[[str], object]) -> bool:
    """A row right above a table header holding only text, each cell the start of the header
    cell under it (`opens` tells the text a header starts with: never the rest of a cell): the
    header's cells wrapped, its other cells printed on its last line."""
    below = {c.column: c.text for c in header.filled}
    capitals = _in_capitals(header)
    return _header_text(row.filled) and all(
        c.column in below and not opens(below[c.column]) and _carries_on(c.text, below[c.column], capitals)
        for c in row.filled)


def starts_last_cell(row: Row, header: Row) -> bool:
    """A row holding one cell of text, the start of the header row's last cell under it (a
    spending header's row holds the first rule there)."""
    (cell, *more), last = row.filled, header.filled[-1]
    return (not more and len(header.filled) > 1 and cell.column == last.column
            and cell.kind in WORD_KINDS and continues(cell.text, last.text))


def join_header_above(row: Row, header: Row) -> tuple[Cell, ...]:
    """The header's cells with the start of each, printed on `row` above it, joined to it."""
    above = {c.column: c for c in row.filled}
    return tuple(joined(above[c.column], c) if c.column in above else c for c in header.filled)


# --- references ----------------------------------------------------------------------------------

def continues_reference(cell: Cell, previous: str, documents: tuple[str, ...] = ()) -> bool:
    """A reference cell that does not start a citation ('Pagg. 4-7', a lower-case word, the rest
    of an annex title) continues the reference above it."""
    if not fits(previous, cell.text):
        return False
    if cell.kind is CellKind.CONTINUATION:
        return True
    if names_document(cell.text, documents):
        return False
    previous = previous[-WINDOW:]
    if previous.rstrip().endswith(("-", "–", ",")):
        return True
    if cell.kind is not CellKind.TEXT:
        return False
    last = parse_citation(previous.rsplit(";", 1)[-1].strip())
    return last.annex is not None and last.page_from is None and last.paragraph is None


def join_references(rows: list[Placed], documents: tuple[str, ...]) -> tuple[list[Placed], list[Finding]]:
    """The rows of one sub-area, wrapped references joined: the joined text is the reference of
    every row the merged cell covers."""
    found: list[Finding] = []
    groups: list[list[int]] = []  # row indices covered by one merged reference cell
    cells: list[Cell] = []  # the reference of each group, joined
    out = list(rows)
    for i, row in enumerate(rows):
        ref = row.reference
        if ref is None:
            continue
        if groups and continues_reference(ref, cells[-1].text, documents):
            found.append(wrapped("the reference", rows[groups[-1][0]].line, row.line, ref.column + 1))
            groups[-1].append(i)
            cells[-1] = joined(cells[-1], ref)
            above = out[i - 1]
            if (row.kind is RowKind.VALUES and row.target is not None and above.target is None
                    and groups[-1][-2] == i - 1):
                # a row holding only the wrapped part of a cell is the row above spilt in two
                out[i - 1], out[i] = above._replace(target=row.target), row._replace(target=None)
        else:
            groups.append([i])
            cells.append(ref)
    for members, cell in zip(groups, cells, strict=True):
        if len(members) > 1:
            for i in members:
                out[i] = out[i]._replace(reference=cell)
    return out, found


# --- names ------------------------------------------------------------------------------------------

def _name_only(row: Placed) -> bool:
    """A KPI row holding a name and nothing of its own (a reference may be wrapped with it)."""
    return (row.kind is RowKind.KPI and row.name is not None and row.target is None and row.weight is None
            and row.area_weight is None and not row.extra and not row.named)


def _name_start(row: Placed) -> bool:
    """A KPI row holding a name and nothing else, not even a reference: the start of a name whose
    row's other cells a PDF printed on the row's last line."""
    return _name_only(row) and row.reference is None


def wraps_onto(above: Placed, row: Placed) -> bool:
    """A KPI row holding only the start of a name, above an area or sub-area row whose name, in
    the same column, carries it on: the sub-area's name wrapped, and the row's weights and values
    printed on its last line, as a PDF prints a tall row."""
    return (_name_start(above) and above.name is not None and row.name is not None
            and row.name.column == above.name.column and continues(above.name.text, row.name.text))


def join_onto(above: Placed, row: Placed) -> Placed:
    assert above.name is not None and row.name is not None
    return row._replace(name=joined(above.name, row.name))


def area_wraps(start: Cell, rest: Cell) -> bool:
    """An area's name wrapped after the words every area name begins with ('Valore', 'Valore
    di'), the rest in the same column naming an area. Only those words join: a stray line by an
    area row never does."""
    return (start.column == rest.column and AREA_START.fullmatch(start.text) is not None
            and area_code(rest.text) is not None)


def join_area(row: Placed, start: Cell, rest: Cell) -> Placed:
    """The area row with its area's name joined from `start` and `rest`, its line the first."""
    return row._replace(area=joined(start, rest), line=min(start.line, rest.line))


def join_names(rows: list[Placed], documents: tuple[str, ...]) -> tuple[list[Placed], list[Finding]]:
    """The rows of one sub-area (its own row first), wrapped KPI and sub-area names joined: a
    row holding only the rest of the name above, in the same column, is that row's. A PDF
    export may also print a wrapped row's values on its last line: a KPI row holding a name
    alone, then the rest of that name with the values."""

    def follows(above: Placed, row: Placed) -> bool:
        if above.name is None or row.name is None or row.name.column != above.name.column:
            return False
        alone = _name_only(row) and (row.reference is None or (
            above.reference is not None and continues_reference(row.reference, above.reference.text, documents)))
        with_values = _name_start(above) and row.kind is RowKind.KPI and row.weight is None and row.area_weight is None
        return (alone or with_values) and continues(above.name.text, row.name.text)

    def merge(above: Placed, row: Placed) -> Placed:
        reference = above.reference
        if row.reference is not None:
            reference = joined(reference, row.reference) if reference is not None else row.reference
        return above._replace(name=joined(above.name, row.name), reference=reference,  # type: ignore[arg-type]
                              target=above.target if above.target is not None else row.target,
                              extra=above.extra + row.extra, named=above.named + row.named)

    return join(rows, follows, merge, "the name", lambda row: row.line)
