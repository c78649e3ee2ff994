"""bytes -> Document: the pipeline, as a named list of stages over one sheet.

    decode -> tokenize (one token a line) -> grammar (Lark) -> sections -> links -> checks
"""

from __future__ import annotations

from pathlib import Path

from lark import Token, Tree

from . import checks, lexer, source, syntax
from .errors import SheetError
from .model import Document, Office
from .rules import project_links
from .sections import ieep, main_table, notes, projects, spending
from .sections.found import Findings
from .draft import Cell
from .values.names import parse_office, title_year


def _rows(children) -> list:
    return [row for tok in children if tok.type == "ROWS" for row in tok.value]


def _lines(token: Token) -> list:
    return token.value if token.type == "ROWS" else [token.value]


def _table_parts(tree: Tree):
    """(heading row or None, header row, data rows) of a side table."""
    heading = next((t.value for t in tree.children if t.type == "HEADING"), None)
    header = next(t.value for t in tree.children if t.type.endswith("_HEADER"))
    return heading, header, _rows(tree.children)


def _lost(found: Findings, row, code: str, message: str) -> None:
    found.add(code, message, row.line, row.first + 1)
    for col, text in row.filled():
        found.unplaced(Cell(text, row.line, col), message)


def build(text: str, source_name: str = "<text>") -> Document:
    tokens = lexer.tokenize(text)
    if not any(t.type in ("TITLE", "HEADER") for t in tokens):
        raise SheetError("not an objective sheet: no title and no main-table header", source_name)
    tree, rejected = syntax.parse_tokens(tokens)
    found = Findings()
    parts: dict = {"title": None, "office": None, "header": None, "rows": [], "notes": [],
                   "ieep": None, "spending": None, "projects": None}
    for child in tree.children:
        if isinstance(child, Token):
            if child.type in ("TITLE", "OFFICE") and parts[child.type.lower()] is None:
                parts[child.type.lower()] = child.value.cells[0]
            else:
                for row in _lines(child):
                    _lost(found, row, "unexpected-line", "line outside the sheet's layout")
        elif child.data == "main_table":
            parts["header"] = child.children[0].value
            parts["rows"] = _rows(child.children)
        elif child.data == "note":
            parts["notes"].extend(row for tok in child.children for row in _lines(tok))
        elif parts[child.data] is None:
            parts[child.data] = _table_parts(child)
        else:
            for row in (row for tok in child.children for row in _lines(tok)):
                _lost(found, row, "unexpected-line", f"second {child.data} table")
    for row in (row for tok in rejected for row in _lines(tok)):
        _lost(found, row, "unexpected-line", "line outside the sheet's layout")

    if parts["title"] is None:
        found.add("no-title", "no title line")
    if parts["office"] is None:
        found.add("no-office", "no office line")
    if parts["header"] is None:
        found.add("no-main-table", "no main-table header")
    note_list = notes.parse(parts["notes"])
    areas = main_table.parse(parts["header"], parts["rows"], found, notes.documents(note_list))
    ieep_table = ieep.parse(*parts["ieep"], found) if parts["ieep"] else None
    spending_table = spending.parse(*parts["spending"], found) if parts["spending"] else None
    projects_table = projects.parse(*parts["projects"], found) if parts["projects"] else None
    areas = project_links.link(areas, projects_table)

    doc = Document(
        source=source_name,
        title=parts["title"],
        year=title_year(parts["title"]),
        office=parse_office(parts["office"]) if parts["office"] else Office(None, None, None, None),
        columns=main_table.columns(parts["header"]) if parts["header"] else (),
        areas=areas,
        ieep=ieep_table,
        spending=spending_table,
        projects=projects_table,
        notes=tuple(note_list),
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
