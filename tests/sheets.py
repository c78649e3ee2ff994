"""Generated objective sheets, and the export damage objparse must undo.

Two generators share one small interface, `Draws`: hypothesis draws them in the property tests
(so failures shrink), a seeded `random.Random` in the benchmark (so the corpus is the same on
every run). `document(d)` builds a whole Document — areas whose weights sum to 100, sub-areas,
KPIs of every target kind with their citations, notes with acts, an I.E.E.P. tree that adds
up, spending rules, projects linked to KPIs — with every derived field known by construction;
`objparse.render` turns it into a clean sheet and `damage(text, d)` damages it the way exports do.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeVar

import attrs
from hypothesis import strategies as st

from objparse import checks
from objparse.model import (
    Act,
    Area,
    Citation,
    Document,
    Ieep,
    IeepItem,
    Kpi,
    Note,
    Office,
    Project,
    Projects,
    Spending,
    SpendingRule,
    Subarea,
    Target,
)
from objparse.values.numbers import format_number

T = TypeVar("T")


class Draws(Protocol):
    def integer(self, lo: int, hi: int) -> int: ...

    def choice(self, options: Sequence[T]) -> T: ...


class RandomDraws:
    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def integer(self, lo: int, hi: int) -> int:
        return self.random.randint(lo, hi)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.random.randrange(len(options))]


class HypothesisDraws:
    def __init__(self, draw: Any):
        self.draw = draw

    def integer(self, lo: int, hi: int) -> int:
        return self.draw(st.integers(lo, hi))

    def choice(self, options: Sequence[T]) -> T:
        return self.draw(st.sampled_from(options))


def chance(d: Draws, one_in: int) -> bool:
    return d.integer(1, one_in) == 1


def draws() -> st.SearchStrategy[HypothesisDraws]:
    return st.builds(HypothesisDraws, st.data().map(lambda data: data.draw))


# --- vocabulary -------------------------------------------------------------------------------

YEAR = 2024
AREAS = [("Valore Sociale", "sociale"), ("Valore Istituzionale", "istituzionale"),
         ("Valore Economico", "economico"), ("Valore di Ecosistema", "ecosistema"),
         ("Valore organizzativo", "organizzativo")]
FIRST = ["Indice", "Indicatore", "Percentuale", "Capacità", "Razionalizzazione", "Controllo", "Impatto",
         "Riduzione", "Tempi"]
MIDDLE = ["di", "della", "delle", "gestione", "spesa", "qualità", "servizi", "definito", "carico", "lavoro",
          "ricorsi", "amministrativi", "giacenza", "(AI)", "Revisioni", "L.114/2014", "customer", "processi",
          "interni", "benessere", "risorse", "impiegate", "rete", "Cittadino", "e", "per"]
# a name never ends with a word that leaves its phrase open ('della', 'e'): that would read as wrapped
LAST = ["servizi", "qualità", "ricorsi", "lavoro", "processi", "benessere", "Cittadino", "(AI)", "Revisioni",
        "interni", "definito", "giacenza"]
SUBAREA_FIRST = ["Compliance", "Capacità", "Massimizzazione", "Impatto", "Efficacia", "Consolidamento"]
DOCUMENTS = [f"Obiettivi {YEAR}", "PIAO", "SMVP"]
# documents a sheet may cite without its notes defining them
OTHER_DOCUMENTS = ["Cruscotto Qualità e Impatto", "Manuale operativo"]
REGISTER = f"Allegato 2 Anagrafica Progetti {YEAR}"
OFFICES = [("DC Risorse Umane", "central", "Risorse Umane", None),
           ("DC Pensioni", "central", "Pensioni", None),
           ("REG. LOMBARDIA - Direttore Regionale", "regional", "Lombardia", "Direttore Regionale"),
           ("REG. CAMPANIA - Direttore Regionale", "regional", "Campania", "Direttore Regionale"),
           ("DCM ROMA - Direttore di Coordinamento Metropolitano", "metropolitan", "Roma",
            "Direttore di Coordinamento Metropolitano"),
           ("REG. VALLE D'AOSTA - Direttore Regionale", "regional", "Valle d'Aosta", "Direttore Regionale"),
           ("REG. FRIULI VENEZIA GIULIA - Direttore Regionale", "regional", "Friuli Venezia Giulia",
            "Direttore Regionale"),
           ("REG. VALLE D’AOSTA - Direttore Regionale", "regional", "Valle d’Aosta", "Direttore Regionale"),
           ("REG.PUGLIA - Direttore Regionale", "regional", "Puglia", "Direttore Regionale"),
           ("REG. EMILIA-ROMAGNA - Direttore Regionale", "regional", "Emilia-Romagna", "Direttore Regionale"),
           ("Direzione Centrale Entrate", "central", "Entrate", None),
           ("DIREZIONE REGIONALE TOSCANA", "regional", "Toscana", None),
           ("Direzione di coordinamento metropolitano di Milano", "metropolitan", "Milano", None),
           ("REG. ABRUZZO-Direttore Regionale", "regional", "Abruzzo", "Direttore Regionale")]
MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
          "ottobre", "novembre", "dicembre"]
TEXT_TARGETS = [f"Scostamento 0 su budget del Cruscotto Qualità {YEAR}", "Rispetto della scadenza",
                "Mantenimento del valore"]


def name(d: Draws, first: Sequence[str] = FIRST) -> str:
    words = [d.choice(first)] + [d.choice(MIDDLE) for _ in range(d.integer(0, 4))] + [d.choice(LAST)]
    return " ".join(words)


def title(d: Draws) -> str:
    """A project title: some quote a name ('Progetto "Noi INPS" per la parità'), as titles do."""
    if chance(d, 4):
        return f'Progetto "{d.choice(["Noi INPS", "Rete Attiva", "Futuro"])}" per {d.choice(MIDDLE)} {d.choice(LAST)}'
    return name(d)


def unique(d: Draws, make: Any, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        value = make(d)
        if value not in out:
            out.append(value)
    return out


def weights(d: Draws, n: int) -> list[Decimal]:
    """n percentages summing to 100: whole, or with one decimal ('33,3%')."""
    scale = d.choice([1, 1, 10])
    cuts = sorted(d.integer(0, 100 * scale) for _ in range(n - 1))
    bounds = [0, *cuts, 100 * scale]
    return [Decimal(bounds[i + 1] - bounds[i]) / scale for i in range(n)]


# --- values -------------------------------------------------------------------------------------

def decimal(d: Draws) -> Decimal:
    places = d.choice([0, 0, 2, 3])
    whole = d.integer(0, 10 ** d.choice([1, 3, 6, 9]))
    return Decimal(whole) if not places else Decimal(f"{whole}.{d.integer(0, 10 ** places - 1):0{places}d}")


def target(d: Draws) -> Target:
    kind = d.choice(["number", "money", "percent", "text", "reference"])
    if kind == "number":
        value = decimal(d)
        return Target(format_number(value), "number", value, None)
    if kind == "money":
        value = Decimal(d.integer(0, 10 ** 10))
        if chance(d, 3):
            value += Decimal(d.integer(0, 99)) / 100  # with cents: 1.234,50 €
            value = value.quantize(Decimal("0.01"))
        text = format_number(value)
        raw = d.choice([f"€ {text}", f"{text} €", f"{text} €", f"EUR {text}", f"{text} euro"])
        return Target(raw, "money", value, "EUR")
    if kind == "percent":
        value = Decimal(d.integer(0, 1000)) / 10 if chance(d, 3) else Decimal(d.integer(0, 100))
        return Target(f"{format_number(value)}%", "percent", value, "%")
    if kind == "text":
        return Target(d.choice(TEXT_TARGETS), "text", None, None)
    raw, cites = citation(d, "SMVP", "paragraph")
    return Target(raw, "reference", None, None, (cites,))


def citation(d: Draws, document: str, form: str | None = None) -> tuple[str, Citation]:
    """A citation's text and what it means."""
    form = form or d.choice(["page", "following", "pages", "paragraph", "annex"])
    page = d.integer(1, 120)
    if form == "page":
        word = d.choice(["Pag.", "Pag.", "pag.", "Pagina"])
        return f"{document} - {word} {page}", Citation(document, None, page, page)
    if form == "following":
        return f"{document} - pag. {page} e segg.", Citation(document, None, page, page, True)
    if form == "pages":
        last = page + d.integer(1, 9)
        word = d.choice(["Pagg.", "Pagg.", "Pagine"])
        span = d.choice([f"{page}-{last}", f"{page}-{last}", f"{page} e {page + 1}", f"da {page} a {last}"])
        if " e " in span:
            last = page + 1
        return f"{document} - {word} {span}", Citation(document, None, page, last)
    if form == "paragraph":
        par = f"{d.integer(1, 9)}.{d.integer(1, 9)}.{d.integer(1, 20)}"
        word = d.choice(["Par.", "Par.", "Par", "Paragrafo", "§"])
        return f"{document} - {word} {par}", Citation(document, paragraph=par)
    if form == "register":
        return f"{document} - {REGISTER}", Citation(document, REGISTER)
    annex = "Allegato 1 Tabelle integrative"
    return f"{document} - {annex} Pag. {page}", Citation(document, annex, page, page)


