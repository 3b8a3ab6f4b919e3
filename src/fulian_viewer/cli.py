"""Command line: parse arguments and dispatch, without importing Qt.

``fulian-viewer`` with no command runs the viewer; ``check`` validates a dataset;
``export`` renders every pane to PNG and PDF, the kiosk's tour to a video, or the
data to a workbook or CSV files to edit; ``import`` drafts a dataset from a
report's text; ``kiosk-pin`` hashes a staff PIN for the kiosk configuration. Qt is
imported only by the command that needs it, so ``check``, ``import``, ``kiosk-pin`` and
``--help`` work on a machine without a display. Each command's work is in a module
of its own (:mod:`~fulian_viewer.check`, :mod:`~fulian_viewer.import_report`,
:mod:`~fulian_viewer.kiosk_pin`, :mod:`~fulian_viewer.export_data`, the video export,
the viewer in :mod:`~fulian_viewer.app`), imported when that command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import NoReturn

from fulian_viewer import __version__
from fulian_viewer import timing as _timing  # noqa: F401 (the process-start reference)
from fulian_viewer.assets import licence_paths
from fulian_viewer.cli_errors import error_text, plain_error, unknown_arguments
from fulian_viewer.cli_text import EXAMPLES, help_lang, help_text
from fulian_viewer.model.numbers import Lang
from fulian_viewer.system.qt_types import ask_for_eager_types

COMMANDS = ("run", "check", "export", "import", "kiosk-pin")
LANGS = ("zh", "en")
THEMES = ("red", "light")


@dataclass(frozen=True)
class Size:
    """A size in pixels, written ``WIDTHxHEIGHT``."""

    width: int
    height: int

    @classmethod
    def parse(cls, text: str, lang: Lang = "en") -> Size:
        """Read ``1920x1080``; raise ``argparse.ArgumentTypeError`` (in ``lang``) otherwise."""
        width, sep, height = text.lower().replace("×", "x").partition("x")
        if not (sep and width.strip().isdigit() and height.strip().isdigit()):
            raise argparse.ArgumentTypeError(error_text("size_form", lang, value=text))
        size = cls(int(width), int(height))
        if not (160 <= size.width <= 16384 and 160 <= size.height <= 16384):
            raise argparse.ArgumentTypeError(error_text("size_range", lang, value=text))
        return size

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"


def version_text() -> str:
    """``--version``'s answer: the version, then where the licence texts are."""
    lines = [f"fulian-viewer {__version__}"]
    for path in licence_paths():
        what = "licence (MIT)" if path.name == "LICENSE" else "third-party licences"
        lines.append(f"{what}: {path}")
    if len(lines) == 1:
        lines.append("licence: MIT (the licence files are missing from this installation)")
    return "\n".join(lines)


def _formatter(lang: Lang, raw: bool = False) -> type[argparse.HelpFormatter]:
    """A help formatter whose "usage:" is in ``lang``."""
    base = argparse.RawDescriptionHelpFormatter if raw else argparse.HelpFormatter

    class Formatter(base):  # type: ignore[valid-type,misc]
        def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
            prefix = help_text("usage", lang) if prefix is None else prefix
            super().add_usage(usage, actions, groups, prefix)

        def format_help(self) -> str:
            text = str(super().format_help())
            if lang == "zh":  # argparse ends headings with ":"; Chinese takes "："
                for key in ("positionals", "options", "commands"):
                    title = help_text(key, lang)
                    text = text.replace(f"\n{title}:\n", f"\n{title}：\n")
            return text

    return Formatter


def _parser(lang: Lang, raw: bool = False, **kwargs: object) -> dict[str, object]:
    """Keyword arguments for a parser or subparser whose own texts are in ``lang``."""
    return {"formatter_class": _formatter(lang, raw), "add_help": False, **kwargs}


def _localise(parser: argparse.ArgumentParser, lang: Lang) -> argparse.ArgumentParser:
    """Give ``parser`` a ``-h`` and section titles in ``lang``."""
    parser._positionals.title = help_text("positionals", lang)
    parser._optionals.title = help_text("options", lang)
    parser.add_argument("-h", "--help", action="help", help=help_text("help", lang))
    return parser


class CommandLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one plain line in its language, naming ``--help``.

    ``commands`` holds the subcommands' parsers, by name, once they are added.
    """

    lang: Lang = "en"
    commands: dict[str, CommandLineParser]

    def error(self, message: str) -> NoReturn:
        """Say argparse's ``message`` in plain words on one line and exit with status 2."""
        self.fail(plain_error(message, self, self.lang))

    def fail(self, text: str) -> NoReturn:
        """Print ``text`` (already in plain words) on one line and exit with status 2."""
        see = help_text("see_help", self.lang).format(prog=self.prog)
        self.exit(2, f"{self.prog}: {help_text('error', self.lang)}{text} {see}\n")

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """Parse ``args``; what is not understood is named with the nearest command or option."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(parsed, "command", None)
            if command is None or not getattr(self, "commands", None):
                self.error(f"unrecognized arguments: {' '.join(extras)}")
            # A stray word where no command was named (`fulian-viewer chekc`) is the whole
            # command line's to explain; anything else is the command's.
            words_only = command == "run" and not any(arg.startswith("-") for arg in extras)
            sub = self if words_only else self.commands[command]
            sub.fail(unknown_arguments(extras, command, self.commands, self.lang))
        return parsed


def build_parser(lang: Lang = "en") -> CommandLineParser:
    """The argument parser with its subcommands, its help in ``lang``."""

    def t(key: str) -> str:
        return help_text(key, lang)

    path = partial(_path, lang=lang)
    CommandLineParser.lang = lang
    common = CommandLineParser(add_help=False)
    common.add_argument("--data", type=path, metavar="PATH", help=t("data"))
    common.add_argument("--lang", choices=LANGS, help=t("lang"))
    themed = CommandLineParser(add_help=False)
    themed.add_argument("--theme", choices=THEMES, help=t("theme"))

    parser = CommandLineParser(
        prog="fulian-viewer",
        description=t("description"),
        epilog=EXAMPLES[lang],
        **_parser(lang, raw=True),  # type: ignore[arg-type]
    )
    _localise(parser, lang)
    parser.add_argument("--version", action="version", version=version_text(), help=t("version"))
    commands = parser.add_subparsers(
        dest="command", metavar="{run,check,export,import,kiosk-pin}", title=t("commands")
    )
    parser.commands = commands.choices

    def command(name: str, **kwargs: object) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, **_parser(lang, **kwargs))  # type: ignore[arg-type]
        return _localise(sub, lang)

    run = command("run", parents=[common, themed], help=t("run"))
    run.add_argument("--fullscreen", action="store_true", help=t("fullscreen"))
    run.add_argument("--size", type=partial(Size.parse, lang=lang), metavar="WxH", help=t("size"))
    run.add_argument("--reduce-motion", action="store_true", default=None, help=t("reduce_motion"))
    run.add_argument("--kiosk", action="store_true", default=None, help=t("kiosk"))
    run.add_argument("--config", type=path, metavar="FILE", help=t("run_config"))
    run.add_argument(
        "--screen", type=partial(_screen_choice, lang=lang), metavar="N|NAME", help=t("screen")
    )
    run.add_argument(
        "--no-watch",
        dest="watch",
        action="store_false",
        default=None,
        help=t("no_watch"),
    )
    run.add_argument("--presenter", action="store_true", help=t("presenter"))
    run.add_argument("--rehearse", type=path, metavar="FILE", help=t("rehearse"))
    run.add_argument(
        "--talk-minutes", type=partial(_minutes, lang=lang), metavar="MIN", help=t("talk_minutes")
    )
    run.add_argument(
        "--quit-after-first-paint",
        action="store_true",
        help=argparse.SUPPRESS,  # benchmark hook: exit once the cover has painted
    )
    run.add_argument(
        "--quit-when-ready",
        action="store_true",
        help=argparse.SUPPRESS,  # benchmark hook: exit once every pane is built
    )

    check = command("check", parents=[common], help=t("check"))
    check.add_argument("--json", action="store_true", help=t("json"))
    check.add_argument("--config", type=path, metavar="FILE", help=t("check_config"))

    export = command("export", parents=[common, themed], help=t("export"))
    export.add_argument("--out", type=path, metavar="DIR", help=t("out"))
    export.add_argument("--workbook", type=path, metavar="FILE.xlsx", help=t("workbook"))
    export.add_argument("--data-folder", type=path, metavar="DIR", help=t("data_folder"))
    export.add_argument("--force", action="store_true", help=t("force"))
    export.add_argument(
        "--size",
        type=partial(Size.parse, lang=lang),
        default=Size(1920, 1080),
        metavar="WxH",
        help=t("export_size"),
    )
    export.add_argument(
        "--allow-problems",
        action="store_true",
        help=t("allow_problems"),
    )
    _add_video_arguments(export, lang)

    importer = command("import", help=t("import"), description=t("import_description"))
    importer.add_argument("report", type=path, metavar="REPORT", help=t("report"))
    importer.add_argument("--out", type=path, required=True, metavar="DIR", help=t("import_out"))
    importer.add_argument("--lang", choices=LANGS, default="zh", help=t("lang"))

    kiosk_pin = command("kiosk-pin", help=t("kiosk_pin"), description=t("kiosk_pin_description"))
    kiosk_pin.add_argument("--lang", choices=LANGS, default="zh", help=t("lang"))
    return parser


def _add_video_arguments(export: argparse.ArgumentParser, lang: Lang) -> None:
    """``export --video``: the kiosk's tour as an MP4 for LED walls and media players."""

    def t(key: str) -> str:
        return help_text(key, lang)

    path = partial(_path, lang=lang)
    video = export.add_argument_group(t("video_group"), t("video_description"))
    video.add_argument("--video", type=path, metavar="FILE.mp4", help=t("video"))
    video.add_argument("--fps", type=int, help=t("fps"))
    video.add_argument("--config", type=path, metavar="FILE", help=t("video_config"))
    video.add_argument("--loop", action="store_true", help=t("loop"))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``; with no command, ``run`` is meant."""
    args = list(argv)
    takes_value = {
        "--data",
        "--lang",
        "--size",
        "--out",
        "--config",
        "--screen",
        "--rehearse",
        "--talk-minutes",
        "--workbook",
        "--data-folder",
        "--theme",
        "--video",
        "--fps",
    }
    for index, arg in enumerate(args):
        if arg in COMMANDS and (index == 0 or args[index - 1] not in takes_value):
            # Options may come before the command: `--lang en check` means `check --lang en`.
            args.insert(0, args.pop(index))
            break
    first = args[0] if args else None
    if first not in COMMANDS and "--version" in args:
        args = ["--version"]  # `--lang zh --version`: the version, whatever comes with it
    elif first not in (*COMMANDS, "-h", "--help", "--version"):
        args.insert(0, "run")
    lang = help_lang(args)
    parser = build_parser(lang)
    parsed = parser.parse_args(args)
    if parsed.command == "export":
        given = [parsed.out, parsed.workbook, parsed.data_folder, parsed.video]
        if sum(value is not None for value in given) != 1:
            parser.commands["export"].fail(help_text("export_needs_one", lang))
        video_only = [
            name
            for name, value in (("--fps", parsed.fps), ("--config", parsed.config))
            if value is not None
        ] + (["--loop"] if parsed.loop else [])
        if parsed.video is None and video_only:
            # PNG, PDF and the data files have no frame rate, dwell or loop: an option
            # silently ignored would leave the user wondering where it went.
            text = help_text("video_only", lang).format(
                options=("、" if lang == "zh" else ", ").join(video_only)
            )
            parser.commands["export"].fail(text)
        parsed.fps = 30 if parsed.fps is None else parsed.fps
    leave_lang = parsed.command == "run" or (
        parsed.command == "export" and parsed.config is not None
    )
    if parsed.lang is None and not leave_lang:
        parsed.lang = "zh"  # otherwise None leaves the language to the kiosk configuration
    return parsed


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``fulian-viewer`` and ``python -m fulian_viewer``."""
    _make_output_safe()
    ask_for_eager_types()  # before any command imports PySide6
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["_reload-worker"]:  # the viewer's own loader process (see reload_worker)
        from fulian_viewer.reload_worker import worker_main

        return worker_main(argv[1:])
    args = parse_args(argv)
    try:
        return _dispatch(args)
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


