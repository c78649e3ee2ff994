"""The classifier: a row's kind by what it holds — a title, the office, the main-table header, an
area, sub-area or KPI row, a row of values, a note, a heading, a side-table header, an I.E.E.P.
item (label and amount), a project row, a page number. Main-table rows are placed too (see
rules.shifted_rows), by the RIFERIMENTI column of the header above them."""

from __future__ import annotations

from collections.abc import Mapping

from ..draft import Cell, Lexeme, Row, RowKind
from ..grid import NONE
from ..rules import shifted_rows
from ..rules.shifted_rows import REFERENCE_COLUMN, place
from ..side_tables import SIDE_TABLES
from ..values.cells import VALUE_KINDS, WORD_KINDS, CellKind
from ..values.names import is_office, is_project_id
from ..values.vocabulary import (
    IEEP_NAME,
    OFFICE,
    OPENING_INITIALS,
    OPENS,
    OPENS_INITIALS,
    PAGE_MARK,
    TITLE_TEXT,
    names_kpi_column,
    names_subarea_column,
    opens,
)
from . import columns

PAGE_NUMBER = "PAGE_MARK"
SIDE_HEADERS = frozenset(t.token for t in SIDE_TABLES)
# headers a page break may print again
REPEATABLE = frozenset({"TITLE", "OFFICE", "HEADER"}) | SIDE_HEADERS
# rows of a table, as opposed to lines of text
TABLE_ROWS = frozenset({"AREA_ROW", "SUBAREA_ROW", "KPI_ROW", "VALUES_ROW", "AMOUNT_ROW", "PROJECT_ROW"})
ROW_TOKEN = {kind: kind.name + "_ROW" for kind in RowKind}  # a placed row's token type
new = tuple.__new__  # (a Lexeme a row: its own constructor is a Python call)
PERCENT = CellKind.PERCENT
AMOUNTS = (CellKind.MONEY, CellKind.NUMBER)
opens_match, office_match = OPENS.match, OFFICE.match
TEXT_LIKE = frozenset({"TITLE", "OFFICE", "TEXT", "ITEM_ROW"})


def holds_project_id(cells: tuple[Cell, ...]) -> bool:
    for cell in cells:  # noqa: SIM110 (a loop, not any() over a generator: no frame a row)
        if "_" in cell.text and is_project_id(cell.text):
            return True
    return False


def no_values(row: Row) -> bool:
    return not any(c.kind in VALUE_KINDS for c in row.filled)


def opening(row: Row, following: Row | None = None) -> str | None:
    """'TITLE', 'OFFICE' or 'HEADER' when the row opens a sheet (its title, its office) or its main
    table, by what it holds — a title may wrap onto the row `following` it; else None."""
    first = row.filled[0]
    if first.text[:1] not in OPENING_INITIALS or not no_values(row):
        return None  # (most rows, at no cost)
    m = opens(first.text)
    if m is not None and m.lastgroup == "HEADER":
        return "HEADER"
    if m is not None and m.lastgroup == "TITLE":
        text = " ".join(row.texts())
        if following is not None and not following.gap:
            text += " " + " ".join(following.texts())
        return "TITLE" if TITLE_TEXT.match(text) else None
    return "OFFICE" if is_office(first.text) else None


