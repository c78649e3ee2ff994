"""Headers: a table header's cells wrapped onto the row below are joined into it, and so are the
starts of its cells, printed on the row above (a PDF prints a tall row's other cells on its last
line; a spending header's row holds the first rule, whose start may stand above it). A page
header (the title, the office, a table's header) printed again after a page break is dropped,
with the rows it wrapped onto."""

from __future__ import annotations

from ..draft import Lexeme, Row
from ..findings import Finding, dropped
from ..rules import wrapped_cells
from ..values.vocabulary import opens
from .kinds import REPEATABLE
from .sites import copy_to_site

# headers whose long cells a PDF export may print on two lines
WRAPPING = frozenset({"HEADER", "PROJECTS_HEADER", "IEEP_HEADER"})
# rows that never hold the starts of a table header's cells
NOT_STARTS = REPEATABLE | {"HEADING"}
_STARTED = WRAPPING | {"SPENDING_HEADER"}  # headers whose cells may start on the row above
_ANY = REPEATABLE | _STARTED  # the rows this pass is about


def _dropped(row: Row) -> Finding:
    return dropped(row, "page-header", "printed again after a page break: dropped")


class _Seen:
    """The page headers read so far, and the rows their cells wrapped onto, below and above."""

    def __init__(self) -> None:
        self.headers: dict[str, set[tuple[str, ...]]] = {}  # first cell -> the headers starting with it
        self.below: set[tuple[str, ...]] = set()
        self.above: set[tuple[str, ...]] = set()

    def repeats(self, lexeme: Lexeme) -> bool:
        row = lexeme.row
        texts = self.headers.get(row.filled[0].text)  # (most rows: no header starts so)
        return texts is not None and row.first == 0 and row.texts() in texts

    def read(self, lexeme: Lexeme) -> None:
        if lexeme.kind in REPEATABLE:
            self.headers.setdefault(lexeme.row.filled[0].text, set()).add(lexeme.row.texts())


def _continues(header: Row, row: Row) -> bool:
    return not row.gap and not opens(row.filled[0].text) and wrapped_cells.continues_header(header, row)


def _takes_start(above: Lexeme, header: Lexeme) -> bool:
    """Does the header row hold the rest of cells that start on the row right above it?"""
    if header.row.gap:
        return False
    if header.kind in WRAPPING:
        return above.kind not in NOT_STARTS and wrapped_cells.starts_header(above.row, header.row, opens)
    return header.kind == "SPENDING_HEADER" and wrapped_cells.starts_last_cell(above.row, header.row)


def run(lexemes: list[Lexeme]) -> tuple[list[Lexeme], list[Finding]]:
    """Headers whole; page headers printed again dropped."""
    out: list[Lexeme] = []
    found: list[Finding] = []
    seen = _Seen()
    # (a page header printed again is classified as it was the first time: it is one of the sites)
    sites = [i for i, lexeme in enumerate(lexemes) if lexeme.kind in _ANY]
    i, n = 0, len(lexemes)
    while i < n:
        i = copy_to_site(lexemes, out, i, sites)  # (a row above a site may be the start of its cells)
        if i == n:
            break
        lexeme = lexemes[i]
        if seen.repeats(lexeme):  # a page header printed again, with the rows it wrapped onto
            found.append(_dropped(lexeme.row))
            i += 1
            while i < n and lexemes[i].row.texts() in seen.below and _continues(lexeme.row, lexemes[i].row):
                found.append(_dropped(lexemes[i].row))
                i += 1
            continue
        seen.read(lexeme)
        following = lexemes[i + 1] if i + 1 < n else None
        again = following is not None and seen.repeats(following)
        if following is not None and again and not following.row.gap and lexeme.row.texts() in seen.above:
            found.append(_dropped(lexeme.row))  # the starts of a repeated header's cells
            i += 1
            continue
        if following is not None and not again and following.kind in _STARTED and _takes_start(lexeme, following):
            above, header = lexeme.row, following.row
            seen.read(following)
            what = "the header" if following.kind in WRAPPING else "the spending rule"
            found.append(wrapped_cells.wrapped(what, above.line, header.line))
            if following.kind in WRAPPING:
                seen.above.add(above.texts())
            lexeme = following._replace(row=header._replace(filled=wrapped_cells.join_header_above(above, header),
                                                            line=above.line))
            i += 1
        i += 1
        if lexeme.kind in WRAPPING:
            row = lexeme.row
            while i < n and _continues(row, lexemes[i].row):
                below = lexemes[i].row
                found.append(wrapped_cells.wrapped("the header", row.line, below.line))
                seen.below.add(below.texts())
                row = row._replace(filled=wrapped_cells.join_header(row, below))
                i += 1
            lexeme = lexeme._replace(row=row)
        out.append(lexeme)
    return out, found
