"""objparse: INPS organisational-performance objective sheets -> clean, typed, validated data.

    >>> import objparse
    >>> doc = objparse.parse_file("corpus/002_fe33d6c923f417dc.txt")
    >>> doc.office.name
    'Lombardia'
    >>> frames = objparse.to_frames(doc)         # pandas DataFrames, one per tidy table
    >>> text = objparse.to_json(doc)              # the JSON output, decimals exact
    >>> objparse.loads(text) == [doc]
    True

The names below are loaded when first used, so that `import objparse` (and the command line's
start-up) stays light: the parser, pandas and the writers come only when asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from .errors import SheetError
    from .export.frames import to_frames
    from .export.json import load, loads, to_dict, to_json
    from .export.report import to_html
    from .model import Document
    from .parse import parse_bytes, parse_file, parse_sheets, parse_text, read_frames
    from .rendering import render

_WHERE = {
    "parse_file": "parse", "parse_text": "parse", "parse_bytes": "parse", "parse_sheets": "parse", "Document": "model",
    "SheetError": "errors", "render": "rendering", "to_frames": "export.frames", "read_frames": "parse",
    "to_dict": "export.json", "to_json": "export.json", "load": "export.json", "loads": "export.json",
    "to_html": "export.report",
}

__all__ = ["Document", "SheetError", "__version__", "load", "loads", "parse_bytes", "parse_file", "parse_sheets",
           "parse_text",
           "read_frames", "render", "to_dict", "to_frames", "to_html", "to_json"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        from importlib import import_module

        value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value  # once loaded, a plain attribute
        return value
    raise AttributeError(f"module 'objparse' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
