"""The I.E.E.P. table: a money breakdown, one item a row, whose tree is recovered from the sums."""

from __future__ import annotations

import re

from ..draft import Cell, cells_of
from ..lexer import Row
from ..model import Ieep, IeepItem
from ..rules.money_tree import TreeItem, recover
from ..values.cells import CellKind
from ..values.numbers import NumberFormatError, parse_money, parse_number
from .found import Findings

_MINUS = re.compile(r"^\(\s*-\s*\)|\(\s*-\s*\)\s*$")  # '(-)' after the label, or before it


def _amount(cell: Cell, found: Findings):
    try:
        return parse_money(cell.text) if cell.kind is CellKind.MONEY else parse_number(cell.text)
    except NumberFormatError as exc:
        found.add("bad-number", f"I.E.E.P. amount {cell.text!r}: {exc.reason}", cell.line, cell.column + 1)
        return None


def parse(heading: str | None, header: Row, rows: list[Row], found: Findings) -> Ieep:
    head = list(header.texts())
    for cell in cells_of(header)[1:-1]:
        found.unplaced(cell, "I.E.E.P. header")
    drafts = []
    for row in rows:
        cells = cells_of(row)
        label = cells[0]
        money = next((c for c in reversed(cells[1:]) if c.kind in (CellKind.MONEY, CellKind.NUMBER)), None)
        for cell in cells[1:]:
            if cell is not money:
                found.unplaced(cell, "I.E.E.P. table")
        drafts.append(dict(
            label=label.text,
            amount=_amount(money, found) if money else None,
            raw=money.text if money else None,
            sign=-1 if _MINUS.search(label.text) else 1,
            emphasis=label.column in row.italic,
            line=row.line,
        ))
    shape = recover([TreeItem(d["amount"], d["sign"], d["emphasis"]) for d in drafts])
    if not shape.complete and drafts:
        found.add("ieep-no-tree", "I.E.E.P. amounts admit no single tree", header.line)
    items = tuple(IeepItem(id=i, level=shape.levels[i], parent=shape.parents[i], **d) for i, d in enumerate(drafts))
    return Ieep(
        heading=heading,
        title=head[0],
        column=head[-1] if len(head) > 1 else None,
        line=header.line,
        items=items,
    )