def reference(d: Draws) -> tuple[str, tuple[Citation, ...]]:
    documents = DOCUMENTS + OTHER_DOCUMENTS if chance(d, 4) else DOCUMENTS
    parts = [citation(d, d.choice(documents), d.choice(["page", "following", "pages", "paragraph", "annex"]))
             for _ in range(d.integer(1, 2))]
    return "; ".join(text for text, _ in parts), tuple(c for _, c in parts)


def kpi(d: Draws, kpi_name: str, implicit: bool = False) -> Kpi:
    text, cites = reference(d)
    return Kpi(kpi_name, 0, implicit, text, cites, target(d))


def register_kpi(d: Draws, kpi_name: str, implicit: bool = False) -> Kpi:
    """A KPI whose reference cites the projects register: it lists the projects of its sub-area."""
    text, cite = citation(d, f"Obiettivi {YEAR}", "register")
    return Kpi(kpi_name, 0, implicit, text, (cite,), Target("100", "number", Decimal(100), None))


# --- the parts of a document ----------------------------------------------------------------------

@attrs.frozen
class Size:
    """How big generated documents are: small ones for the property tests, sheets of the size
    INPS publishes (five areas, some thirty KPIs, an I.E.E.P. tree of forty items) for the benchmark."""

    area_absent: int = 2  # each area is left out one time in this many
    kpis: tuple[int, int] = (1, 4)
    ieep_items: tuple[int, int] = (3, 12)
    side_table_absent: int = 2


