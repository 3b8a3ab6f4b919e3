"""Command line: parse arguments and dispatch, without importing Qt.

``fulian-viewer`` with no command runs the viewer; ``check`` validates a dataset;
``export`` renders every pane to PNG and PDF, or the kiosk's tour to a video;
``kiosk-pin`` hashes a staff PIN for the kiosk configuration. Qt is imported only by
the command that needs it, so ``check``, ``kiosk-pin`` and ``--help`` work on a
machine without a display.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from fulian_viewer import __version__
from fulian_viewer import timing as _timing  # noqa: F401 (the process-start reference)

COMMANDS = ("run", "check", "export", "kiosk-pin")
LANGS = ("zh", "en")

_EXAMPLES = """\
examples:
  fulian-viewer                          show the bundled report
  fulian-viewer --lang en --fullscreen   show it in English, full screen
  fulian-viewer --data D:\\展览\\数据      show the dataset in that folder
  fulian-viewer --data 数据.xlsx          show the dataset in a workbook
  fulian-viewer check --data 数据.xlsx    check an edited dataset
  fulian-viewer check --json             print the dataset as JSON
  fulian-viewer export --out handouts --size 3840x2160
                                         render every pane to PNG and one PDF
  fulian-viewer export --video tour.mp4 --size 3840x1080 --loop
                                         the kiosk's tour as a video for an LED wall
  fulian-viewer --kiosk --config kiosk.toml
                                         run unattended as an exhibition kiosk
  fulian-viewer kiosk-pin                hash a staff PIN for the kiosk configuration
