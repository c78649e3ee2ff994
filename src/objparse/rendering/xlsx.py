"""The layout as an Excel workbook (xlsxwriter): values as numbers with the number formats that
show them as the sheet printed them, merged ranges, italic cells, borders around the tables."""

from __future__ import annotations

import io
import re
from typing import Any

from ..values.vocabulary import SHEET
from .cells import stored
from .layout import Italic, Layout, text_of


def sheet_name(title: str | None) -> str:
    """A worksheet's name from the title: 'Obiettivi 2025' (at most 31 characters, none of []:*?/\\)."""
    year = re.search(r"\b(?:19|20)\d\d\b", title or "")
    return f"{SHEET} {year.group()}" if year else SHEET


def workbook(out: Layout, title: str | None) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    book.set_properties({"created": __import__("datetime").datetime(2000, 1, 1)})
    ws = book.add_worksheet(sheet_name(title))
    formats: dict[tuple[str, bool, bool], Any] = {}

    def fmt(code: str, italic: bool, ruled: bool) -> Any:
        key = (code, italic, ruled)
        if key not in formats:
            options: dict[str, Any] = {"num_format": code, "text_wrap": True, "valign": "top"}
            if italic:
                options["italic"] = True
            if ruled:
                options["border"] = 1
            formats[key] = book.add_format(options)
        return formats[key]

    ruled = {r for first, last in out.tables for r in range(first, last + 1)}
    merged = {(first, column): last for first, column, last in out.merges}
    covered = {(r, column) for first, column, last in out.merges for r in range(first + 1, last + 1)}
    for r, row in enumerate(out.rows):
        for c, cell in enumerate(row):
            if (r, c) in covered:
                continue
            text = text_of(cell)
            value = stored(text) if text else None
            style = fmt(value[1] if value else "@", isinstance(cell, Italic), r in ruled)
            data: Any = value[0] if value else text
            if (r, c) in merged:
                ws.merge_range(r, c, merged[(r, c)], c, data, style)
            elif value:
                ws.write_number(r, c, data, style)
            elif text or r in ruled:
                ws.write_string(r, c, text, style)
    ws.set_column(0, 5, 24)
    book.close()
    return buffer.getvalue()
