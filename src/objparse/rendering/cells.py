"""A rendered cell as a workbook stores it: a text that is a value (a percentage, an amount, a
number) becomes the number and the number format that shows it as the text it was ('10%' is 0.1
shown with '0%'; '4.249.834.748 €' is 4249834748 with '#,##0" €"'); any other text is text.
A value whose format would not give its text back exactly (a numeral past a float's precision,
a spacing no format writes) stays text."""

from __future__ import annotations

from decimal import Decimal

from ..readers.formats import display
from ..values.numbers import VALUE, read_value, too_long


def _quoted(literal: str) -> str:
    return f'"{literal}"' if literal else ""


def stored(text: str) -> tuple[float, str, Decimal] | None:
    """(the number a workbook stores, its number format, the exact value) of a text that is a
    value shown so; None for a text that stays text."""
    m = VALUE.fullmatch(text)
    if m is None or too_long(m):
        return None
    read = read_value(text)
    if read is None:
        return None
    kind, value = read
    numeral = m.group("pre") or m.group("num")
    start, end = m.span("pre") if m.group("pre") is not None else m.span("num")
    prefix, suffix = text[:start], text[end:]
    whole, _, fraction = numeral.lstrip("+-").partition(",")
    pattern = ("#,##0" if "." in whole or " " in whole else "0") + ("." + "0" * len(fraction) if fraction else "")
    if kind == "percent":  # the '%' scales: 10% is stored as 0.1
        code, number = _quoted(prefix) + pattern + _quoted(suffix[:-1]) + "%", value / 100
    else:
        code, number = _quoted(prefix) + pattern + _quoted(suffix), value
    if numeral.startswith("+"):
        code = _quoted("+") + code
    stored_number = float(number)
    if display(stored_number, code) != text:
        return None
    return stored_number, code, value
