"""Checks every document carries. A failed check is a finding about the sheet, not an error of
the parser: the document is still emitted in full.

    area_weights     area weights sum to 100
    subarea_weights  one per area: its sub-area weights sum to 100
    ieep_sums        one per I.E.E.P. parent: it equals the signed sum of its children
    ieep_kpis        one per I.E.E.P. KPI of the main table: its target equals the tree's item
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from .diagnostics import diagnostic
from .model import Check, Document, IeepItem

if TYPE_CHECKING:
    from .findings import Findings
from .values.names import name_key
from .values.numbers import exact
from .values.vocabulary import IEEP_KPI

HUNDRED = Decimal(100)
def _fmt(value: Decimal) -> str:
    return format(value, "f")


def _sum_check(name: str, subject: str | None, weights: list[Decimal | None]) -> Check:
    what = f"{subject}: " if subject else ""
    noun = "sub-area weights" if name == "subarea_weights" else "area weights"
    if not weights:
        return Check(name, subject, "skip", f"{what}no {noun}")
    present = [w for w in weights if w is not None]
    if len(present) < len(weights):
        return Check(name, subject, "fail", f"{what}{len(weights) - len(present)} of the {noun} missing")
    with exact():
        total = sum(present, Decimal(0))
    status = "pass" if total == HUNDRED else "fail"
    return Check(name, subject, status, f"{what}{noun} sum to {_fmt(total)}, expected 100")


def area_weights(doc: Document) -> list[Check]:
    return [_sum_check("area_weights", None, [a.weight_pct for a in doc.areas])]


def subarea_weights(doc: Document) -> list[Check]:
    if not doc.areas:
        return [Check("subarea_weights", None, "skip", "no areas")]
    return [_sum_check("subarea_weights", a.name, [s.weight_pct for s in a.subareas]) for a in doc.areas]


def _children(items: tuple[IeepItem, ...]) -> dict[int, list[IeepItem]]:
    kids: dict[int, list[IeepItem]] = {}
    for item in items:
        if item.parent is not None:
            kids.setdefault(item.parent, []).append(item)
    return kids


def _signed(item: IeepItem, amount: Decimal | None = None) -> Decimal:
    """What the item adds to its parent; with `amount`, as if it were printed instead."""
    return item.value if amount is None else amount * item.sign


def ieep_sums(doc: Document) -> list[Check]:
    if doc.ieep is None or not doc.ieep.items:
        return [Check("ieep_sums", None, "skip", "no I.E.E.P. table")]
    items = doc.ieep.items
    kids = _children(items)
    if not kids:
        return [Check("ieep_sums", None, "skip", "the I.E.E.P. items form no tree")]
    with exact():
        computed = {p: sum((_signed(k) for k in ks), Decimal(0)) for p, ks in kids.items()}
    out = []
    for parent, ks in kids.items():
        item = items[parent]
        printed = item.amount or Decimal(0)
        if computed[parent] == printed:
            out.append(Check("ieep_sums", item.label, "pass", f"{item.label}: children sum to {_fmt(printed)}"))
            continue
        # a child whose own printed amount the tree took as the typo stands for the sum of its children
        typos = [k for k in ks if k.typo == "own"]
        with exact():
            fixed = sum((_signed(k, computed[k.id] if k.typo == "own" else None) for k in ks), Decimal(0))
        if typos and fixed == printed:
            taken = ", ".join(k.label for k in typos)
            out.append(Check("ieep_sums", item.label, "pass",
                             f"{item.label}: children sum to {_fmt(printed)} taking {taken} "
                             "as the sum of its own children"))
            continue
        out.append(Check("ieep_sums", item.label, "fail",
                         f"{item.label}: children sum to {_fmt(computed[parent])}, printed {_fmt(printed)} "
                         f"(difference {_fmt(printed - computed[parent])})"))
    return out




STEM = 6  # letters of a KPI's first word that an I.E.E.P. label must start with ('Accertamenti' ~ 'Accertato')


class _Items:
    """The I.E.E.P. items indexed once, by name and by the first letters of their label, so that
    matching each I.E.E.P. KPI is a look-up (not a scan: a sheet may hold thousands of both)."""

    def __init__(self, items: tuple[IeepItem, ...]):
        self.by_name: dict[str, IeepItem] = {}
        self.by_stem: dict[str, IeepItem] = {}
        for item in sorted(items, key=lambda it: it.level):  # stable: the shallowest, then the first
            self.by_name.setdefault(name_key(item.label), item)
            if item.level > 0:
                low = item.label.lower()
                for n in range(1, STEM + 1):
                    self.by_stem.setdefault(low[:n], item)

    def match(self, what: str) -> IeepItem | None:
        """'Accertamenti' -> 'Accertato', 'Incassi e Pagamenti' -> 'Incassi e Pagamenti': the same
        name first, else the shallowest item sharing the first word's stem."""
        return self.by_name.get(name_key(what)) or self.by_stem.get(what.split()[0].lower()[:STEM])


def ieep_kpis(doc: Document) -> list[Check]:
    index: _Items | None = None  # made for the first I.E.E.P. KPI (many sheets have none)
    out = []
    for _, _, kpi in doc.kpis():
        m = IEEP_KPI.fullmatch(kpi.name)
        if not m:
            continue
        if index is None and doc.ieep:
            index = _Items(doc.ieep.items)
        value = kpi.target.value if kpi.target else None
        item = index.match(m.group("what")) if index else None
        if item is None:
            out.append(Check("ieep_kpis", kpi.name, "skip", f"{kpi.name}: no I.E.E.P. item to compare with"))
        elif value is None or value != item.amount:
            shown = _fmt(value) if value is not None else "no value"
            amount = _fmt(item.amount or Decimal(0))
            out.append(Check("ieep_kpis", kpi.name, "fail",
                             f"{kpi.name}: target {shown}, I.E.E.P. '{item.label}' is {amount}"))
        else:
            out.append(Check("ieep_kpis", kpi.name, "pass", f"{kpi.name}: equals I.E.E.P. '{item.label}'"))
    return out or [Check("ieep_kpis", None, "skip", "no I.E.E.P. KPI in the main table")]


CHECKS = (area_weights, subarea_weights, ieep_sums, ieep_kpis)


def run(doc: Document) -> tuple[Check, ...]:
    return tuple(check for make in CHECKS for check in make(doc))


def attach(doc: Document, found: Findings) -> Document:
    """The finished document: its checks, and the diagnostics and unplaced cells the sections found."""
    results = run(doc)
    # in the order of the sheet: those about the whole file first
    diagnostics = sorted(found.diagnostics, key=lambda d: (d.line is not None, d.line or 0))
    diagnostics += [diagnostic("check-failed", c.message) for c in results if c.status == "fail"]
    unparsed = sorted(found.unparsed, key=lambda u: (u.line, u.column))
    return attrs.evolve(doc, checks=results, diagnostics=tuple(diagnostics), unparsed=tuple(unparsed))
