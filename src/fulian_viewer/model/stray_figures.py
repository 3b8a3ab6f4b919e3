"""Figures written into labels and titles that the report does not print.

Every figure on screen is the report's. The metrics are checked against their
source sentences; a label, title, subtitle or summary is free text, and a number
typed into it (``覆盖9999万人次``) would reach the screen unchecked. Each such
number that does not occur in the report's text is a warning naming its cell.
"""

from __future__ import annotations

import re
import unicodedata

from fulian_viewer.model.problems import Problem, Problems, problem
from fulian_viewer.model.tables import Table

# The Chinese text columns shown on screen, by table.
TEXT_COLUMNS = {
    "deck": ("zh",),
    "sections": ("title_zh", "subtitle_zh", "summary_zh"),
    "metrics": ("label_zh",),
    "charts": ("title_zh",),
}
# Deck rows whose value is not shown as text.
_DECK_SETTINGS = {"source_file", "dwell_seconds"}
_FIGURE_RE = re.compile(r"[0-9０-９][0-9０-９.．,，]*[%％万亿千]?")


def stray_figures(tables: dict[str, tuple[Table, str]], flat_report: str) -> list[Problem]:
    """A warning for each figure in shown text that the report (line breaks out) lacks."""
    warnings = Problems()
    report = unicodedata.normalize("NFKC", flat_report)
    for name, columns in TEXT_COLUMNS.items():
        if name not in tables:
            continue
        table, label = tables[name]
        for row, cells in table.rows.items():
            if name == "deck" and cells.get("key") in _DECK_SETTINGS:
                continue
            for column in columns:
                for figure in _figures(cells.get(column, "")):
                    if figure not in report and not warnings.full(label, "stray_figure"):
                        warnings.append(problem(label, "stray_figure", row, column, figure=figure))
    return warnings.with_counts()


def _figures(text: str) -> list[str]:
    """The figures of ``text``, half-width, without a trailing separator."""
    found = []
    for match in _FIGURE_RE.finditer(text):
        figure = unicodedata.normalize("NFKC", match.group()).rstrip(".,")
        found.append(figure)
    return found
