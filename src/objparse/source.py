"""bytes -> text: BOM, UTF-8 or Windows-1252, CRLF, a missing final newline."""

from __future__ import annotations

from .errors import SheetError

_BOM = b"\xef\xbb\xbf"
# control bytes that never occur in an exported sheet (tab, LF, CR, form feed are fine)
_BINARY = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def decode(data: bytes, source: str = "<bytes>") -> str:
    """Return the sheet's text with LF line ends; raise SheetError for input that is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as some spreadsheets save 'Unicode text'
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise SheetError("UTF-16 byte-order mark, but not valid UTF-16", source) from None
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    if not data.strip():
        raise SheetError("empty file", source)
    if b"\x00" in data or data.translate(None, _BINARY) != data:
        raise SheetError("binary file, not a tab-separated sheet", source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise SheetError(f"neither UTF-8 nor Windows-1252 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                             source) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
