"""Wire the application together.

The order matters and is always the same:

1. Read the configuration (``--config``, then the flags over it); start the
   log file; log unhandled exceptions there, never showing them to a visitor.
   A kiosk takes the single-instance lock or exits.
2. Create the QApplication, set its metadata, register the bundled fonts; have
   PySide create the Python types of Qt's classes now, before any Python event
   filter is installed (:mod:`fulian_viewer.system.qt_types`: a type first
   created inside a filter can crash PySide).
3. Load the dataset (the bundled report when none is given, or when the one
   given cannot be used at all); report its problems.
4. Build the model: the dataset shown (:class:`CurrentDataset`) and the deck's
   state (:class:`DeckState`, its panes built once); then the one
   :class:`DeckController` that acts on it, and the view (:class:`DeckView`).
5. Attach the input controllers, which only call the deck controller.
6. Show the window (a kiosk: :func:`fulian_viewer.kiosk.start_kiosk`); outside a
   kiosk, ``C`` opens the presenter console, opened at once for ``--presenter`` or
   ``--rehearse`` (:mod:`fulian_viewer.ui.presenter`). Start live reload
   (:func:`fulian_viewer.watching.start_watching`: the data and the configuration
   are watched unless ``--no-watch``) and run the event loop.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from fulian_viewer import APP_NAME, ORGANISATION, __version__
from fulian_viewer.model.config import ConfigProblem, KioskConfig, load_config, merge_cli
from fulian_viewer.model.dataset import CurrentDataset
from fulian_viewer.model.handout import HandoutTargetError, check_handout_folder, handout_names
from fulian_viewer.model.loading import LoadResult, bundled_data_path, load_report
from fulian_viewer.model.output_request import write_failure
from fulian_viewer.model.settings import Settings
from fulian_viewer.model.ui_strings import ui_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from fulian_viewer.ui.main_window import MainWindow

log = logging.getLogger("fulian_viewer")


NO_DISPLAY = (
    "没有可显示窗口的屏幕（DISPLAY 和 WAYLAND_DISPLAY 均未设置）。"
    "请在桌面会话中启动；export 和 check 不需要屏幕。",
    "No screen to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
    "Start it from a desktop session; export and check need no screen.",
)


def no_display() -> bool:
    """Whether this is a Linux session without a display and no Qt platform was chosen.

    Qt would abort with a message about platform plugins that tells staff nothing.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    if os.environ.get("XDG_SESSION_TYPE") == "wayland":
        return False  # the compositor's default socket serves without WAYLAND_DISPLAY
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_viewer(args: argparse.Namespace) -> int:
    """``fulian-viewer [run]``: show the report in a window, or run as a kiosk."""
    config, config_problems = resolve_config(args)
    if getattr(args, "rehearse", None) is not None and not config.kiosk:
        from fulian_viewer.model.rehearsal import rehearsal_problem

        data = config.data or bundled_data_path()  # never into the bundled report either
        if rehearsal_problem(args.rehearse, data) is not None:
            print(ui_text("rehearsal_bad_file", config.lang, file=args.rehearse), file=sys.stderr)
            return 2
    start_logging(config.kiosk)
    for problem in config_problems:
        print(problem.message(config.lang), file=sys.stderr)
        log.warning("configuration: %s", problem.message("en"))
    if no_display():
        print(NO_DISPLAY[config.lang == "en"], file=sys.stderr)
        log.error("no display: neither DISPLAY nor WAYLAND_DISPLAY is set")
        return 2
    instance = None
    if config.kiosk:
        from fulian_viewer.system.single_instance import SingleInstance

        instance = SingleInstance()
        if not instance.acquire():
            message = ui_text("already_running", config.lang, pid=instance.holder_pid() or "?")
            print(message, file=sys.stderr)
            log.warning("second start refused: %s", ui_text("already_running", "en", pid="?"))
            return 3
    try:
        return _show(args, config, config_problems)
    finally:
        if instance is not None:
            instance.release()
        log.info("stopped")


