"""Notes under the main table: abbreviations ('SMVP: Determinazione ...'), labelled notes
('Sussidiarietà: ...'), footnotes ('* Per gli ...') and plain sentences."""

from __future__ import annotations

import re

from ..draft import Row
from ..model import Note
from ..values.acts import parse_act

_MARKER = re.compile(r"^(?P<marker>\*+|°+|\(\d+\)|\d+\))\s*(?P<text>\S.*)$")
_LABEL = re.compile(r"^(?P<label>[^:]{1,40}?)\s*:\s*(?P<text>\S.*)$")
_MAX_LABEL_WORDS = 4


def parse_note(text: str, line: int) -> Note:
    marker = label = None
    m = _MARKER.match(text)
    if m:
        marker, text = m.group("marker"), m.group("text")
    else:
        m = _LABEL.match(text)
        if m and len(m.group("label").split()) <= _MAX_LABEL_WORDS:
            label, text = m.group("label"), m.group("text")
    return Note(label=label, marker=marker, text=text, act=parse_act(text), line=line)


def parse(rows: list[Row]) -> list[Note]:
    # a note that the export split over cells is one note: its cells joined by a space
    return [parse_note(" ".join(row.texts()), row.line) for row in rows]


# the documents every sheet cites, whether or not its notes define them
CITED_EVERYWHERE = ("Obiettivi", "PIAO", "SMVP")


def documents(notes: list[Note]) -> tuple[str, ...]:
    """The documents references cite: the abbreviations the notes define, and the usual ones."""
    labels = {n.label for n in notes if n.label and n.act} | set(CITED_EVERYWHERE)
    return tuple(sorted(labels, key=lambda label: (-len(label), label)))
