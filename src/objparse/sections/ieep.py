"""The I.E.E.P. table: a money breakdown, one item a row, whose tree is recovered from the sums. A
column its header names right of the amounts' (NOTE) is a column of its own: an item's cell there
is kept by that name."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import NamedTuple

from ..draft import Cell, SideTableRows, extra_sources, extra_texts, sources, split_named
from ..findings import Found
from ..model import Ieep, IeepItem
from ..rules import wrapped_cells
from ..rules.money_tree import MAX_ITEMS, TreeItem, recover
from ..values.cells import CellKind
from ..values.numbers import read_value

_MINUS = re.compile(r"^\(\s*-\s*\)|\(\s*-\s*\)\s*$")  # '(-)' after the label, or before it: a negative item
AMOUNTS = (CellKind.MONEY, CellKind.NUMBER)


class _Row(NamedTuple):
    label: Cell
    money: Cell | None
    amount: Decimal | None
    italic: bool
    alone: bool  # the row holds its label and nothing else
    gap: bool  # a blank line stands right above it
    named: tuple[tuple[str, Cell], ...] = ()  # its cells of the header's columns right of the amounts'

    @property
    def cell(self) -> Cell:
        return self.label

    @property
    def complete(self) -> bool:
        return self.money is not None

    def with_cell(self, cell: Cell, first: _Row) -> _Row:
        return self._replace(label=cell, italic=first.italic or self.italic, gap=first.gap)


def _no_blank_between(above: _Row, row: _Row) -> bool:
    """A label wraps onto the very next row: rows a blank line parts are two items."""
    return not row.gap


def _columns(table: SideTableRows) -> tuple[Cell | None, dict[int, str]]:
    """The header's cell over the amounts (`column`), and the columns it names right of it, by
    place. The amounts' column is where most rows' last amount stands; a header that has no cell
    there names its amounts with its last cell, and no column of its own."""
    others = table.header.filled[1:]
    places = Counter(next((c.column for c in reversed(row.filled[1:]) if c.kind in AMOUNTS), None)
                     for row in table.rows)
    places.pop(None, None)
    at = places.most_common(1)[0][0] if places else None
    over = next((c for c in others if c.column == at), None)
    if over is None or over is others[-1]:
        return (others[-1] if others else None), {}
    return over, {c.column: c.text for c in others if c.column > over.column}


def parse(table: SideTableRows) -> tuple[Ieep, Found]:
    found = Found()
    header = table.header
    column, extras = _columns(table)
    for cell in header.filled[1:]:
        if cell is not column and cell.column not in extras:
            found.unplaced(cell, "I.E.E.P. header")
    rows = []
    new = tuple.__new__  # (a row each: _Row's own constructor is a Python call)
    for row in table.rows:
        label = row.filled[0]
        rest, named = split_named(row.filled[1:], extras)
        if len(rest) == 1 and rest[0].kind in AMOUNTS:  # (most rows: a label and its amount)
            money: Cell | None = rest[0]
        else:
            money = next((c for c in reversed(rest) if c.kind in AMOUNTS), None)
            for cell in rest:
                if cell is not money:
                    found.unplaced(cell, "I.E.E.P. table")
        amount = read_value(money.text)[1] if money else None  # type: ignore[index]
        rows.append(new(_Row, (label, money, amount, label.column in row.italic, not rest and not named, row.gap,
                               named)))
    rows, joins = wrapped_cells.join_records(rows, "the I.E.E.P. label", _no_blank_between)
    found += joins
    signs = [-1 if "(" in r.label.text and _MINUS.search(r.label.text) else 1 for r in rows]
    shape = recover([TreeItem(r.amount, sign, r.italic) for r, sign in zip(rows, signs, strict=True)])
    if len(rows) > MAX_ITEMS:
        found.add("ieep-no-tree", f"{len(rows)} I.E.E.P. items, more than the {MAX_ITEMS} whose tree is searched: "
                                  "left flat", header.line)
    elif not shape.complete and rows:
        found.add("ieep-no-tree", "I.E.E.P. amounts admit no single tree", header.line)
    for i in sorted(shape.relaxed):
        found.add("ieep-typo", f"'{rows[i].label.text}' is not the sum of its children: the tree is read around a "
                               "typo", rows[i].label.line)
    items = tuple(
        IeepItem(id=i, label=r.label.text, amount=r.amount, raw=r.money.text if r.money else None, sign=signs[i],
                 level=shape.levels[i], parent=shape.parents[i], emphasis=r.italic, line=r.label.line,
                 typo=("own" if i in shape.own_typo else "child") if i in shape.relaxed else None,
                 extra=extra_texts(r.named),
                 cells=sources(("label", r.label), ("raw", r.money))
                 + extra_sources(r.named))
        for i, r in enumerate(rows))
    return Ieep(
        heading=table.heading.filled[0].text if table.heading else None,
        title=header.filled[0].text,
        column=column.text if column else None,
        line=header.line,
        items=items,
        extra_columns=tuple(extras.values()),
        cells=sources(("heading", table.heading.filled[0] if table.heading else None), ("title", header.filled[0]),
                      ("column", column), *(("extra_columns", c) for c in header.filled if c.column in extras)),
    ), found
