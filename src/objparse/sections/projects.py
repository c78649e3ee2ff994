"""The projects annex: 'AMBITO VALORIALE | SOTTOAMBITO | ID PROGETTO | TITOLO PROGETTO', one project
a row; area and sub-area fill down (the sub-area inside its area)."""

from __future__ import annotations

import attrs

from ..draft import Cell, SideTableRows
from ..model import Project, Projects
from ..rules.fill import fill
from ..values.names import area_code, is_project_id
from .found import Findings

AREA_COLUMN, ID_COLUMN = 0, 2


@attrs.define
class _Project:
    area: str | None
    subarea: str | None
    id: str
    title: str | None
    line: int

    def freeze(self, area: str | None, subarea: str | None) -> Project:
        return Project(area=area, area_code=area_code(area), subarea=subarea, id=self.id, title=self.title,
                       line=self.line)


def _split(cells: tuple[Cell, ...]) -> tuple[Cell | None, Cell | None, Cell | None, Cell | None, list[Cell]]:
    at = next((i for i, c in enumerate(cells) if is_project_id(c.text)), None)
    if at is None:  # an ID of another shape: a single word in the ID column
        at = next((i for i, c in enumerate(cells) if c.column == ID_COLUMN and " " not in c.text), None)
    if at is None:
        return None, None, None, None, list(cells)
    before, pid, after = list(cells[:at]), cells[at], cells[at + 1:]
    subarea = before.pop() if before and not (len(before) == 1 and before[0].column == AREA_COLUMN
                                              and pid.column > AREA_COLUMN + 2) else None
    area = before.pop() if before else None
    title = after[0] if after else None
    return area, subarea, pid, title, before + list(after[1:])


def parse(table: SideTableRows, found: Findings) -> Projects:
    projects: list[_Project] = []
    for row in table.rows:
        area, subarea, pid, title, rest = _split(row.filled)
        if pid is None and projects and len(rest) == 1 and rest[0].column > AREA_COLUMN + 2:
            # a title wrapped onto the next row
            projects[-1].title = f"{projects[-1].title or ''} {rest[0].text}".strip()
            continue
        for cell in rest:
            found.unplaced(cell, "projects table")
        if pid is None:
            continue
        projects.append(_Project(area.text if area else None, subarea.text if subarea else None, pid.text,
                                 title.text if title else None, row.line))
    areas = fill([p.area for p in projects])
    # a new area row starts its sub-areas afresh: fill the sub-area inside runs of the same area row
    starts = fill([i if p.area else None for i, p in enumerate(projects)])
    subareas = fill([p.subarea for p in projects], starts)
    return Projects(
        heading=table.heading.filled[0].text if table.heading else None,
        columns=table.header.texts(),
        line=table.header.line,
        items=tuple(p.freeze(a, s) for p, a, s in zip(projects, areas, subareas, strict=True)),
    )
