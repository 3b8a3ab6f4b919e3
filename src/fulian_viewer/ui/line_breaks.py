"""Where lines may break, as a book designer breaks them; Chinese after W3C clreq.

Qt's own wrapping (Unicode line breaking) lets English break after a hyphen
(``start-`` / ``up``). Here a text is broken into lines by these rules instead:

- no line starts with closing punctuation (，。、；：？！）》」』” …) and none ends
  with opening punctuation (（《「『“ …); a dash (——) or an ellipsis (……) is never split;
- English breaks only at spaces, never inside a word, hyphenated or not;
- Chinese breaks between any two characters otherwise, but a short book title
  (《…》) or quoted name (“巴渝巧姐”) is kept whole where that takes no more lines;

and full-width punctuation is compressed where two blank halves meet or where
an opening bracket starts a line (clreq 3.1.6 and 3.1.7): ``、（`` takes one and a
half character widths, not two, and a line starting with ``（`` starts at its ink;
so does one after a Latin word and a space (``From 《…》``: one space, no more).

Lines are set at a *leading* (line pitch over font size): Chinese text wants about
1.6, Latin about 1.4, display titles 1.2 (:data:`LEADING`).

Nothing here knows fonts: :func:`break_lines` needs only a function that measures
a string, so it is tested without Qt; :mod:`fulian_viewer.ui.typeset` sets and
draws lines in a Qt font.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

OPENING = "（〔［｛〈《「『【〖〘〚“‘"
"""Opening punctuation: its glyph's left half is blank, and no line ends with it."""
CLOSING = "）〕］｝〉》」』】〗〙〛”’，。、；：．"
"""Closing punctuation (in Simplified Chinese these sit left): the right half is blank."""
NO_START = CLOSING + "？！‼⁇⁈⁉·・ーヽヾゝゞ々〻%‰℃)]},.;:?!"
"""Nothing of these starts a line."""
NO_END = OPENING + "([{"
"""Nothing of these ends a line."""
INSEPARABLE = "—…‥"
"""Runs of these (——, ……) are never split between lines."""
SHARED_MARKS = "‘’“”—…‥"
"""Marks that English uses too: set as Chinese among Chinese, and as Latin in English."""

Style = Literal["display", "heading", "body"]
LEADING: dict[Style, tuple[float, float]] = {
    "display": (1.2, 1.15),
    "heading": (1.45, 1.3),
    "body": (1.6, 1.4),
}
"""Line pitch over font size for (Chinese, Latin) text of each style."""


def is_cjk(char: str) -> bool:
    """Whether ``char`` is set as a Chinese character (ideograph, kana, full-width form)."""
    if char in OPENING or char in CLOSING or char in INSEPARABLE:
        return True
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
        or unicodedata.east_asian_width(char) in ("W", "F")
    )


def has_chinese(text: str) -> bool:
    """Whether ``text`` holds a Chinese character (not counting :data:`SHARED_MARKS`).

    "Women’s" and “A Hundred Lectures” are English: their quotation marks are set
    as Latin ones, and their lines at the Latin leading.
    """
    return any(is_cjk(char) and char not in SHARED_MARKS for char in text)


def leading(text: str, style: Style) -> float:
    """The line pitch over font size for ``text``: Chinese if it holds any Chinese character."""
    chinese, latin = LEADING[style]
    return chinese if has_chinese(text) else latin


@dataclass(frozen=True)
class Line:
    """One line: its pieces, each drawn from an x offset, and its width.

    Attributes:
        pieces: (x, text) pairs, left to right; x is from the line's start.
        width: where the line's last piece ends.
        text: the characters of the line, as in the source (without the spaces at its ends).
    """

    pieces: tuple[tuple[float, str], ...]
    width: float
    text: str


def tokens(text: str) -> list[str]:
    """The text's smallest unbreakable pieces: a CJK character, a space, a Latin word.

    A Latin word runs to the next space or CJK character, so ``start-up``,
    ``2,320`` and ``don’t`` stay whole.
    """
    result: list[str] = []
    word = ""
    for index, char in enumerate(text):
        joins_word = char in "’'" and word and index + 1 < len(text) and text[index + 1].isalnum()
        if char.isspace() or (is_cjk(char) and not joins_word):
            if word:
                result.append(word)
                word = ""
            if char.isspace() and result and result[-1].isspace():
                continue  # one space stands for any run of them
            result.append(" " if char.isspace() else char)
        else:
            word += char
    if word:
        result.append(word)
    return result


