"""XLSX: one worksheet per tidy table, written with xlsxwriter (imported when first used).

Numbers are real numeric cells, shown as the sheet shows them (`10%`, `4.249.834.748 €`, `1,013`
in an Italian Excel); since a spreadsheet holds binary floats, each decimal column has an
`_exact` text column beside it with the value exactly as the JSON has it (marked, so Excel does
not flag a number stored as text). Text is always written as text — never a formula, a number
or a link, whatever it starts with; text longer than a cell holds is cut there and said (the
JSON holds it whole). Dates a workbook cannot hold (before 1900) are ISO text. The header row
is frozen and filtered; columns are as wide as their contents (within reason). The same
documents give the same bytes: the workbook's creation date is fixed.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from decimal import Decimal
from typing import Any

from ..model import Document
from .tables import BOOLEAN, DATE, INTEGER, NUMBER, TABLES, Column, exact_text, table_rows

MAX_WIDTH = 60
MAX_TEXT = 32_767  # characters a cell holds
FIRST_DATE = dt.date(1900, 1, 1)  # the first day of a workbook's calendar
CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_UNIT_FORMATS = {"%": '0{}"%"', "EUR": '#,##0{} "€"', None: "#,##0{}"}


def columns(table_columns: tuple[Column, ...]) -> list[tuple[str, str, int, bool]]:
    """(name, type, index of its value in a table row, exact text?) of each worksheet column: a
    decimal column is followed by its exact text."""
    out: list[tuple[str, str, int, bool]] = []
    for i, c in enumerate(table_columns):
        out.append((c.name, c.type, i, False))
        if c.type == NUMBER:
            out.append((f"{c.name}_exact", "string", i, True))
    return out


def number_format(value: Decimal | int, unit: str | None) -> str:
    """The format that shows a number as the sheet prints it: its decimals, and its unit."""
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    places = -exponent if isinstance(exponent, int) else 0
    decimals = "." + "0" * places if places > 0 else ""
    return _UNIT_FORMATS.get(unit, _UNIT_FORMATS[None]).format(decimals)


class XlsxTables:
    """Writes the tables into a workbook, one document at a time: constant memory mode flushes
    each row as it is written, into temporary files that are removed however the run ends."""

    def __init__(self) -> None:
        import xlsxwriter

        self._tmpdir = tempfile.mkdtemp(prefix="objparse-xlsx-")
        self.buffer = io.BytesIO()
        self.warnings: list[str] = []
        self.book = xlsxwriter.Workbook(self.buffer, {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False, "in_memory": False, "tmpdir": self._tmpdir})
        self.book.set_properties({"created": CREATED})
        header = self.book.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1})
        self.date = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.formats: dict[str, Any] = {}
        self.sheets = []
        for table in TABLES:
            sheet = self.book.add_worksheet(table.name[:31])
            cols = columns(table.columns)
            for j, (name, _, _, _) in enumerate(cols):
                sheet.write_string(0, j, name, header)
            sheet.freeze_panes(1, 0)
            self.sheets.append([sheet, table, cols, 1, [len(name) for name, _, _, _ in cols]])

    def __enter__(self) -> XlsxTables:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self._tmpdir, ignore_errors=True)

    def _format(self, value: Decimal | int, unit: str | None) -> Any:
        code = number_format(value, unit)
        if code not in self.formats:
            self.formats[code] = self.book.add_format({"num_format": code})
        return self.formats[code]

    def _text(self, sheet: Any, table: str, r: int, j: int, name: str, text: str) -> None:
        if len(text) > MAX_TEXT:
            self.warnings.append(f"{table} row {r + 1}, {name}: {len(text):,} characters, more than a cell holds: "
                                 f"cut to {MAX_TEXT:,} (the JSON holds it whole)")
            text = text[:MAX_TEXT]
        sheet.write_string(r, j, text)

    def write(self, doc: Document) -> None:
        for entry in self.sheets:
            sheet, table, cols, r, widths = entry
            units = [table.columns[at].unit for _, _, at, _ in cols]
            for row in table_rows(doc, table):
                for j, (name, kind, at, exact) in enumerate(cols):
                    value = row[at]
                    if value is None:
                        continue
                    if exact:
                        text = exact_text(value)
                        self._text(sheet, table.name, r, j, name, text)
                    elif kind in (NUMBER, INTEGER) and isinstance(value, int | Decimal) and not isinstance(value, bool):
                        unit = units[j]
                        if unit is not None and unit.startswith("column:"):
                            unit = row[table.names.index(unit[7:])]
                        sheet.write_number(r, j, value, self._format(value, unit) if kind == NUMBER else None)
                        text = str(value)
                    elif kind == BOOLEAN:
                        sheet.write_boolean(r, j, bool(value))
                        text = "FALSE"  # the widest it shows
                    elif kind == DATE and dt.date.fromisoformat(value) >= FIRST_DATE:
                        sheet.write_datetime(r, j, dt.date.fromisoformat(value), self.date)
                        text = value
                    else:
                        text = str(value)
                        self._text(sheet, table.name, r, j, name, text)
                    widths[j] = max(widths[j], min(len(text), MAX_WIDTH))
                r += 1
            entry[3] = r

    def close(self) -> bytes:
        from xlsxwriter.utility import xl_col_to_name

        for sheet, _, cols, r, widths in self.sheets:
            sheet.autofilter(0, 0, max(r - 1, 0), len(cols) - 1)
            for j, width in enumerate(widths):
                sheet.set_column(j, j, width + 2)
            exact = " ".join(f"{xl_col_to_name(j)}1:{xl_col_to_name(j)}1048576" for j, c in enumerate(cols) if c[3])
            if exact:
                sheet.ignore_errors({"number_stored_as_text": exact})
        self.book.close()
        return self.buffer.getvalue()

