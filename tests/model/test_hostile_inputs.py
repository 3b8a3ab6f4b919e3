"""Hostile data folders: each is refused or read within limits, with one plain message each."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from fulian_viewer.model import tables
from fulian_viewer.model.files import RefusedFileError, read_plain_file
from fulian_viewer.model.loading import LoadResult, load_report
from fulian_viewer.model.problems import MAX_PER_KIND, Problem, visible
from fulian_viewer.model.schema import SCHEMAS, Cells
from fulian_viewer.model.tables import Table
from tests.fixtures import hostile
from tests.fixtures.datasets import Dataset, snapshot, where

HIDDEN = {chr(c) for c in range(0x20)} | {"\x7f", "\u202e"}


def codes(result: LoadResult) -> Counter[str]:
    return Counter(p.code for p in result.problems)


PYTHON_WORDS = ("Error", "Exception", "errno", "Traceback", "codec", "field limit")


def assert_plain(problems: tuple[Problem, ...]) -> None:
    """Every message is in our words, with nothing hidden and nothing from Python."""
    for problem in problems:
        for lang in ("zh", "en"):
            text = problem.message(lang)  # type: ignore[arg-type]
            assert not HIDDEN.intersection(text), text
            assert len(text) < 1000
            for python in PYTHON_WORDS:
                assert python not in text, text


# --- numbers --------------------------------------------------------------------------------


def test_huge_numbers_in_every_numeric_column(tmp_path: Path) -> None:
    result = load_report(hostile.huge_numbers(tmp_path, 5000))
    places = {(p.file, p.column, p.code) for p in result.problems}
    assert ("metrics.csv", "value", "number_too_large") in places
    assert ("metrics.csv", "value", "too_many_decimals") in places
    assert ("sections.csv", "order", "number_too_large") in places
    assert ("charts.csv", "order", "number_too_large") in places
    assert ("deck.csv", "zh", "number_too_large") in places  # dwell_seconds
    assert result.report is not None  # the rest still shows
    assert_plain(result.problems)


def test_dwell_seconds_out_of_range(dataset: Dataset) -> None:
    row = dataset.append_row("deck", {"key": "dwell_seconds", "zh": "1"})
    result = dataset.load()
    assert [where(p) for p in result.problems] == [("deck.csv", row, "zh", "out_of_range")]


def test_display_with_thousands_of_digits(dataset: Dataset) -> None:
    row = dataset.set_cell("metrics", "lectures", "display", "6" * 5000 + "万场次")
    result = dataset.load()
    assert ("metrics.csv", row, "display", "bad_display") in {where(p) for p in result.problems}
    assert_plain(result.problems)


number_texts = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\A-?[0-9]{0,30}(\.[0-9]{0,30})?([eE][-+]?[0-9]{1,12})?\Z"),
    st.integers(min_value=0, max_value=10**40).map(str),
)


@settings(max_examples=300, deadline=None)
@given(text=number_texts)
def test_any_number_cell_is_bounded_or_refused(text: str) -> None:
    assume(not any(word in text for word in PYTHON_WORDS))  # a cell may quote them itself
    table = Table(("value",), {2: {"value": text.strip()}})
    cells = Cells(table, "metrics.csv", SCHEMAS["metrics"])
    number = cells.number(2, table.rows[2], "value")
    if number is None:
        assert cells.problems or not text.strip()
        assert_plain(tuple(cells.problems))
    else:
        assert number.is_finite() and 0 <= number < 10**16
        assert float(number) != float("inf")
        assert len(f"{number:f}") < 40


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_visible_text_has_no_hidden_characters(text: str) -> None:
    shown = visible(text)
    assert not HIDDEN.intersection(shown)
    assert len(shown) <= 121 * 8


# --- special files and links ----------------------------------------------------------------


def test_pipe_folder_loop_and_outside_link_are_one_problem_each(tmp_path: Path) -> None:
    folder = hostile.special_files(tmp_path, 10)
    result = load_report(folder)
    assert sorted(where(p) for p in result.problems) == [
        ("charts.csv", None, None, "link_outside"),
        ("deck.csv", None, None, "special_file"),
        ("metrics.csv", None, None, "link_loop"),
        ("sections.csv", None, None, "special_file"),
    ]
    kinds = {p.file: p.message("en") for p in result.problems}
    assert "named pipe" in kinds["deck.csv"]
    assert "folder" in kinds["sections.csv"]
    assert "秘密" not in str([p.message("zh") for p in result.problems])
    assert_plain(result.problems)


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(RefusedFileError) as refused:
        read_plain_file(Path("/dev/zero"), "metrics.csv", 1024)
    assert refused.value.problem.code == "special_file"
    assert "device" in refused.value.problem.message("en")


def test_a_device_linked_as_a_table(tmp_path: Path) -> None:
    result = load_report(hostile.device_as_table(tmp_path, 1))
    assert [where(p) for p in result.problems] == [("metrics.csv", None, None, "link_outside")]


def test_source_file_link_loop(dataset: Dataset) -> None:
    (dataset.folder / "loop.txt").symlink_to("loop.txt")
    row = dataset.set_cell("deck", "source_file", "zh", "loop.txt")
    result = dataset.load()
    assert [where(p) for p in result.problems] == [("deck.csv", row, "zh", "link_loop")]


def test_unreadable_metrics_is_one_problem_not_twenty(dataset: Dataset) -> None:
    dataset.path("metrics").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    result = dataset.load()
    assert [where(p) for p in result.problems] == [("metrics.csv", None, None, "binary")]


def test_oversized_table_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tables, "MAX_FILE_BYTES", 50_000)
    result = load_report(hostile.oversized_csv(tmp_path, 60_000))
    assert [where(p) for p in result.problems] == [("metrics.csv", None, None, "too_large")]


# --- control characters -----------------------------------------------------------------------


def test_control_characters_refused_anywhere_in_any_encoding(tmp_path: Path) -> None:
    folder = hostile.control_characters(tmp_path, 3000)
    before = snapshot(folder)
    result = load_report(folder)
    found = [p for p in result.problems if p.code == "control_characters"]
    assert [(p.file, p.row, p.column) for p in found] == [
        ("sections.csv", 5, "title_zh"),  # UTF-16
        ("metrics.csv", 2, "label_zh"),  # at the start
        ("metrics.csv", 3038, "label_zh"),  # far down the file
    ]
    assert "<U+001B>[2J" in found[2].message("en")
    assert "<U+202E>" in found[0].message("zh")
    assert_plain(result.problems)
    assert snapshot(folder) == before


def test_control_character_in_a_header(dataset: Dataset) -> None:
    rows = dataset.rows("charts")
    rows[0][rows[0].index("title_en")] = "title_en\x07"
    dataset.write("charts", rows)
    result = dataset.load()
    assert [where(p) for p in result.problems] == [("charts.csv", 1, None, "control_characters")]


def test_control_character_in_the_report_text(dataset: Dataset) -> None:
    path = dataset.folder / "report.txt"
    path.write_bytes(path.read_bytes() + "\n尾\x1b[31m".encode())
    result = dataset.load()
    assert "control_characters" in codes(result)
    assert_plain(result.problems)


# --- CSV structure --------------------------------------------------------------------------


def test_quote_not_closed_mid_file_names_the_row(dataset: Dataset) -> None:
    data = dataset.path("charts").read_bytes().splitlines(keepends=True)
    data[3] = b'"x"y,' + data[3]
    dataset.path("charts").write_bytes(b"".join(data))
    result = dataset.load()
    assert [where(p) for p in result.problems] == [("charts.csv", 4, None, "malformed")]
    assert "truncated" not in result.problems[0].message("en")


def test_overlong_cell(tmp_path: Path) -> None:
    result = load_report(hostile.overlong_cell(tmp_path, 140_000))
    assert [where(p) for p in result.problems] == [("metrics.csv", 39, None, "cell_too_long")]
    assert_plain(result.problems)


# --- many rows ------------------------------------------------------------------------------


def test_many_bad_references_are_counted_not_listed(tmp_path: Path) -> None:
    result = load_report(hostile.many_bad_references(tmp_path, 10_000))
    counted = codes(result)
    assert counted["unknown_metric"] == MAX_PER_KIND
    more = [p for p in result.problems if p.code == "more_of_kind"]
    assert len(more) == 1
    assert "19900" in more[0].message("en")  # two unknown ids a row, 100 listed
    assert "no metric with id 'm0'" in more[0].message("en")
    assert result.report is not None


def test_rows_past_the_limit_are_not_read(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tables, "MAX_ROWS", 10)
    result = dataset.load()
    limit = [p for p in result.problems if p.code == "too_many_rows"]
    assert [(p.file, p.row) for p in limit] == [("deck.csv", 12), ("metrics.csv", 12)]


def test_reading_a_fifo_never_blocks(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    with pytest.raises(RefusedFileError):
        read_plain_file(pipe, "pipe.csv", 1024)


@settings(max_examples=60, deadline=None)
@given(
    noise=st.binary(max_size=300),
    where_in=st.sampled_from(["start", "middle", "end"]),
    encoding=st.sampled_from(["utf-8-sig", "utf-16", "gb18030"]),
)
def test_any_bytes_in_a_table_give_plain_problems(
    tmp_path_factory: pytest.TempPathFactory, noise: bytes, where_in: str, encoding: str
) -> None:
    from tests.fixtures.datasets import make_dataset

    dataset = make_dataset(tmp_path_factory.mktemp("fuzz"))
    text = dataset.path("metrics").read_bytes().decode("utf-8-sig").encode(encoding)
    at = {"start": 0, "middle": len(text) // 2, "end": len(text)}[where_in]
    dataset.path("metrics").write_bytes(text[:at] + noise + text[at:])
    result = dataset.load()  # never raises
    assert_plain(result.problems)
