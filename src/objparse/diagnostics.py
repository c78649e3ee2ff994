"""Every diagnostic objparse emits: one table of codes, severities and meanings.
docs/diagnostics.md is generated from it (python -m objparse.diagnostics > docs/diagnostics.md)."""

from __future__ import annotations

from .model import Diagnostic
from .values.vocabulary import MAIN_HEADER_PRINTED, REFERENCES

CODES: dict[str, tuple[str, str]] = {
    # code: (severity, meaning)
    "unexpected-line": ("warning", "A row stands where the sheet's layout has no place for it (a KPI row before any "
                                   "area row, a table row after the projects annex, a second table of a kind, a line "
                                   "before the title); its cells are kept in `unparsed`."),
    "page-number": ("info", "A page number that a PDF export left between rows ('Pagina 2 di 3', '- 2 -', or "
                            "'2' alone between blank lines); kept in `unparsed`."),
    "unread-cell": ("warning", "A non-empty cell that no stage of the reading took into a field, kept in unparsed, "
                               "or dropped: it is kept in `unparsed` with its line and column (objparse's fault, "
                               "never the sheet's: please report it)."),
    "unplaced-cell": ("warning", "A non-empty cell fits no field of its row; it is kept in `unparsed` with its line "
                                 "and column."),
    "no-title": ("warning", "The sheet has no title line, so no year either."),
    "no-office": ("warning", "The sheet names no office before its main table."),
    "no-main-table": ("warning", f"The header `{MAIN_HEADER_PRINTED} | ...` of the main table was not found; rows "
                                 "right after the office, if any, are read as the table."),
    "no-areas": ("error", "The sheet's main table gave no area (its header was found and nothing under it read, or "
                          "there is no main table): the document is empty where it matters, though every cell is "
                          "kept."),
    "mostly-unplaced": ("error", "More than half of the sheet's cells fit no field and are in `unparsed`: the "
                                 "sheet is laid out in a way objparse does not read."),
    "orphan-row": ("warning", "A main-table row comes before any area row, so it belongs to no area; its cells are "
                              "kept in `unparsed`."),
    "ieep-no-tree": ("warning", "The I.E.E.P. amounts admit no tree even with a typo allowed; items are left flat "
                                "at level 0."),
    "check-failed": ("info", "A check failed: a finding about the sheet, not an error of the parser."),
    # readings of the sheet that were a choice: each noted where it was made, to be audited
    "wrapped-text": ("info", "A row holds only the rest of a cell above it (the title or the office line, a table "
                             "header's cells, an area, sub-area or KPI name, a reference, a note, a spending rule, a "
                             "project title, an I.E.E.P. label), or the rest of the name, label, rule or title above "
                             "with the row's other cells (a PDF prints a tall row's cells on its last line): the two "
                             "were joined with a space."),
    "merged-below": ("info", "A KPI took its reference or target from a row below it in its sub-area, nothing "
                             "above having one: a merged cell printed on its middle row."),
    "misplaced-value": ("info", f"A target printed in {REFERENCES} (a number, an amount, or a text that cites "
                                f"nothing) was read as the target; a citation printed right of {REFERENCES}, with the "
                                "target after it, was read as the reference."),
    "shifted-row": ("info", "A main-table row lost leading cells; its cells were placed by what they hold."),
    "implicit-kpi": ("info", "A sub-area row carries a reference or target and has no KPI row under it: it was read "
                             "as one KPI named after the sub-area (`implicit: true`)."),
    "repeated-area": ("info", "An area row printed again (instead of merged) was read as the same area."),
    "office-line": ("info", "No line names an office the usual way (`DC …`, `REG. …`, `DCM …`); the first "
                            "other line before the table was read as the office."),
    "page-header": ("info", "A page header (title, office or a table's header) printed again after a page break "
                            "was dropped: it was read already."),
    "ieep-typo": ("info", "An I.E.E.P. parent does not equal the sum of its children: the tree was recovered "
                          "around what one slip of the pen explains, and the `ieep_sums` check names it."),
    # how the file was read: each a choice objparse made, to be audited
    "windows-1252": ("info", "The file is not UTF-8; it was read as Windows-1252."),
    "encoding": ("info", "The file's encoding was a choice: no byte-order mark said it. UTF-32 told by its zero "
                         "bytes, or a code page (DOS 850, Mac Roman) by which one reads as Italian: accented vowels "
                         "at words' ends, the euro sign beside amounts."),
    "mixed-encoding": ("warning", "A UTF-8 file holds bytes that are not UTF-8; those bytes alone were read as "
                                  "Windows-1252. The message names their lines."),
    "bad-characters": ("warning", "The text holds characters no file can (lone surrogates); they were replaced by "
                                  "U+FFFD."),
    "control-characters": ("warning", "The text holds a few control characters no sheet holds (a stray byte of "
                                      "another program); they were read as spaces. The message says how many, "
                                      "the line the first is on."),
    "long-number": ("warning", "A cell holds a number longer than any sheet prints; it was read as text."),
    "utf-16": ("info", "The file has no byte-order mark; the pattern of its zero bytes says it is UTF-16."),
    "delimiter": ("info", "The file's cells are separated by ';' (Italian Excel's CSV), ',' or '|', not tabs: "
                          "the separator that splits the main table's header into its cells."),
    "excel-quoting": ("info", "The file is quoted the way Excel saves text: quotes around cells were removed and "
                              "doubled quotes read as one."),
    "quoted-cell": ("info", "A quoted cell spans two physical lines (an in-cell line break); the break was read as "
                            "a space, and the row's line is the one it starts on."),
    "offset": ("info", "Every row of the sheet begins with the same empty cells (the exported range starts to "
                       "the right); the sheet was read from its first used column. Columns in `unparsed` and "
                       "in diagnostics are the source's."),
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
