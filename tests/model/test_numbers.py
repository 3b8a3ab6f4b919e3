"""Parsing and formatting figures as the report prints them (万/亿, 余, %, Chinese numerals)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fulian_viewer.model.loading import load_report
from fulian_viewer.model.numbers import (
    DisplayTextError,
    Figure,
    format_axis_tick,
    format_count,
    format_count_en,
    from_chinese_numeral,
    nice_axis,
    number_over_unit,
    parse_display,
    singular,
    to_chinese_numeral,
)
from fulian_viewer.model.report import Metric


@dataclass(frozen=True)
class FakeMetric:
    """The two things :func:`format_count` needs of a metric."""

    figure: Figure
    unit_en: str = ""


def metric(display: str, unit_en: str = "") -> FakeMetric:
    return FakeMetric(parse_display(display), unit_en)


@pytest.fixture(scope="module")
def bundled() -> dict[str, Metric]:
    result = load_report()
    assert result.report is not None
    return {m.id: m for m in result.report.metrics}


# --- parse_display -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "prefix", "number", "decimals", "chinese", "scale", "qualifier", "suffix", "value"),
    [
        ("6.6万场次", "", "6.6", 1, False, "万", "", "场次", 66_000),
        ("97.49亿元", "", "97.49", 2, False, "亿", "", "元", 9_749_000_000),
        ("3万余个", "", "3", 0, False, "万", "余", "个", 30_000),
        ("70%", "", "70", 0, False, "", "", "%", 70),
        ("五轮", "", "5", 0, True, "", "", "轮", 5),
        ("762万", "", "762", 0, False, "万", "", "", 7_620_000),
        ("超100万人", "超", "100", 0, False, "万", "", "人", 1_000_000),
        ("近2.5万名", "近", "2.5", 1, False, "万", "", "名", 25_000),
        ("1.7万余起", "", "1.7", 1, False, "万", "余", "起", 17_000),
        ("4部门", "", "4", 0, False, "", "", "部门", 4),
        ("2万亿元", "", "2", 0, False, "万亿", "", "元", 2_000_000_000_000),
        ("5.00个", "", "5.00", 2, False, "", "", "个", 5),
    ],
)
def test_parse_display_splits_the_parts(
    text: str,
    prefix: str,
    number: str,
    decimals: int,
    chinese: bool,
    scale: str,
    qualifier: str,
    suffix: str,
    value: int,
) -> None:
    figure = parse_display(text)
    assert figure.prefix == prefix
    assert figure.number == Decimal(number)
    assert figure.decimals == decimals
    assert figure.chinese is chinese
    assert figure.scale == scale
    assert figure.qualifier == qualifier
    assert figure.suffix == suffix
    assert figure.value == value
    assert figure.text == text
    assert figure.is_percent is (suffix == "%")
    assert figure.any_qualifier == (prefix or qualifier)


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        ("97.49亿元", "9749000000"),
        ("1.05亿元", "105000000"),
        ("0.07亿元", "7000000"),
        ("5.27万场", "52700"),
        ("36.8万", "368000"),
        ("0.1万", "1000"),
        ("0.003万", "30"),
    ],
)
def test_figure_value_is_an_exact_decimal(text: str, exact: str) -> None:
    value = parse_display(text).value
    assert isinstance(value, Decimal)
    assert value == Decimal(exact)
    # Exact, not merely close: a float product (1.05 * 1e8 = 105000000.00000001) would fail.
    assert value - Decimal(exact) == 0
    assert value == value.to_integral_value()


def test_figure_text_keeps_the_printed_decimals() -> None:
    assert parse_display("5.00个").text == "5.00个"
    assert parse_display("5.0万").value == 50_000


@pytest.mark.parametrize("text", ["", "   ", "abc", "万元", "约", "%", "百万", "-5个", "余3万"])
def test_parse_display_rejects_text_without_a_number(text: str) -> None:
    with pytest.raises(DisplayTextError):
        parse_display(text)


# --- format_count, Chinese ----------------------------------------------------------------


def test_count_starts_at_zero_with_the_final_unit_and_decimals(bundled: dict[str, Metric]) -> None:
    loans = bundled["startup_loans"]
    assert loans.display == "97.49亿元"
    assert format_count(0, loans) == "0.00亿元"
    assert format_count(Decimal(0), loans, "zh") == "0.00亿元"


def test_count_floors_and_holds_decimals(bundled: dict[str, Metric]) -> None:
    loans = bundled["startup_loans"]
    # 48.749亿 is floored, never rounded up past what has been counted.
    assert format_count(4_874_999_999, loans) == "48.74亿元"
    assert format_count(9_748_999_999, loans) == "97.48亿元"
    for step in range(0, 101):
        text = format_count(loans.value * step / 100, loans)
        assert re.fullmatch(r"\d{1,2}\.\d\d亿元", text), text


def test_count_ends_on_the_display_text_for_every_bundled_metric(
    bundled: dict[str, Metric],
) -> None:
    assert len(bundled) == 37
    for m in bundled.values():
        assert format_count(m.value, m) == m.display, m.id
        assert format_count(m.value, m, "zh") == m.display, m.id
        # Overshoot (an easing curve past 1) still shows the report's text.
        assert format_count(m.value * 2, m) == m.display, m.id


def test_every_bundled_counter_keeps_its_decimals_on_each_frame(
    bundled: dict[str, Metric],
) -> None:
    for m in bundled.values():
        for step in range(0, 100, 7):
            text = format_count(m.value * step / 100, m)
            number = re.match(r"[\d.]+|[零一二三四五六七八九十]+", text)
            assert number is not None, text
            decimals = len(number.group().partition(".")[2])
            assert decimals == m.figure.decimals, (m.id, text)
            assert text.endswith(m.figure.suffix), (m.id, text)


def test_qualifier_only_on_the_final_frame() -> None:
    bases = metric("3万余个")
    assert format_count(0, bases) == "0万个"
    assert format_count(29_999, bases) == "2万个"
    assert format_count(Decimal("29999.999"), bases) == "2万个"
    assert format_count(30_000, bases) == "3万余个"
    prefixed = metric("超100万人")
    assert format_count(999_999, prefixed) == "99万人"
    assert format_count(1_000_000, prefixed) == "超100万人"


def test_count_with_chinese_numerals() -> None:
    rounds = metric("五轮")
    assert format_count(0, rounds) == "零轮"
    assert format_count(4.99, rounds) == "四轮"
    assert format_count(5, rounds) == "五轮"


def test_count_never_shows_a_minus_sign() -> None:
    loans = metric("97.49亿元", "yuan")
    # An easing curve may start at -0.0 or dip below zero.
    for value in (-0.0, -1e-9, -5, Decimal("-0"), Decimal("-3")):
        assert format_count(value, loans) == "0.00亿元", value
        assert format_count(value, loans, "en") == "0.000 billion yuan", value


def test_count_text_is_never_negative_zero_for_a_float_progress() -> None:
    # The counter computes float(value) * progress; progress may be -0.0 after clamping.
    bases = metric("3万余个", "bases")
    assert format_count(float(bases.figure.value) * -0.0, bases) == "0万个"
    assert "-" not in format_count(float(bases.figure.value) * -0.0, bases, "en")


# --- format_count, English ----------------------------------------------------------------


def test_english_counts_for_bundled_metrics(bundled: dict[str, Metric]) -> None:
    assert format_count(bundled["startup_loans"].value, bundled["startup_loans"], "en") == (
        "9.749 billion yuan"
    )
    assert format_count(bundled["lectures"].value, bundled["lectures"], "en") == "66,000 sessions"
    assert format_count(bundled["demo_bases"].value, bundled["demo_bases"], "en") == (
        "More than 30,000 bases and workshops"
    )
    assert format_count(bundled["green_share"].value, bundled["green_share"], "en") == "70%"
    assert format_count(bundled["online_clicks"].value, bundled["online_clicks"], "en") == (
        "240 million person-times"
    )
    assert format_count(
        bundled["counselling_rounds"].value, bundled["counselling_rounds"], "en"
    ) == ("5 rounds")


@pytest.mark.parametrize(
    ("metric_id", "final", "one"),
    [
        ("online_clicks", "240 million person-times", None),
        ("women_groups", "77,000 women’s groups", "1 women’s group"),
        ("role_models", "17,000 role models", "1 role model"),
        ("green_families", "1,300 families", "1 family"),
        ("model_families", "More than 100,000 families", "1 family"),
        ("chuanyu_exchanges", "172 sessions", "1 session"),
        ("relief_raised", "105 million yuan", None),
        ("law_reach", "7.62 million women and children", None),
        ("partner_departments", "4 departments", "1 department"),
    ],
)
def test_english_units_of_the_bundled_figures_count_up_exactly(
    bundled: dict[str, Metric], metric_id: str, final: str, one: str | None
) -> None:
    """The units the English edition gives: exact at the end, singular at one on the way."""
    m = bundled[metric_id]
    assert format_count(m.value, m, "en") == final
    if one is not None:
        assert format_count(1, m, "en") == one
        assert format_count(2, m, "en") == f"2 {m.unit_en}"
        assert number_over_unit(final, m.unit_en)[1] == m.unit_en


def test_english_count_holds_decimals_and_drops_the_qualifier_until_the_end(
    bundled: dict[str, Metric],
) -> None:
    loans = bundled["startup_loans"]
    assert format_count(0, loans, "en") == "0.000 billion yuan"
    assert format_count(4_874_999_999, loans, "en") == "4.874 billion yuan"
    bases = bundled["demo_bases"]
    assert format_count(29_999, bases, "en") == "29,999 bases and workshops"
    assert format_count(30_000, bases, "en") == "More than 30,000 bases and workshops"


def test_every_bundled_english_final_has_its_qualifier(bundled: dict[str, Metric]) -> None:
    for m in bundled.values():
        text = format_count(m.value, m, "en")
        assert text.startswith("More than ") == (m.qualifier in ("余", "多", "超", "超过", "逾")), (
            m.id
        )
        assert m.unit_en in text, m.id


@pytest.mark.parametrize(
    ("display", "unit_en", "expected"),
    [
        ("超100万人", "people", "More than 1 million people"),
        ("近2.5万名", "women", "Nearly 25,000 women"),
        ("约1.5亿元", "yuan", "About 150 million yuan"),
        ("70%", "%", "70%"),
        ("12.5%", "", "12.5%"),
        ("762万", "", "7.62 million"),
        ("2320万人次", "person-times", "23.2 million person-times"),
    ],
)
def test_format_count_en_final_text(display: str, unit_en: str, expected: str) -> None:
    figure = parse_display(display)
    assert format_count_en(figure.value, figure, unit_en) == expected


def test_counting_up_in_english_passes_one_in_the_singular() -> None:
    """``0 rounds``, ``1 round``, ``2 rounds`` … ``5 rounds``: never ``1 rounds``."""
    figure = parse_display("5轮")
    assert format_count_en(0, figure, "rounds") == "0 rounds"
    assert format_count_en(1.4, figure, "rounds") == "1 round"
    assert format_count_en(2, figure, "rounds") == "2 rounds"
    assert format_count_en(5, figure, "rounds") == "5 rounds"
    millions = parse_display("2320万人次")
    assert format_count_en(1_000_000, millions, "person-times") == "1.0 million person-times"
    tenths = parse_display("1.92万场")
    assert format_count_en(10_000, tenths, "sessions") == "10,000 sessions"


def test_the_final_text_keeps_the_unit_as_given() -> None:
    one = parse_display("1个")
    assert format_count_en(1, one, "federation") == "1 federation"
    assert format_count_en(1, one, "bus") == "1 bus", "the data's unit, not a guess"


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("rounds", "round"),
        ("departments", "department"),
        ("job fairs", "job fair"),
        ("bases and workshops", "base and workshop"),
        ("women and children", "woman and child"),
        ("person-times", "person-time"),
        ("families", "family"),
        ("yuan", "yuan"),
        ("series", "series"),
        ("classes", "class"),
        ("boxes", "box"),
        ("bases", "base"),
    ],
)
def test_singular_units(plural: str, one: str) -> None:
    assert singular(plural) == one


def test_a_figure_splits_into_its_number_over_its_unit() -> None:
    """Counters and bars put an English unit on a line of its own, singular or plural."""
    assert number_over_unit("More than 100,000 families", "families") == [
        "More than 100,000",
        "families",
    ]
    assert number_over_unit("1 round", "rounds") == ["1", "round"]
    assert number_over_unit("70%", "%") == ["70%"]
    assert number_over_unit("10万余户", "") == ["10万余户"]


# --- Chinese numerals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "text"),
    [(0, "零"), (5, "五"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九")],
)
def test_chinese_numerals_examples(number: int, text: str) -> None:
    assert to_chinese_numeral(number) == text
    assert from_chinese_numeral(text) == number


def test_chinese_numerals_round_trip_0_to_99() -> None:
    seen = set()
    for number in range(100):
        text = to_chinese_numeral(number)
        assert from_chinese_numeral(text) == number
        seen.add(text)
    assert len(seen) == 100


@pytest.mark.parametrize(("text", "number"), [("两", 2), ("〇", 0), ("两十", 20)])
def test_chinese_numeral_variants(text: str, number: int) -> None:
    assert from_chinese_numeral(text) == number


@pytest.mark.parametrize("number", [-1, 100, 1000])
def test_to_chinese_numeral_rejects_out_of_range(number: int) -> None:
    with pytest.raises(DisplayTextError):
        to_chinese_numeral(number)


@pytest.mark.parametrize("text", ["", "百", "十十", "一二", "二二十", "十二二", "五a", "5"])
def test_from_chinese_numeral_rejects_malformed(text: str) -> None:
    with pytest.raises(DisplayTextError):
        from_chinese_numeral(text)


# --- nice_axis ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("maximum", "end", "step"),
    [
        (7_620_000, 8_000_000, 2_000_000),  # the rights pane: 762万 ends at 800万
        (240_000_000, 250_000_000, 50_000_000),
        (77_000, 80_000, 20_000),
        (116_000, 120_000, 20_000),
        (95, 100, 25),
        (100, 120, 20),
        (1, 1.2, 0.2),
        (0.3, 0.4, 0.1),
        (276, 300, 100),
    ],
)
def test_nice_axis_ends_on_a_round_value_just_above_the_maximum(
    maximum: float, end: float, step: float
) -> None:
    assert nice_axis(maximum) == pytest.approx((end, step))


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=1e-3, max_value=1e12, allow_nan=False))
def test_nice_axis_always_holds_the_maximum_in_a_few_round_steps(maximum: float) -> None:
    end, step = nice_axis(maximum)
    assert end > maximum
    assert end - step <= maximum * (1 + 1e-9), "no whole empty step above the maximum"
    intervals = round(end / step)
    assert abs(intervals * step - end) <= step * 1e-9
    assert 3 <= intervals <= 6
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-12)
    assert any(abs(mantissa - nice) < 1e-9 for nice in (1, 2, 2.5, 5)), step


def test_nice_axis_of_nothing_is_zero_to_one() -> None:
    assert nice_axis(0) == (1.0, 0.2)
    assert nice_axis(float("nan")) == (1.0, 0.2)


# --- format_axis_tick ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "spacing", "lang", "expected"),
    [
        (50_000, 10_000, "zh", "5万"),
        (150_000_000, 50_000_000, "zh", "1.5亿"),
        (0, 10_000, "zh", "0"),
        (15_000, 5_000, "zh", "1.5万"),
        (2_500_000_000, 500_000_000, "zh", "25亿"),
        (8_000, 2_000, "zh", "8000"),
        (50_000, 10_000, "en", "50,000"),
        (1_500_000_000, 500_000_000, "en", "1.5B"),
        (2_500_000, 500_000, "en", "2.5M"),
        (0, 10_000, "en", "0"),
        (0.1 + 0.2, 0.1, "zh", "0.3"),
        (0.1 + 0.2, 0.1, "en", "0.3"),
        (3 * 0.1 * 100_000_000, 10_000_000, "zh", "3000万"),
        (3.3 * 100_000_000 + 1e-7, 10_000_000, "zh", "3.3亿"),
        (0.7 * 3 * 10_000, 1_000, "zh", "2.1万"),
        (-0.0, 1, "zh", "0"),
        (-1e-12, 0.1, "en", "0"),
    ],
)
def test_axis_ticks(value: float, spacing: float, lang: str, expected: str) -> None:
    assert format_axis_tick(value, spacing, lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "spacing", "expected"),
    [(30, 10, "30%"), (0.1 + 0.2, 0.1, "0.3%"), (100, 20, "100%"), (0, 20, "0%"), (-0.0, 10, "0%")],
)
def test_percent_axis_ticks(value: float, spacing: float, expected: str) -> None:
    assert format_axis_tick(value, spacing, "zh", percent=True) == expected
    assert format_axis_tick(value, spacing, "en", percent=True) == expected


_TICK_UNITS = {"亿": 1e8, "万": 1e4, "B": 1e9, "M": 1e6, "%": 1.0, "": 1.0}


def _tick_value(label: str) -> float:
    for unit, factor in _TICK_UNITS.items():
        if unit and label.endswith(unit):
            return float(label[: -len(unit)].replace(",", "")) * factor
    return float(label.replace(",", ""))


@settings(max_examples=300, deadline=None)
@given(
    mantissa=st.sampled_from([1, 2, 5]),
    exponent=st.integers(-2, 10),
    index=st.integers(0, 12),
    lang=st.sampled_from(["zh", "en"]),
    percent=st.booleans(),
)
def test_axis_ticks_read_back_exactly_without_float_noise(
    mantissa: int, exponent: int, index: int, lang: str, percent: bool
) -> None:
    spacing = mantissa * 10.0**exponent
    value = index * spacing  # float arithmetic, as pyqtgraph computes ticks
    label = format_axis_tick(value, spacing, lang, percent)  # type: ignore[arg-type]
    assert not re.search(r"\d\.\d*(0000|9999)", label), label
    assert "e" not in label.lower(), label
    assert " " not in label, label  # 1M, not 1 m
    assert abs(_tick_value(label) - value) <= spacing * 1e-6, (label, value, spacing)
    if percent:
        assert label.endswith("%")


# --- Properties over arbitrary figures ------------------------------------------------------

UNITS = ["", "个", "人次", "元", "%", "场次", "名"]


@st.composite
def figures(draw: st.DrawFn) -> tuple[str, Figure]:
    decimals = draw(st.integers(0, 3))
    scale = draw(st.sampled_from(["", "万", "亿"]))
    number = Decimal(draw(st.integers(0, 10**6))).scaleb(-decimals)
    prefix = draw(st.sampled_from(["", "", "超", "近"]))
    qualifier = draw(st.sampled_from(["", "余"]))
    suffix = draw(st.sampled_from(UNITS))
    text = f"{prefix}{number:.{decimals}f}{scale}{qualifier}{suffix}"
    figure = parse_display(text)
    assert figure.text == text
    return text, figure


progress = st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=25)


def _zh_value(text: str) -> Decimal:
    return parse_display(text).value


def _en_value(text: str) -> Decimal:
    match = re.match(r"^(?:More than |Nearly |About )?([\d,]+(?:\.\d+)?)( billion| million)?", text)
    assert match is not None, text
    factor = {" billion": 10**9, " million": 10**6, None: 1}[match.group(2)]
    return Decimal(match.group(1).replace(",", "")) * factor


def _decimals(text: str) -> int:
    match = re.search(r"\d+(?:\.(\d+))?", text.replace(",", ""))
    assert match is not None, text
    return len(match.group(1) or "")


@settings(max_examples=300, deadline=None)
@given(case=figures(), ts=progress)
def test_chinese_count_up_is_monotonic_and_ends_exactly(
    case: tuple[str, Figure], ts: list[float]
) -> None:
    text, figure = case
    m = FakeMetric(figure, "units")
    values = [figure.value * Decimal(t) for t in sorted(ts)] + [figure.value]
    frames = [format_count(v, m) for v in values]
    assert frames[-1] == text
    numbers = [_zh_value(frame) for frame in frames]
    assert numbers == sorted(numbers), frames
    for frame in frames:
        assert len(frame) <= len(text), (frame, text)
        assert _decimals(frame) == figure.decimals, (frame, text)
        assert frame.endswith(figure.suffix)
    for frame, value in zip(frames, values, strict=True):
        if value < figure.value:
            if figure.prefix:
                assert not frame.startswith(figure.prefix), (frame, text)
            if figure.qualifier:
                assert figure.qualifier not in frame, (frame, text)


@settings(max_examples=200, deadline=None)
@given(case=figures(), ts=progress)
def test_chinese_count_up_with_float_progress_as_the_counter_does(
    case: tuple[str, Figure], ts: list[float]
) -> None:
    text, figure = case
    m = FakeMetric(figure)
    frames = [format_count(float(figure.value) * t, m) for t in sorted(ts)]
    frames.append(format_count(figure.value, m))
    assert frames[-1] == text
    numbers = [_zh_value(frame) for frame in frames]
    assert numbers == sorted(numbers), frames
    assert all(len(frame) <= len(text) for frame in frames)


@settings(max_examples=300, deadline=None)
@given(case=figures(), ts=progress, unit_en=st.sampled_from(["", "yuan", "sessions", "%"]))
def test_english_count_up_is_monotonic_and_holds_decimals(
    case: tuple[str, Figure], ts: list[float], unit_en: str
) -> None:
    _, figure = case
    m = FakeMetric(figure, unit_en)
    values = [figure.value * Decimal(t) for t in sorted(ts)] + [figure.value]
    frames = [format_count(v, m, "en") for v in values]
    numbers = [_en_value(frame) for frame in frames]
    assert numbers == sorted(numbers), frames
    assert numbers[-1] == figure.value
    assert len({_decimals(frame) for frame in frames}) == 1, frames
    final = frames[-1]
    assert final.startswith(("More than ", "Nearly ", "About ")) == bool(figure.any_qualifier)
    for frame, value in zip(frames, values, strict=True):
        if value < figure.value:
            assert not frame.startswith(("More than ", "Nearly ", "About "))


def test_thousands_separators_are_read_and_kept_in_the_display() -> None:
    figure = parse_display("1,336个")
    assert figure.value == 1336
    assert figure.grouped
    assert figure.text == "1,336个"
    assert figure.at(1200) == "1,200个"
    assert parse_display("12,345.5万元").value == 123_455_000
    assert parse_display("12,345.5万元").text == "12,345.5万元"
    assert not parse_display("1336个").grouped


def test_a_qualifier_may_stand_before_the_scale() -> None:
    figure = parse_display("10余万人次")
    assert figure.value == 100_000
    assert (figure.qualifier, figure.scale, figure.suffix) == ("余", "万", "人次")
    assert figure.text == "10余万人次"
    assert figure.at(50_000) == "5万人次"  # the qualifier shows on the final frame only
    assert parse_display("3万余个").text == "3万余个"
    assert not parse_display("3万余个").qualifier_first
