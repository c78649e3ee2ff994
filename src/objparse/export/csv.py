"""CSV: one RFC 4180 file per tidy table in a directory, with a Frictionless Data Package
(datapackage.json: each table's Table Schema — types, primary key, foreign key to its parent).

Numbers are written exactly ('1.013', '4249834748'). The `excel-it` dialect is for Italian
Excel: ';' between cells, ',' as the decimal mark, and a byte-order mark. With `safe`, text
that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with
an apostrophe (the OWASP advice against CSV injection).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from ..model import Document
from .tables import BOOLEAN, NUMBER, STRING, TABLES, exact_text, table_rows

DIALECTS = ("rfc4180", "excel-it")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object, decimal_mark: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = exact_text(value)
        return text.replace(".", decimal_mark) if decimal_mark != "." else text
    return str(value)


def neutralised(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert."""
    return "'" + text if text.startswith(FORMULA_START) else text


def package(dialect: str = "rfc4180") -> dict[str, Any]:
    """The Data Package descriptor of the tables."""
    italian = dialect == "excel-it"
    resources = []
    for table in TABLES:
        fields = []
        for c in table.columns:
            field: dict[str, Any] = {"name": c.name, "type": c.type}
            if c.type == NUMBER and italian:
                field["decimalChar"] = ","
            if c.type == BOOLEAN:
                field.update(trueValues=["true"], falseValues=["false"])
            fields.append(field)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": list(table.primary_key), "missingValues": [""]}
        if table.parent is not None:
            parent, keys = table.parent
            schema["foreignKeys"] = [{"fields": list(keys), "reference": {"resource": parent, "fields": list(keys)}}]
        resource: dict[str, Any] = {
            "name": table.name, "path": f"{table.name}.csv", "profile": "tabular-data-resource",
            "description": table.description, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8-sig" if italian else "utf-8", "schema": schema}
        if italian:
            resource["dialect"] = {"delimiter": ";"}
        resources.append(resource)
    return {"profile": "tabular-data-package", "name": "objparse-sheets", "resources": resources}


class CsvTables:
    """Writes the tables into a directory, one document at a time (memory flat in the number of
    documents)."""

    def __init__(self, directory: Path, dialect: str = "rfc4180", safe: bool = False):
        self.directory = directory
        self.dialect = dialect
        self.safe = safe
        italian = dialect == "excel-it"
        self.decimal_mark = "," if italian else "."
        self.files: list[IO[str]] = []
        self.writers = []
        for table in TABLES:
            fh = (directory / f"{table.name}.csv").open("w", encoding="utf-8-sig" if italian else "utf-8",
                                                       newline="")
            writer = csv.writer(fh, delimiter=";" if italian else ",", lineterminator="\r\n")
            writer.writerow(table.names)
            self.files.append(fh)
            self.writers.append((table, writer, [c.type == STRING for c in table.columns]))

    def write(self, doc: Document) -> None:
        for table, writer, strings in self.writers:
            writer.writerows(self._row(row, strings) for row in table_rows(doc, table))

    def _row(self, row: tuple[Any, ...], strings: list[bool]) -> list[str]:
        cells = [_cell(v, self.decimal_mark) for v in row]
        if self.safe:
            cells = [neutralised(c) if s else c for c, s in zip(cells, strings, strict=True)]
        return cells

    def close(self) -> None:
        for fh in self.files:
            fh.close()
        text = json.dumps(package(self.dialect), indent=2, ensure_ascii=False) + "\n"
        (self.directory / "datapackage.json").write_text(text, encoding="utf-8")


def write_csv(documents: Iterable[Document], directory: str | Path, dialect: str = "rfc4180",
              safe: bool = False) -> list[Path]:
    """The tables of `documents` in `directory`; written whole beside it first, so that a failed
    run changes none of the files there."""
    from ..output import atomic_directory

    with atomic_directory(directory) as temp:
        tables = CsvTables(temp, dialect, safe)
        for doc in documents:
            tables.write(doc)
        tables.close()
    return [Path(directory) / f"{t.name}.csv" for t in TABLES] + [Path(directory) / "datapackage.json"]
