"""Values in the neighbouring column. A target can land in RIFERIMENTI: a number or an amount is
recognised as it is placed (rules.shifted_rows); a text rule ('Scostamento 0 su budget ...') only
here, once wrapped references are joined: a reference cell that cites nothing (no document, no
pages, no paragraph) on a row without a target is that row's target."""

from __future__ import annotations

from ..draft import Placed
from ..values.cells import CellKind
from ..values.citations import has_locator, names_document


def cites_nothing(text: str, kind: CellKind, documents: tuple[str, ...]) -> bool:
    return (kind is CellKind.TEXT and " - " not in text and not has_locator(text)
            and not names_document(text, documents))


def move_targets(rows: list[Placed], documents: tuple[str, ...] = ()) -> list[Placed]:
    return [row._replace(reference=None, target=row.reference)
            if row.target is None and row.reference is not None
            and cites_nothing(row.reference.text, row.reference.kind, documents)
            else row
            for row in rows]
