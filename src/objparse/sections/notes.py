"""Notes under the main table: abbreviations ('SMVP: Determinazione ...'), labelled notes
('Sussidiarietà: ...'), footnotes ('* Per gli ...') and plain sentences."""

from __future__ import annotations

import re

from ..draft import Row, joined_sources
from ..findings import Finding
from ..model import From, Note
from ..rules import wrapped_cells
from ..values.acts import parse_act
from ..values.names import leading_marker
from ..values.vocabulary import CITED_EVERYWHERE

_LABEL = re.compile(r"^(?P<label>[^:]{1,40}?)\s*:\s*(?P<text>\S.*)$")
_MAX_LABEL_WORDS = 4
_LIST_ITEM = re.compile(r"[0-9]{1,3}[.)]\s")  # '1. …', '2) …': a numbered note of its own


def _labelled(text: str) -> re.Match[str] | None:
    m = _LABEL.match(text)
    return m if m and len(m.group("label").split()) <= _MAX_LABEL_WORDS else None


def parse_note(text: str, line: int, cells: tuple[From, ...] = ()) -> Note:
    label = None
    marker, text = leading_marker(text)
    if marker is None and (m := _labelled(text)):
        label, text = m.group("label"), m.group("text")
    return Note(label=label, marker=marker, text=text, act=parse_act(text), line=line, cells=cells)


_Line = tuple[str, int, int, int, int]  # text, the line it starts on, the line it ends on, its first and last rows


def _follows(above: _Line, line: _Line) -> bool:
    """A line right under the note above it that carries it on, wrapped: not a note of its own
    (no marker, no label unless it starts in lower case), and the rest of a phrase — or a
    number, as the year of a date that wrapped ('… del 28 febbraio' over '2025')."""
    text, first = line[0], line[1]
    if first != above[2] + 1:  # a blank line, or another part of the sheet, between them
        return False
    if leading_marker(text)[0] is not None or (_labelled(text) and not text[:1].islower()):
        return False
    return wrapped_cells.continues(above[0], text) or (text[:1].isdigit() and not _LIST_ITEM.match(text))


def parse(rows: list[Row]) -> tuple[list[Note], list[Finding]]:
    # a note that the export split over cells is one note: its cells joined by a space
    lines: list[_Line] = [(" ".join(row.texts()), row.line, row.end, i, i) for i, row in enumerate(rows)]
    lines, found = wrapped_cells.join(lines, _follows, lambda a, b: (f"{a[0]} {b[0]}", a[1], b[2], a[3], b[4]),
                                      "the note", lambda line: line[1])
    return [parse_note(text, line, _sources(rows[first:last + 1])) for text, line, _, first, last in lines], found


def _sources(rows: list[Row]) -> tuple[From, ...]:
    """A note's cells: its text, the first read, every other joined to it."""
    return joined_sources("text", (c for row in rows for c in row.filled))




def documents(notes: list[Note]) -> tuple[str, ...]:
    """The documents references cite: the abbreviations the notes define, and the usual ones."""
    labels = {n.label for n in notes if n.label and n.act} | set(CITED_EVERYWHERE)
    return tuple(sorted(labels, key=lambda label: (-len(label), label)))
