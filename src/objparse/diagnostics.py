"""Every diagnostic objparse emits: one table of codes, severities and meanings.
docs/diagnostics.md is generated from it (python -m objparse.diagnostics > docs/diagnostics.md)."""

from __future__ import annotations

from .model import Diagnostic

CODES: dict[str, tuple[str, str]] = {
    # code: (severity, meaning)
    "unexpected-line": ("warning", "A row stands where the sheet's layout has no place for it (a KPI row before any "
                                   "area row, a table row after the projects annex, a second table of a kind, a line "
                                   "before the title); its cells are kept in `unparsed`."),
    "page-number": ("info", "A page number that a PDF export left between rows; kept in `unparsed`."),
    "unplaced-cell": ("warning", "A non-empty cell fits no field of its row; it is kept in `unparsed` with its line "
                                 "and column."),
    "no-title": ("warning", "The sheet has no title line, so no year either."),
    "no-office": ("warning", "The sheet names no office before its main table."),
    "no-main-table": ("warning", "The header `AMBITO DI PERFORMANCE | ...` of the main table was not found; rows "
                                 "right after the office, if any, are read as the table."),
    "orphan-row": ("warning", "A main-table row comes before any area row, so it belongs to no area; its cells are "
                              "kept in `unparsed`."),
    "bad-number": ("warning", "A cell that should hold a number (a weight, an I.E.E.P. amount) does not; the "
                              "message says where the text stops being a number."),
    "ieep-no-tree": ("warning", "The I.E.E.P. amounts admit no tree even with a typo allowed; items are left flat "
                                "at level 0."),
    "ieep-mismatch": ("warning", "An I.E.E.P. parent does not equal the signed sum of its children; the tree given "
                                 "is the most plausible one and the `ieep_sums` check names the parent."),
    "check-failed": ("info", "A check failed: a finding about the sheet, not an error of the parser."),
}


def diagnostic(code: str, message: str, line: int | None = None, column: int | None = None) -> Diagnostic:
    severity, _ = CODES[code]
    return Diagnostic(severity, code, message, line, column)


def markdown() -> str:
    lines = ["# Diagnostics", "", "Every diagnostic objparse writes, in `diagnostics` of a document and on stderr.",
             "Generated from `objparse.diagnostics.CODES`.", "",
             "| code | severity | meaning |", "|---|---|---|"]
    lines += [f"| `{code}` | {severity} | {meaning} |" for code, (severity, meaning) in CODES.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
