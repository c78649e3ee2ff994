from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def as_json(doc) -> dict:
    """A document as its JSON output reads back (Decimals exact)."""
    from objparse.export.json import dumps

    return json.loads(dumps(doc), parse_float=Decimal)


@pytest.fixture
def corpus() -> Path:
    return CORPUS
