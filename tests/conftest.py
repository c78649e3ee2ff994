from __future__ import annotations

import functools
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import settings

# the default run keeps the whole suite within about two minutes on two cores; `pytest
# --hypothesis-profile=thorough` runs 2,000 examples a property
# no example database: a test writes nowhere but its temporary directory (a failure prints its example)
settings.register_profile("default", deadline=None, max_examples=150, database=None)
settings.register_profile("thorough", deadline=None, max_examples=2000, database=None)
settings.load_profile("default")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def as_json(doc) -> dict:
    """A document as its JSON output reads back (Decimals exact), checked against the JSON Schema
    of the output on the way: every document the tests read this way is valid."""
    from objparse.export.json import dumps

    text = dumps(doc)
    _validator().validate(json.loads(text))
    return json.loads(text, parse_float=Decimal)


@functools.cache
def _validator():
    import jsonschema

    from objparse.export.schema import SCHEMA

    document = {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": "#/$defs/Document"}
    return jsonschema.Draft202012Validator(document, format_checker=jsonschema.FormatChecker())


@pytest.fixture
def corpus() -> Path:
    return CORPUS
