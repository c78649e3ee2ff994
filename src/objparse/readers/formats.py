"""A workbook's values as the sheet displays them in Italian: the number format applied to the
stored value, with ',' as the decimal mark and '.' grouping thousands. A percentage is stored as
0.1 and shown as '10%'; 3.5 with the format '0.00' is '3,50'; 4249834748 with '#,##0" €"' is
'4.249.834.748 €'. Exact: the stored binary float is read as the shortest decimal that gives it
back, and rounded half away from zero, as a spreadsheet rounds.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..values.vocabulary import MONTHS

_PLACES = frozenset("0#?")


def _sections(code: str) -> list[str]:
    """The format's ';'-separated sections (positive; negative; zero; text), quotes respected."""
    sections: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in code:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            sections.append("".join(current))
            current = []
        else:
            current.append(ch)
    sections.append("".join(current))
    return sections


def _tokens(section: str) -> tuple[list[str | None], str, int]:
    """The section as literal texts around one None (where the number goes), the number's
    placeholders ('#,##0.00'), and how many '%' scale it."""
    out: list[str | None] = []
    pattern: list[str] = []
    percent = 0
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            out.append(section[i + 1:end])
            i = end + 1
            continue
        if ch == "\\" and i + 1 < len(section):
            out.append(section[i + 1])
            i += 2
            continue
        if ch == "_" and i + 1 < len(section):  # the width of the next character: a space
            out.append(" ")
            i += 2
            continue
        if ch == "*" and i + 1 < len(section):  # a fill: nothing, in a cell of its own width
            i += 2
            continue
        if ch == "[":
            end = section.find("]", i)
            end = len(section) if end < 0 else end
            inner = section[i + 1:end]
            if inner.startswith("$"):  # a currency: '[$€-410]' shows '€'; '[$-410]' (a locale) nothing
                out.append(inner[1:].split("-", 1)[0])
            i = end + 1
            continue
        if ch in _PLACES or (ch in ",." and pattern):
            if not pattern:
                out.append(None)
            pattern.append(ch)
            i += 1
            continue
        if ch == "%":
            percent += 1
        out.append(ch)
        i += 1
    return out, "".join(pattern), percent


def _digits(value: Decimal, pattern: str) -> str:
    """The number written to the placeholders: its decimals, its thousands grouped if the
    pattern groups them, Italian marks."""
    whole, _, fraction = pattern.partition(".")
    places = sum(1 for ch in fraction if ch in _PLACES)
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if places else value.quantize(
        Decimal(1), rounding=ROUND_HALF_UP)
    text = format(abs(rounded), "f")
    integer, _, decimals = text.partition(".")
    least = whole.replace(",", "").count("0")
    if integer == "0" and least == 0:
        integer = ""
    integer = integer.rjust(least, "0")
    if "," in whole.strip(","):
        groups: list[str] = []
        while len(integer) > 3:
            groups.insert(0, integer[-3:])
            integer = integer[:-3]
        integer = ".".join([integer, *groups]) if integer else ".".join(groups)
    return integer + ("," + decimals if places else "")


def _general(value: Decimal) -> str:
    if value == value.to_integral_value():
        return format(value.quantize(Decimal(1)), "f")
    return format(value.normalize(), "f").replace(".", ",")


def _number(value: float | int | Decimal, code: str) -> str:
    try:
        number = value if isinstance(value, Decimal) else Decimal(repr(value)) if isinstance(value, float) else (
            Decimal(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    sections = _sections(code or "General")
    section = sections[0]
    negative = number < 0
    if negative and len(sections) > 1 and sections[1]:
        section, negative = sections[1], False  # the negative section writes its own sign
    elif number == 0 and len(sections) > 2 and sections[2]:
        section = sections[2]
    if section.strip().lower() in ("general", "standard", "@", ""):
        return ("-" if number < 0 else "") + _general(abs(number))
    tokens, pattern, percent = _tokens(section)
    if not pattern:
        return "".join(t for t in tokens if t is not None)
    scaled = abs(number).scaleb(2 * percent)
    shown = "".join(_digits(scaled, pattern) if t is None else t for t in tokens)
    return ("-" + shown) if negative and scaled.quantize(Decimal(1).scaleb(-8)) != 0 else shown


def _date(value: dt.date | dt.datetime, code: str) -> str:
    """A date as the format writes it (day, month and year tokens), else dd/mm/yyyy."""
    low = code.lower()
    if "d" not in low and "y" not in low and "m" not in low:
        return value.strftime("%d/%m/%Y")
    out, i = [], 0
    tokens = (("yyyy", "%Y"), ("yy", "%y"), ("mmmm", "MONTH"), ("mmm", "MON"), ("mm", "%m"), ("m", "M"),
              ("dddd", "%A"), ("dd", "%d"), ("d", "D"), ("hh", "%H"), ("ss", "%S"))
    body = low.split(";")[0]
    while i < len(body):
        for token, directive in tokens:
            if body.startswith(token, i):
                out.append(directive)
                i += len(token)
                break
        else:
            if body[i] == "[":
                i = body.find("]", i) + 1 or len(body)
                continue
            out.append(body[i] if body[i] not in '"\\' else "")
            i += 1
    # Italian month names and unpadded numbers, which strftime has not, through characters of no text
    text = value.strftime("".join(out).replace("MONTH", "\ue000").replace("MON", "\ue001").replace("M", "\ue002")
                          .replace("D", "\ue003"))
    month = MONTHS[value.month - 1]
    return (text.replace("\ue000", month).replace("\ue001", month[:3]).replace("\ue002", str(value.month))
            .replace("\ue003", str(value.day)))


def display(value: object, code: str) -> str:
    """What a cell holding `value` with the number format `code` shows, in Italian."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "VERO" if value else "FALSO"
    if isinstance(value, dt.datetime | dt.date):
        return _date(value, code)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, int | float | Decimal):
        return _number(value, code)
    return str(value)
