"""The reading, unchanged: 1,000 generated sheets, each clean and damaged (2,000 in all, seeded), give
byte for byte the documents they gave when this snapshot was stored (tests/snapshots/, a digest of
each document's JSON). A change to how sheets are read that should not change what is read
proves it here; a change that should writes the snapshot anew, on purpose:

    python tests/test_snapshot.py --write
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import sheets

from objparse import parse_text, render, to_json

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "generated.txt"
COUNT = 1_000


def digests(n: int) -> tuple[str, str]:
    """The digests of the n-th generated sheet's document, read from the sheet clean and damaged."""
    draws = sheets.RandomDraws(7_919 * n + 1)
    text = render(sheets.document(draws, sheets.REAL if n % 2 else sheets.SMALL))
    damaged = sheets.damage(text, draws)
    return tuple(hashlib.sha256(to_json(parse_text(t, f"sheet-{n}.txt")).encode()).hexdigest()[:20]
                 for t in (text, damaged))  # type: ignore[return-value]


def test_generated_sheets_read_as_they_did():
    stored = SNAPSHOT.read_text(encoding="utf-8").split("\n")
    differ = [n for n in range(COUNT) if " ".join(digests(n)) != stored[n].split(" ", 1)[1]]
    assert differ == [], f"{len(differ)} of {COUNT} sheets read otherwise than in the snapshot: {differ[:10]}"


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    SNAPSHOT.write_text("\n".join(f"{n} {' '.join(digests(n))}" for n in range(COUNT)) + "\n", encoding="utf-8")
