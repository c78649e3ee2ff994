"""The readers: each format to the grid, and what they show of a value."""

from __future__ import annotations

import datetime as dt
import io
import sys

import pytest
from conftest import FIXTURES

from objparse import SheetError, parse_bytes, parse_sheets
from objparse.readers import kind
from objparse.readers.formats import display

ORIGINALS = FIXTURES / "originals"


@pytest.mark.parametrize(("value", "code", "shown"), [
    (0.1, "[$-410]0%", "10%"), (1, "[$-410]0%", "100%"), (0.333, "0.0%", "33,3%"), (100, "[$-410]0", "100"),
    (1.013, "[$-410]0.000", "1,013"), (48.85, "[$-410]0.00", "48,85"), (3.5, "[$-410]0.00", "3,50"),
    (1, "[$-410]0.000", "1,000"), (4249834748, '[$-410]#,##0" €"', "4.249.834.748 €"),
    (83994, "[$-410]#,##0", "83.994"),
    (1234.5, "#,##0.00 [$€-410]", "1.234,50 €"), (1234.5, "[$€-410] #,##0.00", "€ 1.234,50"), (0.1, "General", "0,1"),
    (100, "General", "100"), (-5, "0;(0)", "(5)"), (-5, "0", "-5"), (0, "#,##0", "0"), (2.5, "0", "3"),
    (0.125, "0.00", "0.13".replace(".", ",")), (dt.datetime(2023, 12, 21), "dd/mm/yyyy", "21/12/2023"),
    (dt.datetime(2023, 12, 21), "d mmmm yyyy", "21 dicembre 2023"), ("testo", "General", "testo"),
    (True, "General", "VERO"),
])
def test_a_value_is_shown_as_its_number_format_shows_it_in_italian(value, code, shown):
    assert display(value, code) == shown


@pytest.mark.parametrize(("data", "what"), [
    ((ORIGINALS / "000_2e4c457401ea359e.xlsx").read_bytes(), "xlsx"),
    ((ORIGINALS / "000_2e4c457401ea359e.ods").read_bytes(), "ods"),
    ((ORIGINALS / "000_2e4c457401ea359e.pdf").read_bytes(), "pdf"),
    (b"Obiettivi di performance", "text"), (b"\x89PNG\r\n\x1a\n", "a PNG image"),
])
def test_the_format_is_told_by_the_content(data, what):
    assert kind(data) == what


def _workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


SHEET = [["Obiettivi di performance organizzativa per l'anno 2025"], ["DC Bilancio"],
         ["AMBITO DI PERFORMANCE", "CONTRIBUTO AL VALORE PUBBLICO", "SOTTO AMBITI", "KPI", "RIFERIMENTI",
          "VALORE OBIETTIVO"],
         ["Valore Sociale", "100%", "100%", "Impatto", "PIAO - Pag. 1", 12]]


def test_every_worksheet_that_holds_a_sheet_is_a_document_named_after_it():
    data = _workbook({"Istruzioni": [["Leggere prima"]], "Bilancio": SHEET, "Patrimonio": SHEET})
    docs = parse_sheets(data, "book.xlsx")
    assert [(d.sheet, d.office.name) for d in docs] == [("Bilancio", "Bilancio"), ("Patrimonio", "Bilancio")]
    assert len({d.key for d in docs}) == 2
    with pytest.raises(SheetError, match="none of its worksheets \\('Istruzioni'\\) is an objective sheet"):
        parse_bytes(_workbook({"Istruzioni": [["Leggere prima"]]}), "book.xlsx")


def test_a_damaged_workbook_is_one_line_and_a_missing_reader_names_its_extra(monkeypatch):
    data = bytearray((ORIGINALS / "000_2e4c457401ea359e.xlsx").read_bytes())
    data[len(data) // 2:len(data) // 2 + 400] = b"\0" * 400
    with pytest.raises(SheetError, match="cannot be read") as info:
        parse_bytes(bytes(data), "book.xlsx")
    assert "\n" not in str(info.value)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(SheetError, match=r"needs openpyxl \(pip install 'objparse\[xlsx\]'\)"):
        parse_bytes((ORIGINALS / "000_2e4c457401ea359e.xlsx").read_bytes(), "book.xlsx")


def test_a_damaged_spreadsheet_is_one_line():
    data = bytearray((ORIGINALS / "000_2e4c457401ea359e.ods").read_bytes())
    at = data.index(b"content.xml") + 200
    data[at:at + 2000] = b"\1" * 2000
    with pytest.raises(SheetError) as info:
        parse_bytes(bytes(data), "sheet.ods")
    assert "\n" not in str(info.value) and str(info.value).startswith("sheet.ods: ")


def _pdf(draw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    draw(page)
    page.showPage()
    page.save()
    return out.getvalue()


def test_a_pdf_with_no_text_or_no_ruled_table_says_so():
    no_text = _pdf(lambda page: page.rect(50, 50, 200, 100))
    with pytest.raises(SheetError, match="no text in it \\(a scan\\?\\): objparse reads a PDF's text, it does no OCR"):
        parse_bytes(no_text, "scan.pdf")
    no_table = _pdf(lambda page: page.drawString(50, 700, "Obiettivi di performance organizzativa per l'anno 2025"))
    with pytest.raises(SheetError, match="no ruled table in it"):
        parse_bytes(no_table, "letter.pdf")


def test_a_missing_pdf_reader_names_its_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(SheetError, match=r"needs pdfplumber \(pip install 'objparse\[pdf\]'\)"):
        parse_bytes((ORIGINALS / "000_2e4c457401ea359e.pdf").read_bytes(), "sheet.pdf")


def test_words_a_pdf_line_break_cut_are_joined_whole():
    from objparse.readers.pdf import _words_text

    def words(*lines, width=40.0):
        return [{"text": t, "top": 10.0 * n, "x0": 0.0, "x1": width} for n, line in enumerate(lines)
                for t in [line]]

    assert _words_text(words("Economico-", "finanziaria")) == "Economico-finanziaria"
    assert _words_text(words("ECONOMICO-", "FINANZIARIA")) == "ECONOMICO-FINANZIARIA"
    assert _words_text(words("Obiettivi 2024 -", "Pag. 4")) == "Obiettivi 2024 - Pag. 4"
    assert _words_text(words("Massimizzazion", "e degli"), 40.0) == "Massimizzazione degli"  # it filled its box
    assert _words_text(words("Massimizzazione", "degli"), 100.0) == "Massimizzazione degli"
