"""The English edition of the bundled report: its glossary and house style (docs/glossary.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fulian_viewer.model.loading import load_report
from fulian_viewer.model.presenter_strings import PRESENTER_STRINGS
from fulian_viewer.model.report import Report
from fulian_viewer.model.ui_strings import STRINGS, ui_text

GLOSSARY_PATH = Path(__file__).parents[2] / "docs" / "glossary.md"

# Proper names that keep their capitals inside a sentence-case title or label.
PROPER_NAMES = (
    "Chongqing Women’s Federation",
    "Party Central Committee",
    "Bayu",
    "Chongqing’s",
    "Chongqing",
    "Sichuan",
    "China’s",
    "Party",
)
# Chinese full-width punctuation, which has no place in English text.
CJK_PUNCTUATION = "，。、：；！？（）《》「」『』【】〔〕"
# Typewriter marks: English display text takes curly quotation marks and apostrophes.
STRAIGHT_QUOTES = "'\""


@dataclass(frozen=True)
class Term:
    """One row of the glossary: a Chinese term, its English forms and renderings to avoid."""

    zh: str
    english: tuple[str, ...]
    never: tuple[str, ...]


@dataclass(frozen=True)
class Passage:
    """A Chinese text of the dataset and the English shown for it."""

    where: str
    zh: str
    en: str


def read_glossary(text: str) -> list[Term]:
    """The glossary table's rows (the first table of the document)."""
    rows = [line for line in text.splitlines() if line.startswith("|")]
    terms = []
    for line in rows[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        zh, english, never = cells[0], cells[1], cells[2]

        def forms(cell: str) -> tuple[str, ...]:
            return tuple(form.strip() for form in cell.split(" / ") if form.strip())

        terms.append(Term(zh, forms(english), forms(never)))
    return terms


def passages(report: Report) -> Iterator[Passage]:
    """Every English text of the dataset beside the Chinese it renders."""
    for key, text in report.deck.entries:
        if key != "source_file":
            yield Passage(f"deck.csv {key}", text.zh, text.en)
    for section in report.sections:
        for column in ("title", "subtitle", "summary"):
            text = getattr(section, column)
            yield Passage(f"sections.csv {section.id} {column}", text.zh, text.en)
        for chart in section.charts:
            yield Passage(f"charts.csv {chart.id} title", chart.title.zh, chart.title.en)
    for metric in report.metrics:
        # The label is read under its figure, which carries the unit.
        shown = f"{metric.label.en} {metric.unit_en}"
        yield Passage(f"metrics.csv {metric.id} label", metric.label.zh, shown)
        yield Passage(f"metrics.csv {metric.id} unit", metric.unit, metric.unit_en)


def breaches(terms: Iterable[Term], texts: Iterable[Passage]) -> list[str]:
    """Where an English text departs from the glossary, one line each."""
    found = []
    texts = list(texts)
    for term in terms:
        for passage in texts:
            if term.zh not in passage.zh:
                continue
            english = passage.en.casefold()
            if not any(form.casefold() in english for form in term.english):
                found.append(f"{passage.where}: {term.zh} is not {term.english}: {passage.en!r}")
            for wrong in term.never:
                if wrong.casefold() in english:
                    found.append(f"{passage.where}: {term.zh} is not {wrong!r}: {passage.en!r}")
    return found


@pytest.fixture(scope="module")
def report() -> Report:
    result = load_report()
    assert result.report is not None
    return result.report


@pytest.fixture(scope="module")
def glossary() -> list[Term]:
    return read_glossary(GLOSSARY_PATH.read_text(encoding="utf-8"))


def test_the_glossary_is_a_real_table(glossary: list[Term]) -> None:
    assert len(glossary) >= 25
    assert len({term.zh for term in glossary}) == len(glossary), "one row per Chinese term"
    for term in glossary:
        assert term.zh and term.english, term
        assert not re.search(r"[A-Za-z]", term.zh), term


def test_every_english_text_keeps_to_the_glossary(report: Report, glossary: list[Term]) -> None:
    found = breaches(glossary, passages(report))
    assert not found, "\n".join(found)


def test_every_glossary_term_is_used_by_the_data(report: Report, glossary: list[Term]) -> None:
    chinese = "\n".join(passage.zh for passage in passages(report))
    assert not [term.zh for term in glossary if term.zh not in chinese]


def test_the_check_catches_a_second_rendering_of_a_term(glossary: list[Term]) -> None:
    """What the English said before the glossary: each of these is caught."""
    earlier = [
        Passage("title", "巴渝巾帼心向党 砥砺奋进新征程", "Bayu Women Follow the Party"),
        Passage("green_share", "全市家庭达到绿色家庭创建目标", "Households meeting the goal"),
        Passage("unit", "户", "households"),
        Passage("unit", "人次", "clicks"),
        Passage("unit", "场次", "events"),
        Passage("family_events", "“清风常伴 廉洁齐家”等活动", "Clean-living events for families"),
        Passage("relief_raised", "筹集物资", "Relief funds and goods raised yuan"),
        Passage("parenting_lectures", "“百场讲座进万家”家教知识培训", "Parenting lectures"),
        Passage("new_field_orgs", "新领域、新业态灵活建妇女组织", "Organisations in new sectors"),
        Passage("counselling", "全覆盖心理团体辅导", "Rounds of full-coverage group counselling"),
    ]
    found = breaches(glossary, earlier)
    for passage in earlier:
        assert any(line.startswith(f"{passage.where}:") for line in found), passage
    assert breaches(glossary, [Passage("unit", "户", "families")]) == []


def _without_proper_names(text: str) -> str:
    text = re.sub(r"“[^”]*”", "“”", text)  # names in quotation marks keep their capitals
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    return text


def test_titles_and_labels_are_in_sentence_case(report: Report) -> None:
    texts = [
        (key, report.deck.get(key, "en"))
        for key in ("title", "subtitle", "scorecard_title", "scorecard_subtitle")
    ]
    for section in report.sections:
        texts += [(section.id, section.title.en), (section.id, section.subtitle.en)]
        texts += [(chart.id, chart.title.en) for chart in section.charts]
    texts += [(metric.id, metric.label.en) for metric in report.metrics]
    texts += [(metric.id, metric.unit_en) for metric in report.metrics]
    for where, text in texts:
        rest = _without_proper_names(text).split(maxsplit=1)[1:]
        capitals = re.findall(r"\b[A-Z]\w*", rest[0]) if rest else []
        assert not capitals, f"{where}: {text!r} has {capitals}"


def english_display_texts(report: Report) -> Iterator[tuple[str, str]]:
    """Every English text the viewer shows: the dataset's and the interface's own."""
    for passage in passages(report):
        yield passage.where, passage.en
    for table in (STRINGS, PRESENTER_STRINGS):
        for key, (_, english) in table.items():
            yield f"interface {key}", english


def quotation_problems(text: str) -> list[str]:
    """What is wrong with ``text``'s punctuation by English house style, one line each."""
    found = []
    straight = [c for c in text if c in STRAIGHT_QUOTES]
    if straight:
        found.append(f"straight quotation marks or apostrophes {straight}")
    wide = [c for c in text if c in CJK_PUNCTUATION]
    if wide:
        found.append(f"Chinese full-width punctuation {wide}")
    depth = 0
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char in "“‘" and (before.isalnum() or after.isspace()):
            found.append(f"{char} at {index} does not open a quotation")
        if char == "“":
            depth += 1
        elif char == "”":
            depth -= 1
            if depth < 0 or after.isalnum() or before.isspace():
                found.append(f"” at {index} does not close a quotation")
        elif char == "’" and before.isspace():
            found.append(f"’ at {index} follows a space (an apostrophe ends a word)")
    if depth:
        found.append("unbalanced “ ”")
    return found


def test_english_text_uses_curly_quotation_marks(report: Report) -> None:
    """Women’s, “Bayu Sisters”: curly marks, paired; no typewriter or Chinese marks."""
    found = [
        f"{where}: {text!r}: {problem}"
        for where, text in english_display_texts(report)
        for problem in quotation_problems(text)
    ]
    assert not found, "\n".join(found)


def test_the_punctuation_check_catches_what_an_editor_would() -> None:
    assert quotation_problems("Women’s “Bayu Sisters” trained · “A ‘Home’ for all”") == []
    for wrong in (
        "Women's groups",
        'The "Bayu Sisters"',
        "Women’s “Bayu Sisters",
        "The ”Bayu Sisters“",
        "Bayu“Sisters”",
        "Women ’s groups",
        "Women’s groups（2022）",
    ):
        assert quotation_problems(wrong), wrong


def test_no_label_repeats_the_unit_above_it(report: Report) -> None:
    def first_word(text: str) -> str:
        return re.sub(r"’s$", "", text.split()[0].casefold()) if text else ""

    for metric in report.metrics:
        if metric.unit_en and metric.unit_en != "%":
            assert first_word(metric.label.en) != first_word(metric.unit_en), metric.id
            assert not metric.label.en.casefold().startswith(metric.unit_en.casefold()), metric.id


def test_a_chart_titled_with_a_unit_shows_figures_in_that_unit(report: Report) -> None:
    for section in report.sections:
        for chart in section.charts:
            named = re.search(r"\(([^)]*)\)$", chart.title.en)
            if named:
                units = {metric.unit_en for metric in chart.metrics}
                assert units == {named.group(1)}, (chart.id, units)


def test_the_cover_says_once_what_bayu_is(report: Report) -> None:
    title, subtitle = report.deck.get("title", "en"), report.deck.get("subtitle", "en")
    assert "Bayu" in title
    assert re.search(r"Chongqing, long known as Bayu", subtitle)
    elsewhere = [p.en for p in passages(report) if p.where != "deck.csv subtitle"]
    assert not any("known as Bayu" in text for text in elsewhere)


def test_credits_and_source_line_read_as_an_editor_sets_them(report: Report) -> None:
    assert re.fullmatch(r"Text: [^·]+ · Photos: [^·]+", report.deck.get("credits", "en"))
    title = report.deck.get("title", "en")
    line = ui_text("source_line", "en", report=title, section="Part")
    assert line == f"Source: “{title}” · Part"
    assert ui_text("cover_source", "en", report=title) == f"Source: “{title}”"


def test_section_subtitles_are_statements(report: Report) -> None:
    """Each subtitle has a finite verb ("are", "is", "…ing" after "are"), not a fragment."""
    for section in report.sections:
        assert re.search(r"\b(are|is)\b", section.subtitle.en), section.subtitle.en
