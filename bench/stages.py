"""Where the time goes: each stage of the parse, in microseconds a line, and the floors under them.

    python bench/stages.py [--sheets 400] [--seed 1] [--repeat 3]

Parses the benchmark's corpus (bench/run.py, same seed) through the API with each stage of
objparse.parse timed on its own, then times three floors on the same text: splitting it into
cells (what csv.reader does), that plus classifying each cell (a cached lookup), and Lark's LALR
parser alone over rows the lexer has classified already. A stage's figure includes what it
calls: the grammar's includes feeding it the rows. Each figure is the best of --repeat runs.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # bench/run.py: the corpus generator

from objparse import parse as pipeline
from objparse import parse_bytes, readers, records, source, syntax
from objparse.lexer import lex
from objparse.values.cells import classify

# (stage, module, function) in the order objparse.parse runs them; each is called through its module
STAGES = [
    ("decode", source, "decode"),
    ("read cells", pipeline.records, "read"),
    ("lex rows", pipeline.lexer, "lex"),
    ("grammar (Lark)", pipeline.syntax, "parse"),
    ("preamble", pipeline.preamble, "parse"),
    ("main table", pipeline.main_table, "parse"),
    ("side tables", pipeline, "_side_tables"),
    ("notes", pipeline.notes, "parse"),
    ("project links", pipeline.project_links, "link"),
    ("checks", pipeline.checks, "attach"),
]


def timed(spent: Counter[str], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    return call


def best(repeat: int, work: Callable[[], object]) -> float:
    return min(run.best(1, work) for _ in range(repeat))


def main() -> int:
    args = run.options(__doc__, 400)
    with tempfile.TemporaryDirectory(prefix="objparse-stages-") as tmp:
        data = [(str(p), p.read_bytes()) for p in run.generate(Path(tmp), args.sheets, args.seed)]
    texts = [source.decode(raw).text for _, raw in data]
    lines = sum(text.count("\n") + 1 for text in texts)
    us = 1e6 / lines

    def api() -> None:
        for name, raw in data:
            parse_bytes(raw, name)

    api()  # the parser built, the caches warm
    whole = best(args.repeat, api)
    spent: Counter[str] = Counter()
    originals = [(module, function, getattr(module, function)) for _, module, function in STAGES]
    for (stage, module, function), (_, _, original) in zip(STAGES, originals, strict=True):
        setattr(module, function, timed(spent, stage, original))
    try:
        fastest: dict[str, float] | None = None
        for _ in range(args.repeat):
            spent.clear()
            total = run.best(1, api)
            if fastest is None or total < fastest["total"]:
                fastest = {**spent, "total": total}
    finally:
        for module, function, original in originals:
            setattr(module, function, original)
    assert fastest is not None

    def split() -> None:
        for text in texts:
            for line in text.split("\n"):
                line.split("\t")

    def cells() -> None:
        for text in texts:
            for line in text.split("\n"):
                [classify(c) for c in map(str.strip, line.split("\t")) if c]

    lexed = [lex(records.read(readers.text.grid(text, "sheet")).rows) for text in texts]

    def grammar() -> None:
        for rows in lexed:
            syntax.parse(rows)

    print(f"{len(data)} sheets, {lines:,} lines; the API: {lines / whole:,.0f} lines/s, {whole * us:.1f} µs a line")
    print("\nstage                 µs a line   share")
    for stage, _, _ in STAGES:
        print(f"{stage:20} {fastest.get(stage, 0.0) * us:9.1f}   {fastest.get(stage, 0.0) / fastest['total']:5.0%}")
    rest = fastest["total"] - sum(v for k, v in fastest.items() if k != "total")
    print(f"{'the rest':20} {rest * us:9.1f}   {rest / fastest['total']:5.0%}")
    print(f"{'all, timed so':20} {fastest['total'] * us:9.1f}")
    print("\nfloor                                     µs a line")
    for name, work in (("split into cells (csv.reader's work)", split),
                       ("split + strip + classify each cell", cells),
                       ("Lark alone, over classified rows", grammar)):
        print(f"{name:40} {best(args.repeat, work) * us:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
