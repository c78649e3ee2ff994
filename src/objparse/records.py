"""text -> Rows: every non-blank line split into cells, each cell cleaned and classified once.

Cells are cleaned (export markup removed, spaces folded) and placed relative to where the sheet
starts: an export whose every row begins with empty cells reads as the same sheet unshifted
(`Rows.offset` says by how many columns, for reporting places in the source).
"""

from __future__ import annotations

import html
import re

import attrs

from .draft import Cell, Row
from .values.cells import classify

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ITALIC = re.compile(r"<(?:i|em)\b", re.IGNORECASE)
_SPACE = re.compile(r"[\s\u00a0\u202f]+")
_NO_ITALIC: frozenset[int] = frozenset()
# what makes a line need more than str.strip per cell: markup, and spaces to fold
_MARKUP = ("<", "&")
_SPACES = ("  ", "\u00a0", "\u202f", "\r", "\x0b", "\x0c")


def clean(cell: str) -> str:
    if "<" in cell:
        cell = _TAG.sub("", cell)
    if "&" in cell:
        cell = html.unescape(cell)
    return _SPACE.sub(" ", cell).strip() if cell else cell


@attrs.frozen
class Rows:
    rows: list[Row]
    offset: int  # empty columns every row began with, removed


def read(text: str) -> Rows:
    """Every row of the sheet with a non-empty cell, blank lines (page breaks, spacing) dropped."""
    # which cleaning the file needs at all, found once; most lines then need only str.strip
    marks = tuple(m for m in _MARKUP + _SPACES if m in text)
    new, make, strip, cell_kind = tuple.__new__, object.__new__, str.strip, classify
    rows: list[Row] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.isspace():
            continue
        raw = line.split("\t")
        italic = _NO_ITALIC
        if marks and any(m in line for m in marks):
            if "<" in line:
                italic = frozenset(i for i, c in enumerate(raw) if "<" in c and _ITALIC.search(c))
            cells = map(clean, raw)
        else:
            cells = map(strip, raw)
        filled = tuple([new(Cell, (c, number, i, cell_kind(c))) for i, c in enumerate(cells) if c])
        if filled:
            row = make(Row)  # Row's fields set here: the loop runs once a line
            row.line, row.filled, row.italic, row.placed, row.type = number, filled, italic, None, ""
            rows.append(row)
    offset = min((row.filled[0].column for row in rows), default=0)
    if offset:
        rows = [Row(row.line, tuple(c._replace(column=c.column - offset) for c in row.filled),
                    frozenset(i - offset for i in row.italic)) for row in rows]
    return Rows(rows, offset)