def _minutes(text: str, lang: Lang = "en") -> float:
    """``--talk-minutes``: a length of talk, 1 to 600 minutes."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(error_text("minutes_form", lang, value=text)) from None
    if not 1 <= value <= 600:  # NaN is not in range either
        raise argparse.ArgumentTypeError(error_text("minutes_range", lang, value=text))
    return value


def _path(text: str, lang: Lang = "en") -> Path:
    """A file or folder named on the command line; ``--data=`` with nothing is refused."""
    if not text.strip():
        raise argparse.ArgumentTypeError(error_text("empty_path", lang))
    return Path(text)


def _screen_choice(text: str, lang: Lang = "en") -> int | str:
    """``--screen``: an index (``0``, ``1``…) or a screen's name."""
    text = text.strip()
    if not text:
        raise argparse.ArgumentTypeError(error_text("screen_empty", lang))
    if text.startswith("-") and text[1:].isdigit():
        raise argparse.ArgumentTypeError(error_text("screen_negative", lang, value=text))
    return int(text) if text.isdigit() else text


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "kiosk-pin":
        from fulian_viewer.kiosk_pin import run_kiosk_pin

        return run_kiosk_pin(args.lang)
    if args.command == "check":
        from fulian_viewer.check import run_check, run_check_config

        if args.config is not None:
            return run_check_config(args.config, args.data, args.lang, args.json, sys.stdout)
        return run_check(args.data, args.lang, args.json, sys.stdout)
    if args.command == "import":
        from fulian_viewer.import_report import run_import

        return run_import(args.report, args.out, args.lang, sys.stdout, sys.stderr)
    if args.command == "export" and (args.workbook or args.data_folder):
        from fulian_viewer.export_data import run_data_export

        return run_data_export(args)
    if args.command == "export" and args.video is not None:
        from fulian_viewer.video.command import run_video_export

        return run_video_export(args)
    if args.command == "export":
        from fulian_viewer.app import run_export

        return run_export(args)
    from fulian_viewer.app import run_viewer

    return run_viewer(args)


def _make_output_safe() -> None:
    """Never fail on printing Chinese to a console that cannot show it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
