"""Project links. A KPI whose reference cites the projects register ('Anagrafica Progetti') lists
the IDs of the projects filed under its area code and sub-area. The projects are indexed once
by area code and sub-area, so linking is linear in the sheet and in the links it writes."""

from __future__ import annotations

import attrs

from ..model import Area, Projects, Subarea
from ..values.names import name_key
from ..values.vocabulary import REGISTER


def _index(projects: Projects) -> dict[str | None, dict[str, list[str]]]:
    """area code -> sub-area key -> project IDs, in the annex's order."""
    index: dict[str | None, dict[str, list[str]]] = {}
    for p in projects.items:
        index.setdefault(p.area_code, {}).setdefault(name_key(p.subarea), []).append(p.id)
    return index


def _ids(subareas: dict[str, list[str]], name: str) -> tuple[str, ...]:
    key = name_key(name)
    if key in subareas:
        return tuple(subareas[key])
    # the annex may shorten a long sub-area name: one name starting the other still matches
    return tuple(pid for other, ids in subareas.items() if key and other and
                 (key.startswith(other) or other.startswith(key)) for pid in ids)


def link(areas: tuple[Area, ...], projects: Projects | None) -> tuple[Area, ...]:
    if projects is None or not projects.items:
        return areas
    index = _index(projects)

    def linked(area: Area, sub: Subarea) -> Subarea:
        citing = [k.reference is not None and REGISTER.search(k.reference) is not None for k in sub.kpis]
        if not any(citing):
            return sub
        ids = _ids(index.get(area.code, {}), sub.name)
        return attrs.evolve(sub, kpis=tuple(attrs.evolve(k, project_ids=ids) if cites else k
                                            for k, cites in zip(sub.kpis, citing, strict=True)))

    out = []
    for area in areas:
        subs = tuple(linked(area, sub) for sub in area.subareas)
        changed = any(new is not old for new, old in zip(subs, area.subareas, strict=True))
        out.append(attrs.evolve(area, subareas=subs) if changed else area)
    return tuple(out)
