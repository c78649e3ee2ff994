"""The grammar carries the sheet's structure: rows out of place are grammar errors, recovered
with an `unexpected-line` diagnostic and their cells in `unparsed`; nothing else is lost."""

from __future__ import annotations

from conftest import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st
from test_lossless import lost_cells

from objparse import parse_text
from objparse.generate import built_parser

SEED = (CORPUS / "000_2e4c457401ea359e.txt").read_text(encoding="utf-8").split("\n")


def test_grammar_is_lalr_without_conflicts():
    assert built_parser().options.strict  # Lark refuses to build a strict parser from a grammar with conflicts


def test_kpi_rows_before_any_area_are_set_aside():
    lines = [*SEED[:5], "\t\t\tIndice di Deflusso\tObiettivi 2024 - Pag. 26\t1,013", *SEED[5:]]
    doc = parse_text("\n".join(lines))
    [diag] = [d for d in doc.diagnostics if d.code == "unexpected-line"]
    assert (diag.line, diag.column) == (6, 4) and "KPI row" in diag.message
    assert [u.text for u in doc.unparsed] == ["Indice di Deflusso", "Obiettivi 2024 - Pag. 26", "1,013"]
    assert [a.name for a in doc.areas] == [a.name for a in parse_text("\n".join(SEED)).areas]


def test_a_table_row_after_the_projects_annex_is_set_aside():
    doc = parse_text("\n".join([*SEED, "Accertato\t4.249.834.748 €"]))
    [diag] = [d for d in doc.diagnostics if d.code == "unexpected-line"]
    assert diag.line == len(SEED) + 1
    assert [u.text for u in doc.unparsed] == ["Accertato", "4.249.834.748 €"]
    assert len(doc.projects.items) == len(parse_text("\n".join(SEED)).projects.items)


@settings()
@given(st.permutations(range(len(SEED))))
def test_rows_in_any_order_lose_no_cell(order):
    """Every order of the seed's rows parses, and each cell is in a field or in unparsed."""
    text = "\n".join(SEED[i] for i in order)
    if "AMBITO DI PERFORMANCE" not in text and "Obiettivi di performance" not in text:
        return
    doc = parse_text(text)
    assert lost_cells(text, doc) == []
    unexpected = {d.line for d in doc.diagnostics if d.code == "unexpected-line"}
    assert unexpected <= {u.line for u in doc.unparsed}


def test_every_side_table_is_whole():
    """A side table is one registry entry; each layer has its part: a grammar rule, a header token
    the lexer knows, a section, a layout, a tidy table, a model field."""
    from objparse import model
    from objparse.export.tables import BY_NAME
    from objparse.lexer import SIDE_HEADERS
    from objparse.rendering.layout import SIDE_ROWS
    from objparse.sections import SIDE_SECTIONS
    from objparse.side_tables import SIDE_TABLES

    rules = {rule.origin.name for rule in built_parser().rules}
    names = {table.name for table in SIDE_TABLES}
    assert set(SIDE_SECTIONS) == set(SIDE_ROWS) == names
    for table in SIDE_TABLES:
        assert table.name in rules and table.token in SIDE_HEADERS and table.table in BY_NAME
        assert table.name in model.Document.__annotations__
