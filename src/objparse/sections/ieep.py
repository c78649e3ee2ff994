"""The I.E.E.P. table: a money breakdown, one item a row, whose tree is recovered from the sums."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from ..draft import Cell, SideTableRows
from ..findings import Findings
from ..model import Ieep, IeepItem
from ..rules import wrapped_cells
from ..rules.money_tree import MAX_ITEMS, TreeItem, recover
from ..values.cells import CellKind
from ..values.numbers import read_value

_MINUS = re.compile(r"^\(\s*-\s*\)|\(\s*-\s*\)\s*$")  # '(-)' after the label, or before it


class _Row(NamedTuple):
    label: Cell
    money: Cell | None
    amount: Decimal | None
    italic: bool
    alone: bool  # the row holds its label and nothing else
    gap: bool  # a blank line stands right above it


def _sign(label: str) -> int:
    return -1 if "(" in label and _MINUS.search(label) else 1


def _follows(above: _Row, row: _Row) -> bool:
    """One label that a PDF wrapped over two rows, in one column with no blank line between,
    carrying on its phrase: the rest of the label alone under it (an item without an amount
    starts a phrase of its own), or its start alone above the row with the rest and the amount
    (a tall row's other cells printed on its last line)."""
    return (not row.gap and row.label.column == above.label.column
            and (row.alone or (above.alone and row.money is not None))
            and wrapped_cells.continues(above.label.text, row.label.text))


def _merge(above: _Row, row: _Row) -> _Row:
    label = wrapped_cells.joined(above.label, row.label)
    if row.alone:
        return above._replace(label=label)
    return row._replace(label=label, italic=above.italic or row.italic, gap=above.gap)


def parse(table: SideTableRows, found: Findings) -> Ieep:
    header = table.header
    head = header.texts()
    for cell in header.filled[1:-1]:
        found.unplaced(cell, "I.E.E.P. header")
    rows = []
    for row in table.rows:
        label, *rest = row.filled
        money = next((c for c in reversed(rest) if c.kind in (CellKind.MONEY, CellKind.NUMBER)), None)
        for cell in rest:
            if cell is not money:
                found.unplaced(cell, "I.E.E.P. table")
        amount = read_value(money.text)[1] if money else None  # type: ignore[index]
        rows.append(_Row(label, money, amount, label.column in row.italic, not rest, row.gap))
    rows = wrapped_cells.join(rows, _follows, _merge, found, "the I.E.E.P. label", lambda r: r.label.line)
    signs = [_sign(r.label.text) for r in rows]
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
                 typo=("own" if i in shape.own_typo else "child") if i in shape.relaxed else None)
        for i, r in enumerate(rows))
    return Ieep(
        heading=table.heading.filled[0].text if table.heading else None,
        title=head[0],
        column=head[-1] if len(head) > 1 else None,
        line=header.line,
        items=items,
    )
