"""``fulian-viewer check``: tell a clerk, in plain words, whether a dataset is sound."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from fulian_viewer.model.loading import LoadResult, load_report
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.serialise import result_to_dict

EXIT_OK = 0
EXIT_INVALID = 2

_TEXT = {
    "zh": {
        "data": "数据：{path}",
        "encoding": "  {file}：{encoding}",
        "valid": "✓ 数据有效：{sections} 个部分，{metrics} 个指标，{charts} 个图表。",
        "found": "✗ 发现 {count} 个问题：",
        "usable": "仍可显示：{sections} 个部分，{metrics} 个指标，{charts} 个图表。",
        "nothing": "没有可以显示的内容。",
        "fix": "请按以上提示修改表格后，再运行一次 check。",
        "notes": "讲者备注：{count} 个页面。",
    },
    "en": {
        "data": "Data: {path}",
        "encoding": "  {file}: {encoding}",
        "valid": "✓ The data is valid: {sections} sections, {metrics} metrics, {charts} charts.",
        "found": "✗ Found {count} problem(s):",
        "usable": "Still usable: {sections} sections, {metrics} metrics, {charts} charts.",
        "nothing": "Nothing can be shown.",
        "fix": "Correct the tables as described above, then run check again.",
        "notes": "Speaker notes: {count} pane(s).",
    },
}


def run_check(data: Path | None, lang: Lang, as_json: bool, out: TextIO) -> int:
    """Validate the dataset at ``data`` (the bundled report when None) and report on ``out``.

    Returns:
        0 when the dataset is valid, 2 when it has problems.
    """
    result = load_report(data)
    if as_json:
        json.dump(result_to_dict(result, lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(summary(result, lang))
    return EXIT_OK if result.ok else EXIT_INVALID


def summary(result: LoadResult, lang: Lang) -> str:
    """A short human summary of a load: counts when valid, every problem when not."""
    text = _TEXT[lang]
    lines = [text["data"].format(path=result.path)]
    lines += [text["encoding"].format(file=f, encoding=e) for f, e in result.encodings.items()]
    report = result.report
    counts = {}
    if report is not None:
        counts = {
            "sections": len(report.sections),
            "metrics": len(report.metrics),
            "charts": len(report.charts),
        }
    if result.ok:
        lines.append(text["valid"].format(**counts))
        if report is not None and report.notes:
            lines.append(text["notes"].format(count=len(report.notes)))
    else:
        lines.append(text["found"].format(count=len(result.problems)))
        lines += [f"  • {p.message(lang)}" for p in result.problems]
        lines.append(text["usable"].format(**counts) if counts else text["nothing"])
        lines.append(text["fix"])
    return "\n".join(lines) + "\n"
