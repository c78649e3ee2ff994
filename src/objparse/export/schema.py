"""The JSON Schema (2020-12) of the output, made from the model's classes, so that it cannot
drift from what objparse writes: each class an object with exactly its fields (no others), each
field typed by its annotation, vocabularies from the model's constants.

    objparse schema > schema.json
"""

from __future__ import annotations

import json
import typing
from decimal import Decimal
from types import NoneType, UnionType
from typing import Any

import attrs

from .. import model
from ..model import Document
from .json import SCHEMA_VERSION, texts_by_name

_PLAIN = {str: {"type": "string"}, int: {"type": "integer"}, bool: {"type": "boolean"},
          Decimal: {"type": "number"}}


def _type(tp: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    if isinstance(tp, UnionType):
        options = [_type(a, definitions) for a in tp.__args__ if a is not NoneType]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        return {"anyOf": [schema, {"type": "null"}]} if NoneType in tp.__args__ else schema
    if tp in _PLAIN:
        return dict(_PLAIN[tp])
    if typing.get_origin(tp) is tuple:
        return {"type": "array", "items": _type(typing.get_args(tp)[0], definitions)}
    if attrs.has(tp):
        _object(tp, definitions)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if texts_by_name(tp):
        return {"type": "object", "additionalProperties": {"type": "string"}}
    raise TypeError(f"no schema for {tp!r}")


def _object(cls: type, definitions: dict[str, Any]) -> None:
    if cls.__name__ in definitions:
        return
    definitions[cls.__name__] = {}  # placeholder: classes may refer to each other
    hints = typing.get_type_hints(cls, vars(model))
    properties, required = {}, []
    for field in model.output_fields(cls):
        schema = _type(hints[field.name], definitions)
        values = field.metadata.get("vocabulary")
        if values is not None:
            enum = {"enum": list(values)}
            schema = {"anyOf": [enum, {"type": "null"}]} if "anyOf" in schema else enum
        if "format" in field.metadata:
            schema["format"] = field.metadata["format"]
        properties[field.name] = schema
        if not field.metadata.get("omit_if_none"):
            required.append(field.name)
    definitions[cls.__name__] = {"type": "object", "properties": properties, "required": required,
                                 "additionalProperties": False}


def schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    document = _type(Document, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "objparse output, version 1",
        "type": "object",
        "properties": {"schema_version": {"const": SCHEMA_VERSION}, "documents": {"type": "array", "items": document}},
        "required": ["schema_version", "documents"],
        "additionalProperties": False,
        "$defs": dict(sorted(definitions.items())),
    }


SCHEMA = schema()


def text() -> str:
    return json.dumps(SCHEMA, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(text())
