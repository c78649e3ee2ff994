"""Each record class's JSON writers, written by `python -m objparse.generate` from the model
(objparse.export.json.writer_source): do not edit."""

# ruff: noqa
from json.encoder import encode_basestring as S

from .. import model

INDENT = '  '


def flat_Document(o, ind):
    out = []
    out.append('"source": ' + S(o.source))
    out.append('"sheet": ' + S(o.sheet))
    out.append('"source_sha256": ' + ("null" if o.source_sha256 is None else S(o.source_sha256)))
    out.append('"title": ' + ("null" if o.title is None else S(o.title)))
    out.append('"year": ' + ("null" if o.year is None else str(o.year)))
    out.append('"office": ' + W[model.Office][1](o.office, ""))
    out.append('"columns": ' + ("[" + ", ".join(S(x) for x in o.columns) + "]"))
    out.append('"areas": ' + ("[" + ", ".join(W[model.Area][1](x, "") for x in o.areas) + "]"))
    out.append('"ieep": ' + ("null" if o.ieep is None else W[model.Ieep][1](o.ieep, "")))
    out.append('"spending": ' + ("null" if o.spending is None else W[model.Spending][1](o.spending, "")))
    out.append('"projects": ' + ("null" if o.projects is None else W[model.Projects][1](o.projects, "")))
    out.append('"notes": ' + ("[" + ", ".join(W[model.Note][1](x, "") for x in o.notes) + "]"))
    out.append('"checks": ' + ("[" + ", ".join(W[model.Check][1](x, "") for x in o.checks) + "]"))
    out.append('"diagnostics": ' + ("[" + ", ".join(W[model.Diagnostic][1](x, "") for x in o.diagnostics) + "]"))
    out.append('"unparsed": ' + ("[" + ", ".join(W[model.Unparsed][1](x, "") for x in o.unparsed) + "]"))
    return "{" + ", ".join(out) + "}"


