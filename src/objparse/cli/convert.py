"""`objparse FILE... [-o OUT]`: sheets in, documents out, in the format the target's name tells.
Each document is handed to the output as its file is read; the output becomes the target only
once complete (see objparse.output)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from .. import __version__
from ..inputs import Inputs, expand
from .batch import fail_on, fails, outcomes
from .console import progress, say
from .signals import Interrupted

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
FORMATS = ("json", "jsonl", "csv", "xlsx", "sqlite")
SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx", ".sqlite": "sqlite",
            ".sqlite3": "sqlite", ".db": "sqlite"}


def arguments(prog: str = "objparse") -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog=prog,
        description="Read INPS objective sheets (text exports of any dialect and encoding, .xlsx and .ods workbooks, "
                    "PDFs) and write one clean document per sheet.",
        epilog="exit codes: 0 every file read; 1 a file could not be read (the others are still written) "
               "or, with --strict, a check failed, or a finding --fail-on names; 2 usage error",
    )
    ap.add_argument("files", nargs="*", metavar="FILE",
                    help="sheet files (text, CSV, .xlsx, .ods, PDF: told by their content), directories (their "
                         "sheets) or glob patterns; '-', or nothing with input piped in, reads standard input")
    ap.add_argument("-o", "--output", default="-", metavar="OUT",
                    help="where to write, the format told by the name: out.json ('-', the default, is standard "
                         "output), out.jsonl (one document a line), out.xlsx (a worksheet per table), out.sqlite (a "
                         "database table per table), or DIR/ (a CSV file per table and a datapackage.json)")
    ap.add_argument("-f", "--format", choices=FORMATS,
                    help="json, jsonl, csv, xlsx or sqlite, where OUT's name does not tell")
    ap.add_argument("--table", metavar="NAME",
                    help="write one table (kpis, areas, notes, …) as one CSV, to OUT or standard output")
    ap.add_argument("--csv-dialect", choices=("rfc4180", "excel-it"), default="rfc4180",
                    help="excel-it: ';' between cells, ',' as the decimal mark, a byte-order mark (Italian Excel)")
    ap.add_argument("--csv-safe", action="store_true",
                    help="prefix with ' any text that a spreadsheet would run as a formula (=, +, -, @ …)")
    ap.add_argument("--compact", action="store_true", help="JSON without indentation (smaller, faster)")
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 when a check fails or a sheet has an error (a main table that gave no area, most "
                         "cells unplaced)")
    ap.add_argument("--fail-on", type=fail_on, default=frozenset(), metavar="FINDINGS",
                    help="exit 1 when a sheet has any of these findings, apart by commas: check (a check failed), "
                         "warning (a warning diagnostic), unplaced (cells left in unparsed, page numbers aside)")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print warnings on stderr")
    ap.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                    help="parse on N processes (0: one a core); the output is the same as with one")
    ap.add_argument("--version", action="version", version=f"objparse {__version__}")
    return ap


def _format(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(format, None), or (None, why) when the target and the format disagree."""
    out = args.output
    by_name = SUFFIXES.get(Path(out).suffix.lower()) if out != "-" else None
    directory = out != "-" and (out.endswith(("/", os.sep)) or os.path.isdir(out))
    if args.table is not None:
        from ..export.tables import NAMES

        if args.table not in NAMES:
            return None, f"--table {args.table!r}: no such table (one of {', '.join(NAMES)})"
        if args.format not in (None, "csv") or by_name is not None or directory:
            return None, "--table writes one CSV table: give -o NAME.csv, or no -o for standard output"
        return "table", None
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
    if directory:
        return None, f"--format {args.format} writes a file, but {out!r} is a directory"
    if by_name is not None and by_name != args.format:
        return None, f"--format {args.format} does not match the name {out!r}"
    return args.format, None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def command(argv: list[str], prog: str = "objparse") -> int:
    try:
        args = arguments(prog).parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    fmt, why = _format(args)
    inputs = expand(args.files)
    if why is None and not inputs.files:
        why = "no input: give sheet files, a directory, or '-' for standard input"
    if why is None and args.jobs < 0:
        why = "--jobs takes 0 (one a core) or a positive number"
    if why is None and args.output != "-" and any(f != "-" and _same_file(f, args.output) for f in inputs.files):
        why = f"{args.output!r} is one of the inputs: it would be overwritten"
    if why is None and fmt in ("xlsx", "sqlite") and args.output == "-":
        why = f"{fmt} is written to a file: give it with -o OUT"
    if why is None and args.output == "-" and fmt != "csv" and sys.stdout is None:
        why = "standard output is closed: give -o OUT"
    if why is None:
        from ..output import writable

        if (cannot := writable(args.output)) is not None:
            why = f"cannot write {args.output}: {cannot}"
    if why is not None:
        say(f"objparse: error: {why}")
        return EXIT_USAGE
    assert fmt is not None
    return _run(args, fmt, inputs)


