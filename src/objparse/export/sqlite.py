"""SQLite: one table per tidy table (stdlib sqlite3), with typed columns, primary keys and
foreign keys, so that tables from many sheets query together:

    SELECT office, SUM(weight_pct) FROM areas GROUP BY source

SQLite keeps numbers as binary floats: each decimal column (NUMERIC) has an `_exact` TEXT column
beside it with the value exactly as the JSON has it.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..model import Document
from .tables import BOOLEAN, INTEGER, NUMBER, TABLES, Table, exact_text, foreign_keys, table_rows

_TYPES = {INTEGER: "INTEGER", NUMBER: "NUMERIC", BOOLEAN: "INTEGER"}  # booleans as 0 and 1; text and dates TEXT


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _ddl(table: Table) -> list[str]:
    """The table, keyed by its document and ids and by its single-column key, linked to its
    parent both ways; and an index on each link's columns (SQLite makes none of its own)."""
    columns = []
    for c in table.columns:
        unique = " NOT NULL UNIQUE" if c.name == table.key else ""
        columns.append(f'"{c.name}" {_TYPES.get(c.type, "TEXT")}{unique}')
        if c.type == NUMBER:
            columns.append(f'"{c.name}_exact" TEXT')
    columns.append(f"PRIMARY KEY ({_names(table.primary_key)})")
    links = foreign_keys(table)
    columns += [f'FOREIGN KEY ({_names(own)}) REFERENCES "{parent}" ({_names(keys)})' for own, parent, keys in links]
    statements = [f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(columns) + "\n)"]
    statements += [f'CREATE INDEX "{table.name}_by_{"_".join(own)}" ON "{table.name}" ({_names(own)})'
                   for own, _, _ in links]
    return statements


INT64 = range(-(2**63), 2**63)  # the integers SQLite stores as integers


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):  # whole numbers stay exact integers; others are floats (the exact text beside)
        if value == value.to_integral_value() and "." not in exact_text(value) and int(value) in INT64:
            return int(value)
        return float(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and value not in INT64:
        return str(value)  # past SQLite's integers: kept whole, as text
    return value


class SqliteTables:
    """Writes the tables into a new database file, one document at a time."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.inserts = []
        for table in TABLES:
            for statement in _ddl(table):
                self.db.execute(statement)
            exact = [c.type == NUMBER for c in table.columns]
            width = len(table.columns) + sum(exact)
            marks = ", ".join("?" * width)
            self.inserts.append((table, exact, f'INSERT INTO "{table.name}" VALUES ({marks})'))

    def write(self, doc: Document) -> None:
        for table, exact, insert in self.inserts:
            self.db.executemany(insert, (self._row(row, exact) for row in table_rows(doc, table)))

    @staticmethod
    def _row(row: tuple[Any, ...], exact: list[bool]) -> list[Any]:
        out = []
        for value, has_exact in zip(row, exact, strict=True):
            out.append(_value(value))
            if has_exact:
                out.append(exact_text(value) if value is not None else None)
        return out

    def close(self) -> None:
        self.db.commit()
        self.db.close()
