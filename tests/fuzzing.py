"""Mutated sheets, seeded, and what objparse must do with each: a document that loses no cell,
or a one-line SheetError; never another exception. Every command too, on batches of them.
Used by tests/test_fuzz.py (a few hundred) and bench/fuzz.py (twenty thousand and more)."""

from __future__ import annotations

import contextlib
import io
import random
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

import attrs
from conftest import CORPUS, FIXTURES
from test_lossless import lost_cells

SEEDS = sorted(CORPUS.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
ORIGINALS = [p.read_bytes() for p in sorted((FIXTURES / "originals").iterdir())
             if p.suffix in (".xlsx", ".ods", ".pdf")]

# what a cell may be made into: every kind of value and word a sheet holds, and what breaks readers
TOKENS = ["", "30%", "100%", "33,3%", "1,013", "83.994", "4.249.834.748 €", "€ 1.234,50", "EUR 5", "-", "0",
          "9" * 60, "Obiettivi 2024 - Pag. 26", "PIAO - Pag. 40 e segg.", "Pagg. 4-7", "SMVP - Par 6.2.11",
          "Allegato 2", "Allegato 3: Elenco Progetti", "AMBITO DI PERFORMANCE", "RIFERIMENTI", "KPI",
          "VALORE OBIETTIVO", "SOTTO AMBITI", "AMBITO VALORIALE", "SOTTOAMBITO", "ID PROGETTO", "Valore", "Valore di",
          "Valore Sociale", "Valore organizzativo*", "Istituzionale", "I.E.E.P. - Accertamenti",
          "Indicatore di Efficacia Economico-finanziaria della Produzione (I.E.E.P)", "Totale",
          "Indicatore Gestione della Spesa", "Interessi legali (-)", "<i>Voce</i>", "NOPE24_DCFI_1.3",
          "Obiettivi di performance organizzativa per l'anno 2024", "DC Risorse Umane",
          "REG. LOMBARDIA - Direttore Regionale", "DCM ROMA", "Pagina 2 di 3", "- 2 -", "2", "Pag. 2",
          "SMVP: Determinazione commissariale N. 110 del 21 dicembre 2023", "* Per gli obiettivi", "(1)", "di",
          "e della", "\"", '"a""b"', "\u2028", "\x85", "\x0b", "\x01", "\ufeff", "&amp;", "<script>x</script>",
          "è à ù", "１２３", "\ud800"]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _cells(line: str) -> list[str]:
    return line.split("\t")


def mutate(text: str, rng: random.Random, donors: list[str]) -> str:
    """One damage a sheet could come with, or a hostile one: lines moved, cells shifted, values
    swapped for other values, text cut."""
    lines = _lines(text)
    if not lines:
        return text
    i = rng.randrange(len(lines))
    kind = rng.randrange(16)
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif kind == 2:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 3:
        donor = _lines(rng.choice(donors))
        lines.insert(i, donor[rng.randrange(len(donor))])
    elif kind == 4:
        lines.insert(i, "")
    elif kind == 5:
        cells = _cells(lines[i])
        cut = rng.randrange(len(cells) + 1)
        lines[i:i + 1] = ["\t".join(cells[:cut]), "\t" * cut + "\t".join(cells[cut:])]
    elif kind == 6 and i + 1 < len(lines):
        lines[i:i + 2] = [lines[i] + rng.choice(["", "\t", " "]) + lines[i + 1]]
    elif kind == 7:
        lines[i] = "\t" * rng.randrange(1, 4) + lines[i] if rng.random() < 0.5 else lines[i].lstrip("\t")
    elif kind == 8:
        cells = _cells(lines[i])
        del cells[rng.randrange(len(cells))]
        lines[i] = "\t".join(cells)
    elif kind == 9:
        cells = _cells(lines[i])
        cells[rng.randrange(len(cells))] = rng.choice(TOKENS)
        lines[i] = "\t".join(cells)
    elif kind == 10:
        cells = _cells(lines[i])
        at = rng.randrange(len(cells))
        cells.insert(at, rng.choice(TOKENS))
        lines[i] = "\t".join(cells)
    elif kind == 11:
        line = lines[i]
        at = rng.randrange(len(line) + 1)
        lines[i] = line[:at] + rng.choice(TOKENS) + line[at:]
    elif kind == 12:
        lines = lines[: rng.randrange(len(lines) + 1)]
    elif kind == 13:
        start = rng.randrange(len(lines))
        block = lines[start:start + rng.randrange(1, 12)]
        lines[i:i] = block * rng.randrange(1, 4)
    elif kind == 14:
        lines[i] = lines[i].upper() if rng.random() < 0.5 else lines[i].lower()
    else:
        cells = _cells(lines[i])
        rng.shuffle(cells)
        lines[i] = "\t".join(cells)
    return "\n".join(lines)


def encoded(text: str, rng: random.Random) -> bytes:
    """The text saved as users save sheets, or with bytes damaged."""
    kind = rng.randrange(10)
    if kind == 0:
        return text.encode("utf-16", "surrogatepass")
    if kind == 1:
        return text.encode("cp1252", "replace")
    if kind == 2:
        return text.replace("\n", "\r\n").encode("utf-8", "surrogatepass")
    if kind == 3:
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if kind == 4:
        data = bytearray(text.encode("utf-8", "surrogatepass"))
        for _ in range(rng.randrange(1, 4)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    return text.encode("utf-8", "surrogatepass")


def damaged_original(rng: random.Random) -> bytes:
    """A workbook or a PDF with bytes flipped, cut short, inserted or deleted."""
    data = bytearray(rng.choice(ORIGINALS))
    kind = rng.randrange(4)
    if kind == 0:
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:
        del data[rng.randrange(len(data)):]
    elif kind == 2:
        at = rng.randrange(len(data))
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 50)))
    else:
        at = rng.randrange(len(data))
        del data[at:at + rng.randrange(1, 200)]
    return bytes(data)


