"""The one fill mechanism. A merged cell is printed once and stands for a vertical range:
every section restores it with `fill`, never with a loop of its own."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

T = TypeVar("T")


def fill(values: Sequence[T | None], scopes: Sequence[Hashable] | None = None, *,
         below: bool = False) -> list[T | None]:
    """Each empty slot takes the nearest value above it within the same scope (a run of equal
    scope keys); with below=True, where nothing above has one, the nearest value below."""
    n = len(values)
    scope = scopes if scopes is not None else [None] * n
    out = list(values)
    last: T | None = None
    for i in range(n):
        if i and scope[i] != scope[i - 1]:
            last = None
        if out[i] is None:
            out[i] = last
        else:
            last = out[i]
    if below:
        nxt: T | None = None
        for i in range(n - 1, -1, -1):
            if i < n - 1 and scope[i] != scope[i + 1]:
                nxt = None
            if values[i] is not None:
                nxt = values[i]
            elif out[i] is None:
                out[i] = nxt
    return out
