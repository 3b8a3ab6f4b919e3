"""The bundled report: faithful to the report's text, complete, and loadable without Qt."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fulian_viewer.model.loading import bundled_data_path, load_report, normalise_source
from fulian_viewer.model.numbers import parse_display
from fulian_viewer.model.report import Metric, Report

SOURCE_NAME = "000_6997a45c1c2f44fd.txt"
MODEL_DIR = Path(__file__).parents[2] / "src" / "fulian_viewer" / "model"
QT_MODULES = ("PySide6", "pyqtgraph", "shiboken6")


@pytest.fixture(scope="module")
def report() -> Report:
    result = load_report()
    assert result.problems == ()
    assert result.report is not None
    return result.report


@pytest.fixture(scope="module")
def report_text() -> str:
    return (bundled_data_path() / "report.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def body(report_text: str) -> str:
    """The four sections' text, line breaks removed, from the first ``###`` to ``### 数她说``."""
    flat = normalise_source(report_text)
    start = flat.index("### ")
    end = flat.index("### 数她说")
    assert start < end
    return flat[start:end]


def test_bundled_report_loads_with_zero_problems() -> None:
    result = load_report()
    assert result.ok
    assert result.problems == ()
    assert result.path == bundled_data_path()


def test_four_sections_each_a_heading_of_the_report(report: Report, report_text: str) -> None:
    headings = [line.strip() for line in report_text.splitlines() if line.startswith("### ")]
    assert len(report.sections) == 4
    assert [s.id for s in report.sections] == ["guidance", "development", "family", "rights"]
    assert [s.order for s in report.sections] == [1, 2, 3, 4]
    for section in report.sections:
        assert section.title.zh and section.subtitle.zh
        assert f"### {section.heading}" in headings, section.heading
        assert section.title.en and section.subtitle.en and section.summary.en
    # In the report's order, followed only by the scorecard heading.
    assert headings == [f"### {s.heading}" for s in report.sections] + ["### 数她说"]


def test_section_summaries_are_quoted_from_the_report(report: Report, body: str) -> None:
    for section in report.sections:
        assert section.summary.zh in body, section.id


def test_every_source_sentence_is_verbatim_in_the_report(report: Report, report_text: str) -> None:
    flat = normalise_source(report_text)
    for m in report.metrics:
        assert m.source in flat, m.id
        assert "\n" not in m.source


def test_every_display_is_in_its_source_and_matches_its_value(report: Report) -> None:
    for m in report.metrics:
        assert m.display in m.source, m.id
        assert m.source.count(m.display) == 1, m.id
        assert m.value == parse_display(m.display).value, m.id
        assert m.figure == parse_display(m.display), m.id
        suffix = m.figure.suffix
        assert suffix in ("", m.unit), m.id


def test_metrics_have_english_labels_and_units(report: Report) -> None:
    for m in report.metrics:
        assert m.label.zh and m.label.en, m.id
        assert m.unit_en, m.id


def test_metric_ids_are_unique(report: Report) -> None:
    ids = [m.id for m in report.metrics]
    assert len(ids) == len(set(ids)) == 37


def test_bundled_text_is_the_shared_source() -> None:
    candidates = [
        Path(__file__).parents[2] / ".." / "shared" / "source" / SOURCE_NAME,
        Path("/work/shared/source") / SOURCE_NAME,
    ]
    shared = next((path for path in candidates if path.is_file()), None)
    if shared is None:
        pytest.skip("the shared source text is not present beside the repository")
    assert (bundled_data_path() / "report.txt").read_bytes() == shared.read_bytes()


def _position(m: Metric, body: str) -> int:
    """Where the metric's display text stands in the sections' text."""
    assert body.count(m.source) == 1, m.id
    return body.index(m.source) + m.source.index(m.display)


ARABIC = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")


def test_every_figure_in_the_sections_is_a_metric(report: Report, body: str) -> None:
    numbers = {match.start(): match.group() for match in ARABIC.finditer(body)}
    assert len(numbers) >= 30  # the regex does find the report's figures
    arabic = [m for m in report.metrics if not m.figure.chinese]
    chinese = [m for m in report.metrics if m.figure.chinese]
    positions = {_position(m, body): m for m in arabic}
    assert len(positions) == len(arabic), "two metrics claim the same figure"
    missing = {pos: body[pos : pos + 12] for pos in numbers if pos not in positions}
    assert not missing, f"figures with no metric: {missing}"
    assert set(positions) == set(numbers)
    for pos, m in positions.items():
        assert body.startswith(m.display, pos)
        assert m.display.startswith(numbers[pos]) or m.figure.prefix, m.id
    assert [m.display for m in chinese] == ["五轮"]
    assert len(report.metrics) == len(numbers) + len(chinese)


