"""Readers: each turns a source of its format into grids (objparse.grid), one per worksheet; after
them nothing knows what the format was. The format is told by the content (a PDF's signature, a
zip's members), never by the file's name."""

from __future__ import annotations

from .. import source
from ..grid import Grid
from . import text


def kind(data: bytes) -> str:
    """'xlsx', 'ods', 'pdf', 'zip' (an archive that is no workbook) or 'text', by the content."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        import io
        import zipfile

        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "content.xml" in names and b"application/vnd.oasis.opendocument.spreadsheet" in data[:200]:
            return "ods"
        return "zip"
    return "text"


def read(data: bytes, name: str) -> list[Grid]:
    """The grids of a source's bytes; SheetError for a source no reader takes."""
    decoded = source.decode(data, name)
    return [text.grid(decoded.text, name, tuple((c, m, line, None) for c, m, line in decoded.notes))]


def read_text(content: str, name: str) -> Grid:
    """The grid of a sheet given as text already decoded."""
    normal = source.normalised(content, name)
    return text.grid(normal.text, name, tuple((c, m, line, None) for c, m, line in normal.notes))
