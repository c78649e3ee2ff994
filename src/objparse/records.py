"""The grid -> Rows: every row with a non-empty cell, each cell cleaned and classified once.

Cells are cleaned (export markup removed, spaces folded) and placed relative to where the sheet
starts: an export whose every row begins with empty cells reads as the same sheet unshifted
(`Rows.offset` says by how many columns, for reporting places in the source).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import NamedTuple

from .draft import Cell, Row
from .grid import NONE, Grid
from .values.cells import CellKind, classify
from .values.numbers import MAX_NUMERAL, VALUE, too_long
from .values.text import folded

# only the markup exports really leave: formatting tags, and entities written in full ('&amp;',
# '&#224;'); a '<' or '&' in the text itself ('A<B e C>D', 'INPS&regioni') stays as it is
_TAG = re.compile(r"</?(?P<name>i|em|b|strong|u|s|br|span|font|p|div|sup|sub|small)"
                  r"""(?:\s+[A-Za-z-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s<>"']+))*\s*/?>""", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_ITALIC = re.compile(r"<(?:i|em)\b", re.IGNORECASE)
_NO_ITALIC: frozenset[int] = frozenset()
# what makes a line need more than str.strip per cell: markup, two spaces in a row, or any white
# space but a space, a tab or a line end (no-break spaces, CR, vertical tab, U+2028 …, as str.isspace
# has them); a grid's rows are tested only for the marks its text holds at all
_MARKS = ("<", "&", "  ", *"\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
          "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


@lru_cache(maxsize=64)
def _search(marks: tuple[str, ...]) -> Callable[[str], object] | None:
    return re.compile("|".join(map(re.escape, marks))).search if marks else None


def needs_cleaning(text: str) -> Callable[[str], object] | None:
    """A test of whether a row of the text needs cleaning, or None when none does."""
    return _search(tuple(m for m in _MARKS if m in text))


def clean(cell: str) -> str:
    if "<" in cell:
        cell = _TAG.sub(lambda m: " " if m.group("name").lower() == "br" else "", cell)
    if "&" in cell:
        import html  # (here: few cells hold an entity, and the module costs every start-up)

        cell = _ENTITY.sub(lambda m: html.unescape(m.group()), cell)
    return folded(cell) if cell else cell


class Rows(NamedTuple):
    rows: list[Row]
    offset: int  # empty columns every row began with, removed
    notes: tuple[tuple[str, str, int | None, int | None], ...] = ()  # (code, message, line, column)
    spans: Mapping[tuple[int, int], int] | None = None  # (line, column) -> last line of its merged range, if known
    pages: Mapping[int, int] = NONE  # line -> page
    whole: bool = False  # no cell continues on the row below


MAX_FIELDS = 1_000_000  # cells, empty ones included (a tab each): a sheet has about a thousand
MAX_CELLS = 200_000  # non-empty cells: a file of sixty sheets holds some fifty thousand


class TooManyCells(ValueError):
    """More cells than any file of sheets holds: the file is refused before its cells fill memory."""


def fields(text: str) -> None:
    """Raise TooManyCells for a text of more cells (empty ones included) than any file holds:
    counted on the text, before anything is split."""
    count = text.count("\t") + text.count("\n") + 1
    if count > MAX_FIELDS:
        raise TooManyCells(f"{count:,} cells, more than the {MAX_FIELDS:,} any file of sheets holds")


def read(grid: Grid) -> Rows:
    """Every row of the grid with a non-empty cell, blank lines (page breaks, spacing) dropped.
    Raises TooManyCells past MAX_CELLS non-empty cells."""
    notes: list[tuple[str, str, int | None, int | None]] = []
    new, strip, cell_kind = tuple.__new__, str.strip, classify
    rows: list[Row] = []
    shift = grid.shift  # columns taken off every cell as it is made
    marked = grid.italic
    # which cleaning the rows need at all, found once; most rows then need only str.strip
    dirty = grid.marks
    last = 0  # the line the row before ends on
    count = 0  # non-empty cells so far
    for number, end, raw, line in grid.rows:  # a row whose line is "\n" is always cleaned
        italic = marked.get(number, _NO_ITALIC) if marked else _NO_ITALIC
        if line == "\n" or (dirty is not None and dirty(line)):
            if any("<" in cell for cell in raw):
                italic = italic | frozenset(i - shift for i, c in enumerate(raw) if "<" in c and _ITALIC.search(c))
            cells = map(clean, raw)
        else:
            cells = map(strip, raw)
        filled = tuple([new(Cell, (c, number, i - shift, cell_kind(c))) for i, c in enumerate(cells) if c])
        if filled:
            count += len(filled)
            if count > MAX_CELLS:
                raise TooManyCells(f"more than {MAX_CELLS:,} filled cells, which no file of sheets holds")
            rows.append(new(Row, (number, end, number > last + 1, filled, italic, None, ())))
            last = end
    # numerals too long to be read (classified as text): checked on the few long text cells
    long_numbers = [c for row in rows for c in row.filled if len(c.text) > MAX_NUMERAL and c.kind is CellKind.TEXT
                    and (m := VALUE.fullmatch(c.text)) is not None and too_long(m)]
    # empty cells that were not tabs alone (none, at no cost, where the first row starts the sheet)
    rest = 0 if not rows or rows[0].filled[0].column == 0 else min(row.filled[0].column for row in rows)
    offset = shift + rest
    notes += [("long-number", f"a number of {len(c.text)} characters: read as text", c.line, c.column + 1 - rest)
              for c in long_numbers]
    # the reader's notes name columns of the source: here they are read from where the sheet starts
    notes += [(code, message, line, column - offset if column is not None else None)
              for code, message, line, column in grid.notes]
    if rest:
        rows = [row._replace(filled=tuple(c._replace(column=c.column - rest) for c in row.filled),
                             italic=frozenset(i - rest for i in row.italic)) for row in rows]
    if offset:
        notes.append(("offset", f"every row begins with {offset} empty cell{'s' * (offset > 1)}: the sheet is read "
                                f"from column {offset + 1}", None, None))
    spans = grid.spans
    if spans and offset:
        spans = {(line, column - offset): last for (line, column), last in spans.items()}
    return Rows(rows, offset, tuple(notes), spans, grid.pages, grid.whole)
