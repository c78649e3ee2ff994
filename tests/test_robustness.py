"""Any text gives a document or a SheetError naming the file: never another exception."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_lossless import lost_cells

from objparse import SheetError, parse_bytes, parse_sheets, parse_text

LINES = [
    "Obiettivi di performance organizzativa per l'anno 2024\t\t\t\t\t",
    "REG. LOMBARDIA - Direttore Regionale",
    "AMBITO DI PERFORMANCE\tCONTRIBUTO AL VALORE PUBBLICO\tSOTTO AMBITI\tKPI\tRIFERIMENTI\tVALORE OBIETTIVO",
    "Valore Sociale\t10%\t100%\tImpatto Ambientale\t\t",
    "\t\t50%\tCompliance alle norme\tObiettivi 2024 - Pag. 3\t100",
    "\t\t\tIndice di Deflusso\tObiettivi 2024 - Pag. 26\t1,013",
    "\tIndice di Audit\tPagg. 4-7\t83.994\t\t",
    "\t\t\t\tPagg. 4-7\t",
    "SMVP: Determinazione commissariale N. 110 del 21 dicembre 2023",
    "* Per gli Obiettivi Generali di Ente il valore assegnato è quello di sede.",
    "Allegato 2",
    "Indicatore di Efficacia Economico-finanziaria della Produzione (I.E.E.P)\t\tTotale",
    "OBIETTIVI 2024\t\t12.180.409.266 €",
    "<i>Accertamenti da DMV</i>\t\t260.854.504 €",
    "Interessi legali (-)\t\t25.428.553 €",
    "Indicatore Gestione della Spesa\tFabbisogni Economici\tI-II-III Forecast\tScostamento massimo",
    "\t\tIV Forecast\tScostamento massimo del +/-5%",
    "Allegato 3: Elenco Progetti",
    "AMBITO VALORIALE\tSOTTOAMBITO\tID PROGETTO\tTITOLO PROGETTO",
    "Valore Sociale\tImpatto Ambientale\tNOPE24_DCBOL_16.1\tRendiconto di Sostenibilità 2023",
    "\t\tNOPE24_DCFI_1.3\tProgetto",
    "",
    "\t\t\t",
    "1,2,3\t%\t€\t-\t;\t:",
    "12%\t\t\t\t\t\t\t\t99",
]


@settings()
@given(st.lists(st.sampled_from(LINES), max_size=40), st.sampled_from(["\n", "\r\n"]))
# the projects header right under a main-table header printed again: no wrapped part of it
@example([LINES[2], LINES[0], LINES[2], "AMBITO VALORIALE\tSOTTOAMBITO\tID PROGETTO\tTITOLO PROGETTO"], "\n")
def test_shuffled_sheet_parts_never_crash_and_lose_no_cell(lines, newline):
    text = newline.join(lines)
    try:
        docs = parse_sheets(text.encode())
    except SheetError as exc:
        assert "not an objective sheet" in str(exc) or (str(exc).endswith("empty file") and not text.strip())
        return
    assert all(doc.checks for doc in docs)  # every document carries its checks
    assert lost_cells(text, docs) == []


@settings()
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data):
    try:
        parse_bytes(data, "x.txt")
    except SheetError as exc:
        assert str(exc).startswith("x.txt: ") and "\n" not in str(exc)


VOCABULARY = [*list("ab 1,.%€\t\n*:-;<>i/\"&"), "Pag. ", "Valore ", "AMBITO DI PERFORMANCE", "Obiettivi 2024 - ",
              "30%", "1.234,50 €", "€ 12", "I.E.E.P. - ", "Indicatore di Efficacia Economico", "AMBITO VALORIALE",
              "NOPE24_DCE_1.1", "(-)", "<i>", "</i>", "&amp;", "Allegato 2", "del 21 dicembre 2023", "N. 5",
              "Obiettivi di performance organizzativa per l'anno 2024", "DC X", "\r", "\t\t\t", "\"\"", "\ufeff"]


@settings()
@given(st.lists(st.sampled_from(VOCABULARY), max_size=150).map("".join))
@example('"a\nAMBITO DI PERFORMANCE')  # a quote never closed: the file was never quoted
def test_text_of_sheet_vocabulary_never_crashes_and_loses_no_cell(text):
    try:
        doc = parse_text(text)
    except SheetError:
        return
    assert lost_cells(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"), doc) == []
