"""The grammar at work: grammar/sheet.lark (package data), as the LALR parser generated from it
(objparse.generated.sheet_parser: tables loaded, not built, in each process), whose transformer
runs during the parse, so the parse gives the sheet's parts directly:
preamble, main table (areas -> sub-areas -> rows), notes, side tables. A row the grammar
refuses is set aside with its place, and parsing goes on."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast

from .draft import AreaRows, MainTableRows, Preamble, Row, SheetRows, SideTableRows, SubareaRows
from .generated.sheet_parser import Lark, Lark_StandAlone, Transformer, UnexpectedToken
from .lexer import ContextualLexer, Lexed, Stream, Token
from .side_tables import SIDE_TABLES

# what each token is, for the message about a row out of place
DESCRIPTIONS = {
    "TITLE": "a title line", "OFFICE": "an office line", "TEXT": "a line of text", "HEADER": "a main-table header",
    "AREA_ROW": "an area row", "SUBAREA_ROW": "a sub-area row", "KPI_ROW": "a KPI row",
    "VALUES_ROW": "a row of references and targets", "STRAY": "a line of text", "HEADING": "a heading",
    "IEEP_HEADER": "an I.E.E.P. header", "AMOUNT_ROW": "a row of a label and an amount",
    "SPENDING_HEADER": "a spending-table header", "PROJECTS_HEADER": "a projects-annex header",
    "PROJECT_ROW": "a project row", "ITEM_ROW": "a row of cells",
}


def _rows(children: list[Any]) -> list[Row]:
    return [c.row for c in children if isinstance(c, Token)]


class _Run:
    """The rows of a repetition (`x*`), which Lark splices into the rule around it."""

    __slots__ = ("children",)

    def __init__(self, children: list[Any]):
        self.children = children


class Parts(Transformer[Token, Any]):
    """Called by the parser as it reduces each rule: rows grouped as the grammar nests them."""

    def __default__(self, data: Any, children: list[Any], meta: Any) -> _Run:
        return _Run(children)  # lighter than the Tree Lark would build, and read the same way

    def preamble(self, children: list[Token]) -> Preamble:
        return Preamble([(token.type, token.row) for token in children])

    def subarea(self, children: list[Token]) -> SubareaRows:
        return SubareaRows(children[0].row, _rows(children[1:]))

    def area(self, children: list[Any]) -> AreaRows:
        return AreaRows(children[0].row, _rows(children[1:]), [c for c in children if isinstance(c, SubareaRows)])

    def main_table(self, children: list[Any]) -> MainTableRows:
        header = children[0].row if isinstance(children[0], Token) and children[0].type == "HEADER" else None
        return MainTableRows(header, [c for c in children if isinstance(c, AreaRows)], _rows(children[1:]))

    def note(self, children: list[Token]) -> Row:
        return children[0].row

    def start(self, children: list[Any]) -> SheetRows:
        main = next((child for child in children[1:] if isinstance(child, MainTableRows)), None)
        tables = [child for child in children[1:] if isinstance(child, SideTableRows)]
        notes = [child for child in children[1:] if not isinstance(child, (MainTableRows, SideTableRows))]
        return SheetRows(children[0], main, notes, tables, [])


def _side_table(name: str) -> Callable[[Parts, list[Token]], SideTableRows]:
    def rows(self: Parts, children: list[Token]) -> SideTableRows:
        heading = children[0].row if children[0].type == "HEADING" else None
        at = 1 if heading is not None else 0
        return SideTableRows(name, heading, children[at].row, _rows(children[at + 1:]))
    return rows


for _table in SIDE_TABLES:  # each side table's grammar rule is named after it
    setattr(Parts, _table.name, _side_table(_table.name))


def grammar_text() -> str:
    from importlib import resources  # (only to generate the parser: the CLI does not read the grammar)

    return resources.files("objparse.grammar").joinpath("sheet.lark").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def parser() -> Lark:
    built: Lark = Lark_StandAlone(transformer=Parts())  # type: ignore[no-untyped-call]
    built.parser.lexer = ContextualLexer()  # the rows come classified: each given the reading its state takes
    return built


def parse(lexed: Lexed, with_parser: Any = None) -> SheetRows:
    """The sheet's parts; rows the grammar refuses are in `unexpected`, with why. (`with_parser`:
    another parser of the grammar, for tests.)"""
    unexpected: list[tuple[Row, str]] = []

    def set_aside(error: UnexpectedToken) -> bool:
        if error.token.type == "$END":
            return False
        what = DESCRIPTIONS[error.token.type]
        unexpected.append((error.token.row, f"{what} where the sheet's layout has no place for one"))
        return True

    sheet = cast(SheetRows, (with_parser or parser()).parse(Stream(lexed), on_error=set_aside))  # type: ignore[arg-type]  # rows, not text
    return sheet._replace(unexpected=unexpected)