SMALL = Size()
REAL = Size(area_absent=10, kpis=(1, 7), ieep_items=(15, 40), side_table_absent=5)

def subarea(d: Draws, sub_name: str, weight: Decimal, size: Size) -> Subarea:
    if chance(d, 5):  # values on the sub-area row, no KPI row: one implicit KPI
        make = register_kpi if chance(d, 3) else kpi
        return Subarea(sub_name, weight, 0, (make(d, sub_name, True),))
    names = unique(d, name, d.integer(*size.kpis))
    kpis = [kpi(d, n) for n in names]
    for i in range(1, len(kpis)):  # neighbours often share a reference or a target: merged cells, once damaged
        if chance(d, 3):
            kpis[i] = attrs.evolve(kpis[i], reference=kpis[i - 1].reference, citations=kpis[i - 1].citations)
        if chance(d, 3):
            kpis[i] = attrs.evolve(kpis[i], target=kpis[i - 1].target)
    if chance(d, 4):
        kpis.append(register_kpi(d, "Progetti"))
    return Subarea(sub_name, weight, 0, tuple(kpis))


def areas(d: Draws, size: Size) -> tuple[Area, ...]:
    chosen = [a for a in AREAS if not chance(d, size.area_absent)] or [d.choice(AREAS)]
    capitals = chance(d, 4)  # the areas' and sub-areas' names in capitals
    if capitals:
        chosen = [(area_name.upper(), code) for area_name, code in chosen]
    out = []
    for (area_name, code), weight in zip(chosen, weights(d, len(chosen)), strict=True):
        sub_names = unique(d, lambda d: name(d, SUBAREA_FIRST), d.integer(1, 3))
        if capitals and chance(d, 2):
            sub_names = [s.upper() for s in sub_names]
        subs = tuple(subarea(d, s, w, size) for s, w in zip(sub_names, weights(d, len(sub_names)), strict=True))
        marker = d.choice(["*", "*", "(*)", "(1)"]) if code == "organizzativo" and chance(d, 2) else None
        out.append(Area(area_name, code, weight, marker, 0, subs))
    return tuple(out)


