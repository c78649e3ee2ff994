"""bytes -> text: the encoding told by the bytes themselves, never by a flag.

    UTF-8, with or without a byte-order mark;
    UTF-16 ("Unicode Text") and UTF-32, with a byte-order mark, or without one where the pattern
    of zero bytes makes it certain;
    the code pages of a spreadsheet's "Text" files — Windows-1252 (the euro sign is byte 0x80),
    DOS code page 850 ("Testo (MS-DOS)": à is byte 0x85), Mac Roman — told apart by which one
    reads as Italian: accented vowels where Italian puts them (at a word's end: 'attività',
    'perché', 'è'), the euro sign beside an amount, typographic quotes and dashes where they go;
    a file that reads equally well in two of them, or in none, is refused, naming them;
    UTF-8 files with a few Windows-1252 bytes in them: those bytes alone are read as
    Windows-1252, with a warning naming their lines.

Line ends become LF (from CRLF or CR alone). Each reading that was a choice leaves a note.
"""

from __future__ import annotations

import re
import sys
from typing import NamedTuple

from .errors import SheetError, unreadable

MAX_BYTES = 64 * 1024 * 1024  # a sheet is a few kilobytes: past this a file is refused, read no further
_BOM = b"\xef\xbb\xbf"
# control characters that never occur in an exported sheet (tab, LF, vertical tab, form feed and
# CR are whitespace): a few are stray, read as spaces; more than one character in a thousand (and
# at least MAX_CONTROLS) make a file binary
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")
MAX_CONTROLS = 8
_ESCAPED = re.compile(r"[\udc80-\udcff]+")  # bytes that were not UTF-8, as surrogateescape keeps them


class Decoded(NamedTuple):
    text: str
    notes: tuple[tuple[str, str, int | None], ...] = ()  # (diagnostic code, message, line)


