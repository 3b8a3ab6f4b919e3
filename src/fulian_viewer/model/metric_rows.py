"""Read the metrics table's rows: each figure checked against its value and the report.

A metric is kept only when its display text is a figure as the report prints it,
means exactly its value, carries its unit and is quoted in its source sentence,
which is in the report's text. Every problem names its row and column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from itertools import islice
from typing import cast

from fulian_viewer.model.numbers import DisplayTextError, Figure, parse_display
from fulian_viewer.model.problems import is_hidden
from fulian_viewer.model.report import Metric, Text
from fulian_viewer.model.schema import Cells

_PERCENT_SIGNS = ("%", "％")
# Characters that NFKC turns into ASCII digits or signs: full-width digits and the like.
_WIDE_RE = re.compile(r"[０-９．％＋－]")
_DIGITS = "0123456789０１２３４５６７８９.．"
_CHINESE_NUMERALS = "零〇一二三四五六七八九十百千万亿两"
_FIGURE_TAIL = "万亿千百十余多"  # what continues a figure after its digits
MAX_SPOTS = 200  # places a display is judged at (a one-digit source is in a report often)


def read_metrics(cells: Cells, flat_source: str | None) -> dict[str, Metric]:
    """The sound metrics by id; ``flat_source`` is the report's text without line breaks."""
    metrics: dict[str, Metric] = {}
    first_row: dict[str, int] = {}
    for row, record in cells.rows():
        metric_id, repeated = cells.unique_identifier(row, record, "id", first_row)
        if repeated:
            continue
        metric = _metric(cells, row, record, metric_id, flat_source)
        if metric is not None:
            metrics[metric.id] = metric
    return metrics


def _metric(
    cells: Cells,
    row: int,
    record: dict[str, str],
    metric_id: str | None,
    flat_source: str | None,
) -> Metric | None:
    section_id = cells.identifier(row, record, "section")
    label = cells.text(row, record, "label_zh")
    unit = cells.text(row, record, "unit")
    value = cells.number(row, _percent_value(record, unit), "value")
    source = cells.text(row, record, "source")
    figure = _figure(cells, row, record, value, unit)
    headline = cells.flag(row, record, "headline")
    scorecard = cells.flag(row, record, "scorecard")
    if source is not None and figure is not None:
        if flat_source is not None and source not in flat_source:
            cells.add("source_not_in_text", row, "source")
            return None
        if figure.text not in source:
            cells.add("display_not_in_source", row, "display", display=figure.text)
            return None
        context = _inside_a_figure(figure.text, source, flat_source)
        if context is not None:
            cells.add("display_inside_figure", row, "display", display=figure.text, context=context)
            return None
    if None in (metric_id, section_id, label, value, unit, source, figure):
        return None
    return Metric(
        id=cast(str, metric_id),
        section_id=cast(str, section_id),
        label=Text(cast(str, label), record.get("label_en", "")),
        value=cast(Decimal, value),
        unit=cast(str, unit),
        unit_en=record.get("unit_en", ""),
        figure=cast(Figure, figure),
        headline=headline,
        scorecard=scorecard,
        source=cast(str, source),
    )


def _inside_a_figure(display: str, source: str, report: str | None = None) -> str | None:
    """Where ``display`` stands in ``source`` only as part of a larger figure, else None.

    ``6万场次`` is in ``6.6万场次`` and ``320万人次`` in ``2320万人次``: a display must
    be a whole figure of the sentence, not its tail or head (``3万`` of ``3万余个``).
    With the ``report``'s text (line breaks taken out) the figure is judged where
    the source stands in it, so a source cut mid-figure (``6万场次，线上…``) is no way
    round the rule.
    """
    before_chars = _DIGITS + (_CHINESE_NUMERALS if display[0] in _CHINESE_NUMERALS else "")
    open_ended = display[-1] in _DIGITS or display[-1] in _CHINESE_NUMERALS
    after_chars = _DIGITS + (_FIGURE_TAIL if open_ended else "")
    inside = list(_occurrences(display, source))
    if report is not None:
        found = ((report, at + spot) for at in _occurrences(source, report) for spot in inside)
        spots = list(islice(found, MAX_SPOTS))
    else:
        spots = [(source, spot) for spot in inside]
    for text, start in spots:
        before = text[max(0, start - 2) : start]
        after = text[start + len(display) : start + len(display) + 2]
        if not _continues(before[::-1], before_chars) and not _continues(after, after_chars):
            return None
    if not spots:
        return None  # told as a display or a source not found
    text, start = spots[0]
    return text[max(0, start - 3) : start + len(display) + 3]


