"""What a change costs, counted rather than timed: instructions a line, under valgrind.

    python bench/instructions.py [--sheets 40] [--seed 1]

Wall-clock figures on a shared machine vary by a fifth from run to run; the instructions that
parsing executes do not. This generates the benchmark's corpus (bench/run.py, same seed), then
runs the parse of the first --sheets of it under valgrind's callgrind twice, once parsing
nothing, and prints the difference per line: compare two checkouts with the same arguments.
Needs valgrind on the PATH; takes about a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # bench/run.py: the corpus generator

# parses the files named after the first argument, after warming up on the first of them
_PARSE = """
import sys
from objparse import parse_bytes
files = sys.argv[2:]
parse_bytes(open(sys.argv[1], "rb").read(), sys.argv[1])
for name in files:
    parse_bytes(open(name, "rb").read(), name)
"""


def instructions(argv: list[str]) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same dict layouts on every run
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
                          capture_output=True, text=True, env=env, check=True)
    m = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
    if m is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{proc.stderr[-500:]}")
    return int(m.group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sheets", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    with tempfile.TemporaryDirectory(prefix="objparse-instructions-") as tmp:
        paths = [str(p) for p in run.generate(Path(tmp), args.sheets + 1, args.seed)]
        lines = sum(Path(p).read_bytes().count(b"\n") for p in paths[1:])
        script = [sys.executable, "-c", _PARSE, paths[0]]
        base = instructions(script)
        total = instructions([*script, *paths[1:]])
    per_line = (total - base) / lines
    print(f"{args.sheets} sheets, {lines:,} lines: {total - base:,} instructions, {per_line:,.0f} a line")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
