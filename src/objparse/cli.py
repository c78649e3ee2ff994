"""objparse FILE... [-o OUT]: the only module that prints or exits.

Exit codes: 0 every file parsed; 1 a file could not be read (the others are still written), or
with --strict a check failed; 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterator
from typing import Any, NamedTuple

from . import __version__

EXIT_OK, EXIT_FILE_ERROR, EXIT_USAGE = 0, 1, 2
FORMATS = ("json", "jsonl", "csv")


def _arguments() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="objparse",
        description="Read INPS objective sheets (tab-separated exports) and write one clean document per sheet.",
        epilog="exit codes: 0 every file read; 1 a file could not be read (the others are still written) "
               "or, with --strict, a check failed; 2 usage error",
    )
    ap.add_argument("files", nargs="+", metavar="FILE",
                    help="sheet files (.txt, tab-separated); '-' reads standard input")
    ap.add_argument("-o", "--output", default="-", metavar="OUT",
                    help="where to write: a .json file ('-', the default, is standard output), a .jsonl file "
                         "(one document a line), or with --format csv a directory")
    ap.add_argument("-f", "--format", choices=FORMATS,
                    help="json: one document per sheet (default); jsonl: one document a line; "
                         "csv: tidy tables, one file each (default: from OUT's name)")
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
    failed_check: bool
    document: Any = None  # the Document itself, for formats that need whole tables


def _process(path: str, data: bytes | None, fmt: str, compact: bool, quiet: bool) -> Outcome:
    from .errors import SheetError
    from .export.json import document_text
    from .parse import parse_bytes, parse_file

    try:
        doc = parse_file(path) if data is None else parse_bytes(data, path)
    except SheetError as exc:
        return Outcome(path, None, [f"objparse: error: {exc}"], False)
    except Exception as exc:
        return Outcome(path, None, [f"objparse: error: {path}: internal error ({type(exc).__name__}: {exc})"], False)
    messages = [] if quiet else [
        f"objparse: {d.severity}: {path}:{d.line}{f':{d.column}' if d.column else ''}: {d.code}: {d.message}"
        if d.line else f"objparse: {d.severity}: {path}: {d.code}: {d.message}"
        for d in doc.diagnostics if d.severity != "info"]
    failed = any(c.status == "fail" for c in doc.checks)
    if fmt == "csv":
        return Outcome(path, "", messages, failed, doc)
    return Outcome(path, document_text(doc, compact or fmt == "jsonl"), messages, failed)


def _work(task: tuple[str, str, bool, bool]) -> Outcome:
    path, fmt, compact, quiet = task
    return _process(path, None, fmt, compact, quiet)


def _outcomes(args: argparse.Namespace, fmt: str) -> Iterator[Outcome]:
    """Each file's outcome, in the order given; on a pool of processes with --jobs."""
    jobs = args.jobs or os.cpu_count() or 1
    files = args.files
    if jobs > 1 and len(files) > 1 and "-" not in files:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            tasks = [(path, fmt, args.compact, args.quiet) for path in files]
            yield from pool.map(_work, tasks, chunksize=max(1, min(64, len(files) // (jobs * 8))))
        return
    for path in files:
        data = sys.stdin.buffer.read() if path == "-" else None
        yield _process(path, data, fmt, args.compact, args.quiet)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    return "jsonl" if args.output.endswith(".jsonl") else "json"


def main(argv: list[str] | None = None) -> int:
    try:
        args = _arguments().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    fmt = _format(args)
    if fmt == "csv" and args.output == "-":
        print("objparse: error: --format csv writes a directory: give it with -o DIR", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs < 0:
        print("objparse: error: --jobs takes 0 (one a core) or a positive number", file=sys.stderr)
        return EXIT_USAGE
    signal.signal(signal.SIGTERM, _interrupted)
    try:
        return _run(args, fmt)
    except KeyboardInterrupt:
        print("objparse: interrupted; the output was not written", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"objparse: error: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FILE_ERROR


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _run(args: argparse.Namespace, fmt: str) -> int:
    from .export.json import JsonWriter
    from .output import atomic_text

    status = EXIT_OK
    documents = []
    with atomic_text(args.output) if fmt != "csv" else _nothing() as out:
        writer = JsonWriter(out, compact=args.compact, jsonl=fmt == "jsonl") if out is not None else None
        for outcome in _outcomes(args, fmt):
            for message in outcome.messages:
                print(message, file=sys.stderr)
            if outcome.text is None:
                status = EXIT_FILE_ERROR
                continue
            if args.strict and outcome.failed_check:
                status = status or EXIT_FILE_ERROR
            if writer is not None:
                writer.write_text(outcome.text)
            else:
                documents.append(outcome.document)
        if writer is not None:
            writer.close()
    if fmt == "csv":
        from .export.csv import write_csv

        write_csv(documents, args.output)
    return status


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
