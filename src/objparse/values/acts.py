"""Acts cited in notes: 'Determinazione commissariale N. 110 del 21 dicembre 2023'
-> type 'Determinazione commissariale', number '110', date '2023-12-21'."""

from __future__ import annotations

import re
from datetime import date

from ..model import Act

MONTHS = {name: i for i, name in enumerate(
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    start=1)}

_ACT = re.compile(
    r"(?P<type>[A-ZÀ-Ü][^\d]*?)\s+(?:N\.?|n\.?|N°|n°|nr\.?|num\.?)\s*(?P<number>\d[\w/.-]*?)\s+"
    r"del(?:l')?\s+(?P<date>.+?)\.?")
_DATE_WORDS = re.compile(r"(?P<d>\d{1,2})(?:°|º)?\s+(?P<m>[a-z]+)\s+(?P<y>\d{4})", re.IGNORECASE)
_DATE_DIGITS = re.compile(r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})")


def parse_date(text: str) -> str | None:
    m = _DATE_WORDS.fullmatch(text.strip())
    if m:
        month = MONTHS.get(m.group("m").lower())
    else:
        m = _DATE_DIGITS.fullmatch(text.strip())
        month = int(m.group("m")) if m else None
    if not m or not month:
        return None
    try:
        return date(int(m.group("y")), month, int(m.group("d"))).isoformat()
    except ValueError:
        return None


def parse_act(text: str) -> Act | None:
    m = _ACT.fullmatch(text.strip())
    if not m:
        return None
    iso = parse_date(m.group("date"))
    if iso is None:
        return None
    return Act(type=m.group("type").strip(), number=m.group("number"), date=iso)
