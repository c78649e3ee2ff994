"""Wrapped cells. A reference cell that does not start a citation ('Pagg. 4-7', a lower-case word,
the remainder of an annex title) continues the reference above it in the same sub-area; the
joined text is the reference of every row the merged cell covers."""

from __future__ import annotations

from ..draft import Cell, Placed, RowKind
from ..values.cells import CellKind, classify
from ..values.citations import names_document, parse_citation


def continues(cell: Cell, previous: str, documents: tuple[str, ...] = ()) -> bool:
    if cell.kind is CellKind.CONTINUATION:
        return True
    if names_document(cell.text, documents):
        return False
    if previous.rstrip().endswith(("-", "–", ",")):
        return True
    if cell.kind is not CellKind.TEXT:
        return False
    last = parse_citation(previous.rsplit(";", 1)[-1].strip())
    return last.annex is not None and last.page_from is None and last.paragraph is None


def join(rows: list[Placed], documents: tuple[str, ...] = ()) -> list[Placed]:
    """The rows of one sub-area, wrapped references joined."""
    groups: list[list[int]] = []  # row indices covered by one merged reference cell
    texts: list[str] = []
    out = list(rows)
    for i, row in enumerate(rows):
        ref = row.reference
        if ref is None:
            continue
        if groups and continues(ref, texts[-1], documents):
            groups[-1].append(i)
            texts[-1] += " " + ref.text
            above = out[i - 1]
            if (row.kind is RowKind.VALUES and row.target is not None and above.target is None
                    and groups[-1][-2] == i - 1):
                # a row holding only the wrapped part of a cell is the row above spilt in two
                out[i - 1], out[i] = above._replace(target=row.target), row._replace(target=None)
        else:
            groups.append([i])
            texts.append(ref.text)
    for members, text in zip(groups, texts, strict=True):
        if len(members) > 1:
            head = rows[members[0]].reference
            assert head is not None
            joined = head._replace(text=text, kind=classify(text))
            for i in members:
                out[i] = out[i]._replace(reference=joined)
    return out
