"""Write a dataset out for staff to edit: one workbook, or a folder of CSV files.

``fulian-viewer export --workbook 数据.xlsx`` writes the tables as they were read
(every cell the user wrote, even in rows with problems) as one workbook, with
openpyxl: a first sheet of instructions in Chinese and English, then
one sheet per table with its header frozen and styled, columns sized to their
content, drop-down lists where a column takes a fixed set of values, and numbers
stored as numbers. The report's text goes beside it (``report.txt``, where the
loader reads it). ``export --data-folder DIR`` writes CSV files in UTF-8 with a
byte-order mark (so that Excel opens them right) and ``report.txt``.

Nothing is overwritten unless asked (``--force``).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from fulian_viewer.model.report import CHART_TYPES
from fulian_viewer.model.schema import SCHEMAS
from fulian_viewer.model.tables import (
    OPTIONAL_TABLE_NAMES,
    TABLE_NAMES,
    RawDataset,
    Table,
    resolve_inside,
)

ALL_TABLES = TABLE_NAMES + OPTIONAL_TABLE_NAMES

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

INSTRUCTIONS_SHEET = "说明 Instructions"
NUMBER_COLUMNS = {
    ("sections", "order"),
    ("metrics", "value"),
    ("charts", "order"),
    ("notes", "target_seconds"),
}
FLAG_COLUMNS = {("metrics", "headline"), ("metrics", "scorecard")}
MAX_COLUMN_WIDTH = 60
LINE_HEIGHT = 15  # points, for one line of 11-point text
SAFE_FLOAT_DIGITS = 15

COLUMN_HELP: dict[str, tuple[str, str]] = {
    "key": ("项目名（固定的英文名，勿改）", "the setting's name (fixed, do not change)"),
    "zh": ("中文内容", "the Chinese text"),
    "en": ("英文内容", "the English text"),
    "order": ("显示顺序（整数）", "the order shown (a whole number)"),
    "id": ("编号：英文字母、数字、_ 和 -，不可重复", "id: letters, digits, _ and -, unique"),
    "section": ("所属部分的编号（从下拉列表选）", "the section's id (pick from the list)"),
    "title_zh": ("中文标题", "the Chinese title"),
    "title_en": ("英文标题", "the English title"),
    "subtitle_zh": ("中文副标题", "the Chinese subtitle"),
    "subtitle_en": ("英文副标题", "the English subtitle"),
    "summary_zh": ("中文导语", "the Chinese summary"),
    "summary_en": ("英文导语", "the English summary"),
    "label_zh": ("指标名称（中文）", "what the figure counts, in Chinese"),
    "label_en": ("指标名称（英文）", "what the figure counts, in English"),
    "value": (
        "以基本单位计的数值：97.49亿 填 9749000000",
        "the value in base units: 9749000000 for 97.49亿",
    ),
    "unit": (
        "单位（从下拉列表选，或填新单位）",
        "the unit (pick from the list, or type a new one)",
    ),
    "unit_en": ("英文单位", "the English unit"),
    "display": (
        "与报告原文完全一致的写法，如 6.6万场次",
        "the figure exactly as the report prints it, e.g. 6.6万场次",
    ),
    "headline": ("是否在本部分大字显示：是/否", "shown large on its pane: 是 (yes) / 否 (no)"),
    "scorecard": ("是否列入成绩单：是/否", "on the scorecard: 是 (yes) / 否 (no)"),
    "source": (
        "出处：从报告原文逐字复制的句子，须包含显示写法",
        "the report's sentence, copied verbatim; it must contain the display text",
    ),
    "type": ("图表类型：bar、hbar 或 ring", "chart type: bar, hbar or ring"),
    "metrics": ("图表中的指标编号，用 ; 分隔", "the chart's metric ids, separated by ;"),
    "pane": (
        "页面：cover、部分编号（如 guidance）、scorecard 或 closing",
        "the pane: cover, a section's id (such as guidance), scorecard or closing",
    ),
    "notes_zh": ("演讲者的中文讲稿", "the speaker's notes in Chinese"),
    "notes_en": ("演讲者的英文讲稿", "the speaker's notes in English"),
    "target_seconds": ("这一页计划讲多少秒", "the seconds the speaker means to spend on it"),
}

TABLE_HELP: dict[str, tuple[str, str]] = {
    "deck": ("标题、结语等全局文字", "titles, closing and other texts of the whole show"),
    "sections": ("报告的各个部分，每部分一页", "the report's sections, one pane each"),
    "metrics": ("每一个数字", "every figure"),
    "charts": ("各部分的图表", "the charts of each section"),
    "notes": ("演讲者讲稿（可不填）", "the speaker's notes (optional)"),
}

STEPS = (
    (
        "修改后保存为 .xlsx，然后运行：fulian-viewer check --data 本工作簿.xlsx",
        "After editing, save as .xlsx and run: fulian-viewer check --data this-workbook.xlsx",
    ),
    (
        "报告全文在工作簿旁边的 report.txt 中；出处句子须与其中文字逐字一致。",
        "The report's text is in report.txt beside the workbook; sources must match it verbatim.",
    ),
    (
        "正在运行的展示程序会自动采用无误的修改；"
        "有误的修改不会显示，问题列在 Ctrl+Alt+Shift+D 中。",
        "A running viewer takes a sound edit by itself; a broken one is not shown and its "
        "problems are listed under Ctrl+Alt+Shift+D.",
    ),
    (
        "不要修改工作表名称和表头（第一行）。",
        "Do not rename the sheets or change the header (first row).",
    ),
)


class ExportRefusedError(Exception):
    """A file to write exists already and ``force`` was not given; ``path`` names it.

    ``read_from`` is True when ``path`` is a file the dataset is read from, which is
    never written over, ``force`` or not.
    """

    def __init__(self, path: Path, read_from: bool = False) -> None:
        super().__init__(str(path))
        self.path = path
        self.read_from = read_from


def report_text_file(raw: RawDataset) -> tuple[str, Path] | None:
    """The report text's name as the deck gives it, and where it is; None when absent."""
    if "deck" not in raw.tables:
        return None
    table = raw.tables["deck"][0]
    for cells in table.rows.values():
        if cells.get("key") == "source_file" and cells.get("zh"):
            path = resolve_inside(raw.folder, cells["zh"])
            if path is not None and path.is_file():
                return cells["zh"], path
    return None


