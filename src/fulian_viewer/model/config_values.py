"""Read and check each value of the kiosk configuration, explaining what is allowed.

Each reader takes a value as TOML gave it and returns it checked, or raises
:class:`InvalidValueError` with the reason and what is allowed, in Chinese and English.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.pin import is_pin_hash

LANGS: tuple[Lang, ...] = ("zh", "en")
THEMES = ("red", "light")
TOP_LEVEL_KEYS = (
    "kiosk",
    "screen",
    "lang",
    "dwell_seconds",
    "idle_resume_seconds",
    "idle_home_seconds",
    "exit_chord",
    "pin_hash",
    "reduce_motion",
    "data",
    "theme",
    "cursor_hide_seconds",
    "watch",
    "watch_poll_seconds",
)
MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")
_NAMED_KEYS = (
    "Esc",
    "Escape",
    "Space",
    "Tab",
    "Enter",
    "Return",
    "Backspace",
    "Delete",
    "Insert",
    "Home",
    "End",
    "PgUp",
    "PgDown",
    "Up",
    "Down",
    "Left",
    "Right",
)
_SECTION_ID = re.compile(r"[A-Za-z0-9_-]+")


class InvalidValueError(Exception):
    """A value is wrong; carries the Chinese and English explanation.

    ``partial`` is what could still be read of it (the sound entries of a table),
    or None when the key keeps its default.
    """

    def __init__(self, zh: str, en: str, partial: object = None) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.partial = partial


def _type_name(value: object) -> tuple[str, str]:
    if isinstance(value, bool):
        return "布尔值", "a true/false value"
    if isinstance(value, int | float):
        return "数字", "a number"
    if isinstance(value, str):
        return "文字", "text"
    if isinstance(value, dict):
        return "表", "a table"
    if isinstance(value, list):
        return "列表", "a list"
    return "日期或时间", "a date or time"


def _wrong_type(value: object, zh_expected: str, en_expected: str) -> InvalidValueError:
    zh_got, en_got = _type_name(value)
    return InvalidValueError(
        f"应为{zh_expected}，而不是{zh_got}", f"must be {en_expected}, not {en_got}"
    )


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise _wrong_type(value, " true 或 false", "true or false")
    return value


def _seconds(low: float, high: float) -> Callable[[object], float]:
    def read(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _wrong_type(
                value,
                f" {low:g} 到 {high:g} 之间的秒数",
                f"a number of seconds from {low:g} to {high:g}",
            )
        if not math.isfinite(value) or not low <= value <= high:
            raise InvalidValueError(
                f"{value} 超出范围；应为 {low:g} 到 {high:g} 之间的秒数",
                f"{value} is out of range; allowed: {low:g} to {high:g} seconds",
            )
        return value

    return read


def _choice(allowed: tuple[str, ...]) -> Callable[[object], str]:
    listed = ", ".join(f'"{a}"' for a in allowed)

    def read(value: object) -> str:
        if not isinstance(value, str):
            raise _wrong_type(value, f"以下之一：{listed}", f"one of {listed}")
        if value not in allowed:
            raise InvalidValueError(
                f"“{value}”无效；可用：{listed}", f'"{value}" is not allowed; allowed: {listed}'
            )
        return value

    return read


def _screen(value: object) -> str | int:
    allowed_zh = '屏幕编号（0、1……）或屏幕名称（如 "HDMI-1"）'
    allowed_en = 'a screen number (0, 1, ...) or a screen name (such as "HDMI-1")'
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _wrong_type(value, allowed_zh, allowed_en)
    if isinstance(value, int) and not 0 <= value <= 63:
        raise InvalidValueError(
            f"屏幕编号 {value} 超出范围；应为 0 到 63",
            f"screen {value} is out of range; allowed: 0 to 63",
        )
    if isinstance(value, str) and not value.strip():
        raise InvalidValueError(
            f"屏幕名称是空的；应为{allowed_zh}", f"the screen name is empty; use {allowed_en}"
        )
    return value


def _chord(value: object) -> str:
    example = "Ctrl+Alt+Shift+Q"
    if not isinstance(value, str):
        raise _wrong_type(
            value, f'按键组合文字，如 "{example}"', f'a key chord such as "{example}"'
        )
    parts = [part.strip() for part in value.split("+")]
    modifiers, key = parts[:-1], parts[-1]
    canonical = {m.lower(): m for m in MODIFIERS}
    key_ok = (
        (len(key) == 1 and key.isascii() and key.isalnum())
        or re.fullmatch(r"F([1-9]|1[0-9]|2[0-4])", key, re.IGNORECASE) is not None
        or key.lower() in {k.lower() for k in _NAMED_KEYS}
    )
    mods = [canonical.get(m.lower()) for m in modifiers]
    if not key_ok or None in mods or len(set(mods)) != len(mods) or len(mods) < 2:
        names = "、".join(MODIFIERS)
        raise InvalidValueError(
            f"“{value}”不是有效的按键组合；须用 + 连接至少两个修饰键（{names}）和一个按键"
            f'（字母、数字或 F1–F24），如 "{example}"',
            f'"{value}" is not a valid key chord; join two or more modifiers '
            f"({', '.join(MODIFIERS)}) and one key (a letter, digit or F1-F24) with +, "
            f'such as "{example}"',
        )
    return value


def _pin_hash(value: object) -> str:
    if not isinstance(value, str):
        raise _wrong_type(value, "PIN 哈希文字", "a PIN hash string")
    if not is_pin_hash(value):
        raise InvalidValueError(
            "不是有效的 PIN 哈希；请用 fulian-viewer kiosk-pin 生成（格式 scrypt$n$r$p$盐$哈希）",
            "is not a valid PIN hash; make one with `fulian-viewer kiosk-pin` "
            "(format scrypt$n$r$p$salt$hash)",
        )
    return value.strip()


def _data(folder: Path) -> Callable[[object], Path]:
    def read(value: object) -> Path:
        if not isinstance(value, str):
            raise _wrong_type(
                value, "文件夹或 .xlsx 文件的路径", "a path to a folder or .xlsx file"
            )
        if not value.strip():
            raise InvalidValueError(
                "路径是空的；应为数据文件夹或 .xlsx 文件的路径",
                "the path is empty; give a data folder or .xlsx file",
            )
        path = Path(value).expanduser()
        return path if path.is_absolute() else folder / path

    return read


def _section_dwell(keys: tuple[str, ...]) -> Callable[[object], dict[str, float]]:
    """Per-section dwell: each sound entry is kept, each wrong one told.

    A top-level key (``lang = "en"``) written below the ``[section_dwell_seconds]``
    line belongs to that table in TOML; that is said in so many words.
    """
    seconds = _seconds(3, 3600)

    def read(value: object) -> dict[str, float]:
        if not isinstance(value, dict):
            raise _wrong_type(value, "表（部分编号 = 秒数）", "a table of section id = seconds")
        result: dict[str, float] = {}
        wrong: list[tuple[str, str]] = []
        for name, item in value.items():
            if name in keys:
                wrong.append(
                    (
                        f"“{name}”是总的设置，却写在了 [section_dwell_seconds] 之下；"
                        "请把它移到 [section_dwell_seconds] 这一行之前",
                        f"'{name}' is a top-level key written below [section_dwell_seconds]; "
                        "move it above that line",
                    )
                )
            elif _SECTION_ID.fullmatch(name) is None:
                wrong.append(
                    (
                        f"部分编号“{name}”只能包含英文字母、数字、下划线和连字符",
                        f"section id '{name}' may contain only letters, digits, '_' and '-'",
                    )
                )
            else:
                try:
                    result[name] = seconds(item)
                except InvalidValueError as error:
                    wrong.append((f"“{name}”：{error.zh}", f"'{name}': {error.en}"))
        if wrong:
            zh = "；".join(w[0] for w in wrong) + ("；其余部分照常使用" if result else "")
            en = "; ".join(w[1] for w in wrong) + ("; the other sections apply" if result else "")
            raise InvalidValueError(zh, en, partial=result or None)
        return result

    return read


def value_readers(folder: Path) -> dict[str, Callable[[object], Any]]:
    """For each key of the configuration, the function that reads and checks its value."""
    return {
        "kiosk": _bool,
        "screen": _screen,
        "lang": _choice(LANGS),
        "dwell_seconds": _seconds(3, 3600),
        "section_dwell_seconds": _section_dwell(TOP_LEVEL_KEYS),
        "idle_resume_seconds": _seconds(5, 3600),
        "idle_home_seconds": _seconds(10, 86400),
        "exit_chord": _chord,
        "pin_hash": _pin_hash,
        "reduce_motion": _bool,
        "data": _data(folder),
        "theme": _choice(THEMES),
        "cursor_hide_seconds": _seconds(0, 3600),
        "watch": _bool,
        "watch_poll_seconds": _seconds(0.5, 600),
    }
