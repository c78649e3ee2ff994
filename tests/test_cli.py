"""The command line: output, exit codes, one-line errors, batches, determinism, start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest
from conftest import CORPUS, FIXTURES

from objparse import __version__
from objparse.cli import main

SEEDS = sorted(str(p) for p in CORPUS.glob("*.txt"))


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "objparse", *args], capture_output=True, text=True, cwd=cwd)


def test_writes_one_document_per_file_in_order(tmp_path):
    out = tmp_path / "out.json"
    assert main([*SEEDS, "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"), parse_float=Decimal)
    assert data["schema_version"] == 1
    assert [d["source"] for d in data["documents"]] == SEEDS


def test_stdout_is_the_default_and_dash(capsys):
    assert main([SEEDS[0]]) == 0
    first = capsys.readouterr().out
    assert main([SEEDS[0], "-o", "-"]) == 0
    assert capsys.readouterr().out == first
    assert json.loads(first)["documents"][0]["year"] == 2024


def test_numbers_are_written_exactly(capsys):
    main([SEEDS[0]])
    out = capsys.readouterr().out
    assert '"value": 1.013' in out and '"value": 3.50' in out and '"amount": 4249834748' in out


def test_output_is_deterministic(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    main([*SEEDS, "-o", str(a)])
    main([*SEEDS, "-o", str(b)])
    assert a.read_bytes() == b.read_bytes()


def test_bad_file_in_a_batch(tmp_path):
    out = tmp_path / "out.json"
    bad = FIXTURES / "invalid" / "binary.txt"
    proc = run(SEEDS[0], str(bad), SEEDS[1], "-o", str(out))
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 1 and str(bad) in errors[0] and "Traceback" not in proc.stderr
    docs = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert [d["source"] for d in docs] == [SEEDS[0], SEEDS[1]]


@pytest.mark.parametrize("name", ["empty.txt", "not_a_sheet.txt", "undecodable.txt", "missing.txt"])
def test_unreadable_files_give_one_line_and_exit_1(name):
    proc = run(str(FIXTURES / "invalid" / name))
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and name in proc.stderr
    assert "Traceback" not in proc.stderr


def test_usage_errors_exit_2():
    assert run().returncode == 2
    assert run("--no-such-option", SEEDS[0]).returncode == 2


def test_version():
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"objparse {__version__}"


def test_failed_check_exits_0_unless_strict(tmp_path):
    sheet = FIXTURES / "ieep_typo.txt"
    assert main([str(sheet), "-o", str(tmp_path / "a.json"), "-q"]) == 0
    assert main([str(sheet), "-o", str(tmp_path / "b.json"), "-q", "--strict"]) == 1
    assert main([SEEDS[0], "-o", str(tmp_path / "c.json"), "--strict"]) == 0


def test_warnings_go_to_stderr_with_place(capsys):
    main([str(FIXTURES / "unplaced_cell.txt")])
    err = capsys.readouterr().err
    assert "unplaced_cell.txt:6:7: unplaced-cell" in err


def test_version_does_not_import_the_parser():
    code = ("import sys, objparse.cli; "
            "print(sorted(m for m in ('lark', 'pandas', 'objparse.parse') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "[]"


def test_diagnostics_doc_matches_the_code():
    from pathlib import Path

    from objparse.diagnostics import markdown

    doc = Path(__file__).resolve().parent.parent / "docs" / "diagnostics.md"
    assert doc.read_text(encoding="utf-8") == markdown()


def test_dash_reads_standard_input():
    sheet = CORPUS / "002_fe33d6c923f417dc.txt"
    proc = subprocess.run([sys.executable, "-m", "objparse", "-"], input=sheet.read_bytes(), capture_output=True)
    assert proc.returncode == 0
    doc = json.loads(proc.stdout)["documents"][0]
    assert (doc["source"], doc["office"]["name"]) == ("-", "Lombardia")
