"""The kiosk configuration file: a TOML file read into a :class:`KioskConfig`.

Every key is optional; a missing key keeps its default. The format::

    kiosk = true                  # run as an unattended kiosk (default false)
    screen = 1                    # screen index (0, 1, ...) or name ("HDMI-1"); default: primary
    lang = "zh"                   # "zh" or "en"
    dwell_seconds = 20            # seconds per pane (3 to 3600); default: the dataset's, else 20
    idle_resume_seconds = 60      # after a visitor's last touch, resume the tour (5 to 3600)
    idle_home_seconds = 300       # after a visitor's last touch, return to the cover (10 to 86400)
    exit_chord = "Ctrl+Alt+Shift+Q"  # keys that ask staff for the PIN; two or more modifiers
    pin_hash = "scrypt$16384$8$1$...$..."  # from `fulian-viewer kiosk-pin`; none: no PIN
    reduce_motion = false         # show final values without animation
    data = "数据"                  # dataset folder or .xlsx; relative to this file's folder
    theme = "red"                 # "red" (deep red and gold) or "light" (for projectors)
    cursor_hide_seconds = 3       # hide the pointer after this many still seconds (0: always)
    watch = true                  # take edits of the data (and of this file) while running
    watch_poll_seconds = 2        # look at the files this often (0.5 to 600); what network
                                  # shares need, where change notification does not work

    [section_dwell_seconds]       # optional per-section dwell, by section id
    overview = 30

Seconds may be whole or decimal numbers. The file is UTF-8 (a byte-order mark is
allowed). A wrong value is reported as a :class:`ConfigProblem` naming its key and
what is allowed, and that key keeps its default; every other key is still read.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from fulian_viewer.model.config_values import LANGS as LANGS
from fulian_viewer.model.config_values import THEMES as THEMES
from fulian_viewer.model.config_values import (
    InvalidValueError,
    value_readers,
)
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.pin import pin_hash_status

DEFAULT_DWELL_SECONDS = 20.0


@dataclass(frozen=True)
class KioskConfig:
    """How the viewer runs as a kiosk; see the module docstring for the file format.

    Attributes:
        kiosk: run as an unattended kiosk.
        screen: screen index or name to show on; None for the primary screen.
        lang: the language shown at start.
        dwell_seconds: how long each pane stays before the tour moves on; None
            leaves it to the dataset (its deck's ``dwell_seconds``), else 20 seconds.
        section_dwell_seconds: dwell per section id, overriding ``dwell_seconds``.
        idle_resume_seconds: idle time after a visitor's touch before the tour resumes.
        idle_home_seconds: idle time after which the viewer returns to the cover.
        exit_chord: the key chord that asks for the staff PIN, e.g. ``Ctrl+Alt+Shift+Q``.
        pin_hash: the staff PIN's hash (:func:`fulian_viewer.model.pin.hash_pin`), or None.
        reduce_motion: show final values at once and cut between panes.
        data: the dataset folder or workbook; None for the bundled report.
        theme: the colour theme: ``red``, or ``light`` for washed-out projectors.
        cursor_hide_seconds: pointer hides after this many still seconds; 0 hides it always.
        watch: watch the data and this file, and take each sound edit (live reload).
        watch_poll_seconds: how often the watched files are looked at.
    """

    kiosk: bool = False
    screen: str | int | None = None
    lang: Lang = "zh"
    dwell_seconds: float | None = None
    section_dwell_seconds: Mapping[str, float] = field(default_factory=dict, hash=False)
    idle_resume_seconds: float = 60
    idle_home_seconds: float = 300
    exit_chord: str = "Ctrl+Alt+Shift+Q"
    pin_hash: str | None = None
    reduce_motion: bool = False
    data: Path | None = None
    theme: str = "red"
    cursor_hide_seconds: float = 3
    watch: bool = True
    watch_poll_seconds: float = 2

    def dwell_for(self, section_id: str, default: float = DEFAULT_DWELL_SECONDS) -> float:
        """Seconds a pane of ``section_id`` stays; ``default`` when nothing is configured."""
        fallback = self.dwell_seconds if self.dwell_seconds is not None else default
        return self.section_dwell_seconds.get(section_id, fallback)


KEYS: tuple[str, ...] = tuple(f.name for f in fields(KioskConfig))


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong with a configuration file.

    Attributes:
        file: the file as given.
        key: the key at fault, or None when the whole file is (unreadable, bad TOML).
        message_zh: what is wrong and what is allowed, in Chinese.
        message_en: the same in English.
    """

    file: str
    key: str | None
    message_zh: str
    message_en: str

    @property
    def whole_file(self) -> bool:
        """Whether the file as a whole is at fault (not read, not TOML), not one key."""
        return self.key is None

    def text(self, lang: Lang = "zh") -> str:
        """What is wrong, without the place."""
        return self.message_en if lang == "en" else self.message_zh

    def message(self, lang: Lang = "zh") -> str:
        """The whole message: file, key, then what is wrong."""
        if lang == "en":
            where = self.file if self.key is None else f"{self.file}, key '{self.key}'"
            return f"{where}: {self.message_en}"
        where = self.file if self.key is None else f"{self.file}，项目“{self.key}”"
        return f"{where}：{self.message_zh}"


_TOML_PLACE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def _syntax_problem(file: str, error: tomllib.TOMLDecodeError) -> ConfigProblem:
    text = str(error)
    match = _TOML_PLACE.search(text)
    if match is None:
        return ConfigProblem(
            file, None, f"不是有效的 TOML 文件：{text}", f"is not a valid TOML file: {text}"
        )
    line, column = match.groups()
    reason = text[: match.start()]
    hint = next((zh for start, zh in _TOML_REASONS if reason.startswith(start)), None)
    return ConfigProblem(
        file,
        None,
        f"第 {line} 行第 {column} 列：TOML 格式有误（{hint or reason}）",
        f"line {line}, column {column}: invalid TOML ({reason})",
    )


# What the TOML reader's reasons mean, said for staff (by the start of the reason).
_TOML_REASONS = (
    ("Cannot overwrite a value", "同一个项目写了两次；请删去一处"),
    ("Cannot declare", "同一个 [表] 写了两次；请删去一处"),
    ("Cannot redefine", "同一个 [表] 写了两次；请删去一处"),
    ("Duplicate inline table key", "同一个项目写了两次；请删去一处"),
    ("Unterminated string", "引号没有闭合；文字须放在一对英文双引号中"),
    ("Illegal character", "引号没有闭合，或有不允许的字符；文字须放在一对英文双引号中"),
    (
        "Invalid value",
        '值无效：文字须放在英文双引号中（如 lang = "zh"），数字不加引号，'
        "是/否写作 true 或 false（小写）；不要用中文引号“”",
    ),
    ("Expected '=' after a key", "项目名后缺少等号 =（须为 项目 = 值，等号用英文半角）"),
    ("Invalid statement", "这一行不是“项目 = 值”的形式"),
    ("Invalid initial character for a key part", "项目名须以英文字母开头，等号用英文半角 ="),
    ("Found invalid character", "有不允许的字符；项目名只用英文字母、数字和下划线"),
    ("Expected ']'", "[表] 的方括号没有闭合"),
    ("Unclosed", "方括号或花括号没有闭合"),
    ("Unescaped '\\'", "路径中的 \\ 须写成 \\\\，或改用单引号：data = 'D:\\展览\\数据'"),
)


def load_config(path: Path) -> tuple[KioskConfig, list[ConfigProblem]]:
    """Read the kiosk configuration at ``path``.

    Never raises for a bad file: an unreadable or malformed file gives the defaults
    and one problem; a wrong value gives that key's default and one problem; an
    unknown key is reported and ignored. A relative ``data`` path is taken from the
    folder holding the file.
    """
    file = str(path)
    defaults = KioskConfig()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return defaults, [ConfigProblem(file, None, "找不到文件", "file not found")]
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return defaults, [
            ConfigProblem(file, None, f"无法读取：{reason}", f"cannot be read: {reason}")
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return defaults, [
            ConfigProblem(
                file,
                None,
                "不是 UTF-8 编码的文字文件；请在记事本中另存为 UTF-8",
                "is not a UTF-8 text file; save it as UTF-8",
            )
        ]
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return defaults, [_syntax_problem(file, error)]
    return _read_table(table, file, path.absolute().parent)


def _read_table(
    table: Mapping[str, object], file: str, folder: Path
) -> tuple[KioskConfig, list[ConfigProblem]]:
    readers = value_readers(folder)
    values: dict[str, Any] = {}
    problems: list[ConfigProblem] = []
    for key, value in table.items():
        reader = readers.get(key)
        if reader is None:
            problems.append(_unknown_key(file, key))
            continue
        try:
            values[key] = reader(value)
        except InvalidValueError as error:
            if error.partial is not None:
                values[key] = error.partial
                problems.append(ConfigProblem(file, key, error.zh, error.en))
                continue
            shown, shown_en = _default_shown(key)
            problems.append(
                ConfigProblem(
                    file,
                    key,
                    f"{error.zh}；改用默认值 {shown}",
                    f"{error.en}; using the default {shown_en}",
                )
            )
    return KioskConfig(**values), problems


def _default_shown(key: str) -> tuple[str, str]:
    """A key's default as the file would spell it, in Chinese and English."""
    if key == "dwell_seconds":
        return (
            f"数据中的设定，没有则 {DEFAULT_DWELL_SECONDS:g} 秒",
            f"the dataset's, else {DEFAULT_DWELL_SECONDS:g} seconds",
        )
    if key == "section_dwell_seconds":
        return "各部分都用 dwell_seconds", "dwell_seconds for every section"
    default = getattr(KioskConfig(), key)
    if default is None:
        return "无", "none"
    if isinstance(default, bool):
        return str(default).lower(), str(default).lower()
    if isinstance(default, str):
        return f'"{default}"', f'"{default}"'
    return f"{default:g}", f"{default:g}"


def _unknown_key(file: str, key: str) -> ConfigProblem:
    """An unknown key, with the key it most likely means when it is a slip of one."""
    allowed = ", ".join(KEYS)
    close = difflib.get_close_matches(key.lower().replace("-", "_"), KEYS, n=1, cutoff=0.75)
    if close:
        return ConfigProblem(
            file,
            key,
            f"未知的项目“{key}”；是不是想写 {close[0]}？",
            f"unknown key '{key}'; did you mean {close[0]}?",
        )
    return ConfigProblem(
        file,
        key,
        f"未知的项目“{key}”（允许：{allowed}）",
        f"unknown key '{key}' (allowed: {allowed})",
    )


def merge_cli(config: KioskConfig, overrides: Mapping[str, object]) -> KioskConfig:
    """``config`` with each override that is not None, as command-line flags win over the file.

    Raises:
        KeyError: an override names no :class:`KioskConfig` field.
    """
    unknown = [key for key in overrides if key not in KEYS]
    if unknown:
        raise KeyError(", ".join(unknown))
    changes: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    return replace(config, **changes)


def pin_problems(config: KioskConfig, file: str) -> list[ConfigProblem]:
    """What is unsafe about the staff PIN of a kiosk configuration from ``file``.

    A hash the project once published (or a hash of its example PIN) keeps the
    staff exit disabled; no hash at all lets the exit chord quit without a PIN.
    Both are listed with the configuration's problems, under the key ``pin_hash``.
    """
    status = pin_hash_status(config.pin_hash)
    if status == "published":
        return [
            ConfigProblem(
                file,
                "pin_hash",
                "这是项目示例中公开过的 PIN（或其哈希），谁都可能知道，因此工作人员退出已停用。"
                "请运行 fulian-viewer kiosk-pin 设置自己的 PIN；在此之前，请通过系统服务停止展台"
                "（见 README）",
                "is the hash of a PIN the project published as an example, which anyone may "
                "know, so the staff exit is disabled. Set a PIN of your own with "
                "`fulian-viewer kiosk-pin`; until then, stop the kiosk through its supervisor "
                "(see the README)",
            )
        ]
    if status == "none":
        return [
            ConfigProblem(
                file,
                "pin_hash",
                "未设置工作人员 PIN：按退出组合键即可直接退出展台。"
                "请用 fulian-viewer kiosk-pin 生成 pin_hash",
                "no staff PIN set: the exit chord quits the kiosk at once. "
                "Make a pin_hash with `fulian-viewer kiosk-pin`",
            )
        ]
    return []
