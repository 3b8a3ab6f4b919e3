"""``--help`` in the system's language, or in the one ``--lang`` names."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fulian_viewer import cli_text
from fulian_viewer.cli import COMMANDS, build_parser, parse_args
from fulian_viewer.cli_text import HELP, help_lang, system_lang


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "zh"),  # empty means unset
    ],
)
def test_system_lang_follows_the_locale(environ: dict[str, str], lang: str) -> None:
    assert system_lang(environ, platform="linux") == lang


@pytest.mark.parametrize(("chinese", "lang"), [(True, "zh"), (False, "en")])
def test_system_lang_on_windows_asks_for_the_ui_language(
    monkeypatch: pytest.MonkeyPatch, chinese: bool, lang: str
) -> None:
    monkeypatch.setattr(cli_text, "_windows_ui_is_chinese", lambda: chinese)
    assert system_lang({"LANG": "zh_CN.UTF-8" if not chinese else "C"}, platform="win32") == lang


def test_windows_ui_language_is_false_off_windows() -> None:
    if sys.platform.startswith("win"):
        pytest.skip("Windows answers for itself")
    assert cli_text._windows_ui_is_chinese() is False


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["--help", "--lang", "en"], "en"),
        (["--lang=en", "check", "-h"], "en"),
        (["check", "--lang", "zh", "--help"], "zh"),
        (["--lang", "xx", "--help"], "zh"),  # not a language: the system's
        (["--help"], "zh"),
    ],
)
def test_lang_flag_wins_over_the_system(argv: list[str], lang: str) -> None:
    assert help_lang(argv, {"LANG": "zh_CN.UTF-8"}) == lang


def test_every_help_string_has_both_languages() -> None:
    for key, (zh, en) in HELP.items():
        assert zh and en, key
        assert zh != en or key == "description", key


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_chinese_with_chinese_examples(command: str | None) -> None:
    parser = build_parser("zh")
    text = _help(parser, command)
    assert "用法：fulian-viewer" in text
    assert "显示本帮助并退出" in text
    assert "show this help" not in text and "usage:" not in text
    assert "\n选项：\n" in text and "选项:" not in text
    if command is None:
        assert "示例：" in text and "检查修改后的数据" in text
        assert "fulian-viewer check --data 数据.xlsx" in text


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_english_with_english_examples(command: str | None) -> None:
    text = _help(build_parser("en"), command)
    assert "usage: fulian-viewer" in text
    assert "show this help message and exit" in text
    assert not any(
        "\u4e00" <= ch <= "\u9fff"
        for ch in text.split("examples:")[0].replace("《巴渝巾帼心向党 砥砺奋进新征程》", "")
    )


def _help(parser, command):  # type: ignore[no-untyped-def]
    if command is None:
        return parser.format_help()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    return subparsers.choices[command].format_help()


def test_help_through_parse_args_follows_the_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    with pytest.raises(SystemExit):
        parse_args(["export", "--help"])
    assert "输出文件夹" in capsys.readouterr().out
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    with pytest.raises(SystemExit):
        parse_args(["export", "--help"])
    assert "output folder" in capsys.readouterr().out


def test_chinese_help_in_a_process_without_qt() -> None:
    script = (
        "import sys\n"
        "from fulian_viewer.cli import main\n"
        "try:\n    main(['import', '--help'])\nexcept SystemExit:\n    pass\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    env = {"LC_ALL": "zh_CN.UTF-8", "PYTHONIOENCODING": "utf-8", "PATH": ""}
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    assert "存放草稿的新文件夹" in completed.stdout
