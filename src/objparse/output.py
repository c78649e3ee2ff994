"""Where objparse writes. Every output file is written under a temporary name beside its target
and renamed over it only once complete, so that an interrupted or failed run leaves the old
target (or none), never a truncated one; a directory of files is written whole in a temporary
directory first, then each file renamed into place. A rename replaces a link planted at the
target's name instead of writing through it."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO


def _mode(path: Path) -> int:
    """The permissions a plain open() would leave: the target's own, else the umask's."""
    try:
        if not path.is_symlink():
            return path.stat().st_mode & 0o777
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A path to write a file at in place of `target` (for writers that open files by name):
    renamed to `target` when the block ends normally, removed when it does not."""
    path = Path(target)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        os.chmod(temp, _mode(path))
        yield Path(temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def atomic_file(target: str | Path, binary: bool = False) -> Iterator[IO]:  # type: ignore[type-arg]
    """A file to write in place of `target` (text: UTF-8, LF); it becomes `target` when the
    block ends normally, and is removed when it does not."""
    with atomic_path(target) as temp, (open(temp, "wb") if binary
                                         else open(temp, "w", encoding="utf-8", newline="\n")) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


@contextlib.contextmanager
def atomic_text(target: str) -> Iterator[IO[str]]:
    """Text output to `target`; '-' is standard output."""
    if target == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_file(target) as fh:
        yield fh


@contextlib.contextmanager
def atomic_directory(target: str | Path) -> Iterator[Path]:
    """A directory to write files into; when the block ends normally they are renamed into
    `target` (created if need be), each replacing its namesake; on failure nothing in `target`
    has changed."""
    path = Path(target)
    path.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path))
    try:
        yield temp
        for written in sorted(temp.iterdir()):
            os.chmod(written, _mode(path / written.name))
            os.replace(written, path / written.name)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


# --- file names made from a document's source -------------------------------------------------

_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?", re.IGNORECASE)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*]+")


def safe_name(source: str, suffix: str = ".txt") -> str:
    """A plain file name for a document, from its source: the last part of the path (either
    kind of slash), without characters a file system refuses or a terminal would act on, never
    empty, '.', '..' or a name Windows reserves (CON, NUL, COM1 …)."""
    name = re.split(r"[\\/]", source)[-1]
    name = _UNSAFE.sub("_", name).strip(" .")
    stem = name[: -len(suffix)] if name.lower().endswith(suffix) else name
    if not stem or _RESERVED.fullmatch(stem):
        stem = f"_{stem}" if stem else "sheet"
    return stem[:200] + suffix


def unique_names(sources: Iterable[str], suffix: str = ".txt") -> list[str]:
    """safe_name for each source, made unique ('x.txt', 'x-2.txt', …) case-insensitively."""
    taken: set[str] = set()
    names = []
    for source in sources:
        name = safe_name(source, suffix)
        stem, n = name[: -len(suffix)], 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}{suffix}"
        taken.add(name.lower())
        names.append(name)
    return names


def inside(directory: Path, name: str) -> Path:
    """The path of `name` in `directory`, refusing anything that would land elsewhere."""
    path = (directory / name).resolve()
    if path.parent != directory.resolve():
        raise ValueError(f"{name!r} is not a plain file name")
    return path
