"""Make the bundled Latin marks face from Debian's fonts-noto-cjk.

Noto Sans CJK SC maps the curly quotation marks and apostrophes (U+2018, U+2019,
U+201C, U+201D) and the middle dot (U+00B7) to full-width glyphs, as Chinese
wants them: set in English, "Women’s" shows a gap after the apostrophe. The same
font holds the proportional forms of these marks, drawn with its Latin letters
(they serve its Japanese and Korean text), but the Simplified Chinese face never
selects them.

This script takes those proportional glyphs out of the Simplified Chinese face of
each Noto Sans CJK TTC collection and makes a tiny face of its own, "Fulian Latin
Marks", that maps the five characters to them. The viewer puts it before the
Chinese face for text without Chinese characters (``fulian_viewer.ui.fonts``), so
English gets proportional marks and everything else still comes from the Chinese
face. The new face keeps the Chinese face's vertical metrics, so lines set with
it stand exactly where they stood.

The face is renamed because the SIL Open Font License keeps a modified font from
using the original's Reserved Font Name ("Source"); "Noto" is left out too, so
that nobody takes it for a Noto font.

Get the source fonts as for ``scripts/subset_fonts.py``, then run, from the
project root::

    uv run python scripts/make_latin_marks.py

It writes ``resources/fonts/FulianLatinMarks-<Weight>.otf`` and prints each file's
size and the marks' advances.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from subset_fonts import DEFAULT_SOURCE_DIR, DEFAULT_WEIGHTS, OUT_DIR, ROOT, find_face

FAMILY = "Fulian Latin Marks"
JAPANESE = "Noto Sans CJK JP"

MARKS = {
    "\u2018": "cid00725",  # ‘ left single quotation mark
    "\u2019": "cid00726",  # ’ right single quotation mark, the apostrophe
    "\u201c": "cid00728",  # “ left double quotation mark
    "\u201d": "cid00729",  # ” right double quotation mark
    "\u00b7": "cid00117",  # · middle dot
}
"""Each mark and the proportional glyph of Noto Sans CJK 2.004 that draws it.

For the quotation marks these are the glyphs the font's Japanese and Korean
'locl' lookups substitute for the full-width ones; the middle dot is the one the
Japanese and Korean faces map it to. The script checks that this is still so.
"""

INVISIBLE = {"\u2060": "cid00001"}  # word joiner: the space glyph, its advance set to 0
"""Characters drawn with nothing at all: no ink, no advance.

The viewer keeps a Chinese figure on one line with word joiners (U+2060) between
its characters. The Chinese face has no word joiner, so Qt would take one from
another font, whose taller line moves the line holding the figure. The glyph is
the face's space, emptied and given a zero advance.
"""

AS_WIDE_AS = {"\u00b7": "."}
"""Marks set in the advance of another character, their ink centred in it.

The font's middle dot is as large as a full stop, centred in more than half an em
(Japanese sets it so); in English it stands between spaces, as wide as a full stop.
"""


def check_glyphs(face: TTFont, japanese: TTFont) -> None:
    """Stop unless each of :data:`MARKS` is narrower than an em and the Japanese choice."""
    cmap, japanese_cmap = face.getBestCmap(), japanese.getBestCmap()
    substitutes: dict[str, str] = {}
    table = face["GSUB"].table
    for record in table.FeatureList.FeatureRecord:
        if record.FeatureTag != "locl":
            continue
        for index in record.Feature.LookupListIndex:
            for sub in table.LookupList.Lookup[index].SubTable:
                sub = getattr(sub, "ExtSubTable", sub)
                substitutes.update(getattr(sub, "mapping", {}) or {})
    for char, glyph in MARKS.items():
        narrow = face["hmtx"][glyph][0] < 0.7 * face["head"].unitsPerEm
        chosen = {substitutes.get(cmap[ord(char)]), japanese_cmap.get(ord(char))}
        if glyph not in chosen or not narrow:
            raise SystemExit(f"U+{ord(char):04X}: {glyph} is not its proportional form here")


def recentre(font: TTFont, char: str, width: int) -> None:
    """Give ``char``'s glyph the advance ``width``, its ink centred in it."""
    name = font.getBestCmap()[ord(char)]
    glyphs = font.getGlyphSet()
    bounds = BoundsPen(glyphs)
    glyphs[name].draw(bounds)
    assert bounds.bounds is not None
    left, _, right, _ = bounds.bounds
    shift = (width - (right - left)) / 2 - left
    strings = font["CFF "].cff.topDictIndex[0].CharStrings
    old = strings[name]
    pen = T2CharStringPen(width, glyphs)
    glyphs[name].draw(TransformPen(pen, (1, 0, 0, 1, round(shift), 0)))
    strings[name] = pen.getCharString(private=old.private, globalSubrs=old.globalSubrs)
    font["hmtx"][name] = (width, round(left + shift))


