"""The command line's help in Chinese and English, and which of the two to show.

The help follows ``--lang`` when it is given, otherwise the system's language:
Chinese on a Chinese system (the locale variables on Linux and macOS, the user
interface language on Windows), English everywhere else. Qt-free.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from fulian_viewer.model.numbers import Lang

HELP: dict[str, tuple[str, str]] = {
    "description": (
        "《巴渝巾帼心向党 砥砺奋进新征程》数据展示程序。",
        "Exhibition viewer for 《巴渝巾帼心向党 砥砺奋进新征程》.",
    ),
    "usage": ("用法：", "usage: "),
    "error": ("错误：", "error: "),
    "see_help": ("（详见 {prog} --help）", "(see {prog} --help)"),
    "positionals": ("位置参数", "positional arguments"),
    "options": ("选项", "options"),
    "commands": ("命令", "commands"),
    "help": ("显示本帮助并退出", "show this help message and exit"),
    "version": ("显示版本和许可证文件的位置并退出", "show the version and licence files and exit"),
    "data": (
        "数据文件夹（CSV 文件）或 .xlsx 工作簿；默认：内置报告",
        "dataset folder (CSV files) or .xlsx workbook; default: the bundled report",
    ),
    "theme": (
        "配色：red（默认）或 light（白底深红，适合发灰的投影仪）",
        'colours: "red" (default) or "light", dark red on paper for washed-out projectors',
    ),
    "lang": ("语言：zh（中文）或 en（英文）；默认：zh", "language: zh or en; default: zh"),
    "run": ("展示报告（默认命令）", "show the report (the default)"),
    "fullscreen": ("以全屏启动", "start full screen"),
    "size": ("窗口大小，例如 1280x720", "window size, e.g. 1280x720"),
    "no_watch": (
        "不监视数据的修改（默认开启实时更新）",
        "do not watch the data for edits (live reload is on by default)",
    ),
    "reduce_motion": ("不播放动画，直接显示最终数字", "show final values without animation"),
    "kiosk": (
        "以无人值守展台方式运行（全屏、自动导览、凭 PIN 退出）",
        "run as an unattended exhibition kiosk (full screen, autoplay, locked exit)",
    ),
    "run_config": (
        "展台配置文件（TOML，参见 kiosk.example.toml）；命令行选项优先于文件",
        "kiosk configuration (TOML; see packaging/kiosk.example.toml); flags win over it",
    ),
    "screen": (
        "展台使用的屏幕，或 --presenter 时观众看的屏幕：从 0 起的编号，或名称（如 HDMI-1）",
        "screen to fill in kiosk mode, or the audience's screen with --presenter: "
        "index from 0, or name such as HDMI-1",
    ),
    "presenter": (
        "在第二块屏幕上打开演讲者视图（讲稿、计时、下一页）",
        "open the presenter console (notes, timer, next pane) on a second screen",
    ),
    "rehearse": (
        "排练计时（会打开演讲者视图）；结束时把每页秒数写入 FILE："
        ".csv 写成讲稿表，.toml 写成展台各部分的停留时间",
        "time each pane while rehearsing (opens the console); at the end write the "
        "seconds to FILE: .csv gives a notes table, .toml the kiosk's per-section dwell",
    ),
    "talk_minutes": (
        "整场演讲计划的分钟数，供演讲者视图显示进度",
        "planned length of the whole talk, for the console's pace indicator",
    ),
    "check": ("检查数据并列出每个问题", "check a dataset and list every problem"),
    "json": ("以 JSON 格式输出读入的数据", "print the loaded dataset as JSON"),
    "check_config": (
        "同时检查展台配置文件（每一项和工作人员 PIN）及其指定的数据",
        "also check a kiosk configuration (every key, the staff PIN) and the data it names",
    ),
    "export": (
        "把每一页导出为 PNG 图片和一份 PDF 讲义、把导览导出为视频，或把数据导出以便修改",
        "render every pane to PNG and a PDF handout, the tour to a video, "
        "or write the data out to edit",
    ),
    "out": ("PNG 图片和 PDF 讲义的输出文件夹", "output folder for PNG and PDF"),
    "workbook": (
        "把数据写成一个可在 Excel 中修改的工作簿（report.txt 放在旁边）",
        "write the dataset as one workbook to edit in Excel (report.txt beside it)",
    ),
    "data_folder": (
        "把数据写成 CSV 文件（UTF-8 带 BOM）和 report.txt",
        "write the dataset as CSV files (UTF-8 with BOM) and report.txt",
    ),
    "force": (
        "覆盖已存在的文件（--out、--workbook、--data-folder、--video）",
        "overwrite files that exist (--out, --workbook, --data-folder, --video)",
    ),
    "video_group": ("视频", "video"),
    "video_description": (
        "展台的自动导览（从封面到结语）导出为 H.264 MP4 视频（需要 fulian-viewer[video]）",
        "the kiosk's tour, cover to closing, as H.264 MP4 (needs fulian-viewer[video])",
    ),
    "video": ("把导览写入 FILE.mp4", "write the tour to FILE.mp4"),
    "fps": ("每秒帧数：30（默认）或 60", "30 (default) or 60 frames per second"),
    "video_config": (
        "展台配置文件，用其中每页的停留时间",
        "kiosk configuration for the dwell per pane",
    ),
    "loop": (
        "结尾接回封面，供循环播放的播放器使用",
        "end leading back into the cover, for looping players",
    ),
    "export_needs_one": (
        "export 需要且只需要以下之一：--out 文件夹（PNG 和 PDF）、--video 文件.mp4、"
        "--workbook 文件.xlsx 或 --data-folder 文件夹",
        "export needs one of --out DIR (PNG and PDF), --video FILE.mp4, "
        "--workbook FILE.xlsx or --data-folder DIR",
    ),
    "video_only": (
        "{options} 仅用于 --video 文件.mp4（PNG、PDF 和数据文件没有帧率、停留时间或循环）",
        "{options}: for --video FILE.mp4 only (PNG, PDF and data files have no frame rate, "
        "dwell time or loop)",
    ),
    "allow_problems": (
        "数据有问题时仍导出其中无误的部分（问题会列出）",
        "export what is sound even when the data has problems (they are listed)",
    ),
    "export_size": ("图片大小，默认 1920x1080", "default 1920x1080"),
    "import": (
        "从报告全文（.txt、.md 或 .docx）生成数据草稿文件夹",
        "draft a dataset folder from a report (.txt, .md or .docx)",
    ),
    "import_description": (
        "读取纯文本或 Markdown（### 标题）或 Word .docx（标题样式）格式的报告，写出一个新的"
        "数据草稿文件夹：四张表格、report.txt 和 review.csv（逐条列出每个数字及其所在句子，"
        "以及未收录的数字和原因）。DIR 必须尚不存在或是空文件夹。",
        "Read a report as plain text or Markdown (### headings) or as a Word "
        ".docx (heading styles) and write a new draft dataset folder: the four tables, "
        "report.txt and review.csv, which lists each figure beside its sentence and the "
        "numbers left out with the reason. DIR must not exist or must be an empty folder.",
    ),
    "report": ("报告文件", "the report's file"),
    "import_out": ("存放草稿的新文件夹", "new folder for the draft"),
    "kiosk_pin": (
        "为展台配置的 pin_hash 生成工作人员 PIN（4–12 位数字）的哈希值",
        "hash a staff PIN (4-12 digits) for pin_hash in the kiosk configuration",
    ),
    "kiosk_pin_description": (
        "输入两次 PIN，打印填入展台配置 pin_hash 的一行。"
        "没有终端时，从输入中读取两行作为两次 PIN。",
        "Ask for a PIN twice and print its hash line for pin_hash in the kiosk "
        "configuration. Without a terminal, the two PINs are read as two lines of input.",
    ),
}

EXAMPLES: dict[Lang, str] = {
    "zh": """\
