"""The command line: output, exit codes, one-line errors, batches, determinism, start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from conftest import CORPUS, FIXTURES

from objparse import __version__, parse_file, parse_text, render
from objparse.cli import main
from objparse.compare import first_difference
from objparse.export.json import dumps_documents

SEEDS = sorted(str(p) for p in CORPUS.glob("*.txt"))


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "objparse", *args], capture_output=True, text=True, cwd=cwd)


def test_writes_one_document_per_file_in_order(tmp_path):
    out = tmp_path / "out.json"
    assert main([*SEEDS, "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"), parse_float=Decimal)
    assert data["schema_version"] == 2
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
    assert len(errors) == 2 and str(bad) in errors[0] and "Traceback" not in proc.stderr
    assert errors[1] == "objparse: 2 of 3 sheets read"  # the summary
    docs = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert [d["source"] for d in docs] == [SEEDS[0], SEEDS[1]]


@pytest.mark.parametrize("name", ["empty.txt", "not_a_sheet.txt", "undecodable.txt", "missing.txt"])
def test_unreadable_files_give_one_line_and_exit_1(name):
    proc = run(str(FIXTURES / "invalid" / name))
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and name in proc.stderr
    assert "Traceback" not in proc.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run("--no-such-option", SEEDS[0]).returncode == 2
    for args, why in ((["-f", "csv"], "-o DIR"), (["-o", str(tmp_path / "out.csv")], "format"),
                      (["-f", "csv", "-o", str(tmp_path / "kpis.csv")], "directory"),
                      (["-f", "jsonl", "-o", str(tmp_path / "out.json")], "does not match"),
                      (["-f", "json", "-o", SEEDS[1]], "inputs")):
        proc = run(SEEDS[0], SEEDS[1], *args)
        assert proc.returncode == 2 and why in proc.stderr and proc.stdout == "", (args, proc.stderr)
    assert not (tmp_path / "kpis.csv").exists()


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


# --- inputs as users give them -----------------------------------------------------------------

def test_a_directory_a_pattern_and_piped_input(tmp_path):
    by_dir = run(str(CORPUS), "-o", str(tmp_path / "a.json"))
    by_glob = run(str(CORPUS / "*.txt"), "-o", str(tmp_path / "b.json"))
    assert by_dir.returncode == by_glob.returncode == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert [d["source"] for d in json.loads((tmp_path / "a.json").read_text())["documents"]] == SEEDS
    piped = subprocess.run([sys.executable, "-m", "objparse"], input=Path(SEEDS[0]).read_bytes(), capture_output=True)
    assert piped.returncode == 0 and json.loads(piped.stdout)["documents"][0]["source"] == "-"


# --- render and roundtrip -----------------------------------------------------------------------

def test_render_writes_each_document_back_as_a_sheet(tmp_path):
    out = tmp_path / "docs.json"
    assert main([*SEEDS, "-o", str(out)]) == 0
    assert main(["render", str(out), "-o", str(tmp_path / "sheets")]) == 0
    written = sorted((tmp_path / "sheets").iterdir())
    assert [p.name for p in written] == [Path(s).name for s in SEEDS]
    for path, seed in zip(written, SEEDS, strict=True):
        assert first_difference(parse_file(seed), parse_file(path)) is None


@pytest.mark.parametrize("source", ["../../x.txt", "/etc/passwd", "..\\..\\x", "a\x00b", "CON", "nul.txt", "", ".",
                                    "..", "a/b/c/\x1b[31mred"])
def test_render_never_writes_outside_its_directory(tmp_path, source):
    doc = attrs.evolve(parse_file(SEEDS[0]), source=source)
    docs = tmp_path / "docs.json"
    docs.write_text(dumps_documents([doc, doc]), encoding="utf-8")
    target = tmp_path / "out"
    assert main(["render", str(docs), "-o", str(target)]) == 0
    names = sorted(p.name for p in target.iterdir())
    assert len(names) == 2 and len({n.lower() for n in names}) == 2  # two documents, two names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs.json", "out"]  # nothing written elsewhere
    for name in names:
        assert name.endswith(".txt") and "/" not in name and "\\" not in name and name.isprintable()
        assert name.split(".")[0].upper() not in ("CON", "NUL", "")


def test_render_to_standard_output_takes_one_document(tmp_path, capsys):
    out = tmp_path / "docs.json"
    main([SEEDS[0], "-o", str(out)])
    assert main(["render", str(out), "-o", "-"]) == 0
    assert capsys.readouterr().out == render(parse_file(SEEDS[0]))
    main([*SEEDS, "-o", str(out)])
    assert main(["render", str(out), "-o", "-"]) == 2


def test_roundtrip_names_the_first_difference(tmp_path, capsys):
    assert main(["roundtrip", *SEEDS]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{s}: the same after a round trip" for s in SEEDS]


# --- output that is never half-written ------------------------------------------------------------

def test_closed_standard_streams():
    closed_out = subprocess.run(f"{sys.executable} -m objparse {SEEDS[0]} >&-", shell=True, capture_output=True,
                                text=True)
    assert closed_out.returncode == 2 and "standard output is closed" in closed_out.stderr
    assert "Traceback" not in closed_out.stderr
    closed_err = subprocess.run(f"{sys.executable} -m objparse {FIXTURES / 'unplaced_cell.txt'} 2>&-", shell=True,
                                capture_output=True, text=True)
    assert closed_err.returncode == 0 and json.loads(closed_err.stdout)["documents"]  # warnings not in the JSON
    head = subprocess.run(f"{sys.executable} -m objparse {SEEDS[0]} {SEEDS[1]} | head -c 10", shell=True,
                          capture_output=True, text=True)
    assert head.stdout == '{\n  "schem' and head.stderr == ""


def test_control_characters_in_a_name_are_escaped(tmp_path):
    proc = run(str(tmp_path / "bad\x1b[31mname.txt"))
    assert proc.returncode == 1 and "\x1b" not in proc.stderr and "\\x1b" in proc.stderr


# --- what a person sees ---------------------------------------------------------------------------

def test_a_failed_check_is_said_and_strict_names_it(tmp_path):
    sheet = tmp_path / "heavy.txt"
    sheet.write_text(Path(SEEDS[0]).read_text(encoding="utf-8").replace("Valore Sociale\t10%", "Valore Sociale\t15%"),
                     encoding="utf-8")
    plain = run(str(sheet), "-o", str(tmp_path / "a.json"))
    assert plain.returncode == 0 and plain.stderr.splitlines()[-1] == "objparse: 1 of 1 sheets read; 1 check failed"
    strict = run(str(sheet), "-o", str(tmp_path / "b.json"), "--strict")
    assert strict.returncode == 1
    assert f"objparse: check failed: {sheet}: area_weights: area weights sum to 105, expected 100" in strict.stderr


def test_check_reports_each_sheet_its_failures_and_a_total(tmp_path):
    proc = run("check", SEEDS[0], str(FIXTURES / "ieep_typo.txt"))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == (f"{SEEDS[0]}: DC Risorse Umane, 2024: 5 areas, 24 KPIs, ieep, spending, projects; checks 21 "
                        "passed, 0 failed; 0 warnings; 0 cells unplaced")
    assert "failed checks:" in lines and lines[-1].startswith("2 of 2 sheets read; checks")
    report = json.loads(run("check", "--json", SEEDS[0]).stdout)["sheets"][0]
    assert report["checks"] == {"pass": 21, "fail": 0, "skip": 0} and report["office"] == "DC Risorse Umane"
    assert run("check", *SEEDS).returncode == 0


def test_schema_command_prints_the_schema():
    proc = run("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_roundtrip_holds_for_every_sheet_and_fixture(capsys):
    sheets = [*SEEDS, *sorted(str(p) for p in FIXTURES.glob("*.txt"))]
    assert main(["roundtrip", *sheets]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{s}: the same after a round trip" for s in sheets]


# --- every command, any input: one line naming the file, never a traceback -------------------------

NOT_OURS = ["[]", "{}", '"text"', "42", "null", '{"documents": {"a": 1}}', '{"documents": [{"source": 1}]}',
            '{"documents": [[1, 2]]}', "{not json", "[" * 100_000, '{"line": ' + "9" * 5000 + "}",
            '{"documents": [{"source": "a", "weight_pct": 1e999999999}]}']


@pytest.mark.parametrize("text", NOT_OURS, ids=range(len(NOT_OURS)))
def test_render_of_json_that_is_not_objparses(tmp_path, text):
    docs = tmp_path / "docs.json"
    docs.write_text(text, encoding="utf-8")
    proc = run("render", str(docs), "-o", str(tmp_path / "out"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"objparse: error: {docs}: ")


def test_json_lines_with_unicode_line_separators_read_back(tmp_path):
    sheet = tmp_path / "s.txt"
    sheet.write_text(Path(SEEDS[0]).read_text(encoding="utf-8").replace(
        "Indice di Deflusso", "Indice\u2028di\u2029Deflusso\x85"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(sheet), SEEDS[1], "-o", str(out), "-q"]) == 0
    from objparse import loads

    docs = loads(out.read_text(encoding="utf-8"))
    assert [d.source for d in docs] == [str(sheet), SEEDS[1]]
    assert main(["render", str(out), "-o", str(tmp_path / "sheets")]) == 0


def test_render_replaces_a_link_in_its_directory_and_never_its_sources(tmp_path):
    out = tmp_path / "docs.json"
    assert main([*SEEDS, "-o", str(out)]) == 0
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (sheets / Path(SEEDS[0]).name).symlink_to(victim)
    assert main(["render", str(out), "-o", str(sheets)]) == 0
    assert victim.read_text() == "keep me" and not (sheets / Path(SEEDS[0]).name).is_symlink()
    # pointed at the directory its sheets came from: refused, nothing written
    copies = tmp_path / "copies"
    copies.mkdir()
    for seed in SEEDS:
        (copies / Path(seed).name).write_bytes(Path(seed).read_bytes())
    assert main([str(copies), "-o", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in copies.iterdir()}
    proc = run("render", str(out), "-o", str(copies))
    assert proc.returncode == 2 and "it would be overwritten" in proc.stderr
    assert {p.name: p.read_bytes() for p in copies.iterdir()} == before


def test_render_takes_any_name_the_file_system_takes(tmp_path):
    doc = parse_file(SEEDS[0])
    names = ["a" * 250 + ".txt", "è" * 125 + ".txt", "b" * 300]
    docs = tmp_path / "docs.json"
    docs.write_text(dumps_documents([attrs.evolve(doc, source=name) for name in names]), encoding="utf-8")
    assert main(["render", str(docs), "-o", str(tmp_path / "out")]) == 0
    written = sorted((tmp_path / "out").iterdir())
    assert len(written) == 3 and all(len(p.name.encode()) <= 255 for p in written)


def test_roundtrip_of_a_sheet_whose_rendering_does_not_read(tmp_path, monkeypatch, capsys):
    from objparse import rendering

    monkeypatch.setattr(rendering, "render", lambda doc: "")
    assert main(["roundtrip", SEEDS[0]]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{SEEDS[0]}: differs at the rendered sheet does not read (empty file)")


def test_roundtrip_goes_on_past_a_sheet_it_cannot_render(monkeypatch, capsys):
    from objparse import rendering

    def broken(doc):
        raise KeyError("NOTE")

    monkeypatch.setattr(rendering, "render", broken)
    assert main(["roundtrip", *SEEDS]) == 1
    err = capsys.readouterr().err
    assert [line.split(": internal error")[0] for line in err.splitlines()] == [f"objparse: error: {s}" for s in SEEDS]


def test_a_column_whose_header_was_set_aside_renders_right_of_the_six():
    """KPIs keep a NOTE column that a header out of place named (the document has no header):
    written back right of the six columns, never over one of them."""
    text = ("Obiettivi di performance organizzativa per l'anno 2025\n"
            "Valore Istituzionale\t50%\t100%\tMassimizzazione degli outcome\t\t\t\n"
            "AMBITO DI PERFORMANCE\tCONTRIBUTO AL VALORE PUBBLICO\tSOTTO AMBITI\tKPI\tRIFERIMENTI\t"
            "VALORE OBIETTIVO\tNOTE\nDC Risorse Strumentali\n"
            "Valore Sociale\t40%\t100%\tImpatto Ambientale\t\t\n"
            "\t\t\tIndice di Deflusso\tObiettivi 2025 - Pag. 26\t1,013\tdato provvisorio\n")
    doc = parse_text(text)
    assert doc.columns == () and [k.extra for _, _, k in doc.kpis()][-1] == {"NOTE": "dato provvisorio"}
    row = next(line for line in render(doc).splitlines() if "Indice di Deflusso" in line)
    assert row.split("\t") == ["", "", "", "Indice di Deflusso", "Obiettivi 2025 - Pag. 26", "1,013",
                                "dato provvisorio"]


@pytest.mark.parametrize("argv", [["chek", "corpus/"], ["scheme"], ["rendr", "x.json"]])
def test_a_mistyped_command_is_an_invalid_choice(argv):
    proc = run(*argv)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "invalid choice" in proc.stderr and "did you mean" in proc.stderr


def test_the_python_api_takes_text_files_and_says_file_not_found(tmp_path):
    with open(SEEDS[0], encoding="utf-8") as text, open(SEEDS[0], "rb") as binary:
        assert parse_file(text).areas == parse_file(binary).areas
    with pytest.raises(FileNotFoundError):
        parse_file(tmp_path / "missing.txt")


HOSTILE = {"binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "empty": b"", "blank": b"\n\n\t\t\n",
           "not a sheet": b"hello\tworld\n", "utf-16 garbage": b"\xff\xfe\x00\xd8", "nul": b"\x00" * 64,
           "a lone quote": b'"', "control characters": bytes(range(32)) * 8}


@pytest.mark.parametrize("command", [[], ["check"], ["check", "--json"], ["roundtrip"], ["-o", "{tmp}/t/"],
                                     ["-o", "{tmp}/o.xlsx"], ["-o", "{tmp}/o.sqlite"], ["--table", "kpis"]])
def test_every_command_on_hostile_bytes_says_one_line_a_file(tmp_path, command):
    files = []
    for name, data in HOSTILE.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        files.append(str(path))
    proc = run(*[part.format(tmp=tmp_path) for part in command], *files, SEEDS[0])
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("objparse: error: ")]
    assert len(errors) == len(files) and all(any(f in e for e in errors) for f in files), proc.stderr


def test_messages_go_through_the_progress_bar_while_it_is_shown(monkeypatch):
    from objparse.cli import console

    written = []

    class Bar:
        def write(self, text, file=None):
            written.append(text)

    monkeypatch.setattr(console, "_bar", Bar())
    console.say("objparse: warning: x")
    assert written == ["objparse: warning: x"]


def test_a_sheet_whose_main_table_gave_nothing_is_said_and_strict_fails(tmp_path):
    sheet = FIXTURES / "header_but_no_area.txt"
    plain = run(str(sheet), "-o", str(tmp_path / "a.json"))
    assert plain.returncode == 0 and "no-areas" in plain.stderr and "1 with errors" in plain.stderr
    assert run(str(sheet), "-o", str(tmp_path / "b.json"), "--strict").returncode == 1
    check = run("check", str(sheet))
    assert check.returncode == 1 and "error: the main-table header was found, but no area was read" in check.stdout


def test_the_originals_and_a_file_of_several_sheets_through_the_command_line(tmp_path):
    originals = FIXTURES / "originals"
    several = FIXTURES / "several" / "three_offices_page_footers_repeated_header.txt"
    out = tmp_path / "out.json"
    assert main([str(originals), str(several), "-o", str(out), "-q"]) == 0
    docs = json.loads(out.read_text())["documents"]
    assert [(Path(d["source"]).suffix, d["sheet"]) for d in docs] == [
        (".ods", "Obiettivi 2024"), (".pdf", "1"), (".xlsx", "Obiettivi 2024")] * 2 + [(".txt", n) for n in "123"]
    assert docs[1]["areas"][0]["page"] == 1 and "page" not in docs[0]["areas"][0]
    assert main([str(originals / "002_fe33d6c923f417dc.pdf"), "--table", "kpis", "-o", str(tmp_path / "k.csv")]) == 0
    import csv

    rows = list(csv.DictReader((tmp_path / "k.csv").open(encoding="utf-8")))
    assert {r["page"] for r in rows} == {"1"} and len(rows) == 28


@pytest.mark.parametrize("fmt", ["text", "xlsx", "ods", "pdf"])
def test_render_writes_every_format_that_reads_back(tmp_path, fmt):
    out = tmp_path / "docs.json"
    assert main([*SEEDS, "-o", str(out)]) == 0
    assert main(["render", str(out), "-o", str(tmp_path / "sheets"), "-f", fmt]) == 0
    written = sorted((tmp_path / "sheets").iterdir())
    suffix = ".txt" if fmt == "text" else f".{fmt}"
    assert [p.name for p in written] == [Path(s).stem + suffix for s in SEEDS]
    for path, seed in zip(written, SEEDS, strict=True):
        assert first_difference(parse_file(seed), parse_file(path)) is None


FAIL_ON_CASES = [  # fixture -> its kinds of finding (page numbers, kept in unparsed too, are none)
    ("all_families", set()), ("ieep_typo", {"check"}), ("no_header", {"warning"}), ("page_footer", set()),
    ("unplaced_cell", {"unplaced", "warning"})]


@pytest.mark.parametrize(("case", "findings"), FAIL_ON_CASES)
@pytest.mark.parametrize("gate", ["check", "warning", "unplaced", "check,warning,unplaced"])
def test_fail_on_names_the_findings_that_make_the_exit_status_1(tmp_path, case, findings, gate):
    sheet = str(FIXTURES / f"{case}.txt")
    expected = 1 if findings & set(gate.split(",")) else 0
    assert main([sheet, "-q", "-o", str(tmp_path / "out.json"), "--fail-on", gate]) == expected
    assert (tmp_path / "out.json").exists()  # the output is written all the same
    assert main(["check", sheet, "--fail-on", gate]) == expected


def test_fail_on_defaults(tmp_path):
    typo = str(FIXTURES / "ieep_typo.txt")
    assert main([typo, "-q", "-o", str(tmp_path / "out.json")]) == 0  # the main command gates on nothing
    assert main(["check", typo]) == 1  # check gates on failed checks


def test_fail_on_refuses_an_unknown_finding(tmp_path, capsys):
    assert main([str(FIXTURES / "all_families.txt"), "-o", str(tmp_path / "o.json"), "--fail-on", "check,typo"]) == 2
    assert "typo" in capsys.readouterr().err
