"""The command line's errors in plain words, in Chinese or English.

argparse words its errors for programmers and in English only ("expected one
argument", "unrecognized arguments"). :func:`plain_error` recognises each of its
message templates and says the same in the user's language; :func:`unknown_arguments`
names what was not understood and suggests the nearest command or option
(``chekc``: "是不是想写 check？"). Messages that are not argparse's, such as the
ones our own option types raise, are already in the user's language and pass
through. Qt-free.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from fulian_viewer.model.numbers import Lang

ERRORS: dict[str, tuple[str, str]] = {
    "needs_value": (
        "{option} 后面要写一个值，例如 {option} {example}",
        "{option} needs a value after it, e.g. {option} {example}",
    ),
    "bad_choice": (
        "{option} 不能是“{value}”，只能是 {choices}",
        "{option} cannot be '{value}'; it must be one of {choices}",
    ),
    "not_whole_number": (
        "{option} 要写一个整数，“{value}”不是整数",
        "{option} needs a whole number, and '{value}' is not one",
    ),
    "not_a_number": (
        "{option} 要写一个数字，“{value}”不是数字",
        "{option} needs a number, and '{value}' is not one",
    ),
    "takes_no_value": (
        "{option} 后面不用写值；请去掉“={value}”",
        "{option} takes no value; remove '={value}'",
    ),
    "required": ("还缺少 {names}", "{names} must be given"),
    "ambiguous": (
        "“{option}”可以是 {matches}；请把选项写完整",
        "'{option}' could be {matches}; write the option in full",
    ),
    "unknown": ("无法识别“{arg}”", "'{arg}' is not understood"),
    "unknown_here": (
        "{command} 命令没有 {option} 这个选项（它属于 {owners}）",
        "the {command} command has no option {option} (it belongs to {owners})",
    ),
    "did_you_mean": ("是不是想写 {match}？", "did you mean {match}?"),
    "data_file": ("要展示这份数据，请写 --data {arg}", "to use this data, write --data {arg}"),
    "option_value": ("{option}：{message}", "{option}: {message}"),
    "size_form": (
        "“{value}”不是大小；请写成 宽x高，例如 1920x1080",
        "'{value}' is not a size like 1920x1080",
    ),
    "size_range": (
        "“{value}”：宽和高都要在 160 到 16384 像素之间",
        "'{value}': each side must be 160 to 16384 pixels",
    ),
    "minutes_form": (
        "“{value}”不是分钟数；请写演讲的分钟数，例如 20",
        "'{value}' is not a number of minutes; give the talk's length, e.g. 20",
    ),
    "minutes_range": (
        "演讲时长要在 1 到 600 分钟之间，“{value}”不在其中",
        "the talk's length should be 1 to 600 minutes, not '{value}'",
    ),
    "empty_path": (
        "这里要写文件或文件夹的名称，不能空着",
        "give the name of a file or folder here; it cannot be empty",
    ),
    "screen_empty": (
        "请写屏幕编号（0、1……）或屏幕名称（如 HDMI-1）",
        "give a screen index (0, 1, ...) or a screen name such as HDMI-1",
    ),
    "screen_negative": (
        "屏幕编号从 0 开始，不能是“{value}”",
        "screen indexes start at 0; '{value}' is not one",
    ),
    "list_and": ("、", ", "),
    "list_or": (" 或 ", " or "),
    "list_last_and": (" 和 ", " and "),
}

# What to write after an option that takes a value, for "needs a value" (zh, en).
EXAMPLE_VALUES: dict[str, tuple[str, str]] = {
    "--data": ("数据.xlsx", "data.xlsx"),
    "--lang": ("zh", "en"),
    "--theme": ("light", "light"),
    "--size": ("1920x1080", "1920x1080"),
    "--config": ("kiosk.toml", "kiosk.toml"),
    "--screen": ("1", "1"),
    "--rehearse": ("排练.csv", "rehearsal.csv"),
    "--talk-minutes": ("20", "20"),
    "--out": ("讲义", "handouts"),
    "--workbook": ("数据.xlsx", "data.xlsx"),
    "--data-folder": ("数据", "data"),
    "--video": ("导览.mp4", "tour.mp4"),
    "--fps": ("30", "30"),
}

# argparse's own messages (Python 3.11 to 3.14), each with the key of ours.
_ARGUMENT_RE = re.compile(r"argument (?P<name>\S+): (?P<message>.*)", re.DOTALL)
_TEMPLATES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"expected (?:one|at least one|at most one|\d+) arguments?$", "needs_value"),
        (
            r"invalid choice: (?P<value>.+?)(?:, maybe you meant .*)? \(choose from .*\)$",
            "bad_choice",
        ),
        (r"invalid int value: (?P<value>.*)$", "not_whole_number"),
        (r"invalid float value: (?P<value>.*)$", "not_a_number"),
        (r"ignored explicit argument (?P<value>.*)$", "takes_no_value"),
        (r"the following arguments are required: (?P<names>.*)$", "required"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$", "ambiguous"),
        (r"unrecognized arguments: (?P<arg>.*)$", "unknown"),
    )
)


def error_text(key: str, lang: Lang, **fields: object) -> str:
    """The error ``key`` in ``lang``, filled in."""
    zh, en = ERRORS[key]
    return (zh if lang == "zh" else en).format(**fields)


def plain_error(message: str, parser: argparse.ArgumentParser, lang: Lang) -> str:
    """The ``message`` argparse raised while ``parser`` parsed, in plain words in ``lang``.

    A message argparse did not word (one of ours) is returned as it is.
    """
    argument = _ARGUMENT_RE.match(message)
    name, inner = (argument["name"], argument["message"]) if argument else ("", message)
    for pattern, key in _TEMPLATES:
        found = pattern.match(inner)
        if found is not None:
            return _filled(key, found.groupdict(), name, parser, lang)
    if argument:
        return error_text("option_value", lang, option=name, message=inner)
    return message


def _filled(
    key: str, found: Mapping[str, str], name: str, parser: argparse.ArgumentParser, lang: Lang
) -> str:
    """The message ``key`` with what argparse's message named."""
    value = _unquoted(found.get("value", ""))
    option = name.split("/")[-1]  # argparse joins an option's spellings with "/"
    if key == "needs_value":
        example = EXAMPLE_VALUES.get(option, ("…", "…"))[lang == "en"]
        return error_text(key, lang, option=option, example=example)
    if key == "bad_choice":
        action = parser._option_string_actions.get(option)
        choices = [str(choice) for choice in (action.choices or ())] if action else []
        text = error_text(key, lang, option=option, value=value, choices=or_list(choices, lang))
        return _with_suggestion(text, value, choices, lang)
    if key == "required":
        names = [part.strip() for part in found["names"].split(",")]
        return error_text(key, lang, names=and_list(names, lang, last="list_last_and"))
    if key == "ambiguous":
        matches = [part.strip() for part in found["matches"].split(",")]
        return error_text(key, lang, option=found["option"], matches=or_list(matches, lang))
    if key == "unknown":
        return error_text(key, lang, arg=found["arg"])
    return error_text(key, lang, option=option, value=value)


