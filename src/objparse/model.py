"""The document model: the v1 output contract as frozen attrs classes. No logic beyond derived fields.

Field order is output order. Fields marked OMIT_IF_NONE are left out of the output when None
(`page`, which only a record read from a PDF has: the 1-based page its row is printed on).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

OMIT_IF_NONE = {"omit_if_none": True}

# the vocabularies of the contract: the code uses these, and the JSON Schema is made from them
OFFICE_KINDS = ("central", "regional", "metropolitan")
AREA_CODES = ("sociale", "istituzionale", "economico", "ecosistema", "organizzativo")
TARGET_KINDS = ("number", "money", "percent", "text", "reference")
UNITS = {"money": "EUR", "percent": "%", "number": None}  # a target's unit, by kind
CHECK_NAMES = ("area_weights", "subarea_weights", "ieep_sums", "ieep_kpis")
STATUSES = ("pass", "fail", "skip")
SEVERITIES = ("error", "warning", "info")
TYPOS = ("own", "child")


def vocabulary(values: tuple[object, ...]) -> dict[str, object]:
    """Field metadata naming the values a field may take (for the JSON Schema)."""
    return {"vocabulary": values}


# --- provenance: not part of the JSON contract; the `cells` table and the API carry it ----------

HOWS = ("read", "filled", "joined", "moved", "dropped", "unplaced")  # what became of a source cell


class From(NamedTuple):
    """A source cell a record's field was made of: its line and column (0-based, where the sheet
    starts, in the main table's usual order of columns) and how it came in: 'read', 'joined' (the
    rest of a wrapped cell) or 'moved' (out of its column: a shifted row). `key` names the part
    of the record a field of several parts holds ('extra': the column's name)."""

    field: str
    line: int
    column: int
    how: str = "read"
    key: str = ""


class CellUse(NamedTuple):
    """What became of one non-empty source cell: its place (line or worksheet row, 1-based column
    of the source, and a PDF's page), its text, how it was used (HOWS), and the record and field
    it went into: a table of objparse.export.tables, a row's key there, the column."""

    line: int
    column: int
    text: str
    how: str
    table: str
    record: str
    field: str | None
    page: int | None = None


PROVENANCE = {"provenance": True}  # a field that is no part of the output contract


def provenance() -> Any:
    """A record's source cells: compared by nothing, written to no JSON."""
    return attrs.field(default=(), kw_only=True, eq=False, repr=False, metadata=PROVENANCE)


def record_key(parent: str, ids: Iterable[object]) -> str:
    """The single-column key of a record: its document's (or parent's) key and the ids that key it
    within ('744c9c06adf3d14a-1/1/2/3'), as every table and the cells account have it."""
    return "/".join((parent, *map(str, ids)))


def output_fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of a model class that the output contract has (provenance left out)."""
    return tuple(f for f in attrs.fields(cls) if not f.metadata.get("provenance"))


@attrs.frozen
class Office:
    label: str | None
    kind: str | None = attrs.field(metadata=vocabulary(OFFICE_KINDS))
    name: str | None
    role: str | None


@attrs.frozen
class Citation:
    document: str | None = None
    annex: str | None = None
    page_from: int | None = None
    page_to: int | None = None
    and_following: bool = False
    paragraph: str | None = None


@attrs.frozen
class Target:
    raw: str
    kind: str = attrs.field(metadata=vocabulary(TARGET_KINDS))
    value: Decimal | None = attrs.field()
    unit: str | None = attrs.field(metadata=vocabulary(("EUR", "%")))
    citations: tuple[Citation, ...] | None = attrs.field(default=None, metadata=OMIT_IF_NONE)


@attrs.frozen
class Kpi:
    name: str
    line: int
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    implicit: bool
    reference: str | None
    citations: tuple[Citation, ...]
    target: Target | None
    project_ids: tuple[str, ...] = ()
    # the cells of main-table columns the header names beyond the six ({'NOTE': 'dato provvisorio'})
    extra: dict[str, str] = attrs.field(factory=dict, hash=False)
    cells: tuple[From, ...] = provenance()


@attrs.frozen
class Subarea:
    name: str
    weight_pct: Decimal | None
    line: int
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    kpis: tuple[Kpi, ...]
    cells: tuple[From, ...] = provenance()


@attrs.frozen
class Area:
    name: str
    code: str | None = attrs.field(metadata=vocabulary(AREA_CODES))
    weight_pct: Decimal | None = attrs.field()
    marker: str | None = attrs.field()
    line: int = attrs.field()
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    subareas: tuple[Subarea, ...] = attrs.field()
    cells: tuple[From, ...] = provenance()


@attrs.frozen
class IeepItem:
    id: int
    label: str
    amount: Decimal | None
    raw: str | None
    sign: int = attrs.field(metadata=vocabulary((1, -1)))
    level: int = attrs.field()
    parent: int | None = attrs.field()
    emphasis: bool = attrs.field()
    line: int = attrs.field()
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    # where the figures do not add up, which amount the tree takes as the typo: 'own' (the item's
    # printed amount; the sum of its children stands for it) or 'child' (one of its children's)
    typo: str | None = attrs.field(default=None, metadata={**OMIT_IF_NONE, **vocabulary(TYPOS)})
    # the cells of the columns the table's header names right of its amounts ({'NOTE': 'stima'})
    extra: dict[str, str] = attrs.field(factory=dict, hash=False)
    cells: tuple[From, ...] = provenance()

    @property
    def value(self) -> Decimal:
        """What the item adds to its parent: its amount, subtracted for a '(-)' item."""
        return (self.amount or Decimal(0)) * self.sign


@attrs.frozen
class Ieep:
    heading: str | None
    title: str
    column: str | None
    line: int
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    items: tuple[IeepItem, ...]
    extra_columns: tuple[str, ...] = ()  # the columns its header names right of the amounts' (the items' `extra`)
    cells: tuple[From, ...] = provenance()


@attrs.frozen
class SpendingRule:
    measure: str | None
    phase: str | None
    rule: str
    line: int
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    cells: tuple[From, ...] = provenance()


@attrs.frozen
class Spending:
    heading: str | None
    title: str
    line: int
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    rules: tuple[SpendingRule, ...]
    cells: tuple[From, ...] = provenance()


@attrs.frozen
class Project:
    area: str | None
    area_code: str | None = attrs.field(metadata=vocabulary(AREA_CODES))
    subarea: str | None = attrs.field()
    id: str
    title: str | None
    line: int
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    # the cells of the columns the annex's header names beyond its four ({'NOTE': 'avviato'})
    extra: dict[str, str] = attrs.field(factory=dict, hash=False)
    cells: tuple[From, ...] = provenance()


@attrs.frozen
class Projects:
    heading: str | None
    columns: tuple[str, ...]
    line: int
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    items: tuple[Project, ...]
    cells: tuple[From, ...] = provenance()


@attrs.frozen
class Act:
    type: str
    number: str
    date: str = attrs.field(metadata={"format": "date"})  # ISO 8601


@attrs.frozen
class Note:
    label: str | None
    marker: str | None
    text: str
    act: Act | None
    line: int
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    cells: tuple[From, ...] = provenance()


@attrs.frozen
class Check:
    name: str = attrs.field(metadata=vocabulary(CHECK_NAMES))
    subject: str | None = attrs.field()
    status: str = attrs.field(metadata=vocabulary(STATUSES))
    message: str = attrs.field()


@attrs.frozen
class Diagnostic:
    severity: str = attrs.field(metadata=vocabulary(SEVERITIES))
    code: str = attrs.field()
    message: str
    line: int | None = None
    column: int | None = None


@attrs.frozen
class Unparsed:
    line: int
    page: int | None = attrs.field(default=None, kw_only=True, metadata=OMIT_IF_NONE)  # a PDF's page
    column: int
    text: str


@attrs.frozen(repr=False)
class Document:
    """One sheet, read: the output contract's document (docs/output-format.md). Frozen; compare
    with ==; kpis() walks every KPI with its area and sub-area."""

    source: str
    # v2: the sheet's place in its source (a worksheet's name, else its 1-based position), and the
    # SHA-256 of the source's bytes: with it, a document's key does not depend on how its path was typed
    sheet: str = attrs.field(default="1", kw_only=True)
    source_sha256: str | None = attrs.field(default=None, kw_only=True)
    title: str | None
    year: int | None
    office: Office
    columns: tuple[str, ...]
    areas: tuple[Area, ...]
    ieep: Ieep | None
    spending: Spending | None
    projects: Projects | None
    notes: tuple[Note, ...]
    checks: tuple[Check, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    unparsed: tuple[Unparsed, ...] = ()
    # what became of each non-empty source cell, in the source's order (the `cells` table)
    cells: Sequence[CellUse] = provenance()

    def __repr__(self) -> str:  # short: the whole document is thousands of characters
        parts = [f"source={self.source!r}", f"office={self.office.label!r}", f"year={self.year}",
                 f"areas={len(self.areas)}", f"kpis={sum(1 for _ in self.kpis())}"]
        parts += [f"{name}={len(getattr(self, name).items if name != 'spending' else self.spending.rules)}"  # type: ignore[union-attr]
                  for name in ("ieep", "spending", "projects") if getattr(self, name) is not None]
        parts += [f"notes={len(self.notes)}", f"unparsed={len(self.unparsed)}"]
        return f"Document({', '.join(parts)})"

    @property
    def key(self) -> str:
        """A key for the document that stays the same however its path is typed and wherever the
        file lies: its source's digest (or, without one, its name's) and its sheet."""
        digest = self.source_sha256
        if digest is None:
            import hashlib

            digest = hashlib.sha256(self.source.encode("utf-8", "surrogatepass")).hexdigest()
        return f"{digest[:16]}-{self.sheet}"

    def kpis(self) -> Iterator[tuple[Area, Subarea, Kpi]]:
        """Every KPI with its area and sub-area, in sheet order."""
        for area in self.areas:
            for sub in area.subareas:
                for kpi in sub.kpis:
                    yield area, sub, kpi
