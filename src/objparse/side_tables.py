"""The side tables after the main table, in one registry: adding a fourth is adding one entry
(and the modules it names). Each entry names, by dotted path, the functions of the layers that
handle it, so that the layers keep their dependency rules: they are imported when first used."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module
from typing import Any

import attrs


@attrs.frozen
class SideTable:
    name: str  # the Document field and the grammar rule
    token: str  # the token type of its header row (objparse.lexer)
    table: str  # the tidy table of its items (objparse.export.tables)
    section: str  # 'module:function' turning its rows into the model record
    renderer: str  # 'module:function' giving its rows back, as the sheet lays them out

    def parse(self, *args: Any) -> Any:
        return _load(self.section)(*args)

    def render(self, *args: Any) -> Any:
        return _load(self.renderer)(*args)


@cache
def _load(path: str) -> Callable[..., Any]:
    module, _, name = path.partition(":")
    return getattr(import_module(module), name)  # type: ignore[no-any-return]


SIDE_TABLES = (
    SideTable("ieep", "IEEP_HEADER", "ieep_items", "objparse.sections.ieep:parse",
              "objparse.rendering.layout:ieep_rows"),
    SideTable("spending", "SPENDING_HEADER", "spending_rules", "objparse.sections.spending:parse",
              "objparse.rendering.layout:spending_rows"),
    SideTable("projects", "PROJECTS_HEADER", "projects", "objparse.sections.projects:parse",
              "objparse.rendering.layout:projects_rows"),
)
BY_NAME = {t.name: t for t in SIDE_TABLES}
