"""Every format holds the same data as the JSON, values exact: each read back with its own reader
(csv, frictionless, openpyxl, sqlite3, pandas) and compared with the golden documents."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from conftest import CORPUS, FIXTURES, GOLDEN, load_json

from objparse import model, parse_file, to_dict, to_frames
from objparse.cli import main
from objparse.export.json import dumps_documents
from objparse.export.schema import SCHEMA
from objparse.export.tables import NAMES, TABLES

SHEETS = sorted(CORPUS.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
GOLDENS = [load_json(p) for p in sorted(GOLDEN.glob("*.json"))]


@pytest.fixture(scope="module")
def docs():
    return [parse_file(p) for p in SHEETS]


def expected(golden: dict) -> dict[str, list[tuple]]:
    """What each table must hold for one golden document, taken from the JSON itself."""
    source = str(CORPUS / golden["source"])
    areas = [(source, a["name"], a["weight_pct"]) for a in golden["areas"]]
    kpis = [(source, a["name"], s["name"], k["name"], k["target"] and k["target"]["value"])
            for a in golden["areas"] for s in a["subareas"] for k in s["kpis"]]
    items = [(source, it["label"], it["amount"], it["level"]) for it in (golden["ieep"] or {}).get("items", [])]
    notes = [(source, n["label"], n["text"], n["act"] and n["act"]["date"]) for n in golden["notes"]]
    return {"areas": areas, "kpis": kpis, "ieep_items": items, "notes": notes}


def seeds_out(tmp_path, target, *extra):
    out = f"{tmp_path / target}/" if target.endswith("/") else str(tmp_path / target)  # Path drops a final '/'
    assert main([*(str(CORPUS / g["source"]) for g in GOLDENS), "-o", out, "-q", *extra]) == 0
    return tmp_path / target


def number(text: str) -> Decimal | None:
    return Decimal(text) if text != "" else None


# --- JSON and its schema ----------------------------------------------------------------------------

def test_json_output_and_the_golden_files_validate_against_the_schema(docs):
    jsonschema.validate(json.loads(dumps_documents(docs)), SCHEMA)
    for path in sorted(GOLDEN.glob("*.json")):
        golden = json.loads(path.read_text(encoding="utf-8"))
        doc = {k: v for k, v in golden.items() if k != "expect_checks"} | {"checks": [], "diagnostics": []}
        jsonschema.validate({"schema_version": 2, "documents": [doc]}, SCHEMA)


def test_the_schema_is_the_model():
    """Every object of the contract has exactly its class's fields, and no others."""
    for cls in (model.Document, model.Area, model.Subarea, model.Kpi, model.Target, model.Citation, model.IeepItem,
                model.Note, model.Act, model.Check, model.Diagnostic, model.Unparsed, model.Office):
        definition = SCHEMA["$defs"][cls.__name__]
        assert list(definition["properties"]) == [f.name for f in model.output_fields(cls)]
        assert definition["additionalProperties"] is False


def test_schema_rejects_a_renamed_field(docs):
    data = json.loads(dumps_documents(docs[:1]))
    data["documents"][0]["areas"][0]["weight"] = data["documents"][0]["areas"][0].pop("weight_pct")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_to_dict_is_what_json_dumps_takes(docs):
    assert json.loads(json.dumps(to_dict(docs))) == to_dict(docs)


# --- CSV and the Data Package ---------------------------------------------------------------------

def read_csv(path, delimiter=","):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def test_csv_tables_hold_the_golden_values_exactly(tmp_path):
    out = seeds_out(tmp_path, "tables/")
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{n}.csv" for n in NAMES] + ["datapackage.json"])
    for table in TABLES:
        assert next(csv.reader((out / f"{table.name}.csv").open(encoding="utf-8"))) == list(table.names)
    got = {t: read_csv(out / f"{t}.csv") for t in ("areas", "kpis", "ieep_items", "notes")}
    for golden in GOLDENS:
        want = expected(golden)
        src = want["areas"][0][0]
        assert [(r["source"], r["area"], number(r["weight_pct"])) for r in got["areas"] if r["source"] == src] \
            == want["areas"]
        assert [(r["source"], r["area"], r["subarea"], r["kpi"], number(r["target_value"]))
                for r in got["kpis"] if r["source"] == src] == want["kpis"]
        assert [(r["source"], r["label"], number(r["amount"]), int(r["level"]))
                for r in got["ieep_items"] if r["source"] == src] == want["ieep_items"]
        assert [(r["source"], r["label"] or None, r["text"], r["act_date"] or None)
                for r in got["notes"] if r["source"] == src] == want["notes"]


