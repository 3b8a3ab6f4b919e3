"""Read a dataset's tables from a folder of CSV files or an ``.xlsx`` workbook.

Reading is strictly read-only. Text files are decoded with a fixed chain (BOM,
strict UTF-8, GB18030 as saved by Excel on Chinese Windows) and anything else is
refused with a plain message rather than guessed. Each table becomes a
:class:`Table` of strings whose rows are numbered as Excel shows them.

CSV files are read with the standard library alone: pandas (about half a second
to import) is only imported to read an ``.xlsx`` workbook, so that the viewer
starts without it.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from fulian_viewer.model.problems import Problem, problem

if TYPE_CHECKING:
    import pandas as pd

TABLE_NAMES = ("deck", "sections", "metrics", "charts")
OPTIONAL_TABLE_NAMES = ("notes",)
"""Tables a dataset may leave out: nothing is reported missing then."""
MAX_FILE_BYTES = 20 * 1024 * 1024
_SNIFF_BYTES = 8192


class DecodeError(Exception):
    """Raised when bytes are not text in an encoding we accept; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Table:
    """A table of text cells as read, before validation.

    Attributes:
        columns: the column names, each once, in the file's order.
        rows: Excel row number to {column: the cell's text, stripped}, for each
            row that is not blank.
    """

    columns: tuple[str, ...]
    rows: dict[int, dict[str, str]]

    def rows_where(self, column: str, value: str) -> list[int]:
        """The Excel numbers of the rows whose ``column`` holds ``value``."""
        return [number for number, cells in self.rows.items() if cells.get(column) == value]


@dataclass
class RawDataset:
    """The tables of a dataset as read, before validation.

    Attributes:
        folder: the folder that relative paths in the data are resolved against.
        tables: table name to (its :class:`Table`, the label naming it in problems).
        encodings: file label to the encoding it was read in.
        problems: what went wrong while reading.
    """

    folder: Path
    tables: dict[str, tuple[Table, str]] = field(default_factory=dict)
    encodings: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode file bytes; return the text and the name of the encoding used.

    Raises:
        DecodeError: ``binary`` for a non-text file, ``encoding`` when the bytes
            are neither UTF-8 (with or without BOM), UTF-16 with BOM nor GB18030.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "UTF-16"
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise DecodeError("binary")
    if data.startswith(codecs.BOM_UTF8):
        try:
            text, name = _utf8(data[len(codecs.BOM_UTF8) :]), "UTF-8 (BOM)"
        except UnicodeDecodeError:
            raise DecodeError("encoding") from None
    else:
        try:
            text, name = _utf8(data), "UTF-8"
        except UnicodeDecodeError:
            text, name = _strict(data, "gb18030"), "GB18030"
            if not _looks_chinese(text):
                raise DecodeError("encoding") from None
    if _has_control_characters(text[:_SNIFF_BYTES]):
        raise DecodeError("binary")
    return text, name


