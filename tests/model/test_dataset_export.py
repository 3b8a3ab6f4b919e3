"""The workbook and the CSV folder staff edit: what is written loads back field by field."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from fulian_viewer.model.dataset_export import (
    INSTRUCTIONS_SHEET,
    ExportRefusedError,
    export_folder,
    export_workbook,
)
from fulian_viewer.model.loading import LoadResult, load_report
from fulian_viewer.model.serialise import result_to_dict
from fulian_viewer.model.tables import read_dataset
from tests.fixtures.datasets import BUNDLED, Dataset


def same_dataset(result: LoadResult) -> dict:
    fields = result_to_dict(result)
    fields.pop("path")
    fields.pop("encodings")
    return fields


def test_bundled_data_through_a_workbook_loads_the_same(tmp_path: Path) -> None:
    book = tmp_path / "数据.xlsx"
    written = export_workbook(read_dataset(BUNDLED), book, BUNDLED)
    assert written == [book, tmp_path / "report.txt"]
    loaded = load_report(book)
    assert loaded.ok, loaded.problems
    assert same_dataset(loaded) == same_dataset(load_report())
    assert loaded.report == load_report().report


def test_bundled_data_through_a_folder_loads_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "数据"
    export_folder(read_dataset(BUNDLED), folder, BUNDLED)
    assert (folder / "metrics.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    loaded = load_report(folder)
    assert loaded.ok and loaded.report == load_report().report


def test_the_workbook_is_made_to_be_edited(tmp_path: Path) -> None:
    book = tmp_path / "数据.xlsx"
    export_workbook(read_dataset(BUNDLED), book, BUNDLED)
    workbook = load_workbook(book)
    assert workbook.sheetnames == [INSTRUCTIONS_SHEET, "deck", "sections", "metrics", "charts"]
    instructions = workbook[INSTRUCTIONS_SHEET]
    texts = [str(cell.value) for row in instructions.iter_rows() for cell in row]
    assert any("9749000000" in text for text in texts)  # an example
    assert any("Do not rename the sheets" in text for text in texts)
    metrics = workbook["metrics"]
    assert metrics.freeze_panes == "A2"
    assert metrics["A1"].font.bold
    header = [cell.value for cell in metrics[1]]
    value = metrics.cell(row=2, column=header.index("value") + 1)
    assert value.value == 66000 and value.data_type == "n"
    assert metrics.column_dimensions["K"].width > metrics.column_dimensions["A"].width
    rules = {
        str(rule.sqref).split(":")[0]: rule.formula1
        for rule in metrics.data_validations.dataValidation
    }
    assert rules["A2"] == '"guidance,development,family,rights"'
    assert rules["I2"] == rules["J2"] == '"是,否"'
    assert "场次" in rules["F2"]
    charts = workbook["charts"]
    types = [rule.formula1 for rule in charts.data_validations.dataValidation]
    assert '"bar,hbar,ring"' in types


def test_a_formula_looking_cell_stays_text(dataset: Dataset, tmp_path: Path) -> None:
    dataset.set_cell("metrics", "lectures", "label_en", "=1+1")
    book = tmp_path / "数据.xlsx"
    export_workbook(read_dataset(dataset.folder), book, dataset.folder)
    cell = [c for c in load_workbook(book)["metrics"][2] if c.value == "=1+1"]
    assert cell and cell[0].data_type == "s"
    loaded = load_report(book)
    assert loaded.report is not None
    assert loaded.report.metrics[0].label.en == "=1+1"


def test_an_edited_figure_in_the_workbook_is_read(dataset: Dataset, tmp_path: Path) -> None:
    book = tmp_path / "数据.xlsx"
    export_workbook(read_dataset(dataset.folder), book, dataset.folder)
    workbook = load_workbook(book)
    sheet = workbook["metrics"]
    sheet["E2"] = "not a number"
    workbook.save(book)
    problems = load_report(book).problems
    assert [(p.file, p.row, p.column) for p in problems] == [("数据.xlsx:metrics", 2, "value")]


def test_nothing_is_overwritten_without_force(tmp_path: Path) -> None:
    book = tmp_path / "数据.xlsx"
    book.write_bytes(b"mine")
    with pytest.raises(ExportRefusedError):
        export_workbook(read_dataset(BUNDLED), book, BUNDLED)
    assert book.read_bytes() == b"mine"
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "report.txt").write_text("mine")
    with pytest.raises(ExportRefusedError):
        export_folder(read_dataset(BUNDLED), tmp_path / "folder", BUNDLED)
    assert not (tmp_path / "folder" / "deck.csv").exists()
    export_workbook(read_dataset(BUNDLED), book, BUNDLED, force=True)
    assert load_report(book).ok


def test_the_datasets_own_files_are_never_written_over(dataset: Dataset) -> None:
    before = dataset.path("metrics").read_bytes()
    with pytest.raises(ExportRefusedError):
        export_folder(read_dataset(dataset.folder), dataset.folder, dataset.folder, force=True)
    assert dataset.path("metrics").read_bytes() == before
    book = dataset.folder / "数据.xlsx"
    assert export_workbook(read_dataset(dataset.folder), book, dataset.folder) == [book]
    with pytest.raises(ExportRefusedError):
        export_workbook(read_dataset(book), book, book, force=True)
