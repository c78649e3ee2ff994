"""Properties: render -> (damage ->) parse round trips, idempotent normalisation, exact numbers."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings, strategies as st

from objparse import parse_file, parse_text, render
from objparse.export.json import to_dict
from objparse.values.citations import parse_citations
from objparse.values.numbers import format_number, parse_money, parse_number, parse_percent

import sheets
from conftest import CORPUS

SETTINGS = settings(deadline=None, max_examples=150)


def without_lines(value):
    """A document's data, line numbers and source aside (a rendered sheet has its own lines)."""
    if isinstance(value, dict):
        return {k: without_lines(v) for k, v in value.items() if k not in ("line", "source", "diagnostics")}
    if isinstance(value, list):
        return [without_lines(v) for v in value]
    return value


def data(doc):
    return without_lines(to_dict(doc))


# --- numbers ------------------------------------------------------------------------------------

@SETTINGS
@given(sheets.decimals, st.booleans())
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


# --- sheets -------------------------------------------------------------------------------------

def _expected(areas):
    """What parsing the generated sheet must give: names, weights and KPI values as generated."""
    out = []
    for area, weight, subs in areas:
        out.append((area, Decimal(weight), [
            (sub, Decimal(sw), [(sub if implicit else k, ref, t) for k, ref, t in items], implicit)
            for sw, (sub, implicit, items) in subs]))
    return out


def _read_back(doc):
    return [(a.name, a.weight_pct, [(s.name, s.weight_pct, [(k.name, k.reference, k.target.raw) for k in s.kpis],
                                     any(k.implicit for k in s.kpis)) for s in a.subareas]) for a in doc.areas]


@SETTINGS
@given(sheets.structures())
def test_generated_sheet_parses_to_what_was_written(areas):
    doc = parse_text(sheets.sheet_text(areas))
    assert _read_back(doc) == _expected(areas)
    assert doc.unparsed == ()


@SETTINGS
@given(sheets.structures())
def test_render_parse_round_trip_and_idempotence(areas):
    doc = parse_text(sheets.sheet_text(areas))
    text = render(doc)
    again = parse_text(text)
    assert data(again) == data(doc)
    assert render(again) == text


def same_but_page_numbers(damaged, clean) -> None:
    """The damaged sheet's document equals the clean one's; only the page numbers the damage
    inserted are extra, in unparsed."""
    got, want = data(damaged), data(clean)
    extra = got.pop("unparsed")
    assert got == {k: v for k, v in want.items() if k != "unparsed"}
    assert [u for u in extra if u["text"] != sheets.PAGE_NUMBER] == want["unparsed"]


@SETTINGS
@given(st.data())
def test_damaged_sheet_parses_like_the_clean_one(draw):
    areas = draw.draw(sheets.structures())
    clean = sheets.sheet_text(areas)
    damaged = draw.draw(sheets.damaged(clean))
    same_but_page_numbers(parse_text(damaged), parse_text(clean))


@settings(deadline=None, max_examples=40)
@given(st.data(), st.sampled_from(sorted(CORPUS.glob("*.txt"))))
def test_damaged_render_of_corpus_sheet_parses_like_the_sheet(draw, path):
    doc = parse_file(path)
    damaged = draw.draw(sheets.damaged(render(doc)))
    same_but_page_numbers(parse_text(damaged), doc)
