"""The lines before the main table: the title, the office, and strays."""

from __future__ import annotations

from ..draft import Preamble, Row
from ..findings import Findings


def _text(row: Row) -> str:
    return " ".join(row.texts())  # a title or office split over cells is still one line of text


def parse(preamble: Preamble, found: Findings) -> tuple[str | None, str | None]:
    """(title, office): the first title line; the first office line, else the first other line."""
    title = next((row for kind, row in preamble.lines if kind == "TITLE"), None)
    office = next((row for kind, row in preamble.lines if kind == "OFFICE"), None)
    if office is None:
        office = next((row for kind, row in preamble.lines if kind == "TEXT"), None)
        if office is not None:
            found.add("office-line", "no line names an office the usual way (DC, REG., DCM): the line after the "
                                     "title is read as the office", office.line)
    strays = [row for _, row in preamble.lines if row is not title and row is not office]
    found.set_aside(strays, "unexpected-line", "line outside the sheet's layout")
    return (_text(title) if title else None), (_text(office) if office else None)
