"""The originals of the seed sheets — the workbooks they were made in and the PDF printed from
them (tests/fixtures/originals/, as LibreOffice saves them) — give the seeds' golden documents:
the same reading whatever the file, with no guess where the format says (a merged cell's rows)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, GOLDEN, as_json, load_json

from objparse import parse_file

ORIGINALS = FIXTURES / "originals"
WORKBOOKS = sorted([*ORIGINALS.glob("*.xlsx"), *ORIGINALS.glob("*.ods")])


def _expected(path, lines=True):
    want = load_json(GOLDEN / f"{path.stem}.json")
    want.pop("expect_checks")
    return _comparable(want, lines)


def _comparable(doc, lines):
    """A document without what another file of the same sheet has of its own: its name and
    bytes, its place in the file, its notes on how it was read; and, for a PDF, its lines."""
    for field in ("source", "source_sha256", "sheet", "checks", "diagnostics"):
        doc.pop(field, None)
    return doc if lines else _without_lines(doc)


def _without_lines(value):
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k != "line"}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


@pytest.mark.parametrize("path", WORKBOOKS, ids=[p.name for p in WORKBOOKS])
def test_a_workbook_gives_the_golden_document(path):
    doc = parse_file(path)
    assert doc.sheet == "Obiettivi 2024"  # the worksheet's name
    assert {d.code for d in doc.diagnostics} <= {"implicit-kpi"}  # no guess: merges and wraps are explicit
    assert _comparable(as_json(doc), True) == _expected(path)


PDFS = sorted(ORIGINALS.glob("*.pdf"))


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_a_pdf_gives_the_golden_document_but_for_its_lines(path):
    """The PDF's lines are its rows' places as read (and each record says its page): the whole
    document is in <name>.pdf.json, and but for lines and pages it is the golden one."""
    got = as_json(parse_file(path))
    assert got | {"source": path.name} == load_json(path.with_name(path.name + ".json"))
    assert {d["code"] for d in got["diagnostics"]} <= {"implicit-kpi", "page-number"}  # no guess of a merge or a wrap
    footers = [u.pop("text") for u in got["unparsed"]]  # the page footers, kept as page numbers are
    assert footers == [f"Pagina {n} di 3" for n in (1, 2, 3)]
    assert _without(_comparable(got | {"unparsed": []}, False), "page") == _expected(path, lines=False)


def _without(value, key):
    if isinstance(value, dict):
        return {k: _without(v, key) for k, v in value.items() if k != key}
    if isinstance(value, list):
        return [_without(v, key) for v in value]
    return value


@pytest.mark.parametrize("path", [p for p in WORKBOOKS if p.suffix == ".xlsx"], ids=lambda p: p.name)
def test_a_workbook_accounts_for_each_of_its_cells_once(path):
    """Each non-empty cell of the worksheet, as openpyxl reads it, once in the account, at its row
    and column; merged cells read once and filled into the rows they cover."""
    import openpyxl

    sheet = openpyxl.load_workbook(path).worksheets[0]
    want = {(c.row, c.column) for row in sheet.iter_rows() for c in row
            if c.value is not None and str(c.value).strip()}
    doc = parse_file(path)
    got = [(c.line, c.column) for c in doc.cells]
    assert len(got) == len(set(got)) and set(got) == want
    assert {c.how for c in doc.cells} == {"read", "filled"}
    merged = {(r.min_row, r.min_col) for r in sheet.merged_cells.ranges if r.max_row > r.min_row}
    assert {(c.line, c.column) for c in doc.cells if c.how == "filled"} <= merged


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_a_pdf_accounts_for_its_boxes_with_their_pages(path):
    doc = parse_file(path)
    assert doc.cells and all(c.page is not None for c in doc.cells)
    assert not [d for d in doc.diagnostics if d.code == "unread-cell"]
    dropped = [c for c in doc.cells if c.how == "dropped"]
    assert dropped and all(c.table == "diagnostics" for c in dropped)  # page headers printed again
    places = [(c.line, c.column) for c in doc.cells]
    assert len(places) == len(set(places))
