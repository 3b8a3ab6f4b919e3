"""A pane's speaker notes: those written in the notes table, or talking points from the report.

A pane with no written notes still gives the speaker something to say from day one:
the section's summary and, for each figure on the pane, the report's own sentence
with the figure marked (in English: what the figure counts, and the figure).
"""

from __future__ import annotations

from dataclasses import dataclass

from fulian_viewer.model.deck import PaneSpec
from fulian_viewer.model.numbers import Lang, format_count
from fulian_viewer.model.report import Metric, Report


@dataclass(frozen=True)
class Point:
    """One paragraph of notes, with the figures in it to highlight.

    Attributes:
        text: the paragraph.
        figures: parts of ``text`` to show highlighted, in order.
    """

    text: str
    figures: tuple[str, ...] = ()


@dataclass(frozen=True)
class SpeakerNotes:
    """What the console shows as notes for one pane.

    Attributes:
        written: whether they come from the notes table (else from the report).
        points: the paragraphs, in order.
        target_seconds: the pane's target from the notes table, if any.
    """

    written: bool
    points: tuple[Point, ...]
    target_seconds: float | None = None


MAX_NOTES_CHARACTERS = 6000
"""Written notes beyond this are cut (with an ellipsis): a screenful is far less."""


def speaker_notes(report: Report, spec: PaneSpec, lang: Lang) -> SpeakerNotes:
    """The notes for ``spec`` in ``lang``: the written ones, else the report's talking points.

    Written notes in the other language only are shown rather than none.
    """
    notes = report.notes_for(spec.key)
    target = notes.target_seconds if notes else None
    if notes is not None:
        other: Lang = "zh" if lang == "en" else "en"
        text = (notes.text.en if lang == "en" else notes.text.zh) or getattr(notes.text, other)
        if len(text) > MAX_NOTES_CHARACTERS:
            text = text[:MAX_NOTES_CHARACTERS] + "…"
        if text:
            paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n")]
            return SpeakerNotes(True, tuple(Point(p) for p in paragraphs if p), target)
    return SpeakerNotes(False, talking_points(report, spec, lang), target)


def talking_points(report: Report, spec: PaneSpec, lang: Lang) -> tuple[Point, ...]:
    """Talking points drawn from the report for the pane ``spec``."""
    deck = report.deck
    points: list[Point] = []
    if spec.kind == "cover":
        points += [Point(deck.get(key, lang)) for key in ("title", "subtitle", "lead")]
        points += [
            Point(f"{number}. {section.title(lang)}")
            for number, section in enumerate(report.sections, start=1)
        ]
    elif spec.kind == "closing":
        points += [Point(deck.get(key, lang)) for key in ("closing", "credits")]
    elif spec.kind == "scorecard":
        points.append(Point(deck.get("scorecard_title", lang)))
    if spec.section is not None:
        points.append(Point(spec.section.summary(lang)))
    for metric in spec.metrics:
        point = figure_point(metric, lang)
        if points and points[-1].text == point.text:  # two figures of one sentence
            point = Point(point.text, points.pop().figures + point.figures)
        points.append(point)
    return tuple(point for point in points if point.text.strip())


def figure_point(metric: Metric, lang: Lang) -> Point:
    """A figure's talking point: its source sentence (Chinese) or its label and figure."""
    if lang == "en":
        figure = format_count(metric.value, metric, "en")
        return Point(f"{metric.label('en')}: {figure}", (figure,))
    found = metric.display in metric.source
    return Point(metric.source, (metric.display,) if found else ())
