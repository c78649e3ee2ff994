"""JSON: {"schema_version": 1, "documents": [...]}, and JSON Lines (one document a line).

Decimals are written as exact JSON numbers (1.013, 4249834748, 50.00), never through binary
floats; the output is byte-for-byte deterministic. Each model class gets its own writer, generated
from its fields when first used: no reflective walk over the objects, strings escaped by the
json module's C encoder. The layout: objects and lists indented down to records — an object
whose values are all plain (no non-empty list, no nested object) is written on one line.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from json.encoder import encode_basestring
from types import NoneType, UnionType
from typing import IO, Any

import attrs

from .. import model
from ..generated import json_writers
from ..model import Document

SCHEMA_VERSION = 2
INDENT = "  "

Writer = Callable[[Any, str], str]  # (object, indentation of its line) -> JSON text


def _unwrap(tp: Any) -> tuple[Any, bool]:
    """(the type, whether None is allowed) of a field annotated `X` or `X | None`."""
    if isinstance(tp, UnionType) and NoneType in tp.__args__:
        rest = [a for a in tp.__args__ if a is not NoneType]
        return rest[0], True
    return tp, False


def texts_by_name(tp: Any) -> bool:
    """Is the field's type a mapping of texts by name (dict[str, str]: 'extra')?"""
    return typing.get_origin(tp) is dict and typing.get_args(tp) == (str, str)


# expressions (templates on {v}) that write a value of each plain type
_SCALARS = {str: "S({v})", int: "str({v})", bool: '("true" if {v} else "false")', Decimal: 'format({v}, "f")'}


def writer_source(cls: type) -> str:
    """The source of a model class's two writers, `pretty_<Class>` and `flat_<Class>` (one line),
    written from its fields; they call the writers of nested records through `W`."""
    hints = typing.get_type_hints(cls, vars(model))
    one: list[str] = []  # statements of the one-line form
    pretty: list[str] = []  # statements of the indented form
    nested: list[str] = []  # conditions under which the object is not a record
    for field in model.output_fields(cls):
        tp, optional = _unwrap(hints[field.name])
        key = encode_basestring(field.name) + ": "
        get = f"o.{field.name}"
        omit = bool(field.metadata.get("omit_if_none"))
        if tp in _SCALARS:
            value = block = _SCALARS[tp].format(v=get)
        elif typing.get_origin(tp) is tuple:
            item = typing.get_args(tp)[0]
            nested.append(get)
            if attrs.has(item):
                writers = f"W[model.{item.__name__}]"
                value = f'("[" + ", ".join({writers}[1](x, "") for x in {get}) + "]")'
                items = f'(",\\n" + ind2).join({writers}[0](x, ind2) for x in {get})'
                block = f'("[\\n" + ind2 + {items} + "\\n" + ind1 + "]" if {get} else "[]")'
            elif item in _SCALARS:
                value = block = f'("[" + ", ".join({_SCALARS[item].format(v="x")} for x in {get}) + "]")'
            else:
                raise TypeError(f"{cls.__name__}.{field.name}: no JSON writer for {tp!r}")
        elif attrs.has(tp):
            nested.append(f"{get} is not None")
            value, block = f'W[model.{tp.__name__}][1]({get}, "")', f"W[model.{tp.__name__}][0]({get}, ind1)"
        elif texts_by_name(tp):  # on one line
            value = block = f'("{{" + ", ".join(S(k) + ": " + S(x) for k, x in {get}.items()) + "}}")'
        else:
            raise TypeError(f"{cls.__name__}.{field.name}: no JSON writer for {tp!r}")
        if optional:
            value, block = (f'("null" if {get} is None else {v})' for v in (value, block))
        one.append(_statement(f"out.append({key!r} + {value})", omit, get))
        pretty.append(_statement(f"out.append(ind1 + {key!r} + {block})", omit, get))
    name = cls.__name__
    return "\n".join([
        f"def flat_{name}(o, ind):",
        "    out = []",
        *one,
        '    return "{" + ", ".join(out) + "}"',
        "",
        "",
        f"def pretty_{name}(o, ind):",
        f"    if not ({' or '.join(nested) or 'False'}):",
        f"        return flat_{name}(o, ind)",
        "    ind1 = ind + INDENT",
        "    ind2 = ind1 + INDENT",
        "    out = []",
        *pretty,
        '    return "{\\n" + ",\\n".join(out) + "\\n" + ind + "}"',
    ])


