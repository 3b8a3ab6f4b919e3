"""Wrong arguments get one plain line in the user's language, the nearest name, and exit 2."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

import pytest

from fulian_viewer.cli import build_parser, parse_args
from fulian_viewer.cli_errors import plain_error

# What a hostile or hurried user types, for every command (the language is added).
WRONG = [
    ["chekc"],
    ["run", "chekc"],
    ["check", "--data"],
    ["check", "--dat"],
    ["check", "--json=1"],
    ["check", "--data="],
    ["export", "--workbook", " "],
    ["check", "--fullscreen"],
    ["check", "extra"],
    ["--size", "1920*1080"],
    ["--size", "10x10"],
    ["--size"],
    ["--screen"],
    ["--screen", "-1"],
    ["--screen", ""],
    ["--talk-minutes", "0"],
    ["--talk-minutes", "abc"],
    ["--talk-minutes", "nan"],
    ["--theme", "rde"],
    ["--fulscreen"],
    ["--fullscreen=yes"],
    ["--kiosk", "--config"],
    ["export"],
    ["export", "--out"],
    ["export", "--d", "x"],
    ["export", "--out", "x", "--fps", "abc"],
    ["export", "--out", "x", "--fps", "2.5"],
    ["export", "--out", "x", "--size", "abc"],
    ["export", "--out", "x", "--workbook", "y.xlsx"],
    ["export", "--out", "x", "--presenter"],
    ["import"],
    ["import", "report.txt"],
    ["import", "report.txt", "--out", "d", "--lang", "fr"],
    ["kiosk-pin", "1234"],
    ["kiosk-pin", "--pin", "1234"],
    ["kiosk-pin", "--data", "x"],
]

# argparse's English, which must not reach a Chinese user.
ARGPARSE_WORDS = re.compile(
    r"argument|expected|invalid|unrecognized|required|choose from|ignored|ambiguous|"
    r"could match|is not|error:"
)
CHINESE = re.compile("[\u4e00-\u9fff]")


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(argv)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1, "one line"
    assert "Traceback" not in captured.err
    return captured.err


@pytest.mark.parametrize("argv", WRONG, ids=" ".join)
def test_every_wrong_argument_is_plain_chinese(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    err = _error(["--lang", "zh", *argv], capsys)
    assert "错误：" in err and "详见" in err
    assert not ARGPARSE_WORDS.search(err), err


@pytest.mark.parametrize("argv", WRONG, ids=" ".join)
def test_every_wrong_argument_is_plain_english(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    err = _error(["--lang", "en", *argv], capsys)
    assert "error: " in err and "(see " in err
    assert not CHINESE.search(err), err
    assert not re.search(r"unrecognized|expected one|invalid (int|choice)|ignored explicit", err)


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (["chekc"], "无法识别“chekc”；是不是想写 check？", "did you mean check?"),
        (["exprot", "--out", "x"], "是不是想写 export？", "did you mean export?"),
        (["--fulscreen"], "是不是想写 --fullscreen？", "did you mean --fullscreen?"),
        (["check", "--jsno"], "是不是想写 --json？", "did you mean --json?"),
        (["--theme", "rde"], "只能是 red 或 light；是不是想写 red？", "did you mean red?"),
        (
            ["check", "--fullscreen"],
            "check 命令没有 --fullscreen 这个选项（它属于 run）",
            "(it belongs to run)",
        ),
        (["数据.xlsx"], "请写 --data 数据.xlsx", "write --data 数据.xlsx"),
        (
            ["check", "--data"],
            "--data 后面要写一个值，例如 --data 数据.xlsx",
            "--data needs a value",
        ),
        (["--size", "1920*1080"], "“1920*1080”不是大小；请写成 宽x高", "'1920*1080' is not a size"),
        (["--fullscreen=1"], "--fullscreen 后面不用写值；请去掉“=1”", "remove '=1'"),
        (
            ["export", "--out", "x", "--fps", "abc"],
            "--fps 要写一个整数",
            "--fps needs a whole number",
        ),
        (["import"], "还缺少 REPORT 和 --out", "REPORT and --out must be given"),
        (
            ["export", "--d", "x"],
            "可以是 --data 或 --data-folder",
            "could be --data or --data-folder",
        ),
        (["--screen", "-1"], "屏幕编号从 0 开始", "screen indexes start at 0"),
        (["check", "--data="], "--data：这里要写文件或文件夹的名称，不能空着", "cannot be empty"),
    ],
)
def test_the_message_says_what_to_write(
    argv: list[str], zh: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert zh in _error(["--lang", "zh", *argv], capsys)
    assert en in _error(["--lang", "en", *argv], capsys)


def test_a_typo_far_from_any_name_suggests_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(["--lang", "zh", "kiosk-pin", "1234"], capsys)
    assert "无法识别“1234”" in err and "是不是" not in err


def test_a_mistyped_command_is_the_whole_command_lines_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No command was named, so the message does not speak of `run`."""
    err = _error(["--lang", "zh", "chekc"], capsys)
    assert err.startswith("fulian-viewer: 错误：") and "fulian-viewer --help" in err


@pytest.mark.parametrize(
    ("message", "zh"),
    [
        # Python 3.12.8+ and 3.13 no longer quote the choices; 3.14 may suggest one.
        ("argument --theme: invalid choice: 'x' (choose from red, light)", "--theme 不能是“x”"),
        (
            "argument --theme: invalid choice: 'rde', maybe you meant 'red'? "
            "(choose from red, light)",
            "--theme 不能是“rde”，只能是 red 或 light；是不是想写 red？",
        ),
        ("argument --fps: expected at most one argument", "--fps 后面要写一个值"),
        ("argument --fps: invalid float value: 'x'", "--fps 要写一个数字"),
        ("unrecognized arguments: --x y", "无法识别“--x y”"),
    ],
)
def test_argparse_messages_of_other_python_versions(message: str, zh: str) -> None:
    assert zh in plain_error(message, build_parser("zh").commands["run"], "zh")


def test_our_own_messages_pass_through() -> None:
    parser = argparse.ArgumentParser()
    assert plain_error("export 需要且只需要以下之一", parser, "zh") == "export 需要且只需要以下之一"


def test_the_installed_command_says_it_plainly_and_exits_2() -> None:
    """Through the real entry point, as staff would run it: no traceback, exit status 2."""
    for lang, expected in (("zh", "是不是想写 check？"), ("en", "did you mean check?")):
        completed = subprocess.run(
            [sys.executable, "-m", "fulian_viewer", "--lang", lang, "chekc"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert completed.returncode == 2
        assert expected in completed.stderr and "Traceback" not in completed.stderr
        assert completed.stdout == ""


def test_an_option_of_another_command_takes_its_value_along(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`kiosk-pin --data x`: one sentence about --data, none about "x"."""
    err = _error(["--lang", "zh", "kiosk-pin", "--data", "x"], capsys)
    assert "kiosk-pin 命令没有 --data 这个选项（它属于 run、check 或 export）" in err
    assert "“x”" not in err


def test_the_version_follows_options_too(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["--lang", "zh", "--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("fulian-viewer ")
