"""Make the documentation's pictures from the viewer itself, and its key tables.

Renders, offscreen and without animation, every picture that docs/使用说明.md and
README.md show into ``docs/images/`` (PNG, 1280x720 unless a shot says otherwise),
then rewrites the key table between the ``<!-- keys:LANG -->`` markers of both
documents from :mod:`fulian_viewer.model.key_map`. Run from the project root::

    uv run python scripts/make_doc_images.py            # every picture and the tables
    uv run python scripts/make_doc_images.py help pin   # only these pictures

Each picture is one :class:`Shot` in :data:`SHOTS`: a name and a function that
returns a QImage. A new feature's picture is one more function and one more line
there. Terminal pictures show a command's real output, run in this process,
drawn as a console window would show it.
"""

from __future__ import annotations

import io
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QRectF, QSize, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from fulian_viewer.app import build_window, create_application  # noqa: E402
from fulian_viewer.assets import resource_path  # noqa: E402
from fulian_viewer.model.key_map import with_key_tables  # noqa: E402
from fulian_viewer.model.loading import LoadResult, load_report  # noqa: E402
from fulian_viewer.model.settings import Settings  # noqa: E402
from fulian_viewer.model.ui_strings import ui_text  # noqa: E402
from fulian_viewer.ui.main_window import MainWindow  # noqa: E402

IMAGES = ROOT / "docs" / "images"
DOCUMENTS = {"zh": ROOT / "docs" / "使用说明.md", "en": ROOT / "README.md"}
SIZE = QSize(1280, 720)
TERMINAL_WIDTH = 1280

WIN_DATA = r"C:\fulian-viewer-data\数据"
WIN_CLI = r"C:\fulian-viewer\fulian-viewer-cli.exe"
WIN_PROMPT = "C:\\fulian-viewer>"
DRAFT = r"C:\fulian-viewer-data\草稿"
VIDEO = r"C:\fulian-viewer-data\导览.mp4"


@dataclass(frozen=True)
class Shot:
    """One picture: its file name (without ``.png``) and how to make it."""

    name: str
    make: Callable[[], QImage]


# Windows and panes ---------------------------------------------------------------


def _settings() -> Settings:
    return Settings(lang="zh").without_motion()


def _window(result: LoadResult | None = None) -> MainWindow:
    """A viewer window on the bundled report (or ``result``), at :data:`SIZE`, final figures."""
    window = build_window(result or load_report(None), _settings(), notice=False)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(SIZE)
    window.show()
    _settle()
    window.deck.current_pane.finish()
    _settle()
    return window


def _settle() -> None:
    for _ in range(4):  # pyqtgraph lays out axis labels on later passes
        QApplication.processEvents()


def _grab(window: MainWindow) -> QImage:
    _settle()
    window.deck.current_pane.relayout()
    _settle()
    image = window.grab().toImage()
    window.close()
    window.deleteLater()
    return image


def _pane(kind: str) -> QImage:
    """The first pane of ``kind`` (cover, section, scorecard…)."""
    window = _window()
    specs = window.controller.state.specs
    window.controller.go(next(i for i, spec in enumerate(specs) if spec.kind == kind))
    _settle()
    window.deck.current_pane.finish()
    return _grab(window)


def shot_cover() -> QImage:
    return _pane("cover")


def shot_section() -> QImage:
    return _pane("section")


def shot_scorecard() -> QImage:
    return _pane("scorecard")


def shot_help() -> QImage:
    window = _window()
    window.controller.go(1)
    _settle()
    window.controller.toggle_help()
    return _grab(window)


def shot_overview() -> QImage:
    window = _window()
    window.controller.go(2)
    _settle()
    window.controller.toggle_overview()
    return _grab(window)


def shot_source() -> QImage:
    window = _window()
    window.controller.go(1)
    _settle()
    window.deck.current_pane.finish()
    window.controller.show_source()
    return _grab(window)


def shot_pin() -> QImage:
    from fulian_viewer.ui.staff_overlays import PinOverlay

    window = _window()
    pad = PinOverlay(parent=window.deck)
    pad.open("zh")
    pad.entry.setText("0" * 6)  # shown as dots
    pad.show_message(ui_text("pin_wrong", "zh"))
    return _grab(window)