def _compile(cls: type, writers: dict[type, tuple[Writer, Writer]]) -> tuple[Writer, Writer]:
    """(pretty writer, one-line writer) for a model class, compiled from its source."""
    env: dict[str, Any] = {"S": encode_basestring, "W": writers, "INDENT": INDENT, "model": model}
    exec(compile(writer_source(cls), f"<objparse JSON writer for {cls.__name__}>", "exec"), env)
    return env[f"pretty_{cls.__name__}"], env[f"flat_{cls.__name__}"]


def records_of(cls: type) -> list[type]:
    """The model class and every record class its fields hold, each once, the class first."""
    out = [cls]
    hints = typing.get_type_hints(cls, vars(model))
    for field in model.output_fields(cls):
        tp, _ = _unwrap(hints[field.name])
        tp = typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else tp
        if attrs.has(tp):
            out += [c for c in records_of(tp) if c not in out]
    return out


def _statement(statement: str, omit: bool, get: str) -> str:
    return f"    if {get} is not None:\n        {statement}" if omit else f"    {statement}"


class _Writers(dict[type, tuple[Writer, Writer]]):
    """Each model class's writers: a document's records' from objparse.generated.json_writers
    (written once, not compiled in every process), any other class's compiled on first use."""

    def __missing__(self, cls: type) -> tuple[Writer, Writer]:
        self[cls] = _compile(cls, self)
        return self[cls]


_WRITERS = _Writers(json_writers.W)


def dumps(obj: Any, indent: int | None = 2) -> str:
    """One model object as JSON text; indent=None for a single line."""
    pretty, flat = _WRITERS[type(obj)]
    return (flat(obj, "") if indent is None else pretty(obj, "")) + "\n"


def document_chunks(doc: Document, compact: bool = False, indent: str = INDENT * 2) -> list[str]:
    """One document, as it stands inside the documents list (or on one line), in pieces that
    written one after the other make its text: a field each, a list field in three (its items
    joined once, never copied into a larger string), so that a document of thousands of records
    is not held in several copies while it is written."""
    fields = _DOCUMENT_FIELDS or _document_fields()
    ind1 = "" if compact else indent + INDENT
    ind2 = "" if compact else ind1 + INDENT
    sep, item_sep = (", ", ", ") if compact else (",\n" + ind1, ",\n" + ind2)
    chunks = ["{" if compact else "{\n" + ind1]
    for i, (name, key, records) in enumerate(fields):
        value = getattr(doc, name)
        head = (sep if i else "") + key
        if records is not None and value:
            write = _WRITERS[records][1 if compact else 0]
            chunks += [head + ("[" if compact else "[\n" + ind2), item_sep.join([write(x, ind2) for x in value]),
                       "]" if compact else "\n" + ind1 + "]"]
        else:
            chunks.append(head + _field_text(doc, name, compact, ind1))
    chunks.append("}" if compact else "\n" + indent + "}")
    return chunks


_DOCUMENT_FIELDS: list[tuple[str, str, type | None]] = []  # (field, its key, the class of its list's records)


def _document_fields() -> list[tuple[str, str, type | None]]:
    hints = typing.get_type_hints(Document, vars(model))
    for field in model.output_fields(Document):
        tp, _ = _unwrap(hints[field.name])
        item = typing.get_args(tp)[0] if typing.get_origin(tp) is tuple else None
        _DOCUMENT_FIELDS.append((field.name, encode_basestring(field.name) + ": ",
                                 item if item is not None and attrs.has(item) else None))
    return _DOCUMENT_FIELDS


def _field_text(doc: Document, name: str, compact: bool, ind1: str) -> str:
    """One field's value as the document's own writer writes it."""
    value = getattr(doc, name)
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, bool | int):
        return _SCALARS_TEXT[type(value)](value)
    if isinstance(value, tuple):
        if not value:
            return "[]"
        return "[" + ", ".join(_SCALARS_TEXT[type(v)](v) for v in value) + "]"
    pretty, flat = _WRITERS[type(value)]
    return flat(value, "") if compact else pretty(value, ind1)


_SCALARS_TEXT: dict[type, Callable[[Any], str]] = {
    str: encode_basestring, int: str, bool: lambda v: "true" if v else "false", Decimal: lambda v: format(v, "f")}


def document_text(doc: Document, compact: bool = False, indent: str = INDENT * 2) -> str:
    """One document, as it stands inside the documents list (or on one line)."""
    return "".join(document_chunks(doc, compact, indent))


