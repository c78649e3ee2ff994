"""Italian numbers: '.' groups thousands (or a space: '1 000'), ',' is the decimal mark. Exact, to Decimal.

    parse_number("1,013")          -> Decimal("1.013")
    parse_number("4.249.834.748")  -> Decimal("4249834748")
    parse_money("4.249.834.748 €") -> Decimal("4249834748")
    parse_money("€ 1.234,50")      -> Decimal("1234.50")   (or 'EUR 1.234,50', '1.234,50 euro')
    parse_percent("12,5%")         -> Decimal("12.5")

Digits are ASCII digits only: other scripts' digits are text. One anchored regex recognises every
value form; it cannot backtrack (each repetition starts with a separator its body cannot hold).
"""

from __future__ import annotations

import decimal
import re
from contextlib import AbstractContextManager
from decimal import Decimal

from .memo import short_texts
from .text import folded
from .vocabulary import CURRENCY

PRECISION = 200  # digits decimal arithmetic keeps: numbers are bounded well below it, so sums are exact
MAX_NUMERAL = 48  # characters of a number (some 36 digits): past it, a cell is text (see too_long)
_NUM = r"[+-]?(?:[0-9]{1,3}(?:(?:\.[0-9]{3})+|(?: [0-9]{3})+)|[0-9]+)(?:,[0-9]+)?"
_NUMBER = re.compile(_NUM)
VALUE = re.compile(rf"(?:{CURRENCY}) ?(?P<pre>{_NUM})|(?P<num>{_NUM})(?: ?(?P<unit>%|{CURRENCY}))?", re.IGNORECASE)


def exact() -> AbstractContextManager[decimal.Context]:
    """A decimal context in which sums and products of the sheets' numbers are exact (the
    default keeps 28 digits, and a 30-digit amount is a sheet's number)."""
    return decimal.localcontext(prec=PRECISION)


class NumberFormatError(ValueError):
    """The text is not an Italian number; `position` is the 0-based offset of the first bad character."""

    def __init__(self, text: str, position: int, reason: str):
        super().__init__(f"{reason} at position {position} in {text!r}")
        self.text = text
        self.position = position
        self.reason = reason


def _explain(s: str) -> NumberFormatError:
    if not s:
        return NumberFormatError(s, 0, "empty number")
    for i, ch in enumerate(s):
        if ch not in "0123456789.,+- ":
            return NumberFormatError(s, i, f"unexpected character {ch!r}")
    if s.count(",") > 1:
        return NumberFormatError(s, s.index(",", s.index(",") + 1), "more than one decimal comma")
    comma = s.find(",")
    if comma != -1 and "." in s[comma:]:
        return NumberFormatError(s, s.index(".", comma), "thousands dot after the decimal comma")
    if "." in s:
        return NumberFormatError(s, s.index("."), "thousands groups must have three digits")
    if " " in s:
        return NumberFormatError(s, s.index(" "), "thousands groups must have three digits")
    return NumberFormatError(s, 0, "not a number")


def _decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(".", "").replace(" ", "").replace(",", "."))


def _normal(text: str) -> str:
    return folded(text)


def parse_number(text: str) -> Decimal:
    """Parse an Italian-format number exactly; raise NumberFormatError naming the bad position."""
    s = _normal(text)
    if not _NUMBER.fullmatch(s):
        raise _explain(s)
    if len(s) > MAX_NUMERAL:
        raise NumberFormatError(s, MAX_NUMERAL, f"longer than {MAX_NUMERAL} characters")
    return _decimal(s)


def is_number(text: str) -> bool:
    return _NUMBER.fullmatch(_normal(text)) is not None


def value_kind(m: re.Match[str]) -> str:
    """'percent', 'money' or 'number', for a match of VALUE."""
    unit = m.group("unit")
    if m.group("pre") is not None or (unit is not None and unit != "%"):
        return "money"
    return "number" if unit is None else "percent"


@short_texts(maxsize=8192)
def read_value(text: str) -> tuple[str, Decimal] | None:
    """('percent' | 'money' | 'number', exact value) of a cleaned cell that holds a value, else None."""
    m = VALUE.fullmatch(text)
    if m is None or too_long(m):
        return None
    return value_kind(m), _decimal(m.group("pre") or m.group("num"))


def too_long(m: re.Match[str]) -> bool:
    """Is a match of VALUE a number longer than any sheet prints? Such a cell is read as text."""
    return len(m.group("pre") or m.group("num")) > MAX_NUMERAL


def _value(text: str, kind: str) -> Decimal | None:
    m = VALUE.fullmatch(_normal(text))
    if m is None or too_long(m) or value_kind(m) != kind:
        return None
    return _decimal(m.group("pre") or m.group("num"))


def parse_money(text: str) -> Decimal:
    """'4.249.834.748 €' or '€ 1.000,50' -> Decimal; NumberFormatError if there is no euro amount."""
    value = _value(text, "money")
    if value is None:
        raise NumberFormatError(text, 0, "no euro amount")
    return value


def is_money(text: str) -> bool:
    return _value(text, "money") is not None


def parse_percent(text: str) -> Decimal:
    """'30%' -> Decimal('30'); '12,5 %' -> Decimal('12.5')."""
    value = _value(text, "percent")
    if value is None:
        raise NumberFormatError(text, len(text), "no percent sign")
    return value


def is_percent(text: str) -> bool:
    return _value(text, "percent") is not None


def format_number(value: Decimal, grouping: bool = True) -> str:
    """The inverse of parse_number: Decimal('4249834748') -> '4.249.834.748', Decimal('3.50') -> '3,50'."""
    text = format(value.copy_abs(), "f")
    whole, _, frac = text.partition(".")
    if grouping:
        whole = f"{int(whole):,}".replace(",", ".")
    out = whole + ("," + frac if frac else "")
    return ("-" if value.is_signed() else "") + out
