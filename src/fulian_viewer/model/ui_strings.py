"""Every string the interface itself shows, in Chinese and English.

Kept Qt-free and in one table so the bundled font can be checked to cover them.
"""

from __future__ import annotations

from collections.abc import Iterator

from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.presenter_strings import PRESENTER_STRINGS

STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("巴渝巾帼数据展", "Chongqing Women’s Federation in figures"),
    "source_prefix": ("来源", "Source"),
    "source_line": ("来源：《{report}》· {section}", "Source: “{report}” · {section}"),
    "cover_source": ("来源：《{report}》", "Source: “{report}”"),
    "report_title": ("《{report}》", "“{report}”"),
    "period_line": ("{organisation} · 过去{period}", "{organisation} · the past {period}"),
    "part": ("第{number}部分", "Part {number}"),
    "scorecard": ("成绩单", "Scorecard"),
    "closing": ("结语", "Closing"),
    "cover": ("封面", "Cover"),
    "credits": ("文 / 图", "Credits"),
    "thanks": ("谢谢观看", "Thank you"),
    "pane_number": ("{current} / {total}", "{current} / {total}"),
    "overview_title": ("全部页面", "All panes"),
    "overview_hint": (
        "方向键选择 · 回车打开 · Esc 返回",
        "Arrows to choose · Enter to open · Esc to go back",
    ),
    "help_title": ("操作说明", "Keys and gestures"),
    "help_next": ("下一页", "Next pane"),
    "help_next_keys": (
        "→ ↓ PgDn 空格 回车 N · 点击右半屏 · 向左滑动 · 滚轮向下",
        "→ ↓ PgDn Space Enter N · click right half · swipe left · wheel down",
    ),
    "help_previous": ("上一页", "Previous pane"),
    "help_previous_keys": (
        "← ↑ PgUp 退格 Shift+空格 P · 点击左半屏 · 向右滑动 · 滚轮向上",
        "← ↑ PgUp Backspace Shift+Space P · click left half · swipe right · wheel up",
    ),
    "help_first_last": ("第一页 / 最后一页", "First / last pane"),
    "help_jump": ("跳到第 N 页", "Jump to pane N"),
    "help_present": (
        "全屏放映：从第一页 / 从本页",
        "Present full screen: from the first pane / from here",
    ),
    "help_fullscreen": ("全屏 / 退出全屏", "Full screen on / off"),
    "help_blank": (
        "黑屏 / 恢复（翻页笔的黑屏键）",
        "Blank the screen / back (a clicker’s black-screen button)",
    ),
    "help_overview": ("全部页面", "Overview of all panes"),
    "help_overview_keys": (
        "O，再用方向键和回车，或点击缩略图",
        "O, then arrows and Enter, or click a thumbnail",
    ),
    "help_language": ("中文 / English", "中文 / English"),
    "help_replay": ("重播本页动画", "Replay this pane"),
    "help_final": ("立即显示最终数字", "Show final figures at once"),
    "help_source": ("查看数字出处", "Show where a figure comes from"),
    "help_source_keys": (
        "I（再按一次看下一个数字）· 点击数字",
        "I (again for the next figure) · click the figure",
    ),
    "help_help": ("显示 / 关闭本说明", "Show / hide this help"),
    "help_escape": ("关闭浮层 / 退出全屏", "Close overlay / leave full screen"),
    "provenance_title": ("数字出处", "Where this figure comes from"),
    "provenance_section": ("所在部分：{section}", "Section: {section}"),
    # The source sentence is the report's own, in Chinese: the English says so.
    "provenance_report": ("出自《{report}》", "Quoted in the original Chinese from “{report}”"),
    "provenance_hint": ("点击数字或按 I 查看出处", "Tap a figure or press I for its source"),
    "data_problems": (
        # Not every problem leaves out a row (a header with a name too many, a table
        # that cannot be read), so the notice says only what always holds.
        "数据有 {count} 个问题，只显示了没有问题的内容",
        "The data has {count} problem(s); only what is sound is shown",
    ),
    "fallback_notice": (
        "所选数据无法使用，正在显示内置报告",
        "The chosen data cannot be used; showing the bundled report",
    ),
    "last_good_notice": (
        "所选数据有问题，正在显示上次完好的数据",
        "The chosen data has problems; showing its last good copy",
    ),
    "pin_title": ("工作人员退出", "Staff exit"),
    "pin_prompt": (
        "请输入 PIN，按回车确认；按 Esc 取消",
        "Type the PIN and press Enter; Esc cancels",
    ),
    "pin_wrong": ("PIN 不正确", "Wrong PIN"),
    "pin_locked": (
        "错误次数过多，请 {seconds} 秒后再试",
        "Too many wrong PINs; try again in {seconds} s",
    ),
    "problems_title": ("数据与配置问题", "Data and configuration problems"),
    "problems_none": ("没有发现问题。", "No problems found."),
    "problems_shown_data": ("正在显示：所选数据", "Showing: the chosen data"),
    "problems_shown_bundled": ("正在显示：内置报告", "Showing: the bundled report"),
    "problems_refused": (
        "未采用的最近一次修改（画面仍显示上次完好的数据）：",
        "The latest edit was not taken (the screen still shows the last good data):",
    ),
    "reload_refused": (
        "数据修改未采用：共 {count} 个问题，第一个在{where}（Ctrl+Alt+Shift+D 查看）",
        "The edit was not taken: {count} problem(s), first at {where} (Ctrl+Alt+Shift+D)",
    ),
    "reload_taken": ("数据已更新：{count} 处修改", "Data updated: {count} change(s)"),
    "help_reload": ("重新读取数据", "Reload the data"),
    "problems_hint": ("按 Esc 关闭", "Esc closes"),
    "already_running": (
        "展示程序已在运行（进程 {pid}），不再启动第二个",
        "fulian-viewer is already running (process {pid}); not starting a second one",
    ),
}
STRINGS.update(PRESENTER_STRINGS)


def ui_text(key: str, lang: Lang, **fields: object) -> str:
    """The interface string ``key`` in ``lang``, with ``fields`` filled in."""
    zh, en = STRINGS[key]
    return (en if lang == "en" else zh).format(**fields)


def all_ui_characters() -> Iterator[str]:
    """Every template of every string, for the font coverage check."""
    for zh, en in STRINGS.values():
        yield zh
        yield en
