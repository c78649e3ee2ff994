"""The audit report: one self-contained HTML page that shows each sheet as its grid, every cell
coloured by what it became, so that a person checks a reading in a minute.

Made from the documents alone (their account of every cell, `Document.cells`, and their tables),
through a Jinja2 template that escapes everything it prints: a sheet's text stays text. No
network: inline style, a little inline script, no font or image fetched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from ..model import CellUse, Document
from .tables import TABLES, exact_text, table_rows

# what a cell became, by the table and field it went into: (class, legend)
KINDS = {
    "area": "area", "subarea": "sub-area", "kpi": "KPI", "reference": "reference", "target": "target",
    "extra": "column of its own", "note": "note", "ieep": "I.E.E.P. item", "spending": "spending",
    "project": "project", "sheet": "title, office, header", "dropped": "dropped (page furniture)",
    "unplaced": "unplaced",
}
HOWS = {"filled": "a merged cell: its value filled into the rows it covers",
        "joined": "wrapped text: joined to the cell it continues",
        "moved": "out of its column (a shifted row): read by what it holds"}
_BY_TABLE = {"areas": "area", "subareas": "subarea", "kpi_extras": "extra", "project_extras": "extra",
             "ieep_item_extras": "extra",
             "notes": "note", "ieep_items": "ieep", "spending_rules": "spending", "projects": "project",
             "unparsed": "unplaced", "diagnostics": "dropped"}
_KPI_FIELDS = {"kpi": "kpi", "reference": "reference", "target_raw": "target"}


def kind(cell: CellUse) -> str:
    """The class of what a cell became (a key of KINDS)."""
    if cell.table == "kpis":
        return _KPI_FIELDS.get(cell.field or "", "kpi")
    if cell.table == "documents":
        part = (cell.field or "").split(".", 1)[0]
        return {"ieep": "ieep", "spending": "spending", "projects": "project"}.get(part, "sheet")
    return _BY_TABLE.get(cell.table, "sheet")


class Shown(NamedTuple):
    """A cell as the report shows it."""

    id: str
    column: int  # 1-based, the source's
    text: str
    kind: str
    how: str
    field: str
    record: str
    value: str  # the value the field holds, exactly
    guesses: tuple[str, ...]  # the rules that guessed about it (info diagnostics), in their words


class Finding(NamedTuple):
    severity: str  # 'fail' (a check), 'error', 'warning', 'unplaced', 'info' (how the whole file was read)
    text: str
    target: str | None  # the id of its cell


class Sheet(NamedTuple):
    id: str
    doc: Document
    columns: list[str]  # the grid's column letters (A, B, …)
    # (line, page, its cells left to right: a cell, or the number of empty columns before the next)
    rows: list[tuple[int, int | None, list[Shown | int]]]
    findings: list[Finding]
    counts: dict[str, int]  # cells by how


def _text(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, Decimal):
        return exact_text(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return " | ".join(map(str, value))
    return str(value)


def _records(doc: Document) -> dict[tuple[str, str], dict[str, Any]]:
    """Every row of every table of the document, by (table, its key)."""
    out = {}
    for table in TABLES:
        if table.name == "cells":
            continue
        key = table.key or "document_key"
        for row in table_rows(doc, table):
            values = dict(zip(table.names, row, strict=True))
            out[table.name, values[key]] = values
    return out


def _value(doc: Document, records: dict[tuple[str, str], dict[str, Any]], cell: CellUse) -> str:
    """The exact value the cell's field holds ('(none)' for a dropped or unplaced cell's)."""
    if cell.field is None:
        return "(none)"
    if cell.table == "documents":
        owner: Any = doc
        for name in cell.field.split("."):
            owner = getattr(owner, name, None)
        return _text(owner.label if cell.field == "office" else owner)
    row = records.get((cell.table, cell.record), {})
    value = _text(row.get(cell.field))
    if cell.table == "kpis" and cell.field == "target_raw" and row.get("target_kind"):
        value += f" — {row['target_kind']}"
        if row.get("target_value") is not None:
            value += f" {_text(row['target_value'])}" + (f" {row['target_unit']}" if row.get("target_unit") else "")
    return value


def _guesses(doc: Document) -> tuple[dict[tuple[int, int], list[str]], list[str]]:
    """The info diagnostics (the rules' guesses) by the cell they are about — the one at their
    place, else their row's first — and those about the whole file (how it was decoded, split)."""
    firsts: dict[int, int] = {}
    places = set()
    for c in doc.cells:
        places.add((c.line, c.column))
        firsts[c.line] = min(firsts.get(c.line, c.column), c.column)
    out: dict[tuple[int, int], list[str]] = {}
    whole = []
    for d in doc.diagnostics:
        if d.severity != "info":
            continue
        said = f"{d.code}: {d.message}"
        if d.line is not None and (d.line, d.column) in places:
            out.setdefault((d.line, d.column), []).append(said)  # type: ignore[arg-type]
        elif d.line is not None and d.line in firsts:
            out.setdefault((d.line, firsts[d.line]), []).append(said)
        else:
            whole.append(said)
    return out, whole


def sheet(n: int, doc: Document) -> Sheet:
    sid = f"s{n}"
    records = _records(doc)
    guesses, whole = _guesses(doc)
    by_line: dict[int, dict[int, CellUse]] = {}
    for c in doc.cells:
        by_line.setdefault(c.line, {})[c.column] = c
    width = max((c.column for c in doc.cells), default=0)
    ids: dict[tuple[int, int], str] = {}
    rows = []
    for line in sorted(by_line):
        cells = by_line[line]
        shown: list[Shown | int] = []
        empty_from = 1
        for column in sorted(cells):
            if column > empty_from:
                shown += _empty(column - empty_from)
            at = cells[column]
            ids[line, column] = f"{sid}-{line}-{column}"
            shown.append(Shown(ids[line, column], column, at.text, kind(at), at.how,
                               f"{at.table}.{at.field}" if at.field else at.table, at.record,
                               _value(doc, records, at), tuple(guesses.get((line, column), ()))))
            empty_from = column + 1
        if empty_from <= width:
            shown += _empty(width + 1 - empty_from)
        rows.append((line, next(iter(cells.values())).page, shown))
    counts: dict[str, int] = {}
    for c in doc.cells:
        counts[c.how] = counts.get(c.how, 0) + 1
    findings = _findings(doc, records, ids) + [Finding("info", said, None) for said in whole]
    return Sheet(sid, doc, [letters(n) for n in range(1, width + 1)], rows, findings, counts)


SHORT_RUN = 8  # empty cells drawn one by one, as a grid; a longer run is one cell of the grid


def _empty(run: int) -> list[int]:
    """A run of empty cells as the grid draws it: one by one, or, past SHORT_RUN, as one cell (a
    sparse sheet of many columns stays small)."""
    return [1] * run if run <= SHORT_RUN else [run]


def letters(column: int) -> str:
    """A 1-based column as a spreadsheet names it: A, B, …, Z, AA, …"""
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


# the record a failed check is about: (table, the field that names it; None: the table's first)
_SUBJECTS = {"area_weights": ("areas", None), "subarea_weights": ("areas", "area"),
             "ieep_sums": ("ieep_items", "label"), "ieep_kpis": ("kpis", "kpi")}


class _Links:
    """Where a finding links to, found in one pass over the sheet: the cell at a place (or its
    row's first), and the first cell of a record."""

    def __init__(self, doc: Document, records: dict[tuple[str, str], dict[str, Any]], ids: dict[tuple[int, int], str]):
        self.ids = ids
        self.lines: dict[int, str] = {}
        for (line, _), cell_id in sorted(ids.items(), reverse=True):  # each line's first cell last, so it stays
            self.lines[line] = cell_id
        self.records: dict[tuple[str, str], str] = {}
        for c in doc.cells:
            self.records.setdefault((c.table, c.record), ids[c.line, c.column])
        self.named: dict[tuple[str, str | None, Any], str] = {}  # (table, field, its value) -> the record's key
        for (table, key), row in records.items():
            for field in {f for t, f in _SUBJECTS.values() if t == table}:
                self.named.setdefault((table, field, row.get(field) if field else None), key)

    def at(self, line: int | None, column: int | None) -> str | None:
        if line is None:
            return None
        return self.ids.get((line, column)) if column is not None and (line, column) in self.ids else \
            self.lines.get(line)

    def subject(self, check: str, subject: str | None) -> str | None:
        table, field = _SUBJECTS.get(check, ("", None))
        key = self.named.get((table, field, subject if field else None))
        return self.records.get((table, key)) if key is not None else None


def _findings(doc: Document, records: dict[tuple[str, str], dict[str, Any]],
              ids: dict[tuple[int, int], str]) -> list[Finding]:
    """Failed checks, errors, warnings and unplaced cells, each with its cell where it has one."""
    links = _Links(doc, records, ids)
    out = [Finding("fail", f"check {c.name}{f' ({c.subject})' if c.subject else ''} failed: {c.message}",
                   links.subject(c.name, c.subject)) for c in doc.checks if c.status == "fail"]
    out += [Finding(d.severity, f"{d.code}: {d.message}" + (f" (line {d.line})" if d.line else ""),
                    links.at(d.line, d.column)) for d in doc.diagnostics
            if d.severity in ("error", "warning") and d.code not in ("unplaced-cell", "check-failed")]
    # (page numbers are kept in unparsed too, but the account has them as page furniture)
    furniture = {(c.line, c.column) for c in doc.cells if c.how == "dropped"}
    out += [Finding("unplaced", f"line {u.line}, column {u.column}: {u.text!r} fits no field",
                    links.at(u.line, u.column)) for u in doc.unparsed if (u.line, u.column) not in furniture]
    return out


def to_html(documents: Iterable[Document], unreadable: Sequence[tuple[str, str]] = ()) -> str:
    """The report of the documents (and a line for each source that could not be read: (source,
    why)), as one HTML page."""
    from importlib import resources

    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    text = resources.files("objparse.templates").joinpath("report.html").read_text(encoding="utf-8")
    sheets = [sheet(n, doc) for n, doc in enumerate(documents, start=1)]
    return env.from_string(text).render(sheets=sheets, unreadable=unreadable, kinds=KINDS, hows=HOWS)

