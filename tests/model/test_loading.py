"""Loading datasets: every problem named by file, Excel row and column; the rest still loads."""

from __future__ import annotations

import os
import random
import shutil
import zipfile
from pathlib import Path

import pytest

from fulian_viewer.model.loading import LoadResult, load_report
from fulian_viewer.model.problems import Problem
from tests.fixtures.datasets import (
    BUNDLED,
    TABLES,
    Dataset,
    assert_message_names_place,
    make_dataset,
    snapshot,
    where,
    write_workbook,
)

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture(scope="module")
def bundled() -> LoadResult:
    result = load_report()
    assert result.ok, result.problems
    return result


def only_problem(
    result: LoadResult, file: str, row: int | None, column: str | None, code: str
) -> Problem:
    """The dataset's single problem, checked against its expected place and code."""
    assert [where(p) for p in result.problems] == [(file, row, column, code)], [
        p.message("en") for p in result.problems
    ]
    found = result.problems[0]
    assert_message_names_place(found)
    assert not result.ok
    return found


def has_problem(
    result: LoadResult, file: str, row: int | None, column: str | None, code: str
) -> Problem:
    """One of the dataset's problems, checked against its expected place and code."""
    matches = [p for p in result.problems if where(p) == (file, row, column, code)]
    assert len(matches) == 1, [p.message("en") for p in result.problems]
    assert_message_names_place(matches[0])
    return matches[0]


def metric_ids(result: LoadResult) -> set[str]:
    assert result.report is not None
    return {m.id for m in result.report.metrics}


def chart_ids(result: LoadResult) -> set[str]:
    assert result.report is not None
    return {c.id for c in result.report.charts}


ALL_METRICS = {
    "lectures", "lecture_reach", "online_clicks", "role_models", "lecture_teams",
    "new_field_orgs", "pilot_federations", "women_groups", "rural_training", "demo_bases",
    "skills_contests", "partner_departments", "job_fairs", "jobs_offered", "startup_loans",
    "entrepreneurs", "bayu_sisters", "chuanyu_exchanges", "model_families", "national_families",
    "green_families", "green_share", "family_events", "parenting_lectures",
    "urban_parent_schools", "village_parent_schools", "practice_bases", "volunteer_teams",
    "volunteer_services", "law_sessions", "law_reach", "mediators", "disputes_mediated",
    "relief_raised", "relief_beneficiaries", "children_paired", "counselling_rounds",
}  # fmt: skip


def test_the_bundled_dataset_loads_cleanly(bundled: LoadResult) -> None:
    assert bundled.problems == ()
    assert metric_ids(bundled) == ALL_METRICS
    assert len(chart_ids(bundled)) == 7


def test_an_unedited_copy_loads_like_the_bundled_data(
    dataset: Dataset, bundled: LoadResult
) -> None:
    result = dataset.load()
    assert result.ok
    assert result.report == bundled.report


# --- One problem each --------------------------------------------------------------------


def test_missing_required_column(dataset: Dataset) -> None:
    dataset.drop_column("charts", "title_zh")
    result = dataset.load()
    problem = only_problem(result, "charts.csv", 1, "title_zh", "missing_column")
    assert "title_zh" in problem.text("zh") and "title_zh" in problem.text("en")
    # The charts table cannot be read without it; everything else still shows.
    assert result.report is not None
    assert result.report.charts == ()
    assert metric_ids(result) == ALL_METRICS


def test_missing_required_metric_column_is_named(dataset: Dataset) -> None:
    dataset.drop_column("metrics", "unit")
    result = dataset.load()
    has_problem(result, "metrics.csv", 1, "unit", "missing_column")


def test_a_metrics_table_without_ids_is_told_once_not_per_reference(dataset: Dataset) -> None:
    rows = dataset.rows("metrics")
    rows[0][rows[0].index("id")] = "编号"
    dataset.write("metrics", rows)
    result = dataset.load()
    assert sorted(p.code for p in result.problems) == ["missing_column", "unknown_column"]
    assert result.report is None


