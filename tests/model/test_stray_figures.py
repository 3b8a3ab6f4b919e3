"""Figures typed into labels and titles are checked against the report (a warning)."""

from __future__ import annotations

from fulian_viewer.model.loading import load_report
from tests.fixtures.datasets import Dataset


def _stray(dataset: Dataset) -> list[tuple[str, int | None, str | None, str]]:
    result = load_report(dataset.folder, warnings=True)
    assert result.ok  # warnings only
    return [
        (p.file, p.row, p.column, p.message("zh"))
        for p in result.problems
        if p.code == "stray_figure"
    ]


def test_the_bundled_texts_have_no_stray_figure(dataset: Dataset) -> None:
    assert _stray(dataset) == []


def test_a_figure_the_report_lacks_is_named(dataset: Dataset) -> None:
    row = dataset.set_cell("metrics", "lectures", "label_zh", "主题宣讲９９９９万场")
    chart = dataset.set_cell("charts", "guidance_reach", "title_zh", "覆盖（2023年，人次）")
    assert _stray(dataset) == [
        (
            "metrics.csv",
            row,
            "label_zh",
            f"metrics.csv，第 {row} 行，列“label_zh”："
            "文字中的数字“9999万”在报告中找不到；展示的数字须出自报告，请核对",
        ),
        (
            "charts.csv",
            chart,
            "title_zh",
            f"charts.csv，第 {chart} 行，列“title_zh”："
            "文字中的数字“2023”在报告中找不到；展示的数字须出自报告，请核对",
        ),
    ]


def test_a_figure_the_report_prints_is_fine(dataset: Dataset) -> None:
    dataset.set_cell("sections", "guidance", "title_zh", "强化思想政治引领（宣讲6.6万场次）")
    assert _stray(dataset) == []


def test_deck_settings_are_not_text(dataset: Dataset) -> None:
    dataset.append_row("deck", {"key": "dwell_seconds", "zh": "25"})
    assert _stray(dataset) == []


def test_the_viewer_does_not_ask(dataset: Dataset) -> None:
    dataset.set_cell("metrics", "lectures", "label_zh", "主题宣讲9999万场")
    assert not load_report(dataset.folder).problems
