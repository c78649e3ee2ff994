"""Where a pass has work: most rows concern no pass but one or two, so a pass lists the rows its
rule is about (its sites) and copies the rows between them whole, at the cost of a slice."""

from __future__ import annotations

from bisect import bisect_left

from ..draft import Lexeme


def copy_to_site(lexemes: list[Lexeme], out: list[Lexeme], i: int, sites: list[int], before: int = 1) -> int:
    """Copy the rows from i up to `before` rows ahead of the next site (sorted indices) into out;
    return the index to go on from (i itself when a site is that near)."""
    k = bisect_left(sites, i)
    stop = sites[k] - before if k < len(sites) else len(lexemes)
    if stop > i:
        out += lexemes[i:stop]
        return stop
    return i
