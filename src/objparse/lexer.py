"""Line classification: the token stream fed to the Lark grammar.

Lexing whole lines (not cells) is what keeps objparse fast: a line is split on tabs once, its
cells cleaned once, and one cheap test on its first cell names its token type. Blank lines are
dropped; a run of consecutive table rows travels as one ROWS token.
"""

from __future__ import annotations

import html
import re
from typing import Iterator

from lark import Token

from .values.names import is_office

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ITALIC = re.compile(r"<(?:i|em)\b", re.IGNORECASE)
_SPACE = re.compile(r"[\s\u00a0\u202f]+")

_TITLE = re.compile(r"obiettivi\b.*\bperformance\b", re.IGNORECASE)
_HEADER = re.compile(r"ambito\s+di\s+performance", re.IGNORECASE)
_IEEP_HEADER = re.compile(r"indicatore\s+di\s+efficacia\s+economico", re.IGNORECASE)
_IEEP_NAME = re.compile(r"\bI\.?E\.?E\.?P\b")
_SPENDING_HEADER = re.compile(r"indicatore\s+(?:di\s+)?gestione\s+(?:della\s+)?spesa", re.IGNORECASE)
_PROJECTS_HEADER = re.compile(r"ambito\s+valoriale", re.IGNORECASE)
_HEADING = re.compile(r"allegato\s+\d+\b", re.IGNORECASE)

SIDE_HEADERS = ("IEEP_HEADER", "SPENDING_HEADER", "PROJECTS_HEADER")


class Row:
    """One source line: its 1-based number, its cleaned cells (tags removed, spaces trimmed)
    and which cells were italic. `first` is the index of the first non-empty cell."""

    __slots__ = ("line", "cells", "italic", "first")

    def __init__(self, line: int, cells: tuple[str, ...], italic: frozenset[int], first: int):
        self.line = line
        self.cells = cells
        self.italic = italic
        self.first = first

    def filled(self) -> list[tuple[int, str]]:
        """(column index, text) of every non-empty cell."""
        return [(i, c) for i, c in enumerate(self.cells) if c]

    def texts(self) -> tuple[str, ...]:
        """The text of every non-empty cell."""
        return tuple(c for c in self.cells if c)

    def __repr__(self) -> str:
        return f"Row({self.line}, {self.cells!r})"

    def __str__(self) -> str:  # what Lark shows in its messages; computed for every token, so cheap
        return self.cells[self.first]


def _dirty(line: str) -> bool:
    """Does the line need more than str.strip per cell: tags, entities, runs of or odd spaces
    inside a cell? (Plain `in` tests: several times faster than one regex search.)"""
    return ("<" in line or "&" in line or "  " in line or "\u00a0" in line or "\u202f" in line
            or "\r" in line or "\x0b" in line or "\x0c" in line)


_NO_ITALIC: frozenset[int] = frozenset()


def clean(cell: str) -> str:
    if "<" in cell:
        cell = _TAG.sub("", cell)
    if "&" in cell:
        cell = html.unescape(cell)
    return _SPACE.sub(" ", cell).strip() if cell else cell


def split_rows(text: str) -> Iterator[Row]:
    """Every non-blank line as a Row; blank lines (page breaks, spacing) are dropped here."""
    strip = str.strip
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.isspace():
            continue
        raw = line.split("\t")
        if _dirty(line):
            italic = frozenset(i for i, c in enumerate(raw) if "<" in c and _ITALIC.search(c))
            cells = tuple(map(clean, raw))
        else:
            italic = _NO_ITALIC
            cells = tuple(map(strip, raw))
        if cells[0]:
            yield Row(number, cells, italic, 0)
            continue
        for first, cell in enumerate(cells):
            if cell:
                yield Row(number, cells, italic, first)
                break


_REPEATABLE = ("TITLE", "OFFICE", "HEADER", "IEEP_HEADER", "PROJECTS_HEADER")


class RowRun(list):
    """The value of a ROWS token: consecutive table rows, handed to Lark as one token."""

    def __str__(self) -> str:  # computed for every token by Lark: keep it cheap
        return f"{len(self)} rows"


def _kind(row: Row, in_preamble: bool) -> str:
    if row.first != 0:
        return "ROWS"
    cells = row.cells
    head = cells[0]
    single = not any(cells[1:])
    if in_preamble:
        if _HEADER.match(head):
            return "HEADER"
        if _TITLE.match(head):
            return "TITLE"
        if single or is_office(head):
            return "OFFICE"
    if _IEEP_HEADER.match(head) or (not single and _IEEP_NAME.search(head)):
        return "IEEP_HEADER"
    if _PROJECTS_HEADER.match(head):
        return "PROJECTS_HEADER"
    if _SPENDING_HEADER.match(head) and not single:
        return "SPENDING_HEADER"
    return "TEXT" if single else "ROWS"


def tokenize(text: str) -> list[Token]:
    """The token stream of a sheet: one Lark Token per line, except that consecutive table rows
    travel as one ROWS token (a RowRun) — the grammar is about the order of parts, not rows."""
    tokens: list[Token] = []
    in_preamble = True
    offices = 0
    run: RowRun | None = None
    headers: set[tuple[str, ...]] = set()  # title, office and table headers seen so far
    for row in split_rows(text):
        if row.first == 0 and headers and row.texts() in headers:
            continue  # a page header repeated by the export after a page break: already read
        kind = _kind(row, in_preamble)
        if kind in _REPEATABLE:
            headers.add(row.texts())
        if kind == "ROWS":
            in_preamble = False
            if run is None:
                run = RowRun()
                tokens.append(Token("ROWS", run, line=row.line, column=row.first + 1))
            run.append(row)
            continue
        run = None
        if kind == "OFFICE":
            offices += 1
            if offices > 1:  # the office is one line; more single lines before the table are strays
                kind = "STRAY"
        elif kind != "TITLE":
            in_preamble = False
        tokens.append(Token(kind, row, line=row.line, column=row.first + 1))
    _mark_headings(tokens)
    return tokens


def _mark_headings(tokens: list[Token]) -> None:
    # 'Allegato 2' is a heading only when a side table follows it; otherwise it is a note
    for i in range(len(tokens) - 1):
        tok = tokens[i]
        if tok.type == "TEXT" and tokens[i + 1].type in SIDE_HEADERS and _HEADING.match(tok.value.cells[0]):
            tokens[i] = Token("HEADING", tok.value, line=tok.line, column=tok.column)