@pytest.mark.parametrize("header", ["ID", " Id ", "ｉｄ"])
def test_a_retyped_header_is_read_as_the_column(
    dataset: Dataset, bundled: LoadResult, header: str
) -> None:
    rows = dataset.rows("metrics")
    rows[0][rows[0].index("id")] = header
    rows[0][rows[0].index("label_zh")] = "Label ZH"
    dataset.write("metrics", rows)
    result = dataset.load()
    assert result.ok, [p.message("en") for p in result.problems]
    assert metric_ids(result) == metric_ids(bundled)


def test_unknown_column(dataset: Dataset) -> None:
    dataset.add_column("metrics", "remarks", "note")
    result = dataset.load()
    problem = only_problem(result, "metrics.csv", 1, "remarks", "unknown_column")
    # The message lists the columns that are allowed.
    assert "label_zh" in problem.text("en") and "scorecard" in problem.text("zh")
    assert metric_ids(result) == ALL_METRICS


def test_empty_required_cell(dataset: Dataset) -> None:
    row = dataset.set_cell("metrics", "lectures", "label_zh", "")
    result = dataset.load()
    only_problem(result, "metrics.csv", row, "label_zh", "empty_cell")
    assert metric_ids(result) == ALL_METRICS - {"lectures"}


def test_empty_optional_cell_is_fine(dataset: Dataset) -> None:
    dataset.set_cell("metrics", "lectures", "label_en", "")
    dataset.set_cell("metrics", "lectures", "headline", "")
    result = dataset.load()
    assert result.ok
    assert result.report is not None
    lectures = next(m for m in result.report.metrics if m.id == "lectures")
    assert lectures.label("en") == lectures.label.zh == "主题宣讲"
    assert lectures.headline is False


@pytest.mark.parametrize("text", ["6.6万", "abc", "66000个", "1e5x"])
def test_non_numeric_value(dataset: Dataset, text: str) -> None:
    row = dataset.set_cell("metrics", "lectures", "value", text)
    result = dataset.load()
    problem = only_problem(result, "metrics.csv", row, "value", "not_a_number")
    assert text in problem.message("zh") and text in problem.message("en")
    assert metric_ids(result) == ALL_METRICS - {"lectures"}


def test_infinite_value(dataset: Dataset) -> None:
    row = dataset.set_cell("metrics", "lectures", "value", "Infinity")
    result = dataset.load()
    only_problem(result, "metrics.csv", row, "value", "not_finite")


def test_negative_value(dataset: Dataset) -> None:
    row = dataset.set_cell("metrics", "lectures", "value", "-66000")
    result = dataset.load()
    problem = only_problem(result, "metrics.csv", row, "value", "negative")
    assert "-66000" in problem.message("en")
    assert metric_ids(result) == ALL_METRICS - {"lectures"}


def test_percentage_over_100(dataset: Dataset) -> None:
    dataset.set_cell("metrics", "green_share", "display", "170%")
    row = dataset.set_cell("metrics", "green_share", "value", "170")
    result = dataset.load()
    only_problem(result, "metrics.csv", row, "value", "percent_over_100")
    assert metric_ids(result) == ALL_METRICS - {"green_share"}
    # Its ring chart keeps the two percentages that are sound.
    assert result.report is not None
    ring = next(c for c in result.report.charts if c.id == "family_share")
    assert [m.id for m in ring.metrics] == ["urban_parent_schools", "village_parent_schools"]


def test_display_disagreeing_with_value(dataset: Dataset) -> None:
    assert dataset.cell("metrics", "lectures", "display") == "6.6万场次"
    row = dataset.set_cell("metrics", "lectures", "value", "6600")
    result = dataset.load()
    problem = only_problem(result, "metrics.csv", row, "display", "display_mismatch")
    for lang in ("zh", "en"):
        assert "6.6万场次" in problem.message(lang)  # type: ignore[arg-type]
        assert "66000" in problem.message(lang)  # type: ignore[arg-type]
        assert "6600" in problem.message(lang)  # type: ignore[arg-type]
    assert metric_ids(result) == ALL_METRICS - {"lectures"}


