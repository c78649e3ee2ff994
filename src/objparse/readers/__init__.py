"""Readers: each turns a source of its format into grids (objparse.grid), one per worksheet; after
them nothing knows what the format was. The format is told by the content (a PDF's signature, a
zip's members), never by the file's name."""

from __future__ import annotations

from .. import source
from ..errors import SheetError
from ..grid import Grid
from . import text

# what a file that no reader takes looked like, by its first bytes
_SIGNATURES = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
               (b"\xd0\xcf\x11\xe0", "an Office 97-2003 document (.xls, .doc): save it as .xlsx"),
               (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"),
               (b"\x7fELF", "a program"), (b"MZ", "a Windows program"), (b"{\\rtf", "an RTF document"))


def kind(data: bytes) -> str:
    """'xlsx', 'ods', 'pdf' or 'text' by the content; else what the file looked like ('a PNG
    image', 'a zip archive that is no workbook')."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        import io
        import zipfile

        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except Exception:  # zipfile raises many kinds for a damaged archive (even NotImplementedError)
            return "a damaged zip archive"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "content.xml" in names and b"application/vnd.oasis.opendocument.spreadsheet" in data[:200]:
            return "ods"
        if "word/document.xml" in names:
            return "a Word document (.docx)"
        return "a zip archive that is no workbook"
    return next((what for signature, what in _SIGNATURES if data.startswith(signature)), "text")


def read(data: bytes, name: str) -> list[Grid]:
    """The grids of a source's bytes; SheetError for a source no reader takes."""
    found = kind(data)
    if found in ("xlsx", "ods"):
        from . import ods, xlsx

        return _holding_sheets((xlsx if found == "xlsx" else ods).grids(data, name), name)
    if found == "pdf":
        from . import pdf

        return pdf.grids(data, name)
    if found != "text":
        raise SheetError(f"{found}, not a sheet", name)
    decoded = source.decode(data, name)
    return [text.grid(decoded.text, name, tuple((c, m, line, None) for c, m, line in decoded.notes))]


def _holding_sheets(grids: list[Grid], name: str) -> list[Grid]:
    """The worksheets that hold an objective sheet; SheetError when none does."""
    holding = [g for g in grids if any(text.names_a_sheet(" ".join(cells)) for _, _, cells, _ in g.rows)]
    if not holding:
        names = ", ".join(repr(g.name) for g in grids)
        raise SheetError(f"a workbook, but none of its worksheets ({names}) is an objective sheet", name)
    return holding


def read_text(content: str, name: str) -> Grid:
    """The grid of a sheet given as text already decoded."""
    normal = source.normalised(content, name)
    return text.grid(normal.text, name, tuple((c, m, line, None) for c, m, line in normal.notes))