def shot_problems() -> QImage:
    from fulian_viewer.ui.staff_overlays import ProblemsOverlay

    with _broken_data() as folder:
        result = load_report(folder)
    window = _window(result)
    overlay = ProblemsOverlay(window.deck)
    from fulian_viewer.model.config import KioskConfig, pin_problems

    messages = [problem.message("zh") for problem in result.problems]
    kiosk = r"C:\fulian-viewer-data\kiosk.toml"
    messages += [problem.message("zh") for problem in pin_problems(KioskConfig(), kiosk)]
    overlay.open("zh", ui_text("problems_shown_data", "zh"), messages)
    return _grab(window)


def shot_presenter() -> QImage:
    """The presenter console in a 21-minute talk (3 minutes a pane), 1:35 in, on pane 2."""
    from fulian_viewer.ui.presenter.session import PresenterSession

    window = _window()
    now = [1000.0]
    session = PresenterSession(window, talk_seconds=21 * 60, clock=lambda: now[0])
    console = session.console
    console.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    console.resize(SIZE)
    console.show()
    window.controller.go(1)
    for _ in range(200):  # the console's picture of the pane is painted on later passes
        _settle()
        if console.mirror.is_ready and console.mirror.has_painted:
            break
    window.deck.current_pane.finish()
    console.mirror.current_pane.finish()
    now[0] += 95
    console.tick()
    _settle()
    image = console.grab().toImage()
    session.close()
    window.close()
    window.deleteLater()
    return image


def shot_light() -> QImage:
    """A section pane in the light theme, for washed-out projectors."""
    from fulian_viewer.ui.theme import use_theme

    use_theme("light")
    try:
        return _pane("section")
    finally:
        use_theme("red")


def shot_reloaded() -> QImage:
    """The notice a running viewer shows when a saved edit has a problem and is not taken."""
    with _broken_data() as folder:
        problems = [p for p in load_report(folder).problems if not p.warning]
    window = _window()
    window.controller.go(1)
    _settle()
    window.deck.current_pane.finish()
    where = problems[0].where("zh")
    window.deck.show_notice(ui_text("reload_refused", "zh", count=len(problems), where=where))
    return _grab(window)


# Terminal pictures --------------------------------------------------------------


class _broken_data:  # noqa: N801 (used as a context manager, like a function)
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
    with _broken_data() as folder:
        (folder / "metrics.csv").write_bytes((resource_path("data") / "metrics.csv").read_bytes())
        text = _check_output(folder, WIN_DATA)
    return terminal(f"{WIN_PROMPT}fulian-viewer-cli check --data {WIN_DATA}", text)


def shot_check_problems() -> QImage:
    with _broken_data() as folder:
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


SHOTS: tuple[Shot, ...] = (
    # The product, for the README and the guide's first section.
    Shot("cover", shot_cover),
    Shot("section", shot_section),
    Shot("scorecard", shot_scorecard),
    # Presenting.
    Shot("help", shot_help),
    Shot("overview", shot_overview),
    Shot("source", shot_source),
    Shot("presenter", shot_presenter),
    Shot("light", shot_light),
    # Editing the figures and importing a report.
    Shot("metrics-table", shot_metrics_table),
    Shot("check-ok", shot_check_ok),
    Shot("check-problems", shot_check_problems),
    Shot("reloaded", shot_reloaded),
    Shot("import", shot_import),
    # The kiosk and its staff.
    Shot("kiosk-pin", shot_kiosk_pin),
    Shot("pin", shot_pin),
    Shot("problems", shot_problems),
    # Handouts and video.
    Shot("export-video", shot_export_video),
)
"""Every picture, in the order the guide shows them."""


# Writing -------------------------------------------------------------------------


def save(image: QImage, path: Path) -> int:
    """Write ``image`` as a compact PNG; return its size in bytes."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    if not image.save(str(path), "PNG", 0):  # quality 0: the strongest compression
        raise OSError(f"could not write {path}")
    return path.stat().st_size


def write_key_tables() -> None:
    for path in DOCUMENTS.values():
        text = path.read_text(encoding="utf-8")
        updated = with_key_tables(text)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            print(f"key table updated: {path.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    wanted = set(argv)
    unknown = wanted - {shot.name for shot in SHOTS}
    if unknown:
        print(f"unknown pictures: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    create_application()
    IMAGES.mkdir(parents=True, exist_ok=True)
    total = 0
    for shot in SHOTS:
        if wanted and shot.name not in wanted:
            continue
        path = IMAGES / f"{shot.name}.png"
        size = save(shot.make(), path)
        total += size
        print(f"{path.relative_to(ROOT)}  {size / 1024:.0f} KB")
    print(f"{total / 1024 / 1024:.1f} MB written")
    write_key_tables()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