def export_workbook(raw: RawDataset, target: Path, source: Path, force: bool = False) -> list[Path]:
    """Write ``raw``'s tables (read from ``source``) as the workbook ``target``, report.txt beside.

    Raises:
        ExportRefusedError: a file to write exists (without ``force``), or is one the
            dataset is read from (always).
    """
    from openpyxl import Workbook

    report = report_text_file(raw)
    report_target = _report_target(report, target.parent)
    _refuse_existing([target, report_target], force, source)
    target.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    instructions = book.active
    assert instructions is not None
    instructions.title = INSTRUCTIONS_SHEET
    for line in _instruction_rows():
        instructions.append(line)
    for name in ALL_TABLES:
        if name in raw.tables:
            sheet = book.create_sheet(name)
            for row in _table_rows(name, raw.tables[name][0]):
                sheet.append(row)
    for sheet in book.worksheets:
        _style(sheet, sheet.title)
    for name in ALL_TABLES:
        if name in raw.tables:
            _validate(book[name], name, raw)
    book.save(target)
    written = [target]
    if report is not None and report_target is not None:
        report_target.parent.mkdir(parents=True, exist_ok=True)
        report_target.write_bytes(report[1].read_bytes())
        written.append(report_target)
    return written


def export_folder(raw: RawDataset, folder: Path, source: Path, force: bool = False) -> list[Path]:
    """Write ``raw``'s tables (read from ``source``) as CSV files (UTF-8 with BOM) and report.txt.

    Raises:
        ExportRefusedError: as :func:`export_workbook`.
    """
    report = report_text_file(raw)
    targets = [folder / f"{name}.csv" for name in ALL_TABLES if name in raw.tables]
    report_target = _report_target(report, folder)
    _refuse_existing([*targets, report_target], force, source)
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in zip([n for n in ALL_TABLES if n in raw.tables], targets, strict=True):
        table = raw.tables[name][0]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(table.columns)
        for cells in table.rows.values():
            writer.writerow([cells.get(column, "") for column in table.columns])
        path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    if report is not None and report_target is not None:
        report_target.parent.mkdir(parents=True, exist_ok=True)
        report_target.write_bytes(report[1].read_bytes())
        targets.append(report_target)
    return targets


def _report_target(report: tuple[str, Path] | None, folder: Path) -> Path | None:
    """Where the report text goes in ``folder``; None when it is already there (the same file)."""
    if report is None:
        return None
    target = resolve_inside(folder, report[0])
    if target is None or target.resolve() == report[1].resolve():
        return None
    return target


def _refuse_existing(paths: list[Path | None], force: bool, source: Path) -> None:
    """Refuse to write over existing files without ``force``, and over the source ever."""
    for path in paths:
        if path is None or not path.exists():
            continue
        if path.resolve() == source.resolve() or _is_read_from(path, source):
            raise ExportRefusedError(path, read_from=True)
        if not force:
            raise ExportRefusedError(path)


def _is_read_from(path: Path, source: Path) -> bool:
    """Whether ``path`` is one of the files the dataset at ``source`` is read from."""
    folder = source if source.is_dir() else source.parent
    names = {f"{name}.csv" for name in ALL_TABLES} if source.is_dir() else {source.name}
    return path.resolve().parent == folder.resolve() and path.name in names


