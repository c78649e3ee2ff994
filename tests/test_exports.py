"""Exports: the JSON validates against the v1 schema; CSV and frames carry every record exactly."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

import jsonschema
import pytest
from conftest import CORPUS, FIXTURES

from objparse import parse_file, to_frames
from objparse.cli import main
from objparse.export.json import dumps_documents
from objparse.export.schema import SCHEMA
from objparse.export.tables import COLUMNS, TABLES

SHEETS = sorted(CORPUS.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))


@pytest.fixture(scope="module")
def docs():
    return [parse_file(p) for p in SHEETS]


def test_json_output_validates_against_schema(docs):
    jsonschema.validate(json.loads(dumps_documents(docs)), SCHEMA)


def test_schema_rejects_a_renamed_field(docs):
    data = json.loads(dumps_documents(docs[:1]))
    data["documents"][0]["areas"][0]["weight"] = data["documents"][0]["areas"][0].pop("weight_pct")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_csv_tables(docs, tmp_path):
    assert main([*map(str, SHEETS), "-f", "csv", "-o", str(tmp_path)]) == 0
    read = {t: list(csv.DictReader((tmp_path / f"{t}.csv").open(encoding="utf-8"))) for t in TABLES}
    for table in TABLES:
        with (tmp_path / f"{table}.csv").open(encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == list(COLUMNS[table])
    assert len(read["kpis"]) == sum(1 for d in docs for _ in d.kpis())
    assert len(read["ieep_items"]) == sum(len(d.ieep.items) for d in docs if d.ieep)
    assert len(read["checks"]) == sum(len(d.checks) for d in docs)
    seed = "000_2e4c457401ea359e.txt"
    first = next(r for r in read["kpis"] if r["kpi"] == "Indice di Deflusso" and r["source"].endswith(seed))
    assert (first["target_value"], first["area_weight_pct"], first["office"]) == ("1.013", "30", "DC Risorse Umane")
    big = next(r for r in read["ieep_items"] if r["label"] == "OBIETTIVI 2024" and r["source"].endswith(seed))
    assert big["amount"] == "12180409266"


def test_csv_needs_a_directory(capsys):
    assert main([str(SHEETS[0]), "-f", "csv"]) == 2
    assert "-o DIR" in capsys.readouterr().err


def test_frames_keep_decimals_exact(docs):
    frames = to_frames(docs)
    assert set(frames) == set(TABLES)
    kpis = frames["kpis"]
    assert len(kpis) == sum(1 for d in docs for _ in d.kpis())
    values = kpis["target_value"].dropna()
    assert all(isinstance(v, Decimal) for v in values)
    assert Decimal("1.013") in set(values)


def test_compact_json_is_the_same_data(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    main([str(SHEETS[0]), "-o", str(a)])
    main([str(SHEETS[0]), "-o", str(b), "--compact"])
    assert json.loads(a.read_text(), parse_float=Decimal) == json.loads(b.read_text(), parse_float=Decimal)
    assert len(b.read_bytes()) < len(a.read_bytes())
