"""The side tables after the main table, named once: adding a fourth is adding one entry here, a
grammar rule, a section (objparse.sections.SIDE_SECTIONS), a layout (rendering.layout.SIDE_ROWS)
and a tidy table; a test checks that each layer has its part."""

from __future__ import annotations

from typing import NamedTuple


class SideTable(NamedTuple):
    name: str  # the Document field, the grammar rule, the key of each layer's registry
    token: str  # the token type of its header row (objparse.lexer)
    table: str  # the tidy table of its items (objparse.export.tables)


SIDE_TABLES = (
    SideTable("ieep", "IEEP_HEADER", "ieep_items"),
    SideTable("spending", "SPENDING_HEADER", "spending_rules"),
    SideTable("projects", "PROJECTS_HEADER", "projects"),
)
