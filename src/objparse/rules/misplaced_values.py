"""Values in the neighbouring column. A target can land in RIFERIMENTI: a number or an amount is
recognised as it is placed (rules.shifted_rows); a text rule ('Scostamento 0 su budget ...') only
here, once wrapped references are joined: a reference cell that cites nothing (no document, no
pages, no paragraph) on a row without a target is that row's target."""

from __future__ import annotations

from ..draft import TableRow
from ..values.cells import CellKind, classify
from ..values.citations import has_locator, names_document


def cites_nothing(text: str, documents: tuple[str, ...]) -> bool:
    return (classify(text) is CellKind.TEXT and " - " not in text and not has_locator(text)
            and not names_document(text, documents))


def move_targets(rows: list[TableRow], documents: tuple[str, ...] = ()) -> list[TableRow]:
    return [row._replace(reference=None, target=row.reference)
            if row.target is None and row.reference is not None and cites_nothing(row.reference.text, documents)
            else row
            for row in rows]
