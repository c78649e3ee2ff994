"""A seeded share of the fuzz run (bench/fuzz.py runs twenty thousand sheets): mutated sheets
through the API and every command give documents that lose no cell, or one-line errors, and
never a traceback. A failure names the sheet; `tests/fuzzing.py` makes it again from its number."""

from __future__ import annotations

import fuzzing
import pytest
from test_lossless import lost_cells

from objparse import parse_text


@pytest.mark.parametrize("seed", [11, 12])
def test_mutated_sheets_never_crash_and_lose_no_cell(seed):
    found = fuzzing.run(0, 225, seed)  # nine batches: every command once
    assert found.internal == [] and found.lost == []
    assert found.sheets == 225 and found.documents > 150 and found.commands >= 10


SEED = fuzzing.SEEDS[0].read_text(encoding="utf-8")
HEAD = SEED.split("Valore Sociale")[0]


def test_a_line_separator_inside_a_cell_is_a_space():
    doc = parse_text(SEED.replace("Obiettivi 2024 - Pag. 26", "Obiettivi 2024 -\u2028 Pag. 26", 1))
    kpi = next(k for _, _, k in doc.kpis() if k.name == "Indice di Deflusso")
    assert kpi.reference == "Obiettivi 2024 - Pag. 26" and kpi.citations[0].document == "Obiettivi 2024"


def test_lines_joined_to_a_title_are_set_aside_with_it():
    text = ("Obiettivi di performance organizzativa\nper l'anno 2025\nObiettivi di performance organizzativa per "
            "l'anno 2024\tREG. EMILIA ROMAGNA -\nDirettore Regionale\n" + HEAD.split("\n", 4)[4])
    doc = parse_text(text)
    assert [u.text for u in doc.unparsed][-1] == "Direttore Regionale" and lost_cells(text, doc) == []


def test_a_name_start_joined_to_a_row_a_side_table_reads_is_kept():
    at = SEED.index("\t\tIV Forecast")
    text = (SEED[:at] + "\t\t\tRiduzione delle giacenze delle\n\t\t50%\tprestazioni a sostegno\tObiettivi 2025 - "
            "Pag. 14\n" + SEED[at:])
    doc = parse_text(text)
    assert "Riduzione delle giacenze delle" in {u.text for u in doc.unparsed} and lost_cells(text, doc) == []