def _table_rows(name: str, table: Table) -> list[list[object]]:
    """The header, then each row with numbers as numbers."""
    rows: list[list[object]] = [list(table.columns)]
    rows += [
        [_cell_value(name, column, cells.get(column, "")) for column in table.columns]
        for cells in table.rows.values()
    ]
    return rows


def _cell_value(table: str, column: str, text: str) -> object:
    """A number for a numeric column when it reads as one exactly; the text otherwise."""
    if (table, column) not in NUMBER_COLUMNS or not text:
        return text
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    if number == number.to_integral_value() and abs(number) < 10**SAFE_FLOAT_DIGITS:
        return int(number)
    as_float = float(number)
    return as_float if Decimal(repr(as_float)) == number else text


def _instruction_rows() -> list[list[str]]:
    """The instructions sheet: the steps, then every table's columns, then examples."""
    rows: list[list[str]] = [["表 table", "列 column", "说明", "Meaning"]]
    for step_zh, step_en in STEPS:
        rows.append(["", "", step_zh, step_en])
    rows.append(["", "", "", ""])
    for name, schema in SCHEMAS.items():
        table_zh, table_en = TABLE_HELP[name]
        rows.append([name, "", table_zh, table_en])
        for column in schema.allowed:
            zh, en = COLUMN_HELP[column]
            if column in schema.required:
                zh, en = zh + "（必填）", en + " (required)"
            rows.append([name, column, zh, en])
    rows.append(["", "", "", ""])
    rows.append(
        [
            "metrics",
            "例 example",
            "6.6万场次：value 66000，unit 场次",
            "6.6万场次: value 66000, unit 场次",
        ]
    )
    rows.append(
        [
            "metrics",
            "例 example",
            "97.49亿元：value 9749000000，unit 元",
            "97.49亿元: value 9749000000, unit 元",
        ]
    )
    rows.append(
        ["metrics", "例 example", "3万余个：value 30000，unit 个", "3万余个: value 30000, unit 个"]
    )
    rows.append(["metrics", "例 example", "70%：value 70，unit %", "70%: value 70, unit %"])
    return rows


def _style(sheet: Worksheet, title: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_fill = PatternFill("solid", fgColor="A4161A")
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center")
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"  # printed: the header on every page, the width on one
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    widths: dict[int, int] = {}
    for index, column in enumerate(sheet.iter_cols(values_only=True), start=1):
        longest = max((_display_width(value) for value in column), default=8)
        widths[index] = min(MAX_COLUMN_WIDTH, max(8, longest + 2))
        sheet.column_dimensions[get_column_letter(index)].width = widths[index]
    for row in sheet.iter_rows(min_row=2):
        lines = 1
        for cell in row:
            cell.alignment = Alignment(vertical="top")
            if not isinstance(cell.value, str):
                continue
            if cell.value.startswith("="):  # data, never a formula
                cell.data_type = "s"
            needed = -(-_display_width(cell.value) // max(1, widths[cell.column] - 2))
            if needed > 1:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                lines = max(lines, needed)
        if lines > 1:  # spreadsheets do not grow a row for wrapped text by themselves
            sheet.row_dimensions[row[0].row].height = LINE_HEIGHT * lines


def _display_width(value: object) -> int:
    """How many Latin characters wide a value shows (a Chinese character counts two)."""
    if value is None:
        return 0
    text = str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _validate(sheet: Worksheet, name: str, raw: RawDataset) -> None:
    """Drop-down lists for the columns that take a fixed set of values."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    table = raw.tables[name][0]
    sections = raw.tables["sections"][0] if "sections" in raw.tables else None
    section_ids = (
        [cells["id"] for cells in sections.rows.values() if cells.get("id")] if sections else []
    )
    units = sorted({cells.get("unit", "") for cells in table.rows.values()} - {""})
    choices: dict[str, tuple[list[str], bool]] = {"section": (section_ids, True)}
    if name == "charts":
        choices["type"] = (list(CHART_TYPES), True)
    if name == "metrics":
        choices["unit"] = (units, False)  # a new unit may be typed
        choices["headline"] = (["是", "否"], True)
        choices["scorecard"] = (["是", "否"], True)
    last_row = max(1000, sheet.max_row + 500)
    for column, (values, strict) in choices.items():
        if column not in table.columns or not values:
            continue
        listed = '"' + ",".join(values) + '"'
        if len(listed) > 255 or any("," in value or '"' in value for value in values):
            continue  # Excel's limit for a list written in the rule
        letter = get_column_letter(table.columns.index(column) + 1)
        rule = DataValidation(type="list", formula1=listed, allow_blank=True)
        rule.showErrorMessage = strict
        rule.errorTitle = "不在列表中 Not in the list"
        rule.error = "请从下拉列表中选择 Pick a value from the list"
        rule.add(f"{letter}2:{letter}{last_row}")
        sheet.add_data_validation(rule)
