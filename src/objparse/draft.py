"""Working records between the source and the model: cells with their place and kind, rows as the
lexer classified them, main-table rows as the damage rules see them, and the builders that the
sections fill and then freeze into model records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from typing import NamedTuple, TypeAlias, cast

import attrs

from .model import Area, From, Kpi, Subarea
from .values.cells import CellKind


class Cell(NamedTuple):
    """A non-empty cell: its text, 1-based line, 0-based column (relative to where the sheet
    starts) and what it holds, classified once, when the row is read."""

    text: str
    line: int
    column: int
    kind: CellKind


# the source cells of a joined cell: a source cell, or a pair of these, in order
Parts: TypeAlias = "Cell | tuple[Parts, Parts]"


class Joined(Cell):
    """A cell joined of several source cells (wrapped text); `parts` lists them. (A tuple's
    subclass keeps its own attributes in a dict: only joined cells, a few a sheet, pay.) A join
    keeps its halves' parts as a pair, never a copy of them nor the halves' texts: a cell wrapped
    over many rows costs a pair a row."""

    tree: Parts


def join_parts(head: Cell, tail: Cell) -> Parts:
    """The parts of a cell joined of these two."""
    return (head.tree if isinstance(head, Joined) else head, tail.tree if isinstance(tail, Joined) else tail)


def parts(cell: Cell) -> tuple[Cell, ...]:
    """The source cells a cell was made of, in order: itself, or each part of a joined cell."""
    if not isinstance(cell, Joined):
        return (cell,)
    out = []
    stack: list[Parts] = [cell.tree]
    while stack:  # (no recursion: a name may wrap over thousands of rows)
        top = stack.pop()
        if type(top) is tuple:  # a pair (a cell is a named tuple, of a type of its own)
            left, right = cast("tuple[Parts, Parts]", top)
            stack += (right, left)
        else:
            out.append(cast(Cell, top))
    return tuple(out)


def sources(*fields: tuple[str, Cell | None], how: str = "read", key: str = "") -> tuple[From, ...]:
    """Where a record's fields come from: each (field, cell) as the source cells it was made of,
    the first part of a joined cell read (or `how`), the others joined."""
    out = []
    new = tuple.__new__  # (records' cells are many: no Python call each)
    for field, cell in fields:
        if cell is None:
            continue
        if type(cell) is not Joined:
            out.append(new(From, (field, cell[1], cell[2], how, key)))
            continue
        for i, part in enumerate(parts(cell)):
            out.append(new(From, (field, part.line, part.column, "joined" if i else how, key)))
    return tuple(out)


def joined_sources(field: str, cells: Iterable[Cell]) -> tuple[From, ...]:
    """The source cells of a field made of several cells one after another (a note or a title
    split over cells or lines): the first read, every other joined to it."""
    return tuple(From(field, part.line, part.column, "joined" if i else "read")
                 for i, part in enumerate(part for cell in cells for part in parts(cell)))


Named = tuple[tuple[str, Cell], ...]  # a record's cells of the columns no one named, each with its column's name


def split_named(cells: tuple[Cell, ...], extras: Mapping[int, str]) -> tuple[tuple[Cell, ...], Named]:
    """A row's cells apart: those of the columns a header names beyond the known ones (`extras`:
    column -> name), each by its name, and the others."""
    if not extras or not any(c.column in extras for c in cells):
        return cells, ()
    return (tuple(c for c in cells if c.column not in extras),
            tuple((extras[c.column], c) for c in cells if c.column in extras))


def extra_texts(named: Named) -> dict[str, str]:
    """A record's `extra`: its cells of the columns no one named, by name (a column's cells on the
    rows of one wrapped record joined)."""
    out: dict[str, str] = {}
    for name, cell in named:
        out[name] = f"{out[name]} {cell.text}" if name in out else cell.text
    return out


def extra_sources(named: Named) -> tuple[From, ...]:
    """The source cells of a record's `extra` (its cells of the columns no one named, by name): a
    column's cell on a wrapped record's later row joined."""
    if not named:
        return ()
    seen: set[str] = set()
    out: tuple[From, ...] = ()
    for name, cell in named:
        out += sources(("extra", cell), how="joined" if name in seen else "read", key=name)
        seen.add(name)
    return out


class Row(NamedTuple):
    """One source row, immutable: its line (and the line it ends on: a quoted cell may span
    lines), whether a blank line stands right above it, its non-empty cells, which columns are
    italic; and what the lexer made of it: where its cells sit in the main table (`placed`, for
    rows shaped like main-table rows) and the cells of rows joined into it (`taken`: a wrapped
    name's start; they go wherever the row goes, into unparsed when it is set aside)."""

    line: int
    end: int
    gap: bool
    filled: tuple[Cell, ...]
    italic: frozenset[int]
    placed: Placed | None = None
    taken: tuple[Cell, ...] = ()

    @property
    def first(self) -> int:
        """The column of the first non-empty cell."""
        return self.filled[0].column

    def texts(self) -> tuple[str, ...]:
        """The text of every non-empty cell."""
        return tuple([c.text for c in self.filled])

    def placing(self, placed: Placed) -> Row:
        """The row with its cells placed (cheaper than _replace: every main-table row is placed)."""
        return tuple.__new__(Row, (self.line, self.end, self.gap, self.filled, self.italic, placed, self.taken))

    def __repr__(self) -> str:
        return f"Row({self.line}, {self.texts()!r})"


class Lexeme(NamedTuple):
    """A row as the lexer reads it: its kind (its most specific reading, by what it holds) and,
    once the last pass has looked at its neighbours, every token type it may be read as, most
    specific first: the parser takes the first its state accepts."""

    kind: str
    row: Row
    readings: tuple[str, ...] = ()


class RowKind(Enum):
    AREA = "area"  # starts an area (and usually its first sub-area)
    SUBAREA = "subarea"
    KPI = "kpi"
    VALUES = "values"  # reference/target cells with no name: part of a wrapped or merged cell

    # members are singletons: hashed by identity, in C (Enum's own hash is a Python call, and
    # every main-table row's kind is looked up)
    __hash__ = object.__hash__


class Placed(NamedTuple):
    """A main-table row, its cells placed by what they hold (see rules.shifted_rows)."""

    line: int
    kind: RowKind
    area: Cell | None = None
    area_weight: Cell | None = None
    weight: Cell | None = None
    name: Cell | None = None
    reference: Cell | None = None
    target: Cell | None = None
    extra: tuple[Cell, ...] = ()
    name_column: int = 3  # where a KPI's name stands in an undamaged row, by the header above
    named: tuple[tuple[str, Cell], ...] = ()  # cells of columns the header names beyond the six, by name

    def with_values(self, reference: Cell | None, target: Cell | None) -> Placed:
        """The row with this reference and target (cheaper than _replace: merged values fill many rows)."""
        return tuple.__new__(Placed, (*self[:6], reference, target, *self[8:]))


# --- what the grammar builds -----------------------------------------------------------------

class Preamble(NamedTuple):
    """The lines before the main table: title, office, and strays (each a token type and row)."""

    lines: list[tuple[str, Row]]


class SubareaRows(NamedTuple):
    head: Row | None  # the sub-area row (or the area row that names the first sub-area)
    members: list[Row]  # KPI rows, rows of values, stray lines


class AreaRows(NamedTuple):
    head: Row
    members: list[Row]  # rows straight under the area row, before any sub-area row
    subareas: list[SubareaRows]


class MainTableRows(NamedTuple):
    header: Row | None
    areas: list[AreaRows]
    strays: list[Row]  # lines of text under the header, before the first area


class SideTableRows(NamedTuple):
    name: str
    heading: Row | None
    header: Row
    rows: list[Row]


class SheetRows(NamedTuple):
    """A sheet as the grammar delimited it; `unexpected` holds the rows the grammar refused."""

    preamble: Preamble
    main: MainTableRows | None
    notes: list[Row]
    tables: list[SideTableRows]
    unexpected: list[tuple[Row, str]]


# --- builders: mutable while a section fills them, then frozen into the model -----------------

@attrs.define
class SubareaBuilder:
    name: str
    weight_pct: Decimal | None
    line: int
    kpis: list[Kpi] = attrs.Factory(list)
    cells: tuple[From, ...] = ()

    def freeze(self) -> Subarea:
        return Subarea(name=self.name, weight_pct=self.weight_pct, line=self.line, kpis=tuple(self.kpis),
                       cells=self.cells)


@attrs.define
class AreaBuilder:
    name: str
    code: str | None
    weight_pct: Decimal | None
    marker: str | None
    line: int
    printed: str  # the area cell as the sheet prints it
    subareas: list[SubareaBuilder] = attrs.Factory(list)
    cells: list[From] = attrs.Factory(list)

    def freeze(self) -> Area:
        return Area(name=self.name, code=self.code, weight_pct=self.weight_pct, marker=self.marker, line=self.line,
                    subareas=tuple(s.freeze() for s in self.subareas), cells=tuple(self.cells))
