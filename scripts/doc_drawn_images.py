"""Pictures of other programs for the documentation, drawn: a console window, a spreadsheet.

A console picture shows a command's real output, run in this process (or, for the
video export, in a subprocess), drawn as a Windows console window shows it; the
spreadsheet shows the first rows of the bundled ``metrics.csv`` with Excel's row
numbers. :mod:`make_doc_images` lists them with the viewer's own pictures.
"""

from __future__ import annotations

import io
import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from fulian_viewer.assets import resource_path

TERMINAL_WIDTH = 1280

WIN_DATA = r"C:\fulian-viewer-data\数据"
WIN_CLI = r"C:\fulian-viewer\fulian-viewer-cli.exe"
WIN_PROMPT = "C:\\fulian-viewer>"
DRAFT = r"C:\fulian-viewer-data\草稿"
VIDEO = r"C:\fulian-viewer-data\导览.mp4"


class broken_data:  # noqa: N801 (used as a context manager, like a function)
    """A copy of the bundled data with one figure typed wrong, as a sample problem."""

    def __enter__(self) -> Path:
        self._tmp = tempfile.TemporaryDirectory()
        folder = Path(self._tmp.name) / "数据"
        shutil.copytree(resource_path("data"), folder)
        metrics = folder / "metrics.csv"
        text = metrics.read_text(encoding="utf-8-sig")
        metrics.write_text(text.replace(",66000,", ",6.6万场,", 1), encoding="utf-8-sig")
        return folder

    def __exit__(self, *exc: object) -> None:
        self._tmp.cleanup()


def _check_output(folder: Path | None, shown_as: str) -> str:
    from fulian_viewer.check import run_check

    out = io.StringIO()
    run_check(folder, "zh", False, out)
    text = out.getvalue()
    if folder is not None:
        text = text.replace(str(folder), shown_as)
    return text


def shot_check_ok() -> QImage:
    with broken_data() as folder:
        (folder / "metrics.csv").write_bytes((resource_path("data") / "metrics.csv").read_bytes())
        text = _check_output(folder, WIN_DATA)
    return terminal(f"{WIN_PROMPT}fulian-viewer-cli check --data {WIN_DATA}", text)


def shot_check_problems() -> QImage:
    with broken_data() as folder:
        text = _check_output(folder, WIN_DATA)
    return terminal(f"{WIN_PROMPT}fulian-viewer-cli check --data {WIN_DATA}", text)


def shot_kiosk_pin() -> QImage:
    from fulian_viewer.model.pin import hash_pin

    # A PIN nobody knows: a hash copied from the picture opens no kiosk.
    line = hash_pin(f"{secrets.randbelow(10**8):08d}")
    text = f'PIN：\n再次输入 PIN：\n{line}\n粘贴到展台配置文件中：pin_hash = "{line}"\n'
    return terminal(f"{WIN_PROMPT}fulian-viewer-cli kiosk-pin", text)


def shot_import() -> QImage:
    from fulian_viewer.import_report import run_import

    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp) / "草稿"
        out, err = io.StringIO(), io.StringIO()
        run_import(resource_path("data") / "report.txt", out_dir, "zh", out, err)
        text = out.getvalue() + err.getvalue()
        text = text.replace(f"{out_dir}{os.sep}", DRAFT + "\\").replace(str(out_dir), DRAFT)
        text = text.replace(str(resource_path("data") / "report.txt"), "报告.docx")
    command = f"{WIN_PROMPT}fulian-viewer-cli import 报告.docx --out {DRAFT}"
    return terminal(command, text)


def shot_export_video() -> QImage:
    """A real, small ``export --video`` run: its progress lines and summary."""
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "导览.mp4"
        command = [sys.executable, "-m", "fulian_viewer", "export", "--video", str(target)]
        command += ["--size", "640x360"]
        run = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=True)
    # A console rewrites the progress line in place: it ends on the last one.
    text = run.stderr.splitlines()[-1] + "\n" + run.stdout.replace(str(target), VIDEO)
    return terminal(f"{WIN_PROMPT}fulian-viewer-cli export --video {VIDEO} --size 640x360", text)


