"""Metric rows: slips in a display text are named with the text as it should be."""

from __future__ import annotations

import pytest

from tests.fixtures.datasets import Dataset


def _only_problem(dataset: Dataset) -> tuple[str, str, str]:
    result = dataset.load()
    assert len(result.errors) == 1, [p.message("en") for p in result.problems]
    problem = result.errors[0]
    return problem.code, problem.message("zh"), problem.message("en")


@pytest.mark.parametrize(
    ("metric", "text", "fixed"),
    [
        ("startup_loans", "９７.４９亿元", "97.49亿元"),
        ("startup_loans", "97．49亿元", "97.49亿元"),
        ("green_share", "７０％", "70%"),
    ],
)
def test_full_width_digits_in_a_display(
    dataset: Dataset, metric: str, text: str, fixed: str
) -> None:
    row = dataset.set_cell("metrics", metric, "display", text)
    code, zh, en = _only_problem(dataset)
    assert code == "display_full_width"
    assert f"第 {row} 行" in zh and "全角" in zh and zh.endswith(f"：{fixed}")
    assert en.endswith(f"write it as {fixed}")


@pytest.mark.parametrize("gap", [" ", "\u00a0", "\u3000", "\u200b", "\n"])
def test_a_gap_inside_a_display(dataset: Dataset, gap: str) -> None:
    dataset.set_cell("metrics", "startup_loans", "display", f"97.49{gap}亿元")
    code, zh, _ = _only_problem(dataset)
    assert code == "display_space"
    assert zh.endswith("报告中的写法是：97.49亿元")


@pytest.mark.parametrize("value", ["70%", "70 %", "７０％", "70.0%"])
def test_a_percentage_value_may_carry_its_sign(dataset: Dataset, value: str) -> None:
    dataset.set_cell("metrics", "green_share", "value", value)
    result = dataset.load()
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.report is not None
    assert {m.id: m.value for m in result.report.metrics}["green_share"] == 70


def test_a_percent_sign_is_no_value_for_other_units(dataset: Dataset) -> None:
    dataset.set_cell("metrics", "lectures", "value", "66000%")
    code, _, _ = _only_problem(dataset)
    assert code == "not_a_number"


def test_a_lone_percent_sign_is_no_value(dataset: Dataset) -> None:
    dataset.set_cell("metrics", "green_share", "value", "%")
    code, _, _ = _only_problem(dataset)
    assert code == "not_a_number"


@pytest.mark.parametrize(
    ("metric", "display", "value", "context"),
    [
        ("lectures", "6万场次", "60000", "讲6.6万场次，线上"),  # the tail of 6.6万场次
        ("lecture_reach", "320万人次", "3200000", "群众2320万人次；举办"),  # of 2320万人次
    ],
)
def test_a_display_that_is_only_part_of_the_report_figure(
    dataset: Dataset, metric: str, display: str, value: str, context: str
) -> None:
    dataset.set_cell("metrics", metric, "display", display)
    dataset.set_cell("metrics", metric, "value", value)
    result = dataset.load()
    assert [p.code for p in result.errors] == ["display_inside_figure"]
    zh = result.errors[0].message("zh")
    assert f"“{display}”" in zh and f"（“{context}”）" in zh


@pytest.mark.parametrize(
    ("source", "display"),
    [
        ("共有3万余个", "3万"),  # the report says 3万余个
        ("累计1,234人", "234人"),  # the tail of a grouped number
        ("实施十五轮帮扶", "五轮"),  # the tail of a Chinese numeral
        ("帮助75万余名女性", "75万"),
    ],
)
def test_heads_and_tails_of_figures_are_caught(source: str, display: str) -> None:
    from fulian_viewer.model.metric_rows import _inside_a_figure

    assert _inside_a_figure(display, source) is not None


@pytest.mark.parametrize(
    ("source", "display"),
    [
        ("宣讲6.6万场次，线上", "6.6万场次"),
        ("共5，27个,另有", "27个"),
        ("2320万人次；又有320万人次", "320万人次"),  # a second, whole occurrence
        ("全市70%的家庭", "70%"),
        ("帮助75万女性", "75万"),
        ("建成1300户多家示范", "1300户"),  # 多 after a unit is a word, not the figure
    ],
)
def test_whole_figures_pass(source: str, display: str) -> None:
    from fulian_viewer.model.metric_rows import _inside_a_figure

    assert _inside_a_figure(display, source) is None


def test_a_source_cut_mid_figure_is_no_way_round(dataset: Dataset) -> None:
    dataset.set_cell("metrics", "lectures", "display", "6万场次")
    dataset.set_cell("metrics", "lectures", "value", "60000")
    dataset.set_cell("metrics", "lectures", "source", "6万场次，线上线下覆盖妇女群众")
    result = dataset.load()
    assert [p.code for p in result.errors] == ["display_inside_figure"]
    assert "（“讲6.6万场次，线上”）" in result.errors[0].message("zh")
