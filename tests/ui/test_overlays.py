"""The overlays over the deck: the help card sets every row legibly in both languages,
the deck's notice stays in the band above the panes' body, and a figure is set so that
no line breaks it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from fulian_viewer.model.numbers import Lang
from fulian_viewer.model.ui_strings import ui_text
from fulian_viewer.ui import theme
from fulian_viewer.ui.overlays import HelpOverlay, unbreakable
from tests.ui.conftest import each_pane

SIZES = [(1920, 1080), (3840, 2160), (1280, 720), (3840, 1080), (1080, 1920)]
WHERE = {"zh": "metrics.csv 第 12 行 value 列", "en": "metrics.csv row 12, column value"}


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_reload_notice_covers_nothing_of_any_pane(make_window, width: int, height: int) -> None:
    window = make_window(width, height)
    deck = window.deck
    for pane in each_pane(window):
        lang = deck.controller.state.lang
        deck.show_notice(ui_text("reload_refused", lang, count=3, where=WHERE[lang]))
        notice = _rect_in(deck.notice, deck)
        assert deck.notice.isVisible() and deck.notice.text.fits, (lang, pane.spec.kind)
        assert notice.height() >= min(width, height) // 30, "tall enough to read"
        content = [
            widget
            for widget in pane.findChildren(QWidget)
            if widget.isVisibleTo(pane) and not widget.size().isEmpty()
        ]
        assert content, "the pane's texts, counters and charts"
        covered = [
            (type(widget).__name__, getattr(widget, "text", ""), _rect_in(widget, deck))
            for widget in content
            if _rect_in(widget, deck).intersects(notice)
        ]
        assert not covered, (lang, pane.spec.kind, notice, covered)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 720)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_help_row_is_set_whole_and_near_its_size(
    app: QApplication, lang: Lang, size: tuple[int, int]
) -> None:
    """A long action (“Blank the screen / back (a clicker’s …)”) wraps; it is not shrunk away."""
    help_card = HelpOverlay()
    help_card.resize(*size)
    help_card.set_lang(lang)
    frame = theme.Frame.of(*size)
    for action, keys in help_card.rows:
        assert action.fits and keys.fits, (action.text, keys.text)
        assert action.font_pixel_size >= 0.75 * frame.px(26), (action.text, size)
        assert keys.font_pixel_size >= 0.75 * frame.px(24), (keys.text, size)
    help_card.deleteLater()


def test_a_figure_is_glued_only_where_a_line_could_break_it() -> None:
    assert unbreakable("97.49亿元") == "97.49\u2060亿\u2060元"
    assert unbreakable("3万余个") == "3\u2060万\u2060余\u2060个"
    assert unbreakable("840,000 person-times") == "840,000\u00a0person\u2011times"
    assert unbreakable("70%") == "70%", "no joiner where nothing can break"


def test_the_help_card_is_set_when_it_opens_in_the_language_then_shown(make_window) -> None:
    deck = make_window(1280, 720).deck
    controller = deck.controller
    assert deck.help.title.text == "", "nothing set on the way to the first frame"
    controller.toggle_language()
    controller.toggle_help()
    assert deck.help.isVisible() and deck.help.title.text == ui_text("help_title", "en")
    controller.toggle_language()  # while it is open
    assert deck.help.title.text == ui_text("help_title", "zh")
    rows = [(action.text, keys.text) for action, keys in deck.help.rows]
    assert all(action and keys for action, keys in rows)


def test_a_chinese_texts_last_two_characters_never_part() -> None:
    from fulian_viewer.ui.overlays import highlighted

    assert highlighted("提升农村妇女发展能力；", ()).endswith("能\u2060力；")
    assert highlighted("覆盖农村妇女84万人次。", ("84万人次",)).endswith("</span>。")
    assert highlighted("Reached by training.", ()) == "Reached by training."


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_longest_source_sentence_fits_its_panel(make_window, report, width, height) -> None:
    deck = make_window(width, height).deck
    longest = max(report.metrics, key=lambda metric: len(metric.source))
    deck.controller.show_source(longest)
    QApplication.processEvents()
    sentence = deck.provenance.sentence
    assert "line-height" in sentence.text(), "set at the panes' leading"
    assert sentence.heightForWidth(sentence.width()) <= sentence.height()
