"""Workbook habits: merged cells are told, with the range, beside what they leave blank;
logical values (TRUE/FALSE) are yes or no, never a figure."""

from __future__ import annotations

from pathlib import Path

from fulian_viewer.model.loading import load_report
from tests.fixtures.datasets import Dataset, write_workbook


def test_merged_cells_are_named_with_their_range(dataset: Dataset, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = write_workbook(dataset, tmp_path / "book" / "data.xlsx")
    workbook = load_workbook(book)
    workbook["metrics"].merge_cells("A2:A4")  # one section typed once for three rows
    workbook.save(book)
    result = load_report(book)
    merged = [p for p in result.problems if p.code == "merged_cells"]
    assert len(merged) == 1 and merged[0].warning
    assert (merged[0].file, merged[0].row) == ("data.xlsx:metrics", 2)
    assert "A2:A4" in merged[0].message("zh") and "取消合并" in merged[0].message("zh")
    empty = sorted((p.row, p.column) for p in result.errors)
    assert empty == [(3, "section"), (4, "section")]


def test_a_sheet_without_merges_has_no_warning(dataset: Dataset, tmp_path: Path) -> None:
    book = write_workbook(dataset, tmp_path / "book" / "data.xlsx")
    assert not load_report(book).problems


def test_a_logical_value_is_no_figure(dataset: Dataset, tmp_path: Path) -> None:
    """TRUE in a value column was read as 1: now it is told, with sheet, row and column."""
    from openpyxl import load_workbook

    book = write_workbook(dataset, tmp_path / "book" / "data.xlsx")
    workbook = load_workbook(book)
    sheet = workbook["metrics"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=5, column=header.index("value") + 1).value = True
    sheet.cell(row=6, column=header.index("value") + 1).value = False
    sheet.cell(row=7, column=header.index("headline") + 1).value = True  # a flag: yes
    workbook.save(book)
    result = load_report(book)
    assert sorted((p.file, p.row, p.column, p.code) for p in result.errors) == [
        ("data.xlsx:metrics", 5, "value", "logical_not_number"),
        ("data.xlsx:metrics", 6, "value", "logical_not_number"),
    ]
    zh, en = result.errors[0].message("zh"), result.errors[0].message("en")
    assert "data.xlsx:metrics，第 5 行，列“value”" in zh and "逻辑值 TRUE" in zh
    assert "data.xlsx:metrics, row 5, column 'value'" in en and "logical value TRUE" in en
    assert result.report is not None
    assert all(str(metric.value) not in ("1", "0") for metric in result.report.metrics)
