"""The sheets' words, as data: every header, title, heading, page word, area, office and role,
phase, register, act and month the reading recognises, in each spelling the offices use. Every
pattern that finds them is built here, from these lists; a new spelling is one line here.

A spelling is written as the sheet prints it, in lower case: words apart by any run of spaces,
'a|b' either word, 'di?' a word that may be missing. Matching ignores case unless said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def phrase(spelling: str) -> str:
    """A spelling as a regular expression (see the module's note)."""
    out = ""
    for word in spelling.split():
        optional = word.endswith("?") and len(word) > 1
        words = "|".join(map(re.escape, word.rstrip("?").split("|")))
        words = f"(?:{words})" if "|" in word else words
        if not out:
            out = words
        elif optional:
            out += rf"(?:\s+{words})?"
        else:
            out += rf"\s+{words}"
    return out


def either(spellings: Iterable[str]) -> str:
    """Any of the spellings, tried in the order given."""
    return "(?:" + "|".join(map(phrase, spellings)) + ")"


# --- the parts of a sheet, by the words a row's first cell starts with ------------------------

TITLE = "obiettivi"  # 'OBIETTIVI DI PERFORMANCE ORGANIZZATIVA PER L'ANNO 2025' …
TITLE_WORD = "performance"  # … a word the title holds further on, maybe on its next line
MAIN_HEADER = "ambito|ambiti di performance"  # the main table's first header cell
PROJECTS_HEADER = "ambito|ambiti valoriale|valoriali"  # the projects annex's
IEEP_HEADER = "indicatore di efficacia economico"  # 'Indicatore di Efficacia Economico-finanziaria …'
SPENDING_HEADER = "indicatore di? gestione della? spesa"
HEADING = "allegato"  # 'Allegato 2', 'ALLEGATO n. 3', a line right before a side table

# the cells of a header whose first cell wrapped onto other lines, that tell which header it is
KPI_COLUMN = "kpi"
REFERENCE_COLUMN = "riferiment"  # RIFERIMENTI, 'Riferimento', however it ends
SUBAREA_COLUMNS = ("sottoambito", "sottoambiti")  # the projects annex's second column
# the main table's columns in their usual order, each by how its header cell starts (a sheet may
# print them in another order: its rows are then read by the header's names)
MAIN_COLUMNS = (("ambit",), ("contribut",), ("sotto ambit", "sottoambit"), (KPI_COLUMN,), (REFERENCE_COLUMN,),
                ("valore obiettivo", "target"))


def main_column(text: str) -> int | None:
    """The place, in the usual order, of the main-table column a header cell names; None for
    a name that is none of them."""
    low = " ".join(text.lower().split())
    return next((i for i, starts in enumerate(MAIN_COLUMNS) if low.startswith(starts)), None)


def _places(cells: list[tuple[int, str]]) -> list[int | None] | None:
    """Each header cell's place in the usual order, None for a column no one named; None for a
    header that names a main-table column twice, or has a column of its own but does not name
    all six (then an unknown name is more likely a known column spelt otherwise)."""
    places = [main_column(text) for _, text in cells]
    named = [place for place in places if place is not None]
    if len(set(named)) < len(named) or (len(named) < len(places) and len(named) < len(MAIN_COLUMNS)):
        return None
    return places


def columns_by_name(header: Iterable[tuple[int, str]]) -> dict[int, int] | None:
    """Column -> its place in the usual order, for a main-table header (its cells' columns and
    texts) that names main-table columns once each, not all in their usual place (and, beside all
    six, maybe columns of its own); None for any other header."""
    cells = list(header)
    places = _places(cells)
    if places is None:
        return None
    out = {column: place for (column, _), place in zip(cells, places, strict=True) if place is not None}
    return out if any(column != place for column, place in out.items()) else None


def extra_columns(header: Iterable[tuple[int, str]]) -> dict[int, str]:
    """Column -> its name, for the columns of a main-table header beyond the six it names (a
    'NOTE' column of remarks): their cells are no value of any other column."""
    cells = list(header)
    places = _places(cells)
    if places is None:
        return {}
    return {column: text for (column, text), place in zip(cells, places, strict=True) if place is None}


# how messages and descriptions name the main table and its reference column, and the sheet
MAIN_HEADER_PRINTED = "AMBITO DI PERFORMANCE"
REFERENCES = "RIFERIMENTI"
AREAS = "ambiti"
SUBAREAS = "sotto ambiti"
SHEET = "Obiettivi"  # a rendered workbook's worksheet: 'Obiettivi 2025'

# the I.E.E.P. (Indicatore di Efficacia Economico-finanziaria della Produzione), however dotted and spaced
IEEP = r"I\.?\s*E\.?\s*E\.?\s*P\.?"

# 'OBIETTIVI …', 'Ambito di performance', 'Indicatore …', 'Allegato 2', each by its token type; titles
# and headings are told from other text by more than their start (see objparse.lexer)
OPENS = re.compile(
    rf"(?P<HEADER>{phrase(MAIN_HEADER)})|(?P<PROJECTS_HEADER>{phrase(PROJECTS_HEADER)})"
    rf"|(?P<IEEP_HEADER>{phrase(IEEP_HEADER)})|(?P<SPENDING_HEADER>{phrase(SPENDING_HEADER)})"
    rf"|(?P<TITLE>{TITLE}\b)|(?P<HEADING>{HEADING}\s+(?:n[.°]?\s*)?\d+\b)", re.IGNORECASE)
OPENS_INITIALS = frozenset(c for word in (TITLE, MAIN_HEADER, PROJECTS_HEADER, IEEP_HEADER, SPENDING_HEADER, HEADING)
                            for c in (word[0], word[0].upper()))


def opens(text: str) -> re.Match[str] | None:
    """OPENS.match, for a text that may begin a part of the sheet (most cells cannot, at no cost)."""
    return OPENS.match(text) if text[:1] in OPENS_INITIALS else None


TITLE_TEXT = re.compile(rf"{TITLE}\b.*\b{TITLE_WORD}\b", re.IGNORECASE)
IEEP_NAME = re.compile(rf"\b{IEEP}(?![A-Za-z])")
IEEP_KPI = re.compile(rf"{IEEP}\s*[-–:]?\s*(?P<what>\w.*)", re.IGNORECASE)  # 'IEEP - Accertato'
# where a text file's sheet shows itself: its title or its main table's header
SHEET_WORDS = re.compile(rf"{TITLE}|{phrase(MAIN_HEADER)}", re.IGNORECASE)
MAIN_HEADER_TEXT = re.compile(phrase(MAIN_HEADER), re.IGNORECASE)


MAIN_HEADER_WORDS = ("kpi", "performance", "ambit")  # words the main header's line holds, however split


def holds_main_header_words(low: str) -> bool:
    """Does the (lower-case) line hold the main header's words, whatever separates its cells?"""
    return all(word in low for word in MAIN_HEADER_WORDS)


def is_reference_header(text: str) -> bool:
    """The RIFERIMENTI column's header, however spelt ('Riferimenti', 'RIFERIMENTO')."""
    return text[:len(REFERENCE_COLUMN)].lower() == REFERENCE_COLUMN


def names_subarea_column(texts: Iterable[str]) -> bool:
    """Do the (upper-case) cells name the projects annex's sub-area column?"""
    return any(text.lower() in SUBAREA_COLUMNS for text in texts)


def names_kpi_column(texts: Iterable[str]) -> bool:
    """Do the (upper-case) cells name the main table's KPI and reference columns?"""
    texts = tuple(texts)
    return KPI_COLUMN.upper() in texts and any(is_reference_header(text) for text in texts)


# --- page furniture -------------------------------------------------------------------------

PAGE = ("pagina", "pag", "pag.")  # 'Pagina 2 di 3', 'Pag. 2/3', 'Pag. 2'
PAGE_OF = ("di", "/")
# 'Pagina 2 di 3', 'Pag. 2/3', '- 2 -': page numbers a PDF export leaves behind
PAGE_MARK = re.compile(rf"{either(PAGE)}\s*\d+\s*{either(PAGE_OF)}\s*\d+|-\s*\d+\s*-", re.IGNORECASE)
# '2', 'Pag. 2', 'Pagina 2': a page number only where it stands alone between blank lines
BARE_PAGE_MARK = re.compile(rf"(?:{either(PAGE)}\s*)?\d{{1,4}}", re.IGNORECASE)

# --- citations: the words that locate a passage in a cited document --------------------------

PAGE_WORDS = ("pagina", "pagine", "pagg", "pag")
PARAGRAPH_WORDS = ("par", "paragrafo", "§")
ANNEX = "allegato"
PAGE_WORD = "|".join(map(re.escape, PAGE_WORDS))
PARAGRAPH_WORD = "|".join(map(re.escape, PARAGRAPH_WORDS))
# the documents every sheet cites, whether or not its notes define them
CITED_EVERYWHERE = ("Obiettivi", "PIAO", "SMVP")
# the projects register a KPI's reference may cite ('Allegato 2 Anagrafica Progetti 2024')
REGISTER = re.compile(phrase("anagrafica|elenco progetti"), re.IGNORECASE)

# --- money ------------------------------------------------------------------------------------

# the euro written out, before or after the amount (case as the sheets write it)
CURRENCY_WORDS = ("EUR", "eur", "Eur", "euro", "EURO", "Euro")
CURRENCY = "€|EUR|euro"  # in a pattern that ignores case

# --- areas ------------------------------------------------------------------------------------

# each area's code by the stem its name holds: 'Valore di Ecosistema', 'Valore Ecosistema',
# 'organizzativo', 'Organizzativa' all match
AREA_STEMS = (("social", "sociale"), ("istituzional", "istituzionale"), ("economic", "economico"),
              ("ecosistem", "ecosistema"), ("organizzativ", "organizzativo"))
# the words an area's name begins with ('Valore Sociale', 'Valore di Ecosistema'): all a wrapped
# area name can leave on its first line
AREA_START = re.compile(phrase("valore di?"), re.IGNORECASE)

# --- offices ----------------------------------------------------------------------------------

# each kind of office, abbreviated (as printed, case and all: 'REG.' may stand against the name)
# or spelt out (any case); the kinds in the order they are tried
OFFICES = (
    ("metropolitan", ("DCM",), ("direzione di? coordinamento metropolitano di?",)),
    ("regional", ("REGIONE.", "REGIONE", "REG.", "REG"), ("direzione regionale del|della|di?",)),
    ("central", ("DC", "D.C."), ("direzione centrale",)),
)
# the words a role after the office's name starts with ('Direttore Regionale', 'Dirigente', 'Responsabile')
ROLE_STARTS = ("diret", "dirig", "respons")


def _abbreviation(word: str) -> str:
    """'REG.' may stand against the name that follows; 'DC' is a word of its own."""
    return re.escape(word) + (r"\s*" if word.endswith(".") else r"\s+")


OFFICE = re.compile(
    "(?:" + "|".join(
        f"(?P<{kind}>" + "|".join([*map(_abbreviation, short), *(f"(?i:{phrase(s)}\\s+)" for s in spelt)]) + ")"
        for kind, short, spelt in OFFICES) + r")(?=\S)")
# the dash before the role: spaced, or, before a role's word, not ('REG. ABRUZZO-Direttore Regionale');
# a run of spaces starts once: no quadratic retries
ROLE = re.compile(rf"(?<!\s)\s*[-–]\s*(?=(?i:{'|'.join(ROLE_STARTS)}))|(?<!\s)\s+[-–]\s+")
# the initials of every line that opens a sheet or its main table: the title, the office, the header
OPENING_INITIALS = frozenset(
    c for word in (TITLE, MAIN_HEADER, *(w for _, short, spelt in OFFICES for w in (*short, *spelt)))
    for c in (word[0].lower(), word[0].upper()))

# --- the spending table -----------------------------------------------------------------------

PHASES = ("forecast", "trimestre", "semestre", "consuntivo", "budget")  # 'I-II trimestre', 'Forecast'
_ROMAN = r"[IVX]+(?:\s*[-,]\s*[IVX]+)*"  # 'I', 'I-II', 'I, II, III'
PHASE_NAME = re.compile(rf"^(?:{_ROMAN}\s+)?(?:{'|'.join(PHASES)})\b.{{0,20}}$|^{_ROMAN}$", re.IGNORECASE)

# --- acts cited in notes ----------------------------------------------------------------------

# the nouns an act's type starts with, to find an act cited inside a sentence ('approvato con
# Determinazione commissariale n. 5 del 31/01/2025'); as printed, capital and all
ACT_NOUNS = ("Determinazione", "Deliberazione", "Delibera", "Decreto", "Circolare", "Messaggio", "Legge",
             "Ordinanza", "Provvedimento")
ACT_NOUN = re.compile(rf"\b(?:{'|'.join(ACT_NOUNS)})\b")
# 'N. 110', 'n° 5', 'nr 3', 'num. 7': the mark before an act's number
NUMBER_MARKS = ("N", "n", "nr", "num")
DATE_OF = "del"  # ' del 21 dicembre 2023', " dell'11/03/2024": before an act's date
MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
          "novembre", "dicembre")
