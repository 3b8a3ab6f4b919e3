"""The dataset on screen: its report, its problems and where it came from.

Qt-free. Views are given the one :class:`CurrentDataset` of the application and
read :attr:`CurrentDataset.report` from it, never keeping a copy of the report:
when the data changes (a live reload) :meth:`CurrentDataset.replace` swaps the
loaded result in and tells every subscriber, which rebuilds what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from fulian_viewer.model.loading import LoadResult
from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.problems import Problem
from fulian_viewer.model.report import Report
from fulian_viewer.model.ui_strings import ui_text

Origin = Literal["data", "last_good", "bundled"]
"""``data``: the dataset asked for (maybe only its good part); ``last_good``: its
last good copy (a kiosk); ``bundled``: the report that ships with the app."""


class CurrentDataset:
    """The report shown, with the problems found on the way to it.

    Args:
        result: a load result whose report is not None.
        origin: where the report came from.
        problems: the problems to report; the result's own by default (a kiosk
            showing a last good copy reports the problems of the data asked for).
    """

    def __init__(
        self,
        result: LoadResult,
        origin: Origin = "data",
        problems: tuple[Problem, ...] | None = None,
    ) -> None:
        self._listeners: list[Callable[[], None]] = []
        self._set(result, origin, problems)

    def _set(
        self, result: LoadResult, origin: Origin, problems: tuple[Problem, ...] | None
    ) -> None:
        if result.report is None:
            raise ValueError("the dataset shown needs a report")
        self._result = result
        self._report: Report = result.report
        self._origin: Origin = origin
        self._problems = result.problems if problems is None else problems
        self._refused: tuple[Problem, ...] = ()

    @classmethod
    def of_report(cls, report: Report, path: Path | None = None) -> CurrentDataset:
        """A dataset showing ``report`` (an export, a benchmark) with no problems."""
        return cls(LoadResult(path or Path(), report))

    @property
    def report(self) -> Report:
        """The report on screen."""
        return self._report

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem found with the data asked for."""
        return self._problems

    @property
    def origin(self) -> Origin:
        """Where the report came from."""
        return self._origin

    @property
    def path(self) -> Path:
        """The file or folder the report was read from."""
        return self._result.path

    @property
    def result(self) -> LoadResult:
        """The load result shown."""
        return self._result

    def replace(
        self,
        result: LoadResult,
        origin: Origin = "data",
        problems: tuple[Problem, ...] | None = None,
    ) -> None:
        """Show another load result (a reload) and tell every subscriber."""
        self._set(result, origin, problems)
        for callback in list(self._listeners):
            callback()

    @property
    def refused(self) -> tuple[Problem, ...]:
        """The problems of the last edit refused by a live reload (none once one is taken)."""
        return self._refused

    def refuse(self, problems: tuple[Problem, ...]) -> None:
        """Note the problems of an edit that was not taken; the report shown stays."""
        self._refused = problems

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` after each :meth:`replace`; returns the unsubscriber.

        A Qt view unsubscribes when it is destroyed.
        """
        self._listeners.append(callback)

        def unsubscribe() -> None:
            if callback in self._listeners:
                self._listeners.remove(callback)

        return unsubscribe


def problem_list(
    dataset: CurrentDataset, lang: Lang, extra: tuple[str, ...] = ()
) -> tuple[str, list[str]]:
    """What the staff problem list shows: which data is on screen, then every problem.

    ``extra`` are further messages (the configuration's); the problems of an edit
    a live reload did not take come last, under their own heading.
    """
    showing_key = {
        "data": "problems_shown_data",
        "last_good": "last_good_notice",
        "bundled": "fallback_notice" if dataset.problems else "problems_shown_bundled",
    }[dataset.origin]
    messages = [problem.message(lang) for problem in dataset.problems] + list(extra)
    if dataset.refused:
        messages.append(ui_text("problems_refused", lang))
        messages += [problem.message(lang) for problem in dataset.refused]
    return ui_text(showing_key, lang), messages
