"""A source -> its Documents, in stages:

    read       readers.read         bytes -> grids, one a worksheet (the format told by the content; a
                                    text decoded and split into cells)
    cells      records.read         grid -> rows: cells cleaned and classified, offset removed
    lex        lexer.lex            rows -> their readings (page marks and repeated headers taken off)
    grammar    syntax.parse         readings -> the sheet's parts, nested (Lark, LALR)
    sections   sections.*           parts -> model records, damage rules applied
    links      rules.project_links  KPIs citing the projects register -> project IDs
    checks     checks.attach        the sheet's own arithmetic
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import attrs

from . import accounting, checks, lexer, readers, records, sheets, syntax
from .draft import SheetRows, sources
from .errors import SheetError
from .findings import Finding, Findings, Found, set_aside
from .grid import Grid, Note
from .model import Area, Document
from .rules import project_links
from .sections import SIDE_SECTIONS, main_table, notes, preamble
from .side_tables import SIDE_TABLES
from .source import MAX_BYTES
from .source import read as read_bytes
from .values.names import parse_office, title_year


def _side_tables(sheet: SheetRows) -> tuple[dict[str, object], Found]:
    found = Found()
    tables: dict[str, object] = {t.name: None for t in SIDE_TABLES}
    for part in sheet.tables:
        if tables[part.name] is not None:
            found.set_aside([r for r in (part.heading, part.header, *part.rows) if r is not None],
                            "unexpected-line", f"a second {part.name} table")
            continue
        tables[part.name], more = SIDE_SECTIONS[part.name](part)
        found += more
        # a side table reads its rows' own cells: the start of a name the lexer joined to one
        # (read as a main-table row) has no field there
        for row in part.rows:
            for cell in row.taken:
                found.unplaced(cell, f"{part.name} table")
    return tables, found


def document(read: records.Rows, source_name: str = "<text>", decoding: tuple[Note, ...] = (),
             digest: str | None = None, sheet: str = "1") -> Document:
    """The document of one sheet's rows. Each stage hands back its findings; they are collected
    here, in the order of the stages."""
    lexed = lexer.lex(read.rows)
    found = Findings(read.offset, lexed.moved)
    found.take(Finding(code, message, line, column) for code, message, line, column in (*decoding, *read.notes))
    found.take(lexed.findings)
    parts = syntax.parse(lexed)
    for row, why in parts.unexpected:
        found.take(set_aside([row], "unexpected-line", why))
    more: list[Finding]
    title, office, more, own = preamble.parse(parts.preamble)
    found.take(more)
    if title is None and not any(lexeme.kind in ("TITLE", "HEADER") for lexeme in lexed.lexemes):
        raise SheetError("not an objective sheet: no title and no main-table header", source_name)
    header = parts.main.header if parts.main else None
    found.take(Finding(code, message) for missing, code, message in (
        (title, "no-title", "no title line"), (office, "no-office", "no office line before the main table"),
        (header, "no-main-table", "no main-table header")) if missing is None)
    note_list, more = notes.parse(parts.notes)
    found.take(more)
    areas: tuple[Area, ...] = ()
    if parts.main:
        areas, more = main_table.parse(parts.main, notes.documents(note_list), _spans(read.spans, lexed.moved))
        found.take(more)
    tables, more = _side_tables(parts)
    found.take(more)
    found.take(_what_went_unread(read, header, areas, len(found.unparsed)))
    doc = Document(
        source=source_name,
        sheet=sheet,
        source_sha256=digest,
        title=title,
        year=title_year(title),
        office=parse_office(office),
        columns=main_table.columns(header),
        areas=project_links.link(areas, tables["projects"]),  # type: ignore[arg-type]
        notes=tuple(note_list),
        **tables,  # type: ignore[arg-type]
    )
    own += sources(*(("columns", c) for c in header.filled)) if header is not None else ()
    found.take(accounting.unread(read.rows, accounting.places(doc, own, found), found))
    doc = checks.attach(doc, found)
    doc = attrs.evolve(doc, cells=accounting.Cells(doc, read.rows, own, found, read.pages))
    return _with_pages(doc, read.pages) if read.pages else doc


def _spans(spans: Mapping[tuple[int, int], int] | None,
           moved: Mapping[tuple[int, int], int]) -> Mapping[tuple[int, int], int] | None:
    """The merged ranges by the places of the cells in the main table's usual order of columns."""
    if not spans or not moved:
        return spans
    to = {(line, source): (line, column) for (line, column), source in moved.items()}
    return {to.get(key, key): last for key, last in spans.items()}


