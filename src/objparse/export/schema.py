"""The JSON Schema of the v1 output, for downstream tools to validate against
(python -m objparse.export.schema > schema.json)."""

from __future__ import annotations

import json
from typing import Any

_NUM = {"type": "number"}
_STR = {"type": "string"}
_INT = {"type": "integer"}


def _null(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _obj(props: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"type": "object", "properties": props,
            "required": [k for k in props if k not in optional], "additionalProperties": True}


CITATION = _obj({"document": _null(_STR), "annex": _null(_STR), "page_from": _null(_INT), "page_to": _null(_INT),
                 "and_following": {"type": "boolean"}, "paragraph": _null(_STR)})
TARGET = _obj({"raw": _STR, "kind": {"enum": ["number", "money", "percent", "text", "reference"]},
               "value": _null(_NUM), "unit": _null({"enum": ["EUR", "%"]}),
               "citations": {"type": "array", "items": CITATION}}, optional=("citations",))
KPI = _obj({"name": _STR, "line": _INT, "implicit": {"type": "boolean"}, "reference": _null(_STR),
            "citations": {"type": "array", "items": CITATION}, "target": _null(TARGET),
            "project_ids": {"type": "array", "items": _STR}})
SUBAREA = _obj({"name": _STR, "weight_pct": _null(_NUM), "line": _INT, "kpis": {"type": "array", "items": KPI}})
AREA = _obj({"name": _STR, "code": _null({"enum": ["sociale", "istituzionale", "economico", "ecosistema",
                                                   "organizzativo"]}),
             "weight_pct": _null(_NUM), "marker": _null(_STR), "line": _INT,
             "subareas": {"type": "array", "items": SUBAREA}})
IEEP_ITEM = _obj({"id": _INT, "label": _STR, "amount": _null(_NUM), "raw": _null(_STR), "sign": {"enum": [1, -1]},
                  "level": _INT, "parent": _null(_INT), "emphasis": {"type": "boolean"}, "line": _INT})
IEEP = _obj({"heading": _null(_STR), "title": _STR, "column": _null(_STR), "line": _INT,
             "items": {"type": "array", "items": IEEP_ITEM}})
SPENDING = _obj({"heading": _null(_STR), "title": _STR, "line": _INT, "rules": {"type": "array", "items": _obj(
    {"measure": _null(_STR), "phase": _null(_STR), "rule": _STR, "line": _INT})}})
PROJECTS = _obj({"heading": _null(_STR), "columns": {"type": "array", "items": _STR}, "line": _INT,
                 "items": {"type": "array", "items": _obj({"area": _null(_STR), "area_code": _null(_STR),
                                                           "subarea": _null(_STR), "id": _STR,
                                                           "title": _null(_STR), "line": _INT})}})
NOTE = _obj({"label": _null(_STR), "marker": _null(_STR), "text": _STR,
             "act": _null(_obj({"type": _STR, "number": _STR, "date": {"type": "string", "format": "date"}})),
             "line": _INT})
CHECK = _obj({"name": {"enum": ["area_weights", "subarea_weights", "ieep_sums", "ieep_kpis"]}, "subject": _null(_STR),
              "status": {"enum": ["pass", "fail", "skip"]}, "message": _STR})
DIAGNOSTIC = _obj({"severity": {"enum": ["error", "warning", "info"]}, "code": _STR, "message": _STR,
                   "line": _null(_INT), "column": _null(_INT)})
DOCUMENT = _obj({
    "source": _STR, "title": _null(_STR), "year": _null(_INT),
    "office": _obj({"label": _null(_STR), "kind": _null({"enum": ["central", "regional", "metropolitan"]}),
                    "name": _null(_STR), "role": _null(_STR)}),
    "columns": {"type": "array", "items": _STR},
    "areas": {"type": "array", "items": AREA},
    "ieep": _null(IEEP), "spending": _null(SPENDING), "projects": _null(PROJECTS),
    "notes": {"type": "array", "items": NOTE},
    "checks": {"type": "array", "items": CHECK},
    "diagnostics": {"type": "array", "items": DIAGNOSTIC},
    "unparsed": {"type": "array", "items": _obj({"line": _INT, "column": _INT, "text": _STR})},
})
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "objparse output, version 1",
    **_obj({"schema_version": {"const": 1}, "documents": {"type": "array", "items": DOCUMENT}}),
}

if __name__ == "__main__":
    print(json.dumps(SCHEMA, indent=2))
