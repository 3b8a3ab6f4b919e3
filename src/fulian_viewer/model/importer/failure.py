"""Why a report cannot be imported, in plain Chinese and English."""

from __future__ import annotations

from fulian_viewer.model.numbers import Lang

# code: (Chinese template, English template), filled with str.format.
MESSAGES: dict[str, tuple[str, str]] = {
    "report_not_found": ("找不到报告文件：{path}", "the report file was not found: {path}"),
    "report_is_folder": (
        "{path} 是文件夹；请给出报告文件（.txt、.md 或 .docx）",
        "{path} is a folder; give the report file (.txt, .md or .docx)",
    ),
    "report_unreadable": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "report_too_large": (
        "{path} 太大（{size} 字节），不像是一份报告",
        "{path} is too large ({size} bytes) to be a report",
    ),
    "report_too_long": (
        "{path} 太长（{size} 字），不像是一份报告；请分成几份分别导入",
        "{path} is too long ({size} characters) to be one report; import it in parts",
    ),
    "too_many_figures": (
        "{path} 中有 {count} 个数字，超过一场展示能容纳的 {limit} 个；请分成几份分别导入",
        "{path} has {count} figures, more than the {limit} one show can hold; import it in parts",
    ),
    "report_empty": ("{path} 是空的，没有文字", "{path} is empty: it has no text"),
    "report_binary": (
        "{path} 不是文本文件；请给出 .txt、.md 或 Word .docx 文件",
        "{path} is not a text file; give a .txt, .md or Word .docx file",
    ),
    "report_encoding": (
        "无法确定 {path} 的文字编码；请在记事本中另存为 UTF-8",
        "cannot tell the text encoding of {path}; save it as UTF-8 (e.g. in Notepad)",
    ),
    "report_not_docx": (
        "{path} 不是有效的 Word .docx 文档（旧版 .doc 或已损坏）；请在 Word 中另存为 .docx",
        "{path} is not a valid Word .docx document (an old .doc, or damaged); "
        "save it as .docx in Word",
    ),
    "report_pdf": (
        "{path} 是 PDF；请在 Word 中打开后另存为 .docx，或把文字复制到 .txt 文件",
        "{path} is a PDF; open it in Word and save it as .docx, or copy its text into a .txt",
    ),
    "no_headings": (
        "{path} 中没有标题，无法分出各部分；请把每部分的标题写成 ### 标题（纯文本）"
        "或在 Word 中设为“标题 1/2/3”样式",
        "{path} has no headings to divide it into sections; mark each section's title "
        "with ### (plain text) or a Heading 1/2/3 style (Word)",
    ),
    "no_figures": (
        "{path} 的各部分中没有找到数字（如 6.6万场次、70%），无法生成指标",
        "no figures (such as 6.6万场次 or 70%) were found under the headings of {path}",
    ),
    "out_not_empty": (
        "输出文件夹 {path} 已存在且不是空的；为免覆盖您的文件，请指定一个新文件夹",
        "the output folder {path} exists and is not empty; to keep your files safe, "
        "name a new folder",
    ),
    "out_is_file": (
        "输出位置 {path} 是一个文件；请指定一个新文件夹",
        "the output {path} is a file; name a new folder",
    ),
    "out_unwritable": (
        "无法写入输出文件夹 {path}：{reason}",
        "cannot write the output folder {path}: {reason}",
    ),
    "draft_invalid": (
        "生成的草稿未通过检查（程序错误，请报告）：{reason}",
        "the draft failed its own check (a bug; please report it): {reason}",
    ),
}


class ReportImportError(Exception):
    """A report that cannot be imported; ``message(lang)`` says why in plain words."""

    def __init__(self, code: str, **params: object) -> None:
        if code not in MESSAGES:
            raise KeyError(code)
        super().__init__(code)
        self.code = code
        self.params = {name: str(value) for name, value in params.items()}

    def message(self, lang: Lang = "zh") -> str:
        """The reason, in Chinese or English."""
        zh, en = MESSAGES[self.code]
        return (en if lang == "en" else zh).format(**self.params)
