"""Read a dataset's four sheets from an ``.xlsx`` workbook, within fixed limits.

A workbook is a zip of XML parts, and a hostile one can declare a million rows,
hold a lone cell at XFD1048576, millions of empty rows, a shared-strings part of
gigabytes or parts that expand far beyond their compressed size. So, before
anything is parsed, the zip's directory is read and the declared sizes checked;
then openpyxl reads in read-only mode with saved values (no formula runs;
defusedxml, a dependency, guards its XML parser), only the first
:data:`MAX_COLUMNS` columns, ignoring the sheet's declared dimension, and stops
after :data:`EMPTY_RUN` empty rows in a row.
"""

from __future__ import annotations

import math
import re
import struct
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from fulian_viewer.model.files import RefusedFileError, open_plain_file
from fulian_viewer.model.problems import problem
from fulian_viewer.model.tables import (
    MAX_CELL_CHARS,
    MAX_ROWS,
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
EMPTY_RUN = 1_000
EXCEL_MAX_ROW = 1_048_576
_END_OF_DIRECTORY = b"PK\x05\x06"
# How Excel writes a character XML cannot hold (``_x001B_`` for ESC, ``_x005F_`` for "_").
_EXCEL_ESCAPE_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def read_workbook(path: Path) -> RawDataset:
    """Read the sheets named like the four tables from the workbook at ``path``."""
    raw = RawDataset(folder=path.parent)
    label = path.name
    try:
        file = open_plain_file(path, label, MAX_WORKBOOK_BYTES)
    except RefusedFileError as refused:
        raw.problems.append(refused.problem)
        return raw
    with file, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about what it skips
        _read_open_workbook(file, label, raw)
    raw.unreadable.update(name for name in TABLE_NAMES if name not in raw.tables)
    return raw


def _read_open_workbook(file: IO[bytes], label: str, raw: RawDataset) -> None:
    if not _few_entries(file):
        raw.problems.append(problem(label, "bad_workbook"))
        return
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raw.problems.append(problem(label, "bad_workbook"))
        return
    with archive:
        sizes = {info.filename: info.file_size for info in archive.infolist()}
    for part, size in sizes.items():
        limit = MAX_SHEET_BYTES if part.startswith("xl/worksheets/") else MAX_PART_BYTES
        if part.endswith((".xml", ".rels")) and size > limit:
            raw.problems.append(
                problem(
                    label, "workbook_too_large", part=part, size=f"{size:,}", limit=f"{limit:,}"
                )
            )
            return
    import openpyxl  # only workbooks need it

    try:
        book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a damaged file
        raw.problems.append(problem(label, "bad_workbook"))
        return
    try:
        by_name = {str(name).strip().lower(): name for name in book.sheetnames}
        for name in TABLE_NAMES:
            sheet_label = f"{label}:{name}"
            if name not in by_name:
                raw.problems.append(problem(label, "missing_sheet", sheet=name))
                continue
            table = _read_sheet(book, file, by_name[name], sheet_label, raw)
            if table is not None:
                raw.tables[name] = (table, sheet_label)
    finally:
        book.close()


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


def _read_sheet(book: Any, file: IO[bytes], name: str, label: str, raw: RawDataset) -> Table | None:
    reader = _SheetRows(book[name], label)
    table = build_table(reader, label, raw)
    raw.problems.extend(reader.problems)
    if table is None:
        return None
    formulas = reader.formula_cells(file, name, table)
    if not formulas:
        return table
    for row, column in sorted(formulas):
        raw.problems.append(problem(label, "formula_without_value", row=row, column=column))
    return Table(table.columns, table.rows, table.refused | formulas, table.positions)


class _SheetRows:
    """The rows of a sheet as lists of text, read within the limits.

    Iterating yields each row (the first :data:`MAX_COLUMNS` columns) and stops
    after :data:`EMPTY_RUN` empty rows or :data:`MAX_ROWS` filled ones past the
    header. Problems met on the way (a damaged part, an overlong cell) are kept
    in ``problems``.
    """

    def __init__(self, sheet: Any, label: str) -> None:
        self.sheet = sheet
        self.label = label
        self.problems: list[Any] = []
        self.blank_cells: list[tuple[int, int]] = []  # (row, column index) blank in a used row
        self.last_row = 0

    def __iter__(self) -> Iterator[list[str]]:
        empty = filled = 0
        rows = self.sheet.iter_rows(
            min_row=1, max_row=EXCEL_MAX_ROW, min_col=1, max_col=MAX_COLUMNS, values_only=True
        )
        number = 0
        try:
            for number, values in enumerate(rows, start=1):
                cells = [self._text(value, number, index) for index, value in enumerate(values)]
                if not any(cells):
                    empty += 1
                    if empty >= EMPTY_RUN:
                        return
                    yield cells
                    continue
                empty = 0
                filled += 1
                if filled > MAX_ROWS + 1:
                    yield cells  # build_table reports the limit
                    return
                self.last_row = number
                self.blank_cells += [(number, i) for i, cell in enumerate(cells) if not cell]
                yield cells
        except Exception:  # a value no spreadsheet writes (a number of 5,000 digits, ...)
            self.problems.append(problem(self.label, "bad_sheet_data", row=number + 1))

    def _text(self, value: Any, row: int, index: int) -> str:
        text = _cell_text(value)
        if len(text) > MAX_CELL_CHARS:
            self.problems.append(
                problem(self.label, "cell_too_long", row=row, limit=MAX_CELL_CHARS)
            )
            return ""
        return text

    def formula_cells(self, file: IO[bytes], name: str, table: Table) -> frozenset[tuple[int, str]]:
        """The used cells left blank because they hold a formula whose result was not saved.

        A second pass, made only when some cell of a used row is blank, opens the
        workbook again for the formulas themselves (openpyxl gives a formula's text
        when not asked for saved values).
        """
        names = dict(zip(table.positions, table.columns, strict=True))
        wanted = {
            (row, index) for row, index in self.blank_cells if row in table.rows and index in names
        }
        if not wanted:
            return frozenset()
        last = max(row for row, _ in wanted)
        found: set[tuple[int, str]] = set()
        import openpyxl

        book = None
        try:
            book = openpyxl.load_workbook(file, read_only=True, data_only=False)
            rows = book[name].iter_rows(
                min_row=1, max_row=last, min_col=1, max_col=MAX_COLUMNS, values_only=True
            )
            for number, values in enumerate(rows, start=1):
                for index, value in enumerate(values):
                    if (number, index) in wanted and isinstance(value, str) and value[:1] == "=":
                        found.add((number, names[index]))
        except Exception:
            return frozenset(found)
        finally:
            if book is not None:
                book.close()
        return frozenset(found)


def _cell_text(value: Any) -> str:
    """Text of a workbook cell: whole floats without ``.0``, blanks as ``""``.

    Characters Excel escapes (``_x001B_``) are restored, so that a control
    character is refused here as it is in a CSV file.
    """
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if math.isinf(value):
            return "inf"
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    text = str(value)
    if "_x" in text:
        text = _EXCEL_ESCAPE_RE.sub(_unescape, text)
    return text


def _unescape(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))
