"""The importer against our own report: it must find every figure of the bundled dataset."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from fulian_viewer.model.importer import Draft, draft_report
from fulian_viewer.model.loading import bundled_data_path
from tests.model.importer.conftest import Expected, left_out, recall_and_extra


@pytest.fixture(scope="module")
def draft() -> Draft:
    return draft_report(bundled_data_path() / "report.txt")


def bundled_metrics() -> list[dict[str, str]]:
    with (bundled_data_path() / "metrics.csv").open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_every_bundled_figure_is_found_with_its_value_unit_display_and_sentence(
    draft: Draft,
) -> None:
    expected = [
        Expected(row["display"], Decimal(row["value"]), row["unit"], row["source"])
        for row in bundled_metrics()
    ]
    recall, extra = recall_and_extra(draft, expected)
    assert len(expected) == 37
    assert recall == 1.0
    assert extra == []  # nothing beyond the 37 figures made by hand


def test_sections_title_block_and_scorecard_come_from_the_headings(draft: Draft) -> None:
    assert [(s.title, s.subtitle) for s in draft.sections] == [
        ("强化思想政治引领", "妇女听党话跟党走的政治自觉更加坚定"),
        ("完整准确全面贯彻新发展理念", "带领妇女服务发展大局成效更加显著"),
        ("注重家庭家教家风", "推动社会主义核心价值观在家庭落地生根更加扎实"),
        ("坚持男女平等基本国策", "维护妇女儿童合法权益更加有力"),
    ]
    with (bundled_data_path() / "sections.csv").open(encoding="utf-8-sig", newline="") as file:
        summaries = [row["summary_zh"] for row in csv.DictReader(file)]
    assert [s.summary for s in draft.sections] == summaries
    with (bundled_data_path() / "deck.csv").open(encoding="utf-8-sig", newline="") as file:
        bundled_deck = {row["key"]: row["zh"] for row in csv.DictReader(file)}
    for key in bundled_deck:
        assert draft.deck[key] == bundled_deck[key], key


def test_numbers_that_are_not_figures_are_listed_with_their_reason(draft: Draft) -> None:
    reasons = left_out(draft)
    assert "时间长度" in reasons["五"]  # 过去五年
    assert "序数" in reasons["二十"]  # 喜迎二十大
    assert "序数" in reasons["一"]  # 第一课
    assert "引号" in reasons["四个"]  # “四个意识”
    assert "引号" in reasons["五项"]  # “五项机制”


def test_the_suggested_flags_follow_the_documented_rule(draft: Draft) -> None:
    for section in draft.sections:
        headlines = [m for m in section.metrics if m.headline]
        assert 1 <= len(headlines) <= 4
        assert len({m.found.unit for m in headlines}) == len(headlines)
        assert [m for m in section.metrics if m.scorecard] == headlines[:2]
    development = {m.found.display for m in draft.sections[1].metrics if m.headline}
    assert development == {"99.6万人次", "39.5万个", "97.49亿元", "75万"}


def test_windows_line_ends_and_a_bom_give_the_same_draft(draft: Draft, tmp_path: Path) -> None:
    text = (bundled_data_path() / "report.txt").read_text(encoding="utf-8")
    copy = tmp_path / "report.txt"
    copy.write_bytes(text.replace("\n", "\r\n").encode("utf-8-sig"))
    again = draft_report(copy)
    assert again.deck == draft.deck
    assert again.review == draft.review
