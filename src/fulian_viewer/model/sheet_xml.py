"""Stream the XML parts of an ``.xlsx`` workbook with expat, within fixed budgets.

A general spreadsheet library builds an object for every cell of every row it
meets, whatever the row's width; a hostile sheet of rows 16,384 cells wide then
takes minutes. These readers keep only what a dataset needs: the text of the
first ``max_columns`` cells of each row, whether a cell holds a formula without a
saved value, and nothing longer than ``max_chars``. A document type declaration
(where entity bombs live) is refused; a workbook never has one.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

CHUNK = 64 * 1024
MAX_MERGES = 100  # merged ranges kept to tell about
_CELL_REF_RE = re.compile(r"([A-Za-z]{1,3})")
# How Excel writes a character XML cannot hold (``_x001B_`` for ESC, ``_x005F_`` for "_").
_EXCEL_ESCAPE_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """Excel's ``_xHHHH_`` escapes restored, so a control character is seen (and refused)."""
    return _EXCEL_ESCAPE_RE.sub(_unescaped, text) if "_x" in text else text


def _unescaped(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


class SheetXmlError(Exception):
    """Raised when a part is not well-formed XML, declares a DTD or overruns a budget."""


@dataclass
class SheetRow:
    """One ``<row>`` of a sheet.

    Attributes:
        number: the row's number as Excel shows it.
        cells: the text of the first columns (``""`` where empty).
        formulas: 0-based columns whose cell holds a formula with no saved value.
        errors: 0-based columns whose cell holds an error value (``#DIV/0!``, ``#REF!``).
        too_long: 0-based columns whose text was over the length limit (and cut).
    """

    number: int
    cells: list[str] = field(default_factory=list)
    formulas: set[int] = field(default_factory=set)
    errors: set[int] = field(default_factory=set)
    too_long: set[int] = field(default_factory=set)


def _parser(
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None],
    text: Callable[[str], None],
) -> xml.parsers.expat.XMLParserType:
    parser = xml.parsers.expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    return parser


def _refuse_doctype(*_: object) -> None:
    raise SheetXmlError("doctype")


_LOCAL_NAMES: dict[str, str] = {}
_COLUMNS: dict[str, int] = {}


def _local(name: str) -> str:
    """An element's name without its namespace prefix (``x:row`` is ``row``)."""
    local = _LOCAL_NAMES.get(name)
    if local is None:
        local = name.rpartition(":")[2]
        if len(_LOCAL_NAMES) < 1000:  # a hostile part may use millions of names
            _LOCAL_NAMES[name] = local
    return local


def _feed(parser: xml.parsers.expat.XMLParserType, stream: IO[bytes]) -> Iterator[None]:
    """Feed ``stream`` to ``parser`` a chunk at a time, yielding after each chunk."""
    try:
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
            yield
        parser.Parse(b"", True)
        yield
    except xml.parsers.expat.ExpatError as error:
        raise SheetXmlError("xml") from error


