"""Mutated sheets through the API and every command: no traceback, no internal error, no cell lost.

    python bench/fuzz.py [--sheets 20000] [--seed 1] [--jobs 2] [--shapes]

Each sheet is a corpus sheet or fixture damaged one to four times (tests/fuzzing.py: lines
moved, cut, repeated; cells shifted, dropped, swapped for values, headers, page marks, quotes,
control characters; the text saved in other encodings or with bytes flipped), the same on every
run of a seed. Each goes through objparse.parse_bytes (a document that loses no cell, or a
one-line SheetError) and, fifty at a time, through every command (JSON, JSON Lines, CSV tables,
XLSX, SQLite, one table, check, roundtrip, render). Exit 1 on any finding, each printed.

--shapes reads ten-megabyte inputs of every shape, each in a process of its own, through the API
and the command line (to JSON), and reports time and peak memory against the input's size (the
bound: seconds, and under 20 times the size).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

MB = 1024 * 1024


def _part(task: tuple[int, int, int]) -> object:
    import fuzzing

    return fuzzing.run(*task)


def fuzz(sheets: int, seed: int, jobs: int) -> int:
    import fuzzing

    step = 500
    tasks = [(at, min(at + step, sheets), seed) for at in range(0, sheets, step)]
    t0 = time.perf_counter()
    found = fuzzing.Findings()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for part in pool.imap_unordered(_part, tasks):
            found.merge(part)  # type: ignore[arg-type]
    took = time.perf_counter() - t0
    for finding in found.internal + found.lost:
        print(finding)
    print(f"{found.sheets} sheets (seed {seed}): {found.documents} documents, {found.refused} refused with a one-line "
          f"error; {found.commands} command runs; {len(found.internal)} tracebacks or internal errors; "
          f"{len(found.lost)} documents with a cell lost; {took:.1f} s")
    return 0 if found.clean else 1


# --- ten megabytes of every shape -----------------------------------------------------------------------

def shapes(size: int) -> dict[str, bytes]:
    seed = (ROOT / "corpus" / "000_2e4c457401ea359e.txt").read_bytes()
    head = seed.split(b"Valore Sociale")[0]
    area = b"Valore Sociale\t100%\t100%\tImpatto\t\t\n"
    kpi = b"\t\t\tIndice di Deflusso\tObiettivi 2024 - Pag. 26\t1,013"

    def fill(prefix: bytes, unit: bytes, suffix: bytes = b"") -> bytes:
        return prefix + unit * ((size - len(prefix) - len(suffix)) // len(unit)) + suffix

    return {
        "one line": fill(head, b"x"),
        "one cell": fill(head + area + b"\t\t\tIndice\tPIAO - Pag. 1\t", b"x"),
        "long lines": fill(head + area, b"\t\t\tIndice di Deflusso " + b"x" * 980 + b"\tPIAO - Pag. 1\t1\n"),
        "many columns": fill(head + area + b"\t\t\tIndice", b"\tx"),
        "many short cells": fill(head + area + b"\t\t\tIndice", b"\t" + b"x" * 50),
        "the most rows": fill(head + area, kpi + b" " * 60 + b"\n"),
        "many cells a row": fill(head, b"\t".join([b"Valore Sociale", b"10%"] + [b"ab"] * 40) + b"\n"),
        "one-word rows": fill(head + area + kpi + b"\n", b"\t\t\tparola" + b" " * 100 + b"\n"),
        "the sheet again and again": fill(b"", seed + b"\n" + b" " * 30_000 + b"\n"),
        "quoted cell": fill(head + area + b'\t\t\t"Indice', b"a" * 200 + b'\t""\n', b'"\tPIAO - Pag. 1\t1\n'),
        "I.E.E.P. items": fill(head + area + b"\nIndicatore di Efficacia Economico-finanziaria della Produzione "
                               b"(I.E.E.P)\t\tTotale\n", b"Voce" + b" " * 100 + b"\t\t1.234 \xe2\x82\xac\n"),
        "blank lines": fill(head + area, b" " * 10_000 + b"\n" * 10 + b"\t\t\tIndice\tPIAO - Pag. 1\t1\n"),
        "areas": fill(head, b"Valore Sociale\t10%\t100%\tImpatto" + b" " * 80 + b"\n"),
        "notes": fill(seed, b"\nSMVP: Determinazione commissariale N. 110 del 21 dicembre 2023" + b" " * 50),
    }


# the peak of this process's own memory (VmHWM: getrusage's maxrss would count the parent's too,
# which it keeps across exec)
_PEAK = "int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])"
_MEASURE = """
import sys, time
from objparse import SheetError, parse_bytes
from objparse.cli import main
t0 = time.perf_counter()
if sys.argv[2] == "cli":
    status = main([sys.argv[1], "-o", sys.argv[1] + ".json", "-q"])
    what = f"exit {status}"
else:
    try:
        doc = parse_bytes(open(sys.argv[1], "rb").read(), sys.argv[1])
        what = f"{len(doc.areas)} areas, {sum(1 for _ in doc.kpis())} KPIs, {len(doc.unparsed)} unplaced"
    except SheetError as exc:
        what = f"refused: {exc.message}"
took = time.perf_counter() - t0
print(f"{took:.2f}\\t{PEAK}\\t{what}")
""".replace("PEAK", _PEAK)


def measure(size: int) -> int:
    import tempfile

    bare = subprocess.run([sys.executable, "-c", f"import objparse.parse; print({_PEAK})"],
                          capture_output=True, text=True, check=True)
    base = int(bare.stdout) * 1024  # the interpreter with objparse loaded, before any input
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in shapes(size).items():
            path = Path(tmp) / "shape.txt"
            path.write_bytes(data)
            for way in ("api", "cli"):  # parse_bytes; objparse FILE -o out.json
                proc = subprocess.run([sys.executable, "-c", _MEASURE, str(path), way], capture_output=True, text=True)
                if proc.returncode:
                    print(f"{name:26s} {way} FAILED: {proc.stderr.strip()[-400:]}")
                    return 1
                took, peak, what = proc.stdout.strip().split("\t", 2)
                grown = (int(peak) * 1024 - base) / len(data)
                worst = max(worst, grown)
                print(f"{name:26s} {way} {len(data) / MB:5.1f} MB {float(took):6.2f} s  peak {int(peak) / 1024:5.0f} "
                      f"MiB ({grown:4.1f}x the input over the interpreter's {base / MB:.0f} MiB)  {what}")
    print(f"worst: {worst:.1f}x the input")
    return 0 if worst < 20 else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sheets", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--shapes", action="store_true", help="ten-megabyte inputs of every shape instead")
    ap.add_argument("--size", type=int, default=10 * MB)
    args = ap.parse_args()
    if args.shapes:
        return measure(args.size)
    return fuzz(args.sheets, args.seed, args.jobs)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main())
