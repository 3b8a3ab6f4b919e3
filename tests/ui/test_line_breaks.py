"""Line breaking after W3C clreq, and English that never breaks inside a word."""

from __future__ import annotations

import itertools

import pytest

from fulian_viewer.ui.line_breaks import (
    CLOSING,
    OPENING,
    break_lines,
    is_cjk,
    leading,
    tokens,
    wrap_name,
)

EM = 10.0


def measure(text: str) -> float:
    """A font whose Chinese characters are one em wide and Latin ones half an em."""
    return sum(EM if is_cjk(char) else EM / 2 for char in text)


def texts(text: str, width: float) -> list[str]:
    return [line.text for line in break_lines(text, width, measure, EM)]


LABEL = "依托楼栋、网格、村（居）民小组"


def test_no_line_starts_with_closing_punctuation() -> None:
    # Nine characters fit: the tenth, "，", may not start the next line.
    lines = texts("一二三四五六七八九，十一二", 9 * EM)
    assert lines == ["一二三四五六七八", "九，十一二"]
    for text in ("甲乙丙丁戊己庚辛壬。癸", "甲乙丙丁戊己庚辛壬）癸", "甲乙丙丁戊己庚辛壬”癸"):
        for line in texts(text, 9 * EM)[1:]:
            assert line[0] not in CLOSING, (text, line)


def test_no_line_ends_with_opening_punctuation() -> None:
    lines = texts("一二三四五六七八《九十》", 9 * EM)
    assert lines[0] == "一二三四五六七八"
    assert lines[1].startswith("《九")
    for width in range(4, 16):
        for line in texts(LABEL, width * EM):
            assert line[-1] not in OPENING, (width, line)
            assert line[0] not in CLOSING, (width, line)


def test_an_opening_bracket_starting_a_line_is_compressed() -> None:
    # 依托楼栋、网格、村 / （居）民小组: the second line starts at the bracket's ink.
    lines = break_lines(LABEL, 9.5 * EM, measure, EM)
    assert [line.text for line in lines] == ["依托楼栋、网格、村", "（居）民小组"]
    second = lines[1]
    assert second.pieces[0][0] == -EM / 2, "the bracket's blank left half is taken off"
    assert second.width == pytest.approx(5.5 * EM)


def test_adjacent_full_width_punctuation_is_compressed() -> None:
    # 、（ meet with two blank halves: together they take one and a half ems.
    line = break_lines("网格、（居）、民", None, measure, EM)[0]
    assert line.width == pytest.approx(8 * EM - EM)  # 、 and ） each give up half an em
    starts = dict((text[0], x) for x, text in line.pieces)
    assert starts["（"] == pytest.approx(2.5 * EM)
    # Without a neighbour, punctuation keeps its full width.
    assert break_lines("网格、居", None, measure, EM)[0].width == pytest.approx(4 * EM)


def test_english_never_breaks_inside_a_hyphenated_word() -> None:
    text = "Women entrepreneurs helped a start-up and a well-known co-operative grow"
    for width in range(6, 80):
        for line in texts(text, width * EM / 2):
            assert not line.endswith("-")
    assert tokens("a start-up grew") == ["a", " ", "start-up", " ", "grew"]
    assert tokens("women’s work") == ["women’s", " ", "work"]


def test_numbers_and_their_units_stay_together_and_dashes_are_not_split() -> None:
    assert "2320" in tokens("覆盖2320万人次")
    for width in range(3, 12):
        lines = texts("巾帼心向党——砥砺奋进……新征程", width * EM)
        for first, second in itertools.pairwise(lines):
            assert not (first.endswith("—") and second.startswith("—"))
            assert not (first.endswith("…") and second.startswith("…"))


def test_chinese_set_in_phrases_breaks_between_them_when_that_costs_no_line() -> None:
    title = "巴渝巾帼心向党 砥砺奋进新征程"
    assert texts(title, 9 * EM) == ["巴渝巾帼心向党", "砥砺奋进新征程"]
    # Too narrow for a phrase a line: it breaks wherever clreq allows.
    assert texts(title, 5 * EM) == ["巴渝巾帼心", "向党 砥砺", "奋进新征程"]
    # A phrase break that would take more lines is not taken.
    assert texts("甲乙 丙丁戊己庚辛壬癸子 丑寅", 12 * EM) == ["甲乙 丙丁戊己庚辛壬癸子", "丑寅"]
    # Text with punctuation is not a title set in phrases: it breaks as clreq allows.
    assert texts("开展“清风常伴 廉洁齐家”活动", 10 * EM)[0] == "开展“清风常伴 廉洁"


def test_a_short_book_title_is_not_broken_where_a_break_elsewhere_serves() -> None:
    source = "来源：《巴渝巾帼心向党 砥砺奋进新征程》 · 完整准确全面贯彻新发展理念"
    title = "《巴渝巾帼心向党 砥砺奋进新征程》"
    # Broken anywhere, as the same text in quotes is, a line would end inside the
    # title (…新 / 征程》); kept whole, the text takes three lines all the same.
    quoted = source.replace("《", "“").replace("》", "”")
    assert texts(quoted, 16 * EM)[0].endswith("新")
    assert texts(source, 16 * EM) == ["来源：", title, "· 完整准确全面贯彻新发展理念"]
    # Where keeping it whole would take another line, it breaks as clreq allows.
    assert texts(source, 17 * EM) == [
        "来源：《巴渝巾帼心向党 砥砺奋进新征",
        "程》 · 完整准确全面贯彻新发展理念",
    ]
    # A long title is no unit: it breaks wherever the rules allow.
    long_title = "见《" + "长" * 30 + "》一书"
    assert texts(long_title, 20 * EM)[0] == "见《" + "长" * 18


