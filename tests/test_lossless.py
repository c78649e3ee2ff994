"""Nothing lost: every non-empty source cell ends up in a field or in `unparsed`."""

from __future__ import annotations

import csv
import html
import io
import re
from decimal import Decimal

import pytest
import sheets
from conftest import CORPUS, FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from objparse import parse_file, parse_sheets, parse_text, render
from objparse.export.json import plain
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


def _rows(text: str, delimiter: str = "\t") -> list[list[str]]:
    """The rows as Excel's quoting reads them; a tab-separated file that does not read that way
    throughout (a quoted cell never closed) was never quoted, and splits on tabs and newlines as
    it stands."""
    if delimiter != "\t":
        return list(csv.reader(io.StringIO(text, newline=""), dialect="excel", delimiter=delimiter))
    try:
        return list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab", strict=True))
    except csv.Error:
        return [line.split("\t") for line in text.split("\n")]


def separator(doc) -> str:
    """What separated the cells, as the document says it read them (tabs unless it says otherwise)."""
    doc = doc[0] if isinstance(doc, list) else doc  # the documents of one source read it one way
    said = next((d.message for d in doc.diagnostics if d.code == "delimiter"), None)
    return said.split("'")[1] if said else "\t"


def raw_cells(text: str, delimiter: str = "\t"):
    """Every cell of the source as written: read the way Excel quotes (as any reader of these
    files would), with only its italics tags, entities and runs of spaces undone — never by the
    parser's own cleaning, which could hide what it drops."""
    for row in _rows(text, delimiter):
        for cell in row:
            cell = re.sub(r"&#?\w+;", lambda m: html.unescape(m.group()), re.sub(r"(?i)</?(?:i|em)>", "", cell))
            yield re.sub(r"\s+", " ", cell).strip()


def lost_cells(text: str, doc) -> list[str]:
    """Cells of the source whose text is nowhere in the document (or the list of documents made
    of the source). A cell may be split by the document into parts (a weight '30%' into 30;
    'SMVP: text' into label and text; a marker)."""
    data = plain(doc)
    hay = " \u241e ".join(_strings(data, []))
    numbers = {Decimal(n) for n in re.findall(r"-?\d+(?:\.\d+)?", repr(data))}
    lost = []
    for c in raw_cells(text, separator(doc)):
        if not c or c in hay:
            continue
        m = re.fullmatch(r"([+-]?\d+(?:,\d+)?)\s*%", c)
        if m and Decimal(m.group(1).replace(",", ".")) in numbers:
            continue
        m = re.fullmatch(r"([^:]{1,40}?)\s*:\s*(.*)", c)  # a note's label, its text after it (or in the next cell)
        if m and m.group(1) in hay and m.group(2) in hay:
            continue
        m = re.fullmatch(r"(.+?)\s*(\*+|\(\*+\)|\(\d+\))|(\*+|\(\*+\)|\(\d+\))\s*(.+)", c)  # a footnote marker
        if m and (m.group(1) or m.group(4)) in hay:
            continue
        lost.append(c)
    return lost


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
