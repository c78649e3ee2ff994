"""The commands besides the main one: check, report, render, roundtrip, schema."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..inputs import expand
from .batch import fail_on, fails, read_documents, unplaced
from .console import out, say

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def parsed(ap: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    """The arguments, or the exit code argparse chose (2 on usage errors, 0 after --help)."""
    try:
        return ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def _sheets_parser(prog: str, description: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog=prog, description=description)
    ap.add_argument("files", nargs="*", metavar="FILE", help="sheet files, directories or patterns; '-' for stdin")
    return ap


def _fail_on(ap: argparse.ArgumentParser, default: frozenset[str], said: str) -> None:
    ap.add_argument("--fail-on", type=fail_on, default=default, metavar="FINDINGS",
                    help=f"the findings that make the exit status 1, apart by commas: check, warning, "
                         f"unplaced ({said})")


def _sheets(ap: argparse.ArgumentParser, argv: list[str]) -> tuple[argparse.Namespace, list[str]] | int:
    """The arguments and the files they name; or the exit code, after a usage error or --help."""
    args = parsed(ap, argv)
    if isinstance(args, int):
        return args
    files = _files(args.files)
    return (args, files) if files else EXIT_USAGE


def _files(names: list[str]) -> list[str]:
    """The files to read, each once; none (and a usage error said) when there are none."""
    inputs = expand(names)
    for again, first in inputs.repeated:
        say(f"objparse: warning: {again}: the same file as {first}: read once")
    if not inputs.files:
        say("objparse: error: no input: give sheet files, a directory, or '-' for standard input")
    return inputs.files


def _documents(files: list[str]) -> Iterator[tuple[str, Any]]:
    """(path, a Document of it), or (path, its SheetError) once the error has been said."""
    from ..errors import SheetError

    for path in files:
        try:
            for doc in read_documents(path):
                yield path, doc
        except SheetError as exc:
            say(f"objparse: error: {exc}")
            yield path, exc
        except Exception as exc:  # a bug must not cost the rest of the batch
            say(f"objparse: error: {path}: internal error ({type(exc).__name__}: {exc})")
            yield path, SheetError(f"internal error ({type(exc).__name__})", path)


# --- objparse render ----------------------------------------------------------------------------

def render_command(argv: list[str], prog: str) -> int:
    ap = argparse.ArgumentParser(
        prog=prog,
        description="Write each document of objparse's JSON (or JSON Lines) back as a clean sheet, one file per "
                    "document, named after its source: the canonical text (UTF-8, LF, tabs, Italian number formats), "
                    "or an .xlsx or .ods workbook (merged cells, number formats), or a PDF of ruled tables.")
    ap.add_argument("documents", metavar="DOC", help="objparse's .json or .jsonl output; '-' for standard input")
    ap.add_argument("-o", "--output", default=".", metavar="DIR",
                    help="the directory to write the sheets into (default: here); '-' writes the one document "
                         "to standard output")
    ap.add_argument("-f", "--format", choices=("text", "xlsx", "ods", "pdf"), default="text",
                    help="text (the default), xlsx, ods or pdf (a PDF needs reportlab)")
    args = parsed(ap, argv)
    if isinstance(args, int):
        return args
    from ..export.json import loads
    from ..output import atomic_file, inside, unique_names
    from ..rendering import render, render_as

    try:
        data = sys.stdin.buffer.read() if args.documents == "-" else Path(args.documents).read_bytes()
        docs = loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        say(f"objparse: error: {args.documents}: cannot read: {getattr(exc, 'strerror', None) or exc}")
        return EXIT_FAILED
    except ValueError as exc:
        say(f"objparse: error: {args.documents}: {exc}")
        return EXIT_FAILED

    def sheet(doc: Any) -> bytes:
        return render(doc).encode("utf-8") if args.format == "text" else render_as(doc, args.format)

    try:
        if args.format == "pdf":
            import reportlab  # noqa: F401  (said before anything is written)
    except ImportError:
        say("objparse: error: rendering a PDF needs reportlab (pip install reportlab)")
        return EXIT_FAILED
    if args.output == "-":
        if len(docs) != 1:
            say(f"objparse: error: {len(docs)} documents: standard output takes one; give -o DIR")
            return EXIT_USAGE
        sys.stdout.buffer.write(sheet(docs[0]))
        return EXIT_OK
    directory = Path(args.output)
    suffix = ".txt" if args.format == "text" else f".{args.format}"
    targets = [inside(directory, name) for name in unique_names((doc.source for doc in docs), suffix)]
    sources = [t for t, doc in zip(targets, docs, strict=True) if t.exists() and _same(t, doc.source)]
    if sources:
        say(f"objparse: error: {sources[0]} is the sheet its document was read from: it would be overwritten; "
            "give another -o DIR")
        return EXIT_USAGE
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        say(f"objparse: error: cannot write {directory}: {exc.strerror or exc}")
        return EXIT_FAILED
    status = EXIT_OK
    for doc, target in zip(docs, targets, strict=True):
        try:
            with atomic_file(target, binary=True) as (fh, _):
                fh.write(sheet(doc))
        except OSError as exc:  # one sheet that cannot be written costs no other
            say(f"objparse: error: cannot write {target}: {exc.strerror or exc}")
            status = EXIT_FAILED
    return status


def _same(path: Path, source: str) -> bool:
    try:
        return os.path.samefile(path, source)
    except (OSError, ValueError):
        return False


# --- objparse roundtrip -------------------------------------------------------------------------

def roundtrip_command(argv: list[str], prog: str) -> int:
    given = _sheets(_sheets_parser(
        prog, "Parse each sheet, render it back, parse that again, and say whether the two documents agree (line "
              "numbers aside), naming the first difference: a one-command check on a new sheet."), argv)
    if isinstance(given, int):
        return given
    _, files = given
    from ..compare import first_difference
    from ..errors import SheetError
    from ..parse import parse_text
    from ..rendering import render

    status = EXIT_OK
    for path, doc in _documents(files):
        if isinstance(doc, SheetError):
            status = EXIT_FAILED
            continue
        try:
            difference = first_difference(doc, parse_text(render(doc), path))
        except SheetError as exc:
            difference = f"the rendered sheet does not read ({exc.message})"
        except Exception as exc:  # a bug must not cost the rest of the batch
            say(f"objparse: error: {path}: internal error ({type(exc).__name__}: {exc})")
            status = EXIT_FAILED
            continue
        out(f"{path}: {'the same after a round trip' if difference is None else 'differs at ' + difference}")
        if difference is not None:
            status = EXIT_FAILED
    return status


# --- objparse check -----------------------------------------------------------------------------

def _report(path: str, doc: Any) -> dict[str, Any]:
    statuses = [c.status for c in doc.checks]
    return {
        "source": path, "office": doc.office.label, "year": doc.year, "areas": len(doc.areas),
        "kpis": sum(1 for _ in doc.kpis()),
        "side_tables": [name for name in ("ieep", "spending", "projects") if getattr(doc, name) is not None],
        "checks": {s: statuses.count(s) for s in ("pass", "fail", "skip")},
        "failures": [{"name": c.name, "subject": c.subject, "message": c.message}
                     for c in doc.checks if c.status == "fail"],
        "warnings": sum(d.severity == "warning" for d in doc.diagnostics),
        "errors": [d.message for d in doc.diagnostics if d.severity == "error"], "unplaced": unplaced(doc)}


def check_command(argv: list[str], prog: str) -> int:
    ap = _sheets_parser(prog, "A line per sheet (office, year, areas, KPIs, side tables, checks passed and failed, "
                              "warnings, cells left unplaced, errors), then each failed check in full, then a total. "
                              "Exit 1 when a check fails (or another finding --fail-on names), a sheet has an "
                              "error or cannot be read.")
    ap.add_argument("--json", action="store_true", help="the same report as JSON")
    _fail_on(ap, frozenset({"check"}), "default: check; a sheet with an error or that cannot be read always does")
    given = _sheets(ap, argv)
    if isinstance(given, int):
        return given
    args, files = given
    from ..errors import SheetError

    reports: list[dict[str, Any]] = []
    status = EXIT_OK
    for path, doc in _documents(files):
        if isinstance(doc, SheetError):
            reports.append({"source": path, "error": doc.message})
            status = EXIT_FAILED
            continue
        reports.append(_report(path, doc))
        report = reports[-1]
        if report["errors"] or fails(args.fail_on, report["checks"]["fail"], report["warnings"], report["unplaced"]):
            status = EXIT_FAILED
    if args.json:
        import json

        if sys.stdout is not None:
            sys.stdout.write(json.dumps({"sheets": reports}, indent=2, ensure_ascii=False) + "\n")
        return status
    _print_report(reports)
    return status


def _print_report(reports: list[dict[str, Any]]) -> None:
    for r in reports:
        if "error" in r:
            out(f"{r['source']}: cannot be read: {r['error']}")
            continue
        tables = ", ".join(r["side_tables"]) or "no side tables"
        out(f"{r['source']}: {r['office']}, {r['year']}: {r['areas']} areas, {r['kpis']} KPIs, {tables}; "
            f"checks {r['checks']['pass']} passed, {r['checks']['fail']} failed; {r['warnings']} warnings; "
            f"{r['unplaced']} cells unplaced" + "".join(f"; error: {e}" for e in r["errors"]))
    failures = [(r["source"], f) for r in reports for f in r.get("failures", ())]
    if failures:
        out("")
        out("failed checks:")
        for source, f in failures:
            out(f"  {source}: {f['name']}: {f['message']}")
    read_ok = [r for r in reports if "error" not in r]
    out("")
    out(f"{len(read_ok)} of {len(reports)} sheets read; checks {sum(r['checks']['pass'] for r in read_ok)} passed, "
        f"{len(failures)} failed; {sum(r['warnings'] for r in read_ok)} warnings; "
        f"{sum(r['unplaced'] for r in read_ok)} cells unplaced")


# --- objparse report ----------------------------------------------------------------------------

def report_command(argv: list[str], prog: str) -> int:
    ap = _sheets_parser(prog, "One self-contained HTML page (no network: open it anywhere, print it on A4) that "
                              "shows each sheet as its grid, every cell coloured by what it became, with the checks "
                              "that failed, the warnings and the unplaced cells at the top, each a link to its cell. "
                              "Exit 1 when a sheet cannot be read (the page still has the others) or another finding "
                              "--fail-on names.")
    ap.add_argument("-o", "--output", default="report.html", metavar="FILE",
                    help="the page to write (default: report.html); '-' for standard output")
    _fail_on(ap, frozenset(), "default: none")
    given = _sheets(ap, argv)
    if isinstance(given, int):
        return given
    args, files = given
    from ..errors import SheetError

    docs, unreadable = [], []
    status = EXIT_OK
    for path, doc in _documents(files):
        if isinstance(doc, SheetError):
            unreadable.append((path, doc.message))
            status = EXIT_FAILED
            continue
        docs.append(doc)
        warnings = sum(d.severity == "warning" for d in doc.diagnostics)
        if fails(args.fail_on, sum(c.status == "fail" for c in doc.checks), warnings, unplaced(doc)):
            status = EXIT_FAILED
    from ..export.report import to_html
    from ..output import atomic_file

    page = to_html(docs, unreadable)
    if args.output == "-":
        if sys.stdout is not None:
            sys.stdout.write(page)
        return status
    try:
        with atomic_file(args.output) as (fh, _):
            fh.write(page)
    except OSError as exc:
        say(f"objparse: error: cannot write {args.output}: {exc.strerror or exc}")
        return EXIT_FAILED
    return status


# --- objparse schema ----------------------------------------------------------------------------

def schema_command(argv: list[str], prog: str) -> int:
    args = parsed(argparse.ArgumentParser(prog=prog, description="Print the JSON Schema (2020-12) of objparse's "
                                                                 "JSON output."), argv)
    if isinstance(args, int):
        return args
    from ..export.schema import text

    if sys.stdout is not None:
        sys.stdout.write(text())
    return EXIT_OK