def act_note(d: Draws, label: str, kind: str) -> Note:
    day, month, year = d.integer(1, 28), d.integer(1, 12), YEAR - d.integer(0, 1)
    number = str(d.integer(1, 200))
    text = f"{kind} N. {number} del {day} {MONTHS[month - 1]} {year}"
    if chance(d, 4):  # the act cited inside a sentence, its date in digits
        text = f"Documento {YEAR}-{YEAR + 2}, approvato con {kind} n. {number} del {day:02d}/{month:02d}/{year}"
    return Note(label, None, text, Act(kind, number, f"{year}-{month:02d}-{day:02d}"), 0)


def notes(d: Draws, marker: str | None) -> tuple[Note, ...]:
    out = [act_note(d, "SMVP", "Determinazione commissariale"), act_note(d, "PIAO", "Determinazione commissariale"),
           act_note(d, f"Obiettivi {YEAR}", "Determinazione del Direttore Generale")]
    if chance(d, 2):
        out.append(Note("Sussidiarietà", None, "La DR/DCM dovrà mettere a disposizione i volumi di produzione",
                        None, 0))
    if marker:
        out.append(Note(None, marker, "Per gli Obiettivi Generali di Ente il valore assegnato è quello di sede.", None,
                        0))
    if chance(d, 2):
        out.append(Note(None, None, "I progetti assegnati sono riportati nell'allegato 3", None, 0))
    return tuple(out)


# the side tables' titles and headings as offices spell them
IEEP_TITLES = ("Indicatore di Efficacia Economico-finanziaria della Produzione (I.E.E.P)",
               "INDICATORE DI EFFICACIA ECONOMICO-FINANZIARIA DELLA PRODUZIONE (I.E.E.P.)",
               "Indicatore di Efficacia economico-finanziaria della Produzione (IEEP)")
IEEP_HEADINGS = ("Allegato 2", "ALLEGATO 2", "Allegato n. 2")
SPENDING_TITLES = ("Indicatore di Gestione della Spesa", "Indicatore Gestione della Spesa",
                   "INDICATORE DI GESTIONE DELLA SPESA")
PROJECT_HEADINGS = ("Allegato 3: Elenco Progetti", "ALLEGATO 3 - ELENCO PROGETTI",
                    "Allegato n. 3 – Elenco dei progetti")
IEEP_LABELS = ["Accertato", "Entrate Contributive", "Accertamenti da vigilanza", "Minori prestazioni",
               "Incassi e Pagamenti", "Incassi da Vigilanza Ispettiva", "Prestazioni", "Azioni Surrogatorie",
               "Incassi da Riscatti", "Accertamento ECA", "Versamenti Volontari", "Visite Mediche"]


def ieep(d: Draws, size: Size) -> Ieep:
    """A money tree in pre-order whose parents are the signed sums of their children. In small
    trees every leaf's amount carries a distinct power of three in its low digits, so that no
    other tree adds up: the tree is the only reading of the figures. Large trees have amounts
    of the size sheets print."""
    n = d.integer(*size.ieep_items)
    parents: list[int | None] = [None]
    for i in range(1, n):
        # pre-order: the parent is an ancestor of the previous item, or the previous item itself
        chain, j = [], i - 1
        while j is not None:
            chain.append(j)
            j = parents[j]
        parents.append(d.choice(chain))
    kids = {i: [k for k in range(n) if parents[k] == i] for i in range(n)}
    signs = [1] + [-1 if chance(d, 5) else 1 for _ in range(1, n)]
    amounts = [Decimal(0)] * n
    leaf = 0
    for i in range(n - 1, -1, -1):
        if kids[i]:
            amounts[i] = sum((amounts[k] * signs[k] for k in kids[i]), Decimal(0))
        else:
            leaf += 1
            amounts[i] = Decimal(d.integer(1, 999) * 10 ** 8 + 3 ** leaf if n <= 12 else d.integer(10 ** 4, 10 ** 9))
    if amounts[0] < 0:
        return ieep(d, size)
    levels = [0] * n
    for i in range(1, n):
        levels[i] = levels[parents[i]] + 1  # type: ignore[index]
    items = []
    for i in range(n):
        label = f"OBIETTIVI {YEAR}" if i == 0 else f"{IEEP_LABELS[i % len(IEEP_LABELS)]} {i}"
        if signs[i] < 0:
            label += " (-)"
        italic = not kids[i] and i > 0 and chance(d, 2)
        items.append(IeepItem(i, label, amounts[i], format_number(amounts[i]) + " €", signs[i], levels[i],
                              parents[i], italic, 0))
    heading = d.choice(IEEP_HEADINGS) if chance(d, 2) else None
    return Ieep(heading, d.choice(IEEP_TITLES), d.choice(("Totale", "TOTALE")), 0, tuple(items))


