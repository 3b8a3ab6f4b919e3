"""Hostile sizes: the importer refuses or bounds them quickly instead of hanging."""

from __future__ import annotations

from pathlib import Path

import pytest

from fulian_viewer.model.importer import ReportImportError, draft_report
from fulian_viewer.model.importer.document import MAX_REPORT_CHARS
from fulian_viewer.model.importer.draft import MAX_FIGURES, MAX_SENTENCE_CHARS
from tests.model.importer.conftest import left_out


def report(tmp_path: Path, body: str, title: str = "标题") -> Path:
    path = tmp_path / "r.txt"
    path.write_text(f"# {title}\n\n### 部分\n\n{body}\n", encoding="utf-8")
    return path


def test_a_text_longer_than_a_book_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportImportError) as caught:
        draft_report(report(tmp_path, "开展宣讲1万场次。" + "长" * MAX_REPORT_CHARS))
    assert caught.value.code == "report_too_long"


def test_more_figures_than_a_show_holds_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportImportError) as caught:
        draft_report(report(tmp_path, "开展宣讲1万场次。" * (MAX_FIGURES + 1)))
    assert caught.value.code == "too_many_figures"
    assert "1001" in caught.value.message("en")


def test_figures_of_an_endless_sentence_are_listed_not_quoted(tmp_path: Path) -> None:
    endless = "开展宣讲1万场次，" * (MAX_SENTENCE_CHARS // 9 + 1) + "。"
    draft = draft_report(report(tmp_path, endless + "举办讲座20场。"))
    assert [m.found.display for s in draft.sections for m in s.metrics] == ["20场"]
    assert "too long" in left_out(draft)["1万场次"]


def test_a_heading_as_long_as_a_paragraph_is_a_paragraph(tmp_path: Path) -> None:
    draft = draft_report(report(tmp_path, "开展宣讲1万场次。", title="长" * 1000))
    assert draft.deck["title"] == "部分"
