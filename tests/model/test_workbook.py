"""Workbook habits: merged cells are told, with the range, beside what they leave blank."""

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