def test_display_unit_not_the_unit_column(dataset: Dataset) -> None:
    row = dataset.set_cell("metrics", "lectures", "unit", "场")
    result = dataset.load()
    problem = only_problem(result, "metrics.csv", row, "display", "display_unit")
    assert "场次" in problem.text("en") and "'场'" in problem.text("en")


def test_percent_display_needs_percent_unit(dataset: Dataset) -> None:
    row = dataset.set_cell("metrics", "green_share", "unit", "个")
    result = dataset.load()
    only_problem(result, "metrics.csv", row, "unit", "percent_unit")


def test_duplicate_metric_id(dataset: Dataset) -> None:
    first = dataset.row_of("metrics", "role_models")
    row = dataset.set_cell("metrics", "lecture_teams", "id", "role_models")
    result = dataset.load()
    problem = only_problem(result, "metrics.csv", row, "id", "duplicate_id")
    assert f"row {first}" in problem.text("en")
    assert f"第 {first} 行" in problem.text("zh")
    # The first row with the id is kept, the repeat left out.
    assert result.report is not None
    kept = next(m for m in result.report.metrics if m.id == "role_models")
    assert kept.display == "1.7万个"
    assert metric_ids(result) == ALL_METRICS - {"lecture_teams"}


def test_duplicate_section_id(dataset: Dataset) -> None:
    first = dataset.row_of("sections", "rights")
    row = dataset.copy_row("sections", "rights", order="5", title_zh="另一个部分")
    result = dataset.load()
    problem = only_problem(result, "sections.csv", row, "id", "duplicate_id")
    assert f"row {first}" in problem.text("en")
    assert result.report is not None
    assert [s.title.zh for s in result.report.sections].count("另一个部分") == 0


def test_duplicate_chart_id(dataset: Dataset) -> None:
    first = dataset.row_of("charts", "guidance_reach")
    row = dataset.copy_row("charts", "guidance_reach", title_zh="重复的图表")
    result = dataset.load()
    problem = only_problem(result, "charts.csv", row, "id", "duplicate_id")
    assert f"row {first}" in problem.text("en")
    assert result.report is not None
    assert [c.id for c in result.report.charts].count("guidance_reach") == 1


def test_chart_naming_an_unknown_metric(dataset: Dataset) -> None:
    row = dataset.set_cell(
        "charts", "guidance_reach", "metrics", "lecture_reach;online_clicks;no_such"
    )
    result = dataset.load()
    problem = only_problem(result, "charts.csv", row, "metrics", "unknown_metric")
    assert "no_such" in problem.message("zh") and "no_such" in problem.message("en")


def test_chart_mixing_units(dataset: Dataset) -> None:
    row = dataset.set_cell("charts", "guidance_reach", "metrics", "lecture_reach;startup_loans")
    result = dataset.load()
    problem = only_problem(result, "charts.csv", row, "metrics", "mixed_units")
    assert "人次" in problem.text("en") and "元" in problem.text("en")
    assert chart_ids(result) == {
        "guidance_network", "development_training", "development_jobs",
        "family_share", "family_events", "rights_people",
    }  # fmt: skip


def test_ring_chart_of_non_percentages(dataset: Dataset) -> None:
    row = dataset.set_cell("charts", "guidance_reach", "type", "ring")
    result = dataset.load()
    only_problem(result, "charts.csv", row, "type", "ring_not_percent")
    assert "guidance_reach" not in chart_ids(result)


def test_unknown_chart_type(dataset: Dataset) -> None:
    row = dataset.set_cell("charts", "guidance_reach", "type", "pie")
    result = dataset.load()
    problem = only_problem(result, "charts.csv", row, "type", "unknown_chart_type")
    assert "pie" in problem.text("en") and "ring" in problem.text("en")


