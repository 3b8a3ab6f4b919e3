"""The columns of each table and how to read one cell, reporting what is wrong."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from fulian_viewer.model.problems import Problems, problem, visible
from fulian_viewer.model.tables import Table


@dataclass(frozen=True)
class TableSchema:
    """Columns a table must have (``required``, never empty) and may have (``optional``)."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def allowed(self) -> tuple[str, ...]:
        """Every column the table may have."""
        return self.required + self.optional


SCHEMAS: dict[str, TableSchema] = {
    "deck": TableSchema(required=("key", "zh"), optional=("en",)),
    "sections": TableSchema(
        required=("order", "id", "title_zh"),
        optional=("subtitle_zh", "title_en", "subtitle_en", "summary_zh", "summary_en"),
    ),
    "metrics": TableSchema(
        required=("section", "id", "label_zh", "value", "unit", "display", "source"),
        optional=("label_en", "unit_en", "headline", "scorecard"),
    ),
    "charts": TableSchema(
        required=("section", "id", "type", "title_zh", "metrics"),
        optional=("order", "title_en"),
    ),
    "notes": TableSchema(required=("pane",), optional=("notes_zh", "notes_en", "target_seconds")),
}

MAX_INTEGER_DIGITS = 16  # below 10**16: exact as a float, and beyond any report's figure
MAX_DECIMALS = 10
_PLAIN_NUMBER_RE = re.compile(r"[0-9]{1,20}(?:\.[0-9]{1,20})?")
_ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")
_TRUE = {"是", "yes", "y", "true", "1", "✓", "√", "x"}
_FALSE = {"否", "no", "n", "false", "0", ""}
LIST_SEPARATORS = re.compile(r"[;；,，、\s]+")


class Cells:
    """Reads the cells of one table, collecting problems with file, row and column."""

    def __init__(self, table: Table, label: str, schema: TableSchema) -> None:
        self.table = table
        self.label = label
        self.schema = schema
        self.problems = Problems()
        self._key = visible(label)
        self._check_columns()

    @property
    def usable(self) -> bool:
        """Whether every required column is present."""
        return all(column in self.table.columns for column in self.schema.required)

    def rows(self) -> list[tuple[int, dict[str, str]]]:
        """(Excel row number, {column: text}) for each data row."""
        return list(self.table.rows.items())

    def add(
        self, code: str, row: int | None = None, column: str | None = None, **params: object
    ) -> None:
        """Record a problem in this table (only counted once its kind is listed in full)."""
        if self.problems.full(self._key, code):
            return
        self.problems.append(problem(self.label, code, row=row, column=column, **params))

    def text(self, row: int, cells: dict[str, str], column: str) -> str | None:
        """A cell's text; None (and a problem) when a required cell is empty.

        A cell refused while reading (its problem already told) is None too.
        """
        if (row, column) in self.table.refused:
            return None
        value = cells.get(column, "")
        if not value and column in self.schema.required:
            self.add("empty_cell", row, column)
            return None
        return value

    def identifier(self, row: int, cells: dict[str, str], column: str) -> str | None:
        """An id made of letters, digits, ``_`` and ``-``."""
        value = self.text(row, cells, column)
        if value is None:
            return None
        if not _ID_RE.match(value):
            self.add("bad_id", row, column, id=value)
            return None
        return value

    def unique_identifier(
        self, row: int, cells: dict[str, str], column: str, first_row: dict[str, int]
    ) -> tuple[str | None, bool]:
        """An id and whether it repeats an earlier row's (reported); records first rows."""
        value = self.identifier(row, cells, column)
        if value is None:
            return None, False
        if value in first_row:
            self.add("duplicate_id", row, column, id=value, first=first_row[value])
            return value, True
        first_row[value] = row
        return value, False

    def number(self, row: int, cells: dict[str, str], column: str) -> Decimal | None:
        """A finite, non-negative number; full-width digits and ``1,234`` are accepted.

        The size is bounded before anything is computed from it: at most
        :data:`MAX_INTEGER_DIGITS` digits before the point and :data:`MAX_DECIMALS`
        after it, so ``1e999999999`` or a thousand digits is a plain problem.
        """
        value = self.text(row, cells, column)
        if value is None:
            return None
        number = _decimal(value)
        if value.upper() in ("TRUE", "FALSE"):  # an Excel logical value (a ticked box…)
            self.add("logical_not_number", row, column, text=value)
        elif number is None:
            self.add("not_a_number", row, column, text=value)
        elif not number.is_finite():
            self.add("not_finite", row, column, text=value)
        elif number < 0:
            self.add("negative", row, column, text=value)
        elif number and number.adjusted() >= MAX_INTEGER_DIGITS:
            self.add("number_too_large", row, column, text=value, digits=MAX_INTEGER_DIGITS)
        elif _decimal_places(number) > MAX_DECIMALS:
            self.add("too_many_decimals", row, column, text=value, decimals=MAX_DECIMALS)
        else:
            return number
        return None

    def integer(self, row: int, cells: dict[str, str], column: str, default: int) -> int | None:
        """A whole number, or ``default`` when an optional cell is empty."""
        if not cells.get(column) and column not in self.schema.required:
            return default
        number = self.number(row, cells, column)
        if number is None:
            return None
        if number != number.to_integral_value():
            self.add("not_an_integer", row, column, text=cells[column])
            return None
        return int(number)

    def flag(self, row: int, cells: dict[str, str], column: str) -> bool:
        """A yes/no cell (是/否, yes/no, true/false, 1/0); empty means no."""
        value = cells.get(column, "").strip().lower()
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.add("bad_flag", row, column, text=cells[column])
        return False

    def seconds(
        self, row: int, cells: dict[str, str], column: str, low: int, high: int
    ) -> Decimal | None:
        """A number of seconds from ``low`` to ``high``."""
        number = self.number(row, cells, column)
        if number is not None and not low <= number <= high:
            self.add("out_of_range", row, column, text=cells[column], low=low, high=high)
            return None
        return number

    def _check_columns(self) -> None:
        columns = self.table.columns
        for column in self.schema.required:
            if column not in columns:
                self.add("missing_column", 1, column, name=column)
        allowed = ", ".join(self.schema.allowed)
        positions = self.table.positions or tuple(range(len(columns)))
        for column, position in zip(columns, positions, strict=False):
            if not column:
                self.add("blank_header", 1, None, letter=column_letter(position))
            elif column not in self.schema.allowed:
                self.add("unknown_column", 1, column, name=column, allowed=allowed)


