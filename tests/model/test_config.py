"""The kiosk configuration file: every bad value reported by key, the rest kept."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from fulian_viewer.model.config import (
    KEYS,
    ConfigProblem,
    KioskConfig,
    load_config,
    merge_cli,
    pin_problems,
)
from fulian_viewer.model.config_values import TOP_LEVEL_KEYS
from fulian_viewer.model.pin import PUBLISHED_PIN_HASHES, hash_pin, is_pin_hash

EXAMPLE = Path(__file__).resolve().parents[2] / "packaging" / "kiosk.example.toml"


def write(tmp_path: Path, text: str, name: str = "kiosk.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_text(tmp_path: Path, text: str) -> tuple[KioskConfig, list[ConfigProblem]]:
    return load_config(write(tmp_path, text))


# --- the example and good files ------------------------------------------------------------


def test_example_file_loads_without_problems() -> None:
    config, problems = load_config(EXAMPLE)
    assert problems == []
    assert config.kiosk is True
    assert config.theme == "red"
    # No working hash ships: the staff make their own with kiosk-pin.
    assert config.pin_hash is None
    assert "kiosk-pin" in EXAMPLE.read_text(encoding="utf-8")
    assert "scrypt$16384" not in EXAMPLE.read_text(encoding="utf-8")
    assert config.data == EXAMPLE.parent / "数据"
    assert config.dwell_for("rights") == 30
    assert config.dwell_for("family") == config.dwell_seconds


def test_example_file_sets_every_key() -> None:
    import tomllib

    table = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    # pin_hash is there, commented, with a placeholder.
    assert set(table) == set(KEYS) - {"pin_hash"}
    commented = [
        line
        for line in EXAMPLE.read_text(encoding="utf-8").splitlines()
        if line.startswith("# pin_hash = ")
    ]
    assert len(commented) == 1
    placeholder = tomllib.loads(commented[0].removeprefix("# "))["pin_hash"]
    assert not is_pin_hash(placeholder)


# --- the staff PIN: published hashes and none at all --------------------------------------


def test_published_example_hash_is_a_problem(tmp_path: Path) -> None:
    config, problems = load_text(tmp_path, f'pin_hash = "{PUBLISHED_PIN_HASHES[0]}"')
    assert problems == []  # a well-formed hash: the key itself reads
    found = pin_problems(config, "kiosk.toml")
    assert [problem.key for problem in found] == ["pin_hash"]
    assert "disabled" in found[0].message("en") and "supervisor" in found[0].message("en")
    assert "停用" in found[0].message("zh")


def test_fresh_hash_of_the_example_pin_counts_as_published() -> None:
    config = KioskConfig(pin_hash=hash_pin("2468"))
    assert [problem.key for problem in pin_problems(config, "k.toml")] == ["pin_hash"]


def test_no_pin_is_listed() -> None:
    found = pin_problems(KioskConfig(), "k.toml")
    assert [problem.key for problem in found] == ["pin_hash"]
    assert "no staff PIN set" in found[0].message("en")


def test_own_pin_is_no_problem() -> None:
    assert pin_problems(KioskConfig(pin_hash=hash_pin("5173")), "k.toml") == []


def test_empty_file_gives_defaults(tmp_path: Path) -> None:
    config, problems = load_text(tmp_path, "")
    assert problems == []
    assert config == KioskConfig()
    assert config.kiosk is False
    assert config.lang == "zh"
    assert config.dwell_seconds is None
    assert config.dwell_for("guidance") == 20
    assert config.dwell_for("guidance", default=25) == 25
    assert config.idle_resume_seconds == 60
    assert config.idle_home_seconds == 300
    assert config.exit_chord == "Ctrl+Alt+Shift+Q"
    assert config.pin_hash is None
    assert config.data is None
    assert config.screen is None
    assert config.cursor_hide_seconds == 3


def test_good_values_are_read(tmp_path: Path) -> None:
    pin = hash_pin("13579")
    config, problems = load_text(
        tmp_path,
        f"""
