"""objparse's own error types: every one names the file, and where known the line and column."""

from __future__ import annotations


class ObjparseError(Exception):
    """Base of every error objparse raises on purpose."""


class SheetError(ObjparseError):
    """A file that cannot be read as an objective sheet at all."""

    def __init__(self, message: str, source: str = "<text>", line: int | None = None, column: int | None = None):
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