def column_letter(position: int) -> str:
    """The spreadsheet letter of a 0-based column (0 is A, 26 is AA)."""
    letters = ""
    number = position + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def canonical_columns(table: Table, schema: TableSchema) -> Table:
    """``table`` with each column name written as the schema spells it.

    ``ID``, ``Label_ZH``, ``ｉｄ`` or ``label zh`` (as a clerk may retype a header)
    stand for ``id`` and ``label_zh``, unless the table has that column already.
    """
    renames: dict[str, str] = {}
    for column in table.columns:
        if column in schema.allowed:
            continue
        spelled = _spelling(column)
        taken = spelled in table.columns or spelled in renames.values()
        if spelled in schema.allowed and not taken:
            renames[column] = spelled
    if not renames:
        return table
    return Table(
        tuple(renames.get(column, column) for column in table.columns),
        {
            number: {renames.get(column, column): text for column, text in cells.items()}
            for number, cells in table.rows.items()
        },
        frozenset((row, renames.get(column, column)) for row, column in table.refused),
        table.positions,
    )


def _spelling(column: str) -> str:
    """A header's canonical spelling: half-width, lower case, ``_`` for spaces and dashes."""
    return re.sub(r"[\s\-]+", "_", unicodedata.normalize("NFKC", column).strip().lower())


def _decimal(text: str) -> Decimal | None:
    """``text`` as a Decimal (``1,234``, full-width digits and spaces allowed), else None."""
    if _PLAIN_NUMBER_RE.fullmatch(text):
        return Decimal(text)
    normal = re.sub(r"[,\s]", "", unicodedata.normalize("NFKC", text))
    try:
        return Decimal(normal)
    except InvalidOperation:
        return None


def _decimal_places(number: Decimal) -> int:
    """How many decimal places ``number`` is written with (0 for ``1e3``)."""
    exponent = number.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
