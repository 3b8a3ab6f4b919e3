"""Overlay helpers: a figure set so that no line breaks it."""

from __future__ import annotations

from fulian_viewer.ui.overlays import unbreakable


def test_a_figure_is_glued_only_where_a_line_could_break_it() -> None:
    assert unbreakable("97.49亿元") == "97.49\u2060亿\u2060元"
    assert unbreakable("3万余个") == "3\u2060万\u2060余\u2060个"
    assert unbreakable("840,000 person-times") == "840,000\u00a0person\u2011times"
    assert unbreakable("70%") == "70%", "no joiner where nothing can break"
