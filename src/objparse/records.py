"""text -> Rows: every non-blank line split into cells, each cell cleaned and classified once.

Cells are cleaned (export markup removed, spaces folded) and placed relative to where the sheet
starts: an export whose every row begins with empty cells reads as the same sheet unshifted
(`Rows.offset` says by how many columns, for reporting places in the source).
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator

import attrs

from .draft import Cell, Row
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
# what makes a line need more than str.strip per cell: markup, and spaces to fold
# markup, two spaces in a row, or any white space but a space or a tab (no-break spaces, CR, vertical
# tab, U+2028 …): a line holding one is cleaned cell by cell, the others need only str.strip
_NEEDS_CLEANING = re.compile(r"[<&]|[^\S \t\n]| {2}")


def clean(cell: str) -> str:
    if "<" in cell:
        cell = _TAG.sub(lambda m: " " if m.group("name").lower() == "br" else "", cell)
    if "&" in cell:
        cell = _ENTITY.sub(lambda m: html.unescape(m.group()), cell)
    return folded(cell) if cell else cell


@attrs.frozen
class Rows:
    rows: list[Row]
    offset: int  # empty columns every row began with, removed
    notes: tuple[tuple[str, str, int | None, int | None], ...] = ()  # (code, message, line, column)




def _quotes_a_cell(text: str) -> bool:
    """Does a cell start with a double quote (the file may be quoted the way Excel quotes)?"""
    return text.startswith('"') or '\t"' in text or '\n"' in text


def _excel_records(text: str) -> list[tuple[int, int, list[str]]] | None:
    """The records of a file quoted the way Excel's "Text (tab delimited)" and "Unicode Text"
    quote (a cell holding a quote, a tab or a line break between double quotes, inner quotes
    doubled), each with the line it starts on; None when the file does not read that way
    throughout (a quote in the middle of a cell, a quoted cell not closed): then it was never
    quoted, and reads as it stands."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel-tab", strict=True)
    records, start = [], 1
    limit = csv.field_size_limit(len(text) + 1)  # a cell may be as long as the file; the module's limit is restored
    try:
        for record in reader:
            records.append((start, reader.line_num, record))  # the lines it starts and ends on
            start = reader.line_num + 1
    except csv.Error:
        return None
    finally:
        csv.field_size_limit(limit)
    return records


def _plain_records(text: str) -> Iterator[tuple[int, int, list[str], str]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line and not line.isspace():
            yield number, number, line.split("\t"), line


def _leading_tabs(text: str) -> int:
    """The tabs every non-blank line begins with: the columns the sheet is offset by, found on
    the lines before they are split (zero, at no cost, when the first line is not indented)."""
    if not text.lstrip("\n\r").startswith("\t"):
        return 0
    return min((len(line) - len(line.lstrip("\t")) for line in text.split("\n") if line and not line.isspace()),
               default=0)


MAX_FIELDS = 1_000_000  # cells, empty ones included (a tab each): a sheet has about a thousand
MAX_CELLS = 200_000  # non-empty cells: a file of sixty sheets holds some fifty thousand


class TooManyCells(ValueError):
    """More cells than any file of sheets holds: the file is refused before its cells fill memory."""


def read(text: str) -> Rows:
    """Every row of the sheet with a non-empty cell, blank lines (page breaks, spacing) dropped.
    Raises TooManyCells past MAX_FIELDS cells or MAX_CELLS non-empty ones."""
    fields = text.count("\t") + text.count("\n") + 1
    if fields > MAX_FIELDS:
        raise TooManyCells(f"{fields:,} cells, more than the {MAX_FIELDS:,} any file of sheets holds")
    notes: list[tuple[str, str, int | None, int | None]] = []
    quoted = _excel_records(text) if _quotes_a_cell(text) else None
    # which cleaning the file needs at all, found once; most lines then need only str.strip
    needs_cleaning = _NEEDS_CLEANING.search if _NEEDS_CLEANING.search(text) else None
    records = ((n, end, r, "\n") for n, end, r in quoted) if quoted is not None else _plain_records(text)
    new, make, strip, cell_kind = tuple.__new__, object.__new__, str.strip, classify
    rows: list[Row] = []
    shift = _leading_tabs(text) if quoted is None else 0  # columns taken off every cell as it is made
    last = 0  # the line the row before ends on
    count = 0  # non-empty cells so far
    for number, end, raw, line in records:  # a quoted record's line is "\n": it is always cleaned
        italic = _NO_ITALIC
        if line == "\n" or (needs_cleaning is not None and needs_cleaning(line)):
            if any("<" in cell for cell in raw):
                italic = frozenset(i - shift for i, c in enumerate(raw) if "<" in c and _ITALIC.search(c))
            cells = map(clean, raw)
        else:
            cells = map(strip, raw)
        filled = tuple([new(Cell, (c, number, i - shift, cell_kind(c))) for i, c in enumerate(cells) if c])
        if filled:
            count += len(filled)
            if count > MAX_CELLS:
                raise TooManyCells(f"more than {MAX_CELLS:,} filled cells, which no file of sheets holds")
            row = make(Row)  # Row's fields set here: the loop runs once a line
            row.line, row.filled, row.italic, row.placed, row.type, row.taken = number, filled, italic, None, "", ()
            row.gap, row.end = number > last + 1, end
            rows.append(row)
            last = end
    # numerals too long to be read (classified as text): checked on the few long text cells
    long_numbers = [c for row in rows for c in row.filled if len(c.text) > MAX_NUMERAL and c.kind is CellKind.TEXT
                    and (m := VALUE.fullmatch(c.text)) is not None and too_long(m)]
    rest = min((row.filled[0].column for row in rows), default=0)  # empty cells that were not tabs alone
    offset = shift + rest
    notes += [("long-number", f"a number of {len(c.text)} characters: read as text", c.line, c.column + 1 - rest)
              for c in long_numbers]
    if quoted is not None:
        notes.append(("excel-quoting", "read as Excel's quoted text: quotes around cells removed, doubled "
                                       "quotes read as one", None, None))
        notes += [("quoted-cell", "a quoted cell spans lines: its line break read as a space", number, i + 1 - offset)
                  for number, _, record in quoted for i, cell in enumerate(record) if "\n" in cell]
    if rest:
        for row in rows:
            row.filled = tuple(c._replace(column=c.column - rest) for c in row.filled)
            row.italic = frozenset(i - rest for i in row.italic)
    if offset:
        notes.append(("offset", f"every row begins with {offset} empty cell{'s' * (offset > 1)}: the sheet is read "
                                f"from column {offset + 1}", None, None))
    return Rows(rows, offset, tuple(notes))
