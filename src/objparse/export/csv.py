"""CSV: one file per tidy table (kpis.csv, ieep_items.csv, ...) in a directory, UTF-8, numbers
written exactly with '.' as the decimal mark."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from ..model import Document
from .tables import COLUMNS, TABLES, rows


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def write_csv(documents: Iterable[Document], directory: str | Path) -> list[Path]:
    out_dir = Path(directory)
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = list(documents)
    written = []
    for table in TABLES:
        path = out_dir / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(COLUMNS[table])
            writer.writerows([_cell(row[c]) for c in COLUMNS[table]] for row in rows(docs, table))
        written.append(path)
    return written
