"""The text of every dataset problem, in Chinese and English, by code."""

from __future__ import annotations

# code: (Chinese template, English template). Templates use str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("找不到文件或文件夹", "file or folder not found"),
    "missing_file": (
        "缺少这个文件（应为 {expected}）",
        "this file is missing (expected {expected})",
    ),
    "missing_sheet": (
        "工作簿缺少工作表“{sheet}”（工作簿中的工作表：{found}）；工作表须以英文命名",
        "the workbook has no sheet named '{sheet}' (its sheets: {found_en}); "
        "sheets are named in English",
    ),
    "unreadable": (
        "无法读取这个文件（{reason}）",
        "this file cannot be read ({reason})",
    ),
    "no_permission": (
        "没有读取这个文件的权限；请检查文件的权限或是否被其他程序锁定",
        "no permission to read this file; check its permissions or whether a program locks it",
    ),
    "special_file": (
        "这里应是一个普通文件，却是{kind}",
        "a plain file is expected here, but this is {kind_en}",
    ),
    "link_loop": (
        "这个快捷方式（符号链接）指向它自己，形成了循环",
        "this shortcut (symbolic link) leads back to itself in a loop",
    ),
    "link_outside": (
        "这个文件是指向数据文件夹以外的快捷方式（符号链接）；请把文件本身复制到数据文件夹里",
        "this file is a shortcut (symbolic link) to a place outside the data folder; "
        "copy the file itself into the data folder",
    ),
    "bad_workbook": (
        "不是有效的 .xlsx 工作簿（文件已损坏，或是其他格式改了扩展名）；"
        "请在 Excel 中打开并另存为 .xlsx",
        "this is not a valid .xlsx workbook (it is damaged, or another format renamed); "
        "open it in Excel and save it as .xlsx",
    ),
    "workbook_too_large": (
        "工作簿中的“{part}”解压后有 {size} 字节，超过上限 {limit} 字节；"
        "请删除多余的内容（空行、大段文字、图片）后再保存",
        "the workbook's part '{part}' expands to {size} bytes, over the limit of {limit}; "
        "remove what is not needed (empty rows, long texts, pictures) and save again",
    ),
    "too_many_rows": (
        "表格超过 {limit} 行，只读取了前 {limit} 行；数据表不应这么大",
        "the table has more than {limit} rows; only the first {limit} were read",
    ),
    "cell_too_long": (
        "单元格超过 {limit} 个字符，这个文件无法读取",
        "a cell is longer than {limit} characters; the file cannot be read",
    ),
    "bad_sheet_data": (
        "从这一行起，工作表有 Excel 不会写出的内容（例如位数极多的数字），只读取了此前的行",
        "from this row on, the sheet holds values Excel does not write (such as a number of "
        "thousands of digits); only the rows before it were read",
    ),
    "sheet_too_large": (
        "工作表的单元格太多（超过 {limit} 个），从这一行起没有读取；请删除多余的行和列",
        "the sheet has too many cells (over {limit}); from this row on it was not read; "
        "delete the rows and columns that are not needed",
    ),
    "excel_error": (
        "这个单元格是 Excel 的错误值（如 #DIV/0!、#REF!、#VALUE!），公式出错了；"
        "请在 Excel 中改正公式，或直接填写数值",
        "this cell holds an Excel error value (such as #DIV/0!, #REF!, #VALUE!): its formula "
        "failed; correct the formula in Excel or type the value",
    ),
    "formula_without_value": (
        "这是一个公式，但工作簿里没有保存它的计算结果；请在 Excel 中打开工作簿并保存一次",
        "this cell holds a formula whose result was never saved; "
        "open the workbook in Excel and save it once",
    ),
    "control_characters": (
        "单元格含有不可见的控制字符：{text}；请删除这些字符",
        "the cell holds invisible control characters: {text}; remove them",
    ),
    "number_too_large": (
        "“{text}”太大了；数字最多 {digits} 位整数",
        "'{text}' is too large; a number may have at most {digits} digits before the point",
    ),
    "too_many_decimals": (
        "“{text}”的小数位太多；最多 {decimals} 位小数",
        "'{text}' has too many decimal places; at most {decimals}",
    ),
    "more_of_kind": (
        "另有 {count} 个同类问题未逐一列出（如：{what}）",
        "{count} more problems of the same kind are not listed (such as: {what_en})",
    ),
    "merged_cells": (
        "单元格 {cells} 是合并单元格，只有第一格有内容，其余各格读作空白；请取消合并，在每一格填写",
        "cells {cells} are merged: only the first holds text, the others read as blank; "
        "unmerge them and fill in each cell",
    ),
    "missing_glyphs": (
        "内置字体无法显示字符 {chars}；没有安装相应字体的电脑会把它显示为方框",
        "the bundled fonts cannot draw {chars}; "
        "a PC without a system font for them will show empty boxes",
    ),
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
        "这一行的引号不成对：以引号开始的单元格没有正确结束；请在 Excel 中打开文件并重新保存",
        "a quoted cell in this row is not closed properly; "
        "open the file in Excel and save it again",
    ),
    "ends_in_quote": (
        "文件在这一行的一个带引号的单元格中间结束（文件可能不完整）",
        "the file ends inside a quoted cell of this row (it may be incomplete)",
    ),
    "truncated_row": (
        "这一行只有 {found} 列，应有 {expected} 列（文件可能被截断）",
        "this row has {found} of {expected} columns (the file may be truncated)",
    ),
    "header_longer": (
        "表头有 {expected} 列，但每一行数据都只有 {found} 列：表头最后的“{names}”下面没有数据；"
        "请检查表头是否多写了列名，或数据是否都少了一列",
        "the header has {expected} columns but every data row has only {found}: nothing is under "
        "'{names_en}' at its end; check the header for a name too many, or the rows for a "
        "missing column",
    ),
    "missing_column": ("缺少列“{name}”", "missing column '{name}'"),
    "unknown_column": (
        "未知的列“{name}”（允许的列：{allowed}）",
        "unknown column '{name}' (allowed: {allowed})",
    ),
    "blank_header": (
        "第 {letter} 列的表头是空的，这一列的内容不会被读取；请填写列名，或删除这一列",
        "column {letter} has no header, so its cells are not read; name it or delete it",
    ),
    "duplicate_column": ("列“{name}”出现了两次", "column '{name}' appears twice"),
    "empty_cell": ("必填单元格是空的", "this required cell is empty"),
    "not_a_number": (
        "“{text}”不是数字；请填写以基本单位计的数字，例如 97.49亿 填 9749000000",
        "'{text}' is not a number; write the value in base units, e.g. 9749000000 for 97.49亿",
    ),
    "logical_not_number": (
        "这个单元格是 Excel 的逻辑值 {text}（真/假），不是数字；请填写数字，"
        "例如 97.49亿 填 9749000000（若是公式算出的，请改为直接填写数字）",
        "this cell holds the Excel logical value {text} (true/false), not a number; type "
        "the number instead, e.g. 9749000000 for 97.49亿 (if a formula gives it, replace it)",
    ),
    "not_finite": ("“{text}”不是有限的数字", "'{text}' is not a finite number"),
    "negative": ("数值不能为负：{text}", "the value cannot be negative: {text}"),
    "percent_over_100": ("百分比超过 100：{text}", "a percentage over 100: {text}"),
    "out_of_range": (
        "“{text}”应在 {low} 到 {high} 之间",
        "'{text}' should be from {low} to {high}",
    ),
    "not_an_integer": ("“{text}”不是整数", "'{text}' is not a whole number"),
    "bad_display": (
        "“{text}”不是报告中的数字写法（应以数字开头，如 6.6万场次、3万余个、70%）",
        "'{text}' is not a figure as printed "
        "(it must start with a number: 6.6万场次, 3万余个, 70%)",
    ),
    "display_full_width": (
        "显示文字“{text}”含全角数字或符号；请改为半角：{fixed}",
        "the display text '{text}' has full-width digits or signs; write it as {fixed}",
    ),
    "display_space": (
        "显示文字“{text}”中有空格、换行或不可见字符；报告中的写法是：{fixed}",
        "the display text '{text}' has a space, line break or invisible character; "
        "the report prints it as {fixed}",
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
    "display_inside_figure": (
        "显示文字“{display}”在报告中只是另一个数字的一部分（“{context}”）；"
        "须与报告中的数字完全一致",
        "the display text '{display}' occurs in the report only as part of another "
        "figure ('{context}'); it must be the report's figure exactly",
    ),
    "stray_figure": (
        "文字中的数字“{figure}”在报告中找不到；展示的数字须出自报告，请核对",
        "the figure '{figure}' in this text does not occur in the report; "
        "every figure shown must be the report's",
    ),
    "reload_failed": (
        "重新读取失败：{reason}",
        "reloading failed: {reason}",
    ),
}
