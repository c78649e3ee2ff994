"""Document -> sheet text: the inverse of parsing. The rendered sheet is canonical (no merged
cells, no shifted rows, every KPI with its own reference and target), and parsing it gives the
document back, line numbers aside."""

from __future__ import annotations

from decimal import Decimal

from .model import Area, Document, Ieep, Kpi, Note, Projects, Spending
from .side_tables import SIDE_TABLES

WIDTH = 6  # cells of a main-table row


def _row(*cells: str | None, width: int = 0) -> str:
    out = [c or "" for c in cells]
    out += [""] * (width - len(out))
    return "\t".join(out)


def _pct(value: Decimal | None) -> str:
    from .values.numbers import format_number

    return "" if value is None else format_number(value) + "%"


def _target(kpi: Kpi) -> str:
    return kpi.target.raw if kpi.target else ""


def _marked(area: Area) -> str:
    """The area cell as sheets print it: 'Valore organizzativo*', 'Valore Sociale (1)'."""
    if area.marker is None:
        return area.name
    return f"{area.name} {area.marker}" if area.marker.startswith("(") else area.name + area.marker


def _area(area: Area) -> list[str]:
    if not area.subareas:
        return [_row(_marked(area), _pct(area.weight_pct), width=WIDTH)]
    lines = []
    for i, sub in enumerate(area.subareas):
        head = [_marked(area), _pct(area.weight_pct)] if i == 0 else ["", ""]
        implicit = sub.kpis[0] if len(sub.kpis) == 1 and sub.kpis[0].implicit else None
        values = [implicit.reference, _target(implicit)] if implicit else []
        lines.append(_row(*head, _pct(sub.weight_pct), sub.name, *values, width=WIDTH))
        if implicit is None:
            lines += [_row("", "", "", kpi.name, kpi.reference, _target(kpi)) for kpi in sub.kpis]
    return lines


def _note(note: Note) -> str:
    if note.marker:
        return f"{note.marker} {note.text}"
    return f"{note.label}: {note.text}" if note.label else note.text


def ieep_lines(ieep: Ieep) -> list[str]:
    lines = [_row(ieep.title, "", ieep.column)]
    for item in ieep.items:
        label = f"<i>{item.label}</i>" if item.emphasis else item.label
        lines.append(_row(label, "", item.raw))
    return lines


def spending_lines(spending: Spending) -> list[str]:
    lines = []
    for i, rule in enumerate(spending.rules):
        first = i == 0
        measure = rule.measure if first or rule.measure != spending.rules[i - 1].measure else ""
        title = spending.title if first else ""
        if rule.phase is None:
            lines.append(_row(title, measure, rule.rule))
        else:
            lines.append(_row(title, measure, rule.phase, rule.rule))
    return lines


def projects_lines(projects: Projects) -> list[str]:
    lines = [_row(*projects.columns)]
    previous = None
    for p in projects.items:
        area = p.area if previous is None or p.area != previous.area else ""
        sub = p.subarea if area or previous is None or p.subarea != previous.subarea else ""
        lines.append(_row(area, sub, p.id, p.title))
        previous = p
    return lines


def _block(out: list[str], heading: str | None, lines: list[str]) -> None:
    out.append("")
    if heading:
        out += [heading, ""]
    out += lines


def _unparsed(doc: Document) -> list[str]:
    """The cells the parse set aside, each on its line's row at its column: printed before the
    table, where the sheet's layout again has no place for them."""
    rows: dict[int, dict[int, str]] = {}
    for cell in doc.unparsed:
        rows.setdefault(cell.line, {})[cell.column - 1] = cell.text
    return [_row(*(cells.get(i) for i in range(max(cells) + 1))) for _, cells in sorted(rows.items())]


def render(doc: Document) -> str:
    """The document as a clean sheet in the canonical layout (tab-separated, Italian number
    formats, every KPI with its own reference and target): parse_text(render(doc)) gives the
    document back, line numbers aside."""
    out = [_row(doc.title, width=WIDTH), _row(doc.office.label, width=WIDTH), *_unparsed(doc), _row(*doc.columns)]
    for area in doc.areas:
        out += _area(area)
    for note in doc.notes:
        out += ["", _note(note)]
    for table in SIDE_TABLES:
        part = getattr(doc, table.name)
        if part is not None:
            _block(out, part.heading, table.render(part))
    return "\n".join(out) + "\n"
