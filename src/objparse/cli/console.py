"""What a person sees: lines on standard error and standard output, and the progress bar, whose
own writer carries every message while it is shown (so a message never garbles it)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

_bar: Any = None  # the progress bar being shown, if any


def printable(text: str) -> str:
    """A message as it may reach a terminal: control characters (in a file's name, say) escaped."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


def say(message: str) -> None:
    """A line on standard error, if there is one (it may be closed)."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        if _bar is not None:
            _bar.write(printable(message), file=sys.stderr)
        else:
            print(printable(message), file=sys.stderr)


def out(line: str) -> None:
    """A line on standard output, if there is one."""
    if sys.stdout is not None:
        print(printable(line))


@contextlib.contextmanager
def progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error when it is a terminal and the batch takes more than a
    second; nothing otherwise."""
    global _bar
    if sys.stderr is None or not sys.stderr.isatty() or total < 2:
        yield lambda: None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="sheet", delay=1.0, file=sys.stderr, leave=False) as bar:
        _bar = bar
        try:
            yield lambda: bar.update()
        finally:
            _bar = None
