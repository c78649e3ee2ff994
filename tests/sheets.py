"""Hypothesis strategies for objective sheets, and the export damage that objparse must undo."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from objparse.values.numbers import format_number

AREAS = ["Valore Sociale", "Valore Istituzionale", "Valore Economico", "Valore di Ecosistema", "Valore organizzativo"]
WORDS = ["Indice", "Indicatore", "Percentuale", "Capacità", "gestione", "della", "spesa", "qualità", "servizi",
         "definito", "carico", "lavoro", "ricorsi", "amministrativi", "giacenza", "(AI)", "Revisioni", "L.114/2014",
         "customer", "processi", "interni", "benessere", "risorse", "impiegate", "rete", "Cittadino"]
DOCUMENTS = ["Obiettivi 2024", "PIAO", "SMVP"]


def name(first=("Indice", "Indicatore", "Percentuale", "Capacità", "Razionalizzazione", "Controllo", "Impatto")):
    return st.tuples(st.sampled_from(first), st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)).map(
        lambda t: " ".join([t[0], *t[1]]))


def _decimal(whole: int, places: int, frac: int) -> Decimal:
    return Decimal(f"{whole}.{str(frac).zfill(places)[-places:]}") if places else Decimal(whole)


decimals = st.builds(_decimal, st.integers(0, 10**10), st.sampled_from([0, 2, 3]), st.integers(0, 999))

targets = st.one_of(
    decimals.map(format_number),
    decimals.map(lambda d: format_number(d.to_integral_value()) + " €"),
    st.integers(0, 100).map(lambda n: f"{n}%"),
    st.just("Scostamento 0 su budget del Cruscotto Qualità 2024"),
    st.sampled_from(["SMVP - Par. 6.2.10", "SMVP - Par 6.2.11"]),
)


@st.composite
def references(draw):
    parts = []
    for _ in range(draw(st.integers(1, 2))):
        doc = draw(st.sampled_from(DOCUMENTS))
        page = draw(st.integers(1, 120))
        form = draw(st.sampled_from(["Pag. {p}", "pag. {p} e segg.", "Pagg. {p}-{q}", "Par {p}.2.1",
                                     "Allegato 1 Tabelle integrative Pag. {p}"]))
        parts.append(f"{doc} - " + form.format(p=page, q=page + 3))
    return "; ".join(parts)


@st.composite
def kpis(draw):
    return (draw(name()), draw(references()), draw(targets))


@st.composite
def subareas(draw):
    implicit = draw(st.booleans()) and draw(st.booleans())
    n = 1 if implicit else draw(st.integers(1, 4))
    items = draw(st.lists(kpis(), min_size=n, max_size=n, unique_by=lambda k: k[0]))
    return draw(name(("Compliance", "Capacità", "Massimizzazione", "Impatto", "Efficacia"))), implicit, items


@st.composite
def structures(draw):
    chosen = draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=5, unique=True))
    areas = []
    for area in chosen:
        subs = draw(st.lists(subareas(), min_size=1, max_size=3, unique_by=lambda s: s[0]))
        weights = [draw(st.integers(0, 100)) for _ in subs]
        areas.append((area, draw(st.integers(0, 100)), list(zip(weights, subs))))
    return areas


def sheet_text(areas, office="REG. CAMPANIA - Direttore Regionale") -> str:
    """A canonical sheet: every KPI row with its own reference and target."""
    out = ["", "Obiettivi di performance organizzativa per l'anno 2024\t\t\t\t\t", office + "\t\t\t\t\t",
           "AMBITO DI PERFORMANCE\tCONTRIBUTO AL VALORE PUBBLICO\tSOTTO AMBITI\tKPI\tRIFERIMENTI\tVALORE OBIETTIVO"]
    for area, weight, subs in areas:
        for i, (sub_weight, (sub, implicit, items)) in enumerate(subs):
            head = f"{area}\t{weight}%" if i == 0 else "\t"
            if implicit:
                kpi, ref, target = items[0]
                out.append(f"{head}\t{sub_weight}%\t{sub}\t{ref}\t{target}")
                continue
            out.append(f"{head}\t{sub_weight}%\t{sub}\t\t")
            out += [f"\t\t\t{kpi}\t{ref}\t{target}" for kpi, ref, target in items]
    out += ["", "SMVP: Determinazione commissariale N. 110 del 21 dicembre 2023", "",
            "PIAO: Determinazione commissariale N. 5 del 31 gennaio 2024"]
    return "\n".join(out) + "\n"


# --- damage -----------------------------------------------------------------------------------

PAGE_NUMBER = "Pagina 1 di 2"

@st.composite
def damaged(draw, text: str) -> str:
    """The canonical sheet as a lossy export leaves it: merged cells blanked, rows shifted, blank
    page-break rows, stray spaces and trailing empty cells, CRLF, a missing final newline."""
    lines = text.split("\n")
    rows = [line.split("\t") for line in lines]
    header = next(i for i, r in enumerate(rows) if r[0].startswith("AMBITO DI PERFORMANCE"))
    end = next(i for i in range(header + 1, len(rows)) if rows[i] == [""])
    table = rows[header + 1:end]
    _merge(draw, table)
    table = _wrap(draw, table)
    for r in table:
        if len(r) > 5 and r[3] and not r[4] and r[5] and " - " not in r[5] and draw(st.booleans()):
            r[4], r[5] = r[5], ""  # the target (not a citation: that would be a reference) landed in RIFERIMENTI
        if r[0] == "" and r[1] == "" and r[2] == "" and len(r) > 3 and r[3] and draw(st.integers(0, 3)) == 0:
            del r[:draw(st.sampled_from([1, 2]))]  # the row lost its leading cells
            r += [""] * draw(st.integers(0, 2))
        elif r[0] == "" and r[1] == "" and r[2].endswith("%") and draw(st.integers(0, 3)) == 0:
            del r[:draw(st.sampled_from([1, 2]))]  # a sub-area row lost its leading cells
        if draw(st.integers(0, 4)) == 0:
            r[:] = [f" {c} " if c else c for c in r]
    out_rows = []
    for r in table:
        out_rows.append(r)
        page_break = draw(st.integers(0, 8))
        if page_break == 0:
            out_rows.append([""])  # a blank row
        elif page_break == 1:  # a page number, then the page header repeated
            out_rows += [[""], [PAGE_NUMBER], [""], rows[header - 2], rows[header]]
    rows[header + 1:end] = out_rows
    result = "\n".join("\t".join(r) for r in rows)
    if draw(st.booleans()):
        result = result.replace("\n", "\r\n")
    if draw(st.booleans()):
        result = result.rstrip("\r\n")
    return result


def _wrap(draw, table):
    """Wrap some references: the part from 'Pag.' on spills onto a row of its own below."""
    out = []
    for r in table:
        out.append(r)
        at = r[4].find(" Pag") if len(r) > 5 else -1
        if at > 0 and draw(st.integers(0, 3)) == 0:
            r[4], rest = r[4][:at], r[4][at + 1:]
            out.append(["", "", "", "", rest, ""])
    return out


def _merge(draw, table):
    """Blank repeated references and targets the way merged cells print them: once, on the first
    row of the run, on the sub-area row, or (first run of a sub-area only) on the middle row."""
    groups, current = [], None
    for r in table:
        if r[2]:
            current = [r]
            groups.append(current)
        elif current is not None:
            current.append(r)
    for group in groups:
        sub, kpis = group[0], group[1:]
        if not kpis:
            continue
        for col in (4, 5):
            values = [k[col] for k in kpis]
            runs, start = [], 0
            for i in range(1, len(values) + 1):
                if i == len(values) or values[i] != values[start]:
                    runs.append((start, i))
                    start = i
            for n, (a, b) in enumerate(runs):
                if b - a < 2 and not (n == 0 and len(runs) == 1):
                    continue
                where = draw(st.sampled_from(["first", "middle", "subarea"] if n == 0 and len(runs) == 1 and
                                             not sub[col] else ["first", "middle"] if n == 0 and not sub[col]
                                             else ["first"]))
                value = values[a]
                for k in kpis[a:b]:
                    k[col] = ""
                if where == "first":
                    kpis[a][col] = value
                elif where == "middle":
                    kpis[(a + b - 1) // 2][col] = value
                else:
                    sub[col] = value