def spending(d: Draws) -> Spending:
    measures = ["Fabbisogni Economici", "Indicatore corretta gestione 1005"]
    rules = []
    for measure in measures[:d.integer(1, 2)]:
        for phase in d.choice([["I-II-III Forecast", "IV Forecast"], [None], ["IV Forecast"]]):
            rules.append(SpendingRule(measure, phase, f"Scostamento massimo del +{d.integer(1, 9)}% tra budget "
                                                      f"economico e utilizzato", 0))
    return Spending(None, d.choice(SPENDING_TITLES), 0, tuple(rules))


def projects(d: Draws, document_areas: tuple[Area, ...]) -> tuple[Projects, tuple[Area, ...]]:
    """Projects filed under the sub-areas whose KPIs cite the register, and those KPIs linked."""
    items: list[Project] = []
    linked = []
    for area in document_areas:
        subs = []
        for sub in area.subareas:
            ids: tuple[str, ...] = ()
            if any(k.reference and REGISTER in k.reference for k in sub.kpis):
                ids = tuple(f"NOPE24_DC{area.code.upper()[:3]}_{len(items) + i}.{d.integer(1, 9)}"  # type: ignore[union-attr]
                            for i in range(d.integer(1, 3)))
                items += [Project(area.name, area.code, sub.name, pid, title(d), 0) for pid in ids]
            subs.append(Subarea(sub.name, sub.weight_pct, sub.line, tuple(
                Kpi(k.name, k.line, k.implicit, k.reference, k.citations, k.target,
                    ids if k.reference and REGISTER in k.reference else ()) for k in sub.kpis)))
        linked.append(Area(area.name, area.code, area.weight_pct, area.marker, area.line, tuple(subs)))
    return Projects(d.choice(PROJECT_HEADINGS), d.choice(PROJECT_COLUMNS), 0, tuple(items)), tuple(linked)


TITLES = (f"Obiettivi di performance organizzativa per l'anno {YEAR}",
          f"OBIETTIVI DI PERFORMANCE ORGANIZZATIVA PER L'ANNO {YEAR}",
          f"Obiettivi di Performance Organizzativa {YEAR}")
# the tables' headers as offices spell them
MAIN_COLUMNS = (
    ("AMBITO DI PERFORMANCE", "CONTRIBUTO AL VALORE PUBBLICO", "SOTTO AMBITI", "KPI", "RIFERIMENTI",
     "VALORE OBIETTIVO"),
    ("AMBITI DI PERFORMANCE", "CONTRIBUTO AL VALORE PUBBLICO", "SOTTOAMBITI", "KPI", "RIFERIMENTO",
     "VALORE OBIETTIVO"),
    ("Ambito di performance", "Contributo al valore pubblico", "Sotto ambiti", "KPI", "Riferimenti",
     "Valore obiettivo"),
)
PROJECT_COLUMNS = (
    ("AMBITO VALORIALE", "SOTTOAMBITO", "ID PROGETTO", "TITOLO PROGETTO"),
    ("AMBITI VALORIALI", "SOTTOAMBITI", "ID PROGETTO", "TITOLO PROGETTO"),
    ("Ambito valoriale", "Sottoambito", "ID progetto", "Titolo progetto"),
)


def document(d: Draws, size: Size = SMALL) -> Document:
    label, kind, office_name, role = d.choice(OFFICES)
    main = areas(d, size)
    marker = next((a.marker for a in main if a.marker), None)
    annex, main = projects(d, main)
    doc = Document(
        source="<text>",
        title=d.choice(TITLES),
        year=YEAR,
        office=Office(label, kind, office_name, role),
        columns=d.choice(MAIN_COLUMNS),
        areas=main,
        ieep=ieep(d, size) if not chance(d, size.side_table_absent) else None,
        spending=spending(d) if not chance(d, size.side_table_absent) else None,
        projects=annex if annex.items else None,
        notes=notes(d, marker),
    )
    return attrs.evolve(doc, checks=checks.run(doc))


@st.composite
def documents(draw: Any) -> Document:
    return document(HypothesisDraws(draw))


# --- damage -----------------------------------------------------------------------------------

