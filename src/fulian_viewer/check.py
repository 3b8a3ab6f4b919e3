"""``fulian-viewer check``: tell a clerk, in plain words, whether a dataset is sound.

With ``--config kiosk.toml`` it checks a kiosk configuration first (every key,
and the staff PIN: none set, or one the project published), then the dataset
the configuration names.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from fulian_viewer.model.config import ConfigProblem, load_config, pin_problems
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
        "also_warnings": "⚠ 另有 {count} 个提醒（单凭这些提醒，数据不会被拒绝；请一并看看）：",
        "usable": "仍可显示：{sections} 个部分，{metrics} 个指标，{charts} 个图表。",
        "nothing": "没有可以显示的内容。",
        "fix": "请按以上提示修改表格后，再运行一次 check。",
        "config": "展台配置：{path}",
        "config_ok": "✓ 配置无误。",
        "config_found": "✗ 配置有 {count} 个问题：",
        "notes": "讲者备注：{count} 个页面。",
    },
    "en": {
        "data": "Data: {path}",
        "encoding": "  {file}: {encoding}",
        "valid": "✓ The data is valid: {sections} sections, {metrics} metrics, {charts} charts.",
        "found": "✗ Found {count} problem(s):",
        "warnings": "⚠ {count} warning(s) (the data is still valid):",
        "also_warnings": "⚠ Also {count} warning(s) (these alone would not refuse the data; "
        "have a look at them too):",
        "usable": "Still usable: {sections} sections, {metrics} metrics, {charts} charts.",
        "nothing": "Nothing can be shown.",
        "fix": "Correct the tables as described above, then run check again.",
        "config": "Kiosk configuration: {path}",
        "config_ok": "✓ The configuration is sound.",
        "config_found": "✗ Found {count} problem(s) in the configuration:",
        "notes": "Speaker notes: {count} pane(s).",
    },
}


_BOM_WORDS = {
    "zh": {" (BOM)": "（带 BOM）", " (no BOM)": "（无 BOM）"},
    "en": {" (BOM)": " with BOM", " (no BOM)": " without BOM"},
}
"""How the byte-order mark in an encoding's name (``UTF-8 (BOM)``) reads in each language."""


def encoding_name(name: str, lang: Lang) -> str:
    """The name of an encoding as read (``UTF-8 (BOM)``, ``GB18030``) for people reading ``lang``.

    Chinese output reads ``UTF-8（带 BOM）``; ``check --json`` keeps the names as read.
    """
    for mark, words in _BOM_WORDS[lang].items():
        if name.endswith(mark):
            return name.removesuffix(mark) + words
    return name


def run_check(data: Path | None, lang: Lang, as_json: bool, out: TextIO) -> int:
    """Validate the dataset at ``data`` (the bundled report when None) and report on ``out``.

    Returns:
        0 when the dataset is valid, 2 when it has problems.
    """
    result = load_report(data, warnings=True)
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
        text["encoding"].format(file=visible(f), encoding=encoding_name(e, lang))
        for f, e in result.encodings.items()
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
        if report is not None and report.notes:
            lines.append(text["notes"].format(count=len(report.notes)))
    else:
        lines.append(text["found"].format(count=len(result.errors)))
        lines += [f"  • {p.message(lang)}" for p in result.errors]
    if warnings:
        heading = "warnings" if result.ok else "also_warnings"  # the data is valid, or not
        lines.append(text[heading].format(count=len(warnings)))
        lines += [f"  • {p.message(lang)}" for p in warnings]
    if not result.ok:
        lines.append(text["usable"].format(**counts) if counts else text["nothing"])
        lines.append(text["fix"])
    return "\n".join(lines) + "\n"


def run_check_config(
    config_path: Path, data: Path | None, lang: Lang, as_json: bool, out: TextIO
) -> int:
    """Check the kiosk configuration at ``config_path``, then the dataset it names.

    ``data``, when given, replaces the configuration's ``data`` as ``--data`` does
    for the kiosk. Every problem of the configuration is listed with its key.

    Returns:
        0 when the configuration and the dataset have no problem, 2 otherwise.
    """
    config, problems = load_config(config_path)
    if not any(problem.whole_file for problem in problems):
        # A file not read at all has no PIN to judge: say only that it was not read.
        problems += pin_problems(config, str(config_path))
    result = load_report(data if data is not None else config.data)
    if as_json:
        report = {
            "config": {
                "path": str(config_path),
                "problems": [
                    {"key": p.key, "message": p.text(lang), "text": p.message(lang)}
                    for p in problems
                ],
            },
            "data": result_to_dict(result, lang),
        }
        json.dump(report, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(config_summary(config_path, problems, lang))
        out.write(summary(result, lang))
    return EXIT_OK if result.ok and not problems else EXIT_INVALID


def config_summary(path: Path, problems: list[ConfigProblem], lang: Lang) -> str:
    """The configuration's part of ``check --config``: sound, or every problem."""
    text = _TEXT[lang]
    lines = [text["config"].format(path=path)]
    if problems:
        lines.append(text["config_found"].format(count=len(problems)))
        lines += [f"  • {problem.message(lang)}" for problem in problems]
    else:
        lines.append(text["config_ok"])
    return "\n".join(lines) + "\n"
