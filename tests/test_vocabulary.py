"""The sheets' words live in objparse.values.vocabulary alone, and it knows every spelling the
generator writes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import sheets

from objparse.values import vocabulary as v
from objparse.values.names import area_code, parse_office
from objparse.values.vocabulary import columns_by_name, extra_columns

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "objparse"
# the section headers' and the title's words, in any case and spacing
SHEET_WORDS = re.compile(r"obiettiv|ambit|riferiment|valorial|sotto\s*ambit|indicatore|efficacia|gestione\s+della"
                         r"|allegato|anagrafica|elenco\s+progetti", re.IGNORECASE)


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string constant of a module but its docstrings (comments are no constants)."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "vocabulary.py")


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_sheet_word_outside_the_vocabulary(path):
    found = [f"{path.name}:{line}: {text[:60]!r}" for line, text in _strings(ast.parse(path.read_text("utf-8")))
             if SHEET_WORDS.search(text)]
    assert not found, "sheet words belong in objparse.values.vocabulary"


def test_the_grep_would_see_a_word():
    tree = ast.parse('"""Obiettivi in a docstring is prose."""\nX = re.compile(r"ambit[oi]\\s+di")\n')
    assert [text for _, text in _strings(tree) if SHEET_WORDS.search(text)] == ["ambit[oi]\\s+di"]


def _opens(text: str) -> str | None:
    m = v.OPENS.match(text)
    return m.lastgroup if m else None


@pytest.mark.parametrize("title", sheets.TITLES)
def test_titles(title):
    assert _opens(title) == "TITLE" and v.TITLE_TEXT.match(title)


@pytest.mark.parametrize("columns", sheets.MAIN_COLUMNS)
def test_main_headers(columns):
    assert _opens(columns[0]) == "HEADER"
    assert v.is_reference_header(columns[4])
    assert v.names_kpi_column(c.upper() for c in columns)
    assert v.holds_main_header_words("\t".join(columns).lower())
    assert v.SHEET_WORDS.search(" ".join(columns))


@pytest.mark.parametrize("columns", sheets.PROJECT_COLUMNS)
def test_projects_headers(columns):
    assert _opens(columns[0]) == "PROJECTS_HEADER"
    assert v.names_subarea_column(c.upper() for c in columns)


@pytest.mark.parametrize("title", sheets.IEEP_TITLES)
def test_ieep_titles(title):
    assert _opens(title) == "IEEP_HEADER" and v.IEEP_NAME.search(title)


@pytest.mark.parametrize("title", sheets.SPENDING_TITLES)
def test_spending_titles(title):
    assert _opens(title) == "SPENDING_HEADER"


@pytest.mark.parametrize("heading", sheets.IEEP_HEADINGS + sheets.PROJECT_HEADINGS)
def test_headings(heading):
    assert _opens(heading) == "HEADING"


@pytest.mark.parametrize("page", sheets.PAGE_NUMBERS)
def test_page_numbers(page):
    assert v.PAGE_MARK.fullmatch(page) or v.BARE_PAGE_MARK.fullmatch(page)


@pytest.mark.parametrize(("label", "kind", "name", "role"), sheets.OFFICES)
def test_offices(label, kind, name, role):
    assert v.OFFICE.match(label).lastgroup == kind
    assert label[0] in v.OPENING_INITIALS
    office = parse_office(label)
    assert (office.kind, office.name, office.role) == (kind, name, role)


@pytest.mark.parametrize(("name", "code"), sheets.AREAS)
def test_areas(name, code):
    assert area_code(name) == code
    assert v.AREA_START.match(name)


def test_months_and_phases():
    assert list(v.MONTHS) == sheets.MONTHS
    assert all(v.PHASE_NAME.match(p) for p in ("I-II-III Forecast", "IV Forecast", "I trimestre", "II"))


@pytest.mark.parametrize(("spelling", "matches", "refuses"), [
    ("ambito|ambiti di performance", ["AMBITI  DI\u00a0PERFORMANCE", "ambito di performance"],
     ["ambit di performance"]),
    ("indicatore di? gestione della? spesa", ["Indicatore Gestione Spesa", "indicatore di gestione della spesa"],
     ["indicatore di di gestione spesa"]),
    ("pag.", ["Pag."], ["Pagx"]),
])
def test_a_spelling_is_a_pattern(spelling, matches, refuses):
    pattern = re.compile(v.phrase(spelling), re.IGNORECASE)
    assert all(pattern.fullmatch(text) for text in matches)
    assert not any(pattern.fullmatch(text) for text in refuses)


SIX = ("AMBITO DI PERFORMANCE", "CONTRIBUTO AL VALORE PUBBLICO", "SOTTO AMBITI", "KPI", "RIFERIMENTI",
       "VALORE OBIETTIVO")


@pytest.mark.parametrize(("header", "extra", "moved"), [
    (SIX, {}, None),  # the usual header
    ((*SIX, "NOTE"), {6: "NOTE"}, None),  # a column of its own, after the six
    ((*SIX[:4], "NOTE", SIX[5], SIX[4]), {4: "NOTE"}, {0: 0, 1: 1, 2: 2, 3: 3, 5: 5, 6: 4}),  # in another order
    # five names and one the vocabulary does not know: more likely a known column spelt otherwise,
    # read by its place as before, never set apart
    ((*SIX[:4], "RIF.", SIX[5]), {}, None),
    ((*SIX[:4], "RIF.", SIX[5], "NOTE"), {}, None),
    ((*SIX, "KPI"), {}, None),  # a column named twice: no header to read by names
])
def test_columns_no_one_named(header, extra, moved):
    cells = list(enumerate(header))
    assert extra_columns(cells) == extra
    assert columns_by_name(cells) == moved


def test_two_columns_of_its_own_of_one_name_keep_both_cells():
    """A projects annex whose header names NOTE twice beyond its four: a project keeps both
    cells, joined, as the main table keeps a wrapped KPI's (never the last alone)."""
    from objparse import parse_text

    text = ("Obiettivi di performance organizzativa per l'anno 2025\nDC Organizzazione\n"
            "AMBITO DI PERFORMANCE\tCONTRIBUTO AL VALORE PUBBLICO\tSOTTO AMBITI\tKPI\tRIFERIMENTI\tVALORE OBIETTIVO\n"
            "Valore Sociale\t100%\t100%\tImpatto Ambientale\tObiettivi 2025 - Pag. 3\t100\n\n"
            "AMBITO VALORIALE\tSOTTOAMBITO\tID PROGETTO\tTITOLO PROGETTO\tNOTE\tNOTE\n"
            "Valore Sociale\tImpatto Ambientale\tNOPE25_DCO_16.1\tRendiconto\tavviato\tin marzo\n")
    doc = parse_text(text)
    assert doc.projects is not None and doc.projects.items[0].extra == {"NOTE": "avviato in marzo"}
