"""The projects annex: 'AMBITO VALORIALE | SOTTOAMBITO | ID PROGETTO | TITOLO PROGETTO', one project
a row; area and sub-area fill down (the sub-area inside its area)."""

from __future__ import annotations

import re

from ..draft import Cell, cells_of
from ..lexer import Row
from ..model import Project, Projects
from ..rules.fill import fill
from ..values.names import area_code
from .found import Findings

# NOPE24_DCBOL_16.1, PES2024_DCO_MI.06_100: an upper-case code, underscores, digits and dots
_PROJECT_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:[_.-][A-Za-z0-9]+)*_[A-Za-z0-9.]*\d[A-Za-z0-9.]*$")
AREA_COLUMN, ID_COLUMN = 0, 2


def _split(cells: list[Cell]):
    at = next((i for i, c in enumerate(cells) if _PROJECT_ID.match(c.text)), None)
    if at is None:  # an ID of another shape: a single word in the ID column
        at = next((i for i, c in enumerate(cells) if c.column == ID_COLUMN and " " not in c.text), None)
    if at is None:
        return None, None, None, None, cells
    before, pid, after = cells[:at], cells[at], cells[at + 1:]
    subarea = before.pop() if before and not (len(before) == 1 and before[0].column == AREA_COLUMN
                                              and pid.column > AREA_COLUMN + 2) else None
    area = before.pop() if before else None
    title = after[0] if after else None
    return area, subarea, pid, title, before + after[1:]


def parse(heading: str | None, header: Row, rows: list[Row], found: Findings) -> Projects:
    drafts = []
    for row in rows:
        area, subarea, pid, title, rest = _split(cells_of(row))
        if pid is None and drafts and len(rest) == 1 and rest[0].column > AREA_COLUMN + 2:
            # a title wrapped onto the next row
            drafts[-1]["title"] = f"{drafts[-1]['title'] or ''} {rest[0].text}".strip()
            continue
        for cell in rest:
            found.unplaced(cell, "projects table")
        if pid is None:
            continue
        drafts.append(dict(area=area.text if area else None, subarea=subarea.text if subarea else None,
                           id=pid.text, title=title.text if title else None, line=row.line))
    areas = fill([d["area"] for d in drafts])
    # a new area row starts its sub-areas afresh: fill the sub-area inside runs of the same area row
    starts = fill([i if d["area"] else None for i, d in enumerate(drafts)])
    subareas = fill([d["subarea"] for d in drafts], starts)
    items = tuple(Project(**{**d, "area": a, "area_code": area_code(a), "subarea": s})
                  for d, a, s in zip(drafts, areas, subareas))
    return Projects(
        heading=heading,
        columns=header.texts(),
        line=header.line,
        items=items,
    )
