"""The seed sheets against their expected documents, whole."""

from __future__ import annotations

import pytest
from conftest import CORPUS, GOLDEN, as_json, load_json

from objparse import SheetError, loads, parse_bytes, parse_file, to_json

CASES = sorted(GOLDEN.glob("*.json"))


@pytest.mark.parametrize("golden", CASES, ids=[p.stem for p in CASES])
def test_document_equals_golden(golden):
    want = load_json(golden)
    expect_checks = want.pop("expect_checks")
    got = as_json(parse_file(CORPUS / want["source"]))
    got["source"] = want["source"]
    checks = got.pop("checks")
    diagnostics = got.pop("diagnostics")
    assert got == want
    # the readings that were a choice are noted; nothing is wrong with these sheets
    assert {d["severity"] for d in diagnostics} <= {"info"}
    for name, status in expect_checks.items():
        statuses = {c["status"] for c in checks if c["name"] == name}
        assert statuses == {status}, (name, [c for c in checks if c["name"] == name])


def test_golden_cases_present():
    assert len(CASES) >= 2
    for golden in CASES:
        assert (CORPUS / load_json(golden)["source"]).exists()


@pytest.mark.parametrize("golden", CASES, ids=[p.stem for p in CASES])
def test_the_json_reads_back_into_the_same_document(golden):
    doc = parse_file(CORPUS / load_json(golden)["source"])
    assert loads(to_json(doc)) == [doc]


ENCODINGS = {  # as spreadsheets save text, and as other tools do
    "code page 850 (Excel's Testo MS-DOS)": lambda t: t.replace("\n", "\r\n").encode("cp858"),
    "Mac Roman (Excel's Testo Macintosh)": lambda t: t.replace("\n", "\r").encode("mac_roman"),
    "Windows-1252": lambda t: t.encode("cp1252"),
    "UTF-16 LE, no byte-order mark": lambda t: t.encode("utf-16-le"),
    "UTF-16 BE, no byte-order mark": lambda t: t.encode("utf-16-be"),
    "UTF-32": lambda t: t.encode("utf-32"),
    "UTF-32 LE, no byte-order mark": lambda t: t.encode("utf-32-le"),
    "UTF-32 BE, no byte-order mark": lambda t: t.encode("utf-32-be"),
}


def test_a_file_that_reads_as_well_in_two_code_pages_is_refused():
    with pytest.raises(SheetError, match="cannot tell its encoding: it reads as well in code page 850 \\(DOS\\) or "
                                         "Mac Roman"):
        parse_bytes(b"Obiettivi di performance\n\x97 \x97\n", "x.txt")


def _csv(text: str, delimiter: str) -> str:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(line.split("\t") for line in text.split("\n"))
    return out.getvalue()


DIALECTS = {  # as spreadsheets and other tools save a table
    "Italian Excel's CSV (';', Windows-1252)": lambda t: _csv(t, ";").encode("cp1252"),
    "CSV (',', UTF-8)": lambda t: _csv(t, ",").encode("utf-8"),
    "'|'-separated": lambda t: _csv(t, "|").encode("utf-8"),
}


SAVED = {**ENCODINGS, **DIALECTS}  # every way the sheet's text may be saved


@pytest.mark.parametrize("saved", SAVED)
@pytest.mark.parametrize("golden", CASES, ids=[p.stem for p in CASES])
def test_the_sheet_in_every_encoding_and_dialect_gives_the_golden_document(golden, saved):
    want = load_json(golden)
    want.pop("expect_checks")
    text = (CORPUS / want["source"]).read_text(encoding="utf-8")
    got = as_json(parse_bytes(SAVED[saved](text), want["source"]))
    for field in ("source_sha256", "checks", "diagnostics"):  # the bytes are other bytes
        got.pop(field)
        want.pop(field, None)
    assert got == want
