"""Read a dataset's four sheets from an ``.xlsx`` workbook, within fixed limits.

A workbook is a zip of XML parts, and a hostile one can declare a million rows,
hold a lone cell at XFD1048576, millions of empty rows, a shared-strings part of
gigabytes, rows of 16,384 cells, or parts that expand far beyond their compressed
size. So, before anything is parsed, the zip's end record and directory are read
and the declared sizes of the parts to be read are checked; then only those parts
are streamed (:mod:`fulian_viewer.model.sheet_xml`): saved values only (no formula
runs), the first :data:`MAX_COLUMNS` columns, a sheet's declared dimension ignored,
reading stopped after :data:`EMPTY_RUN` empty rows in a row and after
:data:`MAX_CELLS` cells in all.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from fulian_viewer.model.files import RefusedFileError, open_plain_file
from fulian_viewer.model.problems import problem
from fulian_viewer.model.sheet_styles import number_texts, read_number_formats, uses_1904_dates
from fulian_viewer.model.sheet_xml import (
    SheetReader,
    SheetXmlError,
    read_shared_strings,
    read_sheet_targets,
)
from fulian_viewer.model.tables import (
    MAX_CELL_CHARS,
    OPTIONAL_TABLE_NAMES,
    TABLE_NAMES,
    RawDataset,
    Table,
    build_table,
)

MAX_WORKBOOK_BYTES = 100 * 1024 * 1024
MAX_PART_BYTES = 32 * 1024 * 1024  # shared strings, styles and other parts read whole
MAX_SHEET_BYTES = 256 * 1024 * 1024  # a sheet is streamed, row by row
MAX_ZIP_ENTRIES = 10_000
MAX_COLUMNS = 64
MAX_SHEET_ROWS = 10_000  # a sheet costs about twice a CSV table's time per row
MAX_CELLS = 2_000_000  # cells looked at in one sheet, kept or not
MAX_SHARED_STRINGS = 1_000_000
SHARED_STRINGS = "xl/sharedStrings.xml"
STYLES = "xl/styles.xml"
EMPTY_RUN = 1_000
EXCEL_MAX_ROW = 1_048_576
_END_OF_DIRECTORY = b"PK\x05\x06"
_MERGE_RE = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7}):[A-Za-z]{1,3}[0-9]{1,7}$")


def read_workbook(path: Path) -> RawDataset:
    """Read the sheets named like the four tables from the workbook at ``path``."""
    raw = RawDataset(folder=path.parent)
    label = path.name
    try:
        file = open_plain_file(path, label, MAX_WORKBOOK_BYTES)
    except RefusedFileError as refused:
        raw.problems.append(refused.problem)
        return raw
    with file:
        _read_open_workbook(file, label, raw)
    raw.unreadable.update(name for name in TABLE_NAMES if name not in raw.tables)
    return raw


def _read_open_workbook(file: IO[bytes], label: str, raw: RawDataset) -> None:
    if not _few_entries(file):
        raw.problems.append(problem(label, "bad_workbook"))
        return
    try:
        with zipfile.ZipFile(file) as archive:
            _read_archive(archive, label, raw)
    except _DAMAGED:
        raw.problems.append(problem(label, "bad_workbook"))


def _read_archive(archive: zipfile.ZipFile, label: str, raw: RawDataset) -> None:
    """Read the sheets from an open workbook zip (notes if any), checking declared sizes first."""
    sizes = {info.filename: info.file_size for info in archive.infolist()}
    book_parts = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
    if not all(part in sizes for part in book_parts):
        raw.problems.append(problem(label, "bad_workbook"))
        return
    if not _within(sizes, (*book_parts, SHARED_STRINGS), MAX_PART_BYTES, label, raw):
        return
    with archive.open(book_parts[0]) as book, archive.open(book_parts[1]) as relations:
        targets = read_sheet_targets(book, relations)
    shared: list[str] = []
    if SHARED_STRINGS in sizes:
        with archive.open(SHARED_STRINGS) as strings:
            shared = read_shared_strings(strings, MAX_CELL_CHARS, MAX_SHARED_STRINGS)
    number_text = _number_texts(archive, sizes, label, raw)
    by_name = {name.strip().lower(): part for name, part in targets.items()}
    for name in TABLE_NAMES + OPTIONAL_TABLE_NAMES:
        sheet_label = f"{label}:{name}"
        part = by_name.get(name)
        if part is None or part not in sizes:
            if name in OPTIONAL_TABLE_NAMES:
                continue
            found, found_en = "、".join(targets) or "-", ", ".join(targets) or "-"
            raw.problems.append(
                problem(label, "missing_sheet", sheet=name, found=found, found_en=found_en)
            )
            continue
        if not _within(sizes, (part,), MAX_SHEET_BYTES, label, raw):
            continue
        with archive.open(part) as stream:
            sheet = SheetReader(stream, shared, MAX_COLUMNS, MAX_CELL_CHARS, MAX_CELLS, number_text)
            reader = _SheetRows(sheet)
            table = build_table(reader, sheet_label, raw, max_rows=MAX_SHEET_ROWS, sheet=True)
        if reader.stopped is not None:
            code, row = reader.stopped
            raw.problems.append(problem(sheet_label, code, row=row, limit=f"{MAX_CELLS:,}"))
        _tell_merged(sheet.merged, sheet_label, raw)
        if table is not None:
            raw.tables[name] = (_with_refused_cells(table, reader, sheet_label, raw), sheet_label)


def _number_texts(
    archive: zipfile.ZipFile, sizes: dict[str, int], label: str, raw: RawDataset
) -> Callable[[str, int], str]:
    """How number cells read, from the styles part (as saved values when it is unusable)."""
    if STYLES not in sizes or not _within(sizes, (STYLES,), MAX_PART_BYTES, label, raw):
        return number_texts([])
    with archive.open("xl/workbook.xml") as book:
        date1904 = uses_1904_dates(book)
    with archive.open(STYLES) as styles:
        return number_texts(read_number_formats(styles), date1904)


def _tell_merged(ranges: list[str], label: str, raw: RawDataset) -> None:
    """Warn of each merged range: Excel keeps its text in the first cell only."""
    for cells in ranges:
        first = _MERGE_RE.match(cells)
        if first is not None:
            row = int(first.group(2))
            raw.problems.append(problem(label, "merged_cells", row, cells=cells))


def _within(
    sizes: dict[str, int], parts: tuple[str, ...], limit: int, label: str, raw: RawDataset
) -> bool:
    """Whether each of ``parts`` (when present) declares at most ``limit`` bytes; else say so."""
    for part in parts:
        size = sizes.get(part, 0)
        if size > limit:
            raw.problems.append(
                problem(
                    label, "workbook_too_large", part=part, size=f"{size:,}", limit=f"{limit:,}"
                )
            )
            return False
    return True


def _with_refused_cells(table: Table, reader: _SheetRows, label: str, raw: RawDataset) -> Table:
    """The table with its formula-without-value and overlong cells reported and refused."""
    names = dict(zip(table.positions, table.columns, strict=True))
    refused: set[tuple[int, str]] = set()
    for code, cells in (
        ("formula_without_value", reader.formulas),
        ("excel_error", reader.errors),
        ("cell_too_long", reader.long),
    ):
        for row, position in sorted(cells):
            column = names.get(position)
            if row in table.rows and column is not None:
                refused.add((row, column))
            raw.problems.append(problem(label, code, row, column, limit=MAX_CELL_CHARS))
    if not refused:
        return table
    return Table(table.columns, table.rows, table.refused | refused, table.positions)


def _few_entries(file: IO[bytes]) -> bool:
    """Whether the zip's end record declares a sane number of parts (read before parsing)."""
    try:
        file.seek(0, 2)
        size = file.tell()
        file.seek(max(0, size - 65_557))
        tail = file.read()
        file.seek(0)
    except OSError:
        return False
    at = tail.rfind(_END_OF_DIRECTORY)
    if at < 0 or len(tail) < at + 22:
        return False
    entries: int = struct.unpack_from("<H", tail, at + 10)[0]
    return 0 < entries <= MAX_ZIP_ENTRIES


