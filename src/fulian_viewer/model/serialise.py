"""The loaded dataset as plain JSON-ready data, for ``fulian-viewer check --json``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fulian_viewer.model.loading import LoadResult
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.report import Chart, Metric, Section, Text


def result_to_dict(result: LoadResult, lang: Lang = "zh") -> dict[str, Any]:
    """Everything ``check`` knows: validity, problems and the loaded report."""
    report = result.report
    return {
        "path": str(result.path),
        "valid": result.ok,
        "problems": [
            {
                "file": p.file,
                "row": p.row,
                "column": p.column,
                "code": p.code,
                "warning": p.warning,
                "message": p.message(lang),
            }
            for p in result.problems
        ],
        "encodings": result.encodings,
        "deck": {key: _text(text) for key, text in report.deck.entries} if report else {},
        "sections": [_section(s) for s in report.sections] if report else [],
        "notes": [
            {"pane": n.pane, "notes": _text(n.text), "target_seconds": n.target_seconds}
            for n in (report.notes if report else ())
        ],
    }


def _text(text: Text) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _metric(metric: Metric) -> dict[str, Any]:
    return {
        "id": metric.id,
        "section": metric.section_id,
        "label": _text(metric.label),
        "value": _number(metric.value),
        "unit": metric.unit,
        "unit_en": metric.unit_en,
        "display": metric.display,
        "qualifier": metric.qualifier,
        "headline": metric.headline,
        "scorecard": metric.scorecard,
        "source": metric.source,
    }


def _chart(chart: Chart) -> dict[str, Any]:
    return {
        "id": chart.id,
        "section": chart.section_id,
        "order": chart.order,
        "type": chart.type,
        "title": _text(chart.title),
        "unit": chart.unit,
        "metrics": [m.id for m in chart.metrics],
    }


def _section(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "order": section.order,
        "title": _text(section.title),
        "subtitle": _text(section.subtitle),
        "summary": _text(section.summary),
        "metrics": [_metric(m) for m in section.metrics],
        "charts": [_chart(c) for c in section.charts],
    }
