"""How fast objparse reads sheets, against the plainest readers of the same bytes.

    python bench/run.py [--sheets 2000] [--seed 1] [--repeat 3]

Generates a corpus (seeded: the same sheets on every run) with the project's own generator and
damager (tests/sheets.py: whole documents, rendered, then damaged as exports damage them), writes
it to a temporary directory, and times, on that one corpus:

    csv.reader        bytes -> text -> rows of cells (the floor: decode and split)
    pandas.read_csv   one call per file
    API               objparse.parse_bytes per file
    CLI json/jsonl    objparse FILES -o out.json / out.jsonl, one process, start-up included
    CLI --jobs 2      the same on two worker processes
    start-up          objparse --version, objparse on one small sheet, and a bare interpreter

Commands run with their bytecode cached, as after their first run (PYTHONDONTWRITEBYTECODE
would otherwise make every run compile objparse's sources again). Lines/s and the ratio to
csv.reader for each; the CLI's peak memory on a quarter of the corpus
and on all of it (flat means memory does not grow with the number of files). Each timing is
the best of --repeat runs.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def generate(directory: Path, count: int, seed: int) -> list[Path]:
    import sheets

    from objparse import render

    paths = []
    for i in range(count):
        draws = sheets.RandomDraws(seed * 1_000_003 + i)
        text = sheets.damage(render(sheets.document(draws, sheets.REAL)), draws)
        path = directory / f"{i:05d}.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def best(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return min(times)


# Commands run with their bytecode cached (in a directory of the benchmark's own), as Python
# does after a module's first import: what is timed is objparse's work, not the compilation of
# its sources, even where PYTHONDONTWRITEBYTECODE is set.
ENV: dict[str, str] = {}


def run(argv: list[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB) of one command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV or None)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(argv[:4])} … {proc.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss


def options(doc: str, sheets: int) -> argparse.Namespace:
    """The benchmarks' options: how many sheets, the generator's seed, the runs to take the best of."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--sheets", type=int, default=sheets)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    return ap.parse_args()


def main() -> int:
    args = options(__doc__, 2000)

    with tempfile.TemporaryDirectory(prefix="objparse-bench-") as tmp:
        work = Path(tmp)
        (work / "corpus").mkdir()
        t0 = time.perf_counter()
        paths = generate(work / "corpus", args.sheets, args.seed)
        blobs = [(str(p), p.read_bytes()) for p in paths]
        lines = sum(b.count(b"\n") + (not b.endswith(b"\n")) for _, b in blobs)
        size = sum(len(b) for _, b in blobs)
        print(f"corpus: {len(blobs)} sheets, {lines:,} lines, {size / 1e6:.1f} MB "
              f"(generated in {time.perf_counter() - t0:.1f} s, seed {args.seed})")
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")

        def csv_reader() -> None:
            for _, data in blobs:
                list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), delimiter="\t"))

        import pandas as pd

        def pandas_read() -> None:
            for name, _ in blobs:
                pd.read_csv(name, sep="\t", header=None, names=range(16), dtype=str, keep_default_na=False,
                            quoting=csv.QUOTE_NONE, encoding="utf-8")

        from objparse import parse_bytes

        def api() -> None:
            for name, data in blobs:
                parse_bytes(data, name)

        cli = [sys.executable, "-m", "objparse", "-q"]
        files = [str(p) for p in paths]
        ENV.update(os.environ, PYTHONPYCACHEPREFIX=str(work / "pycache"))
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        for warm in ([sys.executable, "-c", "import csv, json, decimal"], [*cli, "--version"],
                     [*cli, files[0], "-o", str(work / "one.json")]):
            run(warm)  # caches the bytecode of every module the timed commands import
        results: list[tuple[str, float, str]] = []
        floor = best(args.repeat, csv_reader)
        results.append(("csv.reader (decode + split)", floor, ""))
        results.append(("pandas.read_csv, per file", best(args.repeat, pandas_read), ""))
        results.append(("objparse API (parse_bytes)", best(args.repeat, api), ""))
        for label, extra in (("CLI -> JSON", ["-o", str(work / "out.json")]),
                             ("CLI -> JSONL", ["-o", str(work / "out.jsonl")]),
                             ("CLI -> JSON, --jobs 2", ["-o", str(work / "out.json"), "--jobs", "2"])):
            timing = min(run([*cli, *files, *extra])[0] for _ in range(args.repeat))
            results.append((label, timing, ""))

        print(f"\n{'':32} {'lines/s':>10} {'× csv.reader':>13}")
        for label, seconds, _ in results:
            print(f"{label:32} {lines / seconds:>10,.0f} {seconds / floor:>13.1f}")
        one = {label: seconds for label, seconds, _ in results}
        print(f"--jobs 2 speed-up over one process: {one['CLI -> JSON'] / one['CLI -> JSON, --jobs 2']:.2f}×")

        bare = min(run([sys.executable, "-c", "import csv, json, decimal"])[0] for _ in range(10))
        version = min(run([*cli, "--version"])[0] for _ in range(10))
        small = min(run([*cli, files[0], "-o", str(work / "one.json")])[0] for _ in range(10))
        print(f"\nstart-up: bare interpreter {bare * 1000:.0f} ms; objparse --version {version * 1000:.0f} ms "
              f"({version / bare:.2f}×); one small sheet {small * 1000:.0f} ms")

        quarter = files[: len(files) // 4]
        for label, extra in (("JSON", "out.json"), ("JSONL", "out.jsonl")):
            _, rss_quarter = run([*cli, *quarter, "-o", str(work / extra)])
            _, rss_all = run([*cli, *files, "-o", str(work / extra)])
            print(f"peak memory, CLI -> {label}: {len(quarter)} sheets {rss_quarter / 1024:.0f} MiB, "
                  f"{len(files)} sheets {rss_all / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
