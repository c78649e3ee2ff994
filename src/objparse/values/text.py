"""What the sheets' text is made of, named once for every reader of it."""

from __future__ import annotations

import re

# any run of white space, the no-break and narrow no-break spaces exports leave included
SPACES = re.compile(r"[\s\u00a0\u202f]+")
# the words that locate a passage in a cited document: pages and paragraphs
PAGE_WORD = r"pagin[ae]|pagg?"
PARAGRAPH_WORD = r"par|paragrafo|§"
# I.E.E.P., however it is dotted and spaced
IEEP = r"I\.?\s*E\.?\s*E\.?\s*P\.?"


def folded(text: str) -> str:
    """The text with every run of spaces made one space, and trimmed."""
    return SPACES.sub(" ", text).strip()
