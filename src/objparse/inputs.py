"""The files to read, as a user names them."""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path


def expand(names: list[str]) -> list[str]:
    """The files to read, as a user gives them: a directory stands for its *.txt (sorted), a
    pattern the shell did not expand for what it matches; '-' (or nothing, with input piped in)
    for standard input."""
    if not names:
        return ["-"] if sys.stdin is not None and not sys.stdin.isatty() else []
    files = []
    for name in names:
        if name != "-" and os.path.isdir(name):
            files += sorted(str(p) for p in Path(name).glob("*.txt")) or [name]  # an empty one: said so
        elif name != "-" and not os.path.exists(name) and glob.has_magic(name):
            files += sorted(glob.glob(name)) or [name]
        else:
            files.append(name)
    return files
