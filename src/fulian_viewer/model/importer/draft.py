"""Turn a report's headings and paragraphs into a draft dataset and its review list.

How the draft is made (the README's "Import a report" section says the same):

- **Sections** are the headings of the level under which the figures stand (``###``
  in the bundled report); text before the first one is the title block. A heading
  written as ``标题 副标题`` (two parts split by a space) gives title and subtitle;
  the section's summary is its first paragraph.
- **Title block**: the first heading above the section level is the title, the
  second the subtitle; of the opening text, a short first sentence is the tagline,
  the next sentence the lead, and a later last paragraph the closing. ``过去五年``
  or ``五年来`` gives the period; the organisation is the federation (…妇联) the text names most;
  a short line naming photographs or writers (提供, 摄影, 撰文…) is the credits. A
  heading after the last section with no figures under it is the scorecard's title,
  and a heading under it the scorecard's subtitle.
- **Headline and scorecard** (suggested): in each section, take the largest figure
  of each unit; order them by how many figures their unit has, then by size; the
  first four are headlines, and the first two headlines in the report's order go on
  the scorecard.
- **Charts**: in each section, the units with two or more figures, most figures
  first, up to two charts: a ring for percentages, otherwise bars (horizontal when
  labels are long); at most five figures each, in the report's order. When no unit
  anywhere has two figures, the first section gets one chart of a single figure (a
  percentage when it has one), as a dataset needs at least one chart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from fulian_viewer.model.importer.document import Block
from fulian_viewer.model.importer.failure import ReportImportError
from fulian_viewer.model.importer.figures import (
    REASONS,
    Found,
    LeftOut,
    scan_sentence,
    split_sentences,
)
from fulian_viewer.model.importer.suggest import draft_charts, suggest_flags

MAX_FIGURES = 1000
MAX_SENTENCE_CHARS = 2000
MAX_SUMMARY_CHARS = 600
SOURCE_FILE = "report.txt"
UNITS_EN = {
    "场次": "sessions", "人次": "person-times", "户次": "household visits", "个": "",
    "户": "households", "名": "people", "支": "teams", "场": "events", "起": "cases",
    "元": "yuan", "人": "people", "家": "organisations", "所": "schools", "次": "times",
    "项": "items", "件": "cases", "部门": "departments", "轮": "rounds", "期": "sessions",
    "批": "batches", "位": "people", "%": "%", "个百分点": "percentage points",
    "倍": "times", "亩": "mu", "吨": "tonnes", "公里": "km", "小时": "hours",
    "队": "teams", "组": "groups", "对": "couples", "堂": "classes", "节": "classes",
}  # fmt: skip
_CREDIT_WORDS = ("提供", "摄影", "撰文", "记者", "通讯员", "作者", "编辑", "供图", "图/")
_CREDIT_MAX = 60
_PERIOD_RE = re.compile(
    r"(?:过去|近)([一二三四五六七八九十两\d]+年)|([一二三四五六七八九十两]+年)来"
)
_ORGANISATION_RE = re.compile(r"(?:^|[，。；：、“”\s])([\u4e00-\u9fff]{2,8}?妇联)")
_TAGLINE_MAX = 30
_NUMBERING_RE = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分\s*|[一二三四五六七八九十]+[、.．]\s*"
    r"|[（(][一二三四五六七八九十\d]+[）)]\s*|\d{1,2}[、.．]\s*)"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the report with what was found in it."""

    text: str
    figures: list[Found]
    left_out: list[LeftOut]


@dataclass
class Paragraph:
    """A paragraph and its sentences; ``whole`` for a list item or table row."""

    text: str
    sentences: list[Sentence]
    whole: bool = False

    @property
    def figure_count(self) -> int:
        """How many figures the paragraph holds."""
        return sum(len(s.figures) for s in self.sentences)


@dataclass
class MetricDraft:
    """A figure becoming a metric row."""

    id: str
    section_id: str
    found: Found
    source: str
    headline: bool = False
    scorecard: bool = False


@dataclass
class SectionDraft:
    """A section becoming a row of sections.csv, with its metrics and charts."""

    id: str
    order: int
    title: str
    subtitle: str
    summary: str
    metrics: list[MetricDraft] = field(default_factory=list)
    charts: list[tuple[str, str, str, list[MetricDraft]]] = field(default_factory=list)


@dataclass
class Draft:
    """Everything the importer writes: deck entries, sections, the report text, the review."""

    deck: dict[str, str]
    sections: list[SectionDraft]
    report_text: str
    review: list[dict[str, str]]