"""


@dataclass(frozen=True)
class Size:
    """A size in pixels, written ``WIDTHxHEIGHT``."""

    width: int
    height: int

    @classmethod
    def parse(cls, text: str) -> Size:
        """Read ``1920x1080``; raise ``argparse.ArgumentTypeError`` otherwise."""
        width, sep, height = text.lower().replace("×", "x").partition("x")
        if not (sep and width.strip().isdigit() and height.strip().isdigit()):
            raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080")
        size = cls(int(width), int(height))
        if not (160 <= size.width <= 16384 and 160 <= size.height <= 16384):
            raise argparse.ArgumentTypeError(f"'{text}': each side must be 160 to 16384 pixels")
        return size

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"


class CommandLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, naming ``--help`` for the rest."""

    def error(self, message: str) -> NoReturn:
        """Print ``message`` on one line and exit with status 2."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its subcommands."""
    common = CommandLineParser(add_help=False)
    common.add_argument(
        "--data",
        type=Path,
        metavar="PATH",
        help="dataset folder (CSV files) or .xlsx workbook; default: the bundled report",
    )
    common.add_argument("--lang", choices=LANGS, help="language (default: zh)")

    parser = CommandLineParser(
        prog="fulian-viewer",
        description="Exhibition viewer for 《巴渝巾帼心向党 砥砺奋进新征程》.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"fulian-viewer {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="{run,check,export,kiosk-pin}")

    run = commands.add_parser("run", parents=[common], help="show the report (the default)")
    run.add_argument("--fullscreen", action="store_true", help="start full screen")
    run.add_argument("--size", type=Size.parse, metavar="WxH", help="window size, e.g. 1280x720")
    run.add_argument(
        "--reduce-motion",
        action="store_true",
        default=None,
        help="show final values without animation",
    )
    run.add_argument(
        "--kiosk",
        action="store_true",
        default=None,
        help="run as an unattended exhibition kiosk (full screen, autoplay, locked exit)",
    )
    run.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="kiosk configuration (TOML; see packaging/kiosk.example.toml); flags win over it",
    )
    run.add_argument(
        "--screen",
        type=_screen_choice,
        metavar="N|NAME",
        help="screen to fill in kiosk mode: index from 0, or name such as HDMI-1",
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

    check = commands.add_parser(
        "check", parents=[common], help="check a dataset and list every problem"
    )
    check.add_argument("--json", action="store_true", help="print the loaded dataset as JSON")

    export = commands.add_parser(
        "export",
        parents=[common],
        help="render every pane to PNG and a PDF handout, or the tour to a video",
    )
    export.add_argument("--out", type=Path, metavar="DIR", help="output folder (PNG and PDF)")
    export.add_argument(
        "--size", type=Size.parse, default=Size(1920, 1080), metavar="WxH", help="default 1920x1080"
    )
    _add_video_arguments(export)

    kiosk_pin = commands.add_parser(
        "kiosk-pin",
        help="hash a staff PIN (4-12 digits) for pin_hash in the kiosk configuration",
        description="Ask for a PIN twice and print its hash line for pin_hash in the kiosk "
        "configuration. Without a terminal, the two PINs are read as two lines of input.",
    )
    kiosk_pin.add_argument("--lang", choices=LANGS, default="zh", help="language (default: zh)")
    return parser


def _add_video_arguments(export: argparse.ArgumentParser) -> None:
    """``export --video``: the kiosk's tour as an MP4 for LED walls and media players."""
    video = export.add_argument_group(
        "video", "the kiosk's tour, cover to closing, as H.264 MP4 (needs fulian-viewer[video])"
    )
    video.add_argument("--video", type=Path, metavar="FILE.mp4", help="write the tour to FILE.mp4")
    video.add_argument("--fps", type=int, default=30, help="30 (default) or 60 frames per second")
    video.add_argument(
        "--config", type=Path, metavar="FILE", help="kiosk configuration for the dwell per pane"
    )
    video.add_argument(
        "--loop", action="store_true", help="end leading back into the cover, for looping players"
    )
    video.add_argument("--force", action="store_true", help="replace FILE.mp4 if it exists")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``; with no command, ``run`` is meant."""
    args = list(argv)
    takes_value = {"--data", "--lang", "--size", "--out", "--config", "--screen"}
    takes_value |= {"--video", "--fps"}
    for index, arg in enumerate(args):
        if arg in COMMANDS and (index == 0 or args[index - 1] not in takes_value):
            # Options may come before the command: `--lang en check` means `check --lang en`.
            args.insert(0, args.pop(index))
            break
    first = args[0] if args else None
    if first not in (*COMMANDS, "-h", "--help", "--version"):
        args.insert(0, "run")
    parser = build_parser()
    parsed = parser.parse_args(args)
    if parsed.command == "export" and (parsed.out is None) == (parsed.video is None):
        parser.error("export: give either --out DIR (PNG and PDF) or --video FILE.mp4")
    leave_lang = parsed.command == "run" or (
        parsed.command == "export" and parsed.config is not None
    )
    if parsed.lang is None and not leave_lang:
        parsed.lang = "zh"  # otherwise None leaves the language to the kiosk configuration
    return parsed


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``fulian-viewer`` and ``python -m fulian_viewer``."""
    _make_output_safe()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(args)
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


def _screen_choice(text: str) -> int | str:
    """``--screen``: an index (``0``, ``1``…) or a screen's name."""
    text = text.strip()
    if not text:
        raise argparse.ArgumentTypeError("give a screen index (0, 1, ...) or a screen name")
    return int(text) if text.isdigit() else text


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "kiosk-pin":
        return run_kiosk_pin(args.lang)
    if args.command == "check":
        from fulian_viewer.check import run_check

        return run_check(args.data, args.lang, args.json, sys.stdout)
    if args.command == "export" and args.video is not None:
        from fulian_viewer.video.command import run_video_export

        return run_video_export(args)
    if args.command == "export":
        from fulian_viewer.app import run_export

        return run_export(args)
    from fulian_viewer.app import run_viewer

    return run_viewer(args)


def _read_pin(prompt: str) -> str:
    """One PIN: from the terminal without echo, or one line of piped input."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        text = getpass.getpass(prompt)
    else:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        if not line:
            raise EOFError
        text = line
    # Full-width digits from a Chinese input method count as digits.
    return unicodedata.normalize("NFKC", text).strip()


def run_kiosk_pin(lang: str) -> int:
    """``kiosk-pin``: the hash line on stdout, a paste hint on stderr; 2 if the PIN is refused."""
    from fulian_viewer.model.pin import PIN_MAX_DIGITS, PIN_MIN_DIGITS, hash_pin, valid_pin

    en = lang == "en"
    try:
        first = _read_pin("PIN: " if en else "PIN：")
        if not valid_pin(first):
            print(
                f"The PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9)."
                if en
                else f"PIN 须为 {PIN_MIN_DIGITS} 到 {PIN_MAX_DIGITS} 位数字（0–9）。",
                file=sys.stderr,
            )
            return 2
        second = _read_pin("PIN again: " if en else "再次输入 PIN：")
    except EOFError:
        print(
            "No PIN was entered." if en else "没有输入 PIN。",
            file=sys.stderr,
        )
        return 2
    if first != second:
        print("The two PINs differ." if en else "两次输入的 PIN 不一致。", file=sys.stderr)
        return 2
    line = hash_pin(first)
    print(line)
    hint = "paste into the kiosk configuration" if en else "粘贴到展台配置文件中"
    print(f'{hint}: pin_hash = "{line}"' if en else f'{hint}：pin_hash = "{line}"', file=sys.stderr)
    return 0


def _make_output_safe() -> None:
    """Never fail on printing Chinese to a console that cannot show it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
