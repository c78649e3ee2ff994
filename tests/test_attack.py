"""What an attack on the parser found, each pinned: blow-ups in time, numbers out of range, output
that could be half-written or written through a link, and the smaller findings. Sizes are such
that a quadratic path would take minutes here; the linear ones take a moment."""

from __future__ import annotations

import errno
import json
import os
from decimal import Decimal

import pytest
from conftest import CORPUS

from objparse import parse_bytes, parse_text, to_json
from objparse.cli import main
from objparse.values.acts import parse_act
from objparse.values.citations import parse_citations
from objparse.values.names import is_project_id, parse_office, split_marker
from objparse.values.numbers import parse_number

SEED = (CORPUS / "000_2e4c457401ea359e.txt").read_text(encoding="utf-8")
HEAD = SEED.split("Valore Sociale")[0]
BIG = 128 * 1024


# --- time --------------------------------------------------------------------------------------------

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


def test_many_ieep_kpis_and_many_items():
    n = 5_000
    kpis = "\n".join(f"\t\t\tI.E.E.P. - Voce {i}\tPIAO - Pag. 1\t{i + 1} €" for i in range(n))
    items = "\n".join(f"Voce {i}\t\t{i + 1} €" for i in range(400))
    doc = parse_text(HEAD + "Valore Economico\t100%\t100%\tCapacità\t\t\n" + kpis + "\n\nIndicatore di Efficacia "
                     "Economico-finanziaria della Produzione (I.E.E.P)\t\tTotale\n" + items)
    checks = [c for c in doc.checks if c.name == "ieep_kpis"]
    assert len(checks) == n and sum(c.status == "pass" for c in checks) == 400


@pytest.mark.parametrize("text", ["x" + "*" * BIG + "y", "x" + "°" * BIG + "y", "a" + " " * BIG + "(1"])
def test_footnote_markers_in_linear_time(text):
    assert split_marker(text) == (text, None)


@pytest.mark.parametrize("text", ["DC a" + " " * BIG + "x", "DC " + "a -" * (BIG // 3), "REG. " + "a " * (BIG // 2)])
def test_offices_in_linear_time(text):
    assert parse_office(text).kind in ("central", "regional")


@pytest.mark.parametrize("text", ["A" + "1_" * (BIG // 2), "A_" + "1." * (BIG // 2) + "x", "A" * BIG + "_1"])
def test_project_ids_in_linear_time(text):
    assert is_project_id(text) in (True, False)


@pytest.mark.parametrize("text", ["A" + " " * BIG + "N.1", "Determinazione N. 1" + " x" * (BIG // 2),
                                  "Decreto n. " + "1" * BIG + " del x"])
def test_acts_in_linear_time(text):
    assert parse_act(text) is None


# --- numbers -------------------------------------------------------------------------------------------

def test_a_five_thousand_digit_page_number_is_no_page():
    (c,) = parse_citations("PIAO - Pag. " + "9" * 5_000)
    assert c.page_from is None and c.page_to is None  # no page, and no int() of 5,000 digits


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