def test_chart_type_is_case_insensitive(dataset: Dataset) -> None:
    dataset.set_cell("charts", "guidance_reach", "type", "BAR")
    result = dataset.load()
    assert result.ok
    assert result.report is not None
    assert next(c for c in result.report.charts if c.id == "guidance_reach").type == "bar"


def test_section_with_no_metrics(dataset: Dataset) -> None:
    row = dataset.append_row("sections", {"order": "5", "id": "extra", "title_zh": "空的部分"})
    result = dataset.load()
    problem = only_problem(result, "sections.csv", row, "id", "section_without_metrics")
    assert "extra" in problem.text("zh")
    assert result.report is not None
    assert [s.id for s in result.report.sections] == ["guidance", "development", "family", "rights"]


def test_metric_with_unknown_section(dataset: Dataset) -> None:
    row = dataset.set_cell("metrics", "lectures", "section", "nosuch")
    result = dataset.load()
    problem = only_problem(result, "metrics.csv", row, "section", "unknown_section")
    assert "nosuch" in problem.text("en")
    assert metric_ids(result) == ALL_METRICS - {"lectures"}


@pytest.mark.parametrize(
    ("column", "text", "code"), [("title_zh", "", "empty_cell"), ("order", "first", "not_a_number")]
)
def test_section_row_with_a_problem_does_not_orphan_its_metrics(
    dataset: Dataset, column: str, text: str, code: str
) -> None:
    # The section exists but is left out for its own problem: its metrics and charts
    # must not be reported as naming a section that does not exist.
    row = dataset.set_cell("sections", "rights", column, text)
    result = dataset.load()
    only_problem(result, "sections.csv", row, column, code)
    assert result.report is not None
    assert [s.id for s in result.report.sections] == ["guidance", "development", "family"]


def test_bad_yes_no_flag(dataset: Dataset) -> None:
    row = dataset.set_cell("metrics", "lectures", "headline", "maybe")
    result = dataset.load()
    problem = only_problem(result, "metrics.csv", row, "headline", "bad_flag")
    assert "maybe" in problem.text("zh")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("是", True), ("否", False), ("YES", True), ("no", False), ("1", True), ("", False)],
)
def test_yes_no_flags(dataset: Dataset, text: str, expected: bool) -> None:
    dataset.set_cell("metrics", "lectures", "scorecard", text)
    result = dataset.load()
    assert result.ok
    assert result.report is not None
    lectures = next(m for m in result.report.metrics if m.id == "lectures")
    assert lectures.scorecard is expected


def test_source_sentence_not_in_the_report(dataset: Dataset) -> None:
    row = dataset.set_cell("metrics", "lectures", "source", "开展主题宣讲6.6万场次。")
    result = dataset.load()
    only_problem(result, "metrics.csv", row, "source", "source_not_in_text")
    assert metric_ids(result) == ALL_METRICS - {"lectures"}


def test_display_not_in_the_source_sentence(dataset: Dataset) -> None:
    dataset.set_cell("metrics", "lectures", "display", "7.6万场次")
    row = dataset.set_cell("metrics", "lectures", "value", "76000")
    result = dataset.load()
    problem = only_problem(result, "metrics.csv", row, "display", "display_not_in_source")
    assert "7.6万场次" in problem.text("en")


@pytest.mark.parametrize("text", ["场次6.6万", "06.6万场次", "N/A", "--"])
def test_display_that_is_not_a_figure(dataset: Dataset, text: str) -> None:
    row = dataset.set_cell("metrics", "lectures", "display", text)
    result = dataset.load()
    problem = only_problem(result, "metrics.csv", row, "display", "bad_display")
    assert text in problem.text("zh") and text in problem.text("en")


@pytest.mark.parametrize("bad_id", ["有 空格", "a.b", "x/y"])
def test_bad_metric_id(dataset: Dataset, bad_id: str) -> None:
    row = dataset.set_cell("metrics", "lectures", "id", bad_id)
    result = dataset.load()
    only_problem(result, "metrics.csv", row, "id", "bad_id")