def _utf16_without_bom(data: bytes) -> str | None:
    """'le' or 'be' when every other byte is zero in the way of UTF-16 text (Latin script has
    a zero high byte); None otherwise."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for order, zeros, others in (("le", odd, even), ("be", even, odd)):
        if others.count(0) == 0 and zeros.count(0) * 2 >= len(zeros):
            return order
    return None


def _utf32_without_bom(data: bytes) -> str | None:
    """'le' or 'be' when the two high bytes of every four are zero (text below U+10000)."""
    if len(data) < 8 or len(data) % 4:
        return None
    if not data[2::4].strip(b"\x00") and not data[3::4].strip(b"\x00"):
        return "le"
    if not data[0::4].strip(b"\x00") and not data[1::4].strip(b"\x00"):
        return "be"
    return None


# the code pages a spreadsheet saves text in, as objparse names them
# (Python's cp858 is code page 850 as Windows has it since the euro: € is byte 0xD5)
CODE_PAGES = {"cp1252": "Windows-1252", "cp858": "code page 850 (DOS)", "mac_roman": "Mac Roman"}
_ACCENTED = frozenset("àèéìòùÀÈÉÌÒÙóÓ")
_QUOTES = frozenset("’‘“”«»")
_DASHES = frozenset("–—")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def italian(text: str) -> int:
    """How much the text reads as Italian, by its characters outside ASCII: an accented vowel
    ending its word, or the euro sign beside an amount, counts 2; a quote, an ellipsis, a
    paragraph sign, a dash between spaces or figures, an ordinal sign after 'N' or a figure, 1;
    anything else (a box-drawing piece, a Greek letter, an accent inside a word) counts against,
    2."""
    score = 0
    for m in _NON_ASCII.finditer(text):
        at = m.start()
        ch = m.group()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if ch in _ACCENTED:  # 'attività', 'perché', 'è', 'CITTÀ': an accent ends its word, in the word's case
            ends = not after.isalpha() and (before.isalpha() or not before.isalnum())
            score += 2 if ends and (ch.islower() or not before.islower()) else -2
        elif ch == "€":
            near = text[max(at - 2, 0):at] + text[at + 1:at + 3]
            score += 2 if any(c.isdigit() for c in near) else -2
        elif ch in _QUOTES or ch in "…§":  # '§ 6.2' cites a paragraph
            score += 1
        elif ch in _DASHES:
            score += 1 if (before == after == " ") or (before.isdigit() and after.isdigit()) else -2
        elif ch in "°ºª":  # 'N°', '1º'
            score += 1 if before in "nN" or before.isdigit() else -2
        else:
            score -= 2
    return score


def _code_page(data: bytes, source: str) -> Decoded:
    """A file that is no UTF-8: read in the code page whose reading is most Italian."""
    readings: dict[str, tuple[int, str]] = {}
    for encoding in CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings[encoding] = (italian(text), text)
    ranked = sorted(readings.items(), key=lambda item: -item[1][0])
    best = [(encoding, text) for encoding, (score, text) in ranked if score == ranked[0][1][0] and score > 0]
    names = ", ".join(CODE_PAGES.values())
    if not best:
        raise SheetError(f"not UTF-8, and no sense in any code page objparse knows ({names})", source)
    if len({text for _, text in best}) > 1:
        tied = " or ".join(CODE_PAGES[encoding] for encoding, _ in best)
        raise SheetError(f"cannot tell its encoding: it reads as well in {tied}", source)
    encoding, text = best[0]
    if encoding == "cp1252":
        return Decoded(text, (("windows-1252", "not UTF-8: read as Windows-1252", None),))
    return Decoded(text, (("encoding", f"not UTF-8: read as {CODE_PAGES[encoding]}, the code page in which it reads "
                                       "as Italian", None),))


def _lines_of(text: str, positions: list[int]) -> list[int]:
    """The 1-based line of each position (ascending), in one pass."""
    lines, line, at = [], 1, 0
    for pos in positions:
        line += text.count("\n", at, pos)
        at = pos
        lines.append(line)
    return lines


def _mixed(data: bytes, source: str) -> Decoded:
    """UTF-8 with some bytes that are not: those read as Windows-1252, one by one."""
    text = data.decode("utf-8", errors="surrogateescape")
    if not any("\x80" <= ch < "\udc80" or ch > "\udcff" for ch in text if ch > "\x7f"):
        return _code_page(data, source)  # no UTF-8 sequence anywhere: the whole file is in a code page
    runs = list(_ESCAPED.finditer(text))
    pieces, at = [], 0
    for run in runs:
        raw = bytes(ord(ch) - 0xDC00 for ch in run.group())
        try:
            pieces += [text[at:run.start()], raw.decode("cp1252")]
        except UnicodeDecodeError:
            raise SheetError(f"neither UTF-8 nor Windows-1252 (byte 0x{raw[0]:02x})", source) from None
        at = run.end()
    pieces.append(text[at:])
    lines = sorted(set(_lines_of(text, [run.start() for run in runs])))
    shown = ", ".join(map(str, lines[:10])) + (", …" if len(lines) > 10 else "")
    note = ("mixed-encoding", f"bytes that are not UTF-8 read as Windows-1252 on line{'s' * (len(lines) > 1)} {shown}",
            lines[0])
    return Decoded("".join(pieces), (note,))


def decode(data: bytes, source: str = "<bytes>") -> Decoded:
    """The sheet's text with LF line ends; raise SheetError for input that is not text."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            decoded = Decoded(data.decode("utf-32"))
        except UnicodeDecodeError:
            raise SheetError("UTF-32 byte-order mark, but not valid UTF-32", source) from None
    elif b"\x00" in data and (order := _utf32_without_bom(data)):
        try:
            decoded = Decoded(data.decode(f"utf-32-{order}"),
                              (("encoding", f"no byte-order mark: read as UTF-32 ({order.upper()}) by its zero bytes",
                                None),))
        except UnicodeDecodeError:
            raise SheetError("binary file, not a tab-separated sheet", source) from None
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as spreadsheets save 'Unicode Text'
        try:
            decoded = Decoded(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise SheetError("UTF-16 byte-order mark, but not valid UTF-16", source) from None
    elif b"\x00" in data and (order := _utf16_without_bom(data)):
        try:
            decoded = Decoded(data.decode(f"utf-16-{order}"),
                              (("utf-16", f"no byte-order mark: read as UTF-16 ({order.upper()}) by its zero bytes",
                                None),))
        except UnicodeDecodeError:
            raise SheetError("binary file, not a tab-separated sheet", source) from None
    else:
        while data.startswith(_BOM):
            data = data[len(_BOM):]
        if b"\x00" in data:
            raise SheetError("binary file, not a tab-separated sheet", source)
        try:
            decoded = Decoded(data.decode("utf-8"))
        except UnicodeDecodeError:
            decoded = _mixed(data, source)
    return normalised(decoded.text, source, decoded.notes)


def normalised(text: str, source: str = "<text>", notes: tuple[tuple[str, str, int | None], ...] = ()) -> Decoded:
    """Decoded text as the reading takes it: no byte-order mark, LF line ends, DOS's end-of-file
    mark gone, a few stray control characters read as spaces (with a warning); text that is
    mostly control characters is binary."""
    text = text.lstrip("\ufeff")
    if text.endswith("\x1a"):  # the end-of-file mark of DOS text
        text = text[:-1]
    if not text.strip():
        raise SheetError("empty file", source)
    first = _BINARY.search(text)
    if first is not None:
        stray = len(_BINARY.findall(text))
        if stray >= MAX_CONTROLS and stray * 1000 > len(text):
            raise SheetError("binary file, not a tab-separated sheet", source)
        line = _lines_of(text, [first.start()])[0]
        text = _BINARY.sub(" ", text)
        notes += (("control-characters", f"{stray} control character{'s' * (stray > 1)} no sheet holds, read as "
                                         "spaces", line),)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, notes)


def read(path: str) -> bytes:
    """A file's bytes ('-': standard input), read no further than MAX_BYTES: a larger input (or
    an endless one, such as /dev/zero) is refused, in memory bounded by the limit."""
    if path == "-":
        stream = sys.stdin.buffer if sys.stdin is not None else None
        data = stream.read(MAX_BYTES + 1) if stream is not None else b""
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except IsADirectoryError:
            raise SheetError("is a directory, not a sheet", path) from None
        except OSError as exc:
            raise unreadable(exc, path) from None
    if len(data) > MAX_BYTES:
        raise SheetError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB, which no sheet is", path)
    return data
