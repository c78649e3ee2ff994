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


def dumps(value: Any, indent: int | None = 2) -> str:
    text = json.dumps(_plain(value, _mark), ensure_ascii=False, indent=indent)
    return _MARKED.sub(r"\1", text) + "\n"


def dumps_documents(documents: Iterable[Document], indent: int | None = 2) -> str:
    return dumps({"schema_version": SCHEMA_VERSION, "documents": list(documents)}, indent)