PAGE_NUMBERS = ("Pagina 1 di 2", "1", "- 1 -", "Pag. 1")  # the forms a page number takes
# what the headers start with, in capitals
HEADERS = tuple(dict.fromkeys(c[0].upper() for c in MAIN_COLUMNS))
PROJECT_HEADERS = tuple(dict.fromkeys(c[0].upper() for c in PROJECT_COLUMNS))


def damage(text: str, d: Draws) -> str:
    """The canonical sheet as a lossy export leaves it: merged cells blanked, references wrapped,
    targets in RIFERIMENTI, rows shifted, the title, table headers, names, notes, spending rules,
    project titles and I.E.E.P. labels wrapped onto a row of their own (or a tall row's other
    cells printed on its last line, under the wrapped cell's start), blank page-break rows with
    page numbers and repeated page headers, stray spaces and trailing empty cells, the whole sheet
    offset to the right, CRLF, a missing final newline."""
    rows = [line.split("\t") for line in text.split("\n")]
    header = next(i for i, r in enumerate(rows) if r[0].upper().startswith(HEADERS))
    end = next((i for i in range(header + 1, len(rows)) if rows[i] == [""]), len(rows))
    table = rows[header + 1:end]
    _merge(d, table)
    page_number = d.choice(PAGE_NUMBERS)
    table = _wrap(d, table)
    for r in table:
        if len(r) > 5 and r[3] and not r[4] and r[5] and " - " not in r[5] and chance(d, 2):
            r[4], r[5] = r[5], ""  # the target (not a citation: that would be a reference) landed in RIFERIMENTI
        elif len(r) > 5 and r[3] and r[5] and _WHOLE_CITATION.search(r[4]) and chance(d, 8):
            r.insert(4, "")  # the row gained an empty cell before its reference
        if r[0] == "" and r[1] == "" and r[2] == "" and len(r) > 3 and r[3] and chance(d, 4):
            del r[:d.choice([1, 2])]  # the row lost its leading cells
            r += [""] * d.integer(0, 2)
        elif r[0] == "" and r[1] == "" and r[2].endswith("%") and chance(d, 4):
            del r[:d.choice([1, 2])]  # a sub-area row lost its leading cells
    table = _wrap_names(d, table)
    for r in table:
        if chance(d, 5):
            r[:] = [f" {c} " if c else c for c in r]
    out_rows = []
    for r in table:
        out_rows.append(r)
        page_break = d.integer(0, 8)
        if page_break == 0:
            out_rows.append([""])  # a blank row
        elif page_break == 1:  # a page number, then the page header repeated
            out_rows += [[""], [page_number], [""], rows[header - 2], rows[header]]
    rows[header + 1:end] = out_rows
    rows = _wrap_below_table(d, rows, header + 1 + len(out_rows))
    if chance(d, 4) and not any(r[0] == page_number for r in rows):  # (a repeated page header would wrap too)
        rows = _wrap_title(d, rows)
    if chance(d, 4):
        rows = _wrap_headers(d, rows)
    if chance(d, 4):  # the exported range starts to the right, or carries empty columns on the right
        left = [""] * d.integer(1, 2)
        rows = [left + r for r in rows]
    if chance(d, 4):
        rows = [r + [""] * 2 for r in rows]
    result = "\n".join("\t".join(r) for r in rows)
    if chance(d, 2):
        result = result.replace("\n", "\r\n")
    if chance(d, 2):
        result = result.rstrip("\r\n")
    return result


# an area's name, wrapped after the words it begins with
_AREA_WRAP = re.compile(r"(Valore(?: di)?) (.+)", re.IGNORECASE)
# a reference that names a passage, not wrapped: it reads as a citation wherever it stands
_WHOLE_CITATION = re.compile(r" - .*(?:Pag|pag|Par|§|Anagrafica)")


def _split_point(d: Draws, text: str) -> int | None:
    """Where a wrapping cell breaks: before a lower-case word (never the first)."""
    words = text.split(" ")
    at = [i for i in range(1, len(words)) if words[i][:1].islower()]
    return d.choice(at) if at else None


def _wrapped(d: Draws, text: str) -> tuple[str, str] | None:
    at = _split_point(d, text)
    if at is None:
        return None
    words = text.split(" ")
    return " ".join(words[:at]), " ".join(words[at:])


