"""Acts cited in notes: 'Determinazione commissariale N. 110 del 21 dicembre 2023'
-> type 'Determinazione commissariale', number '110', date '2023-12-21'."""

from __future__ import annotations

import re

from ..model import Act
from .vocabulary import ACT_NOUN, DATE_OF, MONTHS, NUMBER_MARKS

_MONTH = {name: i for i, name in enumerate(MONTHS, start=1)}

# 'Determinazione commissariale' | ' N. ' | '110' | ' del ' | '21 dicembre 2023'. Each piece is found
# once, left to right: a run of spaces is entered at its start only, so nothing is retried.
_NUMBER_MARK = re.compile(rf"(?<!\s)\s+(?:{'|'.join(NUMBER_MARKS)})(?:\.|°)?\s*(?=[0-9])")
_NUMBER = re.compile(rf"[0-9][\w/.-]*?(?=\s+{DATE_OF})")
_DEL = re.compile(rf"\s+{DATE_OF}(?:l')?\s+")
_DATE_WORDS = re.compile(r"(?P<d>\d{1,2})(?:°|º)?\s+(?P<m>[a-z]+)\s+(?P<y>\d{4})", re.IGNORECASE)
_DATE_DIGITS = re.compile(r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})")


def parse_date(text: str) -> str | None:
    m = _DATE_WORDS.fullmatch(text.strip())
    if m:
        month = _MONTH.get(m.group("m").lower())
    else:
        m = _DATE_DIGITS.fullmatch(text.strip())
        month = int(m.group("m")) if m else None
    if not m or not month:
        return None
    from datetime import date  # (here: most sheets date no act, and the module costs every start-up)

    try:
        return date(int(m.group("y")), month, int(m.group("d"))).isoformat()
    except ValueError:
        return None


_NOT_IN_TYPE = re.compile(r"[0-9,;:]")


def _act_type(before: str) -> str | None:
    """The act's type: from the first act noun that starts a clean phrase (no digits, no
    punctuation) up to the number; without an act noun, all the text before the number."""
    kind = before.strip()
    last_bad = max((m.start() for m in _NOT_IN_TYPE.finditer(kind)), default=-1)  # one pass: linear
    noun = ACT_NOUN.search(kind, last_bad + 1)
    if noun is not None:
        return kind[noun.start():]
    if kind and ("A" <= kind[0] <= "Z" or "À" <= kind[0] <= "Ü") and not any(ch.isdigit() for ch in kind):
        return kind
    return None


def parse_act(text: str) -> Act | None:
    """The act a note cites — type, number and ISO date — or None."""
    text = text.strip()
    mark = _NUMBER_MARK.search(text)
    if mark is None:
        return None
    kind = _act_type(text[:mark.start()])
    if kind is None:
        return None
    number = _NUMBER.match(text, mark.end())
    if number is None:
        return None
    of = _DEL.match(text, number.end())
    if of is None:
        return None
    iso = parse_date(text[of.end():].rstrip(".").strip())
    return Act(type=kind, number=number.group(), date=iso) if iso else None
