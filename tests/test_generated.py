"""The generated modules are what their sources make: the parser is the grammar's."""

from __future__ import annotations

from conftest import CORPUS
from lark.lexer import Lexer

from objparse import generate, lexer, readers, records, sheets, syntax

FIXTURES = CORPUS.parent / "tests" / "fixtures"


class LarkLexer(lexer.ContextualLexer, Lexer):
    """The lexer as Lark's own custom-lexer interface takes it."""

    __future_interface__ = 1

    def __init__(self, conf=None):
        pass


def test_the_parser_is_generated_from_the_grammar_as_it_is():
    stamped = generate.stamped_digest(generate.PARSER.read_text(encoding="utf-8"))
    assert stamped == generate.grammar_digest(), "grammar/sheet.lark changed: run python -m objparse.generate"


def _lexed(path):
    for grid in readers.read(path.read_bytes(), path.name):
        for part in sheets.split(records.read(grid)):
            yield lexer.lex(part.rows)


def test_the_generated_parser_reads_every_sheet_as_the_grammar_built_by_lark():
    built = generate.built_parser(lexer=LarkLexer, transformer=syntax.Parts())
    paths = sorted([*CORPUS.glob("*.txt"), *FIXTURES.glob("*.txt")])
    assert len(paths) > 30
    for path in paths:
        for lexed in _lexed(path):
            assert syntax.parse(lexed) == syntax.parse(lexed, built), path.name


def test_the_json_writers_are_written_from_the_model_as_it_is():
    assert generate.JSON_WRITERS.read_text(encoding="utf-8") == generate.json_writers_source(), \
        "the model changed: run python -m objparse.generate"


def test_every_record_of_a_document_has_a_generated_writer():
    from objparse import model
    from objparse.export.json import records_of
    from objparse.generated import json_writers

    assert set(json_writers.W) == set(records_of(model.Document))
