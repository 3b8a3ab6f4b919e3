"""The bundled subset fonts cover every character the data and interface show."""

from __future__ import annotations

import unicodedata

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from fulian_viewer.assets import resource_path
from fulian_viewer.model.ui_strings import all_ui_characters

FONTS_DIR = resource_path("fonts")
DATA_DIR = resource_path("data")
FAMILY = "Noto Sans CJK SC"
EXPECTED = ("NotoSansCJKsc-Bold.otf", "NotoSansCJKsc-Regular.otf")
FONT_FILES = sorted(FONTS_DIR.glob("NotoSansCJK*.otf"))
MARKS_FILES = ("FulianLatinMarks-Regular.otf", "FulianLatinMarks-Bold.otf")
MARKS = "\u2018\u2019\u201c\u201d\u00b7"
WORD_JOINER = "\u2060"


def needs_glyph(char: str) -> bool:
    return not char.isspace() and not unicodedata.category(char).startswith("C")


def data_characters() -> set[str]:
    paths = [*sorted(DATA_DIR.glob("*.csv")), DATA_DIR / "report.txt"]
    text = "".join(path.read_text(encoding="utf-8-sig") for path in paths)
    return {c for c in text if needs_glyph(c)}


def ui_characters() -> set[str]:
    return {c for text in all_ui_characters() for c in text if needs_glyph(c)}


@pytest.fixture(scope="module", params=FONT_FILES, ids=lambda path: path.name)
def font(request: pytest.FixtureRequest) -> TTFont:
    with TTFont(str(request.param), lazy=True) as opened:
        yield opened


def describe(missing: set[str]) -> str:
    return ", ".join(f"{c!r} U+{ord(c):04X}" for c in sorted(missing))


def test_the_expected_fonts_are_bundled() -> None:
    assert {path.name for path in FONT_FILES} >= set(EXPECTED)
    assert {path.name for path in FONTS_DIR.glob("*.otf")} == {*EXPECTED, *MARKS_FILES}
    assert (FONTS_DIR / "OFL.txt").is_file()


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_the_latin_marks_are_the_chinese_face_s_proportional_ones(weight: str) -> None:
    """‘ ’ “ ” · narrower than half an em, an empty word joiner, the Chinese face's line metrics."""
    with (
        TTFont(str(FONTS_DIR / f"FulianLatinMarks-{weight}.otf")) as marks,
        TTFont(str(FONTS_DIR / f"NotoSansCJKsc-{weight}.otf"), lazy=True) as chinese,
    ):
        assert marks["name"].getDebugName(1) == "Fulian Latin Marks"
        assert "Source" not in marks["name"].getDebugName(4)  # the OFL's Reserved Font Name
        cmap = marks.getBestCmap()
        assert set(map(chr, cmap)) == {*MARKS, WORD_JOINER}
        glyphs = marks.getGlyphSet()
        for char in MARKS:
            assert marks["hmtx"][cmap[ord(char)]][0] < 0.6 * marks["head"].unitsPerEm, char
            assert chinese["hmtx"][chinese.getBestCmap()[ord(char)]][0] == 1000, char
            bounds = BoundsPen(glyphs)
            glyphs[cmap[ord(char)]].draw(bounds)
            assert bounds.bounds is not None, char  # drawn
        # The word joiner, which the Chinese face lacks: no advance and no ink.
        assert ord(WORD_JOINER) not in chinese.getBestCmap()
        joiner = cmap[ord(WORD_JOINER)]
        bounds = BoundsPen(glyphs)
        glyphs[joiner].draw(bounds)
        assert marks["hmtx"][joiner] == (0, 0) and bounds.bounds is None
        for tag, fields in (
            ("head", ("unitsPerEm", "xMin", "yMin", "xMax", "yMax", "macStyle")),
            ("hhea", ("ascent", "descent", "lineGap", "advanceWidthMax", "minRightSideBearing")),
            (
                "OS/2",
                (
                    "sTypoAscender",
                    "sTypoDescender",
                    "sTypoLineGap",
                    "usWinAscent",
                    "usWinDescent",
                    "sxHeight",
                    "sCapHeight",
                    "usWeightClass",
                    "fsSelection",
                ),
            ),
        ):
            for field in fields:
                assert getattr(marks[tag], field) == getattr(chinese[tag], field), (tag, field)


def test_the_data_is_not_trivially_small() -> None:
    assert len(data_characters()) > 300
    assert len(ui_characters()) > 50


def test_font_covers_the_bundled_data(font: TTFont) -> None:
    cmap = font.getBestCmap()
    missing = {c for c in data_characters() if ord(c) not in cmap}
    assert not missing, f"regenerate with scripts/subset_fonts.py; missing: {describe(missing)}"


def test_font_covers_the_interface_strings(font: TTFont) -> None:
    cmap = font.getBestCmap()
    missing = {c for c in ui_characters() if ord(c) not in cmap}
    assert not missing, f"regenerate with scripts/subset_fonts.py; missing: {describe(missing)}"


def test_font_covers_the_margin_for_edited_figures(font: TTFont) -> None:
    cmap = font.getBestCmap()
    sample = "0123456789万亿余%，。、：；（）《》“”←→↑↓✓•·×ＡＢ１２"
    missing = {c for c in sample if ord(c) not in cmap}
    assert not missing, describe(missing)


def test_font_family_is_simplified_chinese(font: TTFont) -> None:
    name = font["name"]
    assert name.getDebugName(1) == FAMILY
    typographic = name.getDebugName(16)
    assert typographic in (None, FAMILY)


def gb2312_hanzi() -> set[str]:
    """The 6,763 hanzi of GB 2312 (rows 16-87), enumerated through the codec."""
    chars = set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def test_gb2312_has_6763_hanzi() -> None:
    assert len(gb2312_hanzi()) == 6763


def test_font_covers_every_gb2312_hanzi(font: TTFont) -> None:
    cmap = font.getBestCmap()
    missing = {c for c in gb2312_hanzi() if ord(c) not in cmap}
    assert not missing, describe(missing)


def test_font_covers_common_hanzi_beyond_gb2312(font: TTFont) -> None:
    # Characters of names and places outside GB 2312 (喆 堃 赟 昇 珺 犇 鑫 淼).
    cmap = font.getBestCmap()
    missing = {c for c in "喆堃赟昇珺犇鑫淼" if ord(c) not in cmap}
    assert not missing, describe(missing)
