"""The command line: the only package that prints or exits.

    objparse [parse] FILE... [-o OUT]  sheets -> documents (JSON, JSON Lines, CSV tables, XLSX, SQLite)
    objparse check FILE...             a report of each sheet and its checks
    objparse render DOC.json [-o DIR]  documents -> sheets in the canonical layout
    objparse roundtrip FILE...         parse, render, parse again: does the sheet read the same?
    objparse schema                    the JSON Schema of the output

Exit codes: 0 every file read; 1 a file could not be read (the others are still written), or a
round trip differs, or with --strict a check failed; 2 usage errors; 128 + the signal's number
when interrupted (the output is then left as it was).
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import signal
import sys
from collections.abc import Callable

from . import commands, convert
from .console import say
from .signals import Interrupted, interruptible

EXIT_FAILED, EXIT_USAGE = 1, 2

COMMANDS: dict[str, tuple[Callable[[list[str], str], int], str]] = {
    "parse": (convert.command, "sheets -> documents (the default command: 'objparse FILE...' is 'objparse parse "
                               "FILE...')"),
    "check": (commands.check_command, "a line per sheet and its checks; exit 1 when a check fails"),
    "report": (commands.report_command, "sheets -> one HTML page that shows what became of every cell"),
    "render": (commands.render_command, "documents (objparse's JSON) -> clean sheets"),
    "roundtrip": (commands.roundtrip_command, "parse, render, parse again: does the sheet read the same?"),
    "schema": (commands.schema_command, "the JSON Schema (2020-12) of the output"),
}
_WORD = re.compile(r"[a-z][a-z-]*")


def _overview() -> argparse.ArgumentParser:
    """The parser of the first word: a command, for help and for a mistyped command."""
    ap = argparse.ArgumentParser(
        prog="objparse", description="Read INPS objective sheets and write one clean document per sheet.",
        epilog="'objparse FILE...' reads sheets (the parse command); 'objparse COMMAND --help' tells more.")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_, summary) in COMMANDS.items():
        sub.add_parser(name, help=summary, add_help=False)
    return ap


def _mistyped(word: str) -> bool:
    """A first word that is no file and reads as a command name: 'chek', 'scheme'."""
    return _WORD.fullmatch(word) is not None and not os.path.exists(word) and not glob.has_magic(word)


def main(argv: list[str] | None = None) -> int:
    with interruptible():
        return _main(sys.argv[1:] if argv is None else argv)


def _main(argv: list[str]) -> int:
    try:
        if argv and argv[0] in COMMANDS:
            run, _ = COMMANDS[argv[0]]
            return run(argv[1:], f"objparse {argv[0]}")
        if argv and argv[0] in ("-h", "--help"):
            _overview().print_help()
            return 0
        if argv and _mistyped(argv[0]):
            import difflib  # (here: only a mistyped command needs it)

            close = difflib.get_close_matches(argv[0], COMMANDS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else " (nor is it a file)"
            say(f"objparse: error: argument COMMAND: invalid choice: {argv[0]!r} "
                f"(choose from {', '.join(map(repr, COMMANDS))}){hint}")
            return EXIT_USAGE
        return convert.command(argv)
    except Interrupted as exc:
        say("objparse: interrupted: the output was left as it was")
        return 128 + exc.signum
    except BrokenPipeError:
        # the reader went away (objparse … | head): end quietly, as tools on a pipe do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + signal.SIGPIPE
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        say(f"objparse: error: cannot write{where}: {exc.strerror or exc}")
        return EXIT_FAILED
