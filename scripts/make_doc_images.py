"""Make the documentation's pictures from the viewer itself, and its key tables.

Renders, offscreen and without animation, every picture that docs/使用说明.md and
README.md show into ``docs/images/`` (PNG, 1280x720 unless a shot says otherwise),
then rewrites the key table between the ``<!-- keys:LANG -->`` markers of both
documents from :mod:`fulian_viewer.model.key_map`. Run from the project root::

    uv run python scripts/make_doc_images.py            # every picture and the tables
    uv run python scripts/make_doc_images.py help pin   # only these pictures

Each picture is one :class:`Shot` in :data:`SHOTS`: a name and a function that
returns a QImage. A new feature's picture is one more function and one more line
there. Pictures of a console window and a spreadsheet are drawn by
:mod:`doc_drawn_images`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # also when loaded by a test

from doc_drawn_images import (  # noqa: E402
    broken_data,
    shot_check_ok,
    shot_check_problems,
    shot_export_video,
    shot_import,
    shot_kiosk_pin,
    shot_metrics_table,
)
from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from fulian_viewer.app import build_window, create_application  # noqa: E402
from fulian_viewer.model.key_map import with_key_tables  # noqa: E402
from fulian_viewer.model.loading import LoadResult, load_report  # noqa: E402
from fulian_viewer.model.settings import Settings  # noqa: E402
from fulian_viewer.model.ui_strings import ui_text  # noqa: E402
from fulian_viewer.ui.main_window import MainWindow  # noqa: E402

IMAGES = ROOT / "docs" / "images"
DOCUMENTS = {"zh": ROOT / "docs" / "使用说明.md", "en": ROOT / "README.md"}
SIZE = QSize(1280, 720)


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

    with broken_data() as folder:
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
    with broken_data() as folder:
        problems = [p for p in load_report(folder).problems if not p.warning]
    window = _window()
    window.controller.go(1)
    _settle()
    window.deck.current_pane.finish()
    where = problems[0].where("zh")
    window.deck.show_notice(ui_text("reload_refused", "zh", count=len(problems), where=where))
    return _grab(window)


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
