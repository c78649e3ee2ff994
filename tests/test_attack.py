"""What an attack on the parser found, each pinned: blow-ups in time, numbers out of range, output
that could be half-written or written through a link, and the smaller findings. Sizes are such
that a quadratic path would take minutes here; the linear ones take a moment."""

from __future__ import annotations

import errno
import gc
import json
import os
import tracemalloc
from decimal import Decimal

import pytest
from conftest import CORPUS
from test_lossless import _strings, lost_cells

from objparse import parse_bytes, parse_text, to_json
from objparse.cli import main
from objparse.export.json import plain
from objparse.rules.wrapped_cells import MAX_CELL
from objparse.values.acts import parse_act
from objparse.values.citations import parse_citations
from objparse.values.names import is_project_id, parse_office, split_marker
from objparse.values.numbers import parse_number

SEED = (CORPUS / "000_2e4c457401ea359e.txt").read_text(encoding="utf-8")
HEAD = SEED.split("Valore Sociale")[0]
BIG = 128 * 1024
N = 30_000
# each of these takes a moment; a path quadratic in the input would take minutes: the bound fails it
LINEAR = pytest.mark.timeout(30)


# --- time --------------------------------------------------------------------------------------------

@LINEAR
def test_many_kpis_citing_the_register_and_many_projects():
    n = 3_000
    rows = [f"Valore Sociale\t100%\t100%\tSotto {i}\tObiettivi 2025 - Allegato 2 Anagrafica Progetti 2025\t100"
            if i == 0 else f"\t\t0%\tSotto {i}\tObiettivi 2025 - Allegato 2 Anagrafica Progetti 2025\t100"
            for i in range(n)]
    projects = [f"Valore Sociale\tSotto {i}\tNOPE25_DCX_{i}.1\tTitolo {i}" for i in range(n)]
    doc = parse_text(HEAD + "\n".join(rows) + "\n\nAMBITO VALORIALE\tSOTTOAMBITO\tID PROGETTO\tTITOLO PROGETTO\n"
                     + "\n".join(projects))
    kpis = [k for _, _, k in doc.kpis()]
    assert len(kpis) == n and all(k.project_ids == (f"NOPE25_DCX_{i}.1",) for i, k in enumerate(kpis))


@LINEAR
def test_many_ieep_kpis_and_many_items():
    n = 5_000
    kpis = "\n".join(f"\t\t\tI.E.E.P. - Voce {i}\tPIAO - Pag. 1\t{i + 1} €" for i in range(n))
    items = "\n".join(f"Voce {i}\t\t{i + 1} €" for i in range(400))
    doc = parse_text(HEAD + "Valore Economico\t100%\t100%\tCapacità\t\t\n" + kpis + "\n\nIndicatore di Efficacia "
                     "Economico-finanziaria della Produzione (I.E.E.P)\t\tTotale\n" + items)
    checks = [c for c in doc.checks if c.name == "ieep_kpis"]
    assert len(checks) == n and sum(c.status == "pass" for c in checks) == 400


@LINEAR
@pytest.mark.parametrize("text", ["x" + "*" * BIG + "y", "x" + "°" * BIG + "y", "a" + " " * BIG + "(1"])
def test_footnote_markers_in_linear_time(text):
    assert split_marker(text) == (text, None)


