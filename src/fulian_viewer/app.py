"""Wire the application together.

The order matters and is always the same:

1. Guard errors: an exception in a slot is logged, never shown to a visitor.
2. Create the QApplication, set its metadata, register the bundled fonts.
3. Load the dataset (the bundled report when none is given, or when the one
   given cannot be used at all); report its problems.
4. Build the model state (:class:`DeckState`) and the view (:class:`DeckView`).
5. Attach the input controllers, which only call the view's actions.
6. Show the window and run the event loop.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from fulian_viewer import APP_NAME, ORGANISATION, __version__
from fulian_viewer.model.loading import LoadResult, load_report
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.ui_strings import ui_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from fulian_viewer.ui.main_window import MainWindow

log = logging.getLogger("fulian_viewer")


def run_viewer(args: argparse.Namespace) -> int:
    """``fulian-viewer [run]``: show the report in a window."""
    install_error_guard()
    app = create_application()
    settings = Settings(
        lang=args.lang, reduce_motion=args.reduce_motion or system_prefers_reduced_motion(app)
    )
    result = load_with_fallback(args.data, settings)
    window = build_window(result, settings)
    if args.size:
        window.resize(args.size.width, args.size.height)
    else:
        window.resize(1280, 720)
    if args.fullscreen:
        window.enter_fullscreen()
    else:
        window.show()
    if args.quit_after_first_paint or args.quit_when_ready:
        from fulian_viewer.ui.startup_probe import StartupProbe

        StartupProbe(window.deck, until_ready=args.quit_when_ready)  # owned by the deck
    return int(app.exec())


def run_export(args: argparse.Namespace) -> int:
    """``fulian-viewer export``: every pane to PNG and one PDF, without a display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    install_error_guard()
    create_application()
    from PySide6.QtCore import QSize

    from fulian_viewer.ui.export import export_deck

    settings = Settings(lang=args.lang).without_motion()
    result = load_with_fallback(args.data, settings)
    assert result.report is not None
    try:
        files = export_deck(
            result.report, settings, args.out, QSize(args.size.width, args.size.height), args.lang
        )
    except OSError as error:
        print(f"fulian-viewer export: {error}", file=sys.stderr)
        return 1
    for path in files:
        print(path)
    return 0


def create_application() -> QApplication:
    """The QApplication with our name, version and fonts (created once)."""
    from PySide6.QtWidgets import QApplication

    from fulian_viewer.ui.fonts import display_font, register_bundled_fonts
    from fulian_viewer.ui.icon import app_icon

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("fulian-viewer")  # matches packaging/linux/fulian-viewer.desktop
    app.setWindowIcon(app_icon())
    register_bundled_fonts()
    app.setFont(display_font(16))
    return app


def load_with_fallback(data: Path | None, settings: Settings) -> LoadResult:
    """Load ``data``; print its problems; fall back to the bundled report when unusable."""
    result = load_report(data)
    for problem in result.problems:
        print(problem.message(settings.lang), file=sys.stderr)
    if result.report is None:
        print(ui_text("fallback_notice", settings.lang), file=sys.stderr)
        bundled = load_report(None)
        return LoadResult(bundled.path, bundled.report, result.problems, result.encodings)
    return result


def build_window(result: LoadResult, settings: Settings) -> MainWindow:
    """The main window with its deck view and controllers attached."""
    from fulian_viewer.controllers.keyboard import KeyboardController
    from fulian_viewer.controllers.pointer import PointerController
    from fulian_viewer.model.deck import DeckState, build_panes
    from fulian_viewer.ui.deck_view import DeckView
    from fulian_viewer.ui.main_window import MainWindow

    report = result.report
    assert report is not None
    state = DeckState(len(build_panes(report)), settings.lang)
    deck = DeckView(report, state, settings)
    window = MainWindow(deck)
    keyboard = KeyboardController(deck, window)
    window.installEventFilter(keyboard)
    pointer = PointerController(deck, settings.swipe_px, window)
    deck.installEventFilter(pointer)
    from PySide6.QtCore import Qt

    deck.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    window.keyboard = keyboard  # type: ignore[attr-defined]
    window.pointer = pointer  # type: ignore[attr-defined]
    if result.problems:
        deck.show_notice(ui_text("data_problems", settings.lang, count=len(result.problems)))
    return window


def system_prefers_reduced_motion(app: QApplication) -> bool:
    """Whether the operating system asks for less motion, where Qt tells us."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        preference = getattr(accessibility(), "motionPreference", None)
        reduced = getattr(getattr(Qt, "MotionPreference", None), "ReducedMotion", None)
        if preference is not None and reduced is not None:
            return bool(preference() == reduced)
    if sys.platform in ("win32", "darwin"):
        return not QApplication.isEffectEnabled(Qt.UIEffect.UI_General)
    return False


def install_error_guard() -> None:
    """Log exceptions raised in slots instead of printing tracebacks at visitors."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, error, tb))
        log.error("unhandled exception\n%s", text)
        print(f"fulian-viewer: internal error: {error}", file=sys.stderr)

    sys.excepthook = hook
