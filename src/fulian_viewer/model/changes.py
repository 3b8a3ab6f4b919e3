"""What a reload changed, figure by figure, for the log (``lectures: 6.6万场次 → 6.7万场次``).

Qt-free.
"""

from __future__ import annotations

from fulian_viewer.model.report import Metric, Report

ARROW = "→"


def figure_changes(old: Report, new: Report) -> list[str]:
    """One line per figure added, removed or changed, then one per other kind of change.

    Figures are matched by id; a figure whose display text stayed but whose label,
    section or place on the scorecard changed is named too.
    """
    before = {metric.id: metric for metric in old.metrics}
    after = {metric.id: metric for metric in new.metrics}
    lines = []
    for metric_id, metric in after.items():
        previous = before.get(metric_id)
        if previous is None:
            lines.append(f"{metric_id}: (new) {ARROW} {metric.display}")
        elif previous.display != metric.display:
            lines.append(f"{metric_id}: {previous.display} {ARROW} {metric.display}")
        elif _shown(previous) != _shown(metric):
            lines.append(f"{metric_id}: {metric.display} (label, unit or flags edited)")
    lines += [
        f"{metric_id}: {metric.display} {ARROW} (removed)"
        for metric_id, metric in before.items()
        if metric_id not in after
    ]
    old_charts = [
        (c.id, c.section_id, c.order, c.type, c.title, tuple(m.id for m in c.metrics))
        for c in old.charts
    ]
    new_charts = [
        (c.id, c.section_id, c.order, c.type, c.title, tuple(m.id for m in c.metrics))
        for c in new.charts
    ]
    if old_charts != new_charts:
        lines.append(f"charts: {len(old.charts)} {ARROW} {len(new.charts)} (edited)")
    old_sections = [(s.id, s.order, s.title, s.subtitle, s.summary) for s in old.sections]
    new_sections = [(s.id, s.order, s.title, s.subtitle, s.summary) for s in new.sections]
    if old_sections != new_sections:
        lines.append(f"sections: {len(old.sections)} {ARROW} {len(new.sections)} (edited)")
    if old.deck != new.deck:
        lines.append("deck: titles or texts edited")
    if old.source_text != new.source_text:
        lines.append("report text edited")
    return lines


def _shown(metric: Metric) -> tuple[object, ...]:
    """What a figure's pane shows of it besides its display text (not its source)."""
    return (
        metric.section_id,
        metric.label,
        metric.unit,
        metric.unit_en,
        metric.headline,
        metric.scorecard,
    )