@LINEAR
@pytest.mark.parametrize(("text", "kind"), [("DC a" + " " * BIG + "x", "central"),
                                            ("DC " + "a -" * (BIG // 3), "central"),
                                            ("REG. " + "a " * (BIG // 2), "regional")])
def test_offices_in_linear_time(text, kind):
    assert parse_office(text).kind == kind


@LINEAR
@pytest.mark.parametrize(("text", "is_id"), [("A" + "1_" * (BIG // 2), False), ("A_" + "1." * (BIG // 2) + "x", True),
                                             ("A" * BIG + "_1", True)])
def test_project_ids_in_linear_time(text, is_id):
    assert is_project_id(text) is is_id


@LINEAR
@pytest.mark.parametrize("text", ["A" + " " * BIG + "N.1", "Determinazione N. 1" + " x" * (BIG // 2),
                                  "Decreto n. " + "1" * BIG + " del x"])
def test_acts_in_linear_time(text):
    assert parse_act(text) is None


AREA = "Valore Sociale\t100%\t100%\tImpatto\t\t\n"
ONE_WORD_ROWS = {  # a cell wrapped over thousands of one-word rows, in every place a cell wraps
    "KPI name": HEAD + AREA + "\t\t\tIndice di\tPIAO - Pag. 1\t1\n" + "\t\t\tparola\n" * N,
    "name above its row": HEAD + "Valore Sociale\t100%\t100%\tX\t\t\n" + "\t\t\tparola di\n" * N + "\t\t50%\tImpatto\n",
    "reference": HEAD + AREA + "\t\t\tIndice\tPIAO - Pag. 1\t1\n" + "\t\t\t\tpagine\n" * N,
    "note": SEED + "\n\nNota di\n" + "parola\n" * N,
    "I.E.E.P. label": SEED.split("Indicatore di Efficacia")[0] + "Indicatore di Efficacia Economico-finanziaria della "
                      "Produzione (I.E.E.P)\t\tTotale\nVoce\t\t1 €\n" + "parola\n" * N,
    "title": "Obiettivi di performance organizzativa per\n" + "la parola di\n" * N + HEAD.split("\n", 3)[3],
    "header": HEAD.replace("AMBITO DI PERFORMANCE", "AMBITO DI") + "PERFORMANCE\n" * N,
}


@LINEAR
@pytest.mark.parametrize("text", ONE_WORD_ROWS.values(), ids=ONE_WORD_ROWS.keys())
def test_a_cell_wrapped_over_thousands_of_rows(text):
    """No joined cell grows past what a cell holds, and each join costs what its rows hold: 30,000
    one-word rows read in seconds (joined one row at a time with the growing text classified
    again, 160 KB of them took 46 s and 1 GB)."""
    doc = plain(parse_text(text))
    longest = max(len(s) for s in _strings([v for k, v in doc.items() if k not in ("checks", "diagnostics")], []))
    assert 30_000 < longest <= MAX_CELL


def test_memory_stays_flat_over_a_batch_of_long_cells():
    """The readers' memos keep short texts only: sheets full of long distinct cells leave nothing
    behind once read."""
    def sheet(n):
        return SEED.replace("Indice di Deflusso", f"Indice {n} " + "lungo " * 2_000)

    parse_text(sheet(0))
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for n in range(1, 30):
        parse_text(sheet(n))
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert kept < 2_000_000, f"{kept:,} bytes kept after 29 sheets of 12 KB cells"


def test_a_joined_start_goes_where_its_row_goes():
    """A name's start joined onto the row below is kept with it when that row is set aside."""
    text = "AMBITO DI PERFORMANCE\n\t\tConsolidamento\n\t30%\t(AI)"
    doc = parse_text(text)
    assert [u.text for u in doc.unparsed] == ["Consolidamento", "30%", "(AI)"]


def test_a_header_with_riferimenti_first():
    text = HEAD.split("AMBITO")[0] + "RIFERIMENTI\tAMBITO DI PERFORMANCE\tKPI\nValore Sociale\t10%\t100%\tImpatto\n"
    doc = parse_text(text)
    assert lost_cells(text, doc) == []


# --- numbers -------------------------------------------------------------------------------------------

def test_a_five_thousand_digit_page_number_is_no_page():
    (c,) = parse_citations("PIAO - Pag. " + "9" * 5_000)
    assert c.page_from is None and c.page_to is None  # no page, and no int() of 5,000 digits


def test_a_thirty_digit_tree_that_does_not_add_up():
    big = "123.456.789.012.345.678.901.234.567.890"
    doc = parse_text(HEAD + "Valore Sociale\t100%\t100%\tImpatto\tPIAO - Pag. 1\t1\n\nIndicatore di Efficacia "
                     f"Economico-finanziaria della Produzione (I.E.E.P)\t\tTotale\nOBIETTIVI\t\t{big} €\n"
                     "A\t\t123.456.789.012.345.678.901.234.567.881 €\nB\t\t10 €\n")
    [check] = [c for c in doc.checks if c.name == "ieep_sums"]
    assert check.status == "fail" and "(difference -1)" in check.message


def test_sums_past_28_digits_are_exact():
    big = "12.345.678.901.234.567.890.123.456.789"
    half = "6.172.839.450.617.283.945.061.728.394"
    other = "6.172.839.450.617.283.945.061.728.395"
    doc = parse_text(HEAD + "Valore Sociale\t100%\t100%\tImpatto\tPIAO - Pag. 1\t1\n\nIndicatore di Efficacia "
                     f"Economico-finanziaria della Produzione (I.E.E.P)\t\tTotale\nOBIETTIVI 2025\t\t{big} €\n"
                     f"A\t\t{half} €\nB\t\t{other} €\n")
    assert [i.parent for i in doc.ieep.items] == [None, 0, 0]
    assert {c.status for c in doc.checks if c.name == "ieep_sums"} == {"pass"}


@pytest.mark.parametrize("digits", ["１２３", "١٢٣", "１.０００"])
def test_other_scripts_digits_are_no_number(digits):
    with pytest.raises(ValueError):
        parse_number(digits)
    doc = parse_text(SEED.replace("1,013", digits, 1))
    assert next(k for _, _, k in doc.kpis() if k.name == "Indice di Deflusso").target.kind == "text"


# --- the smaller findings ------------------------------------------------------------------------------

def test_a_double_byte_order_mark():
    doc = parse_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + SEED.encode())
    assert doc.title.startswith("Obiettivi") and doc.office.label == "DC Risorse Umane"


def test_nul_through_the_api_still_gives_valid_json():
    doc = parse_text(SEED.replace("Indice di Deflusso", "Indice\x00di Deflusso"))
    assert json.loads(to_json(doc))["documents"][0]["title"].startswith("Obiettivi")


# --- output ----------------------------------------------------------------------------------------------

def test_a_link_planted_in_the_output_directory_is_replaced_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out = tmp_path / "tables"
    out.mkdir()
    (out / "kpis.csv").symlink_to(victim)
    assert main([str(CORPUS / "000_2e4c457401ea359e.txt"), "-o", f"{out}/", "-q"]) == 0
    assert victim.read_text() == "keep me" and not (out / "kpis.csv").is_symlink()


def test_a_full_disk_leaves_the_old_output(tmp_path, monkeypatch):
    from objparse.export import json as json_export

    target = tmp_path / "out.json"
    target.write_text("old")
    write_text = json_export.JsonWriter.write_text
    calls = []

    def full(self, text):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        write_text(self, text)

    monkeypatch.setattr(json_export.JsonWriter, "write_text", full)
    sheets = [str(p) for p in sorted(CORPUS.glob("*.txt"))]
    assert main([*sheets, "-o", str(target), "-q"]) == 1
    assert target.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_the_same_decimal_reads_back_from_every_format(tmp_path):
    """A decimal with a trailing zero, through every format."""
    import sqlite3

    import openpyxl

    sheet = tmp_path / "s.txt"
    sheet.write_text(SEED.replace("1,013", "1,010", 1), encoding="utf-8")
    for target in ("o.json", "t/", "o.xlsx", "o.sqlite"):
        assert main([str(sheet), "-o", f"{tmp_path}/{target}", "-q"]) == 0
    doc = json.loads((tmp_path / "o.json").read_text(), parse_float=Decimal)["documents"][0]
    assert Decimal("1.010") in {k["target"]["value"] for a in doc["areas"] for s in a["subareas"] for k in s["kpis"]
                                if k["target"]}
    assert "1.010" in (tmp_path / "t" / "kpis.csv").read_text()
    ws = openpyxl.load_workbook(tmp_path / "o.xlsx")["kpis"]
    assert "1.010" in {c.value for row in ws.iter_rows() for c in row}
    db = sqlite3.connect(tmp_path / "o.sqlite")
    assert ("1.010",) in db.execute("SELECT target_value_exact FROM kpis").fetchall()
