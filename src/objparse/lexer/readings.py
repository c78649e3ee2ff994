"""Readings by neighbours: every token type a row may be read as, most specific first, for the
rows whose reading the classifier could not settle alone. A line of text is a note after a table
but a stray inside one; a heading right before a side table's header is that table's heading; a
lone cell outside any table reads as a line of text."""

from __future__ import annotations

from functools import cache

from ..draft import Lexeme
from ..findings import Finding
from .kinds import ROW_TOKEN, SIDE_HEADERS, TABLE_ROWS, TEXT_LIKE

# what a run of text lines inside the main table stands between: its header or rows, and its rows
MAIN_ROWS = frozenset({"AREA_ROW", "SUBAREA_ROW", "KPI_ROW", "VALUES_ROW"})
_MAIN_ABOVE = MAIN_ROWS | {"HEADER"}


@cache
def readings(kind: str, placed: str | None, single: bool, inside: bool, before_side: bool) -> tuple[str, ...]:
    """Every token type a row may be, most specific first: `placed` is its main-table reading,
    `inside` whether it stands between two table rows, `before_side` whether a side-table header
    follows it."""
    out = [] if kind == "TEXT" or (kind == "HEADING" and not before_side) else [kind]
    if kind == "PROJECT_ROW" and placed is not None:
        out.append(placed)  # an indented project row is shaped like a KPI row
    if kind in TEXT_LIKE or kind == "HEADING":
        if inside:
            out.append("STRAY")  # a line inside a table
        out.append("TEXT")
    elif single and not inside:
        out.append("TEXT")  # a lone cell outside any table reads as a line of text
    return tuple(out)


def _next_rows(lexemes: list[Lexeme], todo: list[int]) -> dict[int, str | None]:
    """For each row to read, the kind of the first row after it that is no line of text (the rows
    with readings of their own are none)."""
    out: dict[int, str | None] = {}
    n = len(lexemes)
    for i in reversed(todo):
        following = lexemes[i + 1].kind if i + 1 < n else None
        out[i] = out[i + 1] if following in TEXT_LIKE else following
    return out


def run(lexemes: list[Lexeme]) -> tuple[list[Lexeme], list[Finding]]:
    """Each row with its readings."""
    todo = [i for i, lexeme in enumerate(lexemes) if not lexeme.readings]  # (most rows have theirs)
    if not todo:
        return lexemes, []
    out = lexemes.copy()
    next_rows = _next_rows(lexemes, todo)
    n = len(lexemes)
    before = None
    last = -1  # the row read last
    new = tuple.__new__  # (Lexeme's own constructor is a Python call)
    for i in todo:
        if i > last + 1:
            before = lexemes[i - 1].kind  # a row with readings of its own, read as shaped
        last = i
        kind, row, _ = lexemes[i]
        after = lexemes[i + 1].kind if i + 1 < n else None
        placed = ROW_TOKEN[row.placed.kind] if kind == "PROJECT_ROW" and row.placed is not None else None
        # a line of text inside a table: between two of its rows, right under a side table's
        # header and over its rows, or under an I.E.E.P. item with no blank line between (a
        # label wrapped, or an item whose amount is missing); lines of text between the main
        # table's header or rows and more of its rows (a subtitle, a heading of the areas below)
        inside = ((before in TABLE_ROWS and after in TABLE_ROWS) or (before == "AMOUNT_ROW" and not row.gap)
                  or (before in SIDE_HEADERS and after in TABLE_ROWS and not row.gap)
                  or (kind in TEXT_LIKE and before in _MAIN_ABOVE and next_rows[i] in MAIN_ROWS))
        out[i] = new(Lexeme, (kind, row, readings(kind, placed, len(row.filled) == 1, inside,
                                                  after in SIDE_HEADERS)))
        if not (inside and kind in TEXT_LIKE):
            before = kind  # a line inside a table leaves the rows under it in the table's context
    return out, []
