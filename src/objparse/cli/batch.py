"""A batch of files read, in the order given: in this process, or on a pool of worker processes
(`--jobs`) that an interrupt ends at once. Nothing here prints: each file's outcome carries its
messages."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from typing import Any, NamedTuple


class Outcome(NamedTuple):
    """One file's result, as a worker hands it back: the documents encoded where the format is
    JSON, so that no Document has to cross between processes."""

    path: str
    texts: list[list[str]] | None  # each document encoded (in pieces); None when the file could not be read
    messages: list[str]  # warnings (or the error) for stderr
    failed_checks: list[str]
    unplaced: int = 0  # documents with cells in unparsed
    documents: list[Any] | None = None  # the Documents themselves, for the other formats
    keys: tuple[str, ...] = ()  # each document's key (the same sheet read twice has the same key)
    errors: int = 0  # documents with an error diagnostic (a main table that gave nothing, ...)
    warnings: int = 0  # documents with a warning diagnostic


FAIL_ON = ("check", "warning", "unplaced")  # the findings --fail-on may name


def fail_on(text: str) -> frozenset[str]:
    """--fail-on's value: findings apart by commas, each one of FAIL_ON."""
    import argparse

    names = frozenset(name.strip() for name in text.split(",") if name.strip())
    unknown = sorted(names - set(FAIL_ON))
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"{', '.join(unknown) or text!r}: choose from {', '.join(FAIL_ON)}")
    return names


def fails(names: frozenset[str], check: int, warning: int, unplaced: int) -> bool:
    """Does any finding --fail-on names stand (counted: failed checks, warnings, unplaced)?"""
    found = {"check": check, "warning": warning, "unplaced": unplaced}
    return any(found[name] for name in names)


def unplaced(doc: Any) -> int:
    """The cells a document could not place: its unparsed cells but the page numbers, which
    unparsed keeps too but are page furniture, not content."""
    if not doc.unparsed:
        return 0
    furniture = {(d.line, d.column) for d in doc.diagnostics if d.code == "page-number"}
    return sum(1 for u in doc.unparsed if (u.line, u.column) not in furniture)


def read_documents(path: str) -> list[Any]:
    """The documents of a file named on the command line; SheetError when it has none."""
    from ..errors import SheetError
    from ..parse import parse_sheets
    from ..source import read

    if os.path.isdir(path):  # given by name, with no sheet in it (one with sheets stands for them)
        raise SheetError("a directory with no sheet in it (.txt, .csv, .xlsx, .ods, .pdf)", path)
    return parse_sheets(read(path), path)


def diagnostics_of(path: str, doc: Any) -> list[str]:
    """A document's warnings and errors, a line each, with their place."""
    return [f"objparse: {d.severity}: {path}:{d.line}{f':{d.column}' if d.column else ''}: {d.code}: {d.message}"
            if d.line else f"objparse: {d.severity}: {path}: {d.code}: {d.message}"
            for d in doc.diagnostics if d.severity != "info"]


def process(path: str, encode: str | None, quiet: bool) -> Outcome:
    """One file read: `encode` is 'json' or 'jsonl' to hand back encoded text, None for the
    documents themselves."""
    from ..errors import SheetError
    from ..export.json import document_chunks

    try:
        docs = read_documents(path)
    except SheetError as exc:
        return Outcome(path, None, [f"objparse: error: {exc}"], [])
    except Exception as exc:  # a bug must not cost the rest of the batch
        return Outcome(path, None, [f"objparse: error: {path}: internal error ({type(exc).__name__}: {exc})"], [])
    messages = [] if quiet else [line for doc in docs for line in diagnostics_of(path, doc)]
    failed = [f"{c.name}{f' ({c.subject})' if c.subject else ''}: {c.message}" for doc in docs for c in doc.checks
              if c.status == "fail"]
    left = sum(1 for doc in docs if unplaced(doc))
    keys = tuple(doc.key for doc in docs)
    errors = sum(1 for doc in docs if any(d.severity == "error" for d in doc.diagnostics))
    warnings = sum(1 for doc in docs if any(d.severity == "warning" for d in doc.diagnostics))
    if encode is None:
        return Outcome(path, [], messages, failed, left, docs, keys, errors, warnings)
    return Outcome(path, [document_chunks(doc, encode == "jsonl") for doc in docs], messages, failed, left,
                   None, keys, errors, warnings)


def _work(task: tuple[str, str | None, bool]) -> Outcome:
    return process(*task)


_INTERRUPTS = {signal.SIGINT, signal.SIGTERM}


def _quiet_worker() -> None:
    """A worker leaves interrupts to the parent, which ends the pool: Ctrl-C reaches every
    process of the terminal's group, and a worker must not unwind on its own. (It starts with
    them held, as forked while the parent held them: none arrives before this.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _INTERRUPTS)


ENDING = 10.0  # seconds the pool's own ending may take before its workers are killed


def _end(pool: Any, others: set[Any]) -> None:
    """The pool ended, its workers gone, whatever state an interrupt left it in. Its own ending
    waits on its threads and on locks its workers share, which an interrupt can leave held (the
    rare run that never ended): it is given ENDING seconds in a thread of its own, then each of
    its workers still alive (every child process but `others`, those there before it) is killed,
    so that none outlives this process."""
    import multiprocessing
    import threading

    ended = threading.Event()

    def end() -> None:
        pool.terminate()
        pool.join()
        ended.set()

    threading.Thread(target=end, name="objparse-pool-end", daemon=True).start()
    ended.wait(ENDING)
    for worker in set(multiprocessing.active_children()) - others:
        worker.kill()
        worker.join()


def outcomes(files: list[str], jobs: int, encode: str | None, quiet: bool) -> Iterator[Outcome]:
    """Each file's outcome, in the order given; on a pool of processes with --jobs."""
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(files) > 1 and "-" not in files:
        import multiprocessing

        # the workers are forked with interrupts held, so none reaches one before it ignores them;
        # the parent takes what arrived meanwhile once they are forked
        others = set(multiprocessing.active_children())
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _INTERRUPTS)
        try:
            pool = multiprocessing.get_context("fork").Pool(min(jobs, len(files)), initializer=_quiet_worker)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        try:
            tasks = [(path, encode, quiet) for path in files]
            yield from pool.imap(_work, tasks, chunksize=max(1, min(64, len(files) // (jobs * 8))))
            pool.close()
        finally:
            _end(pool, others)  # at once, on every exit: an interrupt must not wait for the workers
        return
    for path in files:
        yield process(path, encode, quiet)
