"""Text -> the grid: a sheet's cells separated by tabs, or, in a CSV, by ';' (Italian Excel's
"CSV (delimitato dal separatore di elenco)"), ',' or '|'.

The separator is the one that splits the main table's header into its cells (or, without a
header, the one that splits most lines); tabs where they tie. Excel's "Text (tab delimited)" and
"Unicode Text" put a cell holding a quote, a tab or a line break between double quotes, inner
quotes doubled; a cell with a line break then spans two physical lines. A tab-separated file that
reads that way throughout is read so; one that does not (a quote in the middle of a cell, a quoted
cell never closed) was never quoted, and is read as it stands. A CSV is read with the quoting of
RFC 4180, as Excel writes it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from ..errors import SheetError
from ..grid import Grid, GridRow, Note
from ..records import TooManyCells, fields, needs_cleaning
from ..values.vocabulary import MAIN_HEADER_TEXT, SHEET_WORDS, holds_main_header_words

MAX_LINES = 100_000  # a sheet has about a hundred lines: past this, a file is refused
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


DELIMITERS = ("\t", ";", ",", "|")
_NAMES = {"\t": "tabs", ";": "';'", ",": "','", "|": "'|'"}
_PROBE_LINES = 200  # the first lines, where the main table's header is (a file without one is judged on them)


def _cells(line: str, delimiter: str) -> int:
    """How many non-empty cells the line splits into."""
    try:
        return sum(1 for cell in next(csv.reader([line], delimiter=delimiter)) if cell.strip())
    except (csv.Error, StopIteration):
        return 0


def delimiter(text: str) -> str:
    """What separates the cells: the separator that splits the header into the most cells, or
    that splits the most of the first lines into two cells or more; tabs where they tie."""
    found = MAIN_HEADER_TEXT.search(text)
    if found is not None:  # the common case, at little cost: a header of tab-separated cells
        line = text[text.rfind("\n", 0, found.start()) + 1:text.find("\n", found.end()) % (len(text) + 1)]
        if line.count("\t") >= 3:
            return "\t"
    lines = [line for line in text.split("\n", _PROBE_LINES)[:_PROBE_LINES] if line.strip()]
    header = next((line for line in lines if holds_main_header_words(line.lower())), None)
    if header is not None:
        counts = {d: _cells(header, d) for d in DELIMITERS}
    else:
        counts = {d: sum(_cells(line, d) > 1 for line in lines) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals: tabs


def _csv_records(text: str, separator: str) -> list[GridRow]:
    """The records of a CSV (RFC 4180 quoting), each with the lines it starts and ends on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    records, start = [], 1
    limit = csv.field_size_limit(len(text) + 1)
    try:
        for record in reader:
            records.append((start, reader.line_num, record, "\n"))
            start = reader.line_num + 1
    finally:
        csv.field_size_limit(limit)
    return records


def _leading_tabs(text: str) -> int:
    """The tabs every non-blank line begins with: the columns the sheet is offset by, found on
    the lines before they are split (zero, at no cost, when the first line is not indented)."""
    if not text.lstrip("\n\r").startswith("\t"):
        return 0
    return min((len(line) - len(line.lstrip("\t")) for line in text.split("\n") if line and not line.isspace()),
               default=0)


def names_a_sheet(text: str) -> bool:
    """Does the text hold the words of an objective sheet (its title, its main table's header)?"""
    return SHEET_WORDS.search(text) is not None


def grid(text: str, name: str, decoding: tuple[Note, ...] = ()) -> Grid:
    """The grid of a sheet's text (LF line ends); SheetError for a text that is no sheet, or
    larger than any file of sheets."""
    if not SHEET_WORDS.search(text):  # cheap, before any work: most files that are no sheet end here
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
    separator = delimiter(text)
    if separator != "\t":
        records = _csv_records(text, separator)
        notes: tuple[Note, ...] = (("delimiter", f"cells separated by {_NAMES[separator]}: read as a CSV", None, None),)
        return Grid(records, notes + _line_breaks(records), decoding)
    quoted = _excel_records(text) if _quotes_a_cell(text) else None
    if quoted is None:
        return Grid(_plain_records(text), decoding=decoding, shift=_leading_tabs(text), marks=needs_cleaning(text))
    # a quoted record always goes through cleaning (its "line" is "\n"): it may hold a line break
    rows = [(n, end, record, "\n") for n, end, record in quoted]
    notes = (("excel-quoting", "read as Excel's quoted text: quotes around cells removed, doubled quotes read as one",
              None, None),)
    return Grid(rows, notes + _line_breaks(rows), decoding)


def _line_breaks(records: list[GridRow]) -> tuple[Note, ...]:
    """A note for each quoted cell that spans lines."""
    return tuple(("quoted-cell", "a quoted cell spans lines: its line break read as a space", number, i + 1)
                 for number, _, record, _ in records for i, cell in enumerate(record) if "\n" in cell)
