"""Reading raw tables: CSV tables, and paths kept inside the data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fulian_viewer.model.tables import read_dataset, resolve_inside
from tests.fixtures.datasets import make_dataset, write_workbook


@pytest.mark.parametrize(
    "relative", ["report.txt", "sub/report.txt", "sub\\report.txt", "./sub/../report.txt"]
)
def test_resolve_inside_accepts_relative_paths(tmp_path: Path, relative: str) -> None:
    target = resolve_inside(tmp_path, relative)
    assert target is not None
    assert target.is_relative_to(tmp_path.resolve())


@pytest.mark.parametrize(
    "relative",
    [
        "",
        "   ",
        "../x.txt",
        "..\\x.txt",
        "sub/../../x.txt",
        "/etc/passwd",
        "C:\\x.txt",
        "C:x.txt",
        "c:/x.txt",
        "\\\\server\\share\\x.txt",
        "//server/share/x.txt",
    ],
)
def test_resolve_inside_refuses_paths_leading_out(tmp_path: Path, relative: str) -> None:
    assert resolve_inside(tmp_path / "data", relative) is None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_resolve_inside_refuses_a_link_that_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    try:
        (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
        (folder / "dir").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("cannot create symlinks here")
    assert resolve_inside(folder, "link.txt") is None
    assert resolve_inside(folder, "dir/secret.txt") is None


def test_csv_tables_keep_columns_in_order_and_the_first_of_a_repeated_name(tmp_path: Path) -> None:
    (tmp_path / "deck.csv").write_text(
        "key,zh,en,zh\r\ntitle,标题,Title,重复\r\n\r\n,,,\r\nsource_file,report.txt\r\n",
        encoding="utf-8",
    )
    raw = read_dataset(tmp_path)
    table, label = raw.tables["deck"]
    assert label == "deck.csv"
    assert table.columns == ("key", "zh", "en")
    assert table.rows == {
        2: {"key": "title", "zh": "标题", "en": "Title"},
        5: {"key": "source_file", "zh": "report.txt", "en": ""},
    }
    assert table.rows_where("key", "source_file") == [5]
    codes = [p.code for p in raw.problems if p.file == "deck.csv"]
    assert codes == ["duplicate_column", "truncated_row"]


def test_reading_data_imports_no_spreadsheet_library(tmp_path: Path) -> None:
    """CSV folders and workbooks are read with the standard library alone."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from fulian_viewer.model.loading import load_report\n"
        "assert load_report().ok\n"
        "assert load_report(Path(sys.argv[1])).ok\n"
        "loaded = [m for m in ('pandas', 'openpyxl') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    book = write_workbook(make_dataset(tmp_path), tmp_path / "book" / "data.xlsx")
    completed = subprocess.run(
        [sys.executable, "-c", script, str(book)], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr


def test_a_header_longer_than_every_row_is_told_once(tmp_path: Path) -> None:
    """A name too many at the header's end is one problem, not one "cut short" per row."""
    dataset = make_dataset(tmp_path)
    rows = dataset.rows("metrics")
    rows[0].append("备注")
    rows[-1] = rows[-1][:5]  # and the last row really cut short
    dataset.write("metrics", rows)
    problems = [p for p in read_dataset(dataset.folder).problems if p.file == "metrics.csv"]
    header = [p for p in problems if p.code == "header_longer"]
    assert len(header) == 1 and header[0].row == 1
    assert "“备注”" in header[0].text("zh") and "'备注'" in header[0].text("en")
    cut = [(p.code, p.row) for p in problems if p.code != "header_longer"]
    assert cut == [("truncated_row", len(rows))]
    assert "5 of 11 columns" in problems[-1].text("en")


def test_a_single_short_row_is_cut_short_not_a_long_header(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    rows = dataset.rows("metrics")
    dataset.write("metrics", [rows[0] + ["备注"], rows[1]])
    codes = [p.code for p in read_dataset(dataset.folder).problems if p.file == "metrics.csv"]
    assert codes == ["truncated_row"]


def test_a_sheet_row_whose_last_cells_are_empty_is_not_cut_short(tmp_path: Path) -> None:
    """Excel leaves empty cells out: a row ends early in the file, and that is no problem."""
    from openpyxl import load_workbook

    book = write_workbook(make_dataset(tmp_path), tmp_path / "book" / "data.xlsx")
    workbook = load_workbook(book)
    sheet = workbook["metrics"]
    sheet.cell(row=1, column=sheet.max_column + 1, value="unit_en")  # a second unit_en
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=sheet.max_column - 1).value = None
    workbook.save(book)
    codes = {p.code for p in read_dataset(book).problems}
    assert "truncated_row" not in codes and "header_longer" not in codes
