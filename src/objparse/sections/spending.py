"""The spending table: 'Indicatore (di) Gestione della Spesa | measure | phase | rule'.
The measure fills down; a row whose rule starts in the phase column has no phase."""

from __future__ import annotations

import attrs

from ..draft import Cell, SideTableRows, sources
from ..findings import Found
from ..model import Spending, SpendingRule
from ..rules import wrapped_cells
from ..rules.fill import fill
from ..values.vocabulary import PHASE_NAME

PHASE = 2  # the phase's column in an undamaged row (the measure is column 1, the rule column 3)


@attrs.define
class _Rule:
    measure: Cell | None
    phase: Cell | None
    cell: Cell  # the rule
    line: int  # the row's (a header joined above starts there)

    @property
    def alone(self) -> bool:
        return self.measure is None and self.phase is None

    @property
    def complete(self) -> bool:
        return not self.alone

    def with_cell(self, cell: Cell, first: _Rule) -> _Rule:
        return attrs.evolve(self, cell=cell, line=first.line)

    def freeze(self, measure: Cell | None) -> SpendingRule:
        return SpendingRule(measure=measure.text if measure else None, phase=self.phase.text if self.phase else None,
                            rule=self.cell.text, line=self.line,
                            cells=sources(("measure", measure), ("phase", self.phase), ("rule", self.cell)))


def _split(cells: tuple[Cell, ...]) -> tuple[Cell | None, Cell | None, Cell | None, list[Cell]]:
    """measure, phase, rule of one row: the rule is the last cell; a phase is short and names
    a period; whatever stands before them is the measure."""
    if not cells:
        return None, None, None, []
    *before, rule = cells
    phase = before.pop() if before and (PHASE_NAME.match(before[-1].text) or (before[-1].column == PHASE and
                                        len(before) > 1)) else None
    measure = before.pop() if before else None
    return measure, phase, rule, before


def parse(table: SideTableRows) -> tuple[Spending, Found]:
    found = Found()
    header = table.header
    rules: list[_Rule] = []
    for row in [header, *table.rows]:
        cells = row.filled[1:] if row is header else row.filled
        measure, phase, rule, rest = _split(cells)
        for cell in rest:
            found.unplaced(cell, "spending table")
        if rule is None:
            continue
        rules.append(_Rule(measure, phase, rule, row.line))
    rules, joins = wrapped_cells.join_records(rules, "the spending rule")
    found += joins
    measures = fill([r.measure for r in rules])
    return Spending(
        heading=table.heading.filled[0].text if table.heading else None,
        title=header.filled[0].text,
        line=header.line,
        rules=tuple(r.freeze(m) for r, m in zip(rules, measures, strict=True)),
        cells=sources(("heading", table.heading.filled[0] if table.heading else None), ("title", header.filled[0])),
    ), found