def _name_cell(r: list[str]) -> int | None:
    """The column of a main-table row's name: the first cell left of RIFERIMENTI that is no weight."""
    first = next((i for i, c in enumerate(r) if c), None)
    if first is None:
        return None
    if first == 0 and not r[0].endswith("%"):  # an area row names its sub-area in column 3
        return 3 if len(r) > 3 and r[3] else None
    return next((i for i in range(first, min(len(r), 4)) if r[i] and not r[i].endswith("%")), None)


def _wrap_names(d: Draws, table: list[list[str]]) -> list[list[str]]:
    """Wrap some area, sub-area and KPI names: the rest of the name on a row of its own, same
    column; or the start of the name on a row of its own and the row's other cells (area,
    weights, values) with the rest of it (a PDF export prints a tall row's cells on its last
    line)."""
    out = []
    for r in table:
        out.append(r)
        if r[0] and chance(d, 6) and (area := _AREA_WRAP.fullmatch(r[0])):  # the area's name wraps instead
            start, rest = area.groups()
            if chance(d, 2):
                out[-1] = [start]
                out.append([rest, *r[1:]])
            else:
                r[0] = start
                out.append([rest])
            continue
        at = _name_cell(r)
        if at is not None and chance(d, 5) and (parts := _wrapped(d, r[at])):
            head, rest = parts
            if chance(d, 2):  # the row's other cells go down with the rest of the name
                out[-1] = [""] * at + [head]
                out.append([*r[:at], rest, *r[at + 1:]])
            else:
                r[at] = head
                out.append([""] * at + [rest])
    return out


def _wrap_below_table(d: Draws, rows: list[list[str]], start: int) -> list[list[str]]:
    """Wrap some notes (onto a line of their own: the rest of a phrase, or a date's year),
    spending rules, project titles and I.E.E.P. labels (onto the next row, in their column; or
    their start alone on a row above the row's other cells)."""
    out = rows[:start]
    for r in rows[start:]:
        out.append(r)
        cells = [i for i, c in enumerate(r) if c]
        if not cells or not chance(d, 4):
            continue
        last = cells[-1]
        text = r[last]
        if len(cells) == 1 and (text.upper().startswith(("ALLEGATO", "INDICATORE")) or text in PAGE_NUMBERS or last):
            continue  # a heading, a header or a page number: not a note
        if len(cells) > 1 and text.endswith("€"):
            last = cells[0]  # an I.E.E.P. item: its label wraps under it
            text = r[last]
        elif len(cells) > 1 and (last < 2 or text.upper().startswith(("ID PROGETTO", "TITOLO")) or text[:1].isdigit()):
            continue  # only a rule or a title, in its own column
        if len(cells) == 1 and text[-4:].isdigit() and text[-5:-4] == " " and chance(d, 3):
            parts = (text[:-5], text[-4:])  # a note's date wraps before its year
        else:
            parts = _wrapped(d, text)
        if parts:
            head, rest = parts
            if len(cells) > 1 and chance(d, 2):
                out[-1] = [""] * last + [head]  # the row's other cells printed on its last line
                out.append([*r[:last], rest, *r[last + 1:]])
            else:
                r[last] = head
                out.append([""] * last + [rest])
    return out


def _wrap_title(d: Draws, rows: list[list[str]]) -> list[list[str]]:
    """The title wrapped after any of its words, the rest (with the year) on the line below."""
    at = next(i for i, r in enumerate(rows) if r[0].upper().startswith("OBIETTIVI DI PERFORMANCE"))
    words = rows[at][0].split(" ")
    split = d.integer(1, len(words) - 1)
    return [*rows[:at], [" ".join(words[:split])], [" ".join(words[split:])], *rows[at + 1:]]


def _wrap_headers(d: Draws, rows: list[list[str]]) -> list[list[str]]:
    """Some cells of the main-table, projects and I.E.E.P. headers wrapped: their last words on
    the row below, in their columns, or the header's other cells printed on that row too (where
    a page break prints the header again, there too). The I.E.E.P. title keeps the words that
    name it ('Indicatore di Efficacia Economico-finanziaria') on the first row."""
    headers = [r for r in rows if r[0].upper().startswith((*HEADERS, *PROJECT_HEADERS)) or r[0] in IEEP_TITLES]
    wrapped: dict[int, tuple[list[str], list[str]]] = {}
    for r in headers:
        if id(r) not in wrapped:
            words = [c.split(" ") for c in r]
            least = [4 if c in IEEP_TITLES else 1 for c in r]
            cut = [d.integer(low, len(w) - 1) if len(w) > low and chance(d, 2) else len(w)
                   for w, low in zip(words, least, strict=True)]
            tops = [" ".join(w[:k]) for w, k in zip(words, cut, strict=True)]
            rests = [" ".join(w[k:]) for w, k in zip(words, cut, strict=True)]
            if chance(d, 2):  # the header's other cells printed on its last line
                unwrapped = [k == len(w) for w, k in zip(words, cut, strict=True)]
                tops = ["" if whole else top for top, whole in zip(tops, unwrapped, strict=True)]
                rests = [cell if whole else rest for cell, rest, whole in zip(r, rests, unwrapped, strict=True)]
            wrapped[id(r)] = (tops, rests)
    out = []
    for r in rows:
        out += list(wrapped[id(r)]) if id(r) in wrapped else [r]
    return out