def sheet(n: int, seed: int, texts: list[str]) -> bytes:
    """The n-th mutated sheet of a seeded run (one in a hundred a damaged workbook or PDF)."""
    rng = random.Random(seed * 1_000_003 + n)
    if rng.randrange(100) == 0:
        return damaged_original(rng)
    text = rng.choice(texts)
    for _ in range(rng.randrange(1, 5)):
        text = mutate(text, rng, texts)
    return encoded(text, rng)


@attrs.define
class Findings:
    sheets: int = 0
    documents: int = 0
    refused: int = 0  # SheetError: a one-line error
    internal: list[str] = attrs.Factory(list)  # any other exception, or 'internal error' said
    lost: list[str] = attrs.Factory(list)
    commands: int = 0

    def merge(self, other: Findings) -> None:
        self.sheets += other.sheets
        self.documents += other.documents
        self.refused += other.refused
        self.internal += other.internal
        self.lost += other.lost
        self.commands += other.commands

    @property
    def clean(self) -> bool:
        return not self.internal and not self.lost


def check_api(data: bytes, name: str, found: Findings) -> None:
    from objparse import SheetError, parse_sheets
    from objparse.readers import kind
    from objparse.source import decode

    found.sheets += 1
    try:
        doc = parse_sheets(data, name)
    except SheetError as exc:
        found.refused += 1
        if "\n" in str(exc):
            found.internal.append(f"{name}: a SheetError of more than one line: {exc!r}")
        return
    except Exception:
        found.internal.append(f"{name}: {traceback.format_exc(limit=-3)}")
        return
    found.documents += 1
    if kind(data) != "text":
        return  # (the lossless oracle reads text)
    lost = lost_cells(decode(data, name).text, doc)
    if lost:
        found.lost.append(f"{name}: {lost[:3]}")


def _run(argv: list[str]) -> tuple[int | None, str]:
    """main(argv) in this process: its exit code (None when an exception escaped) and what it said."""
    from objparse.cli import main

    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            status = main(argv)
        except SystemExit as exc:
            status = int(exc.code or 0)
        except BaseException:
            return None, traceback.format_exc(limit=-3)
    return status, err.getvalue()


COMMANDS: list[Callable[[list[str], Path], list[str]]] = [
    lambda files, d: [*files, "-o", str(d / "out.json")],
    lambda files, d: [*files, "-o", str(d / "out.jsonl"), "--jobs", "1"],
    lambda files, d: [*files, "-o", f"{d}/tables/"],
    lambda files, d: [*files, "-o", str(d / "out.xlsx")],
    lambda files, d: [*files, "-o", str(d / "out.sqlite")],
    lambda files, d: [*files, "--table", "kpis", "-o", str(d / "kpis.csv")],
    lambda files, d: ["check", "--json", *files],
    lambda files, d: ["roundtrip", *files],
]


def check_command(batch: list[bytes], first: int, which: int, found: Findings) -> None:
    """One command on a batch of files (COMMANDS[which], or past them render, on the JSON the
    first one writes)."""
    with tempfile.TemporaryDirectory(prefix="objparse-fuzz-") as tmp:
        d = Path(tmp)
        files = []
        for n, data in enumerate(batch, start=first):
            path = d / f"{n:06d}.txt"
            path.write_bytes(data)
            files.append(str(path))
        if which < len(COMMANDS):
            runs = [COMMANDS[which](files, d)]
        else:
            runs = [COMMANDS[0](files, d), ["render", str(d / "out.json"), "-o", str(d / "rendered")]]
        for argv in runs:
            found.commands += 1
            status, said = _run(argv)
            if status is None or status not in (0, 1, 2) or "internal error" in said or "Traceback" in said:
                found.internal.append(f"objparse {' '.join(argv[:1])}… on sheets {first}-{first + len(batch) - 1}: "
                                      f"exit {status}: {said[-600:]}")


def run(start: int, stop: int, seed: int, batch: int = 25) -> Findings:
    """Sheets start..stop-1 of a seeded run: each through the API, and in batches through a
    command, each batch the next command (every command sees a share of the sheets)."""
    texts = [p.read_bytes().decode("utf-8", "replace") for p in SEEDS]
    found = Findings()
    for at in range(start, stop, batch):
        sheets = [sheet(n, seed, texts) for n in range(at, min(at + batch, stop))]
        for n, data in enumerate(sheets, start=at):
            check_api(data, f"fuzz-{seed}-{n}.txt", found)
        check_command(sheets, at, (at // batch) % (len(COMMANDS) + 1), found)
    return found
