"""References: one or more citations separated by ';'.

    'Obiettivi 2024 - Allegato 1 Tabelle integrative Pagg. 4-7'
        -> document 'Obiettivi 2024', annex 'Allegato 1 Tabelle integrative', pages 4-7
    'PIAO - Pag. 40 e segg.'  -> pages 40-40, and_following
    'PIAO - Pagg. 4 e 5'      -> pages 4-5 (one range a citation: the pages it spans)
    'SMVP - Par 6.2.11'       -> paragraph '6.2.11'
"""

from __future__ import annotations

import re

from ..model import Citation
from .memo import short_texts
from .vocabulary import ANNEX, PAGE_WORD, PAGE_WORDS, PARAGRAPH_WORD, PARAGRAPH_WORDS

# page numbers and paragraphs have at most 5 digits a part: a longer number is no page (ASCII digits only)
# the last page after '-', 'e' (4 e 5: pages 4 and 5) or 'a' (da 4 a 7)
_PAGES = re.compile(rf"\b(?:{PAGE_WORD})\.?\s*(?:da\s+)?([0-9]{{1,5}})(?![0-9])"
                    r"(?:(?:\s*[-–]\s*|\s+[ea]\s+)([0-9]{1,5})(?![0-9]))?"
                    r"(\s+e\s+(?:segg?|ss|seguenti)\b\.?)?", re.IGNORECASE)
_PARAGRAPH = re.compile(rf"(?<![A-Za-z])(?:{PARAGRAPH_WORD})\.?\s*([0-9]{{1,5}}(?:\.[0-9]{{1,5}}){{0,9}})(?![0-9])",
                        re.IGNORECASE)
_ANNEX = re.compile(rf"\b{ANNEX}\b", re.IGNORECASE)
# the shortest of each kind of word, for a cheap test of whether a cell can hold one
_PAGE_STEM = min(PAGE_WORDS, key=len)
_PARAGRAPH_STEMS = tuple(w for w in PARAGRAPH_WORDS if not any(o != w and w.startswith(o) for o in PARAGRAPH_WORDS))
_TRIM = " -–,"


@short_texts(maxsize=8192)
def parse_citation(text: str) -> Citation:
    low = text.lower()
    # cheap tests first: most citations have pages or a paragraph, few have both
    pages = _PAGES.search(text) if _PAGE_STEM in low else None
    paragraph = _PARAGRAPH.search(text) if any(w in low for w in _PARAGRAPH_STEMS) else None
    cut = len(text)
    if pages is not None:
        cut = pages.start()
    if paragraph is not None and paragraph.start() < cut:
        cut = paragraph.start()
    head = text[:cut].strip(_TRIM)
    annex = None
    m = _ANNEX.search(head) if ANNEX in low else None
    if m is not None:
        annex = head[m.start():].strip(_TRIM) or None
        head = head[:m.start()].strip(_TRIM)
    page_from = page_to = None
    if pages is not None:
        page_from = int(pages.group(1))
        page_to = int(pages.group(2)) if pages.group(2) else page_from
    return Citation(
        document=head or None,
        annex=annex,
        page_from=page_from,
        page_to=page_to,
        and_following=bool(pages and pages.group(3)),
        paragraph=paragraph.group(1) if paragraph else None,
    )


@short_texts(maxsize=4096)
def parse_citations(reference: str | None) -> tuple[Citation, ...]:
    if not reference:
        return ()
    return tuple(parse_citation(part.strip()) for part in reference.split(";") if part.strip())


def names_document(text: str, documents: tuple[str, ...]) -> bool:
    """Does the text start with one of the documents references cite ('Obiettivi 2024', 'PIAO')?"""
    return text.startswith(documents)  # (a tuple: each tried, in C)


def has_locator(text: str) -> bool:
    """True when the text names pages or a paragraph: what makes a target a reference to a rule."""
    return bool(_PAGES.search(text) or _PARAGRAPH.search(text))
