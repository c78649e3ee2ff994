"""bytes -> Document, in stages:

    decode     source.decode        bytes -> text (BOM, UTF-8 / Windows-1252 / UTF-16, newlines)
    read       records.read         text -> rows: cells cleaned and classified, offset removed
    lex        lexer.Classified     rows -> their readings (page marks and repeated headers taken off)
    grammar    syntax.parse         readings -> the sheet's parts, nested (Lark, LALR)
    sections   sections.*           parts -> model records, damage rules applied
    links      rules.project_links  KPIs citing the projects register -> project IDs
    checks     checks.attach        the sheet's own arithmetic
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from . import checks, lexer, records, source, syntax
from .draft import SheetRows
from .errors import SheetError
from .findings import Findings
from .model import Document
from .rules import project_links
from .sections import main_table, notes, preamble
from .side_tables import BY_NAME, SIDE_TABLES
from .values.names import parse_office, title_year


def _side_tables(sheet: SheetRows, found: Findings) -> dict[str, object]:
    tables: dict[str, object] = {t.name: None for t in SIDE_TABLES}
    for part in sheet.tables:
        if tables[part.name] is not None:
            found.set_aside([r for r in (part.heading, part.header, *part.rows) if r is not None],
                            "unexpected-line", f"a second {part.name} table")
            continue
        tables[part.name] = BY_NAME[part.name].parse(part, found)
        # a side table reads its rows' own cells: the start of a name the lexer joined to one
        # (read as a main-table row) has no field there
        for row in part.rows:
            for cell in row.taken:
                found.unplaced(cell, f"{part.name} table")
    return tables


MAX_LINES = 100_000  # a sheet has about a hundred lines: past this, a file is refused
_SHEET_WORDS = re.compile(r"obiettivi|ambit[oi]\s+di\s+performance", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")


def build(text: str, source_name: str = "<text>",
          decoding: tuple[tuple[str, str, int | None], ...] = (), digest: str | None = None) -> Document:
    if not _SHEET_WORDS.search(text):  # cheap, before any work: most files that are no sheet end here
        raise SheetError("not an objective sheet: no title and no main-table header", source_name)
    lines = text.count("\n") + (not text.endswith("\n"))
    if lines > MAX_LINES:
        raise SheetError(f"{lines} lines, more than the {MAX_LINES} any sheet has", source_name)
    if _SURROGATE.search(text):  # text that no file could hold (lone surrogates, through parse_text)
        text = _SURROGATE.sub("\ufffd", text)
        decoding += (("bad-characters", "characters that are not text replaced by U+FFFD", None),)
    try:
        read = records.read(text)
    except records.TooManyCells as exc:
        raise SheetError(str(exc), source_name) from None
    classified = lexer.Classified(read.rows)
    if not any(readings[0] in ("TITLE", "HEADER") for readings, _ in classified.readings):
        raise SheetError("not an objective sheet: no title and no main-table header", source_name)
    found = Findings(read.offset)
    for code, message, line in decoding:
        found.add(code, message, line)
    for code, message, line, column in read.notes:
        found.add(code, message, line, column)
    found.set_aside(classified.aside, "page-number", "page number")
    for row in classified.repeated:
        found.add("page-header", "printed again after a page break: dropped", row.line)
    for what, first, line in classified.wraps:
        found.add("wrapped-text", f"{what} on line {first} continues on this line: joined", line)
    sheet = syntax.parse(classified)
    for row, why in sheet.unexpected:
        found.set_aside([row], "unexpected-line", why)
    title, office = preamble.parse(sheet.preamble, found)
    header = sheet.main.header if sheet.main else None
    for missing, code, message in ((title, "no-title", "no title line"),
                                   (office, "no-office", "no office line before the main table"),
                                   (header, "no-main-table", "no main-table header")):
        if missing is None:
            found.add(code, message)

    note_list = notes.parse(sheet.notes, found)
    areas = main_table.parse(sheet.main, found, notes.documents(note_list)) if sheet.main else ()
    tables = _side_tables(sheet, found)
    doc = Document(
        source=source_name,
        source_sha256=digest,
        title=title,
        year=title_year(title),
        office=parse_office(office),
        columns=main_table.columns(header),
        areas=project_links.link(areas, tables["projects"]),  # type: ignore[arg-type]
        notes=tuple(note_list),
        **tables,  # type: ignore[arg-type]
    )
    return checks.attach(doc, found)


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def parse_text(text: str, source_name: str = "<text>") -> Document:
    """The document of a sheet given as text (line ends LF, CRLF or CR). Raises SheetError for
    text that is no objective sheet."""
    normal = source.normalised(text, source_name)
    return build(normal.text, source_name, normal.notes, _sha256(text.encode("utf-8", "surrogatepass")))


def parse_bytes(data: bytes, source_name: str = "<bytes>") -> Document:
    """The document of a sheet's bytes, in whatever encoding they came (UTF-8, Windows-1252,
    UTF-16; see objparse.source). Raises SheetError naming `source_name` for input that is not
    a sheet: empty, binary, undecodable, too large."""
    decoded = source.decode(data, source_name)
    return build(decoded.text, source_name, decoded.notes, _sha256(data))


def parse_file(path: str | Path | BinaryIO | TextIO) -> Document:
    """The document of a sheet file, given by its path or as a file object (binary, or text
    already decoded). A missing file raises SheetNotFound, a FileNotFoundError too."""
    if hasattr(path, "read"):
        data = path.read(source.MAX_BYTES + 1)
        name = str(getattr(path, "name", "<stream>"))
        if len(data) > source.MAX_BYTES:
            raise SheetError(f"larger than {source.MAX_BYTES // (1024 * 1024)} MiB, which no sheet is", name)
        return parse_text(data, name) if isinstance(data, str) else parse_bytes(data, name)
    name = str(path)
    return parse_bytes(source.read(name), name)


def read_frames(paths: str | Iterable[str]) -> dict[str, Any]:
    """The tidy tables, as pandas DataFrames, of the sheets at `paths` (files, directories or a
    glob pattern): objparse.read_frames("sheets/*.txt")["kpis"]. Unreadable files raise."""
    from .export.frames import to_frames
    from .inputs import expand

    names = [paths] if isinstance(paths, str) else list(paths)
    return to_frames(parse_file(name) for name in expand(names).files)