def make_invisible(font: TTFont, char: str) -> None:
    """Empty ``char``'s glyph and give it a zero advance."""
    name = font.getBestCmap()[ord(char)]
    strings = font["CFF "].cff.topDictIndex[0].CharStrings
    old = strings[name]
    pen = T2CharStringPen(0, None)
    strings[name] = pen.getCharString(private=old.private, globalSubrs=old.globalSubrs)
    font["hmtx"][name] = (0, 0)


def rename(font: TTFont, weight: str) -> None:
    """Give ``font`` the family :data:`FAMILY` in every name record and in its CFF."""
    postscript = f"{FAMILY.replace(' ', '')}-{weight}"
    names = {
        1: FAMILY,
        2: weight,
        3: f"{postscript};fulian-viewer",
        4: f"{FAMILY} {weight}" if weight != "Regular" else FAMILY,
        6: postscript,
    }
    table = font["name"]
    table.names = [record for record in table.names if record.nameID not in (16, 17, 21, 22)]
    for record in table.names:
        if record.nameID in names:
            record.string = names[record.nameID]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [postscript]
    top = cff.topDictIndex[0]
    top.CIDFontName = postscript
    top.FullName = names[4]
    top.FamilyName = FAMILY


def make_marks(source: Path, index: int, target: Path, weight: str, chinese: Path) -> TTFont:
    """Write the marks face of face ``index`` of ``source`` to ``target``; return it.

    ``chinese`` is the bundled Chinese face of the same weight, whose metrics it takes.
    """
    options = subset.Options()
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]
    options.name_languages = [0x409]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = []
    options.recalc_timestamp = False

    font = TTFont(str(source), fontNumber=index, recalcTimestamp=False, recalcBBoxes=False)
    with TTFont(str(source), fontNumber=find_face(source, JAPANESE), lazy=True) as japanese:
        check_glyphs(font, japanese)
    # The metrics Qt reads from the face (line, widest advance, bearings, bounds) are
    # the bundled Chinese face's, so a line set with the marks face first is laid out
    # as before.
    with TTFont(str(chinese)) as bundled:
        kept = {tag: dict(vars(bundled[tag])) for tag in ("head", "hhea", "OS/2")}
        bounds = list(bundled["CFF "].cff.topDictIndex[0].FontBBox)
    subsetter = subset.Subsetter(options=options)
    cmap = font.getBestCmap()
    widths = {char: font["hmtx"][cmap[ord(model)]][0] for char, model in AS_WIDE_AS.items()}
    subsetter.populate(glyphs=[*MARKS.values(), *INVISIBLE.values()])
    subsetter.subset(font)

    mapping = newTable("cmap")
    mapping.tableVersion = 0
    mapping.tables = []
    for platform, encoding in ((0, 3), (3, 1)):
        table = CmapSubtable.newSubtable(4)
        table.platformID, table.platEncID, table.language = platform, encoding, 0
        table.cmap = {ord(char): glyph for char, glyph in {**MARKS, **INVISIBLE}.items()}
        mapping.tables.append(table)
    font["cmap"] = mapping
    for char, width in widths.items():
        recentre(font, char, width)
    for char in INVISIBLE:
        make_invisible(font, char)
    for tag, fields in (
        ("head", ("xMin", "yMin", "xMax", "yMax")),
        ("hhea", ("advanceWidthMax", "minLeftSideBearing", "minRightSideBearing", "xMaxExtent")),
        ("OS/2", ("xAvgCharWidth",)),
    ):
        for field in fields:
            setattr(font[tag], field, kept[tag][field])
    font["CFF "].cff.topDictIndex[0].FontBBox = bounds
    font["OS/2"].recalcUnicodeRanges(font)
    font["OS/2"].recalcCodePageRanges(font)
    font["OS/2"].usFirstCharIndex = min(ord(char) for char in {**MARKS, **INVISIBLE})
    font["OS/2"].usLastCharIndex = max(ord(char) for char in {**MARKS, **INVISIBLE})
    rename(font, weight)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))
    return font


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=DEFAULT_SOURCE_DIR,
        help=f"folder with NotoSansCJK-<Weight>.ttc (default: {DEFAULT_SOURCE_DIR})",
    )
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where to write the .otf")
    args = parser.parse_args(argv)
    for weight in DEFAULT_WEIGHTS:
        source = args.source_dir / f"NotoSansCJK-{weight}.ttc"
        if not source.is_file():
            print(f"error: {source} not found", file=sys.stderr)
            return 2
        target = args.out_dir / f"FulianLatinMarks-{weight}.otf"
        chinese = args.out_dir / f"NotoSansCJKsc-{weight}.otf"
        font = make_marks(source, find_face(source), target, weight, chinese)
        advances = ", ".join(
            f"{char if char not in INVISIBLE else f'U+{ord(char):04X}'} {font['hmtx'][glyph][0]}"
            for char, glyph in {**MARKS, **INVISIBLE}.items()
        )
        shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
        print(f"{source.name} -> {shown}: {target.stat().st_size:,} bytes; {advances}")
        font.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