def may_break(before: str, after: str) -> bool:
    """Whether a line may end after token ``before`` and the next begin with ``after``."""
    if after.isspace():
        return False  # a space stays at the end of the line it follows
    if before.isspace():
        return True
    if after[0] in NO_START or before[-1] in NO_END:
        return False
    if before[-1] in INSEPARABLE and after[0] in INSEPARABLE:
        return False
    return is_cjk(before[-1]) or is_cjk(after[0])


def break_lines(
    text: str, width: float | None, measure: Callable[[str], float], em: float
) -> list[Line]:
    """``text`` broken into lines no wider than ``width`` (``None``: one line a paragraph).

    ``measure`` gives a string's advance, ``em`` the font's size. A word wider than
    ``width`` is left whole on a line of its own, overrunning it.
    """
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        lines.extend(_break_paragraph(paragraph, width, measure, em))
    return lines


def _groups(parts: list[str], latin: bool = False) -> list[list[str]]:
    """Tokens gathered into runs that no line break may split (a space ends a run).

    In ``latin`` text a one-letter word stays with the word after it, so that no
    line ends in “A or a: ``“A Hundred Lectures…”`` breaks before the “A.
    """
    groups: list[list[str]] = []
    for index, token in enumerate(parts):
        if groups and (
            not may_break(parts[index - 1], token)
            or (
                latin
                and index >= 2
                and parts[index - 1].isspace()
                and _one_letter(parts[index - 2])
            )
        ):
            groups[-1].append(token)
        else:
            groups.append([token])
    return groups


def _one_letter(token: str) -> bool:
    """Whether ``token`` is a one-letter Latin word (a, A, I)."""
    return token.isascii() and token.isalpha() and len(token) == 1


SHORT_TITLE = 20
"""A book title (《…》) of up to this many characters is kept on one line where it can be."""
SHORT_NAME = 8
"""A name in Chinese quotation marks (“巴渝巧姐”) of up to this many characters is kept whole.

Longer quotations (“科技创新巴渝巾帼行动云峰会”, slogans of two phrases) break as
any text does.
"""


_TITLE = re.compile(f"《[^《》]{{0,{SHORT_TITLE}}}》")
_NAME = re.compile(f"“[^“”]{{0,{SHORT_NAME}}}”")


def _short_units(text: str, latin: bool) -> list[tuple[int, int]]:
    """Where the short titles and quoted names of ``text`` start and end.

    Quotation marks count only in Chinese text: English quotes break at spaces as
    English does. ``text`` is as :func:`tokens` joins it, one space for any run.
    """
    patterns = [_TITLE] if latin else [_TITLE, _NAME]
    return [match.span() for pattern in patterns for match in pattern.finditer(text)]


def _units_kept_whole(parts: list[str], groups: list[list[str]], latin: bool) -> list[list[str]]:
    """``groups`` with the groups inside each short title or quoted name joined into one.

    clreq advises against breaking a short title or proper name between lines where
    a break elsewhere serves as well: 《巴渝巾帼心向党 砥砺奋进新征 / 程》 and “巴 /
    渝巧姐” read badly.
    """
    spans = _short_units("".join(parts), latin)
    joined: list[list[str]] = []
    start = 0
    for group in groups:
        if joined and any(first < start < end for first, end in spans):
            joined[-1] = joined[-1] + group
        else:
            joined.append(list(group))
        start += len("".join(group))
    return joined


def units_split(text: str, lines: list[Line]) -> int:
    """How many short titles and quoted names of ``text`` ``lines`` split between them."""
    latin = not has_chinese(text)
    whole = sum(len(_short_units(line.text, latin)) for line in lines)
    return len(_short_units(re.sub(r"\s+", " ", text), latin)) - whole