def pretty_Document(o, ind):
    if not (o.office is not None or o.columns or o.areas or o.ieep is not None or o.spending is not None or o.projects is not None or o.notes or o.checks or o.diagnostics or o.unparsed):
        return flat_Document(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"source": ' + S(o.source))
    out.append(ind1 + '"sheet": ' + S(o.sheet))
    out.append(ind1 + '"source_sha256": ' + ("null" if o.source_sha256 is None else S(o.source_sha256)))
    out.append(ind1 + '"title": ' + ("null" if o.title is None else S(o.title)))
    out.append(ind1 + '"year": ' + ("null" if o.year is None else str(o.year)))
    out.append(ind1 + '"office": ' + W[model.Office][0](o.office, ind1))
    out.append(ind1 + '"columns": ' + ("[" + ", ".join(S(x) for x in o.columns) + "]"))
    out.append(ind1 + '"areas": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.Area][0](x, ind2) for x in o.areas) + "\n" + ind1 + "]" if o.areas else "[]"))
    out.append(ind1 + '"ieep": ' + ("null" if o.ieep is None else W[model.Ieep][0](o.ieep, ind1)))
    out.append(ind1 + '"spending": ' + ("null" if o.spending is None else W[model.Spending][0](o.spending, ind1)))
    out.append(ind1 + '"projects": ' + ("null" if o.projects is None else W[model.Projects][0](o.projects, ind1)))
    out.append(ind1 + '"notes": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.Note][0](x, ind2) for x in o.notes) + "\n" + ind1 + "]" if o.notes else "[]"))
    out.append(ind1 + '"checks": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.Check][0](x, ind2) for x in o.checks) + "\n" + ind1 + "]" if o.checks else "[]"))
    out.append(ind1 + '"diagnostics": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.Diagnostic][0](x, ind2) for x in o.diagnostics) + "\n" + ind1 + "]" if o.diagnostics else "[]"))
    out.append(ind1 + '"unparsed": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.Unparsed][0](x, ind2) for x in o.unparsed) + "\n" + ind1 + "]" if o.unparsed else "[]"))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Office(o, ind):
    out = []
    out.append('"label": ' + ("null" if o.label is None else S(o.label)))
    out.append('"kind": ' + ("null" if o.kind is None else S(o.kind)))
    out.append('"name": ' + ("null" if o.name is None else S(o.name)))
    out.append('"role": ' + ("null" if o.role is None else S(o.role)))
    return "{" + ", ".join(out) + "}"


def pretty_Office(o, ind):
    if not (False):
        return flat_Office(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"label": ' + ("null" if o.label is None else S(o.label)))
    out.append(ind1 + '"kind": ' + ("null" if o.kind is None else S(o.kind)))
    out.append(ind1 + '"name": ' + ("null" if o.name is None else S(o.name)))
    out.append(ind1 + '"role": ' + ("null" if o.role is None else S(o.role)))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Area(o, ind):
    out = []
    out.append('"name": ' + S(o.name))
    out.append('"code": ' + ("null" if o.code is None else S(o.code)))
    out.append('"weight_pct": ' + ("null" if o.weight_pct is None else format(o.weight_pct, "f")))
    out.append('"marker": ' + ("null" if o.marker is None else S(o.marker)))
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    out.append('"subareas": ' + ("[" + ", ".join(W[model.Subarea][1](x, "") for x in o.subareas) + "]"))
    return "{" + ", ".join(out) + "}"


def pretty_Area(o, ind):
    if not (o.subareas):
        return flat_Area(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"name": ' + S(o.name))
    out.append(ind1 + '"code": ' + ("null" if o.code is None else S(o.code)))
    out.append(ind1 + '"weight_pct": ' + ("null" if o.weight_pct is None else format(o.weight_pct, "f")))
    out.append(ind1 + '"marker": ' + ("null" if o.marker is None else S(o.marker)))
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    out.append(ind1 + '"subareas": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.Subarea][0](x, ind2) for x in o.subareas) + "\n" + ind1 + "]" if o.subareas else "[]"))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Subarea(o, ind):
    out = []
    out.append('"name": ' + S(o.name))
    out.append('"weight_pct": ' + ("null" if o.weight_pct is None else format(o.weight_pct, "f")))
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    out.append('"kpis": ' + ("[" + ", ".join(W[model.Kpi][1](x, "") for x in o.kpis) + "]"))
    return "{" + ", ".join(out) + "}"


def pretty_Subarea(o, ind):
    if not (o.kpis):
        return flat_Subarea(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"name": ' + S(o.name))
    out.append(ind1 + '"weight_pct": ' + ("null" if o.weight_pct is None else format(o.weight_pct, "f")))
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    out.append(ind1 + '"kpis": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.Kpi][0](x, ind2) for x in o.kpis) + "\n" + ind1 + "]" if o.kpis else "[]"))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Kpi(o, ind):
    out = []
    out.append('"name": ' + S(o.name))
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    out.append('"implicit": ' + ("true" if o.implicit else "false"))
    out.append('"reference": ' + ("null" if o.reference is None else S(o.reference)))
    out.append('"citations": ' + ("[" + ", ".join(W[model.Citation][1](x, "") for x in o.citations) + "]"))
    out.append('"target": ' + ("null" if o.target is None else W[model.Target][1](o.target, "")))
    out.append('"project_ids": ' + ("[" + ", ".join(S(x) for x in o.project_ids) + "]"))
    out.append('"extra": ' + ("{" + ", ".join(S(k) + ": " + S(x) for k, x in o.extra.items()) + "}"))
    return "{" + ", ".join(out) + "}"


def pretty_Kpi(o, ind):
    if not (o.citations or o.target is not None or o.project_ids):
        return flat_Kpi(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"name": ' + S(o.name))
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    out.append(ind1 + '"implicit": ' + ("true" if o.implicit else "false"))
    out.append(ind1 + '"reference": ' + ("null" if o.reference is None else S(o.reference)))
    out.append(ind1 + '"citations": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.Citation][0](x, ind2) for x in o.citations) + "\n" + ind1 + "]" if o.citations else "[]"))
    out.append(ind1 + '"target": ' + ("null" if o.target is None else W[model.Target][0](o.target, ind1)))
    out.append(ind1 + '"project_ids": ' + ("[" + ", ".join(S(x) for x in o.project_ids) + "]"))
    out.append(ind1 + '"extra": ' + ("{" + ", ".join(S(k) + ": " + S(x) for k, x in o.extra.items()) + "}"))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Citation(o, ind):
    out = []
    out.append('"document": ' + ("null" if o.document is None else S(o.document)))
    out.append('"annex": ' + ("null" if o.annex is None else S(o.annex)))
    out.append('"page_from": ' + ("null" if o.page_from is None else str(o.page_from)))
    out.append('"page_to": ' + ("null" if o.page_to is None else str(o.page_to)))
    out.append('"and_following": ' + ("true" if o.and_following else "false"))
    out.append('"paragraph": ' + ("null" if o.paragraph is None else S(o.paragraph)))
    return "{" + ", ".join(out) + "}"


def pretty_Citation(o, ind):
    if not (False):
        return flat_Citation(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"document": ' + ("null" if o.document is None else S(o.document)))
    out.append(ind1 + '"annex": ' + ("null" if o.annex is None else S(o.annex)))
    out.append(ind1 + '"page_from": ' + ("null" if o.page_from is None else str(o.page_from)))
    out.append(ind1 + '"page_to": ' + ("null" if o.page_to is None else str(o.page_to)))
    out.append(ind1 + '"and_following": ' + ("true" if o.and_following else "false"))
    out.append(ind1 + '"paragraph": ' + ("null" if o.paragraph is None else S(o.paragraph)))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Target(o, ind):
    out = []
    out.append('"raw": ' + S(o.raw))
    out.append('"kind": ' + S(o.kind))
    out.append('"value": ' + ("null" if o.value is None else format(o.value, "f")))
    out.append('"unit": ' + ("null" if o.unit is None else S(o.unit)))
    if o.citations is not None:
        out.append('"citations": ' + ("null" if o.citations is None else ("[" + ", ".join(W[model.Citation][1](x, "") for x in o.citations) + "]")))
    return "{" + ", ".join(out) + "}"


def pretty_Target(o, ind):
    if not (o.citations):
        return flat_Target(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"raw": ' + S(o.raw))
    out.append(ind1 + '"kind": ' + S(o.kind))
    out.append(ind1 + '"value": ' + ("null" if o.value is None else format(o.value, "f")))
    out.append(ind1 + '"unit": ' + ("null" if o.unit is None else S(o.unit)))
    if o.citations is not None:
        out.append(ind1 + '"citations": ' + ("null" if o.citations is None else ("[\n" + ind2 + (",\n" + ind2).join(W[model.Citation][0](x, ind2) for x in o.citations) + "\n" + ind1 + "]" if o.citations else "[]")))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Ieep(o, ind):
    out = []
    out.append('"heading": ' + ("null" if o.heading is None else S(o.heading)))
    out.append('"title": ' + S(o.title))
    out.append('"column": ' + ("null" if o.column is None else S(o.column)))
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    out.append('"items": ' + ("[" + ", ".join(W[model.IeepItem][1](x, "") for x in o.items) + "]"))
    out.append('"extra_columns": ' + ("[" + ", ".join(S(x) for x in o.extra_columns) + "]"))
    return "{" + ", ".join(out) + "}"


def pretty_Ieep(o, ind):
    if not (o.items or o.extra_columns):
        return flat_Ieep(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"heading": ' + ("null" if o.heading is None else S(o.heading)))
    out.append(ind1 + '"title": ' + S(o.title))
    out.append(ind1 + '"column": ' + ("null" if o.column is None else S(o.column)))
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    out.append(ind1 + '"items": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.IeepItem][0](x, ind2) for x in o.items) + "\n" + ind1 + "]" if o.items else "[]"))
    out.append(ind1 + '"extra_columns": ' + ("[" + ", ".join(S(x) for x in o.extra_columns) + "]"))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_IeepItem(o, ind):
    out = []
    out.append('"id": ' + str(o.id))
    out.append('"label": ' + S(o.label))
    out.append('"amount": ' + ("null" if o.amount is None else format(o.amount, "f")))
    out.append('"raw": ' + ("null" if o.raw is None else S(o.raw)))
    out.append('"sign": ' + str(o.sign))
    out.append('"level": ' + str(o.level))
    out.append('"parent": ' + ("null" if o.parent is None else str(o.parent)))
    out.append('"emphasis": ' + ("true" if o.emphasis else "false"))
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    if o.typo is not None:
        out.append('"typo": ' + ("null" if o.typo is None else S(o.typo)))
    out.append('"extra": ' + ("{" + ", ".join(S(k) + ": " + S(x) for k, x in o.extra.items()) + "}"))
    return "{" + ", ".join(out) + "}"


def pretty_IeepItem(o, ind):
    if not (False):
        return flat_IeepItem(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"id": ' + str(o.id))
    out.append(ind1 + '"label": ' + S(o.label))
    out.append(ind1 + '"amount": ' + ("null" if o.amount is None else format(o.amount, "f")))
    out.append(ind1 + '"raw": ' + ("null" if o.raw is None else S(o.raw)))
    out.append(ind1 + '"sign": ' + str(o.sign))
    out.append(ind1 + '"level": ' + str(o.level))
    out.append(ind1 + '"parent": ' + ("null" if o.parent is None else str(o.parent)))
    out.append(ind1 + '"emphasis": ' + ("true" if o.emphasis else "false"))
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    if o.typo is not None:
        out.append(ind1 + '"typo": ' + ("null" if o.typo is None else S(o.typo)))
    out.append(ind1 + '"extra": ' + ("{" + ", ".join(S(k) + ": " + S(x) for k, x in o.extra.items()) + "}"))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Spending(o, ind):
    out = []
    out.append('"heading": ' + ("null" if o.heading is None else S(o.heading)))
    out.append('"title": ' + S(o.title))
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    out.append('"rules": ' + ("[" + ", ".join(W[model.SpendingRule][1](x, "") for x in o.rules) + "]"))
    return "{" + ", ".join(out) + "}"


def pretty_Spending(o, ind):
    if not (o.rules):
        return flat_Spending(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"heading": ' + ("null" if o.heading is None else S(o.heading)))
    out.append(ind1 + '"title": ' + S(o.title))
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    out.append(ind1 + '"rules": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.SpendingRule][0](x, ind2) for x in o.rules) + "\n" + ind1 + "]" if o.rules else "[]"))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_SpendingRule(o, ind):
    out = []
    out.append('"measure": ' + ("null" if o.measure is None else S(o.measure)))
    out.append('"phase": ' + ("null" if o.phase is None else S(o.phase)))
    out.append('"rule": ' + S(o.rule))
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    return "{" + ", ".join(out) + "}"


def pretty_SpendingRule(o, ind):
    if not (False):
        return flat_SpendingRule(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"measure": ' + ("null" if o.measure is None else S(o.measure)))
    out.append(ind1 + '"phase": ' + ("null" if o.phase is None else S(o.phase)))
    out.append(ind1 + '"rule": ' + S(o.rule))
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Projects(o, ind):
    out = []
    out.append('"heading": ' + ("null" if o.heading is None else S(o.heading)))
    out.append('"columns": ' + ("[" + ", ".join(S(x) for x in o.columns) + "]"))
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    out.append('"items": ' + ("[" + ", ".join(W[model.Project][1](x, "") for x in o.items) + "]"))
    return "{" + ", ".join(out) + "}"


def pretty_Projects(o, ind):
    if not (o.columns or o.items):
        return flat_Projects(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"heading": ' + ("null" if o.heading is None else S(o.heading)))
    out.append(ind1 + '"columns": ' + ("[" + ", ".join(S(x) for x in o.columns) + "]"))
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    out.append(ind1 + '"items": ' + ("[\n" + ind2 + (",\n" + ind2).join(W[model.Project][0](x, ind2) for x in o.items) + "\n" + ind1 + "]" if o.items else "[]"))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Project(o, ind):
    out = []
    out.append('"area": ' + ("null" if o.area is None else S(o.area)))
    out.append('"area_code": ' + ("null" if o.area_code is None else S(o.area_code)))
    out.append('"subarea": ' + ("null" if o.subarea is None else S(o.subarea)))
    out.append('"id": ' + S(o.id))
    out.append('"title": ' + ("null" if o.title is None else S(o.title)))
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    out.append('"extra": ' + ("{" + ", ".join(S(k) + ": " + S(x) for k, x in o.extra.items()) + "}"))
    return "{" + ", ".join(out) + "}"


def pretty_Project(o, ind):
    if not (False):
        return flat_Project(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"area": ' + ("null" if o.area is None else S(o.area)))
    out.append(ind1 + '"area_code": ' + ("null" if o.area_code is None else S(o.area_code)))
    out.append(ind1 + '"subarea": ' + ("null" if o.subarea is None else S(o.subarea)))
    out.append(ind1 + '"id": ' + S(o.id))
    out.append(ind1 + '"title": ' + ("null" if o.title is None else S(o.title)))
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    out.append(ind1 + '"extra": ' + ("{" + ", ".join(S(k) + ": " + S(x) for k, x in o.extra.items()) + "}"))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Note(o, ind):
    out = []
    out.append('"label": ' + ("null" if o.label is None else S(o.label)))
    out.append('"marker": ' + ("null" if o.marker is None else S(o.marker)))
    out.append('"text": ' + S(o.text))
    out.append('"act": ' + ("null" if o.act is None else W[model.Act][1](o.act, "")))
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    return "{" + ", ".join(out) + "}"


def pretty_Note(o, ind):
    if not (o.act is not None):
        return flat_Note(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"label": ' + ("null" if o.label is None else S(o.label)))
    out.append(ind1 + '"marker": ' + ("null" if o.marker is None else S(o.marker)))
    out.append(ind1 + '"text": ' + S(o.text))
    out.append(ind1 + '"act": ' + ("null" if o.act is None else W[model.Act][0](o.act, ind1)))
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Act(o, ind):
    out = []
    out.append('"type": ' + S(o.type))
    out.append('"number": ' + S(o.number))
    out.append('"date": ' + S(o.date))
    return "{" + ", ".join(out) + "}"


def pretty_Act(o, ind):
    if not (False):
        return flat_Act(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"type": ' + S(o.type))
    out.append(ind1 + '"number": ' + S(o.number))
    out.append(ind1 + '"date": ' + S(o.date))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Check(o, ind):
    out = []
    out.append('"name": ' + S(o.name))
    out.append('"subject": ' + ("null" if o.subject is None else S(o.subject)))
    out.append('"status": ' + S(o.status))
    out.append('"message": ' + S(o.message))
    return "{" + ", ".join(out) + "}"


def pretty_Check(o, ind):
    if not (False):
        return flat_Check(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"name": ' + S(o.name))
    out.append(ind1 + '"subject": ' + ("null" if o.subject is None else S(o.subject)))
    out.append(ind1 + '"status": ' + S(o.status))
    out.append(ind1 + '"message": ' + S(o.message))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Diagnostic(o, ind):
    out = []
    out.append('"severity": ' + S(o.severity))
    out.append('"code": ' + S(o.code))
    out.append('"message": ' + S(o.message))
    out.append('"line": ' + ("null" if o.line is None else str(o.line)))
    out.append('"column": ' + ("null" if o.column is None else str(o.column)))
    return "{" + ", ".join(out) + "}"


def pretty_Diagnostic(o, ind):
    if not (False):
        return flat_Diagnostic(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"severity": ' + S(o.severity))
    out.append(ind1 + '"code": ' + S(o.code))
    out.append(ind1 + '"message": ' + S(o.message))
    out.append(ind1 + '"line": ' + ("null" if o.line is None else str(o.line)))
    out.append(ind1 + '"column": ' + ("null" if o.column is None else str(o.column)))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


def flat_Unparsed(o, ind):
    out = []
    out.append('"line": ' + str(o.line))
    if o.page is not None:
        out.append('"page": ' + ("null" if o.page is None else str(o.page)))
    out.append('"column": ' + str(o.column))
    out.append('"text": ' + S(o.text))
    return "{" + ", ".join(out) + "}"


def pretty_Unparsed(o, ind):
    if not (False):
        return flat_Unparsed(o, ind)
    ind1 = ind + INDENT
    ind2 = ind1 + INDENT
    out = []
    out.append(ind1 + '"line": ' + str(o.line))
    if o.page is not None:
        out.append(ind1 + '"page": ' + ("null" if o.page is None else str(o.page)))
    out.append(ind1 + '"column": ' + str(o.column))
    out.append(ind1 + '"text": ' + S(o.text))
    return "{\n" + ",\n".join(out) + "\n" + ind + "}"


W = {
    model.Document: (pretty_Document, flat_Document),
    model.Office: (pretty_Office, flat_Office),
    model.Area: (pretty_Area, flat_Area),
    model.Subarea: (pretty_Subarea, flat_Subarea),
    model.Kpi: (pretty_Kpi, flat_Kpi),
    model.Citation: (pretty_Citation, flat_Citation),
    model.Target: (pretty_Target, flat_Target),
    model.Ieep: (pretty_Ieep, flat_Ieep),
    model.IeepItem: (pretty_IeepItem, flat_IeepItem),
    model.Spending: (pretty_Spending, flat_Spending),
    model.SpendingRule: (pretty_SpendingRule, flat_SpendingRule),
    model.Projects: (pretty_Projects, flat_Projects),
    model.Project: (pretty_Project, flat_Project),
    model.Note: (pretty_Note, flat_Note),
    model.Act: (pretty_Act, flat_Act),
    model.Check: (pretty_Check, flat_Check),
    model.Diagnostic: (pretty_Diagnostic, flat_Diagnostic),
    model.Unparsed: (pretty_Unparsed, flat_Unparsed),
}
