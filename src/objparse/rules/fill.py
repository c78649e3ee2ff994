"""The one fill mechanism. A merged cell is printed once and stands for a vertical range:
every section restores it with `fill`, never with a loop of its own."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def fill(values: Sequence[T | None], scopes: Sequence[Hashable] | None = None, *,
         below: bool = False) -> list[T | None]:
    """Each empty slot takes the nearest value above it within the same scope (a run of equal
    scope keys); with below=True, where nothing above has one, the nearest value below."""
    out = list(values)
    for start, end in _runs(scopes) if scopes is not None else ((0, len(out)),):
        last: T | None = None
        first = end  # where the scope's first value stands
        for i in range(start, end):
            if out[i] is None:
                out[i] = last
            else:
                if last is None:
                    first = i
                last = out[i]
        if below and start < first < end:  # only slots before the first value have nothing above
            out[start:first] = [out[first]] * (first - start)
    return out


def _runs(scopes: Sequence[Hashable]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of equal scope keys."""
    start = 0
    for i in range(1, len(scopes)):
        if scopes[i] != scopes[i - 1]:
            yield start, i
            start = i
    if scopes:
        yield start, len(scopes)
