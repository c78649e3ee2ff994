"""pandas DataFrames of the tidy tables (pandas is imported here, when first used).

Decimal columns are float64, so that pandas computes with them (`describe()`, `sum()`), and each
has an `_exact` column beside it holding the exact `decimal.Decimal` objects (floats are
binary: 1.013 is not exactly 1.013). Integer columns are the nullable `Int64`, booleans
`boolean`, dates `datetime64`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..model import Document
from .tables import BOOLEAN, DATE, INTEGER, NUMBER, TABLES, table_rows

if TYPE_CHECKING:
    import pandas as pd


def to_frames(documents: Document | Iterable[Document]) -> dict[str, pd.DataFrame]:
    """The tables of one document or of many, as DataFrames by table name."""
    import pandas as pd

    docs = [documents] if isinstance(documents, Document) else list(documents)
    frames = {}
    for table in TABLES:
        rows = [row for doc in docs for row in table_rows(doc, table)]
        columns: dict[str, Any] = {}
        for i, c in enumerate(table.columns):
            values = [row[i] for row in rows]
            if c.type == NUMBER:
                columns[c.name] = pd.Series([float("nan") if v is None else float(v) for v in values],
                                            dtype="float64")
                columns[f"{c.name}_exact"] = pd.Series(values, dtype=object)
            elif c.type == INTEGER:
                columns[c.name] = pd.array(values, dtype="Int64")
            elif c.type == BOOLEAN:
                columns[c.name] = pd.array(values, dtype="boolean")
            elif c.type == DATE:
                columns[c.name] = pd.to_datetime(pd.Series(values, dtype=object))
            else:
                columns[c.name] = pd.Series(values, dtype=object)
        frames[table.name] = pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))
    return frames