class JsonWriter:
    """Writes {"schema_version": 1, "documents": [...]} one document at a time, so that a batch
    never has to be held in memory; `jsonl` writes one compact document a line instead."""

    def __init__(self, out: IO[str], compact: bool = False, jsonl: bool = False):
        self.out = out
        self.compact = compact
        self.jsonl = jsonl
        self.count = 0

    def write_text(self, text: str | list[str]) -> None:
        """A document already encoded by `document_chunks` or `document_text` (with this writer's
        layout)."""
        if not self.jsonl:
            if self.count == 0:
                self.out.write(f'{{"schema_version": {SCHEMA_VERSION}, "documents": [' if self.compact else
                               f'{{\n{INDENT}"schema_version": {SCHEMA_VERSION},\n{INDENT}"documents": [')
            sep = ", " if self.compact else ",\n" + INDENT * 2
            first = "" if self.compact else "\n" + INDENT * 2
            self.out.write(sep if self.count else first)
        for chunk in [text] if isinstance(text, str) else text:
            self.out.write(chunk)
        if self.jsonl:
            self.out.write("\n")
        self.count += 1

    def write(self, doc: Document) -> None:
        self.write_text(document_chunks(doc, self.compact or self.jsonl))

    def close(self) -> None:
        if self.jsonl:
            return
        if self.count == 0:
            self.out.write(f'{{"schema_version": {SCHEMA_VERSION}, "documents": []}}\n' if self.compact else
                           f'{{\n{INDENT}"schema_version": {SCHEMA_VERSION},\n{INDENT}"documents": []\n}}\n')
        else:
            self.out.write("]}\n" if self.compact else f"\n{INDENT}]\n}}\n")


def dumps_documents(documents: Iterable[Document], indent: int | None = 2) -> str:
    """The whole JSON output for a batch, as text."""
    import io

    buffer = io.StringIO()
    writer = JsonWriter(buffer, compact=indent is None)
    for doc in documents:
        writer.write(doc)
    writer.close()
    return buffer.getvalue()


def plain(obj: Any) -> Any:
    """The plain-data form of a model object: dicts, lists and scalars, Decimals kept exact."""
    if isinstance(obj, (str, int, Decimal)) or obj is None:
        return obj
    if isinstance(obj, (tuple, list)):
        return [plain(v) for v in obj]
    if isinstance(obj, dict):  # texts by name ('extra')
        return dict(obj)
    return {f.name: plain(getattr(obj, f.name)) for f in model.output_fields(type(obj))
            if not (f.metadata.get("omit_if_none") and getattr(obj, f.name) is None)}


def to_dict(obj: Any) -> Any:
    """A model object (or a list of them) as plain data that json.dumps accepts: dicts, lists,
    strings and numbers — whole numbers as int, others as float. For the exact decimals, read
    to_json's text with json.loads(text, parse_float=Decimal), or keep the model objects."""
    if isinstance(obj, Decimal):
        return int(obj) if obj == obj.to_integral_value() and "." not in format(obj, "f") else float(obj)
    if isinstance(obj, (str, int)) or obj is None:
        return obj
    if isinstance(obj, (tuple, list)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):  # texts by name ('extra')
        return dict(obj)
    return {f.name: to_dict(getattr(obj, f.name)) for f in model.output_fields(type(obj))
            if not (f.metadata.get("omit_if_none") and getattr(obj, f.name) is None)}


def to_json(value: Document | Iterable[Document], compact: bool = False) -> str:
    """objparse's JSON output for one document or many: {"schema_version": 1, "documents": [...]},
    decimals exact."""
    return dumps_documents([value] if isinstance(value, Document) else value, None if compact else 2)


# --- reading objparse's JSON back ----------------------------------------------------------------

Reader = Callable[[Any], Any]


class NotObjparseJson(ValueError):
    """JSON that is not objparse's output: says where, in the document, it is not."""


def _expect(kinds: type | tuple[type, ...], name: str) -> Reader:
    def read(value: Any) -> Any:
        if not isinstance(value, kinds) or (isinstance(value, bool) and kinds is not bool):
            raise NotObjparseJson(f"{name} expected, found {type(value).__name__} {str(value)[:40]!r}")
        return value
    return read


MAX_PLACES = 100  # digits, and places of the exponent, of any number objparse writes (some 36 at most)


def _decimal(value: Any) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        value = Decimal(value)
    if not isinstance(value, Decimal):
        raise NotObjparseJson(f"a number expected, found {type(value).__name__} {str(value)[:40]!r}")
    _, digits, exponent = value.as_tuple()
    if len(digits) > MAX_PLACES or not isinstance(exponent, int) or abs(exponent) > MAX_PLACES:
        raise NotObjparseJson(f"a number longer than any sheet prints ({str(value)[:40]})")
    return value


