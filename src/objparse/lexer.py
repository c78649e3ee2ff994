"""Rows -> tokens for the grammar (grammar/sheet.lark): one token a row.

Each row is classified once, by what it holds (the one cell classifier): a title, the office, the
main-table header, an area, sub-area or KPI row, a row of values, a note, a heading, a side-table
header, an I.E.E.P. item (label and amount), a project row. Some rows allow more than one
reading — a line of text is a note after the table but a stray inside it, a title-shaped line
after the table is a note — so each row carries its readings, most specific first, and the
lexer gives the parser the first one the parser's state accepts (the way Lark's own contextual
lexer works). What no state accepts is a grammar error, which the parser recovers from.

Page numbers that a PDF export leaves behind, and page headers repeated after a page break,
are taken off the stream here (as comments are): page breaks may fall anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lark.lexer import Lexer

from .draft import Cell, Row
from .rules import shifted_rows, wrapped_cells
from .rules.shifted_rows import REFERENCE_COLUMN, place
from .side_tables import SIDE_TABLES
from .values.cells import VALUE_KINDS, WORD_KINDS, CellKind
from .values.names import is_office, is_project_id
from .values.vocabulary import (
    BARE_PAGE_MARK,
    IEEP_NAME,
    OPENING_INITIALS,
    OPENS,
    PAGE_MARK,
    TITLE_TEXT,
    names_kpi_column,
    names_subarea_column,
)

SIDE_HEADERS = frozenset(t.token for t in SIDE_TABLES)
# headers a page break may print again; the repeat is dropped
_REPEATABLE = frozenset({"TITLE", "OFFICE", "HEADER"}) | SIDE_HEADERS
# rows of a table, as opposed to lines of text
_TABLE_ROWS = frozenset({"AREA_ROW", "SUBAREA_ROW", "KPI_ROW", "VALUES_ROW", "AMOUNT_ROW", "PROJECT_ROW"})
_TEXT_LIKE = frozenset({"TITLE", "OFFICE", "TEXT", "ITEM_ROW"})
# headers whose long cells a PDF export may print on two lines
_WRAPPING_HEADERS = frozenset({"HEADER", "PROJECTS_HEADER", "IEEP_HEADER"})
# rows that never hold the starts of a table header's cells
_NOT_HEADER_STARTS = _REPEATABLE | {"HEADING"}
# rows that name a sub-area, whose name a PDF may wrap above the row's other cells
_NAMING_ROWS = frozenset({"AREA_ROW", "SUBAREA_ROW"})
PAGE_NUMBER = "PAGE_MARK"
_PREAMBLE = frozenset({"TITLE", "OFFICE", "TEXT"})  # what stands before the main table


def _holds_project_id(cells: tuple[Cell, ...]) -> bool:
    return any("_" in c.text and is_project_id(c.text) for c in cells)


def _no_values(row: Row) -> bool:
    return not any(c.kind in VALUE_KINDS for c in row.filled)


def opening(row: Row, following: Row | None = None) -> str | None:
    """'TITLE', 'OFFICE' or 'HEADER' when the row opens a sheet (its title, its office) or its main
    table, by what it holds — a title may wrap onto the row `following` it; else None."""
    first = row.filled[0]
    if first.text[:1] not in OPENING_INITIALS or not _no_values(row):
        return None  # (most rows, at no cost)
    m = OPENS.match(first.text)
    if m is not None and m.lastgroup == "HEADER":
        return "HEADER"
    if m is not None and m.lastgroup == "TITLE":
        text = " ".join(row.texts())
        if following is not None and not following.gap:
            text += " " + " ".join(following.texts())
        return "TITLE" if TITLE_TEXT.match(text) else None
    return "OFFICE" if is_office(first.text) else None


def shape(row: Row, reference_column: int) -> str:
    """The most specific reading of a row, by what it holds; main-table rows are placed too."""
    cells = row.filled
    first = cells[0]
    single = len(cells) == 1
    if single and PAGE_MARK.fullmatch(first.text):
        return PAGE_NUMBER
    if first.column or first.kind is CellKind.PERCENT:  # indented, or a weight that lost the cells before it
        row.placed = place(row, reference_column)
        if not single and _holds_project_id(cells):
            return "PROJECT_ROW"
        return row.placed.kind.name + "_ROW"
    m = OPENS.match(first.text)
    if m:
        kind = m.lastgroup
        if kind == "TITLE":
            if _no_values(row) and TITLE_TEXT.match(" ".join(row.texts())):
                return "TITLE"
        elif kind == "HEADING":
            if single:
                return "HEADING"
        elif not (single and kind == "SPENDING_HEADER"):
            return kind  # type: ignore[return-value]
    if not single and cells[1].kind in WORD_KINDS:
        # a header whose first cell a PDF wrapped ('AMBITO' over 'DI PERFORMANCE'): its one-word cells say
        texts = {c.text.upper() for c in cells}
        if names_kpi_column(texts):
            return "HEADER"
        if names_subarea_column(texts):
            return "PROJECTS_HEADER"
    if not single and IEEP_NAME.search(first.text) and cells[1].kind is not CellKind.PERCENT:
        return "IEEP_HEADER"
    if is_office(first.text) and _no_values(row):
        return "OFFICE"
    if single:
        return "TEXT"
    if cells[1].kind is CellKind.PERCENT and first.kind not in VALUE_KINDS:
        row.placed = place(row, reference_column)
        return row.placed.kind.name + "_ROW"  # an area row, unless the header put RIFERIMENTI first
    if _holds_project_id(cells):
        return "PROJECT_ROW"
    if cells[-1].kind in (CellKind.MONEY, CellKind.NUMBER) and first.kind not in VALUE_KINDS:
        return "AMOUNT_ROW"
    return "ITEM_ROW"


def _readings(kind: str, placed: str | None, single: bool, inside: bool, before_side: bool) -> tuple[str, ...]:
    """Every token type a row may be, most specific first: `placed` is its main-table reading,
    `inside` whether it stands between two table rows, `before_side` whether a side-table header
    follows it."""
    readings = [] if kind == "TEXT" or (kind == "HEADING" and not before_side) else [kind]
    if kind == "PROJECT_ROW" and placed is not None:
        readings.append(placed)  # an indented project row is shaped like a KPI row
    if kind in _TEXT_LIKE or kind == "HEADING":
        if inside:
            readings.append("STRAY")  # a line inside a table
        readings.append("TEXT")
    elif single and not inside:
        readings.append("TEXT")  # a lone cell outside any table reads as a line of text
    return tuple(readings)


_READINGS: dict[tuple[str, str | None, bool, bool, bool], tuple[str, ...]] = {}


class Classified:
    """The rows of a sheet with their readings, and the rows taken off the stream (page marks,
    page headers repeated after a page break)."""

    def __init__(self, rows: list[Row]):
        self.aside: list[Row] = []
        self.repeated: list[Row] = []  # page headers printed again after a page break
        self.wraps: list[tuple[str, int, int]] = []  # (what wrapped, its first line, the line it wrapped onto)
        self.readings: list[tuple[tuple[str, ...], Row]] = []
        self._read(self._shapes(rows))
        self.position = 0  # the next row to lex: after a grammar error the parser resumes there

    def _shapes(self, rows: list[Row]) -> list[tuple[str, Row]]:
        """Each row's most specific reading; page marks and repeated page headers taken off, table
        headers joined with the row their cells wrapped onto (below, or above when a PDF printed
        the other cells on the last line), and a sub-area's name with the row above that holds
        its start."""
        shapes: list[tuple[str, Row]] = []
        seen: dict[str, set[tuple[str, ...]]] = {}  # first cell -> the headers seen starting with it
        reference_column = REFERENCE_COLUMN
        header: Row | None = None  # the row before, when it was a table header
        repeat = False  # ... one printed again after a page break
        wrapped: set[tuple[str, ...]] = set()  # the rows headers wrapped onto: printed again with them
        starts: set[tuple[str, ...]] = set()  # the rows above headers holding their cells' starts: the same
        preamble = True  # no row of a table yet
        last = len(rows) - 1
        for i, row in enumerate(rows):
            if (row.gap and len(row.filled) == 1 and row.first == 0 and (i == last or rows[i + 1].gap)
                    and BARE_PAGE_MARK.fullmatch(row.filled[0].text)):
                self.aside.append(row)
                continue
            if (header is not None and not row.gap and not OPENS.match(row.filled[0].text)
                    and wrapped_cells.continues_header(header, row)):
                if not repeat:  # the header is read whole: its cells joined before any reading of it
                    header.filled = wrapped_cells.join_header(header, row)
                    self.wraps.append(("the header", header.line, row.line))
                    wrapped.add(row.texts())
                    continue
                if row.texts() in wrapped:
                    self.repeated.append(row)
                    continue
            head = row.filled[0].text
            if head in seen and row.first == 0 and row.texts() in seen[head]:
                self.repeated.append(row)  # a page header repeated after a page break: read already
                if shapes and not row.gap and shapes[-1][1].texts() in starts:
                    self.repeated.append(shapes.pop()[1])
                header, repeat = row, True
                continue
            header, repeat = None, False
            kind = shape(row, reference_column)
            if kind == PAGE_NUMBER:
                self.aside.append(row)
                continue
            if kind in _REPEATABLE:
                seen.setdefault(head, set()).add(row.texts())
                if kind == "HEADER":
                    reference_column = shifted_rows.reference_column(row)
            if kind in _WRAPPING_HEADERS:
                header = row
                self._join_header_above(shapes, row, starts)
            elif kind == "SPENDING_HEADER":
                self._join_rule_above(shapes, row)
            elif kind in _NAMING_ROWS:
                if kind == "AREA_ROW":
                    self._join_area_above(shapes, row)
                self._join_name_above(shapes, row)
            elif kind == "TEXT" and (self._continues_area_above(shapes, row)
                                     or (preamble and self._continues_title_above(shapes, row))):
                continue
            preamble = preamble and kind in _PREAMBLE
            shapes.append((kind, row))
        return shapes

    def _continues_title_above(self, shapes: list[tuple[str, Row]], row: Row) -> bool:
        """Is the line the rest of a title wrapped before its word 'performance' ('Obiettivi di'
        over 'performance organizzativa …'), at the top of the sheet? Then the two are the title."""
        if not shapes or shapes[-1][0] != "TEXT" or row.gap:
            return False
        above = shapes[-1][1]
        text = " ".join((*above.texts(), *row.texts()))
        # (a line of text alone that read as the title would be the title already)
        if above.first != row.first or not TITLE_TEXT.match(text) or not _no_values(row):
            return False
        above.filled += row.filled
        above.end = row.end
        shapes[-1] = ("TITLE", above)
        self.wraps.append(("the title", above.line, row.line))
        return True

    def _join_area_above(self, shapes: list[tuple[str, Row]], row: Row) -> None:
        """The start of the area's name ('Valore') alone on the row above the area row (a PDF
        printed the other cells on the last line), joined to it."""
        placed = row.placed
        if (shapes and shapes[-1][0] == "TEXT" and placed is not None and placed.area is not None
                and wrapped_cells.area_wraps(shapes[-1][1].filled[0], placed.area)):
            above = shapes.pop()[1]
            row.placed = wrapped_cells.join_area(placed, above.filled[0], placed.area)
            row.taken += above.filled + above.taken
            self.wraps.append(("the area", above.line, row.line))

    def _continues_area_above(self, shapes: list[tuple[str, Row]], row: Row) -> bool:
        """Is the line the rest of the area's name on the area row right above it ('Valore' over
        'Istituzionale')? Then it is joined to that row."""
        if not shapes or shapes[-1][0] != "AREA_ROW":
            return False
        area_row = shapes[-1][1]
        placed = area_row.placed
        if placed is None or placed.area is None or not wrapped_cells.area_wraps(placed.area, row.filled[0]):
            return False
        area_row.placed = wrapped_cells.join_area(placed, placed.area, row.filled[0])
        area_row.taken += row.filled + row.taken
        self.wraps.append(("the area", area_row.line, row.line))
        return True

    def _join_rule_above(self, shapes: list[tuple[str, Row]], header: Row) -> None:
        """The start of the first spending rule (the spending header's row holds it), alone on the
        row above in the rule's column (a PDF printed the other cells on the last line), joined to
        it."""
        if shapes and not header.gap and wrapped_cells.starts_last_cell(shapes[-1][1], header):
            self._take_above(shapes, header, "the spending rule")

    def _join_header_above(self, shapes: list[tuple[str, Row]], header: Row, starts: set[tuple[str, ...]]) -> None:
        """The starts of the header's wrapped cells, on the row above it (a PDF printed the other
        cells on the last line), joined to it; that row is taken off the stream."""
        if (shapes and not header.gap and shapes[-1][0] not in _NOT_HEADER_STARTS
                and wrapped_cells.starts_header(shapes[-1][1], header, OPENS.match)):
            starts.add(self._take_above(shapes, header, "the header").texts())

    def _take_above(self, shapes: list[tuple[str, Row]], header: Row, what: str) -> Row:
        """The row above, holding the starts of the header row's cells, taken off the stream and
        joined to it; the header row starts on its line."""
        above = shapes.pop()[1]
        header.filled = wrapped_cells.join_header_above(above, header)
        self.wraps.append((what, above.line, header.line))
        header.line = above.line
        return above

    def _join_name_above(self, shapes: list[tuple[str, Row]], row: Row) -> None:
        """The start of an area or sub-area row's name, on rows of its own above it (a PDF printed
        the other cells on the last line), joined to it; those rows are taken off the stream."""
        joins: list[tuple[str, int, int]] = []
        onto = row.line
        while shapes and shapes[-1][0] == "KPI_ROW":
            above, placed = shapes[-1][1], row.placed
            if above.placed is None or placed is None or not wrapped_cells.wraps_onto(above.placed, placed):
                break
            shapes.pop()
            row.placed = wrapped_cells.join_onto(above.placed, placed)
            row.taken += above.filled + above.taken
            joins.append(("the name", above.line, onto))
            onto = above.line
        self.wraps += reversed(joins)

    def _read(self, shapes: list[tuple[str, Row]]) -> None:
        """Every reading of each row, by its neighbours: a line of text inside a table, a heading
        right before a side table."""
        before = None
        last = len(shapes) - 1
        for i, (kind, row) in enumerate(shapes):
            after = shapes[i + 1][0] if i < last else None
            placed = row.placed.kind.name + "_ROW" if kind == "PROJECT_ROW" and row.placed is not None else None
            # a line of text inside a table: between two of its rows, right under a side table's
            # header and over its rows, or under an I.E.E.P. item with no blank line between (a
            # label wrapped, or an item whose amount is missing)
            inside = ((before in _TABLE_ROWS and after in _TABLE_ROWS) or (before == "AMOUNT_ROW" and not row.gap)
                      or (before in SIDE_HEADERS and after in _TABLE_ROWS and not row.gap))
            key = (kind, placed, len(row.filled) == 1, inside, after in SIDE_HEADERS)
            readings = _READINGS.get(key)
            if readings is None:
                readings = _READINGS[key] = _readings(*key)
            row.type = readings[0]
            self.readings.append((readings, row))
            if not (inside and kind in _TEXT_LIKE):
                before = kind  # a line inside a table leaves the rows under it in the table's context


class ContextualLexer(Lexer):
    """Lark's custom-lexer interface: the token stream over Classified rows, each row given the
    first of its readings that the parser's current state accepts. Rows are the tokens: a Row
    has the `type` and place that Lark reads of a token."""

    __future_interface__ = 1

    def __init__(self, lexer_conf: object) -> None:  # Lark's interface
        pass

    def lex(self, lexer_state: Any, parser_state: Any) -> Iterator[Row]:  # type: ignore[override]
        classified: Classified = lexer_state.text
        states = parser_state.parse_conf.states
        readings = classified.readings
        for i in range(classified.position, len(readings)):
            classified.position = i + 1
            kinds, row = readings[i]
            if len(kinds) > 1:
                accepted = states[parser_state.position]
                row.type = next((k for k in kinds if k in accepted), kinds[0])
            yield row