def unknown_arguments(
    extras: Sequence[str],
    command: str,
    commands: Mapping[str, argparse.ArgumentParser],
    lang: Lang,
) -> str:
    """What was not understood in ``extras`` (given to ``command``), with the nearest names."""
    parser = commands[command]
    options = _visible_options(parser)
    sentences = []
    value_of: str | None = None  # an option of another command that takes the next word
    for arg in extras:
        if value_of is not None and not arg.startswith("-"):
            value_of = None
            continue
        option = arg.partition("=")[0] if arg.startswith("--") else arg
        owners = [name for name, other in commands.items() if option in _visible_options(other)]
        if arg.startswith("-") and owners:
            sentences.append(
                error_text(
                    "unknown_here",
                    lang,
                    command=command,
                    option=option,
                    owners=or_list(owners, lang),
                )
            )
            action = commands[owners[0]]._option_string_actions[option]
            value_of = option if action.nargs != 0 and "=" not in arg else None
            continue
        text = error_text("unknown", lang, arg=arg)
        if arg.startswith("-"):
            sentences.append(_with_suggestion(text, option, options, lang))
        elif _looks_like_data(arg):
            sentences.append(text + _separator(lang) + error_text("data_file", lang, arg=arg))
        else:
            sentences.append(_with_suggestion(text, arg, list(commands), lang))
    return _separator(lang).join(sentences)


def _visible_options(parser: argparse.ArgumentParser) -> list[str]:
    """The long options ``parser`` takes and shows in its help."""
    return [
        option
        for action in parser._actions
        if action.help != argparse.SUPPRESS
        for option in action.option_strings
        if option.startswith("--")
    ]


def _with_suggestion(text: str, typed: str, names: Sequence[str], lang: Lang) -> str:
    """``text``, then "did you mean …?" when one of ``names`` is close to ``typed``."""
    close = difflib.get_close_matches(typed.lower(), names, n=1, cutoff=0.6)
    if not close:
        return text
    return text + _separator(lang) + error_text("did_you_mean", lang, match=close[0])


def _looks_like_data(arg: str) -> bool:
    """Whether a word given on its own names a dataset (a workbook, a CSV file, a folder)."""
    return Path(arg).suffix.lower() in (".xlsx", ".csv") or Path(arg).is_dir()


def _separator(lang: Lang) -> str:
    return "；" if lang == "zh" else "; "


def _unquoted(text: str) -> str:
    """A value as argparse quoted it (``'x'``), without the quotes."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return value if isinstance(value, str) else text


def and_list(items: Sequence[str], lang: Lang, last: str = "list_and") -> str:
    """``a、b、c`` or ``a, b, c``; ``last`` is the key of what comes before the last item."""
    if len(items) < 2:
        return "".join(items)
    return error_text("list_and", lang).join(items[:-1]) + error_text(last, lang) + items[-1]


def or_list(items: Sequence[str], lang: Lang) -> str:
    """``a、b 或 c`` or ``a, b or c``."""
    return and_list(items, lang, last="list_or")
