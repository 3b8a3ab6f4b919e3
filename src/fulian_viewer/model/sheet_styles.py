"""A workbook's number cells as Excel shows them: percentages, dates, 15 digits.

Excel keeps every number as a binary double and shows it through the cell's number
format. Typing ``70%`` stores ``0.7`` with a percentage format; typing a date stores
the count of days since 1900; a formula such as ``=0.1*3`` saves
``0.30000000000000004``. A dataset is read as the clerk sees it on screen: a
percentage cell as ``70%``, a date cell as ``2024-01-02``, any other number cut to
the 15 significant digits Excel shows.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import IO

from fulian_viewer.model.sheet_xml import feed_all, local_name

EXCEL_DIGITS = 15
_PERCENT_IDS = {9: 0, 10: 2}  # built-in formats 0% and 0.00%
_DATE_IDS = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)}
_QUOTED_RE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_DATE_CODE_RE = re.compile(r"[ymdhse]|[年月日]", re.IGNORECASE)
_NUMBER_RE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial 1 is 1900-01-01 (after Excel's 1900-02-29)
_EXCEL_EPOCH_1904 = datetime.date(1904, 1, 1)
_LAST_SERIAL = 2_958_465  # 9999-12-31


@dataclass(frozen=True)
class NumberFormat:
    """What a cell style shows a number as: a percentage with ``decimals``, or a date."""

    percent: bool = False
    decimals: int = 0
    date: bool = False


def read_number_formats(stream: IO[bytes]) -> list[NumberFormat | None]:
    """For each cell style (``s`` of a cell) of ``styles.xml``, its number format if it matters."""
    codes: dict[int, str] = {}
    styles: list[NumberFormat | None] = []
    state = {"cell_xfs": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = local_name(name)
        if tag == "numFmt":
            number = attrs.get("numFmtId", "")
            if number.isdigit() and len(number) < 6:
                codes[int(number)] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            state["cell_xfs"] = True
        elif tag == "xf" and state["cell_xfs"]:
            number = attrs.get("numFmtId", "0")
            styles.append(_format(int(number), codes) if number.isdigit() else None)

    def end(name: str) -> None:
        if local_name(name) == "cellXfs":
            state["cell_xfs"] = False

    feed_all(stream, start, end)
    return styles


def uses_1904_dates(stream: IO[bytes]) -> bool:
    """Whether ``workbook.xml`` counts dates from 1904 (old Mac workbooks)."""
    found = {"1904": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        if local_name(name) == "workbookPr":
            found["1904"] = attrs.get("date1904", "").lower() in ("1", "true")

    feed_all(stream, start)
    return found["1904"]


def _format(number: int, codes: dict[int, str]) -> NumberFormat | None:
    if number in codes:
        return _parse_code(codes[number])
    if number in _PERCENT_IDS:
        return NumberFormat(percent=True, decimals=_PERCENT_IDS[number])
    if number in _DATE_IDS:
        return NumberFormat(date=True)
    return None


def _parse_code(code: str) -> NumberFormat | None:
    """A custom format code's kind; only its first section (positive numbers) counts."""
    first = code.split(";")[0]
    bare = _QUOTED_RE.sub("", first)
    if "%" in bare:
        decimals = len(bare.split(".", 1)[1].split("%")[0]) if "." in bare else 0
        return NumberFormat(percent=True, decimals=min(decimals, 10))
    if _DATE_CODE_RE.search(bare) and not re.search(r"[0#?]", bare):
        return NumberFormat(date=True)
    return None


def shown_number(raw: str, fmt: NumberFormat | None, date1904: bool = False) -> str:
    """The text Excel shows for the saved number ``raw`` in format ``fmt``.

    Anything that is not a plain number of sane size is returned unchanged (the
    loader then reports it as it stands).
    """
    if len(raw) > 40 or not _NUMBER_RE.fullmatch(raw):
        return raw
    try:
        number = Decimal(raw)
    except InvalidOperation:
        return raw
    if not number.is_finite() or abs(number.adjusted()) > 20:
        return raw
    if fmt is not None and fmt.percent:
        scaled = (number * 100).quantize(Decimal(1).scaleb(-fmt.decimals), ROUND_HALF_UP)
        return f"{scaled:f}%"
    if fmt is not None and fmt.date and 0 < number <= _LAST_SERIAL:
        epoch = _EXCEL_EPOCH_1904 if date1904 else _EXCEL_EPOCH
        day = int(number)
        if not date1904 and day < 60:
            day += 1  # Excel counts a 1900-02-29 that never was
        return (epoch + datetime.timedelta(days=day)).isoformat()
    digits = len(number.as_tuple().digits)
    if digits <= EXCEL_DIGITS:
        return raw
    rounded = round(number, EXCEL_DIGITS - 1 - number.adjusted())
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def number_texts(
    formats: list[NumberFormat | None], date1904: bool = False
) -> Callable[[str, int], str]:
    """A :class:`~fulian_viewer.model.sheet_xml.SheetReader` ``number_text`` for these styles."""

    def text(raw: str, style: int) -> str:
        fmt = formats[style] if 0 <= style < len(formats) else None
        return shown_number(raw, fmt, date1904)

    return text
