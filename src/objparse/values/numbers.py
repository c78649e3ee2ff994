"""Italian numbers: '.' groups thousands, ',' is the decimal mark. Exact, to Decimal.

    parse_number("1,013")          -> Decimal("1.013")
    parse_number("4.249.834.748")  -> Decimal("4249834748")
    parse_money("4.249.834.748 €") -> Decimal("4249834748")
    parse_percent("12,5%")         -> Decimal("12.5")
"""

from __future__ import annotations

import re
from decimal import Decimal

_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_MONEY = re.compile(r"(?:€\s*(?P<pre>\S.*?)|(?P<post>.*?\S)\s*(?:€|EUR|euro))", re.IGNORECASE)
_PERCENT = re.compile(r"(?P<num>.*?\S)\s*%")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


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
        if not (ch.isdigit() or ch in ".,+-"):
            return NumberFormatError(s, i, f"unexpected character {ch!r}")
    if s.count(",") > 1:
        return NumberFormatError(s, s.index(",", s.index(",") + 1), "more than one decimal comma")
    comma = s.find(",")
    if comma != -1 and "." in s[comma:]:
        return NumberFormatError(s, s.index(".", comma), "thousands dot after the decimal comma")
    if "." in s:
        return NumberFormatError(s, s.index("."), "thousands groups must have three digits")
    return NumberFormatError(s, 0, "not a number")


def parse_number(text: str) -> Decimal:
    """Parse an Italian-format number exactly; raise NumberFormatError naming the bad position."""
    s = _SPACES.sub("", text)
    if not _NUMBER.fullmatch(s):
        raise _explain(s)
    return Decimal(s.replace(".", "").replace(",", "."))


def is_number(text: str) -> bool:
    return _NUMBER.fullmatch(_SPACES.sub("", text)) is not None


def parse_money(text: str) -> Decimal:
    """'4.249.834.748 €' or '€ 1.000,50' -> Decimal; NumberFormatError if there is no euro amount."""
    m = _MONEY.fullmatch(text.strip())
    if not m:
        raise NumberFormatError(text, 0, "no euro sign")
    return parse_number(m.group("pre") or m.group("post"))


def is_money(text: str) -> bool:
    m = _MONEY.fullmatch(text.strip())
    return bool(m) and is_number(m.group("pre") or m.group("post"))


def parse_percent(text: str) -> Decimal:
    """'30%' -> Decimal('30'); '12,5 %' -> Decimal('12.5')."""
    m = _PERCENT.fullmatch(text.strip())
    if not m:
        raise NumberFormatError(text, len(text), "no percent sign")
    return parse_number(m.group("num"))


def is_percent(text: str) -> bool:
    m = _PERCENT.fullmatch(text.strip())
    return bool(m) and is_number(m.group("num"))


def format_number(value: Decimal, grouping: bool = True) -> str:
    """The inverse of parse_number: Decimal('4249834748') -> '4.249.834.748', Decimal('3.50') -> '3,50'."""
    text = format(value.copy_abs(), "f")
    whole, _, frac = text.partition(".")
    if grouping:
        whole = f"{int(whole):,}".replace(",", ".")
    out = whole + ("," + frac if frac else "")
    return ("-" if value.is_signed() else "") + out
