"""The optional notes table: a speaker's notes and target seconds per pane."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from fulian_viewer.check import run_check
from fulian_viewer.model.loading import load_report
from tests.fixtures.datasets import Dataset, write_workbook
from tests.model.test_loading import only_problem

HEADER = ["pane", "notes_zh", "notes_en", "target_seconds"]


def test_no_notes_table_is_fine(dataset: Dataset) -> None:
    result = dataset.load()
    assert result.ok and result.report is not None and result.report.notes == ()


def test_an_empty_notes_file_is_fine(dataset: Dataset) -> None:
    dataset.path("notes").write_bytes(b"\xef\xbb\xbf\r\n")
    assert dataset.load().ok
    dataset.write("notes", [HEADER])
    assert dataset.load().ok


def test_notes_load_by_pane_key_or_section_id(dataset: Dataset) -> None:
    dataset.write(
        "notes",
        [
            HEADER,
            ["cover", "先问候来宾", "Greet the guests", "45"],
            ["guidance", "讲思想引领", "", ""],
            ["section-rights", "", "Rights", "１２０"],
        ],
    )
    result = dataset.load()
    assert result.ok, result.problems
    assert result.report is not None
    cover = result.report.notes_for("cover")
    assert cover is not None and cover.text.zh == "先问候来宾" and cover.target_seconds == 45
    guidance = result.report.notes_for("section-guidance")
    assert guidance is not None and guidance.target_seconds is None
    rights = result.report.notes_for("section-rights")
    assert rights is not None and rights.target_seconds == 120 and rights.text.en == "Rights"


def test_bad_rows_are_named_and_the_rest_loads(dataset: Dataset) -> None:
    dataset.write(
        "notes",
        [
            HEADER,
            ["cover", "好", "", "45"],
            ["nowhere", "", "", ""],
            ["cover", "again", "", ""],
            ["closing", "", "", "soon"],
            ["scorecard", "", "", "0"],
            ["", "no pane", "", ""],
        ],
    )
    result = dataset.load()
    assert result.report is not None
    assert [n.pane for n in result.report.notes] == ["cover", "closing", "scorecard"]
    assert [n.target_seconds for n in result.report.notes] == [45, None, None]
    by_row = {p.row: (p.column, p.code) for p in result.problems}
    assert by_row == {
        3: ("pane", "unknown_pane"),
        4: ("pane", "duplicate_id"),
        5: ("target_seconds", "not_a_number"),
        6: ("target_seconds", "bad_seconds"),
        7: ("pane", "empty_cell"),
    }
    assert all(p.file == "notes.csv" for p in result.problems)
    assert "section-guidance" in only_problem_message(result.problems, 3)


def only_problem_message(problems, row: int) -> str:
    return next(p.message("en") for p in problems if p.row == row)


def test_an_unknown_column_is_reported(dataset: Dataset) -> None:
    dataset.write("notes", [[*HEADER, "speaker"], ["cover", "", "", "", "王"]])
    only_problem(dataset.load(), "notes.csv", 1, "speaker", "unknown_column")


def test_a_workbook_notes_sheet_is_read(dataset: Dataset, tmp_path: Path) -> None:
    dataset.write("notes", [HEADER, ["closing", "致谢", "Thanks", "30"], ["bogus", "", "", ""]])
    book = write_workbook(dataset, tmp_path / "book" / "data.xlsx")
    result = load_report(book)
    only_problem(result, "data.xlsx:notes", 3, "pane", "unknown_pane")
    assert result.report is not None
    closing = result.report.notes_for("closing")
    assert closing is not None and closing.target_seconds == 30 and closing.text.zh == "致谢"


def test_check_json_includes_the_notes(dataset: Dataset) -> None:
    dataset.write("notes", [HEADER, ["cover", "问候", "Hello", "40"]])
    out = StringIO()
    assert run_check(dataset.folder, "en", True, out) == 0
    notes = json.loads(out.getvalue())["notes"]
    assert notes == [
        {"pane": "cover", "notes": {"zh": "问候", "en": "Hello"}, "target_seconds": 40}
    ]
    text = StringIO()
    run_check(dataset.folder, "zh", False, text)
    assert "讲者备注：1 个页面" in text.getvalue()
