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
from .tables import BOOLEAN, BY_NAME, NUMBER, STRING, TABLES, exact_text, foreign_keys, table_rows

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
            if c.description:
                field["description"] = c.description
            if c.type == NUMBER and italian:
                field["decimalChar"] = ","
            if c.type == BOOLEAN:
                field.update(trueValues=["true"], falseValues=["false"])
            if c.name == table.key:
                field["constraints"] = {"required": True, "unique": True}
            fields.append(field)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": list(table.primary_key), "missingValues": [""]}
        links = foreign_keys(table)
        if links:
            schema["foreignKeys"] = [{"fields": list(columns), "reference": {"resource": parent, "fields": list(keys)}}
                                     for columns, parent, keys in links]
        resource: dict[str, Any] = {
            "name": table.name, "path": f"{table.name}.csv", "profile": "tabular-data-resource",
            "description": table.description, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8-sig" if italian else "utf-8", "schema": schema}
        if italian:
            resource["dialect"] = {"delimiter": ";"}
        resources.append(resource)
    return {"profile": "tabular-data-package", "name": "objparse-sheets", "resources": resources}


class TableCsv:
    """One table written as CSV to an open text file, one document at a time."""

    def __init__(self, out: IO[str], table: str, dialect: str = "rfc4180", safe: bool = False):
        italian = dialect == "excel-it"
        self.table = BY_NAME[table]
        self.decimal_mark = "," if italian else "."
        self.safe = safe
        self.strings = [c.type == STRING for c in self.table.columns]
        if italian:
            out.write("\ufeff")
        self.writer = csv.writer(out, delimiter=";" if italian else ",", lineterminator="\r\n")
        self.writer.writerow(self.table.names)

    def write(self, doc: Document) -> None:
        self.writer.writerows(self._row(row) for row in table_rows(doc, self.table))

    def _row(self, row: tuple[Any, ...]) -> list[str]:
        cells = [_cell(v, self.decimal_mark) for v in row]
        if self.safe:
            cells = [neutralised(c) if s else c for c, s in zip(cells, self.strings, strict=True)]
        return cells


class CsvTables:
    """Writes every table into a directory, one document at a time (memory flat in the number of
    documents), with the Data Package that describes them."""

    def __init__(self, directory: Path, dialect: str = "rfc4180", safe: bool = False):
        self.directory = directory
        self.dialect = dialect
        # UTF-8; TableCsv writes the byte-order mark Italian Excel wants
        self.files: list[IO[str]] = [(directory / f"{t.name}.csv").open("w", encoding="utf-8", newline="")
                                     for t in TABLES]
        self.tables = [TableCsv(fh, t.name, dialect, safe) for fh, t in zip(self.files, TABLES, strict=True)]

    def write(self, doc: Document) -> None:
        for table in self.tables:
            table.write(doc)

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

    with atomic_directory(directory) as (temp, _):
        tables = CsvTables(temp, dialect, safe)
        for doc in documents:
            tables.write(doc)
        tables.close()
    return [Path(directory) / f"{t.name}.csv" for t in TABLES] + [Path(directory) / "datapackage.json"]
