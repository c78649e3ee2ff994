"""Where objparse writes.

A regular file is written under a temporary name beside its target and renamed over it only once
complete, so that an interrupted or failed run leaves the old target (or none), never a
truncated one; a rename replaces a link planted at the target's name instead of writing
through it. A target that is no regular file — a device such as /dev/null, a named pipe, a
socket, standard output — is written to directly: renaming over it would replace the device
with a file. A directory of files is written whole beside its target and swapped in at once.
Every commit runs with SIGINT and SIGTERM held, so an interrupt lands before or after it, never
in the middle; `Output.committed` tells which.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .inputs import SHEET_SUFFIXES

# short, so that any name the file system takes leaves room for the temporary one beside it
_TEMP = ".objparse-"


class Output:
    """An output under way: it becomes its target when the block ends normally, unless
    `discard()` was called (a batch that read no sheet leaves the old output as it was)."""

    def __init__(self, target: str | Path):
        self.target = str(target)
        self.discarded = False
        self.committed = False

    def discard(self) -> None:
        self.discarded = True


def is_special(target: str | Path) -> bool:
    """Is `target` an existing file that is no regular file or directory (a device, a named
    pipe, a socket), even through a link? Such a target is written to, never replaced."""
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back while the block runs, then raised again for the handlers
    that were there before: a commit of several steps is never cut in two. (Held by Python's
    handlers, not the thread's signal mask: another thread could take a masked signal.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    old = {signum: signal.signal(signum, lambda signum, frame: pending.append(signum))
           for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in old.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        for held in dict.fromkeys(pending):
            signal.raise_signal(held)


def _mode(path: Path, directory: bool = False) -> int:
    """The permissions a plain open() (or mkdir) would leave: the target's own, else the umask's."""
    try:
        if not path.is_symlink():
            return path.stat().st_mode & 0o777
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return (0o777 if directory else 0o666) & ~umask


def _remove(path: str | Path) -> None:
    """A temporary file and what SQLite may have left beside it, gone."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[tuple[Path, Output]]:
    """A path to write a file at in place of `target` (for writers that open files by name).
    A regular target is replaced by it when the block ends normally; a special one (a device, a
    pipe) receives its bytes. The path is removed on every exit."""
    out = Output(target)
    special = is_special(target)
    where = None if special else Path(target).parent  # a device's directory is no place for files
    fd, temp = tempfile.mkstemp(prefix=_TEMP, suffix=".tmp", dir=where)
    os.close(fd)
    try:
        yield Path(temp), out
        if out.discarded:
            return
        if special:
            with open(temp, "rb") as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
            out.committed = True
            return
        os.chmod(temp, _mode(Path(target)))
        with _signals_held():
            os.replace(temp, target)
            out.committed = True
    finally:
        _remove(temp)


@contextlib.contextmanager
def atomic_file(target: str | Path, binary: bool = False) -> Iterator[tuple[IO, Output]]:  # type: ignore[type-arg]
    """A file to write in place of `target` (text: UTF-8, LF): see atomic_path."""
    if is_special(target):  # written straight to: nothing to replace, and a pipe cannot be synced
        out = Output(target)
        with (open(target, "wb") if binary else open(target, "w", encoding="utf-8", newline="\n")) as fh:
            yield fh, out
            out.committed = not out.discarded
        return
    with atomic_path(target) as (temp, out), (
            open(temp, "wb") if binary else open(temp, "w", encoding="utf-8", newline="\n")) as fh:
        yield fh, out
        fh.flush()
        os.fsync(fh.fileno())


@contextlib.contextmanager
def atomic_text(target: str) -> Iterator[tuple[IO[str], Output]]:
    """Text output to `target`; '-' is standard output."""
    if target == "-":
        out = Output("-")
        yield sys.stdout, out
        sys.stdout.flush()
        out.committed = not out.discarded
        return
    with atomic_file(target) as (fh, out):
        yield fh, out


def _swappable(path: Path, fresh: Path) -> bool:
    """May the directory `path` be replaced whole by `fresh`: it holds nothing `fresh` does not
    replace, and it is not where this process or an ancestor of it stands?"""
    try:
        names = {p.name for p in path.iterdir()}
        cwd = Path.cwd().resolve()
    except OSError:
        return False
    here = path.resolve()
    return names <= {p.name for p in fresh.iterdir()} and here != cwd and here not in cwd.parents


@contextlib.contextmanager
def atomic_directory(target: str | Path) -> Iterator[tuple[Path, Output]]:
    """A directory to write files into, made beside `target`. When the block ends normally it
    takes `target`'s place whole (the old one removed); where `target` holds other files too,
    each file written replaces its namesake there instead, all with signals held. On failure
    nothing in `target` has changed."""
    out = Output(target)
    path = Path(target)
    parent = path.resolve().parent if path.name in ("", ".", "..") else path.parent
    parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=_TEMP, suffix=".tmp", dir=parent))
    old = None
    try:
        yield temp, out
        if out.discarded:
            return
        os.chmod(temp, _mode(path, directory=True))
        for written in temp.iterdir():
            os.chmod(written, _mode(path / written.name))
        with _signals_held():
            if not path.exists():
                os.rename(temp, path)
            elif path.is_dir() and not path.is_symlink() and _swappable(path, temp):
                old = Path(tempfile.mkdtemp(prefix=_TEMP, suffix=".old", dir=parent))
                os.rename(path, old / "old")
                os.rename(temp, path)
            else:
                for written in sorted(temp.iterdir()):
                    os.replace(written, path / written.name)
            out.committed = True
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def writable(target: str) -> str | None:
    """Why `target` cannot be written, or None: checked before any sheet is read, so a batch is
    not parsed in vain."""
    if target == "-" or is_special(target):
        return None
    path = Path(target)
    parent = path.parent if path.name else path
    if path.is_dir() and not target.endswith(("/", os.sep)):
        return None  # a directory of tables: made beside it, checked when written
    probe = parent
    while not probe.exists():  # a directory of tables may be made, with its parents
        probe = probe.parent
    if not probe.is_dir():
        return f"{probe} is not a directory"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"cannot write in {probe}: permission denied"
    return None


# --- file names made from a document's source -------------------------------------------------

_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?", re.IGNORECASE)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*]+")
MAX_NAME = 200  # characters of a name's stem: within every file system's 255 bytes


def safe_name(source: str, suffix: str = ".txt") -> str:
    """A plain file name for a document, from its source: the last part of the path (either
    kind of slash), without characters a file system refuses or a terminal would act on, never
    empty, '.', '..' or a name Windows reserves (CON, NUL, COM1 …), and short enough in bytes."""
    name = re.split(r"[\\/]", source)[-1]
    name = _UNSAFE.sub("_", name).strip(" .")
    known = next((s for s in (suffix, *SHEET_SUFFIXES) if name.lower().endswith(s)), "")  # 'x.pdf' -> 'x.txt'
    stem = name[: len(name) - len(known)]
    if not stem or _RESERVED.fullmatch(stem):
        stem = f"_{stem}" if stem else "sheet"
    while len(stem.encode("utf-8", "surrogatepass")) > MAX_NAME:
        stem = stem[:-1]
    return stem + suffix


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
    """The path of `name` in `directory`, refusing a name that would land elsewhere (the name
    itself is not followed: a link there is replaced, not written through)."""
    if name in ("", ".", "..") or "/" in name or os.sep in name or "\x00" in name:
        raise ValueError(f"{name!r} is not a plain file name")
    return directory.resolve() / name
