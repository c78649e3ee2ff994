"""JSON: {"schema_version": 1, "documents": [...]}. Decimals are written as exact JSON numbers
(1.013, 4249834748, 50.00), never through binary floats; the output is byte-for-byte deterministic."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache
from typing import Any, Iterable

import attrs

from ..model import Document

SCHEMA_VERSION = 1
# A Decimal travels through the (fast, C) json encoder as a marked string and is then unquoted.
# NUL never occurs in a sheet's text (source.decode rejects it), so the mark is unambiguous.
_MARK = "\x00"
_MARKED = re.compile(r'"\\u0000([-0-9.]+)\\u0000"')


@lru_cache(maxsize=None)
def _fields(cls: type) -> tuple[tuple[str, bool], ...]:
    return tuple((f.name, bool(f.metadata.get("omit_if_none"))) for f in attrs.fields(cls))


def _plain(obj: Any, number) -> Any:
    if isinstance(obj, str) or obj is None or isinstance(obj, int):
        return obj
    if isinstance(obj, Decimal):
        return number(obj)
    if isinstance(obj, (tuple, list)):
        return [_plain(v, number) for v in obj]
    if isinstance(obj, dict):
        return {key: _plain(v, number) for key, v in obj.items()}
    out = {}
    for name, omit_if_none in _fields(type(obj)):
        value = getattr(obj, name)
        if value is None and omit_if_none:
            continue
        out[name] = _plain(value, number)
    return out


def _keep(value: Decimal) -> Decimal:
    return value


def _mark(value: Decimal) -> str:
    return _MARK + format(value, "f") + _MARK


def to_dict(obj: Any) -> Any:
    """The plain-data form of a model object (Decimals kept as Decimal)."""
    return _plain(obj, _keep)


_flat = json.JSONEncoder(ensure_ascii=False).encode  # C-accelerated, one line


def _is_record(value: Any) -> bool:
    """A dict or list of plain values (no nested dicts or lists): written on one line."""
    items = value.values() if isinstance(value, dict) else value
    return all(not isinstance(v, (dict, list)) or not v for v in items)


def _pretty(value: Any, out: list[str], indent: str) -> None:
    """Indented JSON down to the records; each record on one line (readable, and fast: the
    records go through the C encoder)."""
    if not isinstance(value, (dict, list)) or not value or _is_record(value):
        out.append(_flat(value))
        return
    inner = indent + "  "
    if isinstance(value, dict):
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            out.append(("," if i else "") + "\n" + inner + _flat(key) + ": ")
            _pretty(item, out, inner)
        out.append("\n" + indent + "}")
    else:
        out.append("[")
        for i, item in enumerate(value):
            out.append(("," if i else "") + "\n" + inner)
            _pretty(item, out, inner)
        out.append("\n" + indent + "]")


def dumps(value: Any, indent: int | None = 2) -> str:
    """JSON text; indent=None for a single line."""
    plain = _plain(value, _mark)
    if indent is None:
        text = _flat(plain)
    else:
        out: list[str] = []
        _pretty(plain, out, "")
        text = "".join(out)
    return _MARKED.sub(r"\1", text) + "\n"


def dumps_documents(documents: Iterable[Document], indent: int | None = 2) -> str:
    return dumps({"schema_version": SCHEMA_VERSION, "documents": list(documents)}, indent)
