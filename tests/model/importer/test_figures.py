"""Finding figures in a sentence, and the numbers left out with their reason."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fulian_viewer.model.importer.figures import scan_sentence, split_sentences

FIGURES = [
    ("开展主题宣讲6.6万场次。", "6.6万场次", "66000", "场次", "开展主题宣讲"),
    ("创建示范基地等3万余个；", "3万余个", "30000", "个", "创建示范基地"),
    ("发放贷款97.49亿元。", "97.49亿元", "9749000000", "元", "发放贷款"),
    ("帮助75万女性创业。", "75万", "750000", "人", "帮助女性创业"),
    ("实施五轮心理辅导。", "五轮", "5", "轮", "实施心理辅导"),
    ("全市70%的家庭达标。", "70%", "70", "%", "全市家庭达标"),
    ("提供岗位约4,600个。", "约4,600个", "4600", "个", "提供岗位"),
    ("阅读量近120万人次。", "近120万人次", "1200000", "人次", "阅读量"),
    ("覆盖群众超过1.5万人次。", "超过1.5万人次", "15000", "人次", "覆盖群众"),
    ("服务群众10余万人次。", "10余万人次", "100000", "人次", "服务群众"),
    ("培训3800多人次。", "3800多人次", "3800", "人次", "培训"),
    ("联合4部门出台计划。", "4部门", "4", "部门", "联合出台计划"),
    ("占比提高5个百分点。", "5个百分点", "5", "个百分点", "占比提高"),
    ("组建队伍逾1200支。", "逾1200支", "1200", "支", "组建队伍"),
]


@pytest.mark.parametrize(("sentence", "display", "value", "unit", "label"), FIGURES)
def test_a_figure_keeps_its_printed_text_value_unit_and_words(
    sentence: str, display: str, value: str, unit: str, label: str
) -> None:
    found, left = scan_sentence(sentence)
    assert [(f.display, f.value, f.unit, f.label) for f in found] == [
        (display, Decimal(value), unit, label)
    ]
    assert left == []


LEFT_OUT = [
    ("2023年3月8日召开大会。", [("2023", "year"), ("3", "date"), ("8", "date")]),
    ("喜迎二十大。", [("二十", "ordinal")]),
    ("召开第三届表彰会。", [("三", "ordinal")]),
    ("过去五年，成绩斐然。", [("五", "period")]),
    ("出台《2021—2025年规划》等文件。", [("2021", "title"), ("2025", "title")]),
    ("做到“两个维护”。", [("两个", "quoted")]),
    ("为3岁以下儿童服务。", [("3", "age")]),
    ("推进5G网络建设。", [("5", "code")]),
    ("拨打热线12338咨询。", [("12338", "no_unit")]),
    ("为两千余名妇女服务。", [("两千余名", "numeral")]),
    ("举办１２场活动。", [("１２场", "unreadable")]),
    ("讲好一个个故事，统一起来。", []),
    ("三八红旗手和五好家庭。", []),
]


@pytest.mark.parametrize(("sentence", "expected"), LEFT_OUT)
def test_numbers_that_count_nothing_are_left_out_with_a_reason(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    found, left = scan_sentence(sentence)
    assert found == []
    assert [(n.text, n.reason) for n in left] == expected


def test_two_figures_in_a_list_each_get_their_own_words() -> None:
    found, _ = scan_sentence("表彰先进个人86名、先进集体24个。")
    assert [(f.display, f.label) for f in found] == [("86名", "表彰先进个人"), ("24个", "先进集体")]


def test_sentences_end_at_their_punctuation_and_closing_quotes() -> None:
    text = "开展宣讲6.6万场次；他说：“好。”再举办10场！还有"
    assert split_sentences(text) == ["开展宣讲6.6万场次；", "他说：“好。”", "再举办10场！", "还有"]
