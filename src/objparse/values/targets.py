"""Targets (VALORE OBIETTIVO): number, money, percent, a reference to a rule, or a text rule."""

from __future__ import annotations

from functools import lru_cache

from ..model import Target
from .cells import CellKind, classify
from .citations import has_locator, parse_citations
from .numbers import parse_money, parse_number, parse_percent


@lru_cache(maxsize=4096)
def parse_target(raw: str | None) -> Target | None:
    if not raw:
        return None
    kind = classify(raw)
    if kind is CellKind.MONEY:
        return Target(raw, "money", parse_money(raw), "EUR")
    if kind is CellKind.PERCENT:
        return Target(raw, "percent", parse_percent(raw), "%")
    if kind is CellKind.NUMBER:
        return Target(raw, "number", parse_number(raw), None)
    if kind is CellKind.CITATION and has_locator(raw):
        return Target(raw, "reference", None, None, parse_citations(raw))
    return Target(raw, "text", None, None)
