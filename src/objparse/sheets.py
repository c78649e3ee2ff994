"""Several sheets in one source: a text or a PDF holding every office's sheet one after another
(a region's annex exported whole) is split where a new sheet starts — a title or an office line,
after a table, that is not the current sheet's own printed again at the top of a page."""

from __future__ import annotations

from itertools import pairwise

import attrs

from .draft import Row
from .lexer.kinds import opening
from .records import Rows
from .values.vocabulary import OPENING_INITIALS as INITIALS


def _text(row: Row) -> str:
    return " ".join(row.texts()).casefold()


def _starts(rows: list[Row]) -> list[int]:
    """Where each sheet after the first begins: at a title or office line, past the current sheet's
    main-table header, that is not the sheet's own (printed again atop a page), with a main-table
    header of its own before the next such line."""
    headers = sum(1 for row in rows if row.filled[0].text[:1] in "Aa" and opening(row) == "HEADER")
    if headers < 2:
        return []  # another sheet has a header of its own: one sheet, at the cost of a glance
    kinds = [opening(row, rows[i + 1] if i + 1 < len(rows) else None) if row.filled[0].text[:1] in INITIALS else None
             for i, row in enumerate(rows)]
    opens = [kind in ("TITLE", "OFFICE") for kind in kinds]
    n = len(rows)
    # after each row: where the next main-table header is, and where the next title or office block starts
    next_header, next_block = [n] * (n + 1), [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        next_header[i] = i if kinds[i] == "HEADER" else next_header[i + 1]
        next_block[i] = i if opens[i] and (i == 0 or not opens[i - 1]) else next_block[i + 1]

    def headed(i: int) -> bool:
        """Is the block of title and office lines at i followed by a header of its own?"""
        end = i
        while end < n and opens[end]:
            end += 1
        return next_header[end] < next_block[end]

    starts = []
    title = office = None  # the current sheet's, as printed
    tabled = False  # the current sheet's main-table header is behind
    for i, (row, kind) in enumerate(zip(rows, kinds, strict=True)):
        if kind == "HEADER":
            tabled = True
            continue
        if kind not in ("TITLE", "OFFICE"):
            continue
        if tabled and (title or office) and not opens[i - 1]:
            block = [(kinds[j], _text(rows[j])) for j in range(i, min(i + 3, len(rows)))
                     if kinds[j] in ("TITLE", "OFFICE")]
            printed = dict(reversed(block))  # the first of each kind
            # another sheet's, if it names another title or office than the sheet's own (one it
            # lacks is no contradiction: a line printed late)
            other = any(printed.get(k) not in (None, known) and known is not None
                        for k, known in (("TITLE", title), ("OFFICE", office)))
            if other and headed(i):
                starts.append(i)
                title = office = None
                tabled = False
        if kind == "TITLE" and title is None:
            title = _text(row)
        elif kind == "OFFICE" and office is None:
            office = _text(row)
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
        parts.append(attrs.evolve(read, rows=rows, notes=notes))
    return parts
