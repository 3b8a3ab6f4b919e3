"""``fulian-viewer check``: a plain summary when valid, every problem when not, or JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from fulian_viewer.check import EXIT_INVALID, EXIT_OK, run_check, run_check_config, summary
from fulian_viewer.model.loading import bundled_data_path, load_report
from fulian_viewer.model.pin import PUBLISHED_PIN_HASHES, hash_pin
from tests.fixtures.datasets import Dataset, make_dataset


def check(data: Path | None, lang: str = "zh", as_json: bool = False) -> tuple[int, str]:
    out = io.StringIO()
    code = run_check(data, lang, as_json, out)  # type: ignore[arg-type]
    return code, out.getvalue()


@pytest.fixture
def bad(tmp_path: Path) -> Dataset:
    """A dataset with three problems in three files."""
    dataset = make_dataset(tmp_path)
    dataset.set_cell("metrics", "job_fairs", "value", "abc")
    dataset.set_cell("charts", "family_events", "type", "pie")
    dataset.append_row("deck", {"key": "colour", "zh": "红"})
    return dataset


def test_bundled_data_is_valid_in_chinese() -> None:
    code, text = check(None)
    assert code == EXIT_OK == 0
    assert f"数据：{bundled_data_path()}" in text
    assert "✓ 数据有效：4 个部分，37 个指标，7 个图表。" in text
    assert "metrics.csv：UTF-8（带 BOM）" in text
    assert "✗" not in text


def test_bundled_data_is_valid_in_english() -> None:
    code, text = check(None, "en")
    assert code == 0
    assert "✓ The data is valid: 4 sections, 37 metrics, 7 charts." in text
    assert "metrics.csv: UTF-8 with BOM" in text
    assert text.endswith("\n")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_dataset_lists_every_problem(bad: Dataset, lang: str) -> None:
    code, text = check(bad.folder, lang)
    assert code == EXIT_INVALID == 2
    problems = load_report(bad.folder).problems
    assert len(problems) == 3
    for problem in problems:
        assert f"  • {problem.message(lang)}" in text  # type: ignore[arg-type]
    if lang == "zh":
        assert "✗ 发现 3 个问题：" in text
        assert "仍可显示：4 个部分，36 个指标，6 个图表。" in text
        assert "请按以上提示修改表格后，再运行一次 check。" in text
    else:
        assert "✗ Found 3 problem(s):" in text
        assert "Still usable: 4 sections, 36 metrics, 6 charts." in text
        assert "run check again" in text
    assert "✓" not in text


def test_bad_dataset_names_file_row_and_column(bad: Dataset) -> None:
    row = bad.row_of("metrics", "job_fairs")
    _, text = check(bad.folder, "en")
    assert f"metrics.csv, row {row}, column 'value': 'abc' is not a number" in text
    _, text = check(bad.folder, "zh")
    assert f"metrics.csv，第 {row} 行，列“value”：“abc”不是数字" in text


@pytest.mark.parametrize(
    ("lang", "nothing"), [("zh", "没有可以显示的内容。"), ("en", "Nothing can be shown.")]
)
def test_nothing_usable(tmp_path: Path, lang: str, nothing: str) -> None:
    code, text = check(tmp_path / "missing", lang)
    assert code == 2
    assert nothing in text
    assert str(tmp_path / "missing") in text


def test_json_output_of_the_bundled_data() -> None:
    code, text = check(None, as_json=True)
    assert code == 0
    data = json.loads(text)
    assert data["valid"] is True
    assert data["problems"] == []
    assert data["path"] == str(bundled_data_path())
    assert data["deck"]["title"]["zh"] == "巴渝巾帼心向党 砥砺奋进新征程"
    assert len(data["sections"]) == 4
    metrics = [m for s in data["sections"] for m in s["metrics"]]
    assert len(metrics) == 37
    for m in metrics:
        assert {"id", "value", "unit", "display", "source", "label", "qualifier"} <= set(m)
        assert m["label"]["zh"] and m["label"]["en"]
        assert m["display"] in m["source"]
        assert isinstance(m["value"], int | float)
    by_id = {m["id"]: m for m in metrics}
    assert by_id["startup_loans"]["value"] == 9_749_000_000
    assert by_id["startup_loans"]["display"] == "97.49亿元"
    assert by_id["startup_loans"]["unit"] == "元"
    assert by_id["demo_bases"]["qualifier"] == "余"
    assert by_id["green_share"]["value"] == 70
    charts = [c for s in data["sections"] for c in s["charts"]]
    assert len(charts) == 7
    for chart in charts:
        assert chart["metrics"]
        assert all(metric_id in by_id for metric_id in chart["metrics"])
        assert {by_id[metric_id]["unit"] for metric_id in chart["metrics"]} == {chart["unit"]}
    reach = next(c for c in charts if c["id"] == "guidance_reach")
    assert reach["metrics"] == ["lecture_reach", "online_clicks"]
    assert reach["type"] == "bar"


def test_json_keeps_chinese_readable() -> None:
    _, text = check(None, as_json=True)
    assert "97.49亿元" in text
    assert "\\u4ebf" not in text


def test_json_output_of_a_bad_dataset(bad: Dataset) -> None:
    code, text = check(bad.folder, "en", as_json=True)
    assert code == 2
    data = json.loads(text)
    assert data["valid"] is False
    assert len(data["problems"]) == 3
    codes = {p["code"] for p in data["problems"]}
    assert codes == {"not_a_number", "unknown_chart_type", "unknown_deck_key"}
    value = next(p for p in data["problems"] if p["code"] == "not_a_number")
    assert value["file"] == "metrics.csv"
    assert value["row"] == bad.row_of("metrics", "job_fairs")
    assert value["column"] == "value"
    assert value["message"].startswith(f"metrics.csv, row {value['row']}")
    assert sum(len(s["metrics"]) for s in data["sections"]) == 36


def test_summary_matches_run_check(bad: Dataset) -> None:
    result = load_report(bad.folder)
    _, text = check(bad.folder, "en")
    assert summary(result, "en") == text


# --- check --config: a kiosk configuration, then the data it names -----------------------


def check_config(
    path: Path, data: Path | None = None, lang: str = "en", as_json: bool = False
) -> tuple[int, str]:
    out = io.StringIO()
    code = run_check_config(path, data, lang, as_json, out)  # type: ignore[arg-type]
    return code, out.getvalue()


def test_sound_config_and_its_data_pass(tmp_path: Path) -> None:
    make_dataset(tmp_path, "数据")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'kiosk = true\ndata = "数据"\npin_hash = "{hash_pin("5173")}"\n', "utf-8")
    code, text = check_config(config)
    assert code == EXIT_OK, text
    assert "✓ The configuration is sound." in text
    assert f"Data: {tmp_path / '数据'}" in text and "The data is valid" in text


def test_config_problems_are_listed_by_key(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    published = PUBLISHED_PIN_HASHES[0]
    config.write_text(f'lang = "fr"\ndwell_seconds = 1\npin_hash = "{published}"\n', "utf-8")
    code, text = check_config(config)
    assert code == EXIT_INVALID
    assert "Found 3 problem(s) in the configuration" in text
    for key in ("lang", "dwell_seconds", "pin_hash"):
        assert f"key '{key}'" in text
    assert "staff exit is disabled" in text
    assert "The data is valid" in text  # no data named: the bundled report


def test_missing_pin_is_listed(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("kiosk = true\n", "utf-8")
    code, text = check_config(config, lang="zh")
    assert code == EXIT_INVALID
    assert "项目“pin_hash”：未设置工作人员 PIN" in text


def test_config_names_bad_data(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    dataset.set_cell("metrics", "job_fairs", "value", "abc")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data = "data"\npin_hash = "{hash_pin("5173")}"\n', "utf-8")
    code, text = check_config(config)
    assert code == EXIT_INVALID
    assert "✓ The configuration is sound." in text and "metrics.csv" in text


def test_unreadable_config_and_json(tmp_path: Path) -> None:
    code, text = check_config(tmp_path / "missing.toml", as_json=True)
    assert code == EXIT_INVALID
    report = json.loads(text)
    keys = [problem["key"] for problem in report["config"]["problems"]]
    assert keys == [None], "a file not read has no PIN to judge"
    assert report["data"]["valid"] is True


def test_check_lists_a_glyph_warning_and_stays_valid(tmp_path: Path) -> None:
    from tests.fixtures.datasets import make_dataset

    dataset = make_dataset(tmp_path)
    row = dataset.set_cell("metrics", "lectures", "label_zh", "主题宣讲𠀀")
    code, text = check(dataset.folder, "en")
    assert code == 0
    assert "warning" in text
    assert f"metrics.csv, row {row}, column 'label_zh'" in text
    assert "U+20000" in text


def test_check_shows_control_characters_visibly(tmp_path: Path) -> None:
    from tests.fixtures.datasets import make_dataset

    dataset = make_dataset(tmp_path)
    dataset.set_cell("metrics", "lectures", "label_zh", "\x1b]0;owned\x07主题宣讲")
    code, text = check(dataset.folder, "en")
    assert code == 2
    assert "\x1b" not in text and "\x07" not in text
    assert "<U+001B>]0;owned<U+0007>" in text


def test_a_data_path_with_control_characters_is_shown_visibly(tmp_path: Path) -> None:
    code, text = check(tmp_path / "数据\x1b[2J", "en")
    assert code == 2
    assert "\x1b" not in text
    assert "数据<U+001B>[2J" in text


@pytest.mark.parametrize(
    ("lang", "valid", "invalid"),
    [
        ("zh", "个提醒（数据仍然有效）", "另有 1 个提醒（单凭这些提醒，数据不会被拒绝"),
        ("en", "warning(s) (the data is still valid)", "Also 1 warning(s) (these alone"),
    ],
)
def test_the_warnings_heading_says_whether_the_data_is_valid(
    tmp_path: Path, lang: str, valid: str, invalid: str
) -> None:
    """Under a list of errors, the warnings do not claim that the data is still valid."""
    dataset = make_dataset(tmp_path)
    dataset.set_cell("metrics", "lectures", "label_zh", "主题宣讲𠀀")  # a glyph warning
    code, text = check(dataset.folder, lang)
    assert code == EXIT_OK and valid in text
    dataset.set_cell("metrics", "job_fairs", "value", "abc")  # and an error
    code, text = check(dataset.folder, lang)
    assert code == EXIT_INVALID
    assert invalid in text and valid not in text
    assert text.index(invalid) > text.index("abc")


@pytest.mark.parametrize(
    ("name", "zh", "en"),
    [
        ("UTF-8 (BOM)", "UTF-8（带 BOM）", "UTF-8 with BOM"),
        ("UTF-16LE (no BOM)", "UTF-16LE（无 BOM）", "UTF-16LE without BOM"),
        ("GB18030", "GB18030", "GB18030"),
        ("UTF-8", "UTF-8", "UTF-8"),
    ],
)
def test_encoding_names_read_naturally_in_each_language(name: str, zh: str, en: str) -> None:
    from fulian_viewer.check import encoding_name

    assert (encoding_name(name, "zh"), encoding_name(name, "en")) == (zh, en)


def test_json_keeps_the_encoding_names_as_read() -> None:
    out = io.StringIO()
    run_check(None, "zh", True, out)
    assert json.loads(out.getvalue())["encodings"]["metrics.csv"] == "UTF-8 (BOM)"
