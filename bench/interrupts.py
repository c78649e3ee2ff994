"""Ctrl-C at any moment of a run on a pool of workers: does every run end at once, its output left
as it was, no worker left behind?

    python bench/interrupts.py [--runs 50] [--jobs 2] [--sheets 400]

Each run starts `objparse --jobs N` on a batch, sends SIGINT to its whole process group (as a
terminal's Ctrl-C does) after a random delay (seeded), and waits at most 30 s. A run that does not
end, ends otherwise than with 130 or 0, leaves the target changed or a process of its group alive,
is a failure. (A test cannot wait on the clock; a benchmark may.) A run ended by SIGINT itself
was interrupted while the interpreter started, before any of objparse ran.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sheets", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sheet = (ROOT / "corpus" / "002_fe33d6c923f417dc.txt").read_bytes()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch"
        batch.mkdir()
        for i in range(args.sheets):
            (batch / f"{i:04d}.txt").write_bytes(sheet + f"\nNota {i}\n".encode())  # each its own
        target = Path(tmp) / "out.json"
        for run in range(args.runs):
            target.write_text("old")
            proc = subprocess.Popen([sys.executable, "-m", "objparse", str(batch), "-o", str(target), "-q",
                                     "--jobs", str(args.jobs)], start_new_session=True, stderr=subprocess.PIPE)
            delay = rng.uniform(0.05, 2.5)
            time.sleep(delay)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)
            try:
                _, err = proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
                print(f"run {run}: SIGINT after {delay:.2f} s: still running 30 s later (killed)")
                failures += 1
                continue
            try:
                os.killpg(proc.pid, 0)
                lingering = True
            except ProcessLookupError:
                lingering = False
            done = proc.returncode == 0
            # 130: interrupted; -2: SIGINT came while the interpreter was starting, before Python
            # handles signals (it ends at once, having written nothing)
            ok = (proc.returncode in (0, 130, -signal.SIGINT) and not lingering and b"Traceback" not in err
                  and (done or target.read_text() == "old"))
            if not ok:
                failures += 1
                print(f"run {run}: SIGINT after {delay:.2f} s: exit {proc.returncode}, workers left: {lingering}, "
                      f"{err.decode()[-300:]}")
    print(f"{args.runs} runs interrupted at random moments: {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
