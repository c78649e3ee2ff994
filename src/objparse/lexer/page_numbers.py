"""Page numbers off: a page number a PDF export leaves between rows ('Pagina 2 di 3', '- 2 -'), or
a bare one ('2', 'Pag. 2') alone in the first column between blank lines, is taken off the stream
and kept in unparsed. (In RIFERIMENTI, 'Pag. 2' is the rest of a wrapped reference.)"""

from __future__ import annotations

from ..draft import Lexeme
from ..findings import Finding, dropped
from ..values.vocabulary import BARE_PAGE_MARK
from .kinds import PAGE_NUMBER


def _bare(lexemes: list[Lexeme], i: int) -> bool:
    """For a line of text: is it a bare page number, alone between blank lines?"""
    row = lexemes[i].row
    return (row.gap and len(row.filled) == 1 and row.first == 0
            and (i + 1 == len(lexemes) or lexemes[i + 1].row.gap) and BARE_PAGE_MARK.fullmatch(row.filled[0].text)
            is not None)


def run(lexemes: list[Lexeme]) -> tuple[list[Lexeme], list[Finding]]:
    """Page numbers taken off the stream."""
    # (a bare number alone in the first column is classified as a line of text)
    marks = [i for i, lexeme in enumerate(lexemes)
             if lexeme.kind == PAGE_NUMBER or (lexeme.kind == "TEXT" and _bare(lexemes, i))]
    if not marks:
        return lexemes, []
    out: list[Lexeme] = []
    start = 0
    for i in marks:  # the rows between the marks, copied whole
        out += lexemes[start:i]
        start = i + 1
    out += lexemes[start:]
    # (kept in unparsed too, as they always were)
    return out, [dropped(row, "page-number", "page number", row.first + 1, keep=True)
                 for row in (lexemes[i].row for i in marks)]
