"""render is the inverse of every reader: a document written as a text of any dialect and
encoding, an .xlsx or .ods workbook (merged cells, number formats, italics) or a ruled PDF, and
read back, is the same document (its lines and pages aside, and the file's own name, bytes and
sheet). For generated documents, clean and damaged, and for every golden and fixture sheet."""

from __future__ import annotations

import pytest
import sheets
from conftest import CORPUS, FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import data

from objparse import parse_bytes, parse_file
from objparse.rendering import render_as

TEXTS = {"tabs, UTF-8": {}, "';' CSV, Windows-1252, CRLF": {"delimiter": ";", "encoding": "cp1252", "newline": "\r\n"},
         "',' CSV, UTF-16": {"delimiter": ",", "encoding": "utf-16"}, "'|', Mac Roman, CR": {"delimiter": "|",
         "encoding": "mac_roman", "newline": "\r"}, "tabs, code page 850": {"encoding": "cp858", "newline": "\r\n"},
         "tabs, UTF-32 BE": {"encoding": "utf-32-be"}}
WORKBOOKS = ("xlsx", "ods")
SHEETS = sorted(CORPUS.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))


def back(doc, fmt, **options):
    return parse_bytes(render_as(doc, fmt, **options), f"sheet.{fmt}")


def encodable(doc, encoding):
    try:
        render_as(doc, "text", encoding=encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("path", SHEETS, ids=[p.stem for p in SHEETS])
def test_every_sheet_reads_back_from_every_format(path):
    doc = parse_file(path)
    want = data(doc)
    for name, options in TEXTS.items():
        if encodable(doc, options.get("encoding", "utf-8")):
            assert data(back(doc, "text", **options)) == want, name
    for fmt in WORKBOOKS:
        for merged in (False, True):
            assert data(back(doc, fmt, merged=merged)) == want, (fmt, merged)


PDF_SHEETS = [p for p in SHEETS if not parse_file(p).unparsed]  # a PDF prints set-aside cells as lines of text


@pytest.mark.parametrize("path", PDF_SHEETS, ids=[p.stem for p in PDF_SHEETS])
def test_every_sheet_reads_back_from_a_pdf(path):
    doc = parse_file(path)
    got = data(back(doc, "pdf"))
    got["unparsed"] = [u for u in got["unparsed"] if not u["text"].startswith("Pagina ")]
    assert got == data(doc)


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])  # workbooks are slow to write and read
@given(sheets.documents(), st.sampled_from(list(TEXTS)), st.sampled_from(WORKBOOKS), st.booleans())
def test_generated_documents_read_back_from_every_format(doc, text, fmt, merged):
    options = TEXTS[text]
    if encodable(doc, options.get("encoding", "utf-8")):
        assert data(back(doc, "text", **options)) == data(doc)
    assert data(back(doc, fmt, merged=merged)) == data(doc)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])  # a PDF is slow to read: fewer
@given(sheets.documents())
def test_generated_documents_read_back_from_a_pdf(doc):
    got = data(back(doc, "pdf"))
    got["unparsed"] = [u for u in got["unparsed"] if not u["text"].startswith("Pagina ")]
    assert got == data(doc)
