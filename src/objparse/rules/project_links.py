"""Project links. A KPI whose reference cites the projects register ('Anagrafica Progetti') lists
the IDs of the projects filed under its area code and sub-area."""

from __future__ import annotations

import re

import attrs

from ..model import Area, Projects
from ..values.names import name_key, same_name

_REGISTER = re.compile(r"(?:anagrafica|elenco)\s+progetti", re.IGNORECASE)


def link(areas: tuple[Area, ...], projects: Projects | None) -> tuple[Area, ...]:
    if projects is None:
        return areas

    def ids(area: Area, subarea_name: str) -> tuple[str, ...]:
        mine = [p for p in projects.items if p.area_code == area.code]
        exact = tuple(p.id for p in mine if same_name(p.subarea, subarea_name))
        if exact:
            return exact
        # the annex may shorten a long sub-area name: one name starting the other still matches
        key = name_key(subarea_name)
        return tuple(p.id for p in mine if key and name_key(p.subarea) and
                     (key.startswith(name_key(p.subarea)) or name_key(p.subarea).startswith(key)))

    return tuple(
        attrs.evolve(area, subareas=tuple(
            attrs.evolve(sub, kpis=tuple(
                attrs.evolve(kpi, project_ids=ids(area, sub.name))
                if kpi.reference and _REGISTER.search(kpi.reference) else kpi
                for kpi in sub.kpis))
            for sub in area.subareas))
        for area in areas
    )
