"""bytes -> Document, in stages:

    decode            source.decode        bytes -> text (BOM, UTF-8 / Windows-1252 / UTF-16, newlines)
    tokenize          lexer.tokenize       one token a line (a run of table rows is one token)
    grammar           syntax.parse_tokens  Lark orders the parts; a misplaced line is set aside
    parts             _parts               the tree -> title, office, main table, notes, side tables
    sections          sections.*           each part -> model records, damage rules applied
    links, checks     rules.project_links, checks
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
from lark import Token, Tree

from . import checks, lexer, source, syntax
from .draft import cells_of
from .errors import SheetError
from .lexer import Row
from .model import Document, Office
from .rules import project_links
from .sections import ieep, main_table, notes, projects, spending
from .sections.found import Findings
from .values.cells import CellKind, classify
from .values.names import parse_office, title_year

SIDE_TABLES = ("ieep", "spending", "projects")
# 'Pagina 2 di 3', 'Pag. 2/3', '- 2 -': page numbers a PDF export leaves behind, not notes
_PAGE_MARK = re.compile(r"(?:pagina|pag\.?)\s*\d+\s*(?:di|/)\s*\d+|-\s*\d+\s*-", re.IGNORECASE)


@attrs.define
class Parts:
    """The rows of each part of the sheet, as the grammar delimited them."""

    title: str | None = None
    office: str | None = None
    header: Row | None = None
    rows: list[Row] = attrs.Factory(list)
    notes: list[Row] = attrs.Factory(list)
    tables: dict = attrs.Factory(dict)  # side table name -> (heading text, header row, rows)


def _lines(token: Token) -> list[Row]:
    return token.value if token.type == "ROWS" else [token.value]


def _all_lines(tokens) -> list[Row]:
    return [row for tok in tokens for row in _lines(tok)]


def _set_aside(found: Findings, rows: list[Row], why: str) -> None:
    for row in rows:
        found.add("unexpected-line", why, row.line, row.first + 1)
        for cell in cells_of(row):
            found.unplaced(cell, why)


def _table_like(row: Row) -> bool:
    """A main-table row rather than the start of an unknown table: it is indented or weighs."""
    return row.first > 0 or any(classify(text) is CellKind.PERCENT for text in row.texts())


def _is_page_mark(row: Row) -> bool:
    return _PAGE_MARK.fullmatch(row.cells[row.first]) is not None


def _parts(tree: Tree, rejected: list[Token], found: Findings) -> Parts:
    parts = Parts()
    last_rows: list[Row] | None = None  # the rows of the table read last: a page break may split it
    for child in tree.children:
        if isinstance(child, Token):  # TITLE, OFFICE, or a stray line before the main table
            field = child.type.lower()
            if child.type in ("TITLE", "OFFICE") and getattr(parts, field) is None:
                # a title or office split over cells is still one line of text
                setattr(parts, field, " ".join(child.value.texts()))
            else:
                _set_aside(found, _lines(child), "line outside the sheet's layout")
        elif child.data == "main_table":
            header = child.children[0]
            parts.header = header.value if header.type == "HEADER" else None
            parts.rows = last_rows = _all_lines(t for t in child.children if t.type == "ROWS")
        elif child.data == "note":
            line, *rows = child.children
            if rows and last_rows is not None and _is_page_mark(line.value):
                _set_aside(found, [line.value], "page number")  # the table goes on after the page break
                last_rows += rows[0].value
            elif rows and not parts.tables and _table_like(rows[0].value[0]):
                # a stray line (an area name without its weights, say) inside the main table
                _set_aside(found, [line.value], "line inside the main table")
                parts.rows += rows[0].value
            else:
                kept = _all_lines(child.children)
                _set_aside(found, [r for r in kept if _is_page_mark(r)], "page number")
                parts.notes += [r for r in kept if not _is_page_mark(r)]
                last_rows = None
        elif child.data in parts.tables:
            _set_aside(found, _all_lines(child.children), f"a second {child.data} table")
        else:
            heading = next((t.value.cells[0] for t in child.children if t.type == "HEADING"), None)
            header = next(t.value for t in child.children if t.type.endswith("_HEADER"))
            last_rows = _all_lines(t for t in child.children if t.type == "ROWS")
            parts.tables[child.data] = (heading, header, last_rows)
    _set_aside(found, _all_lines(rejected), "line outside the sheet's layout")
    return parts


def build(text: str, source_name: str = "<text>") -> Document:
    tokens = lexer.tokenize(text)
    if not any(t.type in ("TITLE", "HEADER") for t in tokens):
        raise SheetError("not an objective sheet: no title and no main-table header", source_name)
    found = Findings()
    parts = _parts(*syntax.parse_tokens(tokens), found)
    for missing, code, message in ((parts.title, "no-title", "no title line"),
                                   (parts.office, "no-office", "no office line before the main table"),
                                   (parts.header, "no-main-table", "no main-table header")):
        if missing is None:
            found.add(code, message)

    note_list = notes.parse(parts.notes)
    areas = main_table.parse(parts.header, parts.rows, found, notes.documents(note_list))
    side = {"ieep": ieep.parse, "spending": spending.parse, "projects": projects.parse}
    tables = {name: side[name](*parts.tables[name], found) if name in parts.tables else None for name in SIDE_TABLES}
    doc = Document(
        source=source_name,
        title=parts.title,
        year=title_year(parts.title),
        office=parse_office(parts.office) if parts.office else Office(None, None, None, None),
        columns=main_table.columns(parts.header) if parts.header else (),
        areas=project_links.link(areas, tables["projects"]),
        notes=tuple(note_list),
        **tables,
    )
    return checks.attach(doc, found)


def parse_text(text: str, source_name: str = "<text>") -> Document:
    return build(text, source_name)


def parse_bytes(data: bytes, source_name: str = "<bytes>") -> Document:
    return build(source.decode(data, source_name), source_name)


def parse_file(path: str | Path) -> Document:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SheetError(f"cannot read: {exc.strerror or exc}", name) from None
    return parse_bytes(data, name)
