"""The lines before the main table: the title, the office, and strays."""

from __future__ import annotations

from collections.abc import Callable

from ..draft import Preamble, Row, joined_sources
from ..findings import Found
from ..model import From
from ..rules import wrapped_cells
from ..values.cells import VALUE_KINDS
from ..values.names import title_year
from ..values.vocabulary import TITLE_TEXT

_Line = tuple[str, Row, str, tuple[Row, ...]]  # token type, first row, its text, every row joined into it


def _text(row: Row) -> str:
    return " ".join(row.texts())  # a title or office split over cells is still one line of text


def _carries_on(kind: str, above: str, text: str) -> bool:
    """Is `text` the rest of the title (or the office) `above`: carrying on its phrase, or, under
    a title that has not named its year yet, holding the year or written in capitals like it?"""
    return wrapped_cells.continues(above, text) or (
        kind == "TITLE" and title_year(above) is None
        and (title_year(text) is not None or (above.isupper() and text.isupper())))


def _starts_title(above: _Line, line: _Line) -> bool:
    """Two lone cells that are the title together, wrapped before its word 'performance'
    ('Obiettivi di' over 'performance organizzativa …')?"""
    return (above[0] == "TEXT" and len(above[1].filled) == len(line[1].filled) == 1
            and not any(c.kind in VALUE_KINDS for c in line[1].filled) and TITLE_TEXT.match(f"{above[2]} {line[2]}")
            is not None)


def _follows(kind: str) -> Callable[[_Line, _Line], bool]:
    def follows(above: _Line, line: _Line) -> bool:
        """A line of text right under the title (or the office), in its column, carrying on it:
        wrapped."""
        return (line[0] == "TEXT" and not line[1].gap and line[1].first == above[1].first
                and ((above[0] == kind and _carries_on(kind, above[2], line[2]))
                     or (kind == "TITLE" and _starts_title(above, line))))
    return follows


def _merge(above: _Line, line: _Line) -> _Line:
    kind = "TITLE" if above[0] == "TEXT" else above[0]  # two lines of text that are the title together
    return kind, above[1], f"{above[2]} {line[2]}", above[3] + line[3]


def _sources(field: str, line: _Line | None) -> tuple[From, ...]:
    """The cells of the title (or the office): the first read, every other joined to it."""
    return joined_sources(field, (c for row in line[3] for c in row.filled)) if line else ()


def parse(preamble: Preamble) -> tuple[str | None, str | None, Found, tuple[From, ...]]:
    """(title, office, findings, the cells of the two): the first title line; the first office
    line, else the first other line."""
    found = Found()
    lines: list[_Line] = [(kind, row, _text(row), (row,)) for kind, row in preamble.lines]
    for kind, what in (("TITLE", "the title"), ("OFFICE", "the office")):
        lines, joins = wrapped_cells.join(lines, _follows(kind), _merge, what, lambda line: line[1].line)
        found += joins
    title = next((line for line in lines if line[0] == "TITLE"), None)
    office = next((line for line in lines if line[0] == "OFFICE"), None)
    if office is None:
        office = next((line for line in lines if line[0] == "TEXT"), None)
        if office is not None:
            found.add("office-line", "no line names an office the usual way (DC, REG., DCM): the line after the "
                                     "title is read as the office", office[1].line)
    found.set_aside([row for line in lines if line is not title and line is not office for row in line[3]],
                    "unexpected-line", "line outside the sheet's layout")
    return ((title[2] if title else None), (office[2] if office else None), found,
            _sources("title", title) + _sources("office", office))
