"""The document model: the v1 output contract as frozen attrs classes. No logic beyond derived fields.

Field order is output order. Fields marked OMIT_IF_NONE are left out of the output when None.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

OMIT_IF_NONE = {"omit_if_none": True}


@attrs.frozen
class Office:
    label: str | None
    kind: str | None  # central | regional | metropolitan
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
    kind: str  # number | money | percent | text | reference
    value: Decimal | None
    unit: str | None  # EUR | % | None
    citations: tuple[Citation, ...] | None = attrs.field(default=None, metadata=OMIT_IF_NONE)


@attrs.frozen
class Kpi:
    name: str
    line: int
    implicit: bool
    reference: str | None
    citations: tuple[Citation, ...]
    target: Target | None
    project_ids: tuple[str, ...] = ()


@attrs.frozen
class Subarea:
    name: str
    weight_pct: Decimal | None
    line: int
    kpis: tuple[Kpi, ...]


@attrs.frozen
class Area:
    name: str
    code: str | None
    weight_pct: Decimal | None
    marker: str | None
    line: int
    subareas: tuple[Subarea, ...]


@attrs.frozen
class IeepItem:
    id: int
    label: str
    amount: Decimal | None
    raw: str | None
    sign: int
    level: int
    parent: int | None
    emphasis: bool
    line: int
    # where the figures do not add up, which amount the tree takes as the typo: 'own' (the item's
    # printed amount; the sum of its children stands for it) or 'child' (one of its children's)
    typo: str | None = attrs.field(default=None, metadata=OMIT_IF_NONE)


@attrs.frozen
class Ieep:
    heading: str | None
    title: str
    column: str | None
    line: int
    items: tuple[IeepItem, ...]


@attrs.frozen
class SpendingRule:
    measure: str | None
    phase: str | None
    rule: str
    line: int


@attrs.frozen
class Spending:
    heading: str | None
    title: str
    line: int
    rules: tuple[SpendingRule, ...]


@attrs.frozen
class Project:
    area: str | None
    area_code: str | None
    subarea: str | None
    id: str
    title: str | None
    line: int


@attrs.frozen
class Projects:
    heading: str | None
    columns: tuple[str, ...]
    line: int
    items: tuple[Project, ...]


@attrs.frozen
class Act:
    type: str
    number: str
    date: str  # ISO 8601


@attrs.frozen
class Note:
    label: str | None
    marker: str | None
    text: str
    act: Act | None
    line: int


@attrs.frozen
class Check:
    name: str
    subject: str | None
    status: str  # pass | fail | skip
    message: str


@attrs.frozen
class Diagnostic:
    severity: str  # error | warning | info
    code: str
    message: str
    line: int | None = None
    column: int | None = None


@attrs.frozen
class Unparsed:
    line: int
    column: int
    text: str


@attrs.frozen
class Document:
    source: str
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

    def kpis(self) -> Iterator[tuple[Area, Subarea, Kpi]]:
        """Every KPI with its area and sub-area, in sheet order."""
        for area in self.areas:
            for sub in area.subareas:
                for kpi in sub.kpis:
                    yield area, sub, kpi
