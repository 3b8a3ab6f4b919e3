"""The bundled fonts: registering them with Qt and making display fonts from them.

The package ships subsets of Noto Sans CJK SC (see ``resources/fonts/README.md``)
so the viewer renders Chinese on machines without any Chinese font. That face
draws the curly quotation marks, the apostrophe and the middle dot full-width, as
Chinese sets them; English wants them proportional ("Women’s", not "Women’ s").
The package therefore also ships "Fulian Latin Marks", the same font's
proportional forms of ‘ ’ “ ” ·, and an empty word joiner (U+2060, which the
Chinese face lacks), nothing else, with the Chinese face's metrics. Text without
Chinese characters asks for it first (:func:`font_for`); Chinese text asks for it
after the Chinese face, so that only the word joiner comes from it. Every other
character comes from the Chinese face.

Call :func:`register_bundled_fonts` once a ``QGuiApplication`` exists, then ask
:func:`font_for` (or :func:`display_font`) for every font the views draw with.
"""

from __future__ import annotations

import functools
import logging
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from fulian_viewer.assets import resource_path
from fulian_viewer.ui.line_breaks import has_chinese

__all__ = [
    "BUNDLED_FILES",
    "FAMILY",
    "LATIN_MARKS",
    "display_font",
    "font_for",
    "register_bundled_fonts",
]

logger = logging.getLogger(__name__)

FAMILY = "Noto Sans CJK SC"
"""The family name of the bundled faces (the Simplified Chinese one, not JP/KR/TC)."""

LATIN_MARKS = "Fulian Latin Marks"
"""The family of the bundled proportional quotation marks and middle dot, and word joiner."""

BUNDLED_FILES = (
    "NotoSansCJKsc-Regular.otf",
    "NotoSansCJKsc-Bold.otf",
    "FulianLatinMarks-Regular.otf",
    "FulianLatinMarks-Bold.otf",
)
"""The font files the package is expected to ship; a missing one is logged."""

LARGE_TEXT_PX = 24
"""From this pixel size up, text is drawn unhinted (faithful shapes and spacing)."""

# Font file location -> application font id, so a second call registers nothing.
_registered: dict[str, int] = {}


def _fonts_dir() -> Traversable:
    """Return the bundled ``resources/fonts`` folder (see :mod:`fulian_viewer.assets`)."""
    return resource_path("fonts")


def _add_font(font_file: Traversable) -> int:
    """Add one font file to Qt's application fonts; return its id, or -1 on failure."""
    if isinstance(font_file, Path):
        return QFontDatabase.addApplicationFont(str(font_file))
    # Inside a zip or a frozen bundle there may be no real file for Qt to open.
    return QFontDatabase.addApplicationFontFromData(font_file.read_bytes())


def _is_live(font_id: int) -> bool:
    """Tell whether ``font_id`` is still registered (not lost with an earlier application)."""
    return font_id >= 0 and bool(QFontDatabase.applicationFontFamilies(font_id))


def register_bundled_fonts(fonts_dir: Traversable | None = None) -> str:
    """Add every bundled ``.otf`` to Qt's font database, once.

    Needs a ``QGuiApplication`` (or ``QApplication``) to exist already. Files
    already registered are skipped, so calling this again adds nothing. A
    missing folder, a missing expected file or a file Qt cannot load is logged
    as a warning and otherwise ignored: Qt then falls back to system fonts.

    Args:
        fonts_dir: The folder to load from; the package's ``resources/fonts``
            when ``None``.

    Returns:
        The family name to ask for: ``"Noto Sans CJK SC"``.

    """
    folder = _fonts_dir() if fonts_dir is None else fonts_dir
    try:
        font_files = sorted(
            (entry for entry in folder.iterdir() if entry.name.lower().endswith(".otf")),
            key=lambda entry: entry.name,
        )
    except OSError as error:
        logger.warning("Bundled font folder %s cannot be read: %s", folder, error)
        return FAMILY

    if fonts_dir is None:
        present = {entry.name for entry in font_files}
        for name in BUNDLED_FILES:
            if name not in present:
                logger.warning("Bundled font %s is missing from %s", name, folder)

    for font_file in font_files:
        key = str(font_file)
        if key in _registered and _is_live(_registered[key]):
            continue
        try:
            font_id = _add_font(font_file)
        except OSError as error:
            logger.warning("Bundled font %s cannot be read: %s", font_file, error)
            continue
        if font_id < 0:
            logger.warning("Qt could not load the bundled font %s", font_file)
            continue
        _registered[key] = font_id
        families = QFontDatabase.applicationFontFamilies(font_id)
        if not {FAMILY, LATIN_MARKS} & set(families):
            logger.warning("Bundled font %s has families %s, not %s", font_file, families, FAMILY)
    return FAMILY


def font_for(text: str, pixel_size: int, bold: bool = False) -> QFont:
    """The display font to draw ``text`` in: :func:`display_font`, Latin or not.

    Text without a Chinese character (English, figures) gets the proportional
    Latin marks; text with one keeps the Chinese face's full-width “” ‘’ ·.
    """
    return display_font(pixel_size, bold, latin=not has_chinese(text))


def display_font(pixel_size: int, bold: bool = False, latin: bool = False) -> QFont:
    """Make a font of the bundled family for drawing text ``pixel_size`` pixels high.

    The family is set explicitly to the Simplified Chinese face so that font
    fallback never picks the Japanese variant of a shared character. With
    ``latin``, the Latin marks face comes first: it draws ‘ ’ “ ” · proportional
    and lacks every other character, which Qt then takes from the Chinese face.
    Without it, the marks face comes second, for the one character the Chinese
    face lacks and figures use, the word joiner (drawn empty): no other font,
    with another line height, is asked for it. The marks face's line metrics
    are the Chinese face's, so lines stand where they did. Line
    metrics come from the typographic values where Qt supports that. Large
    text is unhinted; small text keeps the platform's default hinting. Tabular
    figures are requested where Qt supports font features (6.7+); the bundled
    face's default digits are of equal width anyway.

    Args:
        pixel_size: The font's pixel size; at least 1.
        bold: Whether to use the bold weight.
        latin: Whether the text is Latin (has no Chinese character).

    Returns:
        A new ``QFont``.

    """
    return QFont(_display_font(max(1, int(pixel_size)), bold, latin))


# Room for every size, weight and script a tour asks for (about 320 at two window sizes).
@functools.lru_cache(maxsize=512)
def _display_font(pixel_size: int, bold: bool, latin: bool) -> QFont:
    """The font :func:`display_font` copies: made once per size, weight and script."""
    font = QFont()
    font.setFamilies([LATIN_MARKS, FAMILY] if latin else [FAMILY, LATIN_MARKS])
    font.setPixelSize(max(1, int(pixel_size)))
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    font.setKerning(True)

    strategy = getattr(QFont.StyleStrategy, "PreferTypoLineMetrics", None)
    if strategy is not None:
        font.setStyleStrategy(strategy)

    font.setHintingPreference(
        QFont.HintingPreference.PreferNoHinting
        if pixel_size >= LARGE_TEXT_PX
        else QFont.HintingPreference.PreferDefaultHinting
    )

    tag = getattr(QFont, "Tag", None)
    if tag is not None and hasattr(font, "setFeature"):
        try:
            font.setFeature(tag("tnum"), 1)
        except (TypeError, ValueError):  # an older binding with another signature
            logger.debug("QFont.setFeature is not usable; tabular figures not requested")
    return font
