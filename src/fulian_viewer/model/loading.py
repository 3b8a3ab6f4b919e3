"""Validate a dataset's tables and build a :class:`Report` from what is sound.

Every problem is reported at once, each naming file, row and column; rows with
problems are left out and the rest still loads, so a viewer can keep running on
what is good. Nothing here writes to the data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar, cast

from fulian_viewer.assets import resource_path
from fulian_viewer.model.deck import build_panes
from fulian_viewer.model.files import locate_inside
from fulian_viewer.model.metric_rows import read_metrics
from fulian_viewer.model.notes import read_notes
from fulian_viewer.model.problems import Problem, Problems, problem
from fulian_viewer.model.report import (
    CHART_TYPES,
    Chart,
    ChartType,
    Deck,
    Metric,
    Report,
    Section,
    Text,
)
from fulian_viewer.model.schema import LIST_SEPARATORS, SCHEMAS, Cells, canonical_columns
from fulian_viewer.model.stray_figures import stray_figures
from fulian_viewer.model.tables import RawDataset, read_dataset, read_text_file

DECK_KEYS = (
    "title",
    "subtitle",
    "period",
    "tagline",
    "lead",
    "closing",
    "organisation",
    "credits",
    "scorecard_title",
    "scorecard_subtitle",
    "source_file",
    "dwell_seconds",
)
REQUIRED_DECK_KEYS = ("title", "source_file")
DWELL_RANGE = (3, 3600)
T = TypeVar("T")


@dataclass(frozen=True)
class LoadResult:
    """What loading a dataset gave: the report (None when nothing is usable) and problems."""

    path: Path
    report: Report | None
    problems: tuple[Problem, ...] = ()
    encodings: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the dataset loaded with no problem at all (warnings aside)."""
        return self.report is not None and not self.errors

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are not mere warnings."""
        return tuple(problem for problem in self.problems if not problem.warning)


def bundled_data_path() -> Path:
    """The folder of the report bundled with the package."""
    return resource_path("data")


def load_report(path: Path | None = None, warnings: bool = False) -> LoadResult:
    """Load and validate the dataset at ``path`` (the bundled report when None).

    With ``warnings``, also warn about each cell holding characters that no bundled
    font can draw, and each figure in a label or title that the report does not
    print (``check`` and ``export`` ask; the viewer need not).
    """
    path = path or bundled_data_path()
    raw = read_dataset(path)
    builder = _Builder(raw)
    report = builder.build()
    problems = Problems(raw.problems)
    problems.extend(builder.problems)
    if warnings:
        from fulian_viewer.model.glyphs import bundled_coverage, missing_glyphs

        if report is not None and report.source_text:
            flat = normalise_source(report.source_text)
            problems.extend(stray_figures(raw.tables, flat))
        problems.extend(missing_glyphs(raw.tables.values(), bundled_coverage()))
    return LoadResult(path, report, tuple(problems.with_counts()), dict(raw.encodings))


def normalise_source(text: str) -> str:
    """The report's text with line breaks removed, as source sentences are quoted.

    The report's text is wrapped mid-sentence (``1.7`` / ``万个``), so sentences are
    matched against the text with its line breaks taken out.
    """
    return text.replace("\r", "").replace("\n", "")


class _Builder:
    """Builds the model table by table, gathering problems as it goes."""

    def __init__(self, raw: RawDataset) -> None:
        self.raw = raw
        self.problems = Problems()
        # Tables that could not be read, or lack a required column: their own
        # problems are the ones to tell, not every reference into them.
        self.missing = set(raw.unreadable)
        for name, (table, label) in list(raw.tables.items()):
            raw.tables[name] = (canonical_columns(table, SCHEMAS[name]), label)

    def _cells(self, name: str) -> Cells | None:
        if name not in self.raw.tables:
            return None
        table, label = self.raw.tables[name]
        cells = Cells(table, label, SCHEMAS[name])
        if not cells.usable:
            self.problems.extend(cells.problems)
            self.missing.add(name)
            return None
        return cells

    def _collect(self, cells: Cells) -> None:
        self.problems.extend(cells.problems)
        cells.problems = Problems()

    def build(self) -> Report | None:
        deck, source_text = self._deck()
        metrics = self._metrics(source_text)
        charts = self._charts(metrics)
        sections = self._sections(metrics, charts)
        if not sections:
            if self.missing or "sections" not in self.raw.tables:
                return None  # the unreadable tables are the problems to tell
            label = self.raw.tables["sections"][1] if "sections" in self.raw.tables else "sections"
            self.problems.append(problem(label, "no_sections"))
            return None
        report = Report(deck=deck, sections=sections, source_text=source_text or "")
        cells = self._cells("notes")
        if cells is not None:
            keys = [spec.key for spec in build_panes(report)]
            report = replace(report, notes=read_notes(cells, keys))
            self._collect(cells)
        return report

    def _deck(self) -> tuple[Deck, str | None]:
        cells = self._cells("deck")
        if cells is None:
            return Deck(), None
        entries: dict[str, tuple[int, Text]] = {}
        for row, record in cells.rows():
            key = cells.text(row, record, "key")
            zh = cells.text(row, record, "zh")
            if key is None or zh is None:
                continue
            if key not in DECK_KEYS:
                cells.add("unknown_deck_key", row, "key", key=key, allowed=", ".join(DECK_KEYS))
            elif key in entries:
                cells.add("duplicate_id", row, "key", id=key, first=entries[key][0])
            elif key == "dwell_seconds" and cells.seconds(row, record, "zh", *DWELL_RANGE) is None:
                continue
            else:
                entries[key] = (row, Text(zh, record.get("en", "")))
        for key in REQUIRED_DECK_KEYS:
            if key not in entries:
                cells.add("missing_deck_key", None, "key", key=key)
        source_text = None
        if "source_file" in entries:
            row, name = entries["source_file"]
            source_text = self._source_text(cells, row, name.zh)
        self._collect(cells)
        return Deck(tuple((key, text) for key, (_, text) in entries.items())), source_text

    def _source_text(self, cells: Cells, row: int, name: str) -> str | None:
        path = locate_inside(self.raw.folder, name)
        if isinstance(path, str):
            cells.add(path, row, "zh", path=name)
            return None
        text, problems = read_text_file(path, name)
        self.problems.extend(problems)
        return text

    def _metrics(self, source_text: str | None) -> dict[str, Metric]:
        cells = self._cells("metrics")
        if cells is None:
            return {}
        metrics = read_metrics(cells, normalise_source(source_text) if source_text else None)
        self._collect(cells)
        return metrics

    def _charts(self, metrics: dict[str, Metric]) -> list[Chart]:
        cells = self._cells("charts")
        if cells is None:
            return []
        charts: list[Chart] = []
        first_row: dict[str, int] = {}
        for row, record in cells.rows():
            chart_id, repeated = cells.unique_identifier(row, record, "id", first_row)
            if repeated:
                continue
            chart = self._chart(cells, row, record, chart_id, metrics)
            if chart is not None:
                charts.append(chart)
        self._collect(cells)
        return charts

    def _chart(
        self,
        cells: Cells,
        row: int,
        record: dict[str, str],
        chart_id: str | None,
        metrics: dict[str, Metric],
    ) -> Chart | None:
        section_id = cells.identifier(row, record, "section")
        order = cells.integer(row, record, "order", default=row)
        title = cells.text(row, record, "title_zh")
        chart_type = cells.text(row, record, "type")
        if chart_type is not None and chart_type.lower() not in CHART_TYPES:
            cells.add(
                "unknown_chart_type", row, "type", text=chart_type, allowed=", ".join(CHART_TYPES)
            )
            chart_type = None
        members = self._chart_metrics(cells, row, record, metrics)
        if members and len({m.unit for m in members}) > 1:
            units = "、".join(dict.fromkeys(m.unit for m in members))
            cells.add("mixed_units", row, "metrics", units=units)
            return None
        is_ring = bool(chart_type) and str(chart_type).lower() == "ring"
        if members and is_ring and any(m.unit != "%" for m in members):
            cells.add("ring_not_percent", row, "type")
            return None
        if None in (chart_id, section_id, order, title, chart_type) or not members:
            return None
        return Chart(
            id=cast(str, chart_id),
            section_id=cast(str, section_id),
            order=cast(int, order),
            type=cast(ChartType, cast(str, chart_type).lower()),
            title=Text(cast(str, title), record.get("title_en", "")),
            metrics=tuple(members),
        )

    def _chart_metrics(
        self, cells: Cells, row: int, record: dict[str, str], metrics: dict[str, Metric]
    ) -> list[Metric]:
        text = cells.text(row, record, "metrics")
        if text is None:
            return []
        members: list[Metric] = []
        ids = [part for part in LIST_SEPARATORS.split(text) if part]
        if not ids:
            cells.add("empty_chart", row, "metrics")
        if "metrics" in self.missing:
            return members  # the unreadable table is the one problem to tell
        for metric_id in ids:
            if metric_id in metrics:
                members.append(metrics[metric_id])
            elif not self._metric_row_exists(metric_id):
                cells.add("unknown_metric", row, "metrics", id=metric_id)
        return members

    def _metric_row_exists(self, metric_id: str) -> bool:
        """Whether a metric row names this id (it may have been left out for its own problem)."""
        if "metrics" not in self.raw.tables:
            return False
        return bool(self.raw.tables["metrics"][0].rows_where("id", metric_id))

    def _sections(self, metrics: dict[str, Metric], charts: list[Chart]) -> tuple[Section, ...]:
        cells = self._cells("sections")
        if cells is None:
            return ()
        by_section = _group(metrics.values(), lambda m: m.section_id)
        charts_by_section = _group(charts, lambda c: c.section_id)
        sections: list[tuple[int, int, Section]] = []
        first_row: dict[str, int] = {}
        for row, record in cells.rows():
            section_id = cells.identifier(row, record, "id")
            order = cells.integer(row, record, "order", default=row)
            title = cells.text(row, record, "title_zh")
            if section_id is not None and section_id in first_row:
                cells.add("duplicate_id", row, "id", id=section_id, first=first_row[section_id])
                continue
            if section_id is None:
                continue
            first_row[section_id] = row  # known even when the row is left out below
            if order is None or title is None:
                continue
            own_metrics = by_section.pop(section_id, [])
            if not own_metrics and "metrics" in self.missing:
                continue
            if not own_metrics:
                cells.add("section_without_metrics", row, "id", id=section_id)
                continue
            section = Section(
                id=section_id,
                order=order,
                title=Text(title, record.get("title_en", "")),
                subtitle=Text(record.get("subtitle_zh", ""), record.get("subtitle_en", "")),
                summary=Text(record.get("summary_zh", ""), record.get("summary_en", "")),
                metrics=tuple(own_metrics),
                charts=tuple(sorted(charts_by_section.pop(section_id, []), key=lambda c: c.order)),
            )
            sections.append((order, row, section))
        self._collect(cells)
        self._report_orphans(by_section, charts_by_section, set(first_row))
        return tuple(section for _, _, section in sorted(sections, key=lambda item: item[:2]))

    def _report_orphans(
        self,
        metrics: dict[str, list[Metric]],
        charts: dict[str, list[Chart]],
        known_sections: set[str],
    ) -> None:
        """Name each metric or chart whose section does not exist."""
        for name, orphans in (("metrics", metrics), ("charts", charts)):
            if name not in self.raw.tables:
                continue
            table, label = self.raw.tables[name]
            for section_id in orphans:
                if section_id in known_sections:
                    continue
                for row in table.rows_where("section", section_id):
                    self.problems.append(
                        problem(label, "unknown_section", row=row, column="section", id=section_id)
                    )


def _group(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    grouped: dict[str, list[T]] = {}
    for item in items:
        grouped.setdefault(key(item), []).append(item)
    return grouped
