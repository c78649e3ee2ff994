"""The projects annex: 'AMBITO VALORIALE | SOTTOAMBITO | ID PROGETTO | TITOLO PROGETTO', one project
a row; area and sub-area fill down (the sub-area inside its area)."""

from __future__ import annotations

import attrs

from ..draft import Cell, SideTableRows
from ..findings import Findings
from ..model import Project, Projects
from ..rules import wrapped_cells
from ..rules.fill import fill
from ..values.names import area_code, is_project_id

AREA_COLUMN, ID_COLUMN = 0, 2


@attrs.define
class _Project:
    area: str | None
    subarea: str | None
    id: Cell | None  # None for a row holding a lone title cell: a title wrapped, or a stray
    title: Cell | None
    line: int

    def freeze(self, area: str | None, subarea: str | None) -> Project:
        assert self.id is not None
        return Project(area=area, area_code=area_code(area), subarea=subarea, id=self.id.text,
                       title=self.title.text if self.title else None, line=self.line)


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


def _follows(above: _Project, row: _Project) -> bool:
    """One title that a PDF wrapped over two rows, in the title column, carrying on its phrase:
    the rest alone under it, or its start alone above the row with the rest and the ID (a tall
    row's other cells printed on its last line)."""
    if row.id is None and above.id is not None and row.title is not None and above.title is None:
        return True  # a project printed without its title, the title on the row below
    if above.title is None or row.title is None or row.title.column != above.title.column:
        return False
    return ((row.id is None and above.id is not None) or (above.id is None and row.id is not None)) and \
        wrapped_cells.continues(above.title.text, row.title.text)


def _merge(above: _Project, row: _Project) -> _Project:
    if above.title is None:
        return attrs.evolve(above, title=row.title)
    title = wrapped_cells.joined(above.title, row.title)  # type: ignore[arg-type]
    if row.id is None:
        return attrs.evolve(above, title=title)
    return attrs.evolve(row, title=title, line=above.line)


def parse(table: SideTableRows, found: Findings) -> Projects:
    projects: list[_Project] = []
    for row in table.rows:
        area, subarea, pid, title, rest = _split(row.filled)
        if pid is None and len(rest) == 1 and rest[0].column > AREA_COLUMN + 2:
            projects.append(_Project(None, None, None, rest[0], row.line))  # perhaps a title wrapped
            continue
        for cell in rest:
            found.unplaced(cell, "projects table")
        if pid is not None:
            projects.append(_Project(area.text if area else None, subarea.text if subarea else None, pid,
                                     title, row.line))
    projects = wrapped_cells.join(projects, _follows, _merge, found, "the project title", lambda p: p.line)
    for lone in [p for p in projects if p.id is None]:
        assert lone.title is not None
        found.unplaced(lone.title, "projects table")
    projects = [p for p in projects if p.id is not None]
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
