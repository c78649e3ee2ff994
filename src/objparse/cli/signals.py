"""SIGINT and SIGTERM as an exception that unwinds every output under way."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: unwind, so that every output under way is discarded (a
    BaseException, as KeyboardInterrupt is: no handler of errors may swallow it)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _interrupted(signum: int, frame: object) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise Interrupted inside the block; the handlers before it are put
    back after (main() may be called from a program of its own)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {signum: signal.signal(signum, _interrupted) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in old.items():
            signal.signal(signum, handler)
