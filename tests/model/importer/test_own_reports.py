"""The importer on three short reports of our own, measured as on the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest

from fulian_viewer.model.importer import Draft, draft_report, import_report
from fulian_viewer.model.loading import load_report
from tests.model.importer.conftest import Expected, drafted, left_out, recall_and_extra
from tests.model.importer.reports import (
    DISTRICT,
    DISTRICT_FIGURES,
    LIST_FIGURES,
    LIST_REPORT,
    WORD_FIGURES,
    write_word_report,
)


def report_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    if name.endswith(".docx"):
        return write_word_report(path)
    path.write_text(DISTRICT if name.startswith("district") else LIST_REPORT, encoding="utf-8")
    return path


CASES = {
    "district.txt": (DISTRICT_FIGURES, 25, 0),
    "list.md": (LIST_FIGURES, 10, 0),
    "word.docx": (WORD_FIGURES, 10, 0),
}


@pytest.mark.parametrize("name", list(CASES))
def test_figures_are_found_with_value_unit_display_and_sentence(tmp_path: Path, name: str) -> None:
    expected, hits, extra_count = CASES[name]
    draft = draft_report(report_file(tmp_path, name))
    recall, extra = recall_and_extra(draft, expected)
    assert recall == hits / len(expected)
    assert len(extra) == extra_count, extra


@pytest.mark.parametrize("name", list(CASES))
def test_the_written_draft_passes_check(tmp_path: Path, name: str) -> None:
    out = tmp_path / "draft"
    import_report(report_file(tmp_path, name), out)
    result = load_report(out)
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.report is not None and result.report.scorecard_metrics


def test_district_report_title_block_sections_and_left_out_numbers(tmp_path: Path) -> None:
    draft = draft_report(report_file(tmp_path, "district.txt"))
    assert draft.deck["title"] == "渝中区妇联2023年工作报告"
    assert draft.deck["subtitle"] == "凝心聚力 巾帼同行"
    assert draft.deck["organisation"] == "渝中区妇联"
    assert draft.deck["credits"] == "撰稿：李明 摄影：张华"
    assert draft.deck["period"] == "一年"
    assert [s.title for s in draft.sections] == ["思想引领", "创业就业", "家庭建设", "维权服务"]
    reasons = left_out(draft)
    assert "年份" in reasons["2023"]
    assert "日期" in reasons["8"]
    assert "序数" in reasons["三"]  # 第三届
    assert "没有单位" in reasons["12338"]  # a hotline's number
    assert "手工" in reasons["两千余名"]
    labels = {m.found.display: m.found.label for s in draft.sections for m in s.metrics}
    assert labels["86名"] == "表彰先进个人"
    assert labels["24个"] == "先进集体"
    assert labels["2.35亿元"] == "发放妇女创业担保贷款"


def test_list_report_rows_keep_their_words_as_labels(tmp_path: Path) -> None:
    draft = draft_report(report_file(tmp_path, "list.md"))
    assert [s.title for s in draft.sections] == ["基层组织建设", "关爱帮扶", "家庭文明建设"]
    labels = [m.found.label for s in draft.sections for m in s.metrics]
    assert labels[:3] == ["新建妇女微家", "发展妇联执委", "培训基层妇联干部"]
    assert labels[-1] == "亲子阅读活动参与"
    # No unit has two figures in one section, so one chart: the percentage's ring.
    charts = [chart for s in draft.sections for chart in s.charts]
    assert [(kind, [m.found.display for m in members]) for _, kind, _, members in charts] == [
        ("ring", ["87%"])
    ]


def test_word_report_headings_by_style_and_the_break_inside_a_figure(tmp_path: Path) -> None:
    draft: Draft = draft_report(report_file(tmp_path, "word.docx"))
    assert draft.deck["title"] == "北碚区妇联五年工作回顾"
    assert draft.deck["subtitle"] == "奋进新时代 建功新北碚"
    assert draft.deck["credits"] == "（文/王芳 图/北碚区妇联）"
    assert draft.deck["period"] == "五年"
    assert [(s.title, s.subtitle) for s in draft.sections] == [
        ("巾帼建功", "助力发展"),
        ("关爱儿童", "守护成长"),
        ("家庭文明", "巾帼志愿"),
    ]
    assert Expected("12个", WORD_FIGURES[0].value, "个", WORD_FIGURES[0].source) in drafted(draft)
    reasons = left_out(draft)
    assert "年份" in reasons["2022"] and "序数" in reasons["四"]
    assert "巾帼志愿者：2.8万名。" in draft.report_text


def test_word_styles_based_on_a_heading_style_are_headings(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    own = document.styles.add_style("部分标题", WD_STYLE_TYPE.PARAGRAPH)
    own.base_style = document.styles["Heading 2"]
    document.add_paragraph("年度报告", style="Title")
    document.add_paragraph("关爱儿童 守护成长", style="部分标题")
    document.add_paragraph("建成“儿童之家”148个。")
    path = tmp_path / "r.docx"
    document.save(str(path))
    draft = draft_report(path)
    assert [(s.title, s.subtitle) for s in draft.sections] == [("关爱儿童", "守护成长")]
    assert draft.deck["title"] == "年度报告"
