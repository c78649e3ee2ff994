"""The projects annex: 'AMBITO VALORIALE | SOTTOAMBITO | ID PROGETTO | TITOLO PROGETTO', one project
a row; area and sub-area fill down (the sub-area inside its area). A column the header names
right of these four is a column of its own: a project's cell there is kept by that name."""

from __future__ import annotations

import attrs

from ..draft import Cell, SideTableRows, extra_sources, extra_texts, sources, split_named
from ..findings import Found
from ..model import Project, Projects
from ..rules import wrapped_cells
from ..rules.fill import fill
from ..values.names import area_code, is_project_id

AREA_COLUMN, ID_COLUMN, TITLE_COLUMN = 0, 2, 3


@attrs.define
class _Project:
    area: Cell | None
    subarea: Cell | None
    id: Cell | None  # None for a row holding a lone title cell: a title wrapped, or a stray
    cell: Cell | None  # the title
    line: int
    extra: tuple[tuple[str, Cell], ...] = ()  # cells of the header's columns beyond the four, by name

    @property
    def alone(self) -> bool:
        return self.id is None

    @property
    def complete(self) -> bool:
        return self.id is not None

    def with_cell(self, cell: Cell, first: _Project) -> _Project:
        return attrs.evolve(self, cell=cell, line=first.line)

    def freeze(self, area: Cell | None, subarea: Cell | None) -> Project:
        assert self.id is not None
        name = area.text if area else None
        return Project(area=name, area_code=area_code(name), subarea=subarea.text if subarea else None,
                       id=self.id.text, title=self.cell.text if self.cell else None, line=self.line,
                       extra=extra_texts(self.extra),
                       cells=sources(("area", area), ("subarea", subarea), ("id", self.id), ("title", self.cell))
                       + extra_sources(self.extra))


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


def _title_below(above: _Project, row: _Project) -> bool:
    """A project printed without its title, the title alone on the row below."""
    return above.complete and above.cell is None and row.alone and row.cell is not None


def _take_title(above: _Project, row: _Project) -> _Project:
    return attrs.evolve(above, cell=row.cell)


def parse(table: SideTableRows) -> tuple[Projects, Found]:
    found = Found()
    projects: list[_Project] = []
    # the header's columns right of the title's, by name
    extras = {c.column: c.text for c in table.header.filled if c.column > TITLE_COLUMN}
    for row in table.rows:
        cells, named = split_named(row.filled, extras)
        area, subarea, pid, title, rest = _split(cells)
        if pid is None and len(rest) == 1 and rest[0].column > AREA_COLUMN + 2:
            projects.append(_Project(None, None, None, rest[0], row.line))  # perhaps a title wrapped
        else:
            for cell in rest:
                found.unplaced(cell, "projects table")
            if pid is not None:
                projects.append(_Project(area, subarea, pid, title, row.line, named))
        if pid is None:  # cells of the columns of its own on a row that makes no project: none keeps them
            for _, cell in named:
                found.unplaced(cell, "projects table")
    projects, joins = wrapped_cells.join(projects, _title_below, _take_title, "the project title", lambda p: p.line)
    found += joins
    projects, joins = wrapped_cells.join_records(projects, "the project title")
    found += joins
    for lone in [p for p in projects if p.id is None]:
        assert lone.cell is not None
        found.unplaced(lone.cell, "projects table")
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
        cells=sources(("heading", table.heading.filled[0] if table.heading else None),
                      *(("columns", c) for c in table.header.filled)),
    ), found
