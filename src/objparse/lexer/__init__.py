"""Rows -> tokens for the grammar (grammar/sheet.lark): one token a row.

The classifier (`kinds.classify`) gives each row its kind by what it holds, and places the cells
of main-table rows; a row of several cells shaped like a table's row is read only as shaped, and
gets that reading there. Then the passes, in order, each a module and a function from lexemes to
lexemes and its findings; none edits a row, each returns new ones:

    page_numbers   page numbers a PDF export leaves between rows, off the stream
    headers        a table header's wrapped cells joined; a page header printed again dropped
    wrapped_areas  an area's name wrapped after 'Valore' joined into its row
    wrapped_names  a sub-area's name started on rows above its own joined into it
    readings       every token type each other row may be read as, by its neighbours

Some rows allow more than one reading — a line of text is a note after the table but a stray
inside it — so the parser is given each row's first reading its state accepts (the way Lark's
own contextual lexer works). What no state accepts is a grammar error, which the parser
recovers from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple

from ..draft import Lexeme, Row
from ..findings import Finding
from ..grid import NONE
from . import headers, page_numbers, readings, wrapped_areas, wrapped_names
from .kinds import SIDE_HEADERS, classify, opening

Pass = Callable[[list[Lexeme]], tuple[list[Lexeme], list[Finding]]]
PASSES: tuple[tuple[str, Pass], ...] = (
    ("page_numbers", page_numbers.run),
    ("headers", headers.run),
    ("wrapped_areas", wrapped_areas.run),
    ("wrapped_names", wrapped_names.run),
    ("readings", readings.run),
)

__all__ = ["PASSES", "SIDE_HEADERS", "ContextualLexer", "Lexed", "Token", "lex", "opening"]


class Lexed(NamedTuple):
    """A sheet's rows as the lexer read them, what the passes found, and where cells moved into the
    usual order of the main table's columns came from: (line, column) -> the source's column."""

    lexemes: tuple[Lexeme, ...]
    findings: tuple[Finding, ...]
    moved: Mapping[tuple[int, int], int] = NONE


def lex(rows: list[Row]) -> Lexed:
    lexemes, moved = classify(rows)
    found: list[Finding] = []
    for _, run in PASSES:
        lexemes, more = run(lexemes)
        found += more
    return Lexed(tuple(lexemes), tuple(found), moved)


class _Read(NamedTuple):
    type: str
    row: Row


class Token(_Read):
    """A row as Lark reads a token: its type (the reading chosen) and its place, for messages. (A
    named tuple: one is made a row, and a tuple costs no Python call to make.)"""

    __slots__ = ()
    start_pos = end_pos = end_line = end_column = None  # (Lark asks for them: a row has no such place)

    @property
    def line(self) -> int:
        return self.row.line

    @property
    def column(self) -> int:  # 1-based, as Lark's tokens have it
        return self.row.first + 1

    def __repr__(self) -> str:
        return f"Token({self.type}, {self.row!r})"

    def __str__(self) -> str:  # what Lark shows in its messages
        return self.row.filled[0].text


class Stream:
    """What the parser reads: the lexed rows, and the next to give (after a grammar error the
    parser resumes there)."""

    __slots__ = ("lexemes", "position")

    def __init__(self, lexed: Lexed):
        self.lexemes = lexed.lexemes
        self.position = 0


class ContextualLexer:
    """Lark's lexer interface: the tokens of a Stream, each row given the first of its readings
    that the parser's current state accepts."""

    def lex(self, lexer_state: Any, parser_state: Any) -> Iterator[Token]:
        stream: Stream = lexer_state.text
        states = parser_state.parse_conf.states
        lexemes = stream.lexemes
        new = tuple.__new__
        for i in range(stream.position, len(lexemes)):
            stream.position = i + 1
            _, row, kinds = lexemes[i]
            kind = kinds[0]
            if len(kinds) > 1:
                accepted = states[parser_state.position]
                kind = next((k for k in kinds if k in accepted), kind)
            yield new(Token, (kind, row))
