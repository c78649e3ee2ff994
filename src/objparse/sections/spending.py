"""The spending table: 'Indicatore (di) Gestione della Spesa | measure | phase | rule'.
The measure fills down; a row whose rule starts in the phase column has no phase."""

from __future__ import annotations

import re

from ..draft import Cell, cells_of
from ..lexer import Row
from ..model import Spending, SpendingRule
from ..rules.fill import fill
from .found import Findings

PHASE, RULE = 2, 3  # columns of an undamaged row (the measure is column 1)
_PHASE = re.compile(r"^(?:[IVX]+(?:\s*[-,]\s*[IVX]+)*\s+)?(?:forecast|trimestre|semestre|consuntivo|budget)\b.{0,20}$"
                    r"|^[IVX]+(?:\s*[-,]\s*[IVX]+)*$", re.IGNORECASE)


def _split(cells: list[Cell]) -> tuple[Cell | None, Cell | None, Cell | None, list[Cell]]:
    """measure, phase, rule of one row: the rule is the last cell; a phase is short and names
    a period; whatever stands before them is the measure."""
    if not cells:
        return None, None, None, []
    *before, rule = cells
    phase = before.pop() if before and (_PHASE.match(before[-1].text) or before[-1].column == PHASE and
                                        len(before) > 1) else None
    measure = before.pop() if before else None
    return measure, phase, rule, before


def parse(heading: str | None, header: Row, rows: list[Row], found: Findings) -> Spending:
    drafts = []
    for row in [header, *rows]:
        cells = cells_of(row)
        if row is header:
            cells = cells[1:]
        measure, phase, rule, rest = _split(cells)
        for cell in rest:
            found.unplaced(cell, "spending table")
        if rule is None:
            continue
        if measure is None and phase is None and drafts and rule.column >= RULE:
            # a lone cell in the rule column: the rule above, wrapped onto this row
            drafts[-1]["rule"] += " " + rule.text
            continue
        drafts.append(dict(measure=measure.text if measure else None, phase=phase.text if phase else None,
                           rule=rule.text, line=row.line))
    measures = fill([d["measure"] for d in drafts])
    rules = tuple(SpendingRule(**{**d, "measure": m}) for d, m in zip(drafts, measures))
    return Spending(
        heading=heading,
        title=header.cells[0],
        line=header.line,
        rules=rules,
    )