def _show(
    args: argparse.Namespace, config: KioskConfig, config_problems: list[ConfigProblem]
) -> int:
    app = create_application()
    from fulian_viewer.ui.theme import use_theme

    use_theme(config.theme)
    settings = Settings(
        lang=config.lang,
        reduce_motion=config.reduce_motion or system_prefers_reduced_motion(app),
    )
    session = None
    if config.kiosk:
        from fulian_viewer.kiosk import STAFF_EXIT_STATUS, start_kiosk
        from fulian_viewer.model.last_good import load_for_kiosk

        load = load_for_kiosk(config.data)
        for problem in load.problems:
            log.warning("data: %s", problem.message("en"))
        window = build_window(
            CurrentDataset(load.shown, load.origin, load.problems), settings, notice=False
        )
        log_loaded(load.shown, load.origin)
        config_file = str(args.config) if args.config is not None else "--kiosk"
        session = start_kiosk(app, window, config, config_problems, config_file)
    else:
        result = load_with_fallback(config.data, settings)
        log_loaded(result, "data" if result.path == config.data else "bundled")
        window = build_window(
            CurrentDataset(result, "data" if result.path == config.data else "bundled"), settings
        )
        size = args.size
        window.resize(size.width, size.height) if size else window.resize(1280, 720)
        if args.fullscreen:
            window.enter_fullscreen()
        else:
            window.show()
        start_presenter(window, args, config.screen)
    from fulian_viewer.watching import start_watching

    watching = start_watching(window, config, args.config, lambda: resolve_config(args))
    window.watching = watching  # type: ignore[attr-defined]
    if args.quit_after_first_paint or args.quit_when_ready:
        from fulian_viewer.ui.startup_probe import StartupProbe

        StartupProbe(window.deck, until_ready=args.quit_when_ready)  # owned by the deck
    code = int(app.exec())
    if session is not None:
        session.stop()
        if session.staff_exited:
            log.info("staff exit")
            return STAFF_EXIT_STATUS
    return code


def start_presenter(window: MainWindow, args: argparse.Namespace, screen: str | int | None) -> None:
    """Let ``C`` open the presenter console; open it now for ``--presenter`` or ``--rehearse``."""
    from fulian_viewer.ui.presenter.launcher import PresenterLauncher

    minutes = getattr(args, "talk_minutes", None)
    rehearse = getattr(args, "rehearse", None)
    launcher = PresenterLauncher(window, screen, minutes * 60 if minutes else None, rehearse)
    window.presenter = launcher  # type: ignore[attr-defined]
    if getattr(args, "presenter", False) or rehearse is not None:
        launcher.open_console()


def resolve_config(args: argparse.Namespace) -> tuple[KioskConfig, list[ConfigProblem]]:
    """The configuration file (if any) with the command line's flags over it."""
    config, problems = KioskConfig(), list[ConfigProblem]()
    if args.config is not None:
        config, problems = load_config(args.config)
    overrides = {
        "kiosk": args.kiosk,
        "lang": args.lang,
        "reduce_motion": args.reduce_motion,
        "data": args.data,
        "screen": args.screen,
        "watch": getattr(args, "watch", None),
        "theme": args.theme,
    }
    return merge_cli(config, overrides), problems


def start_logging(kiosk: bool) -> None:
    """Log to the rotating file (never fatal) and log unhandled exceptions there."""
    from fulian_viewer.system.logs import install_exception_logging, setup_logging

    try:
        path = setup_logging()
    except OSError as error:
        print(f"fulian-viewer: cannot write the log file: {error}", file=sys.stderr)
        path = None
    install_exception_logging()
    log.info(
        "fulian-viewer %s starting (%s), python %s, log %s",
        __version__,
        "kiosk" if kiosk else "window",
        sys.version.split()[0],
        path,
    )


def log_loaded(result: LoadResult, origin: str) -> None:
    """Log which data is shown and how much of it."""
    report = result.report
    assert report is not None
    log.info(
        "data loaded from %s (%s): %d sections, %d metrics, %d problems",
        result.path,
        origin,
        len(report.sections),
        len(report.metrics),
        len(result.problems),
    )


_EXPORT_TEXT = {
    "zh": {
        "refused": "数据有 {count} 个问题，未导出任何文件。请按提示修改后再导出；"
        "如确实只导出没有问题的部分，请加上 --allow-problems。",
        "nothing": "数据中没有可以导出的内容，未导出任何文件。",
        "partial": "数据有 {count} 个问题；按 --allow-problems 只导出了没有问题的部分。",
        "cancelled": "fulian-viewer export：已取消，没有在 {out} 中写入或改动任何文件。",
    },
    "en": {
        "refused": "The data has {count} problem(s); nothing was exported. Correct them and "
        "export again, or add --allow-problems to export only what is sound.",
        "nothing": "Nothing in the data can be exported; no file was written.",
        "partial": "The data has {count} problem(s); with --allow-problems, only what is "
        "sound was exported.",
        "cancelled": "fulian-viewer export: cancelled; no file in {out} was written or changed.",
    },
}