def _with_pages(record: Any, pages: Mapping[int, int]) -> Any:
    """The record, and every record in it, with the page its line is printed on (a PDF's)."""
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if isinstance(value, tuple) and value and attrs.has(type(value[0])):
            changes[field.name] = tuple(_with_pages(item, pages) for item in value)
        elif attrs.has(type(value)):
            changes[field.name] = _with_pages(value, pages)
    if "page" in attrs.fields_dict(type(record)) and record.line in pages:
        changes["page"] = pages[record.line]
    return attrs.evolve(record, **changes) if changes else record


def _what_went_unread(read: records.Rows, header: object, areas: tuple[object, ...], unplaced: int) -> Found:
    """Loud, never silent: a sheet whose main table gave no area, or most of whose cells went
    unplaced, carries an error (a document is still written, with every cell kept)."""
    found = Found()
    if not areas:
        found.add("no-areas", "the main-table header was found, but no area was read under it" if header is not None
                  else "no main table: no area was read")
    # (every row holds a cell: cells are counted only when the rows are too few to settle it)
    cells = sum(len(row.filled) + len(row.taken) for row in read.rows) if unplaced * 2 > len(read.rows) else 0
    if cells and unplaced * 2 > cells:
        found.add("mostly-unplaced", f"{unplaced} of the sheet's {cells} cells fit no field: read it with care")
    return found


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def documents(grids: list[Grid], source_name: str, digest: str) -> list[Document]:
    """The documents of a source's grids: one a worksheet, or one a sheet of a text."""
    docs: list[Document] = []
    for grid in grids:
        try:
            rows = records.read(grid)
        except records.TooManyCells as exc:
            raise SheetError(str(exc), source_name) from None
        for n, part in enumerate(sheets.split(rows), start=1):
            # a text's sheets are numbered in the source; a worksheet's by its name (and, past one, their place)
            name = str(len(docs) + 1) if grid.name is None else grid.name if n == 1 else f"{grid.name} ({n})"
            docs.append(document(part, source_name, grid.decoding, digest, name))
    return docs


def _one(docs: list[Document], source_name: str) -> Document:
    if len(docs) > 1:
        raise SheetError(f"holds {len(docs)} sheets: objparse.parse_sheets() reads them all", source_name)
    return docs[0]


def parse_sheets(source: str | Path | bytes | BinaryIO | TextIO, source_name: str | None = None) -> list[Document]:
    """Every sheet of a source, a document each, in the order the source holds them: a path, a
    file object (binary, or text already decoded), or bytes. A missing file raises
    SheetNotFound, a FileNotFoundError too; a source that holds no sheet, SheetError."""
    if isinstance(source, bytes):
        name = source_name or "<bytes>"
        return documents(readers.read(source, name), name, _sha256(source))
    if hasattr(source, "read"):
        data = source.read(MAX_BYTES + 1)
        name = source_name or str(getattr(source, "name", "<stream>"))
        if len(data) > MAX_BYTES:
            raise SheetError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB, which no sheet is", name)
        if isinstance(data, str):
            return documents([readers.read_text(data, name)], name, _sha256(data.encode("utf-8", "surrogatepass")))
        return parse_sheets(data, name)
    name = source_name or str(source)
    return parse_sheets(read_bytes(name), name)


def parse_text(text: str, source_name: str = "<text>") -> Document:
    """The document of a sheet given as text (line ends LF, CRLF or CR). Raises SheetError for
    text that is no objective sheet, or that holds several (parse_sheets reads them all)."""
    digest = _sha256(text.encode("utf-8", "surrogatepass"))
    return _one(documents([readers.read_text(text, source_name)], source_name, digest), source_name)


def parse_bytes(data: bytes, source_name: str = "<bytes>") -> Document:
    """The document of a sheet's bytes, whatever their format and encoding (see objparse.readers).
    Raises SheetError naming `source_name` for input that is not a sheet: empty, binary,
    undecodable, too large; or that holds several (parse_sheets reads them all)."""
    return _one(parse_sheets(data, source_name), source_name)


def parse_file(path: str | Path | BinaryIO | TextIO) -> Document:
    """The document of a sheet file, given by its path or as a file object (binary, or text
    already decoded). A missing file raises SheetNotFound, a FileNotFoundError too."""
    docs = parse_sheets(path)
    return _one(docs, docs[0].source)


def read_frames(paths: str | Iterable[str]) -> dict[str, Any]:
    """The tidy tables, as pandas DataFrames, of the sheets at `paths` (files, directories or a
    glob pattern): objparse.read_frames("sheets/*.txt")["kpis"]. Unreadable files raise."""
    from .export.frames import to_frames
    from .inputs import expand

    names = [paths] if isinstance(paths, str) else list(paths)
    return to_frames(doc for name in expand(names).files for doc in parse_sheets(name))