def _occurrences(part: str, text: str, limit: int = 100) -> Iterator[int]:
    """Where ``part`` starts in ``text``, the first ``limit`` times."""
    start = text.find(part)
    for _ in range(limit):
        if start < 0:
            return
        yield start
        start = text.find(part, start + 1)


def _continues(beside: str, chars: str) -> bool:
    """Whether the text beside a display (read outwards) carries its figure on.

    A thousands comma counts only with a digit beyond it (``1,234``), so the
    comma that ends a phrase (``6.6万场次,``) does not.
    """
    if not beside:
        return False
    if beside[0] == ",":
        return len(beside) > 1 and beside[1] in _DIGITS
    return beside[0] in chars


def _percent_value(record: dict[str, str], unit: str | None) -> dict[str, str]:
    """The row, with a percentage's value written ``70%`` read as ``70``.

    A cell formatted as a percentage in Excel shows (and is read as) ``70%``, and
    typing 70 into it keeps it so; the unit column already says it is a percentage.
    """
    value = record.get("value", "").strip()
    if unit == "%" and value.endswith(_PERCENT_SIGNS) and len(value) > 1:
        return {**record, "value": value[:-1].rstrip()}
    return record


def _figure(
    cells: Cells,
    row: int,
    record: dict[str, str],
    value: Decimal | None,
    unit: str | None,
) -> Figure | None:
    text = cells.text(row, record, "display")
    if text is None:
        return None
    hint = _typing_slip(text)
    if hint is not None:
        code, params = hint
        cells.add(code, row, "display", text=text, **params)
        return None
    try:
        figure = parse_display(text)
    except DisplayTextError:
        cells.add("bad_display", row, "display", text=text)
        return None
    if figure.text != text:
        cells.add("bad_display", row, "display", text=text)
        return None
    if unit is None or value is None:
        return None
    if (unit == "%") != figure.is_percent:
        cells.add("percent_unit", row, "display" if unit == "%" else "unit")
        return None
    if figure.suffix not in ("", unit):
        cells.add("display_unit", row, "display", display=text, suffix=figure.suffix, unit=unit)
        return None
    if unit == "%" and value > 100:
        cells.add("percent_over_100", row, "value", text=record["value"])
        return None
    if figure.value != value:
        cells.add(
            "display_mismatch",
            row,
            "display",
            display=text,
            display_value=_plain(figure.value),
            value=_plain(value),
        )
        return None
    return figure


def _typing_slip(text: str) -> tuple[str, dict[str, str]] | None:
    """A display text's full-width digits or inner spaces, with the text as it should be.

    The report prints figures in ASCII digits with no space before the unit
    (``97.49亿元``); ``９７.４９亿元`` or ``97.49 亿元`` would show differently from it.
    """
    if _WIDE_RE.search(text):
        fixed = _WIDE_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
        return "display_full_width", {"fixed": fixed}
    inner = text.strip()
    if any(_gap(ch) for ch in inner):
        return "display_space", {"fixed": "".join(ch for ch in inner if not _gap(ch))}
    return None


def _gap(ch: str) -> bool:
    return ch.isspace() or is_hidden(ch)


def _plain(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros (``9749000000``, ``6.6``)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
