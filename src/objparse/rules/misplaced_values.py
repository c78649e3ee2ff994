"""Values in the neighbouring column. A target can land in RIFERIMENTI: a number or an amount is
recognised as it is placed (rules.shifted_rows); a text rule ('Scostamento 0 su budget ...') only
here, once wrapped references are joined: a reference cell that cites nothing (no document, no
pages, no paragraph) on a row without a target is that row's target. Each move is noted."""

from __future__ import annotations

from ..draft import Placed
from ..findings import Finding
from ..values.cells import CellKind
from ..values.citations import has_locator, names_document
from ..values.vocabulary import REFERENCES


def cites_nothing(text: str, kind: CellKind, documents: tuple[str, ...]) -> bool:
    return (kind is CellKind.TEXT and " - " not in text and not has_locator(text)
            and not names_document(text, documents))


def move_targets(rows: list[Placed], documents: tuple[str, ...]) -> tuple[list[Placed], list[Finding]]:
    out = []
    found = []
    for row in rows:
        ref = row.reference
        if row.target is None and ref is not None and cites_nothing(ref.text, ref.kind, documents):
            found.append(Finding("misplaced-value", f"a text in {REFERENCES} that cites nothing, on a row without a "
                                                    "target: read as the target", row.line, ref.column + 1))
            row = row._replace(reference=None, target=ref)
        out.append(row)
    return out, found
