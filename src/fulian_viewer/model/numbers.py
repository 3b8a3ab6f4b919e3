"""Parse and format figures in the report's style (万/亿, 余, %), in Chinese and English.

A figure's *display text* is what the report prints, for example ``6.6万场次``,
``97.49亿元``, ``3万余个``, ``70%``, ``1,336个`` or ``五轮``. :func:`parse_display` splits it into
its parts; :func:`format_count` renders any point of a count-up towards it, holding
the unit and the number of decimals still, so the final frame is the display text
exactly. :func:`format_axis_tick` labels chart axes in 万/亿.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Literal, Protocol

Lang = Literal["zh", "en"]

SCALES: dict[str, int] = {"": 1, "万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
MAX_DISPLAY_DIGITS = 28  # 16 digits, the point and 10 decimals, with room to spare
PREFIX_QUALIFIERS = ("超过", "超", "逾", "近", "约")
SUFFIX_QUALIFIERS = ("余", "多")
# A figure's text starts a block (a counter, a bar's label), so its qualifier is
# capitalised as the first word of a sentence would be.
_QUALIFIERS_EN = {
    "余": "More than",
    "多": "More than",
    "超过": "More than",
    "超": "More than",
    "逾": "More than",
    "近": "Nearly",
    "约": "About",
}
_CHINESE_DIGITS = "零一二三四五六七八九"
_CHINESE_VALUES = {ch: i for i, ch in enumerate(_CHINESE_DIGITS)} | {"〇": 0, "两": 2}

_DISPLAY_RE = re.compile(
    r"^(?P<prefix>" + "|".join(PREFIX_QUALIFIERS) + r")?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+)"
    r"(?P<early>" + "|".join(SUFFIX_QUALIFIERS) + r")?"
    r"(?P<scale>万亿|万|亿)?"
    r"(?P<qualifier>" + "|".join(SUFFIX_QUALIFIERS) + r")?"
    r"(?P<suffix>.*)$",
    re.DOTALL,
)


class DisplayTextError(ValueError):
    """Raised when a display text cannot be read as a figure."""


@dataclass(frozen=True)
class Figure:
    """The parts of a figure's display text.

    Attributes:
        prefix: a qualifier printed before the number (``超``, ``近``…), or ``""``.
        number: the number as printed, before its scale (``97.49`` for 97.49亿).
        decimals: how many decimals the report prints.
        chinese: whether the number is written in Chinese numerals (``五``).
        scale: ``""``, ``万``, ``亿`` or ``万亿``.
        qualifier: a qualifier printed after the number (``余``, ``多``), or ``""``.
        qualifier_first: whether the qualifier comes before the scale (``10余万``).
        suffix: the unit text that follows (``元``, ``场次``, ``%``), or ``""``.
        grouped: whether the number is printed with thousands separators (``1,336``).
    """

    prefix: str
    number: Decimal
    decimals: int
    chinese: bool
    scale: str
    qualifier: str
    suffix: str
    grouped: bool = False
    qualifier_first: bool = False

    @property
    def value(self) -> Decimal:
        """The figure in base units (97.49亿 gives 9749000000)."""
        return self.number * SCALES[self.scale]

    @property
    def text(self) -> str:
        """The display text rebuilt from the parts."""
        middle = (
            self.qualifier + self.scale if self.qualifier_first else self.scale + self.qualifier
        )
        return self.prefix + self._digits(self.number) + middle + self.suffix

    @property
    def is_percent(self) -> bool:
        """Whether the figure is a percentage."""
        return self.suffix == "%"

    @property
    def any_qualifier(self) -> str:
        """The qualifier before or after the number, ``""`` when there is none."""
        return self.prefix or self.qualifier

    def _digits(self, number: Decimal) -> str:
        if self.chinese:
            return to_chinese_numeral(int(number))
        if self.grouped:
            return f"{number:,.{self.decimals}f}"
        return f"{number:.{self.decimals}f}"

    def at(self, value: float | Decimal) -> str:
        """Chinese text for a point of the count-up: the number floored, unit held still.

        The qualifiers are shown only when ``value`` has reached the figure.
        """
        if Decimal(value) >= self.value:
            return self.text
        number = _floor(_non_negative(value) / SCALES[self.scale], self.decimals)
        return self._digits(number) + self.scale + self.suffix


class HasFigure(Protocol):
    """What :func:`format_count` needs of a metric."""

    @property
    def figure(self) -> Figure:
        """The parsed display text."""
        ...

    @property
    def unit_en(self) -> str:
        """The English unit word."""
        ...


def parse_display(text: str) -> Figure:
    """Split a display text such as ``97.49亿元`` or ``3万余个`` into a :class:`Figure`.

    Raises:
        DisplayTextError: when the text does not start with a number, or its number
            has more than :data:`MAX_DISPLAY_DIGITS` characters.
    """
    match = _DISPLAY_RE.match(text.strip())
    if match is None or len(match["number"]) > MAX_DISPLAY_DIGITS:
        raise DisplayTextError(text)
    raw = match["number"]
    grouped = "," in raw
    if raw[0].isdigit():
        number = Decimal(raw.replace(",", ""))
        decimals = len(raw.partition(".")[2])
        chinese = False
    else:
        number = Decimal(from_chinese_numeral(raw))
        decimals = 0
        chinese = True
    return Figure(
        prefix=match["prefix"] or "",
        number=number,
        decimals=decimals,
        chinese=chinese,
        scale=match["scale"] or "",
        qualifier=match["early"] or match["qualifier"] or "",
        suffix=match["suffix"],
        grouped=grouped,
        qualifier_first=bool(match["early"] and match["scale"]),
    )


def format_count(value: float | Decimal, metric: HasFigure, lang: Lang = "zh") -> str:
    """Text of a counter at ``value`` on its way from 0 to the metric's figure.

    The decimals and unit of the final text are held fixed on every frame, the
    number only grows, and the final frame equals the report's text exactly
    (``0.00亿元`` … ``97.49亿元``; ``0万个`` … ``3万余个``).
    """
    if lang == "zh":
        return metric.figure.at(value)
    return format_count_en(value, metric.figure, metric.unit_en)


def format_count_en(value: float | Decimal, figure: Figure, unit_en: str) -> str:
    """English text of a counter (``9.749 billion yuan``, ``More than 30,000 bases``)."""
    final = figure.value
    word, divisor = _english_scale(final)
    decimals = _decimals_needed(final / divisor)
    done = Decimal(value) >= final
    current = final if done else _floor(_non_negative(value), 12)
    number = _floor(current / divisor, decimals)
    text = f"{number:,.{decimals}f}"
    if word:
        text += f" {word}"
    if unit_en == "%" or figure.is_percent:
        text += "%"
    elif unit_en:
        # Counting up to ``5 rounds`` passes ``1 round``, not ``1 rounds``; the final
        # text keeps the unit as the data gives it.
        one = not word and not done and number == 1 and decimals == 0
        text += f" {singular(unit_en) if one else unit_en}"
    qualifier = figure.any_qualifier
    if done and qualifier:
        text = f"{_QUALIFIERS_EN[qualifier]} {text}"
    return text


def number_over_unit(text: str, unit: str) -> list[str]:
    """``text`` as its number over its English ``unit`` (``37,000`` / ``families``).

    The unit may be in the singular (``1`` / ``round``). A text that does not end
    with the unit stays one line.
    """
    if unit:
        for form in (unit, singular(unit)):
            if text.endswith(" " + form):
                return [text[: -len(form) - 1], form]
    return [text]


_IRREGULAR = {"women": "woman", "men": "man", "children": "child", "people": "person"}
_SAME_IN_BOTH = {"series", "species", "means", "news"}


def singular(unit: str) -> str:
    """The singular of an English plural unit: ``rounds`` -> ``round``.

    The last word of each part joined by ``and`` is the one in the plural
    (``job fairs``, ``bases and workshops``, ``person-times``). Words that do not
    look like regular or known plurals (``yuan``, ``status``) are kept.
    """
    return " and ".join(_singular_phrase(part) for part in unit.split(" and "))


def _singular_phrase(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    stem, dash, word = last.rpartition("-")
    lower = word.lower()
    if lower in _SAME_IN_BOTH:
        return phrase
    if lower in _IRREGULAR:
        one = _IRREGULAR[lower]
        word = one.capitalize() if word[:1].isupper() else one
    elif lower.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif lower.endswith(("sses", "xes", "ches", "shes", "zzes")):
        word = word[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 2:
        word = word[:-1]
    last = f"{stem}{dash}{word}"
    return f"{head} {last}" if head else last


def format_axis_tick(value: float, spacing: float, lang: Lang = "zh", percent: bool = False) -> str:
    """Label for an axis tick at ``value`` when ticks are ``spacing`` apart.

    Chinese ticks use 万 and 亿 (``5万``, ``1.5亿``); English ticks use thousands
    separators, ``M`` and ``B`` as people write them (``2.5M``, ``1.5B``). Decimals
    follow the tick spacing so labels stay short and never show float noise.
    """
    if percent:
        return f"{_trim(value, spacing, 1)}%"
    magnitude = abs(value)
    if lang == "zh":
        steps = ((100_000_000, "亿"), (10_000, "万"))
    else:
        steps = ((1_000_000_000, "B"), (1_000_000, "M"))
    for divisor, word in steps:
        if magnitude >= divisor:
            return f"{_trim(value / divisor, spacing / divisor, 1)}{word}"
    text = _trim(value, spacing, 1)
    return f"{float(text):,.0f}" if lang == "en" and "." not in text else text


NICE_STEPS = (1.0, 2.0, 2.5, 5.0)
"""Tick steps a reader counts in, per power of ten."""


def nice_axis(maximum: float) -> tuple[float, float]:
    """The end and the tick step of a value axis from 0 that holds ``maximum``.

    The step is a round number (1, 2, 2.5 or 5 times a power of ten) giving three
    to six intervals, and the end is the first multiple of it above the maximum,
    the lowest such end of all those steps (the larger step on a tie, for fewer
    labels): 762万 ends at 800万 in steps of 200万, 2.4亿 at 2.5亿 in steps of
    5000万. An empty or non-positive maximum gives the axis 0 to 1.
    """
    if not math.isfinite(maximum) or maximum <= 0:
        return 1.0, 0.2
    power = 10.0 ** math.floor(math.log10(maximum))
    best: tuple[float, float] | None = None
    for scale in (power / 100, power / 10, power):
        for factor in NICE_STEPS:
            step = factor * scale
            intervals = math.floor(maximum / step + 1e-9) + 1
            if 3 <= intervals <= 6:
                end = intervals * step
                if (
                    best is None
                    or end < best[0] * (1 - 1e-9)
                    or (end <= best[0] * (1 + 1e-9) and step > best[1])
                ):
                    best = (end, step)
    assert best is not None  # between power/10 and power, some step gives 3 to 6
    return best


def to_chinese_numeral(number: int) -> str:
    """Write 0–99 in Chinese numerals (``5`` gives ``五``, ``21`` gives ``二十一``)."""
    if not 0 <= number <= 99:
        raise DisplayTextError(str(number))
    tens, units = divmod(number, 10)
    if tens == 0:
        return _CHINESE_DIGITS[units]
    text = ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十"
    return text + (_CHINESE_DIGITS[units] if units else "")


def from_chinese_numeral(text: str) -> int:
    """Read a Chinese numeral from 0 to 99 (``五`` gives 5, ``二十一`` gives 21)."""
    head, ten, tail = text.partition("十")
    try:
        if not ten:
            if len(text) != 1:
                raise KeyError(text)
            return _CHINESE_VALUES[text]
        tens = _CHINESE_VALUES[head] if head else 1
        units = _CHINESE_VALUES[tail] if tail else 0
    except KeyError:
        raise DisplayTextError(text) from None
    if len(head) > 1 or len(tail) > 1:
        raise DisplayTextError(text)
    return tens * 10 + units


def _non_negative(value: float | Decimal) -> Decimal:
    """``value`` as a Decimal, with anything below zero (and ``-0.0``) as 0, so no ``-0``."""
    number = Decimal(value)
    return number if number > 0 else Decimal(0)


def _floor(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_FLOOR)


def _english_scale(value: Decimal) -> tuple[str, int]:
    if value >= 1_000_000_000:
        return "billion", 1_000_000_000
    if value >= 1_000_000:
        return "million", 1_000_000
    return "", 1


def _decimals_needed(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _trim(value: float, spacing: float, floor_decimals: int) -> str:
    """Format ``value`` with as many decimals as ``spacing`` needs, trailing zeros cut."""
    if spacing <= 0 or not math.isfinite(spacing):
        decimals = floor_decimals
    else:
        decimals = max(0, -math.floor(math.log10(spacing) + 1e-9))
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
