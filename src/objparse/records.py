"""text -> Rows: every non-blank line split into cells, each cell cleaned and classified once.

Cells are cleaned (export markup removed, spaces folded) and placed relative to where the sheet
starts: an export whose every row begins with empty cells reads as the same sheet unshifted
(`Rows.offset` says by how many columns, for reporting places in the source).
"""

from __future__ import annotations

import html
import re
from typing import Iterator

import attrs

from .draft import Cell, Row
from .values.cells import classify

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ITALIC = re.compile(r"<(?:i|em)\b", re.IGNORECASE)
_SPACE = re.compile(r"[\s\u00a0\u202f]+")
_NO_ITALIC: frozenset[int] = frozenset()


def _dirty(line: str) -> bool:
    """Does the line need more than str.strip per cell: tags, entities, runs of or odd spaces
    inside a cell? (Plain `in` tests: several times faster than one regex search.)"""
    return ("<" in line or "&" in line or "  " in line or "\u00a0" in line or "\u202f" in line
            or "\r" in line or "\x0b" in line or "\x0c" in line)


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


def _cleaned(text: str) -> Iterator[tuple[int, list[str], frozenset[int]]]:
    """(line number, cleaned cells, italic columns) of every line with a non-empty cell."""
    strip = str.strip
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.isspace():
            continue
        raw = line.split("\t")
        if _dirty(line):
            italic = frozenset(i for i, c in enumerate(raw) if "<" in c and _ITALIC.search(c))
            cells = [clean(c) for c in raw]
        else:
            italic = _NO_ITALIC
            cells = [strip(c) for c in raw]
        if any(cells):
            yield number, cells, italic


def _first(cells: list[str]) -> int:
    for i, cell in enumerate(cells):
        if cell:
            return i
    return len(cells)


def read(text: str) -> Rows:
    """Every row of the sheet with a non-empty cell, blank lines (page breaks, spacing) dropped."""
    lines = list(_cleaned(text))
    offset = min((_first(cells) for _, cells, _ in lines), default=0)
    rows = []
    for number, cells, italic in lines:
        if offset:
            cells = cells[offset:]
            italic = frozenset(i - offset for i in italic)
        filled = tuple(Cell(c, number, i, classify(c)) for i, c in enumerate(cells) if c)
        rows.append(Row(number, tuple(cells), filled, italic))
    return Rows(rows, offset)