@pytest.mark.parametrize("dialect", ["rfc4180", "excel-it"])
def test_the_data_package_validates(tmp_path, docs, dialect):
    import frictionless

    out = tmp_path / "tables"
    assert main([*map(str, SHEETS), "-o", f"{out}/", "-q", "--csv-dialect", dialect]) == 0
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    if dialect == "excel-it":
        raw = (out / "areas.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
        rows = read_csv(out / "kpis.csv", ";")
        assert "1,013" in {r["target_value"] for r in rows}


def test_formula_like_text_is_neutralised_on_request(tmp_path):
    sheet = (CORPUS / "000_2e4c457401ea359e.txt").read_text(encoding="utf-8")
    (tmp_path / "f.txt").write_text(sheet.replace("Indice di Deflusso", "=HYPERLINK(\"x\")"), encoding="utf-8")
    for flag, want in (([], '=HYPERLINK("x")'), (["--csv-safe"], '\'=HYPERLINK("x")')):
        out = tmp_path / ("safe" if flag else "plain")
        assert main([str(tmp_path / "f.txt"), "-o", f"{out}/", "-q", *flag]) == 0
        assert want in {r["kpi"] for r in read_csv(out / "kpis.csv")}


# --- XLSX ----------------------------------------------------------------------------------------------

def test_xlsx_has_a_worksheet_per_table_with_real_numbers_and_exact_text(tmp_path):
    book = openpyxl.load_workbook(seeds_out(tmp_path, "out.xlsx"))
    assert book.sheetnames == list(NAMES)
    areas = book["areas"]
    assert areas.freeze_panes == "A2" and areas.auto_filter.ref
    header = [c.value for c in areas[1]]
    assert header[header.index("weight_pct") + 1] == "weight_pct_exact"
    rows = [dict(zip(header, [c.value for c in row], strict=True)) for row in areas.iter_rows(min_row=2)]
    for golden in GOLDENS:
        want = expected(golden)
        source = want["areas"][0][0]
        got = [(r["source"], r["area"], Decimal(r["weight_pct_exact"])) for r in rows if r["source"] == source]
        assert got == want["areas"]
    assert all(isinstance(r["weight_pct"], int | float) for r in rows)
    kpis = book["kpis"]
    header = [c.value for c in kpis[1]]
    values = {row[header.index("target_value_exact")].value for row in kpis.iter_rows(min_row=2)}
    assert "1.013" in values and "3.50" in values  # exact, where a float would say 3.5


def test_xlsx_is_the_same_bytes_shows_values_as_sheets_do_and_cuts_nothing_silently(tmp_path, capsys):
    sheet = (CORPUS / "000_2e4c457401ea359e.txt").read_text(encoding="utf-8")
    long = "lungo " * 6_000
    (tmp_path / "s.txt").write_text(sheet.replace("Indice di Deflusso", long.strip()).replace(
        "21 dicembre 2023", "21 dicembre 1899"), encoding="utf-8")
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert main([str(tmp_path / "s.txt"), "-o", str(first), "-q"]) == 0
    assert "more than a cell holds" in capsys.readouterr().err  # said, even with -q: it is about the output
    assert main([str(tmp_path / "s.txt"), "-o", str(second), "-q"]) == 0
    assert first.read_bytes() == second.read_bytes()
    book = openpyxl.load_workbook(first)
    kpis = book["kpis"]
    header = [c.value for c in kpis[1]]
    formats = {(row[header.index("target_unit")].value, row[header.index("target_value")].number_format)
               for row in kpis.iter_rows(min_row=2) if row[header.index("target_value")].value is not None}
    assert ("EUR", '#,##0 "€"') in formats and (None, "#,##0.000") in formats and (None, "#,##0.00") in formats

    def column(table, name):
        ws = book[table]
        at = [c.value for c in ws[1]].index(name)
        return [row[at] for row in ws.iter_rows(min_row=2)]

    assert {c.number_format for c in column("areas", "weight_pct")} == {'0"%"'}
    assert "1899-12-21" in {c.value for c in column("notes", "act_date")}  # before a workbook's calendar: ISO text
    assert max(len(str(c.value)) for c in column("kpis", "kpi")) == 32_767
    assert not any(p.name.startswith("objparse-xlsx") for p in Path(tempfile.gettempdir()).iterdir())


def test_formula_like_text_stays_text_in_xlsx(tmp_path):
    sheet = (CORPUS / "000_2e4c457401ea359e.txt").read_text(encoding="utf-8")
    (tmp_path / "f.txt").write_text(sheet.replace("Indice di Deflusso", "=1+1").replace("Indicatore di Produttività",
                                                                                       "@cmd"), encoding="utf-8")
    assert main([str(tmp_path / "f.txt"), "-o", str(tmp_path / "f.xlsx"), "-q"]) == 0
    kpis = openpyxl.load_workbook(tmp_path / "f.xlsx")["kpis"]
    column = [c.value for c in kpis[1]].index("kpi")
    names = {row[column] for row in kpis.iter_rows(min_row=2, values_only=True)}
    assert {"=1+1", "@cmd"} <= names
    cells = [c for row in kpis.iter_rows(min_row=2) for c in row if c.value in ("=1+1", "@cmd")]
    assert {c.data_type for c in cells} == {"s"}


# --- SQLite --------------------------------------------------------------------------------------------

def test_sqlite_tables_join_and_sum_across_sheets(tmp_path):
    db = sqlite3.connect(seeds_out(tmp_path, "out.sqlite"))
    assert [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == list(NAMES)
    sums = db.execute("SELECT office, SUM(weight_pct) FROM areas GROUP BY source ORDER BY source").fetchall()
    assert sums == [("DC Risorse Umane", 100), ("REG. LOMBARDIA - Direttore Regionale", 100)]
    for golden in GOLDENS:
        want = expected(golden)
        got = db.execute("SELECT k.source, a.area, s.subarea, k.kpi, k.target_value_exact FROM kpis k "
                         "JOIN subareas s USING (source, area_id, subarea_id) JOIN areas a USING (source, area_id) "
                         "WHERE k.source = ? ORDER BY k.area_id, k.subarea_id, k.kpi_id", (want["kpis"][0][0],))
        assert [(*r[:4], Decimal(r[4]) if r[4] is not None else None) for r in got] == want["kpis"]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_sqlite_links_tables_by_one_column_too_with_indexes(tmp_path):
    """BI tools link tables by one column: each table has its single key, each row its parent's,
    declared as foreign keys and indexed; the document key does not depend on how a path is typed."""
    db = sqlite3.connect(seeds_out(tmp_path, "out.sqlite"))
    for table in TABLES:
        links = {row[3]: (row[2], row[4]) for row in db.execute(f'PRAGMA foreign_key_list("{table.name}")')}
        indexed = {row[2] for index in db.execute(f'PRAGMA index_list("{table.name}")')
                   for row in db.execute(f'PRAGMA index_info("{index[1]}")')}
        if table.parent is not None:
            parent = next(t for t in TABLES if t.name == table.parent)
            assert links[parent.key] == (parent.name, parent.key) and parent.key in indexed, table.name
    orphans = db.execute("SELECT COUNT(*) FROM kpis k LEFT JOIN subareas s USING (subarea_key) "
                         "WHERE s.subarea_key IS NULL").fetchone()
    assert orphans == (0,) and db.execute("PRAGMA foreign_key_check").fetchall() == []
    seed = CORPUS / GOLDENS[0]["source"]
    keys = set()
    for n, (path, where) in enumerate([(str(seed), None), (f"{seed.parent}/./{seed.name}", None),
                                       (f"corpus/{seed.name}", CORPUS.parent)]):  # typed three ways
        out = tmp_path / f"k{n}.sqlite"
        proc = subprocess.run([sys.executable, "-m", "objparse", path, "-o", str(out)], cwd=where)
        assert proc.returncode == 0
        keys |= {r[0] for r in sqlite3.connect(out).execute("SELECT document_key FROM documents")}
    assert len(keys) == 1


def test_a_copy_of_a_sheet_in_a_batch_is_written_once(tmp_path, capsys):
    seed = CORPUS / GOLDENS[0]["source"]
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed.read_bytes())
    for target in ("out.sqlite", "out.json", "tables/", "out.xlsx"):
        assert main([str(seed), str(copy), "-o", f"{tmp_path}/{target}"]) == 0, target
        assert "the same sheet as" in capsys.readouterr().err
    assert len(json.loads((tmp_path / "out.json").read_text())["documents"]) == 1


def test_a_whole_number_past_64_bits_into_sqlite(tmp_path):
    sheet = (CORPUS / "000_2e4c457401ea359e.txt").read_text(encoding="utf-8")
    (tmp_path / "big.txt").write_text(sheet.replace("48,85", "123.456.789.012.345.678.901"), encoding="utf-8")
    assert main([str(tmp_path / "big.txt"), "-o", str(tmp_path / "big.sqlite"), "-q"]) == 0
    db = sqlite3.connect(tmp_path / "big.sqlite")
    assert ("123456789012345678901",) in db.execute("SELECT target_value_exact FROM kpis").fetchall()


# --- one table, the csvkit habit --------------------------------------------------------------------------

def test_one_table_to_standard_output_or_a_file(tmp_path):
    seeds = [str(CORPUS / g["source"]) for g in GOLDENS]
    proc = subprocess.run([sys.executable, "-m", "objparse", *seeds, "--table", "kpis"], capture_output=True,
                          text=True)
    assert proc.returncode == 0
    rows = list(csv.DictReader(proc.stdout.splitlines()))
    assert len(rows) == sum(len(s["kpis"]) for g in GOLDENS for a in g["areas"] for s in a["subareas"])
    assert main([*seeds, "--table", "areas", "-o", str(tmp_path / "areas.csv"), "-q"]) == 0
    assert [r["area"] for r in read_csv(tmp_path / "areas.csv")][:2] == ["Valore Sociale", "Valore Istituzionale"]
    for bad in (["--table", "nope"], ["--table", "kpis", "-o", str(tmp_path / "k.json")]):
        assert main([*seeds, *bad]) == 2


# --- pandas ----------------------------------------------------------------------------------------------

def test_frames_have_numeric_columns_and_exact_decimals(docs):
    frames = to_frames(docs)
    assert set(frames) == set(NAMES)
    kpis = frames["kpis"]
    assert str(kpis["target_value"].dtype) == "float64" and str(kpis["kpi_id"].dtype) == "Int64"
    exact = kpis["target_value_exact"].dropna()
    assert all(isinstance(v, Decimal) for v in exact) and Decimal("1.013") in set(exact)
    assert str(frames["notes"]["act_date"].dtype).startswith("datetime64")
    assert to_frames(docs[0])["kpis"].shape[0] == sum(1 for _ in docs[0].kpis())  # one document, too
    assert frames["areas"].groupby("source")["weight_pct"].sum().tolist().count(100.0) >= 2


# --- what start-up imports -----------------------------------------------------------------------------

def test_the_command_line_imports_no_heavy_library(tmp_path):
    heavy = ("pandas", "openpyxl", "xlsxwriter", "frictionless", "tqdm")
    code = ("import sys, runpy; sys.argv = ['objparse'] + sys.argv[1:]; "
            "from objparse.cli import main; rc = main(sys.argv[1:]); "
            f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    out = str(tmp_path / "out.json")
    for args in (["--version"], [str(CORPUS / "000_2e4c457401ea359e.txt"), "-o", out, "-f", "json"]):
        proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
        assert proc.stdout.strip().splitlines()[-1] == "[]", (args, proc.stdout[-300:], proc.stderr[-300:])


# --- every table, every format: the same rows as the JSON ---------------------------------------------

def _typed(value, kind):
    """A cell as read back from any format, in the model's terms (None for empty)."""
    if value is None or value == "" or (kind != "string" and str(value) in ("nan", "NaT", "<NA>")):
        return None
    if kind == "number":
        return Decimal(str(value))
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        return value in (True, 1, "true", "1")
    if kind == "date":
        return str(value)[:10]
    return str(value)


def _expected(table, docs):
    from objparse.export.tables import table_rows

    return [tuple(_typed(v, c.type) for v, c in zip(row, table.columns, strict=True))
            for doc in docs for row in table_rows(doc, table)]


def test_every_format_holds_every_table_as_the_json_does(tmp_path):
    import pandas as pd

    from objparse import loads, parse_sheets

    sheets = [str(p) for p in SHEETS]
    for target in ("out.json", "csv/", "out.xlsx", "out.sqlite"):
        assert main([*sheets, "-o", f"{tmp_path}/{target}", "-q"]) == 0
    # (the documents as read: the JSON holds them whole, but for what became of each cell)
    docs = [doc for sheet in sheets for doc in parse_sheets(sheet)]
    assert loads((tmp_path / "out.json").read_text(encoding="utf-8")) == docs
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    db = sqlite3.connect(tmp_path / "out.sqlite")
    frames = to_frames(docs)
    for table in TABLES:
        want = _expected(table, docs)

        def read(records, exact_beside, table=table):
            """Rows of dicts -> typed tuples; decimals from their exact column where there is one."""
            return [tuple(_typed(r[f"{c.name}_exact"] if exact_beside and c.type == "number" else r[c.name], c.type)
                          for c in table.columns) for r in records]

        got_csv = read(read_csv(tmp_path / "csv" / f"{table.name}.csv"), False)
        ws = book[table.name]
        header = [c.value for c in ws[1]]
        got_xlsx = read([dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)],
                        True)
        cursor = db.execute(f'SELECT * FROM "{table.name}"')
        columns = [d[0] for d in cursor.description]
        got_sqlite = read([dict(zip(columns, row, strict=True)) for row in cursor], True)
        frame = frames[table.name].astype(object).where(pd.notna(frames[table.name]), None)
        got_frames = read(frame.to_dict("records"), True)
        for name, got in (("csv", got_csv), ("xlsx", got_xlsx), ("sqlite", got_sqlite), ("frames", got_frames)):
            assert got == want, (table.name, name, next((g, w) for g, w in zip(got, want, strict=False) if g != w)
                                 if len(got) == len(want) else (len(got), len(want)))


def test_a_document_written_in_pieces_is_the_document_written_whole(docs):
    """The CLI writes a document field by field (no copy of a long list in a larger string): the
    same bytes as the document's own writer."""
    from objparse.export.json import _WRITERS, INDENT, document_chunks

    pretty, flat = _WRITERS[model.Document]
    for doc in docs:
        assert "".join(document_chunks(doc)) == pretty(doc, INDENT * 2)
        assert "".join(document_chunks(doc, compact=True)) == flat(doc, "")



@pytest.mark.parametrize(("sheet", "query", "want"), [
    ("column_no_one_named.txt",
     "SELECT k.kpi, x.column, x.text FROM kpi_extras x JOIN kpis k USING (kpi_key) "
     "ORDER BY k.area_id, k.subarea_id, k.kpi_id",
     [("Indice di Deflusso", "NOTE", "dato provvisorio"), ("Indice di gradimento", "NOTE", "valore nazionale"),
      ("Produttività e benessere delle risorse impiegate", "NOTE", "in revisione")]),
    ("side_table_column_no_one_named.txt",
     "SELECT p.id, x.column, x.text FROM project_extras x JOIN projects p USING (project_key) ORDER BY p.project_row",
     [("NOPE25_DCO_16.1", "STATO", "avviato"), ("NOPE25_DCO_16.3", "STATO", "da avviare")]),
    ("ieep_column_no_one_named.txt",
     "SELECT i.label, i.amount_exact, x.column, x.text FROM ieep_item_extras x JOIN ieep_items i "
     "USING (ieep_item_key) ORDER BY i.id",
     [("Accertato", "100", "NOTE", "stima di marzo"), ("Incassi e Pagamenti", "200", "NOTE", "dato provvisorio")]),
])
def test_a_column_no_one_named_is_a_table_of_its_own_that_joins_its_records(tmp_path, sheet, query, want):
    assert main([str(FIXTURES / sheet), "-o", str(tmp_path / "out.sqlite"), "-q"]) == 0
    db = sqlite3.connect(tmp_path / "out.sqlite")
    assert db.execute(query).fetchall() == want
    assert db.execute("SELECT COUNT(*) FROM unparsed").fetchone() == (0,)
    # a remark is no value of another column: a KPI without a target takes the one above (a merged cell)
    assert all(t != "valore nazionale" for t, in db.execute("SELECT target_raw FROM kpis"))
