"""Text -> the grid: a tab-separated sheet, as it stands or quoted the way Excel quotes.

Excel's "Text (tab delimited)" and "Unicode Text" put a cell holding a quote, a tab or a line
break between double quotes, inner quotes doubled; a cell with a line break then spans two
physical lines. A file that reads that way throughout is read so; one that does not (a quote in
the middle of a cell, a quoted cell never closed) was never quoted, and is read as it stands.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from ..errors import SheetError
from ..grid import Grid, GridRow, Note
from ..records import TooManyCells, fields, needs_cleaning

MAX_LINES = 100_000  # a sheet has about a hundred lines: past this, a file is refused
_SHEET_WORDS = re.compile(r"obiettivi|ambit[oi]\s+di\s+performance", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _quotes_a_cell(text: str) -> bool:
    """Does a cell start with a double quote (the file may be quoted the way Excel quotes)?"""
    return text.startswith('"') or '\t"' in text or '\n"' in text


def _excel_records(text: str) -> list[tuple[int, int, list[str]]] | None:
    """The records of a file quoted the way Excel quotes, each with the lines it starts and ends
    on; None when the file does not read that way throughout."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel-tab", strict=True)
    records, start = [], 1
    limit = csv.field_size_limit(len(text) + 1)  # a cell may be as long as the file; the module's limit is restored
    try:
        for record in reader:
            records.append((start, reader.line_num, record))
            start = reader.line_num + 1
    except csv.Error:
        return None
    finally:
        csv.field_size_limit(limit)
    return records


def _plain_records(text: str) -> Iterator[GridRow]:
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


def grid(text: str, name: str, decoding: tuple[Note, ...] = ()) -> Grid:
    """The grid of a sheet's text (LF line ends); SheetError for a text that is no sheet, or
    larger than any file of sheets."""
    if not _SHEET_WORDS.search(text):  # cheap, before any work: most files that are no sheet end here
        raise SheetError("not an objective sheet: no title and no main-table header", name)
    lines = text.count("\n") + (not text.endswith("\n"))
    if lines > MAX_LINES:
        raise SheetError(f"{lines} lines, more than the {MAX_LINES} any sheet has", name)
    try:
        fields(text)
    except TooManyCells as exc:
        raise SheetError(str(exc), name) from None
    if _SURROGATE.search(text):  # text that no file could hold (lone surrogates, through parse_text)
        text = _SURROGATE.sub("\ufffd", text)
        decoding += (("bad-characters", "characters that are not text replaced by U+FFFD", None, None),)
    quoted = _excel_records(text) if _quotes_a_cell(text) else None
    if quoted is None:
        return Grid(_plain_records(text), decoding=decoding, shift=_leading_tabs(text), marks=needs_cleaning(text))
    notes: tuple[Note, ...] = (("excel-quoting", "read as Excel's quoted text: quotes around cells removed, doubled "
                                                 "quotes read as one", None, None),)
    notes += tuple(("quoted-cell", "a quoted cell spans lines: its line break read as a space", number, i + 1)
                   for number, _, record in quoted for i, cell in enumerate(record) if "\n" in cell)
    # a quoted record always goes through cleaning (its "line" is "\n"): it may hold a line break
    return Grid([(n, end, record, "\n") for n, end, record in quoted], notes, decoding)
