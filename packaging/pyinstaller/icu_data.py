"""A smaller ICU data library for the offline folder: only the data Qt can ask for.

PySide6's Qt links ICU, whose data library ``libicudata.so.NN`` is 32 MB: every
locale's names of languages, regions, currencies and units, collation and
break-iterator rules for every language, transliterators, spell-out rules and
about 200 legacy character-set converters. QtCore calls only ICU's case mapping,
collation (``QCollator``), time-zone display names (``QTimeZone``) and character
converters (``QStringConverter`` for encodings other than UTF and Latin-1);
QtGui and QtWidgets call none of it. The viewer decodes its files with Python.

:func:`trim_library` keeps what those calls can use, for the root locale and for
Chinese and English (the viewer's two languages): the locale tree's metadata,
collation, time-zone names, Unicode names, normalisation data and the GB18030
converter. It drops the rest. The library keeps its name, its ``SONAME`` and its
one symbol, ``icudtNN_dat``; only the package inside is smaller.

The work is done here in Python on the two formats involved, both simple and
stable: ICU's common data package (a table of contents and 16-byte aligned
items) and the ELF file of the data library as ICU's build makes it (one
read-only segment holding the data, one small writable segment holding
``.dynamic``). Anything unexpected raises :class:`IcuTrimError`, and the spec
then bundles the library unchanged.

Run directly to print what a trim keeps::

    uv run python packaging/pyinstaller/icu_data.py path/to/libicudata.so.73 /tmp/out.so
"""

from __future__ import annotations

import re
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

KEPT_LOCALES = re.compile(r"(root|en|en_[A-Za-z0-9_]+|zh|zh_[A-Za-z0-9_]+)\.res")
"""Locales whose data is kept, in every tree that is kept."""

LOCALE_NAME = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*\.res")
DROPPED_TREES = {"brkitr", "curr", "lang", "rbnf", "region", "translit", "unit"}
"""Whole subtrees Qt never opens: break iterators, display names, spell-out, transforms."""

KEPT_CONVERTERS = {"gb18030.cnv"}
"""Table-based converters kept; UTF-*, ISO-8859-1 and ASCII need no data."""

_ALIGN = 16


class IcuTrimError(Exception):
    """The library is not laid out as expected; bundle it unchanged."""


@dataclass(frozen=True)
class TrimResult:
    """What :func:`trim_library` did."""

    items_before: int
    items_after: int
    bytes_before: int
    bytes_after: int


def keep_item(name: str) -> bool:
    """Whether the package item ``name`` (``icudt73l/coll/zh.res``) is kept."""
    parts = name.split("/")[1:]
    if not parts:
        return False
    base = parts[-1]
    if len(parts) > 1:
        tree = parts[0]
        if tree in DROPPED_TREES:
            return False
        if base.endswith(".res") and LOCALE_NAME.fullmatch(base) and base != "res_index.res":
            return KEPT_LOCALES.fullmatch(base) is not None
        return True  # the tree's index, pool and binary data (coll/ucadata.icu)
    if base.endswith(".cnv"):
        return base in KEPT_CONVERTERS
    if base != "res_index.res" and LOCALE_NAME.fullmatch(base):
        return KEPT_LOCALES.fullmatch(base) is not None
    return True  # supplemental data, likely subtags, time zones, names, normalisation


def _items(package: bytes) -> tuple[int, list[tuple[str, bytes]]]:
    """The package's header size and its ``(name, data)`` items, in order."""
    if len(package) < 32:
        raise IcuTrimError("the ICU data package is too short")
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD" or package[8] != 0:
        raise IcuTrimError("not a little-endian ICU common data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", package, toc)
    entries = [struct.unpack_from("<II", package, toc + 4 + 8 * i) for i in range(count)]
    offsets = [data for _, data in entries] + [len(package) - toc]
    if offsets != sorted(offsets):
        raise IcuTrimError("the ICU data items are not stored in order")
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        end = package.index(b"\0", toc + name_offset)
        name = package[toc + name_offset : end].decode("ascii")
        items.append((name, package[toc + data_offset : toc + offsets[index + 1]]))
    return header_size, items


def trim_package(package: bytes) -> tuple[bytes, int, int]:
    """A copy of the ICU common data ``package`` with only the kept items.

    Returns:
        The new package, and the item counts before and after.
    """
    header_size, items = _items(package)
    kept = [(name, data) for name, data in items if keep_item(name)]
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in kept)
    toc_size = 4 + 8 * len(kept)
    first = toc_size + len(names)
    first += -first % _ALIGN
    body = bytearray()
    table = bytearray(struct.pack("<I", len(kept)))
    name_offset = toc_size
    for name, data in kept:
        table += struct.pack("<II", name_offset, first + len(body))
        name_offset += len(name) + 1
        body += data
        body += b"\0" * (-len(body) % _ALIGN)
    toc = bytes(table) + names
    toc += b"\0" * (first - len(toc))
    return package[:header_size] + toc + bytes(body), len(items), len(kept)


# --- the ELF data library -----------------------------------------------------------------

_EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
_PHDR = struct.Struct("<IIQQQQQQ")
_SHDR = struct.Struct("<IIQQQQIIQQ")
_SYM = struct.Struct("<IBBHQQ")
_PT_LOAD, _PT_DYNAMIC, _PT_GNU_RELRO = 1, 2, 0x6474E552
_SHT_DYNSYM = 11


def trim_library(source: Path, target: Path) -> TrimResult:
    """Write ``target``: the ICU data library ``source`` with a trimmed package inside.

    Raises:
        IcuTrimError: the library is not the single-symbol layout ICU's build makes.
    """
    try:
        return _trim_library(source, target)
    except (struct.error, IndexError, ValueError) as error:
        raise IcuTrimError(f"{source.name} cannot be read as ICU data: {error}") from error


def _trim_library(source: Path, target: Path) -> TrimResult:
    elf = bytearray(source.read_bytes())
    header = list(_EHDR.unpack_from(elf, 0))
    ident, phoff, shoff = header[0], header[5], header[6]
    phsize, phnum, shsize, shnum = header[9], header[10], header[11], header[12]
    if ident[:4] != b"\x7fELF" or ident[4] != 2 or ident[5] != 1:
        raise IcuTrimError(f"{source.name} is not a 64-bit little-endian ELF file")
    sections = [list(_SHDR.unpack_from(elf, shoff + i * shsize)) for i in range(shnum)]
    dynsym = next((s for s in sections if s[1] == _SHT_DYNSYM), None)
    if dynsym is None:
        raise IcuTrimError(f"{source.name} has no dynamic symbols")
    symbols = [list(_SYM.unpack_from(elf, dynsym[4] + i * 24)) for i in range(dynsym[5] // 24)]
    data_symbols = [s for s in symbols if s[4] and s[5] > 1 << 20]
    if len(data_symbols) != 1:
        raise IcuTrimError(f"{source.name} does not hold exactly one data symbol")
    symbol = data_symbols[0]
    start, size = symbol[4], symbol[5]
    rodata = next((s for s in sections if s[3] == start and s[4] == start), None)
    if rodata is None:
        raise IcuTrimError(f"{source.name}: the data symbol is not the start of a section")
    package, before, after = trim_package(bytes(elf[start : start + size]))
    shrink = (size - len(package)) & ~0xFFF  # move what follows by whole pages
    if shrink <= 0:
        raise IcuTrimError("nothing to trim")
    end = start + size
    out = elf[:start] + package + b"\0" * (size - shrink - len(package)) + elf[end:]
    # Everything after the data moves down by `shrink`, in the file and in memory.
    for i in range(phnum):
        at = phoff + i * phsize
        segment = list(_PHDR.unpack_from(out, at))
        kind, offset, vaddr, filesz = segment[0], segment[2], segment[3], segment[5]
        if kind == _PT_LOAD and offset <= start < offset + filesz:
            segment[5] -= shrink
            segment[6] -= shrink
        elif offset >= end:
            segment[2] -= shrink
            segment[3] -= shrink
            segment[4] -= shrink
        elif kind in (_PT_LOAD, _PT_DYNAMIC, _PT_GNU_RELRO) and vaddr >= end:
            raise IcuTrimError(f"{source.name}: unexpected segment layout")
        _PHDR.pack_into(out, at, *segment)
    for section in sections:
        if section is rodata:
            section[5] -= shrink
        elif section[4] >= end:
            section[4] -= shrink
            if section[3]:
                section[3] -= shrink
    new_shoff = shoff - shrink
    for i, section in enumerate(sections):
        _SHDR.pack_into(out, new_shoff + i * shsize, *section)
    symbol[5] = len(package)
    _SYM.pack_into(out, dynsym[4] + symbols.index(symbol) * 24, *symbol)
    header[6] = new_shoff
    _EHDR.pack_into(out, 0, *header)
    _fix_dynamic(out, sections, end, shrink)
    target.write_bytes(bytes(out))
    target.chmod(source.stat().st_mode & 0o777)
    return TrimResult(before, after, size, len(package))


def _fix_dynamic(out: bytearray, sections: list[list[int]], end: int, shrink: int) -> None:
    """Move the addresses in ``.dynamic`` that point past the data down by ``shrink``."""
    dynamic = next((s for s in sections if s[1] == 6), None)  # SHT_DYNAMIC
    if dynamic is None:
        raise IcuTrimError("no .dynamic section")
    for at in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from("<qQ", out, at)
        if tag == 0:
            break
        pointer_tags = {3, 4, 5, 6, 7, 12, 13, 17, 23, 25, 26, 0x6FFFFEF5}
        if tag in pointer_tags and value >= end:
            struct.pack_into("<qQ", out, at, tag, value - shrink)


def main(argv: list[str]) -> int:
    """Trim ``argv[0]`` into ``argv[1]`` and print the figures."""
    if len(argv) != 2:
        print(__doc__)
        return 2
    result = trim_library(Path(argv[0]), Path(argv[1]))
    print(
        f"ICU data: {result.items_before} -> {result.items_after} items, "
        f"{result.bytes_before / 1e6:.1f} -> {result.bytes_after / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
