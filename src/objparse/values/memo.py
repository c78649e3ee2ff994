"""One memo for the value readers: cells repeat across a sheet and a batch (weights, page
references, target kinds), so their readings are remembered — but only for short texts, and at
most `maxsize` of them (when full, the quarter remembered longest ago is forgotten), so that its
size is bounded in bytes, not only in entries, and a batch's memory stays flat."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any, TypeVar

A = TypeVar("A", bound=str | None)
R = TypeVar("R")
LONGEST = 256  # characters of the longest text remembered


class _Memo(dict[Any, Any]):
    """A dict that computes what it lacks; read through its own __getitem__, a lookup costs no
    Python call when the text is remembered."""

    def __init__(self, fn: Callable[[Any], Any], maxsize: int):
        super().__init__()
        self.fn = fn
        self.maxsize = maxsize

    def __missing__(self, text: Any) -> Any:
        value = self.fn(text)
        if text is None or len(text) <= LONGEST:
            if len(self) >= self.maxsize:
                for old in list(islice(self, self.maxsize // 4)):  # a dict keeps the order texts came in
                    del self[old]
            self[text] = value
        return value


def short_texts(maxsize: int) -> Callable[[Callable[[A], R]], Callable[[A], R]]:
    """Remember a function of one text (or None), for texts of at most LONGEST characters."""
    def decorate(fn: Callable[[A], R]) -> Callable[[A], R]:
        return _Memo(fn, maxsize).__getitem__
    return decorate
