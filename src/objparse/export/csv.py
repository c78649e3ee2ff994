"""CSV: one file per tidy table (kpis.csv, ieep_items.csv, ...) in a directory, UTF-8, numbers
written exactly with '.' as the decimal mark."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from ..model import Document
from ..output import atomic_directory
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
    """One CSV file per table in `directory`; written whole beside it first, so that a failed run
    changes none of the files there."""
    docs = list(documents)
    with atomic_directory(directory) as temp:
        for table in TABLES:
            with (temp / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow(COLUMNS[table])
                writer.writerows([_cell(row[c]) for c in COLUMNS[table]] for row in rows(docs, table))
    return [Path(directory) / f"{table}.csv" for table in TABLES]
