"""Nothing lost: every non-empty source cell ends up in a field or in `unparsed`."""

from __future__ import annotations

import csv
import html
import io
import re
from decimal import Decimal

import attrs
import pytest
import sheets
from conftest import CORPUS, FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from objparse import parse_file, parse_sheets, parse_text, render
from objparse.accounting import UNREAD
from objparse.export.tables import TABLES, table_rows
from objparse.model import HOWS
from objparse.source import decode

SHEETS = sorted(CORPUS.glob("*.txt")) + sorted(FIXTURES.glob("*.txt")) + sorted(FIXTURES.glob("several/*.txt"))


def _strings(value, out):
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for v in value.values():
            _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)
    return out


csv.field_size_limit(2**31 - 1)  # a hostile test has a ten-megabyte cell


def _rows(text: str, delimiter: str = "\t") -> list[tuple[int, list[str]]]:
    """The rows, each with the line it starts on, as Excel's quoting reads them; a tab-separated
    file that does not read that way throughout (a quoted cell never closed) was never quoted, and
    splits on tabs and newlines as it stands."""
    def read(reader) -> list[tuple[int, list[str]]]:
        out, start = [], 1
        for row in reader:
            out.append((start, row))
            start = reader.line_num + 1
        return out

    if delimiter != "\t":
        return read(csv.reader(io.StringIO(text, newline=""), dialect="excel", delimiter=delimiter))
    try:
        return read(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab", strict=True))
    except csv.Error:
        return [(n, line.split("\t")) for n, line in enumerate(text.split("\n"), start=1)]


def separator(doc) -> str:
    """What separated the cells, as the document says it read them (tabs unless it says otherwise)."""
    doc = doc[0] if isinstance(doc, list) else doc  # the documents of one source read it one way
    said = next((d.message for d in doc.diagnostics if d.code == "delimiter"), None)
    return said.split("'")[1] if said else "\t"


def _clean(cell: str) -> str:
    """A cell as written, with only its italics tags, entities and runs of spaces undone — never
    by the parser's own cleaning, which could hide what it drops."""
    cell = re.sub(r"&#?\w+;", lambda m: html.unescape(m.group()), re.sub(r"(?i)</?(?:i|em)>", "", cell))
    return re.sub(r"\s+", " ", cell).strip()


def source_cells(text: str, delimiter: str = "\t") -> dict[tuple[int, int], str]:
    """Every non-empty cell of the source, by its line and 1-based column: read the way Excel
    quotes (as any reader of these files would), independently of the parser."""
    return {(line, column): cell for line, row in _rows(text, delimiter)
            for column, cell in enumerate(map(_clean, row), start=1) if cell}


def raw_cells(text: str, delimiter: str = "\t"):
    return iter(source_cells(text, delimiter).values())


def _table_rows(doc) -> dict[tuple[str, str], dict]:
    """Every row of every table the document's cells went into, by (table, its key)."""
    out = {}
    used = {c.table for c in doc.cells}
    for table in (t for t in TABLES if t.name in used):
        key = table.key or "document_key"
        for row in table_rows(doc, table):
            values = dict(zip(table.names, row, strict=True))
            out[table.name, values[key]] = values
    return out


def _in(text: str, value, row: dict) -> bool:
    """Does a field's value hold the cell's text (a number read from it, a part of it: a note's
    text after its label or its footnote marker, or in its label)?"""
    if isinstance(value, str):
        rest = re.sub(r"^(?:[^:]{1,40}?\s*:|\*+|\(\*+\)|\(\d+\))\s*", "", text)
        whole = " ".join(v for v in row.values() if isinstance(v, str))
        return text in whole or value in text or (rest != "" and rest in value)
    if isinstance(value, Decimal):
        digits = re.sub(r"[^0-9]", "", text).lstrip("0")
        return digits.startswith(format(abs(value), "f").replace(".", "").rstrip("0").lstrip("0")[:1])
    return value is not None


def lost_cells(text: str, docs) -> list[str]:
    """What is wrong with the document's account of the source's cells (nothing, for a good
    one): each non-empty source cell must be accounted for exactly once (doc.cells, made by the
    reading as it goes), with its own text, into a record that exists and a field that holds it,
    or into unparsed — and no cell may be accounted for that the source does not hold."""
    docs = docs if isinstance(docs, list) else [docs]
    source = source_cells(text, separator(docs))
    problems = []
    seen: dict[tuple[int, int], str] = {}
    for doc in docs:
        tables = _table_rows(doc)
        unparsed = {(u.line, u.column) for u in doc.unparsed}
        problems += [f"{d.line}:{d.column} read into no field" for d in doc.diagnostics if d.code == UNREAD]
        for c in doc.cells:
            place = (c.line, c.column)
            if place in seen:
                problems.append(f"{place} accounted for twice")
            seen[place] = c.text
            if c.how not in HOWS:
                problems.append(f"{place} {c.how!r} is no way of using a cell")
            if c.text != source.get(place):
                problems.append(f"{place} {c.text!r}: the source holds {source.get(place)!r} there")
            row = tables.get((c.table, c.record)) if c.table != "documents" else {}
            if row is None:
                problems.append(f"{place} {c.text!r}: no record {c.record} in {c.table}")
            elif c.how == "unplaced" and (c.table != "unparsed" or c.text not in row["text"]):
                problems.append(f"{place} {c.text!r}: unplaced, but not in unparsed")
            elif c.how in ("read", "moved", "filled") and c.field in row and not _in(c.text, row[c.field], row):
                problems.append(f"{place} {c.text!r}: {c.table}.{c.field} holds {row[c.field]!r}")
            if c.how not in ("unplaced", "dropped") and place in unparsed:
                problems.append(f"{place} {c.text!r}: {c.how} into {c.table}.{c.field}, and in unparsed too")
    problems += [f"{place} {text!r}: accounted for by no document" for place, text in source.items()
                 if place not in seen]
    return problems


@pytest.mark.parametrize("path", SHEETS, ids=[p.stem for p in SHEETS])
def test_no_cell_is_lost(path):
    assert lost_cells(decode(path.read_bytes()).text, parse_sheets(path)) == []


def test_unplaced_cells_are_reported_with_place():
    doc = parse_file(FIXTURES / "unplaced_cell.txt")
    assert [(u.line, u.column, u.text) for u in doc.unparsed] == [(6, 7, "vedi nota")]
    assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [("unplaced-cell", 6, 7)]


SHEET = """Obiettivi di performance organizzativa per l'anno 2024
REG. CAMPANIA - Direttore Regionale
AMBITO DI PERFORMANCE\tCONTRIBUTO AL VALORE PUBBLICO\tSOTTO AMBITI\tKPI\tRIFERIMENTI\tVALORE OBIETTIVO
Valore Sociale\t100%\t100%\tImpatto Ambientale\t\t
\t\t\tIndice uno\tPIAO - Pag. 1\t10
\t\t\tIndice due\tPIAO - Pag. 2\t20
"""


def test_value_no_kpi_takes_is_kept():
    lines = SHEET.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Valore Sociale"))
    lines[at] = lines[at].rstrip("\t") + "\tSMVP - Pag. 99\t77"  # values on the sub-area row, unused
    doc = parse_text("\n".join(lines))
    assert sorted(u.text for u in doc.unparsed) == ["77", "SMVP - Pag. 99"]
    assert lost_cells("\n".join(lines), doc) == []


@settings()
@given(sheets.documents(), st.data())
def test_damaged_sheets_lose_no_cell(doc, data):
    text = data.draw(sheets.damaged(render(doc)))
    assert lost_cells(text, parse_text(text)) == []


# --- the exact check fails when a cell is dropped -----------------------------------------------------

SEED = CORPUS / "000_2e4c457401ea359e.txt"


def test_a_reading_that_drops_a_field_fails_the_check(monkeypatch):
    """A section that forgets where its targets came from: each target cell is no longer accounted
    for by a record — kept in unparsed as unread, and the check names every one."""
    from objparse.sections import main_table

    made = main_table._from

    def forgetful(row, *fields):
        return made(row, *(f for f in fields if f[0] != "target_raw"))

    monkeypatch.setattr(main_table, "_from", forgetful)
    text = SEED.read_text(encoding="utf-8")
    doc = parse_text(text)
    targets = {k.target.raw for _, _, k in doc.kpis() if k.target is not None}
    problems = lost_cells(text, doc)
    unread = [p for p in problems if p.endswith("read into no field")]
    assert len(unread) == len({d for d in doc.diagnostics if d.code == UNREAD}) > 0
    assert {u.text for u in doc.unparsed} >= targets
    assert all(d.severity == "warning" for d in doc.diagnostics if d.code == UNREAD)


def test_an_account_that_loses_one_cell_fails_the_check():
    """Any one cell taken out of the account: the check names that cell, and only it."""
    text = SEED.read_text(encoding="utf-8")
    doc = parse_text(text)
    for n in (0, len(doc.cells) // 2, len(doc.cells) - 1):
        lost = doc.cells[n]
        short = attrs.evolve(doc, cells=tuple(c for i, c in enumerate(doc.cells) if i != n))
        assert lost_cells(text, short) == [f"{(lost.line, lost.column)} {lost.text!r}: accounted for by no document"]


def test_an_account_that_misplaces_or_doubles_a_cell_fails_the_check():
    text = SEED.read_text(encoding="utf-8")
    doc = parse_text(text)
    kpi = next(i for i, c in enumerate(doc.cells) if c.table == "kpis" and c.field == "target_raw")
    cells = list(doc.cells)
    cells[kpi] = cells[kpi]._replace(record=cells[kpi].record + "0")  # a record that does not exist
    assert [p for p in lost_cells(text, attrs.evolve(doc, cells=cells)) if "no record" in p]
    doubled = attrs.evolve(doc, cells=(*doc.cells, doc.cells[kpi]))
    assert [p for p in lost_cells(text, doubled) if "accounted for twice" in p]


# --- the account, through the API and in the tables ------------------------------------------------

def test_every_cell_of_the_corpus_is_a_row_of_the_cells_table(tmp_path):
    from objparse.cli import main

    assert main([str(CORPUS), "-o", f"{tmp_path}/tables/", "-q"]) == 0
    with open(tmp_path / "tables" / "cells.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    want = {(str(path), line, column): text for path in sorted(CORPUS.glob("*.txt"))
            for (line, column), text in source_cells(decode(path.read_bytes()).text).items()}
    got = {(r["source"], int(r["line"]), int(r["column"])): r["text"] for r in rows}
    assert len(rows) == len(got) == len(want) and got == want
    assert {r["how"] for r in rows} <= set(HOWS) and all(r["table"] and r["record_key"] for r in rows)


def test_a_documents_account_is_a_tuple_once_pickled_and_made_once():
    import pickle

    doc = parse_file(SEED)
    assert pickle.loads(pickle.dumps(doc)).cells == tuple(doc.cells) == tuple(doc.cells)
    assert doc.cells[0].field == "title" and doc.cells[:1] == (doc.cells[0],)
    kpi = next(k for _, _, k in doc.kpis() if k.name == "Indice di Deflusso")
    assert [(f.field, f.how) for f in kpi.cells] == [("kpi", "read"), ("reference", "read"), ("target_raw", "read")]


def test_a_cell_of_a_column_of_its_own_on_an_area_row_alone_is_kept():
    """An area row whose only other cell stands in a column the header names beyond the six: no
    sub-area and no KPI takes it, so it is kept in unparsed (it was once read by no stage)."""
    text = ("Obiettivi di performance organizzativa per l'anno 2025\nDC Bilancio\n"
            "AMBITO DI PERFORMANCE\tCONTRIBUTO AL VALORE PUBBLICO\tNOTE\tSOTTO AMBITI\tKPI\tRIFERIMENTI\t"
            "VALORE OBIETTIVO\nVALORE SOCIALE\t40%\t1000\n"
            "Valore Istituzionale\t60%\t\t100%\tMassimizzazione degli outcome\tPIAO - Pag. 3\t5\n")
    doc = parse_text(text)
    assert lost_cells(text, doc) == []
    assert [(u.line, u.column, u.text) for u in doc.unparsed] == [(4, 3, "1000")]
    assert [d.code for d in doc.diagnostics if d.severity == "warning"] == ["unplaced-cell"]


def test_the_cells_of_a_header_joined_and_read_as_a_note_are_each_accounted_for():
    """A header written with commas (one cell) takes the line under it as its wrapped rest, and
    the two are then read as a note: the note accounts for both source cells."""
    text = ("Valore Sociale\t100%\t100%\tImpatto Ambientale\t\t\n"
            "AMBITO DI PERFORMANCE\tCONTRIBUTO AL VALORE PUBBLICO\tSOTTO AMBITI\tKPI\tRIFERIMENTI\tVALORE OBIETTIVO\n"
            "Valore Sociale\t100%\t100%\tImpatto Ambientale\t\t\n"
            "Obiettivi di performance organizzativa\t\t\t\t\t\nper l'anno 2025\t\t\t\t\t\n"
            "AMBITO DI PERFORMANCE,CONTRIBUTO AL VALORE PUBBLICO,SOTTO AMBITI,KPI,RIFERIMENTI,VALORE OBIETTIVO\n"
            "REG. EMILIA ROMAGNA -\t\t\t\t\t\nDirettore Regionale\t\t\t\t\t\n")
    doc = parse_text(text)
    assert lost_cells(text, doc) == []
    assert [(c.line, c.how, c.table) for c in doc.cells if c.line in (6, 7)] == [(6, "read", "notes"),
                                                                               (7, "joined", "notes")]
