"""XLSX: one worksheet per tidy table, written with xlsxwriter (imported when first used).

Numbers are real numeric cells; since a spreadsheet holds binary floats, each decimal column has
an `_exact` text column beside it with the value exactly as the JSON has it. Text is always
written as text — never a formula, a number or a link, whatever it starts with. The header row
is frozen and filtered; columns are as wide as their contents (within reason).
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from ..model import Document
from .tables import BOOLEAN, DATE, INTEGER, NUMBER, TABLES, exact_text, table_rows

MAX_WIDTH = 60


def columns(table_columns: tuple[Any, ...]) -> list[tuple[str, str, int, bool]]:
    """(name, type, index of its value in a table row, exact text?) of each worksheet column: a
    decimal column is followed by its exact text."""
    out: list[tuple[str, str, int, bool]] = []
    for i, c in enumerate(table_columns):
        out.append((c.name, c.type, i, False))
        if c.type == NUMBER:
            out.append((f"{c.name}_exact", "string", i, True))
    return out


class XlsxTables:
    """Writes the tables into a workbook, one document at a time: constant memory mode flushes
    each row as it is written."""

    def __init__(self) -> None:
        import xlsxwriter

        self.buffer = io.BytesIO()
        self.book = xlsxwriter.Workbook(self.buffer, {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False, "in_memory": False})
        header = self.book.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1})
        self.date = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.sheets = []
        for table in TABLES:
            sheet = self.book.add_worksheet(table.name[:31])
            cols = columns(table.columns)
            for j, (name, _, _, _) in enumerate(cols):
                sheet.write_string(0, j, name, header)
            sheet.freeze_panes(1, 0)
            self.sheets.append([sheet, table, cols, 1, [len(name) for name, _, _, _ in cols]])

    def write(self, doc: Document) -> None:
        from datetime import date

        for entry in self.sheets:
            sheet, table, cols, r, widths = entry
            for row in table_rows(doc, table):
                for j, (_, kind, at, exact) in enumerate(cols):
                    value = row[at]
                    if value is None:
                        continue
                    if exact:
                        text = exact_text(value)
                        sheet.write_string(r, j, text)
                    elif kind in (NUMBER, INTEGER) and isinstance(value, int | Decimal) and not isinstance(value, bool):
                        sheet.write_number(r, j, value)
                        text = str(value)
                    elif kind == BOOLEAN:
                        sheet.write_boolean(r, j, bool(value))
                        text = "FALSE"  # the widest it shows
                    elif kind == DATE:
                        sheet.write_datetime(r, j, date.fromisoformat(value), self.date)
                        text = value
                    else:
                        text = str(value)
                        sheet.write_string(r, j, text)
                    widths[j] = max(widths[j], min(len(text), MAX_WIDTH))
                r += 1
            entry[3] = r

    def close(self) -> bytes:
        for sheet, _, cols, r, widths in self.sheets:
            sheet.autofilter(0, 0, max(r - 1, 0), len(cols) - 1)
            for j, width in enumerate(widths):
                sheet.set_column(j, j, width + 2)
        self.book.close()
        return self.buffer.getvalue()
