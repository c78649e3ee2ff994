"""The layout as text: tab-separated (italic cells marked '<i>…</i>', as exports mark them), or
a CSV of another separator with RFC 4180 quoting; in any encoding a reader reads."""

from __future__ import annotations

import csv
import io

from .layout import Italic, Layout


def _cells(row: list[str | Italic]) -> list[str]:
    return [f"<i>{c.text}</i>" if isinstance(c, Italic) else c for c in row]


def text(out: Layout) -> str:
    """The canonical sheet text: tabs between cells, LF line ends."""
    return "\n".join("\t".join(_cells(row)) for row in out.rows) + "\n"


def encoded(out: Layout, delimiter: str = "\t", encoding: str = "utf-8", newline: str = "\n") -> bytes:
    """The sheet as a file: its cells separated by `delimiter` (a CSV quoted as Excel quotes it
    when that is not a tab), its lines ended by `newline`, in `encoding` ('utf-8-sig',
    'utf-16', 'cp1252', 'cp858', 'mac_roman', …)."""
    if delimiter == "\t":
        body = text(out)
    else:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(_cells(row) for row in out.rows)
        body = buffer.getvalue()
    return body.replace("\n", newline).encode(encoding)
