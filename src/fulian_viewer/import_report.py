"""``fulian-viewer import``: turn a report's text into a draft dataset folder."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TextIO

from fulian_viewer.model.importer import ReportImportError, import_report
from fulian_viewer.model.importer.writing import REVIEW_FILE
from fulian_viewer.model.numbers import Lang

EXIT_OK = 0
EXIT_FAILED = 2

_TEXT = {
    "zh": {
        "done": "✓ 已生成数据草稿：{out}",
        "counts": "  {sections} 个部分，{metrics} 个指标，{charts} 个图表；"
        "{left} 个数字未收录（见原因）。",
        "review": "  请用 Excel 打开 {review} 逐条核对，补写英文列，然后：",
        "failed": "✗ 无法导入：{reason}",
        "nothing": "  没有写入任何文件。",
    },
    "en": {
        "done": "✓ Draft dataset written: {out}",
        "counts": "  {sections} sections, {metrics} figures, {charts} charts; "
        "{left} numbers left out (with reasons).",
        "review": "  Open {review} in Excel to check each figure, fill in the English "
        "columns, then:",
        "failed": "✗ Cannot import: {reason}",
        "nothing": "  Nothing was written.",
    },
}


def run_import(report: Path, out: Path, lang: Lang, stdout: TextIO, stderr: TextIO) -> int:
    """Import ``report`` into the new folder ``out``; 0 when written, 2 when refused."""
    text = _TEXT[lang]
    try:
        draft = import_report(report, out)
    except ReportImportError as failure:
        stderr.write(text["failed"].format(reason=failure.message(lang)) + "\n")
        stderr.write(text["nothing"] + "\n")
        return EXIT_FAILED
    kinds = Counter(row.get("kind", "") for row in draft.review)
    lines = [
        text["done"].format(out=out),
        text["counts"].format(
            sections=len(draft.sections),
            metrics=sum(len(s.metrics) for s in draft.sections),
            charts=sum(len(s.charts) for s in draft.sections),
            left=kinds["未收录 left out"],
        ),
        text["review"].format(review=out / REVIEW_FILE),
        f"    fulian-viewer check --data {out}",
        f"    fulian-viewer --data {out}",
    ]
    stdout.write("\n".join(lines) + "\n")
    return EXIT_OK
