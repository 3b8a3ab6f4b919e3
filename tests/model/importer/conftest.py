"""Helpers shared by the importer's tests: compare a draft with the figures expected."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fulian_viewer.model.importer import Draft


@dataclass(frozen=True)
class Expected:
    """A figure as the staff would enter it by hand."""

    display: str
    value: Decimal
    unit: str
    source: str


def drafted(draft: Draft) -> list[Expected]:
    """The draft's metric rows in the same shape."""
    return [
        Expected(m.found.display, m.found.value, m.found.unit, m.source)
        for section in draft.sections
        for m in section.metrics
    ]


def recall_and_extra(draft: Draft, expected: list[Expected]) -> tuple[float, list[Expected]]:
    """The share of ``expected`` found with the same display, value, unit and source,
    and the drafted rows that match none of them."""
    found = drafted(draft)
    hits = [figure for figure in expected if figure in found]
    extra = [figure for figure in found if figure not in expected]
    return len(hits) / len(expected), extra


def left_out(draft: Draft) -> dict[str, str]:
    """Numbers left out of the draft: their text to the review list's note."""
    return {row["display"]: row["note"] for row in draft.review if row["kind"] == "未收录 left out"}
