"""Where objparse writes: every output file is written under a temporary name beside its target
and renamed over it only once complete, so that an interrupted or failed run leaves the old
target (or none), never a truncated one."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_file(target: str | Path) -> Iterator[IO[str]]:
    """A text file (UTF-8, LF) to write in place of `target`; it becomes `target` when the
    block ends normally."""
    path = Path(target)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        os.chmod(temp, _mode(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _mode(path: Path) -> int:
    """The permissions a plain open() would leave: the target's own, else the umask's."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_text(target: str) -> Iterator[IO[str]]:
    """Text output to `target`; '-' is standard output."""
    if target == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_file(target) as fh:
        yield fh
