"""Problems found in a dataset, each naming file, row and column, in Chinese or English.

Text taken from the files (cell contents, names, paths) is shown with control
characters made visible and cut to a readable length, so that a message never
carries a terminal escape sequence or a cell of a million characters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.problem_messages import MESSAGES

# How many problems of one kind in one file are listed; the rest are counted.
MAX_PER_KIND = 100

# Codes that warn: the dataset is still valid and shown as it is.
WARNINGS = frozenset({"missing_glyphs", "merged_cells", "stray_figure"})
MAX_SHOWN_CHARS = 120

_WHERE = {
    "zh": (
        "{file}",
        "{file}，第 {row} 行",
        "{file}，列“{column}”",
        "{file}，第 {row} 行，列“{column}”",
    ),
    "en": (
        "{file}",
        "{file}, row {row}",
        "{file}, column '{column}'",
        "{file}, row {row}, column '{column}'",
    ),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset.

    Attributes:
        file: the file as the user knows it (``metrics.csv``, ``data.xlsx:metrics``).
        row: the row number as Excel shows it (the header is row 1), or None.
        column: the column's header, or None.
        code: a key of :data:`MESSAGES`.
        params: values for the message template, as (name, value) pairs.
    """

    file: str
    row: int | None
    column: str | None
    code: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def warning(self) -> bool:
        """Whether this is only a warning (the data is valid and shown as it is)."""
        return self.code in WARNINGS

    def where(self, lang: Lang = "zh") -> str:
        """File, row and column, as a phrase."""
        index = (self.row is not None) + 2 * (self.column is not None)
        return _WHERE[lang][index].format(file=self.file, row=self.row, column=self.column)

    def text(self, lang: Lang = "zh") -> str:
        """What is wrong, without the place."""
        zh, en = MESSAGES[self.code]
        return (en if lang == "en" else zh).format(**dict(self.params))

    def message(self, lang: Lang = "zh") -> str:
        """The whole message: place, then what is wrong."""
        separator = ": " if lang == "en" else "："
        return self.where(lang) + separator + self.text(lang)


def problem(
    file: str, code: str, row: int | None = None, column: str | None = None, **params: object
) -> Problem:
    """Build a :class:`Problem`, turning parameter values into visible strings."""
    if code not in MESSAGES:
        raise KeyError(code)
    return Problem(
        visible(file),
        row,
        None if column is None else visible(column),
        code,
        tuple((k, visible(str(v))) for k, v in params.items()),
    )


def visible(text: str, limit: int = MAX_SHOWN_CHARS) -> str:
    """``text`` with control and format characters shown as ``<U+001B>``, cut to ``limit``.

    Line breaks and tabs are shown the same way, so that a message stays on one line.
    """
    cut = len(text) > limit
    shown = text[:limit] if cut else text
    if _HIDDEN_RE.search(shown):
        shown = _HIDDEN_RE.sub(_escape, shown)
    return shown + "…" if cut else shown


class Problems(list[Problem]):
    """A list of problems that keeps :data:`MAX_PER_KIND` of one kind in one file.

    A file of 300,000 rows naming a missing section gives 100 messages and a count,
    not 300,000 messages: the time and memory stay small and the list readable.
    """

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        super().__init__()
        self.counts: Counter[tuple[str, str]] = Counter()
        self.first: dict[tuple[str, str], Problem] = {}
        self.extend(problems)

    def append(self, item: Problem) -> None:
        """Keep ``item`` unless its kind is already listed :data:`MAX_PER_KIND` times."""
        key = (item.file, item.code)
        self.counts[key] += 1
        if self.counts[key] <= MAX_PER_KIND:
            self.first.setdefault(key, item)
            super().append(item)

    def full(self, file: str, code: str) -> bool:
        """Count one more problem of this kind if its kind is listed in full already.

        Callers check this first to avoid building a message that would be dropped.
        """
        key = (file, code)
        if self.counts[key] < MAX_PER_KIND:
            return False
        self.counts[key] += 1
        return True

    def extend(self, items: Iterable[Problem]) -> None:
        """Append each of ``items``, and the counts of those another list left out."""
        for item in items:
            self.append(item)
        if isinstance(items, Problems):
            for key, count in items.counts.items():
                self.counts[key] += max(0, count - MAX_PER_KIND)
                if key in items.first:
                    self.first.setdefault(key, items.first[key])

    def with_counts(self) -> list[Problem]:
        """The listed problems, then one line for each kind with problems left out."""
        more = []
        for key, count in self.counts.items():
            if count > MAX_PER_KIND:
                example = self.first[key]
                more.append(
                    problem(
                        key[0],
                        "more_of_kind",
                        count=count - MAX_PER_KIND,
                        what=example.message("zh"),
                        what_en=example.message("en"),
                    )
                )
        return [*self, *more]


_HIDDEN_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000e0001\U000e0020-\U000e007f]"
)


def is_hidden(ch: str) -> bool:
    """Whether ``ch`` is a control or format character, shown as ``<U+…>`` in messages."""
    return _HIDDEN_RE.match(ch) is not None


def _escape(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"
