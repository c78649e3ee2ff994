"""objparse FILE... [-o OUT]: the only module that prints or exits.

Exit codes: 0 every file parsed; 1 a file could not be read (the others are still written), or
with --strict a check failed; 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__

EXIT_OK, EXIT_FILE_ERROR, EXIT_USAGE = 0, 1, 2


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
                    help="where to write: a JSON file ('-', the default, is standard output), "
                         "or with --format csv a directory")
    ap.add_argument("-f", "--format", choices=("json", "csv"), default="json",
                    help="json: one document per sheet (default); csv: tidy tables, one file each")
    ap.add_argument("--compact", action="store_true", help="JSON without indentation (smaller, faster)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a check fails")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print warnings on stderr")
    ap.add_argument("--version", action="version", version=f"objparse {__version__}")
    return ap


def main(argv: list[str] | None = None) -> int:
    try:
        args = _arguments().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)

    from .errors import SheetError
    from .export.json import dumps_documents
    from .parse import parse_bytes, parse_file

    documents, status = [], EXIT_OK
    for path in args.files:
        try:
            doc = parse_bytes(sys.stdin.buffer.read(), "-") if path == "-" else parse_file(path)
        except SheetError as exc:
            print(f"objparse: error: {exc}", file=sys.stderr)
            status = EXIT_FILE_ERROR
            continue
        except Exception as exc:  # noqa: BLE001 - a bug must not cost the rest of the batch
            print(f"objparse: error: {path}: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
            status = EXIT_FILE_ERROR
            continue
        documents.append(doc)
        if not args.quiet:
            for d in doc.diagnostics:
                if d.severity != "info":
                    where = f"{path}:{d.line}" + (f":{d.column}" if d.column else "") if d.line else path
                    print(f"objparse: {d.severity}: {where}: {d.code}: {d.message}", file=sys.stderr)
        if args.strict and any(c.status == "fail" for c in doc.checks):
            status = status or EXIT_FILE_ERROR

    try:
        if args.format == "csv":
            from .export.csv import write_csv

            if args.output == "-":
                print("objparse: error: --format csv writes a directory: give it with -o DIR", file=sys.stderr)
                return EXIT_USAGE
            write_csv(documents, args.output)
            return status
        text = dumps_documents(documents, None if args.compact else 2)
        if args.output == "-":
            sys.stdout.write(text)
        else:
            with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    except OSError as exc:
        print(f"objparse: error: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FILE_ERROR
    return status
