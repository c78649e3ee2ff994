"""Value parsers, by example: numbers with precise errors, cells, targets, citations, acts, names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from objparse.sections.notes import parse_note
from objparse.values.acts import parse_act
from objparse.values.cells import CellKind, classify
from objparse.values.citations import parse_citations
from objparse.values.names import area_code, parse_office, split_marker, title_year
from objparse.values.numbers import NumberFormatError, parse_money, parse_number, parse_percent
from objparse.values.targets import parse_target


@pytest.mark.parametrize("text, value", [
    ("1,013", "1.013"), ("83.994", "83994"), ("4.249.834.748", "4249834748"), ("48,85", "48.85"),
    ("3,50", "3.50"), ("100", "100"), ("0", "0"), ("-1.000,5", "-1000.5"), ("1 000", "1000"),
])
def test_italian_numbers(text, value):
    got = parse_number(text)
    assert got == Decimal(value) and str(got) == value


@pytest.mark.parametrize("text, position, reason", [
    ("12a", 2, "unexpected character 'a'"),
    ("1,2,3", 3, "more than one decimal comma"),
    ("1,000.5", 5, "thousands dot after the decimal comma"),
    ("12.34", 2, "thousands groups must have three digits"),
    ("", 0, "empty number"),
])
def test_number_errors_say_where(text, position, reason):
    with pytest.raises(NumberFormatError) as info:
        parse_number(text)
    assert (info.value.position, info.value.reason) == (position, reason)


def test_money_and_percent():
    assert parse_money("4.249.834.748 €") == 4249834748
    assert parse_money("€ 1.000,50") == Decimal("1000.50")
    assert parse_percent("12,5 %") == Decimal("12.5")
    with pytest.raises(NumberFormatError):
        parse_money("1.000")


@pytest.mark.parametrize("text, kind", [
    ("30%", CellKind.PERCENT), ("7.930.574.518 €", CellKind.MONEY), ("1,013", CellKind.NUMBER),
    ("Obiettivi 2024 - Pag. 26", CellKind.CITATION), ("Pagg. 4-7", CellKind.CONTINUATION),
    ("e segg.", CellKind.CONTINUATION), ("Indice di Deflusso", CellKind.TEXT),
    ("Allegato 1 Tabelle integrative Pagg. 4-7", CellKind.CITATION),
])
def test_cell_kinds(text, kind):
    assert classify(text) is kind


@pytest.mark.parametrize("raw, kind, value, unit", [
    ("1,013", "number", Decimal("1.013"), None), ("4.249.834.748 €", "money", Decimal(4249834748), "EUR"),
    ("92%", "percent", Decimal(92), "%"), ("Scostamento 0 su budget del Cruscotto Qualità 2024", "text", None, None),
    ("SMVP - Par. 6.2.10", "reference", None, None),
    # the euro written out, before or after the amount
    ("EUR 1.234,50", "money", Decimal("1234.50"), "EUR"), ("1.234 euro", "money", Decimal(1234), "EUR"),
    ("Euro 5 milioni", "text", None, None),
])
def test_targets(raw, kind, value, unit):
    t = parse_target(raw)
    assert (t.raw, t.kind, t.value, t.unit) == (raw, kind, value, unit)
    assert (t.citations is not None) is (kind == "reference")


def test_citations():
    (a, b) = parse_citations("PIAO - Pag. 40 e segg.; Obiettivi 2024 - Allegato 1 Tabelle integrative Pagg. 4-7")
    assert (a.document, a.page_from, a.page_to, a.and_following) == ("PIAO", 40, 40, True)
    assert (b.document, b.annex, b.page_from, b.page_to) == ("Obiettivi 2024", "Allegato 1 Tabelle integrative", 4, 7)
    (c,) = parse_citations("Obiettivi 2024 - Allegato 2 Anagrafica Progetti 2024")
    assert (c.annex, c.page_from) == ("Allegato 2 Anagrafica Progetti 2024", None)
    (d,) = parse_citations("SMVP - Par 6.2.11")
    assert (d.document, d.paragraph) == ("SMVP", "6.2.11")
    assert parse_citations(None) == () and parse_citations(" ; ") == ()


@pytest.mark.parametrize("text, document, pages, paragraph", [
    ("Obiettivi 2024 - Pagine 4-7", "Obiettivi 2024", (4, 7), None),
    ("Obiettivi 2024 - Pagina 12", "Obiettivi 2024", (12, 12), None),
    ("SMVP - Paragrafo 6.2", "SMVP", (None, None), "6.2"),
    ("SMVP - § 6.2.10", "SMVP", (None, None), "6.2.10"),
    # two pages, or a span written out: one range, the pages it spans
    ("PIAO - Pagg. 4 e 5", "PIAO", (4, 5), None),
    ("PIAO - pagine da 12 a 14", "PIAO", (12, 14), None),
])
def test_pages_and_paragraphs_written_out(text, document, pages, paragraph):
    (c,) = parse_citations(text)
    assert (c.document, (c.page_from, c.page_to), c.paragraph) == (document, pages, paragraph)
    assert classify(text) is CellKind.CITATION


@pytest.mark.parametrize("text, act", [
    ("Determinazione commissariale N. 110 del 21 dicembre 2023", ("Determinazione commissariale", "110", "2023-12-21")),
    ("Determinazione del Direttore Generale N. 28 del 28 febbraio 2024",
     ("Determinazione del Direttore Generale", "28", "2024-02-28")),
    ("Determinazione commissariale n. 7 del 1° marzo 2025", ("Determinazione commissariale", "7", "2025-03-01")),
    ("Decreto del Presidente N. 44/2025 del 02/04/2025", ("Decreto del Presidente", "44/2025", "2025-04-02")),
    # an act cited inside a sentence: its type starts at the act noun
    ("Piano 2025-2027, approvato con Determinazione commissariale n. 5 del 31/01/2025.",
     ("Determinazione commissariale", "5", "2025-01-31")),
    ("come da Circolare n. 12 del 3 marzo 2025", ("Circolare", "12", "2025-03-03")),
])
def test_acts(text, act):
    got = parse_act(text)
    assert (got.type, got.number, got.date) == act


def test_not_acts():
    assert parse_act("La DR/DCM dovrà mettere a disposizione i volumi") is None
    assert parse_act("Determinazione commissariale N. 1 del 31 febbraio 2024") is None  # no such day
    assert parse_act("La DR/DCM dovrà mettere a disposizione N. 5 del 2024") is None  # no date
    # no act noun after the last digit: no act, found in one pass however many nouns come before
    assert parse_act("Determinazione " * 10_000 + "3, vedi n. 5 del 1 aprile 2024") is None


@pytest.mark.parametrize("text, label, marker, rest", [
    ("SMVP: Determinazione commissariale N. 110 del 21 dicembre 2023", "SMVP", None,
     "Determinazione commissariale N. 110 del 21 dicembre 2023"),
    ("* Per gli Obiettivi Generali di Ente", None, "*", "Per gli Obiettivi Generali di Ente"),
    ("(*) Valore riferito alla sede regionale", None, "(*)", "Valore riferito alla sede regionale"),
    ("I progetti assegnati sono riportati nell'allegato 3", None, None,
     "I progetti assegnati sono riportati nell'allegato 3"),
    ("Nel caso di più sedi coinvolte nel progetto si applica la seguente regola: media", None, None,
     "Nel caso di più sedi coinvolte nel progetto si applica la seguente regola: media"),
])
def test_notes(text, label, marker, rest):
    note = parse_note(text, 9)
    assert (note.label, note.marker, note.text, note.line) == (label, marker, rest, 9)


@pytest.mark.parametrize("label, office", [
    ("DC Risorse Umane", ("central", "Risorse Umane", None)),
    ("REG. LOMBARDIA - Direttore Regionale", ("regional", "Lombardia", "Direttore Regionale")),
    ("REG. EMILIA ROMAGNA - Direttore Regionale", ("regional", "Emilia Romagna", "Direttore Regionale")),
    ("REG. VALLE D’AOSTA - Direttore Regionale", ("regional", "Valle d’Aosta", "Direttore Regionale")),
    ("REG.CAMPANIA - Direttore Regionale", ("regional", "Campania", "Direttore Regionale")),
    ("REGIONE PUGLIA - Direttore Regionale", ("regional", "Puglia", "Direttore Regionale")),
    ("REG. ABRUZZO-Direttore Regionale", ("regional", "Abruzzo", "Direttore Regionale")),  # no spaces by the dash
    ("REG. EMILIA-ROMAGNA - Direttore Regionale", ("regional", "Emilia-Romagna", "Direttore Regionale")),
    ("DCM NAPOLI - Direttore di coordinamento metropolitano",
     ("metropolitan", "Napoli", "Direttore di coordinamento metropolitano")),
    # spelt out
    ("Direzione Centrale Risorse Umane", ("central", "Risorse Umane", None)),
    ("D.C. Pensioni", ("central", "Pensioni", None)),
    ("DIREZIONE REGIONALE VALLE D'AOSTA", ("regional", "Valle d'Aosta", None)),
    ("Direzione regionale della Campania - Direttore regionale", ("regional", "Campania", "Direttore regionale")),
    ("Direzione di coordinamento metropolitano di Napoli", ("metropolitan", "Napoli", None)),
    ("Direzione sconosciuta", (None, None, None)),
    ("Direzione centrale", (None, None, None)),
])
def test_offices(label, office):
    got = parse_office(label)
    assert (got.label, got.kind, got.name, got.role) == (label, *office)


def test_names():
    assert [area_code(n) for n in ("Valore di Ecosistema", "Valore Ecosistema", "Valore organizzativo",
                                   "Valore Organizzativo", "VALORE SOCIALE", "Altro")] == \
        ["ecosistema", "ecosistema", "organizzativo", "organizzativo", "sociale", None]
    assert split_marker("Valore organizzativo*") == ("Valore organizzativo", "*")
    assert split_marker("Valore Sociale") == ("Valore Sociale", None)
    assert split_marker("Valore Sociale (*)") == ("Valore Sociale", "(*)")
    assert split_marker("Valore Sociale (1)") == ("Valore Sociale", "(1)")
    assert title_year("Obiettivi di performance organizzativa per l'anno 2024") == 2024
    assert title_year("Obiettivi") is None
