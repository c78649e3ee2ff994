"""Several sheets in one source: a text or a PDF holding every office's sheet one after another
(a region's annex exported whole) is split where a new sheet starts — a title or an office line,
after a table, that is not the current sheet's own printed again at the top of a page."""

from __future__ import annotations

from itertools import pairwise

from .draft import Row
from .lexer.kinds import opening
from .records import Rows
from .values.vocabulary import OFFICE, OPENS
from .values.vocabulary import OPENING_INITIALS as INITIALS


def _text(row: Row) -> str:
    return " ".join(row.texts()).casefold()


def _starts(rows: list[Row]) -> list[int]:
    """Where each sheet after the first begins: at a title or office line, past the current sheet's
    main-table header, that is not the sheet's own (printed again atop a page), with a main-table
    header of its own before the next such line."""
    # the rows that may open a sheet or its main table, found at the cost of a regex or two a row
    # (opening() itself is asked only of those)
    maybe, office = OPENS.match, OFFICE.match
    candidates = [i for i, row in enumerate(rows)
                  if (t := row.filled[0].text)[:1] in INITIALS and (maybe(t) or office(t))]
    n = len(rows)
    kinds = {i: kind for i in candidates
             if (kind := opening(rows[i], rows[i + 1] if i + 1 < n else None)) is not None}
    if sum(kind == "HEADER" for kind in kinds.values()) < 2:
        return []  # another sheet has a header of its own: one sheet, at the cost of a glance
    lines = list(kinds.items())  # the opening lines, in order
    opens = {i for i, kind in lines if kind != "HEADER"}  # title and office lines

    def headed(k: int) -> bool:
        """Is the block of title and office lines at lines[k] followed by a header of its own?"""
        i = lines[k][0]
        while k < len(lines) and lines[k][0] == i and i in opens:
            k, i = k + 1, i + 1
        return k < len(lines) and lines[k][1] == "HEADER"

    starts = []
    title = office_line = None  # the current sheet's, as printed
    tabled = False  # the current sheet's main-table header is behind
    for k, (i, kind) in enumerate(lines):
        if kind == "HEADER":
            tabled = True
            continue
        if tabled and (title or office_line) and i - 1 not in opens:
            block = [(kinds[j], _text(rows[j])) for j in range(i, min(i + 3, n)) if j in opens]
            printed = dict(reversed(block))  # the first of each kind
            # another sheet's, if it names another title or office than the sheet's own (one it
            # lacks is no contradiction: a line printed late)
            other = any(printed.get(kind) not in (None, known) and known is not None
                        for kind, known in (("TITLE", title), ("OFFICE", office_line)))
            if other and headed(k):
                starts.append(i)
                title = office_line = None
                tabled = False
        if kind == "TITLE" and title is None:
            title = _text(rows[i])
        elif kind == "OFFICE" and office_line is None:
            office_line = _text(rows[i])
    return starts


def split(read: Rows) -> list[Rows]:
    """One Rows a sheet, in order; notes with a line go with their sheet, the others (how the file
    was read) with every sheet."""
    starts = _starts(read.rows)
    if not starts:
        return [read]
    bounds = [0, *starts, len(read.rows)]
    parts = []
    for a, b in pairwise(bounds):
        rows = read.rows[a:b]
        first, last = rows[0].line, rows[-1].end
        if a == 0:
            first = 0
        if b == len(read.rows):
            last = 1 << 62
        notes = tuple(n for n in read.notes if n[2] is None or first <= n[2] <= last)
        parts.append(read._replace(rows=rows, notes=notes))
    return parts