def build_draft(blocks: list[Block], name: str) -> Draft:
    """The draft dataset of a report read as ``blocks``; ``name`` names it in messages.

    Raises:
        ReportImportError: when the report has no headings or no figures under them.
    """
    items: list[Block | Paragraph] = [
        block if block.is_heading else _paragraph(block.text, block.whole) for block in blocks
    ]
    if not any(isinstance(item, Block) for item in items):
        raise ReportImportError("no_headings", path=name)
    level = _section_level(items)
    if level is None:
        raise ReportImportError("no_figures", path=name)
    count = sum(item.figure_count for item in items if isinstance(item, Paragraph))
    if count > MAX_FIGURES:
        raise ReportImportError("too_many_figures", path=name, count=count, limit=MAX_FIGURES)
    return _Assembler(items, level).draft()


def _paragraph(text: str, whole: bool) -> Paragraph:
    sentences = []
    for sentence in split_sentences(text):
        figures, left_out = scan_sentence(sentence)
        if len(sentence) > MAX_SENTENCE_CHARS:
            left_out += [LeftOut(f.display, "long_sentence", f.start) for f in figures]
            figures = []
        sentences.append(Sentence(sentence, figures, left_out))
    return Paragraph(text, sentences, whole)


def _section_level(items: list[Block | Paragraph]) -> int | None:
    """The heading level whose headings most often have figures right under them."""
    owners: Counter[int] = Counter()
    heading: Block | None = None
    counted: set[int] = set()
    for item in items:
        if isinstance(item, Block):
            heading = item
        elif heading is not None and item.figure_count and id(heading) not in counted:
            counted.add(id(heading))
            owners[heading.level or 0] += 1
    if not owners:
        return None
    return min(owners, key=lambda level: (-owners[level], level))


def is_credit(text: str) -> bool:
    """Whether a short line names photographers or writers."""
    return len(text) <= _CREDIT_MAX and "。" not in text and any(w in text for w in _CREDIT_WORDS)


class _Assembler:
    """Walks the report once, placing each heading and paragraph."""

    def __init__(self, items: list[Block | Paragraph], level: int) -> None:
        self.items = items
        self.level = level
        self.deck: dict[str, str] = {}
        self.sections: list[SectionDraft] = []
        self.review: list[MetricDraft | dict[str, str]] = []
        self.preamble: list[Paragraph] = []
        self.extra_headings: list[Block] = []

    def draft(self) -> Draft:
        current: SectionDraft | None = None
        scorecard_heading: Block | None = None
        for index, item in enumerate(self.items):
            if isinstance(item, Block):
                if (item.level or 0) < self.level and not self.sections:
                    self._title_heading(item)
                    continue
                if item.level == self.level:
                    if self._has_figures_below(index):
                        current = self._start_section(item)
                        scorecard_heading = None
                        continue
                    current = None
                    if "scorecard_title" not in self.deck and self._only_headings_follow(index):
                        self.deck["scorecard_title"] = item.text
                        scorecard_heading = item
                        continue
                elif scorecard_heading is not None and "scorecard_subtitle" not in self.deck:
                    self.deck["scorecard_subtitle"] = item.text
                    continue
                elif current is not None:
                    continue  # a sub-heading inside a section: its text runs on
                self._review_heading(item)
                continue
            if is_credit(item.text):
                self.deck.setdefault("credits", item.text)
            if current is None:
                self._outside(item)
            else:
                self._add_paragraph(current, item)
        self._deck_from_text()
        for section in self.sections:
            suggest_flags(section)
            draft_charts(section)
        if not any(section.charts for section in self.sections):
            # A dataset needs one chart: a percentage's ring, or the first section's bar.
            with_percent = [s for s in self.sections if any(m.found.unit == "%" for m in s.metrics)]
            chosen = (with_percent or self.sections)[0]
            draft_charts(chosen, fewest=1)
            del chosen.charts[1:]
        review = [_figure_row(row) if isinstance(row, MetricDraft) else row for row in self.review]
        return Draft(self.deck, self.sections, self._report_text(), review)

    def _has_figures_below(self, index: int) -> bool:
        for item in self.items[index + 1 :]:
            if isinstance(item, Block) and (item.level or 0) <= self.level:
                return False
            if isinstance(item, Paragraph) and item.figure_count:
                return True
        return False

    def _only_headings_follow(self, index: int) -> bool:
        return all(
            isinstance(item, Block) or not item.figure_count for item in self.items[index + 1 :]
        )

    def _title_heading(self, heading: Block) -> None:
        key = "subtitle" if "title" in self.deck else "title"
        if key not in self.deck:
            self.deck[key] = heading.text
        else:
            self._review_heading(heading)

    def _start_section(self, heading: Block) -> SectionDraft:
        title, subtitle = split_heading(heading.text)
        order = len(self.sections) + 1
        section = SectionDraft(f"s{order}", order, title, subtitle, "")
        self.sections.append(section)
        return section

    def _add_paragraph(self, section: SectionDraft, paragraph: Paragraph) -> None:
        if not section.summary and not paragraph.whole and not is_credit(paragraph.text):
            section.summary = _opening(paragraph)
        for sentence in paragraph.sentences:
            events: list[tuple[int, Found | LeftOut]] = [(f.start, f) for f in sentence.figures]
            events += [(n.start, n) for n in sentence.left_out]
            for _, event in sorted(events, key=lambda pair: pair[0]):
                if isinstance(event, Found):
                    metric_id = f"{section.id}_{len(section.metrics) + 1:02d}"
                    metric = MetricDraft(metric_id, section.id, event, sentence.text)
                    section.metrics.append(metric)
                    self.review.append(metric)
                else:
                    self.review.append(_left_out_row(section.id, event, sentence.text))

    def _outside(self, paragraph: Paragraph) -> None:
        if not self.sections:
            self.preamble.append(paragraph)
        for sentence in paragraph.sentences:
            events: list[tuple[int, LeftOut]] = [(n.start, n) for n in sentence.left_out]
            events += [(f.start, LeftOut(f.display, "outside", f.start)) for f in sentence.figures]
            for _, event in sorted(events, key=lambda pair: pair[0]):
                self.review.append(_left_out_row("", event, sentence.text))

    def _review_heading(self, heading: Block) -> None:
        self.review.append(
            {
                "kind": "标题 heading",
                "display": heading.text,
                "note": "没有数字的标题，未作为一页 / a heading with no figures: not made a pane",
            }
        )

    def _deck_from_text(self) -> None:
        deck = self.deck
        all_text = "\n".join(
            item.text for item in self.items if isinstance(item, Paragraph | Block)
        )
        if "title" not in deck:
            deck["title"] = self.sections[0].title
        opening = [p for p in self.preamble if len(p.text) > 8 and not is_credit(p.text)]
        if opening:
            first = [s.text for s in opening[0].sentences]
            if len(first) > 1 and len(first[0]) <= _TAGLINE_MAX:
                deck["tagline"] = first.pop(0)
            if first and len(first[0]) <= MAX_SUMMARY_CHARS:
                deck["lead"] = first[0]
            if len(opening) > 1:
                deck["closing"] = _opening(opening[-1])
        period = _PERIOD_RE.search(all_text)
        if period:
            deck["period"] = period[1] or period[2]
        names = Counter(_ORGANISATION_RE.findall(all_text))
        if names:
            deck["organisation"] = names.most_common(1)[0][0]
        deck["source_file"] = SOURCE_FILE

    def _report_text(self) -> str:
        lines = []
        for item in self.items:
            if isinstance(item, Block):
                lines.append("#" * max(1, item.level or 0) + " " + item.text)
            else:
                lines.append(item.text)
        return "\n\n".join(lines) + "\n"


