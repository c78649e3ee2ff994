"""Two documents compared as data: what a round trip must keep (line numbers, the source's name
and diagnostics aside, as a rendered sheet has its own)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .export.json import plain
from .model import Document

IGNORED = frozenset({"line", "page", "source", "source_sha256", "sheet", "diagnostics"})


def _differences(a: Any, b: Any, path: str) -> Iterator[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in IGNORED:
                yield from _differences(a.get(key), b.get(key), f"{path}.{key}" if path else key)
    elif isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):  # noqa: B905 - the lengths are compared below
            yield from _differences(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            yield f"{path}: {len(a)} items, then {len(b)}"
    elif a != b:
        yield f"{path}: {a!r}, then {b!r}"


def first_difference(a: Document, b: Document) -> str | None:
    """Where `b` first differs from `a`, as 'areas[0].subareas[1].name: 'x', then 'y'', or None."""
    return next(_differences(plain(a), plain(b), ""), None)