# --- Whole-file problems ---------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\r\n\r\n  \r\n"])
def test_empty_file(dataset: Dataset, content: bytes) -> None:
    dataset.path("charts").write_bytes(content)
    result = dataset.load()
    only_problem(result, "charts.csv", None, None, "empty_file")
    assert result.report is not None
    assert metric_ids(result) == ALL_METRICS


@pytest.mark.parametrize("table", TABLES)
def test_empty_file_in_any_table_is_named(dataset: Dataset, table: str) -> None:
    dataset.path(table).write_bytes(b"")
    result = dataset.load()
    has_problem(result, f"{table}.csv", None, None, "empty_file")


def test_header_only_file(dataset: Dataset) -> None:
    header = dataset.rows("charts")[0]
    dataset.write("charts", [header])
    result = dataset.load()
    only_problem(result, "charts.csv", None, None, "no_rows")
    assert result.report is not None
    assert result.report.charts == ()


def test_header_only_metrics_file(dataset: Dataset) -> None:
    dataset.write("metrics", [dataset.rows("metrics")[0]])
    result = dataset.load()
    has_problem(result, "metrics.csv", None, None, "no_rows")
    assert result.report is None


def _last_row_offsets(data: bytes) -> list[int]:
    """Byte offsets inside the last row: mid-character, mid-ASCII, just after a comma."""
    start = data.rindex(b"\r\n", 0, len(data) - 2) + 2
    row = data[start:]
    comma = row.index(b",")
    label = row.index("全覆盖".encode())
    value = row.index(b",5,") + 1
    return [start + comma + 3, start + label + 1, start + label + 4, start + value + 1]


@pytest.mark.parametrize("which", range(4))
def test_truncated_file(dataset: Dataset, which: int) -> None:
    data = dataset.path("metrics").read_bytes()
    row = len(dataset.rows("metrics"))
    dataset.path("metrics").write_bytes(data[: _last_row_offsets(data)[which]])
    result = dataset.load()
    problem = has_problem(result, "metrics.csv", row, None, "truncated_row")
    assert "11" in problem.text("en")
    # The cut row is left out; the rows before it load.
    assert metric_ids(result) == ALL_METRICS - {"counselling_rounds"}
    assert {p.code for p in result.problems} <= {"truncated_row", "empty_cell"}
    assert all(p.row == row for p in result.problems)


def test_truncated_inside_a_quoted_cell(dataset: Dataset) -> None:
    data = dataset.path("metrics").read_bytes()
    cut = data.index(b'"Piloted in health') + 10
    dataset.path("metrics").write_bytes(data[:cut])
    result = dataset.load()
    problem = has_problem(result, "metrics.csv", 8, None, "ends_in_quote")
    assert "incomplete" in problem.text("en")


def test_truncated_report_text_is_still_read_as_utf8(dataset: Dataset) -> None:
    text = (dataset.folder / "report.txt").read_bytes()
    # Cut in the middle of the last Chinese character of the report.
    cut = text.rindex("单".encode()) + 1
    (dataset.folder / "report.txt").write_bytes(text[:cut])
    result = dataset.load()
    assert "encoding" not in {p.code for p in result.problems}
    assert result.ok


def _zip_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return path.read_bytes()


@pytest.mark.parametrize("kind", ["png", "zip"])
def test_binary_file(dataset: Dataset, tmp_path: Path, kind: str) -> None:
    content = PNG_BYTES if kind == "png" else _zip_bytes(tmp_path)
    dataset.path("metrics").write_bytes(content)
    result = dataset.load()
    has_problem(result, "metrics.csv", None, None, "binary")
    dataset.path("metrics").write_bytes(BUNDLED.joinpath("metrics.csv").read_bytes())
    dataset.path("charts").write_bytes(content)
    only_problem(dataset.load(), "charts.csv", None, None, "binary")


def test_control_characters_mean_binary(dataset: Dataset) -> None:
    dataset.path("charts").write_bytes(b"section,id\x01\x02\x03,type\r\n")
    only_problem(dataset.load(), "charts.csv", None, None, "binary")


