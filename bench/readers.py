"""How fast each reader reads: a text sheet's lines a second, an .xlsx and an .ods sheet and a PDF
page in milliseconds.

    python bench/readers.py [--sheets 60] [--seed 1] [--repeat 3]

Generates sheets as bench/run.py does (seeded, damaged as exports damage them), writes each as
text and renders its document as .xlsx, .ods and PDF (objparse.rendering, the inverse of the
readers), then times objparse.parse_bytes on each kind: text in lines a second (the whole parse,
as bench/run.py's API line), workbooks in milliseconds a sheet, PDFs in milliseconds a page.
The corpus' own originals (tests/fixtures/originals/) are timed too. Best of --repeat runs.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (bench/run.py: the corpus generator and the options every benchmark takes)

from objparse import parse_bytes, parse_sheets  # noqa: E402
from objparse.rendering import render_as  # noqa: E402


def best(repeat: int, files: list[bytes]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for data in files:
            parse_bytes(data, "sheet")
        times.append(time.perf_counter() - start)
    return min(times)


def pages(data: bytes) -> int:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def main() -> int:
    args = run.options(__doc__, 60)
    with tempfile.TemporaryDirectory(prefix="objparse-readers-") as tmp:
        texts = [p.read_bytes() for p in run.generate(Path(tmp), args.sheets, args.seed)]
    docs = [parse_sheets(data, "sheet.txt")[0] for data in texts]
    lines = sum(data.count(b"\n") + 1 for data in texts)
    parse_bytes(texts[0], "warm")
    took = best(args.repeat, texts)
    print(f"{len(texts)} generated sheets, {lines:,} lines")
    print(f"{'text':10} {lines / took:10,.0f} lines/s   {took / len(texts) * 1000:7.1f} ms a sheet")
    for fmt in ("xlsx", "ods", "pdf"):
        files = [render_as(doc, fmt) for doc in docs]
        parse_bytes(files[0], "warm")
        took = best(args.repeat, files)
        if fmt == "pdf":
            count = sum(pages(data) for data in files)
            print(f"{fmt:10} {took / count * 1000:10.1f} ms a page   ({count} pages, "
                  f"{took / len(files) * 1000:.1f} ms a sheet)")
        else:
            print(f"{fmt:10} {took / len(files) * 1000:10.1f} ms a sheet")
    print("\nthe corpus' originals (LibreOffice's), ms each:")
    for path in sorted((ROOT / "tests" / "fixtures" / "originals").glob("*")):
        if path.suffix in (".xlsx", ".ods", ".pdf"):
            data = path.read_bytes()
            took = best(args.repeat, [data])
            per = f", {took / pages(data) * 1000:.1f} a page" if path.suffix == ".pdf" else ""
            print(f"  {path.name:32} {took * 1000:7.1f}{per}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