def read_dataset(path: Path) -> RawDataset:
    """Read the tables of the dataset at ``path`` (a folder or a workbook), notes if any."""
    if not path.exists():
        raw = RawDataset(folder=path.parent)
        raw.problems.append(problem(str(path), "not_found"))
        return raw
    if path.is_dir():
        return _read_folder(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_workbook(path)
    raw = RawDataset(folder=path.parent)
    raw.problems.append(problem(str(path), "not_a_dataset"))
    return raw


def read_text_file(path: Path, label: str) -> tuple[str | None, list[Problem]]:
    """Read and decode one text file, reporting problems against ``label``."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [problem(label, "not_found")]
    except OSError as error:
        return None, [problem(label, "unreadable", reason=error.strerror or error)]
    if not data.strip():
        return None, [problem(label, "empty_file")]
    try:
        text, _ = decode_text(data)
    except DecodeError as error:
        return None, [problem(label, error.code)]
    return text, []


def resolve_inside(folder: Path, relative: str) -> Path | None:
    """Resolve a path written in the data, or None when it leads outside ``folder``.

    Absolute paths, drive letters, UNC paths and links that escape are refused.
    """
    text = relative.strip().replace("\\", "/")
    if not text or PureWindowsPath(relative).drive or PurePosixPath(text).is_absolute():
        return None
    base = folder.resolve()
    target = (base / text).resolve()
    return target if target.is_relative_to(base) else None


def _read_folder(folder: Path) -> RawDataset:
    raw = RawDataset(folder=folder)
    for name in TABLE_NAMES + OPTIONAL_TABLE_NAMES:
        label = f"{name}.csv"
        path = folder / label
        if not path.is_file():
            if name in OPTIONAL_TABLE_NAMES and not path.exists():
                continue
            raw.problems.append(problem(label, "missing_file", expected=str(path)))
            continue
        if name in OPTIONAL_TABLE_NAMES and _blank_file(path):
            continue  # an optional table left empty says nothing
        table = _read_csv(path, label, raw)
        if table is not None:
            raw.tables[name] = (table, label)
    return raw


def _blank_file(path: Path) -> bool:
    """Whether ``path`` holds nothing but a BOM and white space (small files only)."""
    try:
        if path.stat().st_size > 64:
            return False
        return not path.read_bytes().strip(codecs.BOM_UTF8 + b" \t\r\n")
    except OSError:
        return False


def _read_csv(path: Path, label: str, raw: RawDataset) -> Table | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        raw.problems.append(problem(label, "unreadable", reason=error.strerror or error))
        return None
    if len(data) > MAX_FILE_BYTES:
        raw.problems.append(problem(label, "too_large", size=len(data)))
        return None
    if not data.strip(codecs.BOM_UTF8 + b" \t\r\n"):
        raw.problems.append(problem(label, "empty_file"))
        return None
    try:
        text, encoding = decode_text(data)
    except DecodeError as error:
        raw.problems.append(problem(label, error.code))
        return None
    raw.encodings[label] = encoding
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raw.problems.append(problem(label, "malformed", reason=error))
        return None
    return _table(rows, label, raw)


def _read_workbook(path: Path) -> RawDataset:
    import pandas as pd  # only workbooks need it (see the module's docstring)

    raw = RawDataset(folder=path.parent)
    try:
        # pandas opens the workbook read-only with cached values (no formulas run);
        # defusedxml, a dependency, guards openpyxl against XML bombs.
        sheets: dict[str, pd.DataFrame] = pd.read_excel(
            path, sheet_name=None, header=None, dtype=object, engine="openpyxl"
        )
    except Exception as error:  # openpyxl raises many types for a damaged file
        raw.problems.append(problem(path.name, "unreadable", reason=_first_line(error)))
        return raw
    by_name = {name.strip().lower(): frame for name, frame in sheets.items()}
    for name in TABLE_NAMES + OPTIONAL_TABLE_NAMES:
        label = f"{path.name}:{name}"
        sheet = by_name.get(name)
        if sheet is None:
            if name in OPTIONAL_TABLE_NAMES:
                continue
            raw.problems.append(problem(path.name, "missing_sheet", sheet=name))
            continue
        rows = [[_cell_text(value) for value in row] for row in sheet.itertuples(index=False)]
        if name in OPTIONAL_TABLE_NAMES and not any(cell.strip() for row in rows for cell in row):
            continue  # an optional sheet left empty says nothing
        table = _table(rows, label, raw)
        if table is not None:
            raw.tables[name] = (table, label)
    return raw


def _table(rows: list[list[str]], label: str, raw: RawDataset) -> Table | None:
    """Turn parsed rows into a :class:`Table`; report structure problems.

    Of columns with the same name, the first is kept.
    """
    rows = _trim_trailing_empty(rows)
    if not rows:
        raw.problems.append(problem(label, "empty_file"))
        return None
    header = [cell.strip().lstrip("\ufeff") for cell in rows[0]]
    while header and not header[-1]:
        header.pop()
    first: dict[str, int] = {}  # column name -> where it first appears
    for index, name in enumerate(header):
        if name in first:
            raw.problems.append(problem(label, "duplicate_column", row=1, column=name, name=name))
        first.setdefault(name, index)
    body: dict[int, dict[str, str]] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) < len(header):
            raw.problems.append(
                problem(label, "truncated_row", row=number, found=len(cells), expected=len(header))
            )
            cells += [""] * (len(header) - len(cells))
        extra = sum(1 for cell in cells[len(header) :] if cell)
        if extra:
            raw.problems.append(problem(label, "extra_cells", row=number, count=extra))
        body[number] = {name: cells[index] for name, index in first.items()}
    table_name = label.removesuffix(".csv").rsplit(":", 1)[-1]
    if not body and table_name not in OPTIONAL_TABLE_NAMES:  # notes may be left to write
        raw.problems.append(problem(label, "no_rows"))
    return Table(tuple(first), body)


def _trim_trailing_empty(rows: Iterable[list[str]]) -> list[list[str]]:
    kept = [list(row) for row in rows]
    while kept and not any(cell.strip() for cell in kept[-1]):
        kept.pop()
    return kept


def _cell_text(value: Any) -> str:
    """Text of a workbook cell: whole floats without ``.0``, blanks as ``""``."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


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


def _has_control_characters(text: str) -> bool:
    return any(ord(ch) < 0x20 and ch not in "\t\r\n\f" for ch in text)


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