def _wrap(d: Draws, table: list[list[str]]) -> list[list[str]]:
    """Wrap some references: the part from 'Pag.' on spills onto a row of its own below."""
    out = []
    for r in table:
        out.append(r)
        at = r[4].find(" Pag") if len(r) > 5 else -1
        if at > 0 and ";" not in r[4] and chance(d, 4):
            r[4], rest = r[4][:at], r[4][at + 1:]
            out.append(["", "", "", "", rest, ""])
    return out


def _merge(d: Draws, table: list[list[str]]) -> None:
    """Blank repeated references and targets the way merged cells print them: once, on the first
    row of the run, on the sub-area row, or (first run of a sub-area only) on the middle row."""
    groups: list[list[list[str]]] = []
    current: list[list[str]] | None = None
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
                only = n == 0 and len(runs) == 1 and not sub[col]
                where = d.choice(["first", "middle", "subarea"] if only else
                                 ["first", "middle"] if n == 0 and not sub[col] else ["first"])
                value = values[a]
                for k in kpis[a:b]:
                    k[col] = ""
                if where == "first":
                    kpis[a][col] = value
                elif where == "middle":
                    kpis[(a + b - 1) // 2][col] = value
                else:
                    sub[col] = value


@st.composite
def damaged(draw: Any, text: str) -> str:
    return damage(text, HypothesisDraws(draw))


# --- how the file is saved ----------------------------------------------------------------------

def excel_quoted(text: str, d: Draws) -> str:
    """The sheet as Excel saves it as text: a cell holding a quote or an in-cell line break
    (added here to some cells of several words) written between quotes, inner quotes doubled."""
    lines = []
    for line in text.split("\n"):
        cells = []
        for cell in line.split("\t"):
            words = cell.split(" ")
            if len(words) > 2 and chance(d, 6):
                at = d.integer(1, len(words) - 1)
                cell = " ".join(words[:at]) + "\n" + " ".join(words[at:])
            if '"' in cell or "\n" in cell:
                cell = '"' + cell.replace('"', '""') + '"'
            cells.append(cell)
        lines.append("\t".join(cells))
    return "\n".join(lines)


def encoded(text: str, d: Draws) -> bytes:
    """The bytes of a saved sheet: UTF-8 (with or without BOM), Windows-1252, UTF-16 as Excel's
    "Unicode Text" (little-endian, with BOM; or without one, either way), UTF-32, or the code
    pages of Excel's "Testo (MS-DOS)" and "Testo (Macintosh)"; LF, CRLF or CR."""
    how = d.choice(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                    "cp858", "mac_roman"])
    if "\r" not in text:  # (the damage may have ended its lines otherwise already)
        text = text.replace("\n", d.choice(["\n", "\n", "\r\n", "\r"]))
    try:
        return text.encode(how)
    except UnicodeEncodeError:  # a character the code page does not have
        return text.encode("utf-8")


def as_csv(text: str, delimiter: str) -> str:
    """The sheet as a CSV of another separator, quoted as Excel quotes (RFC 4180)."""
    import csv
    import io

    out = io.StringIO()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(line.split("\t") for line in lines)
    return out.getvalue()


@st.composite
def saved(draw: Any, text: str) -> bytes:
    """A sheet damaged by the export, then saved: perhaps quoted, perhaps as a CSV of another
    separator, in some encoding."""
    d = HypothesisDraws(draw)
    text = damage(text, d)
    if chance(d, 4):
        text = as_csv(text, d.choice([";", ",", "|"]))
    elif chance(d, 3):
        text = excel_quoted(text, d)
    return encoded(text, d)