示例：
  fulian-viewer                          展示内置报告
  fulian-viewer --lang en --fullscreen   以英文、全屏展示
  fulian-viewer --data D:\\展览\\数据      展示该文件夹中的数据
  fulian-viewer --data 数据.xlsx          展示工作簿中的数据
  fulian-viewer check --data 数据.xlsx    检查修改后的数据
  fulian-viewer check --json             以 JSON 格式输出数据
  fulian-viewer check --config kiosk.toml  检查展台配置及其数据
  fulian-viewer export --out handouts --size 3840x2160
                                         把每一页导出为 PNG 和一份 PDF
  fulian-viewer --theme light            白底深红配色，适合发灰的投影仪
  fulian-viewer export --video 导览.mp4 --size 3840x1080 --loop
                                         把展台导览导出为 LED 屏用的视频
  fulian-viewer export --workbook 数据.xlsx
                                         把数据写成可修改的工作簿
  fulian-viewer --kiosk --config kiosk.toml
                                         作为展台无人值守运行
  fulian-viewer --presenter              投影仪上放演示，笔记本上显示演讲者视图
  fulian-viewer --rehearse 排练.csv       排练，结束时写出每页用时
  fulian-viewer import 报告.docx --out 草稿
                                         从报告全文生成数据草稿
  fulian-viewer kiosk-pin                为展台配置生成工作人员 PIN 的哈希值
