"""objparse's own error types: every one names the file, and where known the line and column."""

from __future__ import annotations


class ObjparseError(Exception):
    """Base of every error objparse raises on purpose."""


class SheetError(ObjparseError):
    """A file that cannot be read as an objective sheet at all."""

    def __init__(self, message: str, source: str = "<text>", line: int | None = None, column: int | None = None):
        message = " ".join(message.splitlines())  # one line, whatever a library's message held
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class SheetReadError(SheetError, OSError):
    """A file that could not be read at all (an OSError too, with its errno and file name)."""

    def __init__(self, message: str, source: str, errno: int | None = None):
        super().__init__(message, source)
        self.errno = errno
        self.filename = source


class SheetNotFound(SheetReadError, FileNotFoundError):
    """No file at the path given (a FileNotFoundError too)."""


def unreadable(exc: OSError, source: str) -> SheetReadError:
    """The SheetError for a file the system would not read: a FileNotFoundError when missing."""
    kind = SheetNotFound if isinstance(exc, FileNotFoundError) else SheetReadError
    return kind(f"cannot read: {exc.strerror or exc}", source, exc.errno)
