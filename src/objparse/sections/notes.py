"""Notes under the main table: abbreviations ('SMVP: Determinazione ...'), labelled notes
('Sussidiarietà: ...'), footnotes ('* Per gli ...') and plain sentences."""

from __future__ import annotations

import re

from ..draft import Row
from ..findings import Findings
from ..model import Note
from ..rules import wrapped_cells
from ..values.acts import parse_act

_MARKER = re.compile(r"^(?P<marker>\*+|°+|\(\d+\)|\d+\))\s*(?P<text>\S.*)$")
_LABEL = re.compile(r"^(?P<label>[^:]{1,40}?)\s*:\s*(?P<text>\S.*)$")
_MAX_LABEL_WORDS = 4


def _labelled(text: str) -> re.Match[str] | None:
    m = _LABEL.match(text)
    return m if m and len(m.group("label").split()) <= _MAX_LABEL_WORDS else None


def parse_note(text: str, line: int) -> Note:
    marker = label = None
    m = _MARKER.match(text)
    if m:
        marker, text = m.group("marker"), m.group("text")
    elif m := _labelled(text):
        label, text = m.group("label"), m.group("text")
    return Note(label=label, marker=marker, text=text, act=parse_act(text), line=line)


def _follows(above: tuple[str, int], line: tuple[str, int]) -> bool:
    """A line that carries on the note above it, wrapped: not a note of its own (no marker, no
    label unless it starts in lower case), and the rest of a phrase."""
    text = line[0]
    if _MARKER.match(text) or (_labelled(text) and not text[:1].islower()):
        return False
    return wrapped_cells.continues(above[0], text)


def parse(rows: list[Row], found: Findings) -> list[Note]:
    # a note that the export split over cells is one note: its cells joined by a space
    lines = [(" ".join(row.texts()), row.line) for row in rows]
    lines = wrapped_cells.join(lines, _follows, lambda a, b: (f"{a[0]} {b[0]}", a[1]), found, "the note",
                               lambda line: line[1])
    return [parse_note(text, line) for text, line in lines]


# the documents every sheet cites, whether or not its notes define them
CITED_EVERYWHERE = ("Obiettivi", "PIAO", "SMVP")


def documents(notes: list[Note]) -> tuple[str, ...]:
    """The documents references cite: the abbreviations the notes define, and the usual ones."""
    labels = {n.label for n in notes if n.label and n.act} | set(CITED_EVERYWHERE)
    return tuple(sorted(labels, key=lambda label: (-len(label), label)))
