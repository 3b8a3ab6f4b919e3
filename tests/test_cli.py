"""The command line: argument parsing, and ``python -m fulian_viewer`` as a clerk would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import fulian_viewer
from fulian_viewer.cli import Size, build_parser, main, parse_args
from tests.fixtures.datasets import make_dataset
from tests.fixtures.processes import assert_no_traceback

ROOT = Path(__file__).resolve().parents[1]


# --- parse_args ------------------------------------------------------------------------------


def test_no_command_means_run() -> None:
    args = parse_args([])
    assert args.command == "run"
    assert args.data is None
    assert args.lang is None  # the configuration's, else Chinese
    assert args.fullscreen is False
    assert args.kiosk is None and args.config is None and args.screen is None
    assert args.reduce_motion is None


def test_kiosk_options() -> None:
    args = parse_args(["--config", "run", "--kiosk", "--screen", "1"])
    assert args.command == "run"
    assert args.config == Path("run")
    assert args.kiosk is True
    assert args.screen == 1
    assert parse_args(["--screen", "HDMI-1"]).screen == "HDMI-1"


def test_presenter_options() -> None:
    args = parse_args(["--presenter", "--screen", "HDMI-1", "--talk-minutes", "20"])
    assert args.command == "run" and args.presenter and args.screen == "HDMI-1"
    assert args.talk_minutes == 20
    args = parse_args(["--rehearse", "check", "--lang", "en"])  # a file named like a command
    assert args.command == "run" and args.rehearse == Path("check")


@pytest.mark.parametrize("minutes", ["0", "abc", "601", "-5"])
def test_talk_minutes_must_be_sensible(minutes: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--talk-minutes", minutes])
    assert "minutes" in capsys.readouterr().err


def test_a_rehearsal_file_inside_the_data_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--rehearse", str(tmp_path / "notes.csv"), "--data", str(tmp_path)]) == 2
    assert "--rehearse" in capsys.readouterr().err
    assert not (tmp_path / "notes.csv").exists()


def test_data_alone_means_run() -> None:
    args = parse_args(["--data", "X"])
    assert args.command == "run"
    assert args.data == Path("X")


def test_run_options_without_the_command() -> None:
    args = parse_args(["--lang", "en", "--fullscreen", "--size", "1280x720", "--reduce-motion"])
    assert args.command == "run"
    assert args.lang == "en"
    assert args.fullscreen is True
    assert args.size == Size(1280, 720)
    assert args.reduce_motion is True


def test_check_command() -> None:
    args = parse_args(["check", "--data", "数据.xlsx", "--json", "--lang", "en"])
    assert args.command == "check"
    assert args.data == Path("数据.xlsx")
    assert args.json is True
    assert args.lang == "en"
    assert parse_args(["check"]).json is False


def test_export_command_defaults() -> None:
    args = parse_args(["export", "--out", "handouts"])
    assert args.command == "export"
    assert args.out == Path("handouts")
    assert args.size == Size(1920, 1080)


def test_theme_for_run_and_export(capsys: pytest.CaptureFixture[str]) -> None:
    from fulian_viewer.model.config import THEMES

    assert parse_args(["export", "--out", "o", "--theme", "light"]).theme == "light"
    assert parse_args(["--theme", "light", "export", "--out", "o"]).theme == "light"
    assert parse_args(["--theme", "light"]).theme == "light"
    assert parse_args([]).theme is None  # left to the kiosk configuration, else red
    with pytest.raises(SystemExit):
        parse_args(["--theme", "neon"])
    assert "light" in capsys.readouterr().err
    assert set(THEMES) == {"red", "light"}


def test_export_needs_an_output_folder(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["export"])
    assert exit_info.value.code == 2
    assert "--out" in capsys.readouterr().err


@pytest.mark.parametrize(
    "size", ["12x", "x", "1920", "axb", "1920x-1", "0x0", "100x100", "20000x1080"]
)
def test_export_rejects_bad_sizes(size: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["export", "--out", "d", "--size", size])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--size" in err
    assert f"'{size}'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("1920x1080", Size(1920, 1080)),
        ("1280×720", Size(1280, 720)),
        ("800X600", Size(800, 600)),
        ("160x16384", Size(160, 16384)),
    ],
)
def test_size_parse(text: str, size: Size) -> None:
    assert Size.parse(text) == size
    assert str(size) == f"{size.width}x{size.height}"


def test_invalid_lang_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["--lang", "xx"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--lang" in err and "'xx'" in err


def test_help_shows_examples() -> None:
    text = build_parser().format_help()
    assert "examples:" in text
    assert "fulian-viewer check --data" in text
    assert "--size 3840x2160" in text
    assert "{run,check,export,import,kiosk-pin}" in text


# --- main, in process -------------------------------------------------------------------------


def test_main_check_returns_the_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check"]) == 0
    assert "37" in capsys.readouterr().out
    dataset = make_dataset(tmp_path)
    dataset.set_cell("metrics", "lectures", "value", "-1")
    assert main(["check", "--data", str(dataset.folder), "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert "the value cannot be negative: -1" in out


def test_main_check_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("kiosk = true\nscreen = -1\n", encoding="utf-8")
    assert main(["check", "--config", str(config), "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert f"Kiosk configuration: {config}" in out
    assert "key 'screen'" in out and "key 'pin_hash'" in out and "no staff PIN set" in out
    assert "The data is valid" in out


# --- python -m fulian_viewer -----------------------------------------------------------------
# Each `check` subprocess spends most of its time starting Python, so every command line
# below is started at once and the tests read the results.

NO_QT_SCRIPT = (
    "import sys\n"
    "from fulian_viewer.cli import main\n"
    "rc = main(['check'])\n"
    "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6'))]\n"
    "assert not bad, bad\n"
    "sys.exit(rc)\n"
)
MISSING = "/nonexistent/fulian-data"


@dataclass
class Runs:
    """The finished command lines by name, and what the tests need to know about their input."""

    results: dict[str, subprocess.CompletedProcess[str]]
    bad_row: int
    export_out: Path

    def __getitem__(self, name: str) -> subprocess.CompletedProcess[str]:
        return self.results[name]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    tmp = tmp_path_factory.mktemp("cli")
    dataset = make_dataset(tmp)
    dataset.set_cell("metrics", "lectures", "value", "6600")
    dataset.path("charts").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    module = [sys.executable, "-m", "fulian_viewer"]
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "check": ([*module, "check"], {}),
        "bad": ([*module, "check", "--data", str(dataset.folder), "--lang", "en"], {}),
        "missing": ([*module, "check", "--data", MISSING], {}),
        # A console that cannot show Chinese, and proof that check never imports Qt.
        "no_qt_ascii": ([sys.executable, "-c", NO_QT_SCRIPT], {"PYTHONIOENCODING": "ascii"}),
        "version": ([*module, "--version"], {}),
        "help": ([*module, "--help"], {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}),
        "lang": ([*module, "--lang", "xx"], {}),
        "size": ([*module, "export", "--out", str(tmp / "out"), "--size", "12x"], {}),
    }
    processes = {
        name: subprocess.Popen(
            argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
        )
        for name, (argv, env) in commands.items()
    }
    results: dict[str, subprocess.CompletedProcess[str]] = {}
    for name, process in processes.items():
        out, err = process.communicate(timeout=120)
        results[name] = subprocess.CompletedProcess(
            process.args,
            process.returncode,
            out.decode("utf-8", errors="replace"),
            err.decode("utf-8", errors="replace"),
        )
    return Runs(results, dataset.row_of("metrics", "lectures"), tmp / "out")


def test_module_check_bundled_data(runs: Runs) -> None:
    completed = runs["check"]
    assert completed.returncode == 0, completed.stderr
    assert "✓ 数据有效：4 个部分，37 个指标，7 个图表。" in completed.stdout
    assert_no_traceback(completed)


def test_module_check_bad_data(runs: Runs) -> None:
    completed = runs["bad"]
    row = runs.bad_row
    assert completed.returncode == 2
    assert_no_traceback(completed)
    assert f"metrics.csv, row {row}, column 'display'" in completed.stdout
    assert "charts.csv: this is not a text file" in completed.stdout
    assert "Found 2 problem(s)" in completed.stdout


def test_module_check_nonexistent_path(runs: Runs) -> None:
    completed = runs["missing"]
    assert completed.returncode == 2
    assert_no_traceback(completed)
    assert MISSING in completed.stdout
    assert "找不到文件或文件夹" in completed.stdout
    assert completed.stderr == ""


def test_check_imports_no_qt_and_survives_an_ascii_console(
    runs: Runs,
) -> None:
    completed = runs["no_qt_ascii"]
    assert completed.returncode == 0, completed.stderr
    assert_no_traceback(completed)
    assert "4" in completed.stdout and "37" in completed.stdout


def test_module_version(runs: Runs) -> None:
    completed = runs["version"]
    assert completed.returncode == 0
    first, *rest = completed.stdout.strip().splitlines()
    assert first == f"fulian-viewer {fulian_viewer.__version__}"
    assert rest == [
        f"licence (MIT): {ROOT / 'LICENSE'}",
        f"third-party licences: {ROOT / 'THIRD-PARTY-NOTICES.md'}",
    ]
    assert fulian_viewer.__version__ == "0.1.0"


def test_module_help_shows_examples(runs: Runs) -> None:
    completed = runs["help"]
    assert completed.returncode == 0
    assert "examples:" in completed.stdout
    assert "fulian-viewer check --json" in completed.stdout


def test_module_invalid_lang(runs: Runs) -> None:
    completed = runs["lang"]
    assert completed.returncode == 2
    assert_no_traceback(completed)
    assert "--lang cannot be 'xx'" in completed.stderr


def test_module_export_bad_size(runs: Runs) -> None:
    completed = runs["size"]
    assert completed.returncode == 2
    assert_no_traceback(completed)
    assert "'12x' is not a size like 1920x1080" in completed.stderr
    assert not runs.export_out.exists()


def test_options_may_come_before_the_command():
    from fulian_viewer.cli import parse_args

    args = parse_args(["--lang", "en", "check", "--json"])
    assert args.command == "check" and args.lang == "en" and args.json
    args = parse_args(["--data", "check"])  # a folder named "check" is data, not a command
    assert args.command == "run" and str(args.data) == "check"


# --- kiosk-pin --------------------------------------------------------------------------------


def test_kiosk_pin_parses() -> None:
    assert parse_args(["kiosk-pin"]).command == "kiosk-pin"
    assert parse_args(["--lang", "en", "kiosk-pin"]).lang == "en"
    assert "kiosk-pin" in build_parser().format_help()
