"""Number cells read as Excel shows them: percentages, dates, 15 significant digits."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest

from fulian_viewer.model.loading import load_report
from fulian_viewer.model.sheet_styles import NumberFormat, read_number_formats, shown_number
from tests.fixtures.datasets import Dataset, write_workbook

PERCENT = NumberFormat(percent=True)
DATE = NumberFormat(date=True)


@pytest.mark.parametrize(
    ("raw", "fmt", "shown"),
    [
        ("0.7", PERCENT, "70%"),
        ("0.70000000000000007", PERCENT, "70%"),
        ("0.9749", NumberFormat(percent=True, decimals=2), "97.49%"),
        ("0.7", NumberFormat(percent=True, decimals=1), "70.0%"),
        ("1", PERCENT, "100%"),
        ("45293", DATE, "2024-01-02"),
        ("1", DATE, "1900-01-01"),
        ("61", DATE, "1900-03-01"),
        ("9749000000", None, "9749000000"),
        ("9749000000.000002", None, "9749000000"),
        ("0.30000000000000004", None, "0.3"),
        ("66000", DATE, "2080-09-11"),
        ("1E+300", PERCENT, "1E+300"),
        ("-0.5", None, "-0.5"),
        ("abc", PERCENT, "abc"),
        ("9" * 60, None, "9" * 60),
    ],
)
def test_shown_number(raw: str, fmt: NumberFormat | None, shown: str) -> None:
    assert shown_number(raw, fmt) == shown


def test_1904_dates() -> None:
    assert shown_number("1", DATE, date1904=True) == "1904-01-02"


def test_formats_of_each_cell_style() -> None:
    styles = (
        '<styleSheet xmlns="x"><numFmts count="3">'
        '<numFmt numFmtId="164" formatCode="0.0%"/>'
        '<numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>'
        '<numFmt numFmtId="166" formatCode="#,##0&quot;人&quot;"/>'
        '</numFmts><cellStyleXfs count="1"><xf numFmtId="9"/></cellStyleXfs>'
        '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/>'
        '<xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="166"/></cellXfs></styleSheet>'
    )
    formats = read_number_formats(io.BytesIO(styles.encode()))
    assert formats == [
        None,
        PERCENT,
        NumberFormat(percent=True, decimals=1),
        DATE,
        DATE,
        None,
    ]


def _book(dataset: Dataset, tmp_path: Path, cells: dict[tuple[str, str], object]) -> Path:
    """The dataset as a workbook, with metric cells set as Excel would store them."""
    from openpyxl import load_workbook

    book = write_workbook(dataset, tmp_path / "book" / "数据.xlsx")
    workbook = load_workbook(book)
    sheet = workbook["metrics"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for (metric, column), value in cells.items():
            if row[header.index("id")].value == metric:
                cell = row[header.index(column)]
                cell.value, cell.number_format = value  # type: ignore[misc]
    workbook.save(book)
    return book


def test_percentages_typed_in_excel_load_like_the_csv(dataset: Dataset, tmp_path: Path) -> None:
    """``70%`` typed in the display and value cells: Excel keeps 0.7 with a % format."""
    book = _book(
        dataset,
        tmp_path,
        {("green_share", "display"): (0.7, "0%"), ("green_share", "value"): (0.7, "0%")},
    )
    result = load_report(book)
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.report is not None
    metric = next(m for m in result.report.metrics if m.id == "green_share")
    assert (metric.value, metric.figure.text) == (70, "70%")


def test_a_computed_value_with_binary_noise_loads(dataset: Dataset, tmp_path: Path) -> None:
    book = _book(dataset, tmp_path, {("startup_loans", "value"): (9749000000.000002, "General")})
    result = load_report(book)
    assert result.ok, [p.message("en") for p in result.problems]


def test_a_date_cell_is_named_as_the_date_excel_shows(dataset: Dataset, tmp_path: Path) -> None:
    book = _book(
        dataset, tmp_path, {("startup_loans", "value"): (datetime.date(2024, 1, 2), "yyyy-mm-dd")}
    )
    result = load_report(book)
    assert [p.code for p in result.errors] == ["not_a_number"]
    assert "“2024-01-02”不是数字" in result.errors[0].message("zh")