kiosk = true
screen = "HDMI-1"
lang = "en"
dwell_seconds = 12.5
idle_resume_seconds = 30
idle_home_seconds = 600
exit_chord = "ctrl+shift+F12"
pin_hash = "{pin}"
reduce_motion = true
theme = "light"
cursor_hide_seconds = 0
""",
    )
    assert problems == []
    assert config.screen == "HDMI-1"
    assert config.lang == "en"
    assert config.dwell_seconds == 12.5
    assert config.theme == "light"
    assert config.exit_chord == "ctrl+shift+F12"
    assert config.pin_hash == pin
    assert config.reduce_motion is True
    assert config.cursor_hide_seconds == 0


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes("\ufeffkiosk = true\nlang = 'en'\n".encode())
    config, problems = load_config(path)
    assert problems == []
    assert config.kiosk is True and config.lang == "en"


# --- bad values --------------------------------------------------------------------------------

BAD_VALUES = [
    # key, TOML value, words the English message must contain
    ("kiosk", '"yes"', ["true or false", "not text"]),
    ("kiosk", "1", ["true or false", "not a number"]),
    ("screen", "-1", ["0 to 63"]),
    ("screen", "true", ["screen number", "screen name"]),
    ("screen", '""', ["empty"]),
    ("lang", '"fr"', ['"fr"', '"zh", "en"']),
    ("lang", "1", ['"zh", "en"']),
    ("dwell_seconds", "0", ["3 to 3600"]),
    ("dwell_seconds", "99999", ["3 to 3600"]),
    ("dwell_seconds", '"20"', ["3 to 3600", "not text"]),
    ("dwell_seconds", "true", ["3 to 3600", "true/false"]),
    ("dwell_seconds", "nan", ["3 to 3600"]),
    ("dwell_seconds", "inf", ["3 to 3600"]),
    ("idle_resume_seconds", "1", ["5 to 3600"]),
    ("idle_home_seconds", "-5", ["10 to 86400"]),
    ("idle_home_seconds", "[300]", ["10 to 86400", "a list"]),
    ("exit_chord", '"Q"', ["two or more modifiers", "Ctrl"]),
    ("exit_chord", '"Ctrl+Q"', ["two or more modifiers"]),
    ("exit_chord", '"Ctrl+Hyper+Q"', ["Meta"]),
    ("exit_chord", '"Ctrl+Ctrl+Q"', ["two or more modifiers"]),
    ("exit_chord", '"Ctrl+Alt+"', ["F1-F24"]),
    ("exit_chord", "5", ["key chord"]),
    ("pin_hash", '"1234"', ["kiosk-pin", "scrypt$n$r$p$salt$hash"]),
    ("pin_hash", '"scrypt$16384$8$1$abc$def"', ["kiosk-pin"]),
    ("pin_hash", "1234", ["PIN hash", "not a number"]),
    ("reduce_motion", '"false"', ["true or false"]),
    ("data", '""', ["empty"]),
    ("data", "3", ["path", "not a number"]),
    ("theme", '"blue"', ['"blue"', '"red"']),
    ("cursor_hide_seconds", "-1", ["0 to 3600"]),
    ("section_dwell_seconds", "5", ["table"]),
    ("section_dwell_seconds", "{ guidance = 1 }", ["'guidance'", "3 to 3600"]),
    ("section_dwell_seconds", '{ "a b" = 10 }', ["'a b'", "letters, digits"]),
]


@pytest.mark.parametrize(("key", "value", "words"), BAD_VALUES)
def test_bad_value_is_reported_and_falls_back(
    tmp_path: Path, key: str, value: str, words: list[str]
) -> None:
    # Put the bad key between two good ones, so we see the rest is kept.
    before, after = [
        (name, value)
        for name, value in [("idle_resume_seconds", "45"), ("lang", '"en"'), ("kiosk", "true")]
        if name != key
    ][:2]
    text = f"{before[0]} = {before[1]}\n{key} = {value}\n{after[0]} = {after[1]}\n"
    config, problems = load_text(tmp_path, text)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.key == key
    assert problem.file.endswith("kiosk.toml")
    for word in words:
        assert word in problem.message_en, problem.message_en
    assert "default" in problem.message_en
    assert "默认值" in problem.message_zh
    assert key in problem.message("en") and key in problem.message("zh")
    assert getattr(config, key) == getattr(KioskConfig(), key)
    good = load_text(tmp_path, f"{before[0]} = {before[1]}\n{after[0]} = {after[1]}\n")[0]
    assert config == good


def test_several_bad_values_each_reported(tmp_path: Path) -> None:
    config, problems = load_text(
        tmp_path,
        'kiosk = true\nlang = "fr"\ndwell_seconds = 1\ntheme = "blue"\nidle_home_seconds = 900\n',
    )
    assert [p.key for p in problems] == ["lang", "dwell_seconds", "theme"]
    assert config.kiosk is True
    assert config.idle_home_seconds == 900
    assert (config.lang, config.dwell_seconds, config.theme) == ("zh", None, "red")


def test_unknown_keys_are_reported(tmp_path: Path) -> None:
    config, problems = load_text(
        tmp_path, "kiosk = true\ndwell = 10\n[display]\nfullscreen = true\n"
    )
    assert [p.key for p in problems] == ["dwell", "display"]
    assert "unknown key 'dwell'" in problems[0].message_en
    assert "dwell_seconds" in problems[0].message_en  # the allowed keys are listed
    assert "未知的项目“dwell”" in problems[0].message_zh
    assert config.kiosk is True


@pytest.mark.parametrize(("key", "meant"), [("Lang", "lang"), ("dwel_seconds", "dwell_seconds")])
def test_a_slip_in_a_key_names_the_key_meant(tmp_path: Path, key: str, meant: str) -> None:
    _, problems = load_text(tmp_path, f"{key} = 1\n")
    (problem,) = problems
    assert f"did you mean {meant}?" in problem.message_en
    assert f"是不是想写 {meant}？" in problem.message_zh


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('kiosk = "yes"\n', "false"),
        ('theme = "dark"\n', '"red"'),
        ("cursor_hide_seconds = -1\n", "3"),
        ("section_dwell_seconds = 5\n", "各部分都用 dwell_seconds"),
    ],
)
def test_defaults_are_shown_as_the_file_spells_them(tmp_path: Path, text: str, shown: str) -> None:
    (problem,) = load_text(tmp_path, text)[1]
    assert problem.message_zh.endswith(f"改用默认值 {shown}")


def test_a_top_level_key_below_the_section_table_is_told_and_the_rest_kept(
    tmp_path: Path,
) -> None:
    config, problems = load_text(
        tmp_path, '[section_dwell_seconds]\nguidance = 30\nlang = "en"\nfamily = 1\n'
    )
    assert config.section_dwell_seconds == {"guidance": 30}
    (problem,) = problems
    assert "'lang' is a top-level key written below [section_dwell_seconds]" in problem.message_en
    assert "'family': 1 is out of range" in problem.message_en
    assert problem.message_zh.endswith("其余部分照常使用")


def test_top_level_keys_are_every_key_but_the_section_table() -> None:
    assert set(TOP_LEVEL_KEYS) == set(KEYS) - {"section_dwell_seconds"}


def test_messages_name_file_and_key(tmp_path: Path) -> None:
    _, problems = load_text(tmp_path, 'lang = "fr"\n')
    (problem,) = problems
    assert problem.message("en").startswith(f"{problem.file}, key 'lang': ")
    assert problem.message("zh").startswith(f"{problem.file}，项目“lang”：")
    assert problem.text("en") == problem.message_en
    assert problem.text("zh") == problem.message_zh


# --- the file itself -------------------------------------------------------------------------


def test_toml_syntax_error_reports_line_and_column(tmp_path: Path) -> None:
    config, problems = load_text(tmp_path, 'kiosk = true\nlang = "en"\ndwell_seconds = = 3\n')
    assert config == KioskConfig()
    (problem,) = problems
    assert problem.key is None
    assert "line 3, column" in problem.message_en
    assert "第 3 行" in problem.message_zh
    assert "invalid TOML" in problem.message_en


def test_duplicate_key_is_a_syntax_error(tmp_path: Path) -> None:
    _, problems = load_text(tmp_path, "kiosk = true\nkiosk = false\n")
    (problem,) = problems
    assert "line 2" in problem.message_en


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('lang = "en"\nlang = "zh"\n', "同一个项目写了两次"),
        ('lang = "en\n', "引号没有闭合"),
        ("lang = “en”\n", "不要用中文引号"),
        ('lang ＝ "en"\n', "等号用英文半角"),
        ('data = "D:\\展览\\数据"\n', "改用单引号"),
        ("[section_dwell_seconds\n", "方括号没有闭合"),
    ],
)
def test_toml_mistakes_are_explained_in_chinese(tmp_path: Path, text: str, words: str) -> None:
    (problem,) = load_text(tmp_path, text)[1]
    assert words in problem.message_zh
    assert "invalid TOML" in problem.message_en


def test_missing_file(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path / "nowhere.toml")
    assert config == KioskConfig()
    (problem,) = problems
    assert problem.key is None
    assert problem.message_en == "file not found"
    assert "nowhere.toml" in problem.message("zh")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path)
    assert config == KioskConfig()
    (problem,) = problems
    assert "cannot be read" in problem.message_en


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="needs POSIX permissions and a non-root user",
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "kiosk = true\n")
    path.chmod(0)
    try:
        config, problems = load_config(path)
    finally:
        path.chmod(0o600)
    assert config == KioskConfig()
    (problem,) = problems
    assert "cannot be read" in problem.message_en
    assert "无法读取" in problem.message_zh


def test_read_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "kiosk = true\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    config, problems = load_config(path)
    assert config == KioskConfig()
    (problem,) = problems
    assert problem.message_en == "cannot be read: Permission denied"
    assert problem.message_zh == "无法读取：Permission denied"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes('lang = "中文"\n'.encode("gbk"))
    config, problems = load_config(path)
    assert config == KioskConfig()
    (problem,) = problems
    assert "UTF-8" in problem.message_en


# --- paths --------------------------------------------------------------------------------


def test_relative_data_path_is_resolved_against_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "展台"
    folder.mkdir()
    path = write(folder, 'data = "数据/报告.xlsx"\n')
    monkeypatch.chdir(tmp_path)
    config, problems = load_config(Path("展台") / "kiosk.toml")
    assert problems == []
    assert config.data == folder / "数据" / "报告.xlsx"
    assert config.data is not None and config.data.is_absolute()
    assert path.exists()


def test_absolute_data_path_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    config, problems = load_text(tmp_path / "", f"data = '{target}'\n")
    assert problems == []
    assert config.data == target


# --- command-line overrides ----------------------------------------------------------------


def test_merge_cli_overrides_only_given_values(tmp_path: Path) -> None:
    config, _ = load_text(tmp_path, 'lang = "en"\ndwell_seconds = 30\nkiosk = true\n')
    merged = merge_cli(
        config, {"lang": "zh", "dwell_seconds": None, "data": Path("x"), "reduce_motion": None}
    )
    assert merged.lang == "zh"
    assert merged.dwell_seconds == 30
    assert merged.kiosk is True
    assert merged.data == Path("x")
    assert merged.reduce_motion is False
    assert config.lang == "en"  # the original is untouched


def test_merge_cli_with_nothing_is_identity() -> None:
    config = KioskConfig(kiosk=True)
    assert merge_cli(config, {}) == config
    assert merge_cli(config, {"lang": None, "screen": None}) == config


def test_merge_cli_refuses_unknown_keys() -> None:
    with pytest.raises(KeyError, match="fullscreen"):
        merge_cli(KioskConfig(), {"fullscreen": True})


def test_config_is_hashable_and_frozen() -> None:
    config = KioskConfig()
    hash(config)
    with pytest.raises(AttributeError):
        config.kiosk = True  # type: ignore[misc]
