"""Tidy tables: the documents flattened to one row per record — the one definition every table
format uses (CSV and its Data Package, XLSX, SQLite, pandas DataFrames).

Every row carries `source`, `office`, `year`, `sheet` and `document_key`, so that tables from many
sheets stack; a record is keyed by its document (`source`, `sheet`) and its ids (`area_id` in the
sub-areas; `area_id`, `subarea_id` and `kpi_id` under a KPI; numbered from 1 within the sheet),
so that tables join. Beside that composite key, each table has a single-column key (`kpi_key`)
and its rows the single-column key of their parent (`subarea_key`), as BI tools and databases
link tables by one column; `document_key` does not depend on how a path was typed. Values stay as
the model holds them: Decimals exact, dates as ISO text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from ..model import HOWS, Area, Document, Kpi, Subarea, record_key
from ..values.vocabulary import AREAS, SUBAREAS

# column types, as Table Schema names them
STRING, INTEGER, NUMBER, BOOLEAN, DATE = "string", "integer", "number", "boolean", "date"


@attrs.frozen
class Column:
    name: str
    type: str
    description: str = ""
    unit: str | None = None  # what a number counts: '%', 'EUR', or 'column:NAME' (the row's NAME says)


@attrs.frozen
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    ids: tuple[str, ...]  # the columns that key a row within its document (its first columns)
    parent: str | None  # the table whose rows these belong to; its ids are the first of these
    rows: Callable[[Document], Iterator[tuple[Any, ...]]]  # a sheet's rows, the ids first, without the stem
    key: str = ""  # the single-column key ('kpi_key'); set when the table is made

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def primary_key(self) -> tuple[str, ...]:
        return ("source", "sheet", *self.ids)


STEM = (Column("source", STRING, "the sheet's file, as given"), Column("office", STRING, "the office's label"),
        Column("year", INTEGER, "the year the title names"),
        Column("sheet", STRING, "the sheet's place in its source: a worksheet's name, else its position"),
        Column("document_key", STRING, "the document's key: its source's digest and its sheet"))


def _stem(doc: Document) -> tuple[Any, ...]:
    return doc.source, doc.office.label, doc.year, doc.sheet, doc.key


def _documents(doc: Document) -> Iterator[tuple[Any, ...]]:
    kpis = sum(len(s.kpis) for a in doc.areas for s in a.subareas)
    statuses = [c.status for c in doc.checks]
    yield (doc.title, doc.office.kind, doc.office.name, doc.office.role, len(doc.areas),
           sum(len(a.subareas) for a in doc.areas), kpis, len(doc.ieep.items) if doc.ieep else 0,
           len(doc.spending.rules) if doc.spending else 0, len(doc.projects.items) if doc.projects else 0,
           len(doc.notes), statuses.count("pass"), statuses.count("fail"), statuses.count("skip"),
           sum(d.severity == "warning" for d in doc.diagnostics), len(doc.unparsed), doc.source_sha256)


def _areas(doc: Document) -> Iterator[tuple[Any, ...]]:
    for a, area in enumerate(doc.areas, start=1):
        yield a, area.name, area.code, area.weight_pct, area.marker, area.line, area.page


def _subareas(doc: Document) -> Iterator[tuple[Any, ...]]:
    for a, area in enumerate(doc.areas, start=1):
        for s, sub in enumerate(area.subareas, start=1):
            yield a, s, area.name, area.code, sub.name, sub.weight_pct, sub.line, sub.page


def _each_kpi(doc: Document) -> Iterator[tuple[int, int, int, Area, Subarea, Kpi]]:
    """Every KPI with its area and sub-area, and the three ids that key it."""
    for a, area in enumerate(doc.areas, start=1):
        for s, sub in enumerate(area.subareas, start=1):
            for k, kpi in enumerate(sub.kpis, start=1):
                yield a, s, k, area, sub, kpi


def _kpis(doc: Document) -> Iterator[tuple[Any, ...]]:
    for a, s, k, area, sub, kpi in _each_kpi(doc):
        t = kpi.target
        yield (a, s, k, area.name, area.code, area.weight_pct, sub.name, sub.weight_pct, kpi.name,
               kpi.implicit, kpi.reference, t and t.raw, t and t.kind, t and t.value, t and t.unit,
               " ".join(kpi.project_ids), kpi.line, kpi.page)


def _citations(doc: Document) -> Iterator[tuple[Any, ...]]:
    for a, s, k, _, _, kpi in _each_kpi(doc):
        cited = [("reference", c) for c in kpi.citations]
        cited += [("target", c) for c in (kpi.target.citations or ())] if kpi.target else []
        for n, (of, c) in enumerate(cited, start=1):
            yield a, s, k, n, of, c.document, c.annex, c.page_from, c.page_to, c.and_following, c.paragraph


def _kpi_projects(doc: Document) -> Iterator[tuple[Any, ...]]:
    for a, s, k, _, _, kpi in _each_kpi(doc):
        for pid in dict.fromkeys(kpi.project_ids):
            yield a, s, k, pid


def _kpi_extras(doc: Document) -> Iterator[tuple[Any, ...]]:
    for a, s, k, _, _, kpi in _each_kpi(doc):
        for column, text in kpi.extra.items():
            yield a, s, k, column, text


def _ieep_items(doc: Document) -> Iterator[tuple[Any, ...]]:
    items = doc.ieep.items if doc.ieep else ()
    for it in items:
        parent = items[it.parent].label if it.parent is not None else None
        yield (it.id, it.label, it.amount, it.raw, it.sign, it.level, it.parent, parent, it.emphasis, it.typo,
               it.line, it.page)


def _ieep_item_extras(doc: Document) -> Iterator[tuple[Any, ...]]:
    for it in doc.ieep.items if doc.ieep else ():
        for column, text in it.extra.items():
            yield it.id, column, text


def _spending_rules(doc: Document) -> Iterator[tuple[Any, ...]]:
    for n, r in enumerate(doc.spending.rules if doc.spending else (), start=1):
        yield n, r.measure, r.phase, r.rule, r.line, r.page


def _projects(doc: Document) -> Iterator[tuple[Any, ...]]:
    for n, p in enumerate(doc.projects.items if doc.projects else (), start=1):
        yield n, p.area, p.area_code, p.subarea, p.id, p.title, p.line, p.page


def _project_extras(doc: Document) -> Iterator[tuple[Any, ...]]:
    for n, p in enumerate(doc.projects.items if doc.projects else (), start=1):
        for column, text in p.extra.items():
            yield n, column, text


def _notes(doc: Document) -> Iterator[tuple[Any, ...]]:
    for n, note in enumerate(doc.notes, start=1):
        act = note.act
        yield (n, note.label, note.marker, note.text, act and act.type, act and act.number, act and act.date,
               note.line, note.page)


def _checks(doc: Document) -> Iterator[tuple[Any, ...]]:
    for n, c in enumerate(doc.checks, start=1):
        yield n, c.name, c.subject, c.status, c.message


def _diagnostics(doc: Document) -> Iterator[tuple[Any, ...]]:
    for n, d in enumerate(doc.diagnostics, start=1):
        yield n, d.severity, d.code, d.message, d.line, d.column


def _unparsed(doc: Document) -> Iterator[tuple[Any, ...]]:
    for n, u in enumerate(doc.unparsed, start=1):
        yield n, u.line, u.column, u.text, u.page


def _cells(doc: Document) -> Iterator[tuple[Any, ...]]:
    for c in doc.cells:
        yield c.line, c.column, c.page, c.text, c.how, c.table, c.record, c.field


def _cols(*spec: str) -> tuple[Column, ...]:
    """'name:type' or 'name:type:unit' (type a Table Schema type, string when left out; unit as
    Column.unit has it)."""
    out = []
    for s in spec:
        name, kind, unit = (*s.split(":", 2), None)[:3] if ":" in s else (s, STRING, None)
        out.append(Column(str(name), str(kind), "", unit))
    return tuple(out)


_AREA = ("area_id", "subarea_id", "kpi_id")
_TABLES = (
    Table("documents", "one row per sheet: what it is, and how much of each part it holds",
          _cols("title", "office_kind", "office_name", "office_role", "areas:integer", "subareas:integer",
                "kpis:integer", "ieep_items:integer", "spending_rules:integer", "projects:integer", "notes:integer",
                "checks_passed:integer", "checks_failed:integer", "checks_skipped:integer", "warnings:integer",
                "unparsed:integer", "source_sha256"),
          (), None, _documents, "document_key"),
    Table("areas", f"the areas ({AREAS}) of the main table",
          _cols("area_id:integer", "area", "area_code", "weight_pct:number:%", "marker", "line:integer",
                "page:integer"),
          ("area_id",), "documents", _areas, "area_key"),
    Table("subareas", f"the sub-areas ({SUBAREAS}), with their area",
          _cols("area_id:integer", "subarea_id:integer", "area", "area_code", "subarea", "weight_pct:number:%",
                "line:integer", "page:integer"),
          ("area_id", "subarea_id"), "areas", _subareas, "subarea_key"),
    Table("kpis", "the KPIs, with their area and sub-area",
          _cols("area_id:integer", "subarea_id:integer", "kpi_id:integer", "area", "area_code",
                "area_weight_pct:number:%", "subarea", "subarea_weight_pct:number:%", "kpi", "implicit:boolean",
                "reference", "target_raw", "target_kind", "target_value:number:column:target_unit", "target_unit",
                "project_ids", "line:integer", "page:integer"),
          _AREA, "subareas", _kpis, "kpi_key"),
    Table("citations", "each citation of a KPI's reference (or of a target that refers to a rule)",
          _cols("area_id:integer", "subarea_id:integer", "kpi_id:integer", "citation_id:integer", "cited_by",
                "document", "annex", "page_from:integer", "page_to:integer", "and_following:boolean", "paragraph"),
          (*_AREA, "citation_id"), "kpis", _citations, "citation_key"),
    Table("kpi_projects", "the projects a KPI that cites the projects register lists",
          _cols("area_id:integer", "subarea_id:integer", "kpi_id:integer", "project_id"),
          (*_AREA, "project_id"), "kpis", _kpi_projects, "kpi_project_key"),
    Table("kpi_extras", "a KPI's cells in the main-table columns its header names beyond the six, by name",
          _cols("area_id:integer", "subarea_id:integer", "kpi_id:integer", "column", "text"),
          (*_AREA, "column"), "kpis", _kpi_extras, "kpi_extra_key"),
    Table("ieep_items", "the I.E.E.P. money tree, one item a row",
          _cols("id:integer", "label", "amount:number:EUR", "raw", "sign:integer", "level:integer", "parent:integer",
                "parent_label", "emphasis:boolean", "typo", "line:integer",
                "page:integer"),
          ("id",), "documents", _ieep_items, "ieep_item_key"),
    Table("ieep_item_extras", "an I.E.E.P. item's cells in the columns the table's header names right of the "
                              "amounts, by name",
          _cols("id:integer", "column", "text"),
          ("id", "column"), "ieep_items", _ieep_item_extras, "ieep_item_extra_key"),
    Table("spending_rules", "the spending table's rules",
          _cols("rule_id:integer", "measure", "phase", "rule", "line:integer", "page:integer"),
          ("rule_id",), "documents", _spending_rules, "spending_rule_key"),
    Table("projects", "the projects annex",
          _cols("project_row:integer", "area", "area_code", "subarea", "id", "title", "line:integer",
                "page:integer"),
          ("project_row",), "documents", _projects, "project_key"),
    Table("project_extras", "a project's cells in the columns the annex's header names beyond its four, by name",
          _cols("project_row:integer", "column", "text"),
          ("project_row", "column"), "projects", _project_extras, "project_extra_key"),
    Table("notes", "the notes under the main table",
          _cols("note_id:integer", "label", "marker", "text", "act_type", "act_number", "act_date:date",
                "line:integer", "page:integer"),
          ("note_id",), "documents", _notes, "note_key"),
    Table("checks", "the checks of the sheet's own arithmetic",
          _cols("check_id:integer", "name", "subject", "status", "message"),
          ("check_id",), "documents", _checks, "check_key"),
    Table("diagnostics", "what objparse noticed, chose, or could not read",
          _cols("diagnostic_id:integer", "severity", "code", "message", "line:integer", "column:integer"),
          ("diagnostic_id",), "documents", _diagnostics, "diagnostic_key"),
    Table("unparsed", "the cells objparse could not place, with their place",
          _cols("cell_id:integer", "line:integer", "column:integer", "text", "page:integer"),
          ("cell_id",), "documents", _unparsed, "unparsed_key"),
    Table("cells", f"every non-empty cell of the source, once: what became of it ({', '.join(HOWS)}), and the "
                   "table, record (its key there) and field it went into",
          _cols("line:integer", "column:integer", "page:integer", "text", "how", "table", "record_key", "field"),
          ("line", "column"), "documents", _cells, "cell_key"),
)


def _keys(table: Table) -> tuple[Column, ...]:
    """The single-column keys a table's rows carry after the stem: their own, then their parent's
    (a documents' child has it in the stem already)."""
    if table.parent is None:
        return ()
    own = Column(table.key, STRING, f"the row's key: its document's key and {', '.join(table.ids)}")
    parent = _BY_NAME_[table.parent]
    if parent.parent is None:
        return (own,)
    return own, Column(parent.key, STRING, f"the key of the row's parent in {parent.name}")


_BY_NAME_ = {t.name: t for t in _TABLES}


def foreign_keys(table: Table) -> list[tuple[tuple[str, ...], str, tuple[str, ...]]]:
    """(columns, parent table, its columns) of each link of a table's rows to their parent's: by
    the composite key, and by the single-column one."""
    if table.parent is None:
        return []
    parent = _BY_NAME_[table.parent]
    return [(parent.primary_key, parent.name, parent.primary_key), ((parent.key,), parent.name, (parent.key,))]
TABLES: tuple[Table, ...] = tuple(attrs.evolve(t, columns=STEM + _keys(t) + t.columns) for t in _TABLES)
BY_NAME = {t.name: t for t in TABLES}
NAMES = tuple(t.name for t in TABLES)
COLUMNS = {t.name: t.names for t in TABLES}


def table_rows(doc: Document, table: Table) -> Iterator[tuple[Any, ...]]:
    """The rows of one table for one sheet, every column in the table's order."""
    stem = _stem(doc)
    if table.parent is None:
        for row in table.rows(doc):
            yield stem + row
        return
    key = stem[-1]
    ids = len(table.ids)
    parent_ids = len(_BY_NAME_[table.parent].ids) if _BY_NAME_[table.parent].parent is not None else None
    for row in table.rows(doc):
        own = record_key(key, row[:ids])
        if parent_ids is None:
            yield (*stem, own, *row)
        else:
            yield (*stem, own, record_key(key, row[:parent_ids]), *row)


def rows(documents: Iterable[Document], table: str) -> list[dict[str, Any]]:
    """Every row of one table across the documents, as dicts in the table's column order."""
    t = BY_NAME[table]
    return [dict(zip(t.names, row, strict=True)) for doc in documents for row in table_rows(doc, t)]


def exact_text(value: Decimal) -> str:
    """A decimal as exact text ('1.013', '4249834748', '3.50')."""
    return format(value, "f")
