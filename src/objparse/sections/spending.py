"""The spending table: 'Indicatore (di) Gestione della Spesa | measure | phase | rule'.
The measure fills down; a row whose rule starts in the phase column has no phase."""

from __future__ import annotations

import re

import attrs

from ..draft import Cell, SideTableRows
from ..findings import Findings
from ..model import Spending, SpendingRule
from ..rules import wrapped_cells
from ..rules.fill import fill

PHASE = 2  # the phase's column in an undamaged row (the measure is column 1, the rule column 3)
_PHASE = re.compile(r"^(?:[IVX]+(?:\s*[-,]\s*[IVX]+)*\s+)?(?:forecast|trimestre|semestre|consuntivo|budget)\b.{0,20}$"
                    r"|^[IVX]+(?:\s*[-,]\s*[IVX]+)*$", re.IGNORECASE)


@attrs.define
class _Rule:
    measure: str | None
    phase: str | None
    rule: str
    line: int
    column: int  # of the rule's cell

    def freeze(self, measure: str | None) -> SpendingRule:
        return SpendingRule(measure=measure, phase=self.phase, rule=self.rule, line=self.line)


def _split(cells: tuple[Cell, ...]) -> tuple[Cell | None, Cell | None, Cell | None, list[Cell]]:
    """measure, phase, rule of one row: the rule is the last cell; a phase is short and names
    a period; whatever stands before them is the measure."""
    if not cells:
        return None, None, None, []
    *before, rule = cells
    phase = before.pop() if before and (_PHASE.match(before[-1].text) or (before[-1].column == PHASE and
                                        len(before) > 1)) else None
    measure = before.pop() if before else None
    return measure, phase, rule, before


def _follows(above: _Rule, rule: _Rule) -> bool:
    """One rule that a PDF wrapped over two rows, in one column, carrying on its phrase: the rest
    alone under it, or its start alone above the row with the rest and the measure or phase (a
    tall row's other cells printed on its last line)."""
    alone_below = rule.measure is None and rule.phase is None
    alone_above = above.measure is None and above.phase is None
    return ((alone_below or alone_above) and rule.column == above.column
            and wrapped_cells.continues(above.rule, rule.rule))


def _merge(above: _Rule, rule: _Rule) -> _Rule:
    joined = f"{above.rule} {rule.rule}"
    if rule.measure is None and rule.phase is None:
        return attrs.evolve(above, rule=joined)
    return attrs.evolve(rule, rule=joined, line=above.line)


def parse(table: SideTableRows, found: Findings) -> Spending:
    header = table.header
    rules: list[_Rule] = []
    for row in [header, *table.rows]:
        cells = row.filled[1:] if row is header else row.filled
        measure, phase, rule, rest = _split(cells)
        for cell in rest:
            found.unplaced(cell, "spending table")
        if rule is None:
            continue
        rules.append(_Rule(measure.text if measure else None, phase.text if phase else None, rule.text, row.line,
                           rule.column))
    rules = wrapped_cells.join(rules, _follows, _merge, found, "the spending rule", lambda r: r.line)
    measures = fill([r.measure for r in rules])
    return Spending(
        heading=table.heading.filled[0].text if table.heading else None,
        title=header.filled[0].text,
        line=header.line,
        rules=tuple(r.freeze(m) for r, m in zip(rules, measures, strict=True)),
    )