def _reader(tp: Any, readers: dict[Any, Reader]) -> Reader:
    """A function turning the JSON value of a field of type `tp` into its model value, checking
    that it is of that type."""
    tp, optional = _unwrap(tp)
    if tp in (str, int, bool):
        read: Reader = _expect(tp, {str: "a string", int: "an integer", bool: "true or false"}[tp])
    elif tp is Decimal:
        read = _decimal
    elif typing.get_origin(tp) is tuple:
        item = _reader(typing.get_args(tp)[0], readers)
        as_list = _expect(list, "a list")
        read = lambda v: tuple(map(item, as_list(v)))  # noqa: E731
    elif attrs.has(tp):
        read = lambda v: _READERS[tp](v)  # noqa: E731
    elif texts_by_name(tp):
        text, as_object = _expect(str, "a string"), _expect(dict, "an object")
        read = lambda v: {text(k): text(x) for k, x in as_object(v).items()}  # noqa: E731
    else:
        raise TypeError(f"no JSON reader for {tp!r}")
    return (lambda v: None if v is None else read(v)) if optional else read


class _Readers(dict[type, Reader]):
    """Each model class's reader: its fields read by their types; a field the JSON lacks takes
    its default (the output may gain fields; older files lack them)."""

    def __missing__(self, cls: type) -> Reader:
        hints = typing.get_type_hints(cls, vars(model))
        fields = [(f.name, _reader(hints[f.name], self), f.default is not attrs.NOTHING)
                  for f in model.output_fields(cls)]
        as_object = _expect(dict, f"an object ({cls.__name__})")

        def read(value: dict[str, Any]) -> Any:
            as_object(value)
            values = {}
            for name, read_field, has_default in fields:
                if name not in value:
                    if has_default:
                        continue
                    raise NotObjparseJson(f"{cls.__name__} without its field {name!r}")
                try:
                    values[name] = read_field(value[name])
                except NotObjparseJson as exc:
                    raise NotObjparseJson(f"{cls.__name__}.{name}: {exc}") from None
            try:
                return cls(**values)
            except (ValueError, TypeError) as exc:  # a value the model refuses
                raise NotObjparseJson(f"{cls.__name__}: {exc}") from None

        self[cls] = read
        return read


_READERS = _Readers()


def from_dict(value: dict[str, Any]) -> Document:
    """A Document from its plain-data form (as plain() gives it, or as the JSON reads); raises
    NotObjparseJson (a ValueError) saying where it is not one."""
    return _READERS[Document](value)  # type: ignore[no-any-return]


def _parsed(text: str) -> Any:
    import json

    try:
        return json.loads(text, parse_float=Decimal)
    except RecursionError:
        raise NotObjparseJson("nested too deep to be objparse's JSON") from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # an integer of more digits than Python converts
        raise NotObjparseJson(f"not objparse's JSON: {exc}") from None


def loads(text: str) -> list[Document]:
    """The documents of objparse's JSON output ({"schema_version": 1, "documents": [...]}), of one
    document, or of JSON Lines (one document a line). Numbers come back as the exact decimals
    they were written as. Anything else raises NotObjparseJson (a ValueError) saying where it
    is not objparse's: JSON of another shape, a field of another type, text that is no JSON."""
    import json

    text = text.strip()
    if not text:
        return []
    try:
        value = _parsed(text)
    except json.JSONDecodeError as first:  # JSON Lines: one document a line (and lines end at LF only)
        try:
            values = [_parsed(line) for line in text.split("\n") if line.strip()]
        except json.JSONDecodeError:
            raise NotObjparseJson(f"not JSON: {first}") from None
        return [_document(v, f"line {n}") for n, v in enumerate(values, start=1)]
    if isinstance(value, dict) and "documents" in value:
        documents = value["documents"]
        if not isinstance(documents, list):
            raise NotObjparseJson("'documents' is not a list")
        return [_document(doc, f"document {n}") for n, doc in enumerate(documents, start=1)]
    return [_document(value, "the document")]


def _document(value: Any, where: str) -> Document:
    if not isinstance(value, dict):
        raise NotObjparseJson(f"not objparse's JSON: {where} is {type(value).__name__}, neither a document nor "
                              '{"documents": [...]}')
    try:
        return from_dict(value)
    except NotObjparseJson as exc:
        raise NotObjparseJson(f"not objparse's JSON: {where}: {exc}") from None


def load(fp: IO[str]) -> list[Document]:
    """loads(), from an open text file."""
    return loads(fp.read())
