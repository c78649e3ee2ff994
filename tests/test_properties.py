"""Properties: render -> (damage ->) parse round trips, idempotent normalisation, exact numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sheets
from conftest import CORPUS, FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st
from test_lossless import lost_cells

from objparse import parse_bytes, parse_file, parse_text, render
from objparse.compare import IGNORED
from objparse.export.json import document_text, dumps_documents, loads, plain
from objparse.source import decode
from objparse.values.citations import parse_citations
from objparse.values.numbers import format_number, parse_money, parse_number, parse_percent

SETTINGS = settings()


def without_lines(value):
    """A document's data, what a round trip need not keep aside (line numbers, the source's name
    and digest, diagnostics: a rendered sheet has its own)."""
    if isinstance(value, dict):
        return {k: without_lines(v) for k, v in value.items() if k not in IGNORED}
    if isinstance(value, list):
        return [without_lines(v) for v in value]
    return value


def data(doc):
    return without_lines(plain(doc))


@st.composite
def drawn(draw, make):
    """A value made by one of the generator's functions from hypothesis' draws."""
    return make(sheets.HypothesisDraws(draw))


# --- numbers ------------------------------------------------------------------------------------

@SETTINGS
@given(drawn(sheets.decimal), st.booleans())
def test_number_format_then_parse_is_exact(value, grouping):
    text = format_number(value, grouping=grouping)
    parsed = parse_number(text)
    assert parsed == value and str(parsed) == str(value)  # same value and same exponent: 3,50 stays 3.50


@SETTINGS
@given(st.integers(-10**15, 10**15))
def test_grouped_integers_parse_exactly(n):
    text = format_number(Decimal(n))
    assert parse_number(text) == n
    assert parse_money(text + " €") == n
    assert parse_money("€ " + text) == n


@SETTINGS
@given(st.integers(0, 100), st.integers(0, 99))
def test_percent(whole, cents):
    assert parse_percent(f"{whole}%") == whole
    assert parse_percent(f"{whole},{cents:02d} %") == Decimal(f"{whole}.{cents:02d}")


# --- citations ----------------------------------------------------------------------------------

@SETTINGS
@given(st.sampled_from(sheets.DOCUMENTS), st.integers(1, 500), st.integers(0, 30), st.booleans(), st.booleans())
def test_citation_pages(document, page, span, following, plural):
    last = page + span
    pages = f"Pagg. {page}-{last}" if plural else f"Pag. {page}"
    text = f"{document} - {pages}" + (" e segg." if following else "")
    (c,) = parse_citations(text)
    assert c.document == document
    assert c.annex is None and c.paragraph is None
    assert (c.page_from, c.page_to) == ((page, last) if plural else (page, page))
    assert c.and_following is following


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(sheets.DOCUMENTS), st.integers(1, 9), st.integers(0, 20)),
                min_size=1, max_size=4))
def test_citation_lists_and_paragraphs(parts):
    text = "; ".join(f"{doc} - Par {a}.{b}" for doc, a, b in parts)
    got = parse_citations(text)
    assert [(c.document, c.paragraph) for c in got] == [(doc, f"{a}.{b}") for doc, a, b in parts]


@SETTINGS
@given(drawn(sheets.reference))
def test_references_parse_to_their_citations(reference):
    text, citations = reference
    assert parse_citations(text) == citations


# --- whole documents ----------------------------------------------------------------------------

@SETTINGS
@given(sheets.documents())
def test_rendered_document_parses_back(doc):
    """render -> parse gives the document back, every derived field (codes, citations, target
    values, acts, the I.E.E.P. tree, project links, checks) included; and it accounts for every
    cell of the sheet, none moved, dropped or unplaced."""
    text = render(doc)
    read = parse_text(text)
    assert data(read) == data(doc)
    assert lost_cells(text, read) == [] and {c.how for c in read.cells} <= {"read", "filled", "joined"}


@SETTINGS
@given(sheets.documents())
def test_parse_is_idempotent_on_its_rendering(doc):
    text = render(doc)
    again = parse_text(text)
    assert render(again) == text
    assert data(parse_text(render(again))) == data(again)


def same_but_page_numbers(damaged, clean) -> None:
    """The damaged sheet's document equals the clean one's; only the page numbers the damage
    inserted are extra, in unparsed."""
    got, want = data(damaged), data(clean)
    extra = got.pop("unparsed")
    assert got == {k: v for k, v in want.items() if k != "unparsed"}
    assert [u for u in extra if u["text"] not in sheets.PAGE_NUMBERS] == want["unparsed"]


@SETTINGS
@given(sheets.documents(), st.data())
def test_damaged_sheet_parses_like_the_document(doc, draws):
    """Every damage of an export, then saved as users save sheets (Excel's quoting with in-cell
    line breaks, UTF-8, Windows-1252, UTF-16 with or without BOM): the same document."""
    saved = draws.draw(sheets.saved(render(doc)))
    same_but_page_numbers(parse_bytes(saved), doc)


@settings()
@given(st.data(), st.sampled_from(sorted(CORPUS.glob("*.txt"))))
def test_damaged_render_of_corpus_sheet_parses_like_the_sheet(draw, path):
    doc = parse_file(path)
    damaged = draw.draw(sheets.damaged(render(doc)))
    same_but_page_numbers(parse_text(damaged), doc)


SHEETS = sorted(CORPUS.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("path", SHEETS, ids=[p.stem for p in SHEETS])
def test_every_sheet_saved_by_excel_as_quoted_or_unicode_text_reads_the_same(path):
    """The sheet rendered and saved by Excel as "Text (tab delimited)" (quoted cells, some with
    an in-cell line break), and the sheet itself saved as "Unicode Text" (UTF-16 with BOM): the
    same document."""
    doc = parse_file(path)
    text = decode(path.read_bytes()).text
    quoted = sheets.excel_quoted(render(doc), sheets.RandomDraws(len(text)))
    assert data(parse_text(quoted)) | {"unparsed": None} == data(doc) | {"unparsed": None}  # cells it set aside
    unicode = parse_bytes(text.encode("utf-16"), str(path))
    aside = {"diagnostics": None, "source_sha256": None}  # the UTF-16 file has bytes of its own
    assert plain(unicode) | aside == plain(doc) | aside


@SETTINGS
@given(sheets.documents())
def test_load_reads_back_what_was_written(doc):
    """load(dump(doc)) == doc, exactly: numbers as the decimals they were."""
    assert loads(dumps_documents([doc])) == [doc]
    assert loads(document_text(doc, compact=True)) == [doc]
