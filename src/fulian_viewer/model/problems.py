"""Problems found in a dataset, each naming file, row and column, in Chinese or English."""

from __future__ import annotations

from dataclasses import dataclass

from fulian_viewer.model.numbers import Lang

# code: (Chinese template, English template). Templates use str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("找不到文件或文件夹", "file or folder not found"),
    "missing_file": (
        "缺少这个文件（应为 {expected}）",
        "this file is missing (expected {expected})",
    ),
    "missing_sheet": ("工作簿缺少工作表“{sheet}”", "the workbook has no sheet named '{sheet}'"),
    "unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
    "not_a_dataset": (
        "不是数据文件夹或 .xlsx 工作簿",
        "is neither a data folder nor an .xlsx workbook",
    ),
    "binary": (
        "这不是文本文件（可能是误选的二进制文件）",
        "this is not a text file (a binary file chosen by mistake?)",
    ),
    "encoding": (
        "无法确定文字编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
        "cannot tell the text encoding; in Excel use Save As 'CSV UTF-8 (Comma delimited)'",
    ),
    "empty_file": ("文件是空的", "the file is empty"),
    "too_large": (
        "文件太大（{size} 字节），不像是数据表",
        "the file is too large ({size} bytes) to be a data table",
    ),
    "extra_cells": (
        "这一行比表头多出 {count} 个有内容的单元格",
        "this row has {count} filled cells beyond the header's columns",
    ),
    "no_rows": ("只有表头，没有数据行", "has a header but no data rows"),
    "malformed": (
        "表格格式有误（文件可能被截断）：{reason}",
        "the table is malformed (the file may be truncated): {reason}",
    ),
    "truncated_row": (
        "这一行只有 {found} 列，应有 {expected} 列（文件可能被截断）",
        "this row has {found} of {expected} columns (the file may be truncated)",
    ),
    "missing_column": ("缺少列“{name}”", "missing column '{name}'"),
    "unknown_column": (
        "未知的列“{name}”（允许的列：{allowed}）",
        "unknown column '{name}' (allowed: {allowed})",
    ),
    "duplicate_column": ("列“{name}”出现了两次", "column '{name}' appears twice"),
    "empty_cell": ("必填单元格是空的", "this required cell is empty"),
    "not_a_number": (
        "“{text}”不是数字；请填写以基本单位计的数字，例如 97.49亿 填 9749000000",
        "'{text}' is not a number; write the value in base units, e.g. 9749000000 for 97.49亿",
    ),
    "not_finite": ("“{text}”不是有限的数字", "'{text}' is not a finite number"),
    "negative": ("数值不能为负：{text}", "the value cannot be negative: {text}"),
    "percent_over_100": ("百分比超过 100：{text}", "a percentage over 100: {text}"),
    "not_an_integer": ("“{text}”不是整数", "'{text}' is not a whole number"),
    "bad_display": (
        "“{text}”不是报告中的数字写法（应以数字开头，如 6.6万场次、3万余个、70%）",
        "'{text}' is not a figure as printed "
        "(it must start with a number: 6.6万场次, 3万余个, 70%)",
    ),
    "display_mismatch": (
        "显示文字“{display}”表示 {display_value}，与数值 {value} 不符",
        "the display text '{display}' means {display_value}, but the value is {value}",
    ),
    "display_unit": (
        "显示文字“{display}”的单位“{suffix}”与单位列“{unit}”不符",
        "the display text '{display}' ends in '{suffix}', which is not the unit '{unit}'",
    ),
    "percent_unit": (
        "百分比的显示文字须以 % 结尾，单位列须为 %",
        "a percentage's display text must end in % and its unit must be %",
    ),
    "bad_flag": ("“{text}”应为 是 或 否", "'{text}' should be yes or no (是/否)"),
    "duplicate_id": (
        "编号“{id}”重复（第一次出现在第 {first} 行）",
        "id '{id}' repeats row {first}",
    ),
    "bad_id": (
        "编号“{id}”只能包含英文字母、数字、下划线和连字符",
        "id '{id}' may contain only letters, digits, '_' and '-'",
    ),
    "unknown_section": ("没有编号为“{id}”的部分", "there is no section with id '{id}'"),
    "unknown_metric": ("没有编号为“{id}”的指标", "there is no metric with id '{id}'"),
    "unknown_chart_type": (
        "图表类型“{text}”无效（可用：{allowed}）",
        "chart type '{text}' is not known (allowed: {allowed})",
    ),
    "mixed_units": (
        "图表混合了不同单位：{units}；同一图表只能用一种单位",
        "the chart mixes units {units}; a chart may use only one unit",
    ),
    "ring_not_percent": ("环形图只能显示百分比", "a ring chart can show only percentages"),
    "empty_chart": ("图表没有指标", "the chart names no metrics"),
    "section_without_metrics": (
        "部分“{id}”没有任何指标",
        "section '{id}' has no metrics",
    ),
    "no_sections": ("没有可显示的部分", "there are no sections to show"),
    "unknown_deck_key": (
        "未知的项目“{key}”（允许：{allowed}）",
        "unknown key '{key}' (allowed: {allowed})",
    ),
    "missing_deck_key": ("缺少项目“{key}”", "the key '{key}' is missing"),
    "unknown_pane": (
        "未知的页面“{pane}”（允许：{allowed}）",
        "unknown pane '{pane}' (allowed: {allowed})",
    ),
    "bad_seconds": (
        "秒数应在 1 到 3600 之间：{text}",
        "the seconds should be between 1 and 3600: {text}",
    ),
    "path_outside": (
        "路径“{path}”不在数据文件夹内；请使用数据文件夹里的相对路径",
        "the path '{path}' leads outside the data folder; use a relative path inside it",
    ),
    "source_not_in_text": (
        "出处句子在报告全文中找不到（须逐字复制）",
        "the source sentence does not occur in the report's text (copy it verbatim)",
    ),
    "display_not_in_source": (
        "显示文字“{display}”不在出处句子中",
        "the display text '{display}' does not occur in the source sentence",
    ),
}

