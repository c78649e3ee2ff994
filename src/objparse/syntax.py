"""The Lark parser: the grammar file is package data, the parser is built once, on first use."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer


class _Tokens(Lexer):
    """objparse.lexer has already made one token per line; Lark only has to read them."""

    def __init__(self, lexer_conf):  # noqa: D107 - Lark's custom-lexer interface
        pass

    def lex(self, data):
        return iter(data)


def grammar_text() -> str:
    return resources.files("objparse.grammar").joinpath("sheet.lark").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def parser() -> Lark:
    return Lark(grammar_text(), parser="lalr", lexer=_Tokens, maybe_placeholders=False)


def parse_tokens(tokens: list[Token]) -> tuple[Tree, list[Token]]:
    """Parse the token stream; a token the grammar does not expect is set aside (returned
    second) and parsing goes on, so one misplaced line never costs the rest of the sheet."""
    rejected: list[Token] = []

    def skip(error: UnexpectedInput) -> bool:
        rejected.append(error.token)
        return True

    # one iterator for the whole parse: after an error Lark resumes from where it stopped
    return parser().parse(iter(tokens), on_error=skip), rejected
