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
import glob
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
FORMATS = ("json", "jsonl", "csv")
SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


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
                    "Other commands: 'objparse render DOC.json -o DIR' (documents back to sheets), "
                    "'objparse roundtrip FILE...' (does a sheet read the same after a round trip?).",
        epilog="exit codes: 0 every file read; 1 a file could not be read (the others are still written) "
               "or, with --strict, a check failed; 2 usage error",
    )
    ap.add_argument("files", nargs="*", metavar="FILE",
                    help="sheet files (.txt, tab-separated), directories (their *.txt) or glob patterns; '-', "
                         "or nothing with input piped in, reads standard input")
    ap.add_argument("-o", "--output", default="-", metavar="OUT",
                    help="where to write: a .json file ('-', the default, is standard output), a .jsonl file "
                         "(one document a line), or a directory (with --format csv, or ending in '/')")
    ap.add_argument("-f", "--format", choices=FORMATS,
                    help="json (default), jsonl, or csv (tidy tables, one file each); by default from OUT's name")
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


def _process(path: str, fmt: str, compact: bool, quiet: bool) -> Outcome:
    from .errors import SheetError
    from .export.json import document_text
    from .parse import parse_bytes
    from .source import read

    try:
        if os.path.isdir(path):  # given by name, with no sheet in it (one with sheets stands for them)
            raise SheetError("a directory with no .txt sheet in it", path)
        doc = parse_bytes(read(path), path)
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


def expand_inputs(names: list[str]) -> list[str]:
    """The files to read, as a user gives them: a directory stands for its *.txt (sorted), a
    pattern the shell did not expand for what it matches; '-' (or nothing, with input piped in)
    for standard input."""
    if not names:
        return ["-"] if sys.stdin is not None and not sys.stdin.isatty() else []
    files = []
    for name in names:
        if name != "-" and os.path.isdir(name):
            files += sorted(str(p) for p in Path(name).glob("*.txt")) or [name]  # an empty one: said so
        elif name != "-" and not os.path.exists(name) and glob.has_magic(name):
            files += sorted(glob.glob(name)) or [name]
        else:
            files.append(name)
    return files


def _format(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(format, None), or (None, why) when the target and the format disagree."""
    out = args.output
    by_name = SUFFIXES.get(Path(out).suffix.lower()) if out != "-" else None
    directory = out != "-" and (out.endswith(("/", os.sep)) or os.path.isdir(out))
    if args.format is None:
        if directory:
            return "csv", None
        if out != "-" and by_name is None:
            return None, (f"cannot tell the format of {out!r} from its name: give a .json or .jsonl file, a "
                          "directory ending in '/' for CSV tables, or --format")
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
    except OSError:
        return False


def _parse_command(argv: list[str]) -> int:
    try:
        args = _arguments().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    fmt, why = _format(args)
    files = expand_inputs(args.files)
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
    from .export.json import JsonWriter
    from .output import atomic_text

    status = EXIT_OK
    documents = []
    with atomic_text(args.output) if fmt != "csv" else _nothing() as out:
        writer = JsonWriter(out, compact=args.compact, jsonl=fmt == "jsonl") if out is not None else None
        for outcome in _outcomes(files, args.jobs, fmt, args.compact, args.quiet):
            for message in outcome.messages:
                say(message)
            if outcome.text is None:
                status = EXIT_FAILED
                continue
            if args.strict and outcome.failed_check:
                status = status or EXIT_FAILED
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
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
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
    ap = argparse.ArgumentParser(
        prog="objparse roundtrip",
        description="Parse each sheet, render it back, parse that again, and say whether the two documents agree "
                    "(line numbers aside), naming the first difference: a one-command check on a new sheet.")
    ap.add_argument("files", nargs="*", metavar="FILE", help="sheet files, directories or patterns; '-' for stdin")
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    from .compare import first_difference
    from .errors import SheetError
    from .parse import parse_bytes, parse_text
    from .rendering import render
    from .source import read

    files = expand_inputs(args.files)
    if not files:
        say("objparse: error: no input: give sheet files, a directory, or '-' for standard input")
        return EXIT_USAGE
    status = EXIT_OK
    for path in files:
        try:
            doc = parse_bytes(read(path), path)
        except SheetError as exc:
            say(f"objparse: error: {exc}")
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


# --- dispatch -----------------------------------------------------------------------------------

COMMANDS: dict[str, Callable[[list[str]], int]] = {"render": _render_command, "roundtrip": _roundtrip_command}


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
