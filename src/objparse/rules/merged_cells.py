"""Merged cells. A value printed once stands for a vertical range of rows. Area and sub-area
ranges come from the grammar (a sub-area is its row and the rows under it); here, reference and
target fill independently inside one sub-area, from the nearest row above that has one, else
the nearest below (Excel centres a merged value vertically)."""

from __future__ import annotations

from ..draft import Placed
from .fill import fill


def fill_values(rows: list[Placed]) -> list[Placed]:
    """The rows of one sub-area (its own row first, where it has one), values filled."""
    references = fill([row.reference for row in rows], below=True)
    targets = fill([row.target for row in rows], below=True)
    return [row if (row.reference is ref and row.target is tgt) else row._replace(reference=ref, target=tgt)
            for row, ref, tgt in zip(rows, references, targets, strict=True)]
