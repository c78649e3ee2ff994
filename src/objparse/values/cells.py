"""What a cell holds, judged by its text alone: the one cell classifier every section uses."""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from .numbers import is_money, is_number, is_percent


class CellKind(str, Enum):
    PERCENT = "percent"      # 30%  (a weight before a name, a target after it)
    MONEY = "money"          # 4.249.834.748 €
    NUMBER = "number"        # 1,013
    CITATION = "citation"    # Obiettivi 2024 - Pag. 26
    CONTINUATION = "continuation"  # Pagg. 4-7, a lower-case remainder of a wrapped reference
    TEXT = "text"


# "DOC - Pag. 9", "DOC - Par 6.2.11", "DOC - Allegato 2 ...", "Allegato 1 ... Pag. 9"
_CITATION = re.compile(r"^(?:[^;]*?\S\s+[-–]\s+(?:pagg?\b|par\b|allegato\b)|allegato\s+\d)", re.IGNORECASE)
_PAGES_OR_PARAGRAPH = re.compile(r"(?:pagg?|par)\.?(?:\s|\d|$)", re.IGNORECASE)


@lru_cache(maxsize=8192)
def classify(text: str) -> CellKind:
    if text[:1].isdigit() or text[:1] in "+-€":
        if is_percent(text):
            return CellKind.PERCENT
        if is_money(text):
            return CellKind.MONEY
        if is_number(text):
            return CellKind.NUMBER
    elif text.endswith(("€", "%")) or text[-3:].upper() == "EUR":
        if is_money(text):
            return CellKind.MONEY
    if text[:1].islower() or _PAGES_OR_PARAGRAPH.match(text):
        return CellKind.CONTINUATION
    if _CITATION.match(text):
        return CellKind.CITATION
    return CellKind.TEXT


def is_value(kind: CellKind) -> bool:
    """Numbers, money and percentages: cells that can only be a weight or a target."""
    return kind in (CellKind.PERCENT, CellKind.MONEY, CellKind.NUMBER)