class _SheetRows:
    """The rows of a sheet as lists of text, for :func:`build_table`, within the limits.

    Missing rows are yielded empty (Excel's numbering is kept); iteration stops after
    :data:`EMPTY_RUN` empty rows in a row or a gap as long, after
    :data:`MAX_SHEET_ROWS` filled rows past the header, or where the part turns out
    damaged or too big (``stopped``: the problem's code and row).
    """

    def __init__(self, reader: SheetReader) -> None:
        self.reader = reader
        self.formulas: set[tuple[int, int]] = set()
        self.errors: set[tuple[int, int]] = set()
        self.long: set[tuple[int, int]] = set()
        self.stopped: tuple[str, int] | None = None

    def __iter__(self) -> Iterator[list[str]]:
        last = empty = filled = 0
        try:
            for row in self.reader:
                if row.number <= last:
                    continue  # rows out of order: Excel never writes them
                gap = row.number - last - 1
                if gap >= EMPTY_RUN or empty + gap >= EMPTY_RUN:
                    return
                yield from ([] for _ in range(gap))
                last = row.number
                self.formulas.update((row.number, column) for column in row.formulas)
                self.errors.update((row.number, column) for column in row.errors)
                self.long.update((row.number, column) for column in row.too_long)
                if not any(row.cells) and not (row.formulas or row.errors or row.too_long):
                    empty += gap + 1
                    yield row.cells
                    continue
                empty = 0
                filled += 1
                yield row.cells
                if filled > MAX_SHEET_ROWS + 1:
                    return  # build_table has reported the limit
        except SheetXmlError as error:
            code = "sheet_too_large" if error.args == ("budget",) else "bad_sheet_data"
            self.stopped = (code, max(last + 1, self.reader.row_number))
        except _DAMAGED:
            self.stopped = ("bad_sheet_data", max(last + 1, self.reader.row_number))


_DAMAGED = (
    SheetXmlError,
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    ValueError,
    KeyError,
    NotImplementedError,
    RuntimeError,
)
