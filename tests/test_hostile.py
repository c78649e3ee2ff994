"""Hostile input, too large to keep as fixture files: each gives a one-line error naming the file,
or a warning and what could be read; never a traceback. The bounds named here are the code's
own (source.MAX_BYTES, readers.text.MAX_LINES, numbers.MAX_NUMERAL, money_tree.MAX_ITEMS)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import CORPUS
from test_lossless import lost_cells

from objparse import SheetError, parse_bytes, parse_file, parse_text
from objparse.export.json import dumps_documents, loads
from objparse.readers.text import MAX_LINES
from objparse.rules.money_tree import MAX_ITEMS
from objparse.source import MAX_BYTES

SEED = (CORPUS / "000_2e4c457401ea359e.txt").read_text(encoding="utf-8")
HEAD = SEED.split("Valore Sociale")[0]  # title, office, header


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "objparse", *args], capture_output=True, text=True)


def error_of(path) -> str:
    proc = cli(str(path))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    return line


def codes(doc) -> set[str]:
    return {d.code for d in doc.diagnostics}


def test_a_ten_megabyte_single_line(tmp_path):
    path = tmp_path / "line.txt"
    path.write_bytes(b"x" * 10_000_000)
    assert error_of(path) == f"objparse: error: {path}: not an objective sheet: no title and no main-table header"


def test_a_sheet_ending_in_a_ten_megabyte_cell():
    doc = parse_text(SEED + "\n\n" + "x" * 10_000_000)
    assert doc.notes[-1].text == "x" * 10_000_000  # read, as a note


def test_a_million_short_lines(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_bytes(HEAD.encode() + b"a\n" * 1_000_000)
    assert error_of(path) == (f"objparse: error: {path}: {HEAD.count(chr(10)) + 1_000_000} lines, more than the "
                              f"{MAX_LINES} any sheet has")


def test_lines_are_counted_as_an_editor_counts_them():
    """A final line end ends the last line; it starts no other."""
    sheet = SEED + "\n"
    lines = sheet.count("\n")
    parse_text(sheet + "\n" * (MAX_LINES - lines))  # exactly MAX_LINES lines: read
    with pytest.raises(SheetError, match=f"{MAX_LINES + 1} lines"):
        parse_text(sheet + "\n" * (MAX_LINES - lines + 1))


def test_a_stray_control_character_is_a_space():
    text = SEED.replace("Indice di Deflusso", "Indice di\x0bDeflusso").replace("Progetti\t", "Pro\x01getti\t", 1)
    doc = parse_text(text)
    assert "Indice di Deflusso" in {k.name for _, _, k in doc.kpis()}
    [note] = [d for d in doc.diagnostics if d.code == "control-characters"]
    assert note.severity == "warning" and note.message.startswith("1 control character")
    with pytest.raises(SheetError, match="binary"):
        parse_text(SEED + "\x01" * len(SEED))


def test_a_hundred_thousand_columns():
    text = SEED.replace("\tIndice di Deflusso", "\t" + "\t".join(["Indice di Deflusso"] * 100_000), 1)
    doc = parse_text(text)
    assert len(doc.unparsed) >= 99_990 and lost_cells(text, doc) == []
    assert "unplaced-cell" in codes(doc)


def test_a_five_thousand_digit_number():
    doc = parse_text(SEED.replace("1,013", "9" * 5_000, 1))
    kpi = next(k for _, _, k in doc.kpis() if k.name == "Indice di Deflusso")
    assert kpi.target.kind == "text" and kpi.target.raw == "9" * 5_000
    assert "long-number" in codes(doc)


def test_a_million_digit_weight():
    text = SEED.replace("Valore Sociale\t10%", "Valore Sociale\t" + "1" * 1_000_001 + "%", 1)
    doc = parse_text(text)
    assert "long-number" in codes(doc)  # the row is no area row: its rows are set aside, the others read
    assert [a.name for a in doc.areas][-1] == "Valore organizzativo" and lost_cells(text, doc) == []


def test_a_thousand_item_ieep_table():
    items = "".join(f"Voce {i}\t\t{i + 1}.000 €\n" for i in range(1_000))
    doc = parse_text(SEED.split("Indicatore di Efficacia")[0] + "Indicatore di Efficacia Economico-finanziaria "
                     "della Produzione (I.E.E.P)\t\tTotale\n" + items)
    assert len(doc.ieep.items) == 1_000 and {i.level for i in doc.ieep.items} == {0}
    [note] = [d for d in doc.diagnostics if d.code == "ieep-no-tree"]
    assert f"more than the {MAX_ITEMS}" in note.message


def test_a_29_digit_amount_and_sums_past_28_digits():
    big = "12.345.678.901.234.567.890.123.456.789"
    doc = parse_text(SEED.replace("12.180.409.266 €", big + " €").replace("4.249.834.748 €", big + " €"))
    assert doc.ieep.items[0].amount == int(big.replace(".", ""))


def test_lone_surrogates_through_the_api():
    doc = parse_text(SEED.replace("Indice di Deflusso", "Indice \ud800 di Deflusso"))
    assert "bad-characters" in codes(doc)
    assert loads(dumps_documents([doc]))[0] == doc  # valid JSON, written and read back


def test_carriage_returns_alone_end_lines():
    assert parse_bytes(SEED.replace("\n", "\r").encode()).areas == parse_text(SEED).areas


def test_a_directory_a_missing_and_an_unreadable_file(tmp_path):
    with pytest.raises(SheetError, match="is a directory, not a sheet"):
        parse_file(tmp_path)
    assert error_of(tmp_path) == (f"objparse: error: {tmp_path}: a directory with no sheet in it (.txt, .csv, .xlsx, "
                                  ".ods, .pdf)")
    missing = tmp_path / "missing.txt"
    assert error_of(missing) == f"objparse: error: {missing}: cannot read: No such file or directory"
    inside_a_file = tmp_path / "file.txt"
    inside_a_file.write_text("x")
    below = inside_a_file / "x.txt"
    assert error_of(below) == f"objparse: error: {below}: cannot read: Not a directory"
    if os.geteuid() != 0:  # root reads files whatever their mode
        locked = tmp_path / "locked.txt"
        locked.write_text(SEED)
        locked.chmod(0)
        assert error_of(locked) == f"objparse: error: {locked}: cannot read: Permission denied"


def test_an_input_larger_than_any_sheet(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(SheetError, match="larger than 64 MiB"):
        parse_file(path)


def test_an_endless_input_is_read_only_up_to_the_bound():
    proc = subprocess.run(f"{sys.executable} -m objparse - < /dev/zero", shell=True, capture_output=True, text=True)
    assert proc.returncode == 1 and proc.stderr == "objparse: error: -: larger than 64 MiB, which no sheet is\n"


def test_in_a_batch_the_other_files_are_still_written(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "out.json"
    proc = cli(str(CORPUS / "000_2e4c457401ea359e.txt"), str(bad), str(tmp_path), "-o", str(out))
    assert proc.returncode == 1
    assert len(proc.stderr.splitlines()) == 3  # the PNG, the directory's own *.txt (the same PNG), the summary
    assert [d.source for d in loads(out.read_text())] == [str(CORPUS / "000_2e4c457401ea359e.txt")]


def test_more_cells_than_any_file_of_sheets_holds(tmp_path):
    from objparse.records import MAX_CELLS, MAX_FIELDS

    with pytest.raises(SheetError, match=f"more than the {MAX_FIELDS:,} any file"):
        parse_text(HEAD + "\t" * MAX_FIELDS)
    with pytest.raises(SheetError, match=f"more than {MAX_CELLS:,} filled cells"):
        parse_text(HEAD + ("x\t" * 1_000 + "\n") * (MAX_CELLS // 1_000 + 1))
