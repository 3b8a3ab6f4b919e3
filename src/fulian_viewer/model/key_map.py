"""The presenting keys, in one place: the help overlay and the documentation read them.

Each row pairs an action with its keys and gestures, both as keys of
:data:`fulian_viewer.model.ui_strings.STRINGS` (or literal key names, the same in
both languages). :func:`key_table_markdown` writes the table that README.md (in
English) and docs/使用说明.md (in Chinese) carry between ``<!-- keys:LANG -->``
markers; ``scripts/make_doc_images.py`` rewrites it there and a test holds the
documents to it.
"""

from __future__ import annotations

import re

from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.ui_strings import STRINGS, ui_text

KEY_ROWS: tuple[tuple[str, str], ...] = (
    ("help_next", "help_next_keys"),
    ("help_previous", "help_previous_keys"),
    ("help_first_last", "Home / End"),
    ("help_jump", "1 – 9"),
    ("help_present", "F5 / Shift+F5"),
    ("help_fullscreen", "F"),
    ("help_blank", "B  ."),
    ("help_overview", "help_overview_keys"),
    ("help_language", "L"),
    ("help_replay", "R"),
    ("help_final", "S"),
    ("help_source", "help_source_keys"),
    ("help_reload", "Ctrl+R"),
    ("help_console", "C"),
    ("help_swap", "X"),
    ("help_timer", "T  Shift+T"),
    ("help_help", "?  H"),
    ("help_escape", "Esc"),
)
"""(action, keys) in the order the help overlay shows them."""


def _text(key: str, lang: Lang) -> str:
    return ui_text(key, lang) if key in STRINGS else key


def key_rows(lang: Lang) -> list[tuple[str, str]]:
    """Every row as (action, keys) in ``lang``."""
    return [(_text(action, lang), _text(keys, lang)) for action, keys in KEY_ROWS]


def key_table_markdown(lang: Lang) -> str:
    """The key table as Markdown, as the documents carry it (without the markers)."""
    head = "| 操作 | 按键与手势 |" if lang == "zh" else "| Action | Keys and gestures |"
    lines = [head, "| --- | --- |"]
    for action, keys in key_rows(lang):
        cell = keys.replace("|", "\\|")
        lines.append(f"| {action} | {cell} |")
    return "\n".join(lines) + "\n"


KEY_TABLE_BLOCK = re.compile(r"(<!-- keys:(zh|en) -->\n)(.*?)(<!-- /keys -->)", re.DOTALL)
"""A key table in a document, between its markers."""


def with_key_tables(text: str) -> str:
    """``text`` with every key table between markers written anew from :data:`KEY_ROWS`."""

    def table(match: re.Match[str]) -> str:
        lang: Lang = "en" if match.group(2) == "en" else "zh"
        return match.group(1) + key_table_markdown(lang) + match.group(4)

    return KEY_TABLE_BLOCK.sub(table, text)
