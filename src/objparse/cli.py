"""The command line: the only module that prints or exits.

    objparse FILE... [-o OUT]          sheets -> documents (JSON, JSON Lines, CSV tables)
    objparse render DOC.json [-o DIR]  documents -> sheets in the canonical layout
    objparse roundtrip FILE...         parse, render, parse again: does the sheet read the same?

Exit codes: 0 every file read; 1 a file could not be read (the others are still written), or a
round trip differs, or with --strict a check failed; 2 usage errors; 128 + the signal's number
when interrupted (the output is then left as it was).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__
from .inputs import expand

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
FORMATS = ("json", "jsonl", "csv", "xlsx", "sqlite")
SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx", ".sqlite": "sqlite",
            ".sqlite3": "sqlite", ".db": "sqlite"}
FILE_FORMATS = ("json", "jsonl", "xlsx", "sqlite")


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: unwind, so that every output under way is discarded (a
    BaseException, as KeyboardInterrupt is: no handler of errors may swallow it)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _interrupted(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def _printable(text: str) -> str:
    """A message as it may reach a terminal: control characters (in a file's name, say) escaped."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


def say(message: str) -> None:
    """A line on standard error, if there is one (it may be closed)."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError):
            print(_printable(message), file=sys.stderr)


# --- objparse FILE... ----------------------------------------------------------------------------

def _arguments() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="objparse",
        description="Read INPS objective sheets (tab-separated exports) and write one clean document per sheet. "
                    "Other commands: 'objparse check FILE...' (a report of each sheet and its checks), "
                    "'objparse render DOC.json -o DIR' (documents back to sheets), "
                    "'objparse roundtrip FILE...' (does a sheet read the same after a round trip?), "
                    "'objparse schema' (the JSON Schema of the output).",
        epilog="exit codes: 0 every file read; 1 a file could not be read (the others are still written) "
               "or, with --strict, a check failed; 2 usage error",
    )
    ap.add_argument("files", nargs="*", metavar="FILE",
                    help="sheet files (.txt, tab-separated), directories (their *.txt) or glob patterns; '-', "
                         "or nothing with input piped in, reads standard input")
    ap.add_argument("-o", "--output", default="-", metavar="OUT",
                    help="where to write, the format told by the name: out.json ('-', the default, is standard "
                         "output), out.jsonl (one document a line), out.xlsx (a worksheet per table), out.sqlite (a "
                         "database table per table), or DIR/ (a CSV file per table and a datapackage.json)")
    ap.add_argument("-f", "--format", choices=FORMATS,
                    help="json, jsonl, csv, xlsx or sqlite, where OUT's name does not tell")
    ap.add_argument("--csv-dialect", choices=("rfc4180", "excel-it"), default="rfc4180",
                    help="excel-it: ';' between cells, ',' as the decimal mark, a byte-order mark (Italian Excel)")
    ap.add_argument("--csv-safe", action="store_true",
                    help="prefix with ' any text that a spreadsheet would run as a formula (=, +, -, @ …)")
    ap.add_argument("--compact", action="store_true", help="JSON without indentation (smaller, faster)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a check fails")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print warnings on stderr")
    ap.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                    help="parse on N processes (0: one a core); the output is the same as with one")
    ap.add_argument("--version", action="version", version=f"objparse {__version__}")
    return ap


class Outcome(NamedTuple):
    """One file's result, as a worker process hands it back: encoded, so that no Document has
    to cross between processes."""

    path: str
    text: str | None  # the encoded document, None when the file could not be read
    messages: list[str]  # warnings (or the error) for stderr
    failed_checks: list[str]
    unplaced: int = 0  # cells in unparsed
    document: Any = None  # the Document itself, for the table formats


def _sheets_parser(prog: str, description: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog=prog, description=description)
    ap.add_argument("files", nargs="*", metavar="FILE", help="sheet files, directories or patterns; '-' for stdin")
    return ap


def _parsed(ap: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    """The arguments, or the exit code argparse chose (2 on usage errors, 0 after --help)."""
    try:
        return ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def read_sheet(path: str) -> Any:
    """The Document of a file named on the command line; SheetError when it has none."""
    from .errors import SheetError
    from .parse import parse_bytes
    from .source import read

    if os.path.isdir(path):  # given by name, with no sheet in it (one with sheets stands for them)
        raise SheetError("a directory with no .txt sheet in it", path)
    return parse_bytes(read(path), path)


def _documents(files: list[str]) -> Iterator[tuple[str, Any]]:
    """(path, its Document), or (path, its SheetError) once the error has been said."""
    from .errors import SheetError

    for path in files:
        try:
            yield path, read_sheet(path)
        except SheetError as exc:
            say(f"objparse: error: {exc}")
            yield path, exc


def _files(names: list[str]) -> list[str]:
    """The files to read; none (and a usage error said) when there are none."""
    files = expand(names)
    if not files:
        say("objparse: error: no input: give sheet files, a directory, or '-' for standard input")
    return files


def _process(path: str, fmt: str, compact: bool, quiet: bool) -> Outcome:
    from .errors import SheetError
    from .export.json import document_text

    try:
        doc = read_sheet(path)
    except SheetError as exc:
        return Outcome(path, None, [f"objparse: error: {exc}"], [])
    except Exception as exc:  # a bug must not cost the rest of the batch
        return Outcome(path, None, [f"objparse: error: {path}: internal error ({type(exc).__name__}: {exc})"], [])
    messages = [] if quiet else [
        f"objparse: {d.severity}: {path}:{d.line}{f':{d.column}' if d.column else ''}: {d.code}: {d.message}"
        if d.line else f"objparse: {d.severity}: {path}: {d.code}: {d.message}"
        for d in doc.diagnostics if d.severity != "info"]
    failed = [f"{c.name}{f' ({c.subject})' if c.subject else ''}: {c.message}" for c in doc.checks
              if c.status == "fail"]
    unplaced = len(doc.unparsed)
    if fmt not in ("json", "jsonl"):
        return Outcome(path, "", messages, failed, unplaced, doc)
    return Outcome(path, document_text(doc, compact or fmt == "jsonl"), messages, failed, unplaced)


def _work(task: tuple[str, str, bool, bool]) -> Outcome:
    return _process(*task)


def _outcomes(files: list[str], jobs: int, fmt: str, compact: bool, quiet: bool) -> Iterator[Outcome]:
    """Each file's outcome, in the order given; on a pool of processes with --jobs."""
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(files) > 1 and "-" not in files:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=jobs)
        try:
            tasks = [(path, fmt, compact, quiet) for path in files]
            yield from pool.map(_work, tasks, chunksize=max(1, min(64, len(files) // (jobs * 8))))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        return
    for path in files:
        yield _process(path, fmt, compact, quiet)


def _format(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(format, None), or (None, why) when the target and the format disagree."""
    out = args.output
    by_name = SUFFIXES.get(Path(out).suffix.lower()) if out != "-" else None
    directory = out != "-" and (out.endswith(("/", os.sep)) or os.path.isdir(out))
    if args.format is None:
        if directory:
            return "csv", None
        if out != "-" and by_name is None:
            return None, (f"cannot tell the format of {out!r} from its name: give a .json, .jsonl, .xlsx or .sqlite "
                          "file, a directory ending in '/' for CSV tables, or --format")
        return by_name or "json", None
    if args.format == "csv":
        if out == "-":
            return None, "--format csv writes a directory: give it with -o DIR"
        if by_name is not None or Path(out).suffix.lower() == ".csv":
            return None, f"--format csv writes a directory of tables, not the file {out!r}: give -o DIR/"
        return "csv", None
    if args.format in ("xlsx", "sqlite") and out == "-":
        return None, f"--format {args.format} writes a file: give it with -o OUT"
    if directory:
        return None, f"--format {args.format} writes a file, but {out!r} is a directory"
    if by_name is not None and by_name != args.format:
        return None, f"--format {args.format} does not match the name {out!r}"
    return args.format, None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _parse_command(argv: list[str]) -> int:
    args = _parsed(_arguments(), argv)
    if isinstance(args, int):
        return args
    fmt, why = _format(args)
    files = expand(args.files)
    if why is None and not files:
        why = "no input: give sheet files, a directory, or '-' for standard input"
    if why is None and args.jobs < 0:
        why = "--jobs takes 0 (one a core) or a positive number"
    if why is None and args.output != "-" and any(f != "-" and _same_file(f, args.output) for f in files):
        why = f"{args.output!r} is one of the inputs: it would be overwritten"
    if why is None and args.output == "-" and fmt != "csv" and sys.stdout is None:
        why = "standard output is closed: give -o OUT"
    if why is not None:
        say(f"objparse: error: {why}")
        return EXIT_USAGE
    assert fmt is not None
    return _run(args, fmt, files)


def _run(args: argparse.Namespace, fmt: str, files: list[str]) -> int:
    status, read, failed, unplaced, unread = EXIT_OK, 0, [], 0, 0
    with _sink(args, fmt) as sink, _progress(len(files)) as progress:
        for outcome in _outcomes(files, args.jobs, fmt, args.compact, args.quiet):
            progress()
            for message in outcome.messages:
                say(message)
            if outcome.text is None:
                status, unread = EXIT_FAILED, unread + 1
                continue
            read += 1
            unplaced += outcome.unplaced > 0
            failed += [f"{outcome.path}: {check}" for check in outcome.failed_checks]
            sink(outcome)
    if args.strict and failed:
        for check in failed:
            say(f"objparse: check failed: {check}")
        status = status or EXIT_FAILED
    if (failed or unplaced or (unread and len(files) > 1)) and not args.quiet:  # one file's error says it all
        say("objparse: " + "; ".join(part for part in (
            f"{read} of {read + unread} sheets read",
            f"{len(failed)} check{'s' * (len(failed) != 1)} failed" if failed else "",
            f"cells left unplaced in {unplaced} sheet{'s' * (unplaced != 1)}" if unplaced else "") if part))
    return status


@contextlib.contextmanager
def _sink(args: argparse.Namespace, fmt: str) -> Iterator[Callable[[Outcome], None]]:
    """Where the documents go, as each is read: a writer for the format inside an output that
    becomes the target only once complete."""
    from . import output

    if fmt in ("json", "jsonl"):
        from .export.json import JsonWriter

        with output.atomic_text(args.output) as out:
            writer = JsonWriter(out, compact=args.compact, jsonl=fmt == "jsonl")
            yield lambda outcome: writer.write_text(outcome.text)  # type: ignore[arg-type]
            writer.close()
    elif fmt == "csv":
        from .export.csv import CsvTables

        with output.atomic_directory(args.output) as directory:
            tables = CsvTables(directory, args.csv_dialect, args.csv_safe)
            yield lambda outcome: tables.write(outcome.document)
            tables.close()
    elif fmt == "xlsx":
        from .export.xlsx import XlsxTables

        book = XlsxTables()
        yield lambda outcome: book.write(outcome.document)
        with output.atomic_file(args.output, binary=True) as fh:
            fh.write(book.close())
    else:
        from .export.sqlite import SqliteTables

        with output.atomic_path(args.output) as path:
            database = SqliteTables(path)
            yield lambda outcome: database.write(outcome.document)
            database.close()


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error when it is a terminal and the batch takes more than a
    second; nothing otherwise."""
    if sys.stderr is None or not sys.stderr.isatty() or total < 2:
        yield lambda: None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="sheet", delay=1.0, file=sys.stderr, leave=False) as bar:
        yield lambda: bar.update()


# --- objparse render ----------------------------------------------------------------------------

def _render_command(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="objparse render",
        description="Write each document of objparse's JSON (or JSON Lines) back as a clean sheet in the canonical "
                    "layout (UTF-8, LF, tabs, Italian number formats), one file per document, named after its source.")
    ap.add_argument("documents", metavar="DOC", help="objparse's .json or .jsonl output; '-' for standard input")
    ap.add_argument("-o", "--output", default=".", metavar="DIR",
                    help="the directory to write the sheets into (default: here); '-' writes the one document "
                         "to standard output")
    args = _parsed(ap, argv)
    if isinstance(args, int):
        return args
    from .export.json import loads
    from .output import atomic_file, inside, unique_names
    from .rendering import render

    try:
        text = sys.stdin.read() if args.documents == "-" else Path(args.documents).read_text(encoding="utf-8")
        docs = loads(text)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        say(f"objparse: error: {args.documents}: not objparse's JSON ({type(exc).__name__}: {exc})")
        return EXIT_FAILED
    if args.output == "-":
        if len(docs) != 1:
            say(f"objparse: error: {len(docs)} documents: standard output takes one; give -o DIR")
            return EXIT_USAGE
        sys.stdout.write(render(docs[0]))
        return EXIT_OK
    directory = Path(args.output)
    directory.mkdir(parents=True, exist_ok=True)
    for doc, name in zip(docs, unique_names(doc.source for doc in docs), strict=True):
        with atomic_file(inside(directory, name)) as fh:
            fh.write(render(doc))
    return EXIT_OK


# --- objparse roundtrip -------------------------------------------------------------------------

def _roundtrip_command(argv: list[str]) -> int:
    args = _parsed(_sheets_parser(
        "objparse roundtrip", "Parse each sheet, render it back, parse that again, and say whether the two documents "
                              "agree (line numbers aside), naming the first difference: a one-command check on a new "
                              "sheet."), argv)
    if isinstance(args, int):
        return args
    from .compare import first_difference
    from .errors import SheetError
    from .parse import parse_text
    from .rendering import render

    files = _files(args.files)
    if not files:
        return EXIT_USAGE
    status = EXIT_OK
    for path, doc in _documents(files):
        if isinstance(doc, SheetError):
            status = EXIT_FAILED
            continue
        again = parse_text(render(doc), path)
        difference = first_difference(doc, again)
        _out(f"{path}: {'the same after a round trip' if difference is None else 'differs at ' + difference}")
        if difference is not None:
            status = EXIT_FAILED
    return status


def _out(line: str) -> None:
    if sys.stdout is not None:
        print(_printable(line))


# --- objparse check -----------------------------------------------------------------------------

def _check_command(argv: list[str]) -> int:
    ap = _sheets_parser("objparse check", "A line per sheet (office, year, areas, KPIs, side tables, checks passed and "
                                          "failed, warnings, cells left unplaced), then each failed check in full, "
                                          "then a total. Exit 1 when a check fails or a sheet cannot be read.")
    ap.add_argument("--json", action="store_true", help="the same report as JSON")
    args = _parsed(ap, argv)
    if isinstance(args, int):
        return args
    from .errors import SheetError

    files = _files(args.files)
    if not files:
        return EXIT_USAGE
    reports: list[dict[str, Any]] = []
    status = EXIT_OK
    for path, doc in _documents(files):
        if isinstance(doc, SheetError):
            reports.append({"source": path, "error": doc.message})
            status = EXIT_FAILED
            continue
        statuses = [c.status for c in doc.checks]
        reports.append({
            "source": path, "office": doc.office.label, "year": doc.year, "areas": len(doc.areas),
            "kpis": sum(1 for _ in doc.kpis()),
            "side_tables": [name for name in ("ieep", "spending", "projects") if getattr(doc, name) is not None],
            "checks": {s: statuses.count(s) for s in ("pass", "fail", "skip")},
            "failures": [{"name": c.name, "subject": c.subject, "message": c.message}
                         for c in doc.checks if c.status == "fail"],
            "warnings": sum(d.severity == "warning" for d in doc.diagnostics), "unplaced": len(doc.unparsed)})
        if statuses.count("fail"):
            status = EXIT_FAILED
    if args.json:
        import json

        if sys.stdout is not None:
            sys.stdout.write(json.dumps({"sheets": reports}, indent=2, ensure_ascii=False) + "\n")
        return status
    for r in reports:
        if "error" in r:
            _out(f"{r['source']}: cannot be read: {r['error']}")
            continue
        tables = ", ".join(r["side_tables"]) or "no side tables"
        _out(f"{r['source']}: {r['office']}, {r['year']}: {r['areas']} areas, {r['kpis']} KPIs, {tables}; "
             f"checks {r['checks']['pass']} passed, {r['checks']['fail']} failed; {r['warnings']} warnings; "
             f"{r['unplaced']} cells unplaced")
    failures = [(r["source"], f) for r in reports for f in r.get("failures", ())]
    if failures:
        _out("")
        _out("failed checks:")
        for source, f in failures:
            _out(f"  {source}: {f['name']}: {f['message']}")
    read_ok = [r for r in reports if "error" not in r]
    _out("")
    _out(f"{len(read_ok)} of {len(reports)} sheets read; checks {sum(r['checks']['pass'] for r in read_ok)} passed, "
         f"{len(failures)} failed; {sum(r['warnings'] for r in read_ok)} warnings; "
         f"{sum(r['unplaced'] for r in read_ok)} cells unplaced")
    return status


# --- objparse schema ----------------------------------------------------------------------------

def _schema_command(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="objparse schema",
                                 description="Print the JSON Schema (2020-12) of objparse's JSON output.")
    args = _parsed(ap, argv)
    if isinstance(args, int):
        return args
    from .export.schema import text

    if sys.stdout is not None:
        sys.stdout.write(text())
    return EXIT_OK


# --- dispatch -----------------------------------------------------------------------------------

COMMANDS: dict[str, Callable[[list[str]], int]] = {"render": _render_command, "roundtrip": _roundtrip_command,
                                                   "check": _check_command, "schema": _schema_command}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    signal.signal(signal.SIGTERM, _interrupted)
    signal.signal(signal.SIGINT, _interrupted)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return _parse_command(argv)
    except Interrupted as exc:
        say("objparse: interrupted: the output was left as it was")
        return 128 + exc.signum
    except BrokenPipeError:
        # the reader went away (objparse … | head): end quietly, as tools on a pipe do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + signal.SIGPIPE
    except OSError as exc:
        say(f"objparse: error: cannot write: {exc.strerror or exc}")
        return EXIT_FAILED
