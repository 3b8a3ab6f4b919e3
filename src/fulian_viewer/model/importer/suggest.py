"""Suggest which figures are headlines and on the scorecard, and draft the charts.

The rules (also in the README's "Start from a report's text"):

- **Headline and scorecard**: in each section, take the largest figure of each unit;
  order them by how many figures their unit has, then by size; the first four are
  headlines, and the first two headlines in the report's order go on the scorecard.
- **Charts**: in each section, the units with two or more figures, most figures
  first, up to two charts: a ring for percentages, otherwise bars (horizontal when
  labels are long); at most five figures each, in the report's order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fulian_viewer.model.importer.draft import MetricDraft, SectionDraft

HEADLINES_PER_SECTION = 4
SCORECARD_PER_SECTION = 2
CHARTS_PER_SECTION = 2
CHART_MAX_METRICS = 5


def suggest_flags(section: SectionDraft) -> None:
    """Mark headline and scorecard figures by the rule in the module's docstring."""
    by_unit: dict[str, list[MetricDraft]] = {}
    for metric in section.metrics:
        by_unit.setdefault(metric.found.unit, []).append(metric)
    picks = [max(group, key=lambda m: m.found.value) for group in by_unit.values()]
    picks.sort(key=lambda m: (-len(by_unit[m.found.unit]), -m.found.value))
    for metric in picks[:HEADLINES_PER_SECTION]:
        metric.headline = True
    headlines = [m for m in section.metrics if m.headline]
    for metric in headlines[:SCORECARD_PER_SECTION]:
        metric.scorecard = True


def draft_charts(section: SectionDraft, fewest: int = 2) -> None:
    """Draft up to two charts of one unit each (see the module's docstring).

    Units with fewer than ``fewest`` figures are not charted.
    """
    by_unit: dict[str, list[MetricDraft]] = {}
    for metric in section.metrics:
        by_unit.setdefault(metric.found.unit, []).append(metric)
    groups = [group for group in by_unit.values() if len(group) >= fewest]
    # Most figures first; of equal groups, percentages (a ring reads well alone) first.
    groups.sort(key=lambda group: (-len(group), group[0].found.unit != "%"))
    for group in groups[:CHARTS_PER_SECTION]:
        members = group[:CHART_MAX_METRICS]
        unit = members[0].found.unit
        if unit == "%":
            kind = "ring"
        elif any(len(m.found.label) > 8 for m in members) or len(members) > 3:
            kind = "hbar"
        else:
            kind = "bar"
        title = _chart_title([m.found.label for m in members], unit)
        section.charts.append(
            (f"{section.id}_chart{len(section.charts) + 1}", kind, title, members)
        )


def _chart_title(labels: list[str], unit: str) -> str:
    suffix = "（%）" if unit == "%" else f"（{unit}）"
    if len(labels) == 1:
        return labels[0] + suffix
    if len(labels) == 2 and len(labels[0]) + len(labels[1]) <= 14:
        return f"{labels[0]}与{labels[1]}{suffix}"
    return f"{labels[0][:12]}等{suffix}"