class Sink(NamedTuple):
    write: Callable[[Any], None]  # one document (encoded text for JSON and JSON Lines)
    output: Any  # objparse.output.Output
    warnings: list[str]  # what writing had to say (a cell cut to a format's limit)


def _run(args: argparse.Namespace, fmt: str, inputs: Inputs) -> int:
    status, read, failed, unplaced, unread, errors, warned = EXIT_OK, 0, [], 0, 0, 0, 0
    files = inputs.files
    handle = None
    written: dict[str, str] = {}  # document keys written, and their files
    try:
        with _sink(args, fmt) as sink, progress(len(files)) as tick:
            handle = sink.output
            for again, first in inputs.repeated:
                say(f"objparse: warning: {again}: the same file as {first}: read once")
            encode = fmt if fmt in ("json", "jsonl") else None
            for outcome in outcomes(files, args.jobs, encode, args.quiet):
                tick()
                for message in outcome.messages:
                    say(message)
                if outcome.texts is None:
                    status, unread = EXIT_FAILED, unread + 1
                    continue
                read += len(outcome.keys)
                unplaced += outcome.unplaced
                errors += outcome.errors
                warned += outcome.warnings
                failed += [f"{outcome.path}: {check}" for check in outcome.failed_checks]
                for key, item in zip(outcome.keys, outcome.texts or outcome.documents or (), strict=True):
                    if key in written:  # a copy of a sheet read already: its rows would clash on their keys
                        say(f"objparse: warning: {outcome.path}: the same sheet as {written[key]} (identical "
                            "bytes): written once")
                        continue
                    written[key] = outcome.path
                    sink.write(item)
            if read == 0 and handle.target != "-" and not _streams(handle.target):
                handle.discard()
                say(f"objparse: no sheet read: {handle.target} left as it was")
        for warning in sink.warnings:
            say(f"objparse: warning: {args.output}: {warning}")
    except Interrupted as exc:
        if handle is not None and handle.committed:
            say(f"objparse: interrupted: {handle.target} was written whole before the signal")
            return 128 + exc.signum
        raise
    except BrokenPipeError:
        raise  # the reader went away: main ends quietly
    except OSError as exc:
        where = exc.filename if exc.filename and not str(exc.filename).startswith(".objparse-") else args.output
        say(f"objparse: error: cannot write {where}: {exc.strerror or exc}")
        return EXIT_FAILED
    if args.strict and failed:
        for check in failed:
            say(f"objparse: check failed: {check}")
    if args.strict and (failed or errors):
        status = status or EXIT_FAILED
    if fails(args.fail_on, len(failed), warned, unplaced):
        status = status or EXIT_FAILED
    if (failed or unplaced or errors or (unread and len(files) > 1)) and not args.quiet:  # one file's error says it all
        say("objparse: " + "; ".join(part for part in (
            f"{read} of {read + unread} sheets read",
            f"{errors} with errors" if errors else "",
            f"{len(failed)} check{'s' * (len(failed) != 1)} failed" if failed else "",
            f"cells left unplaced in {unplaced} sheet{'s' * (unplaced != 1)}" if unplaced else "") if part))
    return status


def _streams(target: str) -> bool:
    from ..output import is_special

    return is_special(target)


@contextlib.contextmanager
def _sink(args: argparse.Namespace, fmt: str) -> Iterator[Sink]:
    """Where the documents go, as each is read: a writer for the format inside an output that
    becomes the target only once complete. The target is opened first: a target that cannot be
    written fails before any sheet is read."""
    from .. import output

    warnings: list[str] = []
    if fmt in ("json", "jsonl"):
        from ..export.json import JsonWriter

        with output.atomic_text(args.output) as (fh, handle):
            writer = JsonWriter(fh, compact=args.compact, jsonl=fmt == "jsonl")
            yield Sink(writer.write_text, handle, warnings)
            if not handle.discarded:
                writer.close()
    elif fmt == "table":
        from ..export.csv import TableCsv

        with output.atomic_text(args.output) as (fh, handle):
            table = TableCsv(fh, args.table, args.csv_dialect, args.csv_safe)
            yield Sink(table.write, handle, warnings)
    elif fmt == "csv":
        from ..export.csv import CsvTables

        with output.atomic_directory(args.output) as (directory, handle):
            tables = CsvTables(directory, args.csv_dialect, args.csv_safe)
            try:
                yield Sink(tables.write, handle, warnings)
            finally:
                tables.close()
    elif fmt == "xlsx":
        from ..export.xlsx import XlsxTables

        with output.atomic_file(args.output, binary=True) as (fh, handle), XlsxTables() as book:
            yield Sink(book.write, handle, warnings)
            if not handle.discarded:
                fh.write(book.close())
                warnings += book.warnings
    else:
        from ..export.sqlite import SqliteTables

        with output.atomic_path(args.output) as (path, handle):
            database = SqliteTables(path)
            try:
                yield Sink(database.write, handle, warnings)
            finally:
                database.close()