CHARTS_HEADER = "section,id,type,title_zh,metrics\r\n"


@pytest.mark.parametrize(
    "content",
    [
        (CHARTS_HEADER + "guidance,café,bar,Façade naïve résumé,lectures\r\n").encode("cp1252"),
        bytes(random.Random(20240501).choices(range(0x80, 0x100), k=600)),
        "section,id,type,title_zh,metrics\r\nguidance,x,bar,Привет мир,lectures\r\n".encode(
            "koi8_r"
        ),
    ],
    ids=["cp1252", "random-bytes", "koi8-r"],
)
def test_undecodable_encoding(dataset: Dataset, content: bytes) -> None:
    dataset.path("charts").write_bytes(content)
    result = dataset.load()
    problem = only_problem(result, "charts.csv", None, None, "encoding")
    assert "UTF-8" in problem.text("zh") and "UTF-8" in problem.text("en")


def test_missing_file(dataset: Dataset) -> None:
    dataset.path("charts").unlink()
    result = dataset.load()
    problem = only_problem(result, "charts.csv", None, None, "missing_file")
    assert str(dataset.path("charts")) in problem.text("en")


def test_missing_report_text(dataset: Dataset) -> None:
    (dataset.folder / "report.txt").unlink()
    result = dataset.load()
    only_problem(result, "report.txt", None, None, "not_found")


def test_path_that_does_not_exist(tmp_path: Path) -> None:
    result = load_report(tmp_path / "nowhere")
    assert result.report is None
    assert result.problems[0].code == "not_found"
    assert str(tmp_path / "nowhere") in result.problems[0].message("en")