METRIC_COLUMNS = (
    ("section", 84), ("id", 96), ("label_zh", 170), ("label_en", 130), ("value", 104),
    ("unit", 52), ("unit_en", 96), ("display", 104), ("headline", 88), ("scorecard", 96),
    ("source", 0),
)  # fmt: skip
"""metrics.csv's columns and their widths in the spreadsheet picture (0: the rest)."""


def shot_metrics_table() -> QImage:
    """The first rows of metrics.csv as a spreadsheet shows them, with Excel's row numbers."""
    import csv

    from fulian_viewer.ui.fonts import display_font

    text = (resource_path("data") / "metrics.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))[:13]
    number_width, row_height, head = 44.0, 40.0, 34.0
    height = int(head + row_height * len(rows))
    image = QImage(TERMINAL_WIDTH, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    fixed = sum(width for _, width in METRIC_COLUMNS)
    widths = [w or TERMINAL_WIDTH - number_width - fixed for _, w in METRIC_COLUMNS]
    grey, line = QColor("#e9eef3"), QColor("#c8ced6")
    painter.fillRect(QRectF(0, 0, TERMINAL_WIDTH, head), grey)
    painter.fillRect(QRectF(0, 0, number_width, height), grey)
    painter.setFont(display_font(15))
    x = number_width
    for index, width in enumerate(widths):  # the column letters
        painter.setPen(QColor("#444444"))
        painter.drawText(QRectF(x, 0, width, head), Qt.AlignmentFlag.AlignCenter, chr(65 + index))
        x += width
    for number, row in enumerate(rows, start=1):
        y = head + (number - 1) * row_height
        painter.setPen(QColor("#444444"))
        painter.setFont(display_font(15))
        cell = QRectF(0, y, number_width, row_height)
        painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(number))
        painter.setFont(display_font(16, bold=number == 1))
        painter.setPen(QColor("#1a1a1a"))
        x = number_width
        for value, width in zip(row, widths, strict=False):
            box = QRectF(x + 6, y, width - 10, row_height)
            elided = QFontMetricsF(painter.font()).elidedText(
                value, Qt.TextElideMode.ElideRight, box.width()
            )
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, elided)
            x += width
    painter.setPen(line)
    x = number_width
    for width in [0.0, *widths]:
        x += width
        painter.drawLine(int(x), 0, int(x), height)
    for number in range(len(rows) + 1):
        y = int(head + number * row_height)
        painter.drawLine(0, y, TERMINAL_WIDTH, y)
    painter.end()
    return image


def terminal(command: str, output: str) -> QImage:
    """A console window showing ``command`` and its ``output``."""
    from fulian_viewer.ui.fonts import display_font

    font: QFont = display_font(19)
    metrics = QFontMetricsF(font)
    line_height = metrics.lineSpacing() * 1.15
    margin, bar = 28.0, 40.0
    width = TERMINAL_WIDTH - 2 * margin
    lines = [command, *_wrap(output.rstrip("\n").splitlines(), metrics, width), WIN_PROMPT]
    height = int(bar + 2 * margin + line_height * len(lines))
    image = QImage(TERMINAL_WIDTH, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#0c0c0c"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, TERMINAL_WIDTH, bar), QColor("#2b2b2b"))
    painter.setFont(display_font(15))
    painter.setPen(QColor("#c8c8c8"))
    painter.drawText(QRectF(16, 0, 600, bar), Qt.AlignmentFlag.AlignVCenter, "命令提示符")
    painter.setFont(font)
    y = bar + margin
    for index, line in enumerate(lines):
        colour = "#f2f2f2" if index == 0 else _line_colour(line)
        painter.setPen(QColor(colour))
        painter.drawText(QRectF(margin, y, width, line_height), Qt.AlignmentFlag.AlignVCenter, line)
        y += line_height
    painter.end()
    return image


def _line_colour(line: str) -> str:
    if line.startswith("✓"):
        return "#6ad26a"
    if line.startswith("✗"):
        return "#ff7a6a"
    return "#cccccc"


def _wrap(lines: list[str], metrics: QFontMetricsF, width: float) -> list[str]:
    """Break lines that are wider than ``width``, a character at a time (as a console does)."""
    wrapped: list[str] = []
    for line in lines:
        current = ""
        for char in line:
            if metrics.horizontalAdvance(current + char) > width:
                wrapped.append(current)
                current = "    "
            current += char
        wrapped.append(current)
    return wrapped
