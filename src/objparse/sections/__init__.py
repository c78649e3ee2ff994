"""One module a part of the sheet: each turns the rows the grammar gave it into model records, and
hands back what it found."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..draft import SideTableRows
from ..findings import Found
from . import ieep, projects, spending

# each side table's section, by the side table's name (objparse.side_tables)
SIDE_SECTIONS: dict[str, Callable[[SideTableRows], tuple[Any, Found]]] = {
    "ieep": ieep.parse,
    "spending": spending.parse,
    "projects": projects.parse,
}