def run_export(args: argparse.Namespace) -> int:
    """``fulian-viewer export``: every pane to PNG and one PDF, without a display.

    A dataset with problems is not exported (exit 2, nothing written) unless
    ``--allow-problems`` is given; then only what is sound is, and it says so.
    It never falls back to the bundled report.
    """
    from fulian_viewer.check import EXIT_INVALID

    result = load_report(args.data, warnings=True)
    lang = args.lang
    errors = [problem for problem in result.problems if not problem.warning]
    for problem in result.problems:
        print(problem.message(lang), file=sys.stderr)
    text = _EXPORT_TEXT[lang]
    if result.report is None:
        print(text["nothing"], file=sys.stderr)
        return EXIT_INVALID
    if errors and not getattr(args, "allow_problems", False):
        print(text["refused"].format(count=len(errors)), file=sys.stderr)
        return EXIT_INVALID
    names = handout_names(result.report)
    try:
        data = [result.path, bundled_data_path()]
        check_handout_folder(args.out, names, data, getattr(args, "force", False))
    except HandoutTargetError as error:
        colon = "：" if lang == "zh" else ": "
        print(f"fulian-viewer export{colon}{error.message(lang)}", file=sys.stderr)
        return EXIT_INVALID
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from fulian_viewer.system.logs import install_exception_logging

    install_exception_logging()
    create_application()
    from PySide6.QtCore import QSize

    from fulian_viewer.ui.export import export_deck
    from fulian_viewer.ui.theme import use_theme

    use_theme(args.theme or "red")

    settings = Settings(lang=lang).without_motion()
    try:
        files = export_deck(
            result.report, settings, args.out, QSize(args.size.width, args.size.height), lang
        )
    except OSError as error:
        colon = "：" if lang == "zh" else ": "
        reason = write_failure(error, lang)
        print(f"fulian-viewer export{colon}{args.out}{colon}{reason}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(text["cancelled"].format(out=args.out), file=sys.stderr)
        return 130
    for path in files:
        print(path)
    if errors:
        print(text["partial"].format(count=len(errors)), file=sys.stderr)
    return 0


def create_application() -> QApplication:
    """The QApplication with our name, version and fonts (created once), Qt's types created."""
    from PySide6.QtWidgets import QApplication

    from fulian_viewer.system.memory import return_large_blocks_to_system
    from fulian_viewer.system.platform import choose_platform
    from fulian_viewer.system.qt_types import create_qt_types
    from fulian_viewer.ui.fonts import display_font, register_bundled_fonts
    from fulian_viewer.ui.icon import app_icon

    existing = QApplication.instance()
    if not isinstance(existing, QApplication):
        return_large_blocks_to_system()  # before Qt allocates its first images
        chosen = choose_platform(os.environ)
        if chosen:
            log.info("Qt platform: %s (X11 through XWayland first)", chosen)
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("fulian-viewer")  # matches packaging/linux/fulian-viewer.desktop
    app.setWindowIcon(app_icon())
    register_bundled_fonts()
    app.setFont(display_font(16))
    create_qt_types()  # before any event filter: see fulian_viewer.system.qt_types
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


def build_window(
    data: CurrentDataset | LoadResult, settings: Settings, notice: bool = True
) -> MainWindow:
    """The audience window: the deck's model, its controller, its view and the inputs.

    In order: the deck's state (its panes built once from the report), the deck
    controller acting on it, the deck view rendering it in a main window, then the
    keyboard and pointer controllers, which only call the deck controller. With
    ``notice``, a banner says how many problems the data has (a kiosk leaves that
    to its staff list instead of telling visitors).
    """
    from PySide6.QtCore import Qt

    from fulian_viewer.controllers.deck import DeckController
    from fulian_viewer.controllers.keyboard import KeyboardController
    from fulian_viewer.controllers.pointer import PointerController
    from fulian_viewer.model.deck import DeckState
    from fulian_viewer.ui.deck_view import DeckView
    from fulian_viewer.ui.main_window import MainWindow

    dataset = data if isinstance(data, CurrentDataset) else CurrentDataset(data)
    state = DeckState.of_report(dataset.report, settings.lang)
    controller = DeckController(state, dataset, settings)
    deck = DeckView(controller)
    window = MainWindow(deck)
    controller.setParent(window)
    keyboard = KeyboardController(controller, window, window)
    window.installEventFilter(keyboard)
    pointer = PointerController(controller, deck, settings.swipe_px, window)
    deck.installEventFilter(pointer)
    deck.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    window.keyboard = keyboard  # type: ignore[attr-defined]
    window.pointer = pointer  # type: ignore[attr-defined]
    errors = [problem for problem in dataset.problems if not problem.warning]
    if errors and notice:
        deck.show_notice(ui_text("data_problems", settings.lang, count=len(errors)))
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
