"""Start-up, as a person feels it: one sheet to JSON, against the bare interpreter.

    python bench/startup.py [--runs 15] [SHEET]

Runs `objparse SHEET -o out.json` and `python -c "import csv, json, decimal"` --runs times each
(bytecode cached first) and prints the minimum wall time of each and their ratio; with valgrind
on the PATH, also the instructions of one run of each. The sheet defaults to the first corpus
sheet.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = [sys.executable, "-c", "import csv, json, decimal"]


def seconds(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def instructions(argv: list[str], env: dict[str, str]) -> int | None:
    if shutil.which("valgrind") is None:
        return None
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
                          capture_output=True, text=True, env=env, check=True)
    m = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
    return int(m.group(1)) if m else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("sheet", nargs="?", default=str(min((ROOT / "corpus").glob("*.txt"))))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="objparse-startup-") as tmp:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"), "PYTHONHASHSEED": "0"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        one = [sys.executable, "-m", "objparse", "-q", args.sheet, "-o", str(Path(tmp) / "out.json")]
        for argv in (BARE, one):
            subprocess.run(argv, check=True, env=env)  # caches the bytecode
        bare = min(seconds(BARE, env) for _ in range(args.runs))
        sheet = min(seconds(one, env) for _ in range(args.runs))
        print(f"minimum of {args.runs} runs: bare interpreter {bare * 1000:.1f} ms, one sheet to JSON "
              f"{sheet * 1000:.1f} ms: {sheet / bare:.2f}x")
        counted = instructions(BARE, env), instructions(one, env)
        if None not in counted:
            base, total = counted
            assert base is not None and total is not None
            print(f"instructions: bare interpreter {base / 1e6:,.0f} M, one sheet to JSON {total / 1e6:,.0f} M "
                  f"({total / base:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
