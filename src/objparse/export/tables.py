"""Tidy tables: the documents flattened to one row per record, every row carrying `source` and
`office`, so that tables from many sheets stack. Plain dicts, Decimals kept exact."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Document

TABLES = ("kpis", "ieep_items", "spending_rules", "projects", "notes", "checks")

COLUMNS = {
    "kpis": ("source", "office", "year", "area", "area_code", "area_weight_pct", "subarea", "subarea_weight_pct",
             "kpi", "implicit", "reference", "target_raw", "target_kind", "target_value", "target_unit",
             "project_ids", "line"),
    "ieep_items": ("source", "office", "id", "label", "amount", "raw", "sign", "level", "parent", "parent_label",
                   "emphasis", "line"),
    "spending_rules": ("source", "office", "measure", "phase", "rule", "line"),
    "projects": ("source", "office", "area", "area_code", "subarea", "id", "title", "line"),
    "notes": ("source", "office", "label", "marker", "text", "act_type", "act_number", "act_date", "line"),
    "checks": ("source", "office", "name", "subject", "status", "message"),
}


def _kpis(doc: Document) -> Iterator[dict[str, Any]]:
    for area, sub, kpi in doc.kpis():
        t = kpi.target
        yield dict(area=area.name, area_code=area.code, area_weight_pct=area.weight_pct, subarea=sub.name,
                   subarea_weight_pct=sub.weight_pct, kpi=kpi.name, implicit=kpi.implicit, reference=kpi.reference,
                   target_raw=t and t.raw, target_kind=t and t.kind, target_value=t and t.value,
                   target_unit=t and t.unit, project_ids=" ".join(kpi.project_ids), line=kpi.line, year=doc.year)


def _ieep_items(doc: Document) -> Iterator[dict[str, Any]]:
    items = doc.ieep.items if doc.ieep else ()
    for it in items:
        parent = items[it.parent].label if it.parent is not None else None
        yield dict(id=it.id, label=it.label, amount=it.amount, raw=it.raw, sign=it.sign, level=it.level,
                   parent=it.parent, parent_label=parent, emphasis=it.emphasis, line=it.line)


def _spending_rules(doc: Document) -> Iterator[dict[str, Any]]:
    for r in doc.spending.rules if doc.spending else ():
        yield dict(measure=r.measure, phase=r.phase, rule=r.rule, line=r.line)


def _projects(doc: Document) -> Iterator[dict[str, Any]]:
    for p in doc.projects.items if doc.projects else ():
        yield dict(area=p.area, area_code=p.area_code, subarea=p.subarea, id=p.id, title=p.title, line=p.line)


def _notes(doc: Document) -> Iterator[dict[str, Any]]:
    for n in doc.notes:
        yield dict(label=n.label, marker=n.marker, text=n.text, act_type=n.act and n.act.type,
                   act_number=n.act and n.act.number, act_date=n.act and n.act.date, line=n.line)


def _checks(doc: Document) -> Iterator[dict[str, Any]]:
    for c in doc.checks:
        yield dict(name=c.name, subject=c.subject, status=c.status, message=c.message)


_ROWS = {"kpis": _kpis, "ieep_items": _ieep_items, "spending_rules": _spending_rules, "projects": _projects,
         "notes": _notes, "checks": _checks}


def rows(documents: Iterable[Document], table: str) -> list[dict[str, Any]]:
    """Every row of one table across the documents, columns in COLUMNS order."""
    out = []
    for doc in documents:
        for row in _ROWS[table](doc):
            row.update(source=doc.source, office=doc.office.label)
            out.append({col: row.get(col) for col in COLUMNS[table]})
    return out


def to_frames(documents: Iterable[Document]) -> dict[str, Any]:
    """The tables as pandas DataFrames (pandas is imported here, on first use only)."""
    import pandas as pd

    docs = list(documents)
    return {name: pd.DataFrame(rows(docs, name), columns=list(COLUMNS[name])) for name in TABLES}