def test_a_short_quoted_name_is_not_broken_where_a_break_elsewhere_serves() -> None:
    source = "实施“巴渝巧姐”培育计划，带动妇女增收"
    # Broken anywhere, a line would end inside the quotes (实施“巴渝巧 / 姐”…).
    assert texts(source, 6 * EM) == ["实施", "“巴渝巧姐”", "培育计划，带", "动妇女增收"]
    assert texts("一二“三四五”", 5 * EM) == ["一二", "“三四五”"]
    # Where keeping the name whole takes another line, it breaks as clreq allows.
    assert texts(source, 7 * EM) == ["实施“巴渝巧", "姐”培育计划，", "带动妇女增收"]
    assert texts("一二“三四五”", 4 * EM) == ["一二“三", "四五”"]
    # A long quotation is no unit: it breaks wherever the rules allow.
    slogan = "开展“科技创新巴渝巾帼行动云峰会”活动"
    assert texts(slogan, 8 * EM)[0] == "开展“科技创新巴"
    # English quotes break at spaces, as English does.
    english = "the “Bayu Skilled Sisters” programme"
    assert texts(english, 12 * EM)[0] == "the “Bayu Skilled"


def test_a_bracket_after_a_latin_word_and_a_space_loses_its_blank_half() -> None:
    """``From 《…》``: one ordinary space between the word and the bracket's ink."""
    (line,) = break_lines("From 《书名》", None, measure, EM)
    assert line.pieces == (
        (0.0, "From "),
        (measure("From ") - EM / 2, "《书名》"),
    )
    assert line.width == measure("From 《书名》") - EM / 2
    # Among Chinese, and with no space, the bracket keeps its full width.
    for text in ("出自《书名》", "出自 《书名》", "From《书名》"):
        (line,) = break_lines(text, None, measure, EM)
        assert line.pieces == ((0.0, text),) and line.width == measure(text), text


def test_explicit_line_breaks_are_kept() -> None:
    assert texts("第一部分\n强化思想政治引领", 100 * EM) == ["第一部分", "强化思想政治引领"]


def test_leading_follows_script_and_style() -> None:
    assert 1.5 <= leading("重庆市妇联", "body") <= 1.7
    assert 1.3 <= leading("Women in Chongqing", "body") <= 1.45
    assert 1.1 <= leading("巴渝巾帼心向党", "display") <= 1.25
    assert 1.1 <= leading("Upholding gender equality", "display") <= 1.25


def test_category_names_under_bars_break_by_clreq() -> None:
    for name in ("“百场讲座进万家”家教知识培训", "“清风常伴 廉洁齐家”“书香润万家”等活动", LABEL):
        for width in range(4, 12):
            lines = wrap_name(name, width).split("\n")
            assert "".join(lines).replace(" ", "") == name.replace(" ", "")
            for line in lines:
                assert line[0] not in CLOSING and line[-1] not in OPENING, (name, width, lines)
    english = 'Rural women in "Two Learnings, Two Competitions" skills contests'
    for width in range(6, 30):
        for line in wrap_name(english, width).split("\n"):
            assert not line.endswith("-")


def test_category_names_are_evened_out_without_splitting_a_quoted_name() -> None:
    name = "“百场讲座进万家”家教知识培训"
    # Evened out at 8 ems a line, the name would break (“百场讲座进万 / 家”…).
    assert wrap_name(name, 11).split("\n") == ["“百场讲座进万家”", "家教知识培训"]
    # Where it cannot fit a line, it breaks as clreq allows.
    assert wrap_name(name, 6).split("\n") == ["“百场讲座进", "万家”家教", "知识培训"]


def test_english_with_curly_quotes_is_set_as_latin() -> None:
    """Quotation marks and dashes alone do not make a text Chinese."""
    from fulian_viewer.ui.line_breaks import has_chinese

    english = "Rural women in the “Two Learnings, Two Competitions” — women’s contests"
    assert not has_chinese(english)
    assert has_chinese("开展“巾帼大宣讲”")
    assert has_chinese("（")
    assert leading(english, "body") == leading("Rural women", "body")
    assert leading("“巾帼”", "body") == leading("重庆市妇联", "body")


def test_english_quoted_names_break_only_at_spaces() -> None:
    text = "On family education: “A Hundred Lectures for Ten Thousand Homes”"
    for width in range(60, 400, 7):
        for line in texts(text, width):
            assert not line.startswith(("”", "’")) and not line.endswith("“"), (width, line)
    assert "“A" in wrap_name(text, 12).replace("\n", " ")


def test_no_english_line_ends_in_a_one_letter_word() -> None:
    # "the “A" fits 60 and "the “A Hundred" does not: the “A goes down with its word.
    assert texts("the “A Hundred", 6 * EM) == ["the", "“A Hundred"]
    assert texts("make a start", 5 * EM) == ["make", "a start"]
    # Chinese keeps breaking anywhere, Latin letters or not.
    assert texts("按 I 查看出处", 2.5 * EM)[0] == "按 I"
