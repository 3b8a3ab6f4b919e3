"""The presenter console's interface strings, in Chinese and English (see ``ui_strings``)."""

from __future__ import annotations

PRESENTER_STRINGS: dict[str, tuple[str, str]] = {
    "presenter_title": ("演讲者视图", "Presenter console"),
    "presenter_now": ("观众正在看", "On the audience screen"),
    "presenter_next": ("下一页", "Next"),
    "presenter_end": ("演示结束", "End of the presentation"),
    "presenter_notes": ("讲稿", "Notes"),
    "presenter_points": ("要点（取自报告）", "Talking points (from the report)"),
    "presenter_no_points": ("本页没有讲稿。", "No notes for this pane."),
    "presenter_clock": ("现在", "Time"),
    "presenter_elapsed": ("已用时间", "Elapsed"),
    "presenter_paused": ("已暂停", "Paused"),
    "presenter_pause": ("暂停 T", "Pause  T"),
    "presenter_resume": ("继续 T", "Resume  T"),
    "presenter_reset": ("归零 Shift+T", "Reset  Shift+T"),
    "presenter_pane": ("第 {current} / {total} 页", "Pane {current} of {total}"),
    "presenter_pane_time": ("本页 {spent} / 目标 {target}", "This pane {spent} / target {target}"),
    "presenter_pane_spent": ("本页 {spent}", "This pane {spent}"),
    "pace_on_time": ("进度正常", "On time"),
    "pace_ahead": ("提前 {time}", "{time} ahead"),
    "pace_behind": ("落后 {time}", "{time} behind"),
    "pace_none": ("未设定目标时长", "No target times set"),
    "pace_total": ("计划共 {time}", "Planned {time} in all"),
    "presenter_blacked_out": (
        "观众屏幕已黑屏（B 或 . 恢复）",
        "Audience screen blacked out (B or . brings it back)",
    ),
    "presenter_one_screen": (
        "只有一块屏幕：观众画面留在原窗口",
        "One screen only: the audience view stays in its own window",
    ),
    "presenter_screens": (
        "观众画面在 {audience}，本视图在 {console}（X 交换）",
        "Audience on {audience}, this console on {console} (X swaps)",
    ),
    "presenter_rehearsing": (
        "排练中：结束时把每页用时写入 {file}",
        "Rehearsing: each pane’s seconds go to {file} at the end",
    ),
    "presenter_pointer_hint": (
        "在画面上移动鼠标即显示激光点；点击数字，观众屏幕显示其出处",
        "Move the mouse over the picture for a laser dot; click a figure to show its source",
    ),
    "rehearsal_written": ("排练用时已写入 {file}", "Rehearsal seconds written to {file}"),
    "rehearsal_moved": (
        "无法写入 {file}（{reason}）；排练用时已改写入 {moved}",
        "Cannot write {file} ({reason}); the rehearsal seconds were written to {moved}",
    ),
    "rehearsal_failed": (
        "无法写入排练用时：{reason}",
        "Cannot write the rehearsal seconds: {reason}",
    ),
    "rehearsal_bad_file": (
        "--rehearse 的文件须以 .csv（讲稿表）或 .toml（展台配置）结尾，且不在数据文件夹内：{file}",
        "--rehearse needs a file ending in .csv (a notes table) or .toml (kiosk settings), "
        "outside the data folder: {file}",
    ),
    "help_console": ("演讲者视图", "Presenter console"),
    "help_swap": ("交换观众与演讲者屏幕", "Swap the two screens"),
    "help_timer": ("计时暂停 / 归零", "Pause / reset the talk timer"),
}
