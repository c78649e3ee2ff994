"""JSON: {"schema_version": 1, "documents": [...]}. Decimals are written as exact JSON numbers
(1.013, 4249834748, 50.00), never through binary floats; the output is byte-for-byte deterministic."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Iterable

import attrs

from ..model import Document

SCHEMA_VERSION = 1
_string = json.JSONEncoder(ensure_ascii=False).encode


def to_dict(obj: Any) -> Any:
    """The plain-data form of a model object (Decimals kept as Decimal)."""
    if attrs.has(type(obj)):
        out = {}
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            if value is None and field.metadata.get("omit_if_none"):
                continue
            out[field.name] = to_dict(value)
        return out
    if isinstance(obj, (tuple, list)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {key: to_dict(v) for key, v in obj.items()}
    return obj


def _write(obj: Any, out: list[str], indent: str) -> None:
    if obj is None:
        out.append("null")
    elif obj is True:
        out.append("true")
    elif obj is False:
        out.append("false")
    elif isinstance(obj, str):
        out.append(_string(obj))
    elif isinstance(obj, Decimal):
        out.append(format(obj, "f"))
    elif isinstance(obj, int):
        out.append(str(obj))
    elif isinstance(obj, dict):
        if not obj:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{")
        for i, (key, value) in enumerate(obj.items()):
            out.append(("," if i else "") + "\n" + inner + _string(key) + ": ")
            _write(value, out, inner)
        out.append("\n" + indent + "}")
    elif isinstance(obj, list):
        if not obj:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[")
        for i, value in enumerate(obj):
            out.append(("," if i else "") + "\n" + inner)
            _write(value, out, inner)
        out.append("\n" + indent + "]")
    else:
        raise TypeError(f"cannot write {type(obj).__name__} as JSON")


def dumps(value: Any) -> str:
    out: list[str] = []
    _write(to_dict(value), out, "")
    return "".join(out) + "\n"


def dumps_documents(documents: Iterable[Document]) -> str:
    return dumps({"schema_version": SCHEMA_VERSION, "documents": list(documents)})