def _break_paragraph(
    paragraph: str, width: float | None, measure: Callable[[str], float], em: float
) -> list[Line]:
    latin = not has_chinese(paragraph)
    parts = tokens(paragraph)
    groups = _groups(parts, latin)
    lines = _break_groups(groups, width, measure, em)
    if len(lines) > 1 and ("《" in paragraph or (not latin and "“" in paragraph)):
        whole = _break_groups(_units_kept_whole(parts, groups, latin), width, measure, em)
        if len(whole) <= len(lines) and all(line.width <= (width or 0) + 0.5 for line in whole):
            lines = whole
    if len(lines) > 1 and _PHRASES.fullmatch(paragraph):
        # Chinese set in phrases, as titles are (巴渝巾帼心向党 砥砺奋进新征程), breaks
        # between them when that takes no more lines than breaking anywhere.
        phrases = [
            [part for part in re.split(r"(?<=\s)(?=\S)", phrase) if part]
            for phrase in re.split(r"(?<=\S)(?=\s)", paragraph)
        ]
        by_phrase = _break_groups(phrases, width, measure, em)
        if len(by_phrase) == len(lines) and all(
            line.width <= (width or 0) + 0.5 for line in by_phrase
        ):
            return by_phrase
    return lines


_PHRASES = re.compile(r"[\u3400-\u9fff]+(?:[ \u3000]+[\u3400-\u9fff]+)+")
"""Chinese characters only, in phrases parted by spaces (no punctuation, no digits)."""


def _break_groups(
    groups: list[list[str]], width: float | None, measure: Callable[[str], float], em: float
) -> list[Line]:
    lines: list[Line] = []
    current: list[str] = []
    for group in groups:
        if current and width is not None:
            trial = _set_line(current + group, measure, em)
            if trial.width > width + 0.5:
                lines.append(_set_line(current, measure, em))
                current = []
        if not current:
            group = group[1:] if group[0].isspace() else group
        current.extend(group)
    lines.append(_set_line(current, measure, em))
    return lines


def _full_width(char: str, measure: Callable[[str], float], em: float) -> bool:
    return measure(char) >= em * 0.9


def _after_latin_space(parts: list[str], index: int) -> bool:
    """Whether token ``index`` follows a space after a Latin word (From 《…》).

    The space parts the two already: the bracket's blank half would double it.
    """
    return index >= 2 and parts[index - 1].isspace() and not is_cjk(parts[index - 2][-1])


def _set_line(parts: list[str], measure: Callable[[str], float], em: float) -> Line:
    """Place a line's tokens, compressing full-width punctuation where clreq asks."""
    while parts and parts[-1].isspace():
        parts = parts[:-1]
    half = em / 2
    pieces: list[tuple[float, str]] = []
    pen = 0.0
    run, run_x = "", 0.0
    for index, token in enumerate(parts):
        shift_before = 0.0  # the token's blank left half, removed
        cut_after = 0.0  # its blank right half, removed
        if len(token) == 1 and _full_width(token, measure, em):
            previous = parts[index - 1] if index else ""
            following = parts[index + 1] if index + 1 < len(parts) else ""
            if token in OPENING and (
                index == 0 or previous in OPENING or _after_latin_space(parts, index)
            ):
                shift_before = half
            elif (
                token in CLOSING
                and following
                and following in OPENING + CLOSING
                and _full_width(following, measure, em)
            ):
                cut_after = half
        if shift_before:
            if run:
                pieces.append((run_x, run))
                run = ""
            pen -= shift_before
        if not run:
            run_x = pen
        run += token
        pen += measure(token) - cut_after
        if cut_after:
            pieces.append((run_x, run))
            run = ""
    if run:
        pieces.append((run_x, run))
    return Line(tuple(pieces), max(0.0, pen), "".join(parts))


def wrap_name(text: str, width: int) -> str:
    """Break a category name into even lines of about ``width`` ems.

    Lines break where the clreq rules allow (never before ，。” or after “（, English
    only at spaces, a short quoted name kept whole), into as few lines as ``width``
    allows, then as even as they go.
    A Chinese character is an em wide, a Latin letter about half, and so is a
    quotation mark in English.
    """
    wide = is_cjk if has_chinese(text) else lambda char: is_cjk(char) and char not in SHARED_MARKS

    def measure(part: str) -> float:
        return sum(1.0 if wide(char) else 0.58 for char in part)

    if measure(text) <= width:
        return text

    def lines(room: float) -> list[str]:
        return [line.text for line in break_lines(text, room, measure, 1.0)]

    def split(room: float) -> tuple[int, int]:
        broken = break_lines(text, room, measure, 1.0)
        return len(broken), units_split(text, broken)

    most = split(width)
    room = math.ceil(measure(text) / most[0])
    while split(room) > most and room < width:
        room += 1
    return "\n".join(lines(room))