def _opening(paragraph: Paragraph) -> str:
    """The paragraph, or as many of its first sentences as fit a pane's summary."""
    if len(paragraph.text) <= MAX_SUMMARY_CHARS:
        return paragraph.text
    text = ""
    for sentence in paragraph.sentences:
        if len(text) + len(sentence.text) > MAX_SUMMARY_CHARS:
            break
        text += sentence.text
    return text


def split_heading(text: str) -> tuple[str, str]:
    """``强化思想政治引领 妇女听党话…`` as title and subtitle (split at the first space).

    A numbering such as ``一、``, ``（二）`` or ``3.`` is dropped: the pane numbers itself.
    """
    text = _NUMBERING_RE.sub("", text.strip()) or text.strip()
    parts = re.split(r"[ \u3000]+|——|：|:", text, maxsplit=1)
    if len(parts) == 2 and len(parts[0]) >= 2 and len(parts[1].strip()) >= 2:
        return parts[0].strip(), parts[1].strip()
    return text.strip(), ""


def _figure_row(metric: MetricDraft) -> dict[str, str]:
    found = metric.found
    return {
        "kind": "指标 figure",
        "section": metric.section_id,
        "id": metric.id,
        "display": found.display,
        "value": plain_number(found.value),
        "unit": found.unit,
        "label": found.label,
        "headline": "是" if metric.headline else "否",
        "scorecard": "是" if metric.scorecard else "否",
        "sentence": metric.source,
        "note": "草稿：请核对标签、单位和数值 / draft: check label, unit and value",
    }


def _left_out_row(section_id: str, number: LeftOut, sentence: str) -> dict[str, str]:
    zh, en = REASONS[number.reason]
    return {
        "kind": "未收录 left out",
        "section": section_id,
        "display": number.text,
        "sentence": sentence[:MAX_SENTENCE_CHARS]
        + ("…" if len(sentence) > MAX_SENTENCE_CHARS else ""),
        "note": f"{zh} / {en}",
    }


def plain_number(value: object) -> str:
    """A number without exponent or trailing zeros (``9749000000``, ``6.6``)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
