"""A kiosk keeps showing the last good data after a bad edit."""

from __future__ import annotations

from pathlib import Path

from fulian_viewer.model.last_good import (
    load_for_kiosk,
    save_snapshot,
    snapshot_dataset,
    snapshot_folder,
)
from tests.fixtures.datasets import Dataset, snapshot, write_workbook


def _title(load_result: object) -> str:
    report = load_result.report  # type: ignore[attr-defined]
    assert report is not None
    return str(report.deck.get("title", "zh"))


def test_clean_data_is_shown_and_kept_as_last_good(dataset: Dataset, tmp_path: Path) -> None:
    root = tmp_path / "keep"
    dataset.set_cell("deck", "title", "zh", "第一版标题")
    before = snapshot(dataset.folder)
    load = load_for_kiosk(dataset.folder, root)
    assert load.origin == "data"
    assert load.problems == ()
    assert _title(load.shown) == "第一版标题"
    copy = snapshot_folder(dataset.folder, root)
    assert sorted(p.name for p in copy.iterdir()) == [
        "charts.csv",
        "deck.csv",
        "metrics.csv",
        "report.txt",
        "sections.csv",
    ]
    assert snapshot(dataset.folder) == before  # the user's files are only read


def test_bad_edit_shows_last_good_copy_and_reports_problems(
    dataset: Dataset, tmp_path: Path
) -> None:
    root = tmp_path / "keep"
    dataset.set_cell("deck", "title", "zh", "好的标题")
    assert load_for_kiosk(dataset.folder, root).origin == "data"
    dataset.set_cell("deck", "title", "zh", "改坏了的标题")
    row = dataset.set_cell("metrics", dataset.rows("metrics")[1][1], "value", "abc")
    load = load_for_kiosk(dataset.folder, root)
    assert load.origin == "last_good"
    assert _title(load.shown) == "好的标题"
    assert any(p.row == row and p.column == "value" for p in load.problems)
    # The broken edit did not replace the good copy.
    assert load_for_kiosk(dataset.folder, root).origin == "last_good"


def test_bad_edit_without_a_copy_shows_what_is_good(dataset: Dataset, tmp_path: Path) -> None:
    dataset.set_cell("metrics", dataset.rows("metrics")[1][1], "value", "abc")
    load = load_for_kiosk(dataset.folder, tmp_path / "keep")
    assert load.origin == "data"
    assert load.problems
    assert load.shown.report is not None


def test_unusable_data_without_a_copy_shows_the_bundled_report(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here"
    load = load_for_kiosk(missing, tmp_path / "keep")
    assert load.origin == "bundled"
    assert load.problems
    assert "巴渝巾帼心向党" in _title(load.shown)


def test_no_data_path_means_the_bundled_report(tmp_path: Path) -> None:
    load = load_for_kiosk(None, tmp_path / "keep")
    assert load.origin == "bundled"
    assert load.problems == ()


def test_workbook_copy_includes_report_text(dataset: Dataset, tmp_path: Path) -> None:
    root = tmp_path / "keep"
    workbook = write_workbook(dataset, tmp_path / "book" / "数据.xlsx")
    assert load_for_kiosk(workbook, root).origin == "data"
    copy = snapshot_dataset(workbook, root)
    assert copy is not None and copy.name == "数据.xlsx"
    assert (copy.parent / "report.txt").is_file()
    workbook.write_bytes(b"not a workbook")
    load = load_for_kiosk(workbook, root)
    assert load.origin == "last_good"
    assert load.problems


def test_copy_that_cannot_be_written_is_logged_not_raised(dataset: Dataset, tmp_path: Path) -> None:
    report = dataset.load().report
    assert report is not None
    root_file = tmp_path / "not-a-folder"
    root_file.write_text("x")
    assert save_snapshot(dataset.folder, report, root_file) is None
    assert root_file.read_text() == "x"


def test_a_workbook_with_only_warnings_is_shown_and_kept(dataset: Dataset, tmp_path: Path) -> None:
    """Merged optional cells warn; the data is still sound and becomes the last good copy."""
    from openpyxl import load_workbook

    book = write_workbook(dataset, tmp_path / "book" / "data.xlsx")
    workbook = load_workbook(book)
    workbook["metrics"].merge_cells("I2:J2")  # headline and scorecard of one row
    workbook.save(book)
    root = tmp_path / "keep"
    load = load_for_kiosk(book, root)
    assert load.origin == "data"
    assert [p.code for p in load.problems] == ["merged_cells"]
    assert snapshot_dataset(book, root) is not None
