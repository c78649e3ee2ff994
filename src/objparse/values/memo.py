"""One memo for the value readers: cells repeat across a sheet and a batch (weights, page
references, target kinds), so their readings are remembered — but only for short texts, so that
the memo's size is bounded in bytes, not only in entries, and a batch's memory stays flat."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

A = TypeVar("A", bound=str | None)
R = TypeVar("R")
LONGEST = 256  # characters of the longest text remembered


def short_texts(maxsize: int) -> Callable[[Callable[[A], R]], Callable[[A], R]]:
    """Remember a function of one text (or None), for texts of at most LONGEST characters."""
    def decorate(fn: Callable[[A], R]) -> Callable[[A], R]:
        remembered = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def read(text: A) -> R:
            return remembered(text) if text is None or len(text) <= LONGEST else fn(text)
        return read
    return decorate