_WHERE = {
    "zh": (
        "{file}",
        "{file}，第 {row} 行",
        "{file}，列“{column}”",
        "{file}，第 {row} 行，列“{column}”",
    ),
    "en": (
        "{file}",
        "{file}, row {row}",
        "{file}, column '{column}'",
        "{file}, row {row}, column '{column}'",
    ),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset.

    Attributes:
        file: the file as the user knows it (``metrics.csv``, ``data.xlsx:metrics``).
        row: the row number as Excel shows it (the header is row 1), or None.
        column: the column's header, or None.
        code: a key of :data:`MESSAGES`.
        params: values for the message template, as (name, value) pairs.
    """

    file: str
    row: int | None
    column: str | None
    code: str
    params: tuple[tuple[str, str], ...] = ()

    def where(self, lang: Lang = "zh") -> str:
        """File, row and column, as a phrase."""
        index = (self.row is not None) + 2 * (self.column is not None)
        return _WHERE[lang][index].format(file=self.file, row=self.row, column=self.column)

    def text(self, lang: Lang = "zh") -> str:
        """What is wrong, without the place."""
        zh, en = MESSAGES[self.code]
        return (en if lang == "en" else zh).format(**dict(self.params))

    def message(self, lang: Lang = "zh") -> str:
        """The whole message: place, then what is wrong."""
        separator = ": " if lang == "en" else "："
        return self.where(lang) + separator + self.text(lang)


def problem(
    file: str, code: str, row: int | None = None, column: str | None = None, **params: object
) -> Problem:
    """Build a :class:`Problem`, turning parameter values into strings."""
    if code not in MESSAGES:
        raise KeyError(code)
    return Problem(file, row, column, code, tuple((k, str(v)) for k, v in params.items()))
