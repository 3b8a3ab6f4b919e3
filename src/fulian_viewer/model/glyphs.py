"""Which characters the bundled fonts can draw, read from their ``cmap`` tables without Qt.

``check`` warns about any character of the data that no bundled font has, naming
the cell: on a kiosk PC without Chinese system fonts it would show as an empty
box. Only the font files' character maps are read (a few hundred kilobytes),
with the standard library.
"""

from __future__ import annotations

import functools
import struct
import unicodedata
from collections.abc import Iterable, Iterator
from typing import IO

from fulian_viewer.assets import resource_path
from fulian_viewer.model.problems import Problem, Problems, is_hidden, problem
from fulian_viewer.model.tables import Table

MAX_CHARS_SHOWN = 12


@functools.cache
def bundled_coverage() -> frozenset[int]:
    """The code points that at least one bundled font maps to a glyph (empty if none load)."""
    covered: set[int] = set()
    for entry in resource_path("fonts").iterdir():
        if entry.name.lower().endswith((".otf", ".ttf")):
            try:
                with entry.open("rb") as font:
                    covered.update(cmap_code_points(font))
            except (OSError, struct.error, ValueError):
                continue
    return frozenset(covered)


def cmap_code_points(font: IO[bytes]) -> set[int]:
    """The code points an OpenType font maps to a glyph other than ``.notdef``.

    Reads only the table directory and the ``cmap`` table, and of that the best
    Unicode subtable: format 12 (full repertoire) if there is one, else format 4
    (the Basic Multilingual Plane).

    Raises:
        ValueError: when the font has no usable Unicode ``cmap``.
    """
    header = font.read(12)
    (num_tables,) = struct.unpack_from(">H", header, 4)
    directory = font.read(16 * num_tables)
    for index in range(num_tables):
        tag, _, offset, length = struct.unpack_from(">4sIII", directory, 16 * index)
        if tag == b"cmap":
            font.seek(offset)
            return _read_cmap(font.read(length), 0)
    raise ValueError("no cmap")


def missing_glyphs(tables: Iterable[tuple[Table, str]], covered: frozenset[int]) -> list[Problem]:
    """A warning for each cell holding characters none of the bundled fonts can draw."""
    warnings = Problems()
    if not covered:
        return warnings  # no bundled font could be read: nothing sensible to say
    for table, label in tables:
        for row, column, chars in _cells_missing(table, covered):
            shown = " ".join(_named(ch) for ch in chars[:MAX_CHARS_SHOWN])
            shown += " …" if len(chars) > MAX_CHARS_SHOWN else ""
            if not warnings.full(label, "missing_glyphs"):
                warnings.append(problem(label, "missing_glyphs", row, column, chars=shown))
    return warnings.with_counts()


def _cells_missing(table: Table, covered: frozenset[int]) -> Iterator[tuple[int, str, list[str]]]:
    every = {ch for cells in table.rows.values() for text in cells.values() for ch in text}
    if all(_drawable(ch, covered) for ch in every):
        return
    for row, cells in table.rows.items():
        for column, text in cells.items():
            chars = list(dict.fromkeys(ch for ch in text if not _drawable(ch, covered)))
            if chars:
                yield row, column, chars


def _named(ch: str) -> str:
    """A character with its code point; only the code point for one with no visible form."""
    code = f"U+{ord(ch):04X}"
    return code if unicodedata.category(ch) in ("Co", "Cn", "Cs") else f"{ch} ({code})"


def _drawable(ch: str, covered: frozenset[int]) -> bool:
    return ord(ch) in covered or ch.isspace() or is_hidden(ch)


def _read_cmap(font: bytes, base: int) -> set[int]:
    _, count = struct.unpack_from(">HH", font, base)
    subtables: dict[int, int] = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", font, base + 4 + 8 * index)
        if (platform, encoding) in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3)):
            (form,) = struct.unpack_from(">H", font, base + offset)
            subtables.setdefault(form, base + offset)
    if 12 in subtables:
        return _format12(font, subtables[12])
    if 4 in subtables:
        return _format4(font, subtables[4])
    raise ValueError("no Unicode cmap subtable")


def _format12(font: bytes, at: int) -> set[int]:
    (groups,) = struct.unpack_from(">I", font, at + 12)
    points: set[int] = set()
    for index in range(groups):
        start, end, glyph = struct.unpack_from(">III", font, at + 16 + 12 * index)
        points.update(range(start if glyph else start + 1, end + 1))
    return points


def _format4(font: bytes, at: int) -> set[int]:
    (seg_x2,) = struct.unpack_from(">H", font, at + 6)
    segments = seg_x2 // 2
    ends = struct.unpack_from(f">{segments}H", font, at + 14)
    starts_at = at + 16 + seg_x2
    starts = struct.unpack_from(f">{segments}H", font, starts_at)
    deltas = struct.unpack_from(f">{segments}h", font, starts_at + seg_x2)
    ranges_at = starts_at + 2 * seg_x2
    range_offsets = struct.unpack_from(f">{segments}H", font, ranges_at)
    points: set[int] = set()
    for index in range(segments):
        start, end, delta, range_offset = (
            starts[index],
            ends[index],
            deltas[index],
            range_offsets[index],
        )
        if start == 0xFFFF:
            continue
        for code in range(start, end + 1):
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                where = ranges_at + 2 * index + range_offset + 2 * (code - start)
                (glyph,) = struct.unpack_from(">H", font, where)
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                points.add(code)
    return points
