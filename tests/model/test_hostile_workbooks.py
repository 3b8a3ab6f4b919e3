"""Hostile workbooks: read within limits (read-only, used columns, empty runs) or refused."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fulian_viewer.model import sheet_xml, workbook
from fulian_viewer.model.loading import LoadResult, load_report
from tests.fixtures import hostile
from tests.fixtures.datasets import snapshot, where
from tests.model.test_hostile_inputs import assert_plain


def codes(result: LoadResult) -> Counter[str]:
    return Counter(p.code for p in result.problems)


def test_declared_dimension_and_a_lone_far_cell_are_ignored(tmp_path: Path) -> None:
    book = hostile.declared_dimension(tmp_path, 1)
    result = load_report(book)
    assert result.ok, [p.message("en") for p in result.problems]
    assert len(result.report.metrics) == 37  # type: ignore[union-attr]


def test_a_long_run_of_empty_rows_ends_the_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "EMPTY_RUN", 50)
    book = hostile.empty_rows(tmp_path, 5_000)
    hostile.patch_workbook(
        book,
        hostile.sheet_part("metrics"),
        hostile._sheet_rows_tail(
            '<row r="9000"><c r="A9000" t="inlineStr"><is><t>x</t></is></c></row>'
        ),
    )
    result = load_report(book)
    assert result.ok  # the row after the empty run is not read


def test_rows_after_a_short_gap_are_still_read(tmp_path: Path) -> None:
    book = hostile.empty_rows(tmp_path, 10)
    hostile.patch_workbook(
        book,
        hostile.sheet_part("metrics"),
        hostile._sheet_rows_tail(
            '<row r="300"><c r="A300" t="inlineStr"><is><t>x</t></is></c></row>'
        ),
    )
    result = load_report(book)
    assert ("data.xlsx:metrics", 300, "id", "empty_cell") in {where(p) for p in result.problems}


def test_huge_shared_string_is_one_problem(tmp_path: Path) -> None:
    result = load_report(hostile.huge_shared_string(tmp_path, 140_000))
    assert ("data.xlsx:metrics", 150, "label_zh", "cell_too_long") in {
        where(p) for p in result.problems
    }
    assert_plain(result.problems)


def test_zip_bomb_is_refused_by_its_declared_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_SHEET_BYTES", 1_000_000)
    result = load_report(hostile.zip_bomb(tmp_path, 2_000_000))
    assert [where(p) for p in result.problems] == [("data.xlsx", None, None, "workbook_too_large")]
    assert "xl/worksheets/sheet4.xml" in result.problems[0].message("en")


def test_too_many_parts_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_ZIP_ENTRIES", 40)
    result = load_report(hostile.many_zip_entries(tmp_path, 50))
    assert [where(p) for p in result.problems] == [("data.xlsx", None, None, "bad_workbook")]


def test_huge_number_cells(tmp_path: Path) -> None:
    result = load_report(hostile.huge_number_cells(tmp_path, 5000))
    places = {where(p) for p in result.problems}
    assert ("data.xlsx:metrics", 150, "value", "number_too_large") in places
    assert ("data.xlsx:metrics", 151, "value", "number_too_large") in places
    assert ("data.xlsx:metrics", 152, "value", "number_too_large") in places
    assert result.report is not None
    assert_plain(result.problems)


def test_formula_without_saved_value_says_so(tmp_path: Path) -> None:
    result = load_report(hostile.formula_without_value(tmp_path, 1))
    assert [where(p) for p in result.problems] == [
        ("data.xlsx:metrics", 2, "value", "formula_without_value")
    ]
    assert "Excel" in result.problems[0].message("zh")
    assert "save" in result.problems[0].message("en")


def test_styled_number_cells_are_read_as_excel_shows_them(tmp_path: Path) -> None:
    result = load_report(hostile.styled_number_cells(tmp_path, 3))
    assert_plain(result.problems)
    messages = {p.row: p.message("en") for p in result.problems if p.code == "not_a_number"}
    assert all("'70%' is not a number" in messages[row] for row in (60, 61, 62))
    assert len(result.report.metrics) == 37  # type: ignore[union-attr]
    raw = workbook.read_workbook(hostile.styled_number_cells(tmp_path / "again", 1))
    cells = raw.tables["metrics"][0].rows[60]
    assert (cells["value"], cells["unit"], cells["display"]) == ("70%", "0.3", "2009-09-04")


def test_phonetic_guides_are_left_out_and_error_values_told(tmp_path: Path) -> None:
    result = load_report(hostile.phonetic_and_error_cells(tmp_path, 3))
    assert_plain(result.problems)
    errors = {(p.row, p.column) for p in result.problems if p.code == "excel_error"}
    assert errors == {(60, "value"), (61, "value"), (62, "value")}
    assert not [p for p in result.problems if "ふりがな" in p.message("en")]
    ids = {p.message("en") for p in result.problems if p.code == "empty_cell"}
    assert not [text for text in ids if "row 60, column 'id'" in text]


def test_many_merged_ranges_are_a_bounded_list(tmp_path: Path) -> None:
    result = load_report(hostile.many_merged_ranges(tmp_path, 5_000))
    merged = [p for p in result.problems if p.code == "merged_cells"]
    assert len(merged) == sheet_xml.MAX_MERGES
    assert result.ok  # merged optional cells are a warning only


def test_retyped_headers_load(tmp_path: Path) -> None:
    result = load_report(hostile.retyped_headers(tmp_path, 5))
    assert result.ok, [p.message("en") for p in result.problems[:3]]
    assert len(result.report.metrics) == 42  # type: ignore[union-attr]


def test_a_row_far_wider_than_the_table_is_read_within_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_CELLS", 5_000)
    wide = "".join(f'<c r="{_letters(n)}160"><v>1</v></c>' for n in range(1, 16_385))
    book = hostile.declared_dimension(tmp_path, 1)
    hostile.patch_workbook(
        book, hostile.sheet_part("charts"), hostile._sheet_rows_tail(f'<row r="160">{wide}</row>')
    )
    result = load_report(book)
    assert ("data.xlsx:charts", 160, None, "sheet_too_large") in {where(p) for p in result.problems}
    assert_plain(result.problems)


def _letters(number: int) -> str:
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def test_a_document_type_declaration_is_refused(tmp_path: Path) -> None:
    book = hostile.declared_dimension(tmp_path, 1)
    bomb = b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    hostile.patch_workbook(book, "xl/workbook.xml", lambda data: bomb + data)
    result = load_report(book)
    assert [where(p) for p in result.problems] == [("data.xlsx", None, None, "bad_workbook")]


def test_damaged_workbook_is_one_plain_problem(tmp_path: Path) -> None:
    result = load_report(hostile.damaged_workbook(tmp_path, 1))
    assert [where(p) for p in result.problems] == [("data.xlsx", None, None, "bad_workbook")]


def test_workbook_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook, "MAX_WORKBOOK_BYTES", 1000)
    book = hostile.declared_dimension(tmp_path, 1)
    result = load_report(book)
    assert [where(p) for p in result.problems] == [("data.xlsx", None, None, "too_large")]


def test_a_pipe_named_like_a_workbook(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "data.xlsx"
    os.mkfifo(pipe)
    result = load_report(pipe)
    assert [where(p) for p in result.problems] == [("data.xlsx", None, None, "special_file")]


def replace_text(data: bytes, old: str, new: str) -> bytes:
    """Replace ``old`` in a sheet's XML, written as UTF-8 or as character references."""
    as_references = "".join(f"&#{ord(ch)};" if ord(ch) > 127 else ch for ch in old)
    for form in (old, as_references):
        if form.encode() in data:
            return data.replace(form.encode(), new.encode(), 1)
    raise AssertionError(f"{old!r} is not in the sheet")


def test_control_characters_in_a_workbook_cell(tmp_path: Path) -> None:
    book = hostile.declared_dimension(tmp_path, 1)
    hostile.patch_workbook(
        book,
        hostile.sheet_part("sections"),
        lambda data: replace_text(data, "强化思想政治引领", "强化_x001B_[2J引领"),
    )
    before = snapshot(book.parent)
    result = load_report(book)
    assert [where(p) for p in result.problems] == [
        ("data.xlsx:sections", 2, "title_zh", "control_characters")
    ]
    assert_plain(result.problems)
    assert snapshot(book.parent) == before


@settings(max_examples=40, deadline=None)
@given(noise=st.binary(max_size=200), at=st.floats(min_value=0, max_value=1))
def test_any_bytes_in_a_sheet_give_plain_problems(
    tmp_path_factory: pytest.TempPathFactory, noise: bytes, at: float
) -> None:
    book = hostile.declared_dimension(tmp_path_factory.mktemp("fuzz"), 1)

    def spoil(data: bytes) -> bytes:
        where = int(len(data) * at)
        return data[:where] + noise + data[where:]

    hostile.patch_workbook(book, hostile.sheet_part("metrics"), spoil)
    result = load_report(book)  # never raises
    assert_plain(result.problems)