""",
    "en": """\
examples:
  fulian-viewer                          show the bundled report
  fulian-viewer --lang en --fullscreen   show it in English, full screen
  fulian-viewer --data D:\\展览\\数据      show the dataset in that folder
  fulian-viewer --data 数据.xlsx          show the dataset in a workbook
  fulian-viewer check --data 数据.xlsx    check an edited dataset
  fulian-viewer check --json             print the dataset as JSON
  fulian-viewer check --config kiosk.toml  check a kiosk configuration and its data
  fulian-viewer export --out handouts --size 3840x2160
                                         render every pane to PNG and one PDF
  fulian-viewer --theme light            dark red on paper, for a washed-out projector
  fulian-viewer export --video tour.mp4 --size 3840x1080 --loop
                                         the kiosk's tour as a video for an LED wall
  fulian-viewer export --workbook 数据.xlsx
                                         write the data as a workbook to edit
  fulian-viewer --kiosk --config kiosk.toml
                                         run unattended as an exhibition kiosk
  fulian-viewer --presenter              the deck on the projector, the presenter
                                         console (notes, timer, next pane) on the laptop
  fulian-viewer --rehearse talk.csv      rehearse, then write each pane's seconds
  fulian-viewer import 报告.docx --out 草稿
                                         draft a dataset from a report's text
  fulian-viewer kiosk-pin                hash a staff PIN for the kiosk configuration
""",
}


def help_text(key: str, lang: Lang) -> str:
    """The help string ``key`` in ``lang``."""
    zh, en = HELP[key]
    return zh if lang == "zh" else en


def help_lang(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Lang:
    """The language of ``--help``: ``--lang`` in ``argv``, else the system's."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in ("zh", "en"):
            return value  # type: ignore[return-value]
    return system_lang(os.environ if environ is None else environ)


def system_lang(environ: Mapping[str, str], platform: str = sys.platform) -> Lang:
    """``zh`` when the system speaks Chinese, ``en`` otherwise."""
    if platform.startswith("win"):
        return "zh" if _windows_ui_is_chinese() else "en"
    # POSIX precedence: the first of these that is set and not empty decides.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _windows_ui_is_chinese() -> bool:
    """Whether Windows shows its own interface in Chinese (primary language 0x04)."""
    try:
        import ctypes

        language_id = int(ctypes.windll.kernel32.GetUserDefaultUILanguage())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False
    return language_id & 0x3FF == 0x04
