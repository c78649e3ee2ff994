"""objparse: INPS organisational-performance objective sheets -> clean, typed, validated data.

    >>> import objparse
    >>> doc = objparse.parse_file("corpus/002_fe33d6c923f417dc.txt")
    >>> doc.office.name
    'Lombardia'
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Document",
    "SheetError",
    "__version__",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "render",
    "to_dict",
    "to_frames",
    "to_json",
]


def __getattr__(name: str) -> Any:
    # lazy, so that `objparse --version` imports nothing heavy
    if name in ("parse_file", "parse_text", "parse_bytes"):
        from . import parse
        return getattr(parse, name)
    if name == "Document":
        from .model import Document
        return Document
    if name == "SheetError":
        from .errors import SheetError
        return SheetError
    if name == "render":
        from .rendering import render
        return render
    if name == "to_frames":
        from .export.tables import to_frames
        return to_frames
    if name in ("to_dict", "to_json"):
        from .export import json as _json
        return _json.to_dict if name == "to_dict" else _json.dumps
    raise AttributeError(f"module 'objparse' has no attribute {name!r}")
