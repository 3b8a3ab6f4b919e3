"""Read a dataset's tables from a folder of CSV files or an ``.xlsx`` workbook.

Reading is strictly read-only. Text files are decoded with a fixed chain
(:mod:`fulian_viewer.model.decoding`) and anything else is refused with a plain
message rather than guessed. Each table becomes a
:class:`Table` of strings whose rows are numbered as Excel shows them.

CSV files are read with the standard library's ``csv``; workbooks by streaming
their XML (:mod:`fulian_viewer.model.workbook`), imported only when needed.

Everything is bounded: file sizes, the number of rows, the length of a cell. A
cell holding control characters is refused (one problem naming its row and
column) wherever it is in the file and whatever the file's encoding.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fulian_viewer.model.decoding import CELL_CONTROL_RE, DecodeError, decode_text
from fulian_viewer.model.files import RefusedFileError, locate_inside, read_plain_file
from fulian_viewer.model.problems import Problem, Problems, problem

TABLE_NAMES = ("deck", "sections", "metrics", "charts")
OPTIONAL_TABLE_NAMES = ("notes",)
"""Tables a dataset may leave out: nothing is reported missing then."""
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
MAX_CELL_CHARS = 131_072  # the csv module's own default limit


@dataclass(frozen=True)
class Table:
    """A table of text cells as read, before validation.

    Attributes:
        columns: the column names, each once, in the file's order.
        rows: Excel row number to {column: the cell's text, stripped}, for each
            row that is not blank.
        refused: (row, column) of cells whose content was refused while reading
            (already reported); their text is blank.
        positions: where each of ``columns`` is in a row of the file (0-based).
    """

    columns: tuple[str, ...]
    rows: dict[int, dict[str, str]]
    refused: frozenset[tuple[int, str]] = frozenset()
    positions: tuple[int, ...] = ()
    _indexes: dict[str, dict[str, list[int]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def rows_where(self, column: str, value: str) -> list[int]:
        """The Excel numbers of the rows whose ``column`` holds ``value``.

        The first call for a column indexes it, so that looking up every row of a
        large table stays linear.
        """
        index = self._indexes.get(column)
        if index is None:
            index = {}
            for number, cells in self.rows.items():
                index.setdefault(cells.get(column, ""), []).append(number)
            self._indexes[column] = index
        return list(index.get(value, ()))


@dataclass
class RawDataset:
    """The tables of a dataset as read, before validation.

    Attributes:
        folder: the folder that relative paths in the data are resolved against.
        tables: table name to (its :class:`Table`, the label naming it in problems).
        encodings: file label to the encoding it was read in.
        problems: what went wrong while reading.
        unreadable: the tables that could not be read at all (their absence is
            not reported again by the tables that refer to them).
    """

    folder: Path
    tables: dict[str, tuple[Table, str]] = field(default_factory=dict)
    encodings: dict[str, str] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    unreadable: set[str] = field(default_factory=set)


def read_dataset(path: Path) -> RawDataset:
    """Read the tables of the dataset at ``path`` (a folder or a workbook), notes if any."""
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except OSError:  # a name too long, or a link loop, for the system
        exists = is_dir = False
    if not exists:
        raw = RawDataset(folder=path.parent)
        raw.problems.append(problem(str(path), "not_found"))
        return raw
    if is_dir:
        return _read_folder(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from fulian_viewer.model.workbook import read_workbook

        return read_workbook(path)
    raw = RawDataset(folder=path.parent)
    raw.problems.append(problem(str(path), "not_a_dataset"))
    return raw


def read_text_file(path: Path, label: str) -> tuple[str | None, list[Problem]]:
    """Read and decode one text file, reporting problems against ``label``."""
    try:
        data = read_plain_file(path, label, MAX_FILE_BYTES)
    except RefusedFileError as refused:
        return None, [refused.problem]
    if not data.strip():
        return None, [problem(label, "empty_file")]
    try:
        text, _ = decode_text(data)
    except DecodeError as error:
        return None, [problem(label, error.code)]
    found = CELL_CONTROL_RE.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        return None, [problem(label, "control_characters", row=line, text=found.group())]
    return text, []


def resolve_inside(folder: Path, relative: str) -> Path | None:
    """Resolve a path written in the data, or None when it leads outside ``folder``.

    Absolute paths, drive letters, UNC paths, links that escape and link loops
    are refused.
    """
    located = locate_inside(folder, relative)
    return located if isinstance(located, Path) else None


def build_table(
    rows: Iterable[list[str]],
    label: str,
    raw: RawDataset,
    controls: bool = True,
    max_rows: int | None = None,
    sheet: bool = False,
) -> Table | None:
    """Turn parsed rows (the header first) into a :class:`Table`; report structure problems.

    Of columns with the same name, the first is kept. Blank rows are skipped, rows
    beyond :data:`MAX_ROWS` are not read, and cells with control characters are
    refused (``controls=False`` when the whole text is known to have none).
    ``max_rows`` overrides :data:`MAX_ROWS`. A row shorter than the header was cut
    short (a CSV file copied in part), unless every row is: then the header has a
    name too many, said once. In a workbook's ``sheet`` a short row is only one whose
    last cells are empty, which Excel leaves out.
    """
    limit = MAX_ROWS if max_rows is None else max_rows
    # An optional table (notes) may be empty or hold no rows yet: that says nothing.
    optional = label.removesuffix(".csv").rsplit(":", 1)[-1] in OPTIONAL_TABLE_NAMES
    numbered = enumerate(rows, start=1)
    header: list[str] = []
    number = 0
    for number, row in numbered:  # noqa: B007 (the header's row number is kept)
        if any(cell.strip() for cell in row):
            header = [cell.strip().lstrip("\ufeff") for cell in row]
            break
    else:
        if not optional:
            raw.problems.append(problem(label, "empty_file"))
        return None
    while header and not header[-1]:
        header.pop()
    refused: set[tuple[int, str]] = set()
    first: dict[str, int] = {}  # column name -> where it first appears
    for index, name in enumerate(header):
        if CELL_CONTROL_RE.search(name):
            raw.problems.append(problem(label, "control_characters", row=number, text=name))
            continue
        if name in first:
            raw.problems.append(
                problem(label, "duplicate_column", row=number, column=name, name=name)
            )
        first.setdefault(name, index)
    width = len(header)
    body: dict[int, dict[str, str]] = {}
    short: list[tuple[int, int]] = []  # rows with fewer cells than the header: (row, cells)
    header_row = number
    for number, row in numbered:
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(body) >= limit:
            raw.problems.append(problem(label, "too_many_rows", row=number, limit=limit))
            break
        if len(cells) < width:
            if not sheet:
                short.append((number, len(cells)))
            cells += [""] * (width - len(cells))
        elif len(cells) > width:
            extra = sum(1 for cell in cells[width:] if cell)
            if extra and not raw.problems.full(label, "extra_cells"):
                raw.problems.append(problem(label, "extra_cells", row=number, count=extra))
        record = {name: cells[index] for name, index in first.items()}
        for name, text in record.items() if controls else ():
            if CELL_CONTROL_RE.search(text):
                raw.problems.append(
                    problem(label, "control_characters", row=number, column=name, text=text)
                )
                refused.add((number, name))
                record[name] = ""
        body[number] = record
    _tell_short_rows(short, len(body), header, header_row, label, raw)
    if not body and not optional:
        raw.problems.append(problem(label, "no_rows"))
    return Table(tuple(first), body, frozenset(refused), tuple(first.values()))


def _tell_short_rows(
    short: list[tuple[int, int]],
    rows: int,
    header: list[str],
    header_row: int,
    label: str,
    raw: RawDataset,
) -> None:
    """Report rows with fewer cells than the header: once for the header when every row is."""
    expected = len(header)
    if len(short) == rows >= 2:
        found = max(cells for _, cells in short)
        names = [name or "?" for name in header[found:]]
        raw.problems.append(
            problem(
                label,
                "header_longer",
                row=header_row,
                found=found,
                expected=expected,
                names="、".join(names),
                names_en=", ".join(names),
            )
        )
        expected = found  # a row shorter still was cut short
    for number, cells in short:
        if cells < expected and not raw.problems.full(label, "truncated_row"):
            raw.problems.append(
                problem(label, "truncated_row", row=number, found=cells, expected=expected)
            )


def _read_folder(folder: Path) -> RawDataset:
    raw = RawDataset(folder=folder)
    for name in TABLE_NAMES + OPTIONAL_TABLE_NAMES:
        label = f"{name}.csv"
        path = folder / label
        if not _lexists(path):
            if name in OPTIONAL_TABLE_NAMES:
                continue
            raw.problems.append(problem(label, "missing_file", expected=str(path)))
            raw.unreadable.add(name)
            continue
        located = locate_inside(folder, label)
        if isinstance(located, str):
            code = "link_outside" if located == "path_outside" else located
            raw.problems.append(problem(label, code))
            raw.unreadable.add(name)
            continue
        if name in OPTIONAL_TABLE_NAMES and _blank_file(located):
            continue  # an optional table left empty says nothing
        table = _read_csv(located, label, raw)
        if table is None:
            raw.unreadable.add(name)
        else:
            raw.tables[name] = (table, label)
    return raw


def _blank_file(path: Path) -> bool:
    """Whether ``path`` is a small file of nothing but a BOM and white space."""
    try:
        if not path.is_file() or path.stat().st_size > 64:
            return False
        return not path.read_bytes().strip(codecs.BOM_UTF8 + b" \t\r\n")
    except OSError:
        return False


def _lexists(path: Path) -> bool:
    try:
        path.lstat()
    except OSError:
        return False
    return True


def _read_csv(path: Path, label: str, raw: RawDataset) -> Table | None:
    try:
        data = read_plain_file(path, label, MAX_FILE_BYTES)
    except RefusedFileError as refused:
        raw.problems.append(refused.problem)
        return None
    if not data.strip(codecs.BOM_UTF8 + b" \t\r\n"):
        raw.problems.append(problem(label, "empty_file"))
        return None
    try:
        text, encoding = decode_text(data)
    except DecodeError as error:
        raw.problems.append(problem(label, error.code))
        return None
    del data
    raw.encodings[label] = encoding
    records = _CsvRecords(text, label)
    table = build_table(records, label, raw, controls=CELL_CONTROL_RE.search(text) is not None)
    if records.error is not None:
        raw.problems.append(records.error)
        return None
    return table


class _CsvRecords:
    """The records of a CSV text, stopping at the first malformed one (kept in ``error``)."""

    def __init__(self, text: str, label: str) -> None:
        self._reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        self._label = label
        self.error: Problem | None = None

    def __iter__(self) -> Iterator[list[str]]:
        count = 0
        while True:
            try:
                record = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                # Excel numbers records, not physical lines (a cell may hold a line break).
                row = count + 1
                reason = str(error)
                if "field limit" in reason:
                    self.error = problem(
                        self._label, "cell_too_long", row=row, limit=MAX_CELL_CHARS
                    )
                elif "unexpected end of data" in reason:
                    self.error = problem(self._label, "ends_in_quote", row=row)
                else:
                    self.error = problem(self._label, "malformed", row=row)
                return
            count += 1
            yield record
