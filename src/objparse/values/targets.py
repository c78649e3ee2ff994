"""Targets (VALORE OBIETTIVO): number, money, percent, a reference to a rule, or a text rule."""

from __future__ import annotations

from ..model import UNITS, Target
from .cells import CellKind, classify
from .citations import has_locator, parse_citations
from .memo import short_texts
from .numbers import read_value


@short_texts(maxsize=4096)
def parse_target(raw: str | None) -> Target | None:
    if not raw:
        return None
    value = read_value(raw)
    if value is not None:
        kind, amount = value
        return Target(raw, kind, amount, UNITS[kind])
    if classify(raw) is CellKind.CITATION and has_locator(raw):
        return Target(raw, "reference", None, None, parse_citations(raw))
    return Target(raw, "text", None, None)
