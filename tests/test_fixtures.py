"""Fixture pairs: tests/fixtures/<case>.txt -> <case>.json, one case per damage rule;
tests/fixtures/several/<case>.txt -> <case>.json, a source holding several sheets ({"documents":
[...]}); tests/fixtures/invalid/<case>.txt -> <case>.json naming the error."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import FIXTURES, as_json, load_json

from objparse import SheetError, parse_file, parse_sheets

VALID = sorted(FIXTURES.glob("*.txt"))
SEVERAL = sorted((FIXTURES / "several").glob("*.txt"))
INVALID = sorted((FIXTURES / "invalid").glob("*.txt"))


def parse_as(path):
    doc = as_json(parse_file(path))
    doc["source"] = path.name
    return doc


@pytest.mark.parametrize("sheet", VALID, ids=[p.stem for p in VALID])
def test_fixture(sheet):
    assert parse_as(sheet) == load_json(sheet.with_suffix(".json"))


@pytest.mark.parametrize("source", SEVERAL, ids=[p.stem for p in SEVERAL])
def test_a_source_of_several_sheets(source):
    docs = [as_json(doc) | {"source": source.name} for doc in parse_sheets(source)]
    assert {"documents": docs} == load_json(source.with_suffix(".json"))
    assert [doc["sheet"] for doc in docs] == [str(n) for n in range(1, len(docs) + 1)]
    with pytest.raises(SheetError, match=f"holds {len(docs)} sheets"):
        parse_file(source)


@pytest.mark.parametrize("sheet", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture(sheet):
    """The exact one-line error, naming the file, from the API and from the command line."""
    want = load_json(sheet.with_suffix(".json"))
    with pytest.raises(SheetError) as info:
        parse_file(sheet)
    assert str(info.value) == f"{sheet}: {want['error']}"
    proc = subprocess.run([sys.executable, "-m", "objparse", str(sheet)], capture_output=True, text=True)
    assert proc.returncode == want["exit"]
    assert proc.stderr == f"objparse: error: {sheet}: {want['error']}\n"


def test_every_fixture_has_its_expectation():
    assert len(VALID) >= 10 and len(INVALID) >= 4
    for sheet in VALID + SEVERAL + INVALID:
        assert sheet.with_suffix(".json").exists(), sheet