def test_metrics_follow_the_report_order(report: Report, body: str) -> None:
    for section in report.sections:
        positions = [_position(m, body) for m in section.metrics]
        assert positions == sorted(positions), section.id
        start = body.index(f"### {section.heading}")
        following = [
            body.index(f"### {s.heading}") for s in report.sections if s.order > section.order
        ]
        end = min(following, default=len(body))
        assert all(start < pos < end for pos in positions), section.id


def test_charts_combine_metrics_of_one_unit(report: Report) -> None:
    assert len(report.charts) == 7
    for chart in report.charts:
        units = {m.unit for m in chart.metrics}
        assert len(units) == 1, chart.id
        assert chart.unit == units.pop()
        assert len(chart.metrics) >= 2, chart.id
        assert all(m.section_id == chart.section_id for m in chart.metrics), chart.id
        if chart.type == "ring":
            assert chart.unit == "%"
            assert all(m.value <= 100 for m in chart.metrics)
    for section in report.sections:
        assert [c.order for c in section.charts] == sorted(c.order for c in section.charts)


def test_every_section_has_headline_and_scorecard_metrics(report: Report) -> None:
    for section in report.sections:
        assert section.headline_metrics, section.id
        assert section.detail_metrics, section.id
        assert set(section.headline_metrics) | set(section.detail_metrics) == set(section.metrics)
    assert report.scorecard_metrics
    assert {m.section_id for m in report.scorecard_metrics} == {s.id for s in report.sections}


def test_deck(report: Report, report_text: str) -> None:
    deck = report.deck
    assert deck.get("title", "zh") == "巴渝巾帼心向党 砥砺奋进新征程"
    assert deck.get("subtitle", "zh") == "重庆妇女儿童事业再谱华章"
    assert deck.get("credits", "zh") == "王彩艳 高绮 图片由市妇联提供"
    assert deck.get("source_file", "zh") == "report.txt"
    assert deck.get("title", "en")
    assert deck.get("no_such_key", "zh", "fallback") == "fallback"
    lines = [line.strip() for line in report_text.splitlines()]
    assert "# " + deck.get("title", "zh") in lines
    assert "## " + deck.get("subtitle", "zh") in lines
    assert deck.get("credits", "zh") in lines
    assert deck.get("scorecard_title", "zh") == "数她说"
    assert "#### " + deck.get("scorecard_subtitle", "zh") in lines
    for key in ("tagline", "lead", "closing"):
        assert deck.get(key, "zh") in normalise_source(report_text), key


def test_source_text_is_the_report(report: Report, report_text: str) -> None:
    assert report.source_text == report_text


# --- The model does not import Qt ------------------------------------------------------------


def test_model_package_imports_no_qt() -> None:
    modules = sorted(path.stem for path in MODEL_DIR.glob("*.py") if path.stem != "__init__")
    assert {"loading", "numbers", "problems", "report", "schema", "serialise", "tables"} <= set(
        modules
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module('fulian_viewer.model.' + name)\n"
        "import fulian_viewer.model.loading as loading\n"
        "assert loading.load_report().ok\n"
        f"bad = sorted(m for m in sys.modules if m.startswith({QT_MODULES!r}))\n"
        "assert not bad, bad\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.returncode == 0, completed.stderr


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.fullmatch(r"[A-Za-z_][\w.]*", node.value)
        ):
            names.add(node.value)  # importlib.import_module("PySide6…") and the like
    return names


def test_model_sources_never_import_qt() -> None:
    files = sorted(MODEL_DIR.glob("*.py"))
    assert len(files) >= 8
    for path in files:
        qt = {name for name in _imported_names(path) if name.split(".")[0] in QT_MODULES}
        assert not qt, f"{path.name} imports {qt}"


def test_the_qt_scan_would_notice_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import Qt\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imported_names(sample)