def test_a_plain_file_is_not_a_dataset(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    result = load_report(path)
    assert result.report is None
    assert result.problems[0].code == "not_a_dataset"


# --- The report's text file ------------------------------------------------------------------


def _outside_file(tmp_path: Path) -> Path:
    outside = tmp_path / "outside" / "report.txt"
    outside.parent.mkdir()
    shutil.copyfile(BUNDLED / "report.txt", outside)
    return outside


@pytest.mark.parametrize(
    "path",
    [
        "../outside/report.txt",
        "ABSOLUTE",
        "C:\\x.txt",
        "C:report.txt",
        "\\\\server\\share\\x.txt",
        "..\\outside\\report.txt",
    ],
)
def test_source_file_outside_the_data_folder(dataset: Dataset, tmp_path: Path, path: str) -> None:
    outside = _outside_file(tmp_path)
    if path == "ABSOLUTE":
        path = str(outside)
    row = dataset.set_cell("deck", "source_file", "zh", path)
    result = dataset.load()
    problem = only_problem(result, "deck.csv", row, "zh", "path_outside")
    assert path in problem.text("zh") and path in problem.text("en")
    # Without the text, metrics cannot be checked against it but still show.
    assert metric_ids(result) == ALL_METRICS


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_source_file_symlink_escaping_the_folder(dataset: Dataset, tmp_path: Path) -> None:
    outside = _outside_file(tmp_path)
    link = dataset.folder / "linked.txt"
    try:
        link.symlink_to(outside)
    except OSError:
        pytest.skip("cannot create symlinks here")
    row = dataset.set_cell("deck", "source_file", "zh", "linked.txt")
    result = dataset.load()
    only_problem(result, "deck.csv", row, "zh", "path_outside")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_source_file_symlink_inside_the_folder_is_fine(dataset: Dataset) -> None:
    (dataset.folder / "texts").mkdir()
    shutil.move(dataset.folder / "report.txt", dataset.folder / "texts" / "report.txt")
    try:
        (dataset.folder / "linked.txt").symlink_to(dataset.folder / "texts" / "report.txt")
    except OSError:
        pytest.skip("cannot create symlinks here")
    dataset.set_cell("deck", "source_file", "zh", "linked.txt")
    assert dataset.load().ok


def test_source_file_in_a_subfolder(dataset: Dataset) -> None:
    (dataset.folder / "texts").mkdir()
    shutil.move(dataset.folder / "report.txt", dataset.folder / "texts" / "全文.txt")
    dataset.set_cell("deck", "source_file", "zh", "texts\\全文.txt")
    result = dataset.load()
    assert result.ok, [p.message("en") for p in result.problems]


# --- Accepted variations ---------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8", "utf-16"])
def test_other_encodings_load_identically(
    dataset: Dataset, bundled: LoadResult, encoding: str
) -> None:
    for table in TABLES:
        dataset.recode(table, encoding)
    result = dataset.load()
    assert result.problems == ()
    assert result.report == bundled.report
    names = {"gb18030": "GB18030", "utf-8": "UTF-8", "utf-16": "UTF-16"}
    assert result.encodings == {f"{t}.csv": names[encoding] for t in TABLES}


def test_report_text_in_gb18030(dataset: Dataset, bundled: LoadResult) -> None:
    path = dataset.folder / "report.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    result = dataset.load()
    assert result.ok
    assert result.report == bundled.report


def test_lf_line_ends_and_trailing_blank_lines(dataset: Dataset, bundled: LoadResult) -> None:
    for table in TABLES:
        path = dataset.path(table)
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n") + b"\n\n,,,\n")
    result = dataset.load()
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.report == bundled.report


def test_full_width_digits_and_thousands_separators(dataset: Dataset, bundled: LoadResult) -> None:
    dataset.set_cell("metrics", "lectures", "value", "６６０００")
    dataset.set_cell("metrics", "lecture_reach", "value", "23,200,000")
    dataset.set_cell("metrics", "startup_loans", "value", " 9 749 000 000 ")
    dataset.set_cell("metrics", "green_share", "value", "70.0")
    result = dataset.load()
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.report is not None
    loaded = {m.id: m.value for m in result.report.metrics}
    assert loaded == {m.id: m.value for m in bundled.report.metrics}  # type: ignore[union-attr]


def test_blank_rows_keep_excel_row_numbers(dataset: Dataset) -> None:
    rows = dataset.rows("metrics")
    rows.insert(3, [""] * len(rows[0]))  # a blank row 4 in Excel
    dataset.write("metrics", rows)
    row = dataset.set_cell("metrics", "counselling_rounds", "value", "x")
    assert row == len(rows)
    result = dataset.load()
    only_problem(result, "metrics.csv", row, "value", "not_a_number")


def test_markup_in_labels_is_kept_literally(dataset: Dataset) -> None:
    dataset.set_cell("metrics", "lectures", "label_zh", "<b>x</b>")
    dataset.set_cell("metrics", "lectures", "label_en", "<img src=x>")
    dataset.set_cell("charts", "guidance_reach", "title_zh", "<script>alert(1)</script>&amp;")
    result = dataset.load()
    assert result.ok
    assert result.report is not None
    lectures = next(m for m in result.report.metrics if m.id == "lectures")
    assert lectures.label.zh == "<b>x</b>"
    assert lectures.label("en") == "<img src=x>"
    chart = next(c for c in result.report.charts if c.id == "guidance_reach")
    assert chart.title.zh == "<script>alert(1)</script>&amp;"


def test_chart_metric_lists_accept_several_separators(dataset: Dataset) -> None:
    dataset.set_cell(
        "charts", "guidance_network", "metrics", "women_groups，new_field_orgs、 pilot_federations"
    )
    result = dataset.load()
    assert result.ok
    assert result.report is not None
    chart = next(c for c in result.report.charts if c.id == "guidance_network")
    assert [m.id for m in chart.metrics] == ["women_groups", "new_field_orgs", "pilot_federations"]


# --- Workbooks -----------------------------------------------------------------------------------


def test_workbook_loads_like_the_csv_folder(
    dataset: Dataset, tmp_path: Path, bundled: LoadResult
) -> None:
    book = write_workbook(dataset, tmp_path / "book" / "数据.xlsx")
    result = load_report(book)
    assert result.problems == ()
    assert result.report is not None
    assert result.report.metrics == bundled.report.metrics  # type: ignore[union-attr]
    assert result.report == bundled.report


def test_workbook_problem_names_sheet_and_excel_row(dataset: Dataset, tmp_path: Path) -> None:
    row = dataset.set_cell("metrics", "startup_loans", "value", "-1")
    book = write_workbook(dataset, tmp_path / "book" / "data.xlsx")
    result = load_report(book)
    only_problem(result, "data.xlsx:metrics", row, "value", "negative")
    assert metric_ids(result) == ALL_METRICS - {"startup_loans"}


def test_workbook_missing_a_sheet(dataset: Dataset, tmp_path: Path) -> None:
    book = write_workbook(dataset, tmp_path / "book" / "data.xlsx", skip=["charts"])
    result = load_report(book)
    problem = only_problem(result, "data.xlsx", None, None, "missing_sheet")
    assert "charts" in problem.message("zh") and "charts" in problem.message("en")
    assert metric_ids(result) == ALL_METRICS


def test_a_sheet_renamed_in_chinese_is_named_with_the_sheets_found(
    dataset: Dataset, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    book = write_workbook(dataset, tmp_path / "book" / "data.xlsx")
    workbook = load_workbook(book)
    workbook["metrics"].title = "指标"
    workbook.save(book)
    problem = only_problem(load_report(book), "data.xlsx", None, None, "missing_sheet")
    assert "“metrics”（工作簿中的工作表：deck、sections、指标、charts）" in problem.message("zh")
    assert "its sheets: deck, sections, 指标, charts" in problem.message("en")


def test_damaged_workbook(tmp_path: Path) -> None:
    book = tmp_path / "data.xlsx"
    book.write_bytes(PNG_BYTES)
    result = load_report(book)
    assert result.report is None
    problem = result.problems[0]
    assert (problem.file, problem.code) == ("data.xlsx", "bad_workbook")
    assert "Traceback" not in problem.message("en")


# --- Several problems, and read-only ------------------------------------------------------------


def _three_errors(dataset: Dataset) -> list[tuple[str, int | None, str | None, str]]:
    metric_row = dataset.set_cell("metrics", "job_fairs", "value", "abc")
    chart_row = dataset.set_cell("charts", "family_events", "type", "pie")
    deck_row = dataset.append_row("deck", {"key": "colour", "zh": "红"})
    return [
        ("deck.csv", deck_row, "key", "unknown_deck_key"),
        ("metrics.csv", metric_row, "value", "not_a_number"),
        ("charts.csv", chart_row, "type", "unknown_chart_type"),
    ]


def test_all_problems_are_reported_at_once(dataset: Dataset) -> None:
    expected = _three_errors(dataset)
    result = dataset.load()
    assert sorted(where(p) for p in result.problems) == sorted(expected)  # type: ignore[type-var]
    for problem in result.problems:
        assert_message_names_place(problem)
    # Everything else still loads.
    assert metric_ids(result) == ALL_METRICS - {"job_fairs"}
    assert "family_events" not in chart_ids(result)
    assert len(chart_ids(result)) == 6


def test_loading_is_read_only(dataset: Dataset, tmp_path: Path) -> None:
    _three_errors(dataset)
    book = write_workbook(make_dataset(tmp_path, "clean"), tmp_path / "book" / "data.xlsx")
    for folder, target in ((dataset.folder, dataset.folder), (book.parent, book)):
        before = snapshot(folder)
        load_report(target)
        load_report(target)
        assert snapshot(folder) == before


def test_loading_the_bundled_data_is_read_only() -> None:
    before = snapshot(BUNDLED)
    assert load_report().ok
    assert snapshot(BUNDLED) == before


def test_loading_a_bad_file_is_read_only(dataset: Dataset) -> None:
    dataset.path("metrics").write_bytes(PNG_BYTES)
    dataset.path("charts").write_bytes(b"")
    before = snapshot(dataset.folder)
    dataset.load()
    assert snapshot(dataset.folder) == before
