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
