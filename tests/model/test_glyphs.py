"""The bundled fonts' character maps, read without Qt, and the warning ``check`` gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from fulian_viewer.assets import resource_path
from fulian_viewer.model.glyphs import bundled_coverage, cmap_code_points
from fulian_viewer.model.loading import load_report
from tests.fixtures.datasets import Dataset, where

FONTS = sorted(resource_path("fonts").glob("*.otf"))


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_cmap_reader_agrees_with_fonttools(path: Path) -> None:
    with path.open("rb") as font:
        ours = cmap_code_points(font)
    with TTFont(str(path), lazy=True) as font:
        theirs = {code for code, glyph in font.getBestCmap().items() if glyph != ".notdef"}
    assert ours == theirs


def test_common_characters_beyond_the_report_are_covered() -> None:
    covered = bundled_coverage()
    assert all(ord(ch) in covered for ch in "鑫淼犇喆堃赟，。“”（）ABCxyz0123456789%")


def test_the_bundled_data_draws_entirely() -> None:
    result = load_report(warnings=True)
    assert result.ok
    assert result.problems == ()


def test_a_character_no_font_draws_is_a_warning_naming_the_cell(dataset: Dataset) -> None:
    label = dataset.cell("metrics", "lectures", "label_zh")
    row = dataset.set_cell("metrics", "lectures", "label_zh", label + "𠀀\ue000鑫")
    result = load_report(dataset.folder, warnings=True)
    assert [where(p) for p in result.problems] == [
        ("metrics.csv", row, "label_zh", "missing_glyphs")
    ]
    assert result.ok  # only a warning: the data is still valid
    message = result.problems[0].message("en")
    assert "𠀀 (U+20000)" in message
    assert "U+E000" in message
    assert "鑫" not in message
    assert "\ue000" not in message


def test_the_viewer_does_not_pay_for_the_glyph_check(dataset: Dataset) -> None:
    dataset.set_cell("metrics", "lectures", "label_zh", "𠀀")
    assert load_report(dataset.folder).ok
    assert not load_report(dataset.folder).problems
