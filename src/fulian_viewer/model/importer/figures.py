"""Find the figures in a report's sentences, and the numbers that are not figures.

A figure is a number as the report prints it with its qualifier, 万/亿 and unit
(``6.6万场次``, ``3万余个``, ``70%``, ``1,336个``, ``五轮``); its parts and value come
from :func:`fulian_viewer.model.numbers.parse_display`, the parser the viewer itself
uses. Numbers that count nothing (years, dates, ordinals such as 二十大 or 第三, ages,
names in quotation marks, document titles in 《》) are kept apart with a reason, so
the staff can see what was left out and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from fulian_viewer.model.numbers import DisplayTextError, Figure, parse_display

# Measure words and units, longest first so that 人次 wins over 人.
UNITS = tuple(
    sorted(
        (
            "个百分点", "人次", "场次", "户次", "批次", "家次", "件次", "部门", "小时", "公里",
            "个", "户", "名", "支", "场", "起", "元", "人", "家", "所", "次", "项", "件",
            "轮", "期", "批", "位", "座", "台", "辆", "本", "套", "份", "处", "条", "间",
            "张", "篇", "门", "类", "种", "倍", "亩", "吨", "对", "组", "队", "堂", "节",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
# Words for people that may follow a number without a measure word (75万女性).
PERSON_NOUNS = (
    "妇女", "女性", "儿童", "群众", "姐妹", "母亲", "妈妈", "女童", "孩子", "青少年",
    "农民", "学生", "志愿者", "职工", "老人", "家长", "巾帼",
)  # fmt: skip
REASONS: dict[str, tuple[str, str]] = {
    "title": ("《》中的文件或书名", "part of a title in 《》"),
    "ordinal": ("序数（第几、几大、几届）", "an ordinal (第…, …大, …届)"),
    "year": ("年份", "a year"),
    "period": ("时间长度（几年）", "a length of time (years)"),
    "date": ("日期", "a date"),
    "age": ("年龄", "an age"),
    "quoted": ("引号中的名称或口号", "part of a name or slogan in quotation marks"),
    "code": ("编号或名称的一部分（如 5G、G20）", "part of a code or name (such as 5G, G20)"),
    "no_unit": ("后面没有单位或量词", "no unit or measure word follows it"),
    "numeral": (
        "汉字数字（如两千、两批）无法自动换算，如需要请手工填写",
        "a Chinese numeral (such as 两千) that cannot be read: enter it by hand if needed",
    ),
    "unreadable": (
        "数字写法无法读取（如全角数字１２３），请改为半角后重新导入或手工填写",
        "a number written in a way that cannot be read (full-width digits such as １２３?)",
    ),
    "long_sentence": (
        "所在句子过长（超过 2000 字），无法作为出处引用",
        "its sentence is too long (over 2,000 characters) to quote as the source",
    ),
    "outside": ("不在任何一个部分（标题）之下", "not under any section heading"),
    "repeated": ("叠用量词（一个个），不是统计数", "a repeated measure word (一个个), not a count"),
}
_ARABIC = r"[0-9０-９]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千]+"
_FIGURE_RE = re.compile(
    r"(?P<prefix>超过|超|逾|近|约)?"
    rf"(?P<number>{_ARABIC}|{_CHINESE})"
    r"(?:(?:余|多)(?=万|亿))?"  # 10余万人次
    r"(?P<scale>万亿|万|亿)?"
    r"(?P<qualifier>余|多)?"
    r"(?P<unit>%|" + "|".join(UNITS) + ")?"
)
# Words in which 约, 近 or 超 is no qualifier (节约, 最近…): the figure starts after it.
_NOT_QUALIFIER = ("节约", "制约", "签约", "预约", "契约", "最近", "附近", "赶超")
_ORDINAL_AFTER = re.compile(r"^(?:大|届|次全会|中全会|次会议|次代表大会)")
_DATE_AFTER = re.compile(r"^(?:月|日|号)")
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*")
_CLAUSE_MARKS = "，,；;：:。！？!?"
_OPENING = {"“": "”", "「": "」", "『": "』", '"': '"', "《": "》"}
_IN_TITLE, _IN_QUOTES = 1, 2
_LABEL_MAX = 16
_LABEL_LONGEST = 24
_LABEL_WINDOW = 120
_LABEL_CUTS = "等的、"
_TRAILING_VERBS = ("提供", "覆盖", "帮助", "培育", "发放", "开展", "组建", "引导", "惠及", "带动")


@dataclass(frozen=True)
class Found:
    """A figure found in a sentence.

    Attributes:
        display: the text as printed (``3万余个``; a person noun after it is left out).
        unit: the unit (``个``; ``人`` for 75万女性; ``%``).
        figure: the display's parts, as the viewer reads them.
        label: a draft label from the words the figure counts.
        start: where the display starts in the sentence.
    """

    display: str
    unit: str
    figure: Figure
    label: str
    start: int

    @property
    def value(self) -> Decimal:
        """The figure in base units."""
        return self.figure.value


@dataclass(frozen=True)
class LeftOut:
    """A number in a sentence that is not taken as a figure, and why (a key of REASONS)."""

    text: str
    reason: str
    start: int


def split_sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, each with its closing punctuation, verbatim."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        sentences.append(paragraph[start : match.end()])
        start = match.end()
    if paragraph[start:].strip():
        sentences.append(paragraph[start:])
    return [s.strip() for s in sentences if s.strip()]


def scan_sentence(sentence: str) -> tuple[list[Found], list[LeftOut]]:
    """The figures in ``sentence`` and the numbers left out of it, in reading order."""
    enclosed = _enclosing_marks(sentence)
    candidates: list[tuple[int, int, Figure, str]] = []
    left_out: list[LeftOut] = []
    for match in _FIGURE_RE.finditer(sentence):
        start = match.start()
        if match["prefix"] and sentence[max(0, start - 1) : start + 1] in _NOT_QUALIFIER:
            start = match.start("number")
        result = _classify(sentence, match, start, enclosed)
        if isinstance(result, LeftOut):
            left_out.append(result)
        elif result is not None:
            candidates.append(result)
    found = [
        Found(sentence[start:end], unit, figure, _label(sentence, index, candidates), start)
        for index, (start, end, figure, unit) in enumerate(candidates)
    ]
    return found, left_out


def _classify(
    sentence: str, match: re.Match[str], start: int, enclosed: list[int]
) -> tuple[int, int, Figure, str] | LeftOut | None:
    number = match["number"]
    chinese = not number[0].isdigit()
    number_start = match.start("number")
    before = sentence[number_start - 1] if number_start else ""
    after = sentence[match.end("number") : match.end("number") + 8]  # enough to look at
    unit = match["unit"] or ""
    end = match.end()
    text = sentence[start:end] or number

    def leave(reason: str) -> LeftOut:
        return LeftOut(text, reason, start)

    if chinese and number == "一" and before != "第":
        return None  # 一个, 一批, 统一: "a", not a count
    if chinese and before and (before in "第百千万" or re.match(_CHINESE, before)):
        return leave("ordinal") if before == "第" else None
    if enclosed[number_start] & _IN_TITLE:
        return leave("title")
    if before == "第":
        return leave("ordinal")
    if _ORDINAL_AFTER.match(after) and not match["scale"]:
        return leave("ordinal")
    if after.startswith("年"):
        return leave("year" if re.fullmatch(r"(?:19|20)\d\d", number) else "period")
    if chinese and not unit:
        return None  # a numeral inside a word (统一, 三八红旗手), not a number
    if not chinese and re.fullmatch(r"(?:19|20)\d\d", number) and not unit and not match["scale"]:
        return leave("year")
    if _DATE_AFTER.match(after) and not match["scale"]:
        return leave("date")
    if after.startswith("岁"):
        return leave("age")
    if (before.isascii() and before.isalpha()) or (after[:1].isascii() and after[:1].isalpha()):
        return leave("code")
    if enclosed[number_start]:
        return leave("quoted")
    if unit and sentence[end : end + len(unit)] == unit:
        return leave("repeated")
    if not unit:
        if not any(sentence.startswith(noun, end) for noun in PERSON_NOUNS):
            return leave("no_unit")
        unit = "人"
    try:
        figure = parse_display(sentence[start:end])
    except DisplayTextError:
        figure = None
    if figure is None or figure.text != sentence[start:end] or figure.suffix not in ("", unit):
        return leave("numeral" if chinese else "unreadable")
    if chinese and figure.value == 0:
        return None
    return start, end, figure, unit


def _enclosing_marks(sentence: str) -> list[int]:
    """For each character, whether it stands inside 《》 (``_IN_TITLE``) or quotes."""
    stack: list[str] = []
    titles = 0
    marks: list[int] = []
    for char in sentence:
        if stack and char == _OPENING[stack[-1]]:
            titles -= stack.pop() == "《"
        elif char in _OPENING:
            stack.append(char)
            titles += char == "《"
        marks.append((_IN_TITLE if titles else 0) | (_IN_QUOTES if len(stack) > titles else 0))
    return marks


def _label(sentence: str, index: int, candidates: list[tuple[int, int, Figure, str]]) -> str:
    """A draft label: the words of the figure's clause that say what it counts."""
    start, end, _, _ = candidates[index]
    # Clauses are looked for near the figure only, so a huge "sentence" costs no more.
    low, high = max(0, start - _LABEL_WINDOW), min(len(sentence), end + _LABEL_WINDOW)
    clause_start = max(max(sentence.rfind(mark, low, start) for mark in _CLAUSE_MARKS) + 1, low)
    ends = [i for i in (sentence.find(mark, end, high) for mark in _CLAUSE_MARKS) if i >= 0]
    clause_end = min(ends, default=high)
    follows_figure = index > 0 and candidates[index - 1][1] >= clause_start
    if follows_figure:
        clause_start = candidates[index - 1][1]
    next_figure = index + 1 < len(candidates) and candidates[index + 1][0] < clause_end
    if next_figure:
        clause_end = candidates[index + 1][0]
    before = _tidy(sentence[clause_start:start])
    # ``先进个人86名、先进集体24个``: after 、 come the next figure's words.
    after = "" if sentence[end : end + 1] in "、，," else _tidy(sentence[end:clause_end])
    if not before and not after and clause_start > 0 and not follows_figure:
        # ``主题宣讲：6.6万场次``: the words are in the clause before.
        previous = max(sentence.rfind(mark, low, clause_start - 1) for mark in _CLAUSE_MARKS)
        previous = max(previous, low - 1)
        before = _tidy(sentence[previous + 1 : clause_start - 1])
    if next_figure:
        after = _strip_trailing_verb(after)
    if after:
        after = re.split(r"[、]", after)[0] if len(after) > _LABEL_MAX else after
        label = (before if len(before) <= 4 and not follows_figure else "") + after
    else:
        label = _shorten(before)
    return label or _tidy(sentence)[:_LABEL_MAX]


def _tidy(text: str) -> str:
    """A phrase without the punctuation, particles and conjunctions at its edges."""
    return text.strip(" 　、，,；;：:。").lstrip("的等和及与并").rstrip("的等")


def _strip_trailing_verb(text: str) -> str:
    for verb in _TRAILING_VERBS:
        if text.endswith(verb) and len(text) > len(verb):
            return _tidy(text[: -len(verb)])
    return text


def _shorten(text: str) -> str:
    """Keep a long phrase's last part, cut where a list or description ends."""
    if len(text) <= _LABEL_MAX:
        return text
    for cut in _LABEL_CUTS:
        position = text.rfind(cut)
        if position >= 0 and len(text) - position - 1 >= 4:
            return _tidy(text[position + 1 :])
    return text[-_LABEL_LONGEST:]
