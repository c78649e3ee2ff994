"""What a cell holds, judged by its text alone: the one cell classifier every section uses."""

from __future__ import annotations

import re
from enum import StrEnum

from .memo import short_texts
from .numbers import VALUE, too_long, value_kind
from .vocabulary import ANNEX, CURRENCY_WORDS, PAGE_WORD, PARAGRAPH_WORD


class CellKind(StrEnum):
    PERCENT = "percent"      # 30%  (a weight before a name, a target after it)
    MONEY = "money"          # 4.249.834.748 €
    NUMBER = "number"        # 1,013
    CITATION = "citation"    # Obiettivi 2024 - Pag. 26
    CONTINUATION = "continuation"  # Pagg. 4-7, a lower-case remainder of a wrapped reference
    TEXT = "text"


_VALUE_KINDS = {"percent": CellKind.PERCENT, "money": CellKind.MONEY, "number": CellKind.NUMBER}
_VALUE_START = frozenset("0123456789+-€")
_VALUE_END = ("€", "%", *CURRENCY_WORDS)
# "DOC - Pag. 9", "DOC - Par 6.2.11", "DOC - Allegato 2 ...", "Allegato 1 ... Pag. 9"
_CITATION = re.compile(rf"[^;]*?\S\s+[-–]\s+(?:(?:{PAGE_WORD}|{PARAGRAPH_WORD}|{ANNEX})(?![A-Za-z])|§)|{ANNEX}\s+\d",
                       re.IGNORECASE)
# a cell that starts by locating a passage ('Pagg. 4-7', 'Par 6.2'): the rest of a wrapped reference
_PAGES_OR_PARAGRAPH = re.compile(rf"(?:{PAGE_WORD}|{PARAGRAPH_WORD})\.?(?:\s|[0-9]|$)", re.IGNORECASE)


@short_texts(maxsize=16384)
def classify(text: str) -> CellKind:
    first = text[0]
    if first in _VALUE_START or text.endswith(_VALUE_END) or (first in "Ee" and text.startswith(CURRENCY_WORDS)):
        m = VALUE.fullmatch(text)
        if m and not too_long(m):
            return _VALUE_KINDS[value_kind(m)]
    if first.islower() or (first in "Pp" and _PAGES_OR_PARAGRAPH.match(text)):
        return CellKind.CONTINUATION
    if (" - " in text or " – " in text or first in "Aa") and _CITATION.match(text):
        return CellKind.CITATION
    return CellKind.TEXT


# numbers, money and percentages: cells that can only be a weight or a target
VALUE_KINDS = frozenset({CellKind.PERCENT, CellKind.MONEY, CellKind.NUMBER})
# words: what a header's or a name's cells hold
WORD_KINDS = frozenset({CellKind.TEXT, CellKind.CONTINUATION})