def read_shared_strings(stream: IO[bytes], max_chars: int, max_count: int) -> list[str]:
    """The shared strings, each cut to ``max_chars + 1`` characters (so overlong shows).

    Phonetic runs (``<rPh>``) are left out, as Excel shows them only on request.
    """
    strings: list[str] = []
    parts: list[str] = []
    state = {"in_t": False, "phonetic": 0, "length": 0}

    def start(name: str, _: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "si":
            parts.clear()
            state["length"] = 0
        elif tag == "rPh":
            state["phonetic"] += 1
        elif tag == "t" and not state["phonetic"]:
            state["in_t"] = True

    def end(name: str) -> None:
        tag = _local(name)
        if tag == "si":
            if len(strings) >= max_count:
                raise SheetXmlError("budget")
            strings.append(unescape("".join(parts)))
        elif tag == "rPh":
            state["phonetic"] -= 1
        elif tag == "t":
            state["in_t"] = False

    def text(data: str) -> None:
        if state["in_t"] and state["length"] <= max_chars:
            parts.append(data[: max_chars + 1 - state["length"]])
            state["length"] += len(data)

    for _ in _feed(_parser(start, end, text), stream):
        pass
    return strings


def read_sheet_targets(workbook: IO[bytes], relations: IO[bytes]) -> dict[str, str]:
    """Sheet name to the zip path of its part, from ``workbook.xml`` and its relations."""
    ids: dict[str, str] = {}
    targets: dict[str, str] = {}

    def sheet(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "sheet":
            relation = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            ids[attrs.get("name", "")] = relation

    def relation(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship":
            target = attrs.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[attrs.get("Id", "")] = path

    for stream, handler in ((workbook, sheet), (relations, relation)):
        for _ in _feed(_parser(handler, _ignore, _ignore), stream):
            pass
    return {name: targets[rid] for name, rid in ids.items() if rid in targets}


def _ignore(*_: object) -> None:
    return None


def local_name(name: str) -> str:
    """An element's or attribute's name without its namespace prefix."""
    return _local(name)


def feed_all(
    stream: IO[bytes],
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] = _ignore,
) -> None:
    """Parse a whole part with element handlers (text ignored), within the same guards."""
    for _ in _feed(_parser(start, end, _ignore), stream):
        pass


def plain_number(raw: str, _style: int) -> str:
    """A number cell's saved text as it stands (the default for :class:`SheetReader`)."""
    return raw


class SheetReader:
    """Yields the rows of a sheet part, one :class:`SheetRow` each, in order.

    Only the first ``max_columns`` columns are kept; at most ``max_cells`` cells
    are looked at in all (else :class:`SheetXmlError`); texts are cut to
    ``max_chars + 1`` characters and marked too long. A number cell's saved text
    and its style index go through ``number_text`` (to show it as Excel does).
    Merged ranges (listed after the rows) are kept in ``merged``.
    """

    def __init__(
        self,
        stream: IO[bytes],
        shared: list[str],
        max_columns: int,
        max_chars: int,
        max_cells: int,
        number_text: Callable[[str, int], str] = plain_number,
    ) -> None:
        self.stream = stream
        self.number_text = number_text
        self.merged: list[str] = []  # ranges of merged cells, such as ``A2:A5``
        self.shared = shared
        self.max_columns = max_columns
        self.max_chars = max_chars
        self.cells_left = max_cells
        self._done: list[SheetRow] = []
        self._row: SheetRow | None = None
        self._number = 0
        self._column = 0
        self._cell: dict[str, str] | None = None  # type and saved value of the open cell
        self._text: list[str] = []
        self._capture = False
        self._formula = False
        self._phonetic = 0

    @property
    def row_number(self) -> int:
        """The number of the row being read (or last read)."""
        return self._number

    def __iter__(self) -> Iterator[SheetRow]:
        parser = _parser(self._start, self._end, self._chars)
        for _ in _feed(parser, self.stream):
            yield from self._done
            self._done.clear()

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "row":
            number = attrs.get("r", "")
            self._number = int(number) if number.isdigit() and len(number) < 9 else self._number + 1
            self._row = SheetRow(self._number)
            self._column = 0
        elif tag == "c" and self._row is not None:
            self.cells_left -= 1
            if self.cells_left < 0:
                raise SheetXmlError("budget")
            self._column = _column(attrs.get("r", ""), self._column)
            keep = self._column <= self.max_columns
            self._cell = {"t": attrs.get("t", "n"), "s": attrs.get("s", "")} if keep else None
            self._text.clear()
            self._formula = False
            self._phonetic = 0
        elif tag == "mergeCell" and len(self.merged) < MAX_MERGES:
            self.merged.append(attrs.get("ref", ""))
        elif self._cell is not None:
            if tag in ("v", "t"):
                self._capture = not self._phonetic
            elif tag == "f":
                self._formula = True
            elif tag == "rPh":  # a phonetic guide, which Excel shows only on request
                self._phonetic += 1

    def _end(self, name: str) -> None:
        tag = _local(name)
        if tag in ("v", "t"):
            self._capture = False
        elif tag == "rPh":
            self._phonetic -= 1
        elif tag == "c" and self._cell is not None and self._row is not None:
            self._close_cell(self._row)
            self._cell = None
        elif tag == "row" and self._row is not None:
            self._done.append(self._row)
            self._row = None

    def _chars(self, data: str) -> None:
        if self._capture and sum(map(len, self._text)) <= self.max_chars:
            self._text.append(data)

    def _close_cell(self, row: SheetRow) -> None:
        assert self._cell is not None
        raw = "".join(self._text)
        kind = self._cell["t"]
        if kind == "s":
            index = int(raw) if raw.isdigit() and len(raw) < 10 else -1
            text = self.shared[index] if 0 <= index < len(self.shared) else ""
        elif kind in ("inlineStr", "str"):
            text = unescape(raw)
        elif kind == "b":  # a logical value, stored as 1 or 0: shown as Excel shows it
            text = {"1": "TRUE", "0": "FALSE"}.get(raw.strip(), raw)
        elif kind == "e":  # an error value such as #DIV/0!, where a formula failed
            text = ""
            row.errors.add(self._column - 1)
        elif kind == "n" and raw:
            style = self._cell["s"]
            text = self.number_text(raw, int(style) if style.isdigit() and len(style) < 7 else 0)
        else:
            text = raw
        position = self._column - 1
        if len(row.cells) < self._column:
            row.cells += [""] * (self._column - len(row.cells))
        if len(text) > self.max_chars:
            row.too_long.add(position)
            text = ""
        row.cells[position] = text
        if self._formula and not raw:
            row.formulas.add(position)


def _column(reference: str, previous: int) -> int:
    """The 1-based column of a cell reference such as ``XFD1048576`` (else the next one)."""
    letters = reference.rstrip("0123456789")
    number = _COLUMNS.get(letters)
    if number is None:
        if not _CELL_REF_RE.fullmatch(letters):
            return previous + 1
        number = 0
        for letter in letters.upper():
            number = number * 26 + ord(letter) - 64
        _COLUMNS[letters] = number
    return number
