"""White space as the sheets' text holds it (their words are in objparse.values.vocabulary)."""

from __future__ import annotations

import re

# any run of white space, the no-break and narrow no-break spaces exports leave included
SPACES = re.compile(r"[\s\u00a0\u202f]+")


def folded(text: str) -> str:
    """The text with every run of spaces made one space, and trimmed."""
    return SPACES.sub(" ", text).strip()
