"""``fulian-viewer check``: tell a clerk, in plain words, whether a dataset is sound."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from fulian_viewer.model.loading import LoadResult, load_report
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.problems import visible
from fulian_viewer.model.serialise import result_to_dict

EXIT_OK = 0
EXIT_INVALID = 2

_TEXT = {
    "zh": {
        "data": "数据：{path}",
        "encoding": "  {file}：{encoding}",
        "valid": "✓ 数据有效：{sections} 个部分，{metrics} 个指标，{charts} 个图表。",
        "found": "✗ 发现 {count} 个问题：",
        "warnings": "⚠ {count} 个提醒（数据仍然有效）：",
        "usable": "仍可显示：{sections} 个部分，{metrics} 个指标，{charts} 个图表。",
        "nothing": "没有可以显示的内容。",
        "fix": "请按以上提示修改表格后，再运行一次 check。",
    },
    "en": {
        "data": "Data: {path}",
        "encoding": "  {file}: {encoding}",
        "valid": "✓ The data is valid: {sections} sections, {metrics} metrics, {charts} charts.",
        "found": "✗ Found {count} problem(s):",
        "warnings": "⚠ {count} warning(s) (the data is still valid):",
        "usable": "Still usable: {sections} sections, {metrics} metrics, {charts} charts.",
        "nothing": "Nothing can be shown.",
        "fix": "Correct the tables as described above, then run check again.",
    },
}


def run_check(data: Path | None, lang: Lang, as_json: bool, out: TextIO) -> int:
    """Validate the dataset at ``data`` (the bundled report when None) and report on ``out``.

    Returns:
        0 when the dataset is valid, 2 when it has problems.
    """
    result = load_report(data, glyphs=True)
    if as_json:
        json.dump(result_to_dict(result, lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(summary(result, lang))
    return EXIT_OK if result.ok else EXIT_INVALID


def summary(result: LoadResult, lang: Lang) -> str:
    """A short human summary of a load: counts when valid, every problem when not."""
    text = _TEXT[lang]
    lines = [text["data"].format(path=visible(str(result.path), limit=400))]
    lines += [
        text["encoding"].format(file=visible(f), encoding=e) for f, e in result.encodings.items()
    ]
    report = result.report
    counts = {}
    if report is not None:
        counts = {
            "sections": len(report.sections),
            "metrics": len(report.metrics),
            "charts": len(report.charts),
        }
    warnings = [p for p in result.problems if p.warning]
    if result.ok:
        lines.append(text["valid"].format(**counts))
    else:
        lines.append(text["found"].format(count=len(result.errors)))
        lines += [f"  • {p.message(lang)}" for p in result.errors]
    if warnings:
        lines.append(text["warnings"].format(count=len(warnings)))
        lines += [f"  • {p.message(lang)}" for p in warnings]
    if not result.ok:
        lines.append(text["usable"].format(**counts) if counts else text["nothing"])
        lines.append(text["fix"])
    return "\n".join(lines) + "\n"