def shape(row: Row, reference_column: int, extras: Mapping[int, str] = NONE) -> Lexeme:
    """The row's most specific reading, by what it holds; a main-table row placed, with RIFERIMENTI
    at `reference_column` (its cells in `extras`, columns the header names beyond the six, set
    apart by name). A row of several cells shaped like a table's row can be read only as
    shaped, whatever its neighbours: it has its readings already (the readings pass gives the
    others theirs)."""
    cells = row.filled
    first = cells[0]
    single = len(cells) == 1
    if single and PAGE_MARK.fullmatch(first.text):
        return new(Lexeme, (PAGE_NUMBER, row, ()))
    if first.column or first.kind is PERCENT:  # indented, or a weight that lost the cells before it
        placed = place(row, reference_column, extras)
        if single:
            return new(Lexeme, (ROW_TOKEN[placed.kind], row.placing(placed), ()))
        token = ROW_TOKEN[placed.kind]
        if holds_project_id(cells):  # an indented project row, shaped like a KPI row
            return new(Lexeme, ("PROJECT_ROW", row.placing(placed), ("PROJECT_ROW", token)))
        return new(Lexeme, (token, row.placing(placed), (token,)))
    m = opens_match(first.text) if first.text[:1] in OPENS_INITIALS else None  # (opens(), inline)
    if m:
        kind = str(m.lastgroup)
        if kind == "TITLE":
            if no_values(row) and TITLE_TEXT.match(" ".join(row.texts())):
                return new(Lexeme, ("TITLE", row, ()))
        elif kind == "HEADING":
            if single:
                return new(Lexeme, ("HEADING", row, ()))
        elif not (single and kind == "SPENDING_HEADER"):
            return new(Lexeme, (kind, row, ()))
    if not single and cells[1].kind in WORD_KINDS:
        # a header whose first cell a PDF wrapped ('AMBITO' over 'DI PERFORMANCE'): its one-word cells say
        texts = {c.text.upper() for c in cells}
        if names_kpi_column(texts):
            return new(Lexeme, ("HEADER", row, ()))
        if names_subarea_column(texts):
            return new(Lexeme, ("PROJECTS_HEADER", row, ()))
    if not single and IEEP_NAME.search(first.text) and cells[1].kind is not PERCENT:
        return new(Lexeme, ("IEEP_HEADER", row, ()))
    if office_match(first.text) and no_values(row):
        return new(Lexeme, ("OFFICE", row, ()))
    if single:
        return new(Lexeme, ("TEXT", row, ()))
    if cells[1].kind is PERCENT and first.kind not in VALUE_KINDS:
        placed = place(row, reference_column, extras)  # an area row, unless the header put RIFERIMENTI first
        token = ROW_TOKEN[placed.kind]
        return new(Lexeme, (token, row.placing(placed), (token,)))
    if holds_project_id(cells):
        return new(Lexeme, ("PROJECT_ROW", row, ("PROJECT_ROW",)))
    if cells[-1].kind in AMOUNTS and first.kind not in VALUE_KINDS:
        return new(Lexeme, ("AMOUNT_ROW", row, ("AMOUNT_ROW",)))
    return new(Lexeme, ("ITEM_ROW", row, ()))


# rows that are no main-table rows, whatever order the main table's columns are in
_NOT_MOVED = REPEATABLE | {"HEADING", PAGE_NUMBER}


def classify(rows: list[Row]) -> tuple[list[Lexeme], dict[tuple[int, int], int]]:
    """Each row's kind by what it holds; a main-table row placed by the header above it: by where
    RIFERIMENTI stands, or, for a header of the columns in another order, with its cells moved
    into the usual order first. Also (line, column moved to) -> the column in the source."""
    out = []
    reference_column = REFERENCE_COLUMN
    moved: dict[int, int] | None = None  # the header's columns, where they are in another order
    extras: dict[int, str] = {}  # the header's columns beyond the six
    sources: dict[tuple[int, int], int] = {}
    for row in rows:
        lexeme = shape(row, reference_column, extras)
        if moved is not None and lexeme.kind not in _NOT_MOVED:
            ordered = columns.move(row, moved)
            if ordered is not row:
                sources.update({(c.line, columns.place(moved, c.column)): c.column for c in row.filled})
                lexeme = shape(ordered, reference_column, extras)
        if lexeme.kind == "HEADER":
            moved, extras = columns.by_name(row)
            reference_column = REFERENCE_COLUMN if moved is not None else shifted_rows.reference_column(row)
        elif lexeme.kind in SIDE_HEADERS:
            moved, extras = None, {}
        out.append(lexeme)
    return out, sources
