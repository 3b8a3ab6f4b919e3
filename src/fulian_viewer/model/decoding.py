"""Decoding a data file's bytes: a fixed chain, and a plain refusal rather than a guess.

BOM (UTF-8, UTF-16), then strict UTF-8, then GB18030 as Excel saves CSV on Chinese
Windows (it covers GBK and GB2312). Statistical detectors misread short Chinese text,
so nothing is guessed from letter frequencies. The one pattern read is UTF-16 written
without its byte-order mark: its ASCII characters (a table's commas, digits and line
ends) each carry a NUL byte, all on the same side of every byte pair, which no UTF-8
or GB18030 text has. Bytes that fit none of these, or look like a binary file, raise
:class:`DecodeError` with a code the problem list explains.
"""

from __future__ import annotations

import codecs
import re

_SNIFF_BYTES = 8192

# Control characters refused in a cell (tab and line breaks are allowed), and the
# bidirectional overrides that would make a cell read backwards.
CELL_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BINARY_MAGIC = (b"PK\x03\x04", b"\x89PNG", b"%PDF", b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"GIF8")


class DecodeError(Exception):
    """Raised when bytes are not text in an encoding we accept; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode file bytes; return the text and the name of the encoding used.

    Raises:
        DecodeError: ``binary`` for a non-text file, ``encoding`` when the bytes
            are neither UTF-8 (with or without BOM), UTF-16 with BOM nor GB18030.
    """
    if data.startswith(_BINARY_MAGIC):
        raise DecodeError("binary")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, name = _strict(data, "utf-16"), "UTF-16"
    elif data.startswith(codecs.BOM_UTF8):
        try:
            text, name = _utf8(data[len(codecs.BOM_UTF8) :]), "UTF-8 (BOM)"
        except UnicodeDecodeError:
            raise DecodeError("encoding") from None
    elif b"\x00" in data[:_SNIFF_BYTES] and (utf16 := _utf16_without_bom(data)) is not None:
        text, name = utf16
    else:
        try:
            text, name = _utf8(data), "UTF-8"
        except UnicodeDecodeError:
            if b"\x00" in data[:_SNIFF_BYTES]:
                raise DecodeError("binary") from None  # neither UTF-8 nor GB18030 text has NUL
            text, name = _strict(data, "gb18030"), "GB18030"
            if not _looks_chinese(text):
                raise DecodeError("encoding") from None
    if _mostly_control_characters(text[:_SNIFF_BYTES]):
        raise DecodeError("binary")
    return text, name


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text in UTF-16 without a byte-order mark, told by where its NUL bytes fall; else None.

    Each ASCII character is its byte and a NUL: the NUL second (little-endian, as
    Windows writes) or first (big-endian). A binary file's NULs fall on both sides,
    and a text file with a stray NUL has too few of them.
    """
    sample = data[: _SNIFF_BYTES * 2]
    pairs = len(sample) // 2 or 1
    first, second = sample[0::2].count(0), sample[1::2].count(0)
    for nuls, strays, encoding in ((second, first, "UTF-16LE"), (first, second, "UTF-16BE")):
        # At least some ASCII (a table has commas and line ends); hardly a stray NUL
        # on the other side (only characters such as U+4E00 have one there).
        if nuls >= max(2, pairs // 50) and strays <= pairs // 100:
            try:
                text = data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                break
            if "\x00" not in text and _looks_chinese(text):
                return text, f"{encoding} (no BOM)"
            break
    return None


def _utf8(data: bytes) -> str:
    """Strict UTF-8, except that a character cut off at the very end is dropped.

    A file cut short (an interrupted copy) usually ends mid-character; it is still
    UTF-8, and the cut row is then reported as truncated rather than the whole file
    as being in an unknown encoding.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason != "unexpected end of data":
            raise
        return data[: error.start].decode("utf-8")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise DecodeError("encoding") from None


def _looks_chinese(text: str) -> bool:
    """Whether text decoded as GB18030 is plausibly Chinese rather than mojibake."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    plausible = sum(
        1
        for ch in wide
        if 0x4E00 <= ord(ch) <= 0x9FFF
        or 0x3000 <= ord(ch) <= 0x303F
        or 0xFF00 <= ord(ch) <= 0xFFEF
        or 0x2000 <= ord(ch) <= 0x206F
    )
    return plausible >= 0.9 * len(wide)


def _mostly_control_characters(text: str) -> bool:
    """Whether the start of a text is so full of control characters that it is binary."""
    count = len(CELL_CONTROL_RE.findall(text))
    return count > 0 and count >= 0.05 * len(text)
