"""Write a draft dataset folder: the four tables, the report's text, the review list.

The folder is made whole in a hidden folder beside the target, checked with the
viewer's own loader, and only then renamed into place; on any failure nothing is
left behind. An existing target is used only when it is an empty folder, so no
file of the user's is ever replaced.
"""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import tempfile
from pathlib import Path

from fulian_viewer.model.importer.draft import UNITS_EN, Draft, plain_number
from fulian_viewer.model.importer.failure import ReportImportError
from fulian_viewer.model.loading import load_report
from fulian_viewer.model.schema import SCHEMAS

REVIEW_FILE = "review.csv"
NOTE_FILE = "README-草稿.txt"
REVIEW_COLUMNS = (
    ("kind", "类型 kind"),
    ("section", "部分 section"),
    ("id", "指标 id"),
    ("display", "原文数字 as printed"),
    ("value", "数值 value"),
    ("unit", "单位 unit"),
    ("label", "标签（草稿）label (draft)"),
    ("headline", "大字 headline"),
    ("scorecard", "成绩单 scorecard"),
    ("sentence", "原文句子 sentence"),
    ("note", "说明 note"),
)
_NOTE = """\
这是由 fulian-viewer import 从报告文字自动生成的数据草稿，请在展出前核对。
This dataset is a draft made by `fulian-viewer import` from a report's text: check it
before it is shown.

请核对 / To check:
- review.csv（用 Excel 打开）：每个数字与原文句子并列；“未收录”行列出未作为指标的数字及原因。
  review.csv (opens in Excel): each figure beside its sentence; "left out" rows list the
  numbers that were not taken as figures, and why.
- metrics.csv：label_zh 是从句子中摘出的草稿标签；label_en、unit_en 需要补写英文。
  headline（大字）和 scorecard（成绩单）是按规则建议的，可改为 是/否。
  metrics.csv: label_zh is a draft taken from the sentence; write label_en and unit_en.
  headline and scorecard are suggestions (是/否).
- charts.csv：图表按“同一部分、同一单位”自动组合，标题为草稿。
  charts.csv: charts group figures of one unit in one section; their titles are drafts.
- sections.csv、deck.csv：英文列（title_en、en…）需要补写。
  sections.csv, deck.csv: write the English columns.

改完后运行 / After editing, run:
  fulian-viewer check --data <此文件夹 this folder>
  fulian-viewer --data <此文件夹 this folder>
"""


def write_draft(draft: Draft, out: Path) -> None:
    """Write ``draft`` as a dataset folder at ``out`` (new, or an empty folder).

    Raises:
        ReportImportError: when ``out`` is a file or a folder with files in it, cannot be
            written, or (a bug) the draft does not pass the viewer's own check.
    """
    check_output(out)
    files = draft_files(draft)
    parent = out.absolute().parent
    made = [folder for folder in (parent, *parent.parents) if not folder.exists()]
    staging: Path | None = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
        for name, data in files.items():
            (staging / name).write_bytes(data)
        result = load_report(staging)
        if not result.ok:
            reason = "; ".join(p.message("en") for p in result.problems[:3])
            raise ReportImportError("draft_invalid", reason=reason or "nothing to show")
        check_output(out)  # nobody made it meanwhile
        if out.exists():
            out.rmdir()
        staging.rename(out)
        made = []
    except OSError as error:
        raise ReportImportError("out_unwritable", path=out, reason=error.strerror) from None
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        for folder in made:  # deepest first: only the folders made here, if still empty
            with contextlib.suppress(OSError):
                folder.rmdir()


def check_output(out: Path) -> None:
    """Refuse an output that is a file, or a folder that is not empty."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise ReportImportError("out_is_file", path=out)
    if out.is_dir() and any(out.iterdir()):
        raise ReportImportError("out_not_empty", path=out)


def draft_files(draft: Draft) -> dict[str, bytes]:
    """File name to contents: the four tables, report.txt, review.csv and the note."""
    metrics = [m for section in draft.sections for m in section.metrics]
    deck_rows = [[key, text, ""] for key, text in draft.deck.items()]
    section_rows = [
        [str(s.order), s.id, s.title, s.subtitle, "", "", s.summary, ""] for s in draft.sections
    ]
    metric_rows = [
        [
            m.section_id,
            m.id,
            m.found.label,
            "",
            plain_number(m.found.value),
            m.found.unit,
            UNITS_EN.get(m.found.unit, ""),
            m.found.display,
            "是" if m.headline else "否",
            "是" if m.scorecard else "否",
            m.source,
        ]
        for m in metrics
    ]
    chart_rows = [
        [s.id, chart_id, str(order), kind, title, "", ";".join(m.id for m in members)]
        for s in draft.sections
        for order, (chart_id, kind, title, members) in enumerate(s.charts, start=1)
    ]
    review = [_defused([row.get(key, "") for key, _ in REVIEW_COLUMNS]) for row in draft.review]
    return {
        "deck.csv": _csv(SCHEMAS["deck"].allowed, deck_rows),
        "sections.csv": _csv(SCHEMAS["sections"].allowed, section_rows),
        "metrics.csv": _csv(_METRIC_COLUMNS, metric_rows),
        "charts.csv": _csv(_CHART_COLUMNS, chart_rows),
        "report.txt": draft.report_text.encode("utf-8"),
        REVIEW_FILE: _csv(tuple(header for _, header in REVIEW_COLUMNS), review),
        NOTE_FILE: _NOTE.encode("utf-8-sig"),
    }


_METRIC_COLUMNS = (
    "section",
    "id",
    "label_zh",
    "label_en",
    "value",
    "unit",
    "unit_en",
    "display",
    "headline",
    "scorecard",
    "source",
)
_CHART_COLUMNS = ("section", "id", "order", "type", "title_zh", "title_en", "metrics")


def _csv(header: tuple[str, ...], rows: list[list[str]]) -> bytes:
    """CSV in UTF-8 with a BOM, so that Excel opens Chinese text correctly."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _defused(row: list[str]) -> list[str]:
    """Cells that Excel would run as formulas (``=…``, ``+…``, ``@…``) start with a quote."""
    return ["'" + cell if cell[:1] in ("=", "+", "@") else cell for cell in row]
