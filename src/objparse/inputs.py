"""The files to read, as a user names them."""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path
from typing import NamedTuple

# what a directory stands for: its files of the kinds sheets come in (a file named otherwise can
# still be given by name: its format is told by its content)
SHEET_SUFFIXES = (".txt", ".tsv", ".tab", ".csv", ".xlsx", ".xlsm", ".ods", ".pdf")


class Inputs(NamedTuple):
    files: list[str]  # each file once, in the order first named
    repeated: list[tuple[str, str]]  # (a name given again, the name it was first read as)


def _key(name: str) -> str:
    """What makes two names the same file: its resolved path ('-' is itself)."""
    return name if name == "-" else os.path.realpath(name)


def expand(names: list[str]) -> Inputs:
    """The files to read, as a user gives them: a directory stands for its sheets (sorted), a
    pattern the shell did not expand for what it matches; '-' (or nothing, with input piped in)
    for standard input. A file named twice (a directory and a file in it, or a path typed two
    ways) is read once."""
    if not names:
        return Inputs(["-"] if sys.stdin is not None and not sys.stdin.isatty() else [], [])
    files: list[str] = []
    for name in names:
        if name != "-" and os.path.isdir(name):
            found = sorted(str(p) for p in Path(name).iterdir() if p.suffix.lower() in SHEET_SUFFIXES and p.is_file())
            files += found or [name]  # an empty one: said so
        elif name != "-" and not os.path.exists(name) and glob.has_magic(name):
            files += sorted(glob.glob(name)) or [name]
        else:
            files.append(name)
    first: dict[str, str] = {}
    kept, repeated = [], []
    for name in files:
        key = _key(name)
        if key in first:
            repeated.append((name, first[key]))
            continue
        first.setdefault(key, name)
        kept.append(name)
    return Inputs(kept, repeated)
