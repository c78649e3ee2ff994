"""Names: area codes from their spelling variants, footnote markers, offices, the title's year."""

from __future__ import annotations

import re

from ..model import Office
from .memo import short_texts
from .vocabulary import AREA_STEMS, OFFICE, ROLE

_NOT_ALNUM = re.compile(r"[\W_]+")

# '(1)' or '(*)' after a name or before a note; '1)' before one
_NUMBERED = re.compile(r"\((?:[0-9]{1,3}|\*{1,3}|°{1,3})\)|[0-9]{1,3}\)")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")

def area_code(name: str | None) -> str | None:
    low = (name or "").lower()
    for stem, code in AREA_STEMS:
        if stem in low:
            return code
    return None


# footnote markers: a run of '*' or '°', or a number or stars in brackets; one source for names and notes
MARKS = "*°"


def split_marker(text: str) -> tuple[str, str | None]:
    """'Valore organizzativo*' -> ('Valore organizzativo', '*'); '… (1)' -> ('…', '(1)'); '(*)' likewise."""
    stripped = text.rstrip()
    if stripped.endswith(tuple(MARKS)):
        name = stripped.rstrip(stripped[-1])
        marker = stripped[len(name):]
    elif stripped.endswith(")") and (at := stripped.rfind("(")) > 0 and _NUMBERED.fullmatch(stripped[at:]):
        name, marker = stripped[:at], stripped[at:]
    else:
        return text, None
    name = name.rstrip()
    return (name, marker) if name else (text, None)


def leading_marker(text: str) -> tuple[str | None, str]:
    """'* Per gli …' -> ('*', 'Per gli …'); '(1) …' and '1) …' likewise; (None, text) without one."""
    if text.startswith(tuple(MARKS)):
        rest = text.lstrip(text[0])
        marker = text[:len(text) - len(rest)]
    elif m := _NUMBERED.match(text):
        marker, rest = m.group(), text[m.end():]
    else:
        return None, text
    rest = rest.lstrip()
    return (marker, rest) if rest else (None, text)


def title_year(title: str | None) -> int | None:
    years = _YEAR.findall(title or "")
    return int(years[-1]) if years else None


# articles and prepositions that stay in lower case inside a place name ('Valle d'Aosta')
_PARTICLES = frozenset("d di de del della dei degli delle e ed in la le lo il sul sulla".split())


def _proper_word(word: str, first: bool) -> str:
    parts = word.split("-")
    if len(parts) > 1:  # Emilia-Romagna, Trentino-Alto Adige
        return "-".join(_proper_word(p, first and i == 0) for i, p in enumerate(parts))
    head, apostrophe, rest = word.partition("’" if "’" in word else "'")  # typographic or plain
    if apostrophe and rest:  # D'AOSTA -> d'Aosta, L'AQUILA -> L'Aquila
        head = head.lower() if not first and head.lower() in _PARTICLES else head.capitalize()
        return f"{head}{apostrophe}{rest.capitalize()}"
    low = word.lower()
    return low if not first and low in _PARTICLES else word.capitalize()


def _proper(name: str) -> str:
    """A place name printed in capitals, in its usual spelling: title case, with articles and
    prepositions in lower case after the first word. Mixed-case names are kept as written."""
    if not name.isupper():
        return name
    return " ".join(_proper_word(word, i == 0) for i, word in enumerate(name.split()))


def is_office(text: str) -> bool:
    """Does the text name an office ('DC …', 'REG. …', 'DCM …', or spelt out: 'Direzione
    centrale …', 'Direzione regionale …', 'Direzione di coordinamento metropolitano di …')?"""
    return OFFICE.match(text) is not None


def parse_office(label: str | None) -> Office:
    if not label:
        return Office(None, None, None, None)
    m = OFFICE.match(label)
    if not m:
        return Office(label, None, None, None)
    kind = m.lastgroup
    rest = label[m.end():].rstrip()
    dash = ROLE.search(rest)
    name, role = (rest[:dash.start()], rest[dash.end():]) if dash else (rest, None)
    return Office(label, kind, _proper(name.strip()), role)


# NOPE24_DCBOL_16.1, PES2024_DCO_MI.06_100: an upper-case code, separators between runs of letters
# and digits, and after the last underscore letters, digits and dots with at least one digit.
# The separators are mandatory between runs, so the pattern cannot backtrack.
_ID_HEAD = re.compile(r"[A-Z][A-Z0-9]*(?:[_.-][A-Za-z0-9]+)*")
_ID_TAIL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.")
_DIGITS = frozenset("0123456789")


def is_project_id(text: str) -> bool:
    """Is the text shaped like a project ID ('NOPE24_DCFI_1.3')?"""
    head, underscore, tail = text.rpartition("_")
    return (bool(underscore) and bool(tail) and _ID_HEAD.fullmatch(head) is not None
            and _ID_TAIL.issuperset(tail) and not _DIGITS.isdisjoint(tail))


def same_name(a: str | None, b: str | None) -> bool:
    """Names compared the way the sheets vary them: case, spacing and punctuation aside."""
    return name_key(a) == name_key(b)


@short_texts(maxsize=4096)
def name_key(s: str | None) -> str:
    """A name reduced to what identifies it: letters and digits, case-folded."""
    return _NOT_ALNUM.sub("", (s or "").casefold())
